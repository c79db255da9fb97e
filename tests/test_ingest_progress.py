"""Progress: a rich bar on a terminal (a real pseudo-terminal here), plain log lines otherwise."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys

from conftest import RESOURCES


def _inbox(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(RESOURCES / "inbox", inbox)
    (inbox / "empty.txt").write_bytes(b"")
    return inbox


def test_progress_bar_on_a_terminal(tmp_path):
    inbox = _inbox(tmp_path)
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "digest", "ingest", str(inbox)], stdout=subprocess.PIPE,
                               stderr=terminal, env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    stdout = process.communicate(timeout=60)[0].decode()
    os.close(controller)
    screen = shown.decode("utf-8", "replace")
    assert process.returncode == 1  # the empty file failed
    assert "━" in screen and "ingesting" in screen and "/10" in screen  # the bar, its label and its count
    # the failure is printed above the bar, on its own line
    assert f"failed: {inbox / 'empty.txt'}: empty file; nothing to ingest" in screen.replace("\r\n", " ").replace("  ", " ")
    assert stdout.startswith("10 new, 0 duplicates linked, 0 unchanged, 0 not modified, 1 failed")


def test_plain_log_lines_when_not_a_terminal(tmp_path):
    inbox = _inbox(tmp_path)
    result = subprocess.run([sys.executable, "-m", "digest", "-v", "ingest", str(inbox)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    progress = [line for line in lines if "] " in line and "[" in line and "digest.cli" in line]
    assert len(progress) == 10 and progress[0].endswith(f"[1/10] {inbox / 'aid_lull.json'}")
    assert f"WARNING digest.ingest: failed: {inbox / 'empty.txt'}: empty file; nothing to ingest" in lines
    assert "━" not in result.stderr and "\x1b[" not in result.stderr
