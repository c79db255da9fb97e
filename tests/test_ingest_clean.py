"""Cleaning hard articles written for these tests (tests/resources/cleaning), not the seeds:
every real sentence survives, every piece of furniture goes, bylines and datelines become metadata."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest
from conftest import RESOURCES

from digest.ingest import document_to_article, read_path
from digest import dateline
from digest.ingest.clean import clean_body, parse_byline, reads_as_sentence
from digest.ingest.timestamps import is_date_line, parse_date_line

CLEANING = RESOURCES / "cleaning"


def _article(name: str):
    (doc,) = read_path(CLEANING / name, 10**6)
    return document_to_article(doc)


# Every sentence of the story itself, as it must appear in the cleaned text.
REAL_SENTENCES = {
    "wire_furniture.txt": [
        "Mediators from Qatar and Egypt said on Sunday that negotiators had narrowed their differences over the release of hostages, though several issues remained open.",
        "The proposal under discussion would free 40 hostages in exchange for a six-week pause, two officials said.",
        "Talks resumed on Sunday.",
        "He declined to comment.",
        '"We are not there yet," a Qatari official said. "But we are closer."',
        "The Israeli delegation, led by the head of the Mossad, was expected to travel to Doha on Monday, according to an official briefed on the plans.",
        "I have not slept since October, said Noor, whose brother is among the captives, as she waited outside the hotel.",
    ],
    "agency_dateline.txt": [
        "Israeli negotiators flew to Cairo on Sunday for a fresh round of indirect talks, officials said, as mediators tried to secure a truce before the start of Ramadan.",
        "The talks were expected to focus on the number of prisoners to be released for each hostage, according to an Egyptian official.",
        'A U.S. official said Washington believed a deal was "within reach" if both sides showed flexibility.',
        "Hamas has said any agreement must lead to a permanent end to the war.",
        "Associated Press writer Sam Magdy in Cairo contributed to this report.",
    ],
    "blog_furniture.txt": [
        "Egyptian officials hosted a new round of talks on Tuesday about reopening the Rafah crossing, with delegations from the European Union and the Palestinian Authority in attendance.",
        "The crossing has been closed to most traffic since May, leaving thousands of patients waiting for permission to leave for treatment abroad.",
        'An EU official said the bloc was ready to redeploy its border assistance mission "as soon as there is an agreement among the parties."',
        "Egyptian state media said the talks would continue on Wednesday.",
    ],
    "theme_furniture.txt": [
        "Qatar and Egypt are drafting a joint statement that would set a date for the next round of talks, two diplomats said on Thursday.",
        "It did not.",
        'That was the question put to a senior Qatari official, who answered that a date "depends on the answers we receive this week."',
        "The statement, the diplomats said, would also call on both parties to:",
        "refrain from steps that could derail the talks",
        "allow aid convoys to reach the north without delay",
        "Egyptian officials have been more cautious in public, saying only that contacts were continuing.",
    ],
}

FURNITURE = {
    "wire_furniture.txt": [
        "World | Middle East", "By JANE DOE", "5 min read", "Updated March 3, 2024", "Share this article",
        "Share on Facebook", "Share on X", "Copy link", "GAZA CITY (Reuters)", "Advertisement",
        "Residents walk past damaged buildings", "AP Photo", "Read more", "Why do the ceasefire talks keep stalling?",
        "Families gather in Tel Aviv", "We use cookies", "By continuing to browse", "Accept cookies",
        "Sign up for our free Middle East newsletter", "Follow us on X", "More on this story",
        "Israel's cabinet to meet on Tuesday", "Aid groups warn of famine", "Who are the mediators in the Gaza talks?",
        "Egypt reopens its crossing", "Reporting by", "Editing by", "Copyright 2024", "All rights reserved",
        "I am a Gaza-based journalist", "My articles have appeared",
    ],
    "agency_dateline.txt": [
        "By Jane Doe", "JERUSALEM, March 3 (AP)", "(AP Photo/Ohad Zwigenberg)", "Image caption",
        "Protesters in Tel Aviv call for a deal", "Copyright 2024 The Associated Press", "may not be published",
    ],
    "blog_furniture.txt": [
        "Posted by", "3 Comments", "CAIRO —", "Tags:", "Share:", "2.4K Shares", "1,208 Views", "You may also like",
        "Qatar says mediation is at a critical stage", "Hostage families plan a march", "The cost of rebuilding Gaza",
        "Click here to download our app", "Karim Nasser is a senior correspondent", "Follow him on X",
        "Leave a comment", "Your email address will not be published", "Required fields", "Name *", "Email *",
        "Save my name", "Post Comment",
    ],
    "theme_furniture.txt": [
        "Home", "Middle East", "Edition", "Login", "Subscribe", "by Ahmed Fathy", "March 14, 2024", "Tweet", "Pin",
        "Print", "ALSO READ", "Envoys weigh a shorter first phase", "Trending Now", "Hostage families march",
        "Prices of flour", "Load more", "Previous article", "Red Sea shipping", "Next article", "Football federation",
        "Powered by WordPress", "All Rights Reserved",
    ],
}


@pytest.mark.parametrize("name", sorted(REAL_SENTENCES))
def test_every_real_sentence_is_kept(name):
    paragraphs = _article(name).paragraphs
    for sentence in REAL_SENTENCES[name]:
        assert sentence in paragraphs, sentence
    # and nothing else: the cleaned text is exactly the story's paragraphs, in order
    assert paragraphs == REAL_SENTENCES[name]


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_furniture_is_removed(name):
    text = _article(name).text
    for line in FURNITURE[name]:
        assert line not in text, line


def test_metadata_from_bylines_and_datelines():
    wire = _article("wire_furniture.txt")
    assert (wire.title, wire.author, wire.place, wire.outlet) == (
        "Negotiators edge toward a hostage deal as Qatar presses both sides", "Jane Doe", "Gaza City", "Reuters"
    )
    ap = _article("agency_dateline.txt")
    assert (ap.author, ap.place, ap.outlet) == ("Jane Doe and John Roe", "Jerusalem", "AP")
    blog = _article("blog_furniture.txt")
    assert (blog.author, blog.place, blog.outlet) == ("Karim Nasser", "Cairo", None)
    theme = _article("theme_furniture.txt")  # the headline sits below a menu
    assert (theme.title, theme.author) == ("Qatar and Egypt draft a joint statement on the next round", "Ahmed Fathy")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Jane Doe and John Roe", ("Jane Doe and John Roe", None)),
        ("By JANE DOE, Reuters", ("Jane Doe", "Reuters")),
        ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe, John Roe and Ann Poe", None)),
        ("By Jane Doe and John Roe, Associated Press", ("Jane Doe and John Roe", "Associated Press")),
        ("By Jane Doe | AFP", ("Jane Doe", "AFP")),
        ("By Jane Doe, Staff Writer", ("Jane Doe", None)),
        ("Posted by Karim Nasser | March 12, 2024 | 3 Comments", ("Karim Nasser", None)),
        ("By Reuters", (None, "Reuters")),
        ("Written by: Jane Doe", ("Jane Doe", None)),
        ("Author: Jane Doe", ("Jane Doe", None)),
        # a particle joined by a hyphen is part of the name, not a dash before an agency
        ("By Sami Haddad and Rana al-Masri", ("Sami Haddad and Rana al-Masri", None)),
        ("By Rana al-Masri, Omar el-Sayed and Jane Doe", ("Rana al-Masri, Omar el-Sayed and Jane Doe", None)),
        ("By Rana al-Masri - Reuters", ("Rana al-Masri", "Reuters")),
        ("By Khalid bin Saad | AFP", ("Khalid bin Saad", "AFP")),
        ("By Jane Doe, John Roe, and Ann Poe", ("Jane Doe, John Roe and Ann Poe", None)),  # a serial comma
        # an outlet's staff is the outlet, not a person
        ("By Gulf Herald Staff", (None, "Gulf Herald")),
        ("By Jane Doe and GH Staff", ("Jane Doe", "GH")),
        # a wire's credit line: the reporters
        ("Reporting by Rana al-Masri and John Roe; Editing by Ann Poe", ("Rana al-Masri and John Roe", None)),
        # sentences that start with "By" are not bylines
        ("By the time talks resumed, both sides had hardened.", None),
        ("By Tuesday, Egypt said the gaps had narrowed.", None),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    "paragraph, place, rest",
    [
        ("Doha: Qatar's prime minister announced a deal.", "Doha", "Qatar's prime minister announced a deal."),
        ("Exclusive: Qatar's prime minister announced a deal.", None, "Exclusive: Qatar's prime minister announced a deal."),
        ("Analysis: Why the talks in Doha stalled again.", None, "Analysis: Why the talks in Doha stalled again."),
    ],
)
def test_a_place_with_a_colon_is_a_dateline_when_the_story_names_it_again(paragraph, place, rest):
    story = paragraph + "\nSpeaking at a press conference in Doha, he said the truce starts on Sunday."
    assert dateline.parse(paragraph, story)[::2] == (place, rest)
    assert clean_body("Headline", story).place == place


@pytest.mark.parametrize(
    "line, is_sentence",
    [
        ("He declined to comment.", True),
        ("Talks resumed on Sunday.", True),
        ("Will the truce hold?", True),
        ("Related Articles", False),
        ("Breaking News.", False),
        ("Back to top button", False),
        ("Leave a Reply", False),
    ],
)
def test_reads_as_sentence(line, is_sentence):
    assert reads_as_sentence(line) is is_sentence


def test_first_person_quote_in_the_tail_is_not_a_bio():
    body = "\n".join([
        "Negotiators met in Doha on Monday to discuss the second phase of the deal.",
        "Officials said the meeting lasted five hours and ended without a statement.",
        "Mediators are expected to present a new text later in the week, one diplomat said.",
        "I have covered these talks for months and I have never seen them this close, said Rana, a journalist with a local radio station.",
        "I am a freelance journalist and writer with a passion for covering the region. My articles have appeared widely.",
    ])
    text = clean_body("Talks in Doha", body).text
    assert "I have covered these talks for months" in text
    assert "I am a freelance journalist" not in text


def test_third_person_bio_is_dropped_only_for_the_byline_author():
    body = "\n".join([
        "By Lena Fischer",
        "The envoy arrived in Cairo on Tuesday for two days of meetings with Egyptian officials.",
        "Officials said the talks would focus on the sequencing of releases.",
        "Omar Said is a veteran journalist who has covered every round of talks since 2008.",
        "Lena Fischer is a correspondent covering Middle East diplomacy for the paper.",
    ])
    cleaned = clean_body("Envoy in Cairo", body)
    assert cleaned.author == "Lena Fischer"
    assert "Omar Said is a veteran journalist" in cleaned.text
    assert "Lena Fischer is a correspondent" not in cleaned.text


# Real reporting that uses the words furniture uses; every one must survive.
LOOKALIKES = [
    "Hamas urged supporters to subscribe to the group's Telegram channel for updates on the talks.",
    "Egyptian officials will join them on Tuesday for the second day of meetings in Cairo.",
    "The names of the hostages may not be published under military censorship rules, the army said.",
    "She said she wanted to share the story of her son so that he would not be forgotten.",
    "Pictures, videos and testimonies from the north show entire streets reduced to rubble.",
    "The minister declined to add a comment beyond the statement issued on Monday.",
    "Residents were told to download the app issued by the civil defence to receive alerts.",
    "By Tuesday, the mediators had received written answers from both delegations.",
    "Officials said the use of cookies and tracking tools by the app was being reviewed.",
    "Supporters follow him on every visit to the border, chanting slogans for the captives.",
    "Read the full text of the proposal, one diplomat told reporters, and you will see the gaps.",
]


def test_a_post_embedded_from_a_social_network_goes_with_its_signature():
    body = (
        "The army said in a post on X that it had struck dozens of targets across the strip on Sunday.\n"
        "In response to the violation of the ceasefire this morning, the army struck dozens of targets across Gaza.\n"
        "— Defence Forces (@DefenceForces) October 19, 2025\n"
        "The agency's chief called the halt to aid alarming in a statement on Sunday evening.\n"
        "The halt to aid into Gaza is alarming and must end now. pic.twitter.com/AbC123 — Relief Chief (@ReliefChief) March 2, 2025\n"
        "Mediators in Cairo said the ceasefire was holding again by Monday evening after talks."
    )
    assert clean_body("Strikes resume", body).text.split("\n\n") == [
        "The army said in a post on X that it had struck dozens of targets across the strip on Sunday.",
        "The agency's chief called the halt to aid alarming in a statement on Sunday evening.",
        "Mediators in Cairo said the ceasefire was holding again by Monday evening after talks.",
    ]


@pytest.mark.parametrize("credit", ["PHOTO: EPA", "Photo: AFP / Jack Guez", "Pictures: Getty Images"])
def test_a_caption_goes_with_the_photo_credit_under_it(credit):
    body = ("Israel said on Monday that the remains returned by Hamas were those of the soldier.\n\n"
            "Supporters wearing T-shirts with the image of the soldier at the forensic centre in Tel Aviv, Israel.\n\n"
            f"{credit}\n\n"
            "The army said the family had been informed of the identification on Monday.")
    assert clean_body("Remains identified", body).text.split("\n\n") == [
        "Israel said on Monday that the remains returned by Hamas were those of the soldier.",
        "The army said the family had been informed of the identification on Monday.",
    ]


def test_sentences_that_look_like_furniture_are_kept():
    body = "\n".join(["Negotiators resumed talks in Cairo on Monday, officials said.", *LOOKALIKES,
                      "The talks are expected to last three days, according to the Egyptian presidency."])
    paragraphs = clean_body("Talks resume in Cairo", body).text.split("\n\n")
    for sentence in LOOKALIKES:
        assert sentence in paragraphs, sentence


def test_points_announced_by_a_colon_are_content_but_link_lists_are_not():
    body = "\n".join([
        "Mediators presented a new proposal to both delegations in Doha on Thursday.",
        "According to two officials, the proposal includes:",
        "the release of 33 hostages in the first phase",
        "a withdrawal of troops from the central corridor",
        "600 aid trucks a day entering the territory",
        "Advertisement",
        "the return of displaced families to the north",
        "Both sides are expected to respond by Sunday, the officials said.",
        "You may also be interested in:",
        "Oil prices edge higher on supply worries",
        "New metro line opens in the capital today",
        "Cup final preview: what to watch for",
    ])
    paragraphs = clean_body("A new proposal", body).text.split("\n\n")
    assert paragraphs == [
        "Mediators presented a new proposal to both delegations in Doha on Thursday.",
        "According to two officials, the proposal includes:",
        "the release of 33 hostages in the first phase",
        "a withdrawal of troops from the central corridor",
        "600 aid trucks a day entering the territory",
        "the return of displaced families to the north",
        "Both sides are expected to respond by Sunday, the officials said.",
    ]


def test_unwrap_joins_wrapped_prose_but_not_lists_of_headlines():
    from digest.ingest.clean import unwrap

    wrapped = "Negotiators met again in Doha on Monday to discuss the\nsequencing of releases, officials said, and\nagreed to meet again.\nA second paragraph."
    assert unwrap(wrapped).split("\n") == [
        "Negotiators met again in Doha on Monday to discuss the sequencing of releases, officials said, and agreed to meet again.",
        "A second paragraph.",
    ]
    headlines = "Israel's cabinet to meet on Tuesday\nAid groups warn of famine in the north\nEgypt reopens its crossing for patients"
    assert unwrap(headlines) == headlines
    long_lines = "A" * 120 + "\nand this line starts in lower case but follows a long paragraph line"
    assert unwrap(long_lines) == long_lines


def test_quote_closed_by_its_speaker_without_a_full_stop_is_kept():
    body = "Negotiators met in Doha on Monday, officials said.\n“We will not give up,” she said\nShare this article"
    assert clean_body("Talks", body).text.split("\n\n") == [
        "Negotiators met in Doha on Monday, officials said.", "“We will not give up,” she said",
    ]


def test_a_given_place_wins_but_the_dateline_still_leaves_the_text():
    cleaned = clean_body("Talks", "CAIRO (AP) — Negotiators met on Monday, officials said.", place="Cairo, Egypt")
    assert (cleaned.place, cleaned.agency, cleaned.text) == ("Cairo, Egypt", "AP", "Negotiators met on Monday, officials said.")


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Sticking points in the second phase According to two officials, the talks will resume on Monday.",
         "According to two officials, the talks will resume on Monday."),
        ("A long night in Cairo Meanwhile the Israeli team flew home without a deal.",
         "Meanwhile the Israeli team flew home without a deal."),
        # prose keeps its words: a comma or a full stop before the opener
        ("The delegation, According to Reuters, left on Sunday.", "The delegation, According to Reuters, left on Sunday."),
        ("Talks stalled. However the mediators kept trying.", "Talks stalled. However the mediators kept trying."),
        ("According to officials, the talks will resume on Monday.", "According to officials, the talks will resume on Monday."),
        # an advertising label left in front of the paragraph by the copy
        ("Hide AdThe agreement, negotiated over weeks in Qatar, frees dozens of hostages.",
         "The agreement, negotiated over weeks in Qatar, frees dozens of hostages."),
        ("Advertisement “We will not stop until every hostage is home,” the forum said.",
         "“We will not stop until every hostage is home,” the forum said."),
        ("Sponsored content appeared beside the story on Monday, readers said.",
         "Sponsored content appeared beside the story on Monday, readers said."),
        # a navigation label glued to the paragraph without a space
        ("More ShortsIn the joint statement, the officials said technical work would go on.",
         "In the joint statement, the officials said technical work would go on."),
        ("Read MoreThe talks will resume next week in Cairo, the mediators said.",
         "The talks will resume next week in Cairo, the mediators said."),
        # ... but a name written with a capital inside it is no label
        ("LinkedIn said on Monday that it had removed the posts.", "LinkedIn said on Monday that it had removed the posts."),
        ("Envoy Brett McGurk said on Monday that talks would resume.", "Envoy Brett McGurk said on Monday that talks would resume."),
        ("White House envoy Steve WitkoffIn a statement on Monday thanked Qatar.",
         "White House envoy Steve WitkoffIn a statement on Monday thanked Qatar."),
    ],
)
def test_a_subheading_glued_to_its_paragraph_is_dropped(paragraph, expected):
    assert clean_body("Headline", paragraph).text == expected


# --- date lines -------------------------------------------------------------------------------


@pytest.mark.parametrize("line,moment", [
    ("Published On 14 Feb 2024", datetime(2024, 2, 14, 12, tzinfo=UTC)),  # a day alone: noon UTC
    ("Updated 7:48 PM EDT, Thu May 29, 2025", datetime(2025, 5, 29, 23, 48, tzinfo=UTC)),
    ("Nov. 9, 2024, at 12:05 p.m.", datetime(2024, 11, 9, 12, 5, tzinfo=UTC)),
    ("November 9, 2024 7:18 PM GMT+3 Updated 2 hours ago", datetime(2024, 11, 9, 16, 18, tzinfo=UTC)),
    ("12 June 2024, 1:14 am  Updated at 11:02 am", datetime(2024, 6, 12, 1, 14, tzinfo=UTC)),
    ("Feb. 21, 2025, 11:05 a.m. ET | Updated 4:40 p.m. ET", datetime(2025, 2, 21, 16, 5, tzinfo=UTC)),
    ("July 7, 2025, 9:00 a.m. ET", datetime(2025, 7, 7, 13, 0, tzinfo=UTC)),  # summer time in New York
    ("Published: April 15, 2025 - 16:05", datetime(2025, 4, 15, 16, 5, tzinfo=UTC)),
    ("Ahram Online , Sunday 1 Jun 2025", datetime(2025, 6, 1, 12, tzinfo=UTC)),
    ("Jul 25, 2025 - World", datetime(2025, 7, 25, 12, tzinfo=UTC)),
    ("2024-11-09", datetime(2024, 11, 9, 12, tzinfo=UTC)),
])
def test_date_lines_give_the_moment_in_utc(line, moment):
    assert is_date_line(line)
    assert parse_date_line(line) == moment


@pytest.mark.parametrize("line", [
    "The talks ended on March 4, 2025.",
    "March 4, 2025: talks end without a deal",
    "The Rome meeting, July 28, 2024",
    "Gaza City - March 4, 2025",
    "Hamas said it would answer by 5:00 p.m. on Friday.",
])
def test_sentences_and_captions_with_dates_are_not_date_lines(line):
    assert not is_date_line(line)


def test_an_impossible_date_is_furniture_without_a_date():
    assert is_date_line("February 30, 2024") and parse_date_line("February 30, 2024") is None


def test_a_date_line_above_the_story_dates_the_article_and_leaves_the_text(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Qatar suspends Gaza mediation\n\nBy Reuters\nNov. 9, 2024, at 12:05 p.m.\n\n"
        "DOHA (Reuters) - Qatar has suspended its efforts to mediate a Gaza ceasefire, its foreign ministry said on Saturday.\n\n"
        "Qatar notified the parties 10 days ago that it would stop its mediation if no deal was reached.\n\n"
        "Published 10 November 2024\n",
        encoding="utf-8",
    )
    (doc,) = read_path(page, 10**6)
    article = document_to_article(doc)
    assert article.published == datetime(2024, 11, 9, 12, 5, tzinfo=UTC)
    assert article.place == "Doha" and article.outlet == "Reuters"
    assert article.text.startswith("Qatar has suspended its efforts")
    assert "2024" not in article.text  # the date lines, above and below, are furniture


@pytest.mark.parametrize("first_line, moment, place, lead", [
    # a stored page's stamp run into its first line
    ("date 2025-03-03 Israel halted humanitarian aid and imports into Gaza on Sunday, officials said.",
     datetime(2025, 3, 3, 12, tzinfo=UTC), None, "Israel halted humanitarian aid"),
    ("date 2025-01-16 DOHA, Qatar — Mediator Qatar said Wednesday that Israel and Hamas had agreed to a ceasefire.",
     datetime(2025, 1, 16, 12, tzinfo=UTC), "Doha, Qatar", "Mediator Qatar said Wednesday"),
    ("Published: March 3, 2025 CAIRO — Talks resumed in Cairo on Monday, Egyptian sources said.",
     datetime(2025, 3, 3, 12, tzinfo=UTC), "Cairo", "Talks resumed in Cairo"),
    ("2025-01-16T10:30:00Z Hamas said it had accepted the deal announced by the mediators in Doha.",
     datetime(2025, 1, 16, 10, 30, tzinfo=UTC), None, "Hamas said it had accepted"),
    # a sentence that opens with its own date keeps it
    ("March 3, 2025 was the day Israel halted all aid into Gaza, the agencies said.", None, None, "March 3, 2025 was the day"),
])
def test_a_date_stamp_run_into_the_first_line_dates_the_article_and_leaves_the_text(tmp_path, first_line, moment, place, lead):
    page = tmp_path / "page.txt"
    page.write_text(f"Gaza talks\n\n{first_line}\n\nThe mediators will meet again next week in the capital.\n", encoding="utf-8")
    (doc,) = read_path(page, 10**6)
    article = document_to_article(doc)
    assert article.published == moment
    assert article.place == place
    assert article.text.startswith(lead)


def test_a_date_in_the_byline_or_the_front_matter(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Truce talks stall\n\nBy Reuters | March 7, 2024, at 6:15 a.m.\n\n"
                    "A Hamas delegation left Cairo on Thursday for consultations, Egyptian sources said.\n", encoding="utf-8")
    (doc,) = read_path(page, 10**6)
    assert document_to_article(doc).published == datetime(2024, 3, 7, 6, 15, tzinfo=UTC)
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Truce talks stall\ndate: 2024-03-08T09:00:00Z\n---\n\nMarch 7, 2024\n\n"
                    "A Hamas delegation left Cairo on Thursday for consultations, Egyptian sources said.\n", encoding="utf-8")
    (doc,) = read_path(page, 10**6)
    assert document_to_article(doc).published == datetime(2024, 3, 8, 9, tzinfo=UTC)  # the source's own date wins


@pytest.mark.parametrize("text, stops, quote_ends, expected", [
    ("Talks resumed in Doha.", ".!?…", True, True),
    ("“We will not stop,” he said.”", ".!?…", True, True),
    ("He called it “a new war crime.”)", ".!?…", True, True),
    ("He said they were “not serious”", ".!?…", True, True),
    ("He said they were “not serious”", ".!?…", False, False),
    ("Talks resumed in Doha. ", ".!?…", True, False),
    ("Talks resumed in Doha.\n", ".!?…", True, True),
    ("What the envoy proposed:", ".!?…", True, False),
    ("What the envoy proposed:", ".!?…:;", True, True),
    ("Gaza talks | Qatar | Hostages", ".!?…", True, False),
    ("", ".!?…", True, False),
    (")]", ".!?…", True, False),
])
def test_ends_sentence(text, stops, quote_ends, expected):
    from digest.text import ends_sentence

    assert ends_sentence(text, stops, quote_ends) is expected


LEAD = "Hamas said on Thursday that its delegation had left Cairo and that talks would resume next week."
LAST = "Israel has publicly ruled out those demands, officials said."


@pytest.mark.parametrize("caption", [
    "Palestinians walk amid the devastation in Beit Hanun in the northern Gaza Strip.\nAFP",  # credit below
    "Trucks carrying aid enter the Gaza Strip from Egypt in Rafah, Wednesday, February 12, 2025.\n(AP)",
    "Former president Donald Trump listens as the envoy addresses a meeting.\n(photo credit: LEAH MILLIS/REUTERS)",
    "Displaced Palestinians shelter in tents in Rafah.\nREUTERS/Mohammed Salem",
    "Palestinians walk amid the devastation in Beit Hanun in the northern Gaza Strip. AFP",  # credit at the end
    "The envoy speaks at the State Department in Washington on Thursday. © JIM WATSON / AFP",
    "Packages fall towards northern Gaza, March 7, 2024. Image Credit: REUTERS",
    "Militants hand over a hostage to the Red Cross in Khan Younis. Photo by Abed Karim/Flash90",  # "Photo by" at the end
    "1 of 8 | Militants escort a hostage before handing him over in Gaza City. Photo by Hassan Ali/UPI |",
])
def test_a_photo_caption_goes_with_its_credit(caption):
    cleaned = clean_body("Talks stall", f"{LEAD}\n\n{caption}\n\n{LAST}")
    assert cleaned.text.split("\n\n") == [LEAD, LAST]


def test_a_credit_after_a_paragraph_someone_says_or_at_the_end_keeps_the_paragraph():
    said = "The talks will resume next week, the ministry said."
    cleaned = clean_body("Talks stall", f"{LEAD}\n\n{said}\nAFP\n\n{LAST}\n\n© 2024 Regional Daily. All Rights Reserved.")
    assert cleaned.text.split("\n\n") == [LEAD, said, LAST]
    story_end = "Hamas freed three hostages on Saturday under the truce that Egypt and Qatar brokered. AFP"  # its own credit
    assert clean_body("Talks stall", f"{LEAD}\n\n{story_end}").text.split("\n\n") == [LEAD, story_end]


@pytest.mark.parametrize("pointer", [
    "Related: Biden urges Egypt, Qatar leaders in letters to press Hamas on hostage deal",
    "RELATED: What's in the US proposal for a Gaza ceasefire?",
    "Watch: Families of hostages march to Jerusalem",
    "More: Hamas says talks in Cairo ended without a deal.",
])
def test_a_pointer_to_another_story_with_a_colon_is_dropped(pointer):
    story = "Mediators met in Cairo on Monday.\n\n" + pointer + "\n\nThe talks resume on Tuesday, officials said."
    assert clean_body("Headline", story).text == "Mediators met in Cairo on Monday.\n\nThe talks resume on Tuesday, officials said."


def test_the_headline_glued_to_the_next_line_leaves_it():
    title = "US envoy holds talks in Qatar as Israel proposes ceasefire extension"
    body = (f"{title} Palestinians return to Beit Lahia through the rubble.\n\n"
            "The envoy began talks on Tuesday in Doha, officials said.")
    assert clean_body(title, body).text == ("Palestinians return to Beit Lahia through the rubble.\n\n"
                                            "The envoy began talks on Tuesday in Doha, officials said.")
    # a sentence that starts with the headline's words goes on as it is
    lead = "Hamas rejects the proposal for a truce in Gaza"
    assert clean_body(lead, f"{lead} and the mediators meet again.").text == f"{lead} and the mediators meet again."


def test_a_run_of_slash_separated_labels_before_the_lead_leaves_it():
    title = "Envoy Sends Hamas Ceasefire Deal via Activist"
    body = f"{title}/ Newsdesk/ WASHINGTON/ J. Mansour/ Morning Edition/ The envoy sent a new proposal to Hamas on Monday."
    assert clean_body(title, body).text == "The envoy sent a new proposal to Hamas on Monday."
    body = "Newsdesk \\ Washington DC \\ Mary Sidiqi \\ Evening Edition \\ Hamas said it accepted the proposal on Saturday."
    assert clean_body("Hamas accepts the plan", body).text == "Hamas said it accepted the proposal on Saturday."
    # slashes inside a sentence, or before words that go on in lower case, are the sentence's own
    for line in ("Rafah / Khan Younis / Gaza City: Israeli strikes killed 20 people on Monday.",
                 "The 24/7 coverage / live updates / analysis continue as Hamas said the talks failed.",
                 "Talks / strikes / aid: two of the three went badly for Hamas this week, officials said."):
        assert clean_body("A headline on the talks", line).text == line


# -- mojibake: UTF-8 that went through Windows-1252 or Latin-1 on its way ------------------------

MOJIBAKE_CLEAN_TEXT = [
    "A senior Hamas official said on Tuesday that reports of Qatar agreeing to expel the group’s leaders were “baseless” and a “pressure tactic” by Israel.",
    "“No one told us to leave. Our office in Doha works as it always has,” said Basem Naim, a member of the group’s political bureau.",
    "Qatar’s foreign ministry spokesman, Majed al-Ansari, said mediation was paused — not over — and that the café-side talks reported by Israeli media never took place.",
]


def test_mojibake_is_repaired_before_cleaning():
    article = _article("mojibake.txt")
    assert article.title == "Hamas denies it was told to leave Qatar"
    assert article.text.split("\n\n")[:3] == MOJIBAKE_CLEAN_TEXT
    assert article.place == "Doha"  # the dateline's dash was "â€”" before the repair
    assert "â€" not in article.text and "Ã" not in article.text


def test_a_copy_with_mojibake_is_the_same_article_as_the_clean_one():
    (broken,) = read_path(CLEANING / "mojibake.txt", 10**6)
    clean = dataclasses.replace(broken, title="Hamas denies it was told to leave Qatar",
                                body="DOHA — " + "\n\n".join(MOJIBAKE_CLEAN_TEXT)
                                + "\n\nQatar has hosted Hamas political leaders since 2012 at the request of the United States.")
    assert document_to_article(broken).content_hash == document_to_article(clean).content_hash


@pytest.mark.parametrize("damaged, repaired_text", [
    ("The envoyâ€™s plan â€” a â€œfirst stepâ€\u009d â€” was welcomed.", "The envoy’s plan — a “first step” — was welcomed."),
    # read as Latin-1, the quotes' third bytes become C1 controls
    ("The envoy\u00e2\u0080\u0099s plan was \u00e2\u0080\u009cwelcomed\u00e2\u0080\u009d by Qatar.", "The envoy’s plan was “welcomed” by Qatar."),
    ("Talks in ZÃ¼rich and SÃ£o Paulo ended.", "Talks in Zürich and São Paulo ended."),
])
def test_mojibake_in_title_body_and_byline_is_repaired(damaged, repaired_text):
    cleaned = clean_body(damaged, f"{damaged} It is the second sentence of the story.", author="JosÃ© Ã\u0081lvarez")
    assert cleaned.title == repaired_text
    assert cleaned.text.startswith(repaired_text)
    assert cleaned.author == "José Álvarez"


def _read_as_thai_page(text: str) -> str:
    """`text` damaged as a page that read UTF-8 as Windows-874 was: each byte that code page lacks
    became Windows-1252's character, or was lost where that has none either."""
    out = []
    for byte in text.encode("utf-8"):
        for codec in ("cp874", "cp1252"):
            try:
                out.append(bytes([byte]).decode(codec))
                break
            except UnicodeDecodeError:
                continue
    return "".join(out)


@pytest.mark.parametrize("text", [
    "A senior Hamas official said reports of Qatar agreeing to expel the group were “baseless” and a “pressure tactic,” adding that no one had asked them to leave.",
    "Qatar’s mediation — paused, not over — will resume when both sides show “seriousness”… officials said.",
    "The café owner in Zürich said the envoy’s plan was a ‘first step’ – no more.",
])
def test_text_read_as_the_thai_code_page_is_repaired(text):
    damaged = _read_as_thai_page(text)
    assert "\u0e42\u20ac" in damaged and damaged != text  # "โ€": how such a page shows its quotes
    cleaned = clean_body(_read_as_thai_page("Qatar’s talks — paused"), damaged + " The talks went on late into the night.")
    assert cleaned.title == "Qatar’s talks — paused"
    assert cleaned.text.startswith(text)


def test_thai_text_is_not_taken_for_damage():
    # genuine Thai and Thai-looking runs stay as they are, with or without a damaged quote elsewhere
    text = "The Thai foreign ministry (กระทรวงการต่างประเทศ) said two Thai hostages were freed, “at last”."
    assert clean_body("Thai hostages freed in Gaza", text + " The talks went on.").text.startswith(text)
    damaged = _read_as_thai_page("“at last”")
    assert clean_body("Thai hostages freed", f"The ministry (กระทรวง) said {damaged} The talks went on.").text \
        .startswith("The ministry (กระทรวง) said “at last” The talks went on.")


@pytest.mark.parametrize("text", [
    "Talks in Zürich, São Paulo and Sde Teiman resumed; the café owner, Ahmed Al‑Sharaa’s aide, was naïve.",
    "Hamas (حماس) and Israel (ישראל) agreed to a €5 million fund, the ministry said — “a start”.",
    "Temperatures rose to 45°C… and aid—what little came—was spoiled, Médecins Sans Frontières said.",
])
def test_text_without_mojibake_is_left_exactly_as_it_is(text):
    cleaned = clean_body("A headline about the talks in Doha", text + " The talks went on late into the night.")
    assert cleaned.text.startswith(text)


def test_a_non_breaking_space_shown_as_two_latin_letters_is_a_space():
    # a BBC-style page's non-breaking space, stored as "听" and shown in Latin-1
    damaged = "Witkoff is set to travel to Doha on Tuesday, according to reports,\u00cc\u00fdas Israel refuses to\u00cc\u00fdmove on."
    cleaned = clean_body("Witkoff\u00cc\u00fdheads to Doha", damaged + " The talks went on late into the night.")
    assert cleaned.title == "Witkoff heads to Doha"
    assert cleaned.text.startswith("Witkoff is set to travel to Doha on Tuesday, according to reports, as Israel refuses to move on.")


def test_entities_that_lost_their_ampersand_are_decoded():
    damaged = ("quot;We talked about options to capitalize on this moment,quot; Blinken said after talks with Qatar#39;s "
               "prime minister on how to endnbsp;fighting in Gaza.")
    cleaned = clean_body("Talks to resume in Doha", damaged + " The talks went on late into the night.")
    assert cleaned.text.startswith('"We talked about options to capitalize on this moment," Blinken said after talks with '
                                   "Qatar's prime minister on how to end fighting in Gaza.")
    # one hashtag and a semicolon is no damage
    text = "Supporters posted the slogan #39; the campaign said it had never used it."
    assert clean_body("Campaign", text + " The talks went on.").text.startswith(text)


def test_html_entities_left_in_text_are_decoded(tmp_path):
    # a CMS's JSON export (WordPress "rendered" fields) keeps its entities in text without markup
    path = tmp_path / "wp.json"
    path.write_text(json.dumps({
        "title": "Hamas&#8217;s reply reaches mediators in Doha",
        "content": "Hamas&#8217;s reply reached Qatari and Egyptian mediators on Tuesday, officials said, calling it "
                   "&quot;a step forward&quot;.\n\nNegotiators met for three&nbsp;hours &amp; left without comment, AT&T reported.",
        "date": "2025-03-04T10:00:00Z",
    }), encoding="utf-8")
    (doc,) = read_path(path, 10**6)
    article = document_to_article(doc)
    assert article.title == "Hamas’s reply reaches mediators in Doha"
    assert article.text == (
        "Hamas’s reply reached Qatari and Egyptian mediators on Tuesday, officials said, calling it \"a step forward\".\n\n"
        "Negotiators met for three hours & left without comment, AT&T reported."
    )


@pytest.mark.parametrize(
    "body, place, first",
    [
        # a photo's caption kept above the story, then the dateline
        ("A drone view shows fighters gathering around Red Cross vehicles in Khan Younis on Thursday\n"
         "CAIRO — Mediators have reached a deal to release the prisoners, an Egyptian source said.\n"
         "The handover will take place on Thursday.",
         "Cairo", "A drone view shows fighters gathering around Red Cross vehicles in Khan Younis on Thursday"),
        # a standfirst, then the dateline with its agency
        ("Key topics include the terms for releasing prisoners and the crossing.\n"
         "JERUSALEM (AA) – Top Israeli security officials travelled to Cairo to discuss the deal.\n"
         "The talks lasted several hours.",
         "Jerusalem", "Key topics include the terms for releasing prisoners and the crossing."),
    ],
)
def test_a_dateline_under_a_caption_or_standfirst_gives_the_place_and_leaves_the_text(body, place, first):
    cleaned = clean_body("Mediators agree a swap", body)
    paragraphs = cleaned.text.split("\n\n")
    assert cleaned.place == place
    assert paragraphs[0] == first
    assert not any(p.startswith(("CAIRO", "JERUSALEM")) for p in paragraphs)


def test_a_dateline_deep_in_the_story_or_after_the_first_gives_no_place():
    lead = "CAIRO — Mediators met on Monday, officials said."
    later = "DOHA — A second meeting was held in Qatar the next day."
    assert clean_body("Talks", f"{lead}\n{later}").place == "Cairo"
    assert later in clean_body("Talks", f"{lead}\n{later}").text
    # below the first paragraph, a name with a colon is a transcript's speaker, not a place
    transcript = clean_body("Council", "The council voted on Monday.\nAMAL NASSER: “It is time for the war to end.”")
    assert transcript.place is None and "AMAL NASSER: “It is time for the war to end.”" in transcript.text
    wire = clean_body("Talks", "A woman inspects the damage.\nCAIRO, Oct 20 (AFP): A Hamas delegation was to meet officials.")
    assert (wire.place, wire.agency) == ("Cairo", "AFP")
    deep = "\n".join(["The talks went on for a third day.", "Both sides blamed each other.", "Aid trucks waited at the crossing.", later])
    cleaned = clean_body("Talks", deep)
    assert cleaned.place is None and later in cleaned.text
