"""Direct quotes and who said them.

A quote is a passage in quotation marks that starts like a sentence (a capital letter) and runs
to at least five words; shorter ones are scare quotes or labels. The speaker is read from the
attribution beside it: `"...," X said`, `"...," said X`, `X said: "..."`, `X rejected the plan,
stating: "..."` (after a quote that ends its sentence with a full stop, the attribution before
it comes first: the sentence after is someone else's). A name in quotation marks (a document
"titled "..."", a plan's name in title case, "Comprehensive Plan to End the Gaza Conflict") is no quote. A quote with no attribution of its own goes on with the report it
follows: `Netanyahu said the strike was justified. "At the beginning ..."`. A name at the end of
the attribution ("Hamas official Osama Hamdan") gives the person; without one, the description
("an Israeli official") is the speaker; one that only points back ("the forum", "the official") is
whom this paragraph or the one before names so (the Hostages Forum, a senior Hamas official,
Hamas official Basem Naim), else no one; "he" or "she" is the person acting in the sentence
before the quote, else the last person quoted in the same article, when there was one; "it" is
the body that opens the paragraph's last sentence before the quote ("The Hostages Forum welcomed
the deal. "...," it said"). Where someone works is not
who speaks: "Andreas Krieg of King's College London" is Andreas Krieg. A surname alone is the full
name the group gives it, written as most often ("Ansari" -> "Majed Al-Ansari"; "Nono" -> "Taher
Al-Nono"), unless two people share it, and so is a father's name alone ("Bin Abdelrahman" -> "Mohammed bin
Abdelrahman Al Thani"). The full stops of "U.S.",
"U.N." and "Mr." end no attribution.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from digest.models import Article, Quote
from digest.summarize.candidates import Candidate
from digest.summarize.scoring import stem
from digest.text import MONTH_IN_DATE, WEEKDAY_NAME, content_key, ends_sentence, stop_words, words

MAX_QUOTES = 5
MIN_WORDS = 5
# Words cut from a sentence ("... said the team was sent “to advance a deal for the release of our
# hostages”") are listed from this many words, after PART_MARK, when a speaker is named for them.
MIN_PART_WORDS = 6
PART_MARK = "…"

_SAY = (
    r"(?:said|says|told|added|wrote|stated|declared|warned|insisted|stressed|noted|explained|argued|"
    r"continued|asked|replied|responded|tweeted|posted|announced|claimed|urged|vowed|cautioned|acknowledged|"
    r"asserted|affirmed|remarked|emphasi[sz]ed|commented|reiterated|admitted|conceded|maintained|predicted|"
    r"lamented|complained|quipped|recalled|recounted|underlined|clarified|conveyed|pointed out|went on|exclaimed|"
    r"specified|concluded|elaborated|observed|mentioned|highlighted|assured|countered|retorted|"
    r"suggested|shared|alleged|charged|denied|"
    # a live blog's present tense: "..., the top Trump aide warns"
    r"warns|adds|stresses|tells|writes|explains|urges|vows|cautions|asserts|affirms|"
    r"declares|announces|replies|responds|tweets|recalls|concludes|acknowledges)"
)
# A quote in curly, straight or angle marks; one opened by a straight mark and closed by a curly
# one ("Israel will not tolerate ... hostages”.) ends there, not at the next straight mark, and one
# opened by a curly mark and closed by a straight one (“The greatest gift ... is to assassinate
# me," Sinwar said) too, so the words after it are not read as a quote up to the next mark, even when
# a curly mark closes a later quote (“... it’s urgent," he told reporters. "We need ...”; “... next,"
# Foreign Minister Haddad said. "We ...”): a straight mark after a comma always closes.
_QUOTED = re.compile(r"“(?P<a>(?:[^“”\"]|(?<!,)\"(?![ \t]+[a-z])|(?<![,.!?])\")+)”|“(?P<e>[^“”\"]+)\"|\"(?P<d>[^\"“”]+)”|\"(?P<b>[^\"]+)\"|«(?P<c>[^«»]+)»")
_PRONOUN = re.compile(r"^(?:he|she|it|they)$", re.I)
# After the closing mark: `, said X` or `, X said`.
# ... or any verb in the past tense, before a speaker that opens with "the" or a capital: "“...,”
# criticized the Qatari minister, who ..."; not "reported", whose subject is most often an outlet
# passing on someone's words ("“...,” reported Al Jazeera")
_AFTER_VERB_FIRST = re.compile(
    rf"^\s*,?\s*(?:{_SAY}|(?!reported\b)[a-z]{{3,}}ed(?=\s+(?:the\s|[A-Z])))"
    rf"(?:\s+(?:on\s+)?{WEEKDAY_NAME}(?:,?\s+{MONTH_IN_DATE}\s+\d{{1,2}}(?:,\s+\d{{4}})?)?,)?"  # "said Tuesday, March 12, the ...": when
    rf"\s+(?P<who>[^.,;:!?“”\"]+)")
_AFTER_NAME_FIRST = re.compile(rf"^\s*,?\s*(?P<who>[^.;:!?“”\"]{{1,130}}?)\s+(?:{_SAY}|confirmed|(?:is|are|was|were)\s+(?:quoted|cited)(?:\s+by\s+[^.,;:!?“”\"]{{1,40}}?)?\s+as\s+(?:saying|telling)|(?:is|was)\s+(?:reportedly\s+|allegedly\s+)?heard\s+(?:saying|telling)|(?:seem|appear)(?:s|ed)\s+to\s+say)\b")
# Before the opening mark: `X said: ` or `X said, ` or `X said that `; `X told Reuters: `; an
# appositive between them, which may be the name (`X, Qatar's prime minister, said: `, `Israel's
# ambassador to the US, Yechiel Leiter, said: `; see speaker_from).
# The lower-case words inside a name: "Izzat al-Rishq", "Mohammed bin Salman", "Abu Obeida".
_IN_NAME = r"(?:al|el)-[A-Z][\w'’.-]*|al|el|bin|abu"
# Whom: a name of up to four words, or up to three words before a name or an outlet's noun ("told
# the Saudi Asharq news", "told US network Fox News"), or reporters, journalists, the press.
_TOLD = (r"(?:told|briefed)\s+(?:reporters|journalists|the (?:media|press)|(?:the\s+)?(?:media|news)\s+outlets"
         r"|(?<=told\s)(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:[A-Z][\w.'’-]*|news|newspaper|daily|agency|network|channel|broadcaster|website))")
# Where the words were published or when: "wrote online", "on X", "on his Truth Social platform",
# "on social media", "on Monday".
_WHERE = r"(?:online|on (?:social media|(?:(?:his|her|its|their) )?(?:[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}(?: (?:account|platform|page|channel))?|\w+)))"
_BEFORE = re.compile(
    rf"(?P<who>[A-Za-z][^.,;:!?“”\"]*?(?:(?:,[^,.;:!?“”\"]{{1,80}}){{1,2}},)?)\s+(?:{_TOLD}|{_SAY}"
    rf"|(?:(?:can|could)\s+be|(?:is|was)\s+(?:reportedly\s+)?)\s*heard\s+saying)"  # "Witkoff can be heard saying that"
    rf"(?:\s+(?:in (?:a|an|its|their|his|her) (?:[\w-]+ ){{0,2}}?(?:statement|interview|post|message|speech|briefing|release)"
    rf"|in [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?|{_WHERE}|at [^,:.]+|to [^,:.]+|by saying"  # "in Hebrew", "in Tel Aviv", "in a post on X"
    rf"|in (?:response|reply|reaction)(?: to [^,:.]+)?)){{0,2}}"
    rf"(?:\s+on\s+{WEEKDAY_NAME})?"  # "in a speech in Jerusalem on Sunday"
    rf"(?:\s+(?:only|simply|briefly|merely|flatly|bluntly)(?=\s*[:,]))?"  # "said only:"
    rf"(?:\s+that(?=\s*:))?\s*[:,]?\s*(?:that\s+)?$"  # "said that:" too
)
# Where the speaker's description ends; "familiar with" and "briefed on" are part of it ("a source
# familiar with the talks").
_CUT = re.compile(
    r"(?<!familiar)(?<!briefed)\s+(?:with|who|whose|whom|which|that|in a|in an|on|at|during|after|before|according|when|while|as)\s+.*$"
    r"|\s+(?:who|whom|which|that)$"  # "an official who (said)"
)
# Words of a title or a description that may precede a name in capitals ("Prime Minister
# Benjamin Netanyahu", "Qatari Foreign Ministry spokesman Majed al-Ansari", "Chief of Staff Lt.
# Gen. Herzi Halevi", "Security Minister-designate Itamar Ben Gvir").
_TITLE_WORDS = {
    "president", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "foreign", "defense",
    "defence", "state", "chief", "director", "general", "envoy", "special", "senior", "official", "ambassador",
    "leader", "deputy", "head", "commander", "negotiator", "adviser", "advisor", "sheikh", "king", "emir", "crown",
    "prince", "mr", "mrs", "ms", "dr", "white", "house", "press", "national", "security", "council", "strategic",
    "affairs", "intelligence", "opposition", "former", "finance", "ministry", "office", "political", "bureau",
    "vice", "staff", "lt", "gen", "col", "maj", "brig", "capt", "sgt", "adm", "interior", "justice", "army", "chancellor",
    "nsa",  # "NSA Sullivan": the national security adviser
    "member", "premier",  # "Hamas Political Bureau Member Khalil al-Hayya", "Premier Li Qiang"
    "coordinator",  # "UN Emergency Relief Coordinator Martin Griffiths"
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "mk",  # "Senator Lindsey Graham", "MK Yuli Edelstein"
}


def _unpossessive(name: str) -> str:
    """`name` without the possessive it ends with: "Netanyahu's" -> "Netanyahu", "al-Hayya’s" -> "al-Hayya"."""
    return name[:-2] if name.endswith(("'s", "’s")) else name


_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "van", "von", "abu", "abdel", "abd"}
_JOINERS = ("and", "of", "for")
_HONORIFICS = {"sheikh", "king", "emir", "prince", "mr", "mrs", "ms", "dr"}
_GIVEN_NAME_TITLES = {"sheikh", "king", "emir", "prince"}  # ... before a first name ("Sheikh Mohammed"), not a surname
_NAME_STARTS = {"abu", "abd", "abdel"}  # "Abu Ahmed" is a name; a bare "al" or "bin" in front is not
# What an organisation's possessive may own in an attribution: "the Prime Minister's Office".
_BODY_NOUNS = {"office", "ministry", "government", "cabinet", "army", "military", "movement", "forum", "presidency"}
# Words that end the name of an organisation, or head one before "of": "the State Department",
# "Qatar's Foreign Ministry", "the Ministry of Foreign Affairs". Such a name speaks whole.
_ORGANISATIONS = _BODY_NOUNS | {"department", "council", "agency", "committee", "commission", "authority", "embassy", "mission", "service",
                                "forces"}  # "the Israel Defense Forces"
# a speaker with one of these words is a body, never "he" or "she" ("the United Nations", "the
# European Union", "the Associated Press")
_NO_PERSON = _ORGANISATIONS | {"house", "nations", "states", "union", "league", "press", "news", "times", "brigades", "forces",
                                "strip", "bank", "corridor", "crossing"}  # places: "the Gaza Strip, the president told"
_BROADCASTERS = {"radio", "television", "tv", "broadcaster"}
_DEMONYM = re.compile(r"(?:an|i|ese|ish)$")  # a nationality: "Gazan", "Israeli", "Lebanese", "Turkish"
# Titles written short with a full stop, which ends no sentence: "Gen. Herzi Halevi", "Mr. Biden".
_ABBREVIATED_TITLES = ("Mr", "Ms", "Dr", "Lt", "Sr", "Jr", "St", "Mrs", "Gen", "Col", "Maj", "Sen", "Rep", "Gov", "Adm", "Sgt",
                       "Brig", "Capt")


@lru_cache(maxsize=8192)
def _bare(token: str) -> str:
    """A token as a word to look up: lower case, no possessive, no full stop, no "-designate"."""
    token = token.lower().rstrip(".")
    for ending in ("’s", "'s"):
        token = token.removesuffix(ending)
    return token.split("-")[0]


def _run_start(tokens: list[str]) -> int:
    """Where the capitalised run at the end of `tokens` starts. "and" joins two capitalised words
    ("Hostages and Missing Families Forum"); "of" and "for" join only after a title ("Secretary of
    State Antony Blinken", not "Andreas Krieg of King's College London")."""
    start = len(tokens)
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        before = tokens[position - 1] if position > 0 else ""
        joins = token in _JOINERS and start < len(tokens) and (
            _bare(before) in _TITLE_WORDS if token != "and" else before[:1].isupper())
        if start < len(tokens) and _ends_sentence(token):
            break  # "... told reporters in Doha. He said": the run starts after the full stop
        if _name_token(token) or joins:
            start = position
        else:
            break
    return start


def _ends_sentence(token: str) -> bool:
    """A word with the full stop that ends a sentence: not an initial ("J."), a title ("Gen.",
    "Mr.", "Prof.") or letters with stops ("U.S.")."""
    word = token.rstrip(".")
    return (token.endswith(".") and len(word) > 1 and "." not in word
            and word.lower() not in _NOT_SENTENCE_ENDS)


# The abbreviated titles, and two more that _ABBREVIATION_DOT does not hide.
_NO_SENTENCE_END = frozenset({title.lower() for title in _ABBREVIATED_TITLES} | {"prof", "rev"})
_NOT_SENTENCE_ENDS = frozenset(_TITLE_WORDS | _HONORIFICS | _NO_SENTENCE_END)  # words whose full stop ends none


_OPENERS = {"but", "and", "so", "yet", "however", "meanwhile", "when", "while", "after", "then", "also", "now", "still",
            # a day before the name: "late Sunday Trump said", "On Sunday Trump said"
            "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _trailing_name(tokens: list[str]) -> list[str]:
    """The capitalised run at the end of `tokens`, titles and nationalities in front removed."""
    start = _run_start(tokens)
    run = tokens[start:]
    determined = start > 0 and tokens[start - 1].lower() == "the"  # "envoy to the Middle East Steve Witkoff"
    while run and run[0] in _JOINERS:
        run = run[1:]  # "the spokesperson of Qatar's Foreign Ministry": the body is "Qatar's Foreign Ministry"
    while len(run) > 1 and run[0].lower() in _OPENERS:
        run = run[1:]  # "But Netanyahu said": the sentence's first word is not part of the name
    if [_bare(t) for t in run[-2:]] == ["white", "house"]:
        return run[-2:]  # the White House speaks as a body, not as a "House" with a title
    if len(run) > 1 and _bare(run[-1]) in _BROADCASTERS:
        return run  # "Israeli Army Radio" is a station, not a "Radio" with a title
    if len(run) > 1 and any(_bare(token) in _ORGANISATIONS and (k == len(run) - 1 or run[k + 1] == "of")
                            for k, token in enumerate(run)):
        return run  # "the State Department", "Prime Minister's Office": the body is the speaker
    owners = [k for k, token in enumerate(run[:-1]) if token.lower().endswith(("’s", "'s", "s’", "s'"))]
    if owners:
        run = run[owners[-1] + 1 :]  # "Al Jazeera's Samir Haddad": the person after the last possessive
    elif determined and len(run) >= 4 and not any(_bare(token) in _TITLE_WORDS for token in run):
        run = run[_name_start(run) :]  # what "the" determines is a place or a thing, then the person
    honorific = None
    titles = [k for k, token in enumerate(run[:-1]) if _bare(token) in _TITLE_WORDS]
    portfolio = False
    if titles:  # "United Nations Secretary-General Antonio Guterres": the name follows the last title
        honorific = run[titles[-1]] if _bare(run[titles[-1]]) in _HONORIFICS else None
        run = run[titles[-1] + 1 :]
        portfolio = bool(run) and run[0] == "for"  # "Special Envoy for Hostage Response Adam Boehler"
    while len(run) > 1 and (_bare(run[0]) in _TITLE_WORDS or run[0] in _JOINERS
                            or (len(run) > 2 and (_nationality(run[0], run[1])
                                                  or re.fullmatch(r"(?:[A-Z]\.?){2,3}", run[0])))):
        dropped = run.pop(0)
        honorific = dropped if _bare(dropped) in _HONORIFICS else None
    while run and run[0].lower() in _NAME_PARTICLES and run[0].lower() not in _NAME_STARTS and not _family_name(run) \
            and not _patronymic(run):
        run.pop(0)
    if portfolio and len(run) >= 3 and not any(_bare(token) in _NO_PERSON for token in run):
        run = run[_name_start(run) :]  # what the envoy is for is no part of the name
    if honorific and len(run) == 1:
        run.insert(0, honorific)  # "Sheikh Mohammed", not "Mohammed"
    return run


_FAMILY_ARTICLES = ("Al", "El")


def _family_name(run: list[str]) -> bool:
    """Whether `run` is a family name that opens with a capitalised article: "Al Thani"."""
    return len(run) == 2 and run[0] in _FAMILY_ARTICLES


_SON_OF = ("bin", "ibn")


def _patronymic(run: list[str]) -> bool:
    """Whether `run` is a man named by his father's name alone, as Anadolu does: "Bin Abdelrahman"."""
    return len(run) == 2 and run[0][:1].isupper() and run[0].lower() in _SON_OF


def _named_for_father(run: list[str]) -> bool:
    """Whether `run` is a first name and the father's alone: "Mohammed bin Abdulrahman"."""
    return len(run) == 3 and run[1] in _SON_OF and run[0][:1].isupper() and run[2][:1].isupper()


def _nationality(word: str, following: str) -> bool:
    """Whether `word`, in front of a name, is a nationality ("Egyptian Abdel Fattah el-Sisi"), not a
    first name that ends like one ("Sami Abu Zuhri", "Hassan Abu Jazar")."""
    # a short word is too often a first name ("Ofri Bibas Levy", "Omri", "Dan"): only a known one counts
    return _bare(word) in _NATIONALITIES or (len(word) >= 6 and _DEMONYM.search(word.lower()) is not None
                                             and _bare(following) not in _NAME_PARTICLES)


def _name_start(run: list[str]) -> int:
    """Where a person's name starts at the end of a capitalised run: the last two words, and the
    words that a particle joins to them ("Mohammed bin Abdulrahman Al Thani")."""
    start = len(run) - 2
    while start > 0 and (_bare(run[start]) in _NAME_PARTICLES or _bare(run[start - 1]) in _NAME_PARTICLES):
        start -= 1
    return start


def _name_token(token: str) -> bool:
    """A word that may stand in a name: capitalised, or a particle ("al", "bin", "al-Hayya")."""
    return token[:1].isupper() or token.lower().strip("-") in _NAME_PARTICLES or token.startswith(("al-", "el-"))


def _is_name(who: str) -> bool:
    return all(_name_token(t) for t in who.split())


# A description that names no one may speak ("an Israeli official", "one released prisoner from
# Beit Lahiya", "Israeli officials"), but not a pronoun or a conjunction the patterns caught.
_DETERMINERS = {"a", "an", "the", "one", "another", "some", "several", "two", "three", "many", "other"}
_NOT_SPEAKERS = {
    "it", "he", "she", "they", "we", "i", "but", "and", "or", "this", "that", "there", "then", "also", "so",
    "which", "who", "whom", "whose",  # "...,” which it said “...”": the clause goes on, no one is named
    # a verb is no one: ""Operation Gideon's Chariots," will proceed ..."
    "will", "would", "could", "should", "may", "might", "must", "can", "is", "are", "was", "were", "has", "have", "had",
}
# Nor is a description that opens with a preposition: "In a statement for the white house bidden (said)".
_ADVERBIAL = {"in", "at", "on", "during", "after", "before", "for", "from", "with", "since", "according", "as", "when", "while"}
_SENTENCE_ADVERBS = {"earlier", "later", "meanwhile", "separately", "previously", "however", "also", "yesterday", "today",
                     "tonight", "afterwards", "then", "now", "still", "moreover", "additionally"}
# "X of Y", "X from Y": Y is where X works or comes from, not who speaks.
_ADVISERS = {"adviser", "advisor", "aide", "assistant", "counsellor", "counselor", "secretary"}  # ... to someone
_AFFILIATION = {"of", "from", "in", "with", "for"}  # "spokesman for the Qatari Foreign Ministry"
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson"}


_ACTED = re.compile(  # ... or did to something first: "Lavrov echoed Rubio's remarks and (told reporters)"
    r"\s+(?:[a-z]+\s+and|[a-z]+ed\s+(?:[\w'’-]+\s+){1,5}?and|(?:issued|released|published|posted|put out)\s+(?:a|an|its|the)\s+statement\b.*"
    r"|(?:reportedly|also|later|then|earlier|previously|again|once|further|separately|publicly|privately|had|has|have|would|will))$"
)
# ... and the statement someone's words came in: "a statement issued by Netanyahu's office (said)"
_STATEMENT_BY = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?statement\s+(?:(?:issued|released|published|posted|sent|put out)\s+(?:to\s+[^,]{1,60}?\s+)?)?"
    r"(?:by|from)\s+(?=(?:the\s+)?[A-Z]|the\s+(?:[a-z]+\s+){0,2}(?:coordinator|office|ministry|spokes\w+|envoy|negotiator)\b)"
)
# ... and an adverb before the verb: "the Hamas leader confidently (declared)", "the official
# nonetheless (insisted)"
_ADVERB = re.compile(r"\s+(?!(?:family|ally|assembly|rally|daily|weekly|monthly|only|early|holy|supply|anomaly)$)[a-z]{2,}ly$"
                     r"|\s+(?:nonetheless|nevertheless|however|though|too|still|meanwhile|instead|likewise|separately)$")


_BEING = re.compile(r"\s(?:was|were|is|are|been|being)$")


# Someone's relatives, who speak of them ("his mother said") or are named beside them.
# A relative, whom "the father said" describes well enough when no earlier sentence names him.
_KIN = frozenset({"father", "mother", "son", "daughter", "brother", "sister", "wife", "husband"})
_RELATIVES = "|".join(sorted(_KIN)) + r"|parents?|uncle|aunt|cousin|grandmother|grandfather|relatives?|family"
# An appositive naming someone's relative: the name in it is the relative's, not the speaker's.
_KIN_OF = re.compile(rf"(?:the|a|an)\s+(?:\w+\s+)?(?:{_RELATIVES}|grand\w+|partner|widow|fianc\w+)(?:-in-law)?\s+of\b", re.I)


# What a body issues, which speaks for it: "the statement said", "the official notification added"
_DOCUMENT = re.compile(r"\s(?:statement|notification|communiqu[eé]|announcement|press release)$")
_NAMED_DOCUMENT = re.compile(  # "the Hamas statement", "the White House statement"
    r"the\s+(?P<issuer>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?:['’]s)?\s+(?:joint\s+)?(?:statement|communiqu[eé]|press release)$")
_A_DOCUMENT = re.compile(r"an?\s+(?!joint\b)")  # "a statement said": the one the text just said was issued
_ISSUED_AFTER = re.compile(r"(?<=\w)\s+(?:issued|released|published|posted|sent)$")
_CONJUNCTION_DESCRIBED = re.compile(r"^(?:but|and|while|however|yet|so),?\s+(?=(?:a|an|one|the)\s)", re.I)


# "another" alone, who speaks after someone: "..., one US official said, while another added"
_ANOTHER = re.compile(r"(?:(?:while|and|but|as|with)\s+)?[Aa]nother")
# Who reported that someone spoke is not the speaker: the one after "that" is.
# ... and who quoted someone: "Channel 12 quoted an unnamed Israeli official who (said)"
_REPORTED_THAT = re.compile(rf"^.*\b(?:(?:{_SAY}|reported|reports|reporting)\s+(?:that\s+|(?=(?:the|an?)\s|[A-Z]))|quoted(?!\s+(?:by|as|in)\b))\s*(?=\S)")


# A participle the subject speaks through, before the pronoun that tells who: "the two bonded over
# their loss, saying he (told al-Hayya)".
_PARTICIPLE_BEFORE_PRONOUN = re.compile(
    r"^(?:saying|adding|noting|telling|explaining|insisting|stressing|warning|recalling)\s+(?=(?:he|she|they)$)", re.I)


# A place before the capitalised run that ends a phrase: "in central Israel", "from northern Gaza".
_PLACE_BEFORE_NAME = re.compile(
    r"\b(?:in|at|from|near|outside|inside)\s+(?:(?:the\s+)?(?:central|northern|southern|eastern|western|north|south|east|west)\s+)?$")


_PM = re.compile(r"\bPM\b")  # a prime minister's title, not "6 pm"
_INITIALS = re.compile(r"\s*\([A-Z]{2,6}\)\s*$")  # a body's initials in brackets after its name


_OFFICE_OF = {"state", "affairs", "foreign", "defense", "defence", "interior", "justice", "finance", "staff", "intelligence"}


# An outlet or person who only saw or obtained a document: "A document outlining the releases, seen by Reuters".
_SEEN_BY = re.compile(r"\b(?:seen|obtained|reviewed|viewed)\s+by\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")


# ... nor does an aside saying who asked or reached the speaker: "An Israeli official, asked about it by The National,".
_ASKED_BY = re.compile(r"(?:when\s+)?(?:asked|interviewed|questioned|contacted|reached)\b")
# A part of an attribution that names whom someone speaks for, the next part naming that body again.
_WING_BEFORE = re.compile(r"\b(?:spokes\w+|leader|head|chief|commander|member|official)\s+(?:for|of)\s+[^,]*\b"
                          r"(?:wing|arm|group|movement|faction|organi[sz]ation|brigades?)$", re.I)


_OPENING_ADVERBIAL = re.compile(r"(?:In|On|At|During|After|Before|Earlier|Later)\s+(?:a|an|the|its|his|her|their|[A-Z0-9])")


def speaker_from(phrase: str) -> str | None:
    """The person in an attribution phrase: its trailing capitalised run, titles removed
    ("spokesman Matthew Miller" -> "Matthew Miller"), else its description ("an Israeli
    official"); "he", "she", "it" and "they" come back as they are, for the caller to resolve."""
    phrase = _REPORTED_THAT.sub("", phrase.strip())  # "Ynet reported that Ben-Gvir (responded)": Ben-Gvir
    opening, _, rest = phrase.partition(", ")
    if rest.count(",") and _OPENING_ADVERBIAL.match(opening):
        # "In a statement released on Sunday, the spokesperson for Hamas’s military wing, the al-Qassam
        # Brigades, (said)": when and how, then who
        who = speaker_from(rest)
        if who:
            return who
    phrase = _PM.sub("prime minister", phrase)  # "the PM (said)" is the prime minister
    phrase = _INITIALS.sub("", phrase)  # "the Prime Minister's Office (PMO)": the office
    if _ANOTHER.fullmatch(phrase):
        return "another"  # "while another (added)": someone else, for the caller to describe
    phrase = _CUT.sub("", phrase).strip(" ,—–-")
    phrase = _CONJUNCTION_DESCRIBED.sub("", phrase)  # "but a Palestinian official close to the effort (told)"
    # what the speaker did before speaking is not who: "the envoy chuckled and (said)", "the
    # movement issued a statement in which it (said)", "an official reportedly (said)"
    phrase = _STATEMENT_BY.sub("", _ACTED.sub("", phrase).strip(" ,"))
    phrase = _ISSUED_AFTER.sub("", phrase)  # "the statement from Netanyahu's office issued (on behalf of ...)"
    phrase = _ADVERB.sub("", phrase)  # "an official reportedly (said)", "the official nonetheless (insisted)"
    if _BEING.search(phrase):
        return None  # "Boehler was (asked)": the quote is what he was asked, not what he said
    if _SEEN_BY.search(phrase):
        return None  # "A document ..., seen by Reuters, (stated)": a document no one is named as writing
    if not phrase:
        return None
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    parts[-1] = _PARTICIPLE_BEFORE_PRONOUN.sub("", parts[-1])  # "..., saying he (told al-Hayya)": he
    if len(parts[-1].split()) == 1 and _PRONOUN.match(parts[-1]):
        return parts[-1].lower()  # "... approach, he (says)": he
    pointer = parts[-1].split()
    if len(pointer) == 2 and pointer[0].lower() == "the" and pointer[1].lower() in _POINTED_NOUNS:
        return f"the {pointer[1].lower()}"  # "the Forum (concluded)": the forum named before, for the caller to find
    for number, part in reversed(list(enumerate(parts))):  # "the group's spokesman, Hazem Qassem": the name is the appositive
        if number and _WING_BEFORE.search(parts[number - 1]):
            continue  # "Abu Obeida, the spokesman for Hamas's armed wing, the Qassam Brigades": the wing's name
        if number and _ASKED_BY.match(part):
            continue  # "An Israeli official, asked about it by The National, said": who asked is not who speaks
        first_word = _bare(part.split()[0]) if part.split() else ""
        if number and (first_word in _TITLE_WORDS or first_word in ("assistant", "acting", "former")) \
                and _named_person(_trailing_name(parts[0].split())):
            continue  # "Lana Nusseibeh, Assistant Minister for Political Affairs": a title set after the name
        if _KIN_OF.match(part):  # "Orna and Ronen Neutra, the parents of hostage Omer Neutra": not the son
            if len(parts) > 1:
                continue
            return _lowered_first(part)  # "the mother of hostage Hersh Goldberg-Polin": so described
        tokens = part.split()
        if len(tokens) > 10 and _run_start(tokens) > 0 and tokens[0].lower() not in _DETERMINERS \
                and not all(token[:1].isupper() or _bare(token) in _TITLE_WORDS or token in _JOINERS
                            for token in tokens[: _run_start(tokens)]):
            # a clause, not a name with its titles ("Qatari Prime Minister and Minister of Foreign Affairs
            # Sheikh ...", "Qatari Ministry of Foreign Affairs spokesman Majed bin Mohammed Al Ansari")
            continue
        start = _run_start(tokens)
        if len(parts) > 1 and 0 < start < len(tokens) - 1 and tokens[start] in _AFFILIATION:
            start += 1  # "Majed al-Ansari, a spokesperson for Qatar’s Ministry ...": the run opens after "for", the name is before
        link = start - 2 if start > 1 and tokens[start - 1].lower() in ("the", "a") else start - 1
        if any(tokens[k] == "to" and _bare(tokens[k - 1]) in _ADVISERS for k in range(1, start)) or any(
                tokens[k] == "for" and _bare(tokens[k - 1]) in _SPEAKS_FOR and all(token[:1].isupper() for token in tokens[k + 1 :])
                and _named_person(_trailing_name(tokens[k + 1 :])) for k in range(1, len(tokens) - 1)):
            # "Taher Al-Nono, media adviser to Hamas chief Ismail Haniyeh": whom he advises is not who speaks,
            # nor whom a spokesman speaks for, named with a title ("Stephane Dujarric, spokesman for UN
            # Secretary-General Antonio Guterres"; not a body: "a spokesperson for Qatar's Ministry ...")
            if any(_trailing_name(other.split()) for other in parts if other != part):
                continue
            return _lowered_first(part)
        titled = _trailing_name(tokens[start:])
        if link >= 0 and tokens[link].lower() in _AFFILIATION and len(titled) >= 2 \
                and _bare(tokens[-len(titled) - 1]) in _TITLE_WORDS and not tokens[-len(titled) - 1].endswith(("’s", "'s")):
            return " ".join(titled).strip("’'")  # "International Court of Justice President Nawaf Salam"
        if link >= 0 and tokens[link].lower() in _AFFILIATION:
            person = _trailing_name(tokens[:link])
            if len(person) >= 2 and _bare(person[-1]) not in _NO_PERSON | _TITLE_WORDS:
                return " ".join(person).strip("’'")  # "Andreas Krieg of King's College London", not "... Humanitarian Affairs in Gaza"
            if tokens[0].lower() in _DETERMINERS and not any(len(_trailing_name(other.split())) >= 2 for other in parts if other != part):
                return part  # "one released prisoner from Beit Lahiya"; but "Olga Cherevko, a spokesperson for the UN ..." is she
            continue  # "..., speaking in Beirut": a place, not the speaker
        person = _leading_person(tokens)
        if person:
            return person  # "Samir Haddad of Al Jazeera's Doha bureau"
        name = _trailing_name(tokens)
        if len(name) == 1 and 0 < start < len(tokens) and tokens[start - 1].lower() in ("a", "an", "one") \
                and _DEMONYM.search(name[0]):
            return f"{tokens[start - 1]} {name[0]}"  # "a Gazan who took part in the celebrations": someone described
        if name == ["I"]:
            return "i"  # "And I said": the one speaking, for the caller to find
        if len(name) == 1 and name[0].lower() in _SENTENCE_ADVERBS:
            continue  # "Earlier on Saturday, the group urged": when, not who
        if len(parts) > 1 and name and _PLACE_BEFORE_NAME.search(" ".join(tokens[: len(tokens) - len(name)]) + " "):
            continue  # "Judith Touati, a resident of Ramla in central Israel": where she lives, not who
        if len(name) == 1 and _bare(name[0]) in _TITLE_WORDS and len(tokens) > 1:
            # "The Prime Minister and Minister of Foreign Affairs (added)", "the Qatari Prime Minister
            # (said)": titles, whose holder the caller finds, not a man named "Minister"
            titles = " ".join(tokens[: tokens.index("and")] if "and" in tokens else tokens)
            if _title_only(titles):
                return _lowered_first(titles) if tokens[0].lower() in _DETERMINERS else titles
        of = len(tokens) - 1
        while of > 0 and tokens[of][:1].isupper() and _bare(tokens[of]) in _OFFICE_OF:
            of -= 1  # back over "Foreign Affairs" in "Minister of Foreign Affairs"
        if of == len(tokens) - 1 and of > 1 and tokens[of][:1].isupper() and tokens[of - 1] == "of":
            of -= 1  # ... or over one place: "the president of Egypt", not a man named "Egypt"
        if name and of < len(tokens) - 1 and of > 0 and tokens[of] == "of" and _bare(tokens[of - 1]) in _TITLE_WORDS - _ORGANISATIONS:
            # "the US Secretary of State", "the Minister of Foreign Affairs": a title, not a man named "State"
            return _lowered_first(part) if tokens[0].lower() in _DETERMINERS else part
        if name and not (len(name) == len(tokens) == 1 and name[0].lower() in _TITLE_WORDS):
            return " ".join(name).strip("’'")
    # the description that names someone: "an Israeli official, speaking on condition of anonymity";
    # "... leading to an end to the war, the Egyptian source (said)"
    first = next((p for p in parts if p.split()[0].lower() in _DETERMINERS), parts[0])
    tokens = first.split()
    if len(tokens) == 2 and tokens[0].lower() == "the":
        return first.lower()  # "the forum", "the official": named in an earlier sentence, for the caller to find
    if 2 <= len(tokens) <= 8 and tokens[0].lower() not in _NOT_SPEAKERS | _ADVERBIAL \
            and (tokens[0].lower() in _DETERMINERS or tokens[-1].islower()) \
            and not (tokens[0].endswith("ed") and tokens[0].islower()) and tokens[-1].lower() not in ("but", "and", "or"):
        # (not the writer's words after a phrase in quotation marks: "face "all HELL", welcomed parts of the plan but (said)")
        # "an Israeli official", "Israeli officials"; one lower-case word is no one. A description
        # that opened its sentence ("A Hamas member told AFP") is printed as inside one.
        return _lowered_first(first) if tokens[0].lower() in _DETERMINERS else first
    return None


# Full stops that end no sentence: "U.S.", "U.N.", "Mr.", "Lt. Gen." before a name, "Oct." before a
# day. The attribution patterns stop at a full stop, so these are hidden from them (a one-dot leader
# stands in).
_ABBREVIATION_DOT = re.compile(
    r"(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.(?=\s)|(?<=\b[A-Z]\.[A-Z]\.[A-Z])\.(?=\s)"
    # a look-behind has one width: the titles go in groups of one length each
    + "".join(rf"|(?<=\b(?:{'|'.join(t for t in _ABBREVIATED_TITLES if len(t) == width)}))\.(?=\s+[A-Z])"
              for width in sorted({len(t) for t in _ABBREVIATED_TITLES}))
    + r"|(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\.(?=\s+\d)|(?<=\bSept)\.(?=\s+\d)"  # "on Oct. 7"
)
_HIDDEN_DOT = "\u2024"


def _hide_abbreviations(text: str) -> str:
    return _ABBREVIATION_DOT.sub(_HIDDEN_DOT, text)


def _shown(text: str) -> str:
    return text.replace(_HIDDEN_DOT, ".")


def _leading_person(tokens: list[str]) -> str | None:
    """The person a phrase opens with when what follows is where they work and ends in lower
    case, so no name closes the phrase: "Samir Haddad of Al Jazeera's Doha bureau"."""
    if not tokens or _name_token(tokens[-1]):
        return None
    for k, token in enumerate(tokens[2:], start=2):
        if token.lower() in _AFFILIATION:
            opening = tokens[:k]
            person = _trailing_name(opening)
            if len(person) >= 2 and len(person) == len(opening) and _is_name(" ".join(opening)):
                return " ".join(person).strip("’'")
            return None
    return None


# Attributions without a speech verb of the speaker's own: "According to Witkoff, "..."", "Al
# Jazeera quoted al-Hindi as saying: "..."" and, after the quote, "..., Al Jazeera quoted al-Hindi as saying".
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to (?P<who>[^.,;:!?“”\"]{2,80}?)\s*[:,]\s*$")
_QUOTED_AS_BEFORE = re.compile(
    r"\b(?:quoted|cited|quoting|citing) (?P<who>[^.,;:!?“”\"]{2,80}?) (?:as )?(?:saying|telling [^.,;:!?“”\"]{1,40})(?:\s+that)?\s*[:,]?\s*$")
# A statement introducing its own words: "The statement read, "..."" (whose statement, quotes_in finds).
_READS_BEFORE = re.compile(r"\b[Tt]he\s+(?:joint\s+|official\s+)?statement\s+(?:reads?|continues|continued)\s*[:,]?\s*$")
# Whose words they are, after the quote: "...," according to the US State Department / to a statement
# from the White House / to Netanyahu's office.
_ACCORDING_AFTER = re.compile(
    r"^\s*,?\s*according\s+to\s+(?:(?:a|an|the)\s+(?:[a-z]+\s+)?statement\s+(?:(?:issued|released)\s+)?(?:by|from)\s+)?"
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the)\s+)?[A-Z][\w'’.-]*)*(?:\s+(?:office|ministry|presidency|government))?"
    r"|the\s+[a-z]+['’]s\s+(?:office|ministry|spokes\w+))"  # "the premier’s office"
    r"(?:\s+on\s+behalf\s+of\s+[^.,;“”\"]{1,60})?\s*(?:[.,;]|$)")  # "... on behalf of the spy agency": whose words they are
# ... or at the end of the sentence the quote is part of: "“...” led to the decision, according to ..."
_ACCORDING_LATER = re.compile(r"[^.;:!?“”\"]{1,80}?(?=,\s*according\s+to\b)")
# ... but an outlet only passes the words on: "according to Reuters", "according to the Times of Israel"
_OUTLET = re.compile(
    r"^(?:the\s+)?(?:Reuters|AFP|AP|Associated Press|Agence France-Presse|Axios|CNN|BBC|Bloomberg|Haaretz|Ynet|Al Jazeera|"
    r"Al Arabiya|Anadolu|Xinhua|WAFA|Kan|Channel \d+|NBC|CBS|ABC|Fox News|Sky News|Politico)\b"
    r"|\b(?:News|Times|Post|Agency|TV|Radio|Channel|Network|Journal|Herald|Telegraph|Guardian|Monitor|Gazette|Tribune)\b")
# Whom the words were said to, after a speaker named after the verb: "said the official to Reuters".
_ADDRESSEE = re.compile(r"\s+to\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")
# ... but where an envoy is sent, and then the envoy's name, is a title and its holder
_SENT_TO = re.compile(r"\b(?i:envoy|ambassador|representative|emissary|coordinator)\s+to\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s*$")
# A name given after a title, closing the attribution: ", Majed al-Ansari." after "said Qatar's spokesperson".
_APPOSITIVE_NAME = re.compile(rf",\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{_IN_NAME})){{1,4}})\s*(?:[.;]|$)")
# A live blog's entry: a speaker, a colon and the quote, after the entry's time ("18:55 —
# Netanyahu's office: "..."", "Trump: "...""); not a label ("Update:", "Breaking:", "Watch:").
_LIVE_LABEL = re.compile(
    r"\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|ET|EST|EDT|local time)?\s*[—–-]+\s*)?"
    rf"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_IN_NAME}|office|ministry|spokesman|spokeswoman|spokesperson)){{0,4}}):\s*$"
)


def _uncapped(name: str) -> str:
    """A name of two words or more a transcript writes in capitals ("JOE BIDEN:") as names are
    written, "Joe Biden"; one word may be an acronym ("IDF:") and stays."""
    parts = name.split()
    if len(parts) < 2 or not all(part.isupper() and sum(c.isalpha() for c in part) > 1 for part in parts):
        return name
    return " ".join("-".join(piece.capitalize() for piece in part.split("-")) for part in parts)


_NOT_A_SPEAKER_LABEL = re.compile(
    r"(?i:breaking|update|updated|watch|live|exclusive|analysis|opinion|editorial|note|correction|explainer|video|photos?|"
    r"listen|read|related|more|background|context|timeline|key points?|what we know|summary|recap|latest|quote of the day)\b"
)
# When the words were said, between the quote and its speaker: "..." on Friday, the office said.
# What follows the verb of a sentence that reports someone's own words rather than closing the
# quote before it: "said that ...", "said earlier “progress” had been made".
_OWN_REPORT = re.compile(r"\s+(?:that\b|(?:[a-z]+\s+){0,3}[“\"])")
# Whom an attribution goes on to cite: "...,” KAN said, citing an unnamed Israeli official".
_CITING = re.compile(r",?\s+(?:citing|quoting)\s+(?P<who>(?:an?|one|two)\s+(?:[\w'’-]+\s+){0,4}?(?:official|source|diplomat|officer|negotiator)s?)\b")
# An attribution between the two parts of one quoted sentence: "“...,” he explained, “...”".
_SPLIT_BY = re.compile(rf"\s*[^“”\"«».!?;:]{{1,60}}?\b{_SAY}\b[^“”\"«».!?;:]{{0,40}}?,\s*")
_WHEN_AFTER = re.compile(
    r"^\s*(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?=\s*,)"
)
# The writer's sentence going on after a quote, before the attribution: "“...” and the opening of
# the crossings, the group said".
_RUNS_ON = re.compile(r"\s*(?:and|or|but|as well as)\s")
_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\b[^.;:!?“”\"]{0,60}\bas\s+(?:saying|telling)\b")  # "was quoted by his office as saying"
# ... "one source quoted Witkoff as telling al-Hayya": Witkoff's words, whom he told them
_QUOTED_AS_AFTER = re.compile(r"^\s*,?\s*[^.;:!?“”\"]{0,60}?\bquoted (?!by\b)(?P<who>[^.,;:!?“”\"]{2,80}?) (?:as )?(?:saying|telling)\b")


# Where a run of text without punctuation starts: a letter after a mark (or the text's start).
_PUNCTUATION = ".,;:!?“”\""
_RUN_START = re.compile(rf"(?:^|[{_PUNCTUATION}])[^A-Za-z{_PUNCTUATION}]*(?=[A-Za-z])")


def _from_run_starts(regex: re.Pattern, text: str) -> re.Match | None:
    """`regex.search(text)` for a pattern that opens with a letter and then text free of
    punctuation (_BEFORE's speaker). A match from a later letter of a run is also a match from
    the run's first letter, with a longer start, so only first letters need trying; search()
    tries every letter, each to the run's end."""
    for run in _RUN_START.finditer(text):
        match = regex.match(text, run.end())
        if match:
            return match
    return None


_NAMED = r"[A-Z][\w’'-]+(?:\s+(?:al-|el-|(?:al|el|bin|abu)\s+)?[A-Z][\w’'-]+)+"  # a full name
# The name right before an appositive the attribution starts with ("Einav Mozes, [the daughter-in-law of ...]").
_NAMED_BEFORE = re.compile(rf"(?:^|[.!?]\s+)(?P<name>{_NAMED}),\s*$")
# A statement's words, which a text reads rather than a speaker says: "...," the statement read;
# "...," reads the joint statement; "...," read the Hamas statement
_STATEMENT_READS = re.compile(
    r"\s*,?\s*(?:the\s+(?:(?P<of>[A-Z][\w'’-]*|[a-z]+)\s+)?(?:joint\s+)?statement\s+reads?\b"
    r"|reads?\s+the\s+(?:joint\s+)?(?:(?P<by>[A-Z][\w'’-]*)\s+)?statement\b)"
)


def _mark_inside(paragraph: str, end: int) -> str:
    """The character just inside the closing mark of a quote that ends at `end` ("." for
    "...peace."), spaces skipped; "" for none."""
    return paragraph[max(0, end - 3) : end - 1].rstrip()[-1:]


def _lowered_first(description: str) -> str:
    """Someone described, as a sentence prints it inside: "A Hamas member" -> "a Hamas member"."""
    return description[:1].lower() + description[1:]


def _inside_sentence(name: str) -> str:
    """A speaker as printed inside a sentence: "The PMO said" opened one, the list prints "the PMO"."""
    return re.sub(r"^The\b", "the", name)


def _according(found: re.Match) -> str | None:
    """The speaker an _ACCORDING_AFTER match names; none for an outlet, which only passes the words on."""
    who = found.group("who").rstrip(".")
    return None if _OUTLET.search(who) else speaker_from(who)


def _attribution(paragraph: str, start: int, end: int) -> str | None:
    """The speaker an attribution beside a quote names. One after the closing mark comes first,
    unless the quote ends its sentence with a full stop: then a sentence that follows ("...
    Peace." Netanyahu said in a statement that ...) is someone else's, and the attribution is the
    one before the quote, when there is one."""

    closed = _mark_inside(paragraph, end) == "."

    def after() -> str | None:
        text = _WHEN_AFTER.sub("", _hide_abbreviations(paragraph[end : end + 170]), count=1)
        read = _STATEMENT_READS.match(text)
        if read:  # "the statement read": see quotes_in; "read the Hamas statement": Hamas
            of = read.group("of")  # "the Hamas statement read"; "the embassy statement read": the body the article named before
            if of and of.islower():
                return f"the {of}" if of in _ORGANISATIONS else "the statement"
            by = read.group("by") or of
            return by if by and not _DEMONYM.search(by.lower()) else "the statement"
        according = _ACCORDING_AFTER.match(text)
        if according:  # "...," according to the US State Department: its words, unless an outlet passes them on
            return _according(according)
        for regex in (_QUOTED_AS_AFTER, _AFTER_VERB_FIRST, _AFTER_NAME_FIRST):
            match = regex.match(text)
            if match:
                phrase = match.group("who")
                if regex is _AFTER_VERB_FIRST:
                    if not _SENT_TO.search(phrase):  # "said US envoy to the Middle East Steve Witkoff": Witkoff
                        phrase = _ADDRESSEE.sub("", phrase)  # "said the official to Reuters": the official
                    named = _APPOSITIVE_NAME.match(text, match.end())
                    last = phrase.split()[-1:]
                    if named and last and last[0].lower() in _TITLE_WORDS:
                        phrase = named.group("name").rstrip(".")  # "said Qatar's foreign ministry spokesperson, Majed al-Ansari."
                if regex is _AFTER_NAME_FIRST and closed and _OWN_REPORT.match(text, match.end()):
                    continue  # "...ceasefire." A spokesman said earlier "progress" had been made: his own report
                if regex is _AFTER_NAME_FIRST and _INTRODUCES_NEXT.match(text, match.end()):
                    continue  # "X wrote: "...," while Y said: "..."": Y introduces the next quote, not this one
                if regex is _AFTER_NAME_FIRST and "," in phrase and _RUNS_ON.match(phrase):
                    phrase = phrase.rsplit(",", 1)[1]  # "“...” and the opening of the crossings, the group said": the group
                who = speaker_from(_shown(phrase)) or (
                    speaker_from(_shown(phrase.rsplit(",", 1)[1])) if regex is _AFTER_NAME_FIRST and "," in phrase else None)
                cited = _CITING.match(text, match.end())
                if cited:  # "...," KAN said, citing an unnamed Israeli official: the official's words
                    who = speaker_from(cited.group("who")) or who
                if who:  # ... else the subject just before the verb: ""..." on that deal, Netanyahu said"
                    return who
        later = None if closed else _ACCORDING_LATER.match(text)
        according = _ACCORDING_AFTER.match(text[later.end() :]) if later else None
        if according:  # "“...” led to the decision, according to a statement from the PMO": the sentence's source
            return _according(according)
        return None

    def before() -> str | None:
        text = _hide_abbreviations(paragraph[max(0, start - 160) : start])
        match = _from_run_starts(_BEFORE, text)
        if match:
            clause = re.split(r"[.!?”\"]\s+", match.group("who"))[-1]
            named = _NAMED_BEFORE.search(text, 0, match.start()) if _KIN_OF.match(clause) else None
            if named:  # "Einav Mozes, the daughter-in-law of ... Gadi Mozes, who ..., said:": Einav Mozes
                return named.group("name")
            return speaker_from(_shown(clause))
        match = _ACCORDING_BEFORE.search(text) or _QUOTED_AS_BEFORE.search(text)
        if match:
            return speaker_from(_shown(match.group("who")))
        if _READS_BEFORE.search(text):
            return "the statement"  # "The statement read, "..."": whose, quotes_in finds
        label = _LIVE_LABEL.match(paragraph, 0, start)
        if label and not _NOT_A_SPEAKER_LABEL.match(label.group("who")):
            return speaker_from(_uncapped(label.group("who")))
        return None

    if closed and _PARTICIPLE.search(paragraph, max(0, start - 70), start):
        return before()  # "Ben Gvir clashed with them, declaring, "... Hitler." His party ... said": the subject's
    first, second = (before, after) if closed else (after, before)
    return first() or second()


# A person as the subject of a speech verb, with an optional appositive: "Tom Fletcher, the UN
# humanitarian chief, said".
_SPEAKS = re.compile(
    rf"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_IN_NAME}|and(?=\s+[A-Z]))){{0,7}})(?:,[^,.;“”\"]{{1,80}},)?"
    rf"\s+(?:also\s+|later\s+|then\s+|again\s+)?{_SAY}\b"  # "John Kirby also told Fox News"
)
_SAID = re.compile(rf"\b{_SAY}\b")
_SPEAKS_SET_OFF = re.compile(
    rf",\s+(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_IN_NAME})){{1,4}}),\s+(?:also\s+|later\s+|then\s+)?{_SAY}\b")


_LIST_ITEM_BEFORE = re.compile(rf"\b(?!{WEEKDAY_NAME}\b)[A-Z][\w'’-]*, $")
# The last of several names that speak together (a name, "and", then the match), whose first
# word the match could not reach: "Abdel Fattah el-Sisi and Qatar's Sheikh Tamim urged"; not
# a title ("Prime Minister and Foreign Minister Sheikh Mohammed said") nor a clause (", and Trump said").
_LAST_OF_NAMES = re.compile(r"(?P<before>[\w'’.-]+)\s+and\s+$")


def _speaking(said: re.Match, paragraph: str) -> str | None:
    """Who a _SPEAKS match names; not the end of a list ("Washington, Cairo and Doha insisted"
    matches from "Cairo"), which is only part of who spoke."""
    who = said.group("who")
    if " and " in who and _LIST_ITEM_BEFORE.search(paragraph, max(0, said.start() - 40), said.start()):
        return None
    joined = _LAST_OF_NAMES.search(paragraph, max(0, said.start() - 60), said.start())
    if joined and _name_token(joined.group("before")) and _bare(joined.group("before")) not in _TITLE_WORDS:
        return None  # "Egyptian President Abdel Fattah el-Sisi and Qatar's Sheikh Tamim ... urged": both
    if _OBJECT_BEFORE.search(paragraph, max(0, said.start() - 40), said.start()):
        return None  # "This source, on the plan presented by US President Joe Biden, said": Biden is not the subject
    return speaker_from(who)


_INTRODUCES_NEXT = re.compile(r"\s*(?:(?:on|in|at|to|during)\s+[^.,;:“”\"]{1,30})?:\s*[“\"]")  # "said: "...", "wrote on X: "...""
_OBJECT_BEFORE = re.compile(r"\b[a-z][\w'’-]*\s+(?:by|to|from|with|for|about|against|than)\s+$")  # not "the office of ..." (see _issuer)


# A quote the sentence's subject speaks through a participle: "Nakhala rejected the plan, stating: "...""
_SPEAKING = (
    r"\s*(?:saying|stating|adding|writing|posting|declaring|warning|insisting|noting|exclaiming|asserting|stressing|vowing"
    r"|emphasi[sz]ing|telling (?:the\s+)?(?:[A-Z][\w.'’-]*\s?){1,3}(?:news\s+(?:site|agency|outlet)\s?|newspaper\s?|website\s?)?)"
    rf"(?:\s+{_WHERE})?(?:\s+in\s+part)?(?:\s+that)?\s*[:,]?\s*$"  # "saying in part:"
)
# ... the comma may close a short phrase in quotation marks: "for his “strong statement,” adding that"
_PARTICIPLE = re.compile(rf"(?:,|[“\"][^“”\"]{{1,30}},[”\"]){_SPEAKING}")
# ... or any quotation, when "he" or "she" opens the sentence: "He accused Israel of “...,” stating, “...”"
# (a name inside a longer one may be whom the subject speaks of: "Hamas “informed Witkoff that ...,” emphasizing")
_PARTICIPLE_AFTER_QUOTE = re.compile(rf",[”\"]{_SPEAKING}")
# A name in quotation marks is no quote: a document "titled "..."", a plan "dubbed "..."", a body
# "dubbed the "...""
_TITLED = re.compile(r"\b(?:titled|entitled|called|dubbed|named|headlined|known as)(?:\s+(?:the|an?))?\s*$", re.I)
_DESCRIBED_BODY = r"(?:militant|resistance|armed|Islamist|political)"  # "Palestinian militant group Hamas"
# A body as the subject that opens a sentence: "The Hostages and Missing Families Forum welcomed",
# "Prime Minister Benjamin Netanyahu's office hit back", "The Israeli army confirmed", "The Families
# Forum, which represents the relatives, welcomed". An initial's full stop ends no sentence: "... halt
# U.S. President Donald Trump's plan" opens none with "President Donald Trump's".
_BODY_OPENS = re.compile(
    r"(?:^|(?<!\b[A-Z])[.!?][”\"’']?\s+)(?:(?:[A-Z][a-z]+\s+)?(?:[Ee]arlier|[Ll]ater|ago|[Mm]eanwhile)(?:\s+on\s+[A-Z][a-z]+day)?,\s+"  # "Hours earlier, "
    r"|(?:However|Still|Instead|Separately),\s+)?"  # "However, Hamas noted"
    r"(?P<the>The\s+)?(?P<who>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|for))*"
    r"(?P<title>\s+(?:prime\s+minister|president|premier|foreign\s+minister)['’]s(?=\s+office\b))?"  # "The Egyptian prime minister's office"
    rf"(?P<own>(?:\s+{_DESCRIBED_BODY}(?=\s+(?:group|movement)\s+[A-Z]))?"  # "militant group Hamas"
    r"\s+(?:office|government|ministry|military|army|movement|group|cabinet|presidency|spokesman|spokeswoman))?)"
    r"(?:\s+(?P<named>[A-Z][\w'’-]+))?"  # "The Palestinian group Hamas said": the body so described
    r"(?:\s+\([A-Z]{2,6}\))?"  # "The Israel Defence Forces (IDF) confirmed"
    r"(?:,\s+(?:(?:which|who)\s[^,.;]{1,120}|(?:the|an?)\s[^,.;]{1,60}),)?"  # "Hamas, the Palestinian resistance group, accused"
    r"\s+(?:has\s+|had\s+|also\s+)?(?!(?:and|of|for)\b)[a-z]+\b"
)
_FULL_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+(?:al-|el-|bin\s+|abu\s+)?[A-Z][\w’'-]+)+")
_IRREGULAR = ("spoke|met|hit|sent|gave|took|made|went|came|led|sought|thought|brought|fought|held|left|saw|got|won|began|set|put|kept|stood|struck|read|rang|did"
              "|chose|chosen|taken|spoken|written|wrote|gone|become|became|begun|swore|sworn|sat|ran|paid|found|heard|felt"
              "|built|spent|sold|drew|threw|broke|rose|fell|flew|flown|bought|caught|withdrew|oversaw")  # "Smotrich has chosen to stay"
# A speaker's mood, told before their words: "Trump was quicker to claim credit. "...," he wrote",
# "Netanyahu was defiant"
_WAS_MINDED = (r"(?:was|is)\s+(?:more\s+|less\s+|very\s+|also\s+)?(?:quick|blunt|clear|adamant|defiant|optimistic|upbeat|emphatic"
               r"|firm|keen|eager|unhappy|confident|cautious|hopeful|pessimistic|scathing|dismissive|frank|candid)(?:er)?")
# Someone doing something, an appositive allowed: "Einav Zangauker, whose son ..., issued a blunt
# appeal", "Opposition leader Yair Lapid praised Trump"; or in a mood (_WAS_MINDED). The subject
# "he" or "she" points back to.
_ACTS = re.compile(
    rf"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_IN_NAME}|of|for)){{0,7}})"
    rf"(?:(?:,(?P<apposed>(?:[^.;“”\"]|\.(?=\s\d)){{1,160}}?),|,(?=\s))?\s+|\s*[—–][^.;“”\"—–]{{1,160}}?[—–]\s*)"  # "Piers Morgan—who ...—called"
    rf"(?:on\s+{WEEKDAY_NAME}\s+|in\s+a\s+statement\s+)?(?:has\s+|had\s+|also\s+|then\s+|later\s+|[a-z]{{3,}}ly\s+)?(?P<passive>(?:was|were|is|has been|had been)\s+)?"
    rf"(?P<verb>{_SAY}|[a-z]+ed|{_IRREGULAR}|{_WAS_MINDED})\b"
)
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s+(?=[A-Z“\"])")


def _last_sentence(text: str) -> str:
    """The last sentence of `text` ("" when it has none)."""
    return _SENTENCE_END.split(text.strip())[-1]


def _people(article: Article) -> tuple[set[str], set[str]]:
    """Surnames of the people an article names in full: "Netanyahu" from "Benjamin Netanyahu" or
    "President Donald Trump's", so that "Netanyahu argued" is a person and "Israel said" is not.
    A sentence that opens "When Hamas ..." names no one, and "Prime Minister" is a title. Then the
    words the text has say "it" or "they" (see _SAYS): bodies, never a person."""
    surnames, bodies = set(), set()
    stop = stop_words("english")
    for name in _FULL_NAME.finditer(article.text):
        first, *middle, last = name.group().split()
        if all(_bare(word) in _TITLE_WORDS - _PERSON_TITLES - _HONORIFICS for word in (first, *middle)):
            continue  # "Senior Hamas (official ...)": a body described, not a name ("President Trump" is one)
        if first.lower() not in stop and _may_be_surname(last):  # not "Nations" from "the United Nations says"
            surnames.add(_unpossessive(last))
    for said in _SAYS.finditer(article.text):  # one pass for both
        word = said.group("name")
        if not said.group("person"):
            bodies.add(word)  # "Qatar ... said it hoped"
        elif word.lower() not in stop and _may_be_surname(word):
            surnames.add(word)  # "Biden, asked when, said he hoped": a person, named in full or not
    return surnames, bodies


def _may_be_surname(word: str) -> bool:
    """A word that may end a person's name: no title ("Minister") and no body's word ("Nations")."""
    return _bare(word) not in _TITLE_WORDS and _bare(word) not in _NO_PERSON


# One capitalised word whose own words the text reports as "he" or "she" said: a person, as a
# country or a body is "it" ("Biden, when asked ..., said he hoped"; "Sullivan told CNN she"; "Qatar,
# asked ..., said it hoped"); not "Blinken said it was time" ("it" is no one there).
_SAYS = re.compile(
    r"(?<![\w’'.-])(?P<name>[A-Z][a-z][\w’'-]*)(?:,[^,.;“”\"]{1,80},)?\s+(?:also\s+)?"
    r"(?:said|says|told\s+(?:[A-Z][\w.]*\s+){1,3}|added|stated|insisted|warned|noted)\s+(?:that\s+)?"
    r"(?:(?P<person>he|she)|its|they|their|it(?!\s+(?:was|is|would|will|could|may|might|remains|seems|seemed)\b))\b"
)


# Whom "the forum", "the official", "the president" points back to, nearest first: a body named in
# capitals that ends in the noun ("the Hostages and Missing Families Forum"), a description ("a
# senior Hamas official", "a source familiar with the talks"), or a person the noun titles
# ("Hamas official Basem Naim", "President Joe Biden").
_MEDIA = ("broadcaster", "channel", "newspaper")
_POINTED_NOUNS = {
    "forum", "official", "source", "military", "army", "ministry", "president", "minister", "envoy", "diplomat",
    "spokesman", "spokeswoman", "spokesperson", "negotiator", "ambassador", "premier", "family", "movement", "office",
    "parents", "embassy", "adviser", "advisor", "aide", "party", "officer", "agency", *_MEDIA, *_KIN,
}


_WHEN_WORDS = re.compile(rf"\b(?:{WEEKDAY_NAME}|Earlier|Later|Last|Meanwhile|Separately|Today|Yesterday|On|In|At|After|Before)\b")
_WEEKDAY_FIRST = re.compile(r"^(?:(?:On|Late|Early|Earlier|Later|Last|This)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+")


def _pointed(noun: str, before: str, only: bool = False) -> str | None:
    """Whom "the <noun>" in an attribution means, from the article text before the quote; with
    `only`, provided the text describes no one else so."""
    if noun not in _POINTED_NOUNS:
        return None
    n = f"(?i:{re.escape(noun)})"
    found: list[tuple[int, str]] = []
    for match in re.finditer(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:[\w'’-]+|(?:[A-Z]\.){{2,}})\s+){{0,3}}?{n}\b"
                             rf"(?:\s+(?:familiar with|briefed on|close to|involved in)\s+(?:the\s+)?[a-z]+)?", before):
        found.append((match.end(), 1, _STATEMENT_BY.sub("", _lowered_first(match.group(0)))))
    for match in re.finditer(rf"\b(?:[Oo]ne|[Aa]nother)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?{n}s\b", before):
        found.append((match.end(), 1, _lowered_first(match.group(0))))  # "one of the advisers told reporters"
    for match in re.finditer(rf"\b{n}\s+((?:al-|el-)?{_NAMED})", before):  # ... where the text mentions them last
        found.append((max(match.end(), _last_mention(before, match.group(1))), 2, _unpossessive(match.group(1))))
    if noun in _MEDIA:  # "the official Israeli broadcaster Kan": a medium's name may be one word
        for match in re.finditer(rf"\b{n}\s+([A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|\d+))*)", before):
            found.append((match.end(), 2, _unpossessive(match.group(1))))
        for match in re.finditer(rf"\b((?:[A-Z][\w’'-]*\s+)*{n}\s+\d+)\b", before):  # "Israeli Channel 12"
            found.append((match.end(), 2, match.group(1)))
    for match in re.finditer(rf"(?:^|[.!?]\s+)(?P<name>{_NAMED}),\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}?{n}\b", before):
        if not _WHEN_WORDS.search(match.group("name")):  # "Earlier Tuesday, a political source": when, not who
            found.append((match.end(), 2, match.group("name")))  # "Adi Alexander, the father of hostage Edan Alexander"
    for match in re.finditer(rf"\b(?:{n}\s+of\s+(?P<after>{_NAMED})|(?P<before>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)['’]s\s+(?:[a-z]+\s+){{0,2}}?{n}\b(?:\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)?)", before):
        the = "the " if before[max(0, match.start() - 4) : match.start()] == "the " else ""  # "the Foreign Ministry's spokesperson"
        found.append((match.end(), 2, f"the {noun} of {match.group('after')}" if match.group("after")
                      else the + _WEEKDAY_FIRST.sub("", match.group(0))))  # "On Tuesday Qatar's Embassy": whose, not when
    for match in re.finditer(rf"\b(?:his|her)\s+{n}\b", before):  # "... from his office": the office of whom the sentence has act
        owner = _subject_before(before[: match.start()], set(), person=True)
        if owner:
            found.append((match.end(), 2, f"{owner}’s {noun}"))
    for match in re.finditer(rf"\b((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for)\s+)?)+){n}\b", before):
        owner = match.group(1).split()
        if owner[0] == "The":
            owner = owner[1:]
        if owner and owner[0].lower() not in _NOT_SPEAKERS | _DETERMINERS:
            said = before[match.end() - len(noun) : match.end()]
            plain = said[:1].islower() and not owner[-1].endswith(("’s", "'s"))  # "the Israeli military", not "the Israel's"
            found.append((match.end(), 0, " ".join(["the"] * plain + [*owner, said])))
    if not found:
        return None
    if only and len({max(f for f in found if f[0] == end)[2] for end, _, _ in found}) > 1:
        return None  # two described so (each mention's own reading, as below)
    return max(found)[2]  # the nearest; of two ending together, a name, then a description


# People in the plural, whom "the mediators said" describes well enough when no earlier sentence names them.
_PEOPLE_PLURAL = {
    "mediators", "negotiators", "officials", "sources", "diplomats", "envoys", "delegates", "ministers", "leaders",
    "protesters", "demonstrators", "organisers", "organizers", "activists", "residents", "survivors", "witnesses",
    "relatives", "families", "hostages", "captives", "prisoners", "detainees", "militants", "fighters", "soldiers",
    "troops", "analysts", "experts", "doctors", "medics", "authorities", "police", "crowds",
}


# People in the plural who open a sentence, described by who they are: "Israeli officials denied ...".
_PLURAL_OPENS = re.compile(
    rf"^(?P<who>(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:{'|'.join(sorted(_PEOPLE_PLURAL))}))\s+(?:also\s+)?[a-z]+(?:ed|t)\b")


def _plural_subject(opening: str) -> str | None:
    """People in the plural, described, who open the last sentence of `opening` (a paragraph up
    to a quote) and act in it: "Israeli officials denied the report, saying, "..."" is theirs."""
    last = _last_sentence(opening)
    found = _PLURAL_OPENS.match(last)
    return found.group("who") if found else None


# The last word of a title that a person holds ("the US president", "the Qatari prime minister").
_PERSON_TITLES = {
    "president", "minister", "premier", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
    "leader", "negotiator", "adviser", "advisor", "emir", "king", "prince",
}
_COUNTRY_SHORT = {"us", "u.s.", "uk", "un", "u.n.", "eu"}
# "the premier said" of "Prime Minister Benjamin Netanyahu", and the other way round
_SAME_TITLE = {("premier",): ("prime", "minister"), ("prime", "minister"): ("premier",)}


def _title_only(speaker: str | None) -> str | None:
    """The title, when a speaker is a person's title and no name: "the US president", "Qatari
    Prime Minister", "the Israel prime minister" (title and nationality words only, ending in a
    person's title; after "the", a country or body may come first)."""
    tokens = (speaker or "").split()
    owned = bool(tokens) and tokens[0] in ("the", "The")
    if owned:
        tokens = tokens[1:]
    office = next((number for number, token in enumerate(tokens) if token.lower() == "of"), 0)
    if office > 0 and office < len(tokens) - 1 and all(_bare(token) in _OFFICE_OF for token in tokens[office + 1 :]):
        # "the US secretary of state", "the Minister of Foreign Affairs": a title with its office after "of"
        return " ".join(tokens) if _title_only(" ".join(tokens[:office])) else None
    if not tokens or _bare(tokens[-1]) not in _PERSON_TITLES:
        return None
    for number, token in enumerate(tokens):
        if not (_bare(token) in _TITLE_WORDS or token.lower() in _COUNTRY_SHORT
                or (token[:1].isupper() and _DEMONYM.search(token.lower()) and len(token) > 4)
                or (owned and number == 0 and len(tokens) > 1 and token[:1].isupper() and token.isalpha())):
            return None
    return " ".join(tokens)


def _titled(title: str, before: str, people: set[str], after: str = "") -> str | None:
    """The name that last follows `title` in `before` ("US President Donald Trump"), else the
    name after its person's title alone ("President Donald Trump" for "the US president"); a
    surname alone ("US President Trump") when it is one of the article's `people` (see _people).
    A lead quote's "the envoy stated", named only further on, is whom `after` names so first."""
    return _titled_in(title, before, people, max) or (_titled_in(title, after, people, min) if after else None)


# A title right before its verb is the sentence's subject, not set beside the name before it: in
# "Asked about the killing of Hamas leader Yahya Sinwar, the prime minister said:" Sinwar is no prime minister.
_NOT_ITS_VERB = r"(?!\s+(?:said|says|told|added|replied|answered|responded|stated)\b)"


# ... and another office between the title and the name: "Prime Minister and Minister of Foreign Affairs HE Sheikh ..."
_AND_TITLE = r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|the))*?)?"


_COUNTRY_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:i|an|ese|ish))\s+$")  # "Israeli " before a title


def _titled_in(title: str, text: str, people: set[str], pick: Callable) -> str | None:
    """The name given `title` in `text`: the naming that `pick` (max: the last, min: the first) chooses."""
    words_of = title.split()
    person = [word for word in words_of if _bare(word) in _TITLE_WORDS][-2:]  # "prime minister", "president"
    text = _PM.sub("prime minister", text)  # "Qatari PM Sheikh Mohammed ..."
    same = list(_SAME_TITLE.get(tuple(word.lower() for word in person), ()))
    whose = words_of[: len(words_of) - len(person)]  # "Qatari": the title's country, which another naming must not contradict
    phrases = [words_of, *([[*whose, *same]] if same and whose else []), person, *([same] if same else [])]
    for phrase in phrases:
        pattern = r"\s+".join(re.escape(word) for word in phrase)
        named: list[tuple[int, str]] = []  # where each naming ends, and the name
        for found in re.finditer(rf"(?i:\b{pattern}){_AND_TITLE}\s+(?P<name>{_NAMED}|[A-Z][\w’'-]+)", text):
            country = _COUNTRY_BEFORE.search(text, max(0, found.start() - 20), found.start())
            if whose and phrase in (person, same) and country and country.group(1).lower() not in (w.lower() for w in whose):
                continue  # "Israeli Prime Minister Benjamin Netanyahu" is not "the Qatari prime minister"
            if not all(_bare(word) in _TITLE_WORDS for word in found.group("name").split()):  # "... of Foreign Affairs (added)"
                named.append((found.end(), found.group("name")))
        for found in re.finditer(rf"(?P<name>{_NAMED}),\s+(?:the\s+)?(?:[\w'’.-]+\s+){{0,2}}?(?i:{pattern})\b{_NOT_ITS_VERB}", text):
            named.append((found.end(), found.group("name")))  # "Sheikh Mohammed ..., the prime minister of Qatar", "..., U.S. special envoy"
        if pick is max and len(named) > 1:
            # of several so titled, whom the text mentions last: "Chinese President Xi Jinping", named
            # in passing after "President Donald Trump", is not "the president" when Trump acts since
            named = [(max(end, _last_mention(text, name)), name) for end, name in named]
        if named:
            name = _trailing_name(_unpossessive(pick(named)[1]).split())
            if (len(name) >= 2 or name and name[0] in people) and _is_name(" ".join(name)):
                return " ".join(name)
    return None


def _last_mention(text: str, name: str) -> int:
    """Where the last mention of the person `name` ends in `text`, by surname (-1: none)."""
    found = _trailing_name(_unpossessive(name).split())
    if not found:
        return -1
    mentions = list(re.finditer(rf"\b{re.escape(found[-1].rstrip('.'))}\b", text))
    return mentions[-1].end() if mentions else -1


def _written_mid_sentence(word: str, text: str) -> bool:
    """Whether `text` writes the capitalised `word` after a word in lower case or a comma: a name,
    not a sentence's first word ("Hamas" in "talks with Hamas", not "Mediators" alone)."""
    return re.search(rf"[a-z,]\s+{re.escape(word)}\b", text) is not None


def _reported_body(sentence: str, article_text: str, people: set[str], speaker: str | None) -> str | None:
    """`speaker`, the body that opens `sentence`, or the body whose words that sentence reports it
    reported: "Sky News reported that Israel’s military said it had “...”" (and "It added: “...”"
    after it) are the military's; "Hamas said the delegation “affirmed ...”" stays Hamas's."""
    passed_on = _REPORTED_THAT.match(sentence) if speaker else None
    if passed_on and _SAID.search(sentence, passed_on.end()):
        return _body_before(sentence[passed_on.end() :], article_text, people) or speaker
    return speaker


def _body_before(text: str, article_text: str, people: set[str]) -> str | None:
    """The organisation or country that opens the last sentence of `text`, if one does. A person
    is never "it", and one capitalised word counts only when the article writes it so mid-sentence
    too ("Hamas", not "Mediators")."""
    opened = None
    for found in _BODY_OPENS.finditer(text):
        named = found.group("who")[: len(found.group("who")) - len(found.group("own") or "")]
        if named != "The":  # "The organization criticized the move", "The group said": the body named before
            opened = found
    if opened is None:
        return None
    who = opened.group("who").split()
    if who[0] in ("A", "An"):
        return None  # "A Palestinian Authority official criticized": a description, no body
    if _DESCRIBED_WORD.fullmatch(opened.group(0).split()[-1]):
        return None  # "The Hamas leader dismissed ...": a person the body describes, not the body
    if opened.group("named"):
        return opened.group("named") if opened.group("own") and opened.group("own").split()[-1] in ("group", "movement") else None
    if opened.group("own") and opened.group("the") and (opened.group("title") or not who[-2].endswith(("’s", "'s"))):
        return " ".join(["the", *who])  # "the Israeli army"
    if len(who) == 1 and who[0].lower() in _NATIONALITIES:
        return None  # "The Egyptian leader reaffirmed": a person described, no body
    if not opened.group("own"):
        if len(who) <= 2 and who[-1] in people:
            return None
        if len(who) == 1 and not _written_mid_sentence(who[0], article_text):
            return None
    return " ".join(who)


# Done to someone who then speaks: "X was interviewed on Al Jazeera. “...,” he said."
_ASKED = re.compile(r"\b(?:was|were|is|has been|had been)\s+(?:[a-z]+ly\s+)?(?:interviewed|asked|questioned|pressed)\b")
# Someone doing anything, in any tense: "Adam Boehler defends his talks, saying, "...""
_ACTS_ANY = re.compile(
    rf"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_IN_NAME})){{0,7}})"
    rf"\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?P<passive>(?:was|were|is|has been|had been)\s+)?(?P<verb>[a-z]+)\b"
)


# A post or statement by someone, opening the sentence that quotes it: "A screenshot of a tweet by the
# Prime Minister of Israel's office, saying in part: "...""
_POSTED_BY = re.compile(
    r"^\W*(?:An?|The)\s+(?:screenshot\s+of\s+an?\s+)?(?:tweet|post|statement|message|video)\s+(?:by|from)\s+(?P<who>[^,;:“”\"]{3,80}?)\s*,")


def _posted_by(opening: str) -> str | None:
    """Whose post or statement the sentence opening with it quotes (see _POSTED_BY)."""
    found = _POSTED_BY.match(_last_sentence(opening))
    return speaker_from(found.group("who")) if found else None


# A body named before, pointed at by its kind, opening a sentence and acting: "The forum said ..."
_THE_BODY_OPENS = re.compile(rf"\W*The\s+(forum|movement|ministry|office|embassy|{'|'.join(_MEDIA)})\s+(?:also\s+)?[a-z]+\b")
# ... or a group described: "The Palestinian resistance group said Wednesday ... / "...," it said"
_GROUP_OPENS = re.compile(rf"\W*(?P<who>The\s+(?:[\w-]+\s+){{1,3}}?(?:group|movement|organi[sz]ation))"
                          rf"\s+(?:also\s+)?(?:{_SAY}|[a-z]+ed|[a-z]+s)\b")


# A relative of someone, opening a sentence: "The mother of hostage ", "The father of slain soldier "
_KIN_OF_OPENS = re.compile(
    rf"^\W*(?:The|A|An)\s+(?:[\w-]+\s+)?(?:{_RELATIVES})\s+of\s+(?:(?:the\s+)?(?:late\s+|slain\s+|killed\s+|released\s+|kidnapped\s+|abducted\s+)?"
    r"(?:hostage|captive|soldier|former\s+hostage|Israeli\s+hostage)\s+)?$")


# ... or a relative of someone named, who opens the sentence and acts: "Matan Zangauker's mother, Einav,
# who became ..., held her son for several minutes".
_OWNER_KIN_OPENS = re.compile(
    rf"^\W*(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})['’]s\s+(?P<kin>{_RELATIVES})"
    r"(?:,\s+(?P<first>[A-Z][\w-]+),)?(?:\s+who\s+[^,.;]{1,120},)?\s+(?:[a-z]+ly\s+)?(?!(?:of|and|or|in|at|who|was|is)\b)[a-z]+\b")


# What sets off one name as a person's: an age or a description of someone ("Mahmoud, 38, a father of five,").
# What a person quoted for who they are is: "a teacher", "the grandmother" (see _SOMEONE_AGED too).
_WHAT_SOMEONE_IS = "grandfather|grandmother|widow|resident|teacher|doctor|nurse|student|farmer|fisherman|driver|shopkeeper"
_SOMEONE_DESCRIBED = re.compile(
    rf"\s*(?:\d{{1,3}}(?:,|$)|an?\s+(?:[\w-]+\s+){{0,2}}(?:father|mother|engineer|worker|{_WHAT_SOMEONE_IS})\b)")


def _subject_before(text: str, people: set[str], passive: bool = False, acts: re.Pattern = _ACTS,
                    person: bool = False) -> str | None:
    """The person who acts in the last sentence of `text` (see _first_subject); of two clauses joined
    by "and", each with its own subject and verb, the later one's, nearer what follows ("Netanyahu
    dismissed the statement as “more spin” and Bahbah acknowledged that ... / “...,” he said": Bahbah)."""
    first = _first_subject(text, people, passive, acts, person)
    if first is None or "and" not in text:
        return first  # most sentences: no second clause to look for
    last = _last_sentence(text)
    joins = list(_AND_CLAUSE.finditer(last))
    if joins:
        at = last.find(first.split()[-1])
        between = last[at + len(first.split()[-1]) : joins[-1].start()] if at >= 0 else ""
        rest = last[joins[-1].end() :]
        # the first subject has a clause of its own (not "Trump and Netanyahu met"), and the later one opens
        # its clause, its verb right after it (not "in calls with ... and Egypt's President Sisi, said")
        if re.search(r"\b[a-z]{3,}\b", between) and _OPENS_CLAUSE.match(rest):
            later = _first_subject(rest, people, passive, acts, person)
            if later and rest.startswith(later):
                return later
    return first


# "... and Bahbah acknowledged": a clause of its own after "and", opening with a capital
_AND_CLAUSE = re.compile(r"(?:,\s*|\s+)and\s+(?=[A-Z])")
_OPENS_CLAUSE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+[a-z]{3,}")  # a name, then its verb


def _first_subject(text: str, people: set[str], passive: bool = False, acts: re.Pattern = _ACTS,
                   person: bool = False) -> str | None:
    """The first person who acts in the last sentence of `text` (the paragraph before a quote);
    with `passive`, also one something was done to ("X was freed. '...,' her mother said"); with
    `person`, never a body ("The Associated Press reported that Karoline Leavitt confirmed ...")."""
    last = _last_sentence(text)
    kin = _OWNER_KIN_OPENS.match(last)
    if kin and _is_name(kin.group("owner")):  # "Matan Zangauker's mother, Einav, ..., held her son": the mother
        return f"{kin.group('owner')}’s {kin.group('kin')}" + (f", {kin.group('first')}" if kin.group("first") else "")
    for found in acts.finditer(last):
        if found.group("passive") and not passive:
            continue
        if found.group("verb") in _TITLE_WORDS:
            continue  # "Islamic Jihad leader ...": a title, not a verb
        if found.group("who") in _HONORIFIC_PRONOUNS:
            continue  # "His Excellency added": he, whom the caller resolves
        if last[max(0, found.start() - 3) : found.start()] == "of ":
            if _AFTER_PLACE_OF.search(last, max(0, found.start() - 40), found.start()) and (apposed := _apposed_person(found)):
                return apposed  # "In the southern city of Khan Younis, Samir Odeh, 41, ... queued": he acts
            continue  # "The office of Prime Minister Benjamin Netanyahu said": the office acts, not he
        if _OBJECT_BEFORE.search(last, max(0, found.start() - 40), found.start()):
            continue  # "This source, on the plan presented by US President Joe Biden, said": Biden is acted for
        if found.group("who").endswith(("’s", "'s")):
            continue  # "... dismissed President Donald Trump’s recent threats": whose threats, not who acts
        kin = _KIN_OF_OPENS.match(last[: found.start()])
        if kin:  # "The mother of hostage Matan Zangauker, Einav, addressed the rally": the mother acts, not her son
            apposed = _trailing_name((found.groupdict().get("apposed") or "").split())
            return " ".join(apposed).strip("’'") if apposed else _lowered_first(
                f"{kin.group()}{' '.join(_trailing_name(found.group('who').split()))}")
        if _AFTER_PLACE_WORD.search(last, max(0, found.start() - 8), found.start()):
            # "Several posters in Tel Aviv criticised": a place; but a name set off after a place ends
            # a description ("A senior Hamas official in Beirut, Ahmed Abdel Hadi, denied")
            apposed = _apposed_person(found)
            if apposed:
                return apposed
            continue
        who = found.group("who").split()
        if who[0].lower() in _ADVERBIAL:
            # "In Washington, DC, US President Donald Trump, who has met ..., stated": the person
            # is set off by commas after the place
            for part in (found.groupdict().get("apposed") or "").split(","):
                name = _trailing_name(part.split())
                if _named_person(name):
                    return " ".join(name).strip("’'")
            continue
        name = _trailing_name(who)
        if person and name and (name[0] == "The" or any(_bare(t) in _NO_PERSON for t in name)):
            # a body, unless a person is set beside it ("A senior official of the Palestinian
            # Authority, State Minister of Foreign Affairs Varsen Aghabekian, also said"); a
            # person's title may name one ("White House Press Secretary Karoline Leavitt")
            apposed = _trailing_name((found.groupdict().get("apposed") or "").split())
            if _named_person(apposed):
                return " ".join(apposed).strip("’'")
            continue
        if len(name) == 1 and name[0].lower() in _NATIONALITIES:
            continue  # "The Egyptian leader reaffirmed": a nationality is no one
        titled = len(name) == 1 and len(who) > 1 and _bare(who[-2]) in _TITLE_WORDS \
            and _bare(name[0]) not in _TITLE_WORDS  # "Former President Trump"; not "the Prime Minister"
        described = len(name) == 1 and _SOMEONE_DESCRIBED.match(found.groupdict().get("apposed") or "") is not None
        if name and _is_name(" ".join(name)) and (len(name) > 1 or name[0] in people or titled or described):
            return " ".join(name).strip("’'")  # ... one name set off by an age or a description: "Mahmoud, 38, a father of five,"
    among = _AMONG_THEM.match(last)  # "Among them is Dana Levi, whose son ...": she is the one introduced
    if among and _named_person(among.group("who").split()):
        return among.group("who")
    return None


# Someone introduced with the subject after the verb: "Among them was Dana Levi", "One of them is Ruth Cohen, 45".
_AMONG_THEM = re.compile(
    r"^(?:Among|One\s+of)\s+(?:them|those|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:is|was)\s+"
    r"(?P<who>[A-Z][a-z’'-]+(?:\s+(?:al-|el-|bin\s+|abu\s+)?[A-Z][\w’'-]+)+)(?=[,.;]|\s+(?:who|whose)\b|$)")


def _named_person(name: list[str]) -> bool:
    """Whether a name's words (see _trailing_name) name a person in full, not a body."""
    return len(name) > 1 and _is_name(" ".join(name)) and not any(_bare(t) in _NO_PERSON for t in name)


# Words in single quotation marks ('...' or ‘...’), as British papers quote: the opening mark after a
# space or a dash, the closing one before a space or punctuation; an apostrophe inside a word
# ("America’s", "don't") is no closing mark.
_SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))([‘'])((?:[^‘’'\n]|[’'](?=[A-Za-z]))+?)([’'])(?=[\s,.;:!?)\]—–]|$)")


def _doubled(found: re.Match) -> str:
    """A quotation in single marks in double ones, the same length, so every position stays (a word
    so marked too: "described Hamas as “hardheaded” and said" is read as the double marks are)."""
    return f"“{found.group(2)}”"


def quotes_in(article: Article) -> list[tuple[str, str | None, int]]:
    """(quote text, speaker or None, paragraph number) for each direct quote in an article.
    "He said" is the person who acts in the paragraph's sentence before the quote, else the last
    person the article quoted or had speak; a quote right after another one in the same
    paragraph, with no attribution of its own, has the same speaker, and so does a paragraph
    that is only a quote after a paragraph that a quote closed."""
    out: list[tuple[str, str | None, int]] = []
    paragraphs = _continued_quotes(article.paragraphs)  # a property that splits the text: once
    quoted = [number for number, paragraph in enumerate(paragraphs) if _QUOTED.search(paragraph)]
    if not quoted:  # a paper that quotes in single marks, as British ones do: read them as double ones
        paragraphs = [_SINGLE_QUOTED.sub(_doubled, paragraph) for paragraph in paragraphs]
        quoted = [number for number, paragraph in enumerate(paragraphs) if _QUOTED.search(paragraph)]
    if not quoted:
        return out
    people, bodies = _people(article)
    surnames = {_surname(name) for name in people}  # "Ansari" is the article's "Majed al-Ansari"
    last_person: str | None = None
    last_said: tuple[str, int] | None = None  # whoever spoke last, a body too, and in which paragraph
    lone: tuple[str, int] | None = None  # the last speaker named by one word the article never gives in full
    bearers: dict[str, list[str]] = {}  # a surname's full names in the whole article, found once per surname

    def remember(who: str | None) -> None:
        nonlocal last_person, last_said, lone
        if who in _HONORIFIC_PRONOUNS:
            return  # "His Excellency said" names no one: the one it points to stays the last named
        if who and len(who.split()) >= 2 and not _DOCUMENT.search(who):  # one word is too often a title cut from a body
            last_said = (_inside_sentence(who), number)
        if who and " " not in who and who[:1].isupper() and _may_be_surname(who) and not _PRONOUN.match(who) \
                and who.lower() not in _NATIONALITIES and who not in bodies:
            lone = (who, number)  # "Biden told journalists": a body too ("Hamas said"), or a person
        if who and _is_name(who) and (len(who.split()) > 1 or who in people or _surname(who) in surnames) and not any(
                _bare(token) in _NO_PERSON for token in who.split()):
            if " " in who or not last_person or _surname(last_person.split()[-1]) != _surname(who):
                last_person = who  # not "Ansari" for "Majed al-Ansari" just named

    def heard(paragraph: str, start: int, end: int) -> None:
        """Who speaks in paragraph[start:end] outside quotation marks; after someone unnamed ("his
        mother said"), "she said" is no longer the last person named."""
        nonlocal last_person, lone
        if _SAID.search(paragraph, start, end):  # else no one speaks here, and _SPEAKS is slow to find that
            for said in _SPEAKS.finditer(paragraph, start, end):
                remember(_speaking(said, paragraph))
        for unnamed in _KIN_SPEAKS.finditer(paragraph, start, end):
            if paragraph[start : unnamed.start()].strip(" ,"):  # not the attribution of the quote before
                last_person = lone = None

    carried: str | None = None  # who spoke the quote that ended the paragraph before
    for number, paragraph in enumerate(paragraphs[: quoted[-1] + 1]):  # who speaks after the last quote tells nothing
        cursor = 0
        previous: str | None = None
        spoken = False  # the paragraph's last quote is one (not a name in quotation marks)
        part: tuple[str, bool] | None = None  # the quote before in this paragraph, and whether it was listed
        # a paragraph that is only a quote goes on with the speaker of the quote that closed the
        # paragraph before ("...," Netanyahu said. / "There has been some movement.")
        only_quote = _QUOTED.fullmatch(paragraph.strip().removesuffix(".")) is not None  # (a full stop after the mark too)
        for match in _QUOTED.finditer(paragraph):
            heard(paragraph, cursor, match.start())
            text = next(g for g in match.groups() if g is not None).strip()
            speaker = _attribution(paragraph, match.start(), match.end())
            opening = paragraph[: match.start()]  # the paragraph up to the quote
            if speaker is None and (_PARTICIPLE.search(paragraph, max(0, match.start() - 70), match.start()) or (
                    _pronoun_opening(opening) and _PARTICIPLE_AFTER_QUOTE.search(paragraph, max(0, match.start() - 70), match.start()))):
                # the sentence's subject: a person, "he" or "she" (resolved below), or a body ("Netanyahu's
                # office said it was ..., adding: "...""; "The Israel Defence Forces confirmed the handover, stating")
                speaker = _subject_before(opening, people) or _subject_before(opening, people, acts=_ACTS_ANY) \
                    or _pronoun_opening(opening) or _titled_subject(opening, paragraphs, number, match, people) \
                    or _body_before(opening, article.text, people) or _plural_subject(opening) or _described_actor(opening) \
                    or _posted_by(opening)
            elif speaker is None and _INTRODUCED.search(paragraph, max(0, match.start() - 4), match.start()):
                speaker = _introducer(opening, people) or _titled_subject(opening, paragraphs, number, match, people)
            elif speaker is None and number and not opening.strip() and _INTRODUCED.search(paragraphs[number - 1]):
                # ... in the paragraph before, when the quote stands as a paragraph of its own: "Trump
                # expressed support for the committee via Truth Social, stating: / "I support ...""
                introducing = paragraphs[number - 1].rstrip()
                speaker = _attribution(introducing, len(introducing), len(introducing)) or (  # "Netanyahu said:"
                    _subject_before(introducing, people) or _subject_before(introducing, people, acts=_ACTS_ANY)
                    if _PARTICIPLE.search(introducing) else None) or _introducer(introducing, people)
            between = paragraph[cursor : match.start()]
            if speaker == "another":  # "..., one US official said, while another added: "..."": someone
                speaker = _another(previous) or _NO_ONE  # else, like the one before
            if speaker in _HONORIFIC_PRONOUNS:  # "His Excellency said": whom the article so addresses, else he
                speaker = _addressed(_text_before(paragraphs, number, opening)) or _HONORIFIC_PRONOUNS[speaker]
            if speaker in ("the group", "the organization", "the organisation"):
                speaker = "it"  # a body, like "it"
            elif speaker and _GROUP_DESCRIBED.fullmatch(speaker):  # "the terror group": the body the text
                speaker = _body_before(opening or (paragraphs[number - 1] if number else ""),
                                       article.text, people) or speaker  # names before, else the description
            issuer_named = _NAMED_DOCUMENT.match(speaker) if speaker else None
            if issuer_named:  # "the Hamas statement added": Hamas's
                speaker = issuer_named.group("issuer")
            elif speaker and _DOCUMENT.search(speaker) and (speaker.startswith("the ") or _A_DOCUMENT.match(speaker)):
                # "the (joint) statement", "a statement" (a joint one is of several, whom the text names):
                # of whoever the quote's own paragraph says issued it ("Hamas said in a statement that ...
                # "...," the statement said"), else of whoever spoke last, here or a paragraph before, else
                # of whoever the sentences just before say issued it
                speaker = (_issuer(opening, article.text, people) if opening.strip() else None) or (
                    last_said[0] if last_said and last_said[1] >= number - 1 else None) or _issuer(
                    _text_before(paragraphs, number, opening), article.text, people)
            elif speaker and _SOMEONE_AGED.fullmatch(speaker):
                # "the 53-year-old told AFP", "the grandmother said": whom this paragraph or the one
                # before has act ("Umm Khaled al-Masri said she had stopped following the news"), else the
                # person who spoke there, else no one
                told = _text_before(paragraphs, number, opening, back=1)
                speaker = (_subject_before(told, people, passive=True, person=True) if told.strip() else None) or (
                    last_said[0] if last_said and last_said[1] >= number - 1 and _named_person(last_said[0].split()) else None)
            elif speaker and speaker.startswith("the ") and " " not in speaker[4:]:
                # "the forum": named in this paragraph or the one before; "the envoy", a person's title,
                # else whom the article named so before ("US envoy Steve Witkoff"); else no one, but
                # for people in the plural ("the mediators"), who are so described
                title, described = _title_only(speaker), speaker if speaker[4:] in _PEOPLE_PLURAL | _KIN else None
                # "the military", "the family": a body, whom the article named so anywhere before
                speaker = _pointed(speaker[4:], _text_before(paragraphs, number, opening, back=_chain(paragraphs, number, speaker))) or (
                    _titled_around(title, paragraphs, number, match, people) if title else None) or (
                    _pointed(speaker[4:], _text_before(paragraphs, number, opening))
                    if speaker[4:] in _BODY_NOUNS | {*_KIN_GROUPS} else None) or described or (
                    _informant(speaker[4:], paragraphs, number, opening, last_said) if speaker[4:] in _INFORMANTS else None)
            elif speaker and speaker.startswith("the ") and 2 <= len(speaker.split()) - 1 <= 3 \
                    and _bare(speaker.split()[-1]) in _POINTED_NOUNS and not _title_only(speaker):
                # "the Israeli official", "the senior official": the one described so before ("An Israeli
                # official, speaking on condition of anonymity, said"), in this paragraph or the two before
                speaker = _described_before(speaker.split()[1:], _text_before(paragraphs, number, opening, back=2)) or speaker
            if speaker == "it":  # the body that opens the sentence before, in this paragraph or the last
                said_in = opening if opening.strip() or not number else paragraphs[number - 1]
                if opening.strip() and not ends_sentence(opening.rstrip(), quote_ends=False) \
                        and _body_before(opening, article.text, people) is None:
                    # the quote's own sentence opens the paragraph with no body ("In a statement, the group
                    # said: "..."", "The top diplomat also reiterated "...," it added"): the sentence before it
                    said_in = _earlier(opening) or (paragraphs[number - 1] if number else "")
                speaker = _reported_body(_last_sentence(said_in), article.text, people, _body_before(said_in, article.text, people))
                if speaker is None:  # ... or that speaks in it: "In a statement after the vote, Hamas said ..."
                    issuer = _issuer(_text_before(paragraphs, number, opening, back=1), article.text, people)
                    speaker = issuer if issuer and _unpossessive(issuer.split()[-1]) not in people \
                        and not _FULL_NAME.fullmatch(issuer) else None
                if speaker is None and not opening.strip() and last_said and last_said[1] >= number - 1 \
                        and any(_bare(word) in _ORGANISATIONS for word in last_said[0].split()):
                    speaker = last_said[0]  # "“...,” says a statement from Netanyahu’s office. / “...,” it says."
                pointer = (speaker or "").lower().removeprefix("the ")
                if speaker is None:  # "The forum said ... / “...,” the group said": the forum named before too
                    opened = _THE_BODY_OPENS.match(_last_sentence(said_in))
                    pointer = opened.group(1).lower() if opened else ""
                if pointer in _POINTED_NOUNS:  # "The Forum said ... . / “...,” it added.": the forum named before
                    speaker = _pointed(pointer, _text_before(paragraphs, number, opening)) or speaker
                if speaker is None and (described := _GROUP_OPENS.match(_last_sentence(said_in))):
                    speaker = _lowered_first(described.group("who"))
            elif speaker in ("he", "she"):  # else, for a paragraph that opens with the quote or the pronoun,
                # who acted last in the paragraph before ("Mr. Vance ... expressed optimism")
                told = ""  # what came just before, where someone may act: "... Netanyahu welcomed Bibas. He added, "...""
                if _PRONOUN_OPENS.match(_last_sentence(opening)):
                    told = _earlier(opening)
                if not told and number and (not opening.strip() or _PRONOUN_OPENS.match(opening)):
                    told = paragraphs[number - 1]
                    if not opening.strip() and _PRONOUN_OPENS.match(_last_sentence(told)) and _INTRODUCED.search(told):
                        told = _earlier(told) or told  # "Trump described it as ... . He said: / "..."": the one before "he"
                before = _subject_before(told, people, person=True) if told else None
                if before is None and told and _ASKED.search(_last_sentence(told)):  # "Ghazi Hamad ... was interviewed"
                    before = _subject_before(told, people, passive=True, person=True)
                if before is None and told and _PRONOUN_REPORTS.search(_last_sentence(told)):
                    # "Netanyahu issued a statement ... . Israel gave it to mediators in July, he said.": whom
                    # that "he" is, the sentence before tells
                    before = _subject_before(_earlier(told), people, person=True)
                if before is None and (acting := _TITLE_ACTS.search(_last_sentence(told or opening))):
                    # "Earlier this month, the premier expressed optimism ... / “...,” he said": the one the
                    # article gave that title
                    title = _title_only(_lowered_first(acting.group("who")))
                    before = _titled_around(title, paragraphs, number, match, people) if title else None
                # "The official added, "..." / He continued, "..."": the one just described, not the last named
                described = last_said[0] if last_said and last_said[1] in (number - 1, number) and before is None \
                    and (_DESCRIBED_PERSON.fullmatch(last_said[0]) or _KIN_OF.match(last_said[0])) else None  # "the father of hostage ..."
                speaker = _subject_before(opening, people) or _addressed_by_honorific(opening, article.text, bearers) or (  # "Trump was asked about it. "...," he said"
                    _subject_before(opening, people, passive=True) if _ASKED.search(_last_sentence(opening)) else None) or _described_subject(opening) or (
                    _described_subject(opening, definite=True) if opening.strip() else None) or (  # "The Egyptian official, ..., said ... "...," he said"
                    before if _newcomer(before, last_person, told) else None) or described or (
                    _described_subject(told) if told and before is None else None) or last_person or before or (
                    lone[0] if lone and lone[1] >= number - 1 and not _FULL_NAME.search(opening) else None) or (  # "he": a person
                    _described_subject(told, definite=True) if told else None) or (  # "The Egyptian official said ..."
                    _acts_after(paragraphs, number, opening, people) if number < LEAD_QUOTE and last_person is None else None)
            elif speaker == "i":  # an interview's transcript: "Jared Kushner: And I said, "...""
                label = _TRANSCRIPT_LABEL.match(paragraph)
                speaker = label.group("who") if label and _is_name(label.group("who")) else None
            elif speaker == "they":  # a family the sentences just before name ("David's family has approved ...");
                # else no one: "they" is too often people the text never names
                told = _text_before(paragraphs, number, opening, back=2)
                kin, owner = next(((kin, owner) for kin in _KIN_GROUPS if (owner := _owner_before(kin, told))), ("family", None))
                sentences = _SENTENCE_END.split(told.strip())
                if owner is None and len(sentences) > 1 and _FAMILY_OF_PRONOUN.search(sentences[-1]):
                    # "Alexander ... was abducted on Oct. 7. His family thanked Trump ... “...,” they said."
                    owner = _subject_before(sentences[-2], people, passive=True, person=True)
                speaker = f"{owner}’s {kin}" if owner else _spokespeople(
                    _last_sentence(opening if opening.strip() or not number else paragraphs[number - 1]))
            elif speaker and speaker.split()[0] in ("his", "her"):  # "his office said", "his mother said"
                owned = speaker.split(None, 1)[1] if " " in speaker else ""
                owner = _subject_before(opening, people, passive=True) \
                    or (last_person if _bare(owned) in _BODY_NOUNS else None) \
                    or (lone[0] if lone and lone[1] == number and _bare(owned) in _BODY_NOUNS else None)  # "Netanyahu said ..."
                if owner is None and _bare(owned) in _BODY_NOUNS:  # "Netanyahu's office called ... / "...," his office added"
                    owner = _owner_before(owned, _text_before(paragraphs, number, opening, back=1))
                if owner is None and _bare(owned) in _BODY_NOUNS and number:
                    # "Netanyahu ordered the army to keep fighting. / In a statement, his office said: "..."": whom the
                    # sentence before has act
                    owner = _subject_before(_last_sentence(paragraphs[number - 1]), people, passive=True, person=True)
                speaker = f"{owner}’s {owned}" if owner and owned else None
            elif speaker is None and previous is not None and (
                    not between.strip(" ,.;:") or (_one_attribution(between) and (_SAID.search(between) or _STATEMENT_READS.match(between) or _QUOTED_AS.search(between)))
                    or _closed_by_quote(between)):
                speaker = previous  # "...," she said. "Second sentence."
            elif speaker is None and (only_quote or (previous is None and not opening.strip() and (
                    _mark_inside(paragraph, match.end()) in (".", "!", "?") or _PARTICIPLE_NEXT.match(paragraph, match.end())))):
                # a paragraph that opens with a whole quote, its sentences ended inside it ("“... there is a date.”
                # He did not specify the date.") or by what its speaker did in saying it ("“...,” repeating
                # his stance ...") goes on too; "“...,” Netanyahu went on" names its speaker
                speaker = carried
            if speaker is None:  # "Netanyahu said ... that ... . "At the beginning ...""; "Trump wrote that Hamas was "...""
                speaker = _reporting(opening, people, surnames)
                sentence = _last_sentence(opening) if speaker is None and text[:1].islower() and opening.strip() else ""
                if _SAID.search(sentence):
                    # words cut from a sentence whose body speaks: "Hamas said Israel bore “full responsibility ...”",
                    # unless someone named after it does ("Israel recalled its team, with envoy Steve Witkoff accusing")
                    speaker = _body_before(sentence, article.text, people)
                    if speaker and _FULL_NAME.search(sentence, sentence.find(speaker.split()[-1]) + len(speaker.split()[-1])):
                        speaker = None
                    speaker = _reported_body(sentence, article.text, people, speaker)
                if speaker in _HONORIFIC_PRONOUNS:
                    speaker = _addressed(_text_before(paragraphs, number, opening))
                elif speaker is None and _PRONOUN_REPORTS.search(_last_sentence(opening)):
                    # "But he added that if the group did not cooperate, "...""; "he" is whom the sentence
                    # before describes ("A Hamas leader told AFP ... He noted that "...""), else the last named
                    speaker = _described_subject(_earlier(opening)) or last_person
                if speaker is None and only_quote and number and not text.isupper() and not _quotes_whole(paragraphs[number - 1]):
                    # a paragraph that is only a quote, after one that reports someone's words without quoting
                    # them ("Marzuk said the medicines would go to hospitals. / "The trucks will enter ...""): theirs
                    reported = paragraphs[number - 1]
                    speaker = _reporting(reported, people, surnames) or _title_reports(reported) or _body_reports(
                        reported, article.text, people) or (
                        # "Mediators have engaged with both sides, he said. / "We hope ...""
                        _described_subject(_earlier(reported)) or last_person
                        if _PRONOUN_REPORTS.search(_last_sentence(reported)) else None)
            if speaker == _NO_ONE:
                speaker = None
            title = _title_only(speaker)
            if title:  # "the US president added": the one the article named so before
                speaker = _titled_around(title, paragraphs, number, match, people) or speaker
            if speaker and " " not in speaker and last_person and " " in last_person \
                    and last_person.split()[-1] == speaker and _shared_surname(speaker, article.text):
                speaker = last_person  # Leah Goldin spoke, then "Goldin recalled", in a story on her son Hadar Goldin
            remember(speaker)
            previous = speaker
            cursor = match.end()
            if part and part[0].endswith(",") and part[0][:1].isupper() and _SPLIT_BY.fullmatch(between):
                # one sentence the attribution splits: "“Through our Qatari and Egyptian partners,” he
                # explained, “Hamas was told ...”" is one quote, its first part no quote of its own
                # (but a phrase in quotation marks is none: "Calling it “a pause,” Al Thani said, “...”")
                text = f"{part[0].rstrip(',').rstrip()}, {text}"
                if part[1]:
                    out.pop()
            part = (text, False)
            titled = _TITLED.search(paragraph, max(0, match.start() - 20), match.start())
            if len(words(text)) < MIN_WORDS or not text[:1].isupper() or titled \
                    or _title_cased(text) or (only_quote and speaker is None and text.isupper()):
                # a name or a phrase in quotation marks, or a subheading in capitals set off as a
                # paragraph ("NETANYAHU BLOCKED ATTEMPTS TO REACH AN AGREEMENT"): no one speaks it;
                # words cut from a sentence are spoken, by whoever speaks them, but are no quote of
                # their own ("he added, explaining that “the proposal has taken into account ...”")
                spoken = speaker is not None and text[:1].islower() and len(words(text)) >= MIN_WORDS and not titled
                if spoken and len(words(text)) >= MIN_PART_WORDS and _names_a_speaker(speaker) \
                        and not _spoken_after(speaker, paragraph, match.end()):
                    # ... but listed as a part, after an ellipsis, when they say enough and whose they are is
                    # clear: Netanyahu's office said the team was sent "to advance a deal for the release of
                    # our hostages"
                    out.append((PART_MARK + text.rstrip(",").strip(), _inside_sentence(speaker), number))
                continue
            spoken = True
            part = (text, True)
            out.append((text.rstrip(",").strip(), _inside_sentence(speaker) if speaker else speaker, number))
        heard(paragraph, cursor, len(paragraph))
        carried = previous if spoken and _closed_by_quote(paragraph[cursor:]) else None
    # A quote that goes on into the next paragraph is the speaker's its end names there: ""Well, as
    # you saw, ... / "We don't have months anymore ...," Rubio told reporters."
    closed = {number for number, (mine, theirs) in enumerate(zip(paragraphs, article.paragraphs)) if mine != theirs}
    for k, (text, speaker, number) in enumerate(out):
        if speaker is None and number in closed:
            named = next((who for _, who, at in out[k + 1 :] if at == number + 1), None)
            if named:
                out[k] = (text, named, number)
        elif speaker and " " not in speaker and speaker[:1].isupper() \
                and len({full.split()[0][:3].lower() for full in _bearers(speaker, article.text, bearers)}) > 1:  # not Steve and Steven
            # a surname two people of the article share is the one it named last before the quote: "Ronit
            # Weiss ... / “...,” Weiss told CNN" is Ronit Weiss, though Daniel's father, Avi Weiss, comes later
            # (a surname one person has is left to the group, which gives every article's quotes one name)
            before = _named(speaker, "\n\n".join(paragraphs[: number + 1]))
            if before:
                out[k] = (text, before[-1], number)
    return out


# Someone described by age or by what they are, not by a title: "the 53-year-old", "the grandmother".
# (not "the mother" or "the father": a hostage's, whom the text names by the hostage)
_SOMEONE_AGED = re.compile(
    rf"the\s+(?:\d{{1,3}}-year-old(?:\s+[a-z]+)?|(?:[a-z]+\s+)?(?:woman|man|survivor|teenager|girl|boy|{_WHAT_SOMEONE_IS}))")
# A person the sentence names with an honorific, acting or not: "For Mr Hassouna, the diplomacy feels remote."
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+(?P<surname>[A-Z][\w'’-]+)")


def _addressed_by_honorific(opening: str, text: str, bearers: dict[str, list[str]]) -> str | None:
    """The one person the sentence before a quote in its own paragraph names as "Mr Hassouna", in
    full as the article gives them ("Ahmed Hassouna"), for a "he" or "she" that follows."""
    named = {found.group("surname") for found in _HONORIFIC_NAME.finditer(_last_sentence(opening))} if opening.strip() else set()
    if len(named) != 1:
        return None
    surname = named.pop()
    full = [name for name in _bearers(surname, text, bearers) if not _HONORIFIC_NAME.match(name)]  # not "Mr Hassouna" again
    return full[-1] if len(full) == 1 else None


def _names_a_speaker(speaker: str | None) -> bool:
    """Whether a speaker found for words cut from a sentence names someone: a name or a body ("Israel
    Katz", "Hamas", "the Red Cross"), an office ("Netanyahu's office"), people described ("an Israeli
    official", "Western diplomats"), not the words an attribution left behind ("Crucially for
    Israel's", "Israel's continued use of starvation", "An Egyptian")."""
    if not speaker or speaker == _NO_ONE or speaker.lower() in ("he", "she", "it", "they", "i"):
        return False
    tokens = speaker.split()
    if tokens[0].lower() in ("a", "an", "one") and len(tokens) < 3:
        return False  # "An Egyptian" (official, cut off)
    if tokens[0].lower() in _OPENING_WORDS or tokens[-1].endswith(("'s", "’s")) or _DAY_OR_MONTH.fullmatch(tokens[-1]):
        return False  # "On Friday", "When Joe Biden", "Hamas's": a sentence's opening, not who speaks
    if tokens[0].lower() in ("the", "a", "an", "one"):  # not "the report indicated", "the American site"
        return tokens[-1][:1].isupper() or _DESCRIBED_PERSON.fullmatch(speaker) is not None or bool(_title_only(speaker))
    return _is_name(speaker) or _OWNED_BODY.fullmatch(speaker) is not None or _SPOKESPEOPLE_NAMED.fullmatch(speaker) is not None


# A new clause right after words cut from a sentence: "... “when one party assassinates the negotiator”,
# while Egypt's Foreign Ministry said ..."
_CLAUSE_AFTER = re.compile(r"[,;]?\s*(?:while|whereas)\s+(?P<clause>[^.;“”\"]{1,100})", re.I)


def _spoken_after(speaker: str, paragraph: str, end: int) -> bool:
    """Whether `speaker`, found for words cut from a sentence that end at `end`, is the one who speaks
    in a new clause after them ("..., while Egypt's Foreign Ministry said"): not theirs."""
    clause = _CLAUSE_AFTER.match(paragraph, end)
    return clause is not None and _unpossessive(speaker.split()[-1]) in clause.group("clause")


# Words that open a sentence before its speaker, never one themselves: "On Friday", "When Joe Biden".
_OPENING_WORDS = frozenset({"on", "in", "at", "when", "after", "as", "for", "by", "with", "since", "during", "while", "if",
                            "before", "but", "and", "then", "meanwhile", "earlier", "later", "last", "this", "that"})
_DAY_OR_MONTH = re.compile(rf"{WEEKDAY_NAME}|{MONTH_IN_DATE}", re.I)
_OWNED_BODY = re.compile(
    r"(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s?\s+(?:office|ministry|spokes(?:man|woman|person)|government|army|military)")


def _bearers(surname: str, text: str, found: dict[str, list[str]]) -> list[str]:
    """_named(surname, text), kept in `found` for the article's next quote by the same surname."""
    if surname not in found:
        found[surname] = _named(surname, text)
    return found[surname]


def _named(surname: str, text: str) -> list[str]:
    """The full names ending in `surname` that `text` gives, titles left out, each once, in the order
    of their last mention."""
    found: dict[str, None] = {}
    for name in _FULL_NAME.finditer(text):
        person = _trailing_name(name.group().split())
        if len(person) > 1 and _unpossessive(person[-1]) == surname and _is_name(" ".join(person)) \
                and person[0].lower() not in stop_words("english"):  # not "Under Trump"
            full = " ".join(person[:-1] + [_unpossessive(person[-1])])
            found.pop(full, None)
            found[full] = None
    return list(found)


def _continued_quotes(paragraphs: list[str]) -> list[str]:
    """`paragraphs` with a quote that goes on into the next paragraph closed where its paragraph
    ends, as print does it: "... told AFP: “It’s a relief. It’s time to mourn. / “In Israel, no one
    is forgotten.”" (the opening mark again, no closing mark before it), in straight marks too when
    the paragraph's last one opens a sentence. Then the next paragraph, a quote alone, goes on with
    the same speaker (see quotes_in)."""
    out = list(paragraphs)
    for number, (paragraph, following) in enumerate(zip(paragraphs, paragraphs[1:])):
        opened = paragraph.rfind("“")
        # not where the closing mark was lost to a damaged character ("withdrawal,\ufffd a Palestinian official told")
        if following.lstrip()[:1] == "“" and opened > paragraph.rfind("”") and "\ufffd" not in paragraph[opened:]:
            out[number] = paragraph.rstrip() + "”"
        elif following.lstrip()[:1] == '"' and paragraph.count('"') % 2 and _opens_quote(paragraph, paragraph.rfind('"')):
            out[number] = paragraph.rstrip() + '"'  # the same in straight marks: "It continued: "We reaffirm ... / "This right ..."
    return out


def _opens_quote(paragraph: str, at: int) -> bool:
    """Whether the straight mark at `at` opens a quote: at the paragraph's start or after a space,
    colon, bracket or dash, and before a capital."""
    return (at == 0 or paragraph[at - 1] in " \t:(—–-") and paragraph[at + 1 : at + 2].isupper()


def _earlier(opening: str) -> str:
    """`opening` without its last sentence."""
    sentences = _SENTENCE_END.split(opening.strip())
    return opening.strip()[: len(opening.strip()) - len(sentences[-1])] if len(sentences) > 1 else ""


def _newcomer(person: str | None, last: str | None, paragraph: str) -> bool:
    """Whether `person`, who acts in `paragraph` (the one before a quote that "he" or "she" said),
    is whom the pronoun means rather than `last`, the person the article had speak last: someone
    else, and the paragraph neither names `last` ("Netanyahu's remarks came after ...") nor
    opens its last sentence with a pronoun ("She suggested President Donald Trump deserved credit")."""
    if person is None or last is None:
        return False
    if ({_bare(word) for word in person.split()} - _HONORIFICS) & {_bare(word) for word in last.split()}:
        return False  # "Sheikh Mohammed" of "Mohammed bin Abdulrahman Al Thani": one person
    sentence = _last_sentence(paragraph)
    return not _PRONOUN_OPENS.match(sentence) and not re.search(
        rf"\b{re.escape(_unpossessive(last.split()[-1]))}\b", paragraph)


def _chain(paragraphs: Sequence[str], number: int, described: str, most: int = 3) -> int:
    """How many paragraphs back "the official" of paragraph `number` may point: to the one before,
    and past each paragraph before that speaks of "the official" too (a senior official told
    Al-Monitor ... / The official said that ... / "...," the official said), up to `most`."""
    back = 1
    pattern = re.compile(rf"\b{re.escape(described)}\b", re.I)
    while back < most and number - back >= 0 and pattern.search(paragraphs[number - back]):
        back += 1
    return back


_SPOKES = ("spokesperson", "spokesman", "spokeswoman")  # officials too, who speak for others
_INFORMANTS = ("source", "official", "adviser", "advisor", "aide")  # people unnamed who inform, one another's "the official"
_INFORMANT_SPOKE = re.compile(rf"(?:a|an|one|another)\s+(?:[\w'’.-]+\s+){{0,4}}?(?:{'|'.join(_INFORMANTS)})\b")


def _described_before(words: list[str], before: str) -> str | None:
    """The last description of someone unnamed in `before` that holds `words` in their order, its
    noun last ("an Israeli official" for "the Israeli official", "a senior Israeli official" for
    "the senior official"), in lower case after its first word."""
    gaps = r"\s+(?:[\w'’.-]+\s+){0,2}?".join(re.escape(word) for word in words)
    found = None
    for found in re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’.-]+\s+){{0,2}}?{gaps}\b", before):
        pass
    return _lowered_first(found.group()) if found else None


def _informant(noun: str, paragraphs: Sequence[str], number: int, opening: str,
               last_said: tuple[str, int] | None) -> str | None:
    """Whom "the source" or "the official" means when the text just before describes no one so:
    the informant described who spoke last, up to three paragraphs back ("... quoted a high-ranking
    source as saying ... / "...," the source said. / There has been no confirmation. / "...," the
    source stressed"; "..., an adviser to the president told reporters. / (a caption) / "...," the
    official added"), else another kind just described ("..., according to an official briefed on
    the talks. / "...," the source confirmed"; "A second US adviser said ... "...," the official said"),
    else, further back, the one source or official the article describes ("a source close to
    negotiations told AFP" five paragraphs before), when it describes no other."""
    others = [other for other in _INFORMANTS if other != noun]
    if noun == "official":  # "the Foreign Ministry's spokesperson emphasized ... / "...," the official said"
        others += _SPOKES
    here = next((who for other in others if (who := _pointed(other, opening))), None)  # in the quote's own paragraph
    if here:
        return here
    if last_said and last_said[1] >= number - 3 and _INFORMANT_SPOKE.match(last_said[0]):
        return last_said[0]
    before = _text_before(paragraphs, number, opening, back=1)
    # ... and further back, the one the article describes so, if it describes no one else so
    return next((who for other in others if (who := _pointed(other, before))), None) or _pointed(
        noun, _text_before(paragraphs, number, opening), only=True)


def _one_attribution(between: str) -> bool:
    """Whether the text between two quotes is short, or one sentence of moderate length: the
    first quote's attribution, however long its appositive (", said Mohammed Abu Ghali, 34, who
    was displaced from Beit Lahiya and now lives in a tent in Deir el-Balah.")."""
    return len(between) <= 100 or (len(between) <= 220 and not _SENTENCE_END.search(between.strip()))


# A form of address in place of the name, which points back as "he" or "she" does ...
_HONORIFIC_PRONOUNS = {f"{own} {title}": pronoun for own, pronoun in (("His", "he"), ("Her", "she"))
                       for title in ("Excellency", "Highness", "Majesty")}
# ... to the one the article addresses so by name: "HE Sheikh Mohammed bin Abdulrahman Al-Thani".
_ADDRESSED = re.compile(
    rf"\b(?:HE|H\.E\.|(?:His|Her) (?:Excellency|Highness|Majesty))\s+(?:(?:Sheikh|Sheikha|King|Queen|Emir|Prince|Princess)\s+)?"
    rf"(?P<name>{_NAMED})"
)


def _addressed(before: str) -> str | None:
    """The last person the text before a quote names after a form of address ("HE Sheikh ...")."""
    named = None
    for named in _ADDRESSED.finditer(before):
        pass
    return named.group("name") if named else None


# The sentence that says who issued a statement, or who spoke just before "the statement said":
# "In a statement on Friday, Hamas said ...", "Prime Minister Benjamin Netanyahu's office said ...",
# "Qatar, the United States and Egypt issued a joint statement", "In a statement, the group said".
_ISSUER_NAME = rf"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_IN_NAME}|and|of|for|the))*?"
_ISSUER = re.compile(
    r"(?:(?:Still|However|Meanwhile|Separately|Instead|Yet|But|And|Now|Then),?\s+)?"
    r"(?:(?:On|In|During|Late|Earlier|Later|After|Shortly|Soon|Hours|Minutes|Moments|Days)\b[^,“”\"]{0,70},\s+)?"  # "On Tuesday, ", "Shortly after the speech, "
    rf"(?P<who>(?P<group>the\s+(?:[a-z-]+\s+)?(?:group|movement))"
    rf"|(?P<several>[Tt]he\s+(?:two|three|four|five|six|several)\s+(?:[a-z]+\s+)?(?:countries|factions|groups|mediators|sides|parties|"
    rf"movements|governments|nations|states))"  # "The three factions issued a joint statement": theirs
    rf"|(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+)?(?:{_DESCRIBED_BODY}\s+)?(?:group|movement)\s+(?P<body>[A-Z][\w'’-]+)"  # "Palestinian militant group Hamas"
    rf"|(?:[Tt]he\s+)?{_ISSUER_NAME}(?:\s+(?:office|ministry|government|military|army|cabinet))?"
    rf"(?:,\s+(?:and\s+)?(?:the\s+)?{_ISSUER_NAME})*)"
    rf"\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:{_SAY}|confirmed|issued|released|published|put\s+out)\b"
)
# ... or whose statement a sentence cites: "According to a statement from the Prime Minister’s Office, ..."
_STATEMENT_FROM = re.compile(
    rf"\b(?:(?:[Aa]ccording to|[Ii]n|[Cc]iting)\s+(?:a|an|the)|{WEEKDAY_NAME}['’]s)\s+(?:[a-z]+\s+)?statement\s+"
    r"(?:(?:issued|released|published|sent|put out)\s+)?(?:by|from)\s+"
    r"(?P<who>(?:the\s+)?(?:(?:office|ministry)\s+of\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:and|of|for|the)\s+)?[A-Z][\w'’.-]*)*"
    r"(?:(?<=['’]s)\s+(?:[a-z]+\s+){0,2}?(?:office|ministry|government|presidency|military|army|cabinet))?"  # "Qatar's foreign ministry"
    r"|the\s+(?:[a-z]+\s+)?[a-z]+['’]s\s+(?:office|ministry|government))"  # "by the premier’s office"
)
# ... or whose statement the sentence just before opens with: "Hamas’s response, issued hours after ..., welcomed ..."
_POSSESSED_STATEMENT = re.compile(
    rf"\W*(?P<who>{_ISSUER_NAME})['’]s\s+(?:[a-z]+\s+)?(?:statement|response|reply|answer|announcement)\b")
# ... or the office a report just before credits: "Sisi and Burns met in Cairo on Tuesday, according to el-Sisi's office."
_ACCORDING_TO_OFFICE = re.compile(
    r"\b[Aa]ccording to\s+(?P<who>(?:the\s+)?(?:(?:al|el)-)?[A-Z][\w'’.-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’.-]*)*['’]s\s+"
    r"(?:office|ministry|presidency|government))\b")
_NO_ISSUER = {"it", "he", "she", "they", "we", "this", "that"}
# ... or who the sentence just before says said what it reports: "..., Netanyahu's office said on Sunday."
_SAID_AT_END = re.compile(rf",\s+(?P<who>[^,.;:“”\"]{{2,80}}?)\s+(?:said|announced|stated)(?:\s+(?:on\s+)?{WEEKDAY_NAME})?\s*\.?$")
ISSUER_WITHIN = 2  # paragraphs: the quote's own, up to it, and the one before
_IT_SAID = re.compile(r",\s+it\s+(?:said|added|stated)\s*\.?$")


def _reported_by(sentence: str) -> str | None:
    """Who a sentence ends by saying said what it reports (see _SAID_AT_END): a name or a body, not
    "a source" nor "it"."""
    said = _SAID_AT_END.search(sentence.strip())
    who = speaker_from(said.group("who")) if said else None
    return who if who and who[:1].isupper() and who.lower() not in _NO_ISSUER else None


def _it_reported(sentence: str, article_text: str, people: set[str]) -> str | None:
    """The body that opens `sentence`, the one before "..., it said.": a person is never "it"."""
    bodies = [_body_before(sentence.strip(), article_text, people),
              # "Biden spoke with Netanyahu and the White House said they reviewed the talks."
              *(found.group("who") for found in reversed(list(_BODY_SAID.finditer(sentence))))]
    return next((body for body in bodies if body and _unpossessive(body.split()[-1]) not in people), None)


_BODY_SAID = re.compile(r"(?<=\sthe\s)(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:said|announced|stated)\b")


def _issuer(before: str, article_text: str, people: set[str]) -> str | None:
    """Who issued the statement a quote is from ("...," the statement said), given the article's
    text before the quote: the speaker of its last sentence, else of the nearest sentence before
    that mentions a statement, within ISSUER_WITHIN paragraphs. A pronoun ("It said it agreed ...")
    names no one there, so the search goes on before it. "The group" is the body named before."""
    window = before.split("\n\n")[-ISSUER_WITHIN:]
    sentences = [part for part in _SENTENCE_END.split("\n\n".join(window)) if part.strip()]
    # the last two sentences, one paragraph further back if need be (the quote's own may have none
    # before it): "..., Netanyahu's office said on Sunday."
    reach = "\n\n".join(before.split("\n\n")[-(ISSUER_WITHIN + 1) :])
    recent = [part for part in _SENTENCE_END.split(reach) if part.strip()][-3:]
    # the last two, latest first; "..., it said." passes on the report of the body that opens the sentence before it
    reports = [_reported_by(recent[k]) or (_it_reported(recent[k - 1], article_text, people) if k and _IT_SAID.search(recent[k].strip()) else None)
               for k in range(len(recent) - 1, max(len(recent) - 3, -1), -1)]
    for back, sentence in enumerate(reversed(sentences)):
        reported = reports[back] if back < len(reports) else None
        if back and "statement" not in sentence:
            if reported:
                return reported
            continue
        found = _ISSUER.match(sentence.strip())
        if not found:
            cited = _STATEMENT_FROM.search(sentence) or (
                (_ACCORDING_TO_OFFICE.search(sentence) or _POSSESSED_STATEMENT.match(sentence.strip())) if not back else None)
            if cited:
                return _inside_sentence(cited.group("who"))
            if reported:
                return reported
            continue
        who = found.group("who")
        if who.lower() in _NO_ISSUER:
            continue
        if found.group("group"):
            return _body_before(before[: before.rfind(sentence)], article_text, people)
        if found.group("several"):
            return _lowered_first(found.group("several"))
        return found.group("body") or _inside_sentence(who)
    return next((who for who in reports[len(sentences):] if who), None)


# A quote a sentence introduces with a colon: "Netanyahu, standing beside him, issued a stern
# warning: "..."", "Kate Fredy summed up the moment: "...""; the sentence's subject speaks.
_INTRODUCED = re.compile(r":\s*$")
# A title opening the sentence that introduces a quote, and its verb: "The prime minister insisted".
_TITLE_SUBJECT = re.compile(r"(?P<who>[Tt]he\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:also\s+|[a-z]+ly\s+)?[a-z]+ed\b")
_PRONOUN_OPENS = re.compile(rf"\W*(?P<who>He|She|{'|'.join(_HONORIFIC_PRONOUNS)})\s")


# Who may be described rather than named: "a senior Hamas official", "the Egyptian source".
_DESCRIBED_NOUN = (r"(?:official|source|spokes(?:man|woman|person)|diplomat|negotiator|mediator|analyst|member|commander|"
                   r"leader|representative|aide|adviser|advisor)")
_DESCRIBED_WORD = re.compile(_DESCRIBED_NOUN)
# Someone described by the body they belong to, who opens a sentence and acts in it: "The Hamas
# leader dismissed the threats, insisting: "..."" is the Hamas leader's, when no name is given.
_DESCRIBED_OPENS = re.compile(
    rf"^[Tt]he\s+(?P<who>(?:[A-Z][\w'’-]*\s+){{1,3}}{_DESCRIBED_NOUN})\s+(?:also\s+|[a-z]+ly\s+)?[a-z]+(?:ed|t)\b")
# Someone described who speaks in the sentence before "he said": "A senior Hamas official said the
# group did not want the deal to collapse. "...," he said."
_DESCRIBED_SPEAKS = re.compile(
    rf"^(?P<who>(?:A|An|One)\s+(?:[\w'’-]+\s+){{0,5}}?{_DESCRIBED_NOUN})"
    rf"(?:,[^,.;“”\"]{{1,120}},)?\s+(?:also\s+)?(?:{_SAY}|shared\s+with|spoke\s+to)\b"
)
_DEFINITE_SPEAKS = re.compile(_DESCRIBED_SPEAKS.pattern.replace("(?:A|An|One)", "The", 1))


_NO_ONE = "\0no one"  # a speaker known not to be whoever spoke before, and not named


def _another(previous: str | None) -> str | None:
    """"another US official" after "one US official"; None after someone named."""
    if previous and _DESCRIBED_PERSON.fullmatch(previous):  # it opens with "a", "one", "the", ...
        return f"another {previous.partition(' ')[2]}"
    return None


def _described_subject(opening: str, definite: bool = False) -> str | None:
    """Someone described ("a senior Hamas official") who speaks in the last sentence of `opening`
    (a paragraph up to a quote), the one "he" or "she" then points back to; with `definite`, one
    described as known already ("The Egyptian official said ..."), whom a name may also mean."""
    last = _last_sentence(opening)
    found = (_DEFINITE_SPEAKS if definite else _DESCRIBED_SPEAKS).match(last.lstrip("“\"' "))
    return _lowered_first(found.group("who")) if found else None


def _described_actor(opening: str) -> str | None:
    """The person described who opens the last sentence of `opening` (see _DESCRIBED_OPENS), by the
    body they belong to; a nationality alone describes no one ("The Egyptian leader reaffirmed")."""
    found = _DESCRIBED_OPENS.match(_last_sentence(opening))
    if not found or all(_bare(word) in _NATIONALITIES for word in found.group("who").split()[:-1]):
        return None
    return f"the {found.group('who')}"


def _pronoun_opening(opening: str) -> str | None:
    """"he" or "she" when the last sentence of `opening` (a paragraph up to a quote) opens with
    one, or with "His Excellency" and the like; for the caller to resolve."""
    pronoun = _PRONOUN_OPENS.match(_last_sentence(opening))
    return _HONORIFIC_PRONOUNS.get(pronoun.group("who"), pronoun.group("who").lower()) if pronoun else None


def _titled_subject(opening: str, paragraphs: Sequence[str], number: int, match: re.Match, people: set[str]) -> str | None:
    """Whom a title opening the sentence before a quote means, the one the article named so: "The
    prime minister insisted that ...: "..."", "The Egyptian leader reaffirmed ..., stating, "..."."""
    subject = _TITLE_SUBJECT.match(_last_sentence(opening))
    title = _title_only(subject.group("who")) if subject else None
    return _titled_around(title, paragraphs, number, match, people) if title else None


def _introducer(opening: str, people: set[str]) -> str | None:
    """The person who acts in the sentence that introduces a quote with a colon (`opening` is
    the paragraph up to the quote), or "he" or "she" (see _pronoun_opening)."""
    return _pronoun_opening(opening) or _subject_before(opening, people)


# Someone described who speaks, a person and not a body: "a Hamas official", "the Egyptian source".
_DESCRIBED_PERSON = re.compile(rf"(?:a|an|the|one|another)\s+(?:[\w'’-]+\s+){{0,4}}?{_DESCRIBED_NOUN}")
_TRANSCRIPT_LABEL = re.compile(r"(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}):\s")
# People who speak for others, described in the plural, who open a sentence and act in it: "they
# said" after "Families of some of the hostages were outraged ..." is theirs (not a crowd's).
_SPOKESPEOPLE = "families|relatives|officials|mediators|negotiators|diplomats|sources|leaders|ministers|envoys"
_SPOKESPEOPLE_NAMED = re.compile(rf"(?:[A-Z][\w-]*\s+){{1,3}}(?:{_SPOKESPEOPLE})")  # "Western diplomats", "Israeli officials"
_SPOKESPEOPLE_OPEN = re.compile(
    rf"^(?:The\s+)?(?P<who>(?:[A-Z][\w'’.-]*\s+){{0,3}}?(?i:{_SPOKESPEOPLE})(?:\s+of\s+[^,.;:“”\"]{{1,60}}?)?)"
    r"\s+(?:(?:also|have|has|had|were|was|are|is)\s+)?(?:[a-z]+ly\s+)?[a-z]+(?:ed|t)\b")


def _spokespeople(sentence: str) -> str | None:
    """Who "they" are when the sentence before opens with people who speak for others (see _SPOKESPEOPLE_OPEN)."""
    found = _SPOKESPEOPLE_OPEN.match(sentence.strip().lstrip("“\"' "))
    if not found:
        return None
    who = found.group("who")
    return _lowered_first(who) if who.split()[0].lower() in _SPOKESPEOPLE.split("|") else who  # "Israeli officials"


_FAMILY_OF_PRONOUN = re.compile(r"\b(?:His|Her|his|her)\s+family\b")
_KIN_GROUPS = ("family", "parents")  # who "they" or "the parents" may be: "Goldberg-Polin’s parents"


def _shared_surname(surname: str, text: str) -> bool:
    """Whether the text names two people with this surname ("Hadar Goldin", "Leah Goldin")."""
    first = {found.lower() for found in re.findall(rf"\b([A-Z][a-z]+)\s+{re.escape(surname)}\b", text)}
    return len(first - _HONORIFICS - _TITLE_WORDS - stop_words()) >= 2


def _owner_before(owned: str, text: str) -> str | None:
    """Whose `owned` ("office") the text last names, by a name of one word or more and a
    possessive: "Netanyahu's office called ..." for a "his office" after it."""
    found = None
    for found in re.finditer(rf"\b(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,3}})['’]s\s+{re.escape(owned)}\b", text):
        pass
    return found.group("owner") if found and _is_name(found.group("owner")) else None


def _text_before(paragraphs: Sequence[str], number: int, opening: str, back: int | None = None) -> str:
    """The article's text before a quote: `opening` (its paragraph up to the quote) after the
    paragraphs before it, all of them or the last `back`."""
    first = 0 if back is None else max(0, number - back)
    return "\n\n".join([*paragraphs[first:number], opening])


def _titled_around(title: str, paragraphs: Sequence[str], number: int, match: re.Match, people: set[str]) -> str | None:
    """Whom `title` names for the quote `match` in paragraph `number`: see _titled, given the
    article's text before the quote and, for a lead quote, after it."""
    paragraph = paragraphs[number]
    return _titled(title, _text_before(paragraphs, number, paragraph[: match.start()]), people,
                   _text_after(paragraphs, number, paragraph[match.end() :]))


LEAD_QUOTE = 2  # paragraphs at an article's start whose quotes' titles ("the envoy stated") may be named after them,
NAMED_AFTER = 3  # in this many paragraphs after the quote; further on, the name has come before if it comes at all


def _text_after(paragraphs: Sequence[str], number: int, rest: str) -> str:
    """The article's text after a quote in its first LEAD_QUOTE paragraphs: `rest` (its paragraph
    from the quote's end) and the NAMED_AFTER paragraphs after it; nothing for a later quote."""
    return "\n\n".join([rest, *paragraphs[number + 1 : number + 1 + NAMED_AFTER]]) if number < LEAD_QUOTE else ""


def _acts_after(paragraphs: Sequence[str], number: int, opening: str, people: set[str]) -> str | None:
    """For "he said" in one of the article's first LEAD_QUOTE paragraphs, with no person of the
    article named before: the person who acts first in the NAMED_AFTER paragraphs after it, past a dateline
    ("“...,” he told reporters. / DOHA, February 2. /TASS/. Qatari Prime Minister ... called upon")."""
    before = _text_before(paragraphs, number, opening)  # once, not once a person
    if any(name in before for name in people):
        return None
    for paragraph in paragraphs[number + 1 : number + 1 + NAMED_AFTER]:
        for sentence in _SENTENCE_END.split(paragraph)[:2]:
            person = _subject_before(sentence, people, person=True)
            if person:
                return person
    return None


_NAME_GOES_ON = re.compile(r"(?:\b(?:of|for|and)|[’']s)\s+$")


def _reporting(before: str, people: set[str], surnames: set[str]) -> str | None:
    """The person who speaks in the sentence that holds a quote, before it ("Trump wrote that Hamas
    was "..."", "Biden said ... and that "...""), or, for a quote that opens a sentence, in the
    sentence before ("Netanyahu said the strike was justified. "At the beginning ...""): a quote
    without an attribution of its own goes on with the report it follows."""
    sentences = [sentence for sentence in _SENTENCE_END.split(before) if sentence.strip(" ,;:—–-")]
    last = sentences[-1] if sentences else ""  # the quote's own sentence, else the one before it
    found = _last_speaks(last)
    if found is None and _SAID.search(last):  # "Israel’s coordinator for the hostages, Gal Hirsch, told CNN that ...": the name set off
        found = _SPEAKS_SET_OFF.search(last)
    if found is None:
        described = _DESCRIBED_REPORTS.match(last.lstrip())  # "An Israeli official said the rejection showed that "...""
        return speaker_from(described.group("who")) if described else None
    if _NAME_GOES_ON.search(last, 0, found.start()):
        return None  # "Qatar's Ministry of Foreign Affairs announced": "Affairs" is the end of a body's name
    who = _speaking(found, last)
    if who and _is_name(who) and (len(who.split()) > 1 or who in people or _surname(who) in surnames):
        return who
    return None


# Someone described, not named, who opens the sentence and reports in it: "An Israeli official said"
_DESCRIBED_REPORTS = re.compile(  # ... after an opening phrase too, and more than one: "According to Axios, two US officials stated"
    rf"(?:[^,“”\"]{{1,80}},\s+)?(?P<who>(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:official|source|spokes(?:man|woman|person)|diplomat|negotiator)s?)\s+(?:also\s+)?{_SAY}\b")


# A person's title alone, as a subject: "The Qatari premier", "the US secretary of state"
_THE_TITLE = (r"(?P<who>[Tt]he\s+(?:[A-Z][\w'’-]*\s+){0,2}(?:prime\s+minister|premier|president|(?:foreign\s+)?minister|envoy|"
              r"secretary\s+of\s+state|spokes(?:man|woman|person)))")
# A title that opens a sentence and reports in it: "The Qatari premier said that Doha has not received ..."
_TITLE_REPORTS = re.compile(rf"{_THE_TITLE}\s+(?:also\s+)?{_SAY}\b")
# ... or acts, after an opening phrase or none: "Earlier this month, the premier expressed optimism"
_TITLE_ACTS = re.compile(rf"(?:^\W*|,\s+){_THE_TITLE}\s+(?:also\s+)?(?:{_SAY}|[a-z]+ed|{_IRREGULAR})\b")


def _title_reports(paragraph: str) -> str | None:
    """The title ("the Qatari premier") that opens the last sentence of `paragraph` and reports in
    it, for the caller to name (see _titled_around)."""
    found = _TITLE_REPORTS.match(_last_sentence(paragraph))
    return _lowered_first(found.group("who")) if found else None


# "he" or "she" reporting in the quote's own sentence: "But he added that if the group did not cooperate, "...""
_PRONOUN_REPORTS = re.compile(  # ... or goes on to say it: "He declined to set a deadline, but added that", "He also
    # expressed Qatar's condemnation ..., pointing out that"
    rf"\b(?:[Hh]e|[Ss]he)\s+(?:(?:also\s+|then\s+|later\s+|[a-z]+ed\b[^.;“”\"]{{0,120}}?\b(?:but|and)\s+(?:also\s+)?)?{_SAY}\b"
    rf"|(?:also\s+)?[a-z]+ed\b[^.;“”\"]{{0,160}}?,\s+(?:saying|stating|adding|noting|stressing|pointing\s+out|explaining"
    rf"|emphasi[sz]ing|asserting|insisting|warning)\b)(?:\s+that)?")


# The small words a title leaves in lower case: "Comprehensive Plan to End the Gaza Conflict".
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "at", "by", "with", "from", "as"})


def _title_cased(text: str) -> bool:
    """A name in quotation marks, not words spoken: every word but the small ones capitalised, in
    mixed case ("Comprehensive Plan to End the Gaza Conflict"; not "WE HAVE A DEAL", shouted)."""
    if any(token[:1].islower() and token not in _TITLE_SMALL for token in text.split()):
        return False  # most quotes: a word in lower case, found without cutting the text into words
    tokens = [token for token in words(text) if token.lower() not in _TITLE_SMALL]
    return len(tokens) >= 2 and all(token[:1].isupper() and not token.isupper() for token in tokens)


def _sentence_cased(title: str) -> tuple[str, ...]:
    """The title, unless it capitalises nearly every word ("Trump Admin Walks Away From Ceasefire
    Negotiations With 'Selfish' Hamas"), where any run of words looks like a name."""
    tokens = [token for token in words(title) if token[:1].isalpha() and token.lower() not in _TITLE_SMALL]
    capitalised = sum(token[:1].isupper() for token in tokens)
    return () if len(tokens) >= 4 and capitalised >= 0.8 * len(tokens) else (title,)


# A body described rather than named: "the terror group", "the Palestinian militant group".
_GROUP_DESCRIBED = re.compile(r"the (?:[\w-]+ ){1,3}(?:group|movement|organi[sz]ation)")


# Someone the text does not name speaks: "his mother said", "her brother told reporters".
_KIN_SPEAKS = re.compile(rf"\b(?:his|her|their)\s+(?:[a-z]+\s+)?(?:{_RELATIVES}|friend|neighbou?r|lawyer)\s+(?:said|says|told)\b")


_APPOSITIVE = re.compile(r"\s*(?:a|an|the|who|whose)\b")


_WHERE_SAID = re.compile(r",\s+(?:at|in|during|on|speaking\s+(?:at|to|in|on))\s+[^,;.]{1,60}")
_PARTICIPLE_NEXT = re.compile(r"\s+(?:also\s+)?[a-z]{3,}ing\s")
_DOING_TOO = re.compile(r"[^,]{0,60}," + _PARTICIPLE_NEXT.pattern)  # "told the Post on Saturday, regarding ..."
_CLAUSE_VERB = re.compile(r"\b(?:[a-z]+ed|is|are|was|were|has|had|have|will|would)\b")


def _body_reports(paragraph: str, article_text: str, people: set[str]) -> str | None:
    """Who reports in the last sentence of `paragraph`, in the writer's words, when _reporting finds
    no person named in full: a body ("In its statement on Sunday, Hamas said it was willing to ...")
    or someone named by one name ("Levy's brother Amit told Reuters ..."), one capitalised word that
    is no surname of the article's and that it also writes mid-sentence, as _body_before counts one."""
    last = _last_sentence(paragraph)
    found = _last_speaks(last)
    who = _speaking(found, last) if found else None
    if not who or " " in who or not who[:1].isupper() or who in people or _PRONOUN.match(who) \
            or not _written_mid_sentence(who, article_text):
        return None
    return who


def _last_speaks(sentence: str) -> re.Match | None:
    """The last place in `sentence` where someone speaks (see _SPEAKS), if any."""
    found = None
    if _SAID.search(sentence):  # else no one speaks, and _SPEAKS is slow to find that
        for found in _SPEAKS.finditer(sentence):
            pass
    return found


def _quotes_whole(paragraph: str) -> bool:
    """Whether `paragraph` quotes a sentence whole, not only words cut from one ("Hamas said it was
    willing to "immediately begin intensive negotiations""): then its speaker's words are quoted
    there, and a quote after it is not simply theirs, reported in the writer's words before."""
    return any(next(g for g in match.groups() if g is not None).strip()[:1].isupper() for match in _QUOTED.finditer(paragraph))


def _closed_by_quote(tail: str) -> bool:
    """Whether what follows a paragraph's last quote is nothing or that quote's attribution alone
    ("Merz said in a statement on Friday", "said Sultan Barakat, a professor of public policy at
    ...", not "Merz said, before the cabinet met, ...")."""
    tail = tail.strip(" ,.;:—–-")
    verb = _SAID.search(tail)
    if not tail or verb is None:
        return not tail
    after = tail[verb.end() :]
    if "," not in after:  # who, however long their title, and where: "Qatari Prime Minister and Foreign Minister
        return len(after) <= 100 and verb.start() <= 100  # Mohammed ... Al Thani said at a news conference in Madrid with ...
    if _WHERE_SAID.fullmatch(after) and not _CLAUSE_VERB.search(after):
        return len(tail) <= 120  # "Mr Blinken said, at a news conference in Cairo": where, not more words of the writer's
    if _DOING_TOO.match(after) and not _SENTENCE_END.search(after.rstrip(".")):
        return len(tail) <= 200  # "Hamad declared, accusing Israel of a war without limits": what the speaker did in saying it
    # after "said", a name and what describes it: "said Sultan Barakat, a professor ..."
    name, _, described = after.partition(",")
    return verb.start() <= 3 and 0 < len(name.split()) <= 5 and _APPOSITIVE.match(described) is not None and len(tail) <= 240


@lru_cache(maxsize=8192)
def _surname(token: str) -> str:
    """A name's last word as a key: "al-Hayya's", "Al-Hayya", "Hayya" and "al-Haya" are one ("al"
    alone is not)."""
    return _DOUBLED.sub(r"\1", re.sub(r"^(?:al|el)-(?=\w)", "", _unpossessive(token).lower()))


_NATIONALITIES = frozenset({
    "palestinian", "israeli", "egyptian", "qatari", "american", "lebanese", "iranian", "turkish", "saudi", "jordanian",
    "syrian", "emirati", "yemeni", "iraqi", "arab", "gazan", "british", "french", "german", "russian", "chinese",
    "omani", "thai", "afghan", "irish", "somali", "malian", "libyan", "kenyan", "danish", "polish", "greek",
})
_AFTER_PLACE_WORD = re.compile(r"\b(?:in|at|from|to|near|outside|inside)\s+$")
# ... or a place told by its kind: "In the southern city of Khan Younis, Samir Odeh, 41, ... queued"
_AFTER_PLACE_OF = re.compile(
    r"\b(?i:in|at|from|near|outside|inside)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:city|town|village|camp|district|area|neighbou?rhood|port|governorate)\s+of\s+$")


def _apposed_person(found: re.Match) -> str | None:
    """The person a sentence opening with a place sets off after it, up to an age or a description
    ("In Deir al-Balah, Samir Odeh, 41, a former driver, queued"): the apposition's first part, when
    it is a full name and nothing more."""
    first = (found.groupdict().get("apposed") or "").split(",")[0].split()
    return " ".join(first).strip("’'") if _named_person(first) and _trailing_name(first) == first else None


_COMPOUND_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")  # "High-level", "Long-time": capitalised only to open a sentence


_CALENDAR_WORD = re.compile(rf"{MONTH_IN_DATE}|{WEEKDAY_NAME}")
_ATTRIBUTIVE_AFTER = re.compile(r"\s+(?:war|conflict|deal|truce|ceasefire|cease-fire|talks|negotiations|agreement|fighting)\b")  # "the Israel Hamas war"


def _full_names(speakers: Iterable[str | None], articles: Sequence[Article]) -> dict[str, str]:
    """A surname alone ("Trump", "Mr. Trump") as the one full name the group gives it ("Donald
    Trump", from a speaker or from the text: "President Donald Trump"), so one person is one
    speaker; a surname two people share ("Donald Trump", "Eric Trump") is left as it is, and
    "Mr. Blinken" with no full name anywhere is "Blinken"."""
    # in the order given, never a set's: which of two names written equally often wins must not
    # change from one run to the next
    names = dict.fromkeys(s for s in speakers if s and _is_name(s))
    short = [name for name in names if len(name.split()) == 1
             or (len(name.split()) == 2 and (_bare(name.split()[0]) in _HONORIFICS or _family_name(name.split())
                                             or _patronymic(name.split())))
             or _named_for_father(name.split())]
    wanted = {name.split()[-1].strip("’'") for name in short}
    found = list(names)
    if not wanted:
        return {}
    # only the paragraphs that mention a surname spoken alone are looked at (longest first, as
    # one expression: testing each surname in turn took more time than all the rest)
    mentioned = re.compile("|".join(map(re.escape, sorted(wanted, key=len, reverse=True))))
    sides: tuple[frozenset[str], frozenset[str]] | None = None  # places and bodies (see _places_and_bodies), when needed
    for paragraph in (p for article in articles for p in (*_sentence_cased(article.title), *article.paragraphs)):
        if not mentioned.search(paragraph):
            continue
        for match in _FULL_NAME.finditer(paragraph):
            if _AFTER_PLACE_WORD.search(paragraph, 0, match.start()):
                continue  # "killed in Tehran Hamas said": a place, then a name
            tokens = match.group().split()
            if _CALENDAR_WORD.fullmatch(tokens[0]):
                continue  # "On 7 October Hamas launched ...": a date, then a body; no one's full name
            owner = next((k for k, t in enumerate(tokens) if t.endswith(("’s", "'s"))), len(tokens) - 1)
            if paragraph[max(0, match.start() - 4) : match.start()].lower() == "the ":
                tokens.insert(0, "the")  # "envoy to the Middle East Steve Witkoff": a place, then the name
                owner += 1
            name = _trailing_name(tokens[: owner + 1])  # "Benjamin Netanyahu's Office": the owner
            if len(name) == 2 and name[0].lower() in _NATIONALITIES:
                continue  # "Palestinian Hamas": a body and where it is from, no one's full name
            if len(name) == 2 and sides is None:
                sides = _places_and_bodies(articles)
            if _bare(name[0]) in _ORGANISATIONS or _ATTRIBUTIVE_AFTER.match(paragraph, match.end()) \
                    or (len(name) == 2 and name[0] in sides[0] and name[1] in sides[1]):
                continue  # "Islamic Resistance Movement Hamas", "the Israel Hamas war", "Israel Hamas agree": no one's name
            found.append(" ".join(name))
    full: dict[str, Counter[str]] = {}  # surname -> full names as written, how often
    given: dict[str, Counter[str]] = {}  # first name -> the same, for "Sheikh Mohammed"
    fathers: dict[str, Counter[str]] = {}  # father's name -> the same, for "Bin Abdelrahman"
    not_first = _HONORIFICS | stop_words("english")
    for name in found:
        parts = name.split()
        if _COMPOUND_WORD.fullmatch(parts[0]):
            continue  # a headline's first word, "High-level Hamas leadership delegation holds talks": no one's name
        if _family_name(parts) or _patronymic(parts):
            continue  # "Al Thani" is the family name alone, what is looked up
        for k in range(1, len(parts) - 1):
            if parts[k] in _SON_OF and _is_name(name):
                fathers.setdefault(_surname(parts[k + 1]), Counter())[_unpossessive(name)] += 1
        if len(parts) >= 2 and _bare(parts[0]) not in not_first and _is_name(name):
            full.setdefault(_surname(parts[-1]), Counter())[_unpossessive(name)] += 1
        while len(parts) > 2 and _bare(parts[0]) in _GIVEN_NAME_TITLES:
            parts = parts[1:]  # "Sheikh Mohammed bin Abdulrahman Al Thani" is "Mohammed ..." too
        if len(parts) >= 2 and _bare(parts[0]) not in not_first and _is_name(" ".join(parts)):
            given.setdefault(parts[0], Counter())[_unpossessive(" ".join(parts))] += 1
    out = {}
    for name in short:
        parts = name.split()
        if len(parts) == 2 and _bare(parts[0]) in _GIVEN_NAME_TITLES:  # "Sheikh Mohammed": a first name,
            first_name = _first_name_of(parts[1], given)
            if first_name:
                out[name] = first_name
                continue
        if _patronymic(parts):
            longer = _one_person(fathers.get(_surname(parts[-1]), Counter()))
            if longer:
                out[name] = longer
            continue
        if _named_for_father(parts):  # "Mohammed bin Abdulrahman": the one man whose full name opens so
            longer = _opening_so(name, fathers.get(_surname(parts[-1]), Counter()))
            if longer:
                out[name] = longer
            continue
        longer = _one_person(full.get(_surname(parts[-1]), Counter()))
        if longer:
            out[name] = longer
        elif len(parts) == 1 and not full.get(_surname(parts[0])) and (first_name := _first_name_of(parts[0], given)) \
                and not _placed(parts[0], articles):
            out[name] = first_name  # "Einav said" of Einav Mozes; "Mohammed said" of the sheikh
        elif not full.get(_surname(parts[-1])) and len(parts) == 2 and _bare(parts[0]) in ("mr", "mrs", "ms", "dr"):
            out[name] = parts[-1]
    return out


def _opening_so(name: str, longer: Counter[str]) -> str | None:
    """The one person among the `longer` names (with how often each is written) whose name of four
    words or more opens as `name`, a first name and the father's, does, however spelled (see
    _spelling and _one_person)."""
    opening = _spelling(name).split()
    return _one_person(Counter({full_name: count for full_name, count in longer.items()
                                if len(full_name.split()) > 3 and _spelling(full_name).split()[:3] == opening}))


def _fathers_named_in_full(names: Sequence[str | None]) -> list[str | None]:
    """`names` with each first name and father's alone ("Mohammed bin Abdulrahman", however the
    quote's article first named him) as the one longer name among them that opens so, however
    spelled ("Mohammad bin Abdulrahman Al-Thani")."""
    longer = Counter(name for name in names if name and len(name.split()) > 3 and _is_name(name))
    return [(_opening_so(name, longer) or name) if name and _named_for_father(name.split()) else name for name in names]


_IN_PLACE = re.compile(r"\bin\s+([A-Z][\w'’-]*)")
_SAYS_IT = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:also\s+)?(?:said|says|added|stated)\s+(?:that\s+)?(?:it|its)\b")


def _places_and_bodies(articles: Sequence[Article]) -> tuple[frozenset[str], frozenset[str]]:
    """The words the articles write as a place ("in Israel") and as a body that says "it" ("Hamas
    said it would ..."): "Israel Hamas" is two parties side by side, not a person."""
    return (frozenset(found.group(1) for article in articles for found in _IN_PLACE.finditer(article.text)),
            frozenset(found.group(1) for article in articles for found in _SAYS_IT.finditer(article.text)))


def _placed(word: str, articles: Sequence[Article]) -> bool:
    """Whether the articles write `word` after a preposition ("in Israel", "with Hamas"): a place
    or a body, not a first name ("Israel said" is not Israel Katz)."""
    after = re.compile(rf"\b(?:in|to|of|from|with|and|by|against|between|for|on|at)\s+{re.escape(word)}\b")
    return any(after.search(article.text) or after.search(article.title) for article in articles)


def _first_name_of(first: str, given: dict[str, Counter[str]]) -> str | None:
    """The one person whose full names (see _full_names) start with `first`, when they all share
    one surname, written as most often."""
    by_surname: dict[str, Counter[str]] = {}
    named = given.get(first, Counter())
    openings = {tuple(_spelling(name).split()[:3]) for name in named if len(name.split()) > 3}
    for longer, count in named.items():
        if _named_for_father(longer.split()) and tuple(_spelling(longer).split()) in openings:
            continue  # "Mohammed bin Abdulrahman" of "Mohammed bin Abdulrahman Al Thani": not another man
        by_surname.setdefault(_surname(longer.split()[-1]), Counter())[longer] += count
    return next(iter(by_surname.values())).most_common(1)[0][0] if len(by_surname) == 1 else None


_PARTICLE = re.compile(r"\b(?:al|el)[- ]")
_INNER_VOWELS = re.compile(r"(?<=\w)[aeiouy]")
_DOUBLED = re.compile(r"(\w)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


def _spelling(name: str) -> str:
    """What two spellings of one name share: "el-Sisi" and "al-Sisi", "Abdel-Fattah" and "Abdel
    Fattah", and transliterations of one Arabic name that differ in their vowels ("Majed" and
    "Majid", "Mohammed" and "Muhammed") or in a doubled letter ("Sisi" and "Sissi", "Mohamed"):
    lower case, without accents ("Erdoğan" and "Erdogan"), a final "h" after a vowel ("Bisharah"
    and "Bishara"), the article or hyphens, each word's vowels after its first letter left out,
    and a letter written twice once."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    plain = _FINAL_H.sub("", plain)  # "Bisharah" and "Bishara"
    return _DOUBLED.sub(r"\1", _INNER_VOWELS.sub("", _PARTICLE.sub("", plain).replace("-", " ")))


def _one_spelling(speakers: Iterable[str | None]) -> dict[str, str]:
    """Each name of two words or more as the group writes it most often among the names spelled
    alike: "Abdel Fattah el-Sissi" and "Abdel Fattah El-Sisi" are the "Abdel Fattah al-Sisi" of
    most quotes, one speaker (see _spelling), and so are a name with more of its middle and one
    with less ("Mohammed bin Abdulrahman bin Jassim Al Thani", "Mohammed bin Abdul Rahman Al
    Thani"), unless two of them differ in it ("Mohammed bin Salman", "Mohammed bin Nayef")."""
    written: dict[tuple[str, str], Counter[str]] = {}  # (first name, surname) spelled -> the names, how often
    for name in speakers:
        if name and " " in name and _is_name(name):
            spelled = _spelling(name).split()
            written.setdefault((spelled[0], spelled[-1]), Counter())[name] += 1
    out = {}
    for forms in written.values():
        middles = sorted({"".join(_spelling(name).split()[1:-1]) for name in forms}, key=len)
        if len(forms) > 1 and all(_within(short, long) for short, long in zip(middles, middles[1:])):
            out.update({name: forms.most_common(1)[0][0] for name in forms})
    return out


def _within(short: str, long: str) -> bool:
    """Whether the letters of `short` appear in `long` in order."""
    letters = iter(long)
    return all(letter in letters for letter in short)


def _one_person(names: Counter[str]) -> str | None:
    """The one person a surname's full names mean, written as most often: spellings of one name
    ("Majed Al-Ansari", "Majid al-Ansari"; "Steve Witkoff" five times, "Steven Witkoff" once), and
    one name with more of its middle and less (see _one_spelling), are one person; two names each
    written often ("Donald Trump", "Eric Trump") are two."""
    written: dict[str, Counter[str]] = {}  # each name's spelling key, and how it is written
    one = _one_spelling(names.elements())  # "Mohammed bin Abdulrahman (bin Jassim) Al Thani" is one name
    for name, count in names.items():
        written.setdefault(_spelling(one.get(name, name)), Counter())[name] += count
    ranked = sorted(written.values(), key=Counter.total, reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0].total() < 3 * ranked[1].total():
        return None
    return ranked[0].most_common(1)[0][0]


def extract_quotes(articles: Sequence[Article], candidates: Sequence[Candidate], scores: np.ndarray,
                   shown: Sequence[str] = (), found_in: Sequence[Sequence[tuple[str, str | None, int]]] | None = None,
                   ) -> tuple[Quote, ...]:
    """The group's best direct quotes: named speakers first, then the ones in the best-scored
    paragraphs; a quote carried by several articles, even cut or worded a little differently
    (see _same_quote), appears once. A quote the summary's sentences (`shown`) already give comes
    last: the reader has just read it. `found_in` is quotes_in of each article, when known."""
    paragraph_score: dict[tuple[int, int], float] = {}
    for i, candidate in enumerate(candidates):
        key = (candidate.article, candidate.paragraph)
        paragraph_score[key] = max(paragraph_score.get(key, 0.0), float(scores[i]))
    seen: dict[str, int] = {}  # each quote's words, and where in `found` it is
    found = []
    shown_words = [_quote_words(sentence) for sentence in shown]
    words_of: dict[str, _Said] = {}  # what each quote says, by its text
    for source, article in enumerate(articles):
        for text, speaker, paragraph in (quotes_in(article) if found_in is None else found_in[source]):
            key = content_key(text)
            if key in seen and _attributed(speaker) <= _attributed(found[seen[key]][-1].speaker):
                continue  # ... but the same words given to no one (a pull quote under the headline), or to someone
                # described ("families of the hostages"), give way to them with a speaker named
            mine = words_of[text] = _quote_words(text)
            given = any(_same_quote(mine, sentence) for sentence in shown_words)
            part = text.startswith(PART_MARK)  # words cut from a sentence: after the whole quotes
            entry = (given, speaker is None, part, -paragraph_score.get((source, paragraph), 0.0), seen.get(key, len(found)),
                     Quote(text, speaker, source))
            if key in seen:
                found[seen[key]] = entry
            else:
                seen[key] = len(found)
                found.append(entry)
    full = _full_names((quote.speaker for *_, quote in found), articles)
    # A surname the group gives to two people is whom the quote's own article names so: "Al Thani
    # said" in an article that names only Mohammed bin Abdulrahman Al Thani, in a group that also
    # names the emir, Tamim bin Hamad Al Thani.
    unresolved: dict[int, dict[str, None]] = {}  # ordered, like _full_names' own
    for *_, quote in found:
        if quote.speaker and quote.speaker not in full:
            unresolved.setdefault(quote.source, {})[quote.speaker] = None
    own = {(source, short): name for source, said in unresolved.items()
           for short, name in _full_names(said, [articles[source]]).items()}
    names = _fathers_named_in_full([full.get(quote.speaker) or own.get((quote.source, quote.speaker)) or quote.speaker for *_, quote in found])
    spelled = _one_spelling(names)  # then one spelling of each person
    found = [(*key, replace(quote, speaker=spelled.get(name, name))) for (*key, quote), name in zip(found, names)]
    found.sort(key=lambda item: item[:5])
    chosen: list[Quote] = []
    told: list[_Said] = []  # what each chosen quote says
    speakers: set[str | None] = set()

    def choose(quote: Quote, add: bool = True) -> None:
        """Take the quote (with `add`) unless one already taken is the same (a quote is the same as
        itself); then it takes that one's place if only it names the speaker ("Majed al-Ansari",
        not "the Qatari official"), its words and article with it."""
        mine = words_of[quote.text]
        same = next((k for k, other in enumerate(told) if _same_quote(mine, other)), None)
        if same is None:
            if not add:
                return
            chosen.append(quote)
            told.append(mine)
            speakers.add(quote.speaker)
        elif _attributed(quote.speaker) > _attributed(chosen[same].speaker):
            chosen[same], told[same] = quote, mine
            speakers.add(quote.speaker)

    for *_, quote in found:  # one whole quote per speaker first
        if len(chosen) < MAX_QUOTES and (quote.speaker is None or quote.speaker not in speakers) \
                and not quote.text.startswith(PART_MARK):
            choose(quote)
    for *_, quote in found:
        if len(chosen) >= MAX_QUOTES:
            break
        choose(quote)
    if any(_described(quote.speaker) for quote in chosen):
        for *_, quote in found:  # a speaker's second quote, passed over above, may name (or describe) who said one taken
            if quote.speaker is not None and quote not in chosen:
                choose(quote, add=False)
    return tuple(chosen)


def _attributed(speaker: str | None) -> tuple[int, int]:
    """How well a quote's speaker is given: 0 not at all, 1 described, 2 named; of two described,
    the one in more words ("an Israeli source", not "a source")."""
    if speaker is None:
        return 0, 0
    return (1, len(speaker.split())) if _described(speaker) else (2, 0)


_NAME_PARTICLE_OPENS = re.compile(r"(?:al|el|bin|ibn|abu|de|van|von)[-\s]")


def _described(speaker: str | None) -> bool:
    """Whether a speaker is only described ("the Qatari official", "a source", "families of the
    hostages"), or not given; a name opens with a capital, or a particle ("al-Hindi"), or is a
    body's after "the" ("the Prime Minister’s Office")."""
    if speaker is None:
        return True
    words = speaker.split()
    if words[0].lower() in _DETERMINERS:  # ... but "the Hostages and Missing Families Forum" is a body's name
        return not (words[0] == "the" and len(words) > 2 and words[1][:1].isupper() and words[-1][:1].isupper()
                    and _bare(words[-1]) in _ORGANISATIONS)  # "the Qatari Prime Minister" is a title
    return speaker[:1].islower() and not _NAME_PARTICLE_OPENS.match(speaker)


SAME_QUOTE = 0.8  # share of the shorter quote's content words in the longer at which two are one quote
SAME_QUOTE_FROM = 4  # content words a quote needs for that; shorter ones are one quote only when their words are,
SAME_QUOTE_CUT = 3  # or, with this many, when the longer has them all
CUT_FROM = 5  # words of a quote that, run on in another's words, make it a cut of that one
SAME_STEMS = 0.9  # share of the shorter quote's stemmed content words in the longer at which two are one quote,
SAME_STEMS_FROM = 6  # for quotes of at least this many


@dataclass(frozen=True)
class _Said:
    """What a quote (or a summary sentence) says, for telling two of them apart: its content
    words (and their stems), and all its words in order, lower case, joined by spaces (apostrophes
    straight: one outlet's "we’re" is another's "we're")."""

    words: frozenset[str]
    flat: str
    stems: frozenset[str]  # the content words stemmed: "the gaps are narrowing", "the gap is narrowing"


def _quote_words(text: str) -> _Said:
    """What a quote or a sentence says (see _Said)."""
    stop = stop_words()
    # "cease-fire" is one outlet's "ceasefire"
    tokens = [t.lower().replace("’", "'").replace("-", "") for t in words(text) if any(c.isalnum() for c in t)]
    content = [t for t in tokens if t not in stop]
    return _Said(frozenset(content), " ".join(tokens), frozenset(map(stem, content)))


SAME_RUN = 10  # words running on in two quotes, over half the shorter one, that make them one quote in two translations


def _shared_runs(short: list[str], long: list[str]) -> bool:
    """Whether runs of SAME_RUN or more words that both quotes have cover half the shorter one's
    words: two outlets' translations of one remark ("I don't think we are at a moment where we
    can say we are close to a deal", "I do not think we have reached a moment where we can say we
    are close to an agreement") differ in a few words and share long runs of the rest."""
    if len(short) < SAME_RUN:
        return False
    theirs = {tuple(long[i : i + SAME_RUN]) for i in range(len(long) - SAME_RUN + 1)}
    covered = [False] * len(short)
    for i in range(len(short) - SAME_RUN + 1):
        if tuple(short[i : i + SAME_RUN]) in theirs:
            covered[i : i + SAME_RUN] = [True] * SAME_RUN
    return 2 * sum(covered) >= len(short)


SAME_WORDING = 0.7  # likeness of two quotes' words in order (difflib's ratio) that makes them one quote in two translations
SAME_WORDING_FROM = 6  # words the shorter needs for that
_NEGATION = frozenset({"not", "no", "never", "nor", "without", "cannot"})


def _same_wording(short: list[str], long: list[str]) -> bool:
    """Whether two quotes are one remark in two translations, word for word but for a few ("If
    Hamas continues its refusal, there will be further consequences", "If Hamas persists in its
    refusal, there will be additional consequences"): alike in order, and not told apart by a
    negation ("We will accept" is not "We will not accept")."""
    fewer = min(len(short), len(long))
    if fewer < SAME_WORDING_FROM or 2 * fewer / (len(short) + len(long)) < SAME_WORDING:
        return False  # the ratio cannot reach SAME_WORDING
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    if matcher.ratio() < SAME_WORDING:
        return False
    differing = [word for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal" for word in short[i1:i2] + long[j1:j2]]
    return not _negated(" ".join(differing))


def _negated(flat: str) -> bool:
    """Whether words (lower case, joined by spaces) hold a negation."""
    return any(word in _NEGATION or word.endswith("n't") for word in flat.split())


def _same_quote(a: _Said, b: _Said) -> bool:
    """One quote, cut or worded a little differently by two outlets ("... this week" and "... this
    coming week"; one sentence of it and all of it, "Right now, it's far too dangerous to do that"
    of "Israel must ... quickly! Right now, it's far too dangerous to do that"), or translated
    twice (see _shared_runs, _same_wording): most of the shorter one's content words are in the
    longer (or nearly all, but for their endings), or its words run on in the longer's, or go alike
    in order."""
    short, long = (a, b) if len(a.flat) <= len(b.flat) else (b, a)
    if short.flat.count(" ") + 1 >= CUT_FROM and f" {short.flat} " in f" {long.flat} ":
        return True
    short_words, long_words = short.flat.split(), long.flat.split()
    if _shared_runs(short_words, long_words):
        return True
    if _negated(short.flat) != _negated(long.flat):
        return False  # "We will accept the proposal" and "We will not accept the proposal"
    if _same_wording(short_words, long_words):
        return True
    mine, theirs = a.words, b.words
    if min(len(mine), len(theirs)) < SAME_QUOTE_FROM:
        # a short one is the same only whole, or cut from the longer ("It's time for this war to
        # end" of "It's time for this war to end and for the day after to begin")
        return mine == theirs or (min(len(mine), len(theirs)) >= SAME_QUOTE_CUT and (mine <= theirs or theirs <= mine))
    if len(mine & theirs) / min(len(mine), len(theirs)) >= SAME_QUOTE:
        return True
    # nearly every word of the shorter, but for its endings ("we're continuing" for "we continue")
    stems, other = a.stems, b.stems
    return min(len(stems), len(other)) >= SAME_STEMS_FROM and len(stems & other) / min(len(stems), len(other)) >= SAME_STEMS
