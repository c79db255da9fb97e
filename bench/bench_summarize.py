"""Summarise groups of N generated articles (about 30 sentences each, one in five a direct quote
with its speaker): wall time and peak memory for digest's summarizer and, on the same input, for
sumy's own LexRankSummarizer.

    .venv/bin/python bench/bench_summarize.py [--sizes N ...]     (default: 10 50 200 1000)

Each case runs in a fresh interpreter (measure.run_case): the time is that of the summary
alone (imports and building the articles are set up first), the peak memory is the process's
maximum resident set, imports included. The sumy case includes its parsing of the text. sumy gets 120 s per case; past that the table says
"did not finish in 120 s" instead of waiting. digest's cases run three times, and the table gives
the median and the range. From 200 articles digest is also timed with `workers=2` (`[summary]
workers`), forked workers sharing the per-article work, taking turns with the one-process runs;
workers_peak_mb is the largest worker's. A second table gives digest's time on every real
article the repository keeps (tests/resources and the seeds, about 760) as one group.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import median_case, print_table, run_case, sizes_from_argv  # noqa: E402

from digest.summarize.extract import PARALLEL_FROM  # noqa: E402

SUMY_LIMIT = 120.0
QUOTES = 0.2  # the share of sentences that are direct quotes with a speaker, about as in news

BUILD = (
    "import sys\n"
    f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
    "from corpus import article, published\n"
    f"texts = [article(i, quotes={QUOTES}) for i in range({{n}})]\n"
)

DIGEST_SETUP = BUILD + (
    "from digest.models import Article\n"
    "from digest.summarize import summarize_group\n"
    "articles = [Article(location=f'article_{{i}}', title=t, text=b, content_hash=str(i), published=published(i))\n"
    "            for i, (t, b) in enumerate(texts)]\n"
    "summarize_group(articles[:2], sentences=1)  # loads sumy's stemmer and stop words\n"
)
DIGEST = "summary = summarize_group(articles, sentences=5, workers={workers})\nassert len(summary.sentences) == 5\n"
RUNS = 3  # digest's cases run this often, the median shown beside the range: the host's speed wanders
SHARED = 2  # the workers of the second digest column (see digest.summarize.extract: from 200 articles)

SUMY_SETUP = BUILD + (
    "from sumy.parsers.plaintext import PlaintextParser\n"
    "from digest.summarize.scoring import OfflineTokenizer, make_summarizer\n"
    "summarizer = make_summarizer('lexrank')\n"
)
SUMY = (
    "document = PlaintextParser.from_string('\\n\\n'.join(b for _, b in texts), OfflineTokenizer()).document\n"
    "assert len(summarizer(document, 5)) == 5\n"
)


# The real articles the repository keeps (tests' labelled sets and the seeds), as one group:
# what the generated text cannot show, real sentences, quotes and figures.
REAL_SETUP = (
    "from pathlib import Path\n"
    "from digest.ingest import document_to_article, iter_documents\n"
    "from digest.summarize import summarize_group\n"
    f"root = Path({str(Path(__file__).resolve().parent.parent)!r})\n"
    "paths = sorted({*root.glob('tests/resources/**/*.txt'), *root.glob('seeds/*.txt')})\n"
    "articles = [document_to_article(d) for _, d in iter_documents(paths, 10**7)]\n"
    "summarize_group(articles[:2], sentences=1)\n"
)


def main(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        ours, shared = _digest(DIGEST_SETUP.format(n=n), with_workers=n >= PARALLEL_FROM)
        theirs = run_case(SUMY, timeout=SUMY_LIMIT, setup=SUMY_SETUP.format(n=n))
        rows.append({
            "articles": n,
            "sentences": n * 30,
            "digest_s": ours["seconds"],
            "digest_range": ours["range"],
            "digest_peak_mb": ours["peak_mb"],
            f"digest_{SHARED}_workers_s": shared["seconds"] if shared else "–",
            f"{SHARED}_workers_range": shared["range"] if shared else "–",
            "workers_peak_mb": shared["children_peak_mb"] if shared else "–",
            "sumy_lexrank_s": theirs["seconds"] if theirs["status"] == "ok" else theirs["status"],
            "sumy_peak_mb": theirs["peak_mb"],
            "digest_status": ours["status"],
        })
    print_table(
        "summarize one group: digest (lexrank, with figures, quotes, one-liners) vs sumy LexRankSummarizer",
        rows,
        ["articles", "sentences", "digest_s", "digest_range", "digest_peak_mb", f"digest_{SHARED}_workers_s",
         f"{SHARED}_workers_range", "workers_peak_mb", "sumy_lexrank_s", "sumy_peak_mb", "digest_status"],
    )
    real = _digest(REAL_SETUP, with_workers=True, limit="<= 5")
    print_table(
        "the same on every real article the repository keeps (tests/resources, seeds) as one group",
        [{"workers": w, "digest_s": r["seconds"], "digest_range": r["range"], "digest_peak_mb": r["peak_mb"], "digest_status": r["status"]}
         for w, r in zip((1, SHARED), real)],
        ["workers", "digest_s", "digest_range", "digest_peak_mb", "digest_status"],
    )


def _digest(setup: str, with_workers: bool, limit: str = "== 5") -> tuple[dict, dict | None]:
    """digest's case RUNS times in one process and, when `with_workers`, as often with SHARED
    workers, the two taking turns so that both meet the host's changes of speed alike."""
    alone, shared = [], []
    for _ in range(RUNS):
        alone.append(run_case(DIGEST.format(workers=1).replace("== 5", limit), timeout=600, setup=setup))
        if with_workers:
            shared.append(run_case(DIGEST.format(workers=SHARED).replace("== 5", limit), timeout=600, setup=setup))
    return median_case(alone), median_case(shared) if with_workers else None


if __name__ == "__main__":
    main(sizes_from_argv([10, 50, 200, 1000]))
