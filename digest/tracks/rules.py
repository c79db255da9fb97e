"""The general rules: what a venue, host or actor mention means in its sentence.

The rules hold no names: they read the roles the configuration gives to words (venues, hosts,
actors, counterparts, talk words, mediator words, ...) and reason about English word order:

- a venue or host country is where talks happen when the wording says so: "talks in X",
  "arrived in X", "delegation to X", "in X for talks", "X-hosted", "hosted by X", "X talks";
- it is not a venue when it says where someone lives ("the political office in X", "X-based"),
  what happened there ("an Israeli strike on Hamas officials in X"), or who mediates
  ("Qatari mediators", "Egypt and Qatar", "via Qatar");
- a relation track (actors and counterparts) needs the actor itself talking to the counterpart
  in one sentence: "A held talks with B", "A met B", "talks between A and B", "A-B talks",
  "B met with A". Another party between them ("A urged Israel to resume talks with B"), or a
  speech verb after the actor ("A said talks with B ...") breaks the relation; an actor named
  only as a plan's author ("A's proposal") or in a list of mediators is not talking;
- answering a proposal is an exchange too, through whoever carries it: the counterpart accepting,
  rejecting or answering a plan the actor made ("B accepts A's plan", "B's answer to a proposal
  from A", "A's plan after B's acceptance"), or the actor taking up the counterpart's answer ("A
  welcomed B's response"). It weighs less than talking, so a round at a venue still wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.tracks.lexicon import ANNOUNCE_INFINITIVES, ANNOUNCE_WORDS, DEAL_WORDS, Hit, Lexicon

ARTICLES = frozenset({"the", "a", "an"})
COORDINATION = frozenset({"and", ",", "&"})
VENUE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "for"})
CONTEXT_PREPOSITIONS = frozenset({"in", "at"})
RESIDENCE_PREPOSITIONS = frozenset({"in", "at", "to"})
HOSTED_PREPOSITIONS = frozenset({"by", "in"})
VIA = frozenset({"via", "through"})
PREPOSITIONS = frozenset({
    "on", "about", "over", "in", "at", "to", "for", "from", "by", "of", "into", "after", "before",
    "under", "against", "as", "through", "via", "between", "among", "regarding",
})
CLAUSE_BREAKS = frozenset({";", ":", "(", ")", "—", "–"})
HOST_TO_OBJECT = 3  # words between a host and the party it acts on ("Qatar has long hosted Hamas")
DATELINE_FOLLOWERS = frozenset({",", "(", "/", "-", "—", "–"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# Nouns that, after "the" and an adjective or two, take up an organisation as a pronoun does: "A
# senior Hamas official said that the militant group was ready to start a dialogue with the US".
TAKE_UP_NOUNS = frozenset({"group", "movement", "organisation", "organization"})
# "Boehler said his meetings with Hamas ...": the talks are still the subject's own
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})
AUXILIARIES = frozenset({
    "has", "have", "had", "will", "would", "is", "was", "does", "did", "can", "could", "should", "must", "may",
    "might", "wants", "insists", "rejects", "rejected", "refuses", "refused", "accused", "denied", "warns",
})

MONTHS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
})
# "strike a deal", "struck an agreement": the verb of a bargain, not an attack
BARGAIN_VERBS = frozenset({"strike", "strikes", "struck", "striking"})
BARGAINS = frozenset({
    "deal", "deals", "agreement", "agreements", "accord", "bargain", "arrangement", "arrangements", "compromise",
})
# Answering a proposal (the words have the role "response"): nouns that name the answer itself,
# and the ways of taking up a plan that do not make it one's own ("a US-backed plan")
RESPONSE_NOUNS = frozenset({"response", "responses", "reply", "replies", "answer", "answers", "acceptance", "rejection"})
TRUCE_WORDS = frozenset({"ceasefire", "cease-fire", "truce"})
SUPPORT_WORDS = frozenset({"backed", "sponsored", "supported", "endorsed"})
# Handing a plan over: "A submitted a proposal to B", "A sends B a plan", "the plan A sent to B"
GIVE_VERBS = frozenset({
    "submit", "submits", "submitted", "send", "sends", "sent", "present", "presents", "presented", "hand", "hands",
    "handed", "deliver", "delivers", "delivered", "convey", "conveys", "conveyed", "transmit", "transmits",
    "transmitted", "pass", "passes", "passed", "give", "gives", "gave",
})
GIVE_REACH = 8  # tokens from the give verb to the counterpart
# ... and the other side of it: "B said it had received some ideas from A through mediators"
RECEIVE_VERBS = frozenset({"receive", "receives", "received", "receiving"})
RECEIVED_THINGS = frozenset({"idea", "ideas", "message", "messages", "letter", "letters"})  # besides a plan
RECEIVE_REACH = 6  # tokens from the receive verb to "from"
NEGATIONS = frozenset({"no", "not", "never"})
# "rejects a UN resolution backing A's plan": what is answered is the thing that backs the plan
BACKING = frozenset({"backing", "endorsing", "supporting", "sponsoring", "welcoming", "approving", "adopting"})
# Talk words that are a verb of taking part when they follow a place: "Egypt and Qatar met on Friday
# in Cairo" says who met, not where ("the Doha talks", "the Cairo meeting" say where). A host that
# announces ("Qatar announced the deal") is read as before: its announcement places the talks.
PARTICIPANT_VERBS = frozenset({
    "met", "meet", "meets", "held", "hold", "holds", "spoke", "speaks", "sat", "discussed", "talked", "negotiated",
    "convened", "gathered",
})
SPEECH_ONLY = frozenset({"says", "said", "states", "stated"})  # what an official says may be comment, not news
# A state's office or official, who speaks for it: "Qatar's foreign ministry", "the Qatari prime minister".
OFFICE_WORDS = frozenset({
    "prime", "minister", "ministry", "foreign", "spokesman", "spokeswoman", "spokesperson", "emir", "president",
    "presidency", "government", "cabinet", "official", "officials", "intelligence", "chief", "head", "office",
    "pm", "fm", "premier",
})
PRESS = frozenset({"reporters", "journalists", "press", "media", "newsmen"})  # spoken to, they hold no talks
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight"})

# How far (in tokens) the rules look around a mention.
TRIGGER_WINDOW = 5  # a talk, travel or party word before "in X"
INCIDENT_BEFORE = 6
INCIDENT_AFTER = 3
DATED_BEFORE = 2  # "previous rounds in Cairo"
DATE_RUN = 5  # tokens of a date before its month or year: "Monday , October 6 , 2025"
DATED_AFTER = 7  # "met in Paris in January", "Cairo hosted a string of rounds in the first half of 2024"
ACTOR_TO_TALK = 6
# Talk words that reach the other side with "to": "Hamas sent a letter to Trump", "Boehler spoke to Hamas".
ADDRESSED = frozenset({"letter", "letters", "message", "messages", "spoke", "speak", "speaks", "speaking", "talk", "talked",
                       "talking", "wrote", "write", "writes"})
TOLD = frozenset({"told", "informed", "notified"})  # ... the other side, named right after the verb
WITH_TO_COUNTERPART = 6
DESCRIPTION = 4  # words describing a side: "between US envoy Adam Boehler and senior Hamas officials"
SUBJECT_TO_TALKS_WITH = 14  # "Hamas says it will free a hostage after talks with the US"
SPEECH_TO_PRONOUN = 4  # "Hamas said on Friday it had agreed": the subject taken up again
RESPONSE_TO_PLAN = 24  # "agreed to release all hostages, alive and dead, under the terms of Trump's plan"
NOUN_TO_PLAN = 10  # "in response to United States President Donald Trump's 20-point plan"
PLAN_TO_RESPONSE = 8  # "Trump's Gaza plan after Hamas' partial acceptance"
NAME_TO_ANSWER = 2  # "Hamas' partial acceptance", "the Hamas response"
PROPOSAL_SHARE = 1 / 2  # of `relation`: answering a plan through go-betweens against talking


def answers_a_proposal(low: list[str], hits: list[Hit], hi: int) -> bool:
    """Someone accepts, rejects or answers a plan before token `hi`: "Hamas accepts the truce
    proposal", "... in response to the plan", "the plan after Hamas' acceptance" (one clause),
    "Hamas hands its ceasefire response to mediators"."""
    responses = [h.start for h in hits if h.role == "response" and h.start < hi]
    if not responses:
        return False
    if any(low[r] in RESPONSE_NOUNS and r > 0 and low[r - 1] in TRUCE_WORDS for r in responses):
        return True  # "Hamas hands its ceasefire response to mediators": the answer to a plan
    plans = [h.start for h in hits if h.role == "plan" and h.start < hi]
    for r in responses:
        for p in plans:
            if r < p <= r + RESPONSE_TO_PLAN or (p < r <= p + PLAN_TO_RESPONSE and low[r] in RESPONSE_NOUNS):
                if not any(low[k] in CLAUSE_BREAKS for k in range(min(r, p), max(r, p))):
                    return True
    return False


@dataclass(slots=True)
class Finding:
    """One piece of evidence before weighting by position: `strength` is the rule's base weight
    times the cue's own weight."""

    track: str | None  # None: the catch-all (an incident)
    cue: str
    kind: str
    strength: float


class SentenceRules:
    """The hits of one sentence and the rules that read them."""

    def __init__(self, lexicon: Lexicon, tokens: list[str], low: list[str], hits: list[Hit], first: bool = False,
                 top: bool = False):
        """`tokens` and `low` from `tokenize_folded`, `hits` from `lexicon.match`; `first`: the
        first sentence of the body, where a dateline may stand; `top`: the headline or the first
        sentence, where a host's own announcement places the article (see `announces`)."""
        self.lexicon = lexicon
        self.tokens, self.low, self.hits = tokens, low, hits
        self.n = len(low)
        self.first = first
        self.top = top
        self.vocab: dict[str, dict[int, int]] = {}
        for hit in self.hits:
            if hit.track is None:
                self.vocab.setdefault(hit.role, {})[hit.start] = hit.end
        incidents = self.vocab.get("incident", {})
        for start in [k for k in incidents if self._bargain(k)]:
            del incidents[start]
        self.states = [h for h in self.hits if h.role in ("host", "actor")]
        self._state_ends = {h.end: h for h in self.states}
        self._state_starts = {h.start: h for h in self.states}
        self._place_ends = {h.end: h for h in self.hits if h.role in ("venue", "host")}

    def _bargain(self, k: int) -> bool:
        """"strike a deal", "struck a separate agreement", "strike further arrangements"."""
        if self.low[k] not in BARGAIN_VERBS:
            return False
        for i in range(k + 1, min(k + 5, self.n)):
            if self.low[i] in BARGAINS:
                return True
            if self.low[i] in PREPOSITIONS or self.low[i] in CLAUSE_BREAKS or self.low[i] in (",", "that", "which", "who"):
                return False
        return False

    # --- small readers -------------------------------------------------------------------

    def at(self, role: str, i: int) -> bool:
        return i in self.vocab.get(role, ())

    def ends_at(self, role: str, i: int) -> bool:
        """A `role` word ends just before token i."""
        return any(end == i for end in self.vocab.get(role, {}).values())

    def last(self, role: str, lo: int, hi: int) -> int | None:
        """The last `role` word starting in [lo, hi). (Starts are stored in sentence order.)"""
        found = None
        for start in self.vocab.get(role, ()):
            if start >= hi:
                break
            if start >= lo:
                found = start
        return found

    def first_of(self, role: str, lo: int, hi: int) -> int | None:
        """The first `role` word starting in [lo, hi)."""
        for start in self.vocab.get(role, ()):
            if start >= hi:
                return None
            if start >= lo:
                return start
        return None

    def has(self, role: str) -> bool:
        return bool(self.vocab.get(role))

    def text(self, start: int, end: int) -> str:
        out = ""
        for i in range(max(start, 0), min(end, self.n)):
            token = self.tokens[i]
            glue = not out or token in ("-", ",", ";", ":", ")", "/", "'s", "’s") or out.endswith(("-", "(", "/"))
            out += token if glue else " " + token
        return out

    def _past_articles(self, i: int) -> int:
        """The index of the first token from i on that is no article (self.n when none is)."""
        while i < self.n and self.low[i] in ARTICLES:
            i += 1
        return i

    def _skip_back(self, i: int) -> int:
        """The index of the token before i, skipping articles and coordinated places
        ("talks in Cairo and Doha": before "Doha" comes "in")."""
        j = i - 1
        while j >= 0:
            if self.low[j] in ARTICLES:
                j -= 1
            elif self.low[j] in COORDINATION and j in self._place_ends:
                j = self._place_ends[j].start - 1
            else:
                return j
        return j

    def negotiating(self) -> bool:
        """The sentence is about negotiating: talk, party, mediator or plan words, or the
        counterpart or another party is named."""
        return any(self.vocab.get(role) for role in ("talk", "party", "mediator", "plan", "third")) or any(
            h.role == "counterpart" for h in self.hits
        )

    def _trigger_before(self, p: int) -> tuple[int, set[str]] | None:
        """The nearest talk, travel, departure, party or host word shortly before token p (a
        preposition), with every role that word has, unless a clause break lies between."""
        found: dict[int, set[str]] = {}
        for role in ("talk", "travel", "departure", "party", "host_word"):
            k = self.last(role, p - TRIGGER_WINDOW, p)
            if k is not None:
                found.setdefault(k, set()).add(role)
        if self.has("plan"):  # "the proposal, handed to Hamas leaders in Cairo": the exchange's place
            for k in range(p - 1, max(p - TRIGGER_WINDOW, 0) - 1, -1):
                if self.low[k] in GIVE_VERBS:
                    found.setdefault(k, set()).add("talk")
                    break
        if not found:
            return None
        k = max(found)
        if found[k] == {"talk"} and (self._forum_meeting(k) or self._to_the_press(k)):
            return None
        return None if self._clause_break(k, p) else (k, found[k])

    def _forum_meeting(self, k: int) -> bool:
        """The talk word at k is a standing body's gathering: "an emergency Arab League summit",
        "the GCC's extraordinary session", "a summit of the Arab League"."""
        if any(self.ends_at("forum", i) for i in range(max(k - 2, 0), k + 1)):
            return True
        return self.first_of("forum", k + 1, k + 4) is not None and self.low[k + 1] == "of"

    def _to_the_press(self, k: int) -> bool:
        """The talk word at k is speaking to the press: "spoke to reporters in Washington", "talked
        to the media in Cairo" say where someone gave a statement, not where talks were held."""
        i = k + 1
        if i >= self.n or self.low[i] not in ("to", "with"):
            return False
        i = self._past_articles(i + 1)
        return i < self.n and self.low[i] in PRESS

    def _talk_verb(self, k: int) -> bool:
        """Whether the talk word at token k is a verb of taking part ("met", "discussed", "holds"),
        not a noun ("talks", "meeting")."""
        return self.low[k] in PARTICIPANT_VERBS

    def _clause_break(self, lo: int, hi: int) -> bool:
        return any(self.low[k] in CLAUSE_BREAKS for k in range(max(lo, 0), min(hi, self.n)))

    def _interrupted(self, lo: int, hi: int, blockers: set[int]) -> bool:
        """A blocker (another party) or a clause break among tokens [lo, hi)."""
        return any(k in blockers or self.low[k] in CLAUSE_BREAKS for k in range(lo, hi))

    def coordinated(self, hit: Hit) -> bool:
        """Listed with another state or actor: "Qatar and Egypt", "Egyptian, Qatari and US"
        (a comma lists only when the list goes on: "Egypt, a State Department official said" does not)."""
        j = hit.end
        if j < self.n and self.low[j] in COORDINATION:
            other = self._state_starts.get(self._past_articles(j + 1))
            if other is not None and other is not hit and (
                self.low[j] != "," or (other.end < self.n and self.low[other.end] in COORDINATION)
            ):
                return True
        j = hit.start - 1
        while j >= 0 and self.low[j] in ARTICLES:
            j -= 1
        return j >= 1 and self.low[j] in COORDINATION and j in self._state_ends

    # --- places --------------------------------------------------------------------------

    def place_findings(self) -> list[Finding]:
        config = self.lexicon.config
        out = []
        for hit in self.hits:
            if hit.role not in ("venue", "host"):
                continue
            kind, start, end = self.place_role(hit)
            if kind == "mention":
                strength = config.venue_mention if hit.role == "venue" else config.host_mention
            else:
                # each kind has its weight under the same name; a country in a dateline counts as one
                strength = config.dateline if kind == "dateline_country" else getattr(config, kind)
            if kind in ("venue_pattern", "venue_context") and self.dated(start, end):
                kind, strength = "background", strength * config.background
            elif kind == "mediator" and self.top and self.announces(hit, end):
                kind, strength = "announcement", config.announcement
            elif kind == "mention" and hit.role == "host" and self.top:
                spoke = self.official_speaks(hit)
                if spoke is not None and self.announces(hit, spoke, spoken=True):
                    kind, strength, end = "announcement", config.announcement, spoke + 1
            if kind == "incident":
                out.append(Finding(None, self.text(start, end), kind, strength * hit.cue.weight))
            elif strength > 0:
                out.append(Finding(hit.track, self.text(start, end), kind, strength * hit.cue.weight))
        return out

    def official_speaks(self, hit: Hit) -> int | None:
        """Where the verb is when a host's office or official announces something right after the
        host's name: "Qatar's prime minister on Wednesday announced", "Qatari Prime Minister Sheikh
        Mohammed bin Abdulrahman Al Thani confirmed"; None when anything else comes between, or the
        official only "said" (comment on talks elsewhere, often). A headline's official may only say,
        or be named after a colon at its end ("Hostage deal close, Qatar PM says", "Only minor
        challenges remain in hostage negotiations: Qatari PM"): its words are the story."""
        headline = self.top and not self.first
        e = hit.end
        i, titled = e, False
        while i < self.n and i < e + 16:
            token, low = self.tokens[i], self.low[i]
            if low in OFFICE_WORDS:
                titled = True
            elif low in ANNOUNCE_WORDS and (low not in SPEECH_ONLY or headline):
                return i if titled else None  # announced, proposed, confirmed: not only "said"
            elif not (token[:1].isupper() or low in ("'s", "of", "and", "bin", "al", "on") or low in WEEKDAYS):
                return None
            i += 1
        if not (headline and titled and i == self.n):
            return None
        before = self._skip_back(hit.start)
        return self.n - 1 if before >= 0 and self.low[before] in (":", "-", "—", "–") else None

    def announces(self, hit: Hit, end: int, spoken: bool = False) -> bool:
        """A host speaking or acting as mediator announces the deal, proposal or pause itself:
        "Qatar says Gaza truce to start Friday", "Egypt has proposed a two-day ceasefire",
        "Qatar's mediation ... is on hold". Not when the sentence names another track's place:
        "Egypt, Qatar efforts to mend the deal" are two mediators, no venue."""
        if not any(token in DEAL_WORDS for token in self.low) or self.vocab.get("incident"):
            return False  # "Qatar says the strike on Hamas's negotiators in Doha derails the truce" is an incident
        if any(h.track != hit.track for h in self.hits if h.role in ("venue", "host")):
            return False
        if spoken:
            return True  # its official's verb or a headline's attribution was found (see official_speaks)
        window = self.low[hit.start : min(self.n, end + 4)]
        return any(token in ANNOUNCE_WORDS or (token in ANNOUNCE_INFINITIVES and k and window[k - 1] == "to")
                   for k, token in enumerate(window))

    def dated(self, start: int, end: int) -> bool:
        """Talks at a venue dated to the past near the words that place them: a month ("in
        January", capitalised mid-sentence, so not the verb "may"), a year, or a background word
        ("previous rounds in Cairo", "last month"). News of this week is dated by weekday, and a
        weekday wins: "on Sunday, January 12"."""
        lo, hi = max(start - DATED_BEFORE, 0), min(end + DATED_AFTER, self.n)
        dated, clause_ended = self.first_of("background", lo, hi) is not None, False
        for i in range(lo, hi):
            low = self.low[i]
            if low in WEEKDAYS:
                return False
            clause_ended = clause_ended or (i >= end and low in CLAUSE_BREAKS)
            if not dated and not clause_ended:
                token = self.tokens[i]
                dated = (i > 0 and token in MONTHS) or (len(token) == 4 and token.isdigit() and 1990 <= int(token) <= 2099)
                if dated and self._weekday_dated(i):
                    return False
        return dated

    def _weekday_dated(self, i: int) -> bool:
        """The month or year at token i belongs to a date that opens with a weekday: "on Monday,
        October 6, 2025, in the Egyptian city of ..." is this week's news."""
        k = i - 1
        while k >= max(i - DATE_RUN, 0) and (self.tokens[k] in MONTHS or self.low[k] in (",", ".") or self.low[k].isdigit()):
            k -= 1
        return k >= 0 and self.low[k] in WEEKDAYS

    def place_role(self, hit: Hit) -> tuple[str, int, int]:
        """What a venue or host mention means here, and the span that shows it."""
        low, s, e, n = self.low, hit.start, hit.end, self.n
        p = self._skip_back(s)
        prep = low[p] if p >= 0 else ""
        if self.first and s <= 2 and all(t.isupper() for t in self.tokens[s:e]) and (e == n or low[e] in DATELINE_FOLLOWERS):
            return ("dateline" if hit.role == "venue" else "dateline_country"), s, e
        # where someone lives or works: "Doha-based", "based in Doha", "the political office in Qatar"
        if e + 1 < n and low[e] == "-" and self.at("residence", e + 1):
            return "residence", s, e + 2
        if prep in RESIDENCE_PREPOSITIONS and self.last("residence", p - 2, p) is not None:
            return "residence", self.last("residence", p - 2, p), e
        # what happened there: "an Israeli strike on Hamas leaders in Doha", "the Doha attack"
        k = self.last("incident", s - INCIDENT_BEFORE, s)
        if k is not None and self.last("talk", k, s) is None and self.last("party", k, s) is None:
            return "incident", k, e
        k = self.first_of("incident", e, e + INCIDENT_AFTER + 1)
        if k is not None and self.first_of("talk", e, k) is None:
            return "incident", s, k + 1
        # where talks are: "Qatar-hosted", "Egypt will host talks", "hosted by Qatar", "Doha talks"
        if e + 1 < n and low[e] == "-" and self.at("host_word", e + 1):
            return "venue_pattern", s, e + 2
        h = self.first_of("host_word", e, e + 3)
        if h is not None:
            # "Egypt will host talks", "Egypt hosts Israeli, Hamas delegations"
            found = [k for k in (self.first_of("talk", h, h + 5), self.first_of("party", h, h + 5)) if k is not None]
            if found:
                return "venue_pattern", s, min(found) + 1
        if prep in HOSTED_PREPOSITIONS and self.ends_at("host_word", p):
            return "venue_pattern", p - 1, e
        if self.at("talk", e) and not self._talk_verb(e):
            return "venue_pattern", s, self.vocab["talk"][e]
        # a journey names a venue when the travellers are negotiators: "Trump lands in Qatar" on a
        # state visit is context only, "Israel's team lands in Qatar" is a round
        journey = "venue_pattern" if self.negotiating() else "venue_context"
        if prep == "from":
            k = self.last("departure", p - TRIGGER_WINDOW, p)
            if k is not None and not self._clause_break(k, p):
                return journey, k, e  # "recalled its negotiators from Doha"; not "arrived from Doha"
        elif prep in VENUE_PREPOSITIONS:
            found = self._trigger_before(p)
            if found is not None:
                k, roles = found
                if roles == {"departure"} and prep in ("to", "for"):
                    return "venue_context", k, e  # "left for Doha": a destination, maybe not talks
                if roles <= {"travel", "departure"}:
                    return journey, k, e
                if roles != {"departure"}:
                    return "venue_pattern", k, e
            k = self.first_of("talk", e, e + TRIGGER_WINDOW)
            if k is not None and not self._clause_break(e, k):
                return "venue_pattern", p, self.vocab["talk"][k]
        if prep not in PREPOSITIONS and p >= 0 and (self.ends_at("travel", p + 1) or self.ends_at("departure", p + 1)):
            return journey, p, e  # "left Doha", "reached Cairo"
        k = self.first_of("residence", e, e + 6)
        if k is not None and self.first_of("talk", e, k) is None:
            return "residence", s, k + 1  # "Qatar, which hosts the group's political office"
        # who mediates: "via Qatar", "Qatari mediators", "mediator Egypt", "Qatar and Egypt", "Doha said"
        if prep == "with" and self.has("talk"):
            if hit.role == "host" and self._receives_party(p, e):
                return "venue_context", p, e  # "a Hamas delegation met with Egyptian intelligence officials": the host's round
            return "mediator", p, e  # "talks with Washington": a party to the talks, not where they are
        if prep in VIA:
            # "through Qatari and Egyptian mediators" names mediators; "via Qatar" alone a go-between
            k = self.first_of("mediator", e, e + 4)
            if k is not None and "as" not in self.low[e:k]:
                return "mediator", p, self.vocab["mediator"][k]
            return "go_between", p, e
        if self.at("mediator", e) or (e + 1 < n and low[e] in ("-", "'s") and self.at("mediator", e + 1)):
            return "mediator", s, self.vocab["mediator"].get(e) or self.vocab["mediator"][e + 1]
        if p >= 0 and (self.ends_at("mediator", p + 1) or (prep == "," and self.ends_at("mediator", p))):
            return "mediator", p, e
        if self.coordinated(hit):
            return "mediator", s, e
        if self.at("speech", e) or (e + 1 < n and low[e] == "," and self.at("speech", e + 1)):
            return "mediator", s, self.vocab["speech"].get(e) or self.vocab["speech"][e + 1]  # "Cairo warned": the state speaking
        if e < n and (low[e] in AUXILIARIES or low[e] in ANNOUNCE_WORDS):
            return "mediator", s, e + 1  # "Cairo has rejected", "Doha will not allow", "Qatar announces": the state acting
        if e + 1 < n and low[e] == "to" and low[e + 1] in ANNOUNCE_INFINITIVES:
            return "mediator", s, e + 2  # "Qatar to pause mediation": a headline's state about to act
        if prep in CONTEXT_PREPOSITIONS and (self.has("talk") or self.has("party")) and not self._at_forum(p):
            return "venue_context", p, e
        return "mention", s, e

    def _receives_party(self, p: int, e: int) -> bool:
        """The host named right before "with" at p is its officials receiving a delegation named
        before it: "A Hamas delegation met with Egyptian intelligence officials" (a round that host
        holds, wherever the text leaves it), not "Netanyahu spoke with Egyptian officials"."""
        officials = any(self.low[k] in OFFICE_WORDS for k in range(e, min(e + 3, self.n)))
        return officials and self.last("party", max(0, p - TRIGGER_WINDOW), p) is not None

    def _at_forum(self, p: int) -> bool:
        """The preposition at p places a standing body's gathering: "an Arab League summit in Cairo"."""
        k = self.last("talk", p - TRIGGER_WINDOW, p)
        return k is not None and self._forum_meeting(k)

    # --- relations -----------------------------------------------------------------------

    def relation(self, track: str) -> Finding | None:
        """The first place in the sentence where the track's actors talk to its counterparts."""
        actors = [h for h in self.hits if h.role == "actor" and h.track == track and self.acting(h)]
        counterparts = self._counterparts(track)
        if not actors or not counterparts:
            return None
        blockers = self._blockers()
        for a in actors:
            for b in counterparts:
                span = self._related(a, b, blockers)
                if span:
                    return Finding(track, self._relation_text(span), "relation", self.lexicon.config.relation)
        return None

    def actor_findings(self, track: str) -> list[Finding]:
        weight = self.lexicon.config.actor_mention
        return [
            Finding(track, self.text(h.start, h.end), "actor", weight * h.cue.weight)
            for h in self.hits
            if h.role == "actor" and h.track == track and weight > 0 and self.acting(h)
        ]

    def acting(self, actor: Hit) -> bool:
        """False when the actor is only a plan's author ("Witkoff's proposal", "a US-backed plan",
        "a proposal from Witkoff") or one of a list of mediators ("Egypt, Qatar and the US")."""
        if self._plan_of(actor) is not None:
            return False
        if self.coordinated(actor) and any(
            h.role == "host" and abs(h.start - actor.start) <= 6 for h in self.states
        ):
            return False
        return True

    def _plan_of(self, actor: Hit) -> int | None:
        """The plan word the actor is named with, if any: "Witkoff's proposal", "the Trump plan",
        "a US-backed plan", "a proposal from Witkoff"."""
        s, e = actor.start, actor.end
        k = self.first_of("plan", e, e + 5)
        if k is not None and not any(
            self.low[i] in (",", ";") or self.at("talk", i) or i in self._state_starts for i in range(e, k)
        ):
            return k
        p = s - 1
        while p >= 0 and self.low[p] in ARTICLES:
            p -= 1
        if p >= 0 and self.low[p] in ("from", "by"):
            return self.last("plan", p - 4, p)
        return None

    def _gives(self, actor: Hit) -> int | None:
        """The give verb the actor is the subject of: "Witkoff submitted", "the US has sent",
        "Witkoff and the President submitted" (a name or title joined to the subject)."""
        start = actor.end
        if start < self.n and self.low[start] == "and":
            start += 1
            while start < min(actor.end + 5, self.n) and (self.low[start] in ARTICLES or self.tokens[start][:1].isupper()):
                start += 1
        for g in range(start, min(start + 3, self.n)):
            if self.low[g] in GIVE_VERBS:
                return g
            if self.low[g] not in AUXILIARIES and self.low[g] not in ("also", "formally", "officially"):
                return None
        return None

    # --- answering a proposal ------------------------------------------------------------

    def proposal_relation(self, track: str) -> Finding | None:
        """The first place where the track's counterpart answers a plan the track's actor made, or
        the actor takes up the counterpart's answer (see the module docstring)."""
        responses = self.vocab.get("response")
        if not responses:
            return None
        actors = [h for h in self.hits if h.role == "actor" and h.track == track]
        counterparts = self._counterparts(track)
        if not actors or not counterparts:
            return None
        plans = {}  # plan word -> the actor who made the plan ("backed" by the US: not made by it)
        for a in actors:
            k = self._plan_of(a)
            if k is not None and self.low[k] not in SUPPORT_WORDS:
                plans.setdefault(k, a)
        blockers = self._blockers()
        # the go-betweens may stand between the answer and who gives it ("handed mediators its answer")
        thirds = self._third_tokens()
        for b in counterparts:
            for r in responses:
                span = self._answers_plan(b, r, plans, thirds, blockers) or self._answer_taken_up(b, r, actors, blockers)
                if span:
                    return self._proposal(track, self._relation_text(span))
        return None

    def handed_plan(self, track: str) -> Finding | None:
        """The track's actor handing the counterpart a plan, whoever carries it: "A submitted a
        proposal to B", "A sends B a plan", "A presented B with a plan", "the plan A sent to B",
        and a go-between carrying A's own plan: "he passed to B an A proposal", "Qatar handed B
        the A proposal". The actor who gives must be the verb's subject (nothing between but an
        auxiliary); a plan someone else gives must be the actor's own. Nobody else may stand
        between the verb and the counterpart ("A sent a plan to Qatar for B" is still A's plan:
        the go-between is only the carrier, so a mediator does not block)."""
        plans = self.vocab.get("plan")
        if not plans:
            return None
        actors = [h for h in self.hits if h.role == "actor" and h.track == track]
        counterparts = self._counterparts(track)
        if not actors or not counterparts:
            return None
        thirds = self._third_tokens()
        for a in actors:
            g = self._gives(a)
            if g is not None:
                handed = self._handed(g, counterparts, thirds, a)
                if handed is not None:
                    p, b = handed
                    return self._proposal(track, self.text(min(a.start, p), max(b.end, plans[p])))
        own = {k: a for a in actors if (k := self._plan_of(a)) is not None and self.low[k] not in SUPPORT_WORDS}
        if own:
            for g in (k for k, word in enumerate(self.low) if word in GIVE_VERBS):
                handed = self._handed(g, counterparts, thirds)
                if handed is not None and handed[0] in own:
                    p, b = handed
                    return self._proposal(track, self.text(g, max(b.end, plans[p])))
        return None

    def _handed(self, g: int, counterparts: list[Hit], thirds: set[int], giver: Hit | None = None) -> tuple[int, Hit] | None:
        """(plan word, counterpart) when the give verb at g hands a counterpart a plan: "sent a plan
        to B", "sent B a plan", "passed to B a plan", "presented B with a plan", or with the
        `giver` named before the plan, "the plan A sent to B"."""
        lo = giver.start if giver is not None else g
        for b in counterparts:
            if not g < b.start <= g + GIVE_REACH or self._clause_break(lo, b.end) or any(k in thirds for k in range(g, b.start)):
                continue
            p = None
            if self.low[b.start - 1] == "to":  # "sent a plan to B", "the plan A sent to B", "passed to B a plan"
                p = self.first_of("plan", g + 1, b.start - 1)
                if p is None and b.start == g + 2:
                    p = self.last("plan", giver.start - 5, giver.start) if giver is not None else None
                    p = p if p is not None else self.first_of("plan", b.end, b.end + 6)
            elif b.start <= g + 2:  # "sent B a plan", "presented B with a plan"
                p = self.first_of("plan", b.end, b.end + 6)
            if p is not None:
                return p, b
        return None

    def _proposal(self, track: str, text: str) -> Finding:
        """A plan exchanged between the track's two sides, shown by `text`: half a relation (PROPOSAL_SHARE)."""
        return Finding(track, text, "proposal", self.lexicon.config.relation * PROPOSAL_SHARE)

    def received_plan(self, track: str) -> Finding | None:
        """The counterpart receiving a plan, ideas or a message from the track's actor, whoever
        carries it: "B said it had received some ideas from A through mediators", "B received a new
        proposal from A". The verb is in B's own clause (see _own_clause), what is received stands
        between it and "from", and A comes right after "from"; "no new proposals" is none."""
        if RECEIVE_VERBS.isdisjoint(self.low):
            return None  # most sentences: no word of receiving, so none of the work below
        actors = {h.start: h for h in self.hits if h.role == "actor" and h.track == track}
        if not actors:
            return None
        low, thirds = self.low, self._third_tokens()
        for b in self._counterparts(track):
            for r in range(b.end, min(b.end + SUBJECT_TO_TALKS_WITH + 1, self.n)):
                if low[r] not in RECEIVE_VERBS or not self._own_clause(b.end, r, thirds):
                    continue
                f = next((k for k in range(r + 1, min(r + 1 + RECEIVE_REACH, self.n)) if low[k] == "from"), None)
                if f is None or any(low[k] in NEGATIONS for k in range(r + 1, f)) \
                        or not any(low[k] in RECEIVED_THINGS or self.at("plan", k) for k in range(r + 1, f)):
                    continue
                a = actors.get(self._past_articles(f + 1))
                if a is not None:
                    return self._proposal(track, self._relation_text((b.start, b.end, r, a.end)))
        return None

    def _answers_plan(self, b: Hit, r: int, plans: dict[int, Hit], thirds: set[int], blockers: set[int]) -> tuple[int, ...] | None:
        """"B accepts A's plan", "B agreed to free them under the terms of A's plan", "B's answer to
        a proposal from A" (B's own clause; the first plan after the answer is A's, in one clause,
        nobody else starting a clause between; an answer named by a noun takes its plan with "to"),
        or "A's plan after B's partial acceptance"."""
        if not plans:
            return None
        if r >= b.end and self._own_clause(b.end, r, thirds):
            noun = self.low[r] in RESPONSE_NOUNS
            p = self.first_of("plan", r + 1, r + 1 + (NOUN_TO_PLAN if noun else RESPONSE_TO_PLAN))
            if p in plans and (not noun or self.low[r + 1] == "to") and self._object_of(r, p):
                return b.start, b.end, r, max(self.vocab["plan"][p], plans[p].end)
        if self._answer_of(b, r, blockers):
            p = self.last("plan", b.start - PLAN_TO_RESPONSE, b.start)
            if p in plans and not self._clause_break(p, b.start):
                return min(plans[p].start, p), r + 1
        return None

    def _object_of(self, r: int, p: int) -> bool:
        """The plan word at p is still what the answer at r is about: one clause, nothing reported,
        nobody named as the subject of a new clause ("Israel is preparing", "Netanyahu said")."""
        if self._clause_break(r, p) or self.first_of("speech", r, p) is not None:
            return False
        if any(self.low[k] in BACKING for k in range(r + 1, p)):
            return False
        subjects = [h.end for h in self.hits if h.role in ("third", "host", "actor", "counterpart") and r < h.start < p]
        return not any(e < self.n and self.low[e] in AUXILIARIES for e in subjects)

    def _answer_taken_up(self, b: Hit, r: int, actors: list[Hit], blockers: set[int]) -> tuple[int, ...] | None:
        """"A welcomed B's response", "A is determined to treat B's response as a yes"."""
        if not self._answer_of(b, r, blockers):
            return None
        for a in actors:
            if a.end <= b.start and sum(self.low[k] != "-" for k in range(a.end, b.start)) <= ACTOR_TO_TALK and self.acting(a):
                if not self._interrupted(a.end, b.start, blockers):
                    return a.start, r + 1
        return None

    def _answer_of(self, b: Hit, r: int, blockers: set[int]) -> bool:
        """Token r names B's own answer: "Hamas' partial acceptance", "the Hamas response"."""
        return (
            self.low[r] in RESPONSE_NOUNS
            and b.end <= r <= b.end + NAME_TO_ANSWER
            and not self._interrupted(b.end, r, blockers)
        )

    def paired_elsewhere(self, counterpart: Hit) -> bool:
        """"Israel-Hamas talks", "between Israel and Hamas": the counterpart is talking to someone else."""
        low, s, e = self.low, counterpart.start, counterpart.end
        before = s - 1
        while before >= 0 and low[before] in ARTICLES:
            before -= 1
        if before >= 1 and low[before] in ("-", "and", "/") and self.ends_at("third", before):
            return True
        after = e
        if after < self.n and low[after] in ("-", "and", "/"):
            return self.at("third", self._past_articles(after + 1))
        return False

    def _counterparts(self, track: str) -> list[Hit]:
        """The track's counterparts in this sentence that are not talking to someone else."""
        return [h for h in self.hits if h.role == "counterpart" and h.track == track and not self.paired_elsewhere(h)]

    def _third_tokens(self) -> set[int]:
        """Token positions naming another party (Israel, the PA ...)."""
        return {i for start, end in self.vocab.get("third", {}).items() for i in range(start, end)}

    def _relation_text(self, span: tuple[int, ...]) -> str:
        """The words that show a relation; a long gap between subject and talk word is elided."""
        if len(span) == 2:
            return self.text(*span)
        subject_start, subject_end, talk, end = span
        if talk - subject_end <= 2:
            return self.text(subject_start, end)
        return f"{self.text(subject_start, subject_end)} … {self.text(talk, end)}"

    def _blockers(self) -> set[int]:
        """Token positions naming someone else: other parties, host countries, mediators."""
        out: set[int] = set()
        for role in ("third", "mediator"):
            for start, end in self.vocab.get(role, {}).items():
                out.update(range(start, end))
        for h in self.hits:
            if h.role == "host":
                out.update(range(h.start, h.end))
        return out

    def _related(self, a: Hit, b: Hit, blockers: set[int]) -> tuple[int, int] | None:
        low = self.low
        first, second = (a, b) if a.start < b.start else (b, a)
        between = [t for t in low[first.end : second.start] if t not in ARTICLES]
        # "US-Hamas talks", "talks between the US and Hamas", "the US and Hamas met"
        if between == ["-"] and self.has("talk"):
            return first.start, second.end
        if between == ["and"]:
            p = first.start - 1
            while p >= 0 and low[p] in ARTICLES:
                p -= 1
            if p >= 0 and low[p] == "between":
                return p, second.end
            if self.has("talk") and not any(k in blockers for k in range(max(p - 2, 0), p + 1)):
                return first.start, second.end
        found = self._between_described(first, second, blockers)
        if found:
            return found
        # the party another track's host acts on is no subject (see _object_of_host)
        subjects = [(subject, other) for subject, other in ((a, b), (b, a)) if not self._object_of_host(subject)]
        # "A held talks with B", "A met B", "B met with A"
        for subject, other in subjects:
            found = self._talks_with(subject, other, blockers, speech_breaks=subject is a, telling=subject is b)
            if found:
                return found
        # "Hamas says it will free a hostage after direct talks with Washington"
        for subject, other in subjects:
            found = self._subject_then_talks_with(subject, other, blockers)
            if found:
                return found
        return None

    def _object_of_host(self, party: Hit) -> bool:
        """The party is what another track's host does something to, not the one talking: "Qatar
        has hosted Hamas leaders since 2012 as part of a deal with the United States" (the deal is
        Qatar's). A few words with no comma, clause break, preposition or speech verb between."""
        k = party.start - 1
        while k >= 0 and self.low[k] in ARTICLES:
            k -= 1
        gap = 0
        while k >= 0 and gap <= HOST_TO_OBJECT:
            host = self._state_ends.get(k + 1)
            if host is not None:
                return gap > 0 and host.role == "host" and host.track != party.track
            word = self.low[k]
            if word in CLAUSE_BREAKS or word in COORDINATION or word in PREPOSITIONS or self.at("speech", k):
                return False
            gap += 1
            k -= 1
        return False

    def _in_compound(self, k: int) -> bool:
        """Token k is hyphened to a neighbour: "US-Israeli hostage" names a person, not a party."""
        return (k > 0 and self.low[k - 1] == "-") or (k + 1 < self.n and self.low[k + 1] == "-")

    def _between_described(self, first: Hit, second: Hit, blockers: set[int]) -> tuple[int, int] | None:
        """"talks between US envoy Adam Boehler and senior Hamas officials", "between Hamas's
        Khalil al-Hayya and Palestinian-American businessman Bishara Bahbah": each side may carry a
        few words of description, but nobody else is named."""
        if not self.has("talk"):
            return None
        low = self.low

        def describes(k: int) -> bool:
            return not (low[k] in CLAUSE_BREAKS or low[k] == "," or low[k] in PREPOSITIONS or (k in blockers and not self._in_compound(k)))

        start = first.start - 1
        while start >= max(first.start - 1 - DESCRIPTION, 0) and low[start] != "between" and describes(start):
            start -= 1
        if start < 0 or low[start] != "between":
            return None
        k = first.end
        while k < second.start and low[k] in ARTICLES:
            k += 1
        if k >= second.start or low[k] != "and" or second.start - k - 1 > DESCRIPTION:
            return None
        if all(describes(i) for i in range(k + 1, second.start)):
            return start, second.end
        return None

    def _subject_then_talks_with(self, subject: Hit, other: Hit, blockers: set[int]) -> tuple[int, ...] | None:
        """(subject start, subject end, talk word, other end) when the other side is named right
        after "talks with" (articles aside) further on in the subject's own clause: nobody else is
        named in between (a nationality in a compound, "US-Israeli hostage", names a person) and a
        speech verb is followed by a pronoun that takes the subject up again."""
        low = self.low
        w = other.start - 1
        while w >= 0 and low[w] in ARTICLES:
            w -= 1
        if w <= subject.end or low[w] != "with":
            return None
        talk = next((t for t, end in self.vocab.get("talk", {}).items() if end == w and t >= subject.end), None)
        if talk is None or not self._own_clause(subject.end, talk, blockers | set(self._state_starts)):
            return None
        return subject.start, subject.end, talk, other.end

    def _own_clause(self, subject_end: int, k: int, others) -> bool:
        """Token k is still in the clause of the subject ending at `subject_end`: near enough, none
        of `others` (token positions) named between (a nationality in a compound, "US-Israeli
        hostage", names a person), and a speech verb followed by a pronoun that takes the subject up
        again ("said on Friday it")."""
        low = self.low
        if k - subject_end > SUBJECT_TO_TALKS_WITH:
            return False
        for i in range(subject_end, k):
            if low[i] in CLAUSE_BREAKS or (i in others and not self._in_compound(i)):
                return False
        s = self.last("speech", subject_end, k)
        if s is None:
            return True
        after = self.vocab["speech"][s]
        return any(low[i] in PRONOUNS for i in range(after, min(after + SPEECH_TO_PRONOUN, k))) \
            or self._taken_up(after, k) is not None

    def _taken_up(self, after: int, limit: int) -> int | None:
        """Where "the group" or "the militant movement" right after a speech verb (and "that")
        ends, taking up the organisation that spoke; None when it does not."""
        low, i = self.low, after + (after < limit and self.low[after] == "that")
        if i >= limit or low[i] != "the":
            return None
        for j in range(i + 1, min(i + 4, limit)):
            if low[j] in TAKE_UP_NOUNS:
                return j
        return None

    def _capitalised(self, lo: int, hi: int) -> bool:
        """Whether every token in [lo, hi) is capitalised: a title or a name, nothing else."""
        return all(token[:1].isupper() for token in self.tokens[lo:hi])

    def _talks_with(self, subject: Hit, other: Hit, blockers: set[int], speech_breaks: bool, telling: bool = False,
                    ) -> tuple[int, ...] | None:
        """(subject start, subject end, talk word, other end) when the subject talks with the other.
        With `speech_breaks`, a speech verb after the subject ends its clause ("Witkoff said talks
        with Hamas ...") unless a pronoun takes the subject up again ("Boehler said he met Hamas").
        With `telling`, a word of telling reaches the other side too: "Hamas told Witkoff", "Hamas
        informed US envoy Steve Witkoff" (the counterpart telling the actor; "Trump told Hamas" is
        most often said in public)."""
        low = self.low
        if other.start <= subject.end:
            return None
        # a word of telling is no talk word elsewhere: "told reporters in Doha" places no talks there
        talks = self.vocab.get("talk", {})  # in the order of the sentence, as the hits come
        if telling and not TOLD.isdisjoint(low):
            talks = dict(sorted({**talks, **{k: k + 1 for k, word in enumerate(low) if word in TOLD}}.items()))
        for t in talks:
            if t < subject.end:
                continue
            if t >= other.start:
                break
            if self._interrupted(subject.end, t, blockers):
                return None
            clause = subject.end
            if speech_breaks:
                k = self.last("speech", subject.end, t)
                if k is not None:
                    after = self.vocab["speech"][k]
                    taken = self._taken_up(after, t)  # "said that the militant group was ready to start a dialogue"
                    after += after < t and low[after] == "that"
                    if taken is not None:
                        after = taken
                    elif after >= t or low[after] not in PRONOUNS | POSSESSIVES:
                        return None
                    clause = after + 1
            if sum(low[k] != "-" for k in range(clause, t)) > ACTOR_TO_TALK:
                continue
            talk_end = talks[t]
            rest = low[talk_end : other.start]
            if len(rest) > WITH_TO_COUNTERPART or any(k in blockers for k in range(talk_end, other.start)):
                continue
            lead_in = rest[: rest.index("with")] if "with" in rest else rest
            if low[t] in TOLD and not self._capitalised(talk_end, other.start):
                continue  # "Hamas told Witkoff", "informed US envoy Steve Witkoff"; not "told reporters that Hamas"
            if lead_in[:1] == ["to"] and low[t] in ADDRESSED:
                # "a letter to President Donald Trump", "spoke to Hamas leaders": the other side's title
                # or name right after "to", not someone else ("a message to Palestinians that ...")
                if not self._capitalised(talk_end + 1, other.start):
                    continue
                lead_in = lead_in[1:]
            if len(lead_in) <= 2 and not any(w in PREPOSITIONS or w in CLAUSE_BREAKS or w == "," for w in lead_in):
                return subject.start, subject.end, t, other.end
        return None

    # --- other cues ----------------------------------------------------------------------

    def phrase_findings(self) -> list[Finding]:
        return [Finding(h.track, self.text(h.start, h.end), "phrase", h.cue.weight) for h in self.hits if h.role == "phrase"]

    def scope_hits(self) -> list[Hit]:
        return [h for h in self.hits if h.role in ("scope", "exclude")]
