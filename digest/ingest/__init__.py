"""Ingest: inbox folders, files, feeds and URLs -> cleaned, de-duplicated articles in the store.

One bad input never stops a batch: it becomes a Failure (logged, quarantined in the store,
returned in the report) and the batch goes on. Input files are only ever read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from digest.config import Config
from digest.errors import InputError
from digest.ingest import dedup
from digest.ingest.clean import clean_body
from digest.ingest.feeds import FeedEntry, looks_like_feed, parse_feed
from digest.ingest.fetch import fetch, is_url
from digest.ingest.readers import FEED_EXTENSIONS, read_bytes, read_html
from digest.models import Article, Document, Failure, IngestReport
from digest.store import Store, utcnow
from digest.text import content_hash, word_count

logger = logging.getLogger(__name__)

__all__ = ["ingest", "plan", "document_to_article", "read_path", "Item"]


@dataclass(frozen=True)
class Item:
    """One unit of work: a file, a feed or a URL."""

    kind: str  # "file", "feed", "url"
    location: str


def plan(config: Config, targets: list[str] | None = None) -> list[Item]:
    """Expand targets (files, folders, URLs; none = the configured sources) into items."""
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
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    items.append(Item("file", str(child.resolve())))
        else:
            kind = "feed" if target in feeds or path.suffix.lower() in FEED_EXTENSIONS else "file"
            items.append(Item(kind, str(path.resolve()) if path.exists() else target))
    return items


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
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        first_seen=first_seen,
        word_count=word_count(cleaned.text),
    )


def read_path(path: Path, max_bytes: int) -> list[Document]:
    """Read one local file into Documents (feeds excluded). Never modifies the file."""
    location = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{location}: cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise InputError(f"{location}: {size:,} bytes is over the {max_bytes:,}-byte cap ([sources] max_bytes)")
    if size == 0:
        raise InputError(f"{location}: empty file; nothing to ingest")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{location}: cannot read ({exc.strerror})") from None
    return read_bytes(data, location)


class _Ingester:
    def __init__(self, store: Store, config: Config):
        self.store = store
        self.config = config
        self.index = dedup.NearDuplicateIndex(store.signatures())
        self.added: list[Article] = []
        self.duplicates: list[Article] = []
        self.unchanged: list[str] = []
        self.not_modified: list[str] = []
        self.failures: list[Failure] = []

    # -- per item ------------------------------------------------------------------------

    def run_item(self, item: Item) -> None:
        try:
            if item.kind == "feed":
                self._feed(item.location)
            elif item.kind == "url":
                self._url(item.location)
            else:
                path = Path(item.location)
                if path.suffix.lower() in FEED_EXTENSIONS:
                    self._feed(item.location)
                else:
                    source = self.store.source("file", str(path.resolve()))
                    for doc in read_path(path, self.config.sources.max_bytes):
                        self._store_document(doc, source["id"])
        except InputError as exc:
            self._fail(item.location, str(exc))

    def _fetch(self, url: str, conditional: bool):
        source = self.store.source("url", url)
        response = fetch(
            url,
            timeout=self.config.sources.timeout,
            max_bytes=self.config.sources.max_bytes,
            user_agent=self.config.sources.user_agent,
            etag=source["etag"] if conditional else None,
            last_modified=source["last_modified"] if conditional else None,
        )
        return source, response

    def _url(self, url: str) -> None:
        source, response = self._fetch(url, conditional=False)
        if looks_like_feed(response.body):
            self._feed_entries(parse_feed(response.body, url), url, source["id"])
            return
        from digest.ingest.readers import decode

        for doc in read_html(decode(response.body, url), url, url=response.url):
            self._store_document(replace(doc, location=url), source["id"])

    def _feed(self, location: str) -> None:
        if is_url(location):
            source, response = self._fetch(location, conditional=True)
            if response.not_modified:
                logger.info("%s: not modified since the last poll", location)
                self.not_modified.append(location)
                return
            data = response.body
            self.store.update_source(source["id"], response.etag, response.last_modified)
        else:
            path = Path(location)
            if path.stat().st_size > self.config.sources.max_bytes:
                raise InputError(f"{location}: over the {self.config.sources.max_bytes:,}-byte cap ([sources] max_bytes)")
            data = path.read_bytes()
            if not data.strip():
                raise InputError(f"{location}: empty file; nothing to ingest")
            source = self.store.source("feed", str(path.resolve()))
        self._feed_entries(parse_feed(data, location), location, source["id"])

    def _feed_entries(self, entries: list[FeedEntry], feed_location: str, source_id: int) -> None:
        for number, entry in enumerate(entries):
            location = entry.link or f"{feed_location}#{number}"
            try:
                if entry.has_full_text:
                    doc = read_html(f"<html><body><article><h1>{entry.title}</h1>{entry.html}</article></body></html>", location)[0]
                elif entry.link and is_url(entry.link):
                    known = self.store.source("url", entry.link)
                    if known["last_polled"] is not None:
                        self.unchanged.append(entry.link)
                        continue  # an entry's page is fetched once, not on every poll
                    _, response = self._fetch(entry.link, conditional=False)
                    self.store.update_source(known["id"], response.etag, response.last_modified)
                    from digest.ingest.readers import decode

                    doc = read_html(decode(response.body, entry.link), entry.link, url=response.url)[0]
                elif entry.summary:
                    doc = read_html(f"<html><body><article><p>{entry.summary}</p></article></body></html>", location)[0]
                else:
                    raise InputError(f"{location}: feed entry has neither content nor a link")
                doc = replace(
                    doc,
                    location=location,
                    title=entry.title or doc.title,
                    author=entry.author or doc.author,
                    published=entry.published or doc.published,
                    outlet=doc.outlet or entry.feed_title,
                    url=entry.link or doc.url,
                )
                self._store_document(doc, source_id)
            except InputError as exc:
                self._fail(location, str(exc))

    # -- storing ---------------------------------------------------------------------------

    def _store_document(self, doc: Document, source_id: int | None) -> None:
        article = document_to_article(doc, first_seen=utcnow())
        if self.store.find_article(article.location, article.content_hash):
            self.unchanged.append(article.location)
            return
        minhash = dedup.signature(article.text)
        same_text = self.store.articles_with_hash(article.content_hash)
        canonical = same_text[0].duplicate_of or same_text[0].id if same_text else self.index.match(minhash)
        if canonical is not None:
            canonical = self.store.get_article(canonical).duplicate_of or canonical
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
        failure = Failure(location=location, reason=reason, at=utcnow())
        logger.warning("%s", reason)
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


def ingest(
    store: Store,
    config: Config,
    targets: list[str] | None = None,
    on_item: Callable[[Item, int, int], None] | None = None,
) -> IngestReport:
    """Ingest `targets` (or the configured sources) into `store`; see the module docstring."""
    items = plan(config, targets)
    ingester = _Ingester(store, config)
    for number, item in enumerate(items, start=1):
        if on_item:
            on_item(item, number, len(items))
        if item.kind == "file" and not Path(item.location).exists():
            ingester._fail(item.location, f"{item.location}: no such file or folder")
            continue
        ingester.run_item(item)
    return ingester.report()


def iter_documents(paths: list[str], max_bytes: int) -> Iterator[tuple[str, Document | InputError]]:
    """Read local files for store-less commands (classify, summarize): (path, Document or error)."""
    for target in paths:
        path = Path(target)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                for doc in read_path(file, max_bytes):
                    yield str(file), doc
            except InputError as exc:
                yield str(file), exc
