"""The static site, read back from disk: layout, relative links, HTML5, accessibility markers,
article text kept as text, Atom, sitemap, incremental rebuilds. The browser tests are in
test_site_browser.py."""

from __future__ import annotations

import json
import os
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import html5lib
import pytest
import sqlalchemy as sa
from briefing_sample import HOSTILE, sample_briefing, store_sample_articles
from site_sample import day_word, record_days

from digest.briefing import record_briefing, save_briefing
from digest.config import load_config
from digest.errors import ConfigError, DigestError
from digest.site import build_site
from digest.store import digest_articles, digest_sentences, digests

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(path: Path):
    """Parse a page as HTML5, failing on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(path.read_text(encoding="utf-8"))


def text_of(tree) -> str:
    return " ".join(tree.itertext())


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture
def site(store, config) -> Path:
    """Five synthetic days (the third with a hostile title) and the sample briefing with its real PDF."""
    store_sample_articles(store)
    record_days(store, config, 2, pdf=b"%PDF-1.4 two days")
    record_days(store, config, 1, first=2, extra=f" {HOSTILE}")
    record_days(store, config, 2, first=3)
    save_briefing(store, config, sample_briefing(config), formats=("html", "pdf"))
    build_site(store, config)
    return config.home / "site"


def test_layout_index_newest_first_with_counts_and_top_line(site, store):
    names = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    assert {"index.html", "search.html", "atom.xml", "sitemap.xml", "search-index.json", "search-index.js",
            "site.css", "briefing.css", "search.js", "favicon.svg"} <= names
    records = store.list_digests()
    assert len([n for n in names if n.startswith("digests/") and n.endswith(".html")]) == len(records) == 6
    assert {f"tracks/{t}.html" for t in ("doha", "cairo", "us_hamas", "other")} <= names
    tree = parse(site / "index.html")
    entries = [el for el in tree.iter("li") if el.get("class") == "digest-entry"]
    dates = [text_of(next(e.iter("h3"))).strip() for e in entries]
    assert dates == ["Thursday 6 March 2025", "Friday 10 January 2025", "Thursday 9 January 2025",
                     "Wednesday 8 January 2025", "Tuesday 7 January 2025", "Monday 6 January 2025"]
    first = text_of(entries[0])
    assert "Doha talks 2" in " ".join(first.split()) and "Cairo talks 1" in " ".join(first.split())
    assert "Negotiators from Israel and Hamas resumed indirect talks in Doha on Wednesday." in first
    assert [el.get("href") for el in entries[0].iter("a")][0] == f"digests/2025-03-06-{records[0].id}.html"


def test_digest_page_is_the_briefing_with_its_pdf_alongside(site, store):
    record = store.list_digests()[0]
    page = site / "digests" / f"2025-03-06-{record.id}.html"
    tree = parse(page)
    links = {el.get("href"): text_of(el) for el in tree.iter("a")}
    pdf = f"2025-03-06-{record.id}.pdf"
    assert links[pdf] == "Download the PDF"
    assert (site / "digests" / pdf).read_bytes() == (Path(record.path) / "briefing.pdf").read_bytes()
    assert (site / "digests" / pdf).read_bytes().startswith(b"%PDF")
    headings = [text_of(el) for el in tree.iter("h2")]
    assert ["Top lines", "In this briefing", "Doha talks", "Cairo talks", "Direct US–Hamas contacts"] == headings[:5]
    older = store.list_digests()[1]
    assert f"2025-01-10-{older.id}.html" in links  # the briefing before it


def test_every_link_is_relative_and_resolves(site):
    """Relative links to files that exist, fragments that exist there: works from file://, any
    sub-path, any static host. Only articles' own addresses point elsewhere."""
    ids: dict[Path, set[str]] = {}
    trees = {}
    for page in pages_of(site):
        trees[page] = parse(page)
        ids[page] = {el.get("id") for el in trees[page].iter() if isinstance(el.tag, str) and el.get("id")}
    checked = 0
    for page, tree in trees.items():
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("href", "src", "action"):
                value = el.get(attr)
                if value is None:
                    continue
                parts = urlsplit(value)
                if parts.scheme:
                    assert parts.scheme == "https" and parts.netloc.endswith("example.org"), (page, value)
                    assert el.tag == "a", f"{page}: {el.tag} loads {value} from elsewhere"
                    continue
                assert not value.startswith("/"), f"{page}: root-relative link {value}"
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                assert target.is_file(), f"{page}: {value} points at nothing"
                if parts.fragment and target.suffix == ".html":
                    assert parts.fragment in ids[target], f"{page}: no #{parts.fragment} in {target.name}"
                checked += 1
    assert checked > 200


def test_pages_are_html5_with_lang_landmarks_headings_in_order(site):
    for page in pages_of(site):
        tree = parse(page)
        assert tree.get("lang") == "en", page
        names = [el.tag for el in tree.iter() if isinstance(el.tag, str)]
        assert names.count("main") == 1 and "nav" in names and "header" in names and "footer" in names, page
        assert any(el.get("name") == "viewport" for el in tree.iter("meta")), page
        assert any(el.get("role") == "search" for el in tree.iter("form")), page
        levels = [int(el.tag[1]) for el in tree.iter() if isinstance(el.tag, str) and re.fullmatch(r"h[1-6]", el.tag)]
        assert levels[0] == 1 and levels.count(1) == 1, page
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{page}: h{before} then h{after}"
        csp = next(el.get("content") for el in tree.iter("meta") if el.get("http-equiv") == "Content-Security-Policy")
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        for label in tree.iter("label"):
            assert any(el.get("id") == label.get("for") for el in tree.iter("input")), page
    css = (site / "site.css").read_text()
    assert "@media print" in css and "@media (max-width" in css


def test_article_markup_never_becomes_markup(site):
    for page in pages_of(site):
        tree = parse(page)
        names = [el.tag for el in tree.iter() if isinstance(el.tag, str)]
        assert "img" not in names, page
        scripts = [el.get("src") for el in tree.iter("script")]
        assert scripts == (["search.js"] if page.name == "search.html" else []), page
        assert not any(k.startswith("on") for el in tree.iter() if isinstance(el.tag, str) for k in el.attrib), page
        assert not any((el.get("href") or "").lower().startswith("javascript") for el in tree.iter("a")), page
    hostile = '<script>alert("x")</script>'
    for name in ("index.html", "tracks/doha.html"):
        assert hostile in text_of(parse(site / name)), name
    digest_page = next(p for p in (site / "digests").glob("2025-03-06-*.html"))
    assert hostile in text_of(parse(digest_page))
    index = json.loads((site / "search-index.json").read_text())
    assert any(HOSTILE in entry[3] for entry in index["entries"])  # data, shown by the script as text
    assert "</script" not in (site / "search-index.js").read_text()


def test_track_pages_tell_each_story_newest_first(site, store):
    tree = parse(site / "tracks" / "cairo.html")
    assert text_of(next(tree.iter("h1"))) == "Cairo talks"
    stories = [el for el in tree.iter("section") if el.get("class") == "story"]
    dates = [text_of(next(s.iter("h2"))) for s in stories]
    assert dates[0] == "Thursday 6 March 2025" and dates[1:] == [
        "Friday 10 January 2025", "Thursday 9 January 2025", "Wednesday 8 January 2025",
        "Tuesday 7 January 2025", "Monday 6 January 2025"]
    body = text_of(tree)
    assert "Egypt circulated a proposal for a 50-day truce" in body
    assert "Negotiators from Israel and Hamas resumed indirect talks" not in body  # Doha's, not Cairo's
    latest = store.list_digests()[0]
    cites = [a.get("href") for a in stories[0].iter("a") if (a.get("href") or "").startswith("../digests/")]
    assert f"../digests/2025-03-06-{latest.id}.html#src-3" in cites
    assert "No briefing has covered this track yet." not in body


def test_search_index_holds_sentences_and_titles(site):
    index = json.loads((site / "search-index.json").read_text())
    script = (site / "search-index.js").read_text()
    assert json.loads(script.removeprefix("window.digestSearchIndex = ").rstrip().removesuffix(";")) == index
    assert [d["date"] for d in index["digests"]][:2] == ["2025-03-06", "2025-01-10"]
    word = day_word(1)
    hits = [e for e in index["entries"] if word in e[3]]
    assert {e[1] for e in hits} == {"s", "a"}  # summary sentences and article titles
    assert {index["digests"][e[0]]["date"] for e in hits} == {"2025-01-07"}
    sentence = next(e for e in hits if e[1] == "s")
    assert sentence[4].startswith("track-") and index["tracks"][sentence[2]]


def test_atom_feed_is_valid_with_absolute_links(store, config, tmp_path, monkeypatch):
    monkeypatch.setenv("DIGEST_SITE_BASE_URL", "https://briefings.example.net/archive")
    config = load_config()
    store_sample_articles(store)
    record_days(store, config, 3, pdf=b"%PDF-1.4", extra=f" {HOSTILE}")
    briefing_id = record_briefing(store, sample_briefing(config), None)
    build_site(store, config)
    raw = (config.home / "site" / "atom.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Briefing archive"
    base = "https://briefings.example.net/archive/"
    assert feed.feed.id == base
    assert {link.rel: link.href for link in feed.feed.links}["self"] == base + "atom.xml"
    assert len(feed.entries) == 4
    assert feed.entries[0].link == f"{base}digests/2025-03-06-{briefing_id}.html"
    assert [e.link.rsplit("/", 1)[1][:10] for e in feed.entries] == ["2025-03-06", "2025-01-08", "2025-01-07", "2025-01-06"]
    assert len({e.id for e in feed.entries}) == 4
    enclosures = [link.href for link in feed.entries[1].links if link.rel == "enclosure"]
    assert enclosures == [f"{base}digests/2025-01-08-{store.list_digests()[1].id}.pdf"]
    assert {t.term for t in feed.entries[0].tags} == {"doha", "cairo", "us_hamas"}
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in feed.entries[1].content[0].value  # text, escaped in the HTML
    assert HOSTILE in feed.entries[1].summary  # the plain-text summary
    assert b"&amp;lt;script&amp;gt;" in raw and b"<script" not in raw  # escaped for HTML, then for XML
    root = ET.fromstring(raw)  # the parts Atom 1.0 requires, checked directly
    for element in (root, *root.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert element.find(f"{ATOM}{required}") is not None
    assert root.find(f"{ATOM}author/{ATOM}name").text == config.render.author


def test_sitemap_lists_every_page_absolutely(site, config):
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [el.text for el in root.iter(f"{namespace}loc")]
    base = config.site.base_url
    assert all(loc.startswith(base) for loc in locations)
    pages = {str(p.relative_to(site)) for p in pages_of(site)}
    assert {loc.removeprefix(base) for loc in locations} == pages


def test_base_url_must_be_absolute(store, monkeypatch):
    monkeypatch.setenv("DIGEST_SITE_BASE_URL", "/archive/")
    with pytest.raises(ConfigError, match=r"\[site\] base_url"):
        build_site(store, load_config())


def test_rebuild_is_incremental(store, config):
    record_days(store, config, 4, pdf=b"%PDF-1.4")
    first = build_site(store, config)
    assert first.digests == 4 and len(first.written) == len(set(first.written))
    again = build_site(store, config)
    assert again.written == () and again.removed == ()
    damaged = next(n for n in first.written if n.startswith("digests/") and n.endswith(".html"))
    (config.home / "site" / damaged).write_text("")  # what a power loss may leave of an unsynced page
    assert build_site(store, config).written == (damaged,)
    [new_id] = record_days(store, config, 1, first=4)
    after = build_site(store, config)
    new_page = f"digests/2025-01-10-{new_id}.html"
    previous_newest = next(n for n in first.written if n.startswith("digests/2025-01-09-") and n.endswith(".html"))
    # the new page, the one it now follows (its "newer" link), and the pages that list every digest
    assert set(after.written) == {new_page, previous_newest, "index.html", "search-index.json", "search-index.js",
                                  "atom.xml", "sitemap.xml", *[f"tracks/{t}.html" for t in ("doha", "cairo", "us_hamas", "other")]}
    assert set(build_site(store, config, full=True).written) == set()  # same bytes: nothing rewritten


def test_a_template_change_rerenders_and_a_vanished_digest_is_removed(store, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "digest.toml").write_text('[render]\ntemplates = "mine"\n')
    (tmp_path / "mine" / "briefing.css").write_text("body { color: #111; }\n")  # a user's own page style
    config = load_config(tmp_path / "digest.toml")
    ids = record_days(store, config, 3, pdf=b"%PDF-1.4")
    build_site(store, config)
    site = config.home / "site"
    (tmp_path / "mine" / "briefing.css").write_text("body { color: #000; }\n")
    os.utime(tmp_path / "mine" / "briefing.css", (1, time.time() + 5))  # a newer time, even on coarse clocks
    changed = build_site(store, config)
    assert {n for n in changed.written if n.startswith("digests/") and n.endswith(".html")} == {
        f"digests/{d}-{i}.html" for d, i in zip(("2025-01-06", "2025-01-07", "2025-01-08"), ids)}
    assert (site / "briefing.css").read_text() == "body { color: #000; }\n"
    with store.engine.begin() as conn:  # digests are never deleted by digest itself; an admin may
        for table in (digest_sentences, digest_articles):
            conn.execute(table.delete().where(table.c.digest_id == ids[0]))
        conn.execute(digests.delete().where(digests.c.id == ids[0]))
    (site / "notes.txt").write_text("mine")
    report = build_site(store, config)
    assert set(report.removed) == {f"digests/2025-01-06-{ids[0]}.html", f"digests/2025-01-06-{ids[0]}.pdf"}
    assert (site / "notes.txt").read_text() == "mine"  # files the site did not write are left alone


def test_refuses_a_folder_it_did_not_make(store, config, tmp_path):
    record_days(store, config, 1)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "index.html").write_text("someone's page")
    with pytest.raises(DigestError, match="not made by `digest site`"):
        build_site(store, config, tmp_path / "elsewhere")
    assert (tmp_path / "elsewhere" / "index.html").read_text() == "someone's page"
    report = build_site(store, config, tmp_path / "fresh")
    assert report.folder == tmp_path / "fresh" and (tmp_path / "fresh" / "index.html").is_file()


def test_unreadable_digest_data_is_left_out_and_reported(store, config):
    [good] = record_days(store, config, 1)
    with store.engine.begin() as conn:
        bad = conn.execute(digests.insert().values(
            created_at=sa.func.now(), date=sa.func.date("2025-02-01"), tracks="[]", config_hash="x", algorithm="lexrank",
            version="0", article_count=0, data="{}")).inserted_primary_key[0]
    report = build_site(store, config)
    assert report.skipped == (bad,) and report.digests == 1 and report.missing_pdfs == (good,)


def test_an_empty_store_makes_an_empty_archive(store, config):
    report = build_site(store, config)
    assert report.digests == 0
    assert "No briefings yet." in text_of(parse(config.home / "site" / "index.html"))
    assert not feedparser.parse((config.home / "site" / "atom.xml").read_bytes()).bozo
    assert "No briefing has covered this track yet." in text_of(parse(config.home / "site" / "tracks" / "doha.html"))


def test_a_track_no_longer_configured_keeps_its_page(store, tmp_path):
    record_days(store, load_config(), 1)  # recorded with the four built-in tracks
    (tmp_path / "digest.toml").write_text('[[tracks]]\nid = "doha"\ntitle = "Doha"\n')
    config = load_config(tmp_path / "digest.toml")
    build_site(store, config)
    site = config.home / "site"
    assert sorted(p.name for p in (site / "tracks").iterdir()) == ["cairo.html", "doha.html", "other.html", "us_hamas.html"]
    assert text_of(next(parse(site / "tracks" / "cairo.html").iter("h1"))) == "Cairo talks"
    assert text_of(next(parse(site / "tracks" / "doha.html").iter("h1"))) == "Doha"


def test_cli_site_and_serve_without_a_site(run_cli, store, config):
    record_days(store, config, 2)
    result = run_cli("site", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["digests"] == 2 and data["index"].endswith("site/index.html") and "index.html" in data["written"]
    result = run_cli("site")
    assert result.exit_code == 0 and "0 files written" in result.output
    from digest.cli import cli

    with pytest.raises(DigestError, match="run `digest site` first"):
        cli.main(["serve", "--dir", str(config.home / "nowhere")], standalone_mode=False)


def test_the_scheduled_run_publishes_the_site_last_and_a_site_error_does_not_fail_it(store, config, monkeypatch):
    from digest import pipeline

    assert [stage.name for stage in pipeline.STAGES][-1] == "publish"
    publish = next(stage for stage in pipeline.STAGES if stage.name == "publish")
    assert not publish.required
    [digest_id] = record_days(store, config, 1)
    state = pipeline.run_stages(pipeline.RunState(store, config, digest_id=digest_id), (publish,))
    assert state.problems == [] and (config.home / "site" / f"digests/2025-01-06-{digest_id}.html").is_file()
    nothing_built = pipeline.run_stages(pipeline.RunState(store, load_config()), (publish,))
    assert nothing_built.problems == []  # no new digest: the site is left as it is
    monkeypatch.setenv("DIGEST_SITE_BASE_URL", "not a url")
    broken = pipeline.run_stages(pipeline.RunState(store, load_config(), digest_id=digest_id), (publish,))
    assert len(broken.problems) == 1 and broken.problems[0].startswith("publish: ConfigError")


def test_the_seeds_from_ingest_to_site(run_cli, store, config):
    """The real chain: ingest the seeds, build their briefing, publish the site."""
    from conftest import SEEDS

    assert run_cli("ingest", SEEDS).exit_code in (0, 1)
    assert run_cli("build", "--since", "2000-01-01", "--format", "html,pdf").exit_code == 0
    assert run_cli("site").exit_code == 0
    site = config.home / "site"
    record = store.get_digest(store.list_digests()[0].id)
    data = record.data
    entry = next(el for el in parse(site / "index.html").iter("li") if el.get("class") == "digest-entry")
    shown = " ".join(text_of(entry).split())
    for count in data["counts"]:
        assert f"{count['title']} {count['count']}" in shown
    assert " ".join(data["top_lines"][0]["text"].split()) in shown
    page = site / "digests" / f"{record.date.isoformat()}-{record.id}.html"
    assert (page.with_suffix(".pdf")).read_bytes().startswith(b"%PDF")
    index = json.loads((site / "search-index.json").read_text())
    titles = {e[3] for e in index["entries"] if e[1] == "a"}
    assert {s["title"] for s in data["sources"]} == titles and titles
    for section in data["sections"]:
        track_page = " ".join(text_of(parse(site / "tracks" / f"{section['track']}.html")).split())
        for line in section["lines"]:
            assert " ".join(line["text"].split()) in track_page
