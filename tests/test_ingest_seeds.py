"""Ingesting the seed articles: metadata, cleaning, idempotence."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS

from digest.ingest import ingest

pytestmark = pytest.mark.both_backends  # the store, ingest and delivery on SQLite and PostgreSQL

FURNITURE = [
    "Related Articles",
    "Back to top button",
    "Leave a Reply",
    "Leave a reply",
    "Please enter your comment!",
    "Please enter your name here",
    "0FansLike",
    "0FollowersFollow",
    "See also",
    "Source link",
    "Advertisement",
    "I am a dedicated and skilled News Content Writer",
    "Stay Connected",
    "Latest Articles",
    "Required fields are marked",
    "0 Comments",
    "Palestine & Israel Conflict",
]

REAL_SENTENCES = [
    "Witkoff clarified that these negotiations with Hamas are being conducted via Qatar as an intermediary.",
    "White House press secretary Karine Jean-Pierre said that CIA director Bill Burns and U.S. Middle East envoy Brett McGurk will attend the United States delegation to the ceasefire meeting.",
    "Reports suggest that Qatar may reconsider hosting the Hamas political office, though the implications for the mediation efforts remain uncertain.",
    "The initial ceasefire was announced by the Biden administration in January just days before Trump’s inauguration.",
    "There are still 130 hostages being held in Gaza, 33 of whom have been officially declared dead by Israel.",
    "Morris reported from Berlin, Fahim from Istanbul and Daduchi from Beirut.",
    "Gaza Civil Defense spokesman Mahmoud Bassal said in a statement that “hundreds of injured citizens” remained near the hospital.",
]


def _by_name(articles):
    return {a.location.rsplit("/", 1)[-1][:3]: a for a in articles}


def test_seeds_ingest_with_metadata(store, config):
    report = ingest(store, config, [str(SEEDS)])
    assert report.ok and len(report.added) == 5
    seeds = _by_name(store.list_articles())
    assert seeds["000"].title == "Witkoff: US negotiates with Hamas to curb Israeli airstrikes and pursue dialogue"
    assert seeds["000"].author == "Tamilla Hasanova"
    assert seeds["001"].title == "US Wants to Continue Ceasefire Talks Despite $20 Billion Arms Sale to Israel"
    assert seeds["003"].place == "Washington"
    assert seeds["003"].text.startswith("The Trump administration is engaging in direct talks")
    assert seeds["004"].place == "Doha, Qatar"
    assert seeds["004"].author == "Ali Raza"
    assert seeds["002"].title.startswith("Hamas negotiators have embarked on intensified talks in Cairo")
    for article in seeds.values():
        assert article.first_seen is not None


def test_seed_furniture_removed_and_sentences_kept(store, config):
    ingest(store, config, [str(SEEDS)])
    texts = "\n".join(a.text for a in store.list_articles())
    for line in FURNITURE:
        assert line not in texts, line
    for sentence in REAL_SENTENCES:
        assert sentence in texts, sentence


def test_every_seed_sentence_survives_cleaning(store, config):
    """No line that reads as a sentence in the raw seeds is lost, except the author bio."""
    from digest.ingest.clean import reads_as_sentence, unglue_heading
    from digest.text import normalize_whitespace

    ingest(store, config, [str(SEEDS)])
    texts = "\n".join(a.text for a in store.list_articles())
    for path in SEEDS.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = normalize_whitespace(line).strip()
            if reads_as_sentence(line) and not any(furniture in line for furniture in FURNITURE):
                # a dateline or a glued subheading may have been lifted off the front of the line
                assert line in texts or line.split("— ", 1)[-1] in texts or unglue_heading(line) in texts, line


def test_reingest_is_a_no_op(store, config, tmp_path):
    ingest(store, config, [str(SEEDS)])
    again = ingest(store, config, [str(SEEDS)])
    assert not again.added and not again.duplicates and len(again.unchanged) == 5
    assert store.count_articles() == 5


def test_inputs_are_never_modified(store, config, tmp_path):
    copy = tmp_path / "inbox"
    shutil.copytree(SEEDS, copy)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in copy.iterdir()}
    ingest(store, config, [str(copy)])
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in copy.iterdir()}
    assert before == after


def test_cli_ingest_twice_leaves_five(run_cli):
    first = run_cli("ingest", SEEDS)
    assert first.exit_code == 0, first.output
    second = run_cli("ingest", SEEDS)
    assert second.exit_code == 0
    listed = run_cli("articles", "--json")
    import json

    assert len(json.loads(listed.output)) == 5
