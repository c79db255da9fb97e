"""Who said each quote, over sixteen articles written in sixteen outlets' styles (tests/resources/quotes):
the share given to the right speaker, and how few are given to the wrong one, on text no rule was
written from."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from digest.models import Article
from digest.summarize.quotes import quotes_in

CORPUS = Path(__file__).parent / "resources" / "quotes"


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w' ]", "", text.replace("’", "'")).lower().split()


def _verdict(truth: dict, speaker: str | None) -> str:
    if speaker is None:
        return "right" if truth["speaker"] is None else "none"
    if truth["speaker"] is None:
        return "wrong"  # a speaker where the text names none
    given = speaker.lower().replace("’", "'")
    if any(re.search(rf"(?<!\w){re.escape(key.lower().replace('’', chr(39)))}(?![\w-])", given) for key in truth["keys"]):
        return "right"
    described = truth["speaker"].lower()
    if described.split()[0] in ("a", "an", "one") and len(given.split()) >= 3 and described.startswith(given):
        return "right"  # someone described, the description cut short ("a diplomatic source" for "... in Cairo")
    if given.startswith("the ") or given in ("he", "she", "it", "they"):
        return "unresolved"  # a title or pointer the article named before: not wrong, not resolved
    return "wrong"


def score(corpus: Path = CORPUS) -> Counter:
    """How many of the corpus's quotes are given to their speaker ("right"), to no one though the
    text names someone ("none"), to a title or pointer left unresolved, to someone else ("wrong")."""
    truths = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    found: dict[str, list] = {}
    for path in sorted(corpus.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        found[path.name] = quotes_in(Article(location=str(path), title=title, text=body, content_hash=path.name))
    return _tally(truths, found)


def _tally(truths: list[dict], found: dict[str, list]) -> Counter:
    """Each key quote's verdict, against the quotes `found` in its file: the first listed quote that
    opens with the same four words (in the key's paragraph, when the key gives one)."""
    counts: Counter = Counter()
    for truth in truths:
        start = _words(truth["quote_start"])[:4]
        listed = [speaker for text, speaker, paragraph in found[truth["file"]]
                  if truth.get("paragraph", paragraph) == paragraph and _words(text)[:4] == start]
        counts[_verdict(truth, listed[0]) if listed else "not listed"] += 1
    return counts


@pytest.fixture(scope="module")
def verdicts() -> Counter:
    return score()


def test_every_quote_is_listed(verdicts):
    assert verdicts["not listed"] == 0


def test_most_quotes_go_to_their_speaker_and_very_few_to_someone_else(verdicts):
    total = sum(verdicts.values())
    assert total == 200
    # 182 of 200 when the corpus was added (175 before that day's fixes); 197 once "his office", "the party",
    # "the officer", "on Oct. 7", "..., according to X" at a sentence's end, "Hamas's response, issued ...",
    # "X's mother ... she said", "seen by Reuters", "the spokesman for ... wing, the Qassam Brigades" and "the
    # Israeli official" after "An Israeli official ..." were read
    assert verdicts["right"] >= 0.95 * total, verdicts
    assert verdicts["wrong"] <= 0.02 * total, verdicts  # 3 (12 before); none since the second day's fixes


SECOND = Path(__file__).parent / "resources" / "quotes2"


def test_a_second_set_written_later_by_someone_who_had_not_read_the_rules():
    verdicts = score(SECOND)
    assert sum(verdicts.values()) == 104
    # when it was written: 76 right, 8 wrong, 13 not listed (all 13 open in lower case: words cut from a sentence
    # or the second half of a quote its attribution splits, which the quote list leaves out), on the code of
    # that day's start and after its first fixes alike; 79 right, 5 wrong once a title after the name ("Lana
    # Nusseibeh, Assistant Minister for Political Affairs"), a date in a clause set off after a name and one
    # name with an age ("Mahmoud, 38,") were read; 82 and 4 once "he added" after "said the father of hostage ..." was
    # his and "quoting X as saying", "said only:" and "X, asked about it by The National, said" were read; 85 and 1
    # once a surname two people share ("Weiss": Ronit and Avi) was the one named last before the quote; 89 and 1,
    # 9 not listed, once words cut from a sentence were listed as a part (six words or more, with a speaker named);
    # 92 and 1, 6 not listed, once a body that opens the part's sentence and speaks was its speaker
    assert verdicts["right"] >= 92, verdicts
    assert verdicts["wrong"] <= 1, verdicts
    assert verdicts["not listed"] <= 6, verdicts


THIRD = Path(__file__).parent / "resources" / "quotes3"


def test_a_third_set_with_words_cut_from_sentences():
    verdicts = score(THIRD)
    assert sum(verdicts.values()) == 112
    # when it was written: 64 right, 7 wrong, 7 given no speaker, and the 34 words cut from a sentence not listed,
    # on the code of that day's start; 72 right, 2 wrong, 4 with none once "he said" after a scene ("In the city of
    # Khan Younis, Samir Odeh, 41, ... queued"), "the 53-year-old" and "the grandmother", and "For Mr Hassouna, ...
    # he said" were read; 89 right and 3 wrong, 16 not listed, once words cut from a sentence were listed as a part;
    # 90, 3 and 15 once a body that opens the part's sentence and speaks was its speaker; 92 right once "she" after
    # "Among them is Dana Levi" was read as her
    assert verdicts["right"] >= 92, verdicts
    assert verdicts["wrong"] <= 3, verdicts
    assert verdicts["not listed"] <= 15, verdicts


REAL = Path(__file__).parent / "resources" / "tracks"


def score_real() -> Counter:
    """The quotes of the real articles in the blind track batches (tracks/blind4 to blind7), against
    a key written by two helpers who read only those articles: 218 quotes, 99 of them words cut from
    a sentence (those under MIN_PART_WORDS words are never listed)."""
    from digest.ingest import document_to_article, read_path

    truths = json.loads((REAL / "quotes-truth.json").read_text(encoding="utf-8"))
    found = {name: quotes_in(document_to_article(read_path(REAL / name, 10_000_000)[0])) for name in {t["file"] for t in truths}}
    return _tally(truths, found)  # the key gives no paragraph: the page's paragraphs are the ingest's to split


def test_the_quotes_of_real_articles_from_many_outlets():
    verdicts = score_real()
    assert sum(verdicts.values()) == 218
    # when the key was written: 122 right, 6 wrong, 13 given no speaker, 76 not listed (66 of them words cut
    # from a sentence, most of them short); 129, 4, 10 and 74 once words passed on ("quoted X as telling",
    # "reported that X said"), an act on another's words ("echoed Rubio's remarks and told") and a phrase of
    # when before the speaker were read; 134 right once quotes in single marks, as British papers write them, were read;
    # 135 and 3 wrong once "he" after two clauses joined by "and" was the later clause's subject; 136 and 2 once
    # "It added:" after "Sky News reported that Israel's military said ..." was the military
    assert verdicts["right"] >= 136, verdicts
    assert verdicts["wrong"] <= 2, verdicts
