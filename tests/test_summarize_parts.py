"""The parts of summarize: the vectorised LexRank against sumy's, the offline tokenizer, the
candidate filters and context penalties, key figures and quotes."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from digest.ingest import document_to_article, iter_documents
from digest.models import Article, Document
from digest.summarize.candidates import Hints, context_penalty, extract_candidates, rejection
from digest.summarize.dates import days_before
from digest.summarize.figures import DISPUTED_EXTRA, MAX_FIGURES, extract_figures, find_figures, parse_number, value_range
from digest.summarize.quotes import MAX_QUOTES, _described, extract_quotes, quotes_in, speaker_from
from digest.summarize.scoring import OfflineTokenizer, concept_matrix, content_terms, lexrank, percentile, sumy_ratings
from digest.summarize.select import (
    ALIKE_FROM, SAME_CONTENT, MeaningSpace, figure_counts, main_clause, meaning_terms, mmr_select, said_by_graph, same_terms, told_share,
)
from digest.text import content_key, paragraph_sentences, quick_sentences, split_sentences, words

RESOURCES = Path(__file__).parent / "resources" / "summarize"


def texts_of(name: str) -> list[str]:
    articles = [document_to_article(doc) for _, doc in iter_documents([str(RESOURCES / name)], 10**7)]
    candidates, _ = extract_candidates(articles)
    return [c.text for c in candidates]


def article(body: str, title: str = "A story") -> Article:
    return document_to_article(Document(location=title, title=title, body=body))


# -- LexRank ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sharm", "doha_deal", "alexander", "biden_plan"])
def test_vectorised_lexrank_gives_sumys_scores_and_ranking(name):
    sentences = texts_of(name)
    tokenizer = OfflineTokenizer()
    ours = lexrank([content_terms(tokenizer.to_words(s)) for s in sentences])
    theirs = sumy_ratings(sentences, "lexrank")
    assert np.allclose(ours, theirs, rtol=1e-9, atol=1e-12)
    # Identical sentences (syndicated copies) tie; compare the order of distinct scores.
    assert list(np.argsort(-np.round(ours, 12), kind="stable")) == list(np.argsort(-np.round(theirs, 12), kind="stable"))


@pytest.mark.parametrize("name", ["sharm", "doha_deal", "alexander", "biden_plan"])
def test_continuous_lexrank_past_the_pair_budget_agrees_broadly_with_the_exact_one(name):
    tokenizer = OfflineTokenizer()
    terms = [content_terms(tokenizer.to_words(s)) for s in texts_of(name)]
    exact = percentile(lexrank(terms))
    continuous = percentile(lexrank(terms, pair_budget=0))
    assert np.isfinite(continuous).all()
    assert np.corrcoef(exact, continuous)[0, 1] > 0.4


def test_percentile_is_rank_based_with_ties_shared():
    assert list(percentile(np.array([0.2, 0.9, 0.2, 0.5]))) == [pytest.approx(1 / 6), 1.0, pytest.approx(1 / 6), pytest.approx(2 / 3)]


def test_sumy_runs_on_the_offline_tokenizer_for_plain_text():
    from sumy.parsers.plaintext import PlaintextParser

    from digest.summarize.scoring import make_summarizer

    text = "\n\n".join(texts_of("biden_plan"))
    document = PlaintextParser.from_string(text, OfflineTokenizer()).document
    for algorithm in ("lexrank", "lsa", "luhn", "textrank"):
        assert len(make_summarizer(algorithm)(document, 3)) == 3
    assert OfflineTokenizer().to_words("Hamas freed 33 hostages, U.S. officials said.") == ("Hamas", "freed", "hostages", "U", "S", "officials", "said")



@pytest.mark.parametrize("split", [split_sentences, quick_sentences])
def test_sentences_a_page_glued_together_are_split_and_kept_exact(split):
    text = ("Egypt mediated during the 2021 Gaza conflict.In November 2023, Egypt and Qatar brokered a pause. "
            "Hamas freed 81 hostages.The pause collapsed on December 1, Caliber.Az reports. Mr.Smith met U.S. envoys.")
    assert split(text) == [
        "Egypt mediated during the 2021 Gaza conflict.", "In November 2023, Egypt and Qatar brokered a pause.",
        "Hamas freed 81 hostages.", "The pause collapsed on December 1, Caliber.Az reports.", "Mr.Smith met U.S. envoys."]


@pytest.mark.parametrize("split", [split_sentences, quick_sentences])
def test_a_sentence_ending_in_a_number_glued_to_the_next_is_split(split):
    text = "Officials hope to reach a deal before Passover begins on April 12.Earlier Saturday, the office confirmed it."
    assert split(text) == ["Officials hope to reach a deal before Passover begins on April 12.",
                           "Earlier Saturday, the office confirmed it."]
    # a decimal is no sentence's end
    assert split("The toll rose by 2.5 percent on Monday.") == ["The toll rose by 2.5 percent on Monday."]


@pytest.mark.parametrize("split", [split_sentences, quick_sentences])
def test_a_photo_credit_glued_to_the_lead_ends_its_caption(split):
    text = "President Donald Trump (Shutterstock)US President Donald Trump said Thursday that Hamas would disarm."
    assert split(text) == ["President Donald Trump (Shutterstock)", "US President Donald Trump said Thursday that Hamas would disarm."]
    # a bracket in a sentence that goes on is no caption's end
    assert split("The group (Hamas)said nothing.") == ["The group (Hamas)said nothing."]


@pytest.mark.parametrize("split", [split_sentences, quick_sentences])
def test_a_retired_officer_s_rank_ends_no_sentence(split):
    text = ("The team includes Maj. Gen. (ret.) Nitzan Alon and Brig. Gen. (Res.) Gal Hirsch, officials said. "
            "They left on Sunday.")
    assert split(text) == [
        "The team includes Maj. Gen. (ret.) Nitzan Alon and Brig. Gen. (Res.) Gal Hirsch, officials said.",
        "They left on Sunday."]


# -- candidates ---------------------------------------------------------------------------


@pytest.mark.parametrize("text,reason", [
    ("By Jane Doe and John Roe", "byline"),
    ("Morris reported from Berlin, Fahim from Istanbul and Daduchi from Beirut.", "byline"),
    ("Karen DeYoung in Washington contributed to this report.", "furniture"),
    # a page's audio player and newsletter offers
    ("Getting your Trinity Audio player ready...", "furniture"),
    ("AI technology was used to generate this article’s audio.", "furniture"),
    ("Get Our Latest News for FREE Subscribe to get daily/weekly email with the top stories (plus special offers!)", "furniture"),
    ("Hamas released an audio message from its leader on Sunday.", None),
    ("The Daily Briefing newsletter provides all the news you need to start your day.", "furniture"),
    # an outlet's appeal for support
    ("We report with just one agenda: the truth.", "furniture"),
    ("The Media Line's intrepid correspondents are in Israel, Gaza and Lebanon providing first-person reporting.", "furniture"),
    ("Please support our independent journalism with a gift this holiday season.", "furniture"),
    ("Meanwhile in the Middle East newsletter, a three-times-a-week look inside the region's biggest stories.", "furniture"),
    ("Stay up to date with the latest news.", "furniture"),
    ("Follow our new live page for the latest.", "furniture"),
    ("The mediators said they would stay up to date with the talks in Doha.", None),
    # a broadcaster's video blurb
    ("Chief foreign correspondent Trey Yingst reports the latest on the letter and what it could mean for ongoing "
     "hostage negotiations during 'Fox & Friends.'", "furniture"),
    ("Former Israeli official Alon Pinkas joins 'America's Newsroom' to discuss the hostage talks.", "furniture"),
    ("Middle East expert Dan Shapiro breaks down the ceasefire proposal on 'Special Report.'", "furniture"),
    ("Witkoff said on 'Face the Nation' that Hamas had rejected the proposal.", None),
    ("Qatar's prime minister joined talks in Cairo to discuss the second phase.", None),
    ("Palestinians walk past destroyed buildings in Gaza City on October 5, 2025. (AP Photo/Jehad Alshrafi)", "caption"),
    ("Displaced Palestinians shelter in tents in Rafah, February 13, 2024. REUTERS/Mohammed Salem", "caption"),
    ("Mourners gather outside the hospital in Khan Younis on January 3, 2024.", "caption"),
    ("Families of Americans held hostage by Hamas speak with members of the press after meeting with the president, "
     "outside the White House in Washington, US, July 25, 2024.", "caption"),
    ("A damaged building, following an Israeli attack on Hamas leaders, in Doha, Qatar, September 9, 2025.", "caption"),
    ("President Joe Biden delivers remarks on the Middle East from the State Dining Room of the White House, "
     "Friday, May 31, 2024, in Washington.", "caption"),
    ("Palestinians continue to return to Beit Lahia through the rubble on March 08, 2025 in Beit Lahia, Gaza.", "caption"),
    ("A woman holds a banner reading “Bring them home” during a demonstration outside the Tel Aviv Museum of Art.", "caption"),
    ("Fighters escort hostages (L-R, holding certificates) Ohad Ben Ami and Or Levy on a stage before the handover in Deir "
     "el-Balah, central Gaza, on February 8, 2025.", "caption"),
    ("Released hostages (from left) Emily Damari, Romi Gonen and Doron Steinbrecher are seen with their mothers.", "caption"),
    # a wire photo's view, however long its list of who is in it
    ("A drone view shows fighters and onlookers crowding around Red Cross vehicles on the day of the handover of Dana "
     "Levi, Amit Cohen, Yael Mizrahi and Noa Peretz, four captives held in Gaza since the attack of October 7, 2023, as part of the "
     "ceasefire and exchange agreed between Hamas and Israel, in Deir el-Balah, central Gaza Strip, March 3, 2025.", "caption"),
    ("An aerial view shows tents housing displaced families along the coast of Khan Younis.", "caption"),
    ("A satellite image taken on Monday shows a new road cut through the corridor.", "caption"),
    ("An aerial view of the crossing shows the work Egypt said it had finished, the ministry said.", None),
    # a caption dated by its month and day only
    ("Foreign Minister Amal Nasser speaks at the memorial museum during a Feb. 16 visit by the envoy.", "caption"),
    # a deck in title case, full stop and all
    ("Washington Seeks to Broker Agreement on Detainee Release and Long-Term Truce in Gaza.", "headline"),
    # a caption that ends with where and the weekday, its verb in the present tense anywhere
    ("Vehicles of the Red Cross arrive, while fighters and onlookers stand by, for the release of a hostage in Jabalia, "
     "Gaza Strip, Thursday.", "caption"),
    ("Updated 10:32 GMT, March 4, 2025", "dateline"),
    ("DOHA, Qatar", "dateline"),
    ("Home | World | Middle East | Gaza talks", "link list"),
    ("See also: Qatar's role as mediator under scrutiny", "furniture"),
    ("Sign up for our newsletter to get the latest news from the region.", "furniture"),
    ("Read the full statement at https://example.org/statement today.", "link"),
    ("This story has been updated with additional reporting.", "furniture"),
    ("The post Hamas delegation arrives in Cairo for talks appeared first on Daily News.", "furniture"),
    ("Join our WhatsApp channel for the latest news from Gaza and Israel.", "furniture"),
    ("Join ST's WhatsApp Channel and get the latest news and must-reads.", "furniture"),
    ("Get the latest headlines from the Middle East delivered every morning.", "furniture"),
    ("Watch the full interview with the envoy at pic.twitter.com/AbC123 today.", "link"),
    ("Israel and Hamas open indirect talks in Egypt", "headline"),
    # an outlet's promos and notices written as whole sentences
    ("Save articles to read later and create your own reading list.", "furniture"),
    ("You're reading the live blog of the Daily Courier.", "furniture"),
    ("Stay updated with the latest news!", "furniture"),
    ("Listen now on Apple Podcasts and Spotify.", "furniture"),
    ("The Courier delivers independent and unrivalled coverage and analysis of the Middle East and beyond.", "furniture"),
    ("To learn more about republishing this content and the associated fees, please fill out this form.", "furniture"),
    ("More about the Courier can be found here.", "furniture"),
    ("This article is available in French on the Courier's French edition.", "furniture"),
    ("An earlier version of this story misstated where the hostage grew up.", "furniture"),
    ("Courier InDepth is the home on the website and app for the best analysis from our correspondents.", "furniture"),
    ("Get our flagship newsletter with all the headlines you need to start the day.", "furniture"),
    ("You have read 3 of 5 free articles this month.", "furniture"),
    ("The agency's website contains only a portion of the news stories offered to subscribers, in summarized form.", "furniture"),
    ("Please contact us for subscription options.", "furniture"),
    ("Get smarter, faster with the news CEOs, entrepreneurs and top politicians read.", "furniture"),
    ("Reporting from Deir el-Balah, Al Jazeera's Hind Khoudary said families were sleeping in the open.", None),
    ("We’re really pleased that you’ve read 5 Daily Courier articles in the past month.", "furniture"),
    ("That’s why we started the Courier ten years ago - to provide discerning readers like you with must-read coverage.",
     "furniture"),
    ("Yes, I'll give Yes, I'll give Already a member?", "furniture"),
    ("Your comment will be published after it is reviewed by our moderators.", "furniture"),
    ("Welcome to the Courier’s continuing coverage of the Gaza ceasefire.", "furniture"),
])
def test_rejection_reasons(text, reason):
    assert rejection(text, words(text), frozenset()) == reason


def test_real_sentences_are_never_rejected():
    for text in [
        "Israeli and Hamas negotiators began indirect talks in Sharm el-Sheikh on Monday.",
        "Hamas will join the talks in Cairo on Sunday, a spokesman said on the group's Telegram channel.",
        "Families gathered in Tel Aviv to get the latest news on the hostages, organisers said.",
        "The first phase calls for Hamas to free all 48 hostages within 72 hours of a ceasefire.",
        "“We are working very hard to get this done,” Trump told reporters at the White House.",
        "Reports suggest that Qatar may reconsider hosting the Hamas political office.",
        "The agreement was announced in Doha on Wednesday, January 15, 2025.",
        "The ceasefire took effect on January 19, 2025.",
        "“We will sign it in Cairo,” the envoy said, July 25, 2024.",
        "The deal was signed on January 15, 2025 in Doha, officials said.",
        "A senior Hamas official arrives in Cairo on Monday for talks, the group said.",
        "Mediators arrive in Doha for the next round, officials said on Thursday.",
        "Witkoff met with Israeli Prime Minister Benjamin Netanyahu in Israel on Sunday.",
        "Foreign Minister Amal Nasser speaks to reporters on Feb. 16, the ministry said.",
        "The delegations will meet again in Cairo, Egypt, Thursday.",
        "The (left-wing) opposition leader said the deal must go ahead, reporters were told.",
        "Netanyahu said in a podcast interview on Sunday that the talks had stalled.",
        "The Hamas statement was posted on its Telegram channel, which has 300,000 subscribers.",
        "The families said they would stay updated on the talks through the government's envoy.",
        "An earlier version of the proposal, presented in May, was rejected by Hamas.",
        "The mediators can be found here in Doha most days, a diplomat said.",
        "Netanyahu said he had read the articles in the past month and rejected them.",
        "The envoy welcomed the continuing coverage of the talks, his office said.",
    ]:
        assert rejection(text, words(text), frozenset()) is None


def test_repeated_headline_without_punctuation_is_dropped_but_a_lead_that_matches_it_is_kept():
    title = "Hamas negotiators arrive in Cairo for truce talks"
    assert rejection(title, words(title), frozenset({content_key(title)})) == "headline"
    lead = "Hamas negotiators arrive in Cairo for truce talks."
    assert rejection(lead, words(lead), frozenset({content_key(title)})) is None


def test_a_caption_whose_credit_stands_alone_after_it_is_dropped_with_the_credit():
    top = article(
        "Two men shake hands beside a banner of the freed captives in a square in Doha, Qatar, Monday, Jan. 12, 2026. ( AP )\n\n"
        "Mediators said on Monday that the talks in Doha would resume next week with both delegations present.\n\n"
        "Kamal Haddad, 61, who was held for a year, at the hospital in Beersheba, Israel. Hospital via AP\n\n"
        "The envoy said the two sides had narrowed their differences over the prisoner lists. (AFP)"
    )
    kept, rejected = extract_candidates([top])
    texts = [c.text for c in kept]
    assert not any("shake hands" in t or "Kamal Haddad" in t for t in texts)
    assert {r.reason for r in rejected if "shake hands" in r.text or "Kamal Haddad" in r.text} == {"caption"}
    # a caption lower down is known by a credit naming the photo's source ("via AP"); the lead
    # after the caption, and a wire story's last sentence before its sign-off "(AFP)", stay
    assert "Mediators said on Monday that the talks in Doha would resume next week with both delegations present." in texts
    assert "The envoy said the two sides had narrowed their differences over the prisoner lists." in texts


def test_pictographs_before_a_line_are_no_part_of_the_sentence():
    story = article(
        "⭕️In response to the violation of the ceasefire this morning, the army struck dozens of targets across Gaza.\n\n"
        "🔴 Mediators in Cairo said the ceasefire was holding again by Monday evening after talks.\n\n"
        "⭕“We will keep acting against every violation of the agreement,” the army said on Sunday.\n\n"
        "© The talks resumed in Doha on Tuesday with both delegations present, officials said."
    )
    texts = [c.text for c in extract_candidates([story])[0]]
    assert texts[:2] == [
        "In response to the violation of the ceasefire this morning, the army struck dozens of targets across Gaza.",
        "Mediators in Cairo said the ceasefire was holding again by Monday evening after talks.",
    ]
    assert "“We will keep acting against every violation of the agreement,” the army said on Sunday." in texts


@pytest.mark.parametrize(("text", "caption"), [
    # what people in a photo are doing now, and the full date it was taken, at the end
    ("Former hostages pose outside the Capitol in Washington on March 4, 2025.", True),
    ("Members of the Red Cross prepare to sign a document as militants prepare to hand over hostages on January 25, 2025.", True),
    ("Two soldiers are released by militants as part of the swap deal, in Gaza City on Jan. 25, 2025.", True),
    ("People raise placards during a rally for a ceasefire agreement in Jerusalem on January 16, 2025.", True),
    # ... or no verb at all: who, where, and when
    ("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani at a joint news conference with Turkey's foreign minister in Doha, "
     "on April 27, 2025.", True),
    ("Hamas official Khalil al-Hayya at a meeting hosted by Egyptian intelligence in Cairo on February 8, 2025.", True),
    # news tells the past, or someone says it
    ("Hamas in Cairo agreed on the outline of a deal that was first put forward on April 7, 2025.", False),
    ("Egyptian mediators at the talks in Cairo presented a new proposal on April 27, 2025.", False),
    ("Israel at the talks in Doha rejected the map of withdrawal put forward by the mediators, on July 12, 2025.", False),
    ("The soldier was abducted from his base on the Gaza border on October 7, 2023.", False),
    ("The president gave the warning to the group during a speech on Sunday, September 7, 2025.", False),
    ("The envoy meets the mediators in Miami, officials said on December 19, 2025.", False),
])
def test_a_caption_tells_the_present_and_ends_with_the_full_date(text, caption):
    assert (rejection(text, words(text), frozenset()) == "caption") is caption


def test_a_deck_ending_in_a_quotation_is_no_sentence_but_sentences_quoting_at_their_end_are():
    for deck in ["Envoy says the mediators' reply “only sets the talks back”",
                 "Minister urges the delegations to 'stay at the table until a deal is done'"]:
        assert rejection(deck, words(deck), frozenset()) == "headline"
    for sentence in ["The envoy said the reply “only sets the talks back.”",
                     "The minister urged the delegations to 'stay at the table until a deal is done'.",
                     "Did the envoy really call the reply “a step backwards”?"]:
        assert rejection(sentence, words(sentence), frozenset()) is None
    longer = ("Mediators ‘hopeful’ after receiving ‘a first positive answer’ from both delegations on the exchange, "
              "but a source close to the talks says the statement was ‘premature and wrong’")
    assert rejection(longer, words(longer), frozenset()) is None
    assert "cut off" in context_penalty(longer, words(longer))[1]


@pytest.mark.parametrize("text", [
    "He added that the proposal would free 11 hostages in the first week.",
    "But it's not clear whether Israel will approve the truce.",
    "Will Hamas accept the terms this time?",
    "“to hinder negotiations and risk leading to a dead end,” he said.",
    "and the release of 300 prisoners, officials said.",
    "These demands include an Israeli withdrawal from Gaza.",
    "As a result, the talks were postponed until next week.",
    "Naim added that the group wanted guarantees.",
    "The Hamas-led attack on southern Israel that day killed 1,139 people.",
    "Later that week the delegation returned to Doha for more talks.",
    "The move came two weeks after talks in Doha collapsed.",  # which move: the one the sentence before named
    "“I will not give in to pressure,” he added.",  # who: the sentence before named him
    # ... and so when he speaks after an opening phrase
    "Speaking about the region's future, he added: “The biggest message we have tried to convey is that the war is over.”",
    "Asked about the talks on Sunday, she said, “We are closer than we have ever been to a deal.”",
    "In response, Israel launched an offensive that has killed thousands in Gaza.",  # to what?
    # a quote that opens with a connective leans on the speaker's words before it
    "“But in the days ahead, we are going to keep pushing with our partners to close this deal,” the minister said.",
    "\"As a result, the talks will have to wait until next week,\" the official told reporters.",
    "\"It is a shame that Hamas has acted in this selfish way,\" she told reporters on Thursday.",
    # a page's text cut off at its end, mid-sentence
    "The deal would include a short-term ceasefire and the release of some hostages held by Hamas in exchange for Pales",
])
def test_sentences_that_lean_on_context_are_penalised(text):
    factor, reasons = context_penalty(text, words(text))
    assert factor < 1 and reasons


@pytest.mark.parametrize("text", [
    "It is not clear whether the delegation will return to Doha.",
    "It remains unclear when the talks will resume.",
    "Whether the truce holds remains to be seen.",
    "Only time will tell whether the deal survives.",
    "It's too early to say whether the proposal will be accepted.",
    "No one knows how many of the hostages are still alive.",
    "Officials are closely monitoring the situation at the crossing.",
    "The international community must act to end the suffering.",
    "The world is watching what happens in Rafah.",
])
def test_vague_sentences_are_penalised_where_their_article_gives_the_hint(text):
    # the costly expression runs only on sentences holding one of the article's hints (Hints.of)
    assert "vague" in context_penalty(text, words(text), hints=Hints.of(f"Background. {text} More."))[1]


def test_a_first_time_is_not_vague():
    text = "Qatari mediators met the Israeli delegation in Doha for the first time, officials said."
    assert context_penalty(text, words(text), hints=Hints.of(text)) == (1.0, ())


@pytest.mark.parametrize("text", [
    "Egyptian mediators presented a new proposal to Hamas in Cairo on Sunday.",
    "“We cannot stop the war,” said Yaakov Amidror, Israel’s former national security adviser.",
    "“I will not give in to pressure,” Netanyahu added.",
    "Speaking about the region's future, Kushner added: “The biggest message we have tried to convey is that the war is over.”",
    "In response to the Hamas attack, Israel launched an offensive in Gaza.",
    "This week the talks moved to Doha, officials said.",
    "There are still 130 hostages held in Gaza, officials said.",
    "Both Qatar and Egypt have tried to broker a follow-up to the November truce.",
    "Hamas said it would hand over four bodies on Thursday, the day the truce's first phase ends.",
    "The ceasefire came into force on Sunday morning after a three-hour delay.",
])
def test_sentences_that_stand_alone_are_not_penalised(text):
    assert context_penalty(text, words(text)) == (1.0, ())


@pytest.mark.parametrize("text", [
    "The war began when gunmen crossed the border in 2021, killing 300 people.",
    "The truce, which took effect on April 2, has so far seen 14 captives exchanged for 90 detainees.",
    "During the first phase of the ceasefire, the rebels freed 12 soldiers in exchange for 400 prisoners.",
    # how the war began, and its first truce, told again in every report
    "The war was triggered by the Hamas-led attack on southern Israel on October 7, 2023, in which about 1,200 people were killed.",
    "Israel launched its campaign after gunmen burst across the border on Oct. 7, seizing about 240 hostages.",
    "The war began after the militants' October 7 attack, in which about 1,200 people were killed.",
    "The campaign followed the group's Oct. 7 assault on border towns.",
    "The war, sparked by the militants' raid on border towns in which 1,200 people were killed, has left 45,000 dead.",
    "The war, which was triggered by the group's cross-border assault, has displaced most of the strip's people.",
    "Some 1,100 people were killed in the Hamas-led October 7 attacks, and about 250 were taken captive.",
    "The only truce of the war, a week-long pause in November 2023, saw 105 hostages freed for 240 prisoners.",
    "Qatar and Egypt brokered a seven-day truce in late November in which 105 captives went free.",
    # ... the war's start named by its year, or as last October, rather than its day
    "Israel launched its campaign in response to the group's attack on southern Israel in 2023, in which 1,200 people were killed.",
    "During the attack on Israel last October, gunmen killed more than 1,200 people and took around 250 hostages.",
    # ... or by what it did, killing and carrying off people in one attack
    "The militants' attack killed 1,100 people and took some 230 others hostage, according to official tallies.",
    "The gunmen reportedly abducted around 180 people and killed over 1,300 in the assault.",
    # ... or by its toll alone, a thousand and more killed and hundreds carried off
    "The militants murdered more than 1,200 people and abducted more than 250 hostages to the Gaza Strip.",
    "Hamas killed about 1,200 people and took 251 hostages.",
])
def test_background_that_does_not_name_the_day_is_ranked_down(text):
    factor, reasons = context_penalty(text, words(text))
    assert factor < 1 and "background" in reasons


@pytest.mark.parametrize("text", [
    "The truce collapsed on Tuesday, two months after it took effect on April 2.",
    "Under the first phase of the deal, which lasts 42 days, 33 captives are to be freed.",
    "Another 1,700 people detained since the war began would also be released, officials said.",
    # a toll counted from the war's first day is today's figure, not its origin
    "More than 43,000 Palestinians have been killed in Gaza since October 7, the health ministry said.",
    "Israel would free 1,700 Gazans detained after Oct. 7, 2023, under the first phase.",
    "The army said the city's residents would be moved south by October 7, before the offensive, officials said.",
    "Hamas said on Sunday it was ready for a truce like the first one, on the same terms.",
    "Of the 251 hostages taken in the October 2023 attack, 58 are still held, the army said.",
    # killing in an attack, or captives taken, alone is the day's news
    "An Israeli strike killed 12 people in Khan Younis overnight, medics said.",
    "The army said the attack killed two soldiers near the border.",
    "Troops raided the camp and took 30 men for questioning, residents said.",
    "Strikes killed 1,200 people in a month and the army detained 250 men, the ministry said.",
])
def test_the_day_s_news_with_a_backdrop_clause_is_not_background(text):
    assert "background" not in context_penalty(text, words(text))[1]


# Published 12 June 2024.
@pytest.mark.parametrize("text", [
    "The framework laid out by the president on May 31 begins with a six-week truce.",
    "A seven-day pause in November saw 105 captives freed for 240 prisoners.",
    "The rebel commander, 58, spent 20 years in prison before being freed in 2011.",
    "The rebel commander was released in the 2011 prisoner swap that Egypt brokered.",
    "The proposal was drawn up by mediators in Paris last month.",
    "The accord signed on 19 January 2024 never reached its second phase.",
    "Talks stalled in late April over the withdrawal from the border corridor.",
])
def test_a_sentence_dated_weeks_before_its_article_is_ranked_down(text):
    factor, reasons = context_penalty(text, words(text), date(2024, 6, 12))
    assert factor < 1 and "dated before the article" in reasons


@pytest.mark.parametrize("text", [
    "Mediators met in Cairo on Tuesday to discuss the framework first laid out on May 31.",
    "Saturday's planned release follows the truce agreed in January.",
    "More than 37,000 people have been killed since October, the health ministry said.",
    "The heaviest strikes since March hit the city overnight.",
    "The first exchange is due on June 20, officials said.",  # a date ahead of the article
    "The envoy arrived in the region on June 8 for a week of meetings.",  # four days back
    "Israel said it killed the mastermind of the Oct. 7 attack.",  # the war's start, not a date of the news
    "The two sides exchanged proposals through the mediators.",  # no date at all
    "The talks may 5 times have collapsed, an official said.",  # "may" is not May
    "Mourners gathered in Marwan's home town, 5 Marchers said in 2024.",  # nor are "Marwan" and "Marchers"
])
def test_a_sentence_about_the_days_around_its_article_is_not_dated_background(text):
    assert "dated before the article" not in context_penalty(text, words(text), date(2024, 6, 12))[1]


def test_a_date_without_a_year_is_the_latest_not_months_after_the_article():
    text = "The talks resumed on Dec. 30 in Doha."
    assert days_before(text, date(2025, 1, 2)) == 3
    assert "dated before the article" not in context_penalty(text, words(text), date(2025, 1, 2))[1]
    assert days_before("The deadline is January 20.", date(2024, 12, 18)) == -33
    assert days_before("A pause in November saw 105 captives freed.", date(2024, 6, 12)) == 195
    assert days_before("The truce began on Feb. 29.", date(2025, 3, 10)) == 375  # only 2024 has the day


def test_an_undated_article_is_read_for_last_month_and_years_ago_only():
    """Undated: no publication date, whenever it was first seen."""
    text = "Talks stalled in late April over the withdrawal from the border corridor."
    assert context_penalty(text, words(text)) == (1.0, ())
    for told in ("The framework was drawn up in Paris last month.", "The office opened in Doha years ago, officials said."):
        assert "dated before the article" in context_penalty(told, words(told))[1]
    undated = dataclasses.replace(article("Mediators met in Doha on Monday.\n\n" + text), first_seen=datetime(2024, 6, 12))
    dated = dataclasses.replace(undated, published=datetime(2024, 6, 12))
    (kept,) = [c for c in extract_candidates([dated])[0] if c.text == text]
    assert "dated before the article" in kept.reasons
    (kept,) = [c for c in extract_candidates([undated])[0] if c.text == text]
    assert "dated before the article" not in kept.reasons


def test_a_quotation_split_by_the_sentence_splitter_is_joined_again():
    paragraph = "“We cannot stop the war. We cannot retreat from Gaza. We will not allow it,” said an official. Talks resume today."
    assert paragraph_sentences(paragraph) == [
        "“We cannot stop the war. We cannot retreat from Gaza. We will not allow it,” said an official.",
        "Talks resume today.",
    ]


def test_candidates_index_the_kept_sentences_of_each_article():
    group = [article("By Jane Doe\n\nThe talks began on Monday in Doha, mediators said.\n\nA second round is due on Friday, officials said.")]
    candidates, rejected = extract_candidates(group)
    assert [(c.article, c.index) for c in candidates] == [(0, 0), (0, 1)]
    assert all(c.text in group[0].text for c in candidates)


def test_a_dateline_the_cleaner_left_is_cut_from_the_lead_not_taken_for_a_photo_credit():
    group = [article("CAIRO/JERUSALEM (Reuters) — Hamas said on Monday it had accepted a ceasefire proposal from Egypt and Qatar.\n\n"
                     "DOHA/GAZA, Nov 27 (AP) - Qatar said the truce had been extended by two days on Monday.\n\n"
                     "US President Joe Biden - who spoke on Monday - welcomed the extension of the truce.")]
    candidates, rejected = extract_candidates(group)
    assert [c.text[:12] for c in candidates] == ["Hamas said o", "Qatar said t", "US President"]
    assert not rejected


@pytest.mark.parametrize("lead", [
    "SHARM EL-SHEIKH, Egypt/JERUSALEM (Reuters) - Leaders signed a declaration on the ceasefire on Monday.",
    "DEIR AL-BALAH, Gaza Strip (AP) — Leaders signed a declaration on the ceasefire on Monday.",
    "Tel Aviv, Israel (CNN) - Leaders signed a declaration on the ceasefire on Monday.",
    "Aboard Air Force One (CNN) - Leaders signed a declaration on the ceasefire on Monday.",
    "(MENAFN- Gulf Times) Leaders signed a declaration on the ceasefire on Monday.",
    "(AFP) - Leaders signed a declaration on the ceasefire on Monday.",
    "Sharm el-Sheikh: Leaders signed a declaration on the ceasefire on Monday.",
])
def test_dateline_variants_are_cut_from_the_lead(lead):
    candidates, rejected = extract_candidates([article(lead)])
    assert [c.text for c in candidates] == ["Leaders signed a declaration on the ceasefire on Monday."] and not rejected


def test_a_dash_inside_a_sentence_is_not_a_dateline():
    text = "US President Joe Biden - who spoke on Monday - welcomed the extension of the truce."
    assert [c.text for c in extract_candidates([article(text)])[0]] == [text]


# -- concept coverage -----------------------------------------------------------------------


def test_concepts_weigh_by_how_many_other_articles_state_them():
    group = [
        article("Israel will send a working-level delegation to Cairo on Monday."),
        article("A working-level delegation leaves for Cairo on Tuesday, an Israeli source said."),
        article("A working-level delegation will travel, and 100,000 people were ordered to leave."),
        article("The army ordered 100,000 residents in the east of the city to leave their homes."),
        article("A local bakery reopened in the town after weeks of repairs and long queues."),
    ]
    candidates, _ = extract_candidates(group)
    concepts = concept_matrix(candidates)
    weights = [sorted(concepts[i].data.tolist()) for i in range(len(candidates))]
    assert weights[0] == [2.0]  # "working-level delegation": three articles, two besides one
    assert weights[3] and max(weights[3]) == 1.0  # the number and what two articles say about it
    assert weights[4] == []  # said by one outlet only
    # one article repeating itself is not agreement
    alone, _ = extract_candidates([article("The envoy met the mediators in Doha on Monday. The envoy met the mediators again on Tuesday.")])
    assert concept_matrix(alone).nnz == 0


def one_sentence_articles(texts: list[str]):
    """Candidates of one-sentence articles and their meaning space."""
    candidates, _ = extract_candidates([article(t) for t in texts])
    return candidates, MeaningSpace([meaning_terms(c.tokens) for c in candidates])


def test_coverage_prefers_the_sentence_that_adds_what_other_outlets_report():
    candidates, space = one_sentence_articles([
        "Hamas said it accepted the ceasefire proposal of Egypt and Qatar on Monday.",
        "Hamas said on Monday it had accepted the ceasefire proposal from Egypt and Qatar.",
        "Israel said the terms fell short but it would send a working-level delegation to Cairo.",
        "Israeli officials said a working-level delegation would travel to Cairo.",
        "A local bakery reopened in the town after weeks of repairs and long queues.",
    ])
    scores = np.array([1.0, 0.99, 0.6, 0.55, 0.9])
    assert mmr_select(scores, space, 2, same_content=1.01, novelty=0.0)[1] == 1  # without coverage: the repeat
    chosen = mmr_select(scores, space, 2, same_content=1.01, novelty=0.0, concepts=concept_matrix(candidates), coverage=2.0)
    assert chosen[0] in (0, 1) and chosen[1] in (2, 3)


def test_support_prefers_what_several_outlets_say_in_their_own_words_once():
    candidates, space = one_sentence_articles([
        "Mediators said the talks would resume in Cairo next week after the proposal was presented.",
        "Hamas accused Israel of overturning the ceasefire agreement on Tuesday.",
        "Hamas said Israel had decided to overturn the ceasefire agreement.",
        "The group accused Israel of overturning the agreement and the ceasefire.",
        "An opposition leader said the hostages must come home through a deal, praising the families.",
    ])
    scores = np.array([1.0, 0.5, 0.5, 0.5, 0.75])
    plain = mmr_select(scores, space, 3, novelty=0.0, groups=[c.article for c in candidates])
    assert plain[:2] == [0, 4]  # on score alone: the single outlet's colour comes second
    graph = said_by_graph(space)
    chosen = mmr_select(scores, space, 3, novelty=0.0, groups=[c.article for c in candidates], said_by=graph, support=0.4, support_full=2.0)
    assert chosen[0] == 0 and chosen[1] in (1, 2, 3)
    assert chosen[2] == 4  # once one outlet's version is picked, the paraphrases stop counting



def test_two_wires_leading_with_one_announcement_are_one_claim_however_they_go_on():
    # blind3: Reuters' and AP's leads on Hamas's answer to a US plan, each with its own second clause
    candidates, space = one_sentence_articles([
        "The militant group said on Friday it had agreed to free all captives, alive and dead, under the terms "
        "of the American peace plan, and to hand the running of the territory to a body of technocrats.",
        "The militant group said Friday that it agrees to free all captives, living and dead, under the terms of "
        "the American peace plan, and the president responded by demanding an immediate end to the bombing.",
        "Mediators expect a delegation from each side in Cairo on Monday to settle the details of the exchange.",
    ])
    texts = [c.text for c in candidates]
    assert main_clause(texts[0]).endswith("the American peace plan")
    assert space.similarity_to(0)[1] < 0.55  # not the same content as a whole sentence ...
    scores = np.array([1.0, 0.95, 0.5])
    assert mmr_select(scores, space, 2, novelty=0.0)[:2] == [0, 1]
    assert mmr_select(scores, space, 2, novelty=0.0, texts=texts) == [0, 2]  # ... but one claim


def test_a_second_wording_of_a_picked_point_gives_way_to_another_point():
    # real18: two outlets on one sticking point, in words too different to be one sentence
    candidates, space = one_sentence_articles([
        "A key point of contention in the talks is Israel's demand to keep troops in the Philadelphi corridor on the border.",
        "One of the sticking points in the talks is Israel's insistence on keeping troops in the Philadelphi corridor.",
        "The talks in Cairo on Sunday ended without an agreement, two Egyptian security sources said.",
    ])
    similarity = space.similarity_to(0)[1]
    assert ALIKE_FROM < similarity < SAME_CONTENT  # alike, not the same
    scores = np.array([1.0, 0.95, 0.8])
    assert mmr_select(scores, space, 2, novelty=0.0) == [0, 1]
    assert mmr_select(scores, space, 2, novelty=0.0, alike=0.5) == [0, 2]
    # the penalty grows with the likeness: none below ALIKE_FROM, all of `alike` at SAME_CONTENT
    assert mmr_select(np.array([1.0, 0.95, 0.8]), space, 2, novelty=0.0, alike=0.5, alike_from=0.99) == [0, 1]


def test_a_main_clause_runs_to_the_first_break_after_the_opening_words():
    assert main_clause("Hamas, in a statement, said it would study the offer, and Israel said nothing.") == \
        "Hamas, in a statement, said it would study the offer"
    assert main_clause("Talks resumed in Cairo on Sunday.") == "Talks resumed in Cairo on Sunday."


def test_a_retold_toll_or_release_is_not_picked_again_though_its_words_and_numbers_differ():
    candidates, space = one_sentence_articles([
        "Air strikes killed more than 300 people across the territory on Tuesday, medics said.",
        "The local health office said at least 312 people had died, among them many children.",
        "The army said it had struck the command centres of the armed group overnight.",
        "A further 12 hostages were handed over to the Red Cross late on Sunday evening.",
        "The mediators said that 11 hostages would be freed in the next exchange.",
    ])
    counts = figure_counts([find_figures(c.text) for c in candidates])
    assert counts[1] and counts[2] == []
    scores = np.array([1.0, 0.9, 0.6])
    assert mmr_select(scores[:3], space.subset([0, 1, 2]), 2, same_content=1.01)[1] == 1  # few shared words: "new"
    chosen = mmr_select(scores[:3], space.subset([0, 1, 2]), 2, same_content=1.01, counts=counts[:3], restated=0.8)
    assert chosen == [0, 2]
    # Small counts must be equal to be one event: 11 hostages is not a retelling of 12.
    assert counts[3] and counts[4]
    assert told_share(counts[4], counts[3]) == 0.0
    assert told_share([(("killed", False), 1968.0)], [(("killed", True), 2000.0)]) == 1.0


def test_a_count_whose_fate_is_not_said_may_be_the_count_a_pick_gives():
    # blind7: "33 hostages are to be released over six weeks" picked, then "33 hostages — children,
    # women ... — are to be released in stages" from another outlet was picked too.
    released, unsaid, held = [(("hostages", "released"), 33.0)], [(("hostages", ""), 33.0)], [(("hostages", "held"), 33.0)]
    assert told_share(unsaid, released) == 1.0 and told_share(released, unsaid) == 1.0
    assert told_share(held, released) == 0.0  # 33 still held and 33 freed are two facts
    assert told_share([(("hostages", ""), 34.0)], released) == 0.0
    # the 110 prisoners a deal is to free are the 110 freed: a sentence that says so again adds nothing
    planned = [(("prisoners", "to be released"), 33.0)]
    assert told_share(planned, [(("prisoners", "released"), 33.0)]) == 1.0
    assert told_share(planned, [(("prisoners", "held"), 33.0)]) == 0.0

# -- figures ------------------------------------------------------------------------------


def test_figures_read_numbers_with_what_they_count():
    found = {(v, c) for v, _, c, _ in find_figures(
        "Under the deal, which will last 42 days, Hamas is to free 33 hostages in exchange for about 1,900 "
        "Palestinian prisoners, and 600 trucks of aid will enter daily."
    )}
    assert {("33", "hostages"), ("about 1,900", "prisoners"), ("600", "aid"), ("42", "days")} <= found
    killed = find_figures("Israeli strikes killed at least 81 people across the Gaza Strip on Thursday.")
    assert [(v, c) for v, _, c, _ in killed] == [("at least 81", "killed")]
    assert [(v, c) for v, _, c, _ in find_figures("The US approved a $20 billion arms sale to Israel.")] == [("$20 billion", "dollars")]
    assert [(v, c) for v, _, c, _ in find_figures("The first phase includes a six-week pause in fighting.")] == [("six-week", "weeks")]
    assert [(v, c) for v, _, c, _ in find_figures("Israel would free about 350 Palestinians from its prisons.")] == [("about 350", "prisoners")]
    assert [(v, c) for v, _, c, _ in find_figures("It put the loss of life at 39000 people since October.")] == [("39000", "killed")]


@pytest.mark.parametrize("text,value,what,number", [
    ("Arab leaders adopted Egypt's $53 billion plan to rebuild Gaza.", "$53 billion", "plan", 53e9),
    ("Egypt unveiled a $53bn reconstruction plan on Tuesday.", "$53bn", "reconstruction plan", 53e9),
    ("The US pledged $20 billion in aid.", "$20 billion", "aid", 20e9),
    ("The plan would cost $53 billion dollars over five years.", "$53 billion", "dollars", 53e9),
    # what the money is stops at a verb: "$1 billion contributors may receive ...", "$7 billion had already been pledged"
    ("Reports that $1 billion contributors may receive permanent seats raised concerns.", "$1 billion", "contributors", 1e9),
    ("He added that roughly $7 billion had already been pledged by other countries.", "roughly $7 billion", "dollars", 7e9),
    ("The appeal raised $3m for the hospital.", "$3m", "dollars", 3e6),
    # ... and at a participle after it, or a word of when
    ("The $53 billion Egyptian plan endorsed at the summit is, above all, a political statement.", "$53 billion", "plan", 53e9),
    ("Two rebuilding phases would follow, costing $20 billion through 2027.", "$20 billion", "dollars", 20e9),
    # ... and at a word of whom or how often it is paid, or of what it goes toward
    ("The two Gulf states pledged $1 billion each for reconstruction.", "$1 billion", "dollars", 1e9),
    ("The two Gulf states pledged $1 billion apiece.", "$1 billion", "dollars", 1e9),
    ("Egypt asked donors for $3 billion towards the early recovery phase.", "$3 billion", "dollars", 3e9),
    ("Qatar will give $500 million yearly toward the fund.", "$500 million", "dollars", 5e8),
    ("The US announced $404 million monthly in support.", "$404 million", "dollars", 404e6),
])
def test_sums_of_money_with_what_they_pay_for(text, value, what, number):
    (found,) = [f for f in find_figures(text) if f[2] == "dollars"]
    assert found[:2] == (value, what) and parse_number(found[0]) == number


@pytest.mark.parametrize("text,value,what,category,number", [
    ("That would be followed by a US$20bn reconstruction stage running until 2027.", "US$20bn", "reconstruction stage", "dollars", 20e9),
    ("Egypt unveiled a $53 bn plan for Gaza on Tuesday.", "$53 bn", "plan", "dollars", 53e9),
    ("Egypt unveiled a USD 53 billion plan for Gaza on Tuesday.", "USD 53 billion", "plan", "dollars", 53e9),
    ("The region's reconstruction needs were put at $1.5trn by the bank.", "$1.5trn", "dollars", "dollars", 1.5e12),
    ("Britain pledged £1.2 billion in aid for Gaza, the foreign office said.", "£1.2 billion", "aid", "pounds", 1.2e9),
    ("The EU will give more than €120m to the Palestinian Authority this year.", "more than €120m", "euros", "euros", 120e6),
    # a sum converted in brackets is the same sum: one figure, in the currency the text gives first
    ("Germany approved arms exports to Israel worth €485m (£421m) since the war began.", "€485m", "euros", "euros", 485e6),
])
def test_sums_in_other_currencies_and_written_us_dollars(text, value, what, category, number):
    (found,) = find_figures(text)
    assert found[:3] == (value, what, category) and parse_number(found[0]) == number


def test_one_sum_written_two_ways_is_one_key_figure_citing_both():
    figures = figures_of("Egypt's reconstruction plan for Gaza would cost $53 billion over five years, officials said.",
                         "The Egyptian plan has an estimated cost of US$53bn over five years, officials said.", category="dollars")
    assert [(f.sources, f.disputed) for f in figures] == [((0, 1), False)]


def test_a_duration_counts_the_noun_after_its_adjectives():
    found = find_figures("The talks followed an 11-week Israeli blockade and a six-week initial truce.")
    assert [(value, what) for value, what, _, _ in found] == [("11-week", "blockade"), ("six-week", "truce")]
    assert [(value, what) for value, what, *_ in find_figures("They seek a six-week Gaza truce, officials said.")] \
        == [("six-week", "truce")]
    found = find_figures("Rebuilding would begin with a six-month early recovery phase, the draft says.")
    assert [(value, what) for value, what, *_ in found] == [("six-month", "recovery")]
    # ... and a noun of two words, whole: "a 72-hour time frame", not "72-hour time"
    found = find_figures("Efforts to return the bodies under the truce have gone past the initial 72-hour time frame.")
    assert [(value, what) for value, what, *_ in found] == [("72-hour", "time frame")]
    # how long a named event lasts is no figure of the news: "the two-day Doha Forum opened Saturday"
    assert find_figures("The three-day Arab Forum opened Sunday in Amman with talks on the truce.") == []


@pytest.mark.parametrize("text,expected", [
    # a release held up, or waited for, has not happened
    ("Israel postponed the release of 620 Palestinian prisoners on Saturday.", [("620", "Palestinian prisoners (to be released)")]),
    ("Hamas accused Israel of delaying the release of 600 prisoners.", [("600", "prisoners (to be released)")]),
    ("Netanyahu vowed to keep fighting until all 48 hostages are freed.", [("all 48", "hostages (to be released)")]),
    # deaths from the effects of hunger are deaths from hunger
    ("At least 57 children have died from the effects of malnutrition since March, the WHO said.", [("At least 57", "children died of hunger")]),
    # a rate is no total: how often, or for how many of another
    ("The deal allows 600 aid trucks a day into the territory.", [("600", "aid trucks a day")]),
    ("Under the deal, 600 aid trucks are to enter the territory daily.", [("600", "aid trucks a day")]),
    ("Israel is to free 30 Palestinian prisoners for each civilian hostage.",
     [("30", "Palestinian prisoners (to be released) for each civilian hostage")]),
    ("Israel will release 30 Palestinian prisoners for every 10 hostages.",
     [("30", "Palestinian prisoners (to be released) for every 10 hostages")]),
    ("Israel said it would extend the truce by one day for every 10 additional hostages released.",
     [("10", "additional hostages (to be released) for each extra day")]),
    # bodies of Palestinians are not the hostages the sentence also names
    ("Israel returned 15 Palestinian bodies for every deceased hostage handed over.", [("15", "Palestinian bodies returned for every deceased hostage")]),
])
def test_what_a_count_is_when_its_release_waits_or_it_is_a_rate(text, expected):
    assert [(value, what) for value, what, *_ in find_figures(text)] == expected


def test_what_happens_to_the_counted_is_read_past_an_aside():
    found = find_figures("Under the first phase, 33 hostages — children, women and the sick and wounded — "
                         "are to be released in stages.")
    assert [key for _, _, _, key in found] == [("hostages", "to be released")]
    found = find_figures("Some 1,000 prisoners (most of them serving life sentences for deadly attacks "
                         "on Israelis) are to be freed later.")
    assert [key for _, _, _, key in found] == [("prisoners", "to be released")]


def test_a_date_inside_the_clause_after_a_part_does_not_end_it():
    found = find_figures("Israel believes that 97 of the 251 hostages taken during the attack on Oct. 7, 2023, remain in Gaza.")
    assert found[0][:2] == ("97", "hostages (held)")


def test_members_with_nothing_befalling_them_are_no_key_figures():
    figures = figures_of("The resolution passed with 14 of the 15 Security Council members voting in favour.",
                         "Russia abstained while the remaining 14 Security Council members supported it, and five Hamas members were killed.")
    assert [(f.value, f.what) for f in figures] == [("five", "Hamas members killed")]


def test_the_toll_of_another_front_is_no_key_figure():
    # Lebanon's toll, a strike on Iran: other wars than the group's; a sentence that ties them to Gaza stays
    figures = figures_of("In Lebanon, more than 350 people have been killed, including 271 Hezbollah members.",
                         "The strikes on Iran killed four soldiers, Tehran said.",
                         "Fighting along the Israel-Lebanon border has displaced tens of thousands of people.",
                         "An air strike on a school in Gaza City killed 20 people on Sunday, medics said.",
                         "Hezbollah began firing in support of Hamas after the Gaza war killed more than 40,000 people.")
    assert sorted((f.value, f.what) for f in figures) == [("20", "people killed"), ("more than 40,000", "people killed")]


def test_the_dead_counted_just_before_are_not_the_captives_after_them():
    found = find_figures("The attack left about 1,200 dead and another 250 taken hostage by the assailants.")
    assert [(value, what, key) for value, what, _, key in found] == [("another 250", "hostages (taken)", ("hostages", "taken"))]
    # ... taken as "being taken hostage": the captives of the attack, as in "took 251 hostages"
    found = find_figures("The attack killed about 1,200 people and resulted in about 240 being taken hostage.")
    assert [(value, what, key) for value, what, _, key in found][1:] == [("about 240", "hostages (taken)", ("hostages", "taken"))]
    # ... and "took 251 hostage" counts hostages, in the plural
    found = find_figures("Hamas-led militants killed about 1,200 people and took 251 hostage on that day.")
    assert [(value, what) for value, what, *_ in found][1:] == [("251", "hostages (taken)")]
    assert find_figures("Hamas said the strike killed three hostages.")[0][3] == ("hostages", "dead")
    # ... named with a noun between the count and "dead"
    assert [(value, what) for value, what, *_ in find_figures(
        "The raid left 1,100 Israelis dead and over 230 hostages captured.")] \
        == [("1,100", "Israelis killed"), ("over 230", "hostages")]


def test_over_after_a_noun_of_dispute_is_no_qualifier():
    found = find_figures("The protest was the largest since the uproar over six hostages found dead in Gaza.")
    assert [(value, what) for value, what, *_ in found] == [("six", "hostages (dead)")]
    assert find_figures("Israeli strikes killed over 60 people on Monday.")[0][0] == "over 60"


def test_every_part_named_after_including_shares_the_whole_s_fate():
    found = find_figures("The assault has killed 10,560 people, including 4,324 children and 2,823 women, the ministry said.")
    assert [what for _, what, *_ in found] == ["people killed", "children killed", "women killed"]
    found = find_figures("Strikes killed 274 Palestinians, including 64 children, 57 women and 20 men, the ministry said.")
    assert [what for _, what, *_ in found] == ["Palestinians killed", "children killed", "women killed", "men killed"]


def test_two_dozen_is_one_value():
    found = find_figures("Hamas promised the return of approximately two dozen dead hostages, Trump said.")
    assert [(value, what) for value, what, *_ in found] == [("approximately two dozen", "dead hostages")]


def test_a_fraction_is_no_count_of_its_own():
    assert find_figures("Hamas proposed a ceasefire of 4-1/2 months, during which all hostages would go free.") == []


def test_dates_years_and_background_durations_are_not_figures():
    assert find_figures("The attack of October 7, 2023 changed everything, and in 2024 talks stalled.") == []
    assert find_figures("Posted 2025-03-06 Trump's top hostage negotiator met Hamas officials.") == []
    assert find_figures("Hamas has controlled Gaza for 16 years and lost ten months of revenue.") == []


@pytest.mark.parametrize("value,number", [("35", 35), ("about 1,200", 1200), ("$2.5 billion", 2.5e9), ("six", 6), ("twenty-five", 25), ("dozens of", None),
                                          ("approximately two dozen", 24)])
def test_parse_number(value, number):
    assert parse_number(value) == number


def test_different_figures_for_the_same_thing_are_both_kept_and_marked_disputed():
    group = [
        article("The health ministry said 46,788 Palestinians had been killed since the war began, officials said."),
        article("More than 46,700 Palestinians have been killed since the war began, according to the ministry.", "b"),
        article("Officials said 45,100 Palestinians had been killed since the war began in October.", "c"),
        article("Mediators say 33 hostages will be released in the first phase of the deal.", "d"),
        article("Officials say 35 hostages will be released in the first phase, more than expected.", "e"),
    ]
    candidates, _ = extract_candidates(group)
    figures = {(f.value, f.category): f for f in extract_figures(group, candidates)}
    assert figures[("46,788", "killed")].disputed  # 45,100 disagrees with it
    assert figures[("45,100", "killed")].disputed
    assert figures[("33", "hostages")].disputed and figures[("35", "hostages")].disputed
    assert figures[("more than 46,700", "killed")].sources == (1,)
    assert figures[("33", "hostages")].sources == (3,)


@pytest.mark.parametrize(("text", "what"), [
    # a release a deal or a plan sets out is still to come ...
    ("Under the plan, Hamas would release all 48 remaining hostages within days.", "remaining hostages (to be released)"),
    ("The plan calls for Hamas to release the 48 remaining hostages within 72 hours.", "remaining hostages (to be released)"),
    ("Under the first phase, 33 hostages are due to be freed over six weeks.", "hostages (to be released)"),
    ("Israel would in turn release 250 prisoners serving life sentences.", "prisoners (to be released)"),
    ("Hamas said it would postpone the release of three hostages planned for Saturday.", "hostages (to be released)"),
    ("The framework envisions a six-week pause and the release of 40 hostages in its first phase.", "hostages (to be released)"),
    ("The first stage would see 33 Israeli hostages, alive or dead, released in exchange for prisoners.",
     "Israeli hostages (to be released)"),
    ("Israel would extend the pause by a day for every additional 10 hostages released.", "hostages (to be released) for each extra day"),
    ("Israel would free 250 Palestinians serving life sentences, officials said.", "Palestinians to be released"),
    ("Israel will hand over 45 bodies of Palestinians on Monday.", "bodies to be returned"),
    # ... one that happened is told as done
    ("A week-long truce in November freed 105 hostages, officials said.", "hostages (released)"),
    ("By the end of the fourth day, 50 Israeli hostages had been freed under the deal.", "Israeli hostages (released)"),
    ("Israel began releasing 110 Palestinian prisoners on Thursday evening after a delay.", "Palestinian prisoners (released)"),
    ("Israel handed over 45 bodies on Tuesday, officials said.", "bodies returned"),
    ("The raid, carried out to free four Israeli captives, ended with all four alive.", "Israeli captives (released)"),
    ("Israel delayed the release of 620 Palestinian prisoners for several hours.", "Palestinian prisoners (released)"),
    # whom the holder still has is held, whatever it is asked to do
    ("Israel will fight on until Hamas returns the 59 hostages it still holds.", "hostages (held)"),
    ("Qatar brokered a deal to deliver medicine to 45 hostages held by the group in return for aid.", "hostages (held)"),
    ("The deal includes the release of 50 hostages, the foreign ministry said.", "hostages (to be released)"),
    ("Hamas said it was willing to release seven hostages in return for a two-month truce.", "hostages (to be released)"),
    ("Hamas agreed to a truce in return for the release of 300 prisoners, officials said.", "prisoners (to be released)"),
    ("Hamas frees three Israeli hostages in the third exchange of the truce.", "Israeli hostages (released)"),
    ("The proposal would reportedly see 10 living hostages released immediately.", "living hostages (to be released)"),
    ("Hamas and the mediators are discussing a swap: remains in exchange for the release of about 200 fighters.",
     "fighters to be released"),
    ("The group has drawn out the return of the remains, and four more hostages have yet to be returned.", "more hostages (held)"),
    ("The 20 living hostages were freed, though most of the 28 deceased hostages have not been returned.",
     "living hostages (released)|deceased hostages (held)"),
    ("Four hostages were not released on Saturday, and the talks stalled.", "hostages (held)"),
    ("The talks ended in a deal to free them, and three hostages were freed on Sunday.", "hostages (released)"),
    ("Crowds called on the government to secure the release of 129 hostages, organisers said.", "hostages (to be released)"),
    ("Qatar helped secure the release of 105 hostages in November.", "hostages (released)"),
    ("The initial phase of the ceasefire included the release of 33 Israeli hostages.", "Israeli hostages (released)"),
    ("The plan calls for Hamas to free all 48 hostages still being held in Gaza.", "hostages (held)"),
    ("The deal stipulates the release of around 20 living hostages within 72 hours.", "living hostages (to be released)"),
    # ... and so is one that a deal "could see" someone do, or that someone demands be done
    ("Talks resumed on a deal that could see Israeli troops halt operations for 40 days and the group release 40 hostages.",
     "hostages (to be released)"),
    ("Israel demanded that Hamas free the 59 hostages before any further talks on a truce.", "hostages (to be released)"),
    ("A new proposal suggested Hamas release 11 living hostages and half of the deceased captives.", "living hostages (to be released)"),
    ("Egypt proposed that Hamas free 10 hostages in exchange for a two-week truce.", "hostages (to be released)"),
    ("The first phase will span 42 days and see Hamas release 33 Israeli captives in stages.", "Israeli captives (to be released)"),
    ("The first phase spanned 42 days and saw Hamas release 33 Israeli captives in stages.", "Israeli captives (released)"),
    ("The agreement should also see 150 Palestinians held in Israeli jails released and more aid allowed in.",
     "Palestinians (to be released)"),
    ("The deal should see fighting halted and 33 hostages returned in exchange for hundreds of prisoners.",
     "hostages (to be released)|prisoners (to be released)"),
    ("The first stage involves a six-week truce and the release of 35 captives, officials said.", "captives (to be released)"),
    ("Hamas shared a list of 34 hostages that the group says it is willing to release in the first phase.",
     "hostages (to be released)"),
    # ... as is one that talks are about, or that someone pushes for, suggests or insists on
    ("An official said negotiations were in advanced stages for the release of up to 33 hostages.", "hostages (to be released)"),
    ("The US is pushing for a two-month extension in exchange for the release of 10 hostages.", "hostages (to be released)"),
    ("Sisi, speaking in Cairo on Sunday, suggested a two-day truce to facilitate the exchange of four Israeli hostages.",
     "Israeli hostages (to be released)"),
    ("Israel insists on the release of at least 24 live hostages in the first phase.", "live hostages (to be released)"),
    ("Talks revolve around the release of 12 hostages in exchange for a three-day pause, a source said.", "hostages (to be released)"),
    ("The US has been focused on securing the release of roughly 50 civilians among the captives.", "civilians to be released"),
    ("Qatar was instrumental in securing the release of 105 hostages in November.", "hostages (released)"),
    ("Mediators launched a new push to end the war and secure the release of dozens of Israeli hostages.",
     "Israeli hostages (to be released)"),
    ("Qatar has been leading mediation between the group and Israeli officials for the release of more than 240 hostages.",
     "hostages (to be released)"),
    ("Qatar's mediation led to the release of 105 hostages in November.", "hostages (released)"),
    # ... or that diplomacy is aimed at
    ("Diplomacy by Qatar and Egypt aimed at a lasting ceasefire and the release of dozens of Israeli hostages failed.",
     "Israeli hostages (to be released)"),
    # a share of the count is what the deal frees: the count itself is what is held, or no fate at all
    ("Hamas asked Trump to guarantee a truce in exchange for releasing half of the remaining 48 hostages.", "hostages (held)"),
    ("Hamas released half of the 40 hostages on Sunday.", "hostages"),
    ("Officials believe fewer than half of the 59 hostages still held in Gaza are alive.", "hostages (held)"),
    # ... or that a plan has "with" it, "being freed"
    ("The proposal includes a hostage release by Hamas, with five living hostages, including an American-Israeli, being freed "
     "in return for aid.", "living hostages (to be released)"),
    ("The truce ended with 105 hostages, most of them women and children, being freed in exchange for prisoners.",
     "hostages (released)"),
    ("Arouri played a key role in negotiating the deal that resulted in over 100 Israelis and over 200 Palestinians being freed.",
     "Israelis released|Palestinians released"),
    # "give back" is a release, and one set as a condition ("if") or demanded is to come
    ("Trump said Hamas must \u201cgive back all 20 Hostages,\u201d a reference to the remaining Israelis.", "Hostages (to be released)"),
    ("Tell Hamas to immediately give back all 20 hostages, and things will change rapidly.", "hostages (to be released)"),
    ("Trump said that if Hamas released 20 hostages, things will change rapidly.", "hostages (to be released)"),
    # ... with the count the condition's subject: "if all remaining 101 hostages are returned"
    ("He said that if all remaining 101 hostages are returned, Israel would agree to a safe passage.", "hostages (to be released)"),
    ("Once the 33 hostages are freed, talks on the second phase will begin.", "hostages (to be released)"),
    ("Hamas gave back 20 hostages on Monday.", "hostages (released)"),
    # a release an outline provides for, one slated, one a modal governs through a list of verbs, one a future
    # deal makes, and one given for each further count, are all still to come
    ("The US outline provides for the release of 10 living hostages and the bodies of 18 dead ones.",
     "living hostages (to be released)"),
    ("Out of the original 33 hostages slated for release during the first phase, 14 remain in captivity.",
     "hostages (to be released)|hostages (held)"),
    ("The proposal would pause the fighting for six weeks, free dozens of the most vulnerable hostages and allow aid in.",
     "most vulnerable hostages (to be released)"),
    ("Hamas said the extension would be on the same terms, with 10 Israeli hostages released each day.",
     "Israeli hostages (to be released)"),
    ("He says he will accept only a comprehensive deal that frees all 50 remaining hostages at once.",
     "remaining hostages (to be released)"),
    ("In exchange for the release of around 10-15 hostages, Israel would grant a humanitarian pause.",
     "hostages (to be released)"),
    ("Israel said it would agree to an additional day of ceasefire for each additional 10 hostages freed.",
     "hostages (to be released) for each extra day"),
    ("A week-long truce in November freed 105 hostages, but every attempt since has faltered.", "hostages (released)"),
    # an earlier release is done, whatever plan builds on it
    ("Washington would use every tool to reach a pause that would build upon an earlier release of more than 100 hostages.",
     "hostages (released)"),
    # ... or that someone requests
    ("Hamas said Israel had requested the release of 100 women and children in return for 200 Palestinian children "
     "and 75 women held in Israeli prisons.", "women and children to be released|Palestinian children to be released|women (to be released)"),
    # a deal for a release, even one agreed, has not freed anyone yet
    ("A report on Saturday said that a deal for the release of 50 hostages had been agreed.", "hostages (to be released)"),
    ("The deal with Hamas for the release of 50 hostages is close, an official said.", "hostages (to be released)"),
    ("After talks on Sunday, the release of 33 hostages went ahead as planned.", "hostages (released)"),
    # ... and a release told as a noun right before the next count is that count's, not this one's
    ("The US estimates there are around 200 hostages, and is focused on securing the release of roughly 50 civilians.",
     "hostages|civilians to be released"),
    ("Hamas holds 100 hostages and demands the release of 3,000 prisoners.", "hostages (held)|prisoners (to be released)"),
    ("Israel holds 10,000 Palestinians and agreed to the release of 1,000 prisoners.", "Palestinians|prisoners (to be released)"),
    ("The government vowed to complete its war to defeat the group and return the rest of the 200 hostages.",
     "hostages (to be released)"),
    # ... and one vetoed is not done
    ("Israeli authorities insist on vetoing the release of at least 100 high-profile detainees.", "high-profile detainees (held)"),
    # ... and it is every joined count's, when it comes after the last of them
    ("The two sides announced a deal on Wednesday allowing at least 50 hostages and scores of Palestinian prisoners to be "
     "freed during a four-day truce.", "hostages (to be released)|Palestinian prisoners (to be released)"),
    # ... but one that a truce saw done was done, and one that a truce that took effect allowed
    ("The first phase took effect on Oct. 10, halting the fighting and allowing dozens of hostages held in Gaza to be "
     "exchanged for hundreds of Palestinian prisoners.", "hostages (released)|Palestinian prisoners (released)"),
    ("The deal would halt the fighting, allowing 33 hostages to be freed within six weeks.", "hostages (to be released)"),
    ("The first phase allowed Hamas to release 33 Israeli hostages in exchange for nearly 2,000 Palestinian detainees.",
     "Israeli hostages (released)|Palestinian detainees (released)"),
    ("The first week of the truce saw the group release 50 hostages and Israel free 150 prisoners.",
     "hostages (released)|prisoners (released)"),
    # ... a release set as a condition is to come
    ("The pause could go on as long as the group frees at least 8 hostages each day.", "hostages (to be released) each day"),
    ("Israel will keep to the truce provided the group frees three more hostages on Saturday.", "more hostages (to be released)"),
    ("The group said it would honour the truce, with three more hostages set for release.", "more hostages (to be released)"),
    # who they are, in a clause of their own, comes before what happens to them
    ("Both sides said 10 living hostages who were taken that day and who are still in captivity would be freed in a deal.",
     "living hostages (to be released)"),
    ("Officials say 40 hostages who are still held in Gaza have not yet been released.", "hostages (held)"),
    ("An official said Israel expects the release of the three hostages who were scheduled for Saturday.", "hostages (to be released)"),
    # a rescue frees them, wherever they had been held
    ("Special forces rescued two hostages from Hamas captivity in Rafah early on Monday.", "hostages (released)"),
    ("Troops rescued four hostages held by the group in central Gaza on Saturday.", "hostages (released)"),
    # those given in a swap are released in it, whatever says where they are held
    ("The truce allowed the exchange of 33 hostages taken in the attack for around 2,000 prisoners held by Israel.",
     "hostages (released)|prisoners (released)"),
    ("She was freed in a deal to swap 50 hostages held by the Palestinian militant group for 150 prisoners held in Israeli jails.",
     "hostages (to be released)|prisoners (to be released)"),
    # a video released is no captive freed
    ("Pressure mounts after the release of disturbing videos showing two emaciated captives.", "emaciated captives"),
    ("Hamas released a new video of three hostages on Saturday.", "hostages"),
    ("Hamas released the names of four hostages to be freed on Saturday.", "hostages (to be released)"),
])
def test_a_release_still_to_come_is_told_apart_from_one_done(text, what):
    assert [w for _, w, category, _ in find_figures(text) if category in ("hostages", "prisoners", "people")] == what.split("|")


@pytest.mark.parametrize(("text", "what"), [
    ("Officials confirmed that at least 38 of the 132 hostages still held in Gaza are no longer alive.", ["hostages (dead)", "hostages"]),
    ("The army said 38 hostages are no longer alive and informed their families.", ["hostages (dead)"]),
    ("Rescuers pulled 20 people from the rubble on Sunday, medics said.", ["people"]),  # rescue workers free no one
    # those taken in the attack are taken, whatever befalls a share of them after
    ("Some 250 hostages were taken, of whom 130 are still in Gaza, Israel says.", ["hostages (taken)"]),
    ("The 13 hostages were taken to Egypt and then flown to Israel.", ["hostages"]),
    # killed in captivity is dead, not held
    ("Israel said three of the four hostages whose bodies were handed over had been murdered in captivity.",
     ["hostages (dead)", "hostages"]),
    ("Officials say 24 of the 59 hostages are still alive in captivity.", ["hostages (held)", "hostages"]),
    # who holds them, between the count and its verb, is not what befalls them
    ("The Israeli military has confirmed that the 31 hostages held captive by Hamas are no longer alive.", ["hostages (dead)"]),
    ("The 31 hostages held by Hamas, which killed 1,200 people in the attack, must all come home.", ["hostages (held)"]),
    # where the whole is held says nothing of what a release does to the part
    ("Talks went on over a truce in return for the proposed release of 40 of the 130 hostages still held by the group in Gaza.",
     ["hostages (to be released)", "hostages"]),
    ("Hamas released 10 of the 59 hostages still held in Gaza on Sunday.", ["hostages (released)", "hostages"]),
    ("Under the first phase, 33 of the 98 hostages still held in Gaza - including women and children - are to be freed in stages.",
     ["hostages (to be released)", "hostages"]),
    ("Under the first phase, 33 of the 98 hostages still held in Gaza - including men over 50 - are to be freed in stages in "
     "exchange for hundreds of Palestinian prisoners held in Israeli jails.", ["hostages (to be released)", "hostages"]),
    # a part joined to a count released before it shares the release
    ("Hamas has returned all 20 living captives and 27 of the 28 deceased captives.",
     ["living captives (released)", "deceased captives (returned)", "deceased captives"]),
])
def test_no_longer_alive_is_dead(text, what):
    assert [w for _, w, category, _ in find_figures(text) if category in ("hostages", "people")] == what


@pytest.mark.parametrize(("text", "what"), [
    # what befalls a share of a count is not the count's: "two of the 34 people are dead"
    ("At least two of the 34 people are dead, a Hamas official said.", ["people"]),
    # ... but a fate the count's own words tell is
    ("Two of the 40 people killed on Monday were children.", ["people killed"]),
    ("Many of the 1.7 million displaced people are sheltering in tents.", ["displaced people"]),
])
def test_what_befalls_a_share_is_not_the_whole_counts(text, what):
    assert [w for _, w, _, _ in find_figures(text)] == what


@pytest.mark.parametrize(("text", "expected"), [
    # people missing are told so
    ("There are about 10,000 Palestinians who have been reported missing in Gaza, presumed dead under the rubble.",
     [("about 10,000", "Palestinians missing", "people")]),
    ("More than 2,000 people remain unaccounted for after the strikes, officials said.",
     [("More than 2,000", "people missing", "people")]),
    ("About 10,000 Palestinians crossed into the south on Monday.", [("About 10,000", "Palestinians", "people")]),
    # ... and so are people facing famine, or near it: a count of hunger
    ("More than 2.1 million people face famine across the Strip, the agency warned.",
     [("More than 2.1 million", "people facing famine", "hunger")]),
    ("Some 470,000 people are facing catastrophic hunger, the report said.", [("Some 470,000", "people facing hunger", "hunger")]),
    ("The UN has warned that at least 576,000 people are one step away from famine.",
     [("at least 576,000", "people near famine", "hunger")]),
    ("About 300,000 people fled the north, many of them hungry.", [("About 300,000", "people displaced", "displaced")]),
    # "dead" standing for the people it counts
    ("The toll stands at 67,000 dead, the health ministry said.", [("67,000", "dead", "killed")]),
    ("Most of the 32 dead were killed in the first hours of the attack.", [("32", "dead", "killed")]),
    # ... but not before the noun it describes, nor beside hostages (which dead, the count alone does not say)
    ("Hamas would hand over two dead hostages on Thursday.", [("two", "dead hostages", "hostages")]),
    ("The outline provides for the release of 10 living hostages and the bodies of 18 dead ones.",
     [("10", "living hostages (to be released)", "hostages")]),
    ("The attack left about 1,200 dead and another 250 taken hostage.", [("another 250", "hostages (taken)", "hostages")]),
    # "the toll" after a killing is the death toll; from hunger, deaths from hunger
    ("Israeli strikes killed 32 people on Tuesday, bringing the overall toll to more than 68,000.",
     [("more than 68,000", "killed (death toll)", "killed"), ("32", "people killed", "killed")]),
    ("Three more people died of malnutrition, raising the toll from hunger to 266, the ministry said.",
     [("266", "died of hunger (toll)", "hunger"), ("Three", "more people died of hunger", "hunger")]),
    ("The death toll from starvation has risen to 154, the ministry said.", [("154", "died of hunger (toll)", "hunger")]),
    # ... and "the toll" with no killing said is no figure
    ("The toll has risen to 68,000, the ministry said.", []),
    ("The war has taken a heavy toll on the 2.3 million people of Gaza.", []),
])
def test_the_missing_the_hungry_the_dead_and_a_toll_are_counted(text, expected):
    assert [(value, what, category) for value, what, category, _ in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "what"), [
    # hostage bodies are dead hostages, as "the bodies of 23 hostages" are
    ("So far, 23 hostage bodies have been returned to Israel, officials said.", ["hostages (dead)"]),
    # ... and deceased hostages say so already: no "deceased hostages (dead)"
    ("The remains of 13 deceased hostages are still in Gaza, officials said.", ["deceased hostages"]),
    ("The deal provides for the return of the remains of 28 deceased hostages on the first day.", ["deceased hostages"]),
    ("Israel said Hamas still holds the bodies of three of the 28 deceased hostages.", ["deceased hostages (held)", "deceased hostages"]),
    # ... and the dead are returned, not released
    ("Hamas had already returned the remains of seven of 28 known deceased hostages.",
     ["known deceased hostages (returned)", "known deceased hostages"]),
    ("The deal provides for the release of eight deceased hostages next week.", ["deceased hostages (to be returned)"]),
    ("It added that four hostage bodies would be returned to Israel on Thursday.", ["hostages (dead)"]),
    # ... as fallen or murdered hostages are
    ("An agreement was reached for the return of four fallen hostages as part of the first phase.",
     ["fallen hostages (returned)"]),
    ("Two murdered hostages, both US nationals, are still in Gaza, the envoy said.", ["murdered hostages"]),
    ("Hamas is returning 33 captives, including eight bodies, in exchange for nearly 2,000 prisoners.",
     ["captives (released)", "bodies (returned)", "prisoners (released)"]),
    # families who wait for the captives are neither freed nor held
    ("Israel has informed the 31 devastated families who had been holding out hope for the return of their loved ones.",
     ["devastated families"]),
    # people whose remains are returned are counted as remains
    ("Israel cited violations during the return of the three Bibas family members’ remains last week.",
     ["Bibas family members (remains)"]),
    # a release set as a condition is to come
    ("The extension has been conditioned on Hamas releasing ten hostages per day, officials said.", ["hostages (to be released) per day"]),
    # "still believed to be held": held, whatever talks aim at
    ("Talks aim at a halt in exchange for the return of the 133 hostages still believed to be held in Gaza.", ["hostages (held)"]),
    # a family counted, not a toll
    ("Haniyeh, who has 13 children, said his sons died a martyrs' death.", ["children"]),
    ("Airstrikes killed 13 children overnight, medics said.", ["children killed"]),
    # a list of groups before the captives' noun is one count of captives
    ("The truce calls for Hamas to release 33 women, children, elderly, sick and wounded hostages in six weeks.",
     ["women, children, elderly, sick and wounded hostages (to be released)"]),
    # "would include": to come, the verb before the count too
    ("The prisoner release would include 100 Palestinian prisoners serving life sentences.", ["Palestinian prisoners (to be released)"]),
    # "managed to free" is done; "would be able to free" is not
    ("The army had managed last week to free two Israelis held in Rafah, officials said.", ["Israelis released"]),
    ("Hamas would be able to free 10 hostages next week, the official said.", ["hostages (to be released)"]),
    # who holds the count before is no word on this one
    ("The truce promises the release of dozens of hostages held by Hamas and hundreds of Palestinian prisoners in Israel.",
     ["hostages (to be released)", "Palestinian prisoners (to be released)"]),
    # a release told as a noun governs every count joined to its own; an agreement "for" or "to" one is to come
    ("Qatar helped secure the release of 105 hostages and 240 Palestinian prisoners in November.",
     ["hostages (released)", "Palestinian prisoners (released)"]),
    ("Hamas has reached an agreement with Israel for the exchange of four hostages' bodies and 602 prisoners.",
     ["hostages (dead)", "prisoners (to be released)"]),
    ("Under the agreement, Hamas released 33 hostages in exchange for nearly 2,000 prisoners.",
     ["hostages (released)", "prisoners (released)"]),
    ("The army said 59 hostages and 20 soldiers remain in Gaza.", ["hostages (held)", "soldiers"]),
    # ... and so does a verb of release, past what the first count is ("serving life sentences")
    ("Israel would release 250 prisoners serving life sentences and 1,700 Gazans detained since the start of the war.",
     ["prisoners (to be released)", "Gazans (to be released)"]),  # detained: prisoners
    ("Israel then released 1,968 Palestinian prisoners, including 250 serving life or long sentences and 1,718 detainees "
     "seized in Gaza during the war.", ["Palestinian prisoners (released)", "detainees (released)"]),
    ("Israel will free around 250 Palestinians serving life sentences and about 1,700 people from Gaza detained since the war began.",
     ["Palestinians to be released", "people (to be released)"]),
    ("Hamas freed 20 hostages on Monday and 1,700 people remain in Israeli jails.", ["hostages (released)", "people (held)"]),
    # those who hand something over are not handed over
    ("Under the deal, about 200 fighters would hand over their arms to Egyptian authorities.", ["fighters"]),
    ("Israel handed over 90 Palestinians to the Red Cross on Sunday.", ["Palestinians released"]),
    # how the counted were taken, told between them and their verb, is no fate of theirs
    ("Approximately 136 hostages taken by Hamas on October 7 are believed to remain in Gaza.", ["hostages (held)"]),
    ("At least 105 hostages kidnapped by Hamas during the October 7 attack were released in exchange for 324 prisoners.",
     ["hostages (released)", "prisoners (released)"]),
    # a part named after "including" shares the whole's fate, not a word said of the whole before it
    ("The truce enabled the two sides to exchange 105 captives held in Gaza, including 81 Israelis and 24 foreigners, "
     "for 240 prisoners.", ["captives (released)", "Israelis (released)", "prisoners (released)"]),
    # counts joined by "and" before their verb share it
    ("Before that, two American women and two elderly Israeli women were freed.",
     ["American women released", "elderly Israeli women released"]),
    ("Six Palestinians and four Israelis were killed in the clashes on Monday.", ["Palestinians killed", "Israelis killed"]),
    # "elderly" before the noun is no noun
    ("Hamas said two elderly Israeli women would stay in Gaza.", ["elderly Israeli women"]),
    ("The strike killed 12 elderly in a shelter, medics said.", ["elderly killed"]),
])
def test_bodies_conditions_families_and_who_hands_over(text, what):
    assert [w for _, w, category, _ in find_figures(text) if category in ("hostages", "prisoners", "people", "killed")] == what


def test_the_release_a_deal_sets_out_and_the_release_done_are_not_at_odds():
    # the two values count different things: neither is disputed, and both are shown
    figures = figures_of("Hamas freed 33 hostages in the first phase, officials said on Monday.",
                         "A new proposal would see 10 hostages freed in the first week, officials said on Monday.",
                         "Under the deal, Hamas released 33 hostages in six weeks, mediators said on Monday.", category="hostages")
    assert sorted((f.value, f.what, f.disputed) for f in figures) == [
        ("10", "hostages (to be released)", False), ("33", "hostages (released)", False)]
    # a release to come after the count: "in exchange for" takes the tense of its clause
    assert [w for _, w, *_ in find_figures("Hamas would release five hostages in exchange for 200 Palestinian prisoners.")] == [
        "hostages (to be released)", "Palestinian prisoners (to be released)"]
    assert [w for _, w, *_ in find_figures("Hamas released five hostages in exchange for 200 Palestinian prisoners.")] == [
        "hostages (released)", "Palestinian prisoners (released)"]


def test_figures_from_articles_published_days_apart_are_the_count_going_on_not_a_dispute():
    def dated(body: str, day: int | None, title: str) -> Article:
        when = datetime(2025, 3, day, 9, 0) if day is not None else None  # no time zone: taken as UTC
        return document_to_article(Document(location=title, title=title, body=body, published=when))

    monday = "Israeli strikes killed 20 people across Gaza on Monday, the health ministry said."
    thursday = "Israeli strikes killed 27 people across Gaza on Thursday, the health ministry said."

    def disputed(*group: Article) -> list[bool]:
        candidates, _ = extract_candidates(group)
        return [f.disputed for f in extract_figures(group, candidates) if f.category == "killed"]

    assert disputed(dated(monday, 3, "a"), dated(thursday, 6, "b")) == [False, False]
    # the same day, or a day apart: sources at odds over one count
    assert disputed(dated(monday, 3, "a"), dated(thursday, 4, "b")) == [True, True]
    # an article with no date may report any moment
    assert disputed(dated(monday, 3, "a"), dated(thursday, None, "b")) == [True, True]
    # ... unless the store knows when it reached us: then that is its moment
    seen = dataclasses.replace(dated(thursday, None, "b"), first_seen=datetime(2025, 3, 6, 9, 0))
    assert disputed(dated(monday, 3, "a"), seen) == [False, False]
    assert disputed(dated(monday, 3, "a"), dataclasses.replace(seen, first_seen=datetime(2025, 3, 3, 18, 0))) == [True, True]


def figures_of(*texts: str, category: str | None = None):
    """The key figures of a group of one-sentence articles (optionally of one kind only)."""
    group = [article(text, f"a{n}") for n, text in enumerate(texts)]
    candidates, _ = extract_candidates(group)
    return [f for f in extract_figures(group, candidates) if category in (None, f.category)]


def test_the_same_figure_from_several_articles_is_one_figure_citing_them_all():
    figures = figures_of("Hamas is to free 33 hostages in the first phase, mediators said.",
                         "In the first phase, 33 hostages are to be freed by Hamas, officials said.", category="hostages")
    assert len(figures) == 1 and figures[0].sources == (0, 1) and not figures[0].disputed


def test_a_figure_printed_the_same_is_one_row_whether_or_not_it_reads_as_a_running_toll():
    figures = figures_of("The war began when Hamas-led militants attacked southern Israel, killing about 1,200 people.",
                         "Hamas-led fighters killed about 1,200 people in southern Israel in the attack.", category="killed")
    assert [(f.value, f.what, f.sources) for f in figures] == [("about 1,200", "people killed", (0, 1))]
    # the row cites its own article first, then the others in order, however the rows were met
    figures = figures_of("Hamas-led fighters killed about 1,200 people in southern Israel in the attack.",
                         "The war began when Hamas-led militants attacked southern Israel, killing about 1,200 people.",
                         "Hamas-led fighters killed about 1,200 people in southern Israel that day.",
                         "The war began when militants attacked southern Israel, killing about 1,200 people.", category="killed")
    assert [f.sources for f in figures] == [(0, 1, 2, 3)]


def test_a_count_of_captives_told_without_a_fate_joins_the_same_count_told_with_one():
    marched = "Families of 59 Israeli hostages marched in Tel Aviv on Saturday, organisers said."
    held = "Hamas still holds 59 hostages in Gaza, Israel says."
    assert [(f.value, f.what, f.sources) for f in figures_of(marched, held, category="hostages")] == [
        ("59", "hostages (held)", (1, 0))]
    # two fates for one number: the bare count is the count held, which the others are the fates of
    both = figures_of(marched, held, "Hamas would release 59 hostages under the plan, mediators said.")
    assert sorted((f.what, f.sources) for f in both) == [("hostages (held)", (1, 0)), ("hostages (to be released)", (2,))]
    # a head count of people numbering just what a count of captives does is those captives
    freed = "Hamas released three Israeli hostages on Sunday, the army said."
    assert [(f.what, f.sources) for f in figures_of(freed, "The three Israeli women were taken to a hospital, doctors said.")] \
        == [("Israeli hostages (released)", (0, 1))]
    # not under three: two people and two hostages in one story are too often different people
    assert len(figures_of("Hamas released two hostages on Sunday, the army said.",
                          "Two Israeli civilians entered Gaza years ago, officials said.")) == 2


def test_a_head_count_joins_the_same_count_of_the_same_people_told_with_what_befell_them():
    killed = "Fears grew after the targeted killing of two top militants in Khan Younis, officials said."
    avenged = "Diplomats hope a deal will deter the group from avenging the two top militants, officials said."
    assert [(f.value, f.what, f.sources) for f in figures_of(killed, avenged)] == [("two", "top militants killed", (0, 1))]
    fled = "About 100,000 residents have already fled Gaza City, the army said."
    left = "Netanyahu said approximately 100,000 residents had already left Gaza City."
    assert [(f.what, f.sources) for f in figures_of(fled, left)] == [("residents displaced", (0, 1))]
    # one fate, though told once as a running toll and once as the day's
    starved = "At least 263 people, including 112 children, have died of starvation and malnutrition since the war began."
    toll = "The ministry recorded three more deaths from starvation, raising the toll from hunger to 266, including 112 children."
    rows = figures_of(starved, toll, "The ministry says 263 people, including 112 children, have died of starvation.")
    assert [(f.what, f.sources) for f in rows if f.value == "112"] == [("children died of hunger", (0, 1, 2))]
    # other people, or the same number with two fates, stay apart
    assert len(figures_of(killed, "Two Palestinian militants crossed the border on Monday, officials said.")) == 2
    assert len(figures_of(killed, avenged, "Two top militants were wounded in a second strike, medics said.")) == 3


def test_every_kind_of_figure_gets_a_place_before_a_ninth_toll():
    places = ("Rafah", "Khan Younis", "Gaza City", "Deir al-Balah", "Jabalia", "Nuseirat", "Beit Lahia", "Bureij", "Maghazi")
    tolls = [f"Israeli strikes killed {n} Palestinians in {place} on Tuesday, medics said."
             for n, place in zip((12, 17, 23, 31, 44, 52, 67, 75, 88), places)]
    kinds = [f.category for f in figures_of(*tolls, "Hamas would free 10 living hostages under the proposal, mediators said.",
                                            "Israel would release 1,100 Palestinian prisoners in exchange, officials said.")]
    assert {"hostages", "prisoners"} <= set(kinds)
    assert kinds == sorted(kinds, key=["killed", "hostages", "prisoners"].index)  # listed by kind


def test_a_background_figure_does_not_dispute_the_day_s_figure():
    hostages = figures_of("The only truce of the war, a week-long pause in November 2023, saw 105 hostages released.",
                          "The deal would see the release of all 100 hostages still held, officials said on Sunday.", category="hostages")
    assert len(hostages) == 2 and not any(f.disputed for f in hostages)
    assert hostages[0].value == "all 100"


@pytest.mark.parametrize(("text", "parts"), [
    ("Some 59 hostages remain in Gaza, 24 of whom are believed to be alive.", [("24", "alive")]),
    ("Of the 59 hostages still held, about 24 are believed to be alive.", [("about 24", "alive")]),
    ("The deal frees 28 hostages - 10 living and 18 deceased - in the first week.", [("10", "alive"), ("18", "dead")]),
    ("The group holds 48 hostages, about 20 of them alive, officials said.", [("about 20", "alive")]),
    ("Some 130 hostages are still held, 33 of whom have been officially declared dead.", [("33", "dead")]),
    ("Of the 48 hostages still in Gaza, 20 are believed by Israel to be still alive.", [("20", "alive")]),
    ("The forum said 59 captives remain in the Strip, 35 of whom the army has declared dead.", [("35", "dead")]),
    ("Some 59 hostages remain, 24 of whom Israeli officials believe are still alive.", [("24", "alive")]),
    ("Some 101 hostages remain in Gaza, about a third believed dead.", []),  # a share, not a count
    ("The group freed 33 hostages; mediators said 8 others were alive.", []),  # another clause
])
def test_how_many_of_a_hostage_count_are_alive_or_dead(text, parts):
    found = [(value, key[1]) for value, _, _, key in find_figures(text, breakdown=True) if key[1] in ("alive", "dead")]
    assert found == parts
    # the choice of sentences does not weigh them: they restate the count before them
    assert not any(key[1] == "alive" for *_, key in find_figures(text))


@pytest.mark.parametrize(("text", "fate"), [
    ("The group holds 48 hostages, about 20 of them dead, officials said.", "held"),  # not dead: the 20 are
    ("The group freed 33 hostages; officials said 8 others were dead.", "released"),
    ("The bodies of four hostages killed in captivity were returned.", "dead"),
    ("Hamas would release all 48 remaining hostages, dead and alive, within days.", "to be released"),
    ("After Edan's release, 58 hostages remain in Gaza, officials said.", "held"),
    ("After the exchange, 59 hostages are still held in Gaza.", "held"),
    ("Hamas freed 33 hostages held in Gaza.", "released"),
    # the whole still held, then its own verb: that verb tells what befalls it
    ("All 48 hostages still held in Gaza would be freed on the first day of the truce.", "to be released"),
    ("The 20 hostages still in captivity were released on Monday.", "released"),
    # a release the main clause wants or expects is still to come; one it reports done is done
    ("In exchange for the release of 5 hostages, Hamas expects a return to the ceasefire's first phase.", "to be released"),
    ("In exchange for the release of 33 hostages, Israel freed 1,900 prisoners.", "released"),
    # who holds the whole ("the 59 hostages it holds") is no verb of the part's
    ("Hamas released 10 of the 59 hostages it holds.", "released"),
    ("Hamas has returned the remains of 25 of the 28 deceased hostages it held.", "released"),
    # what the counted hold themselves is not their captivity
    ("The list includes four hostages who hold American citizenship.", ""),
    # the dead named after a count of the living are others
    ("The plan calls for the release of five live hostages and some dead hostages for 50 days of truce.", "to be released"),
    # a release in the present tense that a deal or plan lays out is still to come
    ("Boehler said the deal on the table — where Hamas releases at least 10 hostages in exchange for a path to peace — "
     "is the best they will get.", "to be released"),
    ("Under the deal, Hamas releases 33 hostages in the first phase.", "to be released"),
    ("Under the deal, Hamas released 33 hostages in the first phase.", "released"),
    # ... and so are those of another thing handed over after it
    ("The plan provides for the cessation of hostilities, the staggered release of 12 hostages and the return of the "
     "remains of dead hostages.", "to be released"),
])
def test_what_happens_to_a_hostage_count_is_told_by_its_own_words(text, fate):
    first = find_figures(text)[0]
    assert first[2] == "hostages" and first[3] == ("hostages", fate)


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel says 35 of the 129 hostages are dead.", [("35", "dead"), ("129", "")]),
    ("It is believed that 97 of the 251 hostages abducted by Hamas on October 7, 2023 remain in Gaza, "
     "including 34 confirmed dead.", [("97", "held"), ("251", "")]),
    ("Under the first phase, 33 of the 98 hostages still held in Gaza - women, children and the sick - "
     "would be freed in exchange for hundreds of prisoners.", [("33", "to be released"), ("98", "")]),
    ("Hamas freed three of the 33 hostages on Sunday.", [("three", "released"), ("33", "")]),
    ("About 20 of the 48 remaining hostages are thought to be alive.", [("About 20", "alive"), ("48", "")]),
    ("Some 35 of the 129 hostages remain in Gaza and 20 have been released.", [("Some 35", "held"), ("129", ""), ("20", "released")]),
    ("Israel believes 30 out of the 136 hostages inside Gaza are dead.", [("30", "dead"), ("136", "")]),
])
def test_what_is_said_of_a_part_of_a_hostage_count_is_the_part_s(text, expected):
    assert [(value, key[1]) for value, _, category, key in find_figures(text) if category == "hostages"] == expected


def test_a_long_run_of_disputed_tolls_leaves_room_for_the_other_figures():
    # a month of undated reports: each gives the toll of its day, and each toll "disputes" the others
    tolls = [f"The health ministry said Israel's offensive has killed {30_100 + 300 * n:,} Palestinians." for n in range(12)]
    figures = figures_of(*tolls, "Hamas will free 33 hostages in the first phase of the deal.",
                         "Israel will release 1,900 Palestinian prisoners in the first phase.")
    assert len(figures) <= MAX_FIGURES + DISPUTED_EXTRA
    assert [f.category for f in figures].count("killed") <= MAX_FIGURES - 2 + DISPUTED_EXTRA
    assert {"hostages", "prisoners"} <= {f.category for f in figures}
    assert all(f.disputed for f in figures if f.category == "killed")


def test_a_round_figure_does_not_dispute_the_exact_one_it_rounds():
    killed = figures_of("The ministry said Israel's offensive has killed 20,000 Palestinians.",
                        "The ministry said the war has killed 20,057 Palestinians.",
                        "A UN agency said the war has killed 21,300 Palestinians.", category="killed")
    disputed = {f.value: f.disputed for f in killed}
    assert disputed == {"20,000": True, "20,057": True, "21,300": True}  # 21,300 disputes both
    two = figures_of("The ministry said Israel's offensive has killed 20,000 Palestinians.",
                     "The ministry said the war has killed 20,057 Palestinians.", category="killed")
    assert not any(f.disputed for f in two)


def test_one_toll_told_of_people_and_of_palestinians_is_one_row():
    killed = figures_of("The war has killed more than 59,000 people in Gaza, the ministry said.",
                        "Israel's campaign has since killed more than 59,000 Palestinians, the ministry said.", category="killed")
    assert [(f.value, f.sources) for f in killed] == [("more than 59,000", (0, 1))]


def test_a_year_before_a_noun_is_no_count():
    assert find_figures("He was freed in the 2011 prisoner exchange for Gilad Shalit.") == []
    assert [value for value, *_ in find_figures("Israel freed 2000 prisoners on Monday.")] == ["2000"]


@pytest.mark.parametrize(("text", "what"), [
    ("Blinken announced $404 million in new U.S. humanitarian assistance for Palestinians.", "humanitarian assistance"),
    ("Egypt unveiled a $53 billion reconstruction plan.", "reconstruction plan"),
    ("The US pledged $60 million in food aid, officials said.", "food aid"),
    ("Qatar pledged $500 million, Egypt said.", "dollars"),
])
def test_what_money_is_for(text, what):
    assert [(category, name) for _, name, category, _ in find_figures(text)] == [("dollars", what)]


@pytest.mark.parametrize(("text", "value"), [
    ("Israel will free between 990 and 1,650 Palestinian prisoners and detainees.", "between 990 and 1,650"),
    ("Israel would free 700 to 1,000 Palestinian prisoners in the first phase.", "700 to 1,000"),
])
def test_a_range_is_given_whole(text, value):
    assert [found[0] for found in find_figures(text)] == [value]


@pytest.mark.parametrize(("text", "what"), [
    ("The framework includes a 40–50 day ceasefire and the release of prisoners.", "day ceasefire"),  # what lasts that long
    ("The plan calls for a six-week initial truce.", "truce"),
    ("Israel agreed to four-hour daily humanitarian pauses in the north.", "pauses"),  # how often is no thing that lasts
    ("About 600 trucks a day are to enter under the agreement.", None),  # a rate, not a duration
    ("The number of lorries remains below the 600 a day envisaged under the agreement.", None),
])
def test_what_a_duration_is_the_length_of(text, what):
    assert [w for _, w, category, _ in find_figures(text) if category in ("days", "weeks", "hours")] == ([what] if what else [])


def test_a_range_in_words_is_given_whole():
    found = find_figures("The plan calls for the release of three to five living hostages, mediators said.")
    assert [(value, what) for value, what, *_ in found] == [("three to five", "living hostages (to be released)")]
    assert value_range("three to five") == (3, 5)


def test_a_range_disputes_only_what_falls_outside_it():
    prisoners = figures_of("Israel will free between 990 and 1,650 Palestinian prisoners, officials said.",
                           "Israel will free 1,650 Palestinian prisoners under the deal, officials said.",
                           "Israel will free 2,000 Palestinian prisoners under the deal, officials said.", category="prisoners")
    # 1,650 is within the range; 2,000 is outside it and disputes both
    assert {f.value: f.disputed for f in prisoners} == {"between 990 and 1,650": True, "1,650": True, "2,000": True}
    within = figures_of("Israel will free between 990 and 1,650 Palestinian prisoners, officials said.",
                        "Israel will free 1,650 Palestinian prisoners under the deal, officials said.", category="prisoners")
    assert not any(f.disputed for f in within)


def test_no_other_number_stands_between_a_count_and_what_it_counts():
    assert [(value, what) for value, what, *_ in find_figures("Phase 2 includes 19 soldiers we believe are all alive.")] \
        == [("19", "soldiers")]


def test_a_word_of_holding_before_a_count_is_its_own_only_up_to_a_comma():
    assert [(value, what) for value, what, *_ in find_figures(
        "The deal saw the release of about 90 hostages held by the group, 210 prisoners from jails and more aid.")][1] \
        == ("210", "prisoners")


def test_taken_as_hostages_counts_hostages():
    assert [(value, what) for value, what, *_ in find_figures("Gunmen seized another 253 as hostages that day.")] \
        == [("another 253", "hostages (taken)")]  # in the attack: not those held now
    # taken, whatever death words stand around: the killing is of others, the deaths come later
    assert [(value, what) for value, what, *_ in find_figures(
        "The war, sparked by the raid in which gunmen killed 1,100 people and took 230 hostages back to Gaza, "
        "has resulted in the deaths of more than 40,000 people.")] \
        == [("1,100", "people killed"), ("230", "hostages (taken)"), ("more than 40,000", "people killed")]
    # the captives a release was among are not the freed: "released two Americans among more than 200 hostages abducted"
    assert [(value, what) for value, what, *_ in find_figures(
        "The group released two Americans among more than 180 hostages abducted earlier this month.")] \
        == [("two", "Americans released"), ("more than 180", "hostages (taken)")]
    # ... and so are the whole that a share is counted out of
    assert [(value, what) for value, what, *_ in find_figures(
        "Out of 251 hostages seized during the attack, 97 remain in Gaza.")] \
        == [("251", "hostages (taken)"), ("97", "hostages (held)")]
    assert [(value, what) for value, what, *_ in find_figures(
        "The 13 hostages were taken to Egypt and then flown to Israel.")] == [("13", "hostages")]
    # "dozens of those hostages" are hostages
    assert [(value, what) for value, what, *_ in find_figures("Dozens of those hostages are believed dead, officials say.")] \
        == [("Dozens of", "hostages (dead)")]


def test_the_age_of_the_war_and_bare_head_counts_are_no_key_figures():
    figures = figures_of("The ceasefire is the first pause in the 15-month war, officials said.",
                         "It ends more than eight months of war in Gaza, the ministry said.",
                         "Trump praised the two men for their work on the deal.",
                         "Hamas agreed to a six-week truce in the 15-month war, mediators said.",
                         "Hamas will free 10 living hostages and the remains of 18 others, officials said.")
    assert sorted((f.value, f.what) for f in figures) == [
        ("10", "living hostages (to be released)"), ("18", "hostages (dead)"), ("six-week", "truce")]
    # the war's age with "long" ("22-month long military offensive"); a term so written is one
    figures = figures_of("It escalates Israel's 22-month long military offensive on the Strip, officials said.",
                         "Israel agreed to a 60-day long ceasefire in Gaza, mediators said.",
                         "Hamas called it a gesture to end the 19-month genocidal aggression on Gaza.",
                         "The meetings would look to end Israel's 10-month brutal military campaign, officials said.")
    assert [(f.value, f.what) for f in figures] == [("60-day", "ceasefire")]
    # "two others", "20 people": neither who they are nor what befell them; "20 people killed" is a figure
    figures = figures_of("The release of Yehud and two others is in addition to the one set for Saturday, officials said.",
                         "We have 20 people and about 38 bodies, the US president said of the hostages in Gaza.",
                         "An air strike on a school killed 20 people on Sunday, medics said.")
    assert sorted((f.value, f.what) for f in figures) == [("20", "people killed"), ("about 38", "hostages (dead)")]


def test_one_part_of_a_schedule_does_not_dispute_the_whole():
    hostages = figures_of("Hamas would release eight living hostages on the first day of a 60-day truce and two more on day 50.",
                          "Under the framework, Hamas would release 10 living hostages during the truce, officials said.",
                          category="hostages")
    assert [f.value for f in hostages] == ["eight", "10"] and not any(f.disputed for f in hostages)
    # without the rest of the schedule, eight against ten is a disagreement
    hostages = figures_of("Hamas would release eight living hostages during the truce, mediators said.",
                          "Under the framework, Hamas would release 10 living hostages during the truce, officials said.",
                          category="hostages")
    assert [f.disputed for f in hostages] == [True, True]


def test_the_key_figures_give_the_hostages_still_held_not_all_those_taken():
    hostages = figures_of("It is believed that 97 of the 251 hostages abducted by Hamas on October 7 remain in Gaza.",
                          "Israel says 97 hostages are still held in Gaza.", category="hostages")
    assert [(f.value, f.what, f.sources) for f in hostages][0] == ("97", "hostages (held)", (0, 1))
    assert not any(f.disputed for f in hostages)


def test_the_key_figures_give_the_living_hostages_beside_the_count():
    hostages = figures_of("Some 59 hostages remain in Gaza, 24 of whom are believed to be alive, officials said.",
                          "The group still holds 59 hostages, 24 of them alive.", category="hostages")
    assert [(f.value, f.what, f.sources) for f in hostages] == [("some 59", "hostages (held)", (0, 1)), ("24", "hostages (alive)", (0, 1))]


def test_a_count_of_captives_with_no_fate_is_the_count_held_when_two_fates_are_given_for_it():
    hostages = figures_of("Netanyahu said the deal would free the remaining 134 hostages in stages.",
                          "Israel believes 134 Israelis are being held in Gaza.",
                          "The families said the decision condemns the lives of the 134 hostages.", category="hostages")
    assert sorted((f.value, f.what, f.sources) for f in hostages) == [
        ("134", "Israelis (held)", (1, 2)), ("the remaining 134", "hostages (to be released)", (0,))]


def test_a_figure_dated_weeks_before_its_article_is_background():
    group = [dataclasses.replace(article(text, f"a{n}"), published=datetime(2025, 6, 1)) for n, text in enumerate((
        "In January, the group freed 33 hostages under the first phase of the deal.",
        "The group freed 25 hostages in Rafah, officials said on Saturday.",
    ))]
    hostages = [f for f in extract_figures(group, extract_candidates(group)[0]) if f.category == "hostages"]
    assert [f.value for f in hostages] == ["25", "33"] and not any(f.disputed for f in hostages)


def test_figures_told_as_background_come_after_the_day_s_figures():
    figures = figures_of(
        "The war began when Hamas-led militants attacked southern Israel, killing about 1,200 people and taking 251 hostages.",
        "The war was triggered by the attack on southern Israel on October 7, 2023, in which some 1,200 people were killed.",
        "Israeli strikes killed 40 Palestinians in Gaza on Tuesday, health officials said.",
    )
    assert [(f.value, f.sources) for f in figures if f.category == "killed"] == [("40", (2,)), ("about 1,200", (0, 1))]
    assert figures[0].value == "40"


# -- quotes -------------------------------------------------------------------------------


def speakers_by_opening(body: str) -> dict[str, str | None]:
    """Each quote's speaker, by the quote's first 20 characters."""
    return {text[:20]: speaker for text, speaker, _ in quotes_in(article(body))}


def test_a_bodys_statement_that_reads_is_the_body_named_before():
    found = speakers_by_opening(
        "On Tuesday Qatar's Embassy to the US in Washington issued a statement saying it was surprised by the remarks.\n\n"
        "\u201cBlaming and threatening the mediator is not constructive,\u201d the embassy statement read.")
    assert found == {"Blaming and threaten": "Qatar's Embassy"}
    found = speakers_by_opening("Hamas issued a statement on Sunday.\n\n"
                                "\u201cThe occupation bears full responsibility,\u201d the Hamas statement read.")
    assert found == {"The occupation bears": "Hamas"}


def test_words_according_to_someone_after_the_quote_are_theirs():
    quote = "\u201cThe secretary will meet with Egyptian officials to discuss ongoing efforts,\u201d "
    assert speakers_by_opening(quote + "according to the US State Department.") == {"The secretary will m": "US State Department"}
    assert speakers_by_opening(quote + "according to a statement from the White House.") == {"The secretary will m": "White House"}
    assert speakers_by_opening(quote + "according to Netanyahu's office.") == {"The secretary will m": "Netanyahu's office"}
    # an outlet passes the words on; it does not speak them
    assert speakers_by_opening(quote + "according to Reuters.") == {"The secretary will m": None}
    assert speakers_by_opening(quote + "according to the Times of Israel.") == {"The secretary will m": None}


def test_a_title_that_acts_with_an_adverb_is_the_one_the_article_named_so():
    found = speakers_by_opening(
        "Egyptian Foreign Minister Badr Abdelatty spoke on Sunday.\n\nThe Egyptian minister firmly rejected any plans for "
        "forced displacement, declaring, \u201cFor us, and for Jordan, such proposals are a red line.\u201d")
    assert found == {"For us, and for Jord": "Badr Abdelatty"}


def test_a_relative_the_article_describes_speaks_as_described():
    body = ("The father of a US-Israeli hostage held in Gaza said on Saturday he remains hopeful his son was still alive.\n\n"
            "\"I think we should engage back with them directly,\" the father said in an interview on Saturday.")
    assert speakers_by_opening(body) == {"I think we should en": "the father"}
    # ... and whom the article names so, when it does
    body = ("Adi Alexander, the father of hostage Edan Alexander, spoke to Reuters.\n\n"
            "\"I think we should engage back with them directly,\" the father said in an interview on Saturday.")
    assert speakers_by_opening(body) == {"I think we should en": "Adi Alexander"}


def test_a_source_that_briefs_the_press_speaks():
    assert speakers_by_opening("Earlier Tuesday, a political source briefed media outlets that \u201cPrime Minister Netanyahu "
                               "is making great efforts to release all six remaining living hostages.\u201d") \
        == {"Prime Minister Netan": "a political source"}
    assert speakers_by_opening("An Israeli official briefed reporters: \"The team will leave for Cairo on Monday "
                               "to discuss the next phase.\"") == {"The team will leave ": "an Israeli official"}


def test_a_title_of_two_offices_is_the_one_who_holds_them():
    found = speakers_by_opening(
        "Prime Minister and Minister of Foreign Affairs HE Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani spoke in Doha.\n\n"
        "The Prime Minister and Minister of Foreign Affairs added: \u201cWe engaged in the mediation process from a "
        "humanitarian standpoint.\u201d")
    assert found == {"We engaged in the me": "Mohammed bin Abdulrahman bin Jassim Al Thani"}


def test_whom_a_speaker_advises_is_not_the_speaker():
    quote = "\"Netanyahu is stalling and is undermining any progress,\" "
    assert speakers_by_opening(quote + "Taher Al-Nono, media adviser to Hamas chief Ismail Haniyeh told Reuters.") \
        == {"Netanyahu is stallin": "Taher Al-Nono"}
    assert speakers_by_opening(quote + "Brett McGurk, an aide to President Joe Biden, said.") \
        == {"Netanyahu is stallin": "Brett McGurk"}
    assert speakers_by_opening(quote + "a media adviser to Hamas chief Ismail Haniyeh told Reuters.") \
        == {"Netanyahu is stallin": "a media adviser to Hamas chief Ismail Haniyeh"}
    # where an envoy is sent is no one: the envoy speaks
    assert speakers_by_opening(quote + "said US envoy to the Middle East Steve Witkoff.") \
        == {"Netanyahu is stallin": "Steve Witkoff"}


def test_less_common_speech_verbs_name_the_speaker():
    found = speakers_by_opening(
        "Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's prime minister, spoke at a forum in Doha.\n\n"
        "\"One party is looking for a partial deal, and the other for one deal to end the war,\" the Qatari premier specified.\n\n"
        "\"We couldn't bridge this fundamental gap with our proposals,\" Sheikh Mohammed bin Abdulrahman Al Thani concluded.")
    assert found == {"One party is looking": "Mohammed bin Abdulrahman Al Thani",
                     "We couldn't bridge t": "Mohammed bin Abdulrahman Al Thani"}
    # a live blog's present tense
    found = speakers_by_opening("“Hamas is making a very bad bet that time is on its side. It is not,” the top Trump aide warns.")
    assert found == {"Hamas is making a ve": "the top Trump aide"}


def test_quotes_with_their_speakers():
    body = (
        "“We are working very hard to get this done,” Trump told reporters at the White House.\n\n"
        "“This is not a negotiation that will be over in a few days,” said an Israeli official with knowledge of the talks.\n\n"
        "Hamas official Osama Hamdan said: “The occupation is delaying to hinder the negotiations.”\n\n"
        "“There is reason to be a little optimistic,” said Gershon Baskin, a veteran negotiator.\n\n"
        "“But it is not clear to me whether Netanyahu wants a deal,” he said.\n\n"
        "The group called the offer “a trap” and “unacceptable.”\n\n"
        "“Every day that passes endangers their lives,” the forum's statement read."
    )
    found = {text: speaker for text, speaker, _ in quotes_in(article(body))}
    assert found["We are working very hard to get this done"] == "Trump"
    assert found["This is not a negotiation that will be over in a few days"] == "an Israeli official"
    assert found["The occupation is delaying to hinder the negotiations."] == "Osama Hamdan"
    assert found["There is reason to be a little optimistic"] == "Gershon Baskin"
    assert found["But it is not clear to me whether Netanyahu wants a deal"] == "Gershon Baskin"  # "he" is the last speaker
    assert "a trap" not in found and "unacceptable." not in found  # scare quotes
    assert found["Every day that passes endangers their lives"] is None


def test_he_is_the_person_named_with_a_possessive_not_a_group_that_opens_a_sentence():
    body = (
        "President Donald Trump's plan calls for a truce. When Hamas replied on Friday, it accepted part of it.\n\n"
        "Hamas said it would free all hostages.\n\n"
        "Trump said on Saturday that Israel had agreed to a withdrawal line shared with Hamas. “When they "
        "confirm, the ceasefire will be effective at once,” he wrote.\n\n"
        "“The aim is to build on the progress of the deal,” a source briefed on the talks said."
    )
    found = speakers_by_opening(body)
    assert found["When they confirm, t"] == "Trump"
    assert found["The aim is to build "] == "a source briefed on the talks"


def test_it_said_is_the_body_that_opens_the_sentence_before():
    body = (
        "The Hostages and Missing Families Forum welcomed the agreement. “We will not rest until every "
        "last hostage is returned,” it said.\n\n"
        "Mediators met again on Sunday. “The sides are closer than ever before,” it said.\n\n"
        "Talks went on late into the night. Benjamin Netanyahu said on Monday that he was hopeful. "
        "Netanyahu welcomed it. “Israel will bring every hostage home,” it said.\n\n"
        "Israel and Hamas traded blame. Hamas accused Israel of stalling. “The occupation bears full responsibility for the delay,” it said."
    )
    found = speakers_by_opening(body)
    assert found["We will not rest unt"] == "Hostages and Missing Families Forum"
    assert found["The sides are closer"] is None  # "it" with no body before: no speaker, never "it"
    assert found["Israel will bring ev"] is None  # a person is never "it"
    assert found["The occupation bears"] == "Hamas"


def test_he_or_she_said_is_the_person_acting_in_the_sentence_before():
    body = (
        "Mediator Omar Saleh met both delegations on Monday.\n\n"
        "Opposition leader Dan Harel, who has criticised every round of talks, accused the government of "
        "drift. “This cabinet has lost control of the process,” he said.\n\n"
        "Omar Saleh sought to calm the mood. “We are closer than we have ever been,” he said.\n\n"
        "Rina Katzir was freed on Sunday. “She is home, and she is strong,” her mother said.\n\n"
        "Talks resumed in the evening. “Nothing is agreed until everything is agreed,” he said."
    )
    found = speakers_by_opening(body)
    assert found["This cabinet has los"] == "Dan Harel"
    assert found["We are closer than w"] == "Omar Saleh"
    assert found["She is home, and she"] == "Rina Katzir’s mother"
    assert found["Nothing is agreed un"] == "Omar Saleh"  # no one acts just before: the last person who spoke


def test_he_said_after_a_paragraph_where_someone_new_acts_is_that_person_not_the_last_speaker():
    body = (
        "“Aid entered the Strip overnight,” foreign ministry spokesman Majed Saleh wrote on X.\n\n"
        "The trucks crossed at Rafah.\n\n"
        "On Wednesday a senior member of the political bureau, Musa Abu Karim, revealed new conditions for the deliveries.\n\n"
        "“For every box that goes in for them, 1,000 will go in for residents of Gaza,” he said on X.\n\n"
        "“The pressure worked,” White House spokeswoman Karen Holt told reporters.\n\n"
        "She suggested that President Tom Walsh deserved credit for the deal.\n\n"
        "“It is no coincidence that they accepted now,” she said.\n\n"
        "“We hope the next days will be calm,” Sheikh Hamad bin Khalid Al Thani said.\n\n"
        "Sheikh Hamad called for calm before the truce began.\n\n"
        "“There must be no more strikes,” he said."
    )
    found = speakers_by_opening(body)
    assert found["For every box that g"] == "Musa Abu Karim"  # not Majed Saleh, who spoke two paragraphs before
    assert found["It is no coincidence"] == "Karen Holt"  # "She suggested ...": she is still the one who spoke
    assert found["There must be no mor"] == "Hamad bin Khalid Al Thani"  # one person, named in full before


@pytest.mark.parametrize(("text", "expected"), [
    ("Sitting on the rubble of her home in Gaza City, Umm Khaled al-Masri said she had stopped following the news.\n\n"
     "“Every week they say there is progress, and every week we bury someone,” the 53-year-old told AFP.",
     ["Umm Khaled al-Masri"]),
    ("In Khan Younis, Samira Odeh, 60, said she had stopped believing the announcements.\n\n"
     "\"Seven of my grandchildren were born during this war,\" the grandmother said.", ["Samira Odeh"]),
    ("In Khan Younis, Samira Odeh, 60, who has been displaced nine times, said she had stopped believing the announcements. "
     "\"They announce a deal, and then the bombs come back,\" she told MEE.\n\n"
     "\"Seven of my grandchildren were born during this war,\" the grandmother said.", ["Samira Odeh", "Samira Odeh"]),
    ("Ahmed Hassouna, a teacher, lost his home in the first month of the war.\n\n"
     "The minister spoke to reporters in Cairo on Monday.\n\n"
     "For Mr Hassouna, the diplomacy feels remote. \"They negotiate in hotels. We negotiate with hunger,\" he said.",
     ["Ahmed Hassouna"]),
    # no one named just before: the description stays what the text gives
    ("The talks resumed in Doha on Monday.\n\n\"We are tired of waiting for them,\" the 53-year-old told AFP.", [None]),
], ids=["age", "grandmother", "grandmother-who-spoke-before", "mr-surname", "age-of-no-one"])
def test_someone_described_by_age_or_honorific_is_the_person_just_named(text, expected):
    assert speakers_in(text) == expected


@pytest.mark.parametrize("scene", [
    "In the southern city of Khan Younis, Samir Odeh, 41, a former taxi driver, queued with his two sons for water.",
    "In Deir al-Balah, Samir Odeh, 41, queued with his two sons for water.",
    "At a water point in the city of Khan Younis, Samir Odeh, a former taxi driver, waited with his two sons.",
], ids=["city-of-then-age-and-trade", "place-then-age", "place-of-then-trade"])
def test_he_said_after_a_scene_is_the_person_set_off_after_its_place(scene):
    # "In the city of Khan Younis, Samir Odeh, 41, ... queued": the place opens the sentence, the person acts
    text = ("“Some of the items we bring in are rejected without explanation,” said Olga Weiss, a UN spokeswoman.\n\n"
            f"{scene}\n\n“If the war comes back, there is nowhere left for us to go,” he said.")
    assert speakers_in(text) == ["Olga Weiss", "Samir Odeh"]


def test_he_said_is_the_person_acting_just_before_in_the_same_paragraph_or_named_by_one_word():
    body = (
        "“We will keep talking,” mediator Omar Saleh said on Monday after meeting US envoy Dan Reyes.\n\n"
        "Three hostages arrived in Israel. In a post on X, Prime Minister Avi Dror welcomed them home. He added, "
        "“Our thoughts are with all the hostages still held in Gaza.”\n\n"
        "Reyes also spoke of the missing journalist. He said he did not know whether he was alive. "
        "“If he's there, I'm going to bring him home,” he said."
    )
    found = speakers_by_opening(body)
    assert found["Our thoughts are wit"] == "Avi Dror"
    assert found["If he's there, I'm g"] == "Reyes"  # not Omar Saleh, who spoke last
    found = speakers_by_opening(
        "Hamas said it was studying the offer.\n\n"
        "“The key elements of the deal are on the table,” Biden told journalists at a briefing.\n\n"
        "“There are gaps that remain, but we keep working,” he said."
    )
    assert found["There are gaps that "] == "Biden"  # a name the article never gives in full: "he" is a person


def test_he_said_is_the_person_who_acted_on_a_weekday_after_an_appositive():
    found = speakers_by_opening(
        "Riyadh said its position was not open to compromise.\n\n"
        "Basem Naim, an official of the group, on Wednesday condemned the remarks as “absurd,” Reuters reported. "
        "“These remarks are capable of igniting the whole region,” he said."
    )
    assert found["These remarks are ca"] == "Basem Naim"


def test_she_said_is_the_person_whose_title_names_a_body():
    body = (
        "Envoys met in Doha.\n\n"
        "The Associated Press reported that White House Press Secretary Karen Holt confirmed the talks.\n\n"
        "“Talking to people around the world is in the best interest of the American people,” she said."
    )
    assert speakers_by_opening(body)["Talking to people ar"] == "Karen Holt"  # not the Associated Press either


def test_a_statement_several_leaders_issued_is_all_of_theirs_not_the_last_named():
    body = (
        "Leaders called for new talks on Thursday.\n\n"
        "In a joint statement, President Dan Reyes, Egyptian President Abdel Fattah el-Masri and Qatar's Sheikh "
        "Hamad bin Khalid Al Thani urged both parties “to resume urgent discussions” next week.\n\n"
        "“The time has come to conclude the deal,” the statement said.\n\n"
        "Qatari Prime Minister and Foreign Minister Sheikh Hamad bin Khalid Al Thani said: “We will send a team on Sunday.”\n\n"
        "Hamas accepted the offer in Gaza, and Yossi Amar responded: “We will study it with care.”"
    )
    found = speakers_by_opening(body)
    assert found["The time has come to"] == (
        "President Dan Reyes, Egyptian President Abdel Fattah el-Masri and Qatar's Sheikh Hamad bin Khalid Al Thani")
    assert found["We will send a team "] == "Hamad bin Khalid Al Thani"  # two titles joined by "and": one man
    assert found["We will study it wit"] == "Yossi Amar"  # ", and" joins two clauses, not two names


@pytest.mark.parametrize("phrase,speaker", [
    ("Israeli Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"),
    ("the group’s spokesman, Hazem Qassem", "Hazem Qassem"),
    ("Qatari Foreign Ministry spokesman Majed al-Ansari", "Majed al-Ansari"),
    ("Einav Zangauker, whose son Matan is held in Gaza", "Einav Zangauker"),
    ("a Qatari official", "a Qatari official"),
    ("a Gazan who took part in the celebrations", "a Gazan"),  # someone described, not a person named "Gazan"
    ("Reporting from Doha, Al Jazeera's Samir Haddad", "Samir Haddad"),
    ("the movement's chief negotiator Khalil al-Hayya", "Khalil al-Hayya"),
    ("the group", "the group"),  # named in an earlier sentence: a pointer for quotes_in to follow
    ("the Israeli military", "the Israeli military"),
    ("Secretary of State Dana Whitfield", "Dana Whitfield"),
    ("Chief of Staff Lt. Gen. Avi Dror", "Avi Dror"),
    ("Security Minister-designate Yossi Amar", "Yossi Amar"),
    ("United Nations Secretary-General Ana Ferreira", "Ana Ferreira"),
    ("Sheikh Hamad", "Sheikh Hamad"),  # an honorific stays when the name alone would be one word
    ("Abu Khalil", "Abu Khalil"),
    ("senior Hamas official Sami Abu Zaid", "Sami Abu Zaid"),  # a first name that ends like a nationality
    ("Egyptian Abdel Fattah el-Masri", "Abdel Fattah el-Masri"),  # ... and a nationality
    ("Lena Moretti of King's College London", "Lena Moretti"),  # where she works is not who speaks
    ("Tomas Berg of the European Council on Foreign Relations", "Tomas Berg"),
    ("International Court of Justice President Ana Ruiz", "Ana Ruiz"),  # a title after the body's name
    ("a diplomat briefed on the talks", "a diplomat briefed on the talks"),
    ("an aide familiar with the plan who asked not to be named", "an aide familiar with the plan"),
    ("one released prisoner from Khan Younis", "one released prisoner from Khan Younis"),
    ("Hamas official Ali Darwish, speaking in Beirut", "Ali Darwish"),
    ("the Prime Minister's Office", "Prime Minister's Office"),
    ("Al Jazeera's Rami Aziz", "Rami Aziz"),
    ("NSA Dror", "Dror"),
    ("Olga Dror, a spokesperson for the U.N. Office for the Coordination of Humanitarian Affairs in Gaza", "Olga Dror"),
    ("Majed Dror, spokesman for the Qatari Foreign Ministry", "Majed Dror"),  # not the ministry he speaks for
    ("Earlier on Saturday", None),  # when, not who  # the national security adviser's abbreviated title, not part of a name
    ("Rami Aziz of Al Jazeera's Cairo bureau", "Rami Aziz"),  # no name closes the phrase
    ("a senior official of the Egyptian intelligence service", "a senior official of the Egyptian intelligence service"),
    ("but", None),
    ("but a Palestinian official close to the mediation effort", "a Palestinian official close to the mediation effort"),
    ("It also", "it"),  # "it also said": the body, found by the caller
    ("the Trump envoy chuckled and", "the Trump envoy"),  # what he did before speaking is not who
    ("the Hamas movement issued a statement in which it", "the Hamas movement"),
    ("a senior Qatari official reportedly", "a senior Qatari official"),
    ("Boehler was", None),  # "Boehler was asked": the quote is the question
    ("approach, he", "he"),
    ("approach", None),  # one lower-case word is no one
    ("will proceed after the visit", None),  # a verb is no one (""Operation Chariots," will proceed ...")
    ("In a statement for the white house bidden", None),  # an adverbial is no one, whatever follows it
    ("Israeli outlet Ynet reported that Ben-Gvir", "Ben-Gvir"),  # who reported it is not who spoke
    ("Similarly, Channel 12 quoted an unnamed Israeli official who", "an unnamed Israeli official"),  # nor who quoted it
    ("The official said that Hamas negotiator Khalil al-Hayya", "Khalil al-Hayya"),
    ("Channel 12 reported the Egyptian mediators", "the Egyptian mediators"),  # with "that" left out too
    ("Israeli media said Hamas negotiator Khalil al-Hayya", "Khalil al-Hayya"),
    ("At the meeting the minister", None),
    ("But Netanyahu", "Netanyahu"),  # the sentence's first word is not part of the name
    ("the White House", "White House"),
    ("late Sunday Trump", "Trump"),  # the day before the name is when, not who
    ("On Sunday Netanyahu", "Netanyahu"),
    ("Egypt’s State Information Service", "Egypt’s State Information Service"),  # a body, not a "Service" with a title
    ("the Qatari Prime Minister", "the Qatari Prime Minister"),  # a title in capitals, whose holder the caller finds, not "Minister"
    ("Qatari Prime Minister", "Qatari Prime Minister"),
    ("the US Secretary of State", "the US Secretary of State"),  # not a man named "State"
    ("the Minister of Foreign Affairs", "the Minister of Foreign Affairs"),
    ("US Secretary of State Antony Blinken", "Antony Blinken"),
    ("the Qatari Ministry of Foreign Affairs", "Qatari Ministry of Foreign Affairs"),  # a body, as before
    # the name, not the body the appositive after it says the person speaks for
    ("Majed al-Ansari, a spokesperson for Qatar’s Ministry of Foreign Affairs", "Majed al-Ansari"),
    ("Diaa Rashwan, head of Egypt’s State Information Service", "Diaa Rashwan"),
    ("the president of Egypt", "the president of Egypt"),  # a title and its country, not "Egypt"
    ("a member of Hamas", "a member of Hamas"),
    ("the Prime Minister of Qatar Sheikh Mohammed", "Sheikh Mohammed"),
    ("Senator Lindsey Graham", "Lindsey Graham"), ("Rep. Ritchie Torres", "Ritchie Torres"),  # a lawmaker's title is no name
    ("MK Yuli Edelstein", "Yuli Edelstein"), ("Hamas representative Osama Hamdan", "Osama Hamdan"),
])
def test_speaker_from_attribution(phrase, speaker):
    assert speaker_from(phrase) == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The ball is in Hamas’s court now,” U.S. Secretary of State Dana Whitfield told reporters in Cairo.", "Dana Whitfield"),
    ("“We will see what happens in the coming days,” said U.N. envoy Tor Lindqvist.", "Tor Lindqvist"),
    ("U.S. envoy Dan Reyes said: “The hostages could be out within days if Hamas agrees.”", "Dan Reyes"),
    ("“We have decided to bring our team home for consultations,” Mr. Reyes said on Thursday.", "Mr. Reyes"),
    ("“This was a decision made by the prime minister alone,” Lt. Gen. Avi Dror said.", "Avi Dror"),
])
def test_a_full_stop_in_an_abbreviation_does_not_end_the_attribution(text, speaker):
    assert [who for _, who, _ in quotes_in(article(text))] == [speaker]


def test_one_quoted_sentence_split_by_its_attribution_is_one_quote():
    body = ("Envoy Dan Reyes spoke on Friday.\n\n“Through our Qatari and Egyptian partners,” he explained, “Hamas was told in no "
            "uncertain terms that the bridge would have to be implemented soon.”")
    assert [(text, who) for text, who, _ in quotes_in(article(body))] == [
        ("Through our Qatari and Egyptian partners, Hamas was told in no uncertain terms that the bridge would have to be "
         "implemented soon.", "Dan Reyes")]
    # ... its second part in lower case too; but a phrase in quotation marks before an attribution is no first part
    body = "“We are close,” Dan Reyes said, “but there are still gaps to close before a deal.”"
    assert [text for text, _, _ in quotes_in(article(body))] == ["We are close, but there are still gaps to close before a deal."]
    body = "Calling the truce “a pause,” Dan Reyes said, “We cannot consider it a ceasefire yet, not today.”"
    assert [text for text, _, _ in quotes_in(article(body))] == ["We cannot consider it a ceasefire yet, not today."]


@pytest.mark.parametrize(("text", "speaker"), [
    # people in the plural whom no sentence before names are who the text says they are
    ("The report said that the mediators told Hamas, “This is your last chance to prevent the renewal of war.”", "the mediators"),
    ("The negotiators told reporters: “We are close, but we are not there yet on the maps.”", "the negotiators"),
    ("The families said in a statement: “We will not rest until every hostage is home.”", "the families"),
    # ... but one person so described is no one, without a sentence before that names them
    ("The envoy said: “This is your last chance to prevent the renewal of war.”", None),
])
def test_people_in_the_plural_speak_as_described(text, speaker):
    assert [who for _, who, _ in quotes_in(article(text))] == [speaker]


@pytest.mark.parametrize(("body", "speaker"), [
    ("The Hostages and Missing Families Forum urged the cabinet to approve the deal. “Every day that passes "
     "endangers their lives,” the forum said in a statement.", "Hostages and Missing Families Forum"),
    ("A senior Hamas official said the movement was studying the text.\n\n“We have shown the necessary "
     "flexibility,” the official said.", "a senior Hamas official"),
    ("Hamas official Bassem Naim spoke in Doha. “The talks are not over yet at all,” the official said.", "Bassem Naim"),
    ("A diplomat familiar with the talks was cautious. “The devil will be in the details, as always,” the source said. "
     "A source close to the talks told CNN the gap was narrowing. “The idea is to get something going soon,” the source said.",
     "a source close to the talks"),  # the nearest
    ("The Israeli military confirmed the identification. “This is a violation of the utmost severity,” the military said.",
     "the Israeli military"),
    # too far back for the nearest of two officials
    ("Talks resumed on Monday.\n\nAn Egyptian official said they would go on.\n\nA senior Israeli official briefed "
     "reporters.\n\nNo one expected a deal.\n\nThe mood was grim.\n\n“There is no free lunch for anyone here,” the "
     "official said.", None),
    ("“We will keep working for a deal in every way,” the statement said.", None),
])
def test_the_forum_or_the_official_is_whom_the_text_just_named(body, speaker):
    quotes = quotes_in(article(body))
    assert quotes[-1][1] == speaker


@pytest.mark.parametrize(("body", "speakers"), [
    # a quote that goes on into the next paragraph, its mark opened again and not closed before
    ("Ms Dana Levi, a resident of Ramla in central Israel, told AFP: “It’s a relief for all of us here. It’s time "
     "for this family to mourn.\n\n“In Israel, no one is forgotten, even after eleven years.”",
     ["Dana Levi", "Dana Levi"]),
    ("He told reporters: “We had some very good discussions with them today. Good things could happen\n\n"
     "“I think we’re going to have a deal on Gaza very soon.”\n\nThe president spoke on Sunday.",
     [None, None]),
    ("Trump told reporters: “We had some very good discussions with them today.\n\n"
     "“I think we’re going to have a deal on Gaza very soon.”", ["Trump", "Trump"]),
    # ... in straight marks too
    ("In a statement, Hamas said it was answering media reports.\n\nIt continued: \"We reaffirm that resistance and its "
     "arms are a legitimate right as long as the occupation lasts.\n\n\"This right cannot be given up except through the "
     "full restoration of our national rights.\"", ["Hamas", "Hamas"]),
    ("Hamas official Osama Hamdan spoke in Beirut on Monday.\n\n\"We will not hand over our weapons while the occupation "
     "lasts, whatever the envoys say,\" Hamdan said. \"Resistance is a right that no agreement can cancel.\n\n\"No one can take that right from "
     "our people by force.\"", ["Hamdan", "Hamdan", "Hamdan"]),
    ("\"We will not hand over our weapons while the occupation lasts, whatever the envoys say,\n\n\"No one can take that "
     "right from our people,\" Osama Hamdan said.", ["Osama Hamdan", "Osama Hamdan"]),  # named where it ends
    # a closing mark lost to a damaged character is no quote going on
    ("“The talks in Doha are facing a setback over the maps,\ufffd a Palestinian official told AFP on Saturday.\n\n"
     "“The delegation will not accept the Israeli maps at all,” the source said.", ["a Palestinian official"]),  # one quote, not two
])
def test_a_quote_going_on_into_the_next_paragraph(body, speakers):
    assert [who for _, who, _ in quotes_in(article(body))] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # "another" is someone else like the one before, not the one before
    ("This model “Could be expanded later to other areas of the strip,” one US official is cited as saying, while "
     "another added: “The Israelis are being maximalist as usual.”", ["one US official", "another US official"]),
    ("“We are close to a deal on the first phase,” a senior Hamas official said. “The gaps on the last issue remain "
     "wide,” another said.", ["a senior Hamas official", "another senior Hamas official"]),
    ("“We are close to a deal on the first phase,” Netanyahu said, while another added: “The gaps between the sides "
     "remain wide.”", ["Netanyahu", None]),
    # a first name that ends like a nationality is a first name
    ("“I can only hope this won't affect the negotiation,” said Ofri Bibas Levy, whose brother was taken captive.",
     ["Ofri Bibas Levy"]),
    ("“The deal must be signed before the holiday,” said Egyptian Foreign Minister Samir Adel.", ["Samir Adel"]),
])
def test_another_and_first_names(body, speakers):
    assert [who for _, who, _ in quotes_in(article(body))] == speakers


@pytest.mark.parametrize("body", [
    # "he" is the one described in the sentence just before, not a body named in the paragraph before
    "The Popular Front for the Liberation of Palestine said: “The deal is closer than ever before now.”\n\n"
    "A Hamas leader shared with AFP that the talks had made real progress. He noted, on condition of anonymity, "
    "that “Most points have been agreed upon by both sides already.”",
    "A Hamas leader, speaking on condition of anonymity, told AFP the talks had made real progress.\n\n"
    "“Most points have been agreed upon by both sides already,” he said.",
])
def test_he_is_the_one_described_just_before(body):
    assert quotes_in(article(body))[-1][1] == "a Hamas leader"


def speakers(*texts: str) -> list[str | None]:
    """The speakers of the quotes chosen for a group of one-paragraph articles, sorted."""
    group = [article(text, f"a{n}") for n, text in enumerate(texts)]
    candidates, _ = extract_candidates(group)
    return sorted(q.speaker for q in extract_quotes(group, candidates, np.ones(len(candidates))))


def test_a_surname_alone_is_the_full_name_the_group_gives_it():
    assert speakers("“The deal will bring the hostages home within weeks,” said Joe Biden.",
                    "“I laid out the contours of this plan back in May,” Biden said.",
                    "“We will bring every one of them home,” said Benjamin Netanyahu.") \
        == ["Benjamin Netanyahu", "Joe Biden", "Joe Biden"]
    # two Trumps in the group: the surname alone could be either and stays as it is
    assert speakers("“We have a deal for the hostages in the Middle East,” said Donald Trump.",
                    "“We will keep working until all of them are home,” said Eric Trump.",
                    "“This agreement could only have happened after our victory,” Trump said.") \
        == ["Donald Trump", "Eric Trump", "Trump"]
    # ... unless the quote's own article names only one of them
    assert speakers("Emir Tamim bin Hamad Al Thani received the envoy in Doha on Sunday.",
                    "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani spoke in Washington.\n\n"
                    "“We are in a much better place than where we were a few weeks ago,” Al Thani said.") \
        == ["Mohammed bin Abdulrahman Al Thani"]
    # "Al Thani" is a family name, not "Thani"; the same man written with more of his name's middle
    # and with less is one person, and the family name alone is he
    assert speakers("Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani spoke in Doha.\n\n"
                    "“We are optimistic, and we have delivered the response,” Al Thani said.\n\n"
                    "Mohammed bin Abdulrahman Al Thani has led the mediation since the truce collapsed.") \
        == ["Mohammed bin Abdulrahman bin Jassim Al Thani"]
    assert speakers("“We are optimistic, and we have delivered the response,” Al Thani said.") == ["Al Thani"]
    # words that name a war ("the Israel Hamas war") or a body's own noun ("Movement Hamas") give no full name
    assert speakers("“The video clip being circulated in the media is edited and manipulated,” Hamas said.",
                    "Talks with Hamas stalled as the Israel Hamas war went on in Gaza and in Israel.",
                    "The Islamic Resistance Movement Hamas issued a statement.") == ["Hamas"]
    group = [article("“An agreement was reached to resolve the issue,” Hamas said. Hamas said it would hand over the bodies "
                     "in Israel on Thursday.", "Fragile deal holds as Israel Hamas agree on new exchange")]
    candidates, _ = extract_candidates(group)
    assert [q.speaker for q in extract_quotes(group, candidates, np.ones(len(candidates)))] == ["Hamas"]
    # a month before a body's name is a date: "On 7 October Hamas launched" gives no "October Hamas"
    assert speakers("“The video clip being circulated in the media is edited and manipulated,” Hamas said.",
                    "On 7 October Hamas launched an attack on southern Israel, and the war began.") == ["Hamas"]
    # a place that "the" names before the name is no part of it: "envoy to the Middle East Steve Witkoff"
    assert speakers("Steve Witkoff flew to Doha on Thursday.",
                    "US envoy to the Middle East Steve Witkoff met the families on Friday.\n\n"
                    "“Hamas showed a lack of desire to reach a ceasefire,” Witkoff said.") == ["Steve Witkoff"]
    # nor is a coordinator's title: "UN Emergency Relief Coordinator Martin Griffiths"
    assert speakers("The UN is horrified, UN Emergency Relief Coordinator Arne Holm said on Thursday.\n\n"
                    "“I am appalled at the reported killing of hundreds of people,” Holm posted on X.") == ["Arne Holm"]
    # a title opening a sentence is no part of the full name
    assert speakers("Chancellor Friedrich Merz has said Germany stands by Israel.\n\n"
                    "“It is becoming increasingly difficult to understand the army's plan,” Merz said.") == ["Friedrich Merz"]
    # "al-Sisi" and "el-Sisi" are one person spelled two ways: "El-Sisi" alone is that person in full
    assert speakers("“Egypt has made a serious effort to push the situation forward,” said Abdel Fattah al-Sisi.",
                    "“Aid must enter Gaza as soon as possible,” said Abdel Fattah el-Sisi.",
                    "“I am confident that a lasting peace can be achieved this year,” El-Sisi said.")[2] \
        in ("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi")
    # a member's title before the name is no part of it: "Political Bureau Member Khalil al-Hayya"
    assert speakers("Hamas Political Bureau Member Khalil al-Hayya spoke on Saturday.\n\n"
                    "Hamas Political Bureau Member Khalil al-Hayya said the group accepted.\n\n"
                    "“Two days ago, we received a proposal from the mediators in Egypt and Qatar,” said Khalil al-Hayya.",
                    "“We dealt with the proposal positively and accepted it,” Hayya said.") == ["Khalil al-Hayya"] * 2
    # ... and a name with its accents and one without: "Erdoğan" and "Erdogan"
    said = speakers("“The sincerity they have toward them has always been like a member of the family,” said Recep Tayyip Erdoğan.",
                    "“What is important is not where Hamas' leaders are, but the situation in Gaza,” said Recep Tayyip Erdogan.")
    assert said[0] == said[1]
    # ... and one with a final "h" after a vowel and one without: "Bisharah" and "Bishara"
    said = speakers("“Negotiations for a comprehensive deal could last months,” said Bisharah Bahbah.",
                    "“I am not a mediator in the full sense but share your suffering,” said Bishara Bahbah.",
                    "“Both sides have an interest in agreeing to a ceasefire,” said Bishara Bahbah.")
    assert said[0] == said[1] == said[2] == "Bishara Bahbah"
    # so are "Abdel-Fattah" and "Abdel Fattah": a hyphen or a space, one name, written one way
    said = speakers(
        "President Abdel-Fattah El-Sisi met the envoy.\n\nPresident Abdel-Fattah El-Sisi spoke to reporters.",
        "“Egypt has made a serious effort to push the situation forward,” said Abdel Fattah el-Sisi.",
        "“Aid must enter Gaza as soon as possible,” El-Sisi said.")
    assert said[0] == said[1] and said[0] in ("Abdel-Fattah El-Sisi", "Abdel Fattah el-Sisi")
    # "Palestinian Hamas" is a body and where it is from, no full name of "Hamas"
    assert speakers("Palestinian Hamas leader Ismail Haniyeh attends a news conference in Beirut.\n\n"
                    "“There will be no talk about prisoners unless the aggression stops,” Hamas said.") == ["Hamas"]
    # "Sheikh Mohammed" is a first name: the group's one Mohammed, however his full name is spelled
    assert speakers("Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al-Thani met the envoy.\n\n"
                    "“We believe that today we have reached a pivotal moment,” Sheikh Mohammed said.",
                    "“The mediators will monitor the deal from Cairo,” said Mohammed bin Abdulrahman Al Thani.") \
        == ["Mohammed bin Abdulrahman Al Thani"] * 2
    # "Bin Abdelrahman" (Anadolu's way of naming him) is the man whose name has "bin Abdelrahman"
    # in it, and so is "he" after it
    assert speakers("Qatari Prime Minister Mohammed bin Abdelrahman Al Thani said Thursday that Doha will host talks.\n\n"
                    "Bin Abdelrahman, who is also a foreign minister, called the discussions constructive.\n\n"
                    "\"There is no justification for targeting journalists,\u201d he continued.",
                    "\u201cWe are close to a deal,\u201d Bin Abdelrahman said.") \
        == ["Mohammed bin Abdelrahman Al Thani"] * 2
    # ... unless two men's names have it: a father's name, not the man
    assert speakers("Mohammed bin Salman met Khalid bin Salman in Riyadh.\n\n"
                    "\u201cWe are close to a deal,\u201d Bin Salman said.") == ["Bin Salman"]
    # two of them: it could be either
    assert "Sheikh Mohammed" in speakers(
        "Crown Prince Mohammed bin Salman met Sheikh Mohammed bin Abdulrahman Al Thani.",
        "“We believe that today we have reached a pivotal moment,” Sheikh Mohammed said.")


def test_a_syndicated_quote_appears_once_from_the_first_article():
    quote = "“We will not allow all civilians to return to the north,” said Yaakov Amidror, a former adviser."
    group = [article(quote + "\n\nTalks continue in Doha."), article("Officials met in Cairo.\n\n" + quote, "b")]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert [(q.speaker, q.source) for q in quotes] == [("Yaakov Amidror", 0)]


_TIE = """
import numpy as np
from digest.models import Article
from digest.summarize.candidates import extract_candidates
from digest.summarize.quotes import extract_quotes
texts = ["\u201cWe will keep working with both sides,\u201d said Majed Al-Ansari.",
         "\u201cThe talks are at a delicate stage,\u201d said Majid al-Ansari.",
         "\u201cNo date has been set for the next round,\u201d Ansari said."]
group = [Article(location=f"a{n}.txt", title=f"a{n}", text=t, content_hash=str(n)) for n, t in enumerate(texts)]
candidates, _ = extract_candidates(group)
print([q.speaker for q in extract_quotes(group, candidates, np.ones(len(candidates)))])
"""


def test_a_surname_two_spellings_share_equally_is_resolved_the_same_way_on_every_run():
    # Python orders a set of strings differently in each process; which spelling wins a tie must not
    seen = set()
    for seed in ("1", "2", "3", "4", "5"):
        run = subprocess.run([sys.executable, "-c", _TIE], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        seen.add(run.stdout.strip())
    assert len(seen) == 1, seen
    assert "'Majed Al-Ansari'" in seen.pop()  # the spelling given first


def test_one_quote_cut_or_worded_differently_by_two_outlets_appears_once_with_its_speaker():
    group = [
        article("“Hamas should accept the framework proposal we put forward as the basis for proximity talks, "
                "which we can begin this coming week,” the envoy added.", "a"),
        article("“Hamas should accept the framework proposal we put forward as the basis for proximity talks, "
                "which we can begin this week,” Steve Witkoff said.", "b"),
        article("“It is totally unacceptable. Hamas should accept the framework proposal we put forward as the basis "
                "for proximity talks,” Steve Witkoff wrote.", "c"),
        article("“Hamas should accept the deal and free the hostages now,” said Mike Waltz.", "d"),
    ]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert sorted((q.speaker, q.source) for q in quotes) == [("Mike Waltz", 3), ("Steve Witkoff", 1)]
    # a short cut of a longer quote is that quote; short quotes with other words are not
    group = [
        article("“It's time for this war to end and for the day after to begin,” Joe Biden said on Friday.", "a"),
        article("“It's time for this war to end,” Joe Biden said.", "b"),
        article("“This war must end now and the hostages must come home,” said Antony Blinken.", "c"),
    ]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert sorted((q.speaker, q.source) for q in quotes) == [("Antony Blinken", 2), ("Joe Biden", 0)]
    # one outlet's last sentence of a quote, with curly apostrophes, is that quote; its words run on in it
    group = [
        article("“Israel must immediately stop the bombing of Gaza, so that we can get the hostages out safely and quickly! "
                "Right now, it's far too dangerous to do that,” Donald Trump wrote.", "a"),
        article("“Right now, it’s far too dangerous to do that,” Trump wrote.", "b"),
        article("“I think we’re going to have a deal on Gaza very soon,” Trump said on Sunday.", "c"),
        article("“I think we're going to have a deal on Gaza very soon. It's a hell of a problem,” said Donald Trump.", "d"),
    ]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert sorted(q.source for q in quotes) == [0, 2]
    # two translations of one remark share long runs of words; two remarks sharing a phrase do not
    assert speakers("“I don't think we are at a moment where we can say we are close to a deal,” the Qatari official said.",
                    "“I do not think we have reached a moment where we can say we are close to an agreement. We are "
                    "cautiously optimistic,” Majed al-Ansari said.",
                    "“The talks will resume in Doha next week with the release of all the hostages held in Gaza on the "
                    "table,” Basem Naim said.",
                    "“We demand the release of all the hostages held in Gaza before any talks about the day after,” "
                    "Gideon Saar said.") == ["Basem Naim", "Gideon Saar", "Majed al-Ansari"]
    # ... or go alike word for word but for a few, a hyphen or two; a negation tells two remarks apart
    assert speakers("“If Hamas continues its refusal, there will be further consequences,” Netanyahu’s office said.",
                    "“If Hamas persists in its refusal, there will be additional consequences,” the Prime Minister's Office said.",
                    "“Israel will not allow a cease-fire without a release of our hostages,” said Omer Dostri.",
                    "“Israel will not allow a ceasefire without a release of our hostages,” Netanyahu said.") == [
        "Netanyahu’s office", "Omer Dostri"]
    assert len(speakers("“We will accept the proposal that the mediators put to us,” Hamas said.",
                        "“We will not accept the proposal that the mediators put to us,” Israel said.")) == 2
    # ... and words that differ only in their endings are one word ("the gap is narrowing", "the gaps are narrowing")
    assert speakers("“Negotiators continue to work. The gaps are narrowing, and we're continuing to push for an agreement in "
                    "Doha,” Antony Blinken said.",
                    "“Negotiators continue to work. The gap is narrowing, and we continue to push for an agreement in Doha. "
                    "There is still difficult work to do,” said Antony Blinken.") == ["Antony Blinken"]


def test_a_quote_the_summary_already_gives_comes_after_the_others():
    said = "“The talks in Doha were serious and constructive and will resume next week,” said Majed al-Ansari."
    other = "“We need more time to study the proposal before we answer,” said Basem Naim."
    group = [article(said, "a"), article(other, "b")]
    candidates, _ = extract_candidates(group)
    scores = np.array([2.0 if "Doha" in c.text else 1.0 for c in candidates])
    assert [q.speaker for q in extract_quotes(group, candidates, scores)] == ["Majed al-Ansari", "Basem Naim"]
    shown = [said]
    assert [q.speaker for q in extract_quotes(group, candidates, scores, shown)] == ["Basem Naim", "Majed al-Ansari"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Benjamin Netanyahu said on Sunday that the delegation had been sent “to advance a deal for the "
     "release of our hostages”.", [("…to advance a deal for the release of our hostages", "Benjamin Netanyahu")]),
    ("An Israeli official told the Post the Hamas reply was “a rejection in everything but name”.",
     [("…a rejection in everything but name", "an Israeli official")]),
    # too short to be more than a phrase, or a name in quotation marks: no one's words of their own
    ("Hamas said the offer was “a trap for the mediators”, and rejected it.", []),
    ("The army said its forces held the so-called “Philadelphi corridor” along the border with Egypt.", []),
    # whose they are must be clear: words the sentence's own wording gives to no one are left out
    ("Crucially for Israel's right flank, the text states that “the conditions may finally be in place for a pathway”.", []),
    # ... nor is whoever speaks in a clause that follows them: Al Thani called it a blow “when one party assassinates
    # the negotiator on the other side”, while the ministry said ...
    ("Al Thani asked how mediation could work “when one party assassinates the negotiator on the other side”, while "
     "Egypt's Foreign Ministry said the escalation showed a lack of will.", []),
    # ... a body that opens the sentence and speaks, unless someone named after it does
    ("Talks resumed as Hamas weighed the offer.\n\nHamas on Saturday said it would not disarm “as long as the "
     "occupation exists in any form”, its first answer.", [("…as long as the occupation exists in any form", "Hamas")]),
    ("Talks resumed as Hamas weighed the offer.\n\nIsrael recalled its team from Doha, with envoy Steve Witkoff "
     "accusing Hamas of showing “a lack of desire to reach a ceasefire deal”.", []),  # not Israel's words
], ids=["named", "described", "short-phrase", "name-in-marks", "no-one-named", "clause-after", "body", "named-after-body"])
def test_words_cut_from_a_sentence_are_listed_as_a_part_when_they_say_enough_and_whose_they_are_is_clear(text, expected):
    assert [(quote, who) for quote, who, _ in quotes_in(article(text))] == expected


def test_a_part_of_a_quote_comes_after_the_whole_quotes():
    # "…to advance a deal" fills the list only after every whole quote, of any named speaker, is in it
    whole = ["“The talks in Doha were serious and constructive and will resume next week,” said Majed al-Ansari.",
             "“We need more time to study the proposal before we answer,” said Basem Naim.",
             "“Israel will not end the war before all of its goals are achieved,” said Israel Katz.",
             "“The crossing must open for the wounded without any further delay,” said Badr Abdelatty.",
             "“Washington expects an answer from both sides by the end of the week,” said Steve Witkoff."]
    part = "Prime Minister Benjamin Netanyahu said the team was sent “to advance a deal for the release of our hostages”."
    group = [article(text, f"a{n}") for n, text in enumerate([part, *whole])]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert len(quotes) == MAX_QUOTES and not any(q.text.startswith("…") for q in quotes)
    quotes = extract_quotes(group[:3], candidates, np.ones(len(candidates)))
    assert [q.text.startswith("…") for q in quotes] == [False, False, True]


def test_second_quote_keeps_its_speaker_and_his_office_is_the_persons():
    body = (
        "Prime Minister Benjamin Netanyahu said on Monday that the release was due to military pressure.\n\n"
        "“Israel has not committed to any ceasefire at all,” his office said in a statement.\n\n"
        "“My adviser tells me that we are very close now,” Biden told reporters in New York. “My hope is that by next Monday we will have a ceasefire.”\n\n"
        "Using a map, Netanyahu argued that the corridor was vital. “Israel must control the corridor for its security,” he said.\n\n"
        "Israel said on Friday that talks would resume. “We will see what the other side brings to the table,” he said."
    )
    found = speakers_by_opening(body)
    assert found["Israel has not commit"[:20]] == "Benjamin Netanyahu’s office"
    assert found["My hope is that by ne"[:20]] == "Biden"
    assert found["Israel must control t"[:20]] == "Netanyahu"  # who "argued" in that sentence
    # the last person named, in full ("Benjamin Netanyahu", not his surname alone); "Israel" never becomes "he"
    assert found["We will see what the "[:20]] == "Benjamin Netanyahu"


def test_a_quote_inside_a_sentence_that_he_reports_is_the_last_speakers():
    body = ("“It's not the end of the ceasefire,” Vice President Dana Marlow said.\n\n"
            "He declined to set a deadline, but he added that if the group did not cooperate, “Hamas is going to be obliterated.”")
    assert speakers_by_opening(body)["Hamas is going to be"] == "Dana Marlow"


def test_a_subheading_in_capitals_set_off_in_quotation_marks_is_no_quote():
    body = ("The group said the occupation had resumed its attacks.\n\n"
            "\"NETANYAHU BLOCKED ATTEMPTS TO REACH AN AGREEMENT\"\n\n"
            "Hayya stated, \"Netanyahu blocked the mediators' attempts to reach an agreement.\"\n\n"
            "Trump posted: \"WE HAVE A DEAL FOR THE HOSTAGES IN THE MIDDLE EAST.\"")
    found = speakers_by_opening(body)
    assert "NETANYAHU BLOCKED AT" not in found
    assert "WE HAVE A DEAL FOR T" in found  # shouted, but someone's words


def test_a_surname_never_given_in_full_is_a_person_when_the_text_says_he_said():
    body = ("Marlow, when asked when a truce could begin, said he hoped it would be within days.\n\n"
            "“Well, I hope by the end of the weekend,” he told reporters.")
    assert speakers_by_opening(body)["Well, I hope by the "] == "Marlow"
    # a country or a body that "said it" is no person
    body = ("Qatar, asked about the talks, said it hoped for a truce within days.\n\n"
            "“Well, I hope by the end of the weekend,” he told reporters.")
    assert speakers_by_opening(body)["Well, I hope by the "] != "Qatar"


def test_the_official_points_back_past_paragraphs_that_speak_of_the_official_too():
    body = ("The group is talking to Washington through an intermediary, a senior official of the movement told a news site.\n\n"
            "The official said that messages were being passed by an academic who once backed the president.\n\n"
            "“We are talking to the Americans through him,” the official said.")
    assert speakers_by_opening(body)["We are talking to th"] == "a senior official"
    # a paragraph between that does not speak of the official ends the chain: past it, "the official"
    # is only the one the article describes, and no one when it describes two
    body = ("The group is talking to Washington through an intermediary, a senior official of the movement told a news site.\n\n"
            "Messages were being passed by an academic who once backed the president.\n\n"
            "“We are talking to the Americans through him,” the official said.")
    assert speakers_by_opening(body)["We are talking to th"] == "a senior official"
    body = ("An Egyptian official said the talks would go on.\n\n" + body)
    assert speakers_by_opening(body)["We are talking to th"] is None


def test_a_second_quote_keeps_the_speaker_whose_attribution_has_a_long_appositive():
    body = ("“I cannot describe my feelings,” said Samir Haddad, 34, who was displaced from the north of the city and now "
            "lives in a tent near the coast road. “I want to go home, even if my home is a pile of stones.”")
    assert speakers_by_opening(body)["I want to go home, e"] == "Samir Haddad"


def test_figures_far_apart_or_counting_different_things_are_not_disputes():
    group = [
        article("Under the first phase, which lasts 42 days, 33 hostages are to be freed, officials said."),
        article("Hamas freed three Israeli hostages on Sunday, the first day of the truce, officials said.", "b"),
        article("Israeli strikes killed 19 people during the delay on Sunday, the civil defence said.", "c"),
        article("The civil defence said 19 Palestinians were killed in strikes during the delay.", "d"),
        article("Israel's six-week pause began on Sunday, and the six-week truce should hold, officials said.", "e"),
    ]
    candidates, _ = extract_candidates(group)
    figures = extract_figures(group, candidates)
    assert not any(f.disputed for f in figures)
    killed = [f for f in figures if f.category == "killed"]
    assert len(killed) == 1 and killed[0].sources == (2, 3)  # "19 people" and "19 Palestinians": one figure
    assert len([f for f in figures if f.category == "weeks"]) == 1


def test_what_remains_of_a_count_does_not_dispute_the_count():
    group = [
        article("Hamas was required to return all 28 bodies of dead hostages by Monday, officials said."),
        article("Officials said Hamas made no effort to return the remaining 24 bodies of dead hostages.", "b"),
    ]
    candidates, _ = extract_candidates(group)
    figures = extract_figures(group, candidates)
    assert sorted(f.value for f in figures) == ["all 28", "the remaining 24"]
    assert not any(f.disputed for f in figures)


def test_figure_words_that_belong_elsewhere_are_not_read_into_the_figure():
    # "hand over 33" hands over 33: "over" is the verb's, not "more than 33"
    assert [value for value, *_ in find_figures("Hamas agreed to hand over 33 Israeli hostages during the truce.")] == ["33"]
    # the killing belongs to the next count; the kidnapped are hostages
    found = {value: (what, category) for value, what, category, _ in find_figures(
        "The raid resulted in the kidnapping of 251 people and the killing of about 1,200 others.")}
    assert found == {"251": ("people taken hostage", "hostages"), "about 1,200": ("people killed", "killed")}
    # a verb between the number and the noun makes no figure: "five are Americans"
    assert find_figures("Among those hostages, five are Americans, one of them alive.") == []
    assert find_figures("They also object that the 33 could include dead hostages rather than living ones.") == []
    # nor does a link word: "48 wounded as Israeli troops fired" counts no troops
    found = find_figures("Officials said one person was killed and 48 wounded as Israeli troops fired warning shots.")
    assert all("troops" not in what for _, what, _, _ in found)
    # "three days ago" says when; "after two days of talks" how long the talks took
    assert find_figures("A deal is much closer than it was three days ago, he said of the truce talks.") == []
    assert find_figures("The board oversees the truce, as laid out in a plan unveiled three months prior.") == []
    assert find_figures("The truce, agreed two weeks previously, is holding.") == []
    assert [value for value, *_ in find_figures("The truce talks ended after two days of negotiations.")] == ["two"]
    # "two weeks after Sinwar was killed" says when; "Hamas would have 72 hours after a ceasefire to ..." is a term
    assert find_figures("The talks stalled two weeks after the truce took effect, mediators said.") == []
    assert [value for value, *_ in find_figures("Hamas would have 72 hours after a ceasefire takes effect to release the hostages.")] == ["72"]
    # those by whom something was done are no count of whom it befell
    assert find_figures("She pleaded not to be killed as she was abducted by two men on a motorcycle.") == []
    # "over the past two days" is a span up to now, not a term: "within the next 72 hours" is one
    assert find_figures("Witkoff has been present at the talks in Doha over the past two days.") == []
    assert find_figures("In the last three weeks of talks, the mediators made little progress.") == []
    assert [value for value, *_ in find_figures("Hamas must free the hostages within 72 hours of the deal.")] == ["72"]


def test_the_remains_of_hostages_repatriated_are_returned_not_held():
    # "remains" here is the bodies, not "remain" in Gaza
    found = find_figures("Phase One returned all living hostages and repatriated the remains of 27 of 28 deceased hostages.")
    assert found[0][:2] == ("27", "deceased hostages (returned)")
    found = find_figures("The remains of 11 hostages were handed over by Hamas on Thursday.")
    assert found[0][:2] == ("11", "hostages (dead)")  # the bodies of hostages are dead ones, handed over or not
    assert find_figures("Some 20 hostages remain in Gaza.")[0][:2] == ("Some 20", "hostages (held)")


def test_a_release_told_of_the_whole_and_remains_told_after_the_count():
    # "five of the six hostages freed Saturday": the six were freed; the five are only a part
    found = find_figures("Five of the six hostages freed Saturday had been escorted by masked militants.")
    assert [(value, what) for value, what, *_ in found] == [("six", "hostages (released)")]
    # "97 of the 251 hostages abducted ... remain": the part still has the fate
    assert find_figures("97 of the 251 hostages abducted on October 7 remain in Gaza.")[0][:2] == ("97", "hostages (held)")
    # "the final four hostages' remains" are dead hostages
    found = find_figures("Mediators agreed the transfer of the final four hostages’ remains for 620 Palestinians.")
    assert found[0][:2] == ("four", "hostages (dead)")
    # a fate the count already names is not said twice: "four dead Israeli hostages", not "... (dead)"
    assert find_figures("Hamas and Israel agreed the release of four dead Israeli hostages.")[0][:2] == ("four", "dead Israeli hostages")


def test_what_happens_to_the_counted_is_read_past_an_including_aside():
    found = find_figures("At least six people, including the son of the group's negotiator, were killed in the attack.")
    assert [(value, category) for value, _, category, _ in found] == [("At least six", "killed")]


def test_the_papers_the_counted_hold_are_no_captivity_and_do_not_hide_their_fate():
    # "holding Israeli citizenship" describes who they are; what happens to them comes after it
    found = find_figures("According to the paper, some 71 Palestinians holding Israeli citizenship or residency will be "
                         "released in the first phase.")
    assert [(value, what) for value, what, *_ in found] == [("some 71", "Palestinians to be released")]
    found = find_figures("Some 71 prisoners holding Israeli citizenship or residency will be released in the first phase.")
    assert [(value, what) for value, what, *_ in found] == [("Some 71", "prisoners (to be released)")]


@pytest.mark.parametrize(("sentence", "fates"), [
    # a fate word of the clause before belongs to the count before
    ("At least 30 people were killed and 50 others wounded in the strike.", [("At least 30", "killed"), ("50", "injured")]),
    ("At least 30 people were killed and 50 others were injured.", [("At least 30", "killed"), ("50", "injured")]),
    ("Israeli strikes killed 30 Palestinians and wounded 50 others, medics said.", [("30", "killed"), ("50", "injured")]),
    ("Some 25 Palestinians were wounded and 3 people were killed.", [("Some 25", "injured"), ("3", "killed")]),
    # a part named after "including" shares the fate of the whole
    ("About 600 Palestinians have been killed, including 200 children.", [("About 600", "killed"), ("200", "killed")]),
    ("Israeli strikes killed 30 people, including 10 children, medics said.", [("30", "killed"), ("10", "killed")]),
    ("The ministry said 274 Palestinians, including 64 children and 57 women, were killed.",
     [("274", "killed"), ("64", "killed"), ("57", "killed")]),
    ("More than 2,000 people, including 30 children, attended the rally.", [("More than 2,000", "people"), ("30", "people")]),
    # taken hostage after the count, as "the kidnapping of 251 people" before it
    ("In the attack about 1,200 people were killed and 251 others were taken hostage.",
     [("about 1,200", "killed"), ("251", "hostages")]),
    ("Some 240 people were taken captive.", [("Some 240", "hostages")]),
    # "women and children hostages" are hostages, not women
    ("The deal frees 50 civilian women and children hostages held in Gaza.", [("50", "hostages")]),
    ("Israel will free 150 Palestinian women and children prisoners.", [("150", "prisoners")]),
    ("Hamas will free 50 women and children.", [("50", "people")]),
])
def test_each_count_in_a_sentence_has_its_own_kind_and_fate(sentence, fates):
    assert [(value, category) for value, _, category, _ in find_figures(sentence)] == fates


@pytest.mark.parametrize(("body", "speakers"), [
    # a quote that ends its sentence with a full stop: the next sentence's speaker did not say it
    ("Writing online, Dana Kerr announced, “We have a deal for the first phase. The hostages come home soon.” "
     "Prime Minister Avi Stern said in a statement that all of them “will be home within days.”", ["Dana Kerr"]),
    # the subject speaks through a participle: "..., stating:" / "..., saying:"
    ("Group leader Omar Hadid rejected the plan, stating: “What was announced today is a recipe for more war.”", ["Omar Hadid"]),
    ("Envoy Lena Marsh expressed confidence, saying: “I don’t think there is a hold-up at all.”", ["Lena Marsh"]),
    ("Meanwhile, Islamic Jihad leader Omar Hadid rejected the plan, stating: “It is a recipe for more war.”", ["Omar Hadid"]),
    ("US envoy Tom Reyes defends his talks with the group, saying, “We’re the United States. We’re not an agent.”", ["Tom Reyes"]),
    # "was quoted as saying"; "he" after a subject set off by commas ("The minister, Dan Orr, warned ...")
    ("“There is flexibility on the other side. They know our terms,” Orr was quoted as saying.", ["Orr"]),
    ("The bloc's foreign policy chief, Anna Lind, said she was appalled. “Reports of another massacre are appalling. "
     "It must end,” she wrote.", ["Anna Lind"]),
    ("The far-right minister, Ezra Tal, warned Netanyahu against any deal. “If the war ends now he will have no "
     "mandate to serve,” he wrote.", ["Ezra Tal"]),
    # attributions without a speech verb of the speaker's own
    ("According to Tom Reyes, “This has to happen. The way they are held is unacceptable.”", ["Tom Reyes"]),
    ("The channel quoted an unnamed official as saying: “Israel is close to a deal for the release of the hostages.”",
     ["an unnamed official"]),
    ("“The blood of the leaders is like the blood of any child,” the network quoted Omar Hadid as saying.", ["Omar Hadid"]),
    ("“This time is different, we are the closest we have been in months,” Channel 12 quoted a source close to the talks saying.",
     ["a source close to the talks"]),
    ("The channel quoted an unnamed official saying: “Israel is close to a deal for the release of the hostages.”",
     ["an unnamed official"]),
    ("Lena Marsh suggested there could be more talks, telling CNN, “You never know. Sometimes you drop by.”", ["Lena Marsh"]),
    # the group: the body that opens the sentence before; "it" opening a paragraph: the one before
    ("The Families Forum criticised the plan in a statement. “The government chose to give up on the hostages,” "
     "the group said.", ["Families Forum"]),
    ("The Families Forum slammed the decision.\n\n“Every day that passes is a death sentence for them,” it said.",
     ["Families Forum"]),
    # a sentence after a quote closed by a full stop that reports its own speaker's words is no attribution
    ("“My national security adviser tells me that we’re close,” Biden said on Monday. “We’re not done yet. My hope is by next Monday we’ll have a ceasefire.” "
     "A spokesman for the U.S. State Department said earlier “progress” had been made.", ["Biden", "Biden"]),
    # "he" is never a body named like a person ("the United Nations says")
    ("Aid is needed in Gaza, where the United Nations says 2.3 million people are on the brink of famine.\n\n"
     "“Well, I hope by the beginning of the weekend,” he told reporters.", [None]),
    # the speaker before two appositives, the first naming a relative ("the daughter-in-law of")
    ("Israelis fear the medicine will not arrive. Einav Mozes, the daughter-in-law of 79-year-old Gadi Mozes, who was "
     "kidnapped from his home in Nir Oz, said on Wednesday: “We are very skeptical, I need proof that he got the medicine.”",
     ["Einav Mozes"]),
    # a long description is still someone described, not a clause
    ("“We cannot stop now, not while babies are still in Gaza,” said one of the organizers of the Hostages and Missing "
     "Families Forum.", ["one of the organizers of the Hostages and Missing Families Forum"]),
    # "the group" speaking in the sentence before, after an opening phrase
    ("In a statement, Hamas said it valued the efforts of Qatar and Egypt. “The occupation bears full responsibility "
     "for obstructing every proposal,” the group said.", ["Hamas"]),
    ("On Tuesday, Hamas said serious talks were under way in Doha.\n\n“Reaching an agreement is possible if the "
     "occupation stops setting new conditions,” the group said in a statement.", ["Hamas"]),
    # ... and so when the group speaks before its quote, after an opening phrase or none: the body
    # the sentence before that opens with, in the paragraph before
    # ("U.S. President ..." opens no sentence)
    ("Israel's Hostages and Missing Families Forum on Sunday called on the government to halt U.S. President Donald "
     "Trump's Gaza peace plan.\n\nResponding to the reports, the organization stated on X, “We cannot move to the next phase before the last "
     "hostage returns home.”", ["Israel's Hostages and Missing Families Forum"]),
    ("The Hostages and Missing Families Forum on Sunday called on the government to halt U.S. President Donald "
     "Trump's Gaza peace plan.\n\n“We cannot move to the next phase before the last hostage returns home,” the group "
     "said.", ["Hostages and Missing Families Forum"]),
    ("The Hostages and Missing Families Forum on Sunday called on the government to halt the plan.\n\n"
     "The group said: “We cannot move to the next phase before the last hostage returns home.”",
     ["Hostages and Missing Families Forum"]),
    ("Hamas on Sunday called on the mediators to press Israel to accept the terms Hamas set.\n\nIn a statement, the group said: “The occupation "
     "bears full responsibility for obstructing every proposal.”", ["Hamas"]),
    ("Hamas on Sunday called on the mediators to press Israel to accept the terms Hamas set. In a statement, the group said: “The occupation "
     "bears full responsibility for obstructing every proposal.”", ["Hamas"]),
    # ... and "it" inside a sentence that a quote goes on, with no body opening it: the body before
    ("The US Department of State said Rubio thanked Doha for its efforts.\n\nThe top diplomat also reiterated “America’s "
     "strong support for Qatar’s security and sovereignty,” it added in a statement.", ["US Department of State"]),
    ("The Israeli army said on Sunday that its troops had left the area near the crossing.\n\nHamas also reiterated “We "
     "are fully committed to the agreement and to every one of its terms,” it added in a statement, which Hamas posted.",
     ["Hamas"]),
    # "he" after a title that acts in the sentence before: the one the article gave that title
    ("Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met Hamas leaders on Saturday.\n\nEarlier this month, "
     "the premier expressed optimism that momentum was returning to the talks.\n\n“We have sensed, after the election, "
     "that the momentum is coming back,” he said at the Doha Forum.", ["Mohammed bin Abdulrahman Al Thani"]),
    ("Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met Hamas leaders on Saturday. Earlier this month, "
     "the premier expressed optimism that momentum was returning to the talks. “We have sensed, after the election, "
     "that the momentum is coming back,” he said at the Doha Forum.", ["Mohammed bin Abdulrahman Al Thani"]),
    # "he" after someone whose mood the sentence before tells, or who was asked, in the same paragraph
    ("Joe Biden said the deal followed months of diplomacy with Donald Trump's envoy.\n\nTrump was quicker to claim credit. "
     "“We have a deal for the hostages in the Middle East,” he wrote on his platform.", ["Trump"]),
    ("Joe Biden said the deal followed months of diplomacy with Donald Trump's envoy.\n\nTrump was asked about the deal on "
     "Sunday. “We will not give in to Hamas, not now and not ever,” he told reporters.", ["Trump"]),
    # "the statement said" after the quote's own paragraph says who issued it: theirs, not the last speaker's
    ("“The agreement is the fruit of weeks of talks,” said Majed al-Ansari, spokesperson for Qatar's foreign ministry.\n\n"
     "Hamas said in a statement that it welcomed the resolution. “Hamas affirms its readiness to cooperate with the "
     "mediators,” the statement said.", ["Majed al-Ansari", "Hamas"]),
    # ... and the writer's words after a phrase in quotation marks are no one ("face “all hell”, welcomed parts of the plan but said"):
    # the statement is that of the body whose response opens the sentence before
    ("Hamas's response, issued hours after Trump told it to accept the deal or face “all hell”, welcomed parts of the plan "
     "but said other elements required negotiation.\n\n“The movement announces its approval to release all the "
     "prisoners,” the statement said.", ["Hamas"]),
    # "He said:" ending a paragraph, the quote in the next: whom the sentence before "he" names
    ("“We accept the plan as a basis for talks,” said Mousa Abu Marzouk, a senior Hamas official.\n\nLater, in a video, "
     "Donald Trump described it as “a very special day”. He said:\n\n“We will see how it all turns out. We have to get "
     "the final word in concrete.”", ["Mousa Abu Marzouk", "Donald Trump"]),
    # two speakers in one paragraph, each introducing a quote with a colon
    ("Opposition leader Yair Lapid wrote on X: “Welcome home, our brothers. Israel is whole again,” while Democrats "
     "chairman Yair Golan said: “Now comes the time for accountability.”", ["Yair Lapid", "Yair Golan"]),
    # a spokesman for someone named with a title speaks, not the one he speaks for
    ("Stephane Dujarric, spokesman for UN Secretary-General Antonio Guterres, told reporters: “The Secretary-General "
     "welcomes the adoption of the resolution.”", ["Stephane Dujarric"]),
    # ... but never a person: "it" is a body
    ("On Tuesday, Benjamin Netanyahu said talks were under way.\n\n“Reaching an agreement is possible,” it said.", [None]),
    # "he" after someone described speaks in the sentence before: that one, not a person named earlier
    ("Ron Dermer met the envoy on Monday.\n\nA senior Israeli official said Jerusalem had learned of the meetings from "
     "intelligence. “Hamas is trying to drive a wedge between us and our closest ally,” he said.", ["a senior Israeli official"]),
    # "The organization criticized ..." describes the body named before it
    ("The Families Forum voiced shock at the decision. The organization criticized the move. “This is an alarming "
     "choice that condemns the hostages,” it said in a statement.", ["Families Forum"]),
    # a body described ("the Palestinian group") is the one the text names before, else the description
    ("Hamas says it has approved the proposal, which Israel says falls short of what it asked of Hamas.\n\n“Our leader informed the mediators of our approval of the proposal,” "
     "the Palestinian group said.", ["Hamas"]),
    ("“We reaffirm our full commitment to the agreement and its implementation,” the terror group said.", ["the terror group"]),
    # ... past a "which" clause; "and" is no verb ("The Families Forum, which ..., welcomed")
    ("The Families Forum, which represents many relatives, welcomed the vote. “We will not rest until the last "
     "hostage comes home,” it said.", ["Families Forum"]),
    # "it": a body written with a common noun ("The Israeli army confirmed ...")
    ("The Israeli army confirmed the handover. “One hostage was transferred to them, and they are on their way,” it said.",
     ["the Israeli army"]),
    # a station whose name has a title word in it
    ("Israeli Army Radio reported on the handover, stating: “The army is ready to receive the captive tonight.”",
     ["Israeli Army Radio"]),
    # a name never runs across a full stop ("in Doha. He said"); after an unnamed relative speaks,
    # "she" is not the last person named
    ("“We are working towards a truce,” Majed al-Ansari told reporters in Doha. He said talks went on.\n\n"
     "“There is momentum for more talks now,” he said.", ["Majed al-Ansari", "Majed al-Ansari"]),
    ("“We are working towards a truce,” Majed al-Ansari told reporters in Doha.\n\nPolice warned relatives not "
     "to celebrate, his mother said.\n\n“They told us no sweets, no flags, no gatherings,” she told reporters.",
     ["Majed al-Ansari", None]),
    # a title in quotation marks is no quote, "titled" before it or not; words shouted in capitals are
    ("Before the briefing, the White House published Trump's 20-point “Comprehensive Plan to End the Gaza Conflict.”", []),
    ("Egypt co-hosted the “Call for Action: Urgent Humanitarian Response for Gaza” conference at the Dead Sea.", []),
    ("Trump wrote on his platform: “WE HAVE A DEAL FOR THE HOSTAGES IN THE MIDDLE EAST.”", ["Trump"]),
    # a title in quotation marks is no quote
    ("The plan, in a document titled “The Comprehensive Plan to End the War,” has twenty points.", []),
    ("Witkoff said the second phase sets up an independent committee, dubbed the “National Committee for the "
     "Administration of Gaza (NCAG),” that will run the strip.", []),
    # told whom, before the quote
    ("Hamas official Basem Naim told Reuters: “We have shown all the flexibility needed.”", ["Basem Naim"]),
    ("Majed al-Ansari told reporters on Tuesday: “The talks are in their final stage.”", ["Majed al-Ansari"]),
    ("A Hamas member told AFP, “The resistance is committed to the truce as long as the occupation is.”",
     ["a Hamas member"]),
    ("Witkoff told Fox News in an interview: “We have a deal framework that both sides can accept.”", ["Witkoff"]),
    # an appositive between the speaker and the verb, or the name as the appositive
    ("Sheikh Mohammed bin Abdulrahman Al Thani, Qatar’s prime minister, said: “We are in the final stages of the talks.”",
     ["Mohammed bin Abdulrahman Al Thani"]),
    ('U.S. President Joe Biden, asked about the prospects for a deal, said: "There is no expectation at this point, but we are pushing."',
     ["Joe Biden"]),
    ('The Israeli ambassador to the US, Yechiel Leiter, said: "If we did not get them this time, we will get them next time."',
     ["Yechiel Leiter"]),    # verbs of speech beyond "said"
    ("Senior Hamas member Suhail al-Hindi spoke to Al Jazeera.\n\n“The blood of the leaders is like the blood of any "
     "child,” al-Hindi asserted.", ["al-Hindi"]),
    ('Donald Trump told reporters a deal was close. He remarked, "Negotiations are going along very well," and left.',
     ["Donald Trump"]),
    ("“We will not settle for less than total victory,” Netanyahu emphasised.", ["Netanyahu"]),
    ("“We have had an unmatched alliance with the United States,” Netanyahu went on, praising the visit.", ["Netanyahu"]),
    ("Rina Katz, whose husband was freed last year, tearfully watched the release, exclaiming, “There he is! He looks good!”",
     ["Rina Katz"]),
    # words of the sentence between the quote and the one who said it
    ('Avi Dror spoke on Monday. "Hamas stands by its refusal and has not budged a millimeter" on that deal, Dror said Friday.',
     ["Dror"]),
    # "his office": of the one who spoke just before, though the article never names him in full
    ('Dror said the operation was fully Israeli. "Today\'s action against the leaders was a wholly independent operation," his '
     'office said.', ["Dror’s office"]),
    # "they": a family the sentence before names, else no one
    ("Avi Dror’s family has approved the release of the footage. In a statement, they said, “The deliberate starvation of "
     "our son is one of the most horrifying acts.”", ["Avi Dror’s family"]),
    ("Crowds gathered in the square. “We will not stop until they are all home,” they said.", [None]),
    # ... or people who speak for others, described in the plural by the sentence just before
    ("Families of some of the hostages were outraged by the decision and demanded answers. “We are fed up with the "
     "indifference and deadlock,” they said in a statement.", ["families of some of the hostages"]),
    ("Israeli officials denied the report on Sunday.\n\n“There is no such proposal on the table at all,” they said.",
     ["Israeli officials"]),
    ("The talks collapsed on Sunday. “We will not return to Doha under these terms,” they said.", [None]),
    ("Dror’s parents, Rina and Avi, said they welcome any deal.\n\n“We have seen the reports of direct talks with Hamas,” "
     "the parents said in a statement.\n\n“We welcome any negotiations that bring our loved ones home,” they said.",
     ["Dror’s parents", "Dror’s parents"]),
    # "He continued" after a quote from someone described is that one's, not the last named person's;
    # a place or a nationality speaks for no one
    ("Egypt's President Avi Dror proposed a truce. The talks would secure aid into the Gaza Strip, the president told reporters.\n\n"
     "A Hamas official stated, “We will listen to the proposals they bring to us.”\n\nThe official added, “We are open to "
     "other ideas from the mediators.”\n\nHe continued, “Without halting this war, no agreement will be reached.”",
     ["a Hamas official", "a Hamas official", "a Hamas official"]),
    ("The Egyptian leader reaffirmed Cairo’s opposition to displacement, stating, “This does not serve the Palestinian cause.”",
     [None]),
    # a quote closed by a full stop after "declaring," is the subject's, not the next sentence's speaker's
    ("Avi Dror clashed openly with the envoys, declaring, “Would you make peace with Hitler? Hamas is Hitler.” Despite "
     "this, his party, Otzma Yehudit, said it would stay in the coalition.", ["Avi Dror"]),
    # "I" in an interview's transcript is the one the line names
    ("Avi Dror: And I said, “Well, we can’t afford to fail.”", ["Avi Dror"]),
    ("The envoy spoke. And I said, “Well, we can’t afford to fail here.”", [None]),
    # "she" is the person set beside a body in the paragraph before
    ("A senior official of the Palestinian Authority, Foreign Minister Rina Dror, also said on Friday that she hoped for "
     "progress.\n\n“I doubt anyone in Gaza will want to go back to war,” she said in Geneva.", ["Rina Dror"]),
    # a title that opens the sentence a colon ends: the one the article named so
    ("Prime Minister Avi Dror spoke on Sunday.\n\nThe prime minister insisted that only victory would bring them home: "
     "“To make progress on the release of our hostages, we must complete the mission.”", ["Avi Dror"]),
    # a surname two people in the story share is the one of them who spoke just before
    ("Israel received the remains of Avi Dror, killed in 2014.\n\n“He went to combat and they abandoned him,” Rina Dror, his "
     "mother, said.\n\nThe family then helped others. “We were a symbol of failure,” Dror recalled.", ["Rina Dror", "Rina Dror"]),
    # ... or of the one whose office the paragraph before named
    ("Avi Dror’s office called the offer “psychological warfare”.\n\n“While Israel has accepted the proposal, Hamas stands by "
     "its refusal,” his office added.", ["Avi Dror’s office"]),
    # the statement of a body, "issued" after it; a document is no speaker
    ('"Due to the dead end in negotiations, the team was ordered home," said the statement from Avi Dror’s office issued on '
     'behalf of the agency.', ["Avi Dror’s office"]),
    ("Talks ended.\n\nThe official notification added, “The agency thanks the mediators for their tremendous efforts.”", [None]),
    # "The statement read," of the statement a sentence before cites; "it says" of the office whose statement spoke before
    ("According to a statement issued by the office of Prime Minister Avi Dror, Israel recalled its team.\n\nThe statement "
     "read, “Due to the dead end in negotiations, the team was ordered home.”", ["the office of Prime Minister Avi Dror"]),
    ("“Due to the dead end in negotiations, the team was ordered home,” says a statement from Avi Dror’s office issued on "
     "behalf of the agency.\n\n“The head of the agency thanks the mediators for their efforts,” it says.",
     ["Avi Dror’s office", "Avi Dror’s office"]),
    # "it": the body that opens the sentence before, after when it spoke
    ("Hours earlier, Prime Minister Avi Dror's office said Israel was bringing its negotiators home. “We appreciate the "
     "efforts of the mediators,” it said.", ["Prime Minister Avi Dror's office"]),
    # more participles of speech; "in a statement" between the subject and its verb
    ('Ismail Haniyeh reaffirmed his commitment, asserting, "For me, the interests of the Palestinians come first."', ["Ismail Haniyeh"]),
    ("Ismail Haniyeh spoke.\n\nHaniyeh in a statement said the killings would only make them “more steadfast in our principles.”\n\n"
     "“Whoever thinks that this will force us to back down on our demands is delusional,” he added.", ["Haniyeh"]),
    # a body with its abbreviation; someone described who reports; an outlet described; "did not"
    ("The Israel Defence Forces (IDF) confirmed the handover, stating, “The Red Cross has told us the three hostages are with them.”",
     ["Israel Defence Forces"]),
    ('The office did not respond. An Israeli official said the rejection showed that "Hamas is not interested in a deal" at all.',
     ["an Israeli official"]),
    # ... after an opening phrase, one or more of them
    ("According to Axios, two US officials stated during a briefing that “Hamas has secretly indicated its willingness to "
     "accept a disarmament plan.”", ["two US officials"]),
    ("In Washington, a senior official said on Monday that “The talks will resume in Doha within days.”", ["a senior official"]),
    ('Earlier, a senior Hamas official, speaking on condition of anonymity, told the Saudi Asharq news, "We are closer than ever '
     'to an agreement."', ["a senior Hamas official"]),
    ("Donald Trump spoke on Monday.\n\nTrump, posting on his platform, did not name any group but demanded the release, warning: “Failure to comply will bring "
     "consequences.”", ["Trump"]),
    # where the words were published, between the verb and the quote
    ("Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani wrote online: “How can mediation succeed when one "
     "party assassinates the negotiator?”", ["Mohammed bin Abdulrahman Al Thani"]),
    ("Egypt's foreign minister Badr Abdelatty asked on social media: “Who will rebuild the homes of two million people?”",
     ["Badr Abdelatty"]),
    ("President-elect Donald Trump, who takes office on January 20, claimed credit first, writing on his Truth Social "
     "platform: “WE HAVE A DEAL FOR THE HOSTAGES IN THE MIDDLE EAST.”", ["Donald Trump"]),
    # a name with "al-" inside, as the subject of a participle
    ("Senior Hamas official Izzat al-Rishq denied the claim, saying: “Hamas is committed to the agreement announced by the mediators.”",
     ["Izzat al-Rishq"]),
    ('An Israeli official at the meeting quoted Netanyahu as telling lawmakers: "I am ready, even now, to accept it."', ["Netanyahu"]),
    # a long name with its titles after the quote; an adverb before the verb is not part of the speaker
    ("“Political assassinations while talks continue lead us to ask how mediation can succeed,” Qatari Prime Minister and "
     "Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani wrote on X.",
     ["Mohammed bin Abdulrahman bin Jassim Al Thani"]),
    # (a description that opens its sentence is printed as inside one: "the Hamas leader")
    ("The Hamas leader confidently declared: “We will not hand over our weapons to anyone at all.”", ["the Hamas leader"]),
    # no attribution of its own: the quote goes on with the report it follows, in its sentence or the one before
    ("Prime Minister Benjamin Netanyahu spoke at the embassy.\n\nNetanyahu said later, in remarks to reporters, that the strike was "
     "justified. “At the beginning of the war I promised that Israel would reach them.”", ["Netanyahu"]),
    ("President Donald Trump welcomed it.\n\nTrump posted the statement and wrote that “Israel must immediately stop the bombing of Gaza.”",
     ["Trump"]),
    # a place the words were posted to ends at the sentence's end: the next quote is no one's "posted to"
    ('Hamas accepted the proposal.\n\n"The Hamas delegation concluded its meetings in Cairo with the Fatah movement," the group said '
     'in a statement posted to Telegram. "The Hamas delegation approved the Egyptian proposal to form a support committee."', ["Hamas", "Hamas"]),
    # a live blog's entry: the speaker, a colon, the quote; a label with a colon is no speaker
    ("18:55 — Netanyahu's office: “Today's action against the top chieftains of Hamas was a wholly independent operation.”",
     ["Netanyahu's office"]),
    ("Trump: “It was a decision made by Prime Minister Netanyahu, it was not a decision made by me.”", ["Trump"]),
    ("Update: “The talks have ended for today without a deal, the mediators say.”", [None]),
    ("The plan has three parts: “An immediate ceasefire, a hostage release and a withdrawal.”", [None]),
    # "is heard telling", "responded by saying:"
    ("Prime Minister Benjamin Netanyahu met the families.\n\n“You haven’t seen me thank Qatar, have you noticed?” Netanyahu is "
     "heard telling the families in the leaked recording.", ["Netanyahu"]),
    ('Israeli officials responded by saying: "The offer that Hamas is publishing is psychological warfare."', ["Israeli officials"]),
    # "seemed to say", of a leaked recording
    ("Israel's Channel 12 published a leaked recording.\n\n\u201cWhen I talk about Qatar, you don\u2019t hear me thank Qatar,\u201d "
     "Netanyahu seemed to say.", ["Netanyahu"]),
    # after the verb: the name given after a title is the speaker; whom the words were said to is not
    ('"We are appalled by the alleged remarks about our mediation role," said Qatar\'s foreign ministry spokesperson, Majed Al Ansari.',
     ["Majed Al Ansari"]),
    ('"The process will continue over the coming days through working groups," said the anonymous official to Reuters.',
     ["the anonymous official"]),
    ('"We are appalled by the alleged remarks about our mediation role," wrote the spokesperson of Qatar\'s Foreign Ministry, '
     'after the recording aired.', ["Qatar's Foreign Ministry"]),
    # "the envoy", "the president": whom the article gave the title to before, however far back
    ("US envoy Steve Witkoff spoke on Saturday.\n\n“I received the response. It is totally unacceptable,” Witkoff said on X.\n\n"
     "“Hamas should accept the framework proposal we put forward,” the envoy added.", ["Witkoff", "Steve Witkoff"]),
    ("President Joe Biden spoke at the White House.\n\nOfficials met in Doha.\n\nThe talks went on.\n\n"
     "“There is now the opportunity for a day after in Gaza,” the president said.", ["Joe Biden"]),
    ("Officials met in Doha.\n\n“We will keep pushing for a deal now,” the official said.", [None]),
    # "also told": a speaker; "he said" after a paragraph whose subject acted, when no one spoke before
    ("White House spokesperson John Kirby also told Fox News that the deal is getting closer.\n\n"
     "“We believe that we’re getting closer, and no doubt about it,” he said.", ["John Kirby"]),
    ("Vice President JD Vance visited Israel on Tuesday.\n\nBut Mr. Vance, on the first day of his trip to Israel, expressed "
     "optimism that the deal would hold.\n\n“Things are going, frankly, better than I expected,” he said.", ["Vance"]),
    # "the premier" is the prime minister named before
    ("The plan was approved by Prime Minister Benjamin Netanyahu's security cabinet.\n\n"
     '"We don\'t want to keep it," the premier told US network Fox News on Thursday.', ["Benjamin Netanyahu"]),
    # a country before a title: "the Israel prime minister", named so before
    ("The scenes infuriated Prime Minister Benjamin Netanyahu of Israel.\n\n“This is additional proof of the brutality "
     "of the Hamas terrorist organization,” the Israel prime minister said.", ["Benjamin Netanyahu"]),
    ("A statement from the Prime Minister’s Office said: “In light of Hamas’s repeated violations, the release is delayed.”",
     ["Prime Minister’s Office"]),
    # the statement someone's words came in is not who said them; "the office" is that office
    ("“Israel will not tolerate any violation of the agreement,” said a statement issued by Netanyahu’s office.\n\n"
     "“On Thursday, Arbel Yehud and soldier Agam Berger will be released,” added the office.",
     ["Netanyahu’s office", "Netanyahu’s office"]),
    ("Israel responded with a counter-proposal, according to a statement from the Israeli Prime Minister's office.\n\n"
     '"In recent hours, Israel transferred its counter proposal to the mediators," the office said.',
     ["the Israeli Prime Minister's office"]),
    # "the group": the body that opens the sentence before, after a quote that ends one
    ("Israel confirmed the return with a post reading, “Welcome home.” The Hostages and Missing Families Forum, which has "
     "led the campaign, hailed the development.\n\n“Our struggle is not over until the last hostage is returned,” the group said.",
     ["Hostages and Missing Families Forum"]),
    # ... and when that sentence says "The group said", the body the one before it opens with
    ("Israel welcomed the move, a senior Hamas official said.\n\nHamas freed the last American hostage on Monday. "
     "The group said the same day that it was in direct talks with Washington.\n\n"
     "“We urge the administration to continue its efforts to end this war,” the group said.", ["Hamas"]),
    # "he" after a paragraph whose "he said" points back: whom the sentence before that names
    ("The U.S. says it is working to reach a deal before the handover.\n\nPrime Minister Dan Orr issued a statement on "
     "Monday saying the list came from Israel. Israel gave it to the mediators in July, he said.\n\n"
     "“As yet, Israel has not received any word from Hamas on the list,” he said.", ["Dan Orr"]),
    # an adverb between the speaker and the verb is not part of who: "the official nonetheless insisted"
    ("A senior Israeli official said the talks were moving slowly.\n\n"
     "“The team traveled to Doha to fine-tune the agreement,” the official nonetheless insisted.", ["a senior Israeli official"]),
    # a long title of lower-case words before the name is no clause
    ("“The pause will begin at 7am on Friday and last four days,” Qatari Ministry of Foreign Affairs spokesman Dr. Amal "
     "bin Omar Al Nasser said at a press conference in Doha.", ["Amal bin Omar Al Nasser"]),
    # "was quoted by his office as saying": the one quoted, and the quote after it in the paragraph too
    ('Dan Reyes was in Doha this week.\n\n"The group is making a very bad bet that time is on its side," Dan Reyes was '
     'quoted by his office as saying. "It is well aware of the deadline and should know that we will respond."',
     ["Dan Reyes", "Dan Reyes"]),
    # "it said" after a sentence opening with a body and its description
    ("Hamas, the Palestinian resistance group, accused the prime minister of using the delegation to mislead the world, "
     "a senior Hamas official said.\n\n“The presence of the delegation in Doha is a blatant attempt to deceive,” it said.",
     ["Hamas"]),
    # "the statement added": the office a report just before credits
    ("President Amal Nasser and the CIA director met in Cairo on Tuesday to advance a hostage deal, according to "
     "Nasser’s office.\n\n“The president affirmed the position rejecting further military operations in Gaza,” the statement added.",
     ["Nasser’s office"]),
    # a quote standing as a paragraph of its own after a paragraph that introduces it with a colon
    ("The committee met in Cairo.\n\nUS President Dan Orr expressed support for the committee on social media, stating:\n\n"
     '"I support the newly formed committee for the administration of Gaza."', ["Dan Orr"]),
    ("Prime Minister Dan Orr said:\n\n\u201cWe will not stop until every hostage is home.\u201d", ["Dan Orr"]),
    # ... else, for a quote that leads the article, whom it names so first after the quote
    ("“Phase 2 establishes a transitional technocratic administration in Gaza,” the envoy stated.\n\n"
     "Steve Witkoff, U.S. special envoy to the Middle East, announced the start of Phase 2 on Wednesday.\n\n"
     "Qatar's envoy Mohammed Al-Khulaifi also spoke.", ["Steve Witkoff"]),
    # ... but not the end of a body's name: the statement a text reads is the body's that announced it
    ("Qatar's Ministry of Foreign Affairs announced the pause today. “The State of Qatar announces the success of its mediation,” the statement read.",
     ["Qatar's Ministry of Foreign Affairs"]),
    # "he" after a definite description that speaks, when the article names no one else: that description
    ("The Egyptian official said Cairo was urging both parties to show flexibility.\n\n"
     "“Egypt is undertaking intense and persistent efforts to reach a truce agreement,” he added.", ["the Egyptian official"]),
    ("Amal Nasser met the delegation on Monday.\n\nThe Egyptian official said Cairo was urging both parties to show "
     "flexibility.\n\n“Egypt is making intense efforts to reach a truce,” he added.", ["the Egyptian official"]),
    # "the group" after "The Palestinian group Hamas said": the body that description names
    ("The Palestinian group Hamas said Monday that a senior delegation arrived in Egypt.\n\n"
     "\"A senior Hamas delegation arrived this evening in the Egyptian capital, Cairo,\" the group said in a statement.",
     ["Hamas"]),
    # people in the plural, described, who speak through a participle: "Israeli officials denied ..., saying"
    ("Israeli officials denied these claims, saying, \"There is no Israeli delegation on the way to Cairo, nor is one planned.\"",
     ["Israeli officials"]),
    # after "Asked if ..., " the speaker is the one after the clause's last comma, not a name inside it
    ("Prime Minister Amal Nasser said teams would travel to Qatar.\n\nAsked if Qatar had talked to the group after the "
     "killing of its leader Dan Orr, the prime minister said: “We re-engaged with them. There has been an engagement.”",
     ["Amal Nasser"]),
    # "telling the Axios news site": whom the participle tells may be written in lower case first
    ("Envoy Dan Orr spoke on Monday.\n\nBut Orr poured cold water on the breakthrough, telling the Axios news site, "
     "“What I have seen from the group is disappointing and completely unacceptable.”", ["Orr"]),
    # a statement that names its issuer is the issuer's
    ("It referred again to the proposal.\n\n\"The occupation has not responded to date,\" the Hamas statement added.",
     ["Hamas"]),
    # a presidency is a body: "it" after it is the presidency
    ("The Egyptian presidency said in a statement that the two leaders met.\n\n"
     "“The two leaders discussed the best ways to protect innocent civilians in Gaza,” it added.", ["the Egyptian presidency"]),
    # a head of government's office, its title in lower case: "it" is the office
    ("The Egyptian prime minister's office denied reports that a list had been handed over.\n\n"
     "“The list published in the media was not passed on by the group,” it said.", ["the Egyptian prime minister's office"]),
    # the body a description in lower case introduces: "Palestinian militant group Hamas said"
    ("Palestinian militant group Hamas said on Tuesday that the talks in Doha were positive.\n\n"
     "“Reaching an agreement is possible if the occupation stops imposing new conditions,” it added in a brief statement.",
     ["Hamas"]),
    ("In Cairo, the two leaders “discussed the escalation in the Gaza Strip and the regional challenges,” the Egyptian "
     "presidency says in a statement.\n\n“The two leaders discussed the best ways to protect civilians in Gaza,” it adds.\n\n"
     "“They reviewed the intensive efforts aimed at achieving a ceasefire.”",
     ["the Egyptian presidency", "the Egyptian presidency"]),
    # "conveyed" and "clarified" are verbs of speech too
    ("“There is probably room to move toward an agreement,” Tzachi Hanegbi conveyed in an interview.", ["Tzachi Hanegbi"]),
    # ... and "recounted", even with no space before the quote
    ("Kane spoke to reporters.\n\nHe said he had talked to the group through go-betweens.\"I spoke to them and they said yes, "
     "sir, we will do it,\" Kane recounted.", ["Kane"]),
    # any verb in the past tense may come first after the quote, except "reported", whose subject
    # is an outlet passing the words on
    ("Amal Nasser leads the delegation.\n\n“What they tell us in private changes in public,” criticized the Jordanian minister, "
     "who reiterated his commitment to the talks.", ["the Jordanian minister"]),
    ("“The talks went on until early morning,” reported Sky News.", [None]),
    # a person speaks through a participle before "he": "..., saying he told X, "...""
    ("Ron Adler said in an interview with CBS's “Face the Nation” that the two bonded over their loss, saying he told "
     "al-Hayya, “We were both members of a really bad club.”", ["Ron Adler"]),
    # a transcript's speaker in capitals is a name as names are written; one word may be an acronym
    ("The council voted on Monday.\n\nAMAL NASSER: “It is time for the war to end and for the hostages to come home.”\n\n"
     "KANE: “Those in favour of the draft resolution, please raise your hands.”", ["Amal Nasser", "KANE"]),
    # a surname after a title is a person, not a body: "Former President Trump publicly distanced himself"
    ("Adler learned of the strike a day later. Former President Kane publicly distanced himself from the decision, "
     "posting on social media, “This was a decision made by the prime minister, not by me.”", ["Kane"]),
    # a place before the subject is not who acts: "In Washington, DC, US President Donald Trump, ..., stated"
    ("In Washington, DC, Foreign Minister Amal Nasser, who met the envoy twice this week, stated that a deal was close. "
     "“I think we have a chance this week,” she told reporters.", ["Amal Nasser"]),
    # "shared", of words said in an interview
    ("Envoy Ron Adler sat down with the network.\n\n\"We expressed our condolences to him for the loss of his son,\" Adler shared "
     "in the interview. “He mentioned it and I told him that I too had lost a son.”", ["Adler", "Adler"]),
    # of two presidents, "the president" is the one the text has mentioned last, not the last so titled
    ("President Amal Nasser spoke during a stop in Doha. The trip includes a meeting with Chinese President Ron Adler next week. "
     "The emir told Nasser he wanted to greet him.\n\n\"The emir is one of the great rulers of the world,\" the president responded.",
     ["Amal Nasser"]),
    # a statement sent to someone by an office described, not named: the office so described
    ("However, a statement sent to the families of hostages by the government coordinator for the hostage talks said: “Reports "
     "in the Arab press about the negotiations are not correct.\n\n“We continue to take all measures to secure the return of "
     "the hostages,” the statement said.", ["the government coordinator for the hostage talks"] * 2),
    # a participle of speech after a phrase in quotation marks is still the subject's
    ("Prime Minister Amal Nasser spoke on Tuesday.\n\nResponding to the remarks, Nasser thanked the envoy for his “strong "
     "statement,” adding that “Hamas must release the hostages now.”", ["Nasser"]),
    # ... and after any quotation when "he" or "she" opens the sentence
    ("Amal Nasser, a Hamas leader, spoke on Monday.\n\nHe accused Israel of “creating excuses to escape the agreement and return "
     "to a war,” stating, “The party violating the agreement every day is Israel.”", ["Amal Nasser"]),
    # "he" acting with a participle of speech is the one the sentence before named
    ("A senior Hamas official in Beirut, Amal Nasser, denied the report on Wednesday, telling a local outlet that no list had been "
     "given. She also denied an earlier report, saying, “There was no offer, nor were there any new ideas for us to consider.”",
     ["Amal Nasser"]),
    # "the envoy was reportedly heard saying": the envoy named before
    ("In a recording, US envoy Steve Witkoff could be heard saying that Hamas was ready to disarm. \"We are very, very close "
     "to a solution to end this war,\" the envoy was reportedly heard saying.", ["Steve Witkoff"]),
    # "the adviser added" after "one of the advisers told reporters"
    ("\"We continue to hear from them that they intend to honour the deal,\" one of the advisers told reporters.\n\n"
     "\"There was a lot of disappointment when only four bodies were returned,\" the adviser added.",
     ["one of the advisers", "one of the advisers"]),
    # a relative of someone who acts is the relative, not the one named after "of"
    ("The mother of hostage Matan Zangauker, Einav, addressed the rally. “Bring them all home now, every one of "
     "them,” she said.", ["Einav"]),
    ("The father of hostage Omer Neutra spoke to reporters. “We need a deal now, before it is too late,” he said.",
     ["the father of hostage Omer Neutra"]),
    # "the ministry": the one named with an adjective between ("Qatar's foreign ministry")
    ("In a statement, Qatar's foreign ministry said talks would resume. “The State of Qatar affirms its commitment to "
     "mediation,” the ministry said.", ["Qatar's foreign ministry"]),
    # a post or statement by someone, quoted by the sentence it opens
    ("Talks resumed in Doha on Monday, officials said.\n\nA screenshot of a tweet by the Prime Minister of Israel's office, "
     "saying in part: “The Prime Minister's Office has updated the families of the hostages.”",
     ["the Prime Minister of Israel's office"]),
    # "saying in part:"
    ("Talks resumed in Doha on Monday, officials said.\n\nNetanyahu's office issued a statement, saying in part: “The Prime "
     "Minister's Office has updated the families of the hostages.”", ["Netanyahu's office"]),
    # "the group said" after "The forum said ...": the forum named before
    ("The Hostages and Missing Families Forum obtained the footage months ago.\n\nThe forum said the families made it public "
     "to press the government.\n\n“The footage reveals the treatment the girls endured on the day of their abduction,” "
     "the group said in a statement.", ["Hostages and Missing Families Forum"]),
    # a statement of several, described ("the three factions", "the two mediating countries")
    ("The three factions issued a joint statement following meetings in Cairo.\n\n“The possibility of reaching an "
     "agreement is closer than ever, if the enemy stops imposing new conditions,” the statement said.", ["the three factions"]),
    ("In a joint statement, the two mediating countries said they had received the response of the factions.\n\n"
     "“Egypt and Qatar will study the response and coordinate with the United States,” the statement said.",
     ["the two mediating countries"]),
    # two places or channels and a day between the verb and the quote
    ("Israel's military said in a post on X: “Troops will continue to operate against terrorist threats in the area.”",
     ["Israel's military"]),
    ("Netanyahu said in a speech in Jerusalem on Sunday: “We will bring every one of the hostages home.”", ["Netanyahu"]),
    # "cited X as saying that"
    ("Egypt's Al-Qahera News cited a senior Egyptian source as saying that “Egypt is hosting the delegations to close "
     "the remaining gaps.”", ["a senior Egyptian source"]),
    # a title in capitals is its holder's, whom the article names with that title in other words,
    # not another country's holder of the same title
    ("Qatari premier Sheikh Mohammed bin Abdulrahman Al Thani met Israeli Prime Minister Benjamin Netanyahu.\n\n"
     "“We are working day and night to close the gaps,” the Qatari Prime Minister said.", ["Mohammed bin Abdulrahman Al Thani"]),
    # "he added" after a quote, in its paragraph, from someone described is that one's
    ("Israel doubts the terms.\n\n“Hamas won’t give up all the hostages at the start; it is simply unrealistic,” an Israeli "
     "official told the Post. “The only question is whether this leads to another round,” he added.",
     ["an Israeli official", "an Israeli official"]),
    # "it" after a sentence a group described opens is that group; a broadcaster is the one named so
    ("Qatar hosted a Hamas delegation.\n\nThe Palestinian resistance group said on Wednesday that a truce was delayed by new "
     "conditions.\n\n\"The occupation set new conditions on withdrawal and on the prisoners,\" it said in a statement.",
     ["the Palestinian resistance group"]),
    ("The talks were held in Cairo, the official Israeli broadcaster Kan has reported.\n\nThe broadcaster noted that a "
     "prisoner exchange was discussed too. “The Israeli goal is to give Egypt answers on the crossing,” it added.", ["Kan"]),
    ("Israeli Channel 12 reported the talks.\n\n“The Israeli goal is to give Egypt answers on the crossing,” the channel said.",
     ["Israeli Channel 12"]),
    # "he" is who acted in the sentence before, with a verb of any form ("has chosen")
    ("Bezalel Smotrich is the bigger problem. Smotrich has chosen to stay for now, saying he was promised a return to "
     "fighting. \"We will not allow the war to end without achieving all its goals,\" he said this week.", ["Smotrich"]),
    # a title with its office after "of" is its holder's, named so before
    ("The US Secretary of State Antony Blinken said the whole population of Gaza was hungry.\n\n“We cannot and we must "
     "not allow that to continue,” the US secretary of state said at a joint press conference.", ["Antony Blinken"]),
    ("Egypt’s Minister of Foreign Affairs Sameh Shoukry met the envoy.\n\n“There is a proposal on the table for both "
     "sides,” the Minister of Foreign Affairs said.", ["Sameh Shoukry"]),
    # "he" in an article's lead, with no one named before, is who acts first after it, past a dateline
    ("Qatari premier urges talks on the second phase\n\n\"We demand an immediate start of negotiations on phase two,\" he "
     "told reporters after the talks.\n\nDOHA, February 2. /TASS/. Qatari Prime Minister Mohammed bin Abdulrahman Al Thani "
     "called on both sides to begin the talks.", ["Mohammed bin Abdulrahman Al Thani"]),
    # "he ... but added that" is whom "he" means
    ("Vice President JD Vance said there would be flare-ups.\n\nHe declined to set a deadline for the group to give up "
     "its weapons, but added that if it did not cooperate, \"Hamas is going to be obliterated by force.\"", ["JD Vance"]),
    # "can be heard saying that" before a quote
    ("In a recording of the meeting, Witkoff can be heard saying that “Hamas has said that they are prepared to "
     "be demilitarised”.", ["Witkoff"]),
    # "the organization", like "the group", is the body named before
    ("Israel’s Hostages and Missing Families Forum on Sunday called on the government to halt the plan.\n\n“We cannot "
     "move to the next phase before the last hostage returns home,” the organization stated on X.",
     ["Israel’s Hostages and Missing Families Forum"]),
    # "according to a statement released by the premier’s office on behalf of ..." after a quote
    ("Mossad agents left Qatar on Saturday.\n\n“Due to the impasse in the talks, the Mossad chief ordered his team in Doha "
     "to return,” according to a statement released by the premier’s office on behalf of the spy agency.",
     ["the premier’s office"]),
    # "said in response (to ...):" before a quote
    ("The organization representing families of the hostages said in response to the report: “The families were "
     "shocked by the report that the request was turned down.”", ["the organization representing families of the hostages"]),
    ("Hamas said in reply: “The occupation bears full responsibility for the delay.”", ["Hamas"]),
    # "he" is the one interviewed or asked in the sentence before
    ("Senior Hamas official Ghazi Hamad, who was a target of the strike in Doha, was interviewed on Wednesday by a Qatari "
     "channel.\n\n“We are not the only target; the whole region is,” he said, and called on Arab states: “Israel has no "
     "red lines at all.”", ["Ghazi Hamad", "Ghazi Hamad"]),
    ("Two hostages were freed on Monday.\n\nQatar's spokesman Majed al-Ansari was asked whether talks would resume.\n\n"
     "“We are in contact with both sides every single day,” he said.", ["Majed al-Ansari"]),
    # ... and "he said" after the sentence the one described opens, past a long aside
    ("Talks stalled on Tuesday.\n\nThe Egyptian official, speaking on condition of anonymity because he was not authorized "
     "to brief reporters, said Hamas wanted guarantees. \"This is the main obstacle,\" he said.", ["the Egyptian official"]),
])
def test_who_speaks_a_quote_read_from_the_sentence_around_it(body, speakers):
    assert [who for _, who, _ in quotes_in(article(body))] == speakers


def test_a_quote_opened_by_a_straight_mark_and_closed_by_a_curly_one_ends_there():
    body = ('Prime Minister Netanyahu said, "Israel will not tolerate any violation of the agreement. We will continue to work '
            'for the return of all the hostages”. Defence Minister Israel Katz said, "We will enforce the ceasefire in the north."')
    assert [(text, who) for text, who, _ in quotes_in(article(body))] == [
        ("Israel will not tolerate any violation of the agreement. We will continue to work for the return of all the hostages",
         "Netanyahu"),
        ("We will enforce the ceasefire in the north.", "Israel Katz"),
    ]


@pytest.mark.parametrize(("body", "expected"), [
    ('“The greatest gift they can give me is to kill me," Haddad said in a video from 2021. "I prefer to die a martyr."',
     [("The greatest gift they can give me is to kill me", "Haddad"), ("I prefer to die a martyr.", "Haddad")]),
    # ... even when a curly mark closes a later quote
    ('Mr Haddad said the focus turns to the talks.\n\n“Our message is simple. It’s clear and it’s urgent," he told '
     'reporters on Tuesday. "We need to get a ceasefire over the finish line. Time is of the essence.”',
     [("Our message is simple. It’s clear and it’s urgent", "Mr Haddad"),
      ("We need to get a ceasefire over the finish line. Time is of the essence.", "Mr Haddad")]),
    # ... and when the words after it open with a capital: a straight mark after a comma closes a quote
    ('“This matters a great deal for what comes next," Foreign Minister Lena Haddad said on Friday in Amman. "We will be '
     'watching the talks in Cairo very closely.”',
     [("This matters a great deal for what comes next", "Lena Haddad"),
      ("We will be watching the talks in Cairo very closely.", "Lena Haddad")]),
])
def test_a_quote_opened_by_a_curly_mark_and_closed_by_a_straight_one_ends_there(body, expected):
    assert [(text, who) for text, who, _ in quotes_in(article(body))] == expected


def test_she_or_he_is_never_the_outlet_that_reported_the_sentence_before():
    body = ("The Associated Press reported that Press Secretary Karoline Leavitt confirmed the talks.\n\n"
            "“Talking to people around the world is in the best interest of the American people,” she said, according to the AP.")
    assert quotes_in(article(body))[0][1] != "The Associated Press"


def test_the_official_is_the_one_the_paragraph_before_describes_with_a_dotted_country():
    body = ("Officials gave no date for the talks.\n\nIn a briefing with reporters, a senior U.S. official said Washington "
            "believes Hamas will disarm. That push is tied to a new committee.\n\n“The goal here is to create an "
            "alternative to Hamas that wants peace,” the official said.")
    assert quotes_in(article(body))[0][1] == "a senior U.S. official"
    # ... but a full stop ends a sentence: "a deal. The official" describes no one
    body = ("Mediators said Israel had not agreed to a deal. The official response came later.\n\n"
            "“We are still waiting for the answer of the other side,” the official said.")
    assert quotes_in(article(body))[0][1] != "a deal. The official"


@pytest.mark.parametrize(("body", "speaker"), [
    # "the source" goes on with the source who spoke last, past a paragraph that does not speak of them
    ("A state channel quoted a high-ranking source as saying that talks would resume.\n\n"
     "“A meeting is scheduled for Sunday in Cairo to discuss reopening the crossing,” the source said.\n\n"
     "There has been no confirmation from either side.\n\n"
     "“Egypt has told all parties it will not open the crossing while Israel holds it,” the source stressed.",
     "a high-ranking source"),
    # ... and "the source" is the official just described, when no source is
    ("Qatar urged Hamas to accept the proposal, according to an official briefed on the discussions.\n\n"
     "“The prime minister pressed Hamas to respond positively to the latest proposal,” the source confirmed.",
     "an official briefed on the discussions"),
    ("Burns is travelling to Doha for an emergency meeting, an official briefed on the talks says. “Burns is on his way "
     "to press both sides to keep negotiating,” the source adds.",
     "an official briefed on the talks"),
    # ... or the adviser just described, or who spoke last, past a caption
    ("“We got all the live hostages out,” an adviser to the president told reporters.\n\n"
     "A second US adviser said the 72-hour period was not enough. “In a 72-hour period it would have been almost "
     "impossible to find them all,” the official said.", "a second US adviser"),
    ("“We got all the live hostages out, and they honoured that,” an adviser to the president told reporters.\n\n"
     "People walk past the rubble in Gaza City, October 15, 2025. REUTERS/Jane Roe\n\n"
     "“Right now we have a mechanism in place with the mediators,” the official added.", "an adviser to the president"),
    # ... or, further back, the source the article described last, past paragraphs on something else
    ("A Hamas team will meet Egyptian officials in Cairo on Tuesday, a source close to negotiations told AFP.\n\n"
     "Israeli strikes hit several sites in the south overnight.\n\n"
     "Hamas denied that its fighters had fired first.\n\n"
     "The army said two soldiers were wounded.\n\n"
     "“The meetings will deal with the crossings and the committee that will run the Strip,” the source said.",
     "a source close to negotiations"),
    ("Talks resumed in Doha after a pause, a source told the newspaper.\n\n"
     "The sides agreed on the crossing but not on the corridor.\n\n"
     "Troops are to leave the corridor in stages.\n\n"
     "“The differences that remain are technical and can be solved,” the source told the paper.", "a source"),
    ("Talks resumed on Monday.\n\nMediators met again.\n\nA senior Israeli official briefed reporters.\n\nNo one "
     "expected a deal.\n\nThe mood was grim.\n\n“There is no free lunch for anyone here,” the official said.",
     "a senior Israeli official"),
    # "the official" may be the spokesperson just described, who is one
    ("In a statement, the Foreign Ministry's spokesperson said the venue of the talks was no obstacle.\n\n"
     "According to the spokesperson, the terms Hamas accepted match those Israel accepted before. \"The ball is now "
     "in Israel's court,\" the official said.", "the Foreign Ministry's spokesperson"),
    # ... but a spokesman is no official just described, who would have been named as one
    ("“The talks are going on in good faith,” a senior Egyptian official told reporters.\n\n"
     "“Hamas has received the text and is studying it with care,” the spokesman said.", None),
])
def test_the_source_or_the_official_is_the_one_described_before(body, speaker):
    assert quotes_in(article(body))[-1][1] == speaker


def test_the_statement_is_whoever_spoke_last():
    body = ("Israel is recalling its team from the talks for consultations, the Prime Minister's Office said on Thursday.\n\n"
            "“In light of the response, it was decided to bring the negotiating team home,” the statement said.")
    assert quotes_in(article(body))[-1][1] == "Prime Minister's Office"
    body = ("In a joint statement on Friday, Qatar and Egypt said the pause was normal.\n\n"
            "“Qatar and Egypt affirm that they will continue their efforts to reach an agreement,” the statement said.")
    assert quotes_in(article(body))[-1][1] == "Qatar and Egypt"
    body = "Hamas and Islamic Jihad said in a joint statement, “A joint delegation delivered the answer of the factions tonight.”"
    assert quotes_in(article(body))[-1][1] == "Hamas and Islamic Jihad"
    # the statement a sentence cites, and the statement's next quote after "the statement read"
    body = ("According to a statement from the Prime Minister’s Office, the decision comes as the talks reached a deadlock.\n\n"
            '"Israel agrees to the American proposal for the return of the hostages," the statement read. '
            '"This proposal was recently conveyed to Hamas via the mediators."')
    assert [who for _, who, _ in quotes_in(article(body))] == ["the Prime Minister’s Office"] * 2
    # the end of a list is only part of who spoke: the whole list is
    body = ("Still, Washington, Cairo and Doha insisted that the parties were closer.\n\n"
            "“This proposal bridges the remaining gaps in the deal,” said the joint statement.")
    assert quotes_in(article(body))[-1][1] == "Washington, Cairo and Doha"
    # two paragraphs on, or a speaker that is one word (often a title cut from a body), is no one
    far = ("Israel is recalling its team, the Prime Minister's Office said on Thursday.\n\nThe talks had stalled for weeks.\n\n"
           "Mediators met again on Friday in the capital.\n\n“The team will return next week after consultations,” the statement said.")
    assert quotes_in(article(far))[-1][1] is None
    # an organisation speaks by its whole name ("Department" alone was a title cut from it)
    body = ("In a statement, the Foreign Ministry said the plan relied on the agency.\n\n"
            "“There is an opportunity for the people to have free choice,” the statement said.")
    assert quotes_in(article(body))[-1][1] == "Foreign Ministry"
    body = "“Blinken will travel to Israel on Saturday,” the State Department said in a statement."
    assert quotes_in(article(body))[-1][1] == "State Department"
    body = "“We are committed to the talks,” the Qatari Ministry of Foreign Affairs said."
    assert quotes_in(article(body))[-1][1] == "Qatari Ministry of Foreign Affairs"


def test_a_relative_named_in_an_appositive_is_not_the_speaker():
    body = ("“We are calling on the government to act swiftly and reach a deal,” Orna and Ronen Neutra, the parents "
            "of hostage Omer Neutra, said in a statement.")
    assert quotes_in(article(body))[0][1] == "Orna and Ronen Neutra"
    body = "“Every day without a deal is a day too many for our son,” the mother of hostage Omer Neutra said."
    assert quotes_in(article(body))[0][1] == "the mother of hostage Omer Neutra"


def test_an_outlet_citing_someone_passes_on_their_words():
    body = "“If the response is positive, the team will fly to Cairo at once,” the public broadcaster KAN said, citing an unnamed Israeli official."
    assert quotes_in(article(body))[-1][1] == "an unnamed Israeli official"
    # ... but a document or another outlet it cites speaks for no one new
    body = "“The talks will resume next week in Cairo,” KAN said, citing the Wall Street Journal."
    assert quotes_in(article(body))[-1][1] == "KAN"


@pytest.mark.parametrize("before, speaker", [
    ("Moussa Abu Marzouk said the medicines would go to several hospitals in the south.", "Moussa Abu Marzouk"),
    # ... or a title's, named as the article named its holder before
    ("Qatari Prime Minister Amal Nasser met the envoy in Doha.\n\nThe Qatari premier said that Doha has not yet received the reply.",
     "Amal Nasser"),
    # ... words cut from the speaker's sentence quoted in the report too
    ("Moussa Abu Marzouk said the medicines would go to “several hospitals in the south” on Sunday.", "Moussa Abu Marzouk"),
    # ... or a body's, or someone's named by one name ("Levy's brother Amit")
    ("In its statement on Sunday, Hamas said it was willing to “immediately begin intensive negotiations” to end the war, "
     "which Israel has rejected since Hamas made the offer.", "Hamas"),
    ("Levy's brother Amit told Reuters the videos were tough to watch.", "Amit"),
    # ... or "he" does, going on to say it: "He also expressed ..., pointing out that"
    ("“The crossing must open at once,” Moussa Abu Marzouk told reporters in Cairo.\n\nHe also expressed the group's anger at "
     "the delays, pointing out that the trucks had waited at the border for weeks.", "Moussa Abu Marzouk"),
    # ... but not after a paragraph that reports no one's words
    ("The medicines went to several hospitals in the south on Wednesday.", None),
    # ... nor one that quotes someone's sentence whole: their words are quoted there
    ("Moussa Abu Marzouk said the medicines would go to hospitals. “The Red Cross has the list of all of them,” said Dan Orr.", "Dan Orr"),
])
@pytest.mark.parametrize("alone", [
    "“The trucks will enter without Israeli inspection, and the Red Cross will deliver them.”",
    "“The trucks will enter without Israeli inspection, and the Red Cross will deliver them”.",  # the full stop after the mark
])
def test_a_quote_standing_alone_goes_on_with_the_report_before_it(before, speaker, alone):
    assert quotes_in(article(f"{before}\n\n{alone}"))[-1][1] == speaker


def test_a_relative_clause_after_a_quote_is_no_speaker():
    body = ("However, Hamas noted challenges in reaching an agreement, stating, “The occupation introduced new issues and "
            "conditions related to the withdrawal,” which it said “delayed reaching an agreement that had been within reach.”")
    assert [speaker for _, speaker, _ in quotes_in(article(body))][0] == "Hamas"
    assert "which it" not in [speaker for _, speaker, _ in quotes_in(article(body))]


def test_a_name_set_off_by_commas_speaks_in_the_quotes_own_sentence():
    body = ("Israel’s coordinator for the hostages, Dan Orr, told a broadcaster on Sunday that if all the hostages are returned, "
            "“I even believe that we will agree to a safe passage for him.”")
    assert quotes_in(article(body))[-1][1] == "Dan Orr"


def test_a_name_after_a_preposition_is_not_who_speaks():
    # "presented ... by US President Dan Orr, said:": Orr presented the plan; the source speaks
    body = ("A member of the Israeli negotiating team said the war would not end.\n\n"
            "This source, regarding the latest proposal to the group presented earlier this month by US President Dan Orr, "
            "said: “There will be no negotiations on any other plan, and nothing can change this plan.”")
    assert quotes_in(article(body))[-1][1] != "Dan Orr"
    body = "Speaking to reporters with Foreign Minister Dan Orr, Amal Nasser said: “The talks are serious and going well.”"
    assert quotes_in(article(body))[-1][1] == "Amal Nasser"


def test_the_office_is_whose_office_the_sentence_before_said_it_was():
    body = ("Prime Minister Dan Orr decided to recall the team from Doha after the talks reached a dead end, AFP reported "
            "from his office on Saturday.\n\nThe office said in a statement: “After the negotiations reached a dead end, "
            "the chief ordered his team in Doha to return.”")
    assert quotes_in(article(body))[-1][1] == "Dan Orr’s office"


def test_the_military_is_the_one_the_article_named_so_however_far_before():
    body = ("One body was not that of the hostage, Israel's military said on Friday.\n\n"
            "The remains of her two sons were identified, officials said.\n\n"
            "“This is a violation of the utmost severity by the terrorist organization,” the military said in a statement.")
    assert quotes_in(article(body))[-1][1] == "Israel's military"
    # a person so pointed to is only the one named in this paragraph or the one before: "the official"
    # far on may be another than the one named first
    body = ("Hamas official Bassem Naim said the group had been flexible.\n\nIsraeli officials said no list had come.\n\n"
            "The talks went on into the night.\n\n“I didn't hear optimism in the room at all,” the official said.")
    assert quotes_in(article(body))[-1][1] is None


def test_his_excellency_is_whom_the_article_addresses_so_by_name():
    body = ("Prime Minister and Minister of Foreign Affairs HE Sheikh Mohammed bin Abdulrahman Al-Thani said the attack "
            "ended all hope.\n\nHis Excellency added, in an interview with CNN, that “I think the attack killed any hope "
            "for the hostages.”\n\n“This is nothing but state terror,” His Excellency also said.\n\nHE the Prime Minister said that "
            "the talks would go on.\n\n“I was meeting one of the families that morning,” His Excellency said.")
    assert [who for _, who, _ in quotes_in(article(body))] == ["Mohammed bin Abdulrahman Al-Thani"] * 3
    # a title is no one's name: "he" after "HE the Prime Minister said" is not "Minister"
    body = ("Talks resumed in Doha on Monday.\n\nHE the Prime Minister said that the talks would go on.\n\n"
            "“We will keep working for a deal until the end,” he said.")
    assert quotes_in(article(body))[0][1] != "Minister"


@pytest.mark.parametrize("body, speaker", [
    ("Prime Minister Benjamin Netanyahu met the president. Netanyahu, standing beside him, issued a stern warning: "
     "“If Hamas rejects your plan, Israel will finish the job.”", "Netanyahu"),
    ("Crowds filled the square. Kate Fredy, wrapped in a flag, summed up the moment: "
     "\"It has taken a long time to get here.\"", "Kate Fredy"),
    ("President Donald Trump said a ceasefire would follow.\n\nHe also warned Hamas to move quickly: "
     "“I will not tolerate delay, which many think will happen.”", "Donald Trump"),
    # no one acts: no one speaks
    ("The White House is mildly optimistic: “Talks on Gaza are constructive, progress has been made.”", None),
    # a place acts for no one: "posters in Tel Aviv"
    ("Several posters in Tel Aviv criticised the prime minister's trip: “They are going through hell and you are on "
     "vacation in America”, one read.", None),
    # the office of someone acts, not the one it belongs to
    ("The office of Prime Minister Benjamin Netanyahu said in a one-sentence statement that it had made its position "
     "known but did not elaborate: “Israel has expressed to the United States its position on the talks.”", None),
])
def test_a_quote_a_sentence_introduces_with_a_colon_is_its_subjects(body, speaker):
    assert quotes_in(article(body))[-1][1] == speaker


@pytest.mark.parametrize("body, speaker", [
    # a body that opens the sentence speaks through the participle too
    ("Prime Minister Benjamin Netanyahu's office said it was “a wholly independent Israeli operation”, adding: "
     "“Israel initiated it, Israel conducted it, and Israel takes full responsibility.”", "Prime Minister Benjamin Netanyahu's office"),
    # and so does "he", who acted last
    ("“We are not an agent of Israel,” Adam Boehler said on Sunday.\n\nHe brushed aside the anger over the contacts, saying: "
     "“Sometimes you're in the area and you drop by to talk.”", "Adam Boehler"),
    # a description is no body
    ("A Palestinian Authority official criticized the plan, saying, “All Palestinians fall into two main camps, Fatah or Hamas.”",
     None),
    # the subject's appositive set off by dashes
    ("In Britain, the broadcaster Anna Lindqvist—who had backed the offensive—called the strike “a disgrace” in a post, "
     "adding, “The government must be stopped.”", "Anna Lindqvist"),
])
def test_a_quote_a_participle_introduces_is_the_sentence_subjects(body, speaker):
    assert quotes_in(article(body))[-1][1] == speaker


@pytest.mark.parametrize("body, speaker", [
    # the sentence just before says who spoke, though not in words _SPEAKS knows as a name
    ("Prime Minister Benjamin Netanyahu's office said on Saturday that its conditions had not changed.\n\n"
     "“A permanent ceasefire before these conditions are met is a non-starter,” the statement said.",
     "Prime Minister Benjamin Netanyahu's office"),
    # ... or the nearest sentence before it that mentions the statement
    ("In a statement on Friday, Hamas said its reply had been positive. The reply followed long consultations.\n\n"
     "“The movement affirms its keenness to continue negotiations,” the statement said.", "Hamas"),
    ("In a statement issued later, Qatar confirmed the success of its mediation.\n\n"
     "“The pause will start within 24 hours,” the statement said.", "Qatar"),
    ("Qatar, the United States and Egypt issued a joint statement on Friday evening after two days of talks.\n\n"
     "“These talks were serious and constructive,” the statement said.", "Qatar, the United States and Egypt"),
    # a pronoun names no one, so the sentence before it does
    ("In a statement, the Foreign Ministry said it had consulted the factions. It said it agreed to the plan.\n\n"
     "“We are ready to negotiate the details,” the statement read.", "Foreign Ministry"),
    # "read the Hamas statement": Hamas
    ("Hamas informed the mediators of its approval.\n\n"
     "“Ismail Haniyeh informed them of the movement's approval,” read the Hamas statement published on its website.", "Hamas"),
    # a statement that only a pronoun introduces may be another's: no one
    ("In a statement, Qatar announced the deal.\n\n“The pause will last four days,” the statement said.\n\n"
     "It confirmed that aid would enter Gaza.\n\n“The government is committed to bringing all the hostages home,” the statement read.",
     None),
    # a statement cited from a body a possessive names: the whole body, not "Qatar's"
    ("The prime minister met the delegation in Doha, AFP reported, citing a statement from Qatar's foreign ministry.\n\n"
     "“The latest developments in the negotiations were reviewed,” the statement said.", "Qatar's foreign ministry"),
    # "..., it said" passes the report on from the body the sentence before names
    ("The State Department said the two ministers reviewed the talks on the hostages.\n\n"
     "They also discussed the opening of new crossings into Gaza, it said.\n\n"
     "“The secretary stressed the need for this progress to be sustained,” the statement said.", "State Department"),
    ("President Dan Orr spoke with the emir on Sunday and the White House said they reviewed the talks.\n\n"
     "They also discussed the opening of new crossings into Gaza, it said.\n\n"
     "“The progress must be sustained,” the statement said.", "White House"),
    # a body a description in lower case introduces: "Palestinian militant group Hamas said"
    ("Palestinian militant group Hamas said on Tuesday it handed its response to the mediators.\n\n"
     "“A short while ago, the movement delivered its response to the brothers in Qatar and Egypt,” a statement said.", "Hamas"),
    # ... but not from a person: "it" is never one
    ("Envoy Dan Orr said the two sides reviewed the talks.\n\n"
     "They also discussed the opening of new crossings into Gaza, it said.\n\n"
     "“The progress must be sustained,” the statement said.", None),
])
def test_the_statement_is_whoever_the_sentences_before_say_issued_it(body, speaker):
    assert quotes_in(article(body))[-1][1] == speaker


@pytest.mark.parametrize("before", [
    "Qatar's Prime Minister Sheikh Mohammed said: ",
    "In Doha. Talks went on for hours, and the envoy told reporters on Monday, ",
    "Hamas, in a statement on its website, said that ",
    "The group said in a joint statement: ",
    "12 hours later, the army said ",
    "“It will not happen,” he said. Officials told Reuters: ",
    "No one spoke, and nothing was said. ",
    "",
    ", ; said: ",
])
def test_the_speaker_before_a_quote_is_found_as_search_would_find_it(before):
    from digest.summarize.quotes import _BEFORE, _from_run_starts

    expected = _BEFORE.search(before)
    found = _from_run_starts(_BEFORE, before)
    assert (found and (found.span(), found.group("who"))) == (expected and (expected.span(), expected.group("who")))


def test_a_title_that_speaks_is_the_person_the_article_gave_it_to():
    def speakers(body):
        return [who for _, who, _ in quotes_in(article(body))]

    assert speakers("Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al-Thani spoke in Doha.\n\n"
                    "“We hope this will be the last page of the war,” the prime minister added.") \
        == ["Mohammed bin Abdulrahman Al-Thani"]
    assert speakers("The deal was announced by Sheikh Mohammed bin Abdulrahman Al-Thani, the prime minister of Qatar.\n\n"
                    "“We hope this will be the last page of the war,” said the prime minister.") \
        == ["Mohammed bin Abdulrahman Al-Thani"]
    # a surname alone after the title, when the article names the person in full
    assert speakers("Donald Trump praised the mediators. The plan of US President Trump has 20 points.\n\n"
                    "“The whole world has come together on this one,” the US President said.") == ["Trump"]
    # the nearest holder of the title before the quote; none named, the title stays
    assert speakers("Prime Minister Benjamin Netanyahu met the team. Later, Qatari Prime Minister Mohammed Al-Thani called.\n\n"
                    "“The talks will go on,” the prime minister said.") == ["Mohammed Al-Thani"]
    assert speakers("“We will bring them all home,” the prime minister said.") == ["the prime minister"]
    # "PM" is a prime minister's title too, wherever it stands
    assert speakers("Qatari PM Sheikh Mohammed bin Abdulrahman Al Thani spoke to Sky News on Wednesday.\n\n"
                    "\"Yes, he made that clear,\" the PM said.") == ["Mohammed bin Abdulrahman Al Thani"]
    assert speakers("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani spoke to Sky News on Wednesday.\n\n"
                    "\"Yes, he made that clear,\" the PM said.") == ["Mohammed bin Abdulrahman Al Thani"]
    assert speakers("“We will bring them all home,” the PM said.") == ["the prime minister"]
    assert speakers("Trump wants it resolved now, says Qatari premier Sheikh Mohammed bin Abdulrahman Al Thani.\n\n"
                    "\"Yes, he made that clear,\" the prime minister said.") == ["Mohammed bin Abdulrahman Al Thani"]
    # ... with the family name's article in lower case and apart
    assert speakers("Trump wants it resolved now, says Qatari premier Sheikh Mohammed bin Jassim al Thani.\n\n"
                    "\"Yes, he made that clear,\" the PM said.") == ["Mohammed bin Jassim al Thani"]
    assert speakers("“We will bring them all home,” PM Benjamin Netanyahu said.") == ["Benjamin Netanyahu"]
    # a body is no title: the White House is not its spokeswoman
    assert speakers("White House Press Secretary Karoline Leavitt spoke on Monday.\n\n"
                    "“Talks are going on and we expect an answer this week,” the White House said.") == ["White House"]


def test_when_it_was_said_is_not_who_said_it():
    body = "“The delegation will go to Qatar” on Friday, the Israeli premier’s office said."
    assert quotes_in(article(body))[-1][1] == "the Israeli premier’s office"


def test_a_long_name_with_particles_speaks_whole():
    body = ("Thirty-three hostages will be freed in the first phase, Qatar’s Prime Minister Sheikh Mohammed bin "
            "Abdulrahman bin Jassim Al-Thani said.\n\n“We hope that this will be the last page of the war,” he said.")
    assert quotes_in(article(body))[-1][1] == "Mohammed bin Abdulrahman bin Jassim Al-Thani"


@pytest.mark.parametrize(("body", "speakers"), [
    ("Asked if a deal was close, Dan Orr said, “I hope so. Time will tell.”\n\n"
     "“There has been some movement because of the pressure we exerted on them.”", ["Dan Orr", "Dan Orr"]),
    # not when the paragraph before ended in the writer's own words
    ("“I hope so. Time will tell,” Dan Orr said, before the cabinet met on Sunday to discuss the plan.\n\n"
     "“There has been some movement because of the pressure we exerted on them.”", ["Dan Orr", None]),
    # ... but where or when the words were said is still the attribution
    ("“Negotiators continue to work, and the gaps are narrowing,” Dan Orr said, at a news conference in Cairo.\n\n"
     "“There is still difficult work to get there. But I continue to believe it is possible.”", ["Dan Orr", "Dan Orr"]),
    ("“There was progress to an extent in the situation,” Qatari Prime Minister and Foreign Minister Mohammed bin "
     "Abdulrahman Al Thani said at a news conference in Madrid with Spanish Foreign Minister Jose Manuel Albares.\n\n"
     "“We continue our efforts, and there have been successive meetings with the movement.”",
     ["Mohammed bin Abdulrahman Al Thani"] * 2),  # however long the title
    # the speaker named after the verb may be described: the attribution is still all there is
    ("“There will be no peaceful release of hostages,” said Sultan Barakat, a professor of public policy at "
     "Hamad Bin Khalifa University and an honorary professor at the University of York.\n\n"
     "“The careful calibration has sadly moved to avoiding the spread of a regional conflict.”",
     ["Sultan Barakat", "Sultan Barakat"]),
    # ... and so is what the speaker did in saying it
    ("“We are not the only target; the whole region is,” Hamad declared, accusing Israel of waging a war without limits.\n\n"
     "“Netanyahu talks about redrawing the map of the region, and that needs an answer.”", ["Hamad", "Hamad"]),
    ("“The team has full freedom to negotiate,” an Israeli official told the Post on Saturday night, regarding claims "
     "that the team had too narrow a mandate.\n\n“There is only one framework on the table, the envoy's proposal.”",
     ["an Israeli official"] * 2),
    # ... as is a paragraph that opens with a quote and goes on with that
    ("“We have a very short window of time in which a deal can happen,” Rubio said.\n\n"
     "“Our first choice is that this ends through a negotiated settlement,” repeating his stance of the day before.",
     ["Rubio"] * 2),
    # the quote that closed the paragraph before may be words cut from a sentence, told in the writer's
    ("“There is a proposal on the table for both sides to consider,” Sameh Shoukry said in Riyadh.\n\n"
     "“We are hopeful,” he added, explaining that “the proposal has taken the positions of both sides into account”.\n\n"
     "“We are waiting for a final decision. There are factors that will weigh on both sides.”",
     ["Sameh Shoukry"] * 3),  # the words cut from his sentence listed too, as a part
    ("Speaking to AFP, Majed al-Ansari said Doha was \"trying to use the momentum of the truce to restart the talks\".\n\n"
     "\"If we do not use this window of opportunity, it is an opportunity lost.\"", ["Majed al-Ansari"] * 2),
    # ... or that reports their words, as "he said"
    ("\"Nothing is clear yet about where the delegations will meet,\" Sheikh Mohammed said.\n\n"
     "Mediators have been talking to both sides by phone, he said.\n\n"
     "\"We hope to see some movement in the next few days, to reach an agreement in time.\"", ["Sheikh Mohammed"] * 2),
    # ... as "denied" does
    ("The prime minister's spokesperson, Omer Dostri, denied the reports in a post on X on Tuesday.\n\n"
     "\"Contrary to the wave of rumors, the prime minister is not in Cairo.\"", ["Omer Dostri"]),
    # ... not a phrase in quotation marks
    ("Hamas called the plan “a farce”.\n\n“We will go on talking to the mediators until the last day of the war.”", [None]),
    # so does one that opens with a whole quote, ending on a full stop
    ("“We are working to release all our hostages,” Netanyahu said.\n\n"
     "“This victory requires entry into Rafah. It will happen – there is a date.” He did not specify the date.",
     ["Netanyahu", "Netanyahu"]),
])
def test_a_paragraph_that_is_only_a_quote_goes_on_with_the_last_speaker(body, speakers):
    assert [who for _, who, _ in quotes_in(article(body))] == speakers


def test_he_in_the_lead_is_not_who_acts_after_it_when_someone_was_named_before():
    body = ("Adam Boehler spent the day on television defending his meetings. They had been \"very helpful\", he said, and "
            "in the line that will be remembered, \"We are the United States. We are not an agent of Israel.\"\n\n"
            "Hamas official Taher al-Nunu has said the meetings focused on one prisoner.")
    assert [who for _, who, _ in quotes_in(article(body))] != ["Taher al-Nunu"]


def test_a_quote_attributed_after_it_to_a_verb_not_of_speech_is_no_ones_guess():
    body = ("“We want Israel as an ally,” Vance said.\n\n"
            "“In the last year, we've had an unmatched alliance with the United States,” Netanyahu went on, praising the visit.")
    assert [who for _, who, _ in quotes_in(article(body))][1] != "Vance"


def test_more_ways_of_naming_who_speaks():
    def speakers(body):
        return [who for _, who, _ in quotes_in(article(body))]

    # "responded" is a verb of speech
    assert speakers("Mr Netanyahu responded on X: “Israel is in an existential war on multiple fronts.”") == ["Mr Netanyahu"]
    # a surname alone is the article's person written in full with "al-"; "he" is then that person
    assert speakers("Qatar's spokesman Majed al-Ansari met reporters.\n\n"
                    "“We expect the counter-proposal to reach Hamas soon,” Ansari said.\n\n"
                    "“It is too early to announce any successes,” he said.") == ["Ansari", "Ansari"]
    # a second quote after an attribution that describes its speaker goes on with that speaker
    assert speakers("“Everyone's incentives point the same way,” said Avner Golan, a former Israeli negotiator now at "
                    "Tel Aviv University's Institute for National Security Studies. “That hasn't happened before in this war.”") \
        == ["Avner Golan", "Avner Golan"]


@pytest.mark.parametrize(("body", "speakers"), [
    # a name in the possessive is whose something is, never who acts: the subject before it speaks
    ("Senior Hamas leader Ghazi Hamad spoke to Al Jazeera on Wednesday.\n\nThe Hamas leader brushed aside President Donald Trump’s "
     "latest warnings, insisting: “We are not afraid of threats and we will not change our position.”\n\n"
     "He said a deal needed an end to the war. “Whoever wants the captives home must stop the war first,” he said.",
     ["Ghazi Hamad", "Ghazi Hamad"]),
    # ... and where the text gives no name, the person as the sentence describes them, not their body
    ("The Hamas leader brushed aside President Donald Trump’s latest warnings, insisting: “We are not afraid of "
     "threats and we will not change our position.”", ["the Hamas leader"]),
    # where or in which language someone spoke, between the verb and the quote
    ("The Israel Defense Forces posted in Hebrew that: “Subject to the terms of the agreement, the pause will continue "
     "for another day.”", ["the Israel Defense Forces"]),
    ("Hamas stated in a press release, “The occupation alone bears responsibility for the collapse of the talks.”",
     ["Hamas"]),
    # a quote that opens a sentence the writer goes on with: the speaker is after the last comma
    ("Hamas said it would free a captive, as mediators had long urged Hamas to do.\n\n“The soldier, who also holds US citizenship, will be freed as part of the "
     "efforts for a truce” and the opening of the crossings, the Palestinian movement said in a statement.", ["Hamas"]),
    # "a statement" is the one the sentences before say was issued, like "the statement"
    ("Israeli negotiators were in Cairo on Sunday, Prime Minister Benjamin Netanyahu’s office said.\n\n"
     "“The team is meeting senior Egyptian officials to discuss the hostages,” a statement said.",
     ["Prime Minister Benjamin Netanyahu’s office"]),
    # "the Forum" in capitals points back like "the forum"
    ("The Hostages and Missing Families Forum said the group had broken its promise.\n\n"
     "“We cannot move forward until every family has closure,” the Forum concluded.",
     ["Hostages and Missing Families Forum"]),
    # "the group" after a weekday's statement from a body is that body
    ("Sunday's statement from the Al-Qassam Brigades held Israel responsible for the clashes.\n\n“The enemy must know "
     "that the word surrender does not exist in our dictionary,” the group said.", ["the Al-Qassam Brigades"]),
    # a portfolio after "Envoy for" is no part of the name
    ("If the deal is refused, “Israel is going to take some kinetic action,” U.S. Special Envoy for Hostage Response "
     "Adam Boehler warned on Sunday.", ["Adam Boehler"]),
    # "it" after "The Forum said" is the forum the article named in full
    ("The Hostages and Missing Families Forum of Israel expressed shock at the decision.\n\nThe Forum said in a "
     "statement that “the families were shocked by the report”.\n\n“This comes on top of the request to meet the "
     "prime minister, which was ignored,” it added.", ["Hostages and Missing Families Forum"]),
    # less common verbs of speech after "he"
    ("Ghazi Hamad accused Washington of bias. “The American mediator had no credibility with us at all,” he charged.",
     ["Ghazi Hamad"]),
    ("Ghazi Hamad attacked the mediator’s role. “The American mediator had no credibility with us at all,” he alleged.",
     ["Ghazi Hamad"]),
    # "confirmed" after the quote, and a body's initials in brackets are no part of its name
    ("The crossing is run by “Palestinians who are not affiliated with the group, under security oversight,” the "
     "Prime Minister’s Office (PMO) confirmed.", ["Prime Minister’s Office"]),
    # the day and date after the verb are when, not who
    ("“We want an agreement that ends the war for good,” said on Tuesday, March 12, the spokesperson of the Qatari "
     "foreign ministry, Majed al-Ansari.", ["Majed al-Ansari"]),
])
def test_who_speaks_past_possessives_places_dates_and_rarer_verbs(body, speakers):
    assert [who for _, who, _ in quotes_in(article(body))] == speakers


@pytest.mark.parametrize(("body", "speaker"), [
    # "Senior Hamas official ..." makes no person of Hamas: the group the statement came from is Hamas
    ("Hamas has agreed to free all the captives, in a reply that drew praise from the mediators.\n\n"
     "In a statement issued on Friday, the group said it had consulted the other factions. It said it agreed to the "
     "exchange formula.\n\n“The movement is ready to enter negotiations on the details at once,” the statement said.\n\n"
     "Senior Hamas official Musa Saleh said the reply was final, and Hamas would not change it.", "Hamas"),
    # a statement released by an office the text names in lower case
    ("The team in Doha was told to come home.\n\n“Due to the impasse in the talks, the director ordered the team to "
     "return,” according to a statement released by the premier’s office.\n\n“The other side did not meet its "
     "obligations under the agreement,” the statement added.", "the premier’s office"),
    # ... or by whoever the sentence before the one that cites it says announced it
    ("The negotiators will return home from Cairo, the Israeli Prime Minister’s Office announced Tuesday.\n\n"
     "The delegation returns after another round of talks, per the statement.\n\n"
     "“Under useful Egyptian mediation, the delegation worked on an updated proposal,” the statement continued.",
     "Israeli Prime Minister’s Office"),
])
def test_the_statement_is_the_one_the_text_says_was_issued(body, speaker):
    assert quotes_in(article(body))[-1][1] == speaker


def test_he_is_a_person_never_the_body_that_spoke_last():
    body = ("Leo Brandt, the envoy, warned of “hell to pay” if Hamas did not comply.\n\n"
            "Brandt has the authority to talk to anyone, the White House said when asked.\n\n"
            "“Not a single member will be safe if you don’t do as I say,” he said.")
    assert quotes_in(article(body))[-1][1] == "Leo Brandt"


def test_spellings_of_one_name_are_one_speaker():
    # "Al-Nono" and "Nono", "Majed Al-Ansari" and "Majed al-Ansari" are one person each; so are
    # transliterations that differ in their vowels ("Majid")
    assert speakers("Adviser Taher Al-Nono confirmed the talks.\n\n“Several meetings have already taken place in Doha,” Nono said.",
                    "“We need more time for this at the moment,” spokesman Majed Al-Ansari said.",
                    "Majed al-Ansari spoke in Doha. “The mediation teams are working around the clock,” Ansari said.") \
        == ["Majed Al-Ansari", "Majed Al-Ansari", "Taher Al-Nono"]
    assert speakers("“Displaced residents will return on Monday,” spokesman Majid Al-Ansari said.",
                    "“Hamas will hand over Arbel Yehud by Friday,” Al-Ansari added.",
                    "Qatar's spokesman Majed Al-Ansari said the deal holds.") == ["Majid Al-Ansari", "Majid Al-Ansari"]
    # one spelling far more common than another is the name; two names written as often are two people
    often = " ".join(["Envoy Steve Witkoff met them."] * 3)
    assert speakers(often + " Steven Witkoff left.\n\n“We have narrowed the gaps to one issue now,” Witkoff said.") == ["Steve Witkoff"]
    assert speakers("Envoy Steve Witkoff met them. Steven Witkoff left.\n\n“We have narrowed the gaps to one issue now,” Witkoff said.") \
        == ["Witkoff"]


def test_the_remains_of_hostages_count_dead_hostages():
    found = find_figures("The deal frees 10 living hostages and returns the remains of 18 others.")
    assert [(value, what, category) for value, what, category, _ in found] == [
        ("10", "living hostages (released)", "hostages"), ("18", "hostages (dead)", "hostages")]  # not "others"
    # without hostages in the sentence, bodies are people; so are bodies said to be someone else's
    assert [category for *_, category, _ in find_figures("Rescuers recovered the bodies of 18 people.")] == ["people"]
    assert [category for *_, category, _ in find_figures("Israel returned 45 bodies of Palestinians for the hostage.")] == ["people"]
    # the remains of Palestinians that Israel hands back are not dead hostages
    found = find_figures("For every deceased hostage returned, Israel is handing back the bodies of 15 Palestinians.")
    assert [(what, category) for _, what, category, _ in found] == [("Palestinians (remains)", "people")]


def test_deaths_from_hunger_are_not_counted_as_killed():
    def read(sentence):
        return [(value, what, category) for value, what, category, _ in find_figures(sentence)]

    assert read("At least 263 people, including 112 children, have died of starvation and malnutrition.") == [
        ("At least 263", "people died of hunger", "hunger"), ("112", "children died of hunger", "hunger")]
    assert read("Four more people had died of malnutrition in the past day, raising such deaths to 197, "
                "including 96 children.")[-1] == ("96", "children died of hunger", "hunger")
    assert read("The ministry said nine people had died of hunger in the past 24 hours.")[0][2] == "hunger"
    # hunger around a toll of strikes does not make it one
    assert read("Israeli strikes killed 40 people waiting for food aid on Tuesday, as hunger spread.") == [
        ("40", "people killed", "killed")]
    assert read("More than 64,000 Palestinians have been killed, and a famine has been declared in Gaza City.")[0][2] == "killed"


def test_israeli_prisoners_are_the_hostages_and_one_sum_of_money_is_one_row():
    assert [category for *_, category, _ in find_figures("In phase one, Hamas will release 33 Israeli prisoners, "
                                                         "including civilian women.")] == ["hostages"]
    assert [category for *_, category, _ in find_figures("Israel freed 90 Palestinian prisoners from Israeli jails.")] \
        == ["prisoners"]
    figures = figures_of("Arab leaders endorsed Egypt's $53 billion reconstruction plan on Tuesday, officials said.",
                         "The plan would cost $53 billion over five years, the summit said.", category="dollars")
    assert [(f.value, f.sources) for f in figures] == [("$53 billion", (0, 1))]


def test_a_part_named_after_the_captives_is_captives():
    found = find_figures("Around 100 hostages remain in Gaza, including seven Americans, four of whom are alive.")
    assert [(value, what, category) for value, what, category, _ in found][1] == ("seven", "Americans (held)", "hostages")
    found = find_figures("Israel wants the first batch of hostages to include five female soldiers, officials said.")
    assert [category for *_, category, _ in found] == ["hostages"]
    # a count after "including" with no captives before it stays what it was
    assert [category for *_, category, _ in find_figures("The delegation, including seven Americans, met on Monday.")] \
        == ["people"]


def test_captives_with_a_fate_come_before_a_count_with_none():
    figures = figures_of("Hamas took some 250 hostages into Gaza in the attack, officials said.",
                         "About 120 hostages are still held in Gaza, Israel says.", category="hostages")
    assert [f.value for f in figures] == ["about 120", "some 250"]


def test_others_counted_beside_captives_are_captives():
    def read(sentence):
        return [(value, what, category) for value, what, category, _ in find_figures(sentence)]

    assert read("Hamas freed 13 Israeli hostages and 11 others, mostly Thai farm workers, on Friday.") == [
        ("13", "Israeli hostages (released)", "hostages"), ("11", "hostages (released)", "hostages")]
    assert read("Israel released 90 Palestinian prisoners and 110 others on Sunday.")[1][1:] == ("prisoners (released)", "prisoners")
    # others beside the killed are people with their own fate; counted for something else, they stay others
    assert read("Five soldiers were killed and 12 others wounded in the attack on Sunday.")[1][1] == "people injured"
    assert read("Israel will free 30 Palestinian prisoners for each hostage and 50 others for each soldier.")[1][1:] \
        == ("others for each soldier", "people")


@pytest.mark.parametrize(("sentence", "what"), [
    # hostages counted by their death or their bodies are dead
    ("Hamas handed over the bodies of four hostages on Thursday.", "hostages (dead)"),  # not released
    ("Hamas will hand over the remains of 18 deceased captives.", "deceased captives"),
    ("The bodies of 13 hostages remain in Gaza.", "hostages (dead)"),  # not held alive
    ("Bodies of four more hostages were handed over on Thursday.", "more hostages (dead)"),
    ("Hamas will hand over 18 bodies once the living hostages are home.", "hostages (dead)"),
    ("The White House weighed a final proposal after the killing of six hostages.", "hostages (dead)"),
    ("Protests followed the execution of Hersh Goldberg-Polin and five other hostages.", "other hostages (dead)"),
    ("Netanyahu asked the families of six hostages whose bodies were recovered for forgiveness.", "hostages (dead)"),
    # held: "holds", "in its prisons"
    ("According to Israeli counts, Hamas holds 115 hostages.", "hostages (held)"),
    ("Israel has more than 10,000 Palestinians in its prisons, rights groups say.", "Palestinians (held)"),
    # the fate is read past who the counted are
    ("At least 42,924 Palestinians, a majority of them civilians, have been killed in the offensive.", "Palestinians killed"),
    ("More than 46,700 Palestinians, most of them women and children, have been killed.", "Palestinians killed"),
    # an aside that says what happened to some of them is still read
    ("About 1.4 million people, many of them displaced several times already, live in the city.", "people displaced"),
    ("Airstrikes that kill 300 civilians a week have drawn condemnation.", "civilians killed a week"),
    ("Outlets gave less weight to the 210 reportedly murdered Palestinians.", "reportedly murdered Palestinians"),
    # a fate the counted are named by is not said twice
    ("Doctors treated more than 100 wounded Palestinians overnight.", "wounded Palestinians"),
    # a fate after the count is its own only up to the next clause
    ("The strip has 2.3 million people, and the death toll climbs daily.", "people"),
])
def test_what_happened_to_the_counted(sentence, what):
    assert [w for _, w, *_ in find_figures(sentence)] == [what]


@pytest.mark.parametrize("sentence", [
    "Israel flattened Gaza, home to about 2.3 million people, and the death of the Gazans went on.",
    "The war left about two-thirds of its 2.3 million people homeless.",
    "The fighting has displaced most of Gaza’s 2.3 million people.",
    "The strip has a population of 2.3 million people.",
    "The plan would keep the strip's roughly 2 million Palestinians on their land, officials said.",
    "Trump proposed to move its roughly two million residents to Egypt and Jordan.",
    "Israel will not run the civil administration of the more than two million Palestinians in Gaza.",
    "Until then, the 2.2 million people of Gaza, where the death toll rose this week, wait.",
    "The monitor said the entire population of Gaza, some 2.2 million people, faces hunger.",
    "Israel blocked all aid from entering the territory of 2.3 million people.",
])
def test_who_lives_somewhere_is_no_figure_of_the_news(sentence):
    assert find_figures(sentence) == []


def test_a_count_a_place_is_said_to_have_is_news_below_a_million():
    assert [what for _, what, *_ in find_figures("The army ordered its 100,000 people in Rafah's east to leave on Monday.")] \
        == ["people"]


def test_a_fate_verb_before_the_next_count_is_that_count_s():
    found = find_figures("The raid, carried out to free four Israeli captives, killed at least 274 Palestinians and "
                         "wounded 698 others, the ministry said.")
    assert [what for _, what, *_ in found] == ["Israeli captives (released)", "Palestinians killed", "people injured"]
    # others taken hostage beside the killed are people taken hostage, as a row reads them
    found = find_figures("About 1,200 people were killed and 251 others were taken hostage in the attack.")
    assert [what for _, what, *_ in found] == ["people killed", "people taken hostage"]
    # the verb before the count is still the count's own
    assert [what for _, what, *_ in find_figures("The strike killed three hostages, Hamas said.")] == ["hostages (dead)"]


def test_a_death_named_before_another_count_is_not_its_fate():
    found = find_figures("The war caused the deaths of 40,000 Palestinians, and the release of 33 hostages is planned.")
    assert [what for _, what, *_ in found][-1] == "hostages (released)"




def test_his_excellency_is_no_pronoun():
    text = "HE the Prime Minister Sheikh Mohammed announced the deal at a press conference on Wednesday."
    assert context_penalty(text, words(text)) == (1.0, ())


def test_held_by_says_who_holds_them_not_what_happens_to_them():
    found = find_figures("“As part of this agreement, 10 living prisoners of the occupation held by the resistance "
                         "will be released,” it added.")
    assert [(value, what) for value, what, *_ in found] == [("10", "living prisoners (to be released)")]
    assert [what for _, what, *_ in find_figures("About 59 hostages held by Hamas remain in Gaza.")] == ["hostages (held)"]
    assert [what for _, what, *_ in find_figures("Israel says 59 hostages are held by Hamas.")] == ["hostages (held)"]


def test_a_quote_inside_the_writers_sentence_is_spoken_by_whom_the_sentence_names():
    found = speakers_by_opening(
        "\"Hamas has no problem, but it wants guarantees Israel agrees to begin the talks on the second phase\" "
        "leading to an end to the war, the Egyptian source said.\n\n"
        "“The talks will resume next week in Cairo,” an Israeli official, speaking on condition of anonymity, said.")
    assert found == {"Hamas has no problem": "the Egyptian source", "The talks will resum": "an Israeli official"}


@pytest.mark.parametrize(("sentence", "what"), [
    ("Barnea offered safe passage in exchange for releasing the 101 hostages still in captivity.", "hostages (held)"),
    ("The plan calls for Hamas to free all 48 hostages still held in Gaza within 72 hours.", "hostages (held)"),
    ("Israel offered a 45-day truce in exchange for Hamas releasing 11 Israeli hostages still held in Gaza.",
     "Israeli hostages (to be released)"),
])
def test_hostages_still_held_are_held_when_they_are_the_whole(sentence, what):
    assert [w for _, w, category, _ in find_figures(sentence) if category == "hostages"] == [what]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("136 people including 20 women, 2 children, and 114 men were still being held captive in Gaza when the truce ended.",
     [("136", "people (held)", "hostages"), ("20", "women", "people"), ("2", "children", "people"), ("114", "men", "people")]),
    ("Some 130 people remain in captivity in Gaza.", [("Some 130", "people (held)", "hostages")]),
    ("Hamas still holds 59 hostages, including 35 who are confirmed dead by the army.", [("59", "hostages (held)", "hostages")]),
    ("Hamas is holding 130 people in Gaza.", [("130", "people", "people")]),  # no captivity said of them
    # ... or held in Gaza, or by Hamas, with no verb
    ("The forum on Tuesday confirmed the deaths of 31 people held in Gaza.", [("31", "people (dead)", "hostages")]),
    ("There are 136 people still held by Hamas, officials said.", [("136", "people (held)", "hostages")]),
    ("A rally of 300 people held in Gaza City on Friday called for a deal.", [("300", "people", "people")]),
    ("The deal would see the release of 10 living hostages and the bodies of 18 others held in Gaza.",
     [("10", "living hostages (to be released)", "hostages"), ("18", "hostages (dead)", "hostages")]),
    # ... or still captive, or held in Gaza after a verb, or believed to be
    ("Some 100 Israelis are still captive inside Gaza, officials said.", [("Some 100", "Israelis (held)", "hostages")]),
    ("Israel believes that 134 Israelis are still being held in Gaza.", [("134", "Israelis (held)", "hostages")]),
    ("There are still seven Americans believed to be held in Gaza.", [("seven", "Americans (held)", "hostages")]),
])
def test_people_held_captive_are_hostages_held_past_the_parts_listed(sentence, expected):
    assert [(value, what, category) for value, what, category, _ in find_figures(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # what someone screams or says is not what befell a count beside it
    ("The video showed her seated between two men on a motorcycle as she screamed, “Don’t kill me!”", [("two", "men", "people")]),
    ('A video of her being abducted, screaming "don\'t kill me", was shared widely among 300 people.', [("300", "people", "people")]),
    # a count inside the quotation, and a fate in quotation marks said of the count, stay
    ("The army said: “Two soldiers were killed in the clash.”", [("Two", "soldiers killed", "killed")]),
    ('Hamas said the four hostages were "killed in Israeli strikes".', [("four", "hostages (dead)", "hostages")]),
])
def test_a_fate_in_words_someone_utters_is_not_the_count_s(sentence, expected):
    assert [(value, what, category) for value, what, category, _ in find_figures(sentence)] == expected


def test_what_whose_follows_is_counted_not_the_people_after_it():
    assert find_figures("The leaders of 16 other nations whose citizens are held hostage by Hamas called for a deal.") == []
    assert find_figures("Leaders of 17 countries whose citizens are held in Gaza released a joint statement.") == []


def test_a_list_item_s_mark_is_not_part_of_its_sentence():
    body = (
        "Key points:\n\n"
        "• Hamas told Qatari and Egyptian mediators it accepts their ceasefire proposal.\n\n"
        "- Israeli tanks seized the Gaza side of the Rafah crossing on Tuesday, the army said.\n\n"
        "* “We will send a delegation to Cairo,” an Israeli official said on Monday evening.\n\n"
        "– 35 trucks of aid entered the Gaza Strip through Kerem Shalom on Monday, the UN said.\n\n"
        "- and then the talks broke up without any statement from either delegation."
    )
    candidates, _ = extract_candidates([article(body)])
    by_start = {c.text.split()[0]: c for c in candidates}
    assert [c.text for c in candidates][:4] == [
        "Hamas told Qatari and Egyptian mediators it accepts their ceasefire proposal.",
        "Israeli tanks seized the Gaza side of the Rafah crossing on Tuesday, the army said.",
        "“We will send a delegation to Cairo,” an Israeli official said on Monday evening.",
        "35 trucks of aid entered the Gaza Strip through Kerem Shalom on Monday, the UN said.",
    ]
    assert by_start["Israeli"].penalty == 1.0  # not read as a sentence cut at its start
    # a dash before lower case is no list mark: what follows is a fragment, and stays penalised as one
    assert "starts mid-sentence" in by_start["-"].reasons


@pytest.mark.parametrize("text,rows", [
    # people freed say so, each group as itself: the two sides' releases are two things
    ("Over the first three days of the truce, Hamas freed 39 Israeli women and children, while Israel released 117 "
     "Palestinian women and teenagers.",
     [("39", "Israeli women and children released"), ("117", "Palestinian women and teenagers released")]),
    ("In November, 110 hostages were released from Gaza in return for 240 Palestinians released from Israeli captivity.",
     [("110", "hostages (released)"), ("240", "Palestinians released")]),
    ("In return, Israel has handed over 135 Palestinian bodies, health officials said.", [("135", "Palestinian bodies returned")]),
    # a fate in another clause is not theirs
    ("Hamas demanded the release of its fighters, and 30 people were killed in strikes on Sunday.", [("30", "people killed")]),
])
def test_people_freed_or_returned_are_counted_so(text, rows):
    found = find_figures(text)
    assert [(value, what) for value, what, *_ in found if what != "days"] == rows
    released = [key for _, what, _, key in found if what.endswith("released") and "(" not in what]
    assert len(set(released)) == len(released)  # Israeli and Palestinian releases are not one figure


@pytest.mark.parametrize("text,what", [
    ("Israel released 90 Palestinian women and children from Ofer prison on Sunday.", "Palestinian women and children (released)"),
    ("The strike killed 20 women and children in Rafah, the civil defence said.", "women and children killed"),
    ("Israel freed 39 women and minors held in its jails, the prison service said.", "women and minors (released)"),
    # two counts stay two
    ("The strike killed 20 women and 15 children, the civil defence said.", "women killed"),
])
def test_a_count_of_two_groups_joined_by_and_names_both(text, what):
    assert find_figures(text)[0][1] == what


def test_a_figure_that_opens_its_sentence_prints_in_lower_case_as_the_other_rows():
    figures = figures_of("At least 39,699 Palestinians have been killed in Gaza, the health ministry said.",
                         "Three Israeli hostages were freed on Saturday in exchange for prisoners.",
                         "A total of 183 Palestinian prisoners were released from Israeli jails, officials said.",
                         "USD 53 billion would be needed to rebuild Gaza, the plan estimates.",
                         "Fifty-nine hostages remain in Gaza, Israel says.")
    assert {f.value for f in figures} >= {"at least 39,699", "three", "a total of 183", "USD 53 billion", "fifty-nine"}


def test_prisoners_jailed_for_killing_are_released_not_dead():
    # "for killing Israelis" is what the prisoners did, not what befell them
    found = {value: what for value, what, *_ in find_figures(
        "Israel will free 250 Palestinian prisoners serving life sentences for killing Israelis, officials said.")}
    assert found == {"250": "Palestinian prisoners (to be released)"}
    found = {value: category for value, _, category, _ in find_figures(
        "Hamas asked for the release of 200 Palestinians convicted of killing soldiers, Channel 12 reported.")}
    assert found == {"200": "people"}
    # told before the count, the killing is the count's
    assert [(value, category) for value, _, category, _ in find_figures(
        "Hamas is responsible for killing 1,200 people in the attack.")] == [("1,200", "killed")]


def test_a_duration_names_the_thing_that_lasts_past_its_adjectives():
    assert [(value, what) for value, what, *_ in find_figures(
        "Hamas discussed a proposed two-month partial deal with the Qatari mediators.")] == [("two-month", "deal")]


def test_durations_that_say_nothing_of_what_lasts_dispute_nothing():
    figures = figures_of("Egyptian television reported that the delegations would return within two days to finalize the ceasefire agreement.",
                         "A senior Egyptian official said the ceasefire talks would continue for another three days.",
                         "The deal provides for a 60-day truce, officials said.",
                         "The proposal includes a 45-day truce, Hamas said.")
    assert {(f.value, f.disputed) for f in figures} == {
        ("two", False), ("another three", False), ("60-day", True), ("45-day", True)}


def test_a_headline_in_title_case_gives_no_full_name():
    # "Negotiations With 'Selfish' Hamas" reads like a name ending in "Hamas"; "Hamas said" is Hamas
    group = [article("“The movement affirms its keenness to continue negotiations,” Hamas added in a statement.",
                     "Trump Admin Walks Away From Ceasefire Negotiations With 'Selfish' Hamas, Recalls Diplomats")]
    candidates, _ = extract_candidates(group)
    assert [q.speaker for q in extract_quotes(group, candidates, np.ones(len(candidates)))] == ["Hamas"]


def test_a_headline_whose_first_word_is_a_compound_gives_no_full_name():
    # "High-level Hamas leadership delegation ..." opens like a name ending in "Hamas"
    group = [article("In a written statement, Hamas said, “The delegation began meetings with Egyptian officials on a deal.”",
                     "Hamas delegation arrives in Cairo"),
             article("The delegation held ten hours of talks with the Egyptian mediator.",
                     "High-level Hamas leadership delegation holds lengthy talks in Cairo")]
    candidates, _ = extract_candidates(group)
    assert [q.speaker for q in extract_quotes(group, candidates, np.ones(len(candidates)))] == ["Hamas"]


def test_hostages_taken_in_the_attack_come_after_the_day_s_count():
    figures = figures_of("Militants took 251 hostages in the attack, officials said.",
                         "Militants took 251 hostages in the attack, the army said.",
                         "Hamas is still holding 59 hostages in Gaza, officials said.", category="hostages")
    assert [(f.value, f.what) for f in figures] == [("59", "hostages (held)"), ("251", "hostages (taken)")]


def test_one_speaker_spelled_two_ways_is_one_speaker_named_as_most_quotes_name_him():
    assert speakers("“There will be no real peace without a Palestinian state,” said Abdel Fattah el-Sissi.",
                    "“Aid must enter Gaza as soon as possible,” said Abdel Fattah al-Sisi.",
                    "“Egypt will keep working for a ceasefire in Gaza,” said Abdel Fattah al-Sisi.") \
        == ["Abdel Fattah al-Sisi"] * 3
    # ... and so is a name written with more or less of its middle, but not two that differ in it
    assert speakers("“We have seen insults against our mediation,” said Mohammed bin Abdulrahman bin Jassim Al Thani.",
                    "“Qatar will evaluate its role as a mediator,” said Mohammed bin Abdul Rahman Al Thani.",
                    "“The talks have reached a delicate phase,” said Mohammed bin Abdulrahman bin Jassim Al Thani.") \
        == ["Mohammed bin Abdulrahman bin Jassim Al Thani"] * 3
    assert speakers("“The kingdom stands with the Palestinian people,” said Mohammed bin Salman Al Saud.",
                    "“Security cooperation will go on as before,” said Mohammed bin Nayef Al Saud.") \
        == ["Mohammed bin Nayef Al Saud", "Mohammed bin Salman Al Saud"]
    # a first name and the father's alone ("Mohammed bin Abdulrahman") is the one man named in full so
    assert speakers("“There have been successive meetings with the movement,” said Mohammed bin Abdulrahman.",
                    "“Once we reach a formula, we will take it to the other side,” said Sheikh Mohammed bin Abdulrahman "
                    "bin Jassim Al Thani.") == ["Mohammed bin Abdulrahman bin Jassim Al Thani"] * 2
    assert speakers("“There have been successive meetings with the movement,” said Mohammed bin Abdulrahman.",
                    "“The kingdom stands with the Palestinian people,” said Mohammed bin Salman Al Saud.") \
        == ["Mohammed bin Abdulrahman", "Mohammed bin Salman Al Saud"]
    # ... and so is "Sheikh Mohammed", though the group writes both
    assert speakers("“There have been successive meetings with the movement,” said Mohammed bin Abdulrahman.",
                    "“Once we reach a formula, we will take it to the other side,” said Mohammed bin Abdulrahman Al-Thani.",
                    "“We are almost at a stalemate,” Sheikh Mohammed said.") == ["Mohammed bin Abdulrahman Al-Thani"] * 3


def test_a_first_name_or_another_spelling_alone_is_the_person_named_in_full():
    # "Einav said", as features name a relative the second time; a surname spelled with one letter less
    assert speakers("Einav Mozes, the daughter-in-law of hostage Gadi Mozes, spoke on Wednesday.\n\n"
                    "“Gadi entered captivity a healthy person, but I do not know how he will get out,” Einav said.") \
        == ["Einav Mozes"]
    # ... but a country is no first name: "Israel said" is not Israel Katz
    assert speakers("“We will not allow the hostages to be abandoned,” Israel said in a statement.",
                    "Defence Minister Israel Katz spoke in Tel Aviv after talks with Israel's allies in Israel.\n\n"
                    "“We will act with force,” said Israel Katz.") == ["Israel", "Israel Katz"]
    assert speakers("“We reject any non-Palestinian presence in Gaza,” said Khalil al-Hayya.",
                    "“Hamas wants to join the Palestine Liberation Organization,” Al-Haya said.") == ["Khalil al-Hayya"] * 2


def test_a_pull_quote_gives_way_to_the_same_words_with_their_speaker():
    group = [article("“Qatar can press Hamas as no one else can. They host its leaders.”\n\n"
                     "The prime minister spoke to a conference of Jewish leaders on Sunday.\n\n"
                     "“Qatar can press Hamas as no one else can. They host its leaders,” Dan Orr said.", "a")]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert [q.speaker for q in quotes] == ["Dan Orr"]


def test_the_same_quote_is_given_to_whom_an_article_names_rather_than_describes():
    said = "We are fed up with the indifference and the deadlock over the talks"
    group = [article(f"Families of some of the hostages were outraged by the decision. “{said},” a spokeswoman said.", "a"),
             article(f"The Hostages and Missing Families Forum said: “{said}.”", "b"),
             article(f"Relatives marched in Tel Aviv on Sunday. “{said},” one marcher said.", "c")]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert [q.speaker for q in quotes] == ["the Hostages and Missing Families Forum"]


@pytest.mark.parametrize("order", [1, -1])
def test_the_same_quote_told_of_two_descriptions_is_given_to_the_fuller(order):
    said = "The team will keep working with the mediators to narrow the gaps"
    group = [article(f"The team flew to Doha on Monday, a source said.\n\n“{said},” the source explained.", "a"),
             article(f"An Israeli security source told the paper: “{said}.”", "b")][::order]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert [q.speaker for q in quotes] == ["an Israeli security source"]


@pytest.mark.parametrize(("speaker", "described"), [
    ("the Hostages and Missing Families Forum", False), ("the Prime Minister’s Office", False), ("Majed al-Ansari", False),
    ("al-Hindi", False), ("the Qatari Prime Minister", True), ("the White House", True), ("a source", True),
    ("families of some of the hostages", True), (None, True),
])
def test_a_body_s_name_is_named_and_a_title_described(speaker, described):
    assert _described(speaker) is described


def test_a_quote_taken_from_someone_described_is_named_by_his_second_quote_passed_over():
    # Ansari's second quote is the official's remark in other words: the list names him for it
    group = [article("“Any operation in Rafah now will be a humanitarian catastrophe,” said Majed al-Ansari.", "a"),
             article("“I don't think we are at a moment where we can say we are close to a deal,” the Qatari official said.", "b"),
             article("“I do not think we have reached a moment where we can say we are close to an agreement,” "
                     "said Majed al-Ansari.", "c"),
             *(article(f"“{words},” said {name}.", name) for words, name in (
                 ("The cabinet must approve the deal before the weekend", "Yair Lapid"),
                 ("Washington remains committed to bringing every hostage home", "John Kirby"),
                 ("Our answer to the mediators was positive and clear", "Basem Naim")))]
    candidates, _ = extract_candidates(group)
    quotes = extract_quotes(group, candidates, np.ones(len(candidates)))
    assert [(q.speaker, q.source) for q in quotes] == [
        ("Majed al-Ansari", 0), ("Majed al-Ansari", 2), ("Yair Lapid", 3), ("John Kirby", 4), ("Basem Naim", 5)]



def test_captives_whose_release_is_denied_are_held_and_a_head_count_joins_the_count_with_its_fate():
    found = {value: what for value, what, *_ in find_figures(
        "The offer stipulates that Israel will not agree to end the war, nor release all 6,000 Palestinian security prisoners.")}
    assert found == {"all 6,000": "Palestinian security prisoners (held)"}
    assert [what for _, what, *_ in find_figures("Israel will not agree to release all 6,000 Palestinian prisoners.")] \
        == ["Palestinian prisoners (held)"]
    figures = figures_of("Hamas accused Israel after it refused to release 620 Palestinian detainees on Saturday.",
                         "Israel delayed the release of 620 Palestinian prisoners for several hours.",
                         "The 620 Palestinians were released on Thursday, officials said.")
    assert sorted((f.value, f.what, f.sources) for f in figures) == [
        ("620", "Palestinian detainees (held)", (0,)), ("620", "Palestinian prisoners (released)", (1, 2))]


@pytest.mark.parametrize(("one", "other"), [
    ("The captives will be freed during a six-week cease-fire under the Egyptian plan, officials said on Sunday.",
     "The hostages will be freed during a six-week ceasefire under the plan put forward by Egypt, officials said on Sunday."),
    ("Hamas sent a letter to Trump asking him to guarantee the truce, an official in Qatar said.",
     "Hamas sent a message to Trump asking him to guarantee the ceasefire, a Qatari official said."),
    ("Negotiations on the U.S. offer will resume in Doha on Monday, Israeli officials said.",
     "Talks on the American proposal will resume in Doha on Monday, officials in Israel said."),
], ids=["captives-cease-fire", "letter-truce", "offer-negotiations"])
def test_house_styles_and_the_wire_s_synonyms_say_the_same_thing(one, other):
    space = MeaningSpace([meaning_terms(words(one)), meaning_terms(words(other))])
    assert space.similarity_to(0)[1] >= SAME_CONTENT


@pytest.mark.parametrize(("people", "country"), [
    ("Israeli", "Israel"), ("Israelis", "Israel"), ("Qatari", "Qatar"), ("Egyptian", "Egypt"), ("Gazans", "Gaza"),
])
def test_a_people_s_name_is_its_country_s(people, country):
    # the stemmer cuts "Israeli" to "isra", not "israel": the name must be met as it is cut
    one, other = same_terms(meaning_terms(words(f"{people} officials met"))), same_terms(meaning_terms(words(f"officials in {country} met")))
    assert sorted(one) == sorted(other)


def test_the_synonyms_leave_different_claims_apart():
    one = "Hamas will free 33 captives during a six-week truce, Egyptian officials said."
    other = "Israel rejected the Egyptian proposal for a six-week truce, officials said."
    space = MeaningSpace([meaning_terms(words(one)), meaning_terms(words(other))])
    assert space.similarity_to(0)[1] < SAME_CONTENT



@pytest.mark.parametrize(("sentence", "expected"), [
    ("Medics said at least 31 people were killed near the aid site on Sunday, and more than 170 were wounded.",
     {"at least 31": ("people killed", "killed"), "more than 170": ("people injured", "injured")}),
    ("The army said 450 of its soldiers had been killed in the ground campaign, and more than 2,700 wounded.",
     {"450": ("soldiers killed", "killed"), "more than 2,700": ("soldiers injured", "injured")}),
    ("Of the 251 hostages seized on October 7, 2023, 49 remain in Gaza, officials said.",
     {"251": ("hostages (taken)", "hostages"), "49": ("hostages (held)", "hostages")}),
    ("Of the 240 captives taken during the attack, most have since been freed.", {"240": ("captives (taken)", "hostages")}),
    ("The toll from Sunday's strike on the tent camp rose to 45, including 23 women and children.",
     {"45": ("killed (death toll)", "killed"), "23": ("women and children killed", "killed")}),
    # a part named with no noun and no fate of its own is left out: listed with the whole's fate, it
    # would read as another count of the same thing
    ("Israel freed 1,500 Palestinian prisoners on Thursday, including 120 serving life terms.",
     {"1,500": ("Palestinian prisoners (released)", "prisoners")}),
    ("Hamas wants 2,000 prisoners freed, including 150 serving life terms, in exchange for the captives it holds.",
     {"2,000": ("prisoners (to be released)", "prisoners")}),
    ("A night of strikes killed 19 people in Khan Younis, among them seven women and three children.",
     {"19": ("people killed", "killed"), "seven": ("women killed", "killed"), "three": ("children killed", "killed")}),
    ("The army named a sergeant killed in the north, bringing the number of soldiers killed since January 2024 to 310.",
     {"310": ("soldiers killed", "killed")}),
    ("Two more were handed over on Monday, bringing to 38 the number of hostage bodies returned.",
     {"38": ("hostages (dead)", "hostages")}),
    ("The blast hit a school sheltering some 40 displaced families, killing at least 12, medics said.",
     {"some 40": ("displaced families", "displaced"), "at least 12": ("people killed", "killed")}),
    ("Israeli fire killed 28 Palestinians and wounded more than 150 near the crossing on Sunday.",
     {"28": ("Palestinians killed", "killed"), "more than 150": ("Palestinians injured", "injured")}),
    ("Israeli fire wounded 170 people on Sunday, and the toll from the strike on the camp rose to 45, including 23 women.",
     {"170": ("people injured", "injured"), "45": ("killed (death toll)", "killed"), "23": ("women killed", "killed")}),
    ("Of the 251 hostages seized on October 7, 49 remain in Gaza, while 20 were freed, and strikes killed 12 on Monday.",
     {"251": ("hostages (taken)", "hostages"), "49": ("hostages (held)", "hostages"), "20": ("hostages (released)", "hostages"),
      "12": ("people killed", "killed")}),
    ("Israeli strikes killed 31 Palestinians across Gaza, killing 12 in Rafah alone, and more than 40 were wounded.",
     {"31": ("Palestinians killed", "killed"), "12": ("people killed", "killed"), "more than 40": ("Palestinians injured", "injured")}),
    ("Medics said more than 115 people were killed and hundreds were wounded at the aid site.",
     {"more than 115": ("people killed", "killed"), "hundreds of": ("people injured", "injured")}),  # read "hundreds of people"
    ("Three people were shot dead near Khan Younis on Tuesday, bringing to 96 the number killed since the truce began.",
     {"Three": ("people killed", "killed"), "96": ("people killed", "killed")}),
    ("The ministry said 15 bodies had been brought to hospitals in the previous 24 hours.",
     {"15": ("killed (bodies recovered)", "killed")}),
    ("Troops detained 30 Palestinians in raids across the West Bank overnight, the army said.",
     {"30": ("Palestinians", "prisoners")}),
    ("Rights groups say more than 9,000 Palestinians are currently held in Israeli prisons.",
     {"more than 9,000": ("Palestinians (held)", "prisoners")}),
    ("New evacuation orders forced some 300,000 people to flee again, the UN said.",
     {"some 300,000": ("people displaced", "displaced")}),
], ids=["wounded-after-killed", "of-its-soldiers", "of-the-taken-some-remain", "of-the-taken", "toll-of-a-strike",
        "part-serving", "part-of-a-demand", "parts-in-words", "number-of-since-a-year", "to-n-the-number-of",
        "killing-n", "wounded-n", "toll-after-the-wounded", "three-bare-counts", "nouns-written-in-order", "vague-count",
        "to-n-the-number-killed", "bodies-brought-in", "detained-by-troops", "held-in-prisons", "forced-to-flee"])
def test_a_count_told_without_its_noun_counts_what_the_count_before_it_does(sentence, expected):
    # "... and more than 170 were wounded": the noun is the one counted before; "Of the 251 hostages
    # seized": all those taken, of whom a part remains; "the toll from the strike": its dead
    assert {value: (what, category) for value, what, category, _ in find_figures(sentence)} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Killing at least 17, the strike on the school drew condemnation from the UN.",
     {"at least 17": ("people killed", "killed")}),
    ("Wounding 40, the blast tore through the market on Friday.", {"40": ("people injured", "injured")}),
    ("Hamas handed over the body of a hostage on Tuesday night, leaving the remains of 11 still in Gaza.",
     {"11": ("hostages (dead)", "hostages")}),
    ("Israel has returned the bodies of 45 Palestinians, and Hamas still holds the bodies of 13 in Gaza.",
     {"45": ("Palestinians (remains)", "people")}),  # no hostage in the sentence: the 13 are not told
    ("Israeli strikes killed 112 people on Sunday, 69 of them women and children, the ministry said.",
     {"112": ("people killed", "killed"), "69": ("women and children killed", "killed")}),
    ("Hamas holds 59 hostages, 35 of them soldiers, the army said.", {"59": ("hostages (held)", "hostages")}),
    ("The deal sets a ratio of 30 Palestinian prisoners for each civilian hostage and 50 for each female soldier, a source said.",
     {"30": ("Palestinian prisoners for each civilian hostage", "prisoners"), "50": ("prisoners for each female soldier", "prisoners")}),
    ("Israel will release 30 Palestinian prisoners for every civilian hostage freed and 50 for every female soldier.",  # its fate too
     {"30": ("Palestinian prisoners (to be released) for every civilian hostage", "prisoners"),
      "50": ("prisoners (to be released) for every female soldier", "prisoners")}),
    # what a release leaves behind is held, not released
    ("Hamas released 20 living hostages on Monday, leaving 24 still in Gaza.",
     {"20": ("living hostages (released)", "hostages"), "24": ("hostages (held)", "hostages")}),
    ("Hamas freed 20 hostages, leaving 28 hostages in captivity.",
     {"20": ("hostages (released)", "hostages"), "28": ("hostages (held)", "hostages")}),
    ("Hamas handed over the remains of four deceased hostages late on Monday, leaving 24 bodies in Gaza.",
     {"four": ("deceased hostages", "hostages"), "24": ("hostages (dead)", "hostages")}),
], ids=["killing-opens", "wounding-opens", "remains-of-n", "bodies-of-n-no-hostage", "n-of-them-part", "n-of-them-captives",
        "ratio-second-term", "ratio-second-term-shares-the-fate", "leaving-n-bare", "leaving-n-hostages", "leaving-n-bodies"])
def test_a_count_with_its_noun_left_to_the_reader_is_read_from_its_place(sentence, expected):
    # a verb opening the sentence ("Killing at least 17, ..."), the remains of hostages counted
    # without the word, and a part named as "69 of them women" sharing the whole's fate
    assert {value: (what, category) for value, what, category, _ in find_figures(sentence)} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gaza needs at least 62,000 tonnes of food aid each month, the WFP says.",
     {"at least 62,000 tonnes": ("of food aid each month", "aid")}),
    ("The foundation said it had delivered over 100 million meals since it began operating in late May.",
     {"over 100 million": ("meals", "aid")}),
    ("Some 4,000 food parcels were handed out in Deir al-Balah on Monday.", {"Some 4,000": ("food parcels", "aid")}),
    ("Strikes have left 50 million tonnes of rubble across the territory, the UN says.", {}),  # rubble is no aid
], ids=["tonnes-a-month", "meals", "food-parcels", "tonnes-of-rubble"])
def test_aid_is_counted_in_tonnes_meals_and_parcels_as_well_as_trucks(sentence, expected):
    assert {value: (what, category) for value, what, category, _ in find_figures(sentence)} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The toll from hunger rose to 193 on Tuesday, including 96 children, the ministry said.",
     {"193": ("died of hunger (toll)", "hunger"), "96": ("children died of hunger", "hunger")}),
    ("Two more people died of malnutrition, bringing the number of hunger deaths to 193, including 96 children.",
     {"Two": ("more people died of hunger", "hunger"), "193": ("died of hunger (toll)", "hunger"),
      "96": ("children died of hunger", "hunger")}),
    ("The number of starvation-related deaths has reached 212 since the war began, the ministry said.",
     {"212": ("died of hunger (toll)", "hunger")}),
], ids=["toll-from-hunger", "number-of-hunger-deaths", "starvation-related-deaths"])
def test_a_toll_of_hunger_is_its_own_toll(sentence, expected):
    assert {value: (what, category) for value, what, category, _ in find_figures(sentence)} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("More than 500,000 people face catastrophic hunger in Gaza governorate, the IPC said.",
     {"More than 500,000": ("people facing hunger", "hunger")}),
    ("Nearly 1.9 million people have been forced from their homes since the war began, UNRWA says.",
     {"Nearly 1.9 million": ("people displaced", "displaced")}),
    ("Rescuers pulled 15 bodies from the rubble of a home in Jabalia on Sunday, civil defence said.",
     {"15": ("killed (bodies recovered)", "killed")}),
    ("In the past 24 hours, hospitals in the Strip received 47 bodies and 112 wounded, the ministry said.",
     {"47": ("killed (bodies recovered)", "killed"), "112": ("people injured", "injured")}),
    ("The UN said more than 370 aid workers, including nearly 300 UNRWA staff, have been killed in Gaza.",
     {"more than 370": ("aid workers killed", "killed"), "nearly 300": ("UNRWA staff killed", "killed")}),
    ("The army says it has killed some 20,000 Hamas operatives since the start of the war.",
     {"some 20,000": ("Hamas operatives killed", "killed")}),
], ids=["facing-hunger", "forced-from-homes", "pulled-bodies", "received-bodies", "staff", "operatives"])
def test_what_befell_people_is_read_in_more_of_the_ways_outlets_say_it(sentence, expected):
    assert {value: (what, category) for value, what, category, _ in find_figures(sentence)} == expected


@pytest.mark.parametrize("sentence", [
    "Hamas holds 59 hostages, of whom 24 are believed to be alive.",  # how many are alive is the breakdown's
    "Some 120 people were killed on Monday; in 2024 were the deadliest months.",
    "The ministry said 90 people were killed, and the 12 agencies were warned.",
    "Strikes killed 12 people on Monday, and the army said it had killed some 17,000 combatants.",  # no noun it counts
    "Strikes killed 12 people on Monday, killing dozens more in the north overnight.",  # no number to list
])
def test_a_number_after_a_count_is_not_read_as_another_count_of_it_unless_a_verb_says_so(sentence):
    values = [value for value, *_ in find_figures(sentence)]
    assert len(values) == 1, values


def test_the_wounded_wait_for_the_second_turn_of_the_key_figures():
    # eight kinds of figure for eight lines: the second hostage count is listed before the wounded
    figures = figures_of("Israeli strikes killed 40 people across Gaza on Monday, the ministry said.",
                         "More than 100 people were wounded in the strikes on Monday, medics said.",
                         "Five more people died of malnutrition in the past day, the ministry said.",
                         "About 90,000 people were displaced from Rafah this week, the UN said.",
                         "Some 600 aid trucks entered Gaza under the truce on Sunday, officials said.",
                         "The first phase of the truce lasts 42 days, mediators said on Sunday.",
                         "Israel released 183 Palestinian prisoners on Saturday, officials said.",
                         "Hamas freed three hostages on Saturday under the truce, officials said.",
                         "Some 59 hostages remain in Gaza after the exchange, officials said.")
    assert len(figures) == MAX_FIGURES
    assert {f.category for f in figures} >= {"killed", "hunger", "displaced", "aid", "days", "prisoners", "hostages"}
    assert [f.value for f in figures if f.category == "hostages"] == ["three", "some 59"]
    assert "injured" not in {f.category for f in figures}


# Seven kinds of figure and a second count of hostages: eight lines, with none to spare
_SEVEN_KINDS = ("Israeli strikes killed 40 people across Gaza on Monday, the ministry said.",
                "Five more people died of malnutrition in the past day, the ministry said.",
                "About 90,000 people were displaced from Rafah this week, the UN said.",
                "The first phase of the truce lasts 42 days, mediators said on Sunday.",
                "Israel released 183 Palestinian prisoners on Saturday, officials said.",
                "The plan would cost $53 billion over five years, officials said.",
                "Hamas freed three hostages on Saturday under the truce, officials said.",
                "Some 59 hostages remain in Gaza after the exchange, officials said.")


def test_aid_told_in_meals_waits_for_the_second_turn_but_trucks_do_not():
    # the trucks a deal lets in are one of its terms; meals handed out are told after the captives
    meals = figures_of(*_SEVEN_KINDS, "The foundation said it had handed out some 2 million meals since May.")
    assert [f.value for f in meals if f.category == "hostages"] == ["three", "some 59"]
    assert "aid" not in {f.category for f in meals}
    trucks = figures_of(*_SEVEN_KINDS, "Some 600 aid trucks entered Gaza under the truce on Sunday, officials said.")
    assert [f.value for f in trucks if f.category == "aid"] == ["some 600"]


def test_people_counted_with_nothing_said_of_them_wait_for_the_second_turn():
    # "three gunmen" opened fire: a count of people with no fate, release or remains is told after
    # the second count of the talks' captives
    figures = figures_of(*_SEVEN_KINDS, "Police said two gunmen opened fire at a bus stop in Jerusalem on Monday.")
    assert [f.value for f in figures if f.category == "hostages"] == ["three", "some 59"]
    assert "people" not in {f.category for f in figures}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Prime Minister Benjamin Netanyahu ordered the army to keep fighting until the list arrived.\n\n"
     "In a statement, his office said: \"The prime minister has told the army the truce will wait for the list.\"",
     "Benjamin Netanyahu’s office"),
    ("Two ministers quit the cabinet on Sunday along with the other members of the far-right Jewish Power party.\n\n"
     "\"We will return to the government if the war on Hamas resumes,\" the party said.", "the Jewish Power party"),
    ("A senior IDF officer accompanied the convoy to the crossing on Monday night.\n\n"
     "\"We did not breathe until the last vehicle crossed the line,\" the officer said.", "a senior IDF officer"),
], ids=["his-office-after-his-act", "the-party", "the-officer"])
def test_the_office_party_or_officer_of_an_attribution_is_the_one_named_before(text, speaker):
    quotes = quotes_in(Article(location="a", title="t", text=text, content_hash="h"))
    assert [q[1] for q in quotes] == [speaker]


def speakers_in(text: str) -> list[str | None]:
    """The speaker of each quote quotes_in finds in one article's `text`."""
    return [q[1] for q in quotes_in(Article(location="a", title="t", text=text, content_hash="h"))]


def test_a_month_s_abbreviation_ends_no_sentence_between_a_speaker_and_the_quote():
    text = ("Oren Yavetz, whose sister was seized from her kibbutz on Oct. 7, told Reuters: "
            "\"I am not going to celebrate until I see her on Israeli soil.\"")
    assert speakers_in(text) == ["Oren Yavetz"]


def test_a_quote_the_sentence_goes_on_from_is_the_source_named_at_its_end():
    text = ("\"Hamas's refusal to release our hostages and its rejection of every proposal\" led to the decision, "
            "according to a statement from the Prime Minister's Office.")
    assert speakers_in(text) == ["Prime Minister's Office"]


def test_the_statement_said_after_a_sentence_opening_with_a_body_s_response_is_that_body():
    text = ("Hamas's response, issued hours after the deadline was set, welcomed parts of the plan.\n\n"
            "\"The movement announces its approval to release all prisoners under the proposal,\" the statement said.")
    assert speakers_in(text) == ["Hamas"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Matan Zangauker's mother, Einav, who led many protests, held her son for several minutes. "
     "\"Matan, my hero, you're home at last,\" she said.", "Matan Zangauker’s mother, Einav"),
    ("Noa Argamani's father told Channel 12 that he could not believe the news. "
     "\"I had hoped for this day, I did not think it would come so soon,\" he said.", "Noa Argamani’s father"),
], ids=["mother-named", "father"])
def test_he_or_she_after_a_relative_of_someone_named_who_acts_is_that_relative(text, speaker):
    assert speakers_in(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("A document outlining the order of the releases, seen by Reuters, stated: \"Each day of calm will be followed "
     "by the release of a group of abductees.\"", None),
    ("Abu Obeida, the spokesman for Hamas's armed wing, the Qassam Brigades, said in a video message: \"We affirm our "
     "commitment to the agreement, provided the enemy adheres to it.\"", "Abu Obeida"),
], ids=["seen-by-an-outlet", "spokesman-for-a-wing-named"])
def test_who_only_saw_a_document_or_is_spoken_for_is_no_speaker(text, speaker):
    assert speakers_in(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("An Israeli official, speaking on condition of anonymity, said the text was a softened version of the proposal.\n\n"
     "\"This is a ploy meant to make Israel look like the side refusing a deal,\" the Israeli official said.",
     "an Israeli official"),
    ("A senior Israeli official said Netanyahu had not agreed to end the war. \"There is no commitment to end the war, "
     "only to negotiate about it,\" the senior official said.", "a senior Israeli official"),
], ids=["the-israeli-official", "the-senior-official"])
def test_someone_unnamed_taken_up_with_an_adjective_is_the_one_described_so(text, speaker):
    assert speakers_in(text) == [speaker]


@pytest.mark.parametrize(("text", "speakers"), [
    ("\"The UAE stands ready to scale up its support immediately,\" Lana Nusseibeh, Assistant Minister for Political "
     "Affairs at the Ministry of Foreign Affairs, told The National.", ["Lana Nusseibeh"]),
    ("\"The group is ready for a deal today,\" Hamas official Basem Naim told Reuters.\n\nOrly Ben-Haim, whose son was "
     "abducted from Kibbutz Nir Oz on Oct. 7, 2023, addressed the crowd. \"I am asking the prime minister one question: "
     "is my son's life worth less?\" she said.", ["Basem Naim", "Orly Ben-Haim"]),
    ("\"We are treating children with wounds left for days,\" said Hanna Sorensen, a coordinator.\n\nMahmoud, 38, a "
     "father of five, said he had moved his family six times. \"Every time they tell us to move, we move,\" he told the BBC.",
     ["Hanna Sorensen", "Mahmoud"]),
], ids=["title-after-the-name", "apposed-clause-with-a-date", "one-name-and-an-age"])
def test_the_person_a_sentence_opens_with_is_found_past_a_title_a_date_or_an_age(text, speakers):
    assert speakers_in(text) == speakers


def test_he_added_after_a_relative_described_not_named_is_that_relative():
    text = ("Daniel's father, Avi Weiss, has travelled to Washington many times. \"The administration has been with us "
            "every step of the way,\" he said.\n\n\"Phase one is a beginning, not an end,\" said the father of hostage "
            "Omer Tal, another young man seized at the festival.\n\n\"If there is no phase two, our sons stay in Gaza,\" he added.")
    assert speakers_in(text) == [
        "Avi Weiss", "the father of hostage Omer Tal", "the father of hostage Omer Tal"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Channel 12 said the army backed the deal, quoting an unnamed senior security official as saying, \"This is the "
     "best deal we are going to get, and the window is closing.\"", "an unnamed senior security official"),
    ("An Israeli official, asked about it by The National, said only: \"Israel's security needs on the corridor have "
     "not changed at all.\"", "an Israeli official"),
], ids=["quoting-as-saying", "asked-by-an-outlet-said-only"])
def test_who_an_outlet_quotes_or_asked_is_the_speaker_not_the_outlet(text, speaker):
    assert speakers_in(text) == [speaker]


def test_a_surname_two_people_share_is_the_one_named_last_before_the_quote():
    text = ("For 471 days, Ronit Weiss has kept her son's bedroom as he left it.\n\n"
            "\"I just want to hug him. That's all I want now,\" Weiss told CNN on Saturday from her home.\n\n"
            "Daniel's father, Avi Weiss, has travelled to Washington many times. \"The administration has been with us "
            "every step of the way,\" he said.\n\n\"I will fill his glass of water again when he is home,\" Weiss said.")
    assert speakers_in(text) == ["Ronit Weiss", "Avi Weiss", "Avi Weiss"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Israel will release 1,700 Gazans detained during the war.", ("Gazans (to be released)", "prisoners")),
    ("It freed about 1,700 people detained in Gaza during the war.", ("people (released)", "prisoners")),
    ("Police said 38 people were arrested after protesters blocked highways in Tel Aviv.", ("people", "people")),
], ids=["gazans-detained", "people-detained-in-gaza", "protesters-arrested"])
def test_people_detained_in_the_war_are_prisoners(sentence, expected):
    assert [(what, category) for _, what, category, _ in find_figures(sentence)] == [expected]


@pytest.mark.parametrize("text", [
    "Families of the hostages gathered in Tel Aviv on Saturday. Among them is Dana Levi, whose son was taken from Nir Oz. "
    "“We cannot wait any longer for a deal,” she told reporters.",
    "Among them was Dana Levi. “We cannot wait any longer for a deal,” she told reporters.",
    "One of them is Dana Levi, 45, from Haifa. “We cannot wait any longer for a deal,” she said.",
])
def test_she_after_someone_introduced_among_others_is_that_person(text):
    assert speakers_in(text) == ["Dana Levi"]


@pytest.mark.parametrize(("sentence", "what"), [
    ("During the truce Hamas released 110 women, children and foreigners it was holding.", "women, children and foreigners released"),
    ("The strike killed 12 women, children and elderly people, medics said.", "women, children and elderly people killed"),
    ("Israel freed 90 Palestinian women and children.", "Palestinian women and children released"),
], ids=["three-groups", "elderly-people", "two-groups"])
def test_a_count_of_groups_listed_counts_them_all(sentence, what):
    assert find_figures(sentence)[0][1] == what


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hamas continue to hold 58 hostages, including 34 the Israeli military says are dead.", ("58", "hostages (held)")),
    ("Some 111 hostages remain in Gaza, including 39 the military says are dead.", ("Some 111", "hostages (held)")),
    ("Hamas freed 24 hostages on Friday, including 13 Israelis who were taken from Nir Oz.", ("24", "hostages (released)")),
], ids=["hold-including-dead", "remain-including-dead", "freed-including"])
def test_what_befalls_a_part_named_at_the_end_is_not_the_whole_s(sentence, expected):
    # the part's own clause ("including 34 ... are dead") closes the sentence: the whole keeps its verb
    assert find_figures(sentence)[0][:2] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two missiles hit several tents, resulting in at least 16 deaths, most of them women and children.", [("at least 16", "deaths", "killed")]),
    ("The strikes caused 30 more deaths on Sunday, medics said.", [("30", "more deaths", "killed")]),
    ("There were 12 fatalities in the strike on the school.", [("12", "fatalities", "killed")]),
    # deaths from hunger are hunger's: the malnutrition rules count them
    ("Two more people died of malnutrition, bringing the number of such deaths to 113.", [("Two", "more people died of hunger", "hunger")]),
], ids=["deaths", "more-deaths", "fatalities", "such-deaths-of-hunger"])
def test_a_count_of_deaths_is_a_toll(sentence, expected):
    assert [(v, w, c) for v, w, c, _ in find_figures(sentence)] == expected


@pytest.mark.parametrize(("text", "speakers"), [
    ("After conferring with officials, Hamas agreed to the deal. \"Based on the meeting we just had, we have a deal,\" "
     "Egyptian spymaster Hassan Rashad was quoted as telling Witkoff and Kushner.", ["Hassan Rashad"]),
    ("Hamas required a guarantee. \"President Trump's message is that you will be treated fairly and that he stands "
     "behind the plan,\" one source quoted Witkoff as telling al-Hayya.", ["Witkoff"]),
    # a report of someone's words: theirs, not the outlet's
    ("Earlier this afternoon Israel launched a strike against Hamas leaders in Doha. Sky News reported that Israel’s "
     "military said it had “conducted a precise strike targeting the senior leadership of the Hamas terrorist organisation” "
     "in Qatar.", ["Israel’s military"]),
    # ... and "it" after such a report is the body reported on
    ("Israel launched a strike against Hamas leaders in Doha. Sky News reported that Israel’s military said it had "
     "“conducted a precise strike targeting the senior leadership of the Hamas terrorist organisation” in Qatar.\n\n"
     "It added: “Prior to the strike, measures were taken in order to mitigate harm to civilians.”",
     ["Israel’s military", "Israel’s military"]),
], ids=["was-quoted-as-telling", "quoted-x-as-telling", "reported-that-x-said", "it-after-a-report"])
def test_words_passed_on_are_the_speaker_s_not_the_messenger_s(text, speakers):
    assert speakers_in(text) == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    # who did something to another's words first is who then speaks: not "Rubio's"
    ("The talks ended. Lavrov echoed Rubio's remarks and told reporters that “the conversation was very useful.”\n\n"
     "“We not only listened, but also heard each other,” he said.", ["Lavrov"]),
    # when and how the words came, before who spoke them
    ("Edan Alexander is the only American held alive in Gaza. In a statement released on Sunday, the spokesperson for "
     "Hamas’s military wing, the al-Qassam Brigades, said: “The al-Qassam Brigades have decided to release the soldier "
     "on Monday.”", ["the spokesperson for Hamas’s military wing"]),
], ids=["acted-on-another-s-words", "adverbial-before-the-speaker"])
def test_the_speaker_behind_what_opens_the_attribution(text, speakers):
    assert speakers_in(text) == speakers


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks went on. ‘They really had a heart-to-heart conversation,’ Trump said in the Oval Office.",
     [("They really had a heart-to-heart conversation", "Trump")]),
    ("So Mr Bahbah picked up the phone. 'Obviously, if I were in Steve Witkoff's position, I would have been sceptical,' "
     "Mr Bahbah said.", [("Obviously, if I were in Steve Witkoff's position, I would have been sceptical", "Mr Bahbah")]),
    # an apostrophe in a word closes nothing; a word in single marks is a phrase, as in double ones
    ("Boehler described Hamas as 'hardheaded' and said 'Israel at this point is bending over backwards' to strike a deal.",
     [("Israel at this point is bending over backwards", None)]),
], ids=["curly-single", "straight-single-with-apostrophe", "a-word-in-single-marks"])
def test_a_paper_that_quotes_in_single_marks_is_read_too(text, expected):
    found = quotes_in(Article(location="a", title="t", text=text, content_hash="h"))
    assert [(q[0], q[1]) for q in found] == expected


@pytest.mark.parametrize(("text", "speakers"), [
    # of two clauses joined by "and", "he" after them is the later one's subject
    ("Palestinian American businessman Bishara Bahbah said Hamas agreed. Israeli Prime Minister Benjamin Netanyahu "
     "dismissed the statement as “more spin” and Bishara Bahbah acknowledged that a deal was unlikely. “What I know is "
     "that the American side has increased its involvement in this process,” he said.", ["Bishara Bahbah"]),
    # ... not an "and" among the objects of the first clause
    ("President Joe Biden, who had pushed for the extension in calls with Qatar's emir and Egypt's President Abdel Fattah "
     "el-Sisi, said on Monday: \"That is the point of this deal, and we will keep pushing.\"", ["Joe Biden"]),
], ids=["later-clause", "and-among-objects"])
def test_he_after_two_clauses_is_the_later_subject(text, speakers):
    assert speakers_in(text) == speakers
