"""Synthetic news articles for benchmarks: deterministic, varied, roughly the shape of real ones."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

VENUES = ["Doha", "Cairo", "Sharm el-Sheikh", "Paris", "Washington", "Jerusalem", "Gaza City", "Rafah"]
ACTORS = ["Hamas negotiators", "Israeli officials", "Qatari mediators", "Egyptian intelligence officials",
          "the US envoy", "the CIA director", "a senior Hamas official", "the Israeli delegation"]
VERBS = ["met", "held talks with", "rejected a proposal from", "sent a delegation to", "briefed", "pressed"]
TOPICS = ["a phased ceasefire", "the release of hostages", "the exchange of prisoners", "humanitarian aid",
          "the withdrawal of troops", "the return of displaced residents", "reconstruction", "the Rafah crossing"]
FILLER = ["on Tuesday", "late on Wednesday", "according to two people familiar with the talks",
          "officials said", "in a statement", "after weeks of stalled negotiations", "for the first time"]


SPEAKERS = ["Majed al-Ansari", "Basem Naim", "Steve Witkoff", "the Egyptian foreign minister", "an Israeli official",
            "a Hamas spokesman", "the prime minister's office"]
CLAIMS = ["there has been real progress on", "we will not accept any deal that ignores", "the gaps are still wide on",
          "mediators are working day and night on", "no one should expect quick results on"]


def sentence(rng: random.Random, quotes: float = 0.0) -> str:
    """One sentence of reporting, or with chance `quotes` a direct quote and its speaker."""
    if quotes and rng.random() < quotes:
        claim = rng.choice(CLAIMS)
        return f"“{claim[0].upper()}{claim[1:]} {rng.choice(TOPICS)},” {rng.choice(SPEAKERS)} said {rng.choice(FILLER)}."
    n = rng.randint(10, 400)
    parts = [
        rng.choice(ACTORS).capitalize(), rng.choice(VERBS), rng.choice(ACTORS), "in", rng.choice(VENUES),
        "over", rng.choice(TOPICS), rng.choice(FILLER) + ",",
        f"with {n} {rng.choice(['hostages', 'prisoners', 'people killed', 'trucks of aid'])} at stake.",
    ]
    return " ".join(parts)


def article(i: int, sentences: int = 30, seed: int = 7, quotes: float = 0.0) -> tuple[str, str]:
    """(title, body) of article `i`; `quotes` is the share of its sentences that are direct quotes
    (news runs about one in five; the articles are the same as before quotes existed when 0)."""
    rng = random.Random(seed * 1_000_003 + i)
    title = f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(ACTORS)} in {rng.choice(VENUES)} ({i})"
    paragraphs, body = [], [sentence(rng, quotes) for _ in range(sentences)]
    for start in range(0, len(body), 3):
        paragraphs.append(" ".join(body[start : start + 3]))
    return title, "\n\n".join(paragraphs)


def published(i: int) -> datetime:
    return datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=7 * i)


def write_corpus(folder, count: int, sentences: int = 30) -> None:
    """`count` .txt files (headline on the first line) in `folder`."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        title, body = article(i, sentences)
        (folder / f"article_{i:05d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
