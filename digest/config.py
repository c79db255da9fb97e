"""Settings, merged in one place: built-in defaults < TOML file < environment < command-line flags.

The file is `--config FILE`, else `$DIGEST_CONFIG`, else `./digest.toml` when present.
Environment variables are `DIGEST_<SECTION>_<KEY>`; `DIGEST_HOME` moves all state.
Validation is strict: an unknown key or a wrong type is an error naming the key and the file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
import typing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from digest.errors import ConfigError

ENV_PREFIX = "DIGEST_"


@dataclass(frozen=True)
class StoreConfig:
    url: str = ""  # empty: sqlite file `digest.db` under DIGEST_HOME


@dataclass(frozen=True)
class SourcesConfig:
    inbox: str = "inbox"  # relative to DIGEST_HOME unless set in a file (then relative to the file)
    feeds: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 20.0
    user_agent: str = "digest/0.1 (briefing digest generator; offline-friendly)"


@dataclass(frozen=True)
class Cue:
    """A pattern (plain words, case-insensitive, word-bounded) and how much it counts.
    A pattern written wholly in capitals ("US", "UN") matches only in capitals."""

    pattern: str
    weight: float = 1.0


@dataclass(frozen=True)
class TrackConfig:
    """A track and the cues the classifier looks for (see digest/tracks/rules.py for how each kind counts).

    venues: places where this track's talks are held (cities, "the Qatari capital");
    hosts: the host country's names ("Qatar", "Qatari"), venues when the wording says the talks are
    there, otherwise usually naming a mediator; actors and counterparts: the two sides whose talking
    to each other is this track (a relation between them in one sentence); phrases: fixed wordings.
    """

    id: str
    title: str
    description: str = ""
    venues: tuple[Cue, ...] = ()
    hosts: tuple[Cue, ...] = ()
    actors: tuple[Cue, ...] = ()
    counterparts: tuple[Cue, ...] = ()
    phrases: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class ScopeConfig:
    """What counts as relevant at all; articles scoring below `threshold` are out of scope."""

    description: str = ""
    terms: tuple[Cue, ...] = ()
    exclude: tuple[Cue, ...] = ()  # topics that make an article out of scope when they outweigh `terms`
    threshold: float = 2.0


@dataclass(frozen=True)
class ClassifierConfig:
    """How the track classifier weighs what it finds. Position weights multiply every piece of
    evidence; the word lists are the vocabulary its general rules read (see digest/tracks/rules.py)."""

    headline: float = 3.0
    dateline: float = 2.0
    lead: float = 2.0
    lead_sentences: int = 3
    body: float = 1.0
    late: float = 0.5
    late_after: int = 12
    venue_pattern: float = 3.0
    venue_context: float = 1.5
    venue_mention: float = 0.75
    host_mention: float = 0.25
    go_between: float = 1.5
    mediator: float = 0.5
    announcement: float = 3.0
    residence: float = 0.5
    incident: float = 3.0
    background: float = 0.4
    relation: float = 6.0
    actor_mention: float = 0.1
    min_score: float = 4.0
    unfocused: float = 2.0
    secondary_min: float = 1.5
    talk_words: tuple[str, ...] = ()
    travel_words: tuple[str, ...] = ()
    departure_words: tuple[str, ...] = ()
    party_words: tuple[str, ...] = ()
    host_words: tuple[str, ...] = ()
    mediator_words: tuple[str, ...] = ()
    residence_words: tuple[str, ...] = ()
    incident_words: tuple[str, ...] = ()
    background_words: tuple[str, ...] = ()
    plan_words: tuple[str, ...] = ()
    speech_words: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    forums: tuple[str, ...] = ()


@dataclass(frozen=True)
class SummaryConfig:
    sentences: int = 5
    algorithm: str = "lexrank"
    workers: int = 1  # processes that share a large group's per-article work (see digest.summarize.extract)


@dataclass(frozen=True)
class RenderConfig:
    title: str = "Gaza Ceasefire Negotiations Briefing"
    author: str = "digest"
    paper: str = "A4"
    templates: str = ""  # a folder searched before the built-in templates


@dataclass(frozen=True)
class Recipient:
    address: str
    tracks: tuple[str, ...] = ()


@dataclass(frozen=True)
class EmailConfig:
    transport: str = "outbox"  # "outbox" writes .eml files; "smtp" sends
    host: str = "localhost"
    port: int = 25
    security: str = "none"  # "starttls", "ssl" or "none"
    username: str = ""
    password_env: str = ""
    sender: str = "digest@localhost"
    reply_to: str = ""
    attach_pdf: bool = True
    send_empty: bool = False
    timeout: float = 30.0  # seconds, for every SMTP connection and command
    retries: int = 3  # extra attempts after a transient failure, within one run
    retry_delay: float = 5.0  # seconds before the first retry; doubled each time
    recipients: tuple[Recipient, ...] = ()


@dataclass(frozen=True)
class ScheduleConfig:
    poll_minutes: int = 15
    time: str = "07:00"
    timezone: str = "UTC"
    cron: str = ""
    misfire_grace_hours: float = 6.0
    lease_seconds: float = 45.0  # a dead active scheduler on another machine is replaced within this


@dataclass(frozen=True)
class SiteConfig:
    base_url: str = "http://localhost:8000/"
    title: str = "Briefing archive"


@dataclass(frozen=True)
class Config:
    home: Path
    store: StoreConfig = field(default_factory=StoreConfig)
    sources: SourcesConfig = field(default_factory=SourcesConfig)
    scope: ScopeConfig = field(default_factory=ScopeConfig)
    classifier: ClassifierConfig = field(default_factory=ClassifierConfig)
    tracks: tuple[TrackConfig, ...] = ()
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    render: RenderConfig = field(default_factory=RenderConfig)
    email: EmailConfig = field(default_factory=EmailConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    site: SiteConfig = field(default_factory=SiteConfig)
    source_file: Path | None = None

    @property
    def store_url(self) -> str:
        return self.store.url or f"sqlite:///{self.home / 'digest.db'}"

    @property
    def inbox_path(self) -> Path:
        return Path(self.sources.inbox) if Path(self.sources.inbox).is_absolute() else self.home / self.sources.inbox

    @property
    def output_dir(self) -> Path:
        return self.home

    def track(self, track_id: str) -> TrackConfig:
        for track in self.tracks:
            if track.id == track_id:
                return track
        known = ", ".join(t.id for t in self.tracks)
        raise ConfigError(f"unknown track {track_id!r}; configured tracks: {known}")

    @property
    def tracks_hash(self) -> str:
        """A short hash of everything that decides classification, to know when to recompute."""
        payload = json.dumps(
            [dataclasses.asdict(self.scope), dataclasses.asdict(self.classifier), [dataclasses.asdict(t) for t in self.tracks]],
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:12]

    @property
    def config_hash(self) -> str:
        data = dataclasses.asdict(self)
        data.pop("home"), data.pop("source_file")
        data["email"].pop("password_env", None)
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:12]


_SECTIONS: dict[str, type] = {
    "store": StoreConfig,
    "sources": SourcesConfig,
    "scope": ScopeConfig,
    "classifier": ClassifierConfig,
    "summary": SummaryConfig,
    "render": RenderConfig,
    "email": EmailConfig,
    "schedule": ScheduleConfig,
    "site": SiteConfig,
}


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


def _coerce(value: Any, tp: Any, where: str) -> Any:
    """Check `value` against the annotated type `tp`, building nested dataclasses."""
    origin = typing.get_origin(tp)
    if origin is tuple:
        (item_tp, _ellipsis) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list, got {type(value).__name__}")
        return tuple(_coerce(v, item_tp, f"{where}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(tp):
        if isinstance(value, str) and tp is Cue:
            return Cue(pattern=value)
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table, got {type(value).__name__}")
        return _build(tp, value, where)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp is bool and not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, got {value!r}")
    if tp is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(f"{where}: expected a whole number, got {value!r}")
    if not isinstance(value, tp):
        raise ConfigError(f"{where}: expected {_type_name(tp)}, got {type(value).__name__} {value!r}")
    return value


def _build(cls: type, data: dict, where: str) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(fields)}")
    kwargs = {k: _coerce(v, hints[k], f"{where}.{k}") for k, v in data.items()}
    missing = [
        f.name
        for f in fields.values()
        if f.name not in kwargs and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise ConfigError(f"{where}: missing required key {missing[0]!r}")
    return cls(**kwargs)


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist; pass an existing file to --config") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def default_data() -> dict:
    """The embedded defaults (tracks, scope) shipped inside the package."""
    text = resources.files("digest").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _parse_env_value(raw: str, tp: Any, name: str) -> Any:
    origin = typing.get_origin(tp)
    try:
        if origin is tuple:
            raw = raw.strip()
            if raw.startswith("["):
                return json.loads(raw)
            return [part.strip() for part in raw.split(",") if part.strip()]
        if tp is bool:
            lowered = raw.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if tp is int:
            return int(raw)
        if tp is float:
            return float(raw)
    except ValueError:
        raise ConfigError(f"environment variable {name}: cannot read {raw!r} as {_type_name(tp)}") from None
    return raw


def _env_overrides(environ: dict[str, str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for section, cls in _SECTIONS.items():
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            tp = hints[f.name]
            if dataclasses.is_dataclass(typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else tp):
                continue  # tables (recipients, cues) only come from files
            name = f"{ENV_PREFIX}{section.upper()}_{f.name.upper()}"
            if name in environ:
                out.setdefault(section, {})[f.name] = _parse_env_value(environ[name], hints[f.name], name)
    return out


def _resolve_paths(data: dict, base: Path) -> None:
    """Relative paths in a config file resolve against the file's folder. Runs before validation,
    so anything of the wrong type is left alone for `_build` to report."""

    def resolved(value: Any) -> Any:
        if not isinstance(value, str) or not value or "://" in value or Path(value).is_absolute():
            return value
        return str((base / value).resolve())

    sources = data.get("sources")
    if isinstance(sources, dict):
        if "inbox" in sources:
            sources["inbox"] = resolved(sources["inbox"])
        if isinstance(sources.get("feeds"), list):
            sources["feeds"] = [resolved(f) for f in sources["feeds"]]
    render = data.get("render")
    if isinstance(render, dict) and "templates" in render:
        render["templates"] = resolved(render["templates"])


def find_config_file(explicit: str | os.PathLike | None, environ: dict[str, str]) -> Path | None:
    if explicit:
        return Path(explicit)
    if environ.get("DIGEST_CONFIG"):
        return Path(environ["DIGEST_CONFIG"])
    local = Path("digest.toml")
    return local if local.is_file() else None


def load_config(
    path: str | os.PathLike | None = None,
    overrides: dict[str, dict] | None = None,
    environ: dict[str, str] | None = None,
) -> Config:
    """Merge defaults < file < environment < `overrides` (from flags) into a validated Config.

    Raises ConfigError naming the key and the file for any unknown key or wrong type.
    """
    environ = dict(os.environ if environ is None else environ)
    merged: dict[str, Any] = default_data()
    file_path = find_config_file(path, environ)
    if file_path is not None:
        file_data = _read_toml(file_path)
        _resolve_paths(file_data, file_path.resolve().parent)
        label = str(file_path)
        for key in file_data:
            if key not in _SECTIONS and key not in ("tracks", "home"):
                raise ConfigError(f"{label}: unknown section {key!r}; known sections: {', '.join([*_SECTIONS, 'tracks', 'home'])}")
        if "tracks" in file_data:
            merged["tracks"] = file_data.pop("tracks")  # a file's tracks replace the defaults whole
        for section, values in file_data.items():
            if section == "home":
                merged["home"] = values
                continue
            if not isinstance(values, dict):
                raise ConfigError(f"{label}: [{section}] must be a table")
            merged.setdefault(section, {}).update(values)
    else:
        label = "built-in defaults"
    for section, values in _env_overrides(environ).items():
        merged.setdefault(section, {}).update(values)
    for section, values in (overrides or {}).items():
        merged.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})

    # DIGEST_HOME (relative to the working folder) wins over a file's `home` (relative to the file).
    file_home = merged.pop("home", None)
    if file_home is not None and not isinstance(file_home, str):
        raise ConfigError(f"{label}: home: expected a path string, got {type(file_home).__name__}")
    if environ.get("DIGEST_HOME"):
        home = Path(environ["DIGEST_HOME"])
    elif file_home and file_path is not None:
        home = file_path.resolve().parent / file_home
    else:
        home = Path("output")

    prefix = f"{label} " if file_path else ""
    kwargs: dict[str, Any] = {"home": home.resolve(), "source_file": file_path}
    for section, cls in _SECTIONS.items():
        kwargs[section] = _build(cls, merged.get(section, {}), f"{prefix}[{section}]")
    tracks_raw = merged.get("tracks", [])
    if not isinstance(tracks_raw, list):
        raise ConfigError(f"{label}: tracks must be an array of tables ([[tracks]])")
    tracks = tuple(_coerce(t, TrackConfig, f"{prefix}[[tracks]] #{i + 1}") for i, t in enumerate(tracks_raw))
    ids = [t.id for t in tracks]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"{label}: track ids must be unique, got {ids}")
    kwargs["tracks"] = tracks
    config = Config(**kwargs)
    _check_values(config, label)
    return config


def _check_values(config: Config, label: str) -> None:
    choices = {
        ("email", "transport"): ("outbox", "smtp"),
        ("email", "security"): ("starttls", "ssl", "none"),
        ("render", "paper"): ("A4", "Letter"),
        ("summary", "algorithm"): ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic"),
    }
    for (section, key), allowed in choices.items():
        value = getattr(getattr(config, section), key)
        if value not in allowed:
            raise ConfigError(f"{label}: [{section}] {key} = {value!r} is not one of {', '.join(allowed)}")
    if config.summary.sentences < 1:
        raise ConfigError(f"{label}: [summary] sentences must be at least 1")
    if config.summary.workers < 1:
        raise ConfigError(f"{label}: [summary] workers must be at least 1 (1: no worker processes)")
    if config.schedule.poll_minutes < 1:
        raise ConfigError(f"{label}: [schedule] poll_minutes must be at least 1")
    if not 3 <= config.schedule.lease_seconds <= 3600:
        raise ConfigError(f"{label}: [schedule] lease_seconds must be between 3 and 3600")
    for recipient in config.email.recipients:
        for track in recipient.tracks:
            config.track(track)
    _check_classification(config, label)


def _check_classification(config: Config, label: str) -> None:
    """Weights are never negative, every cue has words, track ids are plain identifiers."""
    for f in dataclasses.fields(ClassifierConfig):
        value = getattr(config.classifier, f.name)
        if isinstance(value, (int, float)) and value < 0:
            raise ConfigError(f"{label}: [classifier] {f.name} = {value} must not be negative")
        if isinstance(value, tuple) and any(not w.strip() for w in value):
            raise ConfigError(f"{label}: [classifier] {f.name} holds an empty word")
    cue_lists = [("scope", "terms", config.scope.terms), ("scope", "exclude", config.scope.exclude)]
    for track in config.tracks:
        if not track.id.replace("_", "").isalnum() or not track.id.isascii():
            raise ConfigError(f"{label}: track id {track.id!r} must be letters, digits and underscores")
        cue_lists += [(f"tracks.{track.id}", kind, getattr(track, kind))
                      for kind in ("venues", "hosts", "actors", "counterparts", "phrases")]
    for where, kind, cues in cue_lists:
        for cue in cues:
            if not any(ch.isalnum() for ch in cue.pattern):
                raise ConfigError(f"{label}: [{where}] {kind}: pattern {cue.pattern!r} has no words")
            if cue.weight < 0:
                raise ConfigError(f"{label}: [{where}] {kind}: {cue.pattern!r} weight {cue.weight} must not be negative")
