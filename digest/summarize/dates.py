"""How long before its article the events of a sentence happened, read from the times it names.

"The truce that took effect on Jan. 19", "a week-long pause in November 2023", "freed in 2011
in a prisoner swap", "drawn up in Paris last month": a sentence whose every time reference lies
well before its article's date tells background, however it is worded. One that names a day of
the week ("on Monday", "Saturday's planned release") is about the days around the article, and
one that counts "since" a date (a running toll, "the heaviest strikes since January") runs up
to it. October 7 is left out: it names the war's start, and the day's news names it too.

An undated article is only read for "last month", "years ago" and the like.

A month without a year ("on May 31", "in November") is taken in the latest year that puts it
no more than two months after the article: news looks back further than it looks ahead, so
"November" in a June article is last November, while "January 20" in a December article is
next month and "Dec. 30" in a January article three days back.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime, timezone

from digest.text import MONTH_NAME, month_number, words

_MONTH = rf"({MONTH_NAME})\.?"  # capitalised and whole: not "may", "march" or "Marwan"
_YEAR = r"((?:19|20)\d\d)\b"
_DAY_OF_MONTH = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
)
_WHOLE_MONTH = re.compile(rf"\b(?:(?i:in|during|from|by|until|of|early|late)\s+|(?i:mid)-?){_MONTH}(?:,?\s+{_YEAR})?")
_WHOLE_YEAR = re.compile(rf"\b(?i:in|from|of|until|by)\s+(?:the\s+)?{_YEAR}")
_LONG_AGO = re.compile(
    r"\b(?:last (?:month|year|summer|spring|autumn|fall|winter)|(?:months|years) ago|earlier this year|a year ago)\b", re.I
)
_THESE_DAYS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|this week)\b", re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
_MONTH_NAMES = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
# The words without which a sentence names no time before this week: a cheap test on its tokens,
# as most sentences name none and need no more.
_PAST_WORDS = frozenset(
    [*_MONTH_NAMES, *(f"mid-{name}" for name in _MONTH_NAMES), "ago", "last", "earlier", *map(str, range(1900, 2100))]
)
_OCTOBER_7 = re.compile(r"\b(?:Oct(?:ober)?\.?\s*7(?:th)?|7(?:th)?\s+Oct(?:ober)?\.?)\b(?:,?\s+2023\b)?")
_LONG_AGO_DAYS = 30  # "last month", "months ago"
_AHEAD_DAYS = 61  # how far after the article a date without a year may lie


def days_before(text: str, published: date | None, tokens: Sequence[str] | None = None) -> int | None:
    """Days from the latest time `text` names to `published` (0 for a day of the week, negative
    for a date after it); None when it names no date, month, year or "months ago", or counts
    since one. With `published` unknown only "last month", "years ago" and the like, which need
    no calendar, are read. `tokens`, when given, are `text`'s words (digest.text.words)."""
    if _PAST_WORDS.isdisjoint(words(text) if tokens is None else tokens):
        return None
    if _SINCE.search(text):
        return None
    text = _OCTOBER_7.sub(" ", text)
    ages: list[int] = []
    if published is not None:
        for match in _DAY_OF_MONTH.finditer(text):
            month = match.group(1) or match.group(5)
            day = int(match.group(2) or match.group(4))
            year = match.group(3) or match.group(6)
            ages.extend(_age(published, month, day, year))
        for match in _WHOLE_MONTH.finditer(text):
            month, year = match.group(1), match.group(2)
            last = calendar.monthrange(int(year) if year else published.year, month_number(month))[1]
            ages.extend(_age(published, month, last, year))
        ages.extend((published - date(int(match.group(1)), 12, 31)).days for match in _WHOLE_YEAR.finditer(text))
    if _LONG_AGO.search(text):
        ages.append(_LONG_AGO_DAYS)
    if _THESE_DAYS.search(text):
        ages.append(0)
    return min(ages) if ages else None


def _age(published: date, month: str, day: int, year: str | None) -> list[int]:
    """[days from that day to `published`], or [] when there is no such day."""
    years = [int(year)] if year else [published.year + 1, published.year, published.year - 1]
    for y in years:
        try:
            age = (published - date(y, month_number(month), day)).days
        except ValueError:  # "February 30", or February 29 in a common year
            continue
        if year or age >= -_AHEAD_DAYS:
            return [age]
    return []


def aware(moment: datetime) -> datetime:
    """A moment with its time zone; one stored without is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
