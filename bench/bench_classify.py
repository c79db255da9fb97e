"""Classify N generated articles (about 30 sentences each, every sentence naming a venue and two
parties) into tracks with the default configuration: wall time and peak memory, on one process
and on two (issue 3, item 7: 10,000 articles in under 10 s on 2 cores).

    .venv/bin/python bench/bench_classify.py [--sizes N ...]     (default: 1000 10000)

Each case runs in a fresh interpreter (measure.run_case). peak_mb is that interpreter's own;
workers_peak_mb the largest worker process's (forked, so it counts the pages it shares with the
parent: the two figures overlap and are not to be added). Building the articles and loading the
config are set up first and not timed; compiling the cues is timed (the first classify does it,
and each worker process does it once).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import print_table, run_case, sizes_from_argv  # noqa: E402

WORKERS = (1, 2)

SETUP = (
    "import sys\n"
    f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
    "from corpus import article, published\n"
    "from digest.config import load_config\n"
    "from digest.models import Article\n"
    "from digest.tracks import classify_many\n"
    "config = load_config()\n"
    "articles = [Article(location=f'article_{{i}}', title=t, text=b, content_hash=str(i), published=published(i))\n"
    "            for i, (t, b) in enumerate(article(i) for i in range({n}))]\n"
)
CODE = "assignments = classify_many(articles, config, workers={workers})\nassert len(assignments) == {n}\n"


def main(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        for workers in WORKERS:
            result = run_case(CODE.format(n=n, workers=workers), timeout=600, setup=SETUP.format(n=n))
            seconds = result["seconds"]
            rows.append({
                "articles": n, "workers": workers, "seconds": seconds,
                "per_article_ms": seconds * 1000 / n if seconds else None,
                "articles_per_s": n / seconds if seconds else None,
                "peak_mb": result["peak_mb"], "workers_peak_mb": result["children_peak_mb"] or None, "status": result["status"],
            })
    print_table("classify into tracks (default config)", rows,
                ["articles", "workers", "seconds", "per_article_ms", "articles_per_s", "peak_mb", "workers_peak_mb", "status"])


if __name__ == "__main__":
    main(sizes_from_argv([1000, 10000]))
