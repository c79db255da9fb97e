"""Datelines: the strict reading ingest records a place from, the lenient one that cuts any
dateline or credit from a sentence or a title, and a dateline on its own line."""

import pytest

from digest import dateline


@pytest.mark.parametrize(
    "paragraph, place, rest",
    [
        ("GAZA CITY (Reuters) - Mediators met.", "Gaza City", "Mediators met."),
        ("CAIRO — Egyptian officials met.", "Cairo", "Egyptian officials met."),
        ("JERUSALEM, March 3 (AP) — Israeli negotiators flew.", "Jerusalem", "Israeli negotiators flew."),
        ("DOHA, Qatar (Reuters) — Teams met.", "Doha, Qatar", "Teams met."),
        ("WASHINGTON, Jan. 5, 2024 (AP) — The envoy spoke.", "Washington", "The envoy spoke."),
        ("DEIR AL-BALAH, Gaza Strip (AP) — Strikes hit.", "Deir Al-Balah, Gaza Strip", "Strikes hit."),
        ("UNITED NATIONS (AP) — The council met.", "United Nations", "The council met."),
        ("DUBAI: Egypt said on Monday the talks would resume.", "Dubai", "Egypt said on Monday the talks would resume."),
        ("Gaza City, Oct 5 (Reuters) - Mediators met.", "Gaza City", "Mediators met."),
        ("Cairo, Dec 20 (EFE).- A delegation from Hamas was in Cairo.", "Cairo", "A delegation from Hamas was in Cairo."),
        ("BREAKING: Hamas accepts the proposal.", None, "BREAKING: Hamas accepts the proposal."),
        ("US: talks go on, officials say.", None, "US: talks go on, officials say."),
        ("Hamas (the group) - said no.", None, "Hamas (the group) - said no."),
        ("Talks resumed on Sunday — a day late.", None, "Talks resumed on Sunday — a day late."),
        ("Hamas — the group that runs Gaza — said no.", None, "Hamas — the group that runs Gaza — said no."),
    ],
)
def test_parse_names_the_place_and_agency_of_a_strict_dateline(paragraph, place, rest):
    assert dateline.parse(paragraph)[::2] == (place, rest)


def test_parse_gives_the_agency():
    assert dateline.parse("JERUSALEM, March 3 (AP) — Israeli negotiators flew.") == ("Jerusalem", "AP", "Israeli negotiators flew.")
    assert dateline.parse("CAIRO — Egyptian officials met.") == ("Cairo", None, "Egyptian officials met.")
    # no comma after the place, a full stop before the year, as Saba writes it
    assert dateline.parse("DOHA November 30. 2023 (Saba) - Hamas said the truce was extended.") == (
        "Doha", "Saba", "Hamas said the truce was extended.")
    assert dateline.parse("CAIRO, Egypt >> Hamas has accepted a U.S. proposal.") == ("Cairo, Egypt", None, "Hamas has accepted a U.S. proposal.")
    # a credit that lost its opening bracket is no place: "MENAFN - IANS) ..."
    line = "MENAFN - IANS) Cairo, Oct 25 (IANS) Palestinian factions agreed on a committee."
    assert dateline.parse(line) == (None, None, line)


@pytest.mark.parametrize(("lead", "news"), [
    ("Behind the scenes: Two Israeli officials said the war cabinet approved the proposal.",
     "Two Israeli officials said the war cabinet approved the proposal."),
    ("What they’re saying: “There is a path forward,” Biden said.", "“There is a path forward,” Biden said."),
    ("CAIRO, (Reuters) – Hamas left the talks in Cairo on Thursday.", "Hamas left the talks in Cairo on Thursday."),
    ("Washington, July 9 (IANS) US President Donald Trump met Netanyahu here.", "US President Donald Trump met Netanyahu here."),
    ("Washington DC - The US envoy said Sunday the meeting was helpful.", "The US envoy said Sunday the meeting was helpful."),
    ("New York, New York - The Security Council adopted the text on Monday.", "The Security Council adopted the text on Monday."),
    ("Thursday, November 23, 2023 – Qatar announced a truce on Wednesday.", "Qatar announced a truce on Wednesday."),
    ("CAIRO/JERUSALEM (Reuters) - Hamas said on Monday it was ready.", "Hamas said on Monday it was ready."),
    ("(MENAFN- Gulf Times) Qatar is hosting the talks.", "Qatar is hosting the talks."),
    # ... or the brackets alone, the outlet's name lost to the page
    ("() Adam Boehler, the US envoy for hostage affairs, is urging Hamas to take a deal.",
     "Adam Boehler, the US envoy for hostage affairs, is urging Hamas to take a deal."),
    ("Doha, 10 December 2023(TDI): The 21st Doha Forum brought together leaders.", "The 21st Doha Forum brought together leaders."),
    # ... with the agency's own short name in brackets inside it
    ("(MENAFN- Kuwait News Agency (KUNA)) CAIRO, June 2 (KUNA) -- Security officials concluded a meeting in Cairo.",
     "Security officials concluded a meeting in Cairo."),
    ("PTC News Desk: On Sunday, the delegations were unable to finalize a deal.", "On Sunday, the delegations were unable to finalize a deal."),
    ("Watan-On Tuesday evening, Hamas declared that talks had stalled.", "On Tuesday evening, Hamas declared that talks had stalled."),
    ("Watan-U.S. officials stated that the envoy is expected in Doha.", "U.S. officials stated that the envoy is expected in Doha."),
    ("Watan-Qatari Prime Minister Sheikh Mohammed stated that talks had not stopped.",
     "Qatari Prime Minister Sheikh Mohammed stated that talks had not stopped."),
    ("Israel-U.S. talks resumed on Monday in Washington.", "Israel-U.S. talks resumed on Monday in Washington."),  # no outlet
    ("Egyptian-Qatari Foreign Ministry talks resumed.", "Egyptian-Qatari Foreign Ministry talks resumed."),  # no outlet
    ("1: Netanyahu's office released a statement on Saturday.", "Netanyahu's office released a statement on Saturday."),
    ("CAIRO, Egypt >> Hamas has accepted a U.S. proposal.", "Hamas has accepted a U.S. proposal."),
    # a photo gallery's counter left before the lead; a count of people "1 of 4" stays
    ("1 of 4 | As the group offered to free a soldier, the prime minister called it a ploy.",
     "As the group offered to free a soldier, the prime minister called it a ploy."),
    ("3 of 4 hostages were freed on Sunday, officials said.", "3 of 4 hostages were freed on Sunday, officials said."),
    # a site's section label, with a colon and a dash; a colon alone before a quote stays
    ("Crime and justice: – Israel has handed its reservations to the mediators, an official said.",
     "Israel has handed its reservations to the mediators, an official said."),
    ("World: — Hamas left the talks in Cairo on Thursday.", "Hamas left the talks in Cairo on Thursday."),
    ("Israel-Hamas War: Egypt would give details of the plan, an official said.", "Egypt would give details of the plan, an official said."),
    # a heading in title case run into its paragraph, and a newsletter's label; not a speaker with a title, nor a sentence
    ("Talks Enter Day Two: Indirect negotiations resumed in the Red Sea resort.", "Indirect negotiations resumed in the Red Sea resort."),
    ("How it happened: A day earlier, the president had granted permission.", "A day earlier, the president had granted permission."),
    ("Prime Minister Dan Orr: We will not stop the war until victory.", "Prime Minister Dan Orr: We will not stop the war until victory."),
    ("The message was clear: Hamas must go now.", "The message was clear: Hamas must go now."),
    ("(DOHA, QATAR) — The talks in Qatar have not led anywhere yet, the prime minister said.",
     "The talks in Qatar have not led anywhere yet, the prime minister said."),
    ("CAIRO (Palestine Foundation Information Center) The authority said a delegation arrived.", "The authority said a delegation arrived."),
    ("Ben-Gvir said the deal was a surrender.", "Ben-Gvir said the deal was a surrender."),  # a hyphenated name stays
    # a credit that lost its opening bracket, then a dateline
    ("MENAFN - IANS) Cairo, Oct 25 (IANS) Palestinian factions agreed on a committee.", "Palestinian factions agreed on a committee."),
    ("/TASS/. Consultations on Gaza continue in Doha.", "Consultations on Gaza continue in Doha."),
    ("Shafaq News/ On Saturday, the envoy received the response.", "On Saturday, the envoy received the response."),
    # a network's name run into the lead, its brackets lost; an acronym that is the sentence's subject stays
    ("CNNQatar says it has brokered a deal between Israel and Hamas.", "Qatar says it has brokered a deal between Israel and Hamas."),
    ("UNRWA said aid was blocked at the crossing.", "UNRWA said aid was blocked at the crossing."),
    ("CNN reported that Qatar brokered a deal.", "CNN reported that Qatar brokered a deal."),
    # who translated the story
    ("Translation by SadaNews - The envoy is expected to meet the Hamas leader in Istanbul today.",
     "The envoy is expected to meet the Hamas leader in Istanbul today."),
    ("Translated by Ella Orr: The envoy is expected to meet the Hamas leader in Istanbul today.",
     "The envoy is expected to meet the Hamas leader in Istanbul today."),
    # a byline with its outlet in brackets, also when the page lost the opening bracket
    ("(Dan Orr, Antiwar.com) US envoy Tom Reyes met Hamas officials in Egypt.", "US envoy Tom Reyes met Hamas officials in Egypt."),
    ("Dan Orr, Antiwar.com) US envoy Tom Reyes met Hamas officials in Egypt.", "US envoy Tom Reyes met Hamas officials in Egypt."),
    ("JERUSALEM: Israel sent its team to Doha on Monday.", "Israel sent its team to Doha on Monday."),
    ("Doha: Qatar confirmed the talks would resume.", "Qatar confirmed the talks would resume."),
    ("Gaza/Jerusalem – Hamas has presented a response to the proposal.", "Hamas has presented a response to the proposal."),
    ("Tel Aviv [Israel], August 26: Negotiations in Cairo failed.", "Negotiations in Cairo failed."),
    # a date and an outlet in brackets, as JNS writes them
    ("(Jan. 11, 2025 / JNS) — Prime Minister Benjamin Netanyahu met the envoy on Saturday.",
     "Prime Minister Benjamin Netanyahu met the envoy on Saturday."),
    ("(March 3, 2025 / JNS) - Talks resumed in Cairo.", "Talks resumed in Cairo."),
    ("New Delhi [India], May 5 (ANI): Qatar said the talks would resume.", "Qatar said the talks would resume."),
    ("CAIRO/WASHINGTON: There was no deal on Sunday.", "There was no deal on Sunday."),
    # a place and a date with a colon, as South Asian papers write datelines
    ("New Delhi, Jan 19: With the ceasefire in force, Hamas freed three hostages.", "With the ceasefire in force, Hamas freed three hostages."),
    ("Gaza, Nov 22 (IANS): Israel approved the deal on Wednesday.", "Israel approved the deal on Wednesday."),
    ("Netanyahu said on Jan 19: We will bring them home.", "Netanyahu said on Jan 19: We will bring them home."),
    ("13 April 2025: A delegation from Hamas arrived in Cairo.", "A delegation from Hamas arrived in Cairo."),
    ("April 13, 2025 - A delegation from Hamas arrived in Cairo.", "A delegation from Hamas arrived in Cairo."),
    ("CAIRO – 13 April 2025: A delegation from Hamas arrived in Cairo.", "A delegation from Hamas arrived in Cairo."),
    ("Tel Aviv, July 28, (dpa/GNA) – David Barnea went to Rome.", "David Barnea went to Rome."),
    ("BERLIN (dpa) - Germany urged a ceasefire.", "Germany urged a ceasefire."),
    # two places; a live blog's clock time
    ("Washington and Abu Dhabi — President Donald Trump said he was unhappy.", "President Donald Trump said he was unhappy."),
    ("09:40 — Israeli tanks have taken control of the Rafah crossing.", "Israeli tanks have taken control of the Rafah crossing."),
    ("2.15pm GMT: Hamas says it will go ahead with the release.", "Hamas says it will go ahead with the release."),
    ("Israel and Hamas — the two sides — agreed on Monday.", "Israel and Hamas — the two sides — agreed on Monday."),
    ("10.5 million people need aid, the UN said.", "10.5 million people need aid, the UN said."),
    # a credit with the date before the outlet; an app's promo left before the lead
    ("(August 18, 2025 / JNS) Hamas told the mediators it accepted.", "Hamas told the mediators it accepted."),
    ("(Aug. 18, 2025 / JNS) Hamas told the mediators it accepted.", "Hamas told the mediators it accepted."),
    ("Download the i24NEWS app Egyptian President Abdel Fattah al-Sisi said talks resumed.",
     "Egyptian President Abdel Fattah al-Sisi said talks resumed."),
    ("Download the report on the talks, the ministry said on Monday.", "Download the report on the talks, the ministry said on Monday."),
    # what parse takes, strip takes
    ("DOHA, Qatar (Reuters) — Teams met.", "Teams met."),
    # no dateline: a name with an aside, a compound
    ("Hamas official Basem Naim - who spoke to AFP - said no.", "Hamas official Basem Naim - who spoke to AFP - said no."),
    ("Israel-Hamas talks - the latest round - stalled on Monday.", "Israel-Hamas talks - the latest round - stalled on Monday."),
    ("Talks resumed on Sunday — a day late.", "Talks resumed on Sunday — a day late."),
    ("Hamas official Basem Naim (pictured) said the talks went well.", "Hamas official Basem Naim (pictured) said the talks went well."),
    # never more than eight words
    ("Israel's Prime Minister Benjamin Netanyahu and his security cabinet (AFP) - met.",
     "Israel's Prime Minister Benjamin Netanyahu and his security cabinet (AFP) - met."),
])
def test_strip_cuts_any_dateline_or_credit_and_keeps_the_rest_exact(lead, news):
    assert dateline.strip(lead) == news


@pytest.mark.parametrize(("line", "alone"), [
    ("CAIRO —", True),
    ("DOHA, August 15.", True),
    ("DUBAI:", True),
    ("DEIR AL-BALAH, Oct. 5, 2024", True),
    ("CAIRO — Egyptian officials met.", False),
    ("Cairo", False),
    ("BREAKING NEWS", False),
])
def test_a_dateline_on_a_line_of_its_own(line, alone):
    assert dateline.alone(line) is alone


def test_a_dash_without_spaces_after_a_place_in_capitals():
    assert dateline.parse("WASHINGTON—Trump administration officials met Hamas.") == (
        "Washington", None, "Trump administration officials met Hamas.")
    assert dateline.strip("WASHINGTON—Trump administration officials met Hamas.") == "Trump administration officials met Hamas."
    # not an abbreviation, nor two names joined
    for text in ("U.S.—Israel relations are strained.", "ISRAEL–HAMAS WAR: talks resume."):
        assert dateline.strip(text) == text
        assert dateline.parse(text) == (None, None, text)


def test_a_pointer_label_is_no_dateline():
    assert dateline.strip("RELATED: What's in the US proposal for a Gaza ceasefire?") == (
        "RELATED: What's in the US proposal for a Gaza ceasefire?")
