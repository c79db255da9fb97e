"""Key figures: numbers with what they count (killed, hostages, prisoners, aid trucks, dollars,
days and weeks), where they were read, and which articles state them.

A figure is a number (digits, number words, "dozens", "$20 billion") followed within a few
words by a counted noun. What it counts is read from the noun and the verbs around it ("600
Palestinians have been killed" counts the killed). Two articles giving different values for the
same thing (same category, same noun, same situation: held or released hostages, say) are both
kept and marked disputed. Figures stated only in background (how the war began, its first truce,
a date weeks before the article) come after the day's figures.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from itertools import chain

from digest.models import SUMS, Article, Figure
from digest.summarize.candidates import BACKGROUND_REASONS, Candidate
from digest.summarize.dates import aware

MAX_FIGURES = 8
DISPUTED_EXTRA = 2  # values shown past MAX_FIGURES for one thing counted, because they dispute a shown one

_UNITS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
_SMALL = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_WORD_NUMBER = r"(?:" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_QUALIFIER = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more than|over|at least|up to|fewer than|less than|"
    r"as many as|an estimated|a total of|only|just|another|the remaining|all)"
)
_CORE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_WORD_NUMBER})(?:\s+(?:dozen|hundred|thousand|million|billion|trillion))?"
_VAGUE = r"(?:dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|millions)(?:\s+of)?"
_VALUE = rf"(?:{_QUALIFIER}\s+)?(?:\$\s?{_CORE}|{_CORE}|{_VAGUE})"

_PEOPLE = (
    r"people|persons|palestinians|israelis|civilians|residents|children|minors|women|men|soldiers|troops|fighters|"
    r"militants|terrorists|gunmen|journalists|aid workers|workers|patients|families|americans|citizens|others|"
    r"individuals|members|bodies|victims|babies|infants|operatives|staff|staffers|employees|medics|paramedics|doctors|nurses|"
    r"health workers|rescuers|activists|gazans|deaths|fatalities|"
    # "67,000 dead": the fate standing for those it befell, when no noun follows ("wounded" so used
    # is left out: a toll's injured would take the hostages' and prisoners' rows in the key figures)
    r"dead(?!(?:\s+[A-Z][\w-]*)?\s+(?:people|persons|palestinians|israelis|civilians|soldiers|children|"
    r"women|men|hostages?|captives?|prisoners?|detainees?|bodies|americans|citizens|ones|others)\b)|"
    # "elderly" is the noun only when no noun follows it: "two elderly Israeli women" are women
    r"elderly(?!(?:\s+[A-Z][\w-]*)?\s+(?:people|persons|women|men|israelis|palestinians|civilians|residents|citizens|"
    r"americans|hostages|captives|prisoners|detainees)\b)"
)
_AID_GOODS = r"(?:aid|food|flour|supplies|assistance|medicines?|wheat|goods|fuel)"
_HEADS = {
    "hostages": r"hostage bodies|hostages?|captives?|abductees?",
    "prisoners": r"prisoners?|detainees?|inmates",
    # aid by the truck, the tonne of goods ("62,000 tonnes of food aid", not "tonnes of rubble"), the
    # meal or the parcel
    "aid": r"(?:aid |food )?trucks|lorries|meals|(?:food|aid)\s+(?:parcels|packages|boxes)|"
           rf"(?:metric\s+)?(?:tonnes|tons)(?=\s+of\s+(?:[\w-]+\s+){{0,2}}?{_AID_GOODS}\b)",
    "dollars": r"dollars|usd",
    "days": r"days?",
    "weeks": r"weeks?",
    "months": r"months?",
    "hours": r"hours?",
    "people": _PEOPLE,
}
_HEAD_RE = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _HEADS.items())
_HEAD_WORDS = re.sub(r"\(\?P<\w+>", "(?:", _HEAD_RE)  # the heads without their group names, to look ahead for
# Up to three words between the number and the noun ("35 more Israeli hostages"), no punctuation.
_FIGURE = re.compile(  # not the "2" of "4-1/2 months"
    rf"(?<![\w$.,/])(?P<value>{_VALUE})(?P<adjectival>-(?:day|week|month|hour)\b)?"
    r"(?P<possessive>\s+of\s+(?:its|their|our)\b)?"  # "450 of its soldiers": the soldiers are counted
    r"(?P<part>\s+of\s+(?:them|whom)\b)?"  # "112 people, 69 of them women": a part of the count before
    # the words between the value and what it counts are no link word ("48 wounded as Israeli
    # troops fired" counts no troops), but "as" right before it is ("took 253 as hostages"); nor
    # another number ("Phase 2 includes 19 soldiers"), nor a rate ("600 a day", "50 per week")
    rf"(?P<between>(?:\s+(?!\d|a\b|an\b|per\b|each\b|every\b|and\b|or\b|to\b|in\b|on\b|of\b|at\b|from\b|by\b|for\b|with\b|are\b|is\b|were\b|was\b|have\b|has\b|had\b"
    rf"|could\b|would\b|will\b|may\b|might\b|must\b|should\b|can\b"
    rf"|as\b(?!\s+(?:{_HEAD_WORDS})\b)|after\b|before\b|when\b|while\b|amid\b|during\b|since\b|but\b|that\b|who\b|which\b"
    rf"|whose\b)[\w'’-]+){{0,3}}?)"  # "16 other nations whose citizens ...": the nations are counted
    rf"\s+(?P<head>\b(?:{_HEAD_RE})\b)",
    re.I,
)
# What "62,000 tonnes" weighs: "of food aid", "of food and medical supplies"
_WEIGHT_OF = re.compile(
    rf"\s+of\s+(?:[\w-]+\s+){{0,2}}?{_AID_GOODS}(?:\s+(?:and\s+(?:[\w-]+\s+)?)?(?:aid|supplies|assistance|medicines?|fuel))?\b", re.I)
_NOUN_WORDS = r"(?:\s+[a-z-]+){1,3}"  # the words after a duration, what lasts that long among them
_DURATION_NOUN = re.compile(_NOUN_WORDS)
_ADJECTIVAL_DURATION = re.compile(rf"(?<![\w$.,/])(?P<value>{_VALUE})-(?P<unit>day|week|month|hour)(?P<noun>{_NOUN_WORDS})", re.I)
# Words between "six-week" and what lasts that long: "an 11-week Israeli blockade", "a six-week
# initial ceasefire", "a 42-day first phase".
_DURATION_ADJECTIVES = frozenset({
    "initial", "first", "second", "third", "final", "new", "further", "possible", "proposed", "temporary",
    "humanitarian", "total", "near-total", "full", "brief", "fragile", "potential", "planned", "renewed", "extended", "long",
    "partial", "limited", "short", "interim", "phased", "immediate", "comprehensive", "permanent", "complete",
    "daily", "weekly", "nightly",  # how often: "four-hour daily humanitarian pauses"
    "early", "late", "transitional", "additional",  # "a six-month early recovery phase"
})
# A sum in dollars ("$53bn", "US$20bn"), pounds ("£1.2 billion") or euros ("€120m").
_CURRENCY = r"(?:US\$|\$|£|€|USD\s)"
_MONEY = re.compile(rf"(?<![\w.,])(?P<value>(?:{_QUALIFIER}\s+)?(?P<currency>{_CURRENCY})\s?{_CORE}(?:\s?(?:bn|mn|m|trn|tn)\b)?)", re.I)
_MONEY_CATEGORIES = {"$": "dollars", "US$": "dollars", "USD": "dollars", "£": "pounds", "€": "euros"}
_CURRENCY_START = re.compile(rf"^{_CURRENCY}\s?", re.I)  # a value's currency, for its number
_CURRENCY_END = re.compile(rf"{_CURRENCY}$", re.I)  # a currency right before a number, for where its sum starts
_CONVERTED = re.compile(r"\s*[(\[]\s*(?:about|around|roughly|some|approximately|or|nearly|almost)?\s*")  # between a sum and its conversion
# What a sum pays for: the words after it, up to a word that starts a new phrase ("$53bn plan to
# rebuild" -> "plan", "$20 billion in aid" -> "aid", "$53 billion dollars over" -> "dollars").
_MONEY_NOUN = re.compile(r"\s+(?:(?:in|of|worth of)\s+)?((?:[A-Za-z][\w.'-]*\s*){1,5})")
# Before what the money is: "$404 million in new U.S. humanitarian assistance" is assistance.
_MONEY_BEFORE_NOUN = frozenset({"new", "additional", "fresh", "further", "extra", "more"})
_MONEY_ENDS = frozenset({  # "$20 billion through 2027", "$1 billion each", "$3 billion towards ..."
    "through", "until", "till", "annually", "yearly", "monthly", "weekly", "daily", "each", "apiece", "toward", "towards",
})
_PHRASE_STARTS = frozenset({
    "to", "over", "for", "in", "on", "at", "by", "from", "with", "that", "which", "and", "or", "a", "an", "the", "is",
    "was", "would", "will", "as", "of", "into", "per", "are", "were", "may", "might", "could", "can", "should", "must",
    "has", "have", "had",
})
_DEATH_TOLL = re.compile(
    rf"\b(?:death|(?P<bare>overall|total|cumulative|the|its))\s+toll\b[^.;:]{{0,60}}?\b(?:to|at|of|reached|passed|surpassed|exceeded|hit|is|was)\s+(?P<value>{_VALUE})", re.I)

# A toll said of an attack is its dead: "the toll from Sunday's strike on the camp rose to 45".
_TOLL_OF_ATTACK = re.compile(
    r"\btoll\s+(?:from|of|in)\s+[^.;:]{0,40}?\b(?:(?:air)?strikes?|attacks?|bombings?|bombardments?|shelling|raids?|massacres?|"
    r"explosions?|blasts?)\b", re.I)
_KILLED = re.compile(r"\b(?:killed|killing|kills?|dead|died|deaths?|death toll|lost their lives|loss of life|slain|massacred|murdered|executed|fatalities|whose (?:bodies|remains)|no longer (?:alive|living))\b", re.I)
_PRISON = re.compile(r"\b(?:prisons?|jails?|detention|custody)\b", re.I)
# The words of hunger, and a sentence that speaks of it ("starved", "dehydrated" too).
_HUNGER_WORDS = r"(?:hunger|starvation|malnutrition|famine)"
_STARVING = re.compile(rf"{_HUNGER_WORDS}|starv|dehydrat", re.I)
# Deaths from hunger are not deaths from strikes: "263 people have died of malnutrition".
_HUNGER = re.compile(
    r"\b(?:(?:died|dying|deaths?)\s+(?:of|from)\s+(?:[\w-]+\s+){0,3}?(?:malnutrition|starvation|hunger|dehydration)|"  # "from the effects of"
    rf"{_HUNGER_WORDS}[- ]related deaths?|starved to death)\b",
    re.I,
)
HUNGER = "died of hunger"
_FAMINE = re.compile(rf"\b{_HUNGER_WORDS}\b", re.I)
# A toll of hunger told as a number of deaths: "bringing the number of hunger deaths to 193", "the
# number of starvation-related deaths has reached 212", "deaths from malnutrition rose to 197".
_HUNGER_TOLL = re.compile(
    rf"\b(?:number\s+of\s+)?(?:{_HUNGER_WORDS}(?:[- ]related)?\s+deaths|deaths\s+(?:from|of|due\s+to)\s+"
    rf"{_HUNGER_WORDS})\b[^.;:]{{0,40}}?\b(?:to|at|reached|passed|hit|is|was)\s+(?P<value>{_VALUE})", re.I)
# People missing ("10,000 Palestinians who have been reported missing", "2,000 people remain
# unaccounted for"): a count of its own, neither killed nor held.
MISSING = "missing"
_MISSING_AFTER = re.compile(
    r"\s+(?:(?:who|that)\s+)?(?:(?:have|has|had|are|were|remain|remained|is|was|remains)\s+)?"
    r"(?:(?:been|still|now|reportedly|officially)\s+)*(?:reported\s+|listed\s+as\s+)?(?:missing|unaccounted\s+for)\b", re.I)
# People facing famine ("2.1 million people face famine", "470,000 people are facing catastrophic
# hunger", "576,000 people are one step away from famine"): a count of its own, told in the
# sentence's word for it.
_FACING_AFTER = re.compile(
    r"\s+(?:(?:who|that)\s+)?(?:(?:are|were|is|was|now|still|already|currently)\s+)*(?:face|faces|faced|facing|suffer|suffers|"
    r"suffering|experiencing|at\s+risk\s+of|(?P<near>(?:(?:one|a)\s+step\s+)?away\s+from|on\s+the\s+(?:brink|verge|edge)\s+of))\s+"
    r"(?:(?:catastrophic|acute|severe|extreme|imminent|man-made|full-blown)\s+)*"
    rf"(?P<need>{_HUNGER_WORDS})\b", re.I)
_INJURED = re.compile(r"\b(?:wounded|injured|injuring|wounding|hurt)\b", re.I)
_DISPLACED = re.compile(
    r"\b(?:displaced|fled|flee|fleeing|homeless|uprooted|(?:forced|driven)\s+(?:out\s+)?(?:from|of)\s+their\s+homes)\b", re.I)
# People held in jail, said after them, or detained by a verb right before them: prisoners.
_JAILED_AFTER = re.compile(
    r"\s+(?:(?:are|were|is|was|remain|remained)\s+)?(?:(?:currently|still|now)\s+)?(?:held|detained|jailed|imprisoned)\s+in\s+"
    r"(?:Israeli\s+|Israel['’]s\s+)?(?:prisons?|jails?|custody|detention)\b", re.I)
# ... or whose own verb says they were detained: "1,700 Gazans detained since the war began",
# "1,718 people detained from Gaza", "people from Gaza taken into detention" (not "seized": hostages are).
_DETAINED_AFTER = re.compile(
    r"(?:\s+from\s+(?:the\s+)?Gaza(?:\s+Strip)?)?\s+(?:(?:who\s+)?(?:were|had\s+been|have\s+been)\s+)?"
    r"(?:detained|arrested|jailed|imprisoned|taken\s+into\s+(?:Israeli\s+)?(?:detention|custody))\b", re.I)


def _detained_after(text: str, end: int, head: str) -> bool:
    """Whether the count of `head` ending at `end` is said right after it to be detained: Palestinians
    or Gazans anywhere, others only from or in Gaza ("38 people were arrested" at a protest are no
    prisoners of the war)."""
    found = _DETAINED_AFTER.match(text, end)
    return found is not None and (head.lower() in ("palestinians", "gazans") or "gaza" in text[end : found.end() + 16].lower())


# Bodies found or brought in, right after their count: the dead of a toll.
_BODIES_FOUND = re.compile(
    r"\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+)?(?:brought|taken|recovered|retrieved|pulled|found|received|transferred)\b", re.I)
# ... or gathered by a verb right before them: "rescuers pulled 15 bodies from the rubble", "hospitals received 47 bodies"
_BODIES_FOUND_BEFORE = re.compile(
    r"\b(?:brought\s+in|took\s+in|recovered|retrieved|pulled|found|received|collected|unearthed)\s+"
    r"(?:(?:at\s+least|about|some|more\s+than|another|a\s+further|nearly|around)\s+)?$", re.I)
_DETAINED_BEFORE = re.compile(r"\b(?:detained|detaining|arrested|arresting|rounded\s+up)\s+(?:(?:at\s+least|about|some|more\s+than)\s+)?$", re.I)
_DETAINED_HEADS = frozenset({"palestinians", "people", "men", "residents", "civilians", "gazans", "children", "minors", "women"})
_RELEASED = re.compile(  # a rescue frees ("rescued two hostages from Hamas captivity"); rescuers do not
    r"\b(?:releas\w*|freed|frees|freeing|free|handed over|hand over|(?:give|gives|gave|given|giving) back|swap\w*|exchang\w*|"
    r"return\w*|repatriat\w*|rescue[ds]?|rescuing)\b", re.I)
_HELD = re.compile(  # "remain", not "the remains of" (bodies)
    r"\b(?:held|holds?|holding|still|remain(?!s\s+of\b)\w*|captivity|being held|kept|"
    r"in (?:its|their|Israeli|Israel['’]s) (?:prisons|jails|custody|detention))\b",
    re.I,
)
_CUMULATIVE = re.compile(r"\b(?:since|so far|in total|overall|toll|war began|start of the war|began the war)\b", re.I)
_TRUCE = re.compile(r"\b(?:truce|ceasefire|cease-fire|pause|phase|stage|deadline|halt|lull|talks|negotiations|deal|agreement|plan|proposal)\b", re.I)
_MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.I)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@dataclass(frozen=True)
class _Found:
    value: str
    number: float | None
    span: tuple[float, float] | None  # the numbers the value allows (see value_range)
    what: str
    category: str
    key: tuple
    sentence: str
    article: int
    order: int
    background: bool = False  # stated in a sentence ranked down as background (candidates.BACKGROUND_REASONS)
    instalment: bool = False  # one part of a schedule the sentence goes on with ("8 on the first day and 2 more")


_CAPTIVES = ("hostages", "prisoners")


def _fateless(item: _Found) -> bool:
    """A count of captives with no fate given: "the remaining 59 Israeli hostages"."""
    return item.category in _CAPTIVES and item.key == (item.category, "")


# What a schedule's next part opens with, after a first count: "... and two more on day 50",
# "... then another five", "... and the remaining 10", "... followed by the rest".
_NEXT_PART = re.compile(
    r"[^.;:]{0,100}?\b(?:and|then|with|plus|followed by|before)\s+(?:then\s+)?"
    rf"(?:(?:another|a further)\s+(?:{_VALUE})|(?:{_VALUE})\s+(?:more|others|further)\b|the (?:remaining|rest|others)\b)",
    re.I,
)


_NEXT_PART_HINTS = ("more", "other", "further", "remaining", "rest")


def _instalment(value: str, sentence: str) -> bool:
    """Whether the count `value` is one part of a schedule its sentence goes on to complete."""
    if not any(hint in sentence for hint in _NEXT_PART_HINTS):
        return False
    at = sentence.find(value)
    while at >= 0:
        end = at + len(value)
        whole = (at == 0 or not (sentence[at - 1].isalnum() or sentence[at - 1] in ".,")) and \
            (end == len(sentence) or not (sentence[end].isalnum() or sentence[end] == ","))
        if whole and _NEXT_PART.match(sentence, end):
            return True
        at = sentence.find(value, at + 1)
    return False


_QUALIFIER_PREFIX = re.compile(rf"^{_QUALIFIER}\s+")
_LEADING_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(bn|mn|m|trn|tn)\b|\s+(\w+))?")
_SHORT_UNITS = {"bn": 1e9, "mn": 1e6, "m": 1e6, "trn": 1e12, "tn": 1e12}  # "$53bn", "$53 bn", "$3m", "$1.5trn"


# The low end of a range written before its top: "between 990 and 1,650", "700 to 1,000", "700-1,000",
# "three to five".
_RANGE_NUMBER = rf"\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER}"
_RANGE_LOW = re.compile(rf"(?<![\w.,$])(?:between\s+(?:{_RANGE_NUMBER})\s+and|(?:{_RANGE_NUMBER})\s*(?:to|-|–)\s*)\s*$", re.I)
_RANGE = re.compile(rf"^(?:between\s+)?({_RANGE_NUMBER})\s*(?:and|to|-|–)\s*({_RANGE_NUMBER})$", re.I)


def parse_number(value: str) -> float | None:
    """The number a value states ("about 1,200" -> 1200, "$2.5 billion" -> 2.5e9, "six" -> 6,
    "between 990 and 1,650" -> 990); None for "dozens", "thousands" and the like."""
    text = _CURRENCY_START.sub("", _QUALIFIER_PREFIX.sub("", value.strip().lower())).replace("$", "").strip()
    if text.startswith("between "):
        text = text[8:].lstrip()
    match = _LEADING_NUMBER.match(text)
    if match:
        number = float(match.group(1).replace(",", ""))
        if match.group(2):
            return number * _SHORT_UNITS[match.group(2)]
        return number * _UNITS.get(match.group(3) or "", 1)
    parts = re.split(r"[- ]", text)
    if parts and parts[0] in _SMALL:
        number = float(_SMALL[parts[0]])
        for part in parts[1:]:
            if part in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
                number += {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}[part]
            elif part in _UNITS:
                number *= _UNITS[part]
        return number
    return None


def value_range(value: str) -> tuple[float, float] | None:
    """The numbers a value allows: "more than 46,700" -> (46700, inf), "about 35" -> (31.5, 38.5),
    "20,000" -> (19500, 20500)."""
    number = parse_number(value)
    if number is None:
        return None
    lowered = value.strip().lower()
    both = _RANGE.match(lowered)
    if both:
        return tuple(sorted(parse_number(n) or 0.0 for n in both.groups()))
    if re.match(r"(?:more than|over|at least|as many as an estimated)\b", lowered):
        return number, math.inf
    if re.match(r"(?:up to|fewer than|less than|as many as)\b", lowered):
        return 0.0, number
    if re.match(r"(?:about|around|approximately|roughly|nearly|almost|some|an estimated)\b", lowered):
        return number * 0.9, number * 1.1
    if number >= 10_000 and number % 1000 == 0:  # a round figure stands for what rounds to it: 20,000 for 20,057
        half = 50_000 if number >= 1_000_000 and number % 100_000 == 0 else 500
        return number - half, number + half
    return number, number


_DURATIONS = ("days", "weeks", "months", "hours")  # the kinds of figure that say how long
_REMAINING = re.compile(r"\bremaining\b", re.I)  # a count of what is left of another (see _conflict)


def _conflict(a: "_Found", b: "_Found") -> bool:
    """Two values for the same thing that cannot both be true. Sources that disagree give
    figures of one size (46,788 against 45,100 killed, 33 against 35 hostages); figures far
    apart (3 hostages today, 33 in the whole phase) count different things."""
    first, second = a.span, b.span
    if first is None or second is None or a.number is None or b.number is None:
        return False
    if a.category in _DURATIONS and a.what.lower() in (a.category, a.category[:-1]):
        return False  # "within two days" and "for another three days" say nothing of what lasts so long
    apart = first[1] < second[0] or second[1] < first[0]
    size_a, size_b = (f.span[1] if _RANGE.match(f.value.strip()) else f.number for f in (a, b))  # a range by its top
    same_size = max(size_a, size_b) <= 1.5 * min(size_a, size_b)
    # "the remaining 24 bodies" are what is left of "all 28 bodies": a count and what remains of it
    remaining = bool(_REMAINING.search(a.value + " " + a.what)) == bool(_REMAINING.search(b.value + " " + b.what))
    return apart and same_size and remaining and _words(a.what) == _words(b.what)


# Articles published at most this far apart report the same moment; an article with no date of
# its own may report any.
SAME_MOMENT = timedelta(days=1)


def _same_moment(a: float | None, b: float | None) -> bool:
    """Whether two publication times (POSIX seconds, None when unknown) are of the same moment."""
    return a is None or b is None or abs(a - b) <= SAME_MOMENT.total_seconds()


class _Timeline:
    """The values given for one thing, in the order of their articles' publication, to find those
    of one moment without comparing every pair: a large group gives thousands."""

    def __init__(self, items: Sequence[_Found], published: Sequence[float | None]):
        self.dated = sorted((i for i in items if published[i.article] is not None), key=lambda i: published[i.article])
        self.times = [published[i.article] for i in self.dated]
        self.undated = [i for i in items if published[i.article] is None]

    def around(self, when: float | None) -> Iterable[_Found]:
        """The values of the moment `when` (all of them when it is unknown), and the undated ones."""
        if when is None:
            return chain(self.dated, self.undated)
        span = SAME_MOMENT.total_seconds()
        return chain(self.dated[bisect_left(self.times, when - span) : bisect_right(self.times, when + span)], self.undated)


def _words(what: str) -> str:
    return " ".join(_singular(w) for w in re.findall(r"[a-z]+", what.lower()))


def _near(regex: re.Pattern, text: str, start: int, end: int, before: int = 40, after: int = 45) -> bool:
    return bool(regex.search(text[max(0, start - before) : min(len(text), end + after)]))


# An aside set off by dashes or brackets right after the counted ("33 hostages — children, women
# and the sick — are to be released"), or by commas after "including" ("six people, including the
# leader's son, were killed"): the verb that says what happens to them comes after it.
_ASIDE = re.compile(r"\s*(?:—|–|--|\()[^—–()]{1,160}?(?:—|–|--|\))|,\s+including\s[^,;]{1,120},"
                    r"|,\s+including\s[^,;]{1,120}?(?=[.;]?\s*$)")  # ... or closing the sentence: "58 hostages, including 34 the military says are dead"
# Who the counted are, between commas ("42,924 Palestinians, a majority of them civilians, have
# been killed"); an aside that tells what happened to some of them ("1.4 million people, many of
# them displaced, ...") is the count's only fate word and stays.
_WHO_ASIDE = re.compile(r",\s+(?:(?:a|the)\s+majority|most|mostly|many|half|among\s+them)\s[^,;]{1,120},")
# ... or the papers they hold ("71 Palestinians holding Israeli citizenship or residency will be
# released"): who they are, not a captivity, and the verb that says what happens to them comes after.
_PAPERS = r"(?:citizenship|residency|residence permits?|passports?|nationality|ID cards?)"
_PAPERS_HELD = re.compile(
    rf"\s+(?:holding|(?:who|that)\s+holds?)\s+(?:[\w-]+\s+){{0,2}}?{_PAPERS}(?:\s+(?:or|and)\s+(?:[\w-]+\s+)?{_PAPERS})?", re.I)
# Another thing handed over, after a count: "the release of 10 hostages and the return of the remains
# of dead hostages": its words are not the count's.
_OTHER_OBJECT = re.compile(
    r",?\s+(?:and|as\s+well\s+as|plus)\s+(?:the\s+)?(?:(?:release|return|repatriation|handover|transfer)\s+of|remains\s+of|bodies\s+of)\b",
    re.I)


# A fate verb right before the next count is that count's: "..., killed at least 274"; so is a
# release told as a noun: "holds 100 hostages and demands the release of 3,000 prisoners".
_VERB_OF_NEXT = re.compile(
    r"\b(?:killed|killing|kills?|wounded|wounding|injured|injuring|freed|freeing|released|releasing|"
    r"(?P<noun>(?:release|return|repatriation)\s+of(?:\s+the)?))\s+"
    r"(?:(?:at least|more than|about|around|some|roughly|nearly|almost|over|up to)\s+)?$", re.I
)
_ANOTHER_COUNT = re.compile(rf"(?<![\w.,])(?:\d|(?:{_WORD_NUMBER})\b)|;", re.I)
# A part named before the whole: in "35 of the 129 hostages are dead" the dead are the 35.
_PART_OF = re.compile(rf"(?<![\w.,])(?P<value>{_VALUE})\s+(?:out\s+)?of\s+(?:the|these|those|all)?\s*$", re.I)
_PART_FATES = (
    ("dead", re.compile(rf"{_KILLED.pattern}|\bdeceased\b", re.I)),
    ("alive", re.compile(r"(?<!no longer )\b(?:alive|living)\b", re.I)),  # "38 of the 132 hostages are no longer alive": dead
    ("released", _RELEASED),
    ("held", _HELD),
)
_ANY_ASIDE = re.compile(r"\s(?:—|–|--?)\s[^—–]{1,160}?\s(?:—|–|--?)\s|\s?\([^()]{1,160}\)")
_CLAUSE_BREAK = re.compile(r";|(?<!(?:19|20)\d\d),\s+(?!\d)|\s(?:—|–|--?)\s")  # "on Oct. 7, 2023, remain" goes on
_YEAR = re.compile(r"(?:19|20)\d\d\b")


def _part_before(text: str, start: int) -> re.Match | None:
    """The "35 of the" right before a count that starts at `start`, if any."""
    return _PART_OF.search(text, max(0, start - 40), start)


def _part_fate(category: str, text: str, start: int, end: int, part: re.Match) -> str:
    """What happens to the part in "97 of the 251 hostages abducted on October 7 remain in Gaza":
    the last fate word of the clause after the whole, as the words on the whole ("abducted",
    "still held in Gaza") come before the verb; without one, the words around the count. `part` is
    the "97 of the" before the whole, whose `start` and `end` are given."""
    rest = _ANY_ASIDE.sub(" ", text[end:])
    clause_break = _CLAUSE_BREAK.search(rest)
    clause = rest[: clause_break.start()] if clause_break else rest
    for count in _ANOTHER_COUNT.finditer(clause):  # up to another count; a date is none
        at = count.start()
        if not (_MONTH.search(clause[max(0, at - 10) : at]) or _YEAR.match(clause, at)):
            clause = clause[:at]
            break
    clause = _TRADE_AFTER.split(clause, maxsplit=1)[0]  # "... are to be freed in exchange for hundreds of prisoners ... held"
    for died in _DIED_IN_CAPTIVITY.finditer(clause):  # "had been murdered in captivity": dead, not held
        clause = _spaced(clause, died.start("where"), died.end("where"))
    said = [(found.start(), fate) for fate, regex in _PART_FATES for found in regex.finditer(clause)]
    if not said:  # the words around the whole, else around the part with it ("returned all 20 living captives and
        # 27 of the 28 deceased captives": the release told before the part is its own)
        return _situation(category, text, start, end) or _situation(category, text, part.start("value"), end)
    at_fate, fate = max(said)
    at = part.start("value")
    if fate == "held" and _HELD_WHOLE.match(clause) and _RELEASE_JUST_BEFORE.search(text, max(0, at - 40), at):
        # "the proposed release of 40 of the 130 hostages still held in Gaza": where the whole is held is
        # no verb of the part's; the release before the part is
        return TO_BE_RELEASED if _release_to_come(text, at, part.end("value")) else "released"
    if fate == "released" and _WILL_BE.search(clause, max(0, at_fate - 15), at_fate):
        return TO_BE_RELEASED  # "33 of the 98 hostages still held ... are to be freed in stages"
    return fate


# The whole's own description, with no verb of the part's after it: "(of the 130) hostages still held by the group in Gaza."
# ... or who holds it: "(of the 59) hostages it holds", "(of the 28 deceased) hostages it held"
_HELD_WHOLE = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:(?:who|that)\s+are\s+|(?:that\s+|which\s+)?(?:it|they|Hamas|the\s+group)\s+)?"
                         r"(?:still\s+)?(?:being\s+|is\s+|are\s+)?(?:held|holds?|holding)\b(?:\s+(?:by|in|captive)\b[^,;]*)?[.;]?\s*$", re.I)
# A release right before the part: "the release of", "released", "freeing".
_RELEASE_JUST_BEFORE = re.compile(  # ... of a part, or of its remains: "returned the remains of (25 of the 28)"
    r"\b(?:releas\w*|free(?:d|s|ing)?|return(?:ed|ing)?)(?:\s+of)?(?:\s+the)?(?:\s+(?:remains|bodies)\s+of)?\s+$", re.I)


# What the part is given for, after its verb: the other side's, not the part's ("in exchange for hundreds of prisoners").
_TRADE_AFTER = re.compile(r"\bin\s+(?:exchange|return)\s+for\b", re.I)
_DIED_IN_CAPTIVITY = re.compile(
    r"\b(?:killed|murdered|died|executed|dead)\s+(?P<where>(?:while\s+)?in\s+(?:[\w'’-]+\s+)?captivity)\b", re.I)


_IN_RETURN = re.compile(r"\bin\s+return\b", re.I)
# "over" after a noun of dispute or feeling is a preposition, not "more than": "the uproar over six hostages".
_OVER_AFTER_NOUN = re.compile(
    r"\b(?:uproar|outcry|anger|fury|outrage|protests?|dispute|row|talks|negotiations|disagreements?|concerns?|fears?|grief"
    r"|clash(?:es)?|tensions?|standoff|deal|agreement)\s+over\s+$", re.I)
_OTHERS_FATE_BEFORE = re.compile(  # "... left 1,200 Israelis dead and over 250 hostages captured" too
    rf"(?<![\w.,])(?:\d[\d,.]*|{_WORD_NUMBER})\s+(?:[A-Za-z]+\s+)?(?:dead|killed|wounded|injured)\s*(?:,|and)\s+(?:another\s+|a\s+further\s+)?$", re.I)
# A video or a statement released is no captive freed: "the release of disturbing videos showing
# two emaciated captives", "Hamas released a new video of three hostages".
_MEDIA_RELEASE = re.compile(
    r"\breleas\w*\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:videos?|footage|images?|photos?|photographs?|pictures?|recordings?|clips?|"
    r"statements?|propaganda|lists?|names)\b", re.I)
_BOTH_FATES = re.compile(r"\b(?:dead|deceased)\s+(?:and|or)\s+(?:alive|living)\b|\b(?:alive|living)\s+(?:and|or)\s+(?:dead|deceased)\b", re.I)


# The count's own verb says it is still held, whatever was released before it.
_STILL_HELD = re.compile(
    r"\s+(?:still\s+|now\s+)?remain(?:s|ed)?\b"
    r"|\s+(?:are|were)\s+(?:still\s+|now\s+|being\s+|believed\s+to\s+be\s+|thought\s+to\s+be\s+)*(?:held|in\s+captivity)\b"
    r"|\s+(?:are|were|is)\s+(?:believed|thought|said)\s+to\s+(?:still\s+)?remain\b"  # "are believed to remain in Gaza"
    # "four more hostages have yet to be returned": not yet freed
    r"|\s+(?:have|has)\s+(?:yet|still)\s+to\s+be\s+(?:returned|released|freed|handed)\b"
    # ... or "have not been returned", "were not released"
    r"|\s+(?:(?:have|has|had)\s+not\s+(?:yet\s+)?been|(?:are|were|was|is)\s+not\s+(?:yet\s+)?(?:being\s+)?)\s*"
    r"(?:returned|released|freed|handed)\b"
    # "returns the 59 hostages it still holds": whom the holder has now, whatever it is asked to do
    r"|\s+(?:it|they|Hamas|militants|the\s+group)\s+(?:still\s+|now\s+)?(?:holds|held|keeps|is\s+(?:still\s+)?holding)\b",
    re.I,
)
# "the 101 hostages still in captivity", "all 48 hostages still held": the whole that is held (a
# part, "releasing 11 hostages still held in Gaza", is what the deal frees).
_STILL_HELD_AFTER = re.compile(
    r"\s+still\s+(?:being\s+|(?:believed|thought)\s+to\s+be\s+)?(?:held|in\s+captivity|in\s+Gaza)\b", re.I)
_OWN_VERB_NEXT = re.compile(r"(?:\s+(?:in|by)\s+[\w-]+(?:\s+[A-Z][\w-]*)?)?")  # "(still held) in Gaza", "by Hamas"
_THEY_HOLD = re.compile(r"^\s+(?:who|that)\s+(?:hold|holds)\b", re.I)
_WHOLE_BEFORE = re.compile(r"\b(?:the|all|roughly|about|around|some|estimated|remaining)\s+$", re.I)
_WHOLE_VALUE = re.compile(r"(?:all|roughly|about|around|some)\s", re.I)  # the value's own qualifier: "all 48"


# "held by Hamas" without a verb before it says who holds the counted, not what happens to them.
_HELD_BY = re.compile(r"(?<!\bare\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bbeing\s)(?<!\bstill\s)\bheld\s+(?:captive\s+|hostage\s+)?(?:in\s+\w+\s+)?by\b", re.I)


_LIVING = re.compile(r"\b(?:live|living|alive|surviving)\b", re.I)
# ... the holder, then the verb of the counted: "(held captive by) Hamas are no longer alive"
_DEAD_AFTER_HOLDER = re.compile(
    r"\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+(?:are|were|is|was|have\s+been|had\s+been)\s+(?:now\s+|all\s+)?"
    r"(?:no\s+longer\s+(?:alive|living)|dead|deceased|killed|murdered)\b", re.I)
# A share of a count, right before it: what happens is the share's ("half of the remaining 48 hostages").
_SHARE_OF = re.compile(r"\b(?:half|a\s+third|a\s+quarter|two[- ]thirds|three[- ]quarters)\s+of\s+(?:the\s+|all\s+)?$", re.I)


# A killing the counted did, told after them: "250 prisoners serving life sentences for killing
# Israelis", "convicted of killing soldiers". (Before the count, "for killing 1,200 people", the
# counted are the killed.)
_THEIR_KILLING = re.compile(r"\b(?:for|of|in)\s+(?:killing|murdering)\b(?!\s+of\b)", re.I)


# A release denied right before the count: "nor release all 6,000 Palestinian security prisoners",
# "will not agree to release all 6,000", "has not yet released 620", "refused to release 500
# prisoners": they stay held.
_NOT_FREED = re.compile(
    r"\b(?:not|nor|never|n['’]t|refuses?\s+to|refused\s+to|veto(?:es|ed|ing)?)\s+(?:(?:yet|agree|immediately|be|been|the)\s+)*(?:to\s+)?"
    r"(?:releas\w*|free\w*)\b[^.;]*$", re.I)


# A release still to come, which a deal or a plan sets out, is no release yet: "Hamas would free
# 10 living hostages", "calls for Hamas to release the 48", "33 hostages are due to be freed",
# "the planned release of six hostages", "one more day for every 10 hostages released", "until
# Hamas returns the 59". The word that says so comes right before the release verb, between the
# count and a verb after it, or anywhere in the clause before a release told as a noun or a
# gerund ("a framework that would see ... the release of 40 hostages", "the deal includes the
# release of 50", "offered a truce in exchange for Hamas releasing 11 hostages").
TO_BE_RELEASED = "to be released"
_WILL_BEFORE_VERB = re.compile(  # ... or a condition: "as long as the militants free at least 10 hostages per day"
    r"\b(?:(?:would|will|shall|could|should|must|until)\s+(?:\w+\s+){0,2}|to\s+(?:\w+ly\s+)?|(?:as\s+long\s+as|provided(?:\s+that)?|unless|if)\s+(?:\w+\s+){1,3})[“\"‘]?$",
    re.I)
_WILL_BE = re.compile(r"\b(?:would|will|shall|could|should|must|to\s+be|due|(?:set|slated)\s+(?:to|for)|(?:is|are)\s+to)\b", re.I)
_WOULD_SEE = re.compile(
    r"\b(?:(?:would|will|could|should)\s+(?:(?:\w+ly|also)\s+)?(?:have\s+)?(?:see|seen|allow|involve|include|mean)\s+(?:[\w-]+\s+)?"
    r"(?:[\w-]+\s+[\w-]+\s+and\s+)?|(?:every|each)\s+(?:\w+\s+)?)$", re.I)  # "should see fighting halted and 33 hostages returned"
_SEE_REACH = 60  # characters before a count in which "would see" is read
# a release told as a noun ("the release of", "in exchange for") or a gerund ("in return for
# Israel releasing hundreds of prisoners") has its clause's tense
_RELEASE_NOUN = re.compile(r"(?<=ing)|(?<!ed)\s+(?:of|for)\b", re.I)
_PLANNED = re.compile(
    rf"{_WILL_BE.pattern}|\b(?:plan\w*|propos\w*|envisag\w*|envision\w*|calls?\s+for|called\s+for|calling\s+for|demand\w*|"
    r"expect\w*|scheduled|includes?|involves?|provid(?:es|ed|ing)|willing|ready|offer\w*|agree[sd]?|agreeing|ask\w*|request\w*|sought|seek\w*|wants?|wanted|"
    r"discuss\w*|urg\w*|call(?:s|ed|ing)?\s+on|to\s+secure|stipulat\w*|condition(?:ed|al)\s+on|promis\w*|(?:agreement|deal)\s+(?:with\s+[\w-]+\s+)?(?:for|to)|"
    r"negotiations|negotiating|push\w*\s+for|suggest\w*|to\s+facilitate|insist\w*|"
    # "talks revolve around the release of 12 hostages", "focused on securing the release of 50"
    # (but "instrumental in securing the release of 105 hostages" tells a release done)
    r"talks\s+(?:revolv\w*|cent(?:er|re)\w*|focus\w*)|(?:focus\w*|aim\w*|work\w*)\s+(?:on|at|towards?)\s+securing|aim(?:s|ed|ing)?\s+at|"
    # "a new push to end the war and secure the release of", "leading mediation ... for the release of"
    r"(?:push|bid|efforts?|attempts?|drive)\s+to|mediation\b[^.;]{0,100}\bfor(?=\s+(?:the\s+)?$))\b", re.I)
# "to free" after a raid is what the raid was for, and says nothing of a release to come
_RAID_TO = re.compile(  # ... and "managed to free two hostages" is a release done
    r"\b(?:raid|operation|mission|carried\s+out|conducted|launched)\b[^.;,]{0,20}\bto\s+$|\b(?:managed|succeeded|(?:was|were)\s+able)\s+(?:\w+\s+){0,3}?to\s+$", re.I)
# A release verb in its bare form, with a subject of its own, after "could see" or a demand that
# in its clause: "a deal that could see Israeli troops halt operations for 40 days and the terror
# group release 40 hostages", "demanded that Hamas free the 59" (but "the truce saw Hamas release
# 50 hostages": done).
_BARE_RELEASE = re.compile(r"release|free|hand\s+over|give\s+back|return|swap|exchange", re.I)
_SEES_SOMEONE_DO = re.compile(
    # ... "will span 42 days and see Hamas release 33": the modal governs both verbs
    r"\b(?:(?:would|will|could|may|might|shall)\s+(?:\w+ly\s+)?(?:(?:[\w-]+\s+){1,5}?and\s+)?(?:see|let|allow|make|require|oblige|force)|"
    r"(?:demand\w*|insist\w*|urg\w*|ask\w*|requir\w*)\s+that|(?:suggest(?:s|ed|ing)?|propos(?:es|ed|ing))\s+(?:that\s+)?(?=[A-Z]))"
    r"\b[^.;:]*$", re.I)  # ... or that someone suggests be done: "suggested Hamas release 11 living hostages"
# ... or after another verb in the infinitive and "and": "vowed to complete its war to eliminate Hamas and return the rest"
_TO_DO_AND = re.compile(r"\bto\s+[a-z]+\b[^.;:]{0,80}\band\s+$", re.I)
_VERB_NEAR = 25  # characters between a release verb and the count it governs
_NOUN_REACH = 150  # characters before a release told as a noun in which its clause's verb is read


def _planned_before(text: str, at: int) -> bool:
    """Whether a word of a plan, a deal or a demand comes in the _NOUN_REACH characters before `at`."""
    return _PLANNED.search(text, max(0, at - _NOUN_REACH), at) is not None


def _clause_start(text: str, at: int) -> int:
    """Where the clause that holds position `at` begins: after the last full stop or semicolon, at
    most _NOUN_REACH characters back."""
    return max(text.rfind(". ", 0, at) + 1, text.rfind(";", 0, at) + 1, at - _NOUN_REACH, 0)


def _bare_verb_to_come(text: str, verb: re.Match) -> bool:
    """Whether a release verb in its bare form is one that "could see" or a demand in its clause sets
    out (see _BARE_RELEASE)."""
    if not _BARE_RELEASE.fullmatch(verb.group()):
        return False
    clause = _clause_start(text, verb.start())
    return _SEES_SOMEONE_DO.search(text, clause, verb.start()) is not None \
        or _TO_DO_AND.search(text, clause, verb.start()) is not None \
        or _MODAL_LIST.search(text, clause, verb.start()) is not None  # "vowed to complete its war ... and return the rest"


# A modal that governs a list of verbs, the release one of them: "The proposal would pause the fighting for
# six weeks, free dozens of the most vulnerable hostages ..."
_MODAL_LIST = re.compile(r"\b(?:would|will|could|should|shall)\s+[a-z]+\b[^.;:]*?(?:,|\band)\s+$", re.I)


_BEING = re.compile(r"\bbeing\s+$", re.I)
_EXCHANGE_OPENS = re.compile(r"(?:^|[.;]\s+)In\s+(?:exchange|return)\s+for\s+(?:the\s+)?$")
_DEAL_THAT = re.compile(
    r"\b(?:deal|agreement|plan|proposal|truce|ceasefire|arrangement)\s+(?:that|which)\s+$"
    # "the deal on the table — where Hamas releases", "Under the deal, Hamas frees": the deal's terms
    r"|\b(?:deal|agreement|plan|proposal|arrangement)\b[^.;]{0,20}?\s(?:where|in\s+which|under\s+which)\s+(?:[A-Z][\w-]*\s+|it\s+|they\s+)?$"
    r"|\bunder\s+(?:the|this|that|a|an)\s+(?:[\w-]+\s+)?(?:deal|agreement|plan|proposal|arrangement),\s+(?:[A-Z][\w-]*\s+|it\s+|they\s+)?$",
    re.I)
_PRESENT_RELEASE = re.compile(r"frees?|releases?|returns?", re.I)
_EARLIER = re.compile(r"\b(?:earlier|previous|prior|past|first)\s+$", re.I)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
# How often, or for how many of another: "600 aid trucks a day", "30 prisoners for each civilian hostage".
_RATE_AFTER = re.compile(
    r"\s+(?P<rate>(?:a|per|each|every)\s+(?:day|week|month)|daily|weekly|(?:for|per)\s+(?:each|every)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:hostage|captive|soldier|prisoner|detainee|day|week)s?)\b", re.I)
# ... or, for aid, how often its clause says: "600 aid trucks are to enter Gaza daily"
_DAILY_LATER = re.compile(r"(?:\s+(?!and\b|but\b|while\b|or\b)[\w'’-]+){1,6}?\s+(?:daily|(?:a|per|each|every)\s+day)\b", re.I)
# A ratio's second term, and a day's extension as its first: "one day for every 10 hostages released"
_RATE_BEFORE = re.compile(r"\b(?:for|per)\s+(?:each|every)\s+(?:additional\s+|extra\s+|further\s+)?$", re.I)
_A_DAY_BEFORE = re.compile(r"\b(?:one|an?|1)(?:-day|\s+(?:additional\s+|extra\s+|more\s+)?day)\b", re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|once|until|till|provided(?:\s+that)?|as\s+long\s+as)\s+(?:[\w-]+\s+){0,3}$", re.I)
# A release held up: "Israel postponed the release of 620 prisoners", "delaying the release of three
# hostages"; but one held up for some hours has happened since
_HELD_HOURS = re.compile(r"[^.;]{0,40}?\bfor\s+(?:several|a\s+few|a\s+couple\s+of|some|two|three|\d+)\s+(?:hours|minutes)\b", re.I)
_HELD_UP = re.compile(r"\b(?:postpon|delay|defer|suspend|halt|freez|froze|block|stall)\w*\s+(?:the\s+)?$", re.I)


def _release_to_come(text: str, start: int, end: int) -> bool:
    """Whether the release told around a count of captives is still to come (see TO_BE_RELEASED)."""
    before = list(_RELEASED.finditer(text, max(0, start - 40), start))
    after = _RELEASED.search(text, end, min(len(text), end + 45))
    if before and ((start - before[-1].end() <= _VERB_NEAR and not _CLAUSE_BREAK.search(text, before[-1].end(), start))
                   or after is None):
        verb = before[-1]
        if _RELEASE_NOUN.match(text, verb.end()):
            if _HELD_UP.search(text, max(0, verb.start() - 30), verb.start()) and not _HELD_HOURS.match(text, end):
                return True  # not released (yet): still to come; "delayed ... for several hours" was done
            if _EARLIER.search(text, max(0, verb.start() - 12), verb.start()):
                return False  # "would build upon an earlier release of more than 100 hostages": done
            if _EXCHANGE_OPENS.search(text, max(0, verb.start() - 30), verb.start()):
                # "In exchange for the release of around 10-15 hostages, Israel would grant a pause": the main clause's tense
                stop = text.find(". ", end)
                # ("would grant"), or what it wants ("Hamas expects a return to the truce")
                return bool(_PLANNED.search(text, end, stop if stop >= 0 else len(text))) or _planned_before(text, verb.start())
            return _planned_before(text, verb.start())
        if _DEAL_THAT.search(text, max(0, verb.start() - 40), verb.start()) and _PRESENT_RELEASE.fullmatch(verb.group()):
            return True  # "a comprehensive deal that frees all 50 remaining hostages": the deal's, still to come
        # "Hamas would free 10", "the release would include 100 prisoners", "could see ... the group release 40"
        return (bool(_WILL_BEFORE_VERB.search(text, max(0, verb.start() - 30), verb.start()))
                and not _RAID_TO.search(text, max(0, verb.start() - 50), verb.start())) \
            or bool(_WOULD_SEE.search(text, max(0, start - _SEE_REACH), start)) \
            or _bare_verb_to_come(text, verb)
    if after is None:
        return False
    if (_BEING.search(text, max(0, after.start() - 7), after.start()) or after.start() - end <= 2) \
            and _WITH_BEFORE.search(text, max(0, start - 10), start):
        # "The proposal includes ..., with five living hostages ... being freed", "the extension would be on the same
        # terms, with 10 Israeli hostages released each day": the participle has its clause's tense
        return _planned_before(text, start)
    if _RELEASE_NOUN.match(text, after.end()):  # "40 hostages in exchange for ...": the release is told before
        return _planned_before(text, start) or bool(_WILL_BE.search(text, end, after.start()))
    # "34 hostages that the group says it is willing to release": a word of a plan or an offer between them;
    # "if all remaining 101 hostages are returned": a condition the count opens; "Hamas wants 2,000
    # prisoners freed": a word of wanting right before the count, its participle right after
    return bool(_PLANNED.search(text, end, after.start()) or _WOULD_SEE.search(text, max(0, start - _SEE_REACH), start)
                or _CONDITION_BEFORE.search(text, max(0, start - 40), start)
                or (after.start() - end <= 1 and _WANTED_BEFORE.search(text, max(0, start - 30), start)))


_WANTED_BEFORE = re.compile(r"\b(?:wants?|wanted|wanting|demand\w*|seek\w*|sought|expect\w*|ask\w*|request\w*)\s+$", re.I)


# What the other side gives, right before a count of captives: "exchange of 33 hostages ... for
# around 2,000 prisoners", "swap 50 hostages held by Hamas for 150 prisoners held in Israeli jails".
# Those the count names are released in the swap, whatever says where they are held.
_TRADED_FOR = re.compile(
    r"\b(?P<verb>exchang(?:e|ed|es|ing)|swap(?:s|ped|ping)?|trad(?:e|ed|es|ing))\b(?:\s+of)?\s[^.;]{1,120}?\sfor\s+"
    r"(?:(?:the|all|another|about|around|some|roughly|nearly|almost|over|more than|at least|up to)\s+)*$", re.I)


def _traded_to_come(text: str, verb: int) -> bool:
    """Whether the swap whose verb starts at `verb` is still to come ("a deal to swap", "Israel
    would exchange", "a proposal for the exchange of")."""
    return bool(_WILL_BEFORE_VERB.search(text, max(0, verb - 30), verb)) or (
        text[verb:verb + 8].lower().startswith("exchange") and _planned_before(text, verb))


# "and" joining two counts, with the second one's qualifier: "... and about".
_AND_ANOTHER = r"and\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|up\s+to)\s+)?"
# A count joined to the one before it: "... and hundreds of".
_JOINED_BEFORE = re.compile(rf"\b{_AND_ANOTHER}$", re.I)


# The next count joined to a count of captives, up to its noun: "... and scores of Palestinian prisoners".
_JOINED_AFTER = re.compile(
    rf"\s+{_AND_ANOTHER}"
    rf"(?P<count>\d[\d,]*|{_WORD_NUMBER}|(?:dozens|scores|hundreds|thousands)\s+of)\s+(?:[A-Z][\w-]*\s+)?"
    r"(?:prisoners|detainees|hostages|captives)\b", re.I)
# ... and to a count of people: "two American women and two elderly Israeli women (were freed)".
_PEOPLE_JOINED_AFTER = re.compile(
    rf"\s+{_AND_ANOTHER}(?P<count>\d[\d,]*|{_WORD_NUMBER})(?:\s+[\w-]+){{0,3}}?\s+(?:{_PEOPLE})\b", re.I)


def _shared_release(text: str, start: int, counted: bool = False) -> str:
    """The fate of a count joined by "and" to counts that a release governs, told as a noun ("the
    release of 50 hostages and 150 prisoners") or as a verb right before the first count ("would
    release 250 prisoners serving life sentences and 1,700 Gazans"): released, or to be released
    as the clause says; "" when the count is joined to none or no such release comes before it in
    its clause. With `counted`, a release told as a noun must govern a count too ("the release of
    Yehud and two others" tells nothing of the two)."""
    if not _JOINED_BEFORE.search(text, max(0, start - 20), start):
        return ""

    def governs(verb: re.Match) -> bool:
        noun = text.startswith(" of ", verb.end())
        return (noun and not counted) or _GOVERNS_COUNT.match(text, verb.end() + (3 if noun else 0)) is not None

    verbs = [verb for verb in _RELEASED.finditer(text, _clause_start(text, start), start) if governs(verb)]
    if not verbs:
        return ""
    verb = verbs[-1]
    return TO_BE_RELEASED if _planned_before(text, verb.start()) else "released"


# A verb's object that is a count: "release (about) 250 ...".
_GOVERNS_COUNT = re.compile(rf"\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|up\s+to|another|all)\s+)?(?:\d|{_WORD_NUMBER}\b)", re.I)


# A share of the count before it: "two of the 34 people", "most of the 40".
_PART_OF_BEFORE = re.compile(rf"\b(?:\d[\d,]*|{_WORD_NUMBER}|most|some|half|many|several|few|none)\s+of\s+(?:the|these|those)\s+$", re.I)
_PART_PREDICATE = re.compile(r"\s+(?:are|were|is|was|have|has|had|died|remain\w*)\b", re.I)
# What the counted hand over, after them: "200 fighters would hand over their arms".
_HANDS_OVER_THING = re.compile(r"\bhand(?:s|ed|ing)?\s+over\s+(?:their|its|his|her|the|all|some|any)\b", re.I)
# Someone's children counted as a family: "who has 13 children", "had eight grandchildren".
_KIN_OWNED = re.compile(r"\b(?:has|have|had)\s+$", re.I)
_KIN = re.compile(r"\b(?:children|sons|daughters|grandchildren|siblings|brothers|sisters)\b", re.I)
_RELATIVE_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:who|that)\s+(?=\w)", re.I)


# What a truce that took effect allowed was done: "took effect Oct. 10, halting the fighting and
# allowing dozens of hostages held in Gaza to be exchanged for hundreds of prisoners". With a modal
# before it ("the truce would allow 33 hostages to be freed") it is still to come.
_ALLOWED_TO_BE = re.compile(r"\b(?:allowing|allowed|enabling|enabled)\b[^.;]{1,80}?\b(?P<to>to(?:\s+be)?)\s", re.I)
_MODAL = re.compile(r"\b(?:would|will|could|should|may|might|must|shall|can)\b", re.I)
# ... and what a deal allows is to come: "announced a deal on Wednesday allowing 50 hostages ... to be freed"
_DEAL_ALLOWS = re.compile(r"\b(?:deal|agreement|accord|plan|proposal|framework|offer|arrangement)\b(?:\s+[\w.,]+){0,3}\s+$", re.I)


def _done_as_allowed(text: str) -> str:
    """`text` with the "to be" of a release that a past event allowed turned to spaces (see _ALLOWED_TO_BE)."""
    for found in _ALLOWED_TO_BE.finditer(text):
        sentence_start = text.rfind(". ", 0, found.start()) + 1
        if not _MODAL.search(text, sentence_start, found.start("to")) \
                and not _DEAL_ALLOWS.search(text, max(0, found.start() - 60), found.start()):
            text = _spaced(text, found.start("to"), found.end("to"))
    return text


def _spaced(text: str, start: int, end: int) -> str:
    """`text` with text[start:end] turned to spaces, so every position stays where it was."""
    return text[:start] + " " * (end - start) + text[end:]


def _blanked(regex: re.Pattern, text: str) -> str:
    """`text` with what `regex` matches turned to spaces, so every position stays where it was."""
    return regex.sub(lambda found: " " * len(found.group()), text)


def _situation(category: str, text: str, start: int, end: int) -> str:
    """What happened to the counted: the verbs around the number decide."""
    if "“" in text or '"' in text:
        text = _UTTERANCE.sub(lambda said: said.group("lead") + " " * (len(said.group()) - len(said.group("lead")))
                              if not said.start() <= start < said.end() else said.group(), text)
    if text.find("ing", end) >= 0:
        text = text[:end] + _blanked(_THEIR_KILLING, text[end:])
    aside = _ASIDE.match(text, end) or _PAPERS_HELD.match(text, end) or (_listed(text, end) if category in _CAPTIVES else None)
    if aside is None:
        who = _WHO_ASIDE.match(text, end)
        if who and not any(fate.search(who.group()) for fate in (_KILLED, _INJURED, _DISPLACED, _RELEASED, _HELD)):
            aside = who
    if aside:
        text = text[:end] + text[aside.end() :]
    # Death words after the count are its own only up to the next count: in "48 hostages, about 20
    # of them dead" the dead are the 20, not the 48; in "the kidnapping of 251 people and the killing
    # of 1,200 others" the 251 were not killed.
    stop = _ANOTHER_COUNT.search(text, end)
    own = stop.start() if stop else len(text)
    other = _OTHER_OBJECT.search(text, end, own)
    if other:  # ... nor past another thing handed over (see _OTHER_OBJECT)
        own = other.start()
    verb = _VERB_OF_NEXT.search(text[:own], end) if stop else None
    if verb:  # "to free four captives, killed at least 274 Palestinians": the killing is the 274's
        own = verb.start()
        if verb.group("noun"):  # ... and the release of the 3,000 is no word on the 100 before them
            text = _spaced(text, verb.start(), verb.end("noun"))
    if category in _CAPTIVES:
        # "in return for" after the captives is what they are given ("medicine to 45 hostages in
        # return for aid"); before them, it is they who are given ("in return for 602 prisoners")
        text = text[:end] + _blanked(_IN_RETURN, _blanked(_TRADE_AFTER, text[end:]))
        text = _blanked(_MEDIA_RELEASE, text)  # "the release of videos showing two captives"
        text = _blanked(_BOTH_FATES, text)  # "all 48, dead and alive" died not
        if "allow" in text or "enabl" in text:
            text = _done_as_allowed(text)
        # death words after "five live hostages" are others' ("and some dead hostages")
        living = _LIVING.search(text, start, end) is not None
        # "left about 1,200 dead and another 250 taken hostage": the dead are the 1,200
        others_dead = _OTHERS_FATE_BEFORE.search(text, max(0, start - 40), start) is not None
        if _LEFT_BEHIND.search(text, max(0, start - 30), start) and not _FATE_SAID["dead"] & set(text[start:end].lower().split()):
            return "held"  # "freed 20 hostages, leaving 28 in captivity": what a release leaves is held (bodies are dead)
        if _SHARE_OF.search(text, max(0, start - 30), start):
            # "releasing half of the remaining 48 hostages": the verb is the half's; the 48 are what is left
            return "held" if _REMAINING.search(text, start, end) or _STILL_HELD_AFTER.match(text, end) else ""
        if _DEATH_BEFORE.search(text, max(0, start - 60), start):
            return "dead"
        # "seizing another 253 as hostages", "Hamas took 251 hostages": in the attack, not held
        # now, and not killed whatever the words around say ("killed 1,200 people and took 250
        # hostages back to Gaza, ... the deaths of")
        if _SEIZED_BEFORE.search(text, max(0, start - 30), start) \
                or (_AMONG_BEFORE.search(text, max(0, start - 12), start) and _CAPTIVES_TAKEN.match(text, end)):
            # ... and "released two Americans among more than 200 hostages abducted": the 200 are the
            # captives the two were among, not freed
            return "taken"
        if _WERE_TAKEN.match(text, end):  # "Some 250 hostages were taken, of whom 130 are still in Gaza"
            return "taken"
        if _near(_KILLED, text[:own], start, end, 0 if others_dead else 10, 0 if living else 40) \
                or (not living and _REMAINS_AFTER.match(text, end)):
            return "dead"
        holder = _HELD_BY.match(text, end) or _HELD_BY.match(text, end + 1)
        if holder and not living and _DEAD_AFTER_HOLDER.match(text[:own], holder.end()):
            return "dead"  # "the 31 hostages held captive by Hamas are no longer alive": who holds them comes first
        if _STILL_HELD.match(text, end):  # "After Alexander's release, 58 hostages remain in Gaza"
            return "held"
        taken_how = _TAKEN_HOW.match(text, end)
        if taken_how:  # "136 hostages taken by Hamas on October 7 are believed to remain in Gaza": the verb after
            if _STILL_HELD.match(text, taken_how.end()):
                return "held"
            freed = _FREED_VERB.match(text, taken_how.end())
            if freed:
                return TO_BE_RELEASED if freed.group("modal") else "released"
        traded = _TRADED_FOR.search(text, max(0, start - _NOUN_REACH), start)
        if traded:  # "a deal to swap 50 hostages held by Hamas for 150 prisoners held in Israeli jails"
            return TO_BE_RELEASED if _traded_to_come(text, traded.start("verb")) else "released"
        still = _STILL_HELD_AFTER.match(text, end)
        if still and (_WHOLE_BEFORE.search(text, max(0, start - 20), start) or _WHOLE_VALUE.match(text, start)):
            # ... unless a verb of their own follows: "All 48 hostages still held in Gaza would be freed"
            freed = _FREED_VERB.match(text, _OWN_VERB_NEXT.match(text, still.end()).end())
            if freed:
                return TO_BE_RELEASED if freed.group("modal") else "released"
            return "held"
        if _near(_RELEASED, text, start, end):
            if _NOT_FREED.search(text, max(0, start - 40), start):
                return "held"
            return TO_BE_RELEASED if _release_to_come(text, start, end) else "released"
        modifier = _HELD_BY.search(text, end, own)
        release = _RELEASED.search(text, modifier.end(), own) if modifier else None
        if release:  # "10 living prisoners of the occupation held by the resistance will be released"
            return TO_BE_RELEASED if _WILL_BE.search(text, end, release.start()) else "released"
        # who the counted are, in a clause of their own, comes before what happens to them: "10 living
        # hostages who were taken that day and who are still in captivity would be released if ..."
        relative = _RELATIVE_AFTER.match(text, end)
        verb = _RELEASED.search(text, relative.end(), min(own, relative.end() + 120)) if relative else None
        if verb and not _NOT_FREED.search(text, max(0, verb.start() - 30), verb.end()):  # ... or "that the group says
            # it is willing to release": a word of a plan or an offer between them
            return TO_BE_RELEASED if _PLANNED.search(text, relative.end(), verb.start()) else "released"
        # a word of holding before the count is its own only up to a comma: in "the release of 100
        # hostages held by Hamas, 240 Palestinian prisoners" the 240 are not held; a part named
        # after it shares it ("100 hostages remain in Gaza, including seven Americans")
        comma = text.rfind(",", max(0, start - 40), start)
        if comma >= 0 and _PART_NAMED.search(text, comma + 1, start):
            comma = -1
        # who holds the count before is no word on this one: "dozens of hostages held by Hamas and
        # hundreds of Palestinian prisoners"
        window = max(0, start - 40)
        if "held" in text[window:start]:
            text = text[:window] + _blanked(_HELD_BY, text[window:start]) + text[start:]
        # ... and the release told before that count is this one's too: "the release of dozens of hostages
        # ... and hundreds of Palestinian prisoners"
        shared = _shared_release(text, start)
        if shared:
            return shared
        # ... and so is the release told after the next count joined to it: "at least 50 hostages and
        # scores of Palestinian prisoners to be freed"
        joined = _JOINED_AFTER.match(text, end)
        if joined:
            shared = _situation(category, text, joined.start("count"), joined.end())
            if shared in ("released", TO_BE_RELEASED):
                return shared
        # what the counted hold themselves is no captivity: "four hostages who hold American citizenship"
        if "hold" in text[end : end + 20]:
            text = text[:end] + _blanked(_THEY_HOLD, text[end:])
        if _near(_HELD, text, start, end, 40 if comma < 0 else start - comma - 1):
            return "held"
        return ""
    if category == "people":
        if _KIN_OWNED.search(text, max(0, start - 12), start) and _KIN.search(text, start, end):
            return ""  # "Haniyeh, who has 13 children, said his sons died": a family, not a toll
        if _PART_OF_BEFORE.search(text, max(0, start - 30), start) and _PART_PREDICATE.match(text, end) \
                and not any(fate.search(text, start, end) for fate in _FATE_WORDS.values()):
            # "at least two of the 34 people are dead": the fate is the two's (not in "two of the 40 killed
            # were", nor in "many of the 1.7 million displaced people are", where it is the count's own)
            return ""
        if "over" in text[end:]:  # "200 fighters would hand over their arms": they hand something over
            text = text[:end] + _blanked(_HANDS_OVER_THING, text[end:])
        # A fate word before the count is its own only in its own clause (see _LAST_JOIN): in "30
        # people were killed and 50 others wounded" the 50 were wounded; after it, only up to the
        # next clause ("about 2.3 million people, and the death of ...").
        before = text[max(0, start - 25) : start]
        joined = _LAST_JOIN.match(before)
        after = text[start : min(own, end + 45)]
        next_clause = _NEXT_CLAUSE.search(after, end - start)
        around = before[joined.end() if joined else 0 :] + (after[: next_clause.start()] if next_clause else after)
        for fate, regex in (("killed", _KILLED), ("injured", _INJURED), ("displaced", _DISPLACED), ("released", _RELEASED)):
            if regex.search(around):
                if fate == "released" and _release_to_come(text, start, end):
                    return TO_BE_RELEASED  # "Israel would free 250 Palestinians serving life sentences"
                return HUNGER if fate == "killed" and _HUNGER.search(around) else fate
        # ... else the release of the count it is joined to ("free 250 Palestinians serving life
        # sentences and 1,700 people from Gaza"), or the fate of the count joined to it before their
        # verb: "two American women and two elderly Israeli women were freed", "Six Palestinians and
        # four Israelis were killed"
        shared = "" if _RATE_AFTER.match(text, end) else _shared_release(text, start, counted=True)  # not a ratio's term
        if shared:
            return shared
        joined = _PEOPLE_JOINED_AFTER.match(text, end)
        if joined:
            return _situation(category, text, joined.start("count"), joined.end())
    return ""


_LEFT_BEHIND = re.compile(r"\bleaving\s+(?:(?:at\s+least|about|some|only|just|around|nearly|another)\s+)?$", re.I)


# Words someone speaks or screams, right after the verb, are theirs, not what befell a count beside
# them: "abducted between two men as she screamed, "Don't kill me!"" (the two men were not killed).
_UTTERANCE = re.compile(
    r"(?P<lead>\b(?:said|says|saying|screamed|screaming|shouted|shouting|cried|crying|yelled|yelling|pleaded|pleading"
    r"|begged|begging|wrote|told\s+\w+)\s*[,:]?\s*)"
    r"(?:“[^“”]*”|\"[^\"]*\")", re.I)


# Words a count of captives may hold that say its fate already: "deceased hostages" are dead.
_FATE_SAID = {"dead": {"dead", "deceased", "slain", "fallen", "murdered", "bodies", "remains"}, "released": {"released", "freed"}}


def _with_fate(phrase: str, fate: str) -> str:
    """A count of captives and its fate in brackets, "hostages (dead)", unless its words say it
    already: "dead hostages", "deceased hostages", not "deceased hostages (dead)"; the dead are
    returned rather than released."""
    words = set(phrase.lower().split())
    if not fate or _FATE_SAID.get(fate, {fate}) & words:
        return phrase
    if _FATE_SAID["dead"] & words:  # the dead are returned: "seven deceased hostages (returned)"
        fate = fate.replace("released", "returned")
    return f"{phrase} ({fate})"


# The words that tell each fate, which a count's own noun may already hold ("wounded Palestinians").
_FATE_WORDS = {"killed": _KILLED, "injured": _INJURED, "displaced": _DISPLACED}
# A count right after "by" is who did something ("abducted by two men"), not whom it befell.
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
# A count of who lives somewhere, whatever befalls a share of them: "home to 2.3 million people",
# "two-thirds of its 2.3 million people homeless".
_PLACE_OWNS = r"(?:its|their|the (?:enclave|territory|strip)['’]s|Gaza['’]s)\s+"
_ROUGHLY = r"(?:(?:about|around|some|roughly|nearly|almost|over|more than|at least)\s+)?$"
_GAZA = r"(?:Gaza|the Gaza Strip|the Strip|the enclave|the territory)"
_POPULATION_BEFORE = re.compile(
    rf"\b(?:home to\s+|population of\s+(?:{_GAZA},?\s+)?|(?:territory|enclave|strip) of\s+|of {_PLACE_OWNS}){_ROUGHLY}", re.I
)
# Millions that a place is said to have: "its 2.3 million residents", "Gaza's roughly 2 million
# Palestinians" (not "Gaza's 46,000 dead": only millions are read so).
_POSSESSED_BEFORE = re.compile(rf"\b{_PLACE_OWNS}{_ROUGHLY}", re.I)
# ... or the known number of those who live there: "the (more than) two million Palestinians in Gaza".
_THE_BEFORE = re.compile(rf"\bthe\s+{_ROUGHLY}", re.I)
_LIVING_IN = re.compile(rf"\s+(?:of|in)\s+{_GAZA}\b")
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\b|;|\s(?:while|whereas)\s", re.I)
# Where a new clause starts; a comma before "including" starts a part of the count before, which
# shares its fate ("600 Palestinians have been killed, including 200 children").
_LAST_JOIN = re.compile(r".*(?:\band\b|,(?!\s*(?:including|among them|of whom)\b)|;|\bwhile\b|\bwhereas\b|\bbut\b)", re.S | re.I)


def _singular(noun: str) -> str:
    noun = noun.lower()
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


_FIRST_DIGIT = re.compile(r"(?<![\d,.])\d")
_NUMBER_WORD = re.compile(rf"(?i)\b(?:{_WORD_NUMBER}|dozens|scores|hundreds|thousands|tens|millions)\b")
_NUMBER_WORD_HINTS = frozenset((*_SMALL, "dozens", "scores", "hundreds", "thousands", "millions"))


_PLAIN_WORDS = re.compile(r"[^a-z]+")


def _anchors(text: str) -> list[int]:
    """Where numbers start: searching from there, not from every character, keeps this fast."""
    found = [m.start() for m in _FIRST_DIGIT.finditer(text)]
    if not _NUMBER_WORD_HINTS.isdisjoint(_PLAIN_WORDS.split(text.lower())):
        found += [m.start() for m in _NUMBER_WORD.finditer(text)]
    return sorted(set(found))


_QUALIFIER_BEFORE = re.compile(rf"(?<![\w$.,])(?:{_QUALIFIER})\s+(?:{_CURRENCY})?\s?$", re.I)
# "over" that belongs to the verb before it: "agreed to hand over 33 hostages" hands over 33.
_PHRASAL_OVER = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning)\s+over\s+$", re.I)
# Words right before a head count that make its people hostages: "the kidnapping of 251 people".
_TAKEN_BEFORE = re.compile(r"\b(?:kidnapp\w+|abduct\w+)\s+(?:of\s+)?(?:(?:about|around|some|more than|over|at least)\s+)?$", re.I)
# A verb of seizing right before a count of captives: "took 251 hostages", "seizing another 253 as
# hostages": taken in the attack that began the war, not held now.
_SEIZED_BEFORE = re.compile(r"\b(?:took|taken|taking|seiz(?:ed|ing)|captur(?:ed|ing)|abduct(?:ed|ing)|kidnapp(?:ed|ing))\s+$", re.I)
# A second group of people before the captives' noun: "50 women and children hostages".
_PAIRED_HEAD = re.compile(  # ... or a list of them: "33 women, children, elderly, sick and wounded hostages"
    r"(?:,\s+(?:children|women|minors|teenagers|girls|boys|elderly|sick|ill|wounded|injured|men)){0,5},?"
    r"\s+and\s+(?:children|women|minors|teenagers|girls|boys|elderly|sick|ill|wounded|injured)\s+"
    r"(?P<captive>hostages?|captives?|prisoners?|detainees?)\b", re.I)
# A second group counted with the first: "90 Palestinian women and children" (one count, not of women alone).
_GROUPS = frozenset({"children", "women", "minors", "teenagers", "girls", "boys", "elderly", "men"})
_ONE_GROUP = rf"(?:{'|'.join(sorted(_GROUPS))}|foreigners|foreign\s+nationals)(?:\s+people)?"
_JOINED_GROUP = re.compile(rf"(?:,\s+{_ONE_GROUP}){{0,3}},?\s+and\s+{_ONE_GROUP}\b", re.I)  # "women, children and foreigners"
# A part of the people counted before: "including 64 children", "among them 12 women".
_PART_NAMED = re.compile(  # "including 4,324 children and 2,823 women": each part named, the women too
    rf"\b(?:including|among them|among whom|of whom)\s+(?:(?:\d[\d,]*|{_WORD_NUMBER})\s+[a-z]+(?:,\s+and\s+|\s+and\s+|,\s+))*"
    r"(?:(?:about|around|some|at least|more than|nearly)\s+)?$", re.I)
# ... or "out of 251 hostages seized", "Of the 251 hostages seized on October 7, 49 remain": the whole
_OPENING_OF = r"^\W*of\s+(?:the\s+)?$"  # "Of the 251 hostages seized ...": the whole the sentence is about
_AMONG_BEFORE = re.compile(rf"\b(?:among|out\s+of)\s+(?:the\s+)?$|{_OPENING_OF}", re.I)
# ... and right after it: "251 others were taken hostage", "250 people abducted".
_WERE_TAKEN = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:taken|abducted|kidnapped|seized)\b(?!\s+(?:to|out|into|across|from|by)\b)", re.I)
# How the counted were taken, told between them and their verb: "136 hostages taken by Hamas on
# October 7 are believed to remain", "105 hostages kidnapped during the attack were released".
_TAKEN_HOW = re.compile(
    r"\s+(?:taken|kidnapped|abducted|seized|captured)\s+(?:by|during|in|on|from)\b[^.;,]{0,80}?"
    r"(?=\s+(?:are|were|is|was|have|has|had|will|would|remain\w*|still)\b)", re.I)
_FREED_VERB = re.compile(
    r"\s+(?P<modal>(?:will|would|could|should|are\s+to|is\s+to)\s+)?(?:be|were|was|have\s+been|has\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?:released|freed|returned|handed\s+over|exchanged)\b", re.I)
# ... and right after a count of captives, "taken" alone: "the 240 captives taken during the attack".
_CAPTIVES_TAKEN = re.compile(
    r"\s+(?:(?:were|was|had\s+been|have\s+been|being)\s+)?(?:taken|abducted|kidnapped|seized|captured)\b"
    r"(?!\s+(?:to|into|out|across|back|away|home)\b)", re.I)
_TAKEN_AS = re.compile(r"(?:(?:were|was|being|had\s+been|have\s+been)\s+)?taken", re.I)  # "250 (being) taken hostage"
_TAKEN_AFTER = re.compile(
    r"\s+(?:(?:were|had been|have been|being)\s+)?(?:taken (?:hostage|captive)|abducted|kidnapped|seized|captured)\b", re.I)
# A release told of the whole right after it: "the six hostages freed Saturday".
_FREED_AFTER = re.compile(r"\s+(?:freed|released|returned|handed over)\b", re.I)
# Captives counted by what is returned of them: "the final four hostages’ remains".
_REMAINS_AFTER = re.compile(r"[’']s?\s+(?:remains|bodies)\b")
# Dead hostages counted by what is returned of them: "the remains of 18 others", "the bodies of 28".
_REMAINS_BEFORE = re.compile(r"\b(?:remains|bodies)\s+of\s+(?:the\s+)?(?:(?:about|around|some|at least|another)\s+)?$", re.I)
# Hostages or prisoners counted by their death or what is returned of them: "the bodies of four
# hostages" (handed over dead, not released), "the killing of six hostages", "the execution of
# Hersh Goldberg-Polin and five other hostages".
_DEATH_BEFORE = re.compile(
    r"\b(?i:remains|bodies|executions?|murders?|killings?|deaths)\s+of\s+"
    r"(?i:(?:the|all|another|about|around|some|at\s+least|remaining)\s+)*"
    r"(?:(?:[A-Z][\w'’.-]*\s+){1,4}and\s+)?$"
)
_ISRAELI = re.compile(r"\bIsraelis?\b")  # "33 Israeli prisoners": the hostages, as Hamas calls them
_HOSTAGE_WORD = re.compile(rf"\b(?:{_HEADS['hostages']})\b", re.I)
# People whose own verb says they are held: "136 people ... were still being held captive", "some
# 130 people remain in captivity".
_HELD_WHERE = r"(?:in(?:side)?\s+(?:Gaza(?!\s+City)|the\s+Gaza\s+Strip|the\s+(?:enclave|Strip))|by\s+Hamas)\b"
_HELD_CAPTIVE = re.compile(
    r"\s+(?:(?:are|were|remain|remained|is|was)\s+)(?:(?:still|now|being|believed\s+to\s+be)\s+)*"
    rf"(?:held\s+(?:captive|hostage)|in\s+captivity|captive|held\s+{_HELD_WHERE})\b"
    # ... or without a verb, held where or by whom captives are: "the deaths of 31 people held in Gaza"
    rf"|\s+(?:(?:still|now|being|believed\s+to\s+be)\s+)*(?:held\s+(?:captive\s+|hostage\s+)?{_HELD_WHERE}|held\s+(?:captive|hostage)\b)",
    re.I)


def _held_captive(text: str, end: int) -> bool:
    """Whether the count ending at `end`, past an aside ("including 20 women, 2 children, and 114
    men"), is said to be held captive."""
    aside = _ASIDE.match(text, end) or _listed(text, end)
    return _HELD_CAPTIVE.match(text, aside.end() if aside else end) is not None


def _listed(text: str, end: int) -> re.Match | None:
    """The parts listed right after a count, up to the verb they share with it ("136 people
    including 20 women, 2 children, and 114 men were ..."); not a clause of its own ("59
    hostages, including 35 who are confirmed dead": the 35 are dead, not the 59)."""
    listed = _LISTED.match(text, end)
    return listed if listed and not _RELATIVE.search(listed.group()) else None


_LISTED = re.compile(r",?\s+including\s[^;.]{1,120}?(?=\s+(?:are|were|remain|remained|is|was)\s)")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.I)
# A part of the captives named after them: "hostages, including five female soldiers".
_CAPTIVES_INCLUDE = re.compile(
    rf"\b(?:{_HEADS['hostages']})\b[^.;]{{0,30}}?\b(?:including|to include|among them|among whom)\s+$", re.I
)
# Between a count of captives and "N others" that are captives too: "90 prisoners and 110 others",
# "10 living hostages, and 18 others".
_OTHERS_JOINED = re.compile(r"\s*,?\s*(?:and|as well as|plus)\s+(?:another\s+|a further\s+)?", re.I)
# Bodies said to be someone else's than the hostages': "45 bodies of Palestinians".
_OTHERS_BODIES = re.compile(r"\s+of\s+(?:the\s+)?(?:Palestinians?|prisoners|detainees|Gazans|people)\b", re.I)
# After a duration, words that make it a time: "three days ago", "two weeks later", "unveiled
# three months prior"; before it, a span up to now: "over the past two days", "in the last three weeks".
_WHEN = re.compile(r"\s+(?:ago|earlier|later|prior|previously|beforehand)\b", re.I)
# ... or when, counted from an event: "two weeks after Sinwar was killed", "five weeks after a
# ceasefire took effect"; but a term when someone has that long: "Hamas would have 72 hours after
# a ceasefire takes effect to release ...", "within 72 hours after".
_FROM_EVENT = re.compile(r"\s+(?:after|before|since)\b", re.I)
_TERM_BEFORE = re.compile(r"\b(?:have|has|had|within|given|gets?|up to)\s+$", re.I)
_SPAN_UP_TO_NOW = re.compile(r"\b(?:over|in|during|throughout|for)\s+the\s+(?:past|last|previous)\s+$", re.I)


def _matches(regex: re.Pattern, text: str, anchors: list[int]) -> list[re.Match]:
    """`regex` matched where each number starts, or where the qualifier before it ("more than")
    starts; one match per anchor."""
    out: dict[tuple[int, int], re.Match] = {}
    for anchor in anchors:
        qualifier = _QUALIFIER_BEFORE.search(text, max(0, anchor - 30), anchor)
        if qualifier and _PHRASAL_OVER.search(text, max(0, anchor - 40), anchor):
            qualifier = None
        starts = [qualifier.start()] if qualifier else []
        currency = _CURRENCY_END.search(text, max(0, anchor - 4), anchor)
        starts += [currency.start()] if currency else []  # a sum: its currency first ("$53bn", "US$20bn", "USD 53 billion")
        for start in (*starts, anchor):
            match = regex.match(text, start)
            if match and match.start("value") <= anchor < match.end("value"):
                out.setdefault(match.span(), match)
                break
    return sorted(out.values(), key=lambda m: m.start())


_SECOND_NOUN = re.compile(r"\s+(frame|limit|period|window)\b")  # after "time": one noun of two words


def _lasting(text: str, start: int, end: int) -> tuple[str, int]:
    """What lasts a duration, in the words of text[start:end] after it ("a six-week initial
    ceasefire": "ceasefire"), and where it ends: the first lower-case word that is no adjective."""
    noun, stop, named = "", end, False
    for word in re.finditer(r"[^\s]+", text[start:end]):
        noun, stop = word.group(), start + word.end()
        if noun[:1].islower() and noun not in _DURATION_ADJECTIVES:
            if named and noun.endswith("ed"):
                return "", stop  # "the two-day Doha Forum opened": a named event's length, no figure of the news
            second = _SECOND_NOUN.match(text, stop, end) if noun == "time" else None
            if second:  # "a 72-hour time frame"
                noun, stop = f"{noun} {second.group(1)}", second.end()
            break
        named = named or noun[:1].isupper()
    return noun, stop


def find_figures(text: str, breakdown: bool = False) -> list[tuple[str, str, str, tuple]]:
    """(value, what, category, key) for every figure in one sentence; with `breakdown`, also how
    many of a hostage count are alive or dead (see _BREAKDOWN), which the key figures list but
    the choice of sentences does not weigh: they restate a count already there. A count told
    without its noun is read with the noun of the count before it (see _BARE_COUNT)."""
    anchors = _anchors(text)
    if not anchors:
        return []
    out, taken = _figures_in(text, anchors, breakdown)
    restored = _nouns_restored(text, anchors, out, taken)
    return out if restored is None else _figures_in(restored, _anchors(restored), breakdown)[0]


# A count told without its noun, which is that of the count before it in the sentence: "31 people
# were killed, and more than 170 were wounded", "Of the 251 hostages seized on October 7, 49
# remain in Gaza". Only right before its own verb or fate, only a clause after that count
# (_BARE_JOIN), with a word of what befell it in its clause (_BARE_FATE), and never how many of a
# hostage count are alive or dead (see _BREAKDOWN).
_STILL_THERE = r"still\s+(?:in\s+(?:Gaza|captivity)|held|alive|captive)"  # "leaving 24 still in Gaza"
_BARE_COUNT = re.compile(
    rf"(?<![\w$.,/])(?P<value>{_VALUE})(?=\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been|remain|remains|remained|"
    rf"wounded|injured|killed|died|freed|released|detained|held|jailed|serving|abducted|kidnapped|captured|deported|{_STILL_THERE})\b)", re.I)
_BARE_JOIN = re.compile(  # ... "20 hostages were freed, leaving 24 still in Gaza": what the release left
    r"[^;:.()—–]{0,160}?(?:,\s+(?:and\s+|while\s+|but\s+|leaving\s+)?|\s+(?:and|while)\s+)")
# ... or the noun of a count told as "the number of": "bringing the number of media workers killed
# since October 2023 to 232", "bringing to 41 the number of hostage bodies returned", "bringing to
# 104 the number killed" (people).
_COUNTED_THING = rf"(?P<what>(?:[\w'’-]+\s+){{0,3}}?(?:{_HEAD_WORDS})(?:\s+(?:killed|dead|wounded|injured|released|freed|returned|held|detained|displaced))?)\b"
_NUMBER_OF = re.compile(
    rf"\bthe\s+(?:total\s+)?number\s+of\s+{_COUNTED_THING}[^,;.]{{0,40}}?\s(?:to|at|reached|hit)\s+(?P<value>{_VALUE})"
    rf"(?=[\s,;.]|$)(?!\s+(?:{_HEAD_WORDS})\b)"
    rf"|\bto\s+(?P<first>{_VALUE})\s+the\s+(?:total\s+)?number\s+"
    rf"(?:of\s+(?P<thing>(?:[\w'’-]+\s+){{0,3}}?(?:{_HEAD_WORDS}))|(?P<fate>killed|wounded|injured|dead))\b", re.I)
_BARE_FATE = re.compile(
    r"[^,;.]{0,60}?\b(?:killed|dead|died|wounded|injured|hurt|displaced|releas\w*|freed|returned|handed\s+over|held|"
    rf"remain\w*|taken|abducted|kidnapped|captive|missing|alive|living|deported|detained|{_STILL_THERE})\b", re.I)
# ... or a count right after a verb of killing or wounding, with no noun: "killing at least 17",
# "killed 33 people and wounded 80" (the people counted before, else people).
_DONE_TO_BARE = re.compile(
    rf"\b(?:killing|killed|kills|wounding|wounded|injuring|injured)\s+(?P<value>(?:{_QUALIFIER}\s+)?{_CORE})"  # not "dozens"
    r"(?=\s*(?:[,.;](?!\d)|$)|\s+(?:in|on|at|and|while|during|across|near|inside|as|after|when|since|including|overnight|today)\b)", re.I)
# ... or the remains of hostages counted without the word: "Hamas handed over the body of a hostage,
# leaving the remains of 11 still in Gaza" (only with a hostage named before it, and no other count
# of the dead between: "the bodies of 45 Palestinians ... and of 13" are not told).
_REMAINS_OF_BARE = re.compile(
    rf"\b(?:remains|bodies)\s+of\s+(?:the\s+)?(?P<value>(?:{_QUALIFIER}\s+)?{_CORE})(?=\s*(?:[,.;](?!\d)|$)|\s+(?:still|in|who|that|held|remaining|left|were|are|have|had|will|would)\b)", re.I)
# ... or a ratio's second term, after a first one counting captives: "30 Palestinian prisoners for each
# civilian hostage and 50 for each female soldier" (prisoners).
_RATE_BARE = re.compile(rf"(?<![\w$.,/])(?P<value>{_VALUE})(?=\s+(?:for|per)\s+(?:each|every)\b)", re.I)
_AND_THEN = re.compile(r"[^;.]{0,80}?\s+and\s+")
_VAGUE_END = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions)$", re.I)
_JOINED_DEED = re.compile(r"[^;.]{0,60}?\s+and\s+")  # "killed 28 Palestinians and wounded 150": Palestinians too
_OF_THE = re.compile(_OPENING_OF, re.I)


def _nouns_restored(text: str, anchors: list[int], out: list[tuple], taken: list[tuple[int, int]]) -> str | None:
    """`text` with a noun written after each bare count (see _BARE_COUNT): that of the sentence's
    opening whole ("Of the 251 hostages ..."), else of the last count before it that is no part
    named of another ("274 Palestinians, including 57 women, were killed and 698 wounded": the
    698 are Palestinians). None when it has no bare count."""
    inserts: list[tuple[int, str]] = []

    def read(at: int) -> bool:
        """Whether `at` lies inside a count already read."""
        return any(s <= at < e for s, e in taken)

    def last_before(at: int) -> int | None:
        """The last count read (in the order read) that ends before `at`."""
        return next((i for i in range(len(taken) - 1, -1, -1) if taken[i][1] <= at), None)

    for anchor in anchors:
        if read(anchor):
            continue
        bare = next(iter(_matches(_BARE_COUNT, text, [anchor])), None)
        if bare is None or _YEAR.fullmatch(bare.group("value")) or _BREAKDOWN.match(text, bare.start()) \
                or not _BARE_FATE.match(text, bare.end()) or _PART_NAMED.search(text, max(0, bare.start() - 90), bare.start()):
            continue  # a part named ("including 50 serving life terms") would read as another count of the whole
        wholes = [i for i, (s, e) in enumerate(taken)
                  if e <= bare.start() and not _PART_NAMED.search(text, max(0, s - 90), s)]
        if not wholes:
            continue
        i = wholes[0] if _OF_THE.match(text[: taken[wholes[0]][0]]) else wholes[-1]
        start, end = taken[i]
        counted = _FIGURE.match(text, start)
        if counted is None or counted.end() != end or not _BARE_JOIN.fullmatch(text, end, bare.start()):
            continue
        if out[i][2] in _CAPTIVES:
            inserts.append((bare.end(), out[i][2]))  # "251 people taken hostage": hostages
        elif counted.group("people"):
            head = counted.group("head")  # "received 47 bodies and 112 wounded": people, wounded
            inserts.append((bare.end(), "people" if head.lower() == "bodies" else head))
    lower = text.lower()
    for done in _DONE_TO_BARE.finditer(text) if ("kill" in lower or "wound" in lower or "injur" in lower) else ():
        if read(done.start("value")) or _YEAR.fullmatch(done.group("value")):
            continue
        i = last_before(done.start())
        counted = _FIGURE.match(text, taken[i][0]) if i is not None else None
        joined = counted is not None and counted.group("people") and _JOINED_DEED.fullmatch(text, counted.end(), done.start())
        inserts.append((done.end("value"), counted.group("head") if joined else "people"))
    for remains in _REMAINS_OF_BARE.finditer(text) if ("remains of" in lower or "bodies of" in lower) else ():
        at = remains.start("value")
        hostage = [m.end() for m in _HOSTAGE_WORD.finditer(text, 0, at)]
        if hostage and not read(at) and not _YEAR.fullmatch(remains.group("value")) \
                and not any(hostage[-1] <= s < at and out[i][2] not in _CAPTIVES for i, (s, _) in enumerate(taken)):
            inserts.append((remains.end("value"), "hostages"))
    for rate in _matches(_RATE_BARE, text, anchors) if (" each " in lower or " every " in lower) and taken else ():
        i = last_before(rate.start())
        if i is None or read(rate.start()) or out[i][2] not in _CAPTIVES:
            continue
        counted = _FIGURE.match(text, taken[i][0])
        first = _RATE_AFTER.match(text, counted.end()) if counted is not None else None  # "for each civilian hostage"
        if first and _AND_THEN.fullmatch(text, first.end(), rate.start()):
            inserts.append((rate.end("value"), counted.group("head")))
    if "number " in lower:
        for told in _NUMBER_OF.finditer(text):
            value = "first" if told.group("first") else "value"
            if not read(told.start(value)):
                inserts.append((told.end(value), told.group("thing") or told.group("what") or "people"))  # "the number killed"
    for at, noun in sorted(dict(inserts).items(), reverse=True):  # from the end, so each position stays where it was
        of = "of " if _VAGUE_END.search(text, max(0, at - 12), at) else ""  # "tens of thousands (of) Palestinians"
        text = f"{text[:at]} {of}{noun}{text[at:]}"
    return text if inserts else None


def _figures_in(text: str, anchors: list[int], breakdown: bool) -> tuple[list[tuple[str, str, str, tuple]], list[tuple[int, int]]]:
    """find_figures of `text`, whose numbers start at `anchors`, and where each figure stands."""
    out: list[tuple[str, str, str, tuple]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: str, what: str, category: str, key: tuple) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        if _MONTH.search(text[max(0, start - 10) : start]):  # "March 18 ..." is a date
            return
        if any(d.start() < end and start < d.end() for d in _ISO_DATE.finditer(text, max(0, start - 10), end + 10)):
            return  # "2025-03-06"
        taken.append((start, end))
        over = _OVER_AFTER_NOUN.search(text, max(0, start - 30), start + 5) if value[:5].lower() == "over " else None
        if over:  # "the uproar over six hostages found dead": six, not more than six
            value = value[5:]
        out.append((value.strip(), what, category, key))

    toll: tuple[int, str] | None = None  # where the last toll ends and whose it is: a part named after it shares it
    lower = text.lower()
    tolls = [*(_DEATH_TOLL.finditer(text) if " toll" in lower else ()), *(_HUNGER_TOLL.finditer(text) if "deaths" in lower else ())]
    for match in sorted(tolls, key=lambda toll: toll.start()):
        if match.re is _DEATH_TOLL and match.group("bare") and not _KILLED.search(text, 0, match.start()) \
                and not _TOLL_OF_ATTACK.search(match.group()) and not _FAMINE.search(match.group()):
            # "the toll" is the death toll after a killing ("killed 32 people, bringing the toll to 68,000"),
            # of an attack ("the toll from Sunday's strike rose to 45") or of hunger, else unsaid
            continue
        if _FAMINE.search(match.group()):  # "raising the toll from hunger to 266": deaths from hunger, not strikes
            add(match.start("value"), match.end("value"), match.group("value"), f"{HUNGER} (toll)", "hunger", ("hunger", True))
            toll = (match.end(), HUNGER)
            continue
        add(match.start("value"), match.end("value"), match.group("value"), "killed (death toll)", "killed", ("killed", True))
        toll = (match.end(), "killed")
    sum_end = -1  # where the last sum ended: "€485m (£421m)" is one sum, converted
    for match in _matches(_MONEY, text, anchors) if "$" in text or "£" in text or "€" in text or "USD" in text else ():
        converted = sum_end >= 0 and _CONVERTED.fullmatch(text, sum_end, match.start()) is not None
        sum_end = match.end()
        if converted:
            continue
        category = _MONEY_CATEGORIES[match.group("currency").strip().upper()]
        noun = _MONEY_NOUN.match(text[match.end() : match.end() + 80])
        kept: list[str] = []
        for token in noun.group(1).split() if noun else ():
            word = token.rstrip(".,;:")
            if not kept and (word in _MONEY_BEFORE_NOUN or word[:1].isupper()):
                continue
            if word in _PHRASE_STARTS or word in _MONEY_ENDS or not word.isalpha() or not word.islower() or len(kept) == 2 \
                    or (kept and word.endswith("ed")):  # "the $53 billion Egyptian plan endorsed at the summit": the plan
                break
            kept.append(word)
            if word != token:  # the phrase ends at a full stop or a comma
                break
        what = " ".join(kept) or category
        add(match.start(), match.end(), match.group("value"), what, category, (category, what))
    for match in _matches(_ADJECTIVAL_DURATION, text, anchors) if "-" in text else ():
        unit = match.group("unit").lower()
        noun, end = _lasting(text, match.start("noun"), match.end("noun"))
        if not noun:
            continue
        add(match.start(), end, f"{match.group('value')}-{unit}", noun.lower(), unit + "s", (unit + "s",))
    whole_fate = ""  # what befell the last people counted, which a part named after "including" shares
    whole_end = -1  # where that count ends
    for match in _matches(_FIGURE, text, anchors):
        if match.group("adjectival"):
            continue
        category = next(name for name in _HEADS if match.group(name))
        head, head_end, unit = match.group("head"), match.end(), ""
        if category == "people" and _BY_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue  # "abducted by two men": who did it, not whom it befell
        if match.group("possessive") and _KIN.fullmatch(head):
            continue  # "two of their children": a family's, told by name
        if head.lower() == "dead" and _HOSTAGE_WORD.search(text):
            continue  # "28 dead", "34 reportedly dead" beside hostages: which dead, the count alone does not say
        if head.lower() in ("deaths", "fatalities") and (
                _STARVING.search(text) or match.group("between").strip().lower() not in ("", "more", "new", "additional", "further")):
            continue  # "16 deaths" are a toll; deaths from hunger ("such deaths", "197 starvation deaths") are hunger's to count
        if _YEAR.fullmatch(match.group("value")) and _singular(head) == head.lower():
            continue  # "the 2011 prisoner exchange" is a year
        # "took 253 as hostages"; "dozens of those hostages" are hostages
        between = re.sub(r"^(?:as|those|these|the)\b\s*", "", match.group("between").strip(), flags=re.I)
        phrase = (between + " " + head).strip()
        paired = _PAIRED_HEAD.match(text, match.end()) if category == "people" else None
        if paired:  # "50 women and children hostages" are hostages
            category = "prisoners" if paired.group("captive").lower().startswith(("prisoner", "detainee")) else "hostages"
            phrase += paired.group()
        elif category == "people" and head.lower() in _GROUPS:
            joined = _JOINED_GROUP.match(text, match.end())
            phrase += joined.group() if joined else ""  # "90 Palestinian women and children", all of them
        if category == "people" and (_near(_PRISON, text, match.start(), match.end(), 0, 30) or _JAILED_AFTER.match(text, match.end())
                                     or (head.lower() in _DETAINED_HEADS and (_DETAINED_BEFORE.search(text, max(0, match.start() - 20), match.start())
                                                                            or _detained_after(text, match.end(), head)))):
            # "350 Palestinians from Israeli prisons", "10,800 Palestinians are currently held in Israeli prisons",
            # "troops detained 25 Palestinians in raids", "1,700 Gazans detained during the war"
            category = "prisoners"
        if category == "people" and _CAPTIVES_INCLUDE.search(text, max(0, match.start() - 60), match.start()):
            category = "hostages"  # "the first batch of hostages to include five female soldiers"
        if category == "people" and _held_captive(text, match.end()) \
                and "including" not in text[max(0, match.start() - 80) : match.start()].lower():  # not a part listed
            category = "hostages"  # "136 people, including 20 women, ... were still being held captive"
            if head.lower() == "others":
                phrase = category  # "the bodies of 18 others held in Gaza": hostages, listed as what they are
        if category == "prisoners" and _ISRAELI.search(between):
            category = "hostages"  # "33 Israeli prisoners", as Hamas and some Arab outlets call the hostages
        if head.lower() == "others" and category == "people" and out and out[-1][2] in _CAPTIVES \
                and _OTHERS_JOINED.fullmatch(text, taken[-1][1], match.start()):
            category = out[-1][2]  # "90 Palestinian prisoners and 110 others": prisoners too
            phrase = category
        if category == "people" and _HOSTAGE_WORD.search(text) and (
                (_REMAINS_BEFORE.search(text, max(0, match.start() - 30), match.start()) and head.lower() not in ("palestinians", "gazans"))
                or (head.lower() == "bodies" and not _OTHERS_BODIES.match(text, match.end()) and "palestinian" not in between.lower())):
            category = "hostages"  # "10 living hostages and the remains of 18 others", "... and 18 bodies"
            if head.lower() in ("others", "bodies"):
                phrase = category  # counted as "others" or "bodies", listed as what they are
            key, what = (category, "dead"), _with_fate(phrase, "dead")
        elif head.lower() == "hostage bodies":  # "23 hostage bodies have been returned": dead, like "the bodies of 23 hostages"
            key, what = (category, "dead"), f"{phrase[: -len(head)]}hostages (dead)"
        elif category == "people" and (_REMAINS_BEFORE.search(text, max(0, match.start() - 30), match.start())
                                       or _REMAINS_AFTER.match(text, match.end())):
            # "Israel would return the remains of 180 Palestinians"; "the three Bibas family members’ remains"
            key, what = (category, "remains"), f"{phrase} (remains)"
        elif category == "people" and (_TAKEN_BEFORE.search(text, max(0, match.start() - 30), match.start())
                                       or _TAKEN_AFTER.match(text, match.end())):
            # "the kidnapping of 251 people"; Palestinians "abducted" in raids are detainees
            category = "prisoners" if head.lower() == "palestinians" else "hostages"
            if head.lower() == "others":
                phrase = "people"  # "taken hostage along with roughly 250 others": "250 people taken hostage"
            key, what = (category, ""), f"{phrase} taken hostage" if category == "hostages" else phrase
        elif category == "people" and (_POPULATION_BEFORE.search(text, max(0, match.start() - 40), match.start()) or (
                "million" in match.group("value").lower() and (
                    _POSSESSED_BEFORE.search(text, max(0, match.start() - 40), match.start())
                    or (_THE_BEFORE.search(text, max(0, match.start() - 20), match.start()) and _LIVING_IN.match(text, match.end()))))):
            continue  # "Gaza, home to about 2.3 million people": who lives there is background, not news
        elif category == "people":
            situation = _situation("people", text, match.start(), match.end())
            if toll and whole_end < toll[0] <= match.start():
                whole_fate = toll[1]  # "the toll rose to 45, including 23 women": 23 women killed
            if head.lower() in _KIN_HEADS and situation in ("released", TO_BE_RELEASED, "held"):
                situation = ""  # "informed the 31 devastated families who had hoped for the return of ...": told, not freed
            if match.group("part"):
                if not whole_fate or match.start() - whole_end > 40:
                    continue  # "59 hostages, 35 of them soldiers": a part of captives, which the key figures break down otherwise
                situation = whole_fate
            elif (not situation or (situation == "killed" and whole_fate == HUNGER)) and whole_fate \
                    and _PART_NAMED.search(text, max(0, match.start() - 90), match.start()):
                # "274 Palestinians, including 64 children and 57 women, were killed"; "... died of
                # malnutrition, raising such deaths to 197, including 96 children": of hunger too
                situation = whole_fate
            if not situation and _MISSING_AFTER.match(text, match.end()):
                situation = MISSING  # "10,000 Palestinians who have been reported missing"
            facing = _FACING_AFTER.match(text, match.end()) if not situation else None
            if facing:  # "2.1 million people face famine": a count of hunger
                situation = f"{'near' if facing.group('near') else 'facing'} {facing.group('need').lower()}"
                category = "hunger"
            recovered = head.lower() == "bodies" and (
                (not situation and _BODIES_FOUND.match(text, match.end()) is not None)
                or _BODIES_FOUND_BEFORE.search(text, max(0, match.start() - 30), match.start()) is not None)
            if recovered:  # "13 bodies had been brought to hospitals", "24 bodies were pulled from the rubble": the dead
                situation = "killed"
            if situation:
                whole_fate, whole_end = situation, match.end()
            if situation in ("killed", "injured", "displaced"):
                category = situation
            elif situation == HUNGER:
                category = "hunger"
            # A running total ("since the war began") and one day's toll are different things;
            # "19 people" and "19 Palestinians" killed the same day are one figure. Those freed are
            # told apart by who they are ("39 Israeli women and children", "117 Palestinian women").
            if situation in ("released", TO_BE_RELEASED):
                key = (category, _words(phrase), situation)
            elif situation == MISSING or facing:
                key = (category, situation)
            else:
                key = (category, bool(_CUMULATIVE.search(text))) if situation else (category, _singular(head))
            if situation and head.lower() == "others":
                phrase = "people"  # "killed 30 and wounded 84,832 others": a row reads "84,832 people injured"
            told = situation
            if head.lower() == "bodies" and situation in ("released", TO_BE_RELEASED):  # bodies are handed back
                told = situation.replace("released", "returned")
            # "wounded Palestinians" and "reportedly murdered Palestinians" say their fate already
            fate_words = _FATE_WORDS.get(situation)
            said = situation in phrase.lower() or (fate_words is not None and fate_words.search(phrase))
            what = phrase if not situation or said else f"{phrase} {told}"
            if recovered:
                what = "killed (bodies recovered)"
        elif category in _CAPTIVES:
            part = _part_before(text, match.start())
            if part and _FREED_AFTER.match(text, match.end()):
                part = None  # "Five of the six hostages freed Saturday had been escorted ...": the six were freed
            if part:  # "97 of the 251 hostages ... remain": what is said is said of the 97; the 251 is a total
                told = _part_fate(category, text, match.start(), match.end(), part)
                add(part.start("value"), part.end("value"), part.group("value"), _with_fate(phrase, told), category, (category, told))
                situation = ""
            elif _TAKEN_AS.fullmatch(between) and head.lower() in ("hostage", "captive"):
                phrase, situation = "hostages" if head.lower() == "hostage" else "captives", "taken"  # "250 (being) taken hostage"
            else:
                situation = _situation(category, text, match.start(), match.end())
                including = _PART_NAMED.search(text, max(0, match.start() - 90), match.start())
                if including and out and out[-1][2] in _CAPTIVES and len(out[-1][3]) > 1 and out[-1][3][1] \
                        and taken[-1][1] <= including.start():
                    # "105 captives held in Gaza, including 81 Israelis": the part's own words, else the whole's
                    # fate; "held" said of the whole before "including" is no word on the part
                    own = _situation(category, _spaced(text, 0, including.start()), match.start(), match.end())
                    situation = own or out[-1][3][1]
            if phrase.lower() in ("hostage", "captive") and parse_number(match.group("value")) != 1:
                phrase += "s"  # "took 251 hostage": 251 hostages
            key = (category, situation)
            what = _with_fate(phrase, situation)
        else:
            key = (category,) if category in _DURATIONS else (category, _singular(head))
            what = phrase
            weighed = _WEIGHT_OF.match(text, match.end()) if head.lower().endswith(("tonnes", "tons")) else None
            if weighed:  # "62,000 tonnes" "of food aid": the unit stays with the value, as a sum's currency does
                unit, what, head_end = head, weighed.group().strip(), weighed.end()
            if category == "aid" and head.lower() == "meals" and (parse_number(match.group("value")) or 0) < 100:
                continue  # "two meals a day" is how people eat, no delivery
            singular = head.lower() in ("day", "week", "month", "hour") and phrase == head  # not "500 a day"
            after = _DURATION_NOUN.match(text, match.end()) if singular else None
            if after:  # "a 40-50 day truce": the unit as an adjective, and what lasts that long
                noun, _ = _lasting(text, after.start(), after.end())
                what = f"{phrase} {noun.lower()}"
        if (category in (*_DURATIONS, "people") or (category == "aid" and not _by_truck(head))) \
                and parse_number(match.group("value")) is None:
            continue  # "hours of talks", "thousands of people", "thousands of tonnes of aid": no figure to report
            # ("hundreds of aid trucks a day" is a deal's term)
        if category in _DURATIONS and (
                _WHEN.match(text, match.end()) or _SPAN_UP_TO_NOW.search(text, max(0, match.start() - 30), match.start())
                or (_FROM_EVENT.match(text, match.end()) and not _TERM_BEFORE.search(text, max(0, match.start() - 12), match.start()))):
            continue  # "three days ago", "over the past two days", "two weeks after X" say when, not how long a truce lasts
        if category in _DURATIONS and not _near(_TRUCE, text, match.start(), match.end()):
            continue  # "in the past ten months" is background; "a 42 days truce" is a term of the deal
        start, value = match.start(), match.group("value")
        before = text[max(0, start - 30) : start]
        low = _RANGE_LOW.search(before) if before.endswith(("and ", "to ", "-", "–", "- ", "– ")) else None
        if low and parse_number(value) is not None:  # "between 990 and 1,650 Palestinian prisoners": the range, not its top
            both = _RANGE.match(text[start - len(before) + low.start() : match.end("value")].lower())
            if not both or (parse_number(both.group(1)) or 0) <= (parse_number(both.group(2)) or 0):  # not "since 2023 to 232"
                start = start - len(before) + low.start()
                value = text[start : match.end("value")]
        if unit:
            value = f"{value} {unit}"
        if _RATE_BEFORE.search(text, max(0, start - 30), start):
            # a ratio's second term: "a day's extension for every 10 hostages released" is a term of the
            # truce, "30 prisoners for every 10 hostages" is told with the 30 (see _RATE_AFTER)
            if not _A_DAY_BEFORE.search(text, max(0, start - 60), start):
                continue
            what, key = f"{what} for each extra day", (*key, "per day")
        elif category not in _DURATIONS and (rate := _RATE_AFTER.match(text, head_end)):
            # "600 aid trucks a day", "30 Palestinian prisoners for each civilian hostage": a rate, no total
            if category in _CAPTIVES and out and out[-1][2] == category and len(out[-1][3]) == 3 \
                    and _AND_THEN.fullmatch(text, taken[-1][1], start):
                key = out[-1][3][:2]  # "... for each civilian hostage and 50 for each female soldier": the first term's fate
                what = _with_fate(phrase, key[1])
            what, key = f"{what} {rate.group('rate')}", (*key, rate.group("rate").lower())
        elif category == "aid" and _DAILY_LATER.match(text, head_end):  # "600 aid trucks are to enter Gaza daily"
            what, key = f"{what} a day", (*key, "a day")
        add(start, match.end(), value, what, category, key)
        if breakdown and category == "hostages":
            clause_end = text.find(";", match.end())
            reach = min(len(text) if clause_end < 0 else clause_end, match.end() + _BREAKDOWN_REACH)
            for part in _BREAKDOWN.finditer(text, match.end(), reach):
                state = "alive" if part.group("state").lower() in ("alive", "living") else "dead"
                add(part.start("value"), part.end("value"), part.group("value"), f"hostages ({state})", "hostages", ("hostages", state))
    return out, taken


# How many of a hostage count are alive or dead, told right after it: "59 hostages, 24 of whom are
# believed to be alive", "48 hostages, about 20 of them alive", "28 hostages - 10 living and 18
# deceased -". Only within the same clause, and only as a number: "about a third believed dead"
# is not a count.
_BREAKDOWN = re.compile(
    rf"(?<![\w.,])(?P<value>{_VALUE})(?:\s+of\s+(?:them|whom))?"
    # ... or who says so, before: "35 of whom the army has declared dead", "24 of whom Israeli officials believe are alive"
    r"(?:\s+(?:the\s+)?(?:army|IDF|military|Israel|Israeli\s+(?:officials|authorities|army|military)|officials|authorities)"
    r"\s+(?:has\s+|have\s+)?(?:declared|confirmed|believes?|says?|said|presumes?|thinks?)(?:\s+(?:are|is|were|to\s+be))?)?"
    r"(?:\s+(?:are|were|is|was|have\s+been|has\s+been))?(?:\s+still)?"
    r"(?:\s+(?:officially\s+)?(?:believed|thought|said|confirmed|presumed|understood|declared|pronounced)"
    r"(?:\s+by\s+(?:Israel(?:i\s+officials)?|the\s+IDF|officials))?)?"
    r"(?:\s+(?:to\s+(?:be|have\s+been)))?(?:\s+still)?"
    r"\s+(?P<state>alive|living|dead|deceased)\b",
    re.I,
)
_BREAKDOWN_REACH = 80  # characters after the hostage noun
_BREAKDOWN_HINT = re.compile(r"alive|living|dead|deceased", re.I)

# The smallest head count taken for the captives that a count of them gives with the same number:
# two people and two hostages in one story are too often different people.
SAME_CAPTIVES_FROM = 3


def _by_truck(noun: str) -> bool:
    """Whether aid is counted in trucks ("aid trucks", "lorries", or the singular a key keeps), the
    unit a deal's terms use, rather than in goods (meals, parcels, tonnes)."""
    return noun.lower().rstrip("s").endswith(("truck", "lorrie"))


def _waits_a_turn(category: str, found: _Found) -> bool:
    """Whether a figure waits for the key figures' second turn, so that the talks' own counts
    (captives, prisoners, the truce's terms) come first: the wounded, told beside nearly every toll;
    aid counted in goods; people counted with nothing said of them ("three gunmen", "two Israeli
    civilians": no fate, release or remains)."""
    key = found.key
    if category == "aid":
        return len(key) > 1 and not _by_truck(str(key[1]))
    if category == "people":
        return len(key) == 2 and isinstance(key[1], str) and key[1] not in ("remains", MISSING)
    return category == "injured"

_PRIORITY = ["killed", "hostages", "prisoners", "injured", "hunger", "displaced", "aid", "dollars", "euros", "pounds", "weeks", "days", "months", "hours", "people"]


# Figures a reader gains nothing from in the key figures: how old the war is ("the 15-month war")
# and heads counted with no word of what happened to them ("the two men", "14 of the council's 15
# members", "18 others").
_WAR = r"(?:war|conflict|offensive|campaign|fighting|bombardment|aggression|genocide|onslaught|assault)"  # not "blockade": the aid cut off is news
_KIN_HEADS = frozenset({"families", "relatives", "parents"})  # those who wait for the captives, never freed or held themselves
_GENERIC_HEADS = frozenset({"men", "members", "persons", "individuals", "ones"})  # not "others": "the remains of 18 others"
_NO_ONE_IN_PARTICULAR = frozenset({"others", "people"})  # kept until their fate is looked for (see extract_figures)


# What follows the value of a war's age: "-month war", " months of war", "-week-old war", "-month bloody war",
# "-month long military offensive", "-month brutal military campaign" (not "-week pause in fighting").
_WAR_AFTER = re.compile(rf"(?:[- ](?:day|week|month|hour|year)s?)?(?:-old|[- ]long)?\s+(?:of\s+(?:the\s+)?)?(?:(?!(?:in|of|and|or|to|on|for|with|the|a|an|by|after|amid)\s)[a-z-]+\s+){{0,2}}{_WAR}\b", re.I)


# The war's other fronts: a toll told of them alone is another story than the group's.
_OTHER_FRONT = re.compile(r"\b(?:Lebanon|Lebanese|Hezbollah|Beirut|Yemen|Yemeni|Houthis?|Syria|Syrian|Iran|Iranian|Tehran|Golan)\b")
_THIS_WAR = re.compile(r"\b(?:Gaza|Palestin\w*|Hamas|Rafah|[Hh]ostages?|[Cc]aptives?)\b")


def _not_key(value: str, what: str, category: str, sentence: str) -> bool:
    if category in ("killed", "injured", "displaced") and _OTHER_FRONT.search(sentence) and not _THIS_WAR.search(sentence):
        return True  # "In Lebanon, more than 350 people have been killed"
    if category in (*_DURATIONS, "years"):
        # "the 15-month war", "a seven-week-old war", "the 15-month bloody war", "after 15 months of war"
        at = sentence.find(value)
        return at >= 0 and _WAR_AFTER.match(sentence, at + len(value)) is not None
    words_of = what.lower().split()
    # "15 Security Council members", "five permanent members", "two men": who, with nothing befalling them
    return category == "people" and words_of[-1] in _GENERIC_HEADS


def extract_figures(articles: Sequence[Article], candidates: Sequence[Candidate], per_sentence: Sequence[list] | None = None) -> tuple[Figure, ...]:
    """Key figures of a group, one per (thing counted, value), each with every article stating it;
    different values for the same thing from different articles are all kept, marked disputed.
    `per_sentence` are find_figures of each candidate, when already known."""
    per_sentence = per_sentence if per_sentence is not None else [find_figures(c.text) for c in candidates]
    found: list[_Found] = []
    for order, (candidate, figures) in enumerate(zip(candidates, per_sentence)):
        if any(category == "hostages" for _, _, category, _ in figures) and _BREAKDOWN_HINT.search(candidate.text):
            figures = find_figures(candidate.text, breakdown=True)
        for value, what, category, key in figures:
            number = parse_number(value)
            if number is not None and number < 2 and category not in SUMS:
                continue
            if _not_key(value, what, category, candidate.text):
                continue
            found.append(_Found(value, number, value_range(value), what, category, key, candidate.text, candidate.article, order,
                                not BACKGROUND_REASONS.isdisjoint(candidate.reasons), _instalment(value, candidate.text)))

    # A count of captives told with no fate ("the remaining 59 Israeli hostages") is the count
    # that another sentence gives a fate with the same number ("59 hostages remain in Gaza"), when
    # only one fate is given for that number: one row, the fate's; of several, the count held ("the
    # lives of the 134 hostages", beside "134 Israelis are being held" and "the remaining 134 hostages
    # would be freed"). So is a head count of people
    # with no fate ("three women", "1,968 Palestinians") that numbers just what one count of
    # captives does ("three hostages (released)", "1,968 Palestinian prisoners (released)").
    fates: dict[tuple, set[tuple]] = {}
    for item in found:
        if item.category in _CAPTIVES and not _fateless(item) and item.number is not None:
            fates.setdefault((item.category, item.number), set()).add(item.key)

    def captive_fate(item: _Found) -> tuple | None:
        known = fates.get((item.category, item.number), ()) if _fateless(item) else ()
        if len(known) == 1:
            return next(iter(known))
        return (item.category, "held") if (item.category, "held") in known else None

    counted: dict[float, set[tuple]] = {}  # each number of captives, and what it counts
    for item in found:
        if item.category in _CAPTIVES and item.number is not None:
            counted.setdefault(item.number, set()).add(captive_fate(item) or item.key)

    # ... and a head count that is another sentence's count of the same people with what befell
    # them ("two top militants" and "two top militants killed", "approximately 100,000 residents"
    # and "about 100,000 residents displaced"), when only one fate is given for that number and noun
    befell: dict[float, list[tuple[str, tuple]]] = {}  # each number, and what it counts with a fate
    for item in found:
        if item.category not in ("people", *SUMS) and item.number is not None:
            befell.setdefault(item.number, []).append((item.what.lower(), item.key))

    def same_people(item: _Found) -> tuple | None:
        noun = item.what.lower() + " "
        known = [key for what, key in befell.get(item.number, ()) if what.startswith(noun)]
        return known[0] if known and len({key[0] for key in known}) == 1 else None  # one fate, however told

    def fate_of(item: _Found) -> tuple | None:
        if item.category == "people" and item.key != ("people", "remains") and item.number is not None:
            known = counted.get(item.number, ()) if item.number >= SAME_CAPTIVES_FROM else ()
            if len(known) > 1:  # "620 prisoners (held)" and "(released)": "620 Palestinians released" is the released
                known = [key for key in known if key[-1] == item.key[-1]]
            return next(iter(known)) if len(known) == 1 else same_people(item)
        return captive_fate(item)

    # a head count that says neither who nor what befell them ("two others", "20 people") and that
    # no count of captives gives a fate is no key figure
    fated = [(item, fate_of(item)) for item in found]
    told = [item for item, fate in fated
            if fate is None and not (item.category == "people" and item.what.lower() in _NO_ONE_IN_PARTICULAR)]
    bare = [replace(item, key=fate) for item, fate in fated if fate is not None]
    merged: dict[tuple, list[_Found]] = {}
    for item in told + bare:  # a row shows its first reading: one with the fate
        merged.setdefault((item.key, item.number if item.number is not None else item.value.lower()), []).append(item)

    by_key: dict[tuple, list[_Found]] = {}
    for (key, _), items in merged.items():
        by_key.setdefault(key, []).append(items[0])
    # An article that gives no date is taken as of when it reached us, when the store knows that:
    # undated reports of an event a year before are not the same moment as today's.
    published = [aware(a.date).timestamp() if a.date is not None else None for a in articles]
    timelines = {key: _Timeline(items, published) for key, items in by_key.items()}

    def at_odds(first: _Found, sources: tuple[int, ...], other: _Found) -> bool:
        """Whether `other` gives another value for what `first` counts (stated by `sources`) that
        cannot be true beside it, told alike (both news or both background) and at the same moment."""
        return (other.key == first.key and other.article not in sources and other.background == first.background
                and not other.instalment and _same_moment(published[first.article], published[other.article]) and _conflict(first, other))

    shown: dict[tuple, int] = {}  # one row per figure as printed, whatever key it was counted under
    figures = []
    for (key, number), items in merged.items():
        first = items[0]
        sources = (first.article, *sorted({i.article for i in items} - {first.article}))  # its own first
        # Head counts of "people" in different sentences are rarely counts of the same thing.
        # A figure told as background (the first truce's 105 hostages) and one told as the day's
        # news count different moments, not the same thing; nor does one part of a schedule
        # (eight hostages on the first day, then two more) dispute its whole (ten).
        # Nor do articles published days apart: a toll of 20 on Monday and 30 on Thursday is the
        # count going on, not sources at odds (a briefing for a week or a month has both).
        disputed = first.category != "people" and not first.instalment and any(
            at_odds(first, sources, other) for other in timelines[key].around(published[first.article]))
        # "about 1,200 people killed" and "some 1,200 people killed", one read as a running toll, are
        # one row; so are "more than 59,000 people killed" and "... Palestinians killed".
        # A sum of money is one row whatever it is said to pay for ("$53 billion" and "$53 billion
        # reconstruction plan").
        row = (first.value.lower() if number is None else number,
               first.category if first.category == "killed" or first.category in SUMS else first.what)
        if row in shown:
            earlier, known, was_disputed = figures[shown[row]]
            # the figure's own article first, as for a summary sentence, then the others in order
            figures[shown[row]] = (earlier, (known[0], *sorted(set(known[1:] + sources) - {known[0]})), was_disputed or disputed)
            continue
        shown[row] = len(figures)
        figures.append((first, sources, disputed))

    background = {key for key, items in merged.items() if all(i.background for i in items)}

    def category_of(entry) -> str:
        return entry[0].category if entry[0].category in _PRIORITY else "people"

    def rank(entry):
        first, sources, disputed = entry
        told_as_background = (first.key, first.number if first.number is not None else first.value.lower()) in background
        # captives taken in the attack that began the war are its history, like a count with no fate
        history = _fateless(first) or first.key == (first.category, "taken")
        return (told_as_background, first.number is None, history, not disputed, -len(sources), first.order)

    # The best of each kind (killed, hostages, prisoners, ...) in turn, so that eight tolls never
    # crowd out the hostages and the prisoners; within a kind the day's figures, disputed values
    # (shown with what they dispute), then the most widely stated.
    by_category: dict[str, list] = {}
    for entry in sorted(figures, key=rank):
        by_category.setdefault(category_of(entry), []).append(entry)
    queues = [(c, by_category[c]) for c in _PRIORITY if c in by_category]
    turn = {id(entry): (depth + _waits_a_turn(c, entry[0]), order)
            for order, (c, queue) in enumerate(queues) for depth, entry in enumerate(queue)}
    ordered = sorted(figures, key=lambda entry: turn[id(entry)])
    chosen = ordered[:MAX_FIGURES]
    # A disputed value never appears without the values it disputes, up to DISPUTED_EXTRA more
    # for one thing counted, best placed first: a long window's dozens of tolls are not all listed.
    extra: Counter[tuple] = Counter()
    for entry in ordered[MAX_FIGURES:]:
        first = entry[0]
        if entry[2] and extra[first.key] < DISPUTED_EXTRA and any(c[2] and at_odds(c[0], c[1], first) for c in chosen):
            chosen.append(entry)
            extra[first.key] += 1
    chosen.sort(key=lambda entry: (_PRIORITY.index(category_of(entry)), turn[id(entry)]))
    return tuple(
        Figure(value=_in_a_line(first.value), what=first.what, category=first.category, sentence=first.sentence, sources=sources,
               disputed=disputed)
        for first, sources, disputed in chosen
    )


def _in_a_line(value: str) -> str:
    """A value as a line of key figures prints it: a sentence's capital off its first word ("At
    least 39,699", "Three", "Dozens of"), since the line does not start a sentence, and a currency
    code's capitals kept ("USD 53 billion", "US$20bn")."""
    first = value.split(" ", 1)[0]
    rest = first[1:].replace("-", "")  # "Fifty-nine"
    if first[:1].isupper() and (first == "A" or (rest.isalpha() and rest.islower())):
        return value[:1].lower() + value[1:]
    return value
