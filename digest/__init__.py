"""digest: briefing digests of negotiation coverage, grouped by track, summarised with citations."""

__version__ = "0.1.0"
