"""The Briefing object: assembly from summaries, windows, recording digests in the store."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from briefing_sample import NOW, WINDOW, sample_briefing, store_sample_articles, summaries

from digest.briefing import (
    Briefing,
    assemble_briefing,
    outlet_name,
    record_briefing,
    resolve_window,
    safe_link,
    selected_tracks,
)
from digest.errors import ConfigError, NotFound
from digest.models import Article


def test_sources_are_numbered_once_in_track_order(config):
    briefing = sample_briefing(config)
    assert [s.number for s in briefing.sources] == [1, 2, 3, 4]
    assert [s.track for s in briefing.sources] == ["doha", "doha", "cairo", "us_hamas"]
    doha = briefing.sections[0]
    assert doha.track == "doha" and doha.count == 2
    assert [line.sources for line in doha.lines] == [(1, 2), (2,), (1,)]
    assert doha.lines[2].repeated
    assert doha.figures[1].sources == (1, 2) and doha.figures[1].disputed
    assert [q.source for q in doha.quotes] == [1, 2]
    assert briefing.sections[1].lines[0].sources == (3,)
    assert [line.track for line in briefing.top_lines] == ["doha", "cairo", "us_hamas"]
    assert [line.sources for line in briefing.top_lines] == [(1, 2), (3,), (4,)]
    assert briefing.cited == {1, 2, 3, 4}


def test_counts_other_and_out_of_scope(config):
    briefing = sample_briefing(config, out_of_scope=3)
    assert [(c.track, c.count) for c in briefing.counts] == [("doha", 2), ("cairo", 1), ("us_hamas", 1), ("other", 0)]
    assert [s.track for s in briefing.sections] == ["doha", "cairo", "us_hamas"]  # an empty catch-all is left out
    assert briefing.other is None and briefing.out_of_scope == 3
    assert briefing.article_count == 4 and not briefing.is_empty
    assert briefing.track_title("us_hamas") == "Direct US–Hamas contacts"


def test_tracks_filter_keeps_only_those_sections(config):
    briefing = sample_briefing(config, tracks=("cairo",))
    assert [s.track for s in briefing.sections] == ["cairo"]
    assert [s.number for s in briefing.sources] == [1]
    assert [line.sources for line in briefing.top_lines] == [(1,)]


def test_source_fields_and_also_published_by(config):
    first, second = sample_briefing(config).sources[:2]
    assert first.outlet == "Al Jazeera" and first.link == "https://example.org/doha-talks"
    assert first.author == "Hamza Abu Sharkh"
    assert first.also_published_by == ("Gulf Times",)  # its copy from Al Jazeera itself is not "also"
    assert first.one_liner.startswith("Talks resumed in Doha")
    assert second.link is None  # javascript: never becomes a link


def test_outlet_and_link_rules():
    bare = Article(location="/inbox/2025/doha-report.txt", title="t", text="t", content_hash="h")
    assert outlet_name(bare) == "Outlet not recorded"
    assert outlet_name(bare.__class__(**{**bare.__dict__, "url": "https://www.reuters.com/world/x"})) == "reuters.com"
    assert outlet_name(bare.__class__(**{**bare.__dict__, "outlet": "Reuters"})) == "Reuters"
    assert safe_link("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "/etc/passwd", "file:///x", None, ""):
        assert safe_link(bad) is None


def test_round_trip_through_json(config):
    briefing = sample_briefing(config)
    data = json.loads(json.dumps(briefing.to_dict()))
    again = Briefing.from_dict(data)
    assert again == briefing
    assert again.sources[0].date == briefing.sources[0].date and again.date == date(2025, 3, 6)


def test_unknown_track_is_a_config_error(config):
    with pytest.raises(ConfigError, match="unknown track 'gaza'.*doha"):
        selected_tracks(config, ["gaza"])
    assert selected_tracks(config, ["other", "us_hamas", "doha"]) == ("doha", "us_hamas", "other")
    assert selected_tracks(config, None) == ("doha", "cairo", "us_hamas", "other")


def test_windows(store, config):
    now = datetime(2025, 3, 6, 5, 0, tzinfo=UTC)
    window = resolve_window(store, config, ("doha",), now=now)
    assert (window.start, window.end, window.kind, window.day) == (None, now, "new", date(2025, 3, 6))
    day = resolve_window(store, config, ("doha",), day=date(2025, 3, 4), now=now)
    assert (day.start, day.end, day.kind) == (datetime(2025, 3, 4, tzinfo=UTC), datetime(2025, 3, 5, tzinfo=UTC), "day")
    ranged = resolve_window(store, config, ("doha",), since=datetime(2025, 3, 1), until=datetime(2025, 3, 3), now=now)
    assert (ranged.start, ranged.end, ranged.day) == (datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 3, 3, tzinfo=UTC), date(2025, 3, 2))
    with pytest.raises(ConfigError, match="not both"):
        resolve_window(store, config, ("doha",), day=date(2025, 3, 4), since=datetime(2025, 3, 1), now=now)
    with pytest.raises(ConfigError, match="window is empty"):
        resolve_window(store, config, ("doha",), since=datetime(2025, 3, 3), until=datetime(2025, 3, 1), now=now)


def test_day_boundaries_follow_the_configured_zone(store, tmp_path):
    from digest.config import load_config

    path = tmp_path / "digest.toml"
    path.write_text('[schedule]\ntimezone = "Asia/Jerusalem"\n')
    config = load_config(path)
    window = resolve_window(store, config, ("doha",), day=date(2025, 3, 4))
    assert window.start == datetime(2025, 3, 3, 22, 0, tzinfo=UTC)  # midnight in Jerusalem (UTC+2)


def test_record_and_read_digests(store_url, store, config):
    assert store.latest_digest() is None and store.list_digests() == []
    store_sample_articles(store)
    briefing = sample_briefing(config)
    first = record_briefing(store, briefing, "/out/2025-03-06")
    record = store.get_digest(first)
    assert record.date == date(2025, 3, 6) and record.window_end == NOW and record.window_start == WINDOW.start
    assert record.tracks == ("doha", "cairo", "us_hamas", "other")
    assert record.article_count == 4 and record.path == "/out/2025-03-06"
    assert record.config_hash == config.config_hash and record.version
    assert Briefing.from_dict(record.data) == briefing
    assert store.previous_sentences("doha") == [line.text for line in briefing.sections[0].lines]
    assert store.previous_sentences("other") == []
    assert store.digest_article_ids(first) == {"doha": [1, 2], "cairo": [3], "us_hamas": [4]}

    later = sample_briefing(config, tracks=("cairo",))
    second = record_briefing(store, later, None)
    assert [r.id for r in store.list_digests()] == [second, first]
    assert store.list_digests()[0].data == {}  # listing leaves the payload out
    assert store.latest_digest().id == second
    assert store.previous_sentences("doha") == [line.text for line in briefing.sections[0].lines]
    with pytest.raises(NotFound, match="no digest with id 99"):
        store.get_digest(99)


def test_the_previous_digest_is_an_earlier_briefing_on_other_articles(store, config):
    store_sample_articles(store)
    briefing = sample_briefing(config)
    record_briefing(store, briefing, None)
    said = [line.text for line in briefing.sections[0].lines]
    # The next day's section on new articles follows it.
    assert store.previous_sentences("doha", until=NOW + timedelta(days=1), articles=[1, 2, 5]) == said
    # Built again from the very same articles, it is the same briefing rebuilt: nothing to mark.
    assert store.previous_sentences("doha", until=NOW, articles=[2, 1]) == []
    # A briefing for a window that ended before this digest's does not follow it.
    assert store.previous_sentences("doha", until=NOW - timedelta(days=2), articles=[7]) == []


def test_default_window_starts_where_the_last_digest_of_those_tracks_ended(store, config):
    store_sample_articles(store)
    record_briefing(store, sample_briefing(config), None)  # all tracks, ends at NOW
    cairo_only = sample_briefing(config, tracks=("cairo",))
    from dataclasses import replace

    record_briefing(store, replace(cairo_only, window_end=NOW + timedelta(hours=5)), None)
    later = NOW + timedelta(days=1)
    assert resolve_window(store, config, ("cairo",), now=later).start == NOW + timedelta(hours=5)
    assert resolve_window(store, config, ("doha", "cairo"), now=later).start == NOW


def test_assemble_ignores_top_lines_from_elsewhere(config):
    groups = summaries()
    stray = groups["doha"].sentences[0]
    briefing = assemble_briefing(config, WINDOW, ("cairo",), {"cairo": groups["cairo"]}, [stray], now=NOW)
    assert briefing.top_lines == ()


def test_article_in_two_summaries_keeps_one_number(config):
    groups = summaries()
    shared = groups["doha"].articles[0]
    cairo = groups["cairo"].__class__(**{**groups["cairo"].__dict__, "articles": (shared, *groups["cairo"].articles),
                                         "one_liners": ("x", *groups["cairo"].one_liners)})
    briefing = assemble_briefing(config, WINDOW, ("doha", "cairo"), {"doha": groups["doha"], "cairo": cairo}, [], now=NOW)
    assert [s.number for s in briefing.sources] == [1, 2, 3]
    assert [a.number for a in briefing.sections[1].articles] == [1, 3]
    assert briefing.sections[1].lines[0].sources == (1,)


def test_a_section_keeps_the_first_figures_and_quotes(config):
    from dataclasses import replace

    from digest.briefing import MAX_FIGURES, MAX_QUOTES
    from digest.models import Figure, Quote

    groups = summaries()
    doha = groups["doha"]
    crowded = replace(
        doha,
        figures=tuple(Figure(str(n), "people", "killed", "s", (0,)) for n in range(40)),
        quotes=tuple(Quote(f"quote {n}", None, 0) for n in range(20)),
    )
    section = assemble_briefing(config, WINDOW, ("doha",), {"doha": crowded}, [], now=NOW).sections[0]
    assert [f.value for f in section.figures] == [str(n) for n in range(MAX_FIGURES)]
    assert [q.text for q in section.quotes] == [f"quote {n}" for n in range(MAX_QUOTES)]
