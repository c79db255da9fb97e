"""Recorded digests for the site's tests and benchmark: real Briefings assembled from hand-made
summaries (so they do not depend on what the classifier or summarizer pick) and recorded in the
store, one per day. Each day has a word of its own, so a search can tell the days apart."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from digest.briefing import Briefing, Window, assemble_briefing, record_briefing, selected_tracks
from digest.models import Article, Figure, Quote, Summary, SummarySentence

START = date(2025, 1, 6)
SYLLABLES = ["ka", "lo", "mir", "ven", "tu", "sa", "dor", "pel", "ri", "gan", "zu", "fe", "nox", "bi", "que", "ha"]
OUTLETS = ["Al Jazeera", "Reuters", "Ahram Online", "The National", "Times of Israel", "AP", "Haaretz", "BBC"]
VERBS = ["said", "reported", "confirmed", "denied", "announced", "warned"]
SUBJECTS = ["Mediators", "Negotiators", "Officials", "A senior diplomat", "The delegation", "An envoy"]
TOPICS = ["the hostage exchange", "the second phase", "the withdrawal maps", "aid deliveries", "the prisoner list",
          "the truce extension"]


def day_word(n: int) -> str:
    """A made-up word unique to day `n` (no other day's word starts with it)."""
    rng = random.Random(n * 7919)
    return "".join(rng.choice(SYLLABLES) for _ in range(3)) + "".join("xyzw"[int(d) % 4] for d in f"{n:04d}")


def day_summaries(config, n: int, *, per_track: int = 6, sentences: int = 5, extra: str = "") -> dict[str, Summary]:
    """One day's summaries for every configured track: `per_track` articles, `sentences` lines.
    `extra` is appended to the first track's first article title and first sentence (a top line)."""
    rng = random.Random(n)
    word = day_word(n)
    published = datetime.combine(START + timedelta(days=n), time(8), tzinfo=UTC)
    summaries = {}
    for t, track in enumerate(config.tracks):
        articles = tuple(
            Article(
                location=f"/inbox/{n}-{track.id}-{i}.txt",
                title=f"{track.title}: {rng.choice(SUBJECTS)} {rng.choice(VERBS)} progress on {rng.choice(TOPICS)} ({word} {i})"
                + (extra if t == 0 and i == 0 else ""),
                text="...", content_hash=f"{n}-{t}-{i}", outlet=rng.choice(OUTLETS),
                url=f"https://news.example.org/{n}/{track.id}/{i}", published=published + timedelta(minutes=i),
            )
            for i in range(per_track)
        )
        lines = tuple(
            SummarySentence(
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} on day {n} that {rng.choice(TOPICS)} in {track.title} "
                f"moved forward, the {word} sentence {k}." + (extra if t == 0 and k == 0 else ""),
                tuple(sorted({k % per_track, (k + 1) % per_track})), 1.0 - k / 10,
            )
            for k in range(sentences)
        )
        summaries[track.id] = Summary(
            articles=articles, sentences=lines,
            one_liners=tuple(f"One line about article {i} of {track.title}." for i in range(per_track)),
            figures=(Figure(str(40 + n % 20), "hostages still held", "hostages", "...", (0,)),),
            quotes=(Quote("We are closer than before.", "a mediator", 1 % per_track),),
            track=track.id,
        )
    return summaries


def day_briefing(config, n: int, **kw) -> Briefing:
    day = START + timedelta(days=n)
    start = datetime.combine(day, time(0), tzinfo=UTC)
    window = Window(start, start + timedelta(days=1), "day", day)
    summaries = day_summaries(config, n, **kw)
    top = [s.sentences[0] for s in list(summaries.values())[:3]]
    return assemble_briefing(config, window, selected_tracks(config, None), summaries, top,
                             out_of_scope=n % 3, now=start + timedelta(days=1, hours=6))


def record_days(store, config, count: int, *, first: int = 0, pdf: bytes | None = None, **kw) -> list[int]:
    """Record `count` daily digests starting at day `first`. With `pdf`, each digest's folder
    gets those bytes as its briefing.pdf. Returns the digest ids."""
    ids = []
    for n in range(first, first + count):
        briefing = day_briefing(config, n, **kw)
        folder: Path | None = None
        if pdf is not None:
            folder = config.home / "briefings" / briefing.date.isoformat()
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "briefing.pdf").write_bytes(pdf)
        ids.append(record_briefing(store, briefing, str(folder) if folder else None))
    return ids
