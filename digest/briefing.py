"""The briefing: one plain data object built from the store for a window and a set of tracks.

`build_briefing` selects the window's articles, groups them by primary track, summarises each
group, numbers every cited article once (the sources appendix) and returns a `Briefing`.
Renderers (digest.render) turn it into HTML, PDF and email; `record_briefing` stores it so a
later run can re-render it or start its window where this one ended.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import types
import typing
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path, PurePath
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest import __version__
from digest.config import Config
from digest.errors import ConfigError
from digest.models import OTHER, OUT_OF_SCOPE, SUMS, Article, Summary, SummarySentence, TrackAssignment
from digest.render import FORMATS, write_briefing
from digest.store import Store, utcnow

logger = logging.getLogger(__name__)

# A section is read in a minute: the summarizer's first figures and quotes, not all of them.
MAX_FIGURES = 10
MAX_QUOTES = 5


@dataclass(frozen=True)
class Line:
    """A sentence as printed: the article's own words and the numbers of the sources behind it."""

    text: str
    sources: tuple[int, ...]
    repeated: bool = False  # already said in the previous digest of this track
    track: str = ""
    # when its source was published, given in a briefing whose articles span days (see _dated)
    published: datetime | None = None


@dataclass(frozen=True)
class KeyFigure:
    value: str
    what: str
    category: str
    sentence: str
    sources: tuple[int, ...]
    disputed: bool = False

    @property
    def label(self) -> str:
        """What the figure counts, as printed beside its value: nothing for a sum that says only
        its currency ("$1.2 billion", not "$1.2 billion dollars")."""
        return "" if self.what == self.category and self.category in SUMS else self.what


@dataclass(frozen=True)
class QuoteLine:
    text: str
    speaker: str | None
    source: int


@dataclass(frozen=True)
class Source:
    """One article, numbered once for the whole briefing; citation markers point here."""

    number: int
    article_id: int | None
    title: str
    outlet: str
    date: datetime | None
    link: str | None  # only http(s) addresses become links
    track: str
    one_liner: str = ""
    author: str | None = None
    also_published_by: tuple[str, ...] = ()
    received: bool = False  # `date` is when digest first saw it: the source gave no publication date
    origin: str = ""  # the file it came from, when there is no web address to show

    @property
    def published(self) -> datetime | None:
        """When the article says it was published; None when it gave no date (`date` is then when it was received)."""
        return None if self.received else self.date


@dataclass(frozen=True)
class Section:
    """One track's part of the briefing."""

    track: str
    title: str
    description: str
    lines: tuple[Line, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    quotes: tuple[QuoteLine, ...] = ()
    articles: tuple[Source, ...] = ()

    @property
    def anchor(self) -> str:
        return f"track-{self.track}"

    @property
    def is_other(self) -> bool:
        return self.track == OTHER

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass(frozen=True)
class TrackCount:
    track: str
    title: str
    count: int


@dataclass(frozen=True)
class Provenance:
    """What produced a briefing, so two briefings can be compared or a result reproduced."""

    config_hash: str
    tracks_hash: str
    algorithm: str
    version: str
    generated_at: datetime


@dataclass(frozen=True)
class Briefing:
    title: str
    date: date
    window_start: datetime | None  # None: from the beginning
    window_end: datetime
    window_kind: str  # "new" (first seen since the last digest), "day", or "range" (article dates)
    timezone: str
    tracks: tuple[str, ...]
    counts: tuple[TrackCount, ...]
    top_lines: tuple[Line, ...]
    sections: tuple[Section, ...]  # config order; the catch-all track last
    sources: tuple[Source, ...]
    out_of_scope: int
    provenance: Provenance
    author: str = ""

    @property
    def article_count(self) -> int:
        return len(self.sources)

    @property
    def is_empty(self) -> bool:
        return not self.sources

    @property
    def main_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if not s.is_other)

    @property
    def other(self) -> Section | None:
        return next((s for s in self.sections if s.is_other), None)

    def source(self, number: int) -> Source:
        return self.sources[number - 1]

    @property
    def cited(self) -> frozenset[int]:
        """Numbers of the sources that some sentence, figure or quote cites."""
        numbers = {n for line in self.top_lines for n in line.sources}
        for section in self.sections:
            numbers.update(n for line in section.lines for n in line.sources)
            numbers.update(n for figure in section.figures for n in figure.sources)
            numbers.update(q.source for q in section.quotes)
        return frozenset(numbers)

    def track_title(self, track_id: str) -> str:
        return next((c.title for c in self.counts if c.track == track_id), track_id)

    def to_dict(self) -> dict:
        """A JSON-ready dict (dates as ISO strings); `Briefing.from_dict` reads it back."""
        return _jsonable(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, data: dict) -> Briefing:
        return _from_jsonable(cls, data)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


# Resolving a dataclass's string annotations is slow, and the site reads hundreds of briefings.
_type_hints = functools.cache(typing.get_type_hints)


def _from_jsonable(tp, value):
    if value is None:
        return None
    if dataclasses.is_dataclass(tp):
        hints = _type_hints(tp)
        return tp(**{f.name: _from_jsonable(hints[f.name], value[f.name]) for f in dataclasses.fields(tp) if f.name in value})
    origin = typing.get_origin(tp)
    if origin is tuple:
        return tuple(_from_jsonable(typing.get_args(tp)[0], v) for v in value)
    if origin in (typing.Union, types.UnionType):
        inner = next(a for a in typing.get_args(tp) if a is not type(None))
        return _from_jsonable(inner, value)
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    return value


# --- building -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    start: datetime | None
    end: datetime
    kind: str
    day: date
    open_end: bool = False  # a range given without --until: everything up to now, this very second included


def zone(config: Config) -> ZoneInfo:
    try:
        return ZoneInfo(config.schedule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"[schedule] timezone = {config.schedule.timezone!r} is not an IANA time zone name (e.g. Asia/Jerusalem)"
        ) from None


def resolve_window(
    store: Store,
    config: Config,
    tracks: tuple[str, ...],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    day: date | None = None,
    everything: bool = False,
    now: datetime | None = None,
) -> Window:
    """The window a build covers. Naive datetimes are read in [schedule] timezone.

    `day`: that calendar day (article dates). `since`/`until`: that range (article dates).
    `everything`: every stored article, whatever its date.
    None of them: everything first seen since the end of the latest digest that covered these tracks.
    Raises ConfigError when the options contradict each other.
    """
    tz = zone(config)
    now = now or utcnow()
    if everything:
        if day is not None or since is not None or until is not None:
            raise ConfigError("give either every article or a date or a since/until range, not more than one")
        return Window(None, now, "range", now.astimezone(tz).date(), open_end=True)
    if day is not None:
        if since is not None or until is not None:
            raise ConfigError("give either a date or a since/until range, not both")
        start = datetime.combine(day, time(0), tzinfo=tz)
        return Window(start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC), "day", day)
    since = _aware_in(since, tz)
    until = _aware_in(until, tz)
    if since is not None or until is not None:
        end = until or now
        if since is not None and since >= end:
            raise ConfigError(f"the window is empty: since ({since:%Y-%m-%d %H:%M}) is not before until ({end:%Y-%m-%d %H:%M})")
        # A range ending at midnight belongs to the day before: --until 2025-03-06 is the 5th's briefing.
        return Window(since, end, "range", (end - timedelta(microseconds=1)).astimezone(tz).date(), open_end=until is None)
    start = None
    for record in store.list_digests():
        if set(tracks) <= set(record.tracks) and record.window_end is not None:
            start = record.window_end
            break
    return Window(start, now, "new", now.astimezone(tz).date())


def _aware_in(value: datetime | None, tz: ZoneInfo) -> datetime | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)


UNKNOWN_OUTLET = "Outlet not recorded"


def outlet_name(article: Article) -> str:
    """Who published it: the outlet, else the web site's host, else UNKNOWN_OUTLET."""
    if article.outlet:
        return article.outlet
    if article.url and urlsplit(article.url).hostname:
        return urlsplit(article.url).hostname.removeprefix("www.")
    return UNKNOWN_OUTLET


def safe_link(url: str | None) -> str | None:
    """Only http(s) addresses become links; anything else (javascript:, data:, file paths) stays text."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _by_date(article: Article) -> tuple:
    return (article.date or datetime.min.replace(tzinfo=UTC), article.id or 0)


def build_briefing(
    store: Store,
    config: Config,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    day: date | None = None,
    everything: bool = False,
    tracks: typing.Iterable[str] | None = None,
    now: datetime | None = None,
) -> Briefing:
    """Build the briefing for a window (see `resolve_window`) and tracks (default: all configured).

    Raises ConfigError for an unknown track or a contradictory window.
    """
    # Imported here: they take about a second to load (sumy, NLTK, numpy), and the site, the
    # deliverer and every other command import this module only for the Briefing data classes.
    from digest.summarize import summarize_group, top_lines
    from digest.tracks import assignments_for

    now = now or utcnow()
    ordered = selected_tracks(config, tracks)
    window = resolve_window(store, config, ordered, since=since, until=until, day=day, everything=everything, now=now)
    # A "new" window ends at a whole second and the next one starts there: first-seen times are
    # stored to the second, so an article of this very second goes to the next digest, never to both.
    articles = store.list_articles(
        since=window.start, until=None if window.open_end else window.end, include_duplicates=False,
        by_first_seen=window.kind == "new",
    )
    groups, out_of_scope = _group(config, ordered, articles, assignments_for(store, config, articles))
    summaries = {
        track_id: summarize_group(
            sorted(members, key=_by_date, reverse=True),
            sentences=config.summary.sentences,
            algorithm=config.summary.algorithm,
            workers=config.summary.workers,
            track=config.track(track_id),
            previous=store.previous_sentences(track_id, until=window.end, articles=[a.id for a in members if a.id is not None]),
            now=now,
        )
        for track_id, members in groups.items()
        if members
    }
    duplicates = store.duplicates_of([a.id for s in summaries.values() for a in s.articles if a.id is not None])
    return assemble_briefing(
        config, window, ordered, summaries, top_lines(list(summaries.values()), n=3),
        out_of_scope=out_of_scope, duplicates=duplicates, now=now,
    )


def selected_tracks(config: Config, tracks: typing.Iterable[str] | None) -> tuple[str, ...]:
    """The requested track ids (default: all) in config order, the catch-all last.
    Raises ConfigError naming the configured tracks when one is unknown."""
    wanted = tuple(dict.fromkeys(tracks or ())) or tuple(t.id for t in config.tracks)
    for track_id in wanted:
        config.track(track_id)
    ordered = tuple(t.id for t in config.tracks if t.id in wanted and t.id != OTHER)
    return ordered + ((OTHER,) if OTHER in wanted else ())


def _group(config: Config, ordered, articles: list[Article], assignments: dict[int, TrackAssignment]):
    known = {t.id for t in config.tracks}
    groups: dict[str, list[Article]] = {track_id: [] for track_id in ordered}
    out_of_scope = 0
    for article in articles:
        assignment = assignments.get(article.id)
        primary = assignment.primary if assignment else OUT_OF_SCOPE
        if primary == OUT_OF_SCOPE:
            out_of_scope += 1
            continue
        if primary not in known:
            logger.warning("article %s is assigned to unknown track %r; listed under other developments", article.id, primary)
            primary = OTHER
        if primary in groups:
            groups[primary].append(article)
    return groups, out_of_scope


def assemble_briefing(
    config: Config,
    window: Window,
    tracks: tuple[str, ...],
    summaries: dict[str, Summary],
    top: typing.Iterable[SummarySentence],
    *,
    out_of_scope: int = 0,
    duplicates: dict[int, list[Article]] | None = None,
    now: datetime | None = None,
) -> Briefing:
    """Put summaries (track id -> Summary) into one Briefing: number every article once, in track
    order then summary order, and turn each sentence's article indexes into those numbers.
    `top` are the top lines, each one of the summaries' sentences; `duplicates` maps an article
    id to its copies elsewhere (for "also published by")."""
    duplicates = duplicates or {}
    numbers: dict[tuple, int] = {}  # article key -> source number
    sources: list[Source] = []
    sections: list[Section] = []
    for track_id in tracks:
        track = config.track(track_id)
        summary = summaries.get(track_id)
        if summary is None:
            sections.append(Section(track=track_id, title=track.title, description=track.description))
            continue
        entries = []
        for position, article in enumerate(summary.articles):
            if _key(article) in numbers:  # already listed under an earlier track
                entries.append(sources[numbers[_key(article)] - 1])
                continue
            source = _source(len(sources) + 1, article, track_id, summary, position, duplicates.get(article.id, []))
            numbers[_key(article)] = source.number
            sources.append(source)
            entries.append(source)
        sections.append(_section(track_id, track.title, track.description, summary, numbers, tuple(entries)))

    top_lines_ = []
    for sentence in top:
        owner = next((s for s in summaries.values() if any(sentence is t for t in s.sentences)), None)
        owner = owner or next((s for s in summaries.values() if sentence in s.sentences), None)
        if owner is not None:
            top_lines_.append(_line(sentence, owner, numbers))
    if _spans_days(sources, zone(config)):
        sections = [dataclasses.replace(s, lines=_dated(s.lines, sources)) for s in sections]
        top_lines_ = list(_dated(top_lines_, sources))
    now = now or utcnow()
    return Briefing(
        title=config.render.title,
        date=window.day,
        window_start=window.start,
        window_end=window.end,
        window_kind=window.kind,
        timezone=config.schedule.timezone,
        tracks=tuple(tracks),
        counts=tuple(TrackCount(s.track, s.title, s.count) for s in sections),
        top_lines=tuple(top_lines_),
        sections=tuple(s for s in sections if s.count or not s.is_other),
        sources=tuple(sources),
        out_of_scope=out_of_scope,
        provenance=Provenance(
            config_hash=config.config_hash,
            tracks_hash=config.tracks_hash,
            algorithm=config.summary.algorithm,
            version=__version__,
            generated_at=now,
        ),
        author=config.render.author,
    )


# From this many calendar days between the first and the last publication date of its articles,
# a briefing (a week's, a month's) gives each sentence its date: "on Wednesday" needs one.
DATED_SPAN_DAYS = 2


def _spans_days(sources: typing.Sequence[Source], tz: ZoneInfo) -> bool:
    days = [_aware_in(s.published, tz).astimezone(tz).date() for s in sources if s.published]
    return bool(days) and (max(days) - min(days)).days >= DATED_SPAN_DAYS


def _dated(lines: typing.Iterable[Line], sources: typing.Sequence[Source]) -> tuple[Line, ...]:
    """The lines with the publication date of their first source that has one (their own article's
    when it does)."""
    by_number = {s.number: s for s in sources}
    return tuple(
        dataclasses.replace(line, published=next(
            (by_number[n].published for n in line.sources if n in by_number and by_number[n].published), None))
        for line in lines
    )


def _key(article: Article) -> tuple:
    return ("id", article.id) if article.id is not None else ("object", id(article))


def _numbers(indexes: typing.Iterable[int], summary: Summary, numbers: dict[tuple, int]) -> tuple[int, ...]:
    out = []
    for index in indexes:
        if 0 <= index < len(summary.articles) and _key(summary.articles[index]) in numbers:
            out.append(numbers[_key(summary.articles[index])])
    return tuple(dict.fromkeys(out))


def _line(sentence: SummarySentence, summary: Summary, numbers: dict[tuple, int]) -> Line:
    return Line(sentence.text, _numbers(sentence.sources, summary, numbers), sentence.repeated, summary.track or "")


def _section(track_id, title, description, summary: Summary, numbers, entries) -> Section:
    return Section(
        track=track_id,
        title=title,
        description=description,
        lines=tuple(_line(s, summary, numbers) for s in summary.sentences),
        figures=tuple(
            KeyFigure(f.value, f.what, f.category, f.sentence, _numbers(f.sources, summary, numbers), f.disputed)
            for f in summary.figures[:MAX_FIGURES]
        ),
        quotes=tuple(
            QuoteLine(q.text, q.speaker, (_numbers([q.source], summary, numbers) or (0,))[0])
            for q in summary.quotes[:MAX_QUOTES]
        ),
        articles=entries,
    )


def _source(number: int, article: Article, track_id: str, summary: Summary, position: int, copies: list[Article]) -> Source:
    own = outlet_name(article)
    also = tuple(dict.fromkeys(name for name in map(outlet_name, copies) if name not in (own, UNKNOWN_OUTLET)))
    return Source(
        number=number,
        article_id=article.id,
        title=article.title,
        outlet=own,
        date=article.date,
        link=safe_link(article.url),
        track=track_id,
        one_liner=summary.one_liners[position] if position < len(summary.one_liners) else "",
        author=article.author,
        also_published_by=also,
        received=article.published is None and article.first_seen is not None,
        origin="" if "://" in article.location else PurePath(article.location).name,
    )


def record_briefing(store: Store, briefing: Briefing, path: str | None) -> int:
    """Record a built briefing (its data, per-track sentences and articles); returns the digest id."""
    return store.record_digest(
        date=briefing.date,
        window_start=briefing.window_start,
        window_end=briefing.window_end,
        tracks=list(briefing.tracks),
        config_hash=briefing.provenance.config_hash,
        algorithm=briefing.provenance.algorithm,
        version=briefing.provenance.version,
        path=path,
        data=briefing.to_dict(),
        sentences={s.track: [line.text for line in s.lines] for s in briefing.sections if s.lines},
        articles_by_track={s.track: [a.article_id for a in s.articles if a.article_id is not None] for s in briefing.sections if s.articles},
        created_at=briefing.provenance.generated_at,
    )


@dataclass(frozen=True)
class SavedBriefing:
    digest_id: int
    folder: Path
    files: dict[str, Path]


def save_briefing(
    store: Store,
    config: Config,
    briefing: Briefing,
    folder: Path | None = None,
    formats: typing.Iterable[str] = FORMATS,
) -> SavedBriefing:
    """Write the briefing's files (default folder: DIGEST_HOME/briefings/<date>/), then record it.
    Raises TemplateMissing/TemplateError before any file is touched when a template is at fault."""
    folder = Path(folder) if folder else config.home / "briefings" / briefing.date.isoformat()
    files = write_briefing(briefing, config, folder, formats)
    digest_id = record_briefing(store, briefing, str(folder.resolve()))
    logger.info("recorded digest %d (%d articles) in %s", digest_id, briefing.article_count, folder)
    return SavedBriefing(digest_id, folder, files)
