"""digest summarize: treat some files as one group and print its summary (no store)."""

from __future__ import annotations

import logging
import sys
from collections import Counter

import click
from rich.console import Console
from rich.table import Table

from digest.cli import AppContext, activity, cli, echo_json, pass_app, read_articles
from digest.config import Config, TrackConfig
from digest.errors import InputError
from digest.models import Article, Summary
from digest.summarize import ALGORITHMS, summarize_group
from digest.summary_eval import SummaryEvaluation

logger = logging.getLogger(__name__)


def guess_track(articles: list[Article], config: Config) -> TrackConfig | None:
    """The configured track most of the articles are classified under, or None when most are
    out of scope or in the catch-all."""
    from digest.tracks import classify

    votes = Counter(classify(article, config).primary for article in articles)
    known = {t.id: t for t in config.tracks if t.venues or t.actors or t.phrases}
    ranked = [(count, track) for track, count in votes.most_common() if track in known]
    if not ranked:
        return None
    logger.info("summarising as track %s (%d of %d articles)", ranked[0][1], ranked[0][0], len(articles))
    return known[ranked[0][1]]


def summary_data(summary: Summary, labels: list[str]) -> dict:
    """A summary as JSON-ready data, article indexes replaced by `labels` (paths)."""

    def cite(indexes) -> list[str]:
        return [labels[i] for i in indexes]

    return {
        "track": summary.track,
        "algorithm": summary.algorithm,
        "sentences": [{"text": s.text, "sources": cite(s.sources), "repeated": s.repeated} for s in summary.sentences],
        "figures": [
            {"value": f.value, "what": f.what, "category": f.category, "disputed": f.disputed,
             "sentence": f.sentence, "sources": cite(f.sources)}
            for f in summary.figures
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "source": labels[q.source]} for q in summary.quotes],
        "one_liners": [{"source": label, "text": line} for label, line in zip(labels, summary.one_liners)],
    }


@cli.command("summarize")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--sentences", "-n", type=click.IntRange(min=1), default=None,
              help="How many sentences (default: [summary] sentences, 5).")
@click.option("--algorithm", "-a", type=click.Choice(ALGORITHMS), default=None,
              help="The sumy centrality scorer (default: [summary] algorithm, lexrank).")
@click.option("--track", "track_id", default="auto", show_default=True, metavar="TRACK",
              help="Score relevance to this configured track; `auto`: the track most files are classified under; `none`: no track.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Processes that share the work on a group of 200 articles or more (default: [summary] workers, 1).")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"sentences": [{"text", "sources": [path...]}], "figures": [...], "quotes": [...]}.')
@pass_app
def summarize_command(app: AppContext, paths: tuple[str, ...], sentences: int | None, algorithm: str | None,
                      track_id: str, workers: int | None, as_json: bool) -> None:
    """Summarise the articles in PATHS (files or folders) as one group, without the store:
    sentences quoted from the articles, each citing every file that carries it, then key
    figures and quotes. A local RSS/Atom file gives its entries' own text. Exits 1 when some
    file or entry could not be read (the rest are summarised).
    """
    config = app.config
    with activity("reading the files") as say:
        read, failed = read_articles(paths, config, say)
        labels = [path for path, _ in read]
        articles = [article for _, article in read]
        if not articles:
            raise InputError(f"nothing to summarise: no readable article in {', '.join(paths)}")
        if track_id == "auto":
            say(f"classifying {len(articles)} articles to choose the track")
            track = guess_track(articles, config)
        elif track_id == "none":
            track = None
        else:
            track = config.track(track_id)
        say(f"summarising {len(articles)} articles")
        summary = summarize_group(
            articles,
            sentences=sentences or config.summary.sentences,
            algorithm=algorithm or config.summary.algorithm,
            track=track,
            workers=workers or config.summary.workers,
        )
    if as_json:
        echo_json(summary_data(summary, labels))
    else:
        print_summary(summary, labels, Console())
    if failed:
        sys.exit(1)


def print_summary(summary: Summary, labels: list[str], console: Console) -> None:
    numbers = {label: n for n, label in enumerate(dict.fromkeys(labels), start=1)}

    def cite(indexes) -> str:
        return "[" + ", ".join(str(numbers[labels[i]]) for i in indexes) + "]"

    heading = f"{len(summary.articles)} articles, {summary.algorithm}" + (f", track {summary.track}" if summary.track else "")
    console.print(heading, style="bold", markup=False)
    for number, sentence in enumerate(summary.sentences, start=1):
        console.print(f"{number}. {sentence.text} {cite(sentence.sources)}" + (" (repeated)" if sentence.repeated else ""), highlight=False, markup=False)
    if summary.figures:
        table = Table(title="key figures", title_justify="left")
        for column in ("value", "what", "sources"):
            table.add_column(column, overflow="fold")
        for figure in summary.figures:
            table.add_row(figure.value, figure.what + (" (disputed)" if figure.disputed else ""), cite(figure.sources).replace("[", "\\["))
        console.print(table)
    for quote in summary.quotes:
        console.print(f"“{quote.text}” — {quote.speaker or 'unattributed'} {cite([quote.source])}", highlight=False, markup=False)
    console.print("sources:")
    for label, number in numbers.items():
        console.print(f"  [{number}] {label}", highlight=False, markup=False)


def print_summary_evaluation(evaluation: SummaryEvaluation, console: Console) -> None:
    """The fact-recall table of `digest eval`: one row per gold cluster, one column per method."""
    table = Table(title=f"summary fact recall at {evaluation.sentences} sentences", title_justify="left")
    for column in ("track", "articles", "facts", *evaluation.methods):
        table.add_column(column, justify="left" if column == "track" else "right")
    for cluster in evaluation.clusters:
        table.add_row(cluster.track, str(cluster.articles), str(cluster.facts),
                      *(f"{cluster.recall[m]:.3f}" for m in evaluation.methods))
    table.add_row("mean", "", "", *(f"{evaluation.mean(m):.3f}" for m in evaluation.methods), style="bold")
    # Wider than a pipe's 80 columns rather than numbers cut to "0.5…".
    needed = 30 + 15 * len(evaluation.methods)
    (console if console.width >= needed else Console(width=needed, file=console.file)).print(table)
    for cluster in evaluation.clusters:
        missed = cluster.missed.get(evaluation.methods[0], ())
        if missed:
            console.print(f"{cluster.track}: {evaluation.methods[0]} missed: " + "; ".join(missed), highlight=False, markup=False)
