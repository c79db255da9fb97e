"""The dateline a news story opens with: where it was written and often which agency sent it
("CAIRO —", "DOHA, Qatar (Reuters) -", "JERUSALEM, March 3 (AP) —", "Gaza City, Oct 5 (Reuters) -",
"DUBAI:"). Lines that are nothing but a date are another matter: ingest/timestamps.py.

Three readings, one set of patterns:
- `parse` is strict, because ingest records the place it names and cuts the dateline from the
  story's first paragraph: only shapes no ordinary sentence opens with count, and a place in
  ordinary case needs an agency ("Gaza City (Reuters) -"), or a colon and a story that names the
  place again ("Doha: ...").
- `strip` is lenient and names nothing: it cuts whatever a dateline or a credit may look like from
  the start of a sentence, or of a title taken from a lead. Besides what `parse` takes: several
  places ("CAIRO/JERUSALEM (Reuters) -", "Gaza/Jerusalem – "), a place in ordinary case before a
  spaced dash ("Washington DC - "), a country in brackets ("Tel Aviv [Israel], August 26:"), a
  credit alone ("(MENAFN- Gulf Times)", "/TASS/.", "Shafaq News/", "Doha:"), a place and a date with a colon
  ("New Delhi, Jan 19:"), a date and an outlet in brackets ("(Jan. 11, 2025 / JNS) — "), a date ("Thursday, November 23,
  2023 –", "13 April 2025: "), two places ("Washington and Abu Dhabi — "), a live blog's clock
  time ("09:40 — ", "2.15pm GMT: "), a newsletter's section label ("Why it matters: ", "Behind
  the scenes: "). It never cuts more than eight words.
- `alone` is a dateline on a line of its own ("CAIRO —", "DOHA, August 15.").
"""

from __future__ import annotations

import re

from digest.text import MONTH_IN_DATE, WEEKDAY_NAME, title_case, words

_MONTH = MONTH_IN_DATE
_DAY = rf"{_MONTH}\s+\d{{1,2}}"  # "March 3", "Oct. 5"
_DATE = rf"(?:,?\s*{_DAY}(?:[,.]\s*\d{{4}})?)"  # ", March 3, 2024"; "DOHA November 30. 2023" as Saba writes it
_CAPS_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"  # "DEIR AL-BALAH"
_REGION = rf"(?:,\s*(?!{_DAY})[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){{0,2}})"  # ", Qatar", ", Gaza Strip"
_AGENCY = r"\((?:[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}|[a-z]{2,4})(?:/[A-Z][\w.&]*)?\)"  # "(Reuters)", "(AP)", "(dpa/GNA)"
_NEWS = r"(?=[A-Z0-9\"“‘'«])"  # what a sentence starts with

_STRICT = re.compile(  # not a credit that lost its opening bracket: "MENAFN - IANS) Cairo ..."
    rf"^(?P<place>{_CAPS_PLACE}{_REGION}?){_DATE}?\s*(?:\((?P<agency>[^)]{{1,40}})\))?"
    rf"(?:\s*(?:[—–-]{{1,2}}|>>|(?P<colon>:))\s+{_NEWS}(?![\w.&]+(?:\s+[A-Z][\w.&]*){{0,2}}\))|(?<=[A-Z]{{3}})[—–](?=[A-Z][a-z]))"  # "WASHINGTON—Trump"
)
_STRICT_WITH_AGENCY = re.compile(
    rf"^(?P<place>[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){{0,2}}{_REGION}?){_DATE}?"
    rf"\s*\((?P<agency>[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){{0,2}})\)\.?\s*[—–-]{{1,2}}\s+{_NEWS}"  # EFE's "(EFE).- "
)
_COLON = re.compile(rf"^(?P<place>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){{0,2}}):\s+{_NEWS}")
# Labels written like a dateline with a colon ("BREAKING: ...") are not places.
_LABELS = re.compile(
    r"^(?:BREAKING|UPDATE|UPDATED|WATCH|LIVE|EXCLUSIVE|ANALYSIS|OPINION|EDITORIAL|NEW|NOTE|CORRECTION|"
    r"EXPLAINER|VIDEO|PHOTOS?|LISTEN|FACT CHECK|FULL TEXT|TRANSCRIPT|STORY|READ|RELATED|SEE ALSO|ALSO READ|MORE|RECOMMENDED)\b"
)

_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|BST|CET|EET|UTC|ET|EST|EDT|local time))?"
_ONE_PLACE = r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}"
_MIXED_PLACE = rf"{_ONE_PLACE}(?:/{_ONE_PLACE}){{0,2}}"  # "Tel Aviv", "Gaza/Jerusalem"
_LENIENT = re.compile(
    rf"^(?:(?:{_CAPS_PLACE}{_REGION}?(?:\s*/\s*{_CAPS_PLACE}{_REGION}?){{0,3}}{_DATE}?\s*,?\s*(?:{_AGENCY})?"
    rf"|[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){{0,4}}{_REGION}?\s*{_AGENCY}"
    rf"|(?:{WEEKDAY_NAME},\s*)?{_DAY},\s*\d{{4}})"
    rf"\s*[—–-]{{1,2}}\s+{_NEWS}"
    rf"|{_MIXED_PLACE}{_REGION}?(?:,\s*{_DAY})?,?\s*{_AGENCY}(?:\s+|\s*[—–-]{{1,2}}\s+)(?=[A-Z])"
    rf"|{_MIXED_PLACE}{_REGION}?\s+[—–-]\s+{_NEWS}"
    rf"|{_MIXED_PLACE}\s*\[[A-Z][\w .'’-]*\](?:,\s*{_DAY})?\s*(?:{_AGENCY})?\s*[:—–-]\s+{_NEWS}"  # "Tel Aviv [Israel], August 26:"
    rf"|{_CAPS_PLACE}(?:\s*/\s*{_CAPS_PLACE})+:\s+{_NEWS}"  # "CAIRO/WASHINGTON: "
    rf"|{_MIXED_PLACE},\s*{_DAY}\s*(?:{_AGENCY})?\s*:\s+{_NEWS}"  # "New Delhi, Jan 19:", "Gaza, Nov 22 (IANS):"
    rf"|{_MIXED_PLACE},\s*\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\s*(?:{_AGENCY})?\s*:\s+{_NEWS}"  # "Doha, 10 December 2023(TDI): "
    rf"|(?:{WEEKDAY_NAME},?\s*)?(?:{_DAY},?|\d{{1,2}}\s+{_MONTH},?)\s+\d{{4}}\s*[:—–-]\s+{_NEWS}"  # "13 April 2025: "
    rf"|{_ONE_PLACE}\s+and\s+{_ONE_PLACE}\s+[—–]\s+{_NEWS}"  # "Washington and Abu Dhabi — "
    rf"|\({_DAY},?\s*\d{{4}}\s*/\s*[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){{0,2}}\)\s*[—–-]{{1,2}}\s+{_NEWS}"  # "(Jan. 11, 2025 / JNS) — "
    rf"|{_CLOCK}\s*(?:[—–-]{{1,2}}|:)\s+{_NEWS})"  # a live blog's entry: "09:40 — ", "2.15pm GMT: "
)
# A credit before the news: "(MENAFN- Gulf Times) Qatar is ...", "(AFP) - ...", "/TASS/. Talks ...",
# its opening bracket sometimes lost ("MENAFN - IANS) Cairo, Oct 25 (IANS) ..."),
# a byline with its outlet in brackets, the opening one sometimes lost ("(Dave Orr, Antiwar.com) US
# envoy ..."), or a place or label with a colon, as Gulf papers write datelines: "Doha: Qatar confirmed ...";
# also a photo gallery's counter left before the lead, "1 of 4 | ", a section's label with a colon
# and a dash, "World: – ", a place in brackets, "(DOHA, QATAR) — ", a translator's credit,
# a credit's brackets alone, the name lost to the page ("() Adam Boehler ..."), a date and outlet in
# brackets, "(August 18, 2025 / JNS) ", and an app's promo run into the lead, "Download the i24NEWS app ".
_CREDIT = re.compile(
    r"^(?:\(?(?:[A-Z][\w.&]*)(?:[\s-]+[A-Z][\w.&]*){0,3}\)\s*(?:[—–-]{1,2}\s*)?|/[A-Z][A-Za-z]+/\.?\s+"
    r"|\(\s*\)\s*(?:[—–-]{1,2}\s*)?"  # "() Adam Boehler ...": the outlet's name lost, its brackets left
    r"|\([A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*/\s*[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}\)\s*(?:[—–-]{1,2}\s*)?"  # "(August 18, 2025 / JNS) "
    r"|(?:Download|Get)\s+(?:the|our)\s+[\w.&-]+\s+app\s+(?=[A-Z])"  # an app's promo left before the lead: "Download the i24NEWS app "
    r"|\(MENAFN-\s*[^()]{1,60}\([A-Z]{2,8}\)\)\s*"  # "(MENAFN- Kuwait News Agency (KUNA)) "
    r"|[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,2}/\s+"  # "Shafaq News/ On Saturday, ..."
    r"|\(?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3},\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\)\s*(?:[—–-]{1,2}\s*)?"
    r"|[A-Z][a-z'’-]+(?:-[A-Z][a-z'’]+)*(?:\s(?:[A-Z]|(?:el|al)-[A-Z])[a-z'’-]+){0,2}:\s+"  # "Israel-Hamas War: " too
    r"|[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}\s+Desk\s*:\s+"  # "PTC News Desk: On Sunday, ..."
    # an outlet's name glued to the sentence by a hyphen ("Watan-On Tuesday evening, Hamas ..."), a list's number ("1: ...")
    r"|[A-Z][\w&.]*-(?=(?:On|In|At|The|After|Before|During|While|Following|Amid|Despite)\s)|\d{1,2}\s*[:)]\s+"
    # ... before "U.S." or a title too ("Watan-U.S. officials stated ...", "Watan-Qatari Prime Minister ..."),
    # where the word is no place or party
    # joined to it ("Israel-U.S. talks")
    r"|(?!(?:Israel|Hamas|Egypt|Qatar|Gaza|Arab|Iran|Saudi|Turkey|Russia|China|Euro|Trans|Pan|Anti|Pro|Non|Post|Pre)\w*-)"
    r"[A-Z][\w&.]*-(?=U\.S\.\s|[A-Z][a-z]+\s+(?:Prime\s+Minister|President|Foreign\s+Minister|Minister|Emir|King)\b)"
    r"|\d{1,2}\s+of\s+\d{1,2}\s*\|\s+"  # a photo gallery's counter: "1 of 4 | As Hamas offered ..."
    # a wire's or network's name run into the lead, its brackets lost: "CNNQatar says it has brokered ..."
    r"|(?:CNN|AP|AFP|UPI|BBC|IANS|ANI|WAFA|KUNA|QNA|MENA|TASS|NHK|DPA|EFE|PTI)(?=[A-Z][a-z]{2,}\s)"
    # who translated or compiled the story: "Translation by SadaNews - The special envoy ..."
    r"|(?:Translation|Translated|Compiled|Edited)\s+by\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*(?:[—–-]{1,2}|:)\s+"
    r"|[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,3}\s*:\s*[—–-]{1,2}\s+"  # a section's label, colon and dash: "Crime and justice: – "
    r"|\([A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*,\s*[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*\)\s*[—–-]{1,2}\s*)"  # "(DOHA, QATAR) — "
    rf"{_NEWS}"
)
# A newsletter's section label before its paragraph: Axios's "Why it matters:", "Behind the
# scenes:", "What they're saying:", Semafor's "Know More:".
_SECTION_LABEL = re.compile(
    r"^(?:Why it matters|The big picture|Driving the news|Behind the scenes|Between the lines|What they['’]re saying"
    r"|State of play|The latest|What['’]s next|What to watch|Zoom in|Zoom out|Flashback|By the numbers|Yes, but"
    r"|The other side|Catch up quick|Reality check|The bottom line|Bottom line|Go deeper|The intrigue|Be smart"
    r"|Our thought bubble|Worth noting|Friction point|Context|The backstory|Know More|Step Back|The News"
    r"|How it happened|What happened|What['’]s new|Why now|The details)"
    r":\s+(?=[A-Z0-9\"“‘'])"
)
# A heading in title case run into its paragraph: "Talks Enter Day Two: Indirect negotiations ...";
# not a speaker named with a title ("Prime Minister Benjamin Netanyahu: ...").
_TITLE_LABEL = re.compile(r"^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)*\s+){2,4}[A-Z][a-z'’]+:\s+(?=[A-Z0-9\"“‘'])")
_TITLE_WORDS = frozenset((
    "President", "Minister", "Prime", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Sheikh", "Emir", "King",
    "Envoy", "Director", "Chief", "General", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Senator", "Speaker", "Leader",
))
_ALONE = re.compile(rf"^{_CAPS_PLACE}(?:{_DATE}\.?|\s*(?:[—–-]{{1,2}}|:))$")


def _place_case(place: str) -> str:
    """"DOHA, Qatar" -> "Doha, Qatar": the city as a reader writes it, the region as written."""
    city, _, region = place.partition(",")
    return f"{title_case(city)},{region}" if region else title_case(city)


def _strict(paragraph: str) -> re.Match[str] | None:
    match = _STRICT.match(paragraph) or _STRICT_WITH_AGENCY.match(paragraph)
    if match is None:
        return None
    place = match.group("place")
    if len(words(place.split(",")[0])) > 3 or (match.groupdict().get("colon") and _LABELS.match(place)):
        return None
    return match


def parse(paragraph: str, story: str = "", colon: bool = True) -> tuple[str | None, str | None, str]:
    """(place, agency, rest) for a paragraph that opens with a dateline: ("Doha, Qatar", "Reuters",
    rest) for "DOHA, Qatar (Reuters) - rest"; (None, None, paragraph) when it opens with none.
    "Doha: rest" counts when the `story` names Doha inside a sentence. Without `colon`, a place
    with a colon and no agency is no dateline (below the story's first paragraph it is more often a
    speaker in a transcript, "AMAL NASSER: ..."; "CAIRO, Oct 20 (AFP): ..." still is)."""
    match = _strict(paragraph)
    if match is not None and (colon or not match.groupdict().get("colon") or match.group("agency")):
        return _place_case(match.group("place").strip()), match.group("agency"), paragraph[match.end():]
    if not colon:
        return None, None, paragraph
    colon_match = _COLON.match(paragraph)
    if colon_match and re.search(rf"[a-z,]\s+{re.escape(colon_match['place'])}\b", story):
        return colon_match["place"], None, paragraph[colon_match.end():]
    return None, None, paragraph


def strip(sentence: str) -> str:
    """`sentence` without whatever dateline or credit opens it (the rest of it, exact), a place
    and then a date too ("CAIRO – 13 April 2025: A delegation ...")."""
    for _ in range(2):
        rest = _strip_once(sentence)
        if rest == sentence:
            break
        sentence = rest
    return sentence


def _strip_once(sentence: str) -> str:
    label = _SECTION_LABEL.match(sentence) if ":" in sentence[:30] else None
    if label:
        return sentence[label.end():]
    heading = _TITLE_LABEL.match(sentence) if ":" in sentence[:60] else None
    if heading and not _TITLE_WORDS.intersection(heading.group().replace(":", " ").split()):
        return sentence[heading.end():]
    credit = _CREDIT.match(sentence) if sentence[:1] in "(/" or ":" in sentence[:40] or ")" in sentence[:60] or "/ " in sentence[:30] \
        or "-" in sentence[:30] or "|" in sentence[:12] or sentence[:3].isupper() or sentence.startswith(("Download ", "Get ")) else None
    if credit:
        sentence = sentence[credit.end():]
    match = (_LENIENT.match(sentence) or _strict(sentence)) if sentence[:1].isupper() or sentence[:1].isdigit() \
        or sentence[:1] == "(" else None
    if match is None or len(words(match.group())) > 8:
        return sentence
    return sentence[match.end():]


def alone(line: str) -> bool:
    """A dateline on a line of its own, with a date or a mark after the place: "DOHA, August 15.",
    "CAIRO —", "DUBAI:"."""
    return _ALONE.match(line) is not None
