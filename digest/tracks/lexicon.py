"""The configured cues and vocabulary compiled once into a token index, and the tokenizer.

Matching works on word tokens rather than on regular expressions: a sentence is tokenised once,
every token is looked up in one dict, and the grammar rules (digest/tracks/rules.py) then reason
about token positions ("a talk word at most five tokens before `in Doha`"). This keeps
classification near a millisecond per article however many cues are configured.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from digest.config import ClassifierConfig, Config, Cue

# Words, possessive 's, and the punctuation the rules read (hyphens split "Qatar-hosted").
_TOKEN_RE = re.compile(r"[^\W_]+|['’]s\b|[-–—,;:()/]")

# Roles of configured cues. Track cues carry their track id; the rest are shared vocabulary.
TRACK_ROLES = ("venue", "host", "actor", "counterpart", "phrase")
SCOPE_ROLES = ("scope", "exclude")
VOCABULARY = {
    "talk": "talk_words",
    "travel": "travel_words",
    "departure": "departure_words",
    "party": "party_words",
    "host_word": "host_words",
    "mediator": "mediator_words",
    "residence": "residence_words",
    "incident": "incident_words",
    "background": "background_words",
    "plan": "plan_words",
    "speech": "speech_words",
    "third": "parties",
    "forum": "forums",
}
# Answering a proposal is grammar rather than configuration, like "talks with": accepting,
# rejecting or answering a plan (see `proposal_relation` in digest/tracks/rules.py).
RESPONSE_WORDS = (
    "respond", "responds", "responded", "responding", "response", "responses", "reply", "replies",
    "replied", "replying", "answer", "answers", "answered", "answering", "accept", "accepts", "accepted",
    "accepting", "acceptance", "agree", "agrees", "agreed", "agreeing", "reject", "rejects", "rejected",
    "rejecting", "rejection", "welcome", "welcomes", "welcomed", "welcoming",
)


# A host announcing, proposing or suspending something itself ("Qatar says", "Egypt has proposed",
# "Qatar's mediation ... is on hold"); see `SentenceRules.announces`.
ANNOUNCE_WORDS = frozenset({
    "says", "said", "states", "stated", "announces", "announced", "announcing", "proposes", "proposed",
    "suspends", "suspended", "confirms", "confirmed", "halts", "halted", "pauses", "paused", "declares",
    "declared", "unveils", "unveiled", "offers", "offered", "brokers", "brokered", "mediation", "secures", "secured",
})
# The same acts as a headline writes what a host is about to do: "Qatar to pause mediation",
# "Egypt to propose a two-day truce".
ANNOUNCE_INFINITIVES = frozenset({
    "announce", "propose", "suspend", "halt", "pause", "confirm", "declare", "unveil", "offer", "broker",
})
# What such an announcement is about for it to be news of the talks.
DEAL_WORDS = frozenset({
    "truce", "ceasefire", "cease", "deal", "agreement", "pause", "proposal", "mediation", "hostage", "hostages",
})


def tokenize(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def fold(token: str) -> str:
    """A token as matched: lower case, typographic apostrophe made plain."""
    return token.lower().replace("’", "'")


def tokenize_folded(text: str) -> tuple[list[str], list[str]]:
    """The tokens of `text` and the same tokens folded (see `fold`)."""
    tokens = _TOKEN_RE.findall(text)
    low = _TOKEN_RE.findall(text.lower().replace("’", "'"))
    if len(low) != len(tokens):  # a character whose lower case splits differently: fold one by one
        low = [fold(t) for t in tokens]
    return tokens, low


@dataclass(frozen=True)
class Entry:
    """One cue or vocabulary word as tokens: `low` to match, `exact` when it is case-sensitive.
    Within one `group` the longest match wins: a venue and a host name of one track never
    overlap ("the Qatari capital" is not also "Qatari")."""

    role: str
    track: str | None
    cue: Cue
    low: tuple[str, ...]
    exact: tuple[str, ...] | None
    group: tuple[str, str | None]


@dataclass(slots=True)  # not frozen: made by the thousand per article, and never shared
class Hit:
    """A match in one sentence: tokens [start, end)."""

    role: str
    track: str | None
    cue: Cue
    start: int
    end: int


@dataclass
class Lexicon:
    """Everything the classifier matches, indexed by the first token in lower case."""

    config: ClassifierConfig
    track_ids: tuple[str, ...]
    tracks_hash: str
    index: dict[str, list[Entry]] = field(default_factory=dict)
    # Tracks whose talks are a relation between two configured sides (actors and counterparts).
    relation_tracks: tuple[str, ...] = ()

    def add(self, role: str, track: str | None, cue: Cue) -> None:
        tokens = tokenize(cue.pattern)
        if not tokens:
            return
        letters = [c for c in cue.pattern if c.isalpha()]
        exact = tuple(tokens) if len(letters) > 1 and all(c.isupper() for c in letters) else None
        group = ("place" if role in ("venue", "host") else role, track)
        entry = Entry(role, track, cue, tuple(fold(t) for t in tokens), exact, group)
        bucket = self.index.setdefault(entry.low[0], [])
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.low))  # longest first, so "Sharm el-Sheikh" beats "Sharm"

    def match(self, tokens: list[str], low: list[str]) -> list[Hit]:
        """Every cue and vocabulary word in a tokenised sentence, in order. Within one role and
        track the longest match wins and overlapping shorter ones are dropped."""
        hits: list[Hit] = []
        covered: dict[tuple[str, str | None], int] = {}
        n = len(low)
        index = self.index
        for i in [i for i, word in enumerate(low) if word in index]:
            for entry in index[low[i]]:
                size = len(entry.low)
                if covered.get(entry.group, 0) > i or i + size > n:
                    continue
                if size > 1 and tuple(low[i : i + size]) != entry.low:
                    continue
                if entry.exact is not None and tuple(tokens[i : i + size]) != entry.exact:
                    continue
                covered[entry.group] = i + size
                hits.append(Hit(entry.role, entry.track, entry.cue, i, i + size))
        return hits


_BY_HASH: dict[str, Lexicon] = {}
# Hashing a whole config costs more than classifying an article, so a config object seen before
# is recognised by identity (held weakly, so a dead config's id is never mistaken for a new one).
_BY_OBJECT: dict[int, tuple[weakref.ref, Lexicon]] = {}


def compile_lexicon(config: Config) -> Lexicon:
    """The lexicon for `config`, built once per distinct tracks configuration."""
    seen = _BY_OBJECT.get(id(config))
    if seen is not None and seen[0]() is config:
        return seen[1]
    key = config.tracks_hash
    lexicon = _BY_HASH.get(key)
    if lexicon is None:
        lexicon = _build(config, key)
        if len(_BY_HASH) > 16:
            _BY_HASH.clear()
        _BY_HASH[key] = lexicon
    if len(_BY_OBJECT) > 64:
        _BY_OBJECT.clear()
    _BY_OBJECT[id(config)] = (weakref.ref(config), lexicon)
    return lexicon


def _build(config: Config, tracks_hash: str) -> Lexicon:
    lexicon = Lexicon(config=config.classifier, track_ids=tuple(t.id for t in config.tracks), tracks_hash=tracks_hash)
    for track in config.tracks:
        for role in TRACK_ROLES:
            for cue in getattr(track, role + "s"):
                lexicon.add(role, track.id, cue)
    for cue in config.scope.terms:
        lexicon.add("scope", None, cue)
    for cue in config.scope.exclude:
        lexicon.add("exclude", None, cue)
    for role, key in VOCABULARY.items():
        for word in getattr(config.classifier, key):
            lexicon.add(role, None, Cue(word))
    for word in RESPONSE_WORDS:
        lexicon.add("response", None, Cue(word))
    lexicon.relation_tracks = tuple(t.id for t in config.tracks if t.actors and t.counterparts)
    return lexicon
