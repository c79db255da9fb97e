"""Frozen dataclasses passed between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Document:
    """What a reader got out of one input, before cleaning."""

    location: str
    title: str
    body: str
    author: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article. `id` is None until the store has it."""

    location: str
    title: str
    text: str
    content_hash: str
    author: str | None = None
    place: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    first_seen: datetime | None = None
    word_count: int = 0
    id: int | None = None
    duplicate_of: int | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def date(self) -> datetime | None:
        """The date an analyst cares about: published when known, else first seen."""
        return self.published or self.first_seen


@dataclass(frozen=True)
class Failure:
    """One input that could not be ingested, and why."""

    location: str
    reason: str
    at: datetime | None = None


@dataclass(frozen=True)
class IngestReport:
    added: tuple[Article, ...] = ()
    duplicates: tuple[Article, ...] = ()
    unchanged: tuple[str, ...] = ()
    failures: tuple[Failure, ...] = ()
    not_modified: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.failures


OUT_OF_SCOPE = "out_of_scope"
OTHER = "other"


@dataclass(frozen=True)
class Evidence:
    """One matched cue: which track it supports, what matched, how much it counted, and where."""

    track: str
    cue: str
    kind: str  # "venue", "actor", "phrase", "dateline", "headline", "scope", ...
    weight: float
    sentence: str


@dataclass(frozen=True)
class TrackAssignment:
    """Where an article belongs. `primary` is a track id or OUT_OF_SCOPE."""

    primary: str
    secondary: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    pinned: bool = False
    config_hash: str = ""
    article_id: int | None = None


@dataclass(frozen=True)
class SummarySentence:
    """A sentence taken verbatim from an article. `sources` index into Summary.articles:
    the first is the article the text comes from, the rest carry it or a near-copy."""

    text: str
    sources: tuple[int, ...]
    score: float = 0.0
    repeated: bool = False  # its content was in the previous digest of this track


# The kinds of Figure that are sums of money: the value carries the currency ("$53 billion").
SUMS = frozenset({"dollars", "euros", "pounds"})


@dataclass(frozen=True)
class Figure:
    """A key number: what it counts, the sentence it was found in, and who reported it."""

    value: str
    what: str
    category: str  # "killed", "hunger", "hostages", "prisoners", "weeks", "dollars", ...
    sentence: str
    sources: tuple[int, ...]
    disputed: bool = False  # another source gives a different value for the same thing


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    source: int  # index into Summary.articles


@dataclass(frozen=True)
class Summary:
    """The extractive summary of one group of articles (one track's section)."""

    articles: tuple[Article, ...]
    sentences: tuple[SummarySentence, ...]
    one_liners: tuple[str, ...] = ()  # one per article, same order as `articles`
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    track: str | None = None
    algorithm: str = "lexrank"


@dataclass(frozen=True)
class DigestRecord:
    """A recorded briefing: when and what it covered, where its files are, and its data
    (the Briefing as a JSON-ready dict, enough to render it again without rebuilding)."""

    id: int
    created_at: datetime
    date: date
    window_start: datetime | None
    window_end: datetime | None
    tracks: tuple[str, ...]
    config_hash: str
    algorithm: str
    version: str
    path: str | None
    article_count: int
    data: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Delivery:
    """One row of the delivery ledger: a digest for one recipient.

    status: "pending" (not sent yet, or a transient failure to retry), "sending" (an attempt is
    under way, or was cut off: it is retried with the same Message-ID), "sent", "failed"
    (permanent: the server answered 5xx), "skipped" (nothing to send, e.g. no new articles).
    """

    digest_id: int
    recipient: str
    status: str
    attempts: int = 0
    message_id: str | None = None
    last_error: str | None = None
    updated_at: datetime | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True)
class Lease:
    """Who holds a named lease (the active scheduler, the running deliverer) and until when."""

    name: str
    owner: str
    host: str
    pid: int
    acquired_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class JobRun:
    """One run of a scheduled job for one scheduled time (`slot`); `digest_id` once built."""

    id: int
    job_id: str
    slot: datetime
    owner: str
    started_at: datetime
    finished_at: datetime | None = None
    status: str = "running"  # running, done, failed
    digest_id: int | None = None
    error: str | None = None
