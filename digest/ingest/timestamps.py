"""Date lines of pasted web pages: "Published On 14 Feb 2024", "Updated 7:48 PM EDT, Thu May 29,
2025", "Nov. 9, 2024, at 12:05 p.m.", "28 October 2024, 6:14 pm  Updated at 11:02 am", "Ahram
Online , Sunday 1 Jun 2025", "Jul 25, 2025 - World".

A line that is nothing but a date (with a time, a zone, a label such as "Updated", and an "Updated
2 hours ago" tail) is page furniture, and the first one above the story gives its publication
time when the source states none. Times with a zone (GMT+3, EDT, CET ...) are converted to UTC;
without one the time is taken as UTC. A date without a time stands at noon UTC, so it stays on its
calendar day in any time zone a briefing uses.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from digest.text import month_number

_MONTH = r"(?P<month{n}>(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*)\.?"
_DAY = r"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year{n}>(?:19|20)\d\d)"
_DATE = (
    rf"(?:{_MONTH.format(n=1)}\s+{_DAY.format(n=1)},?\s+{_YEAR.format(n=1)}"
    rf"|{_DAY.format(n=2)}\s+{_MONTH.format(n=2)},?\s+{_YEAR.format(n=2)}"
    rf"|{_YEAR.format(n=3)}-(?P<month3>\d\d)-(?P<day3>\d\d))"
)
_TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?:\s*(?P<half>[ap])\.?\s?m\.?)?"
_ZONE = r"(?P<zone>(?:GMT|UTC)\s?(?P<sign>[+-])\s?(?P<offset>\d{1,2})(?::?(?P<offmin>\d\d))?|[A-Z]{1,4}T|GMT|UTC|Z)\b"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)"
_LABEL = r"(?:(?:published|updated|posted|last updated|first published|modified|date)(?:\s+on|\s+at)?\s*:?\s*)"
# After the date: "Updated 2 hours ago", "Updated at 11:02 am", "| Updated an hour ago", or a section ("- World").
_TAIL = r"(?:\s*[|•·,-]?\s*(?:updated|published|modified)\b[^|]{0,40}|\s*[|•·-]\s*(?-i:[A-Z][A-Za-z ]{0,20})|\s+\d+\s+(?:minutes?|hours?|days?)\s+ago)"
# Before it: the outlet's name ("Ahram Online , Sunday 1 Jun 2025").
_OUTLET = r"(?-i:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s*[,|•·]\s*)"


def _plain(pattern: str) -> str:
    """The pattern without its group names, to be used more than once in one expression."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_CLOCK = rf"(?:(?:,|\s[-–])?\s*(?:at\s+)?{_plain(_TIME)}(?:\s*{_plain(_ZONE)})?)"
# The date first ("March 4, 2025, at 5:02 p.m.") or the time first ("Updated 7:48 PM EDT, Thu May 29, 2025").
_DATE_LINE = re.compile(
    rf"^{_OUTLET}?{_LABEL}?(?:{_WEEKDAY}?{_plain(_DATE)}{_CLOCK}?|{_plain(_TIME)}(?:\s*{_plain(_ZONE)})?,?\s+{_WEEKDAY}?{_plain(_DATE)})"
    rf"{_TAIL}?\.?$",
    re.I,
)
_DATE_RX, _TIME_RX, _ZONE_RX = re.compile(_DATE, re.I), re.compile(_TIME, re.I), re.compile(_ZONE)
_TAIL_START = re.compile(r"\b(?:updated|published|modified)\b", re.I)  # where a tail's second time begins
# Zones that name one offset, and US zones named without it ("ET"); ambiguous ones (IST, CST in
# Asia ...) are read as UTC.
_REGIONS = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
_ZONES = {
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "AST": 3, "GST": 4,
    "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}


# A stamp run into the text after it: "date 2025-03-03 Israel halted ...", "Published: March 3,
# 2025 CAIRO — ...": a label and a date, or a date written as numbers (2025-03-03), which no
# sentence opens with. A date in words with no label may be the sentence's own ("March 3, 2025
# was ...") and is left alone.
_STAMP_PREFIX = re.compile(
    rf"^(?:{_LABEL}(?:{_WEEKDAY}?{_plain(_DATE)}){_CLOCK}?|\d{{4}}-\d\d-\d\d(?:[T\s]\d\d:\d\d(?::\d\d)?Z?)?)[\s|•·,-]+(?=\S)",
    re.I,
)


def split_stamp(line: str) -> tuple[datetime | None, str]:
    """The date a line opens with when a stamp is run into the text after it, and that text;
    (None, line) when the line opens with none."""
    found = _STAMP_PREFIX.match(line)
    if not found:
        return None, line
    stamp = found.group().strip(" |•·,-")
    iso = re.fullmatch(r"(\d{4}-\d\d-\d\d)[T\s](\d\d:\d\d)(?::\d\d)?(Z?)", stamp)
    if iso:
        stamp = f"{iso.group(1)} {iso.group(2)}{' UTC' if iso.group(3) else ''}"
    return parse_date_line(stamp), line[found.end():]


def is_date_line(line: str) -> bool:
    return len(line) <= 80 and bool(_DATE_LINE.match(line.strip()))


def parse_date_line(line: str) -> datetime | None:
    """The moment a date line states, in UTC; None when the line is no date line or no real date."""
    line = line.strip()
    if not is_date_line(line):
        return None
    date = _DATE_RX.search(line)
    after = line[date.end():]
    tail = _TAIL_START.search(after)
    rest = line[: date.start()] + " " + (after[: tail.start()] if tail else after)
    time = _TIME_RX.search(rest)
    try:
        n = next(k for k in "123" if date.group("year" + k) or date.group("month" + k))
        month = date.group("month" + n)
        year, day = int(date.group("year" + n)), int(date.group("day" + n))
        month = int(month) if month.isdigit() else month_number(month)
        if time is None:
            return datetime(year, month, day, 12, tzinfo=UTC)
        hour, minute, half = int(time.group("hour")), int(time.group("minute")), time.group("half")
        if half:
            if hour > 12:
                return None
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        moment = datetime(year, month, day, hour, minute, tzinfo=UTC)
    except (KeyError, ValueError, StopIteration):
        return None
    zone = _ZONE_RX.search(rest, time.end())
    if zone and zone.group("zone").upper() in _REGIONS:
        local = moment.replace(tzinfo=ZoneInfo(_REGIONS[zone.group("zone").upper()]))
        return local.astimezone(UTC)
    return moment - (_offset(zone) if zone else timedelta(0))


def _offset(zone: re.Match) -> timedelta:
    if zone.group("offset"):
        size = timedelta(hours=int(zone.group("offset")), minutes=int(zone.group("offmin") or 0))
        return size if zone.group("sign") == "+" else -size
    return timedelta(hours=_ZONES.get(zone.group("zone").upper(), 0))
