"""The seeds' briefing, end to end through the real classifier and summarizer: PDF read back,
HTML5 validity, email size, and golden copies in two layers: the briefing's data as the pipeline
makes it (seeds-briefing.json), and the page the templates render from that data
(seeds-briefing.html), so a failure says which layer changed.

Regenerate the golden copy after an intended change, then review `git diff tests/golden`:

    make golden        (or: DIGEST_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_seeds.py -k golden)
"""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from briefing_sample import all_text, heading_levels, parse_strict
from conftest import SEEDS

from digest.briefing import Briefing, build_briefing
from digest.ingest import ingest
from digest.render import EMAIL_BUDGET, render_email, render_html, render_pdf
from digest.store import articles as articles_table

GOLDEN = Path(__file__).parent / "golden" / "seeds-briefing.html"
GOLDEN_DATA = Path(__file__).parent / "golden" / "seeds-briefing.json"
SEEN = datetime(2025, 3, 5, 6, 0, tzinfo=UTC)  # fixed, so the golden copy does not depend on today
NOW = datetime(2025, 3, 6, 5, 0, tzinfo=UTC)
# Read at import: the autouse fixture clears every DIGEST_* variable before each test runs.
UPDATE_GOLDEN = bool(os.environ.get("DIGEST_UPDATE_GOLDEN"))


@pytest.fixture
def seeds_briefing(store, config):
    report = ingest(store, config, [str(SEEDS)])
    assert report.ok and len(report.added) == 5
    with store.engine.begin() as conn:
        conn.execute(articles_table.update().values(first_seen=SEEN))
    return build_briefing(store, config, now=NOW)


def test_seeds_briefing_covers_every_seed(seeds_briefing):
    assert seeds_briefing.article_count == 5
    assert seeds_briefing.window_start is None and seeds_briefing.window_end == NOW
    named = [s for s in seeds_briefing.main_sections if s.count]
    assert {s.track for s in named} >= {"doha", "cairo", "us_hamas"}
    for section in named:
        assert section.lines, f"{section.track} has articles but no summary"
        for line in section.lines:
            assert line.sources and all(1 <= n <= 5 for n in line.sources)
    assert 1 <= len(seeds_briefing.top_lines) <= 3


def test_seeds_pdf(seeds_briefing, config):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(seeds_briefing, config)))
    pages = len(reader.pages)
    assert pages >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for track in config.tracks:
        if track.id in {s.track for s in seeds_briefing.sections}:
            assert track.title in flat
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    for source in seeds_briefing.sources:
        assert source.outlet in flat
        assert (source.link or f"File {source.origin}") in flat  # where to find it again
    meta = reader.metadata
    assert meta.title == "Gaza Ceasefire Negotiations Briefing, Thursday 6 March 2025"
    assert meta.author == config.render.author and meta.creation_date == NOW
    assert [o.title for o in reader.outline if not isinstance(o, list)][2:5] == [
        s.title for s in seeds_briefing.sections[:3]
    ]


def test_seeds_page_is_valid_html5(seeds_briefing, config):
    tree = parse_strict(render_html(seeds_briefing, config))
    assert tree.get("lang") == "en"
    levels = heading_levels(tree)
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert "Sources" in all_text(tree)


def test_seeds_email_is_small_and_wrapped(seeds_briefing, config):
    email = render_email(seeds_briefing, config)
    assert len(email.html.encode("utf-8")) < EMAIL_BUDGET
    parse_strict(email.html)
    assert all(len(line) <= 72 or " " not in line.strip() for line in email.text.splitlines())
    assert "[5] " in email.text


def _masked(text: str, config) -> str:
    """The golden copies leave out what changes with any unrelated config default or release."""
    from digest import __version__

    return (text.replace(config.config_hash, "{config_hash}").replace(config.tracks_hash, "{tracks_hash}")
            .replace(__version__, "{version}"))


def _check_golden(path: Path, actual: str, what: str) -> None:
    if UPDATE_GOLDEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden copy {path.name} yet: run `make golden`"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{what} changed. If you meant it, run `make golden` and review `git diff tests/golden`."
    )


def test_seeds_briefing_data_matches_golden_copy(seeds_briefing, config):
    """What the pipeline (classifier, summarizer, assembly) made of the seeds."""
    data = json.dumps(seeds_briefing.to_dict(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    _check_golden(GOLDEN_DATA, _masked(data, config), "The seeds' briefing data (classifier, summarizer or assembly)")


def test_seeds_page_matches_golden_copy(config):
    """How the templates render that same data: independent of the pipeline's changes."""
    assert GOLDEN_DATA.exists(), "no golden copy yet: run `make golden`"
    data = json.loads(GOLDEN_DATA.read_text(encoding="utf-8"))
    briefing = Briefing.from_dict(data)
    html = _masked(render_html(briefing, config), config)
    # the data file is masked too; its provenance placeholders come back into the page as written
    _check_golden(GOLDEN, html, "The seeds' page (templates or renderer)")
