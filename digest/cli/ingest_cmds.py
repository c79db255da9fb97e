"""digest ingest, articles, show, failures."""

from __future__ import annotations

import logging
import sys

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from digest.cli import AppContext, cli, echo_json, logs_above_live, pass_app, stderr_is_tty, table_title
from digest.ingest import ingest, plan
from digest.models import Article

logger = logging.getLogger(__name__)


def article_row(article: Article, duplicates: list[Article] | None = None) -> dict:
    return {
        "id": article.id,
        "date": article.date.isoformat() if article.date else None,
        "published": article.published.isoformat() if article.published else None,
        "first_seen": article.first_seen.isoformat() if article.first_seen else None,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "place": article.place,
        "location": article.location,
        "url": article.url,
        "word_count": article.word_count,
        "duplicate_of": article.duplicate_of,
        "duplicates": [d.id for d in duplicates or []],
    }


@cli.command("ingest")
@click.argument("targets", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_app
def ingest_command(app: AppContext, targets: tuple[str, ...], as_json: bool) -> None:
    """Ingest files, folders (recursively), feeds and URLs; with no TARGETS, the configured sources.

    Each failed input is reported on one line on stderr and kept in the store (`digest failures`);
    the rest of the batch goes on, and the exit code is then 1. Input files are never modified.
    """
    store, config = app.store, app.config
    if not targets and not plan(config):
        click.echo(f"nothing to ingest: there is no inbox folder at {config.inbox_path} and [sources] feeds "
                   "and urls are empty; pass files, folders or URLs, or configure [sources]", err=True)
    if stderr_is_tty() and not as_json:
        report = _ingest_with_progress_bar(store, config, list(targets))
    else:
        def on_item(item, number, total):
            logger.info("[%d/%d] %s", number, total, item.location)

        report = ingest(store, config, list(targets), on_item=on_item)
    if as_json:
        echo_json({
            "added": [article_row(a) for a in report.added],
            "duplicates": [article_row(a) for a in report.duplicates],
            "unchanged": list(report.unchanged),
            "not_modified": list(report.not_modified),
            "failures": [{"location": f.location, "reason": f.reason, "at": f.at} for f in report.failures],
        })
    else:
        click.echo(
            f"{len(report.added)} new, {len(report.duplicates)} duplicates linked, "
            f"{len(report.unchanged)} unchanged, {len(report.not_modified)} not modified, "
            f"{len(report.failures)} failed; store: {config.store_url}"
        )
    if report.failures:
        sys.exit(1)


def _ingest_with_progress_bar(store, config, targets: list[str]):
    """A rich progress bar on stderr; log lines (failures) are printed above it, not through it."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_item(item, number, total):
            progress.update(task, total=total, completed=number - 1, description=f"ingesting {item.location[-50:]}")

        with logs_above_live():
            return ingest(store, config, targets, on_item=on_item)


@cli.command("articles")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
def articles_command(app: AppContext, as_json: bool) -> None:
    """List stored articles: id, date, outlet, title, word count, duplicates."""
    store = app.store
    articles = store.list_articles()
    dups = store.duplicates_of()
    rows = [article_row(a, dups.get(a.id)) for a in articles]
    if as_json:
        echo_json(rows)
        return
    table = Table(show_lines=False)
    for column in ("id", "date", "outlet", "title", "words", "duplicates"):
        table.add_column(column, overflow="fold", no_wrap=column not in ("outlet", "title"),
                         max_width=20 if column == "outlet" else None)
    for row in rows:
        copies = ", ".join(map(str, row["duplicates"]))
        dup_text = f"copies: {copies}" if copies else (f"copy of {row['duplicate_of']}" if row["duplicate_of"] else "")
        table.add_row(str(row["id"]), (row["date"] or "")[:10], row["outlet"] or "", table_title(row["title"]), str(row["word_count"]), dup_text)
    Console().print(table)


@cli.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_app
def show_command(app: AppContext, article_id: int, as_json: bool) -> None:
    """Print one article's metadata and cleaned text."""
    article = app.store.get_article(article_id)
    dups = app.store.duplicates_of([article_id]).get(article_id, [])
    row = article_row(article, dups)
    if as_json:
        echo_json({**row, "text": article.text})
        return
    for key in ("id", "title", "author", "outlet", "place", "published", "first_seen", "location", "url", "word_count"):
        if row[key] is not None:
            click.echo(f"{key + ':':12} {row[key]}")
    if article.duplicate_of:
        canonical = app.store.get_article(article.duplicate_of)
        click.echo(f"{'copy of:':12} {_describe(canonical)}")
    if dups:
        click.echo("also published by: " + "; ".join(_describe(d) for d in dups))
    click.echo()
    click.echo(article.text)


def _describe(article: Article) -> str:
    return f"#{article.id} {article.outlet or article.url or article.location}"


@cli.command("failures")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of lines.")
@pass_app
def failures_command(app: AppContext, as_json: bool) -> None:
    """List quarantined inputs: where, why and when."""
    failures = app.store.list_failures()
    if as_json:
        echo_json([{"location": f.location, "reason": f.reason, "at": f.at} for f in failures])
        return
    for f in failures:
        click.echo(f"{f.at:%Y-%m-%d %H:%M}  {f.reason}")
