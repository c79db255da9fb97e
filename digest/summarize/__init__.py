"""Summarize: a group of articles -> a Summary of N verbatim sentences, each citing its sources.

    candidates   split into sentences; drop furniture, captions, bylines, datelines, headlines,
                 link lists; mark sentences that lean on their context
    scoring      sumy centrality (selectable) + lead position + recency + track relevance +
                 information density (names, numbers), times the context penalty
    repeats      sentences whose content was in the previous digest of the track are marked
                 and ranked down
    select       MMR: best score minus similarity to what is already chosen; near-copies and
                 paraphrases of a chosen sentence are never chosen again
    citations    every article carrying the sentence or a near-copy of it
    order        article date, then article, then position
Beside the sentences: one line per article, key figures and direct quotes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from digest.config import TrackConfig
from digest.errors import ConfigError
from digest.models import Article, Summary, SummarySentence
from digest.summarize.candidates import Candidate, extract_candidates, paragraph_sentences
from digest.summarize.figures import extract_figures
from digest.summarize.quotes import extract_quotes
from digest.summarize.scoring import (
    ALGORITHMS,
    centrality,
    content_terms,
    lead_scores,
    length_factor,
    length_scores,
    lowercase_vocabulary,
    recency_scores,
    relevance_scores,
    specifics,
    topic_counts,
)
from digest.summarize.select import SAME_CONTENT, CopyIndex, MeaningSpace, meaning_terms, mmr_select
from digest.text import split_paragraphs, words

logger = logging.getLogger(__name__)

__all__ = ["ALGORITHMS", "Weights", "summarize_group", "top_lines"]


@dataclass(frozen=True)
class Weights:
    """How a sentence's score is put together (see score_candidates and mmr_select).

    The values were set on the seed clusters and on the clusters in tests/resources/summarize,
    looking for settings that do well on both rather than the best on either."""

    centrality: float = 0.1  # the sumy scorer, as a percentile
    lead: float = 0.3
    recency: float = 0.05
    relevance: float = 0.1  # track cues, negotiation words, headline words
    names: float = 0.08  # per name, weighted by rarity
    figures: float = 0.2  # per number with what it counts
    stance: float = 0.1  # per demand, refusal, red line, accusation...
    length: float = 0.4
    topic_floor: float = 0.4  # score multiplier for a sentence with no negotiation word...
    topic_full: float = 1.5  # ... rising to 1 at this many
    novelty: float = 0.9  # how far a sentence whose information is all said already is ranked down
    article_decay: float = 0.7  # each pick from an article multiplies that article's other sentences
    repeated: float = 0.35  # multiplier for content already in the previous digest


DEFAULT_WEIGHTS = Weights()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _previous_terms(previous: Sequence[str]) -> list[list[str]]:
    out = []
    for text in previous:
        for paragraph in split_paragraphs(text):
            for sentence in paragraph_sentences(paragraph):
                out.append(meaning_terms(words(sentence)))
    return out


@dataclass(frozen=True)
class Scored:
    """Candidates with their score, their stand-alone factor and their information units."""

    candidates: list[Candidate]
    base: np.ndarray  # the weighted features, times the topic factor
    shape: np.ndarray  # context penalty times length factor
    units: list[dict[str, float]]

    @property
    def scores(self) -> np.ndarray:
        return self.base * self.shape


def score_candidates(
    articles: Sequence[Article],
    candidates: Sequence[Candidate],
    *,
    algorithm: str,
    track: TrackConfig | None,
    now: datetime | None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> Scored:
    """Score every candidate (higher is better), before redundancy and repeats."""
    w = weights
    terms = [content_terms(c.tokens) for c in candidates]
    found = specifics(candidates, terms, lowercase_vocabulary(candidates))
    negotiation, stance = topic_counts(terms)
    prior = (
        w.lead * lead_scores(candidates)
        + w.recency * recency_scores(candidates, articles, now)
        + w.relevance * relevance_scores(candidates, terms, track, [a.title for a in articles])
        + w.names * found.names
        + w.figures * found.figures
        + w.stance * stance
        + w.length * length_scores(candidates)
    )
    central = centrality(candidates, terms, algorithm, prior)
    topic = w.topic_floor + (1.0 - w.topic_floor) * np.minimum(1.0, negotiation / w.topic_full)
    shape = np.array([c.penalty * length_factor(c) for c in candidates])
    return Scored(list(candidates), (prior + w.centrality * central) * topic, shape, found.units)


def summarize_group(
    articles: Sequence[Article],
    *,
    sentences: int,
    algorithm: str = "lexrank",
    track: TrackConfig | None = None,
    previous: Sequence[str] = (),
    now: datetime | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> Summary:
    """Summarise one group of articles (one track's section) in at most `sentences` sentences.

    `previous` are the sentences of the previous digest of the same track: content repeated from
    them is marked `repeated` and ranked down. Raises ConfigError for an unknown algorithm.
    """
    if algorithm not in ALGORITHMS:
        raise ConfigError(f"unknown summary algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)} ([summary] algorithm)")
    articles = tuple(articles)
    candidates, rejected = extract_candidates(articles)
    logger.debug("%d candidate sentences, %d rejected", len(candidates), len(rejected))
    track_id = track.id if track else None
    if not candidates:
        return Summary(articles=articles, sentences=(), one_liners=tuple("" for _ in articles), track=track_id, algorithm=algorithm)

    scored = score_candidates(articles, candidates, algorithm=algorithm, track=track, now=now, weights=weights)
    scores = scored.scores
    space = MeaningSpace([meaning_terms(c.tokens) for c in candidates], _previous_terms(previous))
    copies = CopyIndex([c.tokens for c in candidates])
    repeated = space.max_similarity_to_extra() >= SAME_CONTENT
    base = np.where(repeated, scored.base * weights.repeated, scored.base)
    ranked = base * scored.shape

    chosen = mmr_select(
        base, space, sentences, units=scored.units, shape=scored.shape, groups=[c.article for c in candidates],
        novelty=weights.novelty, group_decay=weights.article_decay,
    )
    picked = []
    for index in chosen:
        candidate = candidates[index]
        carriers = sorted({candidates[j].article for j in copies.copies_of(index)} - {candidate.article})
        picked.append((candidate, SummarySentence(
            text=candidate.text,
            sources=(candidate.article, *carriers),
            score=round(float(ranked[index]), 4),
            repeated=bool(repeated[index]),
        )))
    picked.sort(key=lambda pair: (*_date_key(articles[pair[0].article], pair[0].article), pair[0].index))

    return Summary(
        articles=articles,
        sentences=tuple(sentence for _, sentence in picked),
        one_liners=_one_liners(articles, candidates, scores),
        figures=extract_figures(articles, candidates),
        quotes=extract_quotes(articles, candidates, scores),
        track=track_id,
        algorithm=algorithm,
    )


def _date_key(article: Article, number: int) -> tuple:
    if article.date is None:
        return (1, datetime.min.replace(tzinfo=timezone.utc), number)
    return (0, _aware(article.date), number)


def _one_liners(articles: Sequence[Article], candidates: Sequence[Candidate], scores: np.ndarray) -> tuple[str, ...]:
    """Each article's own best sentence."""
    best: dict[int, int] = {}
    for i, candidate in enumerate(candidates):
        if candidate.article not in best or scores[i] > scores[best[candidate.article]]:
            best[candidate.article] = i
    return tuple(candidates[best[n]].text if n in best else "" for n in range(len(articles)))


def top_lines(summaries: Sequence[Summary], n: int = 3) -> list[SummarySentence]:
    """The `n` best sentences across a briefing: what is new before what repeats the last digest,
    one per summary before a second from any, best score first. Returns the summaries' own
    sentence objects."""
    ranked = sorted(
        ((sentence, number) for number, summary in enumerate(summaries) for sentence in summary.sentences),
        key=lambda pair: -pair[0].score,
    )
    out: list[SummarySentence] = []
    for repeated in (False, True):
        for one_per_summary in (True, False):
            used = {number for sentence, number in ranked if any(sentence is chosen for chosen in out)}
            for sentence, number in ranked:
                if len(out) >= n:
                    return out
                if sentence.repeated != repeated or any(sentence is chosen for chosen in out):
                    continue
                if one_per_summary and number in used:
                    continue
                out.append(sentence)
                used.add(number)
    return out
