"""Run one benchmark case in a fresh subprocess and report wall time and peak memory (max RSS)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def run_case(code: str, timeout: float = 300.0, setup: str = "") -> dict:
    """Run `code` (Python) in a child interpreter; returns seconds, peak MB, and status.
    `setup` (imports, building the input) runs first and is not timed; peak MB includes it."""
    wrapper = (
        "import time, resource, json\n"
        f"{setup}\n"
        "t0 = time.perf_counter()\n"
        f"{code}\n"
        "elapsed = time.perf_counter() - t0\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print('@@RESULT@@' + json.dumps({'seconds': elapsed, 'peak_mb': peak}))\n"
    )
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mb": None, "status": f"did not finish in {timeout:.0f} s"}
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT@@"):
            return {**json.loads(line.removeprefix("@@RESULT@@")), "status": "ok"}
    return {"seconds": time.perf_counter() - started, "peak_mb": None, "status": f"failed: {proc.stderr.strip()[-300:]}"}


def print_table(title: str, rows: list[dict], columns: list[str]) -> None:
    widths = {c: max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns}
    print(f"\n{title}\n")
    print("| " + " | ".join(c.ljust(widths[c]) for c in columns) + " |")
    print("|" + "|".join("-" * (widths[c] + 2) for c in columns) + "|")
    for row in rows:
        print("| " + " | ".join(_fmt(row.get(c)).ljust(widths[c]) for c in columns) + " |")


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


if __name__ == "__main__":  # pragma: no cover
    print(run_case(sys.argv[1]))
