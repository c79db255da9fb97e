"""Bad input: each case on its own, then all of them in one folder with good files, through the CLI.

A bad input gives one clear line, a quarantine row, and the rest of the batch goes on; input
files are never modified.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import RESOURCES

from digest.config import load_config
from digest.ingest import ingest

pytestmark = pytest.mark.both_backends  # the store, ingest and delivery on SQLite and PostgreSQL

FEEDS = RESOURCES / "feeds"
CAP = 8192
ARTICLE = (RESOURCES / "inbox" / "cairo_round.txt").read_text(encoding="utf-8")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8
# A small PDF without NUL bytes: only its signature gives it away.
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\nx\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\nendstream\nendobj\n"


def _feed_text(name: str, server) -> str:
    return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", server.base_url)


# name -> (file name, content maker(server) -> bytes, expected reason after "<path>: ")
FILE_CASES = {
    "empty": ("empty.txt", lambda s: b"", "empty file; nothing to ingest"),
    "blank": ("blank.md", lambda s: b"  \n\n\t \n", "empty file; nothing to ingest"),
    "binary": ("data.txt", lambda s: bytes(range(256)) * 16, "binary file (it contains NUL bytes)"),
    "image_as_text": ("scan.txt", lambda s: PNG, "binary file (it is a PNG image)"),
    "binary_eml": ("photo.eml", lambda s: PNG.replace(b"\x00", b"\x01"), "binary file (it is a PNG image)"),
    "pdf_as_text": ("report.txt", lambda s: PDF, "binary file (it is a PDF)"),
    "oversize": ("long.txt", lambda s: (ARTICLE * 8).encode(), f"bytes is over the {CAP:,}-byte cap ([sources] max_bytes)"),
    "malformed_html": (
        "broken.html",
        lambda s: b"<html><head><title>Broken</head><body><div class=nav><ul><li><a href=/>Home</li>"
        b"<li><a href='/x'>World</ul></div><table><tr><td><span><<<>>></td><div></html",
        "no article text found in the HTML",
    ),
    "malformed_json": ("bad.json", lambda s: b'{"title": "Cut", "text": "The talks', "not valid JSON"),
    "malformed_feed": ("broken.xml", lambda s: (FEEDS / "broken.xml").read_bytes(), "malformed feed (not well-formed (invalid token) at line 2"),
    "billion_laughs": ("laughs.xml", lambda s: (FEEDS / "billion_laughs.xml").read_bytes(), "feed declares XML entities (<!ENTITY>)"),
    "external_entity": ("external.rss", lambda s: _feed_text("external_entity.xml", s).encode(), "feed declares XML entities (<!ENTITY>)"),
    "external_entity_utf16": (
        "external16.atom",
        lambda s: _feed_text("external_entity.xml", s).replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"),
        "feed declares XML entities (<!ENTITY>)",
    ),
    "unknown_extension": ("minutes.docx", lambda s: b"PK\x03\x04 not really a document", "unsupported file type '.docx'"),
    "no_extension": ("README", lambda s: ARTICLE.encode(), "unsupported file type '(no extension)'"),
}

# name -> (route options, expected reason after "<url>: ")
URL_CASES = {
    "timeout": ({"body": b"<html></html>", "delay": 5}, "timed out after 0.5 s"),
    "not_found": ({"body": b"gone", "status": 404}, "HTTP 404 Not Found"),
    "server_error": ({"body": b"oops", "status": 500}, "HTTP 500 Internal Server Error"),
}


@pytest.fixture
def tight(monkeypatch):
    """A small size cap and a short timeout, through the environment as a user would set them."""
    monkeypatch.setenv("DIGEST_SOURCES_MAX_BYTES", str(CAP))
    monkeypatch.setenv("DIGEST_SOURCES_TIMEOUT", "0.5")
    return load_config()


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file(case, store, tight, http_server, tmp_path):
    name, make, reason = FILE_CASES[case]
    path = tmp_path / name
    path.write_bytes(make(http_server))
    report = ingest(store, tight, [str(path)])
    (failure,) = report.failures
    assert failure.location == str(path)
    assert failure.reason.startswith(f"{path}: ") and reason in failure.reason, failure.reason
    assert "\n" not in failure.reason
    assert [(f.location, f.reason) for f in store.list_failures()] == [(failure.location, failure.reason)]
    assert store.list_failures()[0].at is not None
    assert store.count_articles() == 0
    # the entity was neither expanded nor fetched
    assert http_server.requests == []


@pytest.mark.parametrize("case", sorted(URL_CASES))
def test_bad_url(case, store, tight, http_server):
    options, reason = URL_CASES[case]
    url = http_server.route(f"/{case}", **options)
    report = ingest(store, tight, [url])
    (failure,) = report.failures
    assert failure.location == url and failure.reason.startswith(f"{url}: {reason}"), failure.reason
    assert store.list_failures()[0].reason == failure.reason


def test_missing_path(store, config, tmp_path):
    report = ingest(store, config, [str(tmp_path / "nowhere.txt")])
    assert report.failures[0].reason == f"{tmp_path / 'nowhere.txt'}: no such file or folder"


def test_json_list_keeps_good_objects_and_reports_the_bad_one(store, config, tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([
        {"title": "Talks resume", "text": "Negotiators met in Cairo on Monday to discuss the prisoner lists."},
        {"title": "Nothing here"},
    ]))
    report = ingest(store, config, [str(path)])
    assert [a.title for a in report.added] == ["Talks resume"]
    assert [f.location for f in report.failures] == [f"{path}#1"]


def _snapshot(folder):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mixed_folder_through_the_cli(run_cli, tight, http_server, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(RESOURCES / "inbox", inbox)
    nested = inbox / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "legacy.txt").write_bytes(
        "Mediators’ café meeting ends with “hope”\n\nThe mediators met at a café in Doha, where one said the talks were “closer than ever”.\n".encode("cp1252")
    )
    (nested / "wide.txt").write_bytes(
        "Envoy’s schedule set for Cairo and Doha\n\nThe envoy will spend two days in Cairo and one in Doha, officials said on Monday.\n".encode("utf-16")
    )
    (inbox / ".hidden.txt").write_text("a hidden file is not an input")
    good_documents = 12  # nine resource files (wire_batch.json holds two articles) and the two re-encoded files
    for name, make, _reason in FILE_CASES.values():
        (inbox / "bad" / name).parent.mkdir(exist_ok=True)
        (inbox / "bad" / name).write_bytes(make(http_server))
    urls = [http_server.route(f"/{case}", **options) for case, (options, _) in sorted(URL_CASES.items())]
    before = _snapshot(inbox)

    result = run_cli("ingest", inbox, *urls)

    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    expected = {str(inbox / "bad" / name): reason for name, _make, reason in FILE_CASES.values()}
    expected.update({url: reason for url, (_, reason) in zip(urls, (URL_CASES[c] for c in sorted(URL_CASES)))})
    assert len(failed) == len(expected), result.stderr
    for location, reason in expected.items():
        assert sum(line.startswith(f"failed: {location}: ") and reason in line for line in failed) == 1, (location, failed)
    assert f"{good_documents} new, 0 duplicates linked, 0 unchanged, 0 not modified, {len(expected)} failed" in result.stdout

    articles = json.loads(run_cli("articles", "--json").stdout)
    assert len(articles) == good_documents
    titles = {a["title"] for a in articles}
    assert {"Mediators’ café meeting ends with “hope”", "Envoy’s schedule set for Cairo and Doha"} <= titles
    quarantine = json.loads(run_cli("failures", "--json").stdout)
    assert sorted(row["location"] for row in quarantine) == sorted(expected)
    assert all(row["at"] for row in quarantine)

    assert _snapshot(inbox) == before  # nothing modified, moved or deleted
    assert sorted(os.listdir(inbox / "bad")) == sorted(name for name, _, _ in FILE_CASES.values())
    assert http_server.requests_for("/secret.txt") == [] and http_server.requests_for("/remote.dtd") == []
