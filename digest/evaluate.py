"""Scoring against a gold file (the format of tests/seeds-gold.json).

A gold file lists articles (`id`, `path` relative to the gold file, `primary`, `secondary`) and,
for summary scoring, `clusters` of article ids with the facts a section must state. A file made
for summaries alone may leave out `primary`: only articles with one are classified. This module
loads it (`load_gold`) and scores the track classifier (`evaluate_classification`); summary
scoring reads the same `Gold` object.

Labels are the configured tracks except the catch-all, plus `other`: any predicted or gold
label outside the configured tracks (`out_of_scope`, unknown ids) counts as `other`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import Config
from digest.errors import InputError
from digest.models import OTHER, TrackAssignment

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoldArticle:
    id: str
    path: Path  # resolved against the gold file's folder
    primary: str | None  # None: in the file for its cluster only, not scored as a track
    secondary: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class Gold:
    path: Path
    articles: tuple[GoldArticle, ...]
    clusters: tuple[dict, ...] = ()  # {"track", "ids", "facts": [{"fact", "any_of"}]}, read by summary scoring

    @property
    def labelled(self) -> tuple[GoldArticle, ...]:
        """The articles with a gold track."""
        return tuple(a for a in self.articles if a.primary is not None)


@dataclass(frozen=True)
class Prediction:
    id: str
    path: str
    gold: str
    predicted: str  # the classifier's primary, as it said it
    gold_secondary: tuple[str, ...]
    secondary: tuple[str, ...]
    confidence: float

    def label(self, labels: tuple[str, ...]) -> str:
        return normalize_label(self.predicted, labels)

    def correct(self, labels: tuple[str, ...]) -> bool:
        return self.label(labels) == normalize_label(self.gold, labels)


@dataclass(frozen=True)
class TrackScore:
    track: str
    precision: float
    recall: float
    f1: float
    support: int  # gold articles with this label
    predicted: int  # articles predicted with this label


@dataclass(frozen=True)
class ClassificationScores:
    labels: tuple[str, ...]
    accuracy: float
    macro_f1: float
    per_track: tuple[TrackScore, ...]
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> count
    predictions: tuple[Prediction, ...] = ()
    secondary_exact: float = 0.0  # share of articles whose secondary set matches the gold exactly
    failures: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (id, reason)

    def to_dict(self) -> dict:
        return {
            "labels": list(self.labels),
            "articles": len(self.predictions),
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_track": [vars(s) for s in self.per_track],
            "confusion": self.confusion,
            "secondary_exact": self.secondary_exact,
            "predictions": [
                {**vars(p), "label": p.label(self.labels), "correct": p.correct(self.labels)} for p in self.predictions
            ],
            "failures": [{"id": i, "reason": r} for i, r in self.failures],
        }


def normalize_label(label: str, labels: tuple[str, ...]) -> str:
    return label if label in labels else OTHER


def scoring_labels(config: Config) -> tuple[str, ...]:
    """The configured tracks except the catch-all, then `other`."""
    return tuple(t.id for t in config.tracks if t.id != OTHER) + (OTHER,)


def load_gold(path: str | Path) -> Gold:
    """Read a gold file. Raises InputError naming the problem when it is missing or malformed."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"gold file {path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read the gold file as JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise InputError(f"{path}: a gold file is an object with an `articles` list")
    articles = []
    for number, item in enumerate(data["articles"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise InputError(f"{path}: article #{number} needs a string `path`")
        if not isinstance(item.get("primary", ""), str):
            raise InputError(f"{path}: article #{number}: `primary` must be a track id")
        secondary = item.get("secondary", [])
        if not isinstance(secondary, list) or not all(isinstance(s, str) for s in secondary):
            raise InputError(f"{path}: article #{number}: `secondary` must be a list of track ids")
        articles.append(GoldArticle(
            id=str(item.get("id", number)),
            path=(path.parent / item["path"]).resolve(),
            primary=item.get("primary"),
            secondary=tuple(secondary),
            why=str(item.get("why", "")),
        ))
    clusters = data.get("clusters", [])
    if not isinstance(clusters, list):
        raise InputError(f"{path}: `clusters` must be a list")
    if not clusters and not any(a.primary is not None for a in articles):
        raise InputError(f"{path}: nothing to score: no article has a `primary` track and there are no `clusters`")
    return Gold(path=path, articles=tuple(articles), clusters=tuple(clusters))


def classify_gold_article(item: GoldArticle, config: Config) -> TrackAssignment:
    """Read and classify one gold article (its file's first document). Raises InputError."""
    from digest.ingest import document_to_article, read_path
    from digest.tracks import classify

    documents = read_path(item.path, config.sources.max_bytes)
    if not documents:
        raise InputError(f"{item.path}: no article in the file")
    return classify(document_to_article(documents[0]), config)


def evaluate_classification(gold: Gold, config: Config) -> ClassificationScores:
    """Classify every gold article with a track and score the primary tracks. An article that
    cannot be read is left out of the scores and listed in `failures`."""
    predictions, failures = [], []
    for item in gold.labelled:
        try:
            assignment = classify_gold_article(item, config)
        except InputError as exc:
            logger.warning("%s", exc)
            failures.append((item.id, str(exc)))
            continue
        predictions.append(Prediction(
            id=item.id,
            path=str(item.path),
            gold=item.primary,
            predicted=assignment.primary,
            gold_secondary=item.secondary,
            secondary=assignment.secondary,
            confidence=assignment.confidence,
        ))
    return score_predictions(predictions, scoring_labels(config), failures)


def score_predictions(predictions: list[Prediction], labels: tuple[str, ...],
                      failures: list[tuple[str, str]] | None = None) -> ClassificationScores:
    """Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix (pure)."""
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for prediction in predictions:
        confusion[normalize_label(prediction.gold, labels)][prediction.label(labels)] += 1
    per_track = []
    for label in labels:
        true_positive = confusion[label][label]
        predicted = sum(confusion[g][label] for g in labels)
        support = sum(confusion[label].values())
        precision = true_positive / predicted if predicted else 0.0
        recall = true_positive / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_track.append(TrackScore(label, round(precision, 4), round(recall, 4), round(f1, 4), support, predicted))
    total = len(predictions)
    correct = sum(confusion[label][label] for label in labels)
    scored = [s for s in per_track if s.support or s.predicted]
    secondary_hits = sum(set(p.secondary) == set(p.gold_secondary) for p in predictions)
    return ClassificationScores(
        labels=labels,
        accuracy=round(correct / total, 4) if total else 0.0,
        macro_f1=round(sum(s.f1 for s in scored) / len(scored), 4) if scored else 0.0,
        per_track=tuple(per_track),
        confusion=confusion,
        predictions=tuple(predictions),
        secondary_exact=round(secondary_hits / total, 4) if total else 0.0,
        failures=tuple(failures or ()),
    )
