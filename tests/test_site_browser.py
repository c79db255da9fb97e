"""The static site in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright),
served by `digest serve` on loopback, from file:// and from a sub-path. Every request is
recorded: none may go to any host but localhost, no console error may appear, and article text
containing markup must show as text without running."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from briefing_sample import sample_briefing, store_sample_articles
from playwright.sync_api import Browser, Page, expect, sync_playwright
from site_sample import day_word, record_days

from digest.briefing import save_briefing
from digest.config import load_config
from digest.site import build_site
from digest.store import Store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HOSTILE_TEXT = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def site_home(tmp_path_factory) -> Path:
    """A DIGEST_HOME with four digests (one from the sample briefing, with markup in its articles
    and a real PDF; one synthetic day with markup in its top line) and the site built from them."""
    folder = tmp_path_factory.mktemp("site")
    home = folder / "home"
    (folder / "digest.toml").write_text("")
    config = load_config(folder / "digest.toml", environ={"DIGEST_HOME": str(home)})
    store = Store.open(config.store_url)
    try:
        store_sample_articles(store)
        record_days(store, config, 2, pdf=b"%PDF-1.4 synthetic")
        record_days(store, config, 1, first=2, extra=f" {HOSTILE_TEXT}<img src=x onerror=\"alert(2)\">")
        save_briefing(store, config, sample_briefing(config), formats=("html", "pdf"))
        build_site(store, config)
    finally:
        store.close()
    return home


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(site_home) -> str:
    """`digest serve` as a subprocess on a free loopback port; yields the site's address."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGEST_")} | {"DIGEST_HOME": str(site_home)}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "--config", str(site_home.parent / "digest.toml"),
                             "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while True:
        if proc.poll() is not None:
            pytest.fail(f"digest serve exited with {proc.returncode}: {proc.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("digest serve did not start listening within 20 s")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Browser:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Session:
    """A page whose every request, console error, page error and dialog is recorded."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self, allowed: tuple[str, ...]) -> None:
        assert self.requests, "no request was recorded"
        elsewhere = [url for url in self.requests if not url.startswith(allowed)]
        assert not elsewhere, f"requests left the site: {elsewhere}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"a script ran and opened dialogs: {self.dialogs}"


def open_session(browser: Browser, **context_options) -> Session:
    context = browser.new_context(**context_options)
    # Nothing may leave the machine: anything not local is aborted (and still recorded above).
    context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname in ("127.0.0.1", None, "")
                  else route.abort())
    page = context.new_page()
    session = Session(page)
    page.on("request", lambda request: session.requests.append(request.url))
    page.on("console", lambda message: session.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: session.errors.append(str(error)))

    def on_dialog(dialog):
        session.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return session


@pytest.fixture
def session(browser):
    session = open_session(browser)
    yield session
    session.page.context.close()


def test_browse_follow_a_citation_open_a_track_and_search(session, served):
    page = session.page
    page.goto(served + "index.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Briefing archive")
    expect(page.locator("li.digest-entry")).to_have_count(4)

    # open the newest digest
    page.locator("li.digest-entry h3 a").first.click()
    page.wait_for_url("**/digests/2025-03-06-*.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gaza Ceasefire Negotiations Briefing")
    pdf = page.get_by_role("link", name="Download the PDF")
    assert page.request.get(served + "digests/" + pdf.get_attribute("href")).body().startswith(b"%PDF")

    # follow a citation in the Cairo section to its numbered source
    page.locator("#track-cairo sup.cite a").first.click()
    page.wait_for_url("**#src-3")
    source = page.locator("#src-3")
    expect(source).to_be_in_viewport()
    expect(source).to_contain_text("Ahram Online")
    assert page.evaluate("document.querySelector(':target').id") == "src-3"

    # a track page through the site navigation
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Cairo talks").click()
    page.wait_for_url("**/tracks/cairo.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cairo talks")
    stories = page.locator("section.story h2")
    expect(stories).to_have_count(4)
    expect(stories.first).to_have_text("Thursday 6 March 2025")
    expect(page.locator("main")).to_contain_text("Egypt circulated a proposal for a 50-day truce")

    # search from the box every page carries
    page.get_by_role("searchbox", name="Search all briefings").fill("50-day truce")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search.html?q=50-day+truce")
    results = page.locator("#search-results li")
    expect(page.locator("#search-status")).to_have_text("2 results for “50-day truce”.")
    expect(results.first.locator("mark").first).to_have_text("50")
    expect(results.first).to_contain_text("Thursday 6 March 2025 · Cairo talks")

    # a word only one day has: every hit is from that day (20 summary sentences, 24 article titles)
    page.locator("#q").fill(day_word(1))
    expect(page.locator("#search-status")).to_have_text(f"44 results for “{day_word(1)}”.")
    assert set(results.locator(".result-meta").all_inner_texts()) == {
        f"Tuesday 7 January 2025 · {track} · {kind}"
        for track in ("Doha talks", "Cairo talks", "Direct US–Hamas contacts", "Other developments")
        for kind in ("Summary", "Article")}
    assert page.url.endswith(f"search.html?q={day_word(1)}")
    results.first.locator("a").click()
    page.wait_for_url("**/digests/2025-01-07-*.html#*")
    fragment = urlsplit(page.url).fragment
    expect(page.locator(f"#{fragment}")).to_contain_text(day_word(1))

    page.locator("#site-q").fill("nothing-like-this-anywhere")
    page.locator("#site-q").press("Enter")
    expect(page.locator("#search-status")).to_have_text("No results for “nothing-like-this-anywhere”.")
    session.assert_clean((served,))


def test_article_markup_shows_as_text_and_never_runs(session, served):
    page = session.page
    page.goto(served + "index.html")
    expect(page.locator("li.digest-entry .top-line", has_text=HOSTILE_TEXT)).to_have_count(1)
    page.locator("li.digest-entry h3 a").first.click()
    page.wait_for_url("**/digests/2025-03-06-*.html")
    for where in ("#track-doha", "#sources"):
        expect(page.locator(where).get_by_text(HOSTILE_TEXT).first).to_be_visible()
    page.goto(served + "tracks/doha.html")
    expect(page.locator("main").get_by_text(HOSTILE_TEXT).first).to_be_visible()
    page.goto(served + "search.html?q=alert")
    expect(page.locator("#search-status")).to_contain_text("results for “alert”")
    expect(page.locator("#search-results").get_by_text("script>alert").first).to_be_visible()
    for url in (served + "index.html", served + "tracks/doha.html", served + "search.html?q=onerror"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
        assert scripts == (["search.js"] if "search" in url else []), url  # over http the index is fetched as JSON
    assert not [url for url in session.requests if urlsplit(url).path.endswith("/x")]  # no <img src=x> was made
    session.assert_clean((served,))


def test_the_feed_parses_over_http(served):
    feed = feedparser.parse(served + "atom.xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and len(feed.entries) == 4
    assert all(entry.link.startswith("http://localhost:8000/digests/") for entry in feed.entries)  # [site] base_url
    with urllib.request.urlopen(served + "sitemap.xml") as response:
        assert response.headers["Content-Type"] == "application/xml"


def test_works_from_the_disk(browser, site_home):
    session = open_session(browser)
    page = session.page
    index = site_home / "site" / "index.html"
    page.goto(index.as_uri())
    page.locator("li.digest-entry h3 a").nth(1).click()
    page.wait_for_url("**/digests/2025-01-08-*.html")
    page.get_by_role("link", name="Newer: Thursday 6 March 2025").click()
    page.wait_for_url("**/digests/2025-03-06-*.html")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Other developments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Other developments")
    page.locator("#site-q").fill(day_word(0))
    page.locator("#site-q").press("Enter")
    expect(page.locator("#search-status")).to_have_text(f"44 results for “{day_word(0)}”.")
    assert all(url.startswith("file://") for url in session.requests)
    assert any(url.endswith("search-index.js") for url in session.requests)  # fetch() is not allowed from file://
    session.assert_clean((index.parent.as_uri(),))
    page.context.close()


def test_works_from_a_sub_path(browser, site_home):
    """The site's folder served as /home/site/ by a plain static server, not at the root."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site_home.parent))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/home/site/"
    session = open_session(browser)
    statuses: list[tuple[int, str]] = []
    session.page.on("response", lambda response: statuses.append((response.status, response.url)))
    try:
        page = session.page
        page.goto(base + "index.html")
        page.locator("li.digest-entry h3 a").first.click()
        page.get_by_role("navigation", name="Site").get_by_role("link", name="Doha talks").click()
        page.get_by_role("link", name="Briefing archive").click()
        page.wait_for_url(base + "index.html")
        page.goto(base + "search.html?q=doha")
        expect(page.locator("#search-status")).to_contain_text("results for “doha”")
        assert {status for status, _ in statuses} == {200}, [s for s in statuses if s[0] != 200]
        assert all(url.startswith(base) for _, url in statuses)
        session.assert_clean((base,))
    finally:
        session.page.context.close()
        server.shutdown()
        server.server_close()


CONTRAST_CHECK = """() => {
  // Every element with its own visible text: its colour against the first opaque background behind it.
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                               if (c.length === 3 || c[3] > 0.9) return c.slice(0, 3); } return [255, 255, 255]; };
  const low = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.display === 'none' || style.visibility === 'hidden' || el.offsetWidth === 0) continue;
    const a = lum(rgb(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(el.tagName + '.' + el.className + ': ' + ratio.toFixed(2));
  }
  return low;
}"""


def test_readable_on_a_phone_with_enough_contrast_and_a_print_style(browser, served):
    session = open_session(browser, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = session.page
    try:
        page.goto(served + "index.html")
        digest_url = page.locator("li.digest-entry h3 a").first.get_attribute("href")
        for path in ("index.html", digest_url + "#src-1", "tracks/doha.html", "search.html?q=hostage+talks"):
            page.goto(served + path)
            if path.startswith("search"):
                expect(page.locator("#search-results li").first).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{path} scrolls sideways on a phone"
            assert page.evaluate(CONTRAST_CHECK) == [], path
            expect(page.locator("main")).to_be_visible()
        page.emulate_media(media="print")
        page.goto(served + digest_url)
        expect(page.locator(".site-bar")).to_be_hidden()
        expect(page.locator(".digest-tools")).to_be_hidden()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        session.assert_clean((served,))
    finally:
        page.context.close()
