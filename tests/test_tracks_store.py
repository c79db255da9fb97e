"""Stored assignments: computed once per tracks configuration, recomputed when it changes, pins honoured."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError, NotFound
from digest.ingest import ingest
from digest.models import OUT_OF_SCOPE, Evidence, TrackAssignment
from digest.store import Store
from digest.tracks import assign_tracks, assignments_for, classify, pin_article, unpin_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TRACKS_DIR = Path(__file__).resolve().parent / "resources" / "tracks"


@pytest.fixture
def seeded(store, config):
    ingest(store, config, [str(SEEDS)])
    return store


def by_title(store, words: str) -> int:
    return next(a.id for a in store.list_articles() if words in a.title)


def test_save_and_load_round_trip(store_url):
    store = Store.open(store_url)
    try:
        config = load_config()
        ingest(store, config, [str(SEEDS / "003_141e149f331147d6.txt")])
        article = store.list_articles()[0]
        assignment = classify(article, config)
        store.save_assignments([assignment])
        loaded = store.load_assignments()[article.id]
        assert loaded == assignment
        assert isinstance(loaded.evidence[0], Evidence)
        store.save_assignments([TrackAssignment(primary="other", article_id=article.id, config_hash="x")])
        assert store.load_assignments([article.id])[article.id].primary == "other"  # replaced, not added
        store.set_pin(article.id, "cairo")
        store.set_pin(article.id, "doha")
        assert store.pins() == {article.id: "doha"}
        assert store.delete_pin(article.id) is True
        assert store.delete_pin(article.id) is False
        with pytest.raises(NotFound):
            store.set_pin(99999, "doha")
    finally:
        store.close()


def test_assign_tracks_classifies_each_article_once(seeded, config):
    first = assign_tracks(seeded, config)
    assert len(first) == 5
    assert {a.primary for a in first} == {"doha", "cairo", "us_hamas"}
    assert assign_tracks(seeded, config) == []  # nothing missing or stale
    stored = seeded.load_assignments()
    assert all(a.config_hash == config.tracks_hash for a in stored.values())


def test_a_new_tracks_configuration_reclassifies(seeded, config, tmp_path):
    assign_tracks(seeded, config)
    config_file = tmp_path / "digest.toml"
    config_file.write_text("[classifier]\nmin_score = 100.0\n", encoding="utf-8")
    changed = load_config(config_file)
    redone = assign_tracks(seeded, changed)
    assert len(redone) == 5
    assert {a.primary for a in redone} == {"other"}  # no track reaches such a bar
    assert all(a.config_hash == changed.tracks_hash for a in seeded.load_assignments().values())


def test_a_pin_survives_reclassification(seeded, config, tmp_path):
    assign_tracks(seeded, config)
    article_id = by_title(seeded, "Witkoff")
    pinned = pin_article(seeded, config, article_id, "cairo")
    assert pinned.primary == "cairo" and pinned.pinned and "us_hamas" in pinned.secondary
    config_file = tmp_path / "digest.toml"
    config_file.write_text("[classifier]\nmin_score = 5.0\n", encoding="utf-8")
    changed = load_config(config_file)
    redone = {a.article_id: a for a in assign_tracks(seeded, changed)}
    assert redone[article_id].primary == "cairo" and redone[article_id].pinned
    current = assignments_for(seeded, changed, [seeded.get_article(article_id)])
    assert current[article_id].primary == "cairo"
    unpinned = unpin_article(seeded, changed, article_id)
    assert unpinned.primary == "us_hamas" and not unpinned.pinned


def test_pin_to_out_of_scope_and_errors(seeded, config):
    article_id = by_title(seeded, "Qatar")
    assert pin_article(seeded, config, article_id, OUT_OF_SCOPE).primary == OUT_OF_SCOPE
    with pytest.raises(ConfigError, match="unknown track 'gaza'"):
        pin_article(seeded, config, article_id, "gaza")
    with pytest.raises(NotFound):
        pin_article(seeded, config, 12345, "doha")


def test_assignments_for_classifies_what_is_missing(seeded, config):
    articles = seeded.list_articles()
    assert seeded.load_assignments() == {}
    found = assignments_for(seeded, config, articles[:2])
    assert set(found) == {articles[0].id, articles[1].id}
    assert set(seeded.load_assignments()) == set(found)  # stored, so not computed again


def test_duplicates_are_assigned_too(store, config, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text((TRACKS_DIR / "cairo_03.txt").read_text(), encoding="utf-8")
    ingest(store, config, [str(TRACKS_DIR / "cairo_03.txt"), str(copy)])
    assigned = assign_tracks(store, config)
    assert [a.primary for a in assigned] == ["cairo", "cairo"]
