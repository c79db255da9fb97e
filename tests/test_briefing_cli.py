"""digest build, pdf, digests through the CLI on the seeds (real classifier, summarizer, WeasyPrint)."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from conftest import SEEDS

from digest.store import articles, utcnow


@pytest.fixture
def seeded(run_cli, store):
    result = run_cli("ingest", SEEDS)
    assert result.exit_code == 0, result.output
    # First-seen times are whole seconds and a window ends at the second it was built: a build in
    # the same second as the ingest would rightly leave them for the next digest.
    with store.engine.begin() as conn:
        conn.execute(articles.update().values(first_seen=utcnow() - timedelta(seconds=5)))


def test_build_writes_the_four_files_and_records_the_digest(seeded, run_cli, digest_home):
    result = run_cli("build", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    folder = digest_home / "briefings" / date.today().isoformat()
    assert Path(out["folder"]).resolve() == folder.resolve() and out["articles"] == 5
    assert sorted(Path(p).name for p in out["files"].values()) == ["briefing.html", "briefing.pdf", "email.html", "email.txt"]
    for path in out["files"].values():
        assert Path(path).parent.resolve() == folder.resolve() and Path(path).stat().st_size > 0
    assert pypdf.PdfReader(folder / "briefing.pdf").pages
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]

    listed = json.loads(run_cli("digests", "--json").output)
    assert [d["id"] for d in listed] == [out["digest_id"]]
    assert listed[0]["articles"] == 5 and listed[0]["path"] == str(folder.resolve())
    assert listed[0]["tracks"] == ["doha", "cairo", "us_hamas", "other"]
    table = run_cli("digests").output
    assert str(out["digest_id"]) in table and "doha" in table


def test_second_default_build_has_nothing_new(seeded, run_cli, tmp_path):
    assert run_cli("build", "--format", "html", "-o", tmp_path / "one").exit_code == 0
    second = run_cli("build", "--format", "html", "-o", tmp_path / "two")
    assert second.exit_code == 0
    assert "0 articles" in second.output
    assert "No new articles in this window." in (tmp_path / "two" / "briefing.html").read_text()
    # an explicit range still finds them, and so does --all, which says so on the page
    third = run_cli("build", "--format", "email", "--since", "2000-01-01", "-o", tmp_path / "three")
    assert "5 articles" in third.output
    assert sorted(p.name for p in (tmp_path / "three").iterdir()) == ["email.html", "email.txt"]
    every = run_cli("build", "--format", "html", "--all", "-o", tmp_path / "four")
    assert "5 articles" in every.output
    assert "Articles dated up to " in (tmp_path / "four" / "briefing.html").read_text()


def test_building_the_same_articles_again_writes_the_same_briefing(seeded, run_cli, store, tmp_path):
    def sections(folder):
        out = json.loads(run_cli("build", "--all", "--format", "email", "-o", tmp_path / folder, "--json").output)
        data = store.get_digest(out["digest_id"]).data
        return [[(line["text"], line["repeated"]) for line in section["lines"]] for section in data["sections"]]

    first = sections("one")
    assert any(first) and not any(repeated for lines in first for _, repeated in lines)
    # The digest just recorded covers these same articles: it is this briefing, not yesterday's.
    assert sections("two") == first


def test_track_filter(seeded, run_cli, tmp_path):
    result = run_cli("build", "--track", "doha", "--track", "cairo", "--format", "html", "-o", tmp_path, "--json")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "briefing.html").read_text()
    assert "Doha talks" in html and "Cairo talks" in html and "Direct US–Hamas contacts" not in html
    listed = json.loads(run_cli("digests", "--json").output)
    assert listed[0]["tracks"] == ["doha", "cairo"]


def test_pdf_on_demand_is_not_recorded(seeded, run_cli, tmp_path):
    target = tmp_path / "doha.pdf"
    result = run_cli("pdf", "--track", "doha", "--date", date.today().isoformat(), "-o", target)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Doha talks" in text and "Cairo talks" not in text
    assert json.loads(run_cli("digests", "--json").output) == []


def test_usage_errors(seeded, run_cli):
    bad_format = run_cli("build", "--format", "html,docx")
    assert bad_format.exit_code == 2 and "docx" in bad_format.output
    both = run_cli("build", "--date", "2025-03-05", "--since", "2025-03-01")
    assert both.exit_code == 2 and "give one of --date, --since/--until or --all" in both.output
    also_all = run_cli("build", "--all", "--since", "2025-03-01")
    assert also_all.exit_code == 2 and "--all" in also_all.output
    bad_date = run_cli("build", "--since", "yesterday")
    assert bad_date.exit_code == 2 and "is not a date" in bad_date.output


def test_unknown_track_and_missing_template_exit_codes(seeded, tmp_path):
    import subprocess
    import sys

    digest = [sys.executable, "-m", "digest"]
    unknown = subprocess.run([*digest, "build", "--track", "gaza"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "unknown track 'gaza'" in unknown.stderr
    (tmp_path / "digest.toml").write_text('[render]\ntemplates = "mine"\n')
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "pdf.html").write_text("{% extends 'nothere.html' %}")
    missing = subprocess.run([*digest, "--config", str(tmp_path / "digest.toml"), "pdf", "-o", str(tmp_path / "x.pdf")],
                             capture_output=True, text=True)
    assert missing.returncode == 6 and "nothere.html" in missing.stderr and "searched" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()
