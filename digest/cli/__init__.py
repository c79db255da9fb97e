"""The command line: a thin layer that parses options, calls one core function, prints the result.

Results go to stdout (a table, or JSON with --json); logs and errors go to stderr.
Exit codes: 0 success; 1 some inputs failed (the rest were processed); 2 bad configuration or
usage; 3 an input could not be read; 4 the store could not be used; 5 an id was not found;
6 a template is missing; 7 a delivery failed; 8 another digest process holds the scheduler or
delivery lease.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import click

from digest import __version__
from digest.config import Config, load_config
from digest.errors import DigestError, InputError
from digest.models import Article
from digest.store import Store

logger = logging.getLogger("digest")


@dataclass
class AppContext:
    config_path: str | None
    verbose: int
    _config: Config | None = None
    _store: Store | None = None
    overrides: dict = field(default_factory=dict)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path, overrides=self.overrides)
        return self._config

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.config.store_url)
        return self._store


pass_app = click.make_pass_decorator(AppContext)


def _json_default(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


TABLE_TITLE_WIDTH = 90  # an untitled text's title is its whole first sentence


def table_title(title: str, width: int = TABLE_TITLE_WIDTH) -> str:
    """A title as a listing table shows it: whole up to `width` characters, else cut at a word
    with "…" (`--json` keeps it whole)."""
    if len(title) <= width:
        return title
    head = title[: width - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:") + "…"


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


@contextmanager
def activity(message: str) -> Iterator[Callable[[str], None]]:
    """At a terminal, a spinner on stderr saying what is being done and for how long, gone when it
    ends; elsewhere (a pipe, a log, a test) nothing. Yields a function that changes the message."""
    if not stderr_is_tty():
        yield lambda _message: None
        return
    from rich.console import Console

    with Console(stderr=True).status(message) as status, logs_above_live():
        yield lambda new: status.update(new)


def read_articles(paths: Iterable[str], config: Config,
                  say: Callable[[str], None] = lambda _message: None) -> tuple[list[tuple[str, Article]], int]:
    """The articles in `paths` (files, folders, local feeds) with the path each came from, and how
    many inputs could not be read (each logged as a warning; the rest go on). `say` hears
    "reading the files: <n> <path>" for each input (see activity)."""
    from digest.ingest import document_to_article, iter_documents

    read: list[tuple[str, Article]] = []
    failed = 0
    for path, document in iter_documents(list(paths), config.sources.max_bytes):
        say(f"reading the files: {len(read) + failed + 1} {path[-50:]}")
        try:
            if isinstance(document, InputError):
                raise document
            read.append((path, document_to_article(document)))
        except InputError as exc:
            logger.warning("%s", exc)
            failed += 1
    return read, failed


@contextmanager
def logs_above_live() -> Iterator[None]:
    """While rich draws a live line (a progress bar, a spinner), sys.stderr is its proxy, which
    prints above that line; log handlers made before still hold the real stream, so they are
    pointed at the proxy meanwhile."""
    handlers = [h for h in logging.getLogger().handlers
                if isinstance(h, logging.StreamHandler) and h.stream is sys.__stderr__]
    for handler in handlers:
        handler.setStream(sys.stderr)
    try:
        yield
    finally:
        for handler in handlers:
            handler.setStream(sys.__stderr__)


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s" if verbose else "%(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("fontTools", "weasyprint", "apscheduler", "urllib3", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING) if verbose < 2 else level)
    # The extractor's warnings ("discarding data: None") restate what digest reports itself, in its
    # own words ("no article text found in the HTML ..."): shown with -v only.
    for extractor in ("trafilatura", "htmldate"):
        logging.getLogger(extractor).setLevel(logging.ERROR if not verbose else logging.WARNING if verbose < 2 else level)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="DIGEST_CONFIG",
              help="TOML config file (default: $DIGEST_CONFIG, else ./digest.toml when present).")
@click.option("-v", "--verbose", count=True, help="More logging; -vv for debug and tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
@click.version_option(__version__, prog_name="digest")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, verbose: int, quiet: bool) -> None:
    """Briefing digests of negotiation coverage: ingest articles, group them by track,
    summarise each group with citations, and render HTML, PDF and email briefings."""
    _setup_logging(verbose, quiet)
    ctx.obj = AppContext(config_path=config_path, verbose=verbose)
    ctx.call_on_close(lambda: ctx.obj._store.close() if ctx.obj._store else None)


def main() -> None:
    """Entry point: run the CLI, turning DigestError into a one-line message and its exit code."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DigestError as exc:
        if "-vv" in sys.argv or "--verbose" in sys.argv and sys.argv.count("--verbose") > 1:
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(0)


# Command modules register themselves on `cli`; keep these imports at the bottom.
from digest.cli import ingest_cmds  # noqa: E402,F401
from digest.cli import build_cmds  # noqa: E402,F401
from digest.cli import tracks_cmds  # noqa: E402,F401
from digest.cli import eval_cmds  # noqa: E402,F401
from digest.cli import deliver_cmds  # noqa: E402,F401
from digest.cli import site_cmds  # noqa: E402,F401
from digest.cli import summarize_cmds  # noqa: E402,F401
