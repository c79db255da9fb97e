"""The track classifier: the seeds, the hard cases of issue 3 in short articles, the rules, the config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError
from digest.evaluate import evaluate_classification, load_gold
from digest.ingest import document_to_article, read_path
from digest.models import OTHER, OUT_OF_SCOPE, Article, Document
from digest.tracks import classify, classify_many

TESTS = Path(__file__).resolve().parent
SEEDS_GOLD = json.loads((TESTS / "seeds-gold.json").read_text())["articles"]
TRACKS_DIR = TESTS / "resources" / "tracks"
TRACKS_GOLD = json.loads((TRACKS_DIR / "gold.json").read_text())["articles"]


def read_article(path: Path) -> Article:
    return document_to_article(read_path(path, 10_000_000)[0])


def make(title: str, body: str, place: str | None = None) -> Article:
    return document_to_article(Document(location="test", title=title, body=body, place=place))


@pytest.mark.parametrize("item", SEEDS_GOLD, ids=lambda item: item["id"])
def test_seed_comes_out_as_the_gold_file_says(item, config):
    assignment = classify(read_article(TESTS / item["path"]), config)
    assert assignment.primary == item["primary"]
    assert set(assignment.secondary) == set(item["secondary"])


@pytest.mark.parametrize("item", TRACKS_GOLD, ids=lambda item: item["id"])
def test_hard_case_article(item, config):
    assignment = classify(read_article(TRACKS_DIR / item["path"]), config)
    assert assignment.primary == item["primary"], item["why"]


def test_the_test_articles_cover_every_label():
    labels = [item["primary"] for item in TRACKS_GOLD]
    for label in ("doha", "cairo", "us_hamas", OTHER, OUT_OF_SCOPE):
        assert labels.count(label) >= 5, label


# --- the hard cases of point 2, one short article each --------------------------------------


def test_cairo_round_naming_qatari_co_mediators_is_cairo(config):
    article = make(
        "Gaza truce talks resume in Cairo",
        "Egyptian and Qatari mediators met a Hamas delegation in Cairo on Sunday. Qatar, which hosts "
        "the group's political office in Doha, and Egypt have mediated since the war began. Qatari "
        "Prime Minister Sheikh Mohammed joined the talks on Monday.",
    )
    assignment = classify(article, config)
    assert assignment.primary == "cairo"
    kinds = {e.kind for e in assignment.evidence if e.track == "doha"}
    assert kinds <= {"mediator", "residence", "mention"}


def test_us_hamas_contact_in_doha_is_us_hamas(config):
    article = make(
        "US hostage envoy met Hamas leaders in Doha",
        "Adam Boehler, the US envoy for hostage affairs, met Hamas officials in Doha last week, in the "
        "first direct contact between Washington and the group. Qatari officials arranged the meeting. "
        "Israeli officials said they had not been told in advance.",
    )
    assignment = classify(article, config)
    assert assignment.primary == "us_hamas"
    assert "doha" in assignment.secondary


@pytest.mark.parametrize(("title", "body", "track"), [
    # a Doha round that names Egypt is Doha's
    ("Negotiators return to Qatar for hostage talks",
     "Israeli negotiators arrived in Doha on Tuesday. Egypt's intelligence chief joined by phone, "
     "and Egyptian officials said Cairo was ready to host a later round. The Egyptian and Qatari "
     "mediators passed drafts between the delegations.", "doha"),
    # US-Hamas contact in Egypt is US-Hamas contact
    ("Witkoff holds direct talks with Hamas in Sharm el-Sheikh",
     "US envoy Steve Witkoff held direct talks with Hamas negotiator Khalil al-Hayya in Sharm "
     "el-Sheikh on Wednesday, on the sidelines of the Egyptian-hosted negotiations.", "us_hamas"),
    # "captives" are the scope as "hostages" are: Al Jazeera, Doha News and Arab outlets write them
    ("Qatar warns against leaks on captives talks as EU chief lands in Doha",
     "Qatar's prime minister said efforts to release the captives are ongoing and warned against leaks.\n\n"
     "The discussions took place in Doha, where mediators are working on a deal to free the captives.", "doha"),
], ids=["doha_round_naming_egypt", "us_hamas_contact_in_egypt", "captives_are_the_scope"])
def test_the_track_an_article_is_about(config, title, body, track):
    assert classify(make(title, body), config).primary == track


def test_go_between_counts_for_us_hamas(config):
    article = make(
        "Washington talking to Hamas through an intermediary, official says",
        "The United States has been negotiating with Hamas through a Palestinian-American "
        "intermediary, a Hamas official said on Monday. The messages are passed via Qatar.",
    )
    assignment = classify(article, config)
    assert assignment.primary == "us_hamas"
    assert any(e.kind == "go_between" and e.track == "doha" for e in assignment.evidence)


def test_us_iran_talks_with_the_same_envoy_are_out_of_scope(config):
    article = make(
        "Witkoff and Araghchi hold talks in Muscat",
        "US envoy Steve Witkoff and Iran's foreign minister held a second round of nuclear talks in "
        "Muscat, Oman, on Saturday. Oman mediated. Iran insists on its right to enrich uranium. "
        "Witkoff has also negotiated with Hamas over the Gaza hostages.",
    )
    assignment = classify(article, config)
    assert assignment.primary == OUT_OF_SCOPE
    assert assignment.evidence[0].kind == "exclude"


def test_russia_ukraine_talks_in_riyadh_are_out_of_scope(config):
    article = make(
        "US, Russian delegations meet in Riyadh",
        "American and Russian officials met in Riyadh on Tuesday for talks on ending the war in "
        "Ukraine. Kushner and Witkoff attended. Ukraine's President Zelensky was not invited, and "
        "Kyiv said it would not accept a deal made without it. Witkoff earlier helped broker the "
        "Gaza ceasefire.",
    )
    assert classify(article, config).primary == OUT_OF_SCOPE


def test_gaza_talks_in_paris_and_rome_are_other(config):
    for city in ("Paris", "Rome"):
        article = make(
            f"Spy chiefs meet in {city} on Gaza hostage deal",
            f"The CIA director, the head of Mossad and the Qatari and Egyptian mediators met in {city} "
            "on Sunday to discuss a hostage deal. Hamas leaders in Doha were briefed afterwards, and a "
            "Hamas delegation may travel to Cairo later this week.",
        )
        assert classify(article, config).primary == OTHER, city


def test_where_the_reporters_sat_is_no_venue(config):
    article = make(
        "Mediators press Hamas and Israel to resume Gaza truce talks",
        "Qatari and Egyptian mediators urged Israel and Hamas on Monday to return to indirect talks on a "
        "Gaza truce and the release of hostages, officials said.\n\n"
        "(Reporting by Nadine Awad in Cairo; Additional reporting by Maayan Cohen in Jerusalem; Editing by Tom Aldridge)\n\n"
        "Rania Haddad in Cairo contributed to this report.",
    )
    evidence = classify(article, config).evidence
    assert evidence and not [e for e in evidence if "Cairo" in e.sentence]


def test_israeli_strike_on_hamas_in_doha_is_other(config):
    article = make(
        "Israel strikes Hamas officials in Doha",
        "Israeli jets struck a building in Doha where senior Hamas officials were staying, the "
        "military said. Qatar condemned the attack on its capital and said mediation was at risk. "
        "The Hamas leaders had been studying a ceasefire proposal.",
    )
    assignment = classify(article, config)
    assert assignment.primary == OTHER
    assert any(e.kind == "incident" for e in assignment.evidence)


def test_headline_and_lead_outweigh_late_paragraphs(config):
    late = " ".join(f"Background sentence number {n} mentions nothing in particular about Gaza." for n in range(14))
    article = make(
        "Hamas delegation arrives in Cairo for truce talks",
        f"A Hamas delegation arrived in Cairo on Monday for Gaza truce talks. {late} Last year a "
        "round in Doha failed. Talks in Doha were also held in the spring.",
    )
    assignment = classify(article, config)
    assert assignment.primary == "cairo"
    doha = [e.weight for e in assignment.evidence if e.track == "doha"]
    cairo = [e.weight for e in assignment.evidence if e.track == "cairo"]
    assert max(cairo) > max(doha)


def test_a_passing_mention_of_talks_does_not_make_a_war_report_a_track(config):
    article = make(
        "Israeli strikes kill dozens in Gaza",
        "Israeli strikes killed at least 40 Palestinians across the Gaza Strip on Sunday, health "
        "officials said. Aid agencies warned of famine. Separately, ceasefire talks in Cairo have "
        "made little progress.",
    )
    assert classify(article, config).primary == OTHER


def test_dateline_counts_for_its_track_but_is_not_decisive_alone(config):
    # Agencies file Gaza war news from their Cairo bureaus, so a dateline is evidence, not proof.
    body = "Negotiators resumed indirect talks on Sunday on a Gaza ceasefire and the release of hostages."
    with_place = classify(make("Gaza ceasefire negotiations resume", body, place="Doha, Qatar"), config)
    without = classify(make("Gaza ceasefire negotiations resume", body), config)
    assert with_place.scores["doha"] == without.scores["doha"] + config.classifier.dateline
    assert [e.kind for e in with_place.evidence if e.track == "doha"] == ["dateline"]
    war_report = make("Israeli strikes kill 30 in Gaza", "Israeli strikes killed 30 people overnight, medics said.",
                      place="Cairo")
    assert classify(war_report, config).primary == OTHER


def test_uppercase_dateline_left_in_the_first_sentence_counts(config):
    article = make("Gaza ceasefire negotiations resume",
                   "CAIRO, Feb 3 (Reuters) - Negotiators resumed talks on a Gaza ceasefire and hostages.")
    assert any(e.kind == "dateline" and e.track == "cairo" for e in classify(article, config).evidence)


def test_a_dateline_alone_does_not_make_a_war_report_about_talks(config):
    # Wire services file war news from Cairo: the dateline says where, not what the article is about.
    article = make(
        "Israeli strikes kill 35 across Gaza, medics say",
        "Israeli air strikes killed at least 35 Palestinians across Gaza on Tuesday, medics said. "
        "Residents said strikes hit houses in the Nuseirat camp. Hospitals were overwhelmed. "
        "Egyptian mediators are trying to broker a truce. "
        "Hamas said it had no plans to send a delegation to Cairo while the offensive went on.",
        place="Cairo",
    )
    assert classify(article, config).primary == OTHER


def test_talks_as_the_backdrop_of_a_war_report_do_not_make_it_a_round(config):
    body = ("Israeli strikes killed at least 40 Palestinians across Gaza on Tuesday, medics said, as Egyptian "
            "and Qatari mediators pressed on with efforts to secure a ceasefire. Tanks advanced into Khan Younis. "
            "A strike on a school killed 12 people. A Hamas delegation held talks in Cairo last week.")
    report = make("Israeli strikes kill 40 in Gaza as mediators push for truce", body, place="Cairo")
    assert classify(report, config).primary == OTHER
    # the same words before the "as" are the news
    round_report = make("Mediators push for truce at talks in Cairo as Gaza death toll rises", body, place="Cairo")
    assert classify(round_report, config).primary == "cairo"


STRIKE_REPORT = ("Israeli air strikes killed at least 30 Palestinians across Gaza on Saturday, medics said. "
                 "A strike on a tent camp killed 12 people. The army said it targeted militants. "
                 "Residents described a night of heavy bombardment. "
                 "A Hamas team was due in Cairo for talks with Egyptian mediators, an official said.")
HUNGER_REPORT = ("Health officials in Gaza reported eleven more deaths from malnutrition on Wednesday, as hopes of a "
                 "truce faded after negotiators left the talks in Cairo. Aid agencies said flour had run out in the north. "
                 "A mother said her children had not eaten for two days. Doctors described wards full of starving infants. "
                 "The United Nations said one in three people went days without food.")


@pytest.mark.parametrize(("title", "body"), [
    ("Israeli strikes kill 30 in Gaza as Hamas delegation heads to Cairo", STRIKE_REPORT),
    ("Dozens killed in Gaza as ceasefire talks resume in Cairo", STRIKE_REPORT),
    # hunger and deaths are the war too
    ("Hunger deaths mount in Gaza as truce talks falter in Cairo", HUNGER_REPORT),
    ("Children dying of starvation in Gaza as negotiators leave Cairo", HUNGER_REPORT),
])
def test_a_venue_in_the_backdrop_of_a_war_headline_counts_as_the_body_does(title, body, config):
    assert classify(make(title, body), config).primary == OTHER


def test_news_of_talks_before_the_as_keeps_the_backdrop_venue_at_the_headline_weight(config):
    deal = make("Gaza deal within reach as negotiators in Cairo hand over a final draft", STRIKE_REPORT)
    assert classify(deal, config).primary == "cairo"


def test_background_rounds_elsewhere_do_not_outweigh_the_round_in_the_lead(config):
    article = make(
        "Analysis: what is at stake in the Gaza talks",
        "Israeli and Hamas negotiators sat down for indirect talks in Cairo on Tuesday. "
        "Mediators hope to close the gaps this week. "
        "Sessions ran late into the night. "
        "Previous rounds in Doha failed. "
        "Spy chiefs met in Doha in January. "
        "Another round was held in Doha in 2024. "
        "Talks in Doha last month also stalled.",
    )
    assert classify(article, config).primary == "cairo"


@pytest.mark.parametrize("sentence", [
    "Previous rounds in Doha failed to close the gaps.",
    "Spy chiefs met in Doha in January and February.",
    "Qatar hosted a string of rounds in the first half of 2024.",
    "The delegations held talks in Doha last month.",
    "A Hamas delegation held talks in Doha last week.",
])
def test_talks_dated_to_the_past_are_background(config, sentence):
    kinds = kinds_for(config, sentence, "doha")
    assert "background" in kinds
    assert "venue_pattern" not in kinds


@pytest.mark.parametrize("sentence", [
    "Negotiators met in Doha on Tuesday.",
    "Israel may send a team to Doha for the talks.",
    "Negotiators met in Doha on Sunday, January 12.",
])
def test_talks_of_this_week_are_not_background(config, sentence):
    assert kinds_for(config, sentence, "doha") == {"venue_pattern"}


@pytest.mark.parametrize("sentence, track", [
    ("Negotiators began indirect talks on Monday, October 6, 2025, in Doha.", "doha"),
    ("Delegations from Hamas and Israel began indirect negotiations on Monday, October 6, 2025, "
     "in the Egyptian city of Sharm el-Sheikh, mediated by Egypt and Qatar.", "cairo"),
])
def test_a_date_with_its_weekday_is_this_week_however_far_from_the_place(config, sentence, track):
    kinds = kinds_for(config, sentence, track)
    assert "venue_context" in kinds and "background" not in kinds


@pytest.mark.parametrize("sentence, placed", [
    ("A Hamas delegation met with Egyptian intelligence officials on Sunday to discuss a ceasefire.", True),
    ("The Israeli negotiators held talks with Egyptian officials on the crossing.", True),
    ("Netanyahu spoke with Egyptian officials about the crossing on Sunday.", False),  # no delegation received
    ("The delegation held talks with Egypt on Sunday.", False),  # the country, no officials receiving it
])
def test_a_delegation_meeting_a_host_s_officials_is_that_host_s_round(config, sentence, placed):
    kinds = kinds_for(config, sentence, "cairo")
    assert ("venue_context" in kinds) is placed, kinds


def test_hosting_delegations_names_a_venue(config):
    assert "venue_pattern" in kinds_for(config, "Qatar on Sunday hosted delegations from Israel and Hamas.", "doha")


def test_mentions_of_a_country_alone_do_not_make_its_track(config):
    # A dateline naming only the country, and places the article passes through, do not place talks.
    article = make(
        "First wounded Gazans cross into Egypt as the crossing reopens",
        "Dozens of wounded Palestinians crossed from Gaza into Egypt on Saturday under the ceasefire "
        "agreement, Egyptian officials said. Egyptian medics took them to hospitals in Cairo and Ismailia. "
        "Egyptian officials said 50 patients would cross each day. Egypt sent more ambulances.",
        place="Rafah, Egypt",
    )
    assignment = classify(article, config)
    assert assignment.scores["cairo"] > assignment.scores[OTHER]
    assert assignment.primary == OTHER
    assert "dateline_country" in {e.kind for e in assignment.evidence if e.track == "cairo"}
    assert assignment.confidence == 0.0


def test_an_article_whose_top_says_nothing_of_the_scope_is_no_track(config):
    # A state visit: talks words and a venue all through, Gaza only at the end.
    article = make(
        "Trump lands in Qatar as Gulf tour yields jet order",
        "President Trump arrived in Qatar on Wednesday and signed economic agreements with the emir in Doha. "
        "The deals were worth billions of dollars. The emir said Qatar would keep mediating on Gaza and "
        "that Hamas had released a hostage this week.",
        place="Doha, Qatar",
    )
    assignment = classify(article, config)
    assert assignment.scores["doha"] > assignment.scores[OTHER]
    assert assignment.primary == OTHER
    # the same article led by the scope is a Doha story
    led = make("Trump lands in Qatar for Gaza hostage talks", article.text, place="Doha, Qatar")
    assert classify(led, config).primary == "doha"


def test_a_place_talked_with_is_a_party_not_a_venue(config):
    kinds = kinds_for(config, "Hamas said it held talks with Washington on Sunday.", OTHER)
    assert kinds == {"mediator"}


# --- the rules, sentence by sentence -----------------------------------------------------------


def kinds_for(config, sentence: str, track: str) -> set[str]:
    assignment = classify(make("A note on Gaza and Hamas", sentence), config)
    return {e.kind for e in assignment.evidence if e.track == track and e.sentence == sentence}


@pytest.mark.parametrize("sentence", [
    "Talks in Doha resumed on Gaza.",
    "The Israeli delegation arrived in Doha on Sunday.",
    "Negotiators are due in the Qatari capital on Monday.",
    "Israel will send a team to Doha for the talks.",
    "The Qatar-hosted talks resumed.",
    "The talks, hosted by Qatar, resumed.",
    "The Doha talks broke up without a deal.",
    "Israel recalled its negotiators from Doha.",
    "Mossad chief left Doha on Tuesday.",
    "Israel and Hamas have been locked in slow-moving talks in Qatar this week.",
    "Hamas official Khalil al-Hayya visited Doha on Thursday to discuss the proposals.",
])
def test_venue_patterns(config, sentence):
    assert "venue_pattern" in kinds_for(config, sentence, "doha")


@pytest.mark.parametrize("sentence", [
    "The leaders of Egypt and Qatar met on Friday in Cairo.",
    "Egypt and Qatar discussed the proposal by phone.",
    "Qatar held separate calls with both sides.",
])
def test_a_place_that_meets_or_talks_is_who_acts_not_where(config, sentence):
    # "Qatar met": Qatar is the subject of the verb; "the Doha talks", "the Doha meeting" are where
    assert "venue_pattern" not in kinds_for(config, sentence, "doha")


@pytest.mark.parametrize("sentence,track", [
    ("Trump predicted a breakthrough as he spoke to reporters in Washington after the final.", OTHER),
    ("The Qatari prime minister was speaking to journalists in Doha on Tuesday.", "doha"),
    ("Al-Hayya talked to the media in Cairo on Sunday.", "cairo"),
])
def test_speaking_to_the_press_somewhere_is_no_talks_there(config, sentence, track):
    # where the speaker was is context at most
    assert "venue_pattern" not in kinds_for(config, sentence, track)


def test_speaking_to_a_party_somewhere_is_still_talks_there(config):
    assert "venue_pattern" in kinds_for(config, "Witkoff spoke to Hamas officials in Doha on Sunday.", "doha")


def test_a_place_before_a_talk_noun_is_where_the_talks_are(config):
    assert "venue_pattern" in kinds_for(config, "The Doha meeting ended without a deal.", "doha")


@pytest.mark.parametrize("sentence,kind", [
    ("Hamas's political office in Doha issued a statement.", "residence"),
    ("The Doha-based Hamas leader spoke to reporters.", "residence"),
    ("Qatari mediators handed the proposal to Hamas.", "mediator"),
    ("Qatar and Egypt have mediated between the sides.", "mediator"),
    ("An Israeli strike on Hamas leaders in Doha killed five people.", "incident"),
    ("The messages reached Hamas via Qatar.", "go_between"),
])
def test_places_that_are_not_venues(config, sentence, kind):
    track = OTHER if kind == "incident" else "doha"
    kinds = kinds_for(config, sentence, track)
    assert kind in kinds
    assert "venue_pattern" not in kinds_for(config, sentence, "doha")


@pytest.mark.parametrize("sentence", [
    "Arab leaders at an emergency Arab League summit in Cairo adopted Egypt's plan for Gaza.",
    "A summit of the Arab League in Cairo on Tuesday backed the reconstruction plan.",
    "The extraordinary Arab summit held in Egypt adopted the plan.",
    "Leaders of the Organisation of Islamic Cooperation met in Doha after the strike.",
])
def test_a_standing_body_meeting_somewhere_is_no_round_there(config, sentence):
    track = "doha" if "Doha" in sentence else "cairo"
    assert not kinds_for(config, sentence, track) & {"venue_pattern", "venue_context"}


def test_a_summit_of_the_parties_still_names_its_venue(config):
    assert "venue_pattern" in kinds_for(config, "Israeli and Hamas negotiators met in Cairo on Tuesday.", "cairo")
    assert "venue_pattern" in kinds_for(config, "The proposal was handed to Hamas leaders in Cairo on Sunday.", "cairo")
    assert "venue_pattern" not in kinds_for(config, "The bodies were handed to the Red Cross in Cairo on Sunday.", "cairo")


def test_an_arab_league_summit_on_gaza_in_cairo_is_other(config):
    article = make("Arab leaders adopt Egypt's $53 billion Gaza plan",
                   "Arab leaders at an emergency Arab League summit in Cairo on Tuesday adopted Egypt's plan to rebuild Gaza, "
                   "an alternative to Trump's vision. The plan would let Gaza's people stay and cost $53 billion. "
                   "Hamas welcomed the summit's outcome, while Israel's foreign ministry rejected it.")
    assert classify(article, config).primary == OTHER


@pytest.mark.parametrize("sentence", [
    "Mediators hope to strike a compromise in Doha this week.",
    "Washington could strike separate arrangements with Hamas in Qatar.",
])
def test_striking_a_deal_is_no_attack(config, sentence):
    assert "incident" not in kinds_for(config, sentence, OTHER)
    assert "incident" in kinds_for(config, "Israeli jets could strike that compound in Doha again.", OTHER)


def test_leaving_for_a_place_is_weaker_than_talks_there(config):
    assert kinds_for(config, "The Hamas delegation left for Doha on Sunday.", "doha") == {"venue_context"}
    assert kinds_for(config, "The delegation arrived from Doha.", "doha") == {"mention"}


@pytest.mark.parametrize("sentence", [
    "The US held direct talks with Hamas in Doha.",
    "Witkoff met Hamas negotiator Khalil al-Hayya on Wednesday.",
    "Hamas officials met with Adam Boehler twice.",
    "Axios reported the talks between the U.S. and Hamas.",
    "The US-Hamas talks focused on American hostages.",
    "The Trump administration is negotiating directly with Hamas.",
    "Hamas says it will free a US-Israeli soldier after direct talks with Washington.",
    "Boehler said his meetings with Hamas leaders had been useful.",
    "Talks between US envoy Adam Boehler and senior Hamas officials took place in Doha.",
    "They met in Cairo, between Hamas's Khalil al-Hayya and Palestinian-American businessman Bishara Bahbah.",
    # "the group" after a speech verb takes up the subject, as a pronoun does
    "A senior Hamas official said that the militant group was ready to start a dialogue with the United States.",
    "Hamas said on Friday the movement had held talks with US envoy Adam Boehler.",
    # a letter or a message to the other side, whoever carries it
    "Hamas has drafted a letter to President Donald Trump asking him to guarantee a 60-day truce.",
    "Hamas pens letter to Trump asking for 60-day truce in exchange for freeing half of hostages",
    "Witkoff sent a message to Hamas through Qatari mediators on Sunday.",
    "Boehler spoke to Hamas leaders in Doha.",
    # Hamas telling the US envoys something
    "Sources said Hamas informed US envoy Steve Witkoff and Jared Kushner that the agreement is over.",
    "Hamas told Witkoff the truce must be mutual.",
    # "America" is the US
    "Abu Marzouk said Hamas was ready to negotiate with America on everything.",
])
def test_us_talking_to_hamas_is_a_relation(config, sentence):
    assert "relation" in kinds_for(config, sentence, "us_hamas")


@pytest.mark.parametrize("sentence", [
    "Witkoff urged Israel to resume talks with Hamas.",
    "US officials said talks with Hamas were stalled.",
    "Hamas accepted Witkoff's proposal during talks in Doha.",
    "Witkoff held talks with Qatari mediators on Hamas's response.",
    "Egypt, Qatar and the US met Hamas negotiators in Cairo.",
    "The US backs the Israel-Hamas talks.",
    "The United States welcomed the talks between Israel and Hamas.",
    "Hamas said Israel had refused talks with the US.",
    "Hamas condemned Netanyahu's talks with Washington.",
    "Talks between Israeli negotiators and Hamas resumed as US envoy Witkoff arrived.",
    # what a host does to Hamas: the deal is the host's
    "Qatar has hosted Hamas political leaders since 2012 as part of a deal with the United States.",
    # a message to someone else, or about the other side
    "Hamas sent a letter to Qatari mediators about Trump's plan.",
    "Trump spoke to reporters about Hamas on Monday.",
    "Hamas said in a message to Palestinians that Washington had failed.",
    # telling the press, or the US telling Hamas in public
    "Witkoff told reporters that Hamas had accepted the plan.",
    "Trump told Hamas to release all the hostages or face hell.",
    "Hamas told Al Arabiya that Washington must restrain Israel.",
])
def test_the_us_in_the_same_sentence_as_hamas_is_not_always_talking_to_it(config, sentence):
    assert "relation" not in kinds_for(config, sentence, "us_hamas")


# Hamas answering a plan the US made, or the US taking up Hamas's answer: an exchange through
# whoever carries it. A plan the US only backs or outlines for Israel, or another party's answer, is not.
ANSWERS = [
    ("Hamas accepted the US proposal on Sunday.", True),
    ("Hamas said on Friday it had agreed to free all hostages, living and dead, under the terms of Trump's plan.", True),
    ("Hamas handed mediators its answer to a proposal from US envoy Steve Witkoff.", True),
    ("Israel is ready for the first phase of Trump's plan after Hamas's partial acceptance.", True),
    ("Trump welcomed the Hamas response on Friday.", True),
    ("Hamas rejected the US-backed proposal.", False),
    ("Hamas welcomed the Israeli proposal that Biden laid out.", False),
    ("Hamas said Israel had rejected Trump's plan.", False),
    ("Hamas agreed to extend the truce as Israel is studying the US plan.", False),
    ("In light of Hamas's response, Israel is preparing to implement Trump's plan.", False),
    ("Israel and Hamas accepted the US proposal.", False),
    # what is answered backs the plan: a UN resolution is not a US offer to Hamas
    ("Hamas rejects UN resolution backing Trump's Gaza plan.", False),
    ("Hamas has rejected a Security Council resolution endorsing Trump's plan for Gaza.", False),
]


# The US handing Hamas a plan, whoever carries it, is the US talking to Hamas; handing it to
# someone else, or someone else handing Hamas a plan, is not.
HANDED = [
    ("US envoy Steve Witkoff submitted a new ceasefire proposal to Hamas on Thursday.", True),
    ("The US sends Hamas a new truce plan.", True),
    ("Witkoff has presented Hamas with a bridging proposal.", True),
    ("Special Envoy Witkoff and the President submitted a ceasefire proposal to Hamas.", True),
    ("The plan Witkoff sent to Hamas calls for a 60-day truce.", True),
    ("Witkoff sent the proposal to Israel for approval before Hamas saw it.", False),
    ("Egypt submitted a new ceasefire proposal to Hamas on Thursday.", False),
    ("Witkoff sent a letter to Netanyahu about the hostages and the Hamas plan.", False),
    ("The US submitted a draft resolution to the Security Council, which Hamas rejected.", False),
    # the US's own plan carried by a go-between
    ("Bahbah said that he passed to Hamas a US proposal for a comprehensive deal.", True),
    ("Palestinian American mediator says he gave Hamas a US proposal for a permanent ceasefire", True),
    ("Qatar handed Hamas the US proposal on Sunday night.", True),
    ("Egypt handed Hamas its own proposal on Sunday night.", False),
    ("The mediator said he passed the offer to Hamas on Monday.", False),
    ("Qatar passed the US proposal to Israel, which Hamas had already seen.", False),
]


# Hamas receiving a plan or ideas from the US, through mediators or not, is the same exchange seen
# from the other side; receiving them from someone else, or receiving none, is not.
RECEIVED = [
    ("Hamas said it had received some ideas from the American side through mediators.", True),
    ("Hamas confirmed it received several ideas from the U.S. aimed at achieving a truce.", True),
    ("Hamas said on Thursday it had received a new proposal from US envoy Steve Witkoff.", True),
    ("Hamas said it received a message from Washington via Qatar.", True),
    ("Hamas said it had received a new proposal from Egypt and Qatar.", False),
    ("Hamas said it had received no new proposals from the United States.", False),
    ("Hamas received the bodies from Israel as the US pressed for a deal.", False),
    ("Israel said it had received a proposal from the US, which Hamas rejected.", False),
]


@pytest.mark.parametrize("sentence,exchange", ANSWERS + HANDED + RECEIVED, ids=[s for s, _ in ANSWERS + HANDED + RECEIVED])
def test_a_plan_exchanged_between_the_us_and_hamas(config, sentence, exchange):
    assert ("proposal" in kinds_for(config, sentence, "us_hamas")) is exchange


def test_the_white_house_on_its_proposal_to_hamas_is_us_hamas(config):
    article = make("Israel has signed off on new US proposal for a Gaza ceasefire, White House says",
                   "Israel has agreed to a new US-drafted proposal for a ceasefire in Gaza, the White House said Thursday. "
                   "Special Envoy Witkoff submitted the proposal to Hamas on Wednesday, press secretary Karoline Leavitt told reporters.")
    assert classify(article, config).primary == "us_hamas"


def test_answering_a_plan_is_news_of_the_talks(config):
    # a plan accepted or rejected in the headline: the article is about the negotiations
    article = make("Hamas rejects latest ceasefire proposal",
                   "Hamas said on Monday it had rejected the latest ceasefire proposal. Israeli strikes killed 20 people in Gaza.")
    assert not any(e.kind == "focus" for e in classify(article, config).evidence)
    article = make("Israeli strikes kill 20 in Gaza", "Israeli strikes killed 20 people in Gaza on Monday.")
    assert any(e.kind == "focus" for e in classify(article, config).evidence)
    # a ceasefire response handed over is the answer to a plan, though the headline names none
    article = make("Hamas hands its truce response to Qatar and Egypt",
                   "Hamas delivered its reply on Tuesday. Israeli strikes killed 20 people in Gaza.")
    assert not any(e.kind == "focus" for e in classify(article, config).evidence)
    article = make("Gaza residents respond to strikes with anger", "Israeli strikes killed 20 people in Gaza on Monday.")
    assert any(e.kind == "focus" for e in classify(article, config).evidence)


def test_hamas_answering_the_us_plan_is_us_hamas_unless_a_round_is_placed(config):
    body = ("Hamas said on Saturday it had accepted parts of the US proposal and would free all hostages. "
            "Qatari and Egyptian mediators passed the reply to Washington.")
    assignment = classify(make("Hamas accepts parts of US plan for Gaza", body), config)
    assert assignment.primary == "us_hamas"
    round_ = make("Hamas accepts parts of US plan as Cairo talks resume",
                  "Israeli and Hamas delegations arrived in Cairo on Sunday for talks on the details. " + body)
    assignment = classify(round_, config)
    assert assignment.primary == "cairo"
    assert "us_hamas" in assignment.secondary


def test_us_in_capitals_only(config):
    assert kinds_for(config, "Hamas told us it would meet with us in Doha.", "us_hamas") <= {"venue_context"}


# --- the assignment ---------------------------------------------------------------------------


def test_assignment_has_scores_confidence_and_evidence(config):
    article = read_article(TRACKS_DIR / "doha_01.txt")
    assignment = classify(article, config)
    assert set(assignment.scores) >= {"doha", "cairo", "us_hamas", OTHER}
    assert assignment.scores["doha"] == max(assignment.scores.values())
    assert 0 < assignment.confidence <= 1
    assert assignment.config_hash == config.tracks_hash
    top = assignment.evidence[0]
    assert top.track == "doha" and top.weight > 0 and top.cue and top.sentence
    assert top.sentence == article.title or top.sentence in article.text or top.sentence.startswith("dateline")
    weights = [e.weight for e in assignment.evidence if e.track != OUT_OF_SCOPE]
    assert weights == sorted(weights, reverse=True)


def test_classify_is_pure_and_repeatable(config):
    article = read_article(TRACKS_DIR / "cairo_01.txt")
    assert classify(article, config) == classify(article, config)


def test_classify_many_keeps_order_and_matches_classify(config):
    articles = [read_article(p) for p in sorted(TRACKS_DIR.glob("*.txt"))]
    batch = articles * 6  # enough to be shared among processes
    results = classify_many(batch, config, workers=2)
    assert [r.primary for r in results] == [classify(a, config).primary for a in batch]


def test_an_article_with_nothing_about_gaza_is_out_of_scope(config):
    article = make("Markets rally on rate cut hopes", "Stocks rose on Friday as investors bet on lower rates.")
    assignment = classify(article, config)
    assert assignment.primary == OUT_OF_SCOPE
    assert assignment.secondary == ()


def test_an_article_about_gaza_without_talks_is_other(config):
    article = make("Aid trucks enter Gaza", "Dozens of aid trucks entered Gaza through Kerem Shalom, the UN said.")
    assert classify(article, config).primary == OTHER


# --- tracks are configuration ---------------------------------------------------------------


def test_another_desk_with_other_tracks(tmp_path):
    config_file = tmp_path / "digest.toml"
    config_file.write_text(
        """
[scope]
terms = ["Iran", "nuclear"]
exclude = []

[[tracks]]
id = "oman"
title = "Oman-hosted rounds"
venues = ["Muscat"]
hosts = ["Oman", "Omani"]

[[tracks]]
id = "rome"
title = "Rome rounds"
venues = ["Rome"]

[[tracks]]
id = "other"
title = "Other"
""",
        encoding="utf-8",
    )
    config = load_config(config_file)
    article = make("Iran and US resume nuclear talks in Muscat",
                   "Iranian and American negotiators arrived in Muscat for nuclear talks mediated by Oman.")
    assert classify(article, config).primary == "oman"
    article = make("Nuclear talks move to Rome", "The next round of Iran nuclear talks will be held in Rome.")
    assert classify(article, config).primary == "rome"


def test_changing_a_cue_changes_the_tracks_hash(tmp_path, config):
    config_file = tmp_path / "digest.toml"
    config_file.write_text("[classifier]\nmin_score = 6.0\n", encoding="utf-8")
    assert load_config(config_file).tracks_hash != config.tracks_hash


@pytest.mark.parametrize("text,message", [
    ("[classifier]\nmin_scor = 1.0\n", "unknown key 'min_scor'"),
    ("[classifier]\nrelation = -1.0\n", "must not be negative"),
    ("[classifier]\ntalk_words = ['talks', ' ']\n", "empty word"),
    ("[classifier]\nlead_sentences = 'three'\n", "whole number"),
    ("[[tracks]]\nid = 'doha'\ntitle = 'Doha'\nvenues = [{ pattern = '--' }]\n", "has no words"),
    ("[[tracks]]\nid = 'doha'\ntitle = 'Doha'\nhosts = [{ pattern = 'Qatar', weight = -2 }]\n", "must not be negative"),
    ("[[tracks]]\nid = 'doha talks'\ntitle = 'Doha'\n", "letters, digits and underscores"),
    ("[[tracks]]\nid = 'doha'\ntitle = 'Doha'\nplaces = ['Doha']\n", "unknown key 'places'"),
])
def test_classifier_config_is_validated_strictly(tmp_path, text, message):
    config_file = tmp_path / "digest.toml"
    config_file.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(config_file)


BLIND_BARS = {"blind": 0.95, "blind2": 0.90, "blind3": 0.95, "blind4": 0.90, "blind5": 0.85, "blind6": 0.90, "blind7": 0.90}


@pytest.mark.parametrize("name", sorted(BLIND_BARS))
def test_blind_batches_keep_their_score(name, config):
    # Written from real events before their first run (first scores: blind macro-F1 1.000 before
    # the classifier was read, blind2 0.928 after the first fixes, blind3 1.000 before the
    # classifier was read again); the bar leaves room for one miss. blind4 and blind5 are real
    # articles labelled from the track definitions alone: first run 0.920 and 0.874 (a Bahbah
    # article on carrying a US plan to Hamas, a weekday date read as a past round: fixed since);
    # blind6, written after those fixes, 0.928 on its first run (a delegation meeting Egypt's
    # intelligence officials, with no venue named, read as no round: fixed since); blind7, written
    # after all those fixes, 0.938 on its first run (two of its three misses labelled debatable).
    gold = load_gold(TRACKS_DIR / name / "gold.json")
    scores = evaluate_classification(gold, config)
    assert not scores.failures
    assert scores.macro_f1 >= BLIND_BARS[name], [p for p in scores.to_dict()["predictions"] if not p["correct"]]


@pytest.mark.parametrize(("name", "bar"), [("blind3", 0.85), ("blind4", 0.95), ("blind5", 0.80), ("blind6", 0.85), ("blind7", 0.90), ("blind8", 0.73), ("blind9", 0.70), ("blind10", 0.58), ("blind11", 0.58), ("blind12", 0.63),
                                                 ("blind13", 0.58)])
def test_the_summary_sets_labelled_without_reading_the_classifier_keep_their_accuracy(name, bar, config):
    # Labelled by people who never read the classifier. First scores: blind3 accuracy 0.679 (six
    # misses in one cluster, Hamas' answer to Trump's plan), blind4 0.964; now 0.893 and 1.000.
    # blind5 0.667 (an Arab League summit in Cairo called a Cairo round, the US handing Hamas its
    # plan not seen as an exchange), now 0.809; blind6, first run after those fixes, 0.905 (now 0.929);
    # blind7, run once at the end of that session, 0.929; blind8, run once, 0.762 (an Israeli
    # cabinet vote on the Doha deal labelled Doha, a US envoy's Doha meetings with Hamas beside
    # Israel's delegation to Doha labelled US–Hamas); blind9, run once, 0.745 (Blinken in Cairo while
    # the round sat in Doha, Witkoff telling hostage families what Hamas had told the US side);
    # blind10, run once, 0.621 (Qatar announcing a truce's extension as a Doha round, an exchange agreed
    # by a Hamas delegation in Cairo read as the exchange itself, a Hamas official's interview on the US
    # mediator labelled US–Hamas); blind11, run once, 0.608, where its builders said the track was a
    # judgement call: a US envoy's public message to Hamas labelled US–Hamas, Qatar's push to restart
    # talks labelled Doha, an Egyptian proposal for the Rafah fighters labelled Cairo (all "other" here).
    # blind12, run once, 0.674: the US secretary of state's visit to Doha to keep Qatar as mediator labelled
    # Doha, reports of Egypt's 60-day proposal labelled Cairo, a US briefing on what Hamas signalled about
    # disarmament labelled US–Hamas (mostly "other" here).
    # blind13, run once, 0.605: Blinken's press conference in Doha with the Qatari prime minister labelled
    # Doha, a US advisers' briefing on their channel to Hamas labelled US–Hamas (its builder called it loose).
    gold = load_gold(TRACKS_DIR.parent / "summarize" / name / "gold.json")
    scores = evaluate_classification(gold, config)
    assert not scores.failures
    assert scores.accuracy >= bar, [p for p in scores.to_dict()["predictions"] if not p["correct"]]


@pytest.mark.parametrize(("title", "text", "primary"), [
    # a host announcing the deal, a pause in it or its own mediation, in the headline or first sentence
    ("Qatar says Gaza truce, hostage release to start Friday",
     "A Gaza truce and hostage release will start on Friday morning, the foreign ministry spokesperson said. "
     "The four-day pause will see 13 hostages freed on the first day, he added.", "doha"),
    ("Qatar suspends its mediation between Israel and Hamas",
     "Qatar has suspended its role as a mediator in talks on a Gaza ceasefire and hostage deal until both "
     "sides show willingness, its foreign ministry said on Saturday.", "doha"),
    ("Qatar announces four-day humanitarian pause in Gaza",
     "The pause will begin on Thursday morning and allow aid into the Strip, in exchange for the release of 50 "
     "women and children held hostage.", "doha"),
    ("Egypt proposes two-day Gaza ceasefire to free four hostages",
     "Egypt has proposed a two-day ceasefire in the Gaza Strip to exchange four Israeli hostages for some "
     "Palestinian prisoners, the president said on Sunday.", "cairo"),
    ("Qatar diplomacy secures truce after 467 days of war in Gaza",
     "The ceasefire will begin on Sunday and 33 hostages will be freed in its first phase, officials said.", "doha"),
    # ... as a headline writes what it is about to do
    ("Qatar to pause Gaza ceasefire mediation, source says",
     "The Gulf state will resume its role when Hamas and Israel show willingness to end the war, an official "
     "briefed on the matter said.", "doha"),
    # ... or its official does, by name and title
    ("Gaza ceasefire deal reached",
     "Qatar's prime minister on Wednesday announced a ceasefire agreement between Israel and Hamas, clearing the way "
     "for dozens of hostages to go home.", "doha"),
    # ... or a headline gives its official's words on the state of the talks
    ("Only 'very minor' challenges remain in Israel-Hamas hostage negotiations: Qatari PM",
     "The remaining challenges to reaching a deal are practical and logistical, the prime minister told a news "
     "conference on Tuesday.", "doha"),
    ("Hostage deal is close, Egypt's foreign minister says",
     "The gaps between the two sides have narrowed, the minister told reporters on Monday.", "cairo"),
    # an official only commenting on talks held elsewhere does not make them the host's round
    ("Paris talks made good progress, Qatari premier says",
     "The discussions in Paris on freeing the hostages made good progress, Qatari Prime Minister Mohammed bin "
     "Abdulrahman Al Thani said at a think tank in Washington on Monday.", "other"),
    # two hosts announcing together are co-mediators, not a venue
    ("Egypt and Qatar receive Hamas response to ceasefire proposal",
     "Egypt and Qatar said on Tuesday they had received the response of Hamas to the US-backed proposal for a "
     "ceasefire and hostage exchange.", "other"),
    # a host speaking of a strike is an incident, not an announcement of the talks
    ("Qatar says Israeli strike on Hamas negotiators in Doha threatens the truce",
     "Qatar said on Tuesday that an Israeli strike on a building in Doha housing members of Hamas's political "
     "bureau, who were meeting to discuss a US ceasefire proposal, was a cowardly attack.", "other"),
    # a host commenting further down is still only a mediator named
    ("Israeli strikes kill 30 across Gaza",
     "Israeli strikes killed at least 30 Palestinians across Gaza on Monday, health officials said. Qatar said "
     "the strikes endangered the ceasefire deal it had mediated.", "other"),
])
def test_a_host_announcing_the_deal_itself_places_the_article(config, title, text, primary):
    assignment = classify(make(title, text), config)
    assert assignment.primary == primary, assignment.evidence[:4]
    assert (any(e.kind == "announcement" for e in assignment.evidence)) == (primary != "other")
