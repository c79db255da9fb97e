"""Build the static site for N recorded daily digests (each with a PDF to copy); prints wall time
and peak memory for a first build, a rebuild with nothing new, a rebuild after one new digest,
and a full re-render (what a template change costs). Each runs in a fresh interpreter, and the
times include importing digest (not starting Python).

    .venv/bin/python bench/bench_site.py [--sizes N ...]     (default: 365; target: under 10 s)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests"))
from measure import print_table, run_case, sizes_from_argv  # noqa: E402


def build_code(home: Path, full: bool = False) -> str:
    return (
        "import os\n"
        f"os.environ['DIGEST_HOME'] = {str(home)!r}\n"
        "from digest.config import load_config\n"
        "from digest.store import Store\n"
        "from digest.site import build_site\n"
        "config = load_config(environ={'DIGEST_HOME': os.environ['DIGEST_HOME']})\n"
        "store = Store.open(config.store_url)\n"
        f"report = build_site(store, config, full={full})\n"
        "assert not report.skipped and not report.missing_pdfs, report\n"
    )


def setup_code(home: Path, count: int, first: int) -> str:
    """Record `count` days, each with a real briefing PDF (run in a child process, so this one
    stays small)."""
    return (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        "from digest.config import load_config\n"
        "from digest.render import render_pdf\n"
        "from digest.store import Store\n"
        "from site_sample import day_briefing, record_days\n"
        f"config = load_config(environ={{'DIGEST_HOME': {str(home)!r}}})\n"
        "store = Store.open(config.store_url)\n"
        "pdf = render_pdf(day_briefing(config, 0), config)\n"
        f"record_days(store, config, {count}, first={first}, pdf=pdf)\n"
    )


def main(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            subprocess.run([sys.executable, "-c", setup_code(home, n, 0)], check=True, capture_output=True)
            cases = [("first build", 0), ("nothing new", 0), ("one new digest", 1), ("full re-render", 0)]
            recorded = n
            for name, add in cases:
                if add:
                    subprocess.run([sys.executable, "-c", setup_code(home, add, recorded)], check=True, capture_output=True)
                    recorded += add
                result = run_case(build_code(home, full=name == "full re-render"), timeout=600)
                site_files = sum(1 for p in (home / "site").rglob("*") if p.is_file())
                rows.append({"digests": recorded, "case": name, "seconds": result["seconds"],
                             "peak_mb": result["peak_mb"], "site_files": site_files, "status": result["status"]})
            size = sum(p.stat().st_size for p in (home / "site").rglob("*") if p.is_file())
        print(f"{n} digests: site folder {size / 1e6:.1f} MB", file=sys.stderr)
    print_table("static site build (SQLite; times include importing digest)", rows,
                ["digests", "case", "seconds", "peak_mb", "site_files", "status"])


if __name__ == "__main__":
    os.environ.pop("DIGEST_HOME", None)
    main(sizes_from_argv([365]))
