"""No furniture among the candidate sentences of fourteen articles scraped-style from fourteen
outlets' pages (tests/resources/furniture), which no rule was written from."""

from __future__ import annotations

from pathlib import Path

from digest.summarize.candidates import extract_candidates
from digest.summary_eval import _read_articles

CORPUS = Path(__file__).parent / "resources" / "furniture"
# A link's label run into the next sentence with no stop between them: no rule can tell it from a
# sentence that opens with a name ("The National's Gaza coverage The war has displaced ...").
KNOWN = {("07.txt", "The National's Gaza coverage")}


def test_no_candidate_sentence_is_furniture():
    inserted = [line.split("\t", 2) for line in (CORPUS / "furniture_inserted.txt").read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
    leaked = []
    for path in sorted(CORPUS.glob("[0-9]*.txt")):
        kept, _ = extract_candidates(_read_articles(path, 10**7))
        furniture = [text.strip() for name, _, text in inserted if name == path.name]
        leaked += [(path.name, text) for candidate in kept for text in furniture
                   if candidate.text.strip() == text or (len(text) >= 20 and text in candidate.text)]
    assert set(leaked) <= KNOWN, leaked
