"""RSS and Atom feeds through feedparser, refusing XML entity declarations outright."""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from digest.errors import InputError

logger = logging.getLogger(__name__)

# Entity declarations enable "billion laughs" expansion and external entities (file or network
# reads). Real news feeds never need them, so a feed that declares any is refused whole.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_MIN_FULL_TEXT_WORDS = 120


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str | None
    html: str | None  # full content when the feed carries it
    summary: str | None
    author: str | None
    published: datetime | None
    feed_title: str | None

    @property
    def has_full_text(self) -> bool:
        from digest.text import word_count

        return bool(self.html) and word_count(re.sub(r"<[^>]+>", " ", self.html)) >= _MIN_FULL_TEXT_WORDS


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(data: bytes, location: str) -> list[FeedEntry]:
    """Entries of a feed. Raises InputError for a malformed feed or one declaring entities."""
    if _ENTITY_DECL.search(data[:65536]):
        raise InputError(f"{location}: feed declares XML entities (<!ENTITY>); refused so nothing is expanded or fetched")
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "unknown error")
        raise InputError(f"{location}: malformed feed ({reason})")
    if not parsed.entries and not parsed.feed:
        raise InputError(f"{location}: not an RSS or Atom feed")
    feed_title = parsed.feed.get("title")
    entries = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        html = max((c.get("value", "") for c in content), key=len, default="") or None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        entries.append(
            FeedEntry(
                title=(entry.get("title") or "").strip(),
                link=entry.get("link"),
                html=html,
                summary=entry.get("summary"),
                author=entry.get("author"),
                published=published,
                feed_title=feed_title,
            )
        )
    return entries
