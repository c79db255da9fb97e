"""digest classify, tracks, assign."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.table import Table

from digest.cli import AppContext, activity, cli, echo_json, pass_app, read_articles, table_title
from digest.models import OUT_OF_SCOPE, TrackAssignment
from digest.tracks import assign_tracks, assignments_for, classify, pin_article, unpin_article


def assignment_row(assignment: TrackAssignment, evidence: int | None = None) -> dict:
    """An assignment as JSON-ready data; `evidence` limits how many reasons are included."""
    items = assignment.evidence if evidence is None else assignment.evidence[:evidence]
    return {
        "primary": assignment.primary,
        "secondary": list(assignment.secondary),
        "scores": assignment.scores,
        "confidence": assignment.confidence,
        "pinned": assignment.pinned,
        "evidence": [
            {"track": e.track, "cue": e.cue, "kind": e.kind, "weight": e.weight, "sentence": e.sentence} for e in items
        ],
    }


def reasons(assignment: TrackAssignment, count: int) -> str:
    """The strongest evidence for the primary track, one short line each."""
    track = assignment.primary
    chosen = [e for e in assignment.evidence if e.track == track][:count] or list(assignment.evidence[:count])
    return "\n".join(f"{e.cue} ({e.kind.replace('_', ' ')} {e.weight:g})" for e in chosen)


@cli.command("classify")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list: path, title, primary, secondary, scores, confidence, evidence.")
@click.option("--reasons", "reason_count", default=3, show_default=True, help="Reasons shown per article in the table.")
@pass_app
def classify_command(app: AppContext, paths: tuple[str, ...], as_json: bool, reason_count: int) -> None:
    """Classify article files (or folders of them) into tracks without touching the store.

    A local RSS/Atom file gives its entries' own text. Exits 1 when some file or entry could not
    be read; the others are still classified.
    """
    config = app.config
    with activity("reading the files") as say:
        read, failed = read_articles(paths, config, say)
        say(f"classifying {len(read)} articles")
        results = [(path, article, classify(article, config)) for path, article in read]
    if as_json:
        echo_json([{"path": path, "title": article.title, **assignment_row(a)} for path, article, a in results])
    else:
        table = Table()
        for column in ("path", "primary", "secondary", "confidence", "reasons"):
            table.add_column(column, overflow="fold")
        for path, _article, a in results:
            table.add_row(path, a.primary, ", ".join(a.secondary), f"{a.confidence:.2f}", reasons(a, reason_count))
        Console().print(table)
    if failed:
        sys.exit(1)


@cli.command("tracks")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per track with its articles and reasons.")
@click.option("--track", "tracks", multiple=True, metavar="TRACK", help="Only these tracks (repeatable; out_of_scope allowed).")
@click.option("--reasons", "reason_count", default=2, show_default=True, help="Reasons shown per article.")
@pass_app
def tracks_command(app: AppContext, as_json: bool, tracks: tuple[str, ...], reason_count: int) -> None:
    """Show stored articles grouped by track, with the reasons for each assignment.

    Articles not yet classified, or classified under another tracks configuration, are
    (re)classified first. Duplicates are listed under their canonical article.
    """
    store, config = app.store, app.config
    for track in tracks:
        if track != OUT_OF_SCOPE:
            config.track(track)
    assign_tracks(store, config)
    articles = store.list_articles(include_duplicates=False)
    assignments = assignments_for(store, config, articles)
    order = [t.id for t in config.tracks] + [OUT_OF_SCOPE]
    groups: dict[str, list] = {track_id: [] for track_id in order}
    for article in articles:
        assignment = assignments[article.id]
        groups.setdefault(assignment.primary, []).append((article, assignment))
    titles = {t.id: t.title for t in config.tracks} | {OUT_OF_SCOPE: "Out of scope"}
    selected = [t for t in groups if not tracks or t in tracks]
    if as_json:
        echo_json([
            {
                "track": track_id,
                "title": titles.get(track_id, track_id),
                "articles": [
                    {"id": a.id, "title": a.title, "date": a.date, "outlet": a.outlet, **assignment_row(s, evidence=5)}
                    for a, s in groups[track_id]
                ],
            }
            for track_id in selected
        ])
        return
    console = Console()
    for track_id in selected:
        members = groups[track_id]
        table = Table(title=f"{titles.get(track_id, track_id)} ({track_id}): {len(members)}", title_justify="left")
        for column in ("id", "date", "title", "also", "conf.", "reasons"):
            table.add_column(column, overflow="fold")
        for article, assignment in members:
            confidence = "pinned" if assignment.pinned else f"{assignment.confidence:.2f}"
            table.add_row(str(article.id), f"{article.date:%Y-%m-%d}" if article.date else "", table_title(article.title),
                          ", ".join(assignment.secondary), confidence, reasons(assignment, reason_count))
        console.print(table)


@cli.command("assign")
@click.argument("article_id", type=int)
@click.argument("track", required=False)
@click.option("--unpin", is_flag=True, help="Remove the pin: the classifier decides again.")
@pass_app
def assign_command(app: AppContext, article_id: int, track: str | None, unpin: bool) -> None:
    """Pin article ARTICLE_ID to TRACK (a configured track id, or out_of_scope).

    A pin survives re-classification; `digest tracks` shows it as pinned.
    """
    if unpin == bool(track):
        raise click.UsageError("give either TRACK or --unpin")
    store, config = app.store, app.config
    if unpin:
        assignment = unpin_article(store, config, article_id)
        click.echo(f"article {article_id} unpinned: {assignment.primary} (confidence {assignment.confidence:.2f})")
        return
    assignment = pin_article(store, config, article_id, track)
    also = f"; also {', '.join(assignment.secondary)}" if assignment.secondary else ""
    click.echo(f"article {article_id} pinned to {assignment.primary}{also}")
