"""Turn the body of a pasted or extracted article into clean paragraphs, keeping every real sentence.

The rules are general, not a list of known strings:
- a line is *furniture* when it is short and does not read as a sentence (navigation, section
  labels, "Source link", buttons, timestamps, "See also <headline>"), when it is a counter
  ("0FansLike", "2.4K Shares"), a pointer to another story ("Read more: ..."), a photo caption
  or credit, a wire credit ("Reporting by ...; Editing by ..."), or the site talking to its
  reader (cookie notices, newsletter sign-ups, "Follow us on", share prompts, comment forms,
  copyright notices);
- a run of three or more non-sentence lines is a link list, whatever the length of its lines,
  unless a sentence ending in a colon announces it ("The proposal includes:"): then it is content;
- a paragraph after the body that describes the writer's career in the first person ("I am a
  journalist ...") or names the byline's author ("Jane Doe is a correspondent ...") is a bio;
- a line that is only a date ("Updated 7:48 PM EDT, Thu May 29, 2025", see timestamps.py) is
  furniture, and the first one above the story gives its publication time;
- a byline ("By Jane Doe and John Roe", "By JANE DOE, Reuters", "Posted by ... | date") becomes
  the author, an agency credit the outlet when none is known, and a leading dateline ("CAIRO —",
  "DOHA, Qatar (Reuters) -", "JERUSALEM, March 3 (AP) —") the place.
Before all of these, text that went through the wrong encoding on its way to us ("itâ€™s" for
"it’s": UTF-8 read as Windows-1252, Latin-1 or the Thai code page, by the site or a copy before
it) is repaired and HTML entities left in text without markup ("Hamas&#8217;s", "&quot;") are
decoded (ftfy, and _thai_page_repaired for the code page ftfy does not know); text with neither
is left exactly as it is.
A line that reads as a sentence is only dropped by the caption, pointer, credit, site-talk
and bio rules, which look for what a news sentence does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ftfy import TextFixerConfig, fix_text

from digest import dateline
from digest.ingest.timestamps import is_date_line, parse_date_line, split_stamp
from digest.text import (
    MONTH_IN_DATE, WEEKDAY_NAME, content_key, ends_sentence, normalize_whitespace, paragraph_sentences, stop_words, title_case,
    word_count, words,
)


def _terminal(line: str) -> bool:
    """Ends as a sentence or a clause does (a colon or semicolon counts here)."""
    return ends_sentence(line, ".!?…:;")


# A name's particles stand alone ("bin Salman", "van der Berg") or join the next part by a hyphen
# ("Nidal al-Mughrabi"); a hyphen after a particle never starts the byline's "| Agency" part.
_PARTICLES = r"(?:de|al|el|bin|van|von|der|da|di|la|le)"
_NAME = rf"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{_PARTICLES}-[A-Z][\w.'’-]*|{_PARTICLES}\b(?!-)))*"
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|posted by|reporting by|author)[:\s]+(?P<names>{_NAME}(?:\s*(?:,\s*(?:and|&)?|and|&)\s*{_NAME})*)"
    r"\s*(?:[|•·–—;-]\s*(?P<rest>.*))?$"
)
# How many paragraphs (a photo's caption, a standfirst) may stand above the one whose dateline gives the place.
DATELINE_WITHIN = 3
_GLUED_COUNTER = re.compile(r"^\d[\d.,]*\s?[KkMm]?\s?(?:[A-Z][a-z]+){1,3}$")
_COUNTER = re.compile(r"^\d[\d.,]*\s*[KkMm]?\s+(?:comments?|shares?|views?|likes?|followers?|subscribers?|fans?|reads?)$", re.I)
_MONTH = MONTH_IN_DATE
_POINTER = re.compile(
    r"^(?:(?:see also|read also|also read|read more|related stories|click here|you may also like|more on this story)\b"
    r"|(?:more|related|watch|listen|recommended):)",
    re.I,
)
# An introduction to other stories ("You may also be interested in:") rather than to a list of points.
_LIST_OF_LINKS_INTRO = re.compile(
    r"\b(?:also like|interested in|more (?:from|on|stories|coverage)|related|recommended|read (?:more|next)|trending|most (?:read|popular))\b",
    re.I,
)
_CAPTION = re.compile(
    r"^(?:(?:photo|image|picture|file photo|caption|credit)s?\s*[:/|]|image (?:caption|source|credit)s?\s*[:,])"
    r"|\((?:photo|image|file photo)[^)]*\)$|\((?:[\w.'’-]+\s+)?(?:screenshot|screengrab|screen grab|video grab)\)$"
    r"|\([^()]*\b[A-Z][\w.]*(?:\s+Photos?)?\s*/\s*[A-Z][^()]*\)$"
    r"|[.!?”\"]\s+(?:photo|picture|image)s?\s*(?:by|credit|:)[:\s]\s*[A-Z][^.!?]{1,80}$",  # "... in Khan Younis. Photo by Abed Rahim Khatib/Flash90"
    re.I,
)
# Wire-service credits at the foot of a story.
_CREDIT = re.compile(r"^(?:additional )?(?:reporting|writing|editing|compiled|produced|research) by\b.*(?:;|editing by)", re.I)
# The site or newsletter talking to its reader, not news: these phrases do not occur in reporting.
# The site or newsletter talking to its reader, not news. Each phrase is pinned to the reader
# ("our", "us", "your") or to the start of the line, so that reporting ("urged supporters to
# subscribe to the group's channel", "will join them on Tuesday", "may not be published under
# censorship rules") never matches.
_SOCIAL = r"(?:x|twitter|facebook|instagram|telegram|tiktok|youtube|linkedin|threads|whatsapp|social media)"
_SITE_TALK = re.compile(
    r"\b(?:we use cookies|(?:accept|our use of|manage) (?:all )?cookies|cookie (?:policy|settings|preferences|consent)"
    r"|by (?:using|continuing to (?:use|browse)|browsing) (?:this|our) (?:site|website)"
    r"|sign(?:ing)? up (?:for|to) our\b|subscribe to our\b"
    rf"|(?:follow|like|join) (?:us|me|him|her) on {_SOCIAL}|download our app|share on {_SOCIAL}"
    r"|all rights reserved|this (?:material|article|content) may not be"
    r"|view (?:this email )?in (?:your|a) browser|forward (?:this email )?to a friend|unsubscribe|update your preferences"
    r"|your email address will not be published|required fields are marked"
    r"|enter your (?:comment|name|e-?mail)|save my name|opens in (?:a )?new (?:window|tab))\b"
    r"|^(?:share (?:this|the) (?:article|story|post)|(?:leave|post|add) a (?:comment|reply)|follow us)\b",
    re.I,
)
# A post embedded from X and the like, as the page's text keeps it: the post, then its signature,
# "— Name (@handle) Month D, YYYY", on a line of its own or at the end of the post's line. The
# post is the poster's words, not the outlet's reporting, and the story says what matters in it in
# its own sentence ("the army said in a post on X that ..."): signature and post both go.
_POST_SIGNATURE = re.compile(rf"(?:^|\s)[—–]\s*[^()]{{1,80}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},\s+\d{{4}}$")
# A newsletter's promotion: "Unlock the White House Watch newsletter for free", "Your guide to what
# ... means for ..." (tested from the start of a line only, which costs nothing on most lines).
_PROMO = re.compile(
    r"(?:unlock (?:the |our )?[\w’' -]{0,40}\b(?:newsletter|briefing|digest)\b"
    r"|your (?:guide|daily|weekly|essential) (?:guide |briefing |digest )?(?:to|on|for|of)\b)",
    re.I,
)
_FIRST_PERSON_START = re.compile(r"^(?:I|I'm|I’m|I've|I’ve|My|As a|With (?:a|an|over|more than)\b[^,]*,\s*I)\b")
# What a writer's bio talks about; a first-person quote from a source rarely does, and says "said".
_CAREER = re.compile(
    r"\b(?:journalist|writer|reporter|correspondent|editor|columnist|contributor|blogger|author|analyst"
    r"|writing|articles?|stories|covering|covered|experience|passionate|degree|graduate)\b",
    re.I,
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|according to)\b", re.I)
_QUOTES = re.compile(r"[\"“”«»]")
# A subheading glued to the paragraph after it when a page was flattened ("First phase of talks
# According to a diplomat, ..."): a short capitalised run without punctuation, then a word that
# opens sentences and is never capitalised inside one.
_GLUED_HEADING = re.compile(
    r"^(?P<heading>[A-Z][\w'’-]*(?: [\w'’-]+){1,9}) (?P<rest>(?:According to|However|Meanwhile|Separately|Earlier|"
    r"Moreover|Furthermore|Nevertheless|Additionally|Elsewhere)\b.*)$"
)


@dataclass(frozen=True)
class Cleaned:
    title: str
    text: str
    author: str | None
    place: str | None
    agency: str | None = None  # a wire agency named in the byline or dateline ("Reuters", "AP")
    published: datetime | None = None  # from a date line above the story ("Updated 7:48 PM EDT, Thu May 29, 2025")


def reads_as_sentence(line: str) -> bool:
    """Prose, not navigation: five or more words ending in terminal punctuation, or a short
    sentence ("He declined to comment.") of three or four words with a full stop and a lower-case word."""
    n = word_count(line)
    if n >= 5:
        return _terminal(line) or bool(_QUOTE_THEN_SPEAKER.search(line))
    return n >= 3 and ends_sentence(line, quote_ends=False) and any(w.islower() for w in words(line))


# A quotation closed by its speaker and no full stop ("“We will not give up,” she said"): prose.
_QUOTE_THEN_SPEAKER = re.compile(
    r"[,?!][\"”’]\s+(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|says|added|told \w+)$"
)


# An advertising label left in front of a paragraph when a page was copied ("Hide AdThe agreement,
# negotiated over weeks in Qatar, ...").
_GLUED_AD = re.compile(
    r"^(?:(?:(?:Hide|Skip|Close) Ad|Advertisement|ADVERTISEMENT|Sponsored|(?:Story|Article) continues below"
    r"(?: (?:this )?advertisement)?)\s*)+(?=[A-Z“\"‘'])"
)


# A title-case label of two to five words glued without a space to the sentence after it, whose
# first word is one that opens sentences ("More ShortsIn the joint statement, ...", "Read MoreThe
# talks ..."). One glued word is left alone: names are written so ("LinkedIn", "McGurk").
_GLUED_LABEL = re.compile(r"^(?:[A-Z][\w'’-]* ){1,4}[A-Z][\w'’-]+[a-z](?=([A-Z][a-z]*) )")


def _glued_label_end(paragraph: str) -> int:
    """Where a glued label (see _GLUED_LABEL) ends, or 0."""
    label = _GLUED_LABEL.match(paragraph)
    return label.end() if label and label.group(1).lower() in stop_words() else 0


def unglue_heading(paragraph: str) -> str:
    """The paragraph without a subheading or an advertising or navigation label glued to its
    start, when what follows reads as a sentence."""
    label = _GLUED_AD.match(paragraph)
    if label and reads_as_sentence(paragraph[label.end():]):
        paragraph = paragraph[label.end():]
    end = _glued_label_end(paragraph)
    if end and reads_as_sentence(paragraph[end:]):
        paragraph = paragraph[end:]
    glued = _GLUED_HEADING.match(paragraph)
    if glued and reads_as_sentence(glued["rest"]) and not _terminal(glued["heading"]):
        return glued["rest"]
    return paragraph


def unwrap(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs (plain-text email, text pasted from a terminal).

    A block between blank lines is hard-wrapped when its lines are at most 100 characters and at
    least a third of its line breaks fall before a lower-case word, which a list of links or
    headlines never does. In such a block a line as long as the wrap width continues on the next
    line; a shorter one ends its paragraph.
    """
    out = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        width = max((len(line) for line in lines), default=0)
        continued = sum(1 for line in lines[1:] if line[0].islower())
        if len(lines) < 2 or width > 100 or continued * 3 < len(lines) - 1:
            out.append("\n".join(lines))
            continue
        paragraphs = [lines[0]]
        for previous, line in zip(lines, lines[1:]):
            if len(previous) >= 0.6 * width and not re.match(r"[-*•]\s", line):
                paragraphs[-1] += " " + line
            else:
                paragraphs.append(line)
        out.append("\n".join(paragraphs))
    return "\n\n".join(out)


def _is_marked_furniture(line: str) -> bool:
    """Furniture recognisable by its form, whatever its length: counters, pointers to other
    stories, captions, wire credits, the site talking to its reader."""
    n = word_count(line)
    return bool(
        _GLUED_COUNTER.match(line) or _COUNTER.match(line)
        or (_POINTER.match(line) and n <= 25)
        or (_CAPTION.search(line) and n <= 40)
        or (_CREDIT.match(line) and n <= 40)
        or (_SITE_TALK.search(line) and n <= 60 and not _QUOTES.search(line))
        or (n <= 25 and line[:1] in "UuYy" and _PROMO.match(line) is not None)
        or (line.endswith(":") and n <= 12 and _LIST_OF_LINKS_INTRO.search(line))
    )


def _is_furniture(line: str) -> bool:
    n = word_count(line)
    if n == 0 or _is_marked_furniture(line):
        return True
    if reads_as_sentence(line):
        return False
    # Short lines without sentence punctuation: menus, labels, buttons, prompts, headlines of other stories.
    return n <= 12 or "*" in line


def _introduces_list(paragraph: str) -> bool:
    """A sentence ending in a colon ("The proposal includes:") announces points that are content."""
    return paragraph.endswith(":") and reads_as_sentence(paragraph) and not _LIST_OF_LINKS_INTRO.search(paragraph)


def _list_point(line: str) -> bool:
    return 3 <= word_count(line) <= 40 and any(w.islower() for w in words(line)) and not _is_marked_furniture(line)


def _is_bio(paragraph: str, author: str | None) -> bool:
    if _QUOTES.search(paragraph) or _ATTRIBUTION.search(paragraph) or not _CAREER.search(paragraph):
        return False
    if author and re.match(rf"{re.escape(author.split(' and ')[0])}\s+(?:is|was|has)\b", paragraph):
        return True
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]
    first_person = sum(1 for s in sentences if _FIRST_PERSON_START.match(s))
    return first_person >= max(1, (len(sentences) + 1) // 2)


def _headline_question(line: str) -> bool:
    """A short unquoted question: in a list of links it is another story's headline."""
    return line.endswith("?") and word_count(line) <= 15 and not _QUOTES.search(line)


def _link_lists(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) spans of 3+ consecutive lines that do not read as sentences: lists of links or
    menus, whatever the length of their lines. Headline-like questions may sit in such a list,
    but at least two of its lines must be plain non-sentences."""
    spans, start, plain = [], 0, 0
    for i, line in enumerate([*lines, "A sentence that closes the last run."]):
        is_plain = i < len(lines) and not reads_as_sentence(line)
        if is_plain or (i < len(lines) and _headline_question(line)):
            plain += is_plain
            continue
        if i - start >= 3 and plain >= 2:
            spans.append((start, i))
        start, plain = i + 1, 0
    return spans


_STAFF = re.compile(r"(?P<outlet>.+?)\s+staff", re.I)
_ROLE = re.compile(r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist)s?\b", re.I)


def parse_byline(line: str) -> tuple[str | None, str | None] | None:
    """(authors, agency) for a byline line, None for any other line.

    Names are joined by commas and "and"; a comma part after the last "and" is an affiliation:
    "By JANE DOE, Reuters" -> ("Jane Doe", "Reuters"); "By Jane Doe | AFP" -> ("Jane Doe", "AFP").
    A role ("Staff Writer") is dropped, not taken for an agency.
    """
    match = _BYLINE.match(line)
    if not match or word_count(line) > 16:
        return None
    *leading, last = re.split(r"\s+(?:and|&)\s+", match.group("names").strip())
    affiliation = None
    if "," in last:
        last, affiliation = (part.strip() for part in last.rsplit(",", 1))
    people = [name.strip() for part in leading for name in part.split(",") if name.strip()] + [last]
    staff = [_STAFF.fullmatch(name) for name in people]
    if any(staff):  # "Al Jazeera Staff", "Jane Doe and ToI Staff": the outlet's own staff, not a person
        affiliation = affiliation or next(m for m in staff if m).group("outlet")
        people = [name for name, m in zip(people, staff) if not m]
        if not people:
            return None, affiliation
        last = people[-1]
    if len(people) == 1 and word_count(last) == 1:
        return None, affiliation or last  # "By Reuters": an agency, not a person
    authors = " and ".join(people) if len(people) <= 2 else ", ".join(people[:-1]) + " and " + people[-1]
    rest = (match.group("rest") or "").strip()
    if affiliation is None and rest and word_count(rest) <= 3 and not re.search(r"\d", rest):
        affiliation = rest
    if affiliation and _ROLE.search(affiliation):
        affiliation = None
    if affiliation and affiliation.isupper() and len(affiliation) > 4:
        affiliation = title_case(affiliation)  # "REUTERS"; short acronyms (AP, AFP) stay as they are
    return title_case(authors), affiliation


# A photo credit on its own line ("AFP", "(AP)", "© JIM WATSON / AFP" but not a copyright line,
# "REUTERS/Hatem Khaled",
# "(photo credit: LEAH MILLIS/REUTERS)", "Image Credit: REUTERS"), or at the end of a caption line.
_AGENCIES = r"(?:AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|AFP via Getty Images|Anadolu|Xinhua|WAFA|APA Images|Shutterstock)"
_WHO_SHOT = rf"(?:{_AGENCIES}|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}})"  # an agency or a photographer
_PHOTO_CREDIT_LINE = re.compile(
    rf"^(?:©\s*[^\d/]{{1,40}}/\s*[^/]{{1,30}}|\(?{_AGENCIES}\)?|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?\s*/\s*(?:{_AGENCIES}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
    r"|\(?(?:photo|image)\s+credit\s*:[^()]{1,80}\)?"
    rf"|(?i:photo|image|picture)s?\s*:\s*{_WHO_SHOT}(?:\s*/\s*{_WHO_SHOT})?)$"  # "PHOTO: EPA", "Photo: AFP / Jack Guez"
)
_CREDIT_AT_END = re.compile(r"(?:\bImage|\bPhoto)\s+[Cc]redit\s*:\s*\S[^.]{0,60}$|\(photo credit:[^()]{1,80}\)$", re.I)


def _is_photo_credit(line: str) -> bool:
    return len(line) <= 90 and _PHOTO_CREDIT_LINE.match(line) is not None and word_count(line) <= 8


_LAST_SENTENCE = re.compile(r"(?<=[.!?])(?:\s+|\s*[—–]\s*)(?=\S[^.!?]*$)")  # "... in Rafah. AFP", "... in Rafah.—AFP"


def _captioned(line: str) -> bool:
    """A caption line, not a bare credit (see _is_photo_credit), that ends in its photo's credit:
    "Palestinians walk amid the devastation in Beit Hanun. AFP", "... on Thursday. © JIM WATSON /
    AFP", "... March 7, 2024. Image Credit: REUTERS"."""
    if line[-1:] in ".!?\"'”’…" or (". " not in line and ".—" not in line and ".–" not in line and "redit" not in line) or word_count(line) > 60:
        return False  # a sentence's end is no credit; a credit follows a caption's full stop
    if "redit" in line and _CREDIT_AT_END.search(line):
        return True
    parts = _LAST_SENTENCE.split(line)
    return len(parts) >= 2 and _is_photo_credit(parts[-1]) and _caption_like(line[: -len(parts[-1])].strip())


def _caption_like(paragraph: str) -> bool:
    """What a photo credit follows: one sentence, no quotation, no one saying anything."""
    return (word_count(paragraph) <= 45 and not _QUOTES.search(paragraph) and not _ATTRIBUTION.search(paragraph)
            and len(re.findall(r"[.!?](?:\s|$)", paragraph)) <= 1)


# ftfy's repairs of text damaged on its way, and none of its restyling: quotes stay curly, widths,
# ligatures, line breaks and control characters as they are (normalize_whitespace sees to those).
_REPAIRS = TextFixerConfig(
    unescape_html="auto", fix_encoding=True, remove_terminal_escapes=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
    remove_control_chars=False, normalization=None, explain=False,
)


def repaired(text: str | None) -> str | None:
    """`text` with mojibake undone ("itâ€™s" -> "it’s", "itโ€™s" -> "it’s", "reports,Ìýas" -> "reports, as") and, unless it holds
    markup, HTML entities decoded ("Hamas&#8217;s" -> "Hamas’s"), those that lost their "&" too
    ("Washington#39;s", "endnbsp;fighting"); unchanged when it has neither."""
    return fix_text(_lost_ampersands_repaired(_thai_page_repaired(_cms_spaces_repaired(text))), _REPAIRS) if text else text


# A non-breaking space that a publishing system (the BBC's and copies of its pages) stored as the
# Chinese "听" and a page then showed in Latin-1: "according to reports,Ìýas Israel continues".
# No language writes a capital I with a grave accent before a small y with an acute.
_CMS_SPACE = "\u00cc\u00fd"  # "Ìý"


def _cms_spaces_repaired(text: str) -> str:
    return text.replace(_CMS_SPACE, " ") if _CMS_SPACE in text else text


# HTML entities whose "&" a copy lost: "Washington#39;s top diplomats", "to endnbsp;fighting",
# "quot;I anticipate ...quot;". No English text writes these, but one could be a hashtag and a
# semicolon ("#39;"): a text needs two of them to be repaired.
_LOST_AMPERSAND = re.compile(r"(?<!&)(?:nbsp|quot|amp|apos|#\d{2,5});")
_LOST_ENTITIES = {"nbsp;": " ", "quot;": '"', "amp;": "&", "apos;": "'"}


def _lost_ampersands_repaired(text: str) -> str:
    if ";" not in text or len(_LOST_AMPERSAND.findall(text, 0, 200_000)) < 2:
        return text
    return _LOST_AMPERSAND.sub(lambda m: _LOST_ENTITIES.get(m.group()) or chr(int(m.group()[1:-1])), text)


# UTF-8 read as the Thai code page (Windows-874), which ftfy does not know: "โ€œbaselessโ€" for
# "“baseless”". Its tell is "โ€", the first two bytes of every curly quote, dash and ellipsis: a
# Thai vowel before a euro sign, which Thai text does not write. Only text with the tell is
# touched, and in it only what turns back into bytes of a UTF-8 sequence that decodes to the
# punctuation an English page holds, or to a Latin letter beside another ("cafรฉ": "café"); Thai
# words stay, though two Thai letters may read as an accented one ("รต" as "õ"). Bytes the code
# page lacks came through as Windows-1252's characters or as C1 controls ("โ€œ": 0x9C as "œ"),
# or were lost: "โ€" with its third byte gone was most likely "”" (0x9D, which neither page has).
_THAI_TELL = "\u0e42\u20ac"  # "โ€"


def _bytes_as_read() -> dict[str, int]:
    """The characters the bytes 0x80-0xF4 may have become, and the byte of each: Windows-874's,
    else Windows-1252's, and the C1 control of each byte under 0xA0, where a copy kept it."""
    out: dict[str, int] = {}
    for code in range(0x80, 0xF5):
        for codec in ("cp874", "cp1252"):
            try:
                out.setdefault(bytes([code]).decode(codec), code)
                break
            except UnicodeDecodeError:
                continue
        if code < 0xA0:
            out.setdefault(chr(code), code)
    return out


_THAI_BYTES = _bytes_as_read()


def _read_as(low: int, high: int) -> str:
    return re.escape("".join(char for char, code in _THAI_BYTES.items() if low <= code <= high))


_NEXT = f"[{_read_as(0x80, 0xBF)}]"  # a continuation byte
_THAI_SEQUENCE = re.compile(
    f"[{_read_as(0xC2, 0xDF)}]{_NEXT}|[{_read_as(0xE0, 0xEF)}]{_NEXT}{{2}}|[{_read_as(0xF0, 0xF4)}]{_NEXT}{{3}}"
    f"|{_THAI_TELL}(?!{_NEXT})"
)
# What a sequence may decode to: Latin letters and signs, general punctuation, currency, "™"
_ENGLISH_PAGE = re.compile("[\u00a0-\u024f\u2000-\u20cf\u2100-\u214f]")
_ASCII_LETTER = re.compile("[A-Za-z]")


def _thai_page_repaired(text: str) -> str:
    if _THAI_TELL not in text:
        return text
    return _THAI_SEQUENCE.sub(_thai_sequence, text)


def _thai_sequence(match: re.Match) -> str:
    found = match.group()
    raw = bytes(_THAI_BYTES[c] for c in found) if found != _THAI_TELL else b"\xe2\x80\x9d"
    try:
        char = raw.decode("utf-8")
    except UnicodeDecodeError:
        return found
    if not _ENGLISH_PAGE.fullmatch(char):
        return found
    if char.isalpha():
        text, start, end = match.string, match.start(), match.end()
        if not _ASCII_LETTER.match(text[start - 1:start] or " ") and not _ASCII_LETTER.match(text[end:end + 1] or " "):
            return found
    return char


def clean_body(title: str, body: str, author: str | None = None, place: str | None = None) -> Cleaned:
    """Drop furniture from `body`, lift byline and dateline into metadata, keep every real sentence.
    Mojibake and stray HTML entities in any of them are repaired first (see repaired)."""
    title, body, author, place = repaired(title), repaired(body), repaired(author), repaired(place)
    lines = [line for line in unwrap(normalize_whitespace(body)).split("\n") if line.strip()]
    title = normalize_whitespace(title).strip()
    folded_title = content_key(title)
    glued_title = title + " " if word_count(title) >= 4 and not _terminal(title) else None
    agency = None

    keep = [True] * len(lines)
    for start, end in _link_lists(lines):
        keep[start:end] = [False] * (end - start)

    paragraphs: list[str] = []
    sentence_lines = [i for i, line in enumerate(lines) if reads_as_sentence(line)]
    body_end = sentence_lines[-1] if sentence_lines else len(lines) - 1
    body_start = sentence_lines[0] if sentence_lines else 0
    in_list = False  # inside the points announced by a sentence ending in a colon
    published = None
    came_from: list[int] = []  # the line each paragraph was taken from
    for i, line in enumerate(lines):
        if "(@" in line and _POST_SIGNATURE.search(line):
            if _POST_SIGNATURE.match(line) and came_from and came_from[-1] == i - 1:
                paragraphs.pop()  # the post above its signature
                came_from.pop()
            continue
        if not paragraphs:  # a stamp run into the story's first line ("date 2025-03-03 Israel halted ...")
            stamp, line = split_stamp(line)
            published = published or stamp
        byline = parse_byline(line)
        if byline:
            author = author or byline[0]
            agency = agency or byline[1]
            if len(paragraphs) <= 1 and published is None and "|" in line:  # "By Reuters | March 7, 2024"
                published = parse_date_line(line.rsplit("|", 1)[1])
            continue
        if is_date_line(line):
            if len(paragraphs) <= 1 and published is None:  # above the story, or under its standfirst
                published = parse_date_line(line)
            continue
        if in_list and not reads_as_sentence(line) and _list_point(line):
            paragraphs.append(line)
            came_from.append(i)
            continue
        if _is_photo_credit(line):
            if paragraphs and _caption_like(paragraphs[-1]):
                paragraphs.pop()  # the photo's caption above its credit
                came_from.pop()
            continue
        if i < body_end and _captioned(line):
            continue  # a caption with its credit at the end ("... Image Credit: REUTERS"); a story's last line may end in its own
        if not keep[i] or _is_furniture(line):
            continue
        if folded_title and content_key(line) == folded_title and not _reads_as_lead(line):
            continue  # the headline repeated in the body; a lead sentence the headline was taken from stays
        if glued_title and line.startswith(glued_title) and line[len(glued_title) : len(glued_title) + 1].isupper():
            line = line[len(glued_title) :]  # the headline glued to what followed it on the page: a caption, the lead
        in_tail = i > body_start + (body_end - body_start) * 0.6 and len(sentence_lines) > 2
        if in_tail and _is_bio(line, author):
            continue
        if not paragraphs:
            slugs = _SLUG_RUN.match(line)
            if slugs and reads_as_sentence(line[slugs.end() :]):
                line = line[slugs.end() :]  # "Newslooks \ Washington DC \ Mary Sidiqi \ Evening Edition \ Hamas announced ..."
        # a place given by the source wins, but the dateline still leaves the text; a caption or a
        # standfirst kept above the story may come before its dateline
        if not paragraphs or (place is None and len(paragraphs) < DATELINE_WITHIN):
            found, dateline_agency, rest = dateline.parse(line, "\n".join(lines[i:]), colon=not paragraphs)
            if found:
                place, line, agency = place or found, rest, agency or dateline_agency
        paragraphs.append(unglue_heading(line))
        came_from.append(i)
        in_list = _introduces_list(line)
    return Cleaned(title=title, text="\n\n".join(paragraphs), author=author, place=place, agency=agency, published=published)


# A run of short labels split by slashes before the first sentence: the headline again, the
# outlet, the city, the writer, the edition ("... Israeli Activist/ Newslooks/ WASHINGTON/ J.
# Mansour/ Morning Edition/ White House envoy Steve Witkoff sent ...").
_SLUG_RUN = re.compile(r"^(?:(?:[^/\\\n.!?]|(?<![A-Za-z])[A-Z]\.){1,90}?\s*[/\\]\s+){3,}(?=[A-Z“\"])")  # "J. Mansour" has a dot


# Lines above a story that are never its headline: a source credit ("CNN —", "AFP:"), a reading
# time ("2 min read"), an image's file name ("gaza aidaa-1709823574255"), besides bylines, date
# lines and marked furniture.
_SOURCE_LABEL = re.compile(r"^[\w.&' -]{1,30}?\s*[—–:-]$")
# A writer and the city they write from, as Gulf papers sign: "Hassan Al-Warfali (Cairo)".
_NAME_AND_CITY = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}\s+\([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\)$")
# Only names: "Charles Bybelezer, Amelie Botbol", "Jane Doe and John Roe" (no headline is that).
_NAMES_ONLY = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}(?:(?:,|\s+and)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})+$")
_READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minute|minutes)\.?(?:\s+read)?$", re.I)
_FILE_NAME = re.compile(r"(?:[\w-]*\d{6,}|\.(?:jpe?g|png|gif|webp|avif))\b", re.I)
# What sits before a headline on the same line: a bullet, a date ("11/09/2024 November 9, 2024",
# "Thursday, November 23, 2023 –").
_HEADLINE_PREFIX = re.compile(
    rf"^(?:[-–—•*]\s+)?(?:\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\s+)?(?:{WEEKDAY_NAME},?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})?\s*(?:[—–-]\s+)?"
)


def _reads_as_lead(line: str) -> bool:
    """A sentence, not a headline: eight words or more ending in a full stop, question or
    exclamation mark ("... the war." / "... we will win.”"); "Israel Will ‘Finish the Job’" is a
    headline."""
    return word_count(line) >= 8 and ends_sentence(line, quote_ends=False)


def _never_headline(line: str) -> bool:
    n = word_count(line)
    return (
        n <= 1 or is_date_line(line) or parse_byline(line) is not None or _is_marked_furniture(line)
        or _READING_TIME.match(line) is not None or _NAMES_ONLY.match(line) is not None
        or _NAME_AND_CITY.match(line) is not None or _captioned(line)
        or (n <= 4 and (_SOURCE_LABEL.match(line) or _FILE_NAME.search(line)) is not None) or _is_photo_credit(line)
        or (n <= 5 and dateline.alone(line))
    )


# A video or audio story's headline ("Watch: Ice Cream Diplomacy: Biden Hopes for Israel-Hamas
# Ceasefire by Monday"), which in the body would point to another story.
_MEDIA_LABEL = re.compile(r"(?:watch|listen|video|audio)\s*:\s+", re.I)


def _media_headline(line: str) -> bool:
    label = _MEDIA_LABEL.match(line)
    rest = line[label.end():] if label else ""
    return label is not None and 4 <= word_count(rest) <= 25 and not _terminal(rest)


def _headline_text(line: str) -> str:
    """A headline line without a bullet or a date before it."""
    line = line.lstrip("#").strip()
    prefix = _HEADLINE_PREFIX.match(line)
    rest = line[prefix.end():] if prefix and prefix.end() else line
    return rest if word_count(rest) >= 3 else line


def split_headline(text: str) -> tuple[str, str]:
    """For plain text: the headline and the body around it. The first line is the headline, unless
    the text starts with lines that are never one (a byline, a date, a source credit such as "CNN —", "2 min read", an image's file
    name) or with short labels (a section, a menu: "World News", "Home / Middle East") above a
    headline-like line. With no headline at all, the lead's first sentence is the headline
    (without a place before it: "Washington DC - ")."""
    lines = [line.strip() for line in normalize_whitespace(text).split("\n")]
    nonempty = [i for i, line in enumerate(lines) if line]
    if not nonempty:
        return "", ""
    skipped = 0
    while skipped < min(15, len(nonempty) - 1) and _never_headline(lines[nonempty[skipped]]) \
            and not _media_headline(lines[nonempty[skipped]]):
        skipped += 1
    nonempty = nonempty[skipped:]

    def label(line: str) -> bool:
        return word_count(line) <= 4 and not reads_as_sentence(line)

    def headline_like(line: str, least: int) -> bool:
        return least <= word_count(line) <= 25 and not _terminal(line) and not _never_headline(line)

    title_index = nonempty[0]
    following = nonempty[1:8]
    first = lines[title_index]
    repeated = [i for i in following if lines.count(lines[i]) >= 2 and headline_like(lines[i], 4)] \
        if word_count(first) <= 6 and lines.count(first) == 1 else []
    if repeated:
        title_index = repeated[0]  # "Home Part of States Newsroom" above a headline the page repeats
    elif label(first) and following:
        if headline_like(lines[following[0]], 3):  # "World News" / "Talks resume in Doha"
            title_index = following[0]
        else:  # "Home" / "Middle East" / "Qatar and Egypt draft a joint statement ..."
            rest = [i for i in following if not label(lines[i]) and not _never_headline(lines[i])]
            if rest and headline_like(lines[rest[0]], 5):
                title_index = rest[0]
            elif rest and (word_count(first) <= 2 or first.isupper()) \
                    and (word_count(lines[rest[0]]) > 25 or _reads_as_lead(lines[rest[0]])):
                title_index = rest[0]  # "US News" / "ARAB AND WORLD" / the lead: no headline at all
    title = _headline_text(lines[title_index])
    if _reads_as_lead(title) or word_count(title) > 30:
        # No headline line: the text starts with its lead paragraph (a headline does not end in a
        # full stop), which stays in the body. Title it by its first sentence that is more than a
        # dateline ("DOHA, August 15. /TASS/. Consultations ..."), a quotation whole with its
        # speaker ("\"... for a deal. There is no reason for optimism,\" said three officials.").
        sentences = paragraph_sentences(title)
        lead = next((s for s in sentences if word_count(s) >= 4 and not _never_headline(s)), sentences[0])
        return dateline.strip(split_stamp(lead)[1]), "\n".join(lines)  # nor a stamp ("date 2024-02-27 ...")
    # What stood above the headline stays in the body, for clean_body to read a byline or a date
    # from and to drop as furniture.
    return title, "\n".join(lines[:title_index] + lines[title_index + 1 :])
