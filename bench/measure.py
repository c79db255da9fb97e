"""Run one benchmark case in a fresh subprocess and report wall time and peak memory.

Peak memory is the child interpreter's own high-water mark (VmHWM in /proc/self/status).
`getrusage(RUSAGE_SELF).ru_maxrss` is not used when VmHWM is there: Linux carries the maximum
over exec, so a child started from a big parent reports the parent's size. Processes the case
starts itself (a process pool) are reported apart, as `children_peak_mb`: the largest one's
ru_maxrss, which counts the pages a forked worker still shares with its parent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

PEAK = (
    "def _peak_mb():\n"
    "    try:\n"
    "        with open('/proc/self/status') as status:\n"
    "            for line in status:\n"
    "                if line.startswith('VmHWM:'):\n"
    "                    return int(line.split()[1]) / 1024\n"
    "    except OSError:\n"
    "        pass\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
)


def run_case(code: str, timeout: float = 300.0, setup: str = "") -> dict:
    """Run `code` (Python) in a child interpreter; returns seconds, peak MB (the child's own),
    children_peak MB (the largest process it started, 0 when none) and status.
    `setup` (imports, building the input) runs first and is not timed; peak MB includes it."""
    wrapper = (
        "import time, resource, json\n"
        f"{PEAK}"
        f"{setup}\n"
        "t0 = time.perf_counter()\n"
        f"{code}\n"
        "elapsed = time.perf_counter() - t0\n"
        "children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print('@@RESULT@@' + json.dumps({'seconds': elapsed, 'peak_mb': _peak_mb(), 'children_peak_mb': children}))\n"
    )
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mb": None, "children_peak_mb": None, "status": f"did not finish in {timeout:.0f} s"}
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT@@"):
            return {**json.loads(line.removeprefix("@@RESULT@@")), "status": "ok"}
    return {"seconds": time.perf_counter() - started, "peak_mb": None, "children_peak_mb": None,
            "status": f"failed: {proc.stderr.strip()[-300:]}"}


def median_case(results: list[dict]) -> dict:
    """Several runs of one case as one: the median time, the range as "min–max", the highest
    peaks; the first failure's status if any run failed."""
    failed = [r for r in results if r["status"] != "ok"]
    if failed:
        return failed[0]
    times = sorted(r["seconds"] for r in results)
    return {
        "seconds": times[len(times) // 2],
        "range": f"{times[0]:.2f}–{times[-1]:.2f}",
        "peak_mb": max(r["peak_mb"] for r in results),
        "children_peak_mb": max(r["children_peak_mb"] or 0 for r in results),
        "status": "ok",
    }


def print_table(title: str, rows: list[dict], columns: list[str]) -> None:
    widths = {c: max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns}
    print(f"\n{title}\n\nmeasured on {machine()}\n")
    print("| " + " | ".join(c.ljust(widths[c]) for c in columns) + " |")
    print("|" + "|".join("-" * (widths[c] + 2) for c in columns) + "|")
    for row in rows:
        print("| " + " | ".join(_fmt(row.get(c)).ljust(widths[c]) for c in columns) + " |")


def machine() -> str:
    """One line for the table's caption: cores, CPU model, load average when measured."""
    import os

    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, {model}; load average {load}"


def sizes_from_argv(default: list[int], argv: list[str] | None = None) -> list[int]:
    """The sizes to run: `--sizes 10 50` or bare numbers; `default` when none are given."""
    args = [a for a in (sys.argv[1:] if argv is None else argv) if a != "--sizes"]
    if any(not a.isdigit() for a in args):
        raise SystemExit(f"usage: {Path(sys.argv[0]).name} [--sizes N ...]")
    return [int(a) for a in args] or default


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


if __name__ == "__main__":  # pragma: no cover
    print(run_case(sys.argv[1]))
