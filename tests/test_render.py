"""Renderers on a briefing assembled from hand-made summaries: page, PDF, email, templates, files."""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pypdf
import pytest
from briefing_sample import (
    HOSTILE,
    NOW,
    WINDOW,
    all_text,
    article,
    element_names,
    heading_levels,
    parse_strict,
    sample_briefing,
    summaries,
)

from digest.briefing import assemble_briefing
from digest.config import load_config
from digest.errors import TemplateError, TemplateMissing
from digest.models import Figure, Summary, SummarySentence
from digest.render import (
    EMAIL_BUDGET,
    render_email,
    render_html,
    render_pdf,
    write_briefing,
    write_file,
)


def config_from(tmp_path, toml: str, templates: dict[str, str] | None = None):
    """A config read from a digest.toml holding `toml`, with a templates folder "t" when given."""
    if templates:
        (tmp_path / "t").mkdir()
        for name, text in templates.items():
            (tmp_path / "t" / name).write_text(text)
        toml = '[render]\ntemplates = "t"\n' + toml
    path = tmp_path / "digest.toml"
    path.write_text(toml)
    return load_config(path)


@pytest.fixture
def briefing(config):
    return sample_briefing(config)


def test_page_is_valid_html5_with_lang_and_headings_in_order(briefing, config):
    tree = parse_strict(render_html(briefing, config))
    assert tree.get("lang") == "en"
    levels = heading_levels(tree)
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    headings = [all_text(el).strip() for el in tree.iter("h2")]
    assert headings[:2] == ["Top lines", "In this briefing"]
    assert ["Doha talks", "Cairo talks", "Direct US–Hamas contacts"] == headings[2:5]
    assert "Sources" in headings


def test_page_has_counts_citations_and_sources(briefing, config):
    html = render_html(briefing, config)
    tree = parse_strict(html)
    # every citation marker links to a numbered source entry that exists
    targets = {el.get("href")[1:] for el in tree.iter("a") if (el.get("href") or "").startswith("#src-")}
    ids = {el.get("id") for el in tree.iter("li") if el.get("id")}
    assert targets and targets <= ids
    assert {"src-1", "src-2", "src-3", "src-4"} <= ids
    assert "2 articles outside the briefing’s scope were left out." in all_text(tree)
    assert "Also published by Gulf Times." in all_text(tree)  # the same-outlet copy is not listed
    assert "reported before" in all_text(tree)
    assert "configuration " + config.config_hash in all_text(tree)


def test_article_markup_stays_text_in_page_and_email(briefing, config):
    for html in (render_html(briefing, config), render_email(briefing, config).html):
        tree = parse_strict(html)
        names = element_names(tree)
        assert "script" not in names and "img" not in names
        assert not any(el.get("onerror") for el in tree.iter() if isinstance(el.tag, str))
        assert '<script>alert("x")</script>' in all_text(tree)
        hrefs = [el.get("href") for el in tree.iter("a")]
        assert not any(h.lower().startswith("javascript") for h in hrefs if h)
    assert HOSTILE in render_email(briefing, config).text


def test_pdf_is_typeset_with_metadata_bookmarks_and_fonts(briefing, config):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(briefing, config)))
    assert len(reader.pages) >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    pages = len(reader.pages)
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    assert text.count("Gaza Ceasefire Negotiations Briefing") >= pages  # title block, then the running header
    assert '<script>alert("x")</script>' in text  # article markup shows as text
    meta = reader.metadata
    assert meta.title.startswith("Gaza Ceasefire Negotiations Briefing")
    assert meta.author == config.render.author
    assert meta.creation_date == NOW
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert {"Doha talks", "Cairo talks", "Direct US–Hamas contacts", "Sources"} <= set(outline)
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font else font["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{font['/BaseFont']} not embedded"
            fonts.add(str(font["/BaseFont"]))
    assert any("Arabic" in f for f in fonts) and any("Hebrew" in f for f in fonts), fonts
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4


def test_pdf_css_is_all_understood(briefing, config, caplog):
    """WeasyPrint skips CSS it cannot read with a warning; the shipped templates cause none."""
    with caplog.at_level("WARNING", logger="weasyprint"):
        render_pdf(briefing, config)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_pdf_contents_give_each_tracks_page(briefing, config):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(briefing, config)))
    first = reader.pages[0].extract_text()
    for section in briefing.sections:
        page = next(i + 1 for i, p in enumerate(reader.pages[1:], start=1) if section.title in p.extract_text())
        assert f"{section.title} {section.count} {page}" in first


def test_letter_paper_by_config(briefing, tmp_path):
    config = config_from(tmp_path, '[render]\npaper = "Letter"\n')
    page = pypdf.PdfReader(io.BytesIO(render_pdf(briefing, config))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_email_html_is_inlined_small_and_dark_mode_ready(briefing, config):
    html = render_email(briefing, config).html
    assert len(html.encode()) < EMAIL_BUDGET
    tree = parse_strict(html)
    metas = {el.get("name"): el.get("content") for el in tree.iter("meta")}
    assert metas["color-scheme"] == "light dark"
    styles = "".join(all_text(el) for el in tree.iter("style"))
    assert "prefers-color-scheme: dark" in styles.replace(":dark", ": dark")
    assert "h2{" not in styles.replace(" ", "")  # ordinary rules were moved onto the elements
    assert 'style="' in html and "<table" in html
    h1 = next(tree.iter("h1"))
    assert "color:" in h1.get("style") and "#1f3a5f" in h1.get("style")  # explicit colours, not client defaults


def test_email_text_is_wrapped_at_72_with_numbered_references(briefing, config):
    text = render_email(briefing, config).text
    for line in text.splitlines():
        assert len(line) <= 72 or " " not in line.strip(), line
    assert "\nSOURCES\n" in text
    assert "[1] Al Jazeera, “Talks resume in Doha" in text
    assert "    https://example.org/doha-talks" in text
    assert "in Doha on Wednesday. [1, 2]" in text.replace("\n   ", "")
    assert "javascript:" not in text  # only http(s) addresses are printed as links


@pytest.fixture
def large_briefing(config):
    """800 articles in one section; sentences cite articles 1 to 5 and 600 (numbers 2-6, 601)."""
    many = tuple(
        article(i, f"Article number {i} about the talks in Doha and the hostage deal", f"Outlet {i}",
                url=f"https://example.org/news/{i}/a-long-path-for-the-article-about-the-talks")
        for i in range(1, 801)
    )
    summary = Summary(
        articles=many,
        sentences=tuple(SummarySentence(f"Sentence {i} about the talks.", (i,), 1.0) for i in (1, 2, 3, 4, 5, 600)),
        one_liners=tuple(f"One line about article {i} and why it matters to the talks." for i in range(800)),
        track="doha",
    )
    return assemble_briefing(config, WINDOW, ("doha",), {"doha": summary}, [summary.sentences[0]], now=NOW)


def test_large_section_lists_cited_articles_and_points_to_sources(large_briefing, config):
    tree = parse_strict(render_html(large_briefing, config))
    section = next(el for el in tree.iter("section") if el.get("id") == "track-doha")
    listed = [all_text(li) for li in section.iter("li") if "article-title" in "".join(
        c.get("class") or "" for c in li)]
    assert len(listed) == 25
    assert any("Article number 601 " in text for text in listed)  # cited, so listed although old
    assert "775 more articles in this section are listed under Sources (numbers 1 to 800)." in " ".join(all_text(section).split())
    assert len([li for li in tree.iter("li") if (li.get("id") or "").startswith("src-")]) == 800


def test_email_stays_under_budget_for_a_large_briefing(large_briefing, config):
    briefing = large_briefing
    email = render_email(briefing, config)
    assert len(email.html.encode()) < EMAIL_BUDGET
    assert "794 further articles are listed in the PDF." in email.html
    assert "Sentence 4 about the talks." in email.html


def test_user_templates_come_first_and_missing_names_every_path(briefing, tmp_path):
    page = "<!DOCTYPE html><html lang=en><title>t</title><p>{{ briefing.title }} by me</p>"
    config = config_from(tmp_path, "", {"briefing.html": page})
    folder = tmp_path / "t"
    assert render_html(briefing, config).endswith("Gaza Ceasefire Negotiations Briefing by me</p>")
    # the built-in email template is still found
    assert "<table" in render_email(briefing, config).html
    with pytest.raises(TemplateMissing) as exc:
        render_html(briefing, config, template="nosuch.html")
    message = str(exc.value)
    assert str(folder / "nosuch.html") in message and "templates/nosuch.html" in message
    assert message.count("nosuch.html") >= 2


def test_missing_included_template_names_paths(briefing, tmp_path):
    config = config_from(tmp_path, "", {"briefing.html": "{% include 'gone.css' %}"})
    with pytest.raises(TemplateMissing, match="gone.css.*searched"):
        render_html(briefing, config)


def test_broken_template_is_a_clear_error(briefing, tmp_path):
    config = config_from(tmp_path, "", {"email.txt": "{% for x in %}"})
    with pytest.raises(TemplateError, match="email.txt, line 1"):
        render_email(briefing, config)
    # nothing was written: everything is rendered before any file is touched
    out = tmp_path / "out"
    with pytest.raises(TemplateError):
        write_briefing(briefing, config, out)
    assert not out.exists() or not any(out.iterdir())


def test_write_file_replaces_atomically(tmp_path):
    target = tmp_path / "deep" / "briefing.html"
    write_file(target, "old")
    assert target.read_text() == "old" and oct(target.stat().st_mode & 0o777) == "0o644"
    with pytest.raises(UnicodeEncodeError):
        write_file(target, "new \udcff")  # fails part-way, after the temporary file exists
    assert target.read_text() == "old"
    assert os.listdir(target.parent) == ["briefing.html"]
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(target.parent) == ["briefing.html"]


def test_write_briefing_writes_each_format(briefing, config, tmp_path):
    files = write_briefing(briefing, config, tmp_path / "b", ["html", "email"])
    assert sorted(p.name for p in files.values()) == ["briefing.html", "email.html", "email.txt"]
    with pytest.raises(ValueError, match="unknown format"):
        write_briefing(briefing, config, tmp_path / "c", ["docx"])


def test_empty_briefing_says_so(config):
    briefing = assemble_briefing(config, WINDOW, ("doha", "cairo", "other"), {}, [], now=NOW)
    html = render_html(briefing, config)
    tree = parse_strict(html)
    assert "No new articles in this window." in all_text(tree)
    assert all_text(tree).count("No new coverage in this window.") == 2  # doha, cairo; the empty catch-all is left out
    assert "No new articles in this window." in render_email(briefing, config).text
    assert len(pypdf.PdfReader(io.BytesIO(render_pdf(briefing, config))).pages) >= 1


def test_dates_follow_the_configured_time_zone(briefing, tmp_path):
    config = config_from(tmp_path, '[schedule]\ntimezone = "Asia/Jerusalem"\n')
    late = replace(briefing, window_end=datetime(2025, 3, 6, 22, 30, tzinfo=UTC), timezone="Asia/Jerusalem",
                   window_start=datetime(2025, 3, 6, 22, 30, tzinfo=UTC) - timedelta(days=1))
    text = render_email(late, config).text
    assert "to 7 Mar 2025, 00:30 (Asia/Jerusalem)" in text.replace("\n", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("title, shown", [
    ("Talks resume in Doha", "Talks resume in Doha. Al Jazeera"),
    ("Hamas negotiators hold talks in Cairo.", "Hamas negotiators hold talks in Cairo. Al Jazeera"),
    ("Will the truce hold?", "Will the truce hold? Al Jazeera"),
])
def test_email_text_article_list_ends_a_title_with_one_stop(briefing, config, title, shown):
    def retitled(source):
        return replace(source, title=title) if source.number == 1 else source

    changed = replace(
        briefing,
        sources=tuple(map(retitled, briefing.sources)),
        sections=tuple(replace(s, articles=tuple(map(retitled, s.articles))) for s in briefing.sections),
    )
    text = " ".join(render_email(changed, config).text.split())
    assert shown in text
    assert ".." not in text.replace("...", "")


def test_a_briefing_spanning_days_dates_each_line_and_a_day_s_briefing_does_not(config):
    groups = summaries()
    doha = groups["doha"]
    early = replace(doha.articles[0], published=datetime(2025, 3, 1, 9, 0, tzinfo=UTC))  # four days before the rest
    spread = {**groups, "doha": replace(doha, articles=(early, doha.articles[1]))}
    top = [spread["doha"].sentences[0], spread["cairo"].sentences[0]]
    briefing = assemble_briefing(config, WINDOW, ("doha", "cairo", "us_hamas"), spread, top, now=NOW)
    doha_lines = briefing.sections[0].lines
    assert [line.published.date() for line in doha_lines] == [date(2025, 3, 1), date(2025, 3, 5), date(2025, 3, 1)]
    assert briefing.top_lines[0].published == early.published
    page = render_html(briefing, config)
    assert re.search(r"resumed indirect talks in Doha on Wednesday\..*?1\u00a0Mar\u00a02025", page, re.S)
    text = render_email(briefing, config).text
    assert re.search(r"resumed\s+indirect\s+talks\s+in\s+Doha\s+on\s+Wednesday\.\s+\[1,\s+2\],\s+1\u00a0Mar\u00a02025", text)
    # one day's articles: the dates would only repeat the briefing's
    same_day = sample_briefing(config)
    assert all(line.published is None for s in same_day.sections for line in s.lines)
    assert "class=\"when\"" not in render_html(same_day, config)
    # articles with no publication date of their own give none
    received = {k: replace(v, articles=tuple(replace(a, published=None, first_seen=a.published) for a in v.articles))
                for k, v in spread.items()}
    assert all(line.published is None for s in assemble_briefing(config, WINDOW, ("doha",), received, [], now=NOW).sections
               for line in s.lines)


def test_a_key_figure_s_long_list_of_sources_may_wrap_in_the_page_and_the_email(config):
    # a figure that a month of articles all give cites dozens of them: wrapped, never off the page
    html = render_email(sample_briefing(config), config).html
    figure_cites = re.findall(r'<span class="cite figure-cites" style="([^"]*)"', html)
    assert figure_cites and all("white-space:normal" in style for style in figure_cites)
    page = render_html(sample_briefing(config), config)
    assert re.search(r"\.figures td\.n, \.figures td\.n \.cite \{ white-space: normal; \}", page)


def test_a_sum_that_says_only_its_currency_is_printed_without_it_again(config):
    groups = summaries()
    groups["doha"] = replace(groups["doha"], figures=(
        Figure("$1.2 billion", "dollars", "dollars", "Donors pledged $1.2 billion.", (0,)),
        Figure("$53 billion", "reconstruction plan", "dollars", "A $53 billion reconstruction plan.", (0,))))
    briefing = assemble_briefing(config, WINDOW, ("doha",), {"doha": groups["doha"]}, [], now=NOW)
    page, mail = render_html(briefing, config), render_email(briefing, config)
    for text in (page, mail.text, mail.html):
        assert "billion dollars" not in text and "reconstruction plan" in text
    assert re.search(r'<span class="value">\$1\.2 billion</span>\s*</td>', page)
