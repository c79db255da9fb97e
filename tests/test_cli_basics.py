"""Every command has --help (found by walking the click group, so new commands are covered too);
the real entry points run; errors come out as one line with their exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from digest.cli import cli


def _walk(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _walk(command, (*path, name))


COMMANDS = list(_walk(cli))


def test_the_walk_finds_the_ingest_commands():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"ingest", "articles", "show", "failures"} <= names


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_every_command_is_in_the_readme_command_table(path):
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"\n| `digest {' '.join(path)}" in readme, f"`digest {' '.join(path)}` is missing from README.md's command table"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_every_command_has_help(path):
    command = dict(COMMANDS)[path]
    assert (command.help or "").strip(), f"`digest {' '.join(path)}` has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: cli {' '.join(path)}")
    assert command.help.strip().split("\n")[0][:40] in " ".join(result.output.split())


@pytest.mark.parametrize("path", [p for p, c in COMMANDS if (c.help or "").startswith("List")], ids=" ".join)
def test_listing_commands_have_json(path):
    command = dict(COMMANDS)[path]
    assert "--json" in [opt for param in command.params for opt in getattr(param, "opts", [])]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digest", *args], capture_output=True, text=True, timeout=120)


def test_python_dash_m_digest_help():
    result = _run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: ") and "ingest" in result.stdout and "show" in result.stdout


def test_show_unknown_id_exits_5_with_a_clear_message():
    result = _run("show", "999")
    assert result.returncode == 5
    assert result.stderr.strip() == "error: no article with id 999; `digest articles` lists the stored ones"
    assert result.stdout == ""


def test_bad_config_exits_2_naming_key_and_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[sources]\ninbx = 'x'\n")
    result = _run("--config", str(path), "articles")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {path} [sources]: unknown key 'inbx'")
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error():
    result = _run("ingets")
    assert result.returncode == 2 and "No such command 'ingets'" in result.stderr


def test_version():
    from digest import __version__

    assert _run("--version").stdout.strip().endswith(__version__)


def test_nothing_to_ingest_says_why(run_cli, digest_home):
    result = run_cli("ingest")
    assert result.exit_code == 0
    assert f"nothing to ingest: there is no inbox folder at {digest_home.resolve() / 'inbox'}" in result.stderr
    assert result.stdout.startswith("0 new")


def test_a_page_without_article_text_is_reported_once_in_digests_words(tmp_path):
    (tmp_path / "index.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    (tmp_path / "ok.txt").write_text("Talks resume\n\nQatar said the talks in Doha would resume on Tuesday with both delegations.\n")
    result = _run("summarize", str(tmp_path), "--json")
    assert result.returncode == 1  # one input failed, the rest were summarised
    assert result.stderr.strip() == (f"{tmp_path / 'index.html'}: no article text found in the HTML "
                                      "(is it an index page, a login wall or broken markup?)")
    assert "discarding data" in _run("-v", "summarize", str(tmp_path), "--json").stderr  # the extractor's own words, with -v


def test_listing_tables_cut_a_long_title_and_json_keeps_it_whole(run_cli, digest_home, tmp_path):
    from digest.cli import table_title

    title = ("Negotiations between Israel and Hamas for a ceasefire and a hostage exchange may be nearing a deal, "
             "according to sources on both sides of the talks in Doha")
    story = tmp_path / "story.txt"
    story.write_text(f"{title}\n\nQatar said the talks in Doha would resume on Tuesday with both delegations present.\n", encoding="utf-8")
    assert run_cli("ingest", story).exit_code == 0
    shown = table_title(title)
    assert shown.endswith("…") and len(shown) <= 90 and title.startswith(shown[:-1])
    assert table_title("Talks resume in Doha") == "Talks resume in Doha"
    table = run_cli("articles").output
    assert "…" in table and "sources" not in table  # the cut words are not in the table
    assert json.loads(run_cli("articles", "--json").output)[0]["title"] == title
