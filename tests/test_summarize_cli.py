"""digest summarize: files in, a cited summary out, no store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources" / "summarize"
SHARM = RESOURCES / "sharm"


def test_summarize_json_cites_paths(run_cli, digest_home):
    files = sorted(SHARM.glob("*.txt"))
    result = run_cli("summarize", "--json", *files)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"sentences", "figures", "quotes"}
    assert len(data["sentences"]) == 5
    paths = {str(f) for f in files}
    for sentence in data["sentences"]:
        assert sentence["sources"] and set(sentence["sources"]) <= paths
        assert sentence["text"] in Path(sentence["sources"][0]).read_text(encoding="utf-8")
    syndicated = [s for s in data["sentences"] if len(s["sources"]) > 1]
    assert syndicated, "the wire story carried by two files must cite both"
    for figure in data["figures"]:
        assert figure["value"] and figure["what"] and set(figure["sources"]) <= paths
    for quote in data["quotes"]:
        assert quote["source"] in paths and quote["text"]
    assert not (digest_home / "digest.db").exists()  # no store touched


def test_summarize_options_and_human_output(run_cli):
    result = run_cli("summarize", "--sentences", "3", "--algorithm", "lsa", "--track", "none", SHARM)
    assert result.exit_code == 0, result.output
    assert "lsa" in result.output and "sources:" in result.output
    assert "1. " in result.output and "3. " in result.output and "\n4. " not in result.output
    assert str(SHARM / "01_wire.txt") in result.output


def test_summarize_uses_the_configured_defaults_and_a_named_track(run_cli, tmp_path):
    config = tmp_path / "digest.toml"
    config.write_text("[summary]\nsentences = 2\nalgorithm = \"luhn\"\n", encoding="utf-8")
    result = run_cli("--config", config, "summarize", "--json", "--track", "cairo", SHARM)
    data = json.loads(result.output)
    assert len(data["sentences"]) == 2 and data["algorithm"] == "luhn" and data["track"] == "cairo"


def test_summarize_guesses_the_track(run_cli):
    data = json.loads(run_cli("summarize", "--json", SHARM).output)
    assert data["track"] == "cairo"  # Sharm el-Sheikh is an Egyptian venue


def test_an_unreadable_file_is_reported_and_the_rest_summarised(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_cli("summarize", "--json", empty, SHARM / "01_wire.txt", SHARM / "03_gulf.txt")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["sentences"]


def test_nothing_readable_exits_3_with_a_message(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "digest", "summarize", str(empty)], capture_output=True, text=True,
                          env={"DIGEST_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 3
    assert "nothing to summarise" in proc.stderr


def test_a_local_feed_file_is_summarised_from_its_entries_own_text(run_cli, tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Gulf Wire</title>'
        "<item><title>Talks resume in Doha</title><link>https://example.org/a</link>"
        "<description>Qatar said the talks in Doha would resume on Tuesday with both delegations present.</description></item>"
        "<item><title>Envoys meet in Cairo</title><description>Egyptian mediators met the Hamas delegation in Cairo "
        "on Monday to discuss the hostage exchange.</description></item>"
        "<item><title>Link only</title><link>https://example.org/c</link></item>"
        "</channel></rss>", encoding="utf-8")
    result = run_cli("summarize", "--json", "--track", "none", feed)
    assert result.exit_code == 1  # the link-only entry: ingest fetches its page, summarize does not
    texts = [s["text"] for s in json.loads(result.stdout)["sentences"]]
    assert sorted(texts) == [
        "Egyptian mediators met the Hamas delegation in Cairo on Monday to discuss the hostage exchange.",
        "Qatar said the talks in Doha would resume on Tuesday with both delegations present.",
    ]
    assert "https://example.org/c: feed entry has no text of its own; `digest ingest` fetches the page it links to" in result.stderr
    assert "unsupported file type" not in result.stderr


def test_summarize_workers_give_the_same_output(run_cli):
    files = sorted((Path(__file__).parent / "resources" / "summarize").rglob("*.txt"))
    alone = run_cli("summarize", "--json", "--track", "none", *files)
    shared = run_cli("summarize", "--json", "--track", "none", "--workers", "2", *files)
    assert alone.exit_code == shared.exit_code == 0, shared.output
    assert json.loads(shared.output) == json.loads(alone.output)
    assert len(json.loads(alone.output)["one_liners"]) > 200  # large enough to be shared


def test_at_a_terminal_a_spinner_says_what_is_being_done_and_leaves_no_trace_in_a_pipe(tmp_path):
    import os
    import pty

    files = [str(SHARM / "01_wire.txt"), str(SHARM / "03_gulf.txt")]
    env = {"DIGEST_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "TERM": "xterm", "COLUMNS": "100"}
    command = [sys.executable, "-m", "digest", "summarize", "--track", "none", *files]
    master, slave = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        shown += chunk
    stdout = proc.stdout.read().decode()
    assert proc.wait() == 0
    os.close(master)
    assert b"reading the files" in shown or b"summarising 2 articles" in shown  # on the terminal,
    assert shown.rstrip().endswith(b"\x1b[2K")  # then erased
    assert "2 articles" in stdout and "reading the files" not in stdout
    piped = subprocess.run(command, capture_output=True, text=True, env=env)
    assert piped.returncode == 0 and "reading the files" not in piped.stderr + piped.stdout


def test_a_file_with_mojibake_is_summarised_in_repaired_text_with_its_quote_and_speaker(run_cli):
    # the page's “curly quotes” arrived as â€œ ... â€: repaired, the quote and its speaker are found
    data = json.loads(run_cli("summarize", "--json", RESOURCES.parent / "cleaning" / "mojibake.txt").output)
    assert not any("â€" in s["text"] for s in data["sentences"])
    assert "“baseless”" in " ".join(s["text"] for s in data["sentences"])
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == [
        ("No one told us to leave. Our office in Doha works as it always has", "Basem Naim")]
