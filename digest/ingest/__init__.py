"""Ingest: inbox folders, files, feeds and URLs -> cleaned, de-duplicated articles in the store.

One bad input never stops a batch: it becomes a Failure (logged, quarantined in the store,
returned in the report) and the batch goes on. Input files are only ever read.

Polling is cheap: a feed or URL is fetched with the ETag / Last-Modified of its last good
fetch (a 304 answer counts as "not modified"), and the page behind a link-only feed entry is
fetched once, not on every poll. Validators are only saved once everything from a response
was stored, so a failed entry is retried on the next poll.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from digest.config import Config
from digest.errors import InputError
from digest.ingest import dedup
from digest.ingest.clean import clean_body, repaired
from digest.ingest.feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from digest.ingest.fetch import Fetcher, Response, is_url
from digest.ingest.readers import FEED_EXTENSIONS, BadEntry, Entries, decode, read_entries, read_html
from digest.models import Article, Document, Failure, IngestReport
from digest.store import Store, utcnow
from digest.text import content_hash, word_count

logger = logging.getLogger(__name__)

__all__ = ["ingest", "plan", "document_to_article", "read_path", "iter_documents", "Item"]


@dataclass(frozen=True)
class Item:
    """One unit of work: a file, a feed or a URL."""

    kind: str  # "file", "feed", "url"
    location: str


def plan(config: Config, targets: list[str] | None = None) -> list[Item]:
    """Expand targets (files, folders, URLs; none = the configured sources) into items.
    Folders are walked recursively in name order; hidden files and folders are skipped."""
    items: list[Item] = []
    feeds = set(config.sources.feeds)
    if not targets:
        targets = []
        if config.inbox_path.is_dir():
            targets.append(str(config.inbox_path))
        else:
            logger.info("inbox %s does not exist; skipping it", config.inbox_path)
        targets += list(config.sources.feeds) + list(config.sources.urls)
    for target in targets:
        if is_url(target):
            items.append(Item("feed" if target in feeds else "url", target))
            continue
        path = Path(target)
        if path.is_dir():
            items += [Item(_file_kind(child), str(child.resolve())) for child in _walk(path)]
        else:
            kind = "feed" if target in feeds else _file_kind(path)
            items.append(Item(kind, str(path.resolve()) if path.exists() else target))
    return items


def _walk(folder: Path) -> list[Path]:
    """The files under `folder`, recursively, in name order; hidden files and folders skipped."""
    return [
        child for child in sorted(folder.rglob("*"))
        if child.is_file() and not any(part.startswith(".") for part in child.relative_to(folder).parts)
    ]


def _file_kind(path: Path) -> str:
    return "feed" if path.suffix.lower() in FEED_EXTENSIONS else "file"


def document_to_article(doc: Document, first_seen=None) -> Article:
    """Clean a reader's Document into an Article (not yet stored). Raises InputError when no text is left."""
    cleaned = clean_body(doc.title, doc.body, author=doc.author, place=doc.place)
    if not cleaned.text.strip():
        raise InputError(f"{doc.location}: no article text left after removing page furniture")
    return Article(
        location=doc.location,
        title=cleaned.title or "(untitled)",
        text=cleaned.text,
        content_hash=content_hash(cleaned.text),
        author=cleaned.author,
        place=cleaned.place,
        outlet=repaired(doc.outlet) or cleaned.agency,
        url=doc.url,
        published=doc.published or cleaned.published,
        first_seen=first_seen,
        word_count=word_count(cleaned.text),
    )


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a local file, within the size cap. Only ever opens it for reading."""
    location = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{location}: {size:,} bytes is over the {max_bytes:,}-byte cap ([sources] max_bytes)")
        if size == 0:
            raise InputError(f"{location}: empty file; nothing to ingest")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{location}: no such file or folder") from None
    except OSError as exc:
        raise InputError(f"{location}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # it grew while we looked
        raise InputError(f"{location}: over the {max_bytes:,}-byte cap ([sources] max_bytes)")
    return data


def _path_entries(path: Path, max_bytes: int) -> Entries:
    return read_entries(_read_file(path, max_bytes), str(path))


def read_path(path: Path, max_bytes: int) -> list[Document]:
    """Read one local file (not a feed) into Documents. Never modifies the file.
    Raises InputError when the file, or any entry in it, cannot be read."""
    entries = _path_entries(Path(path), max_bytes)
    for entry in entries:
        if isinstance(entry, BadEntry):
            raise InputError(entry.reason)
    return entries  # type: ignore[return-value]


def iter_documents(paths: list[str], max_bytes: int) -> Iterator[tuple[str, Document | InputError]]:
    """Read local files for store-less commands (classify, summarize): (path, Document or error),
    folders walked like `plan` does. A feed file gives its entries' own text; the pages they link
    to are not fetched (`digest ingest` does that)."""
    for target in paths:
        path = Path(target)
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            try:
                if _file_kind(file) == "feed":
                    yield from ((str(file), doc) for doc in _feed_file_documents(file, max_bytes))
                    continue
                for entry in _path_entries(file, max_bytes):
                    yield str(file), InputError(entry.reason) if isinstance(entry, BadEntry) else entry
            except InputError as exc:
                yield str(file), exc


def _feed_file_documents(path: Path, max_bytes: int) -> Iterator[Document | InputError]:
    """Each entry of a local feed file that carries text of its own, as a Document; an error for
    the rest (and for a malformed feed, after which the recovered entries still come)."""
    feed = parse_feed(_read_file(path, max_bytes), str(path))
    if feed.problem:
        yield InputError(f"{path}: malformed feed ({feed.problem}); read the {len(feed.entries)} entries that could be recovered")
    for entry in feed.entries:
        location = entry.link or f"{path}#{entry.key}"
        if not entry.html:
            yield InputError(f"{location}: feed entry has no text of its own; `digest ingest` fetches the page it links to")
            continue
        try:
            yield _entry_fields(_entry_text(entry, location), entry, location)
        except InputError as exc:
            yield exc


def _entry_text(entry: FeedEntry, location: str) -> Document:
    """A feed entry's own content (or, short of the full text, its summary) as a Document."""
    body = f"<article>{entry.html}</article>" if entry.has_full_text else f"<article><p>{entry.html}</p></article>"
    return read_html(f"<html><body>{body}</body></html>", location, precise=False)[0]


def _entry_fields(doc: Document, entry: FeedEntry, location: str) -> Document:
    """`doc` with what the feed says of its entry: title, author, date, outlet, link."""
    return replace(
        doc,
        location=location,
        title=entry.title or doc.title,
        author=entry.author or doc.author,
        published=entry.published or doc.published,
        outlet=doc.outlet or entry.feed_title,
        url=entry.link or doc.url,
    )


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Ingester:
    def __init__(self, store: Store, config: Config):
        self.store = store
        self.config = config
        self.fetcher = Fetcher.from_config(config.sources)
        self.index = dedup.NearDuplicateIndex(store.signatures())
        self.added: list[Article] = []
        self.duplicates: list[Article] = []
        self.unchanged: list[str] = []
        self.not_modified: list[str] = []
        self.failures: list[Failure] = []

    def run_item(self, item: Item) -> None:
        try:
            if is_url(item.location):
                self._remote(item.location)
            elif item.kind == "feed":
                self._local_feed(Path(item.location))
            else:
                self._file(Path(item.location))
        except InputError as exc:
            self._fail(item.location, str(exc))
        except SQLAlchemyError:
            raise  # the store itself is broken: every further item would fail the same way
        except Exception as exc:  # a bug on one odd input must not stop the batch
            logger.debug("%s: unexpected error", item.location, exc_info=True)
            self._fail(item.location, f"{item.location}: unexpected error ({exc.__class__.__name__}: {exc}); run with -vv for details")

    # -- local files -------------------------------------------------------------------------

    def _file(self, path: Path) -> None:
        source_id = self.store.source("file", str(path))["id"]
        for entry in _path_entries(path, self.config.sources.max_bytes):
            if isinstance(entry, BadEntry):
                self._fail(entry.location, entry.reason)
            else:
                self._store_entry(entry, source_id)

    def _local_feed(self, path: Path) -> None:
        data = _read_file(path, self.config.sources.max_bytes)
        source_id = self.store.source("feed", str(path))["id"]
        self._feed(parse_feed(data, str(path)), str(path), source_id)

    # -- feeds and URLs ----------------------------------------------------------------------

    def _remote(self, url: str) -> None:
        """A feed or an article page: conditional GET, then whichever the body turns out to be."""
        source = self.store.source("url", url)
        response = self.fetcher.get(url, etag=source["etag"], last_modified=source["last_modified"])
        if response.not_modified:
            logger.info("%s: not modified since the last fetch", url)
            self.not_modified.append(url)
            return
        failures_before = len(self.failures)
        if looks_like_feed(response.body) or re.search(r"rss|atom|/xml", response.content_type):
            self._feed(parse_feed(response.body, url), url, source["id"])
        else:
            self._store_entry(self._page(response, url), source["id"])
        if len(self.failures) == failures_before:
            self.store.update_source(source["id"], response.etag, response.last_modified)

    def _page(self, response: Response, location: str) -> Document:
        text = decode(response.body, location, declared=_charset(response.content_type))
        doc = read_html(text, location, url=response.url)[0]
        return replace(doc, location=location)

    def _feed(self, feed: Feed, location: str, source_id: int) -> None:
        if feed.problem:
            self._fail(location, f"{location}: malformed feed ({feed.problem}); read the {len(feed.entries)} entries that could be recovered")
        for entry in feed.entries:
            try:
                doc = self._entry_document(entry, location)
                if doc is not None:
                    self._store_entry(doc, source_id)
            except InputError as exc:
                self._fail(entry.link or f"{location}#{entry.key}", str(exc))

    def _entry_document(self, entry: FeedEntry, feed_location: str) -> Document | None:
        """A feed entry as a Document: its own content when it carries the article, else the
        linked page (fetched once: None when it was fetched on an earlier poll)."""
        location = entry.link or f"{feed_location}#{entry.key}"
        if entry.has_full_text:
            doc = _entry_text(entry, location)
        elif entry.link and is_url(entry.link):
            page = self.store.source("url", entry.link)
            if page["last_polled"] is not None:
                self.unchanged.append(entry.link)
                return None
            response = self.fetcher.get(entry.link)
            doc = self._page(response, location)
            self.store.update_source(page["id"], response.etag, response.last_modified)
        elif entry.html:
            doc = _entry_text(entry, location)
        else:
            raise InputError(f"{location}: feed entry has neither content nor a link")
        return _entry_fields(doc, entry, location)

    # -- storing -----------------------------------------------------------------------------

    def _store_entry(self, doc: Document, source_id: int | None) -> None:
        try:
            self._store_document(doc, source_id)
        except InputError as exc:
            self._fail(doc.location, str(exc))

    def _store_document(self, doc: Document, source_id: int | None) -> None:
        article = document_to_article(doc, first_seen=utcnow())
        if self.store.find_article(article.location, article.content_hash):
            self.unchanged.append(article.location)
            return
        minhash = dedup.signature(article.text)
        same_text = self.store.articles_with_hash(article.content_hash)
        if same_text:
            canonical = same_text[0].duplicate_of or same_text[0].id
        else:
            canonical = self.index.match(minhash)
        stored, inserted = self.store.insert_article(
            replace(article, duplicate_of=canonical), dedup.to_bytes(minhash), source_id
        )
        if not inserted:
            self.unchanged.append(article.location)
        elif canonical is not None:
            logger.info("%s: duplicate of article %d", article.location, canonical)
            self.duplicates.append(stored)
        else:
            self.index.add(stored.id, minhash)
            self.added.append(stored)

    def _fail(self, location: str, reason: str) -> None:
        failure = Failure(location=location, reason=_one_line(reason), at=utcnow())
        logger.warning("failed: %s", failure.reason)
        self.store.add_failure(failure)
        self.failures.append(failure)

    def report(self) -> IngestReport:
        return IngestReport(
            added=tuple(self.added),
            duplicates=tuple(self.duplicates),
            unchanged=tuple(self.unchanged),
            failures=tuple(self.failures),
            not_modified=tuple(self.not_modified),
        )


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def ingest(
    store: Store,
    config: Config,
    targets: list[str] | None = None,
    on_item: Callable[[Item, int, int], None] | None = None,
) -> IngestReport:
    """Ingest `targets` (or the configured sources) into `store`; see the module docstring.
    `on_item(item, number, total)` is called before each item (for progress display)."""
    items = plan(config, targets)
    ingester = _Ingester(store, config)
    try:
        for number, item in enumerate(items, start=1):
            if on_item:
                on_item(item, number, len(items))
            ingester.run_item(item)
    finally:
        ingester.fetcher.close()
    return ingester.report()

