"""The daily run end to end: N new generated articles in the inbox, then the pipeline `digest run`
starts every morning (digest.pipeline.run_pipeline): ingest -> classify -> build (HTML, PDF,
email) -> deliver over SMTP -> publish the site. Prints wall time per stage, the time to
delivered email, the total, and peak memory.

    .venv/bin/python bench/bench_daily.py [--sizes N ...]     (default: 1000)

Target (issue 8): 1,000 new articles, ingest to delivered email, under 60 s and under 1 GB on
2 cores.

Set-up, not timed: the articles are written to DIGEST_HOME/inbox; a digest.toml sends by SMTP to
a real server on 127.0.0.1 (aiosmtpd, the tests' tests/smtpserver.py, run by this process so
its memory is not counted) for two recipients, one taking every track and one only "doha" (so
its PDF is rendered apart). The case runs in a fresh interpreter that has imported the pipeline
and opened the store, as a running scheduler would have; loading the classifier is timed, as the
pipeline loads it when there is work. Each stage is timed by wrapping the pipeline's own STAGES;
run_pipeline is called as the scheduler calls it. The build waits for the next whole second
(pipeline._after_this_second), up to 1 s of the figure. peak_mb is that interpreter's own
(VmHWM). The pipeline starts no worker processes; children_peak_mb is the largest process
started during the case all the same: WeasyPrint runs ldconfig, gcc and ld to find Pango, and
their ru_maxrss is our size when they were forked, not memory of their own. "met" holds the sum
of the two against the target all the same, as an upper bound.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests"))
from corpus import write_corpus  # noqa: E402
from measure import print_table, run_case, sizes_from_argv  # noqa: E402
from smtpserver import SmtpServer  # noqa: E402

TARGET_S, TARGET_MB = 60.0, 1024.0
RECIPIENTS = (("desk@example.org", ()), ("doha-desk@example.org", ("doha",)))


def write_config(home: Path, port: int) -> Path:
    lines = ["[email]", 'transport = "smtp"', 'host = "127.0.0.1"', f"port = {port}", 'security = "none"',
             'sender = "digest@example.org"', "timeout = 60", ""]
    for address, tracks in RECIPIENTS:
        lines += ["[[email.recipients]]", f'address = "{address}"']
        if tracks:
            lines.append("tracks = [" + ", ".join(f'"{t}"' for t in tracks) + "]")
        lines.append("")
    path = home / "digest.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def setup_code(home: Path, config_file: Path, timings: Path) -> str:
    return (
        "import os\n"
        f"os.environ['DIGEST_HOME'] = {str(home)!r}\n"
        f"os.environ['DIGEST_CONFIG'] = {str(config_file)!r}\n"
        "from digest import pipeline\n"
        "from digest.config import load_config\n"
        "from digest.store import Store\n"
        "config = load_config()\n"
        "store = Store.open(config.store_url)\n"
        "stage_s = {}\n"
        "def timed(stage):\n"
        "    def run(state):\n"
        "        t = time.perf_counter()\n"
        "        try:\n"
        "            stage.run(state)\n"
        "        finally:\n"
        "            stage_s[stage.name] = time.perf_counter() - t\n"
        "    return pipeline.Stage(stage.name, run, stage.required)\n"
        "pipeline.STAGES = tuple(timed(s) for s in pipeline.STAGES)\n"
        f"timings_file = {str(timings)!r}\n"
    )


CODE = (
    "state = pipeline.run_pipeline(store, config)\n"
    "assert not state.problems, state.problems\n"
    "assert state.digest_id is not None and state.deliveries and all(r.ok for r in state.deliveries), state.deliveries\n"
    "open(timings_file, 'w').write(json.dumps({'stages': stage_s, 'added': len(state.ingested.added),\n"
    "    'sent': sum(r.count('sent') for r in state.deliveries)}))\n"
)


def run_daily(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        write_corpus(home / "inbox", n)
        server = SmtpServer.start()
        try:
            config_file = write_config(home, server.port)
            timings = Path(tmp) / "timings.json"
            result = run_case(CODE, timeout=900, setup=setup_code(home, config_file, timings))
            extra = json.loads(timings.read_text()) if timings.exists() else {}
            received = {address: len(server.messages_for(address)) for address, _ in RECIPIENTS}
        finally:
            server.stop()
    stages = extra.get("stages", {})
    to_email = sum(stages.get(s, 0.0) for s in ("ingest", "classify", "build", "deliver")) if stages else None
    return {**result, "stages": stages, "to_email_s": to_email, "added": extra.get("added"),
            "sent": extra.get("sent"), "received": received}


def main(sizes: list[int]) -> None:
    rows = []
    for n in sizes:
        r = run_daily(n)
        stages = r["stages"]
        met = None
        if r["status"] == "ok":
            met = "yes" if r["to_email_s"] < TARGET_S and r["peak_mb"] + r["children_peak_mb"] < TARGET_MB else "no"
        rows.append({
            "articles": n, "added": r["added"],
            **{f"{name}_s": stages.get(name) for name in ("ingest", "classify", "build", "deliver", "publish")},
            "to_email_s": r["to_email_s"], "total_s": r["seconds"], "peak_mb": r["peak_mb"],
            "children_peak_mb": r["children_peak_mb"],
            "emails": "+".join(str(c) for c in r["received"].values()), "met": met, "status": r["status"],
        })
    print_table("daily run, inbox to delivered email over SMTP", rows,
                ["articles", "added", "ingest_s", "classify_s", "build_s", "deliver_s", "publish_s", "to_email_s",
                 "total_s", "peak_mb", "children_peak_mb", "emails", "met", "status"])
    print(f"\ntarget: to_email_s < {TARGET_S:.0f} s and peak_mb (+ children) < {TARGET_MB:.0f} MB; "
          "emails: messages the SMTP server accepted per recipient")


if __name__ == "__main__":
    main(sizes_from_argv([1000]))
