"""digest eval: score the classifier on a gold file."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from digest.cli import AppContext, activity, cli, echo_json, pass_app
from digest.cli.summarize_cmds import print_summary_evaluation
from digest.evaluate import ClassificationScores, evaluate_classification, load_gold
from digest.summary_eval import evaluate_summaries


@cli.command("eval")
@click.argument("gold_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores and every prediction as JSON.")
@pass_app
def eval_command(app: AppContext, gold_file: str, as_json: bool) -> None:
    """Score track classification against GOLD_FILE (the format of tests/seeds-gold.json):
    accuracy, per-track precision, recall and F1, macro-F1 and a confusion matrix; and, when the
    file has clusters, the fact recall of each cluster's summary at [summary] sentences beside
    plain sumy (each algorithm), the lead baseline and a greedy oracle.

    Article paths in the gold file are relative to it. Any predicted label that is not one of the
    configured tracks (out_of_scope, say) counts as `other`. Articles without a `primary` track
    (a file made for summaries alone) are not classified.
    """
    gold = load_gold(gold_file)
    with activity(f"classifying {len(gold.labelled)} articles" if gold.labelled else "reading the gold file") as say:
        scores = evaluate_classification(gold, app.config) if gold.labelled else None
        # Summary fact recall per gold cluster, beside plain sumy and the lead baseline (digest/summary_eval.py).
        say(f"summarising {len(gold.clusters)} clusters, with plain sumy and the baselines beside")
        summaries = evaluate_summaries(gold.path, app.config, sentences=app.config.summary.sentences,
                                       algorithm=app.config.summary.algorithm) if gold.clusters else None
    if as_json:
        echo_json({"gold": str(gold.path), **({"classification": scores.to_dict()} if scores else {}),
                   **({"summaries": summaries.to_dict()} if summaries else {})})
        return
    if scores:
        print_scores(scores, Console())
    if summaries:
        print_summary_evaluation(summaries, Console())


def print_scores(scores: ClassificationScores, console: Console) -> None:
    console.print(
        f"{len(scores.predictions)} articles  accuracy {scores.accuracy:.3f}  macro-F1 {scores.macro_f1:.3f}  "
        f"secondary exact {scores.secondary_exact:.3f}"
    )
    per_track = Table(title="per track", title_justify="left")
    for column in ("track", "precision", "recall", "F1", "gold", "predicted"):
        per_track.add_column(column, justify="left" if column == "track" else "right")
    for s in scores.per_track:
        # a label nobody has and nothing was given is left out of macro-F1: show it as "-"
        values = [f"{v:.3f}" for v in (s.precision, s.recall, s.f1)] if s.support or s.predicted else ["-"] * 3
        per_track.add_row(s.track, *values, str(s.support), str(s.predicted))
    console.print(per_track)
    matrix = Table(title="confusion (rows: gold, columns: predicted)", title_justify="left")
    matrix.add_column("gold \\ predicted")
    for label in scores.labels:
        matrix.add_column(label, justify="right")
    for gold in scores.labels:
        matrix.add_row(gold, *(str(scores.confusion[gold][p]) for p in scores.labels))
    console.print(matrix)
    wrong = [p for p in scores.predictions if not p.correct(scores.labels)]
    if wrong:
        misses = Table(title="misclassified", title_justify="left")
        for column in ("id", "gold", "predicted", "confidence", "path"):
            misses.add_column(column, overflow="fold")
        for p in wrong:
            misses.add_row(p.id, p.gold, p.predicted, f"{p.confidence:.2f}", p.path)
        console.print(misses)
    for article_id, reason in scores.failures:
        console.print(f"not scored: {article_id}: {reason}")
