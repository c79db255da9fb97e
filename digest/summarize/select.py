"""Choosing sentences: MMR redundancy, near-copies (syndication) and what the last digest said.

Two views of a sentence are used. For "says the same thing" (redundancy, repeats from the last
digest) a TF-IDF vector of stemmed content words and numbers, each outlet's word for one thing
made the same ("truce", "cease-fire"), so paraphrases overlap. For "is a
copy of" (citations) the plain word set, since a syndicated copy keeps nearly every word; a
copy must also state the same numbers, because "35 hostages" and "40 hostages" are different
claims even in otherwise identical sentences.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from digest.summarize.figures import TO_BE_RELEASED, parse_number
from digest.summarize.scoring import COUNTED, _scale_rows, content_terms, term_matrix, threshold_graph
from digest.text import words

NEAR_COPY = 0.8  # cosine of word sets at or above which two sentences are one sentence, edited
SAME_CONTENT = 0.55  # cosine of TF-IDF vectors at or above which two sentences say the same thing
ALIKE_FROM = 0.2  # cosine from which a sentence much like a pick is ranked down (see mmr_select)
SAME_CLAIM = 0.5  # ... of their main clauses, at or above which two sentences make one claim (see main_clause)


def _numbers(tokens: Sequence[str]) -> frozenset[str]:
    return frozenset(t for t in tokens if t.isdigit())


def numbers_of(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if t.isdigit()]


def meaning_terms(tokens: Sequence[str]) -> list[str]:
    """Stemmed content words plus the numbers, for comparing what sentences say."""
    return content_terms(tokens) + numbers_of(tokens)


# Stems that outlets use for one thing, made one term when comparing what sentences say (the
# scores keep the words as written): the wire's synonyms for the talks' subjects, and a people's
# name for its country ("Qatari officials", "officials in Qatar"; the stemmer cuts "Israeli" to
# "isra"). House styles that hyphenate ("cease-fire", "ceasefire") are met by dropping hyphens
# inside a term.
SAME_TERM = {
    "truce": "ceasefir", "cessat": "ceasefir", "paus": "ceasefir",
    "captiv": "hostag", "abducte": "hostag",
    "negoti": "talk", "letter": "messag", "offer": "propos",
    "qatari": "qatar", "egyptian": "egypt", "isra": "israel", "gazan": "gaza",
    "american": "washington", "u.s.": "washington",
}


def same_terms(terms: Sequence[str]) -> list[str]:
    """`terms` (see meaning_terms) with each outlet's word for a thing made the same (SAME_TERM)."""
    return [SAME_TERM.get(term, term).replace("-", "") for term in terms]


class MeaningSpace:
    """Unit TF-IDF vectors of the group's sentences (and any extra ones, e.g. the last digest's),
    over their terms made the same across outlets (see same_terms)."""

    def __init__(self, term_lists: Sequence[Sequence[str]], extra: Sequence[Sequence[str]] = ()):
        counts, self.vocabulary = term_matrix([same_terms(terms) for terms in (*term_lists, *extra)])
        n = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log((n + 1) / (df + 1)) + 1.0
        self.idf, self.unseen_idf = idf, math.log(n + 1) + 1.0
        weighted = counts.copy()
        weighted.data = np.sqrt(weighted.data) * idf[weighted.indices]
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        unit = _scale_rows(weighted, np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0))
        self.vectors = unit[: len(term_lists)]
        self.extra = unit[len(term_lists) :]

    def subset(self, indices: Sequence[int]) -> "MeaningSpace":
        """The same space restricted to some of the group's sentences (in that order)."""
        part = object.__new__(MeaningSpace)
        part.vocabulary, part.vectors, part.extra = self.vocabulary, self.vectors[np.asarray(indices)], self.extra
        part.idf, part.unseen_idf = self.idf, self.unseen_idf
        return part

    def weigh(self, terms: Sequence[str]) -> dict[str, float]:
        """A term list (not necessarily a sentence of the space) as a unit TF-IDF vector."""
        vector: dict[str, float] = {}
        for term in same_terms(terms):
            vector[term] = vector.get(term, 0.0) + 1.0
        for term, count in vector.items():
            column = self.vocabulary.get(term)
            vector[term] = math.sqrt(count) * (self.idf[column] if column is not None else self.unseen_idf)
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {term: v / norm for term, v in vector.items()}

    def similarity_to(self, index: int) -> np.ndarray:
        """Cosine of every group sentence with sentence `index`."""
        return np.asarray((self.vectors @ self.vectors[index].T).todense()).ravel()

    def max_similarity_to_extra(self) -> np.ndarray:
        if self.extra.shape[0] == 0:
            return np.zeros(self.vectors.shape[0])
        return np.asarray((self.vectors @ self.extra.T).max(axis=1).todense()).ravel()


SAID_BY = 0.3  # cosine at or above which a sentence in another article says much the same


def said_by_graph(
    space: MeaningSpace, among: Sequence[int] | None = None, threshold: float = SAID_BY, block: int = 512
) -> sparse.csr_matrix:
    """0/1 (sentences x sentences): the pairs that say much the same (cosine at or above
    `threshold`), built a block of rows at a time so only one block of similarities is held.
    With `among`, only pairs of those sentences (the rest have no edges): in a very large group
    only the best-scored sentences can be picked, and comparing all of them costs too much."""
    n = space.vectors.shape[0]
    rows = np.arange(n) if among is None else np.asarray(among, dtype=np.int64)
    graph = threshold_graph(space.vectors[rows], threshold, block, inclusive=True).tocoo()
    return sparse.csr_matrix((graph.data.astype(np.float64), (rows[graph.row], rows[graph.col])), shape=(n, n))


def _other_sources(graph: sparse.csr_matrix, owner: sparse.csr_matrix, open_rows: np.ndarray, own: np.ndarray) -> np.ndarray:
    """For each sentence, how many other articles carry a sentence, not yet covered by a pick,
    that says the same."""
    reach = (graph @ sparse.diags(open_rows) @ owner).tocsr()
    reach.data = (reach.data > 0).astype(np.float64)
    total = np.asarray(reach.sum(axis=1)).ravel()
    return total - np.asarray(reach[np.arange(reach.shape[0]), own]).ravel()


# Where a sentence's main claim ends: the clause a second outlet tacks on after it ("Hamas said it
# agreed to free all hostages under the plan, and Trump demanded ...") is not part of it.
_CLAUSE_END = re.compile(r",\s+(?:and|but|while|as|after|before|with|which|who|according)\b|;|\s[—–]\s")
MAIN_CLAUSE_FROM = 40  # characters: a clause break earlier than this ("Hamas, in a statement, ...") is no end


def main_clause(text: str) -> str:
    """The sentence up to the first clause break after its opening words."""
    end = _CLAUSE_END.search(text, MAIN_CLAUSE_FROM)
    return text[: end.start()] if end else text


def near_copies(index: int, tokens: Sequence[Sequence[str]], space: MeaningSpace) -> list[int]:
    """The sentences (given as `tokens`) that are sentence `index` itself or a near-copy of it:
    word sets with a cosine of at least NEAR_COPY and the same numbers. Only sentences that
    already look alike in `space` are compared word by word."""
    mine = word_set(tokens[index])
    my_numbers = frozenset(numbers_of(tokens[index]))
    out = []
    for j in np.nonzero(space.similarity_to(index) >= 0.3)[0]:
        other = word_set(tokens[j])
        if set_cosine(mine, other) >= NEAR_COPY and frozenset(numbers_of(tokens[j])) == my_numbers:
            out.append(int(j))
    return out


def set_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two sets as 0/1 vectors (0 when either is empty)."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def word_set(tokens: Sequence[str]) -> frozenset[str]:
    return frozenset(t.lower() for t in tokens)


def mmr_select(
    scores: np.ndarray,
    space: MeaningSpace,
    count: int,
    *,
    units: sparse.csr_matrix | None = None,
    shape: np.ndarray | None = None,
    groups: Sequence[int] | None = None,
    novelty: float = 0.9,
    same_content: float = SAME_CONTENT,
    alike: float = 0.0,
    alike_from: float = ALIKE_FROM,
    group_decay: float = 1.0,
    concepts: sparse.csr_matrix | None = None,
    coverage: float = 0.0,
    said_by: sparse.csr_matrix | None = None,
    support: float = 0.0,
    support_full: float = 3.0,
    counts: Sequence[Sequence[tuple[tuple, float]]] | None = None,
    restated: float = 0.0,
    texts: Sequence[str] | None = None,
) -> list[int]:
    """Greedy selection in the spirit of maximal marginal relevance. Each pick maximises

        score * shape * (1 - novelty * share of its information already stated)

    where a sentence's information is its row of weighted `units` (names, numbers, figures,
    words), so a sentence repeating what is chosen sinks and one adding new names and numbers
    rises. A sentence saying the same as a pick (similarity >= `same_content`) is never taken;
    with `texts`, neither is one whose main clause (see main_clause) says what the pick's does
    (similarity >= SAME_CLAIM): two wires' leads on one announcement, each going on differently.
    With `alike` > 0, one short of that is ranked down by how much it is like a pick: its whole
    value is multiplied, for each pick, by

        1 - alike * (similarity - alike_from) / (same_content - alike_from)     (between 0 and 1)

    so two outlets' wordings of one point ("a key point of contention is Israel's presence in the
    corridor", "a sticking point is Netanyahu's insistence on keeping troops there"), which share
    too few words to be the same sentence, are not both taken while other points go unsaid.
    `groups` (the article of each sentence) with `group_decay` < 1 spreads picks over articles.

    With `concepts` (see scoring.concept_matrix) and `coverage` > 0 each pick also gains

        coverage * shape * (weight of its concepts no pick states yet) / (the largest such weight at the start)

    so the section covers what most outlets report, each item once (maximum coverage, greedy).

    With `said_by` (see said_by_graph) and `support` > 0 each pick also gains

        support * shape * min(other articles saying the same in a sentence no pick covers, support_full) / support_full

    a sentence that several outlets state in their own words is the day's news, one that a
    single outlet adds is colour; once a pick states it, its paraphrases elsewhere stop counting.

    With `counts` (each sentence's figures as (what is counted, how many); see figures.find_figures)
    and `restated` > 0 the whole value is multiplied by

        1 - restated * (share of its figures that count what a pick counts, about as many)

    since a retelling of the same event ("at least 413 killed" after "more than 400 killed",
    "1,968 prisoners freed" after "nearly 2,000 prisoners released") shares few words with the
    pick yet adds nothing, and its new numbers and wording would otherwise count as news."""
    n = len(scores)
    chosen: list[int] = []
    if n == 0 or count <= 0:
        return chosen
    units = units if units is not None else sparse.csr_matrix((n, 1))
    shape = shape if shape is not None else np.ones(n)
    total = np.asarray(units.sum(axis=1)).ravel()
    total[total <= 0] = 1.0
    new = total.copy()
    open_units = np.ones(units.shape[1])
    blocked = np.zeros(n, dtype=bool)
    factor = np.ones(n)
    group_of = np.asarray(groups) if groups is not None else None
    use_concepts = concepts is not None and coverage > 0 and concepts.nnz > 0
    if use_concepts:
        open_concepts = np.ones(concepts.shape[1])
        gain = np.asarray(concepts.sum(axis=1)).ravel()
        scale = coverage / max(float(gain.max()), 1e-9)
    use_support = said_by is not None and support > 0 and groups is not None
    if use_support:
        own = np.asarray(groups)
        owner = sparse.csr_matrix((np.ones(n), (np.arange(n), own)), shape=(n, int(own.max()) + 1))
        uncovered = np.ones(n)
        others = _other_sources(said_by, owner, uncovered, own)
    use_counts = counts is not None and restated > 0
    told = np.zeros(n)
    counting = [i for i, mine in enumerate(counts) if mine] if use_counts else []
    matched = {i: [False] * len(counts[i]) for i in counting}  # which of each sentence's counts a pick gives
    claims: dict[int, dict[str, float]] = {}

    def claim_of(i: int) -> dict[str, float]:
        if i not in claims:
            claims[i] = space.weigh(meaning_terms(words(main_clause(texts[i]))))
        return claims[i]

    while len(chosen) < count:
        value = scores * shape * factor * (1.0 - novelty * (1.0 - new / total))
        if use_concepts:
            value = value + scale * shape * factor * gain
        if use_support:
            value = value + support * shape * factor * np.minimum(others, support_full) / support_full
        if use_counts:
            value = value * (1.0 - restated * told)
        value[blocked] = -np.inf
        best = int(np.argmax(value))
        if not np.isfinite(value[best]):
            break
        chosen.append(best)
        similar = space.similarity_to(best)
        blocked |= similar >= same_content
        blocked[best] = True
        if alike > 0:
            factor *= 1.0 - alike * np.clip((similar - alike_from) / max(same_content - alike_from, 1e-9), 0.0, 1.0)
        if texts is not None:
            claim = claim_of(best)
            for other in np.nonzero((similar >= SAID_BY) & ~blocked)[0]:
                theirs = claim_of(int(other))
                if sum(v * theirs.get(t, 0.0) for t, v in claim.items()) >= SAME_CLAIM:
                    blocked[other] = True
        open_units[units[best].indices] = 0.0
        new = units @ open_units
        if use_concepts:
            open_concepts[concepts[best].indices] = 0.0
            gain = concepts @ open_concepts
        if use_support:
            uncovered[said_by[best].indices] = 0.0
            others = _other_sources(said_by, owner, uncovered, own)
        if group_of is not None:
            factor[group_of == group_of[best]] *= group_decay
        if use_counts and counts[best]:  # told_share of each, against the picks so far: only the new pick can add
            for i in counting:
                flags = matched[i]
                for k, (key, value) in enumerate(counts[i]):
                    if not flags[k] and _counted_by(key, value, counts[best]):
                        flags[k] = True
                told[i] = sum(flags) / len(flags)
    return chosen


def figure_counts(figures: Sequence[list]) -> list[list[tuple[tuple, float]]]:
    """Each sentence's figures (see figures.find_figures) that count people, captives or aid, as
    (what is counted, how many); vague ones ("dozens") are left out."""
    out = []
    for found in figures:
        pairs = []
        for value, _, category, key in found:
            number = parse_number(value)
            if number is not None and number > 0 and category in (*COUNTED, "people"):
                pairs.append((key, number))
        out.append(pairs)
    return out


RESTATED_WITHIN = 1.15  # two counts of the same thing this close (400 and 413 killed) are one figure


def told_share(mine: Sequence[tuple[tuple, float]], stated: Sequence[tuple[tuple, float]]) -> float:
    """The share of a sentence's counts (what is counted, how many) that a pick already gives."""
    if not mine:
        return 0.0
    return sum(_counted_by(key, value, stated) for key, value in mine) / len(mine)


def _counted_by(key: tuple, value: float, stated: Sequence[tuple[tuple, float]]) -> bool:
    """Whether any of `stated` (what is counted, how many) counts what `key` does, about as many."""
    return any(_same_count(key, other) and _same_size(value, seen) for other, seen in stated)


def _same_size(a: float, b: float) -> bool:
    """Small counts must be equal (10 and 11 hostages are two handovers); tolls and totals may
    differ as sources and hours differ (400 and 413 killed, 1,968 and nearly 2,000 prisoners)."""
    return a == b or (min(a, b) >= 50 and max(a, b) <= RESTATED_WITHIN * min(a, b))


_AS_DONE = {TO_BE_RELEASED: "released"}


def _same_count(key: tuple, other: tuple) -> bool:
    """Whether two figure keys (see figures.find_figures) may count the same people: the same kind
    (a running toll and the day's toll are compared too), or plain people against any kind."""
    if key[0] == "people" or other[0] == "people":
        return True
    if key[0] in ("hostages", "prisoners"):
        # "33 hostages" whose fate the sentence does not say may be the "33 hostages released" of a
        # pick; the 110 prisoners a deal is to free are the 110 freed
        fate, other_fate = _AS_DONE.get(key[1], key[1]), _AS_DONE.get(other[1], other[1])
        return key[0] == other[0] and (fate == other_fate or not fate or not other_fate)
    return key[0] == other[0]
