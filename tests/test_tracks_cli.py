"""digest classify, tracks, assign."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.errors import ConfigError, NotFound
from digest.models import OUT_OF_SCOPE

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TRACKS_DIR = Path(__file__).resolve().parent / "resources" / "tracks"
GOLD = {item["path"].rsplit("/", 1)[-1]: item for item in json.loads(
    (Path(__file__).resolve().parent / "seeds-gold.json").read_text())["articles"]}


def test_classify_json_gives_every_field_for_every_file(run_cli, digest_home):
    result = run_cli("classify", SEEDS, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 5
    for row in rows:
        assert set(row) >= {"path", "primary", "secondary", "scores", "confidence", "evidence"}
        gold = GOLD[Path(row["path"]).name]
        assert row["primary"] == gold["primary"]
        assert sorted(row["secondary"]) == sorted(gold["secondary"])
        assert set(row["evidence"][0]) == {"track", "cue", "kind", "weight", "sentence"}
    assert not (digest_home / "digest.db").exists()  # no store touched


def test_classify_table_shows_the_reasons(run_cli):
    result = run_cli("classify", TRACKS_DIR / "other_03.txt", TRACKS_DIR / "ushamas_02.txt")
    assert result.exit_code == 0
    assert "incident" in result.output and "relation" in result.output


def test_classify_goes_on_after_an_unreadable_file(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("classify", empty, SEEDS / "001_fee297e723815dd1.txt", "--json")
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [row["primary"] for row in rows] == ["doha"]


def test_tracks_lists_stored_articles_by_track_with_reasons(run_cli):
    assert run_cli("ingest", SEEDS, TRACKS_DIR / "scope_01.txt").exit_code == 0
    result = run_cli("tracks", "--json")
    assert result.exit_code == 0, result.output
    groups = {g["track"]: g for g in json.loads(result.output)}
    assert list(groups) == ["doha", "cairo", "us_hamas", "other", OUT_OF_SCOPE]
    assert len(groups["doha"]["articles"]) == 2 and len(groups["us_hamas"]["articles"]) == 2
    assert len(groups[OUT_OF_SCOPE]["articles"]) == 1
    first = groups["cairo"]["articles"][0]
    assert first["evidence"] and first["evidence"][0]["track"] == "cairo" and first["pinned"] is False
    table = run_cli("tracks", "--track", "cairo")
    assert "Cairo talks (cairo): 1" in table.output and "Doha talks" not in table.output


def test_assign_pins_and_tracks_shows_it(run_cli):
    run_cli("ingest", SEEDS)
    articles = json.loads(run_cli("articles", "--json").output)
    witkoff = next(a["id"] for a in articles if a["title"].startswith("Witkoff"))
    result = run_cli("assign", witkoff, "doha")
    assert result.exit_code == 0 and f"article {witkoff} pinned to doha" in result.output
    groups = {g["track"]: g for g in json.loads(run_cli("tracks", "--json").output)}
    pinned = next(a for a in groups["doha"]["articles"] if a["id"] == witkoff)
    assert pinned["pinned"] is True and "us_hamas" in pinned["secondary"]
    assert "pinned" in run_cli("tracks", "--track", "doha").output
    assert run_cli("assign", witkoff, "--unpin").exit_code == 0
    groups = {g["track"]: g for g in json.loads(run_cli("tracks", "--json").output)}
    assert witkoff in [a["id"] for a in groups["us_hamas"]["articles"]]


def test_assign_refuses_unknown_tracks_and_articles(run_cli):
    # the CLI's main() turns these DigestErrors into a message and exit codes 2 and 5
    run_cli("ingest", SEEDS / "001_fee297e723815dd1.txt")
    with pytest.raises(ConfigError, match="configured tracks: doha, cairo, us_hamas, other"):
        run_cli("assign", "1", "gaza")
    with pytest.raises(NotFound):
        run_cli("assign", "77", "doha")
    assert run_cli("assign", "1").exit_code == 2  # neither a track nor --unpin


def test_every_command_has_help(run_cli):
    for command in ("classify", "tracks", "assign", "eval"):
        result = run_cli(command, "--help")
        assert result.exit_code == 0 and len(result.output) > 200


def test_classify_reads_the_entries_of_a_local_feed_file(run_cli, digest_home, tmp_path):
    feed = tmp_path / "wire.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Israeli team arrives in Doha for ceasefire talks</title><id>urn:a</id>"
        "<summary>An Israeli negotiating team arrived in Doha on Monday for talks with Qatari and Egyptian mediators "
        "on a ceasefire and hostage release deal with Hamas.</summary></entry>"
        "<entry><title>Hamas delegation in Cairo</title><id>urn:b</id>"
        "<summary>A Hamas delegation arrived in Cairo on Tuesday for talks with Egyptian mediators on the ceasefire "
        "and hostage exchange, the group said.</summary></entry></feed>", encoding="utf-8")
    result = run_cli("classify", "--json", feed)
    assert result.exit_code == 0, result.output
    assert [(row["title"], row["primary"]) for row in json.loads(result.stdout)] == [
        ("Israeli team arrives in Doha for ceasefire talks", "doha"), ("Hamas delegation in Cairo", "cairo")]
