"""The work each article needs on its own: its candidate sentences (see candidates) and its
direct quotes (see quotes.quotes_in). It is most of the time a large group takes, and it does
not depend on the other articles beyond their headlines, so with more than one worker a large
group's articles are shared among processes: this process cuts the first share's candidates
while forked workers cut the others'. The quotes are wanted only at the end of a summary, so
the workers read them after their candidates, a few articles at a time, while this process
scores and selects sentences; when the summary asks for them, what no worker has started is
read here, and only for the articles it wants. Results are joined in article order, identical
to one pass. The summary may ask for some articles' quotes only (see summarize._quoting): in
one process the others are not read.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.synchronize import Event

from digest.models import Article
from digest.summarize.candidates import Candidate, Rejected, Splitting, extract_candidates
from digest.summarize.quotes import quotes_in

logger = logging.getLogger(__name__)

__all__ = ["Extracted", "Extraction", "extract_each", "extracting", "PARALLEL_FROM"]

# Below this many articles, starting a process costs more than it saves (about 0.05 s to fork,
# against about 3 ms of work per article).
PARALLEL_FROM = 200
# The workers read quotes this many articles at a time, so that what they have not started when
# the summary asks is read here (only the articles wanted), and the wait for what they have
# started is short: reading every article of a large group could outlast the scoring.
QUOTE_CHUNK = 20

QuoteRow = tuple[str, "str | None", int]  # quotes_in: text, speaker, paragraph


@dataclass(frozen=True)
class Extracted:
    candidates: list[Candidate]
    rejected: list[Rejected]
    quotes: list[list[QuoteRow]]  # quotes_in of each article, in order


@dataclass(frozen=True)
class Extraction:
    """The candidates and rejected sentences of a group, and its quotes when they are ready:
    `quotes()` waits for the workers still reading them."""

    candidates: list[Candidate]
    rejected: list[Rejected]
    _quotes: Callable[[Collection[int] | None], list[list[QuoteRow]]]

    def quotes(self, wanted: Collection[int] | None = None) -> list[list[QuoteRow]]:
        """quotes_in of each article, in order; with `wanted` (article numbers), only those
        articles' quotes, the others' lists empty (in one process the others are not read)."""
        return self._quotes(wanted)


def extract_each(articles: Sequence[Article], workers: int = 1) -> Extracted:
    """Candidates, rejected sentences and quotes of `articles`, all at once (see extracting)."""
    with extracting(articles, workers) as extraction:
        return Extracted(extraction.candidates, extraction.rejected, extraction.quotes())


@contextmanager
def extracting(articles: Sequence[Article], workers: int = 1) -> Iterator[Extraction]:
    """Candidates, rejected sentences and (on demand, inside the block) quotes of `articles`,
    using up to `workers` processes (this one included) when there are at least PARALLEL_FROM
    articles. When processes cannot be started or break, the work is done here, with a warning."""
    group = Splitting.of(articles)
    if workers <= 1 or len(articles) < PARALLEL_FROM:
        yield _here(articles, group)
        return
    size = -(-len(articles) // workers)
    starts = range(0, len(articles), size)
    stop = _context().Event()  # set when the summary wants the quotes: the workers start no more chunks
    pool = _pool(len(starts) - 1, workers, stop)
    if pool is None:
        yield _here(articles, group)
        return
    try:
        shares = None
        try:
            cut = [pool.submit(_packed_candidates, articles[s : s + size], s, group) for s in starts[1:]]
            # Queued behind the candidates: the workers read quotes when their candidates are
            # done, while this process goes on to score.
            read = [(s, pool.submit(_chunk_quotes, articles[s : s + QUOTE_CHUNK])) for s in range(0, len(articles), QUOTE_CHUNK)]
            mine = extract_candidates(articles[:size], first=0, group=group)
            shares = [mine, *(_unpacked(future.result()) for future in cut)]
        except (OSError, BrokenProcessPool) as exc:
            _warn(workers, exc)
        if shares is None:
            yield _here(articles, group)
        else:
            yield Extraction(
                [c for kept, _ in shares for c in kept],
                [r for _, rejected in shares for r in rejected],
                lambda wanted: _only(_joined(read, articles, wanted, stop), wanted),
            )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # quotes nobody asked for are not waited on


def _pool(processes: int, workers: int, stop: Event) -> ProcessPoolExecutor | None:
    """A pool of `processes` forked workers that know `stop`, or None (with a warning) when they
    cannot start."""
    try:
        return ProcessPoolExecutor(max_workers=processes, mp_context=_context(), initializer=_know, initargs=(stop,))
    except OSError as exc:
        _warn(workers, exc)
        return None


def _here(articles: Sequence[Article], group: Splitting) -> Extraction:
    candidates, rejected = extract_candidates(articles, first=0, group=group)
    return Extraction(candidates, rejected, lambda wanted: _quotes_of(articles, wanted))


def _joined(read: Sequence[tuple[int, Future]], articles: Sequence[Article],
            wanted: Collection[int] | None, stop: Event) -> list[list[QuoteRow]]:
    """The quotes of every article, in order: the workers' where they have read them or are
    reading them, else read here (only those `wanted`, when given); all read here when a worker
    broke off."""
    stop.set()  # the chunks not started yet come back unread at once
    out: list[list[QuoteRow]] = []
    try:
        for start, future in read:
            chunk = articles[start : start + QUOTE_CHUNK]
            rows = future.result()
            if rows is None:
                mine = None if wanted is None else {n - start for n in wanted if start <= n < start + len(chunk)}
                rows = _quotes_of(chunk, mine)
            out.extend(rows)
        return out
    except (OSError, BrokenProcessPool) as exc:
        logger.warning("the workers reading the summary's quotes stopped (%s); reading them in this process", exc)
        return _quotes_of(articles, wanted)


def _warn(workers: int, exc: BaseException) -> None:
    logger.warning("could not share the summary's work among %d processes (%s); doing it in one", workers, exc)


def _context() -> multiprocessing.context.BaseContext:
    """Forked workers: they start in milliseconds with everything loaded. Where fork is missing,
    the platform's default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# In a worker: the event the summary sets when it wants the quotes (see _joined).
_stop: Event | None = None


def _know(stop: Event) -> None:
    global _stop
    _stop = stop


def _chunk_quotes(articles: Sequence[Article]) -> list[list[QuoteRow]] | None:
    """In a worker, quotes_in of each article; None, unread, once the summary wants the quotes."""
    return None if _stop is not None and _stop.is_set() else _quotes_of(articles)


def _quotes_of(articles: Sequence[Article], wanted: Collection[int] | None = None) -> list[list[QuoteRow]]:
    return [quotes_in(article) if wanted is None or n in wanted else [] for n, article in enumerate(articles)]


def _only(quotes: list[list[QuoteRow]], wanted: Collection[int] | None) -> list[list[QuoteRow]]:
    return quotes if wanted is None else [rows if n in wanted else [] for n, rows in enumerate(quotes)]


# Candidates travel back as plain tuples with their tokens joined by a space (a token never
# holds one): half the time of pickling the dataclasses with a tuple of strings each.
Packed = tuple[list[tuple], list[tuple]]


def _packed_candidates(articles: Sequence[Article], first: int, group: Splitting) -> Packed:
    candidates, rejected = extract_candidates(articles, first=first, group=group)
    return (
        [(c.article, c.index, c.paragraph, c.text, " ".join(c.tokens), c.penalty, c.reasons) for c in candidates],
        [(r.article, r.text, r.reason) for r in rejected],
    )


def _unpacked(packed: Packed) -> tuple[list[Candidate], list[Rejected]]:
    candidates, rejected = packed
    return (
        [Candidate(a, i, p, text, tuple(tokens.split(" ")) if tokens else (), penalty, reasons)
         for a, i, p, text, tokens, penalty, reasons in candidates],
        [Rejected(*row) for row in rejected],
    )
