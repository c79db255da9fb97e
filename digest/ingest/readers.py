"""Readers: bytes of one input -> Documents. Picked by file extension behind `read_bytes`.

JSON articles are one object or a list of objects with these fields:
  title (required), text | body | content (required), author, published | date (ISO 8601
  or RFC 2822), url | link, outlet | source | site_name, place | dateline.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import email.utils
import json
import logging
from datetime import UTC, datetime
from pathlib import PurePath

from digest.errors import InputError
from digest.ingest.clean import split_headline
from digest.models import Document

logger = logging.getLogger(__name__)

TEXT_EXTENSIONS = {".txt", ".md", ".markdown"}
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


def decode(data: bytes, location: str) -> str:
    """Bytes to text: BOMs honoured, UTF-8 tried first, then the detected legacy encoding
    (cp1252 and friends). Raises InputError for empty or binary data."""
    if not data.strip():
        raise InputError(f"{location}: empty file; nothing to ingest")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), location)
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2], data[1:4096:2]
        if odd.count(0) > len(odd) * 0.9:
            return _checked(data.decode("utf-16-le", errors="replace"), location)
        if even.count(0) > len(even) * 0.9:
            return _checked(data.decode("utf-16-be", errors="replace"), location)
        raise InputError(f"{location}: binary file (contains NUL bytes); digest reads text, HTML, JSON, email and feed files")
    try:
        return _checked(data.decode("utf-8"), location)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    logger.info("%s: not UTF-8, decoded as %s", location, encoding)
    return _checked(data.decode(encoding, errors="replace"), location)


def _checked(text: str, location: str) -> str:
    sample = text[:8192]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and control / len(sample) > 0.05:
        raise InputError(f"{location}: binary file (mostly control characters); digest reads text, HTML, JSON, email and feed files")
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


def read_text(text: str, location: str) -> list[Document]:
    title, body = split_headline(text)
    if not body.strip():
        raise InputError(f"{location}: only a headline, no article text")
    return [Document(location=location, title=title, body=body)]


def read_html(text: str, location: str, url: str | None = None) -> list[Document]:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"{location}: cannot parse HTML ({exc.__class__.__name__}: {exc})") from None
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(f"{location}: no article text found in the HTML (is it an index page or a login wall?)")
    body = extracted.text
    return [
        Document(
            location=location,
            title=(extracted.title or "").strip() or split_headline(body)[0],
            body=body,
            author=extracted.author or None,
            published=parse_date(extracted.date),
            outlet=extracted.sitename or extracted.hostname or None,
            url=extracted.url or url,
        )
    ]


def _json_document(obj, location: str) -> Document:
    if not isinstance(obj, dict):
        raise InputError(f"{location}: expected an article object, got {type(obj).__name__}")

    def field(*names):
        for name in names:
            value = obj.get(name)
            if value not in (None, ""):
                return value
        return None

    title = field("title", "headline")
    body = field("text", "body", "content")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{location}: article object has no 'text' (or 'body', 'content') field")
    if not isinstance(title, str) or not title.strip():
        title, body = split_headline(body) if title is None else (str(title), body)
    return Document(
        location=location,
        title=title,
        body=body,
        author=field("author", "byline"),
        published=parse_date(field("published", "date", "published_at")),
        outlet=field("outlet", "source", "site_name", "sitename"),
        url=field("url", "link"),
        place=field("place", "dateline"),
    )


def read_json(text: str, location: str) -> list[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{location}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, list):
        return [_json_document(item, f"{location}#{i}") for i, item in enumerate(data)]
    return [_json_document(data, location)]


def read_eml(data: bytes, location: str) -> list[Document]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(message.get("Subject") or "").strip()
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError(f"{location}: email has no text or HTML body")
    try:
        content = part.get_content()
    except (LookupError, UnicodeError) as exc:
        raise InputError(f"{location}: cannot decode the email body ({exc})") from None
    if isinstance(content, bytes):
        content = decode(content, location)
    sender_name, sender_address = email.utils.parseaddr(str(message.get("From") or ""))
    if part.get_content_type() == "text/html":
        html_doc = read_html(content, location)[0]
        body = html_doc.body
    else:
        body = content
    if not subject:
        subject, body = split_headline(body)
    return [
        Document(
            location=location,
            title=subject,
            body=body,
            author=sender_name or None,
            published=parse_date(message.get("Date")),
            outlet=sender_name or (sender_address.split("@")[-1] if sender_address else None),
        )
    ]


def read_bytes(data: bytes, location: str, extension: str | None = None) -> list[Document]:
    """Dispatch on extension. Raises InputError for unsupported types and unreadable content."""
    ext = (extension or PurePath(location).suffix).lower()
    if ext == ".eml":
        if not data.strip():
            raise InputError(f"{location}: empty file; nothing to ingest")
        return read_eml(data, location)
    if ext not in TEXT_EXTENSIONS | HTML_EXTENSIONS | {".json"}:
        raise InputError(f"{location}: unsupported file type {ext or '(no extension)'!r}; digest reads {' '.join(SUPPORTED)}")
    text = decode(data, location)
    if ext in HTML_EXTENSIONS:
        return read_html(text, location)
    if ext == ".json":
        return read_json(text, location)
    return read_text(text, location)
