"""The static site: every recorded digest, browsable from any static host or straight from the disk.

`build_site` reads the digests table (each row's `data` is a Briefing as a dict) and writes:

    index.html              the archive, newest first: date, counts per track, top line
    digests/<slug>.html     one page per digest (the briefing page with site navigation)
    digests/<slug>.pdf      its PDF, copied from the digest's folder when it has one
    tracks/<id>.html        one page per track: its sections across all digests, newest first
    search.html             search over every summary sentence and article title:
    search-index.json         the index (search-index.js holds the same data for file://,
    search.js                 where browsers refuse fetch()), read by a small script of our own
    atom.xml, sitemap.xml   with absolute links from [site] base_url
    site.css, briefing.css, favicon.svg

Links between pages are relative, so the folder works from file://, from any sub-path and on
any static host; pages load nothing from elsewhere (a Content-Security-Policy says so too).
Article text only ever reaches a page through autoescaped templates or the script's
textContent: it is data, never markup.

Rebuilds are incremental: a digest page is rendered again only when its inputs change (its
data, its neighbours, the templates, the site settings, this code); the pages that list every
digest are rendered each time and written only when their bytes change. A manifest in the
folder records what was written, so files for digests that no longer exist are removed and
nothing else in the folder is ever touched.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import logging
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from digest import __version__
from digest.briefing import Briefing, Section, zone
from digest.config import Config
from digest.errors import ConfigError, DigestError
from digest.models import DigestRecord
from digest.render import get_template, longdate, render_template, template_folders, write_file
from digest.store import Store, utcnow

logger = logging.getLogger(__name__)

MANIFEST = ".digest-site.json"
MANIFEST_FORMAT = 2
FEED_ENTRIES = 50  # newest digests in atom.xml; the archive itself lists them all
ASSETS = ("site.css", "search.js", "favicon.svg")
_CODE_HASH = hashlib.sha256(Path(__file__).read_bytes() + __version__.encode()).hexdigest()


@dataclass(frozen=True)
class SiteReport:
    """What a build did. Paths in `written` and `removed` are relative to `folder`."""

    folder: Path
    digests: int
    tracks: int
    written: tuple[str, ...] = ()
    unchanged: int = 0
    removed: tuple[str, ...] = ()
    skipped: tuple[int, ...] = ()  # digest ids whose data could not be read
    missing_pdfs: tuple[int, ...] = ()  # digest ids with no briefing.pdf to copy
    seconds: float = 0.0

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


@dataclass(frozen=True)
class DigestPage:
    record: DigestRecord
    briefing: Briefing
    slug: str
    pdf_source: Path | None  # the digest's own briefing.pdf, when it exists

    @property
    def href(self) -> str:
        """Relative to the site's root."""
        return f"digests/{self.slug}.html"

    @property
    def pdf_name(self) -> str | None:
        return f"{self.slug}.pdf" if self.pdf_source else None

    @property
    def top_line(self) -> str:
        return self.briefing.top_lines[0].text if self.briefing.top_lines else ""


@dataclass(frozen=True)
class TrackPage:
    id: str
    title: str
    description: str
    slug: str
    entries: tuple[tuple[DigestPage, Section], ...] = field(default=(), compare=False)

    @property
    def href(self) -> str:
        return f"tracks/{self.slug}.html"

    @property
    def article_count(self) -> int:
        return sum(section.count for _, section in self.entries)


# --- reading the digests ---------------------------------------------------------------------


def base_url(config: Config) -> str:
    """[site] base_url with a trailing slash. Raises ConfigError unless it is an absolute http(s) address."""
    url = config.site.base_url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"[site] base_url = {config.site.base_url!r} must be an absolute http(s) address where the site "
            "is published, e.g. https://example.org/briefings/"
        )
    return url if url.endswith("/") else url + "/"


def _pdf_source(record: DigestRecord, config: Config) -> Path | None:
    if not record.path:
        return None
    folder = Path(record.path)
    pdf = (folder if folder.is_absolute() else config.home / folder) / "briefing.pdf"
    return pdf if pdf.is_file() else None


def load_pages(store: Store, config: Config) -> tuple[list[DigestPage], list[int]]:
    """Every readable digest, newest first (by date, then by id). Returns (pages, ids skipped)."""
    pages, skipped = [], []
    for summary in store.list_digests():
        record = store.get_digest(summary.id)
        try:
            briefing = Briefing.from_dict(record.data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            logger.warning("digest %d has no readable briefing data (%s); it is left out of the site", record.id, exc)
            skipped.append(record.id)
            continue
        slug = f"{record.date.isoformat()}-{record.id}"
        pages.append(DigestPage(record, briefing, slug, _pdf_source(record, config)))
    pages.sort(key=lambda p: (p.record.date, p.record.id), reverse=True)
    return pages, skipped


def collect_tracks(config: Config, pages: list[DigestPage]) -> list[TrackPage]:
    """The configured tracks in config order, then any track only old digests still have."""
    titles: dict[str, tuple[str, str]] = {t.id: (t.title, t.description) for t in config.tracks}
    for page in pages:
        for section in page.briefing.sections:
            titles.setdefault(section.track, (section.title, section.description))
    entries: dict[str, list] = {track_id: [] for track_id in titles}
    for page in pages:
        for section in page.briefing.sections:
            if section.count or section.lines:
                entries[section.track].append((page, section))
    used: set[str] = set()
    tracks = []
    for track_id, (title, description) in titles.items():
        slug = re.sub(r"[^a-z0-9_-]+", "-", track_id.lower()).strip("-") or "track"
        while slug in used:  # two ids that differ only in punctuation or case
            slug += "-"
        used.add(slug)
        tracks.append(TrackPage(track_id, title, description, slug, tuple(entries[track_id])))
    return tracks


# --- the search index ------------------------------------------------------------------------


def search_index(pages: list[DigestPage], tracks: list[TrackPage]) -> dict:
    """Every summary sentence and article title, with where it lives. Compact: one list per entry,
    [digest number, kind ("s" sentence, "a" article title), track id, text, anchor on the page]."""
    entries = []
    for number, page in enumerate(pages):
        for section in page.briefing.sections:
            for line in section.lines:
                entries.append([number, "s", section.track, line.text, section.anchor])
        for source in page.briefing.sources:
            entries.append([number, "a", source.track, source.title, f"src-{source.number}"])
    return {
        "format": 1,
        "digests": [{"url": p.href, "date": p.record.date.isoformat(), "label": longdate(p.briefing.date)} for p in pages],
        "tracks": {t.id: t.title for t in tracks},
        "entries": entries,
    }


def _as_script(index_json: str) -> str:
    # The same data as a script, for file:// where fetch() is refused. U+2028/9 are escaped so any
    # engine parses it; "</" cannot end anything in a file of its own, but is escaped all the same.
    data = index_json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return f"window.digestSearchIndex = {data};\n"


# --- building --------------------------------------------------------------------------------


def _templates_hash(config: Config) -> str:
    digest = hashlib.sha256()
    for folder in template_folders(config):
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Writer:
    """Writes through render.write_file, skipping files whose bytes would not change, and keeps
    the list of everything this build produced (the manifest).

    Pages are written without an fsync each (hundreds of them took seconds): a page a power
    loss left empty or short no longer matches the hash the manifest holds for it, so the next
    build makes it again. The manifest itself is written durably, last."""

    def __init__(self, folder: Path, previous: dict):
        self.folder = folder
        self.previous_inputs: dict[str, list[str]] = previous.get("inputs", {})
        self.previous_files: list[str] = previous.get("files", [])
        self.inputs: dict[str, list[str]] = {}  # page -> [hash of its inputs, hash of its bytes]
        self.files: list[str] = []
        self.written: list[str] = []
        self.unchanged = 0

    def write(self, name: str, data: str | bytes, inputs: str | None = None) -> None:
        """Write `name` unless it already holds `data`; `inputs` (a hash) lets `fresh` skip it next time."""
        self.files.append(name)
        path = self.folder / name
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if inputs is not None:
            self.inputs[name] = [inputs, _sha(raw)]
        if path.is_file() and path.stat().st_size == len(raw) and path.read_bytes() == raw:
            self.unchanged += 1
            return
        write_file(path, raw, durable=False)
        self.written.append(name)

    def fresh(self, name: str, inputs: str) -> bool:
        """True when `name` was made from the same inputs last time and still holds what was written."""
        previous = self.previous_inputs.get(name)
        path = self.folder / name
        if previous and previous[0] == inputs and path.is_file() and _sha(path.read_bytes()) == previous[1]:
            self.inputs[name] = previous
            self.files.append(name)
            self.unchanged += 1
            return True
        return False

    def copy(self, name: str, source: Path) -> None:
        """Copy a file, skipped when the copy already has the source's size and time."""
        self.files.append(name)
        target = self.folder / name
        stat = source.stat()
        if target.is_file() and target.stat().st_size == stat.st_size and target.stat().st_mtime_ns == stat.st_mtime_ns:
            self.unchanged += 1
            return
        write_file(target, source.read_bytes(), durable=False)
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        self.written.append(name)

    def remove_stale(self) -> list[str]:
        keep = set(self.files)
        removed = []
        for name in self.previous_files:
            path = self.folder / name
            if name not in keep and path.is_file():
                path.unlink()
                removed.append(name)
                logger.info("removed %s", path)
        return removed

    def save_manifest(self) -> None:
        manifest = {"format": MANIFEST_FORMAT, "inputs": self.inputs, "files": sorted(set(self.files))}
        write_file(self.folder / MANIFEST, json.dumps(manifest, indent=0, sort_keys=True))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict:
    """The previous build's manifest. Raises DigestError for a non-empty folder digest did not make."""
    path = folder / MANIFEST
    if path.is_file():
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            logger.warning("%s is unreadable; rebuilding every page", path)
            return {}
        return manifest if manifest.get("format") == MANIFEST_FORMAT else {}
    if folder.is_dir() and any(folder.iterdir()):
        raise DigestError(
            f"{folder} is not empty and was not made by `digest site`; choose an empty or new folder "
            "(-o DIR), or empty this one"
        )
    return {}


def build_site(store: Store, config: Config, out_dir: str | os.PathLike | None = None, *, full: bool = False) -> SiteReport:
    """Write the static site for every recorded digest to `out_dir` (default DIGEST_HOME/site).

    `full` renders every page even when its inputs have not changed.
    Raises ConfigError for a bad [site] base_url, TemplateMissing/TemplateError for templates,
    DigestError when `out_dir` holds files the site did not make.
    """
    started = time.perf_counter()
    folder = Path(out_dir) if out_dir else config.home / "site"
    absolute = base_url(config)
    previous = _read_manifest(folder)
    writer = _Writer(folder, {**previous, "inputs": {}} if full else previous)
    pages, skipped = load_pages(store, config)
    tracks = collect_tracks(config, pages)
    common = {"site": config.site, "tracks": tracks, "tz": zone(config), "version": __version__, "skip_to": "main"}

    for name in ASSETS:
        writer.write(name, Path(get_template(config, f"site/{name}").filename).read_bytes())
    writer.write("briefing.css", render_template(config, "briefing.css", paper=config.render.paper))
    missing_pdfs = _write_digest_pages(writer, config, pages, common)
    _write_listings(writer, config, pages, tracks, common, absolute)
    removed = writer.remove_stale()
    writer.save_manifest()

    report = SiteReport(
        folder=folder, digests=len(pages), tracks=len(tracks), written=tuple(writer.written),
        unchanged=writer.unchanged, removed=tuple(removed), skipped=tuple(skipped),
        missing_pdfs=tuple(missing_pdfs), seconds=time.perf_counter() - started,
    )
    logger.info("site: %d digests, %d files written, %d unchanged, %d removed in %.2f s",
                report.digests, len(report.written), report.unchanged, len(report.removed), report.seconds)
    return report


def _write_digest_pages(writer: _Writer, config: Config, pages: list[DigestPage], common: dict) -> list[int]:
    """One page per digest with its PDF, each rendered only when its inputs changed.
    Returns the ids of digests that have no PDF to copy."""
    nav = [(t.title, t.href) for t in common["tracks"]]
    shared_key = [_CODE_HASH, _templates_hash(config), config.site.title, config.render.title, nav]
    missing_pdfs = []
    for position, page in enumerate(pages):
        newer = pages[position - 1] if position > 0 else None
        older = pages[position + 1] if position + 1 < len(pages) else None
        if page.pdf_source:
            writer.copy(f"digests/{page.pdf_name}", page.pdf_source)
        else:
            missing_pdfs.append(page.record.id)
        neighbours = [(p.slug, str(p.briefing.date)) if p else None for p in (newer, older)]
        key = hashlib.sha256(json.dumps(
            [shared_key, page.record.data, page.slug, page.pdf_name, neighbours],
            sort_keys=True, ensure_ascii=False, default=str,
        ).encode()).hexdigest()
        if writer.fresh(page.href, key):
            continue
        html = render_template(
            config, "site/digest.html", briefing=page.briefing, page=page, newer=newer, older=older,
            root="../", paper=config.render.paper, medium="site", current="",
            **{**common, "tz": ZoneInfo(page.briefing.timezone), "skip_to": "top-lines"},
        )
        writer.write(page.href, html, inputs=key)
    return missing_pdfs


def _write_listings(writer: _Writer, config: Config, pages: list[DigestPage], tracks: list[TrackPage],
                    common: dict, absolute: str) -> None:
    """The pages that list every digest: rendered each time, written when their bytes change."""
    for track in tracks:
        writer.write(track.href, render_template(config, "site/track.html", track=track, root="../",
                                                 current=track.href, **common))
    writer.write("index.html", render_template(config, "site/index.html", pages=pages, months=_by_month(pages),
                                               root="", current="index.html", **common))
    writer.write("search.html", render_template(config, "site/search.html", root="", current="search.html", **common))
    index_json = json.dumps(search_index(pages, tracks), ensure_ascii=False, separators=(",", ":"))
    writer.write("search-index.json", index_json)
    writer.write("search-index.js", _as_script(index_json))
    feed_pages = pages[:FEED_ENTRIES]
    writer.write("atom.xml", render_template(
        config, "site/atom.xml", pages=feed_pages, base=absolute, author=config.render.author,
        subtitle=config.render.title, updated=_newest(feed_pages) or utcnow(), **common,
    ))
    urls = [("index.html", _newest(pages)), ("search.html", None)]
    urls += [(t.href, t.entries[0][0].record.created_at if t.entries else None) for t in tracks]
    urls += [(p.href, p.record.created_at) for p in pages]
    writer.write("sitemap.xml", render_template(config, "site/sitemap.xml", urls=urls, base=absolute, **common))


def _newest(pages: list[DigestPage]) -> datetime | None:
    return max((p.record.created_at for p in pages), default=None)


def _by_month(pages: list[DigestPage]) -> list[tuple[str, list[DigestPage]]]:
    months: list[tuple[str, list[DigestPage]]] = []
    for page in pages:
        label = f"{page.record.date:%B %Y}"
        if not months or months[-1][0] != label:
            months.append((label, []))
        months[-1][1].append(page)
    return months


# --- serving ---------------------------------------------------------------------------------


class _PreviewHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml",
                      ".svg": "image/svg+xml"}

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a preview shows the latest build
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        logger.info("%s %s", self.address_string(), format % args)


def preview_server(folder: str | os.PathLike, port: int = 8000) -> http.server.ThreadingHTTPServer:
    """An HTTP server for `folder` on 127.0.0.1 (port 0: any free port). The caller runs
    `serve_forever()`. Raises DigestError when there is no site or the port is taken."""
    folder = Path(folder)
    if not (folder / "index.html").is_file():
        raise DigestError(f"no site in {folder}: run `digest site` first")
    handler = partial(_PreviewHandler, directory=str(folder))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise DigestError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another with --port") from None
