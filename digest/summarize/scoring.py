"""Sentence scores: a sumy centrality scorer, and what matters in news beside it.

Centrality comes from one of sumy's summarizers (`lexrank`, `textrank`, `lsa`, `luhn`, `kl`,
`sumbasic`), fed through a tokenizer built on digest.text so sumy never needs NLTK data.
LexRank, the default, is computed here with sparse matrices: sumy's own implementation builds
the full n x n similarity matrix in pure Python, which takes minutes for a few thousand
sentences. `lexrank` reproduces sumy's scores exactly (same tf, idf, cosine threshold and power
iteration) while the pairwise work stays affordable; past that budget it switches to the
continuous LexRank of the same paper (cosine-weighted edges), which needs no pairwise matrix at
all. The other scorers run sumy itself, on at most `SUMY_LIMIT` candidates.
"""

from __future__ import annotations

import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import chain

import numpy as np
from scipy import sparse

from digest.config import TrackConfig
from digest.models import Article
from digest.summarize.candidates import Candidate
from digest.summarize.dates import aware
from digest.text import split_sentences, stop_words, words

logger = logging.getLogger(__name__)

ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")
LEXRANK_THRESHOLD = 0.1  # sumy's defaults
LEXRANK_EPSILON = 0.1
PAIR_BUDGET = 10_000_000  # sentence pairs sharing a term, above which the thresholded graph costs too much memory
SUMY_LIMIT = {"textrank": 400, "lsa": 1000, "luhn": 3000, "kl": 150, "sumbasic": 1000}  # about 2 s each here


class OfflineTokenizer:
    """The tokenizer interface sumy expects, on digest.text (Punkt with set parameters, no downloads).
    Words are the tokens with a letter in them, as with sumy's own tokenizer."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in words(sentence) if _has_letter(w))


def _has_letter(token: str) -> bool:
    return not token.isdigit() and any(c.isalpha() for c in token)


@lru_cache(maxsize=1)
def _stemmer():
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer()(word)


@lru_cache(maxsize=400_000)
def _term(token: str) -> str | None:
    """The stem sumy would compare for `token`, or None for numbers and stop words."""
    if not _has_letter(token):
        return None
    lowered = token.lower()
    return None if lowered in stop_words("english") else stem(lowered)


def content_terms(tokens: Sequence[str]) -> list[str]:
    """What sumy's scorers compare: lower-cased, stop words out, stemmed."""
    return [t for t in map(_term, tokens) if t is not None]


def make_summarizer(algorithm: str):
    """A sumy summarizer with the English stemmer and stop words. Raises ValueError for an unknown name."""
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer, "kl": KLSummarizer, "sumbasic": SumBasicSummarizer,
    }
    if algorithm not in classes:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    summarizer = classes[algorithm](_stemmer())
    summarizer.stop_words = stop_words("english")
    return summarizer


def sumy_document(sentences: Sequence[str]):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = OfflineTokenizer()
    return ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])


def sumy_ratings(sentences: Sequence[str], algorithm: str) -> np.ndarray:
    """Each sentence's rating from sumy's own summarizer (higher is better)."""
    if not sentences:
        return np.zeros(0)
    captured: dict[int, float] = {}

    def keep_all(infos):
        # sumy hands the rated sentences to the `count` callable before cutting the list.
        for info in infos:
            captured[info.order] = float(info.rating)
        return []

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        make_summarizer(algorithm)(sumy_document(sentences), keep_all)
    return np.array([captured.get(i, 0.0) for i in range(len(sentences))])


# -- vectorised LexRank --------------------------------------------------------------------


def term_matrix(term_lists: Sequence[Sequence[str]], vocabulary: dict[str, int] | None = None) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Counts as a sparse (sentences x terms) matrix; unknown terms extend `vocabulary`."""
    vocabulary = {} if vocabulary is None else vocabulary
    lengths = np.fromiter(map(len, term_lists), dtype=np.int64, count=len(term_lists))
    flat = list(chain.from_iterable(term_lists))
    for term in dict.fromkeys(flat):  # new terms numbered in order of first use
        if term not in vocabulary:
            vocabulary[term] = len(vocabulary)
    ids = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(len(term_lists), dtype=np.int64), lengths)
    matrix = sparse.csr_matrix((np.ones(len(ids)), (rows, ids)), shape=(len(term_lists), max(1, len(vocabulary))))
    matrix.sum_duplicates()  # repeated terms become counts
    return matrix, vocabulary


def _scale_rows(matrix: sparse.csr_matrix, factors: np.ndarray) -> sparse.csr_matrix:
    out = matrix.copy()
    out.data *= np.repeat(factors, np.diff(out.indptr))
    return out


def lexrank_vectors(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """sumy's LexRank sentence vectors, unit length: tf / max tf, idf = log(n / (1 + df))."""
    n = counts.shape[0]
    row_max = counts.max(axis=1).toarray().ravel()
    row_max[row_max == 0] = 1.0
    tf = _scale_rows(counts, 1.0 / row_max)
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log(n / (1.0 + df))
    weighted = tf.copy()
    weighted.data *= idf[weighted.indices]
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    inverse = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return _scale_rows(weighted, inverse)


def pair_work(counts: sparse.csr_matrix) -> int:
    """An upper bound on the sentence pairs that share a term (the cost and size of X X^T)."""
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.int64)
    n = counts.shape[0]
    return int(min((df * df).sum(), n * n))


def threshold_graph(unit: sparse.csr_matrix, threshold: float, block: int = 512, inclusive: bool = False) -> sparse.csr_matrix:
    """The 0/1 graph of pairs of `unit` rows whose cosine exceeds `threshold` (or, `inclusive`,
    reaches it), built a block of rows at a time so only one block of similarities is ever held."""
    n = unit.shape[0]
    transposed = unit.T.tocsr()
    blocks = []
    for start in range(0, n, block):
        similar = (unit[start : start + block] @ transposed).tocsr()
        kept = similar.data >= threshold if inclusive else similar.data > threshold
        similar.data = kept.astype(np.float32)
        similar.eliminate_zeros()
        blocks.append(similar)
    return sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((0, 0), dtype=np.float32)


def _power_iteration(step, n: int, epsilon: float, max_iterations: int = 500) -> np.ndarray:
    """sumy's power method: start uniform, p <- step(p) / |step(p)|, until the change is <= epsilon."""
    p = np.full(n, 1.0 / n)
    for _ in range(max_iterations):
        following = step(p)
        norm = np.linalg.norm(following)
        if norm == 0:
            return p
        following /= norm
        change = np.linalg.norm(following - p)
        p = following
        if change <= epsilon:
            break
    return p


def lexrank(
    term_lists: Sequence[Sequence[str]],
    threshold: float = LEXRANK_THRESHOLD,
    epsilon: float = LEXRANK_EPSILON,
    pair_budget: int = PAIR_BUDGET,
) -> np.ndarray:
    """LexRank scores of sentences given as lists of terms (see content_terms).

    Up to `pair_budget` term-sharing pairs (about 3,000 sentences of one story) this is sumy's LexRank exactly (thresholded cosine
    graph); beyond it, continuous LexRank, which never forms the pairwise matrix."""
    n = len(term_lists)
    if n == 0:
        return np.zeros(0)
    counts, _ = term_matrix(term_lists)
    unit = lexrank_vectors(counts)
    if pair_work(counts) <= pair_budget:
        graph = threshold_graph(unit, threshold)
        degree = np.asarray(graph.sum(axis=1), dtype=np.float64).ravel()
        degree[degree == 0] = 1.0
        transposed = graph.T  # a view: no second copy of the graph
        return _power_iteration(lambda p: transposed @ (p / degree), n, epsilon)
    logger.info("%d sentences: using continuous LexRank (the thresholded graph is too large)", n)
    transposed = unit.T.tocsr()
    degree = unit @ (transposed @ np.ones(n))
    degree[degree <= 0] = 1.0
    return _power_iteration(lambda p: unit @ (transposed @ (p / degree)), n, epsilon)


# -- centrality ---------------------------------------------------------------------------


def percentile(values: np.ndarray) -> np.ndarray:
    """Ranks scaled to 0..1 (ties share the mean rank): comparable across scorers."""
    n = len(values)
    if n == 0:
        return values.astype(float)
    if n == 1:
        return np.ones(1)
    order = np.argsort(values, kind="stable")
    ranks = np.empty(n)
    ranks[order] = np.arange(n, dtype=float)
    # average ties so equal ratings get equal scores
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return (sums / counts)[inverse] / (n - 1)


def centrality(candidates: Sequence[Candidate], terms: Sequence[Sequence[str]], algorithm: str, prior: np.ndarray) -> np.ndarray:
    """Percentile centrality of each candidate under `algorithm`. sumy's slower scorers see only
    the `SUMY_LIMIT` candidates with the best prior; the rest score 0."""
    n = len(candidates)
    if algorithm == "lexrank":
        return percentile(lexrank(terms))
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    limit = SUMY_LIMIT[algorithm]
    chosen = np.arange(n) if n <= limit else np.sort(np.argsort(-prior, kind="stable")[:limit])
    ratings = sumy_ratings([candidates[i].text for i in chosen], algorithm)
    out = np.zeros(n)
    out[chosen] = percentile(ratings) if len(chosen) else 0.0
    return out


# -- news features ------------------------------------------------------------------------


def lead_scores(candidates: Sequence[Candidate]) -> np.ndarray:
    """Position within the article, 0..1: the lead states the news (1), later sentences
    elaborate (1/3 for the second, then slowly down)."""
    return np.array([(1.0 / (1.0 + c.index / 2.0) + 2.0 * (c.index == 0)) / 3.0 for c in candidates])


def recency_scores(candidates: Sequence[Candidate], articles: Sequence[Article], now: datetime | None = None, half_life_days: float = 2.0) -> np.ndarray:
    """1 for the newest article of the group, halving every `half_life_days` before it;
    0.5 for an undated article in a dated group; all 1 when nothing is dated."""
    dates = [a.date for a in articles]
    known = [aware(d) for d in dates if d is not None]
    if not known:
        return np.ones(len(candidates))
    newest = max(known)
    if now is not None:
        newest = min(newest, aware(now))  # a date in the future is a typo, not news from tomorrow
    per_article = []
    for d in dates:
        if d is None:
            per_article.append(0.5)
        else:
            age = max(0.0, (newest - aware(d)).total_seconds() / 86400)
            per_article.append(0.5 ** (age / half_life_days))
    return np.array([per_article[c.article] for c in candidates])


def _cue_regex(pattern: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(part) for part in pattern.split()) + r"(?!\w)", re.I)


# What a negotiation briefing is about, whatever the track: who meets whom, what is on the
# table, what each side demands or refuses. Matched as stems, so "negotiators", "negotiated"
# and "negotiations" all count.
NEGOTIATION_WORDS = (
    "talks negotiations negotiators negotiate delegation delegates mediators mediation mediate envoy envoys "
    "proposal plan deal agreement framework ceasefire cease-fire truce pause hostages captives prisoners "
    "detainees release freed exchange swap withdrawal withdraw demands conditions guarantees red line reject "
    "rejected accept accepted response phase round meeting met attend attended led headed summit concessions "
    "sticking insist refuse approve signed stalled"
)
# How parties take positions: demands, refusals, red lines, accusations, threats.
STANCE_WORDS = (
    "demand demands insist insisted reject rejected refuse refused red line condition conditions must require "
    "accuse accused warn warned threaten threatened vow vowed accept accepted agree agreed guarantee guarantees "
    "commit committed non-negotiable oppose opposed deny denied"
)


@lru_cache(maxsize=1)
def _negotiation_terms() -> frozenset[str]:
    return frozenset(content_terms(NEGOTIATION_WORDS.split()))


@lru_cache(maxsize=1)
def _stance_terms() -> frozenset[str]:
    return frozenset(content_terms(STANCE_WORDS.split()))


def relevance_scores(
    candidates: Sequence[Candidate],
    terms: Sequence[Sequence[str]],
    track: TrackConfig | None,
    titles: Sequence[str] = (),
) -> np.ndarray:
    """How much each sentence is about the track and the story, 0..1, saturating: the track's cue
    patterns (venues, actors, phrases, by weight) and description words, the vocabulary of
    negotiations, and the words the group's headlines share (a headline says what a story is about)."""
    cues = []
    described: set[str] = set()
    if track is not None:
        cues = [(_cue_regex(c.pattern), c.weight) for c in (*track.venues, *track.actors, *track.phrases) if c.pattern.strip()]
        described = set(content_terms(words(track.description)))
    negotiation = _negotiation_terms()
    headline_sets = [set(content_terms(words(t))) for t in titles if t]
    # only the words some headline has are looked up: a Counter runs Python code for each missing one
    headline_weight = dict(Counter(t for h in headline_sets for t in h))
    headline_words = frozenset(headline_weight)
    n_titles = max(1, len(headline_sets))
    out = np.zeros(len(candidates))
    for i, (candidate, sentence_terms) in enumerate(zip(candidates, terms)):
        distinct = set(sentence_terms)
        weight = sum(w for regex, w in cues if regex.search(candidate.text))
        weight += 0.5 * len(described & distinct)
        weight += 0.5 * len(negotiation & distinct)
        weight += sum(headline_weight[t] for t in distinct & headline_words) / n_titles
        out[i] = 1.0 - math.exp(-weight / 2.0)
    return out


def topic_counts(terms: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct negotiation words and distinct stance words in each sentence."""
    negotiation, stance = _negotiation_terms(), _stance_terms()
    return (
        np.array([len(negotiation.intersection(t)) for t in terms], dtype=float),
        np.array([len(stance.intersection(t)) for t in terms], dtype=float),
    )


_NUMBER_WORDS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    "billion", "billions", "dozen", "dozens", "half", "third", "quarter",
}
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
_NUMBER = re.compile(r"\d[\d,.]*")


def lowercase_vocabulary(candidates: Sequence[Candidate]) -> frozenset[str]:
    """Words the group writes in lower case somewhere: capitalised elsewhere, they start a sentence."""
    every = set(chain.from_iterable(c.tokens for c in candidates))
    return frozenset(t for t in every if t[:1].islower())


_CAPITALISED = r"[A-Z][\w.'’-]*"
_CAPITALISED_RUN = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}"
_JOURNALIST = r"(?:correspondent|reporter|broadcaster|journalist|editor|anchor|presenter|columnist|bureau chief)"
# Who reported a story is not part of it: outlets and reporters named in attributions.
_MEDIA = re.compile(
    rf"\b(?:told|telling|speaking to|in an interview with|quoted by|cited by|reported by)\s+(?:the\s+)?{_CAPITALISED_RUN}|"
    rf"{_CAPITALISED_RUN}(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?{_JOURNALIST}\b(?:\s+in\s+{_CAPITALISED_RUN})?(?:,?\s+{_CAPITALISED_RUN}){{0,2}}|"
    rf"\b{_JOURNALIST}\s+{_CAPITALISED_RUN}|"
    rf"{_CAPITALISED_RUN}\s+(?:first\s+)?(?:reported|reports)\b"
)


_MEDIA_HINTS = (
    "told", "telling", "speaking to", "interview", "quoted", "cited", "reported", "reports", "correspondent", "reporter",
    "broadcaster", "journalist", "editor", "anchor", "presenter", "columnist", "bureau",
)


def information(candidate: Candidate, lowercase: frozenset[str]) -> tuple[set[str], set[str]]:
    """The names and numbers a sentence states (a name is a run of capitalised words the group
    never writes in lower case; days and months, outlets and reporters do not count)."""
    names: set[str] = set()
    numbers: set[str] = set()
    stop = stop_words("english")
    run: list[str] = []
    text = candidate.text
    lowered_text = text.lower()
    tokens = candidate.tokens
    if any(hint in lowered_text for hint in _MEDIA_HINTS) and _MEDIA.search(text):
        tokens = words(_MEDIA.sub(" ", text))
    for token in (*tokens, ""):
        if token[:1].isupper():
            lowered = token.lower()
            if lowered not in lowercase and lowered not in stop and lowered not in _CALENDAR:
                run.append(lowered)
                continue
        if run:
            names.add(" ".join(run))
            run = []
    for match in _NUMBER.finditer(candidate.text):
        value = match.group().rstrip(".,")
        if not (len(value) == 4 and value[:2] in ("19", "20")):  # a year is a date, not a figure
            numbers.add(value)
    numbers.update(t.lower() for t in candidate.tokens if t.lower() in _NUMBER_WORDS)
    return names, numbers


@dataclass(frozen=True)
class Specifics:
    """What each sentence states specifically, for scoring and for redundancy."""

    names: np.ndarray  # names, each weighted by how rare it is in the group (see specifics)
    figures: np.ndarray  # numbers with what they count, by how many articles give them (see figure_support)
    own_figures: np.ndarray  # the same, each counting 1: what the sentence gives whoever else does
    units: sparse.csr_matrix  # (sentences x information units) weights, for novelty in selection


def specifics(
    candidates: Sequence[Candidate],
    terms: Sequence[Sequence[str]],
    lowercase: frozenset[str],
    figures: Sequence[list] | None = None,
    term_weight: float = 0.3,
) -> Specifics:
    """Each sentence's information units: the names it mentions (a name found in many sentences,
    like the parties themselves, is the topic and weighs little; a name seen once weighs 1), the
    numbers it gives (1 each), the figures (0.5 each) and its content words (up to
    `term_weight`, less the more sentences use them)."""
    from digest.summarize.figures import find_figures

    figures = figures if figures is not None else [find_figures(c.text) for c in candidates]
    info = [information(c, lowercase) for c in candidates]
    mentions = Counter(name for names, _ in info for name in names)
    name_weight = {name: 1.0 / (1.0 + math.log(count)) for name, count in mentions.items()}
    ids: dict[tuple[str, str], int] = {}
    rows: list[int] = []
    columns: list[int] = []
    data: list[float] = []
    names_weight = np.zeros(len(candidates))
    for row, ((names, numbers), found) in enumerate(zip(info, figures)):
        for kind, key, weight in (
            *(("name", name, name_weight[name]) for name in names),
            *(("number", number, 1.0) for number in numbers),
            *(("figure", f"{value} {what}", 0.5) for value, what, _, _ in found),
        ):
            rows.append(row)
            columns.append(ids.setdefault((kind, key), len(ids)))
            data.append(weight)
        names_weight[row] = sum(name_weight[name] for name in names)
    specific = sparse.csr_matrix((data, (rows, columns)), shape=(len(candidates), max(1, len(ids))))
    specific.sum_duplicates()
    specific.data = np.minimum(specific.data, 1.0)  # a unit counts once per sentence
    # Content words: each sentence's distinct terms, weighted by how few sentences use them.
    counts, _ = term_matrix(terms)
    counts.data[:] = 1.0
    used = np.asarray(counts.sum(axis=0)).ravel()
    log_n = math.log(max(2, len(candidates)))
    column_weight = term_weight * np.log(len(candidates) / np.maximum(used, 1.0)) / log_n
    counts.data *= column_weight[counts.indices]
    units = sparse.hstack([specific, counts], format="csr")
    return Specifics(names_weight, figure_support(candidates, figures), np.array([len(f) for f in figures], dtype=float), units)


LONE_FIGURE = 0.5  # what a figure counts in the score when one article alone gives it (see figure_support)
FIGURE_SUPPORT_FROM = 3  # articles a group needs for that: of two, the other's silence says little


def figure_support(candidates: Sequence[Candidate], figures: Sequence[list]) -> np.ndarray:
    """Each sentence's figures (see figures.find_figures), each counting 1 when two or more
    articles of the group give that number of that kind, and LONE_FIGURE when one article alone
    does. What several outlets report is the story; a count only one outlet gives ("up to 30
    hostages" in a report the others do not carry) is more often its own angle or an older claim.
    In a group of fewer than FIGURE_SUPPORT_FROM articles every figure counts 1."""
    from digest.summarize.figures import parse_number

    if len({c.article for c in candidates}) < FIGURE_SUPPORT_FROM:
        return np.array([len(found) for found in figures], dtype=float)
    keys = [[(category, value.lower() if (number := parse_number(value)) is None else number) for value, _, category, _ in found]
            for found in figures]
    stating: dict[tuple, set[int]] = {}
    for candidate, mine in zip(candidates, keys):
        for key in mine:
            stating.setdefault(key, set()).add(candidate.article)
    return np.array([sum(1.0 if len(stating[key]) >= 2 else LONE_FIGURE for key in mine) for mine in keys], dtype=float)


# Figures that are news in themselves: the toll, the captives, the displaced, the aid.
COUNTED = frozenset(("killed", "injured", "hunger", "displaced", "hostages", "prisoners", "aid"))


def length_scores(candidates: Sequence[Candidate]) -> np.ndarray:
    """Longer sentences state more, up to 60 words. 0..1."""
    return np.array([min(len(c.tokens), 60) / 60.0 for c in candidates])


def length_factor(candidate: Candidate) -> float:
    """Very short sentences say little; very long ones are usually glued text or run-ons."""
    n = len(candidate.tokens)
    if n < 10:
        return 0.6 + 0.04 * (n - 6)
    if n > 60:
        return max(0.5, 1.0 - (n - 60) / 80)
    return 1.0


# -- concepts shared across articles ------------------------------------------------------------


def _concept_keys(tokens: Sequence[str]) -> list[str]:
    """A sentence's content stems and numbers in order (stop words out; years are dates, not figures)."""
    keys = []
    for token in tokens:
        term = _term(token)
        if term is not None:
            keys.append(term)
        elif token[:1].isdigit() and not (len(token) == 4 and token[:2] in ("19", "20")):
            keys.append(token.replace(",", ""))
    return keys


def concept_matrix(
    candidates: Sequence[Candidate],
    min_articles: int = 2,
) -> sparse.csr_matrix:
    """(sentences x concepts) 0/1 matrix times each concept's weight. A concept is a pair of
    neighbouring content stems ("working-level delegation", "far ... requirements") or a number;
    its weight is how many articles besides one state it, so what several outlets report counts
    most and what one outlet alone says counts nothing (Gillick and Favre's concept coverage)."""
    rows: list[int] = []
    keys: list[str] = []
    for row, candidate in enumerate(candidates):
        seq = _concept_keys(candidate.tokens)
        found = {f"{a} {b}" for a, b in zip(seq, seq[1:])}
        found.update("#" + key for key in seq if key[:1].isdigit())
        rows.extend([row] * len(found))
        keys.extend(found)
    if not rows:
        return sparse.csr_matrix((len(candidates), 1))
    ids: dict[str, int] = {}
    columns = np.fromiter((ids.setdefault(k, len(ids)) for k in keys), dtype=np.int64, count=len(keys))
    matrix = sparse.csr_matrix((np.ones(len(keys)), (np.asarray(rows), columns)), shape=(len(candidates), len(ids)))
    articles = np.array([c.article for c in candidates])
    coo = matrix.tocoo()
    pairs = np.unique(np.stack([articles[coo.row], coo.col]), axis=1)  # distinct (article, concept)
    stating = np.bincount(pairs[1], minlength=len(ids)).astype(float)
    value = np.where(stating >= min_articles, stating - 1.0, 0.0)
    matrix.data *= value[matrix.indices]
    matrix.eliminate_zeros()
    return matrix

