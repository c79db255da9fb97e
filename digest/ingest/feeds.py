"""RSS and Atom feeds through feedparser, refusing XML entity declarations outright."""

from __future__ import annotations

import calendar
import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

from digest.errors import InputError
from digest.text import word_count

logger = logging.getLogger(__name__)

# Entity declarations enable "billion laughs" expansion and external entities (file or network
# reads). Real news feeds never need them, so a feed that declares any is refused whole.
# (feedparser also drops the DOCTYPE before parsing; this refusal makes the failure visible.)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
# Under this many words, an entry's content is a teaser: the linked page holds the article.
MIN_FULL_TEXT_WORDS = 120
# feedparser reports these for feeds that are still read correctly (a declared charset that
# does not match, an HTML entity such as &nbsp; that XML does not define).
_HARMLESS_PROBLEMS = ("CharacterEncodingOverride", "NonXMLContentType", "undefined entity")


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str | None
    key: str  # stable identity within the feed: link, else guid, else a hash of title and date
    html: str | None  # the longest of the entry's content and summary
    summary: str | None
    author: str | None
    published: datetime | None
    feed_title: str | None

    @property
    def has_full_text(self) -> bool:
        return bool(self.html) and word_count(re.sub(r"<[^>]+>", " ", self.html)) >= MIN_FULL_TEXT_WORDS


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None  # the feed is malformed but some entries could be recovered


# The root element after any XML declaration, comments, processing instructions and DOCTYPE.
_FEED_ROOT = re.compile(r"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is <rss>, <feed> or <rdf:RDF>."""
    return bool(_FEED_ROOT.match(_text_head(data, 8192).lstrip("\ufeff")))


def _text_head(data: bytes, size: int | None = None) -> str:
    """The start of the document as text, whatever its encoding (UTF-16 feeds included)."""
    from digest.ingest.readers import sniff_unicode

    encoding = sniff_unicode(data) or "latin-1"  # latin-1 never fails and keeps ASCII markup readable
    sample = data if size is None else data[: size * 4]
    return sample.decode(encoding, errors="replace")


def _problem(parsed) -> str | None:
    if not parsed.bozo:
        return None
    exception = parsed.get("bozo_exception")
    text = f"{exception.__class__.__name__}: {exception}"
    if any(harmless in text for harmless in _HARMLESS_PROBLEMS):
        return None
    if hasattr(exception, "getLineNumber"):  # expat's SAXParseException
        return f"{exception.getMessage()} at line {exception.getLineNumber()}, column {exception.getColumnNumber()}"
    return re.sub(r"\s+", " ", str(exception) or exception.__class__.__name__)


def _entry_key(entry, link: str | None) -> str:
    if link:
        return link
    if entry.get("id"):
        return str(entry["id"])
    stamp = f"{entry.get('title', '')}|{entry.get('published') or entry.get('updated') or ''}"
    return "entry-" + hashlib.sha1(stamp.encode("utf-8")).hexdigest()[:12]


def parse_feed(data: bytes, location: str) -> Feed:
    """The entries of a feed. Raises InputError for a feed that declares entities, for something
    that is not a feed, and for a malformed feed from which no entry can be recovered."""
    if _ENTITY_DECL.search(_text_head(data)):
        raise InputError(f"{location}: feed declares XML entities (<!ENTITY>); refused so nothing is expanded or fetched")
    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # feedparser's loose parser can trip on odd bytes
        raise InputError(f"{location}: malformed feed ({exc.__class__.__name__}: {exc})") from None
    problem = _problem(parsed)
    if not parsed.get("version"):
        if problem:
            raise InputError(f"{location}: malformed feed ({problem})")
        raise InputError(f"{location}: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    feed_title = parsed.feed.get("title") or None
    entries = []
    for entry in parsed.entries:
        if not (entry.get("title") or entry.get("link") or entry.get("summary") or entry.get("content")):
            continue  # debris the loose parser found in a broken feed
        # RSS often carries the whole article in <description> (feedparser's summary) and Atom in <content>.
        blocks = [c.get("value", "") for c in entry.get("content") or []] + [entry.get("summary") or ""]
        html = max(blocks, key=len) or None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        link = entry.get("link") or None
        entries.append(
            FeedEntry(
                title=(entry.get("title") or "").strip(),
                link=link,
                key=_entry_key(entry, link),
                html=html,
                summary=entry.get("summary") or None,
                author=entry.get("author") or None,
                published=datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None,
                feed_title=feed_title,
            )
        )
    if problem and not entries:
        raise InputError(f"{location}: malformed feed ({problem})")
    return Feed(title=feed_title, entries=tuple(entries), problem=problem)
