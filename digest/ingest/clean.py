"""Turn the body of a pasted or extracted article into clean paragraphs, keeping every real sentence.

The rules are general, not a list of known strings:
- a line is *furniture* when it is short and does not read as a sentence (navigation, section
  labels, "Source link", counters like "0FansLike", comment-form prompts, "See also <headline>");
- a run of three or more non-sentence lines is a link list;
- a paragraph written in the first person, unquoted, after the article's body, is an author bio;
- "By First Last" becomes the author, a leading "CITY, Country —" the place;
- photo captions and credits are dropped.
A line that reads as a sentence (enough words, ending in terminal punctuation) is only ever
dropped by the bio and caption rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.text import normalize_whitespace, word_count, words

_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|al|el|bin|van|von|der|da|di|la|le))*"
_BYLINE = re.compile(rf"^(?:by|written by|words by|reporting by)[:\s]+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*(?:[|,–—-]\s*[\w .]+)?$", re.I)
_GLUED_COUNTER = re.compile(r"^\d[\d.,]*\s?[KkMm]?\s?(?:[A-Z][a-z]+){1,3}$")
_COUNTER = re.compile(r"^\d[\d.,]*\s*[KkMm]?\s+(?:comments?|shares?|views?|likes?|followers?|subscribers?|fans?|reads?)$", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,2})?)"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[—–-]{1,2}\s+(?=\S)"
)
_POINTER = re.compile(r"^(?:see also|read also|also read|read more|more:|related:|watch:|listen:|recommended:|click here)\b", re.I)
_CAPTION = re.compile(
    r"(?:^(?:photo|image|picture|file photo|caption|credit)s?\s*[:/|]|\((?:photo|image)[^)]*\)$|"
    r"(?:AP|AFP|Reuters|Getty Images|EPA|Anadolu)\s*(?:Photo)?\s*/\s*[\w .]+\)?$)",
    re.I,
)
_FIRST_PERSON_START = re.compile(r"^(?:I|I'm|I’m|I've|I’ve|My|As a|With (?:a|an|over|more than)\b[^,]*,\s*I)\b")
_QUOTES = re.compile(r"[\"“”«»]")


@dataclass(frozen=True)
class Cleaned:
    title: str
    text: str
    author: str | None
    place: str | None


def reads_as_sentence(line: str) -> bool:
    """Enough words and terminal punctuation: prose, not navigation."""
    return word_count(line) >= 5 and bool(_TERMINAL.search(line))


def _is_furniture(line: str) -> bool:
    n = word_count(line)
    if n == 0:
        return True
    if _GLUED_COUNTER.match(line) or _COUNTER.match(line):
        return True
    if _POINTER.match(line) and not reads_as_sentence(line):
        return True
    if _CAPTION.search(line) and n <= 40:
        return True
    if reads_as_sentence(line):
        return False
    # Short lines without sentence punctuation: menus, labels, buttons, prompts, headlines of other stories.
    return n <= 12 or "*" in line


def _is_bio(paragraph: str) -> bool:
    if _QUOTES.search(paragraph):
        return False
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]
    first_person = sum(1 for s in sentences if _FIRST_PERSON_START.match(s))
    return first_person >= max(1, (len(sentences) + 1) // 2)


def _title_case_place(place: str) -> str:
    city, _, country = place.partition(",")
    city = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in city.split())
    return f"{city},{country}" if country else city


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """("Doha, Qatar", rest) for "DOHA, Qatar — rest"; (None, paragraph) when there is none."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, paragraph
    place = match.group("place").strip()
    if len(words(place.split(",")[0])) > 3 or not any(c.isupper() for c in place.split(",")[0][1:]):
        return None, paragraph
    return _title_case_place(place), paragraph[match.end():]


def clean_body(title: str, body: str, author: str | None = None, place: str | None = None) -> Cleaned:
    """Drop furniture from `body`, lift byline and dateline into metadata, keep every real sentence."""
    lines = [line for line in normalize_whitespace(body).split("\n") if line.strip()]
    title = normalize_whitespace(title).strip()
    folded_title = " ".join(w.lower() for w in words(title))

    # A run of 3+ consecutive non-sentence lines is a list of links or a menu, whatever their length.
    keep = [True] * len(lines)
    run: list[int] = []
    for i, line in enumerate([*lines, "A sentence that closes the last run."]):
        if i < len(lines) and not reads_as_sentence(line):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                keep[j] = False
        run = []

    paragraphs: list[str] = []
    sentence_lines = [i for i, line in enumerate(lines) if reads_as_sentence(line)]
    body_end = sentence_lines[-1] if sentence_lines else len(lines) - 1
    body_start = sentence_lines[0] if sentence_lines else 0
    for i, line in enumerate(lines):
        byline = _BYLINE.match(line)
        if byline and word_count(line) <= 12:
            author = author or byline.group(1).strip()
            continue
        if not keep[i] or _is_furniture(line):
            continue
        if folded_title and " ".join(w.lower() for w in words(line)) == folded_title:
            continue  # the headline repeated in the body
        in_tail = i > body_start + (body_end - body_start) * 0.6 and len(sentence_lines) > 2
        if in_tail and _is_bio(line):
            continue
        if not paragraphs and place is None:
            found, rest = split_dateline(line)
            if found:
                place, line = found, rest
        paragraphs.append(line)
    return Cleaned(title=title, text="\n\n".join(paragraphs), author=author, place=place)


def split_headline(text: str) -> tuple[str, str]:
    """For plain text: the first line is the headline, unless it is a short section label
    ("World News") directly followed by a headline-like line."""
    lines = [line.strip() for line in normalize_whitespace(text).split("\n")]
    nonempty = [i for i, line in enumerate(lines) if line]
    if not nonempty:
        return "", ""
    first = nonempty[0]
    title_index = first
    if len(nonempty) > 1:
        second = lines[nonempty[1]]
        if word_count(lines[first]) <= 4 and not reads_as_sentence(lines[first]) and 3 <= word_count(second) <= 25 and not _TERMINAL.search(second):
            title_index = nonempty[1]
    title = lines[title_index].lstrip("#").strip()
    if word_count(title) > 30:
        # No headline line: the text starts with its lead paragraph. Title it by its first sentence.
        from digest.text import split_sentences

        return split_sentences(title)[0], "\n".join(lines[title_index:])
    return title, "\n".join(lines[title_index + 1 :])
