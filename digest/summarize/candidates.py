"""Sentence candidates: every sentence of a group's articles that may stand alone in a summary.

A sentence is dropped outright when it is web furniture, a caption or photo credit, a byline or
reporting credit, a dateline or timestamp on its own, a headline repeated in the body, a list of
links, or an editor's note; a dateline left at the start of a paragraph ("CAIRO/JERUSALEM
(Reuters) — ...") is cut off. A sentence that reads badly out of its article ("He added that ...",
"But it's not clear ...", a bare question, a pronoun or a quote fragment at its start) is kept
with a penalty, so it only wins when nothing better says the same; so is background that does
not name the day ("The war began when ...", "the truce, which took effect on January 19, has so
far ..."), and a sentence whose every date lies a week or more before its article's.

All rules are about the shape of the text (punctuation, capitals, position, a few function
words), never about particular stories.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from digest import dateline
from digest.models import Article
from digest.summarize.dates import days_before
from digest.text import (
    MONTH_IN_DATE, PHOTO_AGENCY, WEEKDAY_NAME, content_key, ends_sentence, paragraph_sentences, quick_sentences, quotes_balanced, split_sentences,
    stop_words, words,
)

# -- exclusion rules ----------------------------------------------------------------------------

_URL = re.compile(r"https?://|www\.|\b[\w.-]+@[\w-]+\.[a-z]{2,}\b|\B@\w{2,}|\b[\w-]+\.(?:com|org|net|io|co)/\S", re.I)
_LINK_SEPARATORS = re.compile(r"\s[|•·»]\s|\s\|\s?|\s?\|\s")
_FURNITURE_START = re.compile(
    r"^(?:see also|read also|also read|read more|more:|related(?: articles| stories| coverage)?\b|watch:|listen:|"
    r"recommended|click here|sign up|subscribe|follow us|share (?:this|on)|download (?:the|our)|advertisement|"
    r"continue reading|skip to|all rights reserved|copyright|©|terms of (?:use|service)|privacy policy|"
    r"leave a (?:reply|comment)|post a comment|comments?\b|log ?in|sign in|you may also like|trending|"
    r"most (?:read|popular)|editor'?s? picks|newsletter|back to top|next article|previous article|source link|"
    r"image (?:caption|source)|photo(?:graph)?:|file photo|pictured:|caption:|credit:|listen to (?:this|the) article|"
    r"reading time|min read|updated|published|posted|last updated|get the latest (?:news|updates|headlines)|"
    r"join\b.{0,40}\b(?:whatsapp|telegram|youtube|google news)|stay up to date)\b",
    re.I,
)
_FURNITURE_ANYWHERE = re.compile(
    r"\b(?:sign up for|subscribe to (?:our|the|get|receive)|get our latest|our (?:\w+ )?newsletter|cookie|javascript|your inbox|"
    # an outlet's promos and notices as whole sentences: "Listen now on Apple Podcasts", "Save articles to read later and
    # create your own reading list", "You have read 3 of 5 free articles", "... offered to subscribers", "Please contact us
    # for subscription options", "To learn more about republishing this content", "An earlier version of this story misstated"
    r"(?:apple|google) podcasts|on spotify\b|reading list|read later|stay updated with|you(?:'re|’re| are) reading (?:the|a|an)\b|"
    r"free articles|offered to subscribers|subscription options|get smarter|republishing (?:this|our)|can be found here\.?$|"
    r"unrivalled coverage|coverage and analysis of|(?:website|site) and app\b|"
    r"(?:this|the) (?:article|story|report) is (?:also )?available in|an earlier version of this (?:story|article|report)|"
    # a membership box, a comment form, a live page's welcome: "We're really pleased that you've read 5 ... articles",
    # "discerning readers like you", "Already a member?", "Your comment will be published after ... our moderators"
    r"you(?:['’]ve| have) read \S+ (?:\w+ ){0,4}articles|readers like you|already a member|your comment|our moderators|"
    r"welcome to (?:[\w'’]+ ){0,3}(?:continuing|live|ongoing) coverage|"
    r"audio player|(?:article|story)['’]s audio|"  # "Getting your Trinity Audio player ready...", "AI ... generate this article's audio"
    # a newsletter's own blurb ("The Reuters Daily Briefing newsletter provides all the news you need", "Meanwhile in
    # the Middle East newsletter, a three-times-a-week look ..."), "Stay up to date", "Follow our new live page"
    r"newsletters?\s+(?:provides?|may\s+contain|delivers?)|newsletter,\s+an?\s|"
    r"follow\s+our\s+(?:new\s+)?live\s+(?:page|blog|coverage)|"
    r"follow (?:us|him|her|them|@)\b.{0,20}\b(?:on )?(?:twitter|x|facebook|instagram|telegram|whatsapp)|"
    r"all rights reserved|terms of (?:use|service)|privacy policy|click here|tap here|"
    r"download (?:our|the) app|this (?:article|story|report) (?:was|has been|is) (?:originally |first )?"
    r"(?:published|updated|amended|corrected|written|produced|republished)|"
    r"editor'?s note|check back (?:for|later)|this is a (?:developing|breaking) (?:story|news)|appeared first on|"
    r"join (?:our|us on)\b|(?:live blog|live updates|live coverage) (?:here|below)|this (?:content|article) (?:was|is) (?:produced|sponsored|paid)|"
    r"contributed (?:to )?(?:this|reporting)|additional reporting by|reporting by|writing by|editing by|"
    r"compiled by|produced by|(?:the )?views expressed|does not necessarily reflect|"
    # an outlet's appeal for support: "We report with just one agenda: the truth.", "Our intrepid
    # correspondents are in Gaza ... providing first-person reporting", "support our independent journalism"
    r"we report with|first-person reporting|intrepid correspondents|support (?:our |independent ){1,2}(?:journalism|reporting)|"
    r"(?:is|was) (?:a|an|the) (?:\w+ ){0,3}(?:correspondent|reporter|journalist|editor|writer|columnist|contributor)"
    r" (?:for|at|with)\b|"
    # a broadcaster's video blurb: "X reports the latest on ... during 'Fox & Friends.'", "X joins
    # 'America's Newsroom' to discuss ...", "X breaks down the proposal on 'Special Report.'"
    r"reports the latest\b|joins\s+['‘\"“][A-Z][^.]{0,40}?['’\"”]\s+to\s+(?:discuss|break|weigh|react)|"
    r"(?:discusses|breaks down|weighs in on|reacts to)\b[^.]{0,150}\b(?:on|during)\s+['‘\"“][A-Z][^\"“”]{0,40}?['’\"”]?\.?['’\"”]?$)",
    re.I,
)
_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten by|[Ww]ords by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|–—-]|and|$)")
_REPORTED_FROM = re.compile(r"\breported from\b|\breporting from\b|\bcontributed\b", re.I)
_CAPTION_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty|Photo|File|Image|Xinhua|Anadolu|Handout|Courtesy)[^)]{0,60}\)|"
    r"(?:^|[\s(/])(?:AP|AFP|REUTERS|Reuters|EPA|Getty Images|Anadolu(?: Agency)?|Xinhua|Shutterstock|WANA)"
    r"\s*(?:Photo|Images?|via Getty Images)?\s*/\s*\S|"
    r"\bvia Getty Images\b|\bPhoto(?:graph)?(?: by|:| credit)|\bImage credit\b|\b(?:file|handout) (?:photo|picture|image)\b|"
    r"\bin this (?:photo|picture|image|handout|file photo|screengrab|screenshot|video grab)\b|\bpictured\b",
    re.I,
)
# A photo credit standing alone after its caption: "( AP )", "Soroka Medical Center via AP",
# "(AP Photo/Ohad Zwigenberg)", "REUTERS/Ronen Zvulun".
_CREDIT_ALONE = re.compile(
    rf"^\(?\s*(?:(?:[A-Z][\w.'’&-]*\s+){{1,5}}via\s+)?{PHOTO_AGENCY}(?:\s+(?:Photos?|Images?))?(?:\s*/\s*[^()/]{{2,60}})?\s*\)?\.?$"
)
# ... which says for certain that the paragraph is a caption when the credit names the photo's
# source ("via AP") or its photographer ("AP Photo/...", "REUTERS/...").
_CREDIT_NAMES_SOURCE = re.compile(r"\bvia\s|/|\bPhotos?\b|\bImages?\b")
CAPTION_PARAGRAPHS = 2  # the article's first paragraphs, where a photo and its caption sit above the lead
_MONTH = MONTH_IN_DATE
# Who stands where in a photo: "Fighters escort hostages (L-R, holding certificates) ...", "(from left)"
_WHO_IS_WHERE = re.compile(r"\((?:[LR]\s*(?:-|–|to)\s*[LR]|(?:from\s+)?(?:left|right)(?:\s+to\s+(?:right|left))?|cent(?:re|er))(?=[,)])", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b")
_FULL_DATE = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\b")
# A wire photo's caption ends with where and when it was taken, after a comma: "... outside the
# White House in Washington, US, July 25, 2024." A sentence of news says "on July 25, 2024", or
# "on Monday, July 25, 2024" (a weekday before the comma). Or with the place after the date, as
# AP and Anadolu write: "..., Friday, May 31, 2024, in Washington.", "... on March 08, 2025 in
# Beit Lahia, Gaza."
_CAPTION_DATE_END = re.compile(
    rf"(?<!day),\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.$"
    rf"|\b{_MONTH}\s+\d{{1,2}},\s+\d{{4}},?\s+(?:in|at|near|outside)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    rf"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\.$"
)
# Someone saying something: no caption does.
_SAYS = re.compile(r"\b(?:said|says|told)\b")
# The present tense of what people in news photos are doing, right after the subject: named
# ("Palestinians walk ...", with a date) or "a man", "a woman" ("A woman holds a banner reading ...").
_PHOTO_VERB = (
    r"(?:walks?|stands?|sits?|gathers?|inspects?|carr(?:y|ies)|mourns?|reacts?|looks? (?:on|at)|"
    r"holds?|rides?|waits?|gestures?|queues?|lines? up|shouts?|chants?|waves?|pass(?:es)? by|receives?|collects?|"
    r"pray(?:s)?|searche?s?|flees?|sift(?:s)? through|check(?:s)?|attends?|arrives?|speaks?|is seen|are seen|pose(?:s)?)\b"
)
_CAPTION_VERBS = re.compile(rf"^(?:[A-Z][\w'’-]*\s+){{1,6}}?{_PHOTO_VERB}")
# ... or anywhere, in a caption that ends with where and the weekday, after a comma: "Vehicles of the
# Red Cross arrive, while militants stand by, ... in Jabalia, Gaza Strip, Thursday."
# ... or what a view or a picture shows: "A drone view shows ...", "A satellite image taken on Monday shows ...".
_VIEW_SHOWS = re.compile(
    r"^An?\s+(?:[\w-]+\s+){0,2}?(?:view|image|picture|photo(?:graph)?|still|screengrab|screenshot|video grab)\b[^.;“”\"]{0,60}?\bshows?\b")
_PHOTO_VERB_ANYWHERE = re.compile(rf"\b{_PHOTO_VERB}")
_CAPTION_WEEKDAY_END = re.compile(rf",\s+{WEEKDAY_NAME}\.$")
# ... or one that ends "on <full date>." and says what people in it are doing now: "Former Israeli hostages pose
# outside the US Capitol on March 4, 2025.", "Female Israeli soldiers are released by Hamas militants ... in Gaza
# City on Jan. 25, 2025." A sentence of news tells the past: "... who was abducted on October 7, 2023."
_ON_FULL_DATE_END = re.compile(rf"\bon\s+(?:{WEEKDAY_NAME},\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.$")
_SCENE_NOW = re.compile(
    rf"\b(?:{_PHOTO_VERB}|(?:greets?|meets?|raises?|prepares?|leaves?|celebrates?|embraces?|hugs?|marches?|rall(?:y|ies)"
    r"|watch(?:es)?|listens?|(?:is|are)\s+(?:released|freed|handed\s+over|escorted|seen|carried|taken|greeted|reunited))\b)")
_SOMEONE_IN_A_PHOTO = re.compile(
    r"^An?\s+(?:[\w'’-]+\s+){0,3}?(?:man|woman|boy|girl|child|person|protester|mourner|relative|resident|soldier|"
    rf"member|demonstrator|supporter|worker|rescuer|medic|family|couple|youth|fighter|policeman|officer)\s+{_PHOTO_VERB}"
)
# ... or one with no verb at all: who, then where, then when: "Qatari Prime Minister Mohammed bin
# Abdulrahman Al Thani at a joint press conference with Turkey's foreign minister in Doha, on April
# 27, 2025." News puts a verb after its subject ("Hamas in Cairo agreed on ...", "... said on ...");
# a participle a caption may have names who did it ("at a meeting hosted by Egypt").
_NAME_OR_TITLE = (r"(?:[A-Z][\w'’.-]*|al-[\w'’-]+|bin|ibn|al|el|de|of|and|the|official|leader|chief|envoy|minister|prime|foreign|"
                  r"president|spokes(?:man|woman|person)|negotiator|head|director|member|adviser|advisor|special)")
_WHO_THEN_WHERE = re.compile(
    rf"^{_NAME_OR_TITLE}(?:\s+{_NAME_OR_TITLE}){{0,13}},?\s+(?:at|during|in|outside|inside|near|with|alongside|ahead\s+of|after|before)\s")
_A_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|do|does|did|says?|said|told|"
                     r"[a-z]+ed(?!\s+by\b))\b")
_DATE_OR_TIME_TOKEN = re.compile(
    rf"^(?:{_MONTH}|\d{{1,4}}(?:st|nd|rd|th)?|[ap]\.?m\.?|GMT|UTC|EST|EDT|BST|CET|am|pm|"
    r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"updated|published|posted|last|ago|minutes?|hours?|days?|mins?|read|time|on|at)$",
    re.I,
)

# -- out-of-context rules ---------------------------------------------------------------------

_OPEN_QUOTES = "“‘«\""
# A list item's mark ("• Hamas told ...", "- Israeli tanks ..."): the sentence is what follows it.
_LIST_MARKS = "•*·▪▸►‣◦●○■□➤→-–—"
_LIST_MARK = re.compile(rf"^[{re.escape(_LIST_MARKS)}]\s+(?=[{_OPEN_QUOTES}(\[]?[A-Z0-9])")
# Pictographs a post or a live page puts before a line ("⭕️In response to ...", "🔴 Hamas said ..."),
# with the selectors and joiners that make them emoji.
_PICTOGRAPH_MARKS = re.compile(r"^(?:[\u2190-\u2bff\U0001f000-\U0001faff][\ufe0e\ufe0f\u200d]*)+\s*(?=[" + re.escape(_OPEN_QUOTES) + r"(\[]?[A-Z0-9])")


def _without_pictographs(sentence: str) -> str:
    return _PICTOGRAPH_MARKS.sub("", sentence, count=1)


_PRONOUNS = {
    "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its", "we", "i", "you",
    "him", "them", "our", "such",
}
_TEMPORAL_AFTER_DEMONSTRATIVE = {"week", "weekend", "year", "month", "morning", "afternoon", "evening", "time", "round", "summer", "spring", "autumn", "fall", "winter"}
# Openers that point back at the previous sentence: heavily ("As a result", "For example") or
# mildly ("But", "However": news writing uses them loosely).
_CONNECTIVES = re.compile(
    r"^(?:thus|therefore|hence|otherwise|likewise|similarly|again|even so|in addition|in contrast|"
    r"as a result|that said|on the other hand|by contrast|in turn|for (?:his|her|their|its) part|"
    r"at the same time|for example|for instance|in other words|that is|as such|to that end|rather|"
    r"moreover|furthermore|besides|additionally|consequently|accordingly|instead|"
    r"in (?:response|retaliation)(?=,))\b",  # "In response, Israel launched ...": to what the sentence before told
    re.I,
)
_MILD_CONNECTIVES = re.compile(
    r"^(?:but|and|or|so|yet|still|however|also|nevertheless|nonetheless|indeed|then|notably|of course|"
    r"after all|not only)\b",
    re.I,
)
# "The move came two weeks after ...", "The statement comes as ...": the move named the sentence before
# ("The truce came into force on Sunday" is news)
_EVENT_CAME = re.compile(r"^The\s+[a-z]+(?:\s+[a-z]+)?\s+(?:came|comes|follows|followed)\b(?!\s+(?:into|in\b|to\s+an\s+end))")
_SOFT_OPENERS = re.compile(r"^(?:meanwhile|separately|elsewhere|earlier|later|previously|initially|finally|ultimately)\b", re.I)
_CONTINUATION = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:added|continued|went on|also said|also noted|noted|stressed|explained|insisted|argued|concluded|recalled)\b")
PRONOUN_SPEAKS = 0.7  # the factor for a quote whose speaker is only "he" or "she" (see _PRONOUN_SPEAKS)
PRONOUN_SPEAKS_REASON = "quote of he or she"
# A quote whose speaker is only "he" or "she" (""I will not give in to pressure," he added."):
# who it is, the sentence before said.
_PRONOUN_VERBS = "said|says|added|adds|continued|noted|stressed|wrote|explained|warned|insisted"  # and "told"
_PRONOUN_SPEAKS = re.compile(rf"^[\"“][^\"“”]+[\"”]\s*,?\s*(?:he|she|they)\s+(?:{_PRONOUN_VERBS}|told)\b[^\"“”]*$")
# ... or introduced by "he" or "she" after an opening phrase ("Speaking about ..., he added: "..."")
_PRONOUN_INTRODUCES = re.compile(
    rf"^[^\"“”]{{3,160}}?,\s+(?:he|she|they)\s+(?:also\s+)?(?:{_PRONOUN_VERBS}|told\s+[^,:\"“”]{{1,40}})\s*[:,]\s*[\"“]"
)
_VAGUE = re.compile(
    r"\b(?:it(?:'s|’s| is| was| remains)? (?:not |un)clear|remains? to be seen|time will tell|only time|"
    r"it(?:'s|’s| is) (?:too early|unknown|uncertain)|no one knows|closely (?:monitor|watch)\w*|"
    r"the international community|the world (?:is )?watch\w*)\b",
    re.I,
)
# Each alternative of _VAGUE holds one of these (lower case), and "time" alone would let the
# expression run on every sentence that says "for the first time".
_VAGUE_HINTS = ("clear", "to be seen", "time will tell", "only time", "too early", "unknown", "uncertain", "no one knows",
                "closely", "international community", "world")
# Background every outlet repeats: how the war began, when the current truce took effect, what
# an earlier phase delivered, what has happened "so far". Such a sentence is about the story's
# past, not the day's news, unless it also names the day ("on Tuesday", "today").
_BACKGROUND = re.compile(
    r"\b(?:the war (?:began|started|broke out) (?:when|with|on)|the war,? (?:which was )?(?:sparked|triggered|started|ignited) by|"
    r"(?:took|came into) effect (?:on|in)|so far\b|"
    r"(?:during|in) the (?:first|previous|last) (?:phase|stage|round) of the (?:truce|ceasefire))",
    re.I,
)
_BACKGROUND_HINTS = (
    "war began", "war started", "war broke", "sparked by", "triggered by", "started by", "ignited by", "effect", "so far",
    "phase of the", "stage of the", "round of the",
)
# How the war began, told again ("the Hamas-led attack on southern Israel on October 7, 2023, in
# which about 1,200 people were killed", "during the Hamas-led October 7 attacks"; not a count or a
# time running from it, "since / after October 7", nor a deadline, "by October 7"), and the war's
# first truce ("the only truce of the war, a week-long pause in November 2023").
_ORIGIN_DATE = re.compile(r"(?<!since\s)(?<!after\s)(?<!from\s)(?<!by\s)(?<!until\s)(?<!before\s)\b(?:oct(?:ober|\.)?\s*7(?:th)?|7(?:th)?\s+oct(?:ober|\.)?)\b", re.I)
_ORIGIN_EVENT = re.compile(
    r"\b(?:attack\w*|assault|raid|incursion|rampage|killing|killed|hostages?|captives?|abducted|seiz\w+|took|taken|"
    r"launched|triggered|sparked|began|started|broke out)\b",
    re.I,
)
# ... or named by its year or as "last October" rather than its day ("the group's unprecedented
# attack on southern Israel in 2023", "during the attack on Israel last October"). "The October
# 2023 attack" is left out: it mostly says which hostages are meant ("of the 251 hostages taken
# in the October 2023 attack, 58 are still held" is today's count).
_ORIGIN_YEAR = re.compile(r"\battacks? (?:on|in|against) (?:southern )?Israel,? (?:in (?:October )?2023|last October)\b", re.I)
_FIRST_TRUCE = re.compile(
    r"\b(?:the (?:first|only|first and only|sole) (?:truce|ceasefire|pause)(?: (?:of|in) the war)?|"
    r"(?:week-long|weeklong|seven-day)(?: [a-z]+)? (?:truce|ceasefire|pause) in (?:late )?november)\b",
    re.I,
)
# ... or told by what it did without naming it: killing and carrying off in one attack ("The
# Hamas attack killed 1,200 people and took some 250 others hostage", "Hamas abducted around 200
# people and killed over 1,400 in the attack").
_ORIGIN_ATTACK = re.compile(r"\b(?:attacks?|assault|rampage|incursion)\b", re.I)
_ORIGIN_KILLED = re.compile(r"\bkill(?:ed|ing)\b", re.I)
_TAKING = r"took|taken|abduct(?:ed|ing)|kidnapp(?:ed|ing)|seiz(?:ed|ing)"
_ORIGIN_TAKEN = re.compile(rf"\b(?:{_TAKING})\b", re.I)
# ... or by its toll alone: a thousand and more killed and a hundred or more carried off ("The militants
# murdered more than 1,200 people and abducted more than 250 hostages").
_ORIGIN_TOLL_KILLED = re.compile(r"\b(?:kill|murder)(?:ed|ing)\b\D{0,30}?\b1,?[0-4]\d\d\b|\b1,?[0-4]\d\d\b\D{0,30}?\b(?:kill|murder)(?:ed|ing)\b", re.I)
_ORIGIN_TOLL_TAKEN = re.compile(
    rf"\b(?:{_TAKING})\b\D{{0,30}}?\b[12]\d\d\b"
    r"|\b[12]\d\d\b\D{0,30}?\b(?:taken|abducted|kidnapped|seized)\b", re.I)
_NAMES_THE_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|this (?:week|morning|afternoon|evening))\b",
    re.I,
)
# A sentence whose every named time is this many days or more before its article's date tells
# background (see digest.summarize.dates).
DATED_BACKGROUND_DAYS = 7
# The reasons that mark a candidate as background rather than the day's news.
BACKGROUND_REASONS = frozenset({"background", "dated before the article"})
# A time named only by pointing back at the sentence before ("the attack that day", "later that week").
_TIME_BACK = re.compile(r"\b(?:(?:that|the same) (?:day|night|morning|evening|afternoon|week|weekend|month|year)|at the time)\b", re.I)
_OPENS_WITH_QUOTE_FRAGMENT = re.compile(r"^[\"“‘«']\s*(?:[a-z]|\.\.\.|…)")
_QUOTE_ONLY = re.compile(r"^[\"“«][^\"“”«»]+[\"”»]$")


@dataclass(frozen=True)
class Candidate:
    """One sentence of one article, with where it sits and how well it stands alone."""

    article: int  # index into the group's articles
    index: int  # position among the article's kept sentences (0 = lead)
    paragraph: int
    text: str  # exact text from the article
    tokens: tuple[str, ...]  # word tokens, original case
    penalty: float = 1.0  # < 1 when it reads badly out of context
    reasons: tuple[str, ...] = ()  # why it was penalised


@dataclass(frozen=True)
class Rejected:
    article: int
    text: str
    reason: str


def _punctuated(text: str) -> bool:
    """Whether `text` ends in sentence punctuation. A closing quote mark alone is no end: a
    sentence ending in a quotation has its stop inside or after the quote ("... home." or
    "... home"."), while a deck under a headline does not (VP asks people to 'pray for peace')."""
    return ends_sentence(text, quote_ends=False)


def _reads_as_sentence(text: str, tokens: list[str]) -> bool:
    return len(tokens) >= 5 and _punctuated(text)


def _is_dateline_or_stamp(tokens: list[str]) -> bool:
    """Dates, times and at most three capitalised words (a place): no sentence."""
    rest = 0
    for token in tokens:
        if not _DATE_OR_TIME_TOKEN.match(token):
            rest += 1
            if rest > 3 or not token[:1].isupper():
                return False
    return True


# Cheap substring tests that must pass before the costly expressions run: most sentences are
# plain reporting and skip them all.
_FURNITURE_HINTS = (
    "sign up", "subscribe", "newsletter", "cookie", "javascript", "inbox", "follow", "rights reserved", "terms of",
    "privacy", "click here", "tap here", "download", "this article", "this story", "this report", "editor",
    "check back", "developing", "breaking", "contributed", "reporting by", "writing by", "editing by", "compiled by",
    "produced by", "views expressed", "necessarily reflect", "correspondent", "reporter", "journalist", "writer",
    "columnist", "contributor", "appeared first", "join our", "join us", "live blog", "live updates", "live coverage",
    "this content", "audio", "we report", "first-person", "journalism", "the latest", "joins", "discusses", "breaks down",
    "weighs in", "reacts to", "podcasts", "spotify", "reading", "read later", "stay updated", "free articles", "subscri",
    "get smarter", "republishing", "found here", "unrivalled", "coverage and analysis", "and app", "available in", "earlier version",
    "ve read", "have read", "readers like you", "already a member", "your comment", "moderators", "coverage",
)
_CAPTION_HINTS = ("getty", "photo", "picture", "image", "screengrab", "screenshot", "video grab", "handout")


# Counting letters character by character is a tenth of the time of all the candidate checks on
# a large group; the ASCII bytes are counted in C, the few others (curly quotes, dashes, accents)
# one by one.
_NOT_LETTER = bytes(b for b in range(128) if not chr(b).isalpha()) + bytes(range(128, 256))
_NOT_UPPER = bytes(b for b in range(128) if not chr(b).isupper()) + bytes(range(128, 256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _count(text: str, deleted: bytes, test: Callable[[str], bool]) -> int:
    """How many characters of `text` pass `test` (str.isalpha or str.isupper, whose ASCII
    complement is `deleted`)."""
    count = len(text.encode("ascii", "ignore").translate(None, deleted))
    return count if text.isascii() else count + sum(map(test, _NON_ASCII.findall(text)))


def _mentions(lowered: str, hints: tuple[str, ...]) -> bool:
    return any(hint in lowered for hint in hints)


@dataclass(frozen=True)
class Hints:
    """The cheap substring tests, limited to those an article contains at all: a sentence can
    only mention what its article does, and most articles mention few of them, so each sentence
    is tested against a handful instead of sixty."""

    furniture: tuple[str, ...] = _FURNITURE_HINTS
    caption: tuple[str, ...] = _CAPTION_HINTS
    vague: tuple[str, ...] = _VAGUE_HINTS
    background: tuple[str, ...] = _BACKGROUND_HINTS

    @classmethod
    def of(cls, text: str) -> Hints:
        """The hints `text` (an article, from which the sentences are cut) contains."""
        lowered = text.lower()
        return cls(*(tuple(hint for hint in group if hint in lowered)
                     for group in (_FURNITURE_HINTS, _CAPTION_HINTS, _VAGUE_HINTS, _BACKGROUND_HINTS)))


ALL_HINTS = Hints()


def rejection(text: str, tokens: list[str], titles: frozenset[str], hints: Hints = ALL_HINTS) -> str | None:
    """Why `text` can never be a summary sentence, or None when it can."""
    if len(tokens) < 6:
        return "dateline" if tokens and _is_dateline_or_stamp(tokens) else "fragment"
    letters = _count(text, _NOT_LETTER, str.isalpha)
    if letters < 0.5 * (len(text) - text.count(" ")):
        return "furniture"
    lowered = text.lower()
    if ("http" in lowered or "www." in lowered or "@" in text or ".com/" in lowered or ".org/" in lowered or ".net/" in lowered
            or ".io/" in lowered or ".co/" in lowered) and _URL.search(text):
        return "link"
    if _is_dateline_or_stamp(tokens):
        return "dateline"
    if any(mark in text for mark in "|•·»") and len(_LINK_SEPARATORS.findall(text)) >= 2:
        return "link list"
    if _FURNITURE_START.match(text.lstrip(_OPEN_QUOTES + "([ ")) and len(tokens) <= 25:
        return "furniture"
    if len(tokens) <= 40 and _mentions(lowered, hints.furniture) and _FURNITURE_ANYWHERE.search(text):
        return "furniture"
    if _BYLINE.match(text) and len(tokens) <= 14:
        return "byline"
    if ("report" in lowered or "contributed" in lowered) and len(tokens) <= 30 and _REPORTED_FROM.search(text) \
            and not _has_quotes(text) and not _SAYS.search(text) and _mostly_names(text):  # not "Reporting from X, Y said ..."
        return "byline"
    if ("/" in text or "(" in text or _mentions(lowered, hints.caption)) and _CAPTION_CREDIT.search(text):
        return "caption"
    if "(" in text and _WHO_IS_WHERE.search(text):
        return "caption"
    if len(tokens) <= 45 and _CAPTION_VERBS.match(text) and (_FULL_DATE.search(text) or _MONTH_DAY.search(text)) \
            and not _SAYS.search(text):
        return "caption"  # "Foreign Minister Gideon Saar speaks at the museum during a Feb. 16 visit ..."
    if text[:1] == "A" and len(tokens) <= 60 and _SOMEONE_IN_A_PHOTO.match(text) and not _SAYS.search(text):
        return "caption"
    if text[:1] == "A" and _VIEW_SHOWS.match(text) and not _SAYS.search(text):
        return "caption"
    if len(tokens) <= 60 and text.endswith("day.") and _CAPTION_WEEKDAY_END.search(text) and _PHOTO_VERB_ANYWHERE.search(text) \
            and not _SAYS.search(text):
        return "caption"
    if len(tokens) <= 60 and text.endswith(("0.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.")) \
            and _ON_FULL_DATE_END.search(text) and _SCENE_NOW.search(text) and not _has_quotes(text) and not _SAYS.search(text):
        return "caption"
    if len(tokens) <= 60 and text[-1:] == "." and (", 20" in text or ", 19" in text) and not _has_quotes(text):
        if _CAPTION_DATE_END.search(text) and not _SAYS.search(text):
            return "caption"
        if _WHO_THEN_WHERE.match(text) and _ON_FULL_DATE_END.search(text) and not _A_VERB.search(text):
            return "caption"  # no verb at all (see _WHO_THEN_WHERE)
    if _title_cased(tokens) and not _has_quotes(text):
        return "headline"  # a deck in title case, even with a full stop: "Washington Seeks to Broker Agreement on ..."
    if not _punctuated(text):
        # No sentence punctuation: a repeated headline, a label or another story's headline.
        return "headline" if len(tokens) <= 25 or content_key(text) in titles else None
    if _count(text, _NOT_UPPER, str.isupper) > 0.6 * max(1, letters):
        return "furniture"  # shouted labels and banners
    return None


def _caption_before_credit(sentences: Sequence[str], paragraph: int) -> int | None:
    """The position of a photo's caption in a paragraph: the sentence just before a credit
    standing alone ("... in Tel Aviv, Israel, Monday, Jan. 26, 2026. ( AP )"). Near the top of the
    article any credit says so; further down only one naming the photo's source or photographer,
    since a wire story may end its last paragraph with "(AFP)"."""
    for position in range(1, len(sentences)):
        credit = sentences[position].strip()
        if len(credit) <= 80 and _CREDIT_ALONE.match(credit) \
                and (paragraph < CAPTION_PARAGRAPHS or _CREDIT_NAMES_SOURCE.search(credit)):
            return position - 1
    return None


_TITLE_CASE_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by",
                               "from", "as", "into", "over", "amid", "after", "vs"})
TITLE_CASE_FROM = 6  # words, small ones aside, all capitalised: a headline (a sentence of names has a verb in lower case)


def _title_cased(tokens: Sequence[str]) -> bool:
    """Whether every word but the small ones is capitalised, TITLE_CASE_FROM of them at least. Read
    for every sentence: it stops at the first word in lower case, most often the second or third."""
    content = 0
    for token in tokens:
        if token[:1].isalpha() and token.lower() not in _TITLE_CASE_SMALL:
            if not token[:1].isupper():
                return False
            content += 1
    return content >= TITLE_CASE_FROM


def _has_quotes(text: str) -> bool:
    return any(mark in text for mark in "“”\"«»")


def _mostly_names(text: str) -> bool:
    """Reporting credits ("Morris reported from Berlin, Fahim from Istanbul") are mostly names."""
    tokens = words(text)
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    return capitalised >= 0.4 * len(tokens)


def context_penalty(text: str, tokens: list[str], published: date | None = None,
                    hints: Hints = ALL_HINTS) -> tuple[float, tuple[str, ...]]:
    """A multiplier (1 = stands alone) and the reasons, for sentences that lean on what came before
    or tell background; `published` is the article's date, when known (see digest.summarize.dates);
    `hints` those the sentence's article contains (Hints.of)."""
    factor, reasons = 1.0, []

    def hit(value: float, reason: str) -> None:
        nonlocal factor
        factor *= value
        reasons.append(reason)

    stripped = text.lstrip()
    first = tokens[0].lower() if tokens else ""
    unquoted_start = stripped[:1] not in _OPEN_QUOTES
    if stripped[:1].islower() or stripped[:1] in ",;:—–-)":
        hit(0.3, "starts mid-sentence")
    if _OPENS_WITH_QUOTE_FRAGMENT.match(stripped):
        hit(0.4, "opens with a quote fragment")
    elif not quotes_balanced(text):
        hit(0.5, "unbalanced quotation")
    if stripped.rstrip("”\"’' )").endswith("?"):
        hit(0.3, "question")
    elif not _punctuated(text):  # a text cut off mid-sentence ("... in exchange for Pales"), or a lead-in to a list
        hit(0.3, "cut off")
    if unquoted_start and first in _PRONOUNS and not (len(first) > 1 and tokens[0].isupper()):  # "HE": His Excellency
        second = tokens[1].lower() if len(tokens) > 1 else ""
        if not (first in {"this", "that", "these", "those"} and second in _TEMPORAL_AFTER_DEMONSTRATIVE):
            hit(0.55, "pronoun opener")
    said = stripped.lstrip(_OPEN_QUOTES)  # a quote's "But" leans on the speaker's words before it, as the writer's does
    if _CONNECTIVES.match(said):
        hit(0.7, "connective opener")
    elif _MILD_CONNECTIVES.match(said):
        hit(0.85, "connective opener")
    elif unquoted_start and _SOFT_OPENERS.match(stripped):
        hit(0.9, "soft opener")
    if unquoted_start and _CONTINUATION.match(stripped):
        hit(0.7, "continues a quote")
    elif unquoted_start and _EVENT_CAME.match(stripped):
        hit(0.85, "the event named before")
    lowered = text.lower()
    if _mentions(lowered, hints.vague) and _VAGUE.search(text):
        hit(0.6, "vague")
    if _QUOTE_ONLY.match(stripped):
        hit(0.6, "quote without speaker")
    elif stripped[:1] in "\"“" and _PRONOUN_SPEAKS.match(stripped):
        hit(PRONOUN_SPEAKS, PRONOUN_SPEAKS_REASON)
    elif unquoted_start and ", " in stripped and _PRONOUN_INTRODUCES.match(stripped):
        hit(PRONOUN_SPEAKS, PRONOUN_SPEAKS_REASON)
    if ("that " in lowered or "same " in lowered or "at the time" in lowered) and _TIME_BACK.search(text):
        hit(0.7, "time named by the sentence before")
    if _background(text, lowered, hints) and not _NAMES_THE_DAY.search(text):
        hit(0.6, "background")
    if (days_before(text, published, tokens) or 0) >= DATED_BACKGROUND_DAYS:
        hit(0.7, "dated before the article")
    return factor, tuple(reasons)


def _background(text: str, lowered: str, hints: Hints = ALL_HINTS) -> bool:
    """Background every outlet repeats (see _BACKGROUND, _ORIGIN_DATE, _ORIGIN_YEAR, _ORIGIN_ATTACK,
    _FIRST_TRUCE)."""
    if _mentions(lowered, hints.background) and _BACKGROUND.search(text):
        return True
    if "7" in text and "oct" in lowered and _ORIGIN_DATE.search(text) and _ORIGIN_EVENT.search(text):
        return True
    if ("2023" in text or "last oct" in lowered) and _ORIGIN_YEAR.search(text):
        return True
    if "kill" in lowered and _ORIGIN_KILLED.search(text) and _ORIGIN_TAKEN.search(text) and _ORIGIN_ATTACK.search(text):
        return True
    if ("kill" in lowered or "murder" in lowered) and _ORIGIN_TOLL_KILLED.search(text) and _ORIGIN_TOLL_TAKEN.search(text):
        return True
    return (("truce" in lowered or "ceasefire" in lowered or "pause" in lowered)
            and ("first" in lowered or "only" in lowered or "sole" in lowered or "november" in lowered)
            and bool(_FIRST_TRUCE.search(text)))


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return stop_words("english")


# Past this much text, sentences are split by digest.text's regular expression rather than Punkt:
# ten times faster, and an odd split among hundreds of articles does little harm.
QUICK_SPLIT_CHARS = 1_000_000


@dataclass(frozen=True)
class Splitting:
    """What cutting one article into candidates needs to know of its whole group: every
    headline (a body sentence that repeats one is no candidate) and the sentence splitter (the
    quick one for a large group, see QUICK_SPLIT_CHARS)."""

    titles: frozenset[str]
    quick: bool

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Splitting:
        return cls(frozenset(content_key(a.title) for a in articles if a.title),
                   sum(len(a.text) for a in articles) > QUICK_SPLIT_CHARS)


def extract_candidates(articles: Sequence[Article], *, first: int = 0,
                       group: Splitting | None = None) -> tuple[list[Candidate], list[Rejected]]:
    """Split every article into sentences; keep the ones that may appear in a summary.

    `articles` may be a share of a larger group (see digest.summarize.extract): then they are
    numbered from `first`, and `group` (Splitting.of the whole group) stands for the rest."""
    group = group or Splitting.of(articles)
    titles = group.titles
    splitter = quick_sentences if group.quick else split_sentences
    kept: list[Candidate] = []
    rejected: list[Rejected] = []
    for number, article in enumerate(articles, start=first):
        index = 0
        # The date the article gives, not when it reached us: an old article ingested today
        # would make all its dates look like background.
        published = article.published.date() if article.published is not None else None
        hints = Hints.of(article.text)
        for p, paragraph in enumerate(article.paragraphs):
            sentences = paragraph_sentences(paragraph, splitter)
            caption = _caption_before_credit(sentences, p)
            for position, sentence in enumerate(sentences):
                if sentence[:1] in _LIST_MARKS:
                    sentence = _LIST_MARK.sub("", sentence, count=1)
                elif sentence[:1] >= "\u2190" and unicodedata.category(sentence[0]) == "So":
                    sentence = _without_pictographs(sentence)
                if position == 0:
                    sentence = dateline.strip(sentence)  # what the cleaner left
                tokens = words(sentence)
                reason = "caption" if position == caption else rejection(sentence, tokens, titles, hints)
                if reason is None and len(sentences) == 1 and not _reads_as_sentence(sentence, tokens):
                    reason = "furniture"
                if reason is not None:
                    rejected.append(Rejected(number, sentence, reason))
                    continue
                factor, reasons = context_penalty(sentence, tokens, published, hints)
                kept.append(Candidate(number, index, p, sentence, tuple(tokens), factor, reasons))
                index += 1
    return kept, rejected
