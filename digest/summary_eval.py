"""Scoring summaries against gold facts (`digest eval GOLD.json`, the summary table).

A gold file lists articles (id, path relative to the file) and clusters: a track, the ids of its
articles and the facts a good section states. A fact is covered when any of its `any_of` strings
occurs, case-insensitively, in one of the section's sentences. For each cluster, at N sentences:

    digest    summarize_group on the cluster's articles, with the cluster's track
    sumy-*    plain sumy, each algorithm on the concatenated articles
    lead      the articles' leads, first sentences first (round robin, newest article first)
    oracle    greedy best N sentences for the facts (an upper reference, not a method)
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import Config, TrackConfig
from digest.errors import ConfigError, InputError
from digest.models import Article
from digest.summarize import summarize_group
from digest.summarize.scoring import ALGORITHMS, OfflineTokenizer, make_summarizer
from digest.text import paragraph_sentences, split_paragraphs

logger = logging.getLogger(__name__)

OURS = "digest"
LEAD = "lead"
ORACLE = "oracle"


@dataclass(frozen=True)
class GoldFact:
    fact: str
    any_of: tuple[str, ...]

    def covered_by(self, sentences: Sequence[str]) -> bool:
        lowered = [s.lower() for s in sentences]
        return any(needle.lower() in s for needle in self.any_of for s in lowered)


@dataclass(frozen=True)
class GoldCluster:
    track: str
    ids: tuple[str, ...]
    articles: tuple[Article, ...]
    facts: tuple[GoldFact, ...]


@dataclass(frozen=True)
class ClusterResult:
    track: str
    articles: int
    facts: int
    recall: dict[str, float] = field(default_factory=dict)
    missed: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryEvaluation:
    sentences: int
    methods: tuple[str, ...]
    clusters: tuple[ClusterResult, ...]

    def mean(self, method: str) -> float:
        """Mean over clusters of each cluster's fact recall."""
        values = [c.recall[method] for c in self.clusters if method in c.recall]
        return sum(values) / len(values) if values else 0.0

    def to_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "methods": list(self.methods),
            "mean": {m: round(self.mean(m), 4) for m in self.methods},
            "clusters": [
                {"track": c.track, "articles": c.articles, "facts": c.facts,
                 "recall": {m: round(v, 4) for m, v in c.recall.items()},
                 "missed": {m: list(v) for m, v in c.missed.items()}}
                for c in self.clusters
            ],
        }


def fact_recall(facts: Sequence[GoldFact], sentences: Sequence[str]) -> tuple[float, tuple[str, ...]]:
    """Share of `facts` covered by `sentences`, and the facts missed."""
    missed = tuple(f.fact for f in facts if not f.covered_by(sentences))
    return (1.0 - len(missed) / len(facts) if facts else 1.0), missed


def _read_articles(path: Path, max_bytes: int) -> list[Article]:
    from digest.ingest import document_to_article, iter_documents

    out = []
    for location, doc in iter_documents([str(path)], max_bytes):
        if isinstance(doc, Exception):
            raise InputError(f"gold article {location}: {doc}")
        out.append(document_to_article(doc))
    if not out:
        raise InputError(f"gold article {path}: nothing could be read")
    return out


def load_gold_clusters(gold_path: str | Path, max_bytes: int = 10 * 1024 * 1024) -> list[GoldCluster]:
    """The clusters of a gold file with their articles read and cleaned (no store).
    Raises InputError when the file or an article cannot be read, naming it."""
    gold_path = Path(gold_path)
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{gold_path}: cannot read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{gold_path}: not valid JSON ({exc})") from None
    paths = {str(a["id"]): gold_path.parent / a["path"] for a in data.get("articles", [])}
    clusters = []
    for number, cluster in enumerate(data.get("clusters", []), start=1):
        articles: list[Article] = []
        for article_id in cluster.get("ids", []):
            if str(article_id) not in paths:
                raise InputError(f"{gold_path}: cluster {number} names article {article_id!r}, which the file does not list")
            articles.extend(_read_articles(paths[str(article_id)], max_bytes))
        facts = tuple(GoldFact(f.get("fact", ""), tuple(f.get("any_of", ()))) for f in cluster.get("facts", []))
        clusters.append(GoldCluster(str(cluster.get("track", "")), tuple(map(str, cluster.get("ids", []))), tuple(articles), facts))
    return clusters


def _sentences_of(articles: Sequence[Article]) -> list[list[str]]:
    return [[s for p in split_paragraphs(a.text) for s in paragraph_sentences(p)] for a in articles]


def lead_sentences(articles: Sequence[Article], count: int) -> list[str]:
    """Round robin over the articles' sentences: every first sentence, then every second, ..."""
    per_article = _sentences_of(articles)
    out: list[str] = []
    depth = 0
    while len(out) < count and any(depth < len(s) for s in per_article):
        out.extend(s[depth] for s in per_article if depth < len(s))
        depth += 1
    return out[:count]


def plain_sumy_sentences(articles: Sequence[Article], algorithm: str, count: int) -> list[str]:
    """sumy's `algorithm` on the articles' texts joined, with the offline tokenizer."""
    from sumy.parsers.plaintext import PlaintextParser

    document = PlaintextParser.from_string("\n\n".join(a.text for a in articles), OfflineTokenizer()).document
    return [str(s) for s in make_summarizer(algorithm)(document, count)]


def oracle_sentences(articles: Sequence[Article], facts: Sequence[GoldFact], count: int) -> list[str]:
    """Greedy: repeatedly the sentence covering most facts not yet covered."""
    pool = [s for sentences in _sentences_of(articles) for s in sentences]
    chosen: list[str] = []
    remaining = list(facts)
    for _ in range(count):
        best = max(pool, key=lambda s: sum(f.covered_by([s]) for f in remaining), default=None)
        if best is None or not any(f.covered_by([best]) for f in remaining):
            break
        chosen.append(best)
        remaining = [f for f in remaining if not f.covered_by([best])]
    return chosen


def _track(config: Config | None, track_id: str) -> TrackConfig | None:
    if config is None:
        return None
    try:
        return config.track(track_id)
    except ConfigError:
        return None


def evaluate_summaries(
    gold_path: str | Path,
    config: Config | None = None,
    *,
    sentences: int = 5,
    algorithm: str = "lexrank",
    baselines: Sequence[str] = (*(f"sumy-{a}" for a in ALGORITHMS), LEAD, ORACLE),
    use_tracks: bool = True,
) -> SummaryEvaluation:
    """Fact recall per gold cluster for our summarizer and the `baselines` at `sentences` each.
    Raises InputError when the gold file or one of its articles cannot be read."""
    clusters = load_gold_clusters(gold_path, config.sources.max_bytes if config else 10 * 1024 * 1024)
    methods = (OURS, *baselines)
    results = []
    for cluster in clusters:
        track = _track(config, cluster.track) if use_tracks else None
        produced: dict[str, list[str]] = {}
        summary = summarize_group(cluster.articles, sentences=sentences, algorithm=algorithm, track=track)
        produced[OURS] = [s.text for s in summary.sentences]
        for method in baselines:
            if method == LEAD:
                produced[method] = lead_sentences(cluster.articles, sentences)
            elif method == ORACLE:
                produced[method] = oracle_sentences(cluster.articles, cluster.facts, sentences)
            elif method.startswith("sumy-") and method[5:] in ALGORITHMS:
                produced[method] = plain_sumy_sentences(cluster.articles, method[5:], sentences)
            else:
                raise ConfigError(f"unknown summary baseline {method!r}")
        recall, missed = {}, {}
        for method, texts in produced.items():
            recall[method], missed[method] = fact_recall(cluster.facts, texts)
        results.append(ClusterResult(cluster.track, len(cluster.articles), len(cluster.facts), recall, missed))
    return SummaryEvaluation(sentences, methods, tuple(results))
