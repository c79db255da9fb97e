"""Summarise groups of N generated articles (about 30 sentences each, one in five a direct quote
with its speaker): wall time and peak memory for digest's summarizer and, on the same input, for
sumy's own LexRankSummarizer.

    .venv/bin/python bench/bench_summarize.py [--sizes N ...]     (default: 10 50 200 1000)

Each case runs in a fresh interpreter (measure.run_case): the time is that of the summary
alone (imports and building the articles are set up first), the peak memory is the process's
maximum resident set, imports included. The sumy case includes its parsing of the text. sumy gets 120 s per case; past that the table says
"did not finish in 120 s" instead of waiting. A second table gives digest's time on every real
article the repository keeps (tests/resources and the seeds, about 460) as one group.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import print_table, run_case, sizes_from_argv  # noqa: E402

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
DIGEST = "summary = summarize_group(articles, sentences=5)\nassert len(summary.sentences) == 5\n"

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
        ours = run_case(DIGEST, timeout=600, setup=DIGEST_SETUP.format(n=n))
        theirs = run_case(SUMY, timeout=SUMY_LIMIT, setup=SUMY_SETUP.format(n=n))
        rows.append({
            "articles": n,
            "sentences": n * 30,
            "digest_s": ours["seconds"],
            "digest_peak_mb": ours["peak_mb"],
            "sumy_lexrank_s": theirs["seconds"] if theirs["status"] == "ok" else theirs["status"],
            "sumy_peak_mb": theirs["peak_mb"],
            "digest_status": ours["status"],
        })
    print_table(
        "summarize one group: digest (lexrank, with figures, quotes, one-liners) vs sumy LexRankSummarizer",
        rows,
        ["articles", "sentences", "digest_s", "digest_peak_mb", "sumy_lexrank_s", "sumy_peak_mb", "digest_status"],
    )
    real = run_case(DIGEST.replace("== 5", "<= 5"), timeout=600, setup=REAL_SETUP)
    print_table(
        "the same on every real article the repository keeps (tests/resources, seeds) as one group",
        [{"digest_s": real["seconds"], "digest_peak_mb": real["peak_mb"], "digest_status": real["status"]}],
        ["digest_s", "digest_peak_mb", "digest_status"],
    )


if __name__ == "__main__":
    main(sizes_from_argv([10, 50, 200, 1000]))
