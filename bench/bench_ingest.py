"""Ingest N generated articles from files into a fresh SQLite store; prints wall time and peak memory.

    .venv/bin/python bench/bench_ingest.py [--sizes N ...]     (default: 1000 10000)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus  # noqa: E402
from measure import print_table, run_case, sizes_from_argv  # noqa: E402


def main(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            write_corpus(Path(tmp) / "inbox", n)
            code = (
                "import os\n"
                f"os.environ['DIGEST_HOME'] = {str(Path(tmp) / 'home')!r}\n"
                "from digest.config import load_config\n"
                "from digest.store import Store\n"
                "from digest.ingest import ingest\n"
                "config = load_config()\n"
                "store = Store.open(config.store_url)\n"
                f"report = ingest(store, config, [{str(Path(tmp) / 'inbox')!r}])\n"
                f"assert len(report.added) + len(report.duplicates) == {n}, (len(report.added), len(report.duplicates), report.failures[:3])\n"
            )
            result = run_case(code, timeout=900)
            rows.append({"articles": n, "seconds": result["seconds"], "per_article_ms": (result["seconds"] or 0) * 1000 / n,
                         "peak_mb": result["peak_mb"], "status": result["status"]})
    print_table("ingest from files (SQLite)", rows, ["articles", "seconds", "per_article_ms", "peak_mb", "status"])


if __name__ == "__main__":
    main(sizes_from_argv([1000, 10000]))
