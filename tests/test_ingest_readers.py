"""Readers on realistic inputs (tests/resources/inbox): HTML, JSON, email, Markdown, plain text
in several encodings."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from conftest import RESOURCES

from digest.errors import InputError
from digest.ingest import document_to_article, iter_documents, read_path

INBOX = RESOURCES / "inbox"


def _one(path):
    (doc,) = read_path(path, 10**6)
    return doc


def test_html_news_page_metadata_and_main_text():
    article = document_to_article(_one(INBOX / "news_page.html"))
    assert article.title == "Mediators press for phased truce as delegations gather in Cairo"
    assert article.author == "Miriam Okafor"
    assert article.outlet == "The Harbour Ledger"
    assert article.url == "https://harbourledger.example/world/2024/03/04/mediators-phased-truce-cairo"
    # the page states the time of day; a briefing window needs it
    assert article.published == datetime(2024, 3, 4, 9, 15, tzinfo=UTC)
    assert article.paragraphs[0].startswith("Egyptian and Qatari mediators on Monday put a three-phase plan")
    assert article.paragraphs[-1].startswith("Negotiators from both sides were expected to remain")
    assert len(article.paragraphs) == 5
    for furniture in ("Subscribe", "Share on", "cookies", "Aid convoys stalled", "Shipping insurers",
                      "mark my words", "Leave a comment", "All rights reserved", "Sign up", "Ledger Photo"):
        assert furniture not in article.text, furniture


def test_html_time_of_day_just_after_midnight_east_of_greenwich(tmp_path):
    # 00:12 in Cairo on 7 May is 21:12 UTC on 6 May: the page's day (the 7th) is its own zone's,
    # and the time it states is kept, not the day's midnight
    page = (INBOX / "news_page.html").read_text(encoding="utf-8")
    stamp = re.search(r'<meta property="article:published_time" content="([^"]+)"', page)
    assert stamp, "the resource page carries article:published_time"
    path = tmp_path / "late.html"
    page = page.replace(stamp.group(1), "2024-05-07T00:12:00+03:00").replace("2024-03-04", "2024-05-07")
    path.write_text(page.replace("March 4, 2024", "May 7, 2024").replace("2024/03/04", "2024/05/07"), encoding="utf-8")
    assert document_to_article(_one(path)).published == datetime(2024, 5, 6, 21, 12, tzinfo=UTC)


def test_json_object_with_documented_fields():
    article = document_to_article(_one(INBOX / "aid_lull.json"))
    assert article.title == "Aid deliveries climb during a lull in the fighting"
    assert article.author == "Omar Saleh and Ruth Klein"  # a list of names
    assert article.published == datetime(2024, 4, 11, 3, 45, tzinfo=UTC)  # +03:00 in the file
    assert (article.outlet, article.place) == ("Crossing Point News", "Rafah")
    assert article.url == "https://crossingpoint.example/aid-lull"
    assert len(article.paragraphs) == 3


def test_json_list_with_alternative_field_names():
    first, second = read_path(INBOX / "wire_batch.json", 10**6)
    assert first.location.endswith("wire_batch.json#0") and second.location.endswith("wire_batch.json#1")
    assert (first.title, first.author, first.outlet, first.url) == (
        "Mediators urge both sides to drop preconditions", "Sam Ortiz", "Gulf Wire", "https://gulfwire.example/preconditions"
    )
    assert first.published == datetime(2024, 5, 14, 8, 0, tzinfo=UTC)  # RFC 2822
    assert second.title == "Families of captives meet envoy in Washington" and second.published is None


def test_json_list_bad_object_is_its_own_error(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text('[{"title": "Good one", "text": "Mediators met in Cairo on Monday to discuss the lists."},'
                    ' {"title": "No text here"}, {"title": 5, "text": "x"}, "not an object"]')
    results = list(iter_documents([str(path)], 10**6))
    assert [type(r).__name__ for _, r in results] == ["Document", "InputError", "InputError", "InputError"]
    assert "batch.json#1: article object has no 'text'" in str(results[1][1])
    assert "field 'title' must be a string" in str(results[2][1])
    with pytest.raises(InputError, match="batch.json#1"):
        read_path(path, 10**6)


def test_plain_email_newsletter():
    doc = _one(INBOX / "newsletter_plain.eml")
    article = document_to_article(doc)
    assert article.title == "Morning Brief: Negotiators return to Doha after Eid break"
    assert article.outlet == "Middle East Morning Brief"  # the sender
    assert article.published == datetime(2024, 6, 17, 5, 30, tzinfo=UTC)
    # quoted-printable soft line breaks are joined
    assert "after a pause for the Eid holiday, according to officials in the Qatari capital." in article.text
    for furniture in ("View this email", "Forward to a friend", "Unsubscribe"):
        assert furniture not in article.text


def test_html_only_email():
    article = document_to_article(_one(INBOX / "html_only.eml"))
    assert article.title == "Statement on the resumption of talks in Cairo"
    assert article.outlet == "Press Office"
    assert article.published == datetime(2024, 6, 19, 9, 5, tzinfo=UTC)  # +0200 in the header
    assert "The ministry’s delegation will remain in the Egyptian capital" in article.text
    assert "<p>" not in article.text and "&#8217;" not in article.text


def test_multipart_email_prefers_plain_text_and_ignores_attachments():
    article = document_to_article(_one(INBOX / "multipart.eml"))
    assert article.title == "Envoy’s shuttle visit ends without a deal"  # RFC 2047 encoded subject
    assert article.outlet == "Regional Desk"
    assert article.published == datetime(2024, 6, 20, 22, 40, tzinfo=UTC)
    assert "HTML VERSION ONLY" not in article.text and "JVBERi0" not in article.text
    assert "the remaining disputes were “few but hard”" in article.text


def test_markdown_front_matter_and_markup():
    article = document_to_article(_one(INBOX / "markdown_brief.md"))
    assert article.title == "Envoys weigh a shorter first phase in Cairo"
    assert (article.author, article.outlet) == ("Laila Haddad", "Regional Monitor")
    assert article.published == datetime(2024, 5, 2, 14, 30, tzinfo=UTC)
    assert article.url == "https://regionalmonitor.example/envoys-shorter-first-phase"
    assert "whether a shorter first phase could unlock the stalled talks." in article.text
    assert '"A shorter phase is easier to sell at home," one diplomat said.' in article.paragraphs
    assert "Aid deliveries would rise to 500 trucks a day during the pause." in article.paragraphs
    for markup in ("**", "](", "![", "> ", "---", "# "):
        assert markup not in article.text, markup


def test_plain_text_saved_from_a_page_keeps_no_markdown_image_and_keeps_a_link_s_words(tmp_path):
    (tmp_path / "saved.txt").write_text(
        "Three hostages freed in Deir el-Balah\n\n"
        "![Fighters escort hostages (L-R, holding certificates) on a stage in Deir el-Balah, central Gaza, on "
        "February 8, 2025.](https://example.org/uploads/hostages-768x512.jpg)\n"
        "Three hostages were freed on Saturday after talks in [Doha](https://example.org/doha \"Doha\") and Cairo, "
        "officials said.\n", encoding="utf-8")
    article = document_to_article(_one(tmp_path / "saved.txt"))
    assert article.text == "Three hostages were freed on Saturday after talks in Doha and Cairo, officials said."


def test_plain_text_first_line_is_the_headline():
    article = document_to_article(_one(INBOX / "cairo_round.txt"))
    assert article.title == "Hostage talks resume in Cairo as Egypt tables a revised timetable"
    assert (article.author, article.place) == ("Jane Doe and John Roe", "Cairo")
    assert article.text.startswith("Egyptian mediators presented a revised timetable")


ACCENTED = "Café owners said it’s “déjà vu” for Gaza’s négociateurs"
BODY = "The envoy’s team met in a café near the Corniche, where officials called the proposal “a real chance”."


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le", "utf-8-sig", "utf-8"])
def test_encodings_are_decoded_not_rejected(tmp_path, encoding):
    """"utf-16" writes a BOM, "utf-16-le" none; cp1252 is the usual legacy Windows encoding."""
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(f"{ACCENTED}\n\n{BODY}\n".encode(encoding))
    doc = _one(path)
    assert doc.title == ACCENTED
    assert BODY in doc.body


def test_cp1252_html_page(tmp_path):
    page = (INBOX / "news_page.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.replace("authorised", "authorisé").encode("cp1252"))
    doc = _one(path)
    assert "“We are closer than we have been in weeks" in doc.body
    assert "was not authorisé to brief reporters" in doc.body


def test_hard_wrapped_plain_text_email_is_unwrapped():
    article = document_to_article(_one(RESOURCES / "email" / "wrapped.eml"))
    assert article.title == "Ceasefire Watch: mediators set a new deadline"
    assert article.paragraphs == [
        "Mediators in Cairo set a new deadline of Friday for both sides to answer the latest proposal, according to "
        "two Egyptian officials who spoke to Ceasefire Watch on Monday evening. The officials said the deadline was "
        "meant to prevent the talks from drifting into the summer.",
        "The proposal would begin with a six-week pause in fighting and the release of women, children and elderly "
        "hostages, followed by talks on a permanent end to the war. Israeli and Hamas negotiators have both "
        "described it as a basis for discussion.",
        '"We have never been closer, and we have never been so stuck," one official said',
        "In Doha, Qatari officials said they were in daily contact with both delegations.",
    ]


def test_sloppy_html_with_unclosed_tags_still_yields_the_article(tmp_path):
    page = (INBOX / "news_page.html").read_text(encoding="utf-8")
    sloppy = page.replace("</p>", "").replace("</div>", "").replace("</article>", "")
    sloppy = sloppy[: sloppy.index("<footer")]  # cut off before the end, as a failed download would be
    path = tmp_path / "sloppy.html"
    path.write_text(sloppy, encoding="utf-8")
    article = document_to_article(_one(path))
    assert article.title == "Mediators press for phased truce as delegations gather in Cairo"
    assert article.paragraphs[0].startswith("Egyptian and Qatari mediators on Monday put a three-phase plan")
    assert article.paragraphs[-1].startswith("Negotiators from both sides were expected to remain")
    assert len(article.paragraphs) == 5 and "cookies" not in article.text and "Sign up" not in article.text


LEAD = ("Qatar said on Tuesday that more time was needed for negotiations on a Gaza ceasefire between "
        "Israel and Hamas, after two days of indirect talks in Doha.")
SECOND = "The mediators met both delegations separately on Monday evening, officials said."


@pytest.mark.parametrize(("above", "title"), [
    ("CNN —", None),  # a source credit
    ("AFP:", None),
    ("By Jane Doe, Regional Monitor, Jerusalem", None),  # a byline (it becomes the author)
    ("2 min read", None),
    ("gaza aid-1709823574255", None),  # an image's file name
    ("REUTERS/Hatem Khaled", None),
    ("© JIM WATSON / AFP", None),
    ("Logo\nLogo\nLogo", None),
    ("Jane Doe, John Roe", None),  # only names
    ("Hassan Al-Warfali (Cairo)", None),  # a writer and the city
    ("Unlock the White House Watch newsletter for free\n"
     "Your guide to what Trump’s second term means for Washington, business and the world", None),  # a newsletter
    ("A Palestinian man inspects the damage at the site of an air strike in Gaza city. AFP", None),  # a caption and credit
    ("A man holds a cat outside a tent at a camp for displaced Palestinians in Rafah.—AFP", None),
    ("Children queue for water at a camp for displaced Palestinians in Deir al-Balah.–REUTERS", None),  # en dash
    ("DOHA, August 15.", None),  # a dateline alone
    ("US News\n\narticle", None),  # section labels above a lead: no headline at all
    ("Logo\nLogo\n\nARAB AND WORLD\n\nWed 12 Mar 2025 12:02 pm - Jerusalem Time", None),  # a section in capitals, a date
    ("Prime Minister Netanyahu meets with the US envoy. (X Screenshot)", None),  # a caption
])
def test_lines_that_are_never_a_headline_give_way_to_the_lead(tmp_path, above, title):
    path = tmp_path / "story.txt"
    path.write_text(f"{above}\n\n{LEAD}\n\n{SECOND}\n", encoding="utf-8")
    article = document_to_article(_one(path))
    assert article.title == (title or LEAD)
    assert article.paragraphs[0] == LEAD  # the lead stays in the body
    assert above.split("\n")[0] not in article.text


@pytest.mark.parametrize(("first", "title"), [
    ("- Ceasefire to begin on Sunday in Gaza", "Ceasefire to begin on Sunday in Gaza"),  # a bullet
    ("11/09/2024 November 9, 2024 Qatar pulls out of Gaza cease-fire talks", "Qatar pulls out of Gaza cease-fire talks"),
    ("U.S. and Israel Give Hamas an Ultimatum: Agree, or Israel Will ‘Finish the Job’",
     "U.S. and Israel Give Hamas an Ultimatum: Agree, or Israel Will ‘Finish the Job’"),  # a quote ends it, no stop
    # a video story's headline, which in the body would point to another story
    ("Watch: Ice Cream Diplomacy: Biden Hopes for a Ceasefire by Monday", "Watch: Ice Cream Diplomacy: Biden Hopes for a Ceasefire by Monday"),
])
def test_a_headline_line_loses_what_stands_before_it(tmp_path, first, title):
    path = tmp_path / "story.txt"
    path.write_text(f"{first}\n\n{LEAD}\n\n{SECOND}\n", encoding="utf-8")
    article = document_to_article(_one(path))
    assert article.title == title and article.paragraphs[0] == LEAD


@pytest.mark.parametrize("lead", [
    "WASHINGTON/JERUSALEM - " + LEAD, "Washington DC - " + LEAD, "JERUSALEM: " + LEAD, "DOHA, August 15. /TASS/. " + LEAD,
    " date 2024-02-27 " + LEAD,  # a stored page's stamp run into the lead
])
def test_a_text_that_opens_with_its_lead_is_titled_by_its_first_sentence_without_the_dateline(tmp_path, lead):
    path = tmp_path / "story.txt"
    path.write_text(f"{lead}\n\n{SECOND}\n", encoding="utf-8")
    article = document_to_article(_one(path))
    assert article.title == LEAD
    assert LEAD in article.text and SECOND in article.text


def test_a_text_that_opens_with_a_quotation_is_titled_by_the_whole_of_it(tmp_path):
    quoted = ("\"There are no signs from the talks that the group is moving. There is no reason for optimism,\" "
              "said three Israeli officials.")
    path = tmp_path / "story.txt"
    path.write_text(f"{quoted}\n\n{SECOND}\n", encoding="utf-8")
    article = document_to_article(_one(path))
    assert article.title == quoted and quoted in article.text


def test_a_short_headline_above_a_date_and_the_lead_stays_the_headline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(f"Hamas rejects proposal\n\nWed 12 Mar 2025 12:02 pm\n\n{LEAD}\n\n{SECOND}\n", encoding="utf-8")
    assert document_to_article(_one(path)).title == "Hamas rejects proposal"


def test_a_page_menu_gives_way_to_the_headline_the_page_repeats(tmp_path):
    path = tmp_path / "story.txt"
    headline = "Biden urges Hamas to accept new Israeli ceasefire plan"
    path.write_text(f"Home Part of States Newsroom\n{headline}\n\n{headline}\n\n{LEAD}\n\n{SECOND}\n", encoding="utf-8")
    assert document_to_article(_one(path)).title == headline


def test_inline_html_in_a_text_file_is_taken_out(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text('Hamas frees a hostage\n\n<b>Live:</b> <a href="https://x.example/tags/hamas">Hamas</a> on Monday '
                    'released a US-Israeli soldier held in <a href="https://x.example/gaza">Gaza</a> &amp; thanked Qatar.\n',
                    encoding="utf-8")
    article = document_to_article(_one(path))
    assert article.text == "Live: Hamas on Monday released a US-Israeli soldier held in Gaza & thanked Qatar."
