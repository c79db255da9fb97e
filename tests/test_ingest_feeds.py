"""Feeds and URLs served by a real HTTP server on 127.0.0.1 (tests/httpserver.py)."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime

import pytest
from conftest import RESOURCES

from digest.config import load_config
from digest.ingest import ingest

pytestmark = pytest.mark.both_backends  # the store, ingest and delivery on SQLite and PostgreSQL

FEEDS = RESOURCES / "feeds"
RSS = "application/rss+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


def _settings(**sources):
    return load_config(overrides={"sources": sources})


def _feed(name: str, server) -> bytes:
    return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", server.base_url).encode("utf-8")


@pytest.fixture
def levant(http_server):
    """The Levant Dispatch feed (two full-content entries, one link-only) and the linked page."""
    http_server.route("/feed.xml", _feed("rss_full.xml", http_server), headers={"Content-Type": RSS, "ETag": '"v1"'})
    http_server.route("/articles/envoy-families", (FEEDS / "envoy_families.html").read_bytes(), headers={"Content-Type": HTML})
    return http_server


def _by_title(store):
    return {a.title: a for a in store.list_articles()}


def test_rss_full_content_and_link_only_entry(store, config, levant):
    report = ingest(store, config, [levant.url("/feed.xml")])
    assert report.ok and len(report.added) == 3
    articles = _by_title(store)

    phased = articles["Egypt proposes a phased return of displaced families"]
    assert (phased.author, phased.outlet) == ("Nadia Fares", "Levant Dispatch")
    assert phased.published == datetime(2024, 7, 8, 7, 20, tzinfo=UTC)
    assert phased.url == phased.location == "https://levantdispatch.example/2024/07/08/phased-return"
    assert phased.text.startswith("Egyptian mediators have proposed letting displaced families return")
    assert len(phased.paragraphs) == 6 and "<p>" not in phased.text

    # only a link in the feed: the page was fetched and its main text extracted by trafilatura
    envoy = articles["Envoy meets families of captives before flying to the region"]
    assert envoy.text.startswith("The American envoy met relatives of hostages")
    assert "“He listened for two hours and took notes,” said the brother of one captive." in envoy.text
    assert "Most read" not in envoy.text and "Heatwave" not in envoy.text and "Privacy" not in envoy.text
    assert (envoy.author, envoy.outlet) == ("Tom Brandt", "Levant Dispatch")
    assert envoy.published == datetime(2024, 7, 10, 16, 45, tzinfo=UTC)
    assert envoy.location == levant.url("/articles/envoy-families")


def test_user_agent_on_every_request(store, levant):
    config = _settings(user_agent="digest-test/9.9 (+ops@example.org)")
    ingest(store, config, [levant.url("/feed.xml")])
    assert len(levant.requests) == 2
    assert {r.headers["User-Agent"] for r in levant.requests} == {"digest-test/9.9 (+ops@example.org)"}


def test_atom_full_content(store, config, http_server):
    url = http_server.route("/atom", _feed("atom_full.xml", http_server), headers={"Content-Type": "application/atom+xml"})
    report = ingest(store, config, [url])
    assert report.ok
    (article,) = store.list_articles()
    assert article.title == "Rafah crossing talks stall over who will staff the gate"
    assert (article.author, article.outlet) == ("Helen Marsh", "Crossings Weekly")
    assert article.published == datetime(2024, 8, 1, 16, 30, tzinfo=UTC)
    assert article.paragraphs[-1] == "Neither government commented publicly on the talks."
    assert len(article.paragraphs) == 6


def test_repoll_with_etag_is_not_modified(store, config, levant):
    url = levant.url("/feed.xml")
    ingest(store, config, [url])
    again = ingest(store, config, [url])
    assert again.not_modified == (url,) and not again.added and again.ok
    second = levant.requests_for("/feed.xml")[1]
    assert second.headers["If-None-Match"] == '"v1"'
    assert len(levant.requests_for("/articles/envoy-families")) == 1  # no re-fetch
    assert store.count_articles() == 3


def test_repoll_with_last_modified_is_not_modified(store, config, levant):
    stamp = "Wed, 10 Jul 2024 17:00:00 GMT"
    url = levant.route("/lm.xml", _feed("rss_full.xml", levant), headers={"Content-Type": RSS, "Last-Modified": stamp})
    ingest(store, config, [url])
    again = ingest(store, config, [url])
    assert again.not_modified == (url,)
    assert levant.requests_for("/lm.xml")[1].headers["If-Modified-Since"] == stamp


def test_changed_feed_adds_only_new_entries_and_does_not_refetch_pages(store, config, levant):
    url = levant.url("/feed.xml")
    ingest(store, config, [url])
    atom_entry = _feed("atom_full.xml", levant).decode()
    item = atom_entry[atom_entry.index("<content type=\"html\">") + len("<content type=\"html\">"): atom_entry.index("</content>")]
    grown = _feed("rss_full.xml", levant).decode().replace(
        "<item>",
        "<item><title>Rafah crossing talks stall</title><link>https://levantdispatch.example/rafah</link>"
        f"<description>{item}</description></item>\n<item>",
        1,
    )
    levant.route("/feed.xml", grown, headers={"Content-Type": RSS, "ETag": '"v2"'})
    report = ingest(store, config, [url])
    assert [a.title for a in report.added] == ["Rafah crossing talks stall"]
    assert len(report.unchanged) == 3
    assert len(levant.requests_for("/articles/envoy-families")) == 1
    assert store.count_articles() == 4


def test_single_article_url_and_redirect(store, config, http_server):
    page = (FEEDS / "envoy_families.html").read_bytes()
    http_server.route("/story", page, headers={"Content-Type": HTML, "ETag": '"p1"'})
    old = http_server.route("/old-story", b"", status=301, headers={"Location": "/story"})
    report = ingest(store, config, [old])
    assert report.ok
    (article,) = report.added
    assert article.title == "Envoy meets families of captives before flying to the region"
    assert article.url == "https://levantdispatch.example/2024/07/10/envoy-families"  # the canonical URL
    assert article.location == old
    assert len(http_server.requests_for("/story")) == 1


def test_single_url_reingest_is_a_no_op(store, config, http_server):
    url = http_server.route("/story", (FEEDS / "envoy_families.html").read_bytes(), headers={"Content-Type": HTML})
    ingest(store, config, [url])
    again = ingest(store, config, [url])  # no validators: fetched again, nothing changes
    assert not again.added and not again.duplicates and again.unchanged == (url,)
    assert store.count_articles() == 1


def test_feed_file_with_external_dtd_is_read_and_the_dtd_never_fetched(store, config, http_server, tmp_path):
    http_server.route("/rss-0.91.dtd", '<!ENTITY secret "leaked">')
    path = tmp_path / "old.rss"
    path.write_bytes(_feed("external_dtd.xml", http_server))
    report = ingest(store, config, [str(path)])
    assert report.ok and [a.title for a in report.added] == ["Mediators publish a joint statement after the Doha round"]
    assert "leaked" not in report.added[0].text
    assert http_server.requests == []


def test_truncated_feed_reports_and_keeps_what_it_could_read(store, config, http_server):
    url = http_server.route("/cut.xml", (FEEDS / "truncated.xml").read_bytes(), headers={"Content-Type": RSS, "ETag": '"c1"'})
    report = ingest(store, config, [url])
    assert [a.title for a in report.added] == ["Negotiators agree on a timetable for the second phase"]
    reasons = [f.reason for f in report.failures]
    assert any("malformed feed (no element found at line 13" in r for r in reasons), reasons
    # validators are kept only after a clean poll, so the next poll fetches the feed again
    ingest(store, config, [url])
    assert "If-None-Match" not in http_server.requests_for("/cut.xml")[1].headers


def test_timeout_on_a_silent_server(store, http_server):
    url = http_server.route("/slow", b"<html></html>", delay=5)
    started = time.monotonic()
    report = ingest(store, _settings(timeout=0.5), [url])
    assert time.monotonic() - started < 3
    (failure,) = report.failures
    assert failure.reason == f"{url}: timed out after 0.5 s; try again later or raise [sources] timeout"


def test_timeout_on_a_body_that_trickles_in(store, http_server):
    page = (FEEDS / "envoy_families.html").read_bytes()
    url = http_server.route("/drip", page, headers={"Content-Type": HTML}, chunk_delay=0.05)
    started = time.monotonic()
    report = ingest(store, _settings(timeout=0.5), [url])
    assert time.monotonic() - started < 3  # the whole body would take over 10 s
    assert "timed out after 0.5 s while reading the body" in report.failures[0].reason


@pytest.mark.parametrize(
    "options, body_size",
    [
        ({}, 5000),  # Content-Length says it is too big: refused before reading
        ({"send_length": False}, 5000),  # no Content-Length: refused while reading
    ],
)
def test_size_cap_on_downloads(store, http_server, options, body_size):
    url = http_server.route("/big", b"<p>" + b"word " * (body_size // 5) + b"</p>", headers={"Content-Type": HTML}, **options)
    report = ingest(store, _settings(max_bytes=4096), [url])
    (failure,) = report.failures
    assert "over the 4,096-byte cap ([sources] max_bytes)" in failure.reason
    assert store.count_articles() == 0


def test_size_cap_counts_decompressed_bytes(store, http_server):
    bomb = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    assert len(bomb) < 4096
    url = http_server.route("/bomb", bomb, headers={"Content-Type": HTML, "Content-Encoding": "gzip"})
    report = ingest(store, _settings(max_bytes=4096), [url])
    assert "over the 4,096-byte cap" in report.failures[0].reason


def test_gzip_page_within_the_cap_is_read(store, config, http_server):
    page = gzip.compress((FEEDS / "envoy_families.html").read_bytes())
    url = http_server.route("/gz", page, headers={"Content-Type": HTML, "Content-Encoding": "gzip"})
    assert ingest(store, config, [url]).ok
    assert http_server.requests_for("/gz")[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_configured_feeds_and_urls_with_no_targets(store, levant, monkeypatch):
    story = levant.route("/story", (FEEDS / "envoy_families.html").read_bytes(), headers={"Content-Type": HTML})
    monkeypatch.setenv("DIGEST_SOURCES_FEEDS", levant.url("/feed.xml"))
    monkeypatch.setenv("DIGEST_SOURCES_URLS", story)
    report = ingest(store, load_config(), None)
    assert len(report.added) == 3 and len(report.duplicates) == 1  # the story is the feed's linked page
    assert report.duplicates[0].location == story


@pytest.mark.parametrize(
    "head, is_feed",
    [
        (b'<?xml version="1.0"?>\n<!-- generator -->\n<rss version="2.0">', True),
        ('<?xml version="1.0" encoding="utf-16"?><feed xmlns="http://www.w3.org/2005/Atom">'.encode("utf-16"), True),
        (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd"><rss>', True),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
        (b"<!doctype html><html><body><feedback-form></feedback-form><p>rss</p>", False),
        (b"<html><head><link rel=alternate type=application/rss+xml href=/feed></head>", False),
    ],
)
def test_looks_like_feed_reads_the_root_element(head, is_feed):
    from digest.ingest.feeds import looks_like_feed

    assert looks_like_feed(head) is is_feed


def test_malformed_feed_url_is_read_as_a_feed_by_its_content_type(store, config, http_server):
    url = http_server.route("/broken", b"<<item>> Talks resume &&& </channel>", headers={"Content-Type": "application/rss+xml"})
    (failure,) = ingest(store, config, [url]).failures
    assert failure.reason.startswith(f"{url}: malformed feed (not well-formed (invalid token)")


def test_loopback_server_serves_a_dict_of_routes_and_records_requests(http_server):
    import urllib3

    http_server.serve({"/a": (200, {"Content-Type": "text/plain"}, b"alpha"), "/b": (410, {}, b"gone", 0.1)})
    http = urllib3.PoolManager()
    assert http.request("GET", http_server.url("/a"), headers={"X-Probe": "1"}).data == b"alpha"
    assert http.request("GET", http_server.url("/b")).status == 410
    assert http.request("GET", http_server.url("/nowhere")).status == 404
    assert [r.path for r in http_server.requests] == ["/a", "/b", "/nowhere"]
    assert http_server.requests_for("/a")[0].headers["X-Probe"] == "1"


def test_served_feed_with_an_external_entity_is_refused_and_nothing_else_is_fetched(store, config, http_server):
    url = http_server.route("/evil.xml", _feed("external_entity.xml", http_server), headers={"Content-Type": RSS})
    http_server.route("/secret.txt", "secret")
    (failure,) = ingest(store, config, [url]).failures
    assert "feed declares XML entities" in failure.reason
    assert [r.path for r in http_server.requests] == ["/evil.xml"]
