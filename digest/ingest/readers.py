"""Readers: bytes of one input -> Documents. Picked by file extension behind `read_entries`.

JSON articles are one object or a list of objects with these fields:
  title | headline, text | body | content (required), author | byline (a string or a list
  of names), published | date | published_at (ISO 8601 or RFC 2822), url | link,
  outlet | source | site_name, place | dateline.
Without a title the first line of the text is the headline. Each object of a list is its own
item: a bad one is reported as `file.json#N` and the others are still read.

Markdown files may start with a front-matter block (`---` / `key: value` lines / `---`) whose
title, author, date, url and outlet keys are used as metadata.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import email.utils
import html
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

from digest.errors import InputError
from digest.ingest.clean import split_headline
from digest.models import Document

logger = logging.getLogger(__name__)

TEXT_EXTENSIONS = {".txt", ".md", ".markdown"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
FEED_EXTENSIONS = {".xml", ".rss", ".atom"}
SUPPORTED = sorted(TEXT_EXTENSIONS | HTML_EXTENSIONS | FEED_EXTENSIONS | {".json", ".eml"})

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]



@dataclass(frozen=True)
class BadEntry:
    """One bad entry inside a readable file (one object of a JSON list)."""

    location: str
    reason: str


Entries = list[Document | BadEntry]


def _binary(location: str, why: str) -> InputError:
    return InputError(f"{location}: binary file ({why}); digest reads {' '.join(SUPPORTED)} text files")


# File signatures of the binary formats people drop into an inbox by mistake.
_SIGNATURES = {
    b"%PDF-": "a PDF", b"PK\x03\x04": "a zip archive or Office document", b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "gzip data", b"\xd0\xcf\x11\xe0": "an old Office document",
    b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-Zip archive", b"ID3": "an MP3 file", b"RIFF": "a RIFF (WAV, AVI, WebP) file",
}


def sniff_unicode(data: bytes) -> str | None:
    """The encoding a BOM or a UTF-16 NUL pattern announces, else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:4096]
    if b"\x00" in sample:
        even, odd = sample[0::2], sample[1::2]
        if odd and odd.count(0) > len(odd) * 0.9:
            return "utf-16-le"
        if even and even.count(0) > len(even) * 0.9:
            return "utf-16-be"
    return None


def decode(data: bytes, location: str, declared: str | None = None) -> str:
    """Bytes to text: BOMs honoured, UTF-16 without a BOM recognised, UTF-8 tried next, then the
    `declared` charset (an HTTP Content-Type's), then a legacy single-byte encoding (cp1252
    first, see `_legacy_encoding`). Raises InputError for empty or binary data."""
    if not data.strip():
        raise InputError(f"{location}: empty file; nothing to ingest")
    _refuse_binary(data, location)
    encoding = sniff_unicode(data)
    if encoding:
        return _checked(data.decode(encoding, errors="replace"), location)
    try:
        return _checked(data.decode("utf-8"), location)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(declared), location)
        except (LookupError, UnicodeDecodeError):
            logger.info("%s: the declared charset %r does not fit; guessing", location, declared)
    encoding = _legacy_encoding(data)
    logger.info("%s: not UTF-8, decoded as %s", location, encoding)
    return _checked(data.decode(encoding, errors="replace"), location)


def _refuse_binary(data: bytes, location: str) -> None:
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            raise _binary(location, f"it is {kind}")
    if b"\x00" in data[:4096] and sniff_unicode(data) is None:
        raise _binary(location, "it contains NUL bytes")


def _legacy_encoding(data: bytes) -> str:
    """The detector's best guess, except that cp1252 wins whenever the detector finds it plausible.

    charset_normalizer often ranks cp1250 or cp1257 above cp1252 for short Western text; they agree
    on curly quotes but not on letters such as à, so English and French text would be garbled.
    Text in another script (Cyrillic, Greek, Arabic, Hebrew) never lists cp1252 as plausible.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    if any("cp1252" in match.could_be_from_charset for match in matches):
        return "cp1252"
    best = matches.best()
    return best.encoding if best is not None else "cp1252"


def _checked(text: str, location: str) -> str:
    sample = text[:8192]
    control = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    if sample and control / len(sample) > 0.05:
        raise _binary(location, "mostly control characters")
    if not text.strip():
        raise InputError(f"{location}: empty file; nothing to ingest")
    return text


def parse_date(value) -> datetime | None:
    """ISO 8601 or RFC 2822 to an aware UTC datetime; None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                parsed = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# --- plain text and Markdown ------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:[A-Za-z_][\w-]*[ \t]*:.*\n)+)---[ \t]*\n")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_BLOCK_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.M)
_MD_RULE_OR_FENCE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s{0,3}(?:```|~~~).*$", re.M)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group("body").splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end():]


def markdown_to_text(text: str) -> str:
    """Markdown markup removed, words kept: links become their text, images go, emphasis and
    block markers (headings, quotes, list bullets) are dropped."""
    text = _MD_RULE_OR_FENCE.sub("", text)
    text = _MD_REFERENCE_DEF.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_BLOCK_PREFIX.sub("", text)
    for _ in range(2):  # **_nested_** emphasis
        text = _MD_EMPHASIS.sub(r"\2", text)
    return text


# Inline HTML pasted into a plain-text article ("<b>Live updates</b> <a href=...>Hamas</a> on Monday
# released ..."): the tags go, their text stays.
_INLINE_TAG = re.compile(r"</?(?:a|b|i|em|strong|span|u|small|sup|sub|font|mark)\b[^<>]*>", re.I)
_BREAK_TAG = re.compile(r"<br\s*/?>|</?p\b[^<>]*>", re.I)


def _without_inline_html(text: str) -> str:
    if len(_INLINE_TAG.findall(text, 0, 200_000)) < 2:
        return text  # one "<b>" in a story about HTML is text
    return html.unescape(_INLINE_TAG.sub("", _BREAK_TAG.sub("\n", text)))


def read_text(text: str, location: str, markdown: bool = False) -> list[Document]:
    meta: dict[str, str] = {}
    if markdown:
        meta, text = _front_matter(text.replace("\r\n", "\n"))
        text = markdown_to_text(text)
    elif "](" in text:
        # a page saved as text by a reader tool keeps its images and links in Markdown: an image's
        # caption is no article text, a link's words are
        text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", text))
    text = _without_inline_html(text)
    if meta.get("title"):
        title, body = meta["title"], text  # a headline repeated at the top is dropped by clean_body
    else:
        title, body = split_headline(text)
    if not body.strip():
        raise InputError(f"{location}: only a headline, no article text")
    return [
        Document(
            location=location,
            title=title,
            body=body,
            author=meta.get("author") or None,
            published=parse_date(meta.get("date") or meta.get("published")),
            outlet=meta.get("outlet") or meta.get("source") or None,
            url=meta.get("url") or meta.get("link") or None,
        )
    ]


# --- HTML -------------------------------------------------------------------------------------

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
)


def _exact_published(html: str) -> tuple[datetime, str] | None:
    """The publication time from the page's metadata when it carries a time of day, with the day
    as the page writes it in its own zone ("2024-05-07" for "2024-05-07T00:12:00+03:00", which is
    21:12 UTC on the 6th).

    trafilatura (htmldate) keeps only the day; a briefing window runs from hour to hour, so the
    time matters when the page states it.
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _PUBLISHED_META:
            value = parse_date(meta.get("content"))
            if value is not None and "T" in (meta.get("content") or ""):
                return value, _own_day(meta.get("content"), value)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text or "")
        if match and "T" in match.group(1) and (value := parse_date(match.group(1))):
            return value, _own_day(match.group(1), value)
    return None


def _own_day(stamp: str, value: datetime) -> str:
    """The day an ISO time stamp writes ("2024-05-07T00:12:00+03:00": 2024-05-07), else its day in UTC."""
    head = stamp.strip()[:10]
    return head if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head) else value.date().isoformat()


# Under this many words, a precision-first extraction may have stopped at a banner in sloppy
# markup (an unclosed cookie notice swallowing the page); a recall-first pass is tried too.
_SHORT_EXTRACTION_WORDS = 100


def _extract(text: str, location: str, url: str | None, precise: bool):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=precise, favor_recall=not precise,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        raise InputError(f"{location}: cannot parse HTML ({exc.__class__.__name__}: {exc})") from None


def read_html(text: str, location: str, url: str | None = None, precise: bool = True) -> list[Document]:
    """Main text and metadata via trafilatura. `precise` favours precision (web pages full of
    furniture); False favours recall (feed content and email bodies, which are mostly article).
    Cleaning (clean.py) then removes what furniture a recall pass lets through."""
    from digest.text import word_count

    extracted = _extract(text, location, url, precise)
    found = word_count(extracted.text or "") if extracted is not None else 0
    if precise and found < _SHORT_EXTRACTION_WORDS:
        fuller = _extract(text, location, url, precise=False)
        if fuller is not None and word_count(fuller.text or "") > 2 * found:
            extracted = fuller
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(f"{location}: no article text found in the HTML (is it an index page, a login wall or broken markup?)")
    body = extracted.text
    day = parse_date(extracted.date)
    exact = _exact_published(text)  # kept when its own day is the one trafilatura found
    published = exact[0] if exact and (day is None or exact[1] == day.date().isoformat()) else day
    return [
        Document(
            location=location,
            title=(extracted.title or "").strip() or split_headline(body)[0],
            body=body,
            author=extracted.author or None,
            published=published,
            outlet=extracted.sitename or extracted.hostname or None,
            url=extracted.url or url,
        )
    ]


# --- JSON -------------------------------------------------------------------------------------


def _json_document(obj, location: str) -> Document:
    if not isinstance(obj, dict):
        raise InputError(f"{location}: expected an article object, got {type(obj).__name__}")

    def field(*names: str, many: bool = False) -> str | None:
        for name in names:
            value = obj.get(name)
            if value in (None, "", []):
                continue
            if many and isinstance(value, list) and all(isinstance(v, str) for v in value):
                return " and ".join(v.strip() for v in value if v.strip())
            if not isinstance(value, str):
                raise InputError(f"{location}: field {name!r} must be a string, got {type(value).__name__}")
            return value.strip()
        return None

    title = field("title", "headline")
    body = field("text", "body", "content")
    if not body:
        raise InputError(f"{location}: article object has no 'text' (or 'body', 'content') field")
    if not title:
        title, body = split_headline(body)
    published_raw = field("published", "date", "published_at")
    published = parse_date(published_raw)
    if published_raw and published is None:
        logger.warning("%s: cannot read the date %r (use ISO 8601); using the first-seen time", location, published_raw)
    return Document(
        location=location,
        title=title,
        body=body,
        author=field("author", "byline", many=True),
        published=published,
        outlet=field("outlet", "source", "site_name", "sitename"),
        url=field("url", "link"),
        place=field("place", "dateline"),
    )


def read_json(text: str, location: str) -> Entries:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{location}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, list):
        if not data:
            raise InputError(f"{location}: an empty JSON list; nothing to ingest")
        entries: Entries = []
        for number, item in enumerate(data):
            try:
                entries.append(_json_document(item, f"{location}#{number}"))
            except InputError as exc:
                entries.append(BadEntry(f"{location}#{number}", str(exc)))
        return entries
    return [_json_document(data, location)]


# --- email ------------------------------------------------------------------------------------


def read_eml(data: bytes, location: str) -> list[Document]:
    """An article or newsletter sent by email: the subject is the headline, the sender the
    outlet, the Date header the published date; the plain-text body is preferred over HTML."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.keys():
        raise InputError(f"{location}: not an email (no headers); save messages as .eml with their headers")
    subject = str(message.get("Subject") or "").strip()
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError(f"{location}: email has no text or HTML body (only attachments?)")
    try:
        content = part.get_content()
    except (LookupError, UnicodeError) as exc:
        raise InputError(f"{location}: cannot decode the email body ({exc})") from None
    if isinstance(content, bytes):
        content = decode(content, location)
    if part.get_content_type() == "text/html":
        body = read_html(content, location, precise=False)[0].body
    else:
        body = content
    if not subject:
        subject, body = split_headline(body)
    sender_name, sender_address = email.utils.parseaddr(str(message.get("From") or ""))
    return [
        Document(
            location=location,
            title=subject,
            body=body,
            published=parse_date(message.get("Date")),
            outlet=sender_name or sender_address or None,
        )
    ]


# --- dispatch ---------------------------------------------------------------------------------


def read_entries(data: bytes, location: str, extension: str | None = None) -> Entries:
    """Dispatch on extension. Raises InputError for unsupported types and unreadable content;
    a bad entry inside a good file (one object of a JSON list) comes back as a BadEntry."""
    ext = (extension or PurePath(location).suffix).lower()
    if ext not in TEXT_EXTENSIONS | HTML_EXTENSIONS | {".json", ".eml"}:
        raise InputError(f"{location}: unsupported file type {ext or '(no extension)'!r}; digest reads {' '.join(SUPPORTED)}")
    if not data.strip():
        raise InputError(f"{location}: empty file; nothing to ingest")
    try:
        if ext == ".eml":
            _refuse_binary(data, location)
            return list(read_eml(data, location))
        text = decode(data, location)
        if ext in HTML_EXTENSIONS:
            return list(read_html(text, location))
        if ext == ".json":
            return read_json(text, location)
        return list(read_text(text, location, markdown=ext in MARKDOWN_EXTENSIONS))
    except InputError:
        raise
    except Exception as exc:  # a parser bug on one odd file must not stop the batch
        logger.debug("%s: reader failed", location, exc_info=True)
        raise InputError(f"{location}: cannot read ({exc.__class__.__name__}: {exc})") from None

