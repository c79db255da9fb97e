"""The work each article needs on its own: its candidate sentences (see candidates) and its
direct quotes (see quotes.quotes_in). It is most of the time a large group takes, and it does
not depend on the other articles beyond their headlines, so with more than one worker a large
group's articles are shared among processes: this process takes the first share while forked
workers take the others, and the results are joined in article order, identical to one pass.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from digest.models import Article
from digest.summarize.candidates import Candidate, Rejected, Splitting, extract_candidates
from digest.summarize.quotes import quotes_in

logger = logging.getLogger(__name__)

__all__ = ["Extracted", "extract_each", "PARALLEL_FROM"]

# Below this many articles, starting a process costs more than it saves (about 0.05 s to fork,
# against about 3 ms of work per article).
PARALLEL_FROM = 200

QuoteRow = tuple[str, "str | None", int]  # quotes_in: text, speaker, paragraph


@dataclass(frozen=True)
class Extracted:
    candidates: list[Candidate]
    rejected: list[Rejected]
    quotes: list[list[QuoteRow]]  # quotes_in of each article, in order


def extract_each(articles: Sequence[Article], workers: int = 1) -> Extracted:
    """Candidates, rejected sentences and quotes of `articles`, using up to `workers` processes
    (this one included) when there are at least PARALLEL_FROM articles. When processes cannot be
    started, the work is done here, with a warning."""
    group = Splitting.of(articles)
    if workers <= 1 or len(articles) < PARALLEL_FROM:
        return _share(articles, 0, group)
    size = -(-len(articles) // workers)
    starts = range(0, len(articles), size)
    try:
        with ProcessPoolExecutor(max_workers=len(starts) - 1, mp_context=_context()) as pool:
            futures = [pool.submit(_packed_share, articles[s : s + size], s, group) for s in starts[1:]]
            shares = [_share(articles[:size], 0, group)]  # while the workers take the rest
            shares += [_unpacked(future.result()) for future in futures]
    except (OSError, BrokenProcessPool) as exc:
        logger.warning("could not share the summary's work among %d processes (%s); doing it in one", workers, exc)
        return _share(articles, 0, group)
    return Extracted(
        candidates=[c for share in shares for c in share.candidates],
        rejected=[r for share in shares for r in share.rejected],
        quotes=[q for share in shares for q in share.quotes],
    )


def _context() -> multiprocessing.context.BaseContext:
    """Forked workers: they start in milliseconds with everything loaded. Where fork is missing,
    the platform's default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _share(articles: Sequence[Article], first: int, group: Splitting) -> Extracted:
    candidates, rejected = extract_candidates(articles, first=first, group=group)
    return Extracted(candidates, rejected, [quotes_in(article) for article in articles])


# Candidates travel back as plain tuples with their tokens joined by a space (a token never
# holds one): half the time of pickling the dataclasses with a tuple of strings each.
Packed = tuple[list[tuple], list[tuple], list[list[QuoteRow]]]


def _packed_share(articles: Sequence[Article], first: int, group: Splitting) -> Packed:
    share = _share(articles, first, group)
    return (
        [(c.article, c.index, c.paragraph, c.text, " ".join(c.tokens), c.penalty, c.reasons) for c in share.candidates],
        [(r.article, r.text, r.reason) for r in share.rejected],
        share.quotes,
    )


def _unpacked(packed: Packed) -> Extracted:
    candidates, rejected, quotes = packed
    return Extracted(
        [Candidate(a, i, p, text, tuple(tokens.split(" ")) if tokens else (), penalty, reasons)
         for a, i, p, text, tokens, penalty, reasons in candidates],
        [Rejected(*row) for row in rejected],
        quotes,
    )
