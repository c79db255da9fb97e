"""digest build, pdf, digests."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from digest.briefing import Briefing, build_briefing, save_briefing
from digest.cli import AppContext, activity, cli, echo_json, pass_app
from digest.render import FORMATS, render_pdf, write_file

logger = logging.getLogger(__name__)


class When(click.ParamType):
    """An ISO 8601 date or date-time; without an offset it is read in [schedule] timezone."""

    name = "DATETIME"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            return datetime.fromisoformat(value.strip().replace(" ", "T", 1))
        except ValueError:
            self.fail(f"{value!r} is not a date (2025-03-05) or date-time (2025-03-05T07:00, +02:00 allowed)", param, ctx)


def window_options(command):
    """--date | --since/--until, and --track: the same for every command that builds a briefing."""
    for option in reversed([
        click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
                     help="One calendar day (articles dated that day, in [schedule] timezone)."),
        click.option("--since", type=When(), help="Start of a range of article dates (inclusive)."),
        click.option("--until", type=When(), help="End of a range of article dates (exclusive; default: now)."),
        click.option("--all", "everything", is_flag=True, help="Every stored article, whatever its date."),
        click.option("--track", "tracks", multiple=True, metavar="TRACK",
                     help="Only this track (repeatable; default: every configured track)."),
    ]):
        command = option(command)
    return command


def _build(app: AppContext, day, since, until, everything, tracks) -> Briefing:
    if sum((day is not None, since is not None or until is not None, everything)) > 1:
        raise click.UsageError("give one of --date, --since/--until or --all")
    return build_briefing(app.store, app.config, since=since, until=until, day=day.date() if day else None,
                          everything=everything, tracks=tracks or None)


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"{', '.join(unknown) or 'nothing'}: choose from {', '.join(FORMATS)}", param_hint="--format")
    return chosen


def _summary_line(briefing: Briefing) -> str:
    counts = ", ".join(f"{c.title} {c.count}" for c in briefing.counts)
    scope = f"; {briefing.out_of_scope} out of scope" if briefing.out_of_scope else ""
    return f"{briefing.article_count} articles ({counts}){scope}"


@cli.command("build")
@window_options
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True,
              help="Comma-separated formats to write: html, pdf, email.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the files (default: DIGEST_HOME/briefings/<date>/).")
@click.option("--json", "as_json", is_flag=True, help="Print the digest id and file paths as JSON.")
@pass_app
def build_command(app: AppContext, day, since, until, everything, tracks, formats: str, out_dir: str | None, as_json: bool) -> None:
    """Build a briefing, write it (briefing.html, briefing.pdf, email.html, email.txt) and record it.

    The default window is everything received since the last digest of the same tracks.
    """
    chosen = _formats(formats)
    with activity("building the briefing: classifying and summarising") as say:
        briefing = _build(app, day, since, until, everything, tracks)
        say(f"writing {', '.join(chosen)} for {briefing.article_count} articles")
        saved = save_briefing(app.store, app.config, briefing, Path(out_dir) if out_dir else None, chosen)
    if as_json:
        echo_json({"digest_id": saved.digest_id, "date": briefing.date, "folder": saved.folder,
                   "articles": briefing.article_count, "files": {k: str(v) for k, v in saved.files.items()}})
        return
    click.echo(f"digest {saved.digest_id} for {briefing.date:%Y-%m-%d}: {_summary_line(briefing)}")
    if briefing.is_empty:
        click.echo("no articles in this window; the briefing says so", err=True)
    for path in saved.files.values():
        click.echo(f"  {path}")


@cli.command("pdf")
@window_options
@click.option("-o", "--output", "out_file", type=click.Path(dir_okay=False),
              help="The PDF to write (default: ./briefing-<date>.pdf).")
@pass_app
def pdf_command(app: AppContext, day, since, until, everything, tracks, out_file: str | None) -> None:
    """Make a PDF briefing on demand for any window and tracks (not recorded as a digest)."""
    with activity("building the briefing: classifying and summarising") as say:
        briefing = _build(app, day, since, until, everything, tracks)
        path = Path(out_file) if out_file else Path(f"briefing-{briefing.date:%Y-%m-%d}.pdf")
        say(f"writing the PDF for {briefing.article_count} articles")
        write_file(path, render_pdf(briefing, app.config))
    click.echo(f"{path}: {_summary_line(briefing)}")


@cli.command("digests")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
def digests_command(app: AppContext, as_json: bool) -> None:
    """List recorded digests, newest first: id, date, window, tracks, articles, folder."""
    records = app.store.list_digests()
    rows = [{
        "id": r.id, "date": r.date, "created_at": r.created_at, "window_start": r.window_start,
        "window_end": r.window_end, "tracks": list(r.tracks), "articles": r.article_count,
        "algorithm": r.algorithm, "config_hash": r.config_hash, "version": r.version, "path": r.path,
    } for r in records]
    if as_json:
        echo_json(rows)
        return
    table = Table()
    for column in ("id", "date", "window", "tracks", "articles", "folder"):
        table.add_column(column, overflow="fold")
    for r in records:
        window = f"{r.window_start:%Y-%m-%d %H:%M}" if r.window_start else "start"
        window += f" – {r.window_end:%Y-%m-%d %H:%M}" if r.window_end else ""
        table.add_row(str(r.id), f"{r.date:%Y-%m-%d}", window, ", ".join(r.tracks), str(r.article_count), r.path or "")
    Console().print(table)
