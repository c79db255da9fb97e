"""Summarize: a group of articles -> a Summary of N verbatim sentences, each citing its sources.

    candidates   split into sentences; drop furniture, captions, bylines, datelines, headlines,
                 link lists; mark sentences that lean on their context (this and each article's
                 quotes are the per-article work, shared among processes for a large group:
                 see extract)
    scoring      sumy centrality (selectable) + lead position + recency + relevance (track,
                 negotiations, headlines) + specifics (rare names, figures, stances) + length,
                 times a topic factor (no word of the talks: ranked down) and the context
                 penalty; past SHORTLIST candidates only the best go on to the costly parts
    repeats      sentences whose content was in the previous digest of the track are marked
                 and ranked down
    select       MMR-style: the best score, ranked down by the share of its names, numbers and
                 words already chosen, plus the weight of the concepts (word pairs, numbers) it
                 adds that several articles state, plus how many other articles say the same in
                 a sentence no pick covers yet; near-copies and paraphrases of a pick are never
                 chosen
    citations    every article carrying the sentence or a near-copy of it
    order        article date, then article, then position
Beside the sentences: one line per article, key figures and direct quotes.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np
from scipy import sparse

from digest.config import TrackConfig
from digest.errors import ConfigError
from digest.models import OTHER, Article, Summary, SummarySentence
from digest.summarize.candidates import (  # noqa: F401 (extract_candidates: callers cut candidates alone)
    PRONOUN_SPEAKS, PRONOUN_SPEAKS_REASON, Candidate, extract_candidates,
)
from digest.summarize.dates import aware
from digest.summarize.extract import Extraction, extracting
from digest.summarize.figures import extract_figures, find_figures, parse_number
from digest.summarize.quotes import extract_quotes
from digest.summarize.scoring import (
    ALGORITHMS,
    COUNTED,
    centrality,
    concept_matrix,
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
from digest.summarize.select import (
    SAME_CONTENT,
    MeaningSpace,
    figure_counts,
    meaning_terms,
    mmr_select,
    near_copies,
    numbers_of,
    said_by_graph,
    set_cosine,
)
from digest.text import content_key, paragraph_sentences, split_paragraphs, tokens_key, words

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
    # ... but only in a group whose story is the talks: the floor rises to 1 (no topic factor) as
    # the share of candidates with a negotiation word falls from `talk_share_full` to `talk_share_none`
    # (a killing, a dispute over remains: there the news is told in other words)
    talk_share_full: float = 0.75
    talk_share_none: float = 0.45
    novelty: float = 0.9  # how far a sentence whose information is all said already is ranked down
    alike: float = 0.5  # how far a sentence much like a pick, short of saying the same, is ranked down (see mmr_select)
    article_decay: float = 1.0  # each pick from an article multiplies that article's other sentences
    repeated: float = 0.35  # multiplier for content already in the previous digest
    coverage: float = 0.7  # the concepts several articles share that no pick states yet (see mmr_select)
    coverage_full: float = 5.0  # articles at which coverage counts fully: agreement among two is thin evidence
    support: float = 0.4  # other articles saying the same in their own words, not yet covered (see mmr_select)
    support_full: float = 3.0  # ... counting fully at this many; ramped in like coverage
    counted: float = 0.5  # a figure of the killed, injured, displaced, captives or aid counts as this many words of the talks
    restated: float = 0.8  # a sentence whose figures all count what a pick counts, about as many, loses this share


DEFAULT_WEIGHTS = Weights()


def _previous_terms(previous: Sequence[str]) -> list[list[str]]:
    out = []
    for text in previous:
        for paragraph in split_paragraphs(text):
            for sentence in paragraph_sentences(paragraph):
                out.append(meaning_terms(words(sentence)))
    return out


# An article's one line (see _one_liners): how much restating its headline, standing early and
# the section's own score count. Set on the clusters in tests/resources/summarize: 87% of the lines
# are the article's lead (60% with the score alone) and they state 1.19 gold facts each (1.31).
ONE_LINER_TITLE = 0.3
ONE_LINER_LEAD = 0.3
ONE_LINER_SCORE = 0.4

SHORTLIST = 4000  # candidates that get the full analysis (names, figures) in a very large group
SUPPORT_LIMIT = 1000  # the best candidates compared pairwise for what other outlets also say


@dataclass(frozen=True)
class Scored:
    """The candidates that made the shortlist, with their score, their stand-alone factor, their
    information units and their figures."""

    indices: np.ndarray  # positions of these candidates in the full list
    candidates: list[Candidate]
    base: np.ndarray  # the weighted features, times the topic factor
    shape: np.ndarray  # context penalty times length factor
    units: sparse.csr_matrix  # information units (see scoring.specifics)
    figures: list[list]  # find_figures of each
    own: np.ndarray  # the score on what the sentence states itself: its figures count whoever else gives them (for one-liners)

    @property
    def scores(self) -> np.ndarray:
        return self.base * self.shape

    @property
    def own_scores(self) -> np.ndarray:
        """The scores on what each sentence states itself (see `own`), for an article's line and
        the quote list."""
        return self.own * self.shape


def score_candidates(
    articles: Sequence[Article],
    candidates: Sequence[Candidate],
    *,
    algorithm: str,
    track: TrackConfig | None,
    now: datetime | None,
    weights: Weights = DEFAULT_WEIGHTS,
    terms: Sequence[Sequence[str]] | None = None,
    shortlist: int | None = SHORTLIST,
) -> Scored:
    """Score the candidates (higher is better), before redundancy and repeats. `terms` (see
    content_terms) of each candidate, when already known. In a group of more than `shortlist`
    candidates, only the best `shortlist` by the cheaper features (position, recency, relevance,
    stance, length, centrality) get names and figures counted; the others are left out."""
    w = weights
    terms = terms if terms is not None else [content_terms(c.tokens) for c in candidates]
    negotiation, stance = topic_counts(terms)
    cheap = (
        w.lead * lead_scores(candidates)
        + w.recency * recency_scores(candidates, articles, now)
        + w.relevance * relevance_scores(candidates, terms, track, [a.title for a in articles])
        + w.stance * stance
        + w.length * length_scores(candidates)
    )
    central = centrality(candidates, terms, algorithm, cheap)
    floor = topic_floor(w, negotiation)
    topic = _topic(floor, negotiation, w)
    shape = np.array([c.penalty * length_factor(c) for c in candidates])
    base = (cheap + w.centrality * central) * topic
    keep = np.arange(len(candidates))
    if shortlist is not None and len(candidates) > shortlist:
        keep = np.sort(np.argsort(-(base * shape), kind="stable")[:shortlist])
        logger.info("%d candidate sentences: the best %d by position, relevance and centrality go on", len(candidates), shortlist)
    kept = [candidates[i] for i in keep]
    figures = [find_figures(c.text) for c in kept]
    # the wounded are counted beside nearly every toll: they give a sentence no weight of their own
    weighed = [[f for f in fs if f[2] != "injured"] for fs in figures]
    found = specifics(kept, [terms[i] for i in keep], lowercase_vocabulary(candidates), weighed)
    if w.counted > 0:
        acts = np.array([w.counted * any(f[2] in COUNTED and parse_number(f[0]) for f in fs) for fs in figures])
        topic = topic.copy()
        topic[keep] = _topic(floor, negotiation[keep] + acts, w)
        base = base.copy()
        base[keep] = (cheap[keep] + w.centrality * central[keep]) * topic[keep]
    full = base[keep] + (w.names * found.names + w.figures * found.figures) * topic[keep]
    own = full + w.figures * (found.own_figures - found.figures) * topic[keep]
    return Scored(keep, kept, full, shape[keep], found.units, figures, own)


def _topic(floor: float, talk_words: np.ndarray, w: Weights) -> np.ndarray:
    """The topic factor: `floor` with no word of the talks, rising to 1 at `w.topic_full` of them."""
    return floor + (1.0 - floor) * np.minimum(1.0, talk_words / w.topic_full)


def topic_floor(w: Weights, negotiation: np.ndarray) -> float:
    """The topic factor's floor for a group: `w.topic_floor` when most of its sentences speak of
    the talks, rising to 1 as fewer do (see Weights.talk_share_full)."""
    if not len(negotiation):
        return w.topic_floor
    share = float(np.mean(negotiation >= 1))
    span = max(w.talk_share_full - w.talk_share_none, 1e-9)
    lack = min(1.0, max(0.0, (w.talk_share_full - share) / span))
    return w.topic_floor + (1.0 - w.topic_floor) * lack


def summarize_group(
    articles: Sequence[Article],
    *,
    sentences: int,
    algorithm: str = "lexrank",
    track: TrackConfig | None = None,
    previous: Sequence[str] = (),
    now: datetime | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    workers: int = 1,
) -> Summary:
    """Summarise one group of articles (one track's section) in at most `sentences` sentences.

    `previous` are the sentences of the previous digest of the same track: content repeated from
    them is marked `repeated` and ranked down. With `workers` > 1, a large group's per-article
    work is shared among that many processes (see digest.summarize.extract); the summary is the
    same. Raises ConfigError for an unknown algorithm.
    """
    if algorithm not in ALGORITHMS:
        raise ConfigError(f"unknown summary algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)} ([summary] algorithm)")
    articles = tuple(articles)
    with _collector_paused(), extracting(articles, workers) as extracted:
        return _summary_of(articles, extracted, sentences=sentences, algorithm=algorithm, track=track,
                           previous=previous, now=now, weights=weights)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused: a large group allocates hundreds of thousands of
    short-lived objects without cycles (tokens, tuples, matches), which reference counting
    frees, and the collector's passes over them took about a tenth of the time on 1,000 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _summary_of(
    articles: tuple[Article, ...],
    extracted: Extraction,
    *,
    sentences: int,
    algorithm: str,
    track: TrackConfig | None,
    previous: Sequence[str],
    now: datetime | None,
    weights: Weights,
) -> Summary:
    candidates = extracted.candidates
    logger.debug("%d candidate sentences, %d rejected", len(candidates), len(extracted.rejected))
    track_id = track.id if track else None
    if not candidates:
        return Summary(articles=articles, sentences=(), one_liners=tuple("" for _ in articles), track=track_id, algorithm=algorithm)

    terms = [content_terms(c.tokens) for c in candidates]
    scored = score_candidates(
        articles, candidates, algorithm=algorithm, track=track, now=now, weights=weights, terms=terms, shortlist=SHORTLIST
    )
    space = MeaningSpace([[*t, *numbers_of(c.tokens)] for t, c in zip(terms, candidates)], _previous_terms(previous))
    repeated = (space.max_similarity_to_extra() >= SAME_CONTENT)[scored.indices]
    base = np.where(repeated, scored.base * weights.repeated, scored.base)
    ranked = base * scored.shape

    local_space = space.subset(scored.indices)
    ramp = _ramp(len({c.article for c in candidates}), weights.coverage_full)
    chosen = mmr_select(
        base, local_space, sentences, units=scored.units, shape=scored.shape,
        groups=[c.article for c in scored.candidates], novelty=weights.novelty, alike=weights.alike, group_decay=weights.article_decay,
        concepts=concept_matrix(scored.candidates),
        coverage=weights.coverage * ramp,
        said_by=said_by_graph(local_space, np.argsort(-ranked, kind="stable")[:SUPPORT_LIMIT]) if weights.support > 0 and ramp > 0 else None,
        support=weights.support * ramp, support_full=weights.support_full,
        counts=figure_counts(scored.figures), restated=weights.restated, texts=[c.text for c in scored.candidates],
    )
    picked = []
    for local in chosen:
        index = int(scored.indices[local])
        candidate = candidates[index]
        carriers = sorted({candidates[j].article for j in near_copies(index, [c.tokens for c in candidates], space)} - {candidate.article})
        picked.append((candidate, SummarySentence(
            text=candidate.text,
            sources=(candidate.article, *carriers),
            score=round(float(ranked[local]), 4),
            repeated=bool(repeated[local]),
        )))
    picked.sort(key=lambda pair: (*_date_key(articles[pair[0].article], pair[0].article), pair[0].index))
    paragraph_scores = _paragraph_scores(scored)

    return Summary(
        articles=articles,
        sentences=tuple(sentence for _, sentence in picked),
        one_liners=_one_liners(articles, candidates, scored, terms),
        figures=extract_figures(articles, scored.candidates, scored.figures),
        quotes=extract_quotes(articles, scored.candidates, paragraph_scores, [sentence.text for _, sentence in picked],
                              extracted.quotes(_quoting(len(articles), scored.candidates, paragraph_scores))),
        track=track_id,
        algorithm=algorithm,
    )


def _paragraph_scores(scored: Scored) -> np.ndarray:
    """The scores the quote list weighs each paragraph by. They are the sentences' own (see
    Scored.own): a quote is listed for what its paragraph says, whoever else gives its figures.
    A quote that names its speaker only as "he" is ranked down as a summary sentence (the reader
    does not know who), but the quote list gives the speaker, so its paragraph matters as much
    as before."""
    own = scored.own_scores
    undone = [1.0 / PRONOUN_SPEAKS if PRONOUN_SPEAKS_REASON in c.reasons else 1.0 for c in scored.candidates]
    return own * np.array(undone) if len(undone) else own


QUOTE_ARTICLES = 100  # past this many articles, only so many are read for the quote list (see _quoting)
_QUOTE_MARK = re.compile(r"[“\"«]")


def _quoting(articles: int, candidates: Sequence[Candidate], scores: np.ndarray) -> set[int] | None:
    """The articles read for the quote list: all of them (None) in a group of up to QUOTE_ARTICLES;
    in a larger one, the QUOTE_ARTICLES whose best-scored sentence with a quotation mark scores
    highest. The list ranks quotes by their paragraph's score, so the quotes it shows come from
    those articles, and reading every article's quotes took a third of the time of a group of
    1,000 (a month of a busy track) in one process."""
    if articles <= QUOTE_ARTICLES:
        return None
    best: dict[int, float] = {}
    for candidate, score in zip(candidates, scores):
        if _QUOTE_MARK.search(candidate.text) and score > best.get(candidate.article, -np.inf):
            best[candidate.article] = float(score)
    return set(sorted(best, key=lambda article: (-best[article], article))[:QUOTE_ARTICLES])


def _ramp(articles: int, full: float) -> float:
    """0 for one article, rising to 1 at `full` articles."""
    return 1.0 if full <= 1 else min(1.0, max(0.0, (articles - 1) / (full - 1)))


def _date_key(article: Article, number: int) -> tuple:
    if article.date is None:
        return (1, datetime.min.replace(tzinfo=timezone.utc), number)
    return (0, aware(article.date), number)


def _one_liners(articles: Sequence[Article], candidates: Sequence[Candidate], scored: Scored, terms: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Each article's own best line: the stand-alone sentence that best combines saying what its
    headline says, standing early in the article and the section's score (what it states that
    matters to the group). A story's lead usually restates its headline; a feature opening on a
    scene ("Israelis have coined a word for it") does not, and a later sentence that does is the
    better line. The title itself (an untitled text's first sentence) is shown beside the line
    already, so it is not the line; an article with no other candidate on the shortlist gets its
    first candidate."""
    title_terms = [frozenset(content_terms(words(a.title))) for a in articles]
    title_keys = [content_key(a.title) for a in articles]
    scores = scored.own_scores  # an article's line gives its own figures, whoever else gives them
    top = float(scores.max()) if len(scores) else 1.0
    best: dict[int, tuple[float, int]] = {}
    for local, candidate in enumerate(scored.candidates):
        key, title_key = tokens_key(candidate.tokens), title_keys[candidate.article]
        if key == title_key or (title_key.count(" ") >= 4 and key.startswith(title_key + " ")):
            continue  # the title itself (an untitled text's first sentence, maybe cut inside a quote): shown already
        wanted = title_terms[candidate.article]
        mine = set(terms[int(scored.indices[local])])
        restates = len(wanted & mine) / len(wanted) if wanted else 0.0
        lead = 1.0 / (1.0 + candidate.index / 2.0)
        value = scored.shape[local] * (ONE_LINER_TITLE * restates + ONE_LINER_LEAD * lead + ONE_LINER_SCORE * scores[local] / max(top, 1e-9))
        if candidate.article not in best or value > best[candidate.article][0]:
            best[candidate.article] = (value, local)
    lines = {n: scored.candidates[local].text for n, (_, local) in best.items()}
    for candidate in candidates:
        lines.setdefault(candidate.article, candidate.text)
    return tuple(lines.get(n, "") for n in range(len(articles)))


def top_lines(summaries: Sequence[Summary], n: int = 3) -> list[SummarySentence]:
    """The `n` best sentences across a briefing: what is new before what repeats the last digest,
    one per summary before a second from any (a negotiation track's before the catch-all's: the
    briefing is about the talks), best score first, and never two that say the same thing (two
    tracks' sections may both carry one announcement). Returns the summaries' own sentence objects."""
    # the catch-all's sentences after every named track's, each lot best score first
    ranked = sorted(
        ((sentence, number) for number, summary in enumerate(summaries) for sentence in summary.sentences),
        key=lambda pair: (summaries[pair[1]].track == OTHER, -pair[0].score),
    )
    terms = {id(sentence): frozenset(meaning_terms(words(sentence.text))) for sentence, _ in ranked}
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
                if any(set_cosine(terms[id(sentence)], terms[id(chosen)]) >= SAME_CONTENT for chosen in out):
                    continue
                out.append(sentence)
                used.add(number)
    return out
