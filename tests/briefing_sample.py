"""A briefing assembled from hand-made summaries, for renderer tests that must not depend on
what the classifier or summarizer happen to pick (fixed dates keep the output deterministic),
and helpers to read rendered HTML back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from digest.briefing import Window, assemble_briefing
from digest.models import Article, Figure, Quote, Summary, SummarySentence

NOW = datetime(2025, 3, 6, 5, 0, tzinfo=UTC)
WINDOW = Window(datetime(2025, 3, 5, 5, 0, tzinfo=UTC), NOW, "new", date(2025, 3, 6))
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def article(i: int, title: str, outlet: str | None, text: str = "", url: str | None = None, **kw) -> Article:
    return Article(
        id=i, location=f"/inbox/a{i}.txt", title=title, text=text or title, content_hash=f"h{i}", outlet=outlet,
        url=url, published=datetime(2025, 3, 5, 8, 30, tzinfo=UTC) + timedelta(minutes=i), **kw,
    )


def summaries() -> dict[str, Summary]:
    doha = (
        article(1, "Talks resume in Doha as mediators press for a second phase", "Al Jazeera",
                url="https://example.org/doha-talks", author="Hamza Abu Sharkh"),
        article(2, f"Qatar hosts delegations {HOSTILE}", "The National", url="javascript:alert(1)"),
    )
    cairo = (article(3, "Egyptian proposal for a 50-day truce circulated in Cairo", "Ahram Online",
                     url="https://example.org/cairo"),)
    us = (article(4, "Envoy met Hamas officials directly, officials confirm", "Reuters", url="https://example.org/us"),)
    return {
        "doha": Summary(
            articles=doha,
            sentences=(
                SummarySentence("Negotiators from Israel and Hamas resumed indirect talks in Doha on Wednesday.", (0, 1), 0.9),
                SummarySentence(f"A delegation led by خليل الحية and an Israeli team under דוד ברנע arrived. {HOSTILE}", (1,), 0.7),
                SummarySentence("Mediators said the first phase would be extended by two weeks.", (0,), 0.5, repeated=True),
            ),
            one_liners=("Talks resumed in Doha with Qatari and Egyptian mediators.", f"Delegations arrived {HOSTILE}"),
            figures=(Figure("59", "hostages still held in Gaza", "hostages", "59 hostages remain.", (0,)),
                     Figure("1,900", "Palestinian prisoners to be freed", "prisoners", "...", (0, 1), disputed=True)),
            quotes=(Quote("“We are closer than we have been in weeks,”", "a Qatari official", 0),
                    Quote(f"Nothing is agreed {HOSTILE}", None, 1)),
            track="doha",
        ),
        "cairo": Summary(
            articles=cairo,
            sentences=(SummarySentence("Egypt circulated a proposal for a 50-day truce and a staged hostage release.", (0,), 0.8),),
            one_liners=("Egypt's proposal would pause fighting for 50 days.",),
            track="cairo",
        ),
        "us_hamas": Summary(
            articles=us,
            sentences=(SummarySentence("The US envoy met Hamas officials in Doha, the White House confirmed.", (0,), 0.8),),
            one_liners=("A first direct meeting between US and Hamas officials.",),
            track="us_hamas",
        ),
    }


def sample_briefing(config, *, out_of_scope: int = 2, tracks=("doha", "cairo", "us_hamas", "other")):
    groups = summaries()
    top = [groups["doha"].sentences[0], groups["cairo"].sentences[0], groups["us_hamas"].sentences[0]]
    copies = {1: [article(9, "Talks resume in Doha", "Gulf Times"), article(10, "Talks resume", "Al Jazeera")]}
    return assemble_briefing(config, WINDOW, tuple(tracks), {k: v for k, v in groups.items() if k in tracks},
                             [t for t in top if t.text in {s.text for k in tracks if k in groups for s in groups[k].sentences}],
                             out_of_scope=out_of_scope, duplicates=copies, now=NOW)


def store_sample_articles(store) -> None:
    """Put the sample's articles in a fresh store under the same ids (digests refer to them)."""
    from dataclasses import replace

    seen = {}
    for summary in summaries().values():
        for a in summary.articles:
            seen[a.id] = a
    for article_id in sorted(seen):
        stored, _ = store.insert_article(replace(seen[article_id], id=None), None)
        assert stored.id == article_id, "store_sample_articles needs an empty store"


def parse_strict(html: str):
    """Parse as HTML5, failing on any parse error."""
    import html5lib

    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


def element_names(tree) -> list[str]:
    return [el.tag for el in tree.iter() if isinstance(el.tag, str)]


def all_text(tree) -> str:
    return " ".join(t for t in tree.itertext())


def heading_levels(tree) -> list[int]:
    return [int(el.tag[1]) for el in tree.iter() if isinstance(el.tag, str) and el.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
