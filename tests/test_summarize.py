"""summarize_group: sentences, citations, redundancy, repeats, order, one-liners, top lines.

The groups are written here or read from tests/resources/summarize (articles written for these
tests, in the shapes real pages take: syndicated copies, captions, bylines, link lists).
"""

from __future__ import annotations

import dataclasses
import gc

from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from digest.config import Cue, TrackConfig
from digest.errors import ConfigError
from digest.ingest import document_to_article, iter_documents
from digest.models import Article, Document, Summary, SummarySentence
from digest.summarize import ALGORITHMS, summarize_group, top_lines
from digest.summarize.select import NEAR_COPY, MeaningSpace, meaning_terms, near_copies
from digest.text import words

RESOURCES = Path(__file__).parent / "resources" / "summarize"
SEEDS = Path(__file__).parent.parent / "seeds"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def article(title: str, body: str, *, when: datetime | None = None, location: str | None = None) -> Article:
    return document_to_article(Document(location=location or title, title=title, body=body, published=when))


def folder(name: str) -> list[Article]:
    return [document_to_article(doc) for _, doc in iter_documents([str(RESOURCES / name)], 10**7)]


DOHA = TrackConfig(
    id="doha", title="Doha talks", description="Negotiation rounds hosted in Qatar.",
    venues=(Cue("Doha", 3.0), Cue("Qatari capital", 3.0)), actors=(Cue("Qatar", 1.0),),
)

# An article whose furniture is tempting: captions, credits and bylines full of names and numbers.
TEMPTING_FURNITURE = """Mediators from Qatar and Egypt met Israeli and Hamas negotiators in Doha on Tuesday to discuss a 60-day truce and the release of 24 hostages.

By Nadia Haddad and Tomas Berg | Doha bureau

Hamas negotiator Khalil al-Hayya and Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani arrive for talks in Doha on March 3, 2025. (AP Photo/Osama Faisal)

Israel wants 24 hostages freed in the first week, while Hamas insists on a timetable for an Israeli withdrawal from Gaza, officials said.

Qatari, Egyptian and American officials walk past the Sheraton hotel in Doha, Qatar, March 4, 2025. REUTERS/Ibraheem Al Omari

Home | World | Middle East | Gaza talks | Qatar | Hostages

Additional reporting by Lior Ben-Ami in Jerusalem and Ahmed Saleh in Cairo; Editing by Peter Graff

The talks are expected to resume on Thursday after the delegations consult their leaders, a diplomat said.
"""


def test_no_summary_sentence_is_furniture_caption_byline_or_link_list():
    group = [article("Truce talks resume in Doha", TEMPTING_FURNITURE)]
    summary = summarize_group(group, sentences=20)
    texts = [s.text for s in summary.sentences]
    assert texts, "the real sentences must be summarised"
    joined = "\n".join(texts)
    for furniture in ("AP Photo", "REUTERS/", "By Nadia Haddad", "Home | World", "Additional reporting", "walk past the Sheraton"):
        assert furniture not in joined
    assert any("60-day truce" in t for t in texts)


def test_resource_clusters_keep_their_furniture_out():
    for name in ("sharm", "doha_deal", "alexander", "biden_plan"):
        summary = summarize_group(folder(name), sentences=12)
        joined = "\n".join(s.text for s in summary.sentences)
        for furniture in ("AP Photo", "REUTERS/", "Share on", "Copyright", "All rights reserved", "Most Read", "Photo:",
                          "Image caption", "Reporting by", "Subscribe", "Source link", "Tags:", "Follow us", "Related"):
            assert furniture not in joined, (name, furniture)


def test_no_two_sentences_repeat_each_other_even_with_syndicated_copies():
    group = folder("sharm") + folder("doha_deal")  # both hold wire stories published twice
    summary = summarize_group(group, sentences=10)
    texts = [s.text for s in summary.sentences]
    assert len(set(texts)) == len(texts)
    tokens = [words(t) for t in texts]
    space = MeaningSpace([meaning_terms(t) for t in tokens])
    for i in range(len(texts)):
        assert near_copies(i, tokens, space) == [i], texts[i]
    assert NEAR_COPY <= 0.9


def test_citations_list_every_article_that_carries_the_sentence():
    lead = "Negotiators from Egypt and Qatar met a Hamas delegation in Cairo on Monday to discuss a 45-day truce and the release of 18 hostages."
    edited = "Negotiators from Egypt and Qatar met a Hamas delegation in Cairo Monday to discuss a 45-day truce and the release of 18 hostages."
    other_number = "Negotiators from Egypt and Qatar met a Hamas delegation in Cairo on Monday to discuss a 45-day truce and the release of 25 hostages."
    group = [
        article("Talks in Cairo", lead + "\n\nThe talks will continue on Tuesday, an Egyptian official said."),
        article("Egypt hosts Hamas", "Some background on the war came first in this story, it said on Monday.\n\n" + edited),
        article("Cairo round", other_number + "\n\nA Hamas official said the group wanted guarantees that the war would end."),
        article("Unrelated", "Rain is expected across the region this weekend, the weather service said on Friday."),
    ]
    summary = summarize_group(group, sentences=5)
    carried = [s for s in summary.sentences if "18 hostages" in s.text]
    assert len(carried) == 1
    sentence = carried[0]
    assert set(sentence.sources) == {0, 1}  # the edited copy, but not the one with another number
    assert sentence.text in group[sentence.sources[0]].text
    for s in summary.sentences:
        assert s.text in group[s.sources[0]].text  # the exact text of the first source


def test_exact_text_kept_and_first_source_holds_it():
    group = folder("alexander")
    summary = summarize_group(group, sentences=6)
    for sentence in summary.sentences:
        assert sentence.text in group[sentence.sources[0]].text
        assert len(set(sentence.sources)) == len(sentence.sources)


def test_previous_digest_content_is_marked_repeated_and_ranked_down():
    group = folder("doha_deal")
    first = summarize_group(group, sentences=5, track=DOHA)
    best = max(first.sentences, key=lambda s: s.score)
    again = summarize_group(group, sentences=5, track=DOHA, previous=[best.text])
    same = [s for s in again.sentences if s.text == best.text]
    assert not same or (same[0].repeated and same[0].score < best.score)
    assert not any(s.repeated for s in first.sentences)
    assert any(not s.repeated for s in again.sentences)
    assert max(again.sentences, key=lambda s: s.score).text != best.text


def test_a_paraphrase_of_the_previous_digest_counts_as_repeated():
    body = (
        "Israel and Hamas agreed on Wednesday to extend the truce in Gaza by 10 days, the Qatari foreign ministry said.\n\n"
        "Hamas will free 20 more hostages during the extension, in exchange for 60 Palestinian prisoners, officials said."
    )
    group = [article("Truce extended", body)]
    previous = ["The Qatari foreign ministry said on Wednesday that Israel and Hamas had agreed to extend the Gaza truce by 10 days."]
    summary = summarize_group(group, sentences=2, previous=previous)
    by_text = {s.text[:20]: s for s in summary.sentences}
    assert by_text["Israel and Hamas agr"].repeated
    assert not by_text["Hamas will free 20 m"].repeated
    assert summary.sentences[-1].repeated or by_text["Hamas will free 20 m"].score > by_text["Israel and Hamas agr"].score


def test_a_paraphrase_in_another_house_style_counts_as_repeated():
    # "captives" for "hostages", "truce" for "cease-fire", "Qatari" for "in Qatar": one outlet's words
    # for what the last digest said in another's
    body = (
        "Mediators said on Wednesday that the captives would be freed during a 10-day truce, according to a Qatari official.\n\n"
        "Hamas will free 20 more hostages during the extension, in exchange for 60 Palestinian prisoners, officials said."
    )
    previous = ["The hostages will be freed during a 10-day cease-fire, mediators in Qatar said Wednesday."]
    summary = summarize_group([article("Truce extended", body)], sentences=2, previous=previous)
    by_text = {s.text[:20]: s for s in summary.sentences}
    assert by_text["Mediators said on We"].repeated
    assert not by_text["Hamas will free 20 m"].repeated


def test_order_is_article_date_then_position():
    day1 = article("Day one", "Hamas and Israeli negotiators opened talks in Doha on a new truce proposal, mediators said.\n\n"
                   "The proposal envisages the release of 10 hostages in exchange for 300 prisoners, officials said.", when=T0)
    day2 = article("Day two", "The talks in Doha entered a second day as the US envoy joined the Qatari mediators.\n\n"
                   "Hamas demanded guarantees that the war would end after the exchange, a Hamas official said.",
                   when=T0 + timedelta(days=1))
    summary = summarize_group([day2, day1], sentences=4)  # newest first, as the briefing passes them
    keys = [(summary.articles[s.sources[0]].published, summary.articles[s.sources[0]].text.index(s.text)) for s in summary.sentences]
    assert keys == sorted(keys)
    assert len(summary.sentences) == 4


def test_out_of_context_sentences_lose_to_ones_that_stand_alone():
    body = (
        "Egyptian mediators presented a new proposal to Hamas and Israel in Cairo on Sunday, calling for a 50-day truce.\n\n"
        "He added that the proposal, backed by Qatar and the United States, would free 11 hostages in the first week.\n\n"
        "Will Hamas accept the terms put forward by Egypt, Qatar and the United States this time?\n\n"
        "But it's not clear whether Israel's cabinet, led by Benjamin Netanyahu, will approve the 50-day truce.\n\n"
        "Under the proposal, Hamas would free 11 hostages in the first week in exchange for 330 Palestinian prisoners, Egyptian officials said.\n\n"
        "Israel's delegation to Cairo is led by Mossad chief David Barnea, according to Israeli media."
    )
    summary = summarize_group([article("Egypt proposes truce", body)], sentences=3)
    texts = " ".join(s.text for s in summary.sentences)
    assert "He added" not in texts
    assert "this time?" not in texts
    assert "it's not clear" not in texts


def test_background_every_outlet_repeats_loses_to_the_day_s_news():
    # Each outlet closes with the same backdrop (a fact-dense sentence about an old truce); the
    # section should spend its sentences on what happened, not on the backdrop.
    backdrop = [
        "During the first phase of the truce, the rebels freed 30 soldiers in exchange for 900 prisoners and detainees.",
        "The truce, which took effect on April 2, has so far seen the rebels free 30 soldiers for 900 prisoners.",
        "The war began when rebel fighters crossed the river in 2021, killing 300 people and taking 80 hostages.",
    ]
    news = [
        "Government air strikes killed 120 people across the valley on Tuesday, shattering the truce, medics said.",
        "The rebels said the government had decided to overturn the ceasefire agreement and bore full responsibility.",
        "The army ordered residents of Kafr Dala and eastern Nahr to evacuate, calling them combat zones.",
    ]
    articles = [
        article(f"Strikes shatter valley truce ({n})", "\n\n".join([news[n], news[(n + 1) % 3], backdrop[n], news[(n + 2) % 3]]))
        for n in range(3)
    ]
    texts = [s.text for s in summarize_group(articles, sentences=3).sentences]
    assert not any(b in texts for b in backdrop)


def test_one_line_per_article_is_its_own_sentence():
    group = folder("biden_plan")
    summary = summarize_group(group, sentences=3)
    assert len(summary.one_liners) == len(group)
    for article_, line in zip(group, summary.one_liners):
        assert line and line in article_.text


def test_an_articles_line_says_what_its_headline_says():
    feature = article(
        "Vance says Gaza truce is holding better than expected",
        "Israelis have a new word for the parade of American visitors: babysitting.\n\n"
        "Two Israeli soldiers were killed in Rafah on Sunday and strikes that followed killed at least 44 people, "
        "health officials said, in the worst day of violence since the truce began.\n\n"
        "Vice President JD Vance said on Tuesday that the Gaza truce was holding better than he had expected, "
        "though disarming Hamas would be a very tough task.\n\n"
        "He met Prime Minister Benjamin Netanyahu in Jerusalem on Wednesday.",
    )
    news = article(
        "Hamas hands mediators its reply to the US truce plan",
        "Hamas handed Qatari and Egyptian mediators its reply to the US plan for a 60-day truce on Saturday, "
        "asking for guarantees that the war would end.\n\n"
        "More than 54,000 Palestinians have been killed in Gaza, according to the health ministry, and 58 hostages remain.",
    )
    lines = summarize_group([feature, news], sentences=3).one_liners
    assert lines[0].startswith("Vice President JD Vance said on Tuesday")  # not the scene, not the toll
    assert lines[1].startswith("Hamas handed Qatari and Egyptian mediators")  # the lead, not the figures


def test_an_untitled_texts_line_is_not_its_first_sentence_again():
    # A seed with no title line: its title is its first sentence, which is also its lead.
    [(_, document)] = list(iter_documents([str(SEEDS / "002_9a1633e24300d991.txt")], 10**7))
    untitled = document_to_article(document)
    line = summarize_group([untitled], sentences=2).one_liners[0]
    assert untitled.title.startswith("Hamas negotiators have embarked on intensified talks in Cairo")
    assert line in untitled.text and not line.startswith("Hamas negotiators have embarked")



def test_an_untitled_texts_line_is_not_its_first_sentence_cut_inside_a_quote(tmp_path):
    # The title stops at the first full stop inside the opening quote; the summary's sentence
    # runs on to the attribution. It is the title again all the same.
    path = tmp_path / "untitled.txt"
    path.write_text("\"There are no signs from the talks in Qatar that the group is moving toward a deal. There is no reason "
                    "for optimism,\" said three Israeli officials.\n\nThe prime minister spoke on Wednesday with the envoy, "
                    "who is in Qatar for a second round of talks with the mediators.\n", encoding="utf-8")
    [(_, document)] = list(iter_documents([str(path)], 10**7))
    untitled = document_to_article(document)
    assert untitled.title.startswith("\"There are no signs")
    assert summarize_group([untitled], sentences=2).one_liners[0].startswith("The prime minister spoke")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_summarises(algorithm):
    summary = summarize_group(folder("alexander"), sentences=4, algorithm=algorithm)
    assert len(summary.sentences) == 4
    assert summary.algorithm == algorithm


def test_unknown_algorithm_is_a_config_error():
    with pytest.raises(ConfigError, match="lexrank"):
        summarize_group(folder("alexander"), sentences=3, algorithm="magic")


def test_the_garbage_collector_is_left_as_it_was_found():
    summarize_group(folder("alexander"), sentences=2)
    assert gc.isenabled()
    with pytest.raises(ConfigError):
        summarize_group(folder("alexander"), sentences=2, algorithm="magic")
    assert gc.isenabled()
    gc.disable()
    try:
        summarize_group(folder("alexander"), sentences=2)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()


def test_group_without_sentences_gives_an_empty_summary():
    # Text the cleaner lets through (it keeps what it is unsure of) but no summary may use.
    text = "Updated 10:32 GMT, March 4, 2025\n\nHome | World | Middle East | Gaza\n\nShare on Facebook and X"
    summary = summarize_group([Article(location="x", title="Menu", text=text, content_hash="h")], sentences=5, track=DOHA)
    assert summary.sentences == () and summary.one_liners == ("",) and summary.track == "doha"


def test_track_relevance_changes_the_choice():
    body = (
        "Qatar hosted a new round of talks in Doha on Monday between Israeli and Hamas negotiators, mediators said.\n\n"
        "Separately, the European Union announced 120 million euros in aid for Gaza's hospitals on Monday.\n\n"
        "Egypt's foreign minister spoke by phone with his Jordanian counterpart about the situation in the region."
    )
    group = [article("Talks and aid", body)]
    summary = summarize_group(group, sentences=1, track=DOHA)
    assert "Doha" in summary.sentences[0].text


def test_top_lines_are_the_summaries_own_sentences_new_first():
    a = summarize_group(folder("sharm"), sentences=3)
    b = summarize_group(folder("alexander"), sentences=3)
    previous = [s.text for s in b.sentences]
    b_repeated = summarize_group(folder("alexander"), sentences=3, previous=previous)
    lines = top_lines([a, b_repeated], n=3)
    assert len(lines) == 3
    owned = [s for summary in (a, b_repeated) for s in summary.sentences]
    assert all(any(line is s for s in owned) for line in lines)
    assert lines[0] is max(a.sentences, key=lambda s: s.score) or not lines[0].repeated
    news = [line for line in lines if not line.repeated]
    assert lines[: len(news)] == news  # anything new comes before any repeat
    one_each = top_lines([a, b], n=2)
    assert {id(s) for s in one_each} & {id(s) for s in a.sentences}
    assert {id(s) for s in one_each} & {id(s) for s in b.sentences}


def test_top_lines_never_say_one_thing_twice():
    # one announcement carried by two tracks' sections, worded by two outlets
    def section(track, *scored):
        return Summary(articles=(), sentences=tuple(SummarySentence(t, (0,), score=v) for t, v in scored), track=track)

    cairo = section("cairo", ("Egypt has proposed a two-day ceasefire in Gaza to exchange four Israeli hostages for some "
                              "Palestinian prisoners, President Sisi announced on Sunday.", 0.9),
                    ("Hamas delegates left Cairo after two days of talks with the mediators.", 0.5))
    other = section("other", ("President Sisi announced on Sunday that Egypt has proposed a two-day ceasefire in Gaza in "
                              "which four Israeli hostages would be exchanged for Palestinian prisoners.", 0.8),
                    ("The UN Security Council will vote on a new resolution on Tuesday.", 0.4))
    lines = [line.text for line in top_lines([cairo, other], n=3)]
    assert lines == [cairo.sentences[0].text, other.sentences[1].text, cairo.sentences[1].text]


def test_top_lines_give_each_negotiation_track_before_the_catch_all():
    def section(track, *scored):
        return Summary(articles=(), sentences=tuple(SummarySentence(t, (0,), score=v) for t, v in scored), track=track)

    other = section("other", ("Israeli strikes killed at least 40 people across Gaza overnight, health officials said.", 1.4),
                    ("The UN Security Council will vote on a new aid resolution on Tuesday.", 1.2))
    doha = section("doha", ("Israeli and Hamas negotiators resumed indirect talks in Doha on Sunday.", 0.7))
    cairo = section("cairo", ("A Hamas delegation arrived in Cairo to answer the Egyptian proposal.", 0.6),
                    ("Egypt said the gaps between the parties had narrowed.", 0.5))
    lines = top_lines([doha, cairo, other], n=3)
    assert lines == [doha.sentences[0], cairo.sentences[0], other.sentences[0]]
    assert top_lines([doha, cairo, other], n=2) == [doha.sentences[0], cairo.sentences[0]]


def test_a_very_large_group_is_scored_in_full_only_for_its_shortlist(monkeypatch):
    import digest.summarize as summarize

    group = folder("sharm") + folder("alexander")
    candidates = summarize.extract_candidates(group)[0]
    scored = summarize.score_candidates(group, candidates, algorithm="lexrank", track=None, now=None, shortlist=10)
    assert len(scored.indices) == 10 and list(scored.indices) == sorted(scored.indices)
    assert scored.units.shape[0] == 10 and len(scored.figures) == 10

    monkeypatch.setattr(summarize, "SHORTLIST", 10)
    summary = summarize_group(group, sentences=5)
    assert len(summary.sentences) == 5
    assert all(line for line in summary.one_liners)  # every article still has its line
    # The wire story's lead is in two files; both are cited whichever of them made the shortlist.
    wire = [s for s in summary.sentences if "Sharm el-Sheikh on Monday" in s.text]
    assert len(wire) == 1 and set(wire[0].sources) == {0, 1}


def test_a_toll_stated_with_a_number_is_news_without_any_word_of_the_talks():
    from digest.summarize import Weights, extract_candidates, score_candidates

    body = (
        "Negotiators met in the capital on Monday to discuss a truce. "
        "Rescue workers said 230 people were killed in overnight raids on the northern districts. "
        "Rescue workers said thousands of people were killed in the long years of the conflict. "
        "Rescue workers said the overnight raids on the northern districts were the heaviest yet."
    )
    group = [article("Raids and talks", body)]
    candidates = extract_candidates(group)[0]
    toll, vague, plain = (
        next(i for i, c in enumerate(candidates) if c.text.startswith(start))
        for start in ("Rescue workers said 230", "Rescue workers said thousands", "Rescue workers said the")
    )

    def scores(weights):
        return score_candidates(group, candidates, algorithm="lexrank", track=None, now=None, weights=weights).base

    talks = Weights(talk_share_full=0.0, talk_share_none=0.0)  # the topic factor on, as in a group about the talks
    with_credit, without = scores(talks), scores(dataclasses.replace(talks, counted=0.0))
    assert with_credit[toll] > without[toll] * 1.3  # the toll is no longer ranked down as off the topic
    assert with_credit[vague] == pytest.approx(without[vague])  # "thousands" is no figure
    assert with_credit[plain] == pytest.approx(without[plain])
    assert with_credit[toll] > with_credit[plain]


def test_a_figure_other_outlets_give_counts_more_than_one_a_single_outlet_gives():
    from digest.summarize import extract_candidates, score_candidates

    group = [
        article("Truce offer", "Officials said the offer would free 33 hostages in a 40-day truce, with talks set to resume in Cairo. "
                "The talks were described as serious by people briefed on them."),
        article("Offer details", "The proposal would see 33 hostages freed over a 40-day truce, two officials said on Monday. "
                "Mediators expect an answer within days."),
        article("Rival account", "A rival account said up to 30 hostages would go free over a 21-day truce, a Hamas source said on Monday. "
                "Mediators expect an answer within days."),
    ]
    candidates = [c for found in extract_candidates(group) for c in found]
    scored = score_candidates(group, candidates, algorithm="lexrank", track=None, now=None)
    confirmed, lone = (next(i for i, c in enumerate(scored.candidates) if c.text.startswith(start))
                       for start in ("The proposal would", "A rival account"))
    # alike in position and length, the sentence whose counts another outlet gives scores higher
    assert scored.base[confirmed] > scored.base[lone]

    from digest.summarize.scoring import LONE_FIGURE, figure_support

    support = figure_support(scored.candidates, scored.figures)
    assert support[confirmed] == pytest.approx(2.0)  # 33 hostages and 40 days: both in another article
    assert support[lone] == pytest.approx(2 * LONE_FIGURE)  # 30 hostages and 21 days: in this one alone
    # with nothing to compare, or only one other article, a figure counts in full
    for few in ([group[2]], group[1:]):
        scored = score_candidates(few, [c for found in extract_candidates(few) for c in found], algorithm="lexrank",
                                  track=None, now=None)
        support = figure_support(scored.candidates, scored.figures)
        assert list(support) == [len(found) for found in scored.figures]


def test_the_topic_factor_holds_only_in_a_group_whose_story_is_the_talks():
    from digest.summarize import Weights, topic_floor

    w = Weights(topic_floor=0.4, talk_share_full=0.75, talk_share_none=0.45)
    assert topic_floor(w, np.array([2, 1, 1, 0])) == pytest.approx(0.4)  # 3 of 4 sentences speak of the talks
    assert topic_floor(w, np.array([1, 0, 0, 0])) == pytest.approx(1.0)  # 1 of 4: no sentence is ranked down for it
    assert topic_floor(w, np.array([1] * 6 + [0] * 4)) == pytest.approx(0.4 + 0.6 * 0.5)  # 0.6: half way


def test_in_a_story_that_is_not_about_the_talks_its_news_is_not_ranked_down_for_lacking_talk_words():
    from digest.summarize import Weights, extract_candidates, score_candidates

    body = (
        "A senior commander of the group was killed in a drone strike on his car in the city on Tuesday. "
        "Four of his guards were also killed in the strike on the coastal road, witnesses said. "
        "The funeral of the commander will be held on Thursday in his home town, the group said. "
        "The group vowed revenge for the killing of its commander and named a successor. "
        "Mediators have pushed for months for a ceasefire deal and talks on a hostage release."
    )
    group = [article("Commander killed in drone strike", body)]
    candidates = extract_candidates(group)[0]
    funeral = next(i for i, c in enumerate(candidates) if c.text.startswith("The funeral"))
    backdrop = next(i for i, c in enumerate(candidates) if c.text.startswith("Mediators"))

    def ratio(weights):
        base = score_candidates(group, candidates, algorithm="lexrank", track=None, now=None, weights=weights).base
        return base[funeral] / base[backdrop]

    fixed = Weights(talk_share_full=0.0, talk_share_none=0.0)  # the topic factor whatever the story
    assert ratio(Weights()) == pytest.approx(ratio(fixed) / Weights().topic_floor)  # 1 in 5 speak of talks: no factor


def test_a_large_group_reads_quotes_only_from_the_articles_whose_quoting_sentences_score_best(monkeypatch):
    import digest.summarize as summarize_module
    import digest.summarize.extract as extract_module

    filler = ("Residents queued for water in the south. Markets reopened for a few hours. "
              "Schools stayed shut across the area. ")

    remarks = ["Doha has given us nothing new on the crossings", "The list of hostages agreed in Doha is nearly settled",
               "Our delegation stays in Qatar another week for the truce", "Maps of the withdrawal are the last obstacle to a truce",
               "We expect an answer from the mediators in Doha by Friday"]

    def story(n: int, lead: bool) -> Article:
        quote = f"“{remarks[n]},” negotiator Karim Haddad{n} said on Monday of the truce talks."
        body = f"{quote} {filler}" if lead else f"{filler}\n\n{filler}\n\n{quote}"
        return article(f"Story {n}", body, location=f"story-{n}")

    group = [story(n, lead=n in (1, 3)) for n in range(5)]
    read: list[str] = []
    real = extract_module.quotes_in

    def reading(a):
        read.append(a.location)
        return real(a)

    monkeypatch.setattr(extract_module, "quotes_in", reading)
    monkeypatch.setattr(summarize_module, "QUOTE_ARTICLES", 2)
    summary = summarize_group(group, sentences=2, track=DOHA)
    assert sorted(read) == ["story-1", "story-3"]  # the two whose quote leads the story
    assert {q.source for q in summary.quotes} == {1, 3}
    read.clear()
    monkeypatch.setattr(summarize_module, "QUOTE_ARTICLES", 5)  # a group no larger: every article is read
    assert len(summarize_group(group, sentences=2, track=DOHA).quotes) == 5 and len(read) == 5


def _large_group() -> list[Article]:
    """Enough real articles (the labelled clusters', read as one group) to be shared among processes."""
    from digest.summarize.extract import PARALLEL_FROM

    paths = sorted(str(p) for p in RESOURCES.rglob("*.txt"))[: PARALLEL_FROM + 20]
    return [document_to_article(doc) for _, doc in iter_documents(paths, 10**7)]


def test_workers_share_a_large_group_and_the_summary_is_the_same():
    group = _large_group()
    alone = summarize_group(group, sentences=5, track=DOHA)
    shared = summarize_group(group, sentences=5, track=DOHA, workers=2)
    assert shared == alone
    assert alone.quotes and alone.figures and all(alone.one_liners)  # every part went through the workers' results


def test_the_workers_read_quotes_a_few_articles_at_a_time_and_what_they_have_not_started_is_read_here(monkeypatch):
    import os
    import time

    import digest.summarize.extract as extract_module

    group = _large_group()
    alone = extract_module.extract_each(group, workers=1)
    shared = extract_module.extract_each(group, workers=2)
    assert shared == alone  # candidates (with their tokens), rejected sentences and quotes

    # Each article's quotes as the process that read it, read slowly: when the summary asks for
    # two articles' quotes, the first chunk is a worker's (queued behind its candidates), the last
    # not started and read here, and no other article is read for nothing.
    def slowly(article):
        time.sleep(0.01)
        return [(article.location, None, os.getpid())]

    monkeypatch.setattr(extract_module, "quotes_in", slowly)
    with extract_module.extracting(group, workers=2) as extraction:
        quotes = extraction.quotes({0, len(group) - 1})
    assert [q[0][:2] for q in (quotes[0], quotes[-1])] == [(group[0].location, None), (group[-1].location, None)]
    assert quotes[0][0][2] != os.getpid() and quotes[-1][0][2] == os.getpid()
    assert all(q == [] for q in quotes[1:-1])


def test_the_candidates_are_ready_while_the_workers_still_read_the_quotes(monkeypatch):
    """The summary scores its sentences while the workers read quotes, which it needs only at
    the end: here the quotes wait until the candidates have come back."""
    import multiprocessing

    import digest.summarize.extract as extract_module

    candidates_back = multiprocessing.get_context("fork").Event()

    def read_after_candidates(article):
        if not candidates_back.wait(10):
            candidates_back.set()  # one wait is enough to tell
            return [("read before the candidates were back", None, 0)]
        return [(article.location, None, 0)]

    group = _large_group()
    expected = extract_module.extract_each(group).candidates
    monkeypatch.setattr(extract_module, "quotes_in", read_after_candidates)
    with extract_module.extracting(group, workers=2) as extraction:
        assert extraction.candidates == expected
        candidates_back.set()
        quotes = extraction.quotes()
    assert [q[0][0] for q in quotes] == [a.location for a in group]


def test_a_worker_that_dies_reading_quotes_loses_none(monkeypatch, caplog):
    import os

    import digest.summarize.extract as extract_module

    group = _large_group()
    expected = extract_module.extract_each(group)
    parent = os.getpid()
    real = extract_module.quotes_in

    def die_in_a_worker(article):
        if os.getpid() != parent:
            os._exit(1)
        return real(article)

    monkeypatch.setattr(extract_module, "quotes_in", die_in_a_worker)
    with caplog.at_level("WARNING"):
        assert extract_module.extract_each(group, workers=2) == expected
    assert "reading them in this process" in caplog.text


def test_a_small_group_starts_no_process_and_a_pool_that_cannot_start_is_no_failure(monkeypatch, caplog):
    import digest.summarize.extract as extract_module

    def refuse(*args, **kwargs):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(extract_module, "ProcessPoolExecutor", refuse)
    small = folder("sharm")
    assert extract_module.extract_each(small, workers=4) == extract_module.extract_each(small)  # no pool asked for
    assert not caplog.records
    group = _large_group()
    with caplog.at_level("WARNING"):
        shared = extract_module.extract_each(group, workers=2)
    assert shared == extract_module.extract_each(group)
    assert "could not share" in caplog.text and "Resource temporarily unavailable" in caplog.text


def test_a_quote_whose_speaker_is_only_he_is_ranked_down_but_still_listed_with_its_speaker():
    # three outlets carry the quote, which would lead the section; but a reader of the section
    # would not know who "he" is, and the quote list names him
    said = "“Israel will not give in to the pressure of Hamas on the hostage deal, and the ceasefire talks in Doha will go on,” he said."
    leads = ["Israeli Prime Minister Benjamin Netanyahu met the negotiators in Jerusalem on Sunday.",
             "Prime Minister Benjamin Netanyahu spoke to reporters after a meeting of his cabinet.",
             "Benjamin Netanyahu addressed the Knesset on Monday afternoon."]
    group = [article("Talks", f"{lead}\n\n{said}", location=str(n)) for n, lead in enumerate(leads)]
    summary = summarize_group(group, sentences=1)
    assert [s.text for s in summary.sentences] == [leads[0]]
    assert [(q.speaker, q.text[:20]) for q in summary.quotes] == [("Benjamin Netanyahu", "Israel will not give")]
