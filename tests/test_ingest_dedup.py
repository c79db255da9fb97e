"""Duplicates are linked to their canonical article, never dropped; different articles on the
same event are not linked; re-ingesting changes nothing. Inputs: tests/resources/dedup."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import RESOURCES

from digest.ingest import dedup, document_to_article, ingest, read_path

pytestmark = pytest.mark.both_backends  # the store, ingest and delivery on SQLite and PostgreSQL

DEDUP = RESOURCES / "dedup"


@pytest.fixture
def batch(tmp_path):
    """The four test articles, plus an exact copy of the canonical one in another folder."""
    inbox = tmp_path / "inbox"
    shutil.copytree(DEDUP, inbox)
    (inbox / "mirror").mkdir()
    shutil.copy(DEDUP / "canonical.txt", inbox / "mirror" / "copy-of-canonical.txt")
    return inbox


def _by_file(store):
    return {a.location.rsplit("/", 1)[-1]: a for a in store.list_articles()}


def test_copies_are_linked_and_other_articles_are_not(store, config, batch):
    report = ingest(store, config, [str(batch / "canonical.txt"), str(batch)])
    assert report.ok
    articles = _by_file(store)
    canonical = articles["canonical.txt"]
    assert canonical.duplicate_of is None
    assert articles["syndicated.html"].duplicate_of == canonical.id  # another headline, page furniture
    assert articles["rewritten.txt"].duplicate_of == canonical.id  # a few words changed, a paragraph gone
    assert articles["copy-of-canonical.txt"].duplicate_of == canonical.id  # exact copy elsewhere
    assert articles["same_event.txt"].duplicate_of is None  # same event, different article
    assert store.count_articles() == 5  # linked, never dropped
    assert {a.location.rsplit("/", 1)[-1] for a in report.duplicates} == {"syndicated.html", "rewritten.txt", "copy-of-canonical.txt"}
    assert sorted(a.id for a in store.duplicates_of()[canonical.id]) == sorted(a.id for a in report.duplicates)


def test_first_seen_copy_becomes_canonical(store, config, batch):
    ingest(store, config, [str(batch / "syndicated.html")])
    ingest(store, config, [str(batch)])
    articles = _by_file(store)
    syndicated = articles["syndicated.html"]
    assert syndicated.duplicate_of is None
    for name in ("canonical.txt", "rewritten.txt", "copy-of-canonical.txt"):
        assert articles[name].duplicate_of == syndicated.id, name


def test_reingest_is_a_no_op(store, config, batch):
    ingest(store, config, [str(batch)])
    before = [(a.id, a.duplicate_of, a.first_seen) for a in store.list_articles()]
    again = ingest(store, config, [str(batch)])
    assert not again.added and not again.duplicates and not again.failures
    assert len(again.unchanged) == 5
    assert [(a.id, a.duplicate_of, a.first_seen) for a in store.list_articles()] == before


def test_measured_similarities_are_on_the_right_side_of_the_threshold():
    texts = {p.name: document_to_article(read_path(p, 10**6)[0]).text for p in DEDUP.iterdir()}
    canonical = dedup.signature(texts["canonical.txt"])

    def score(name):
        return canonical.jaccard(dedup.signature(texts[name]))

    assert score("syndicated.html") > 0.85
    assert dedup.NEAR_DUPLICATE_THRESHOLD <= score("rewritten.txt") < 0.75
    assert score("same_event.txt") < 0.1


def test_articles_and_show_display_the_links(run_cli, batch):
    assert run_cli("ingest", batch / "canonical.txt").exit_code == 0
    assert run_cli("ingest", batch).exit_code == 0
    rows = {row["location"].rsplit("/", 1)[-1]: row for row in json.loads(run_cli("articles", "--json").stdout)}
    canonical, syndicated = rows["canonical.txt"], rows["syndicated.html"]
    copies = sorted(rows[name]["id"] for name in ("syndicated.html", "rewritten.txt", "copy-of-canonical.txt"))
    assert sorted(canonical["duplicates"]) == copies and canonical["duplicate_of"] is None
    assert syndicated["duplicate_of"] == canonical["id"] and syndicated["duplicates"] == []
    assert rows["same_event.txt"]["duplicates"] == [] and rows["same_event.txt"]["duplicate_of"] is None

    table = run_cli("articles").stdout
    assert "copies: " + ", ".join(map(str, copies)) in table
    assert f"copy of {canonical['id']}" in table

    shown = run_cli("show", canonical["id"]).stdout
    assert f"#{syndicated['id']} Gulf Daily Record" in shown.split("also published by: ", 1)[1].splitlines()[0]
    assert "Qatari and Egyptian mediators handed both delegations a bridging text" in shown
    copy = run_cli("show", syndicated["id"]).stdout
    assert f"copy of:     #{canonical['id']} " in copy
    as_json = json.loads(run_cli("show", canonical["id"], "--json").stdout)
    assert sorted(as_json["duplicates"]) == copies and as_json["text"].startswith("Qatari and Egyptian mediators")


def test_ingest_json_report(run_cli, batch):
    first = json.loads(run_cli("ingest", batch, "--json").stdout)
    assert len(first["added"]) == 2 and len(first["duplicates"]) == 3 and first["failures"] == []
    assert all(row["duplicate_of"] for row in first["duplicates"])
    second = json.loads(run_cli("ingest", batch, "--json").stdout)
    assert second["added"] == [] and second["duplicates"] == [] and len(second["unchanged"]) == 5
