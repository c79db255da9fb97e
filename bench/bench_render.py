"""Build and render briefings as PDF for the seeds and for N generated articles; prints wall time
and peak memory (max RSS of a fresh process doing the build and the PDF).

    .venv/bin/python bench/bench_render.py [--sizes N ...]     (default: 10 100 1000)

Targets: the seeds' PDF in under 2 s; a 1,000-article briefing in under 30 s and 1 GB.
Ingestion is done beforehand in its own process and is not counted.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus  # noqa: E402
from measure import print_table, run_case, sizes_from_argv  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _ingest(home: Path, inbox: Path) -> None:
    code = (
        "import os\n"
        f"os.environ['DIGEST_HOME'] = {str(home)!r}\n"
        "from digest.config import load_config\n"
        "from digest.store import Store\n"
        "from digest.ingest import ingest\n"
        "config = load_config()\n"
        f"report = ingest(Store.open(config.store_url), config, [{str(inbox)!r}])\n"
        "assert report.ok, report.failures[:3]\n"
    )
    result = run_case(code, timeout=1800)
    if result["status"] != "ok":
        raise SystemExit(f"ingest failed: {result['status']}")


def _build_and_render(home: Path, out: Path) -> dict:
    """Times build_briefing and render_pdf separately (written to a side file), peak memory overall."""
    timings = out / "timings.json"
    code = (
        "import os, io\n"
        f"os.environ['DIGEST_HOME'] = {str(home)!r}\n"
        "from digest.config import load_config\n"
        "from digest.store import Store\n"
        "from digest.briefing import build_briefing\n"
        "from digest.render import render_pdf, write_file\n"
        "import pypdf\n"
        "config = load_config()\n"
        "store = Store.open(config.store_url)\n"
        "t = time.perf_counter()\n"
        "briefing = build_briefing(store, config, since=__import__('datetime').datetime(2000, 1, 1))\n"
        "built = time.perf_counter() - t\n"
        "t = time.perf_counter()\n"
        "pdf = render_pdf(briefing, config)\n"
        "rendered = time.perf_counter() - t\n"
        f"write_file({str(out / 'briefing.pdf')!r}, pdf)\n"
        "pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)\n"
        f"open({str(timings)!r}, 'w').write(json.dumps({{'build_s': built, 'pdf_s': rendered, 'pages': pages, "
        "'articles': briefing.article_count, 'kb': len(pdf) // 1024}))\n"
    )
    result = run_case(code, timeout=1800)
    extra = json.loads(timings.read_text()) if timings.exists() else {}
    return {**result, **extra}


def main(sizes: list[int]) -> None:
    rows = []
    cases: list[tuple[str, int | None]] = [("seeds", None)] + [(f"{n} generated", n) for n in sizes]
    for label, n in cases:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            inbox = REPO / "seeds" if n is None else tmp / "inbox"
            if n is not None:
                write_corpus(inbox, n)
            _ingest(tmp / "home", inbox)
            result = _build_and_render(tmp / "home", tmp)
            rows.append({
                "case": label, "articles": result.get("articles"), "pages": result.get("pages"),
                "build_s": result.get("build_s"), "pdf_s": result.get("pdf_s"), "total_s": result["seconds"],
                "peak_mb": result["peak_mb"], "pdf_kb": result.get("kb"), "status": result["status"],
            })
    print_table("briefing build + PDF (WeasyPrint)", rows,
                ["case", "articles", "pages", "build_s", "pdf_s", "total_s", "peak_mb", "pdf_kb", "status"])
    print("\ntargets: seeds PDF < 2 s; 1,000 articles < 30 s and < 1024 MB (total_s, peak_mb)")


if __name__ == "__main__":
    main(sizes_from_argv([10, 100, 1000]))
