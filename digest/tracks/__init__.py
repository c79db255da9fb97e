"""Tracks: which negotiation track an article is about, with the reasons.

`classify(article, config)` reads the headline, the dateline and every sentence; each unit's
findings (see digest/tracks/rules.py) are weighted by where they stand: the headline counts
most, then a dateline naming a venue, the lead sentences, the body, and late paragraphs least.

A track's score is the sum of its weighted evidence. The catch-all track (`other`) starts with
`min_score` plus its own evidence (talks in other cities, incidents at a venue), so a track wins
only with enough evidence of its own. Before any of that, the scope decides: an article whose
scope terms (Gaza, Hamas, hostages, ...) weigh less than `threshold`, or less than the topics it
is really about (Ukraine, Iran's nuclear programme, ...), is out of scope.

`assign_tracks` keeps the store's assignments current (recomputed when `config.tracks_hash`
changes), and pins set by an analyst override the classifier's primary track.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from digest.config import Config
from digest.models import OTHER, OUT_OF_SCOPE, Article, Evidence, TrackAssignment
from digest.store import Store
from digest.text import is_reporting_credit, quick_sentences
from digest.tracks.lexicon import SCOPE_ROLES, Lexicon, compile_lexicon, tokenize_folded
from digest.tracks.rules import Finding, SentenceRules, answers_a_proposal

logger = logging.getLogger(__name__)

__all__ = ["classify", "classify_many", "assign_tracks", "assignments_for", "pin_article", "unpin_article", "CATCH_ALL"]

CATCH_ALL = OTHER
_SCOPE_TRACK = OUT_OF_SCOPE  # evidence about scope is filed under this pseudo-track
MAX_EVIDENCE = 40  # the strongest reasons are kept; the scores count them all


def classify(article: Article, config: Config) -> TrackAssignment:
    """The track assignment of one article under `config`: pure, no I/O."""
    lexicon = compile_lexicon(config)
    findings: list[tuple[Finding, float, str]] = []  # (finding, position weight, sentence)
    scope_in: dict[str, list] = {}
    scope_out: dict[str, list] = {}
    focused = False  # does the headline or the first sentence speak of talks?
    scope_on_top = False  # ... and of the scope (Gaza, Hamas, hostages, ...)?
    for text, weight, first, top in _units(article, lexicon):
        tokens, low = tokenize_folded(text)
        hits = lexicon.match(tokens, low)
        main_clause = _main_clause_end(low) if top else 0
        for hit in hits:
            if hit.role in SCOPE_ROLES:
                bucket = scope_in if hit.role == "scope" else scope_out
                entry = bucket.setdefault(hit.cue.pattern, [0.0, text])
                entry[0] += hit.cue.weight * weight
                scope_on_top = scope_on_top or (top and hit.role == "scope")
            elif top and hit.role in FOCUS_ROLES and hit.start < main_clause:
                focused = True
        # a plan accepted, rejected or answered is news of the negotiations too
        focused = focused or (top and answers_a_proposal(low, hits, main_clause))
        if not any(hit.track is not None for hit in hits):
            continue  # nothing but vocabulary and scope terms: no rule has anything to read
        rules = SentenceRules(lexicon, tokens, low, hits, first=first, top=top)
        if top and main_clause < len(low) and _reports_an_incident(rules, main_clause):
            # "Israeli strikes kill 30 as a Hamas team heads to Cairo": the news is the strike; the
            # backdrop clause counts as the body does
            head = SentenceRules(lexicon, tokens[:main_clause], low[:main_clause], lexicon.match(tokens[:main_clause], low[:main_clause]), first=first)
            rest = tokens[main_clause:], low[main_clause:]
            backdrop = SentenceRules(lexicon, *rest, lexicon.match(*rest))
            parts = [(head, weight), (backdrop, min(weight, config.classifier.body))]
        else:
            parts = [(rules, weight)]
        for part, part_weight in parts:
            unit_findings = _read(part, lexicon)
            findings += [(f, part_weight, text) for f in unit_findings]
            # a backdrop clause split off above does not make the article about talks
            focused = focused or (top and part is parts[0][0] and any(f.kind in FOCUS_KINDS and f.track for f in unit_findings))
    findings = _one_announcer(findings, lexicon)
    if article.place:
        dateline = _dateline_findings(article.place, lexicon)
        # where it was filed, not what it is about: wire services file war reports from Cairo and Doha
        findings += dateline
    if not focused:
        findings.append((_unfocused(config, article), 1.0, article.title))
    if not scope_on_top:
        findings.append((Finding(None, "headline and first sentence say nothing of the scope", "off_topic", 0.0), 1.0, article.title))
    return _decide(config, lexicon, findings, scope_in, scope_out, article.id)


def _one_announcer(findings: list[tuple[Finding, float, str]], lexicon: Lexicon) -> list[tuple[Finding, float, str]]:
    """A host's own announcement places the article only when no other track's host announces
    too: "Qatar said ... Egypt said ..." are co-mediators, counted as mediators."""
    if len({f.track for f, _w, _t in findings if f.kind == "announcement"}) <= 1:
        return findings
    config = lexicon.config
    ratio = config.mediator / config.announcement if config.announcement else 0.0
    return [(replace(f, kind="mediator", strength=f.strength * ratio) if f.kind == "announcement" else f, w, t)
            for f, w, t in findings]


def _read(rules: SentenceRules, lexicon: Lexicon) -> list[Finding]:
    """What the rules find in one sentence (or clause): places, phrases, relations or actors."""
    found = rules.place_findings() + rules.phrase_findings()
    for track in lexicon.relation_tracks:
        relation = (rules.relation(track) or rules.proposal_relation(track) or rules.handed_plan(track)
                    or rules.received_plan(track))
        found += [relation] if relation else rules.actor_findings(track)
    return found


def _reports_an_incident(rules: SentenceRules, main_clause: int) -> bool:
    """The clause before a backdrop "as" reports a strike or an attack and no talks."""
    vocab = rules.vocab
    if not any(k < main_clause for k in vocab.get("incident", ())):
        return False
    return not any(k < main_clause for role in FOCUS_ROLES for k in vocab.get(role, ()))


# Words and findings that show an article's top is about talks (see `_unfocused`).
FOCUS_ROLES = frozenset({"talk", "party", "travel", "departure", "mediator", "host_word", "plan"})
FOCUS_KINDS = frozenset({"venue_pattern", "venue_context", "relation", "proposal", "phrase", "announcement"})
# Findings that place talks on a track. A track with none (only mentions of a country, its
# mediators, a dateline naming the country but no venue: "RAFAH, Egypt") cannot be the primary
# track: a report about a crossing or a hospital in Egypt is not a Cairo round. A host that
# announces the deal itself in the headline or first sentence ("Qatar says truce to start
# Friday") does place it: the talks it mediates are the ones it hosts.
PLACING_KINDS = FOCUS_KINDS | {"go_between", "dateline"}


# "Strikes kill 40 as mediators push for a truce", "... amid ceasefire talks": the news is before
# the "as"; talk words after it are the backdrop. Not the "as" of a role ("acting as mediators").
BACKDROP_WORDS = frozenset({"as", "amid", "while"})
ROLE_BEFORE_AS = frozenset({"acting", "act", "acts", "served", "serve", "serves", "serving", "such", "well", "same", "known", "seen"})


def _main_clause_end(low: list[str]) -> int:
    """The index where a headline's or first sentence's backdrop clause starts (its length if none)."""
    for i in range(3, len(low) - 1):
        if low[i] in BACKDROP_WORDS and low[i - 1] not in ROLE_BEFORE_AS and low[i + 1] not in ("part", "well", "soon", "long", "much", "many", "if", "of"):
            return i
    return len(low)


def _unfocused(config: Config, article: Article) -> Finding:
    """When neither the headline nor the first sentence speaks of talks, the article is about
    something else (a strike, aid, a hostage release) even if talks come up further down: the
    catch-all's bar rises to `unfocused` times `min_score`."""
    extra = config.classifier.min_score * max(config.classifier.unfocused - 1.0, 0.0)
    return Finding(None, "headline and first sentence say nothing of talks", "focus", extra)


def classify_many(articles: Sequence[Article], config: Config, workers: int = 1) -> list[TrackAssignment]:
    """`classify` for each article, in order. With `workers` > 1 and enough articles to be worth
    it, the work is shared among that many processes (each compiles the cues once)."""
    if workers <= 1 or len(articles) < _PARALLEL_FROM:
        return [classify(a, config) for a in articles]
    size = max(50, -(-len(articles) // (workers * 4)))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(config,)) as pool:
        return [a for part in pool.map(_classify_chunk, chunks) for a in part]


_PARALLEL_FROM = 200  # below this, starting processes costs more than it saves
_worker_config: Config | None = None


def _start_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config
    compile_lexicon(config)


def _classify_chunk(articles: Sequence[Article]) -> list[TrackAssignment]:
    assert _worker_config is not None
    return [classify(a, _worker_config) for a in articles]


def _units(article: Article, lexicon: Lexicon):
    """(text, position weight, is the first sentence, is the headline or first sentence) for the
    headline and each body sentence."""
    config = lexicon.config
    title = article.title.strip()
    if title and title != "(untitled)":
        yield title, config.headline, False, True
    sentences = quick_sentences(article.text)
    if sentences and title and _same(sentences[0], title):
        sentences = sentences[1:]  # the headline was taken from the first sentence
    sentences = [s for s in sentences if not is_reporting_credit(s)]
    for i, sentence in enumerate(sentences):
        if i < config.lead_sentences:
            weight = config.lead
        elif i < config.late_after:
            weight = config.body
        else:
            weight = config.late
        yield sentence, weight, i == 0, i == 0


def _same(a: str, b: str) -> bool:
    return tokenize_folded(a)[1] == tokenize_folded(b)[1]


def _dateline_findings(place: str, lexicon: Lexicon) -> list[tuple[Finding, float, str]]:
    """A place of filing that names a track's venue or host: the strongest such cue per track."""
    tokens, low = tokenize_folded(place)
    rules = SentenceRules(lexicon, tokens, low, lexicon.match(tokens, low))
    best: dict[str, Finding] = {}
    for hit in rules.hits:
        if hit.role in ("venue", "host") and hit.track is not None:
            kind = "dateline" if hit.role == "venue" else "dateline_country"
            finding = Finding(hit.track, rules.text(hit.start, hit.end), kind, lexicon.config.dateline * hit.cue.weight)
            if hit.track not in best or finding.strength > best[hit.track].strength:
                best[hit.track] = finding
    return [(f, 1.0, f"dateline: {place}") for f in best.values()]


def _decide(config: Config, lexicon: Lexicon, findings, scope_in, scope_out, article_id) -> TrackAssignment:
    settings = config.classifier
    evidence = [
        Evidence(track=f.track or CATCH_ALL, cue=f.cue, kind=f.kind, weight=round(f.strength * weight, 3), sentence=text)
        for f, weight, text in findings
        if f.strength * weight > 0
    ]
    scores = {track_id: 0.0 for track_id in lexicon.track_ids}
    scores.setdefault(CATCH_ALL, 0.0)
    for item in evidence:
        scores[item.track] = scores.get(item.track, 0.0) + item.weight
    scores[CATCH_ALL] += settings.min_score
    scores = {k: round(v, 3) for k, v in scores.items()}
    in_score = sum(v[0] for v in scope_in.values())
    out_score = sum(v[0] for v in scope_out.values())
    # the reasons for the scope decision come first when the article is out of scope
    excluded = in_score >= config.scope.threshold and out_score > in_score
    buckets = (("exclude", scope_out), ("scope", scope_in)) if excluded else (("scope", scope_in), ("exclude", scope_out))
    scope_evidence = tuple(
        Evidence(track=_SCOPE_TRACK, cue=cue, kind=kind, weight=round(value, 3), sentence=sentence)
        for kind, bucket in buckets
        for cue, (value, sentence) in sorted(bucket.items(), key=lambda kv: -kv[1][0])[:5]
    )
    evidence = sorted(evidence, key=lambda e: -e.weight)[:MAX_EVIDENCE]
    if in_score < config.scope.threshold or out_score > in_score:
        if in_score < config.scope.threshold:
            confidence = 1.0 - in_score / config.scope.threshold
        else:
            confidence = (out_score - in_score) / out_score
        scores[_SCOPE_TRACK] = round(out_score - in_score, 3)
        return TrackAssignment(
            primary=OUT_OF_SCOPE,
            scores=scores,
            confidence=round(max(0.0, min(1.0, confidence)), 3),
            evidence=scope_evidence + tuple(evidence),
            config_hash=lexicon.tracks_hash,
            article_id=article_id,
        )
    order = {track_id: i for i, track_id in enumerate(lexicon.track_ids)}
    # an article whose headline and first sentence name nothing of the scope (a state visit that
    # mentions Gaza at the end) is no track's: at most the catch-all
    off_topic = any(f.kind == "off_topic" for f, _weight, _text in findings)
    placed = {CATCH_ALL} | (set() if off_topic else {
        f.track for f, weight, _text in findings if f.kind in PLACING_KINDS and f.strength * weight > 0
    })
    ranked = sorted(scores, key=lambda t: (t not in placed, -scores[t], order.get(t, len(order))))
    primary = ranked[0]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    # 0 when a track with more points could not be primary (no placing evidence, off topic)
    confidence = max(0.0, (scores[primary] - runner_up) / scores[primary]) if scores[primary] > 0 else 0.0
    secondary = tuple(
        t for t in ranked[1:] if t != CATCH_ALL and scores[t] >= settings.secondary_min
    )
    return TrackAssignment(
        primary=primary,
        secondary=secondary,
        scores=scores,
        confidence=round(confidence, 3),
        evidence=tuple(evidence) + scope_evidence,
        config_hash=lexicon.tracks_hash,
        article_id=article_id,
    )


# --- the store -------------------------------------------------------------------------------


def assign_tracks(store: Store, config: Config) -> list[TrackAssignment]:
    """(Re)classify every stored article whose assignment is missing or was made under another
    tracks configuration; pins are honoured. Returns the assignments written, pins applied."""
    articles = store.list_articles()
    return _refresh(store, config, articles, store.load_assignments())


def assignments_for(store: Store, config: Config, articles: Iterable[Article]) -> dict[int, TrackAssignment]:
    """The current assignment of each of `articles` (stored ones), classifying and storing those
    that are missing or stale; pins applied."""
    articles = [a for a in articles if a.id is not None]
    stored = store.load_assignments([a.id for a in articles])
    _refresh(store, config, articles, stored)
    pins = store.pins()
    return {a.id: _pinned(stored[a.id], pins.get(a.id)) for a in articles}


def pin_article(store: Store, config: Config, article_id: int, track: str) -> TrackAssignment:
    """Pin an article to `track` (a configured track or out_of_scope); returns its assignment.
    Raises ConfigError for an unknown track and NotFound for an unknown article."""
    if track != OUT_OF_SCOPE:
        config.track(track)
    article = store.get_article(article_id)
    store.set_pin(article_id, track)
    return assignments_for(store, config, [article])[article_id]


def unpin_article(store: Store, config: Config, article_id: int) -> TrackAssignment:
    """Remove an analyst's pin: the classifier's choice applies again."""
    article = store.get_article(article_id)
    store.delete_pin(article_id)
    return assignments_for(store, config, [article])[article_id]


def _refresh(store: Store, config: Config, articles: list[Article], stored: dict[int, TrackAssignment]) -> list[TrackAssignment]:
    """Classify the articles whose stored assignment is missing or stale, store them, and update
    `stored` in place. Returns the new assignments (pins applied)."""
    current = config.tracks_hash
    fresh = [classify(a, config) for a in articles if a.id not in stored or stored[a.id].config_hash != current]
    if fresh:
        store.save_assignments(fresh)
        logger.info("classified %d article(s) under tracks configuration %s", len(fresh), current)
    stored.update((a.article_id, a) for a in fresh)
    pins = store.pins() if fresh else {}
    return [_pinned(a, pins.get(a.article_id)) for a in fresh]


def _pinned(assignment: TrackAssignment, pin: str | None) -> TrackAssignment:
    """A pin decides the primary track; the classifier's own choice stays as a secondary track."""
    if pin is None:
        return assignment
    secondary = tuple(t for t in (assignment.primary, *assignment.secondary) if t not in (pin, OUT_OF_SCOPE, CATCH_ALL))
    return replace(assignment, primary=pin, secondary=secondary, confidence=1.0, pinned=True)
