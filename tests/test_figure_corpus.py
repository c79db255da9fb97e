"""Key figures over 150 sentences written for the purpose (tests/resources/figures): how many of the
figures an analyst would list are found, with the right category, and how few numbers that are no
key figure (years, dates, ages, times) are listed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from digest.summarize.figures import find_figures

CORPUS = Path(__file__).parent / "resources" / "figures" / "sentences.json"


def _value(value: str) -> str:
    return re.sub(r"\s+of$", "", re.sub(r"\s+", " ", value.strip().lower()))  # "hundreds of" is "hundreds"


@pytest.fixture(scope="module")
def counts() -> dict[str, int]:
    out = {"expected": 0, "found": 0, "category": 0, "unexpected": 0}
    for case in json.loads(CORPUS.read_text(encoding="utf-8")):
        wanted = {_value(value): category for value, _, category in case["expected"]}
        optional = {_value(value) for value, *_ in case["optional"]}
        out["expected"] += len(wanted)
        for value, _, category, _ in find_figures(case["sentence"]):
            if _value(value) in wanted:
                out["found"] += 1
                out["category"] += category == wanted[_value(value)]
            elif _value(value) not in optional:
                out["unexpected"] += 1
    return out


def test_most_key_figures_are_found_with_their_category(counts):
    # when the corpus was added: 120 of 177 found, 101 of them in the expected category; 132 and 114 once a
    # count told without its noun ("and more than 170 were wounded", "the number of soldiers killed ... to 310")
    # took the noun of the count before it; 139 and 124 once aid was also counted in tonnes and meals, a part
    # named as "69 of them women" shared its whole's fate and "the remains of 11" were read as hostages
    assert counts["found"] >= 0.78 * counts["expected"], counts
    assert counts["category"] >= 0.88 * counts["found"], counts


def test_numbers_that_are_no_key_figure_stay_out(counts):
    # the 5 listed then are durations the corpus writes with their unit ("42 days" for "42"): no year, date,
    # age or time was listed
    assert counts["unexpected"] <= 5, counts


SECOND = Path(__file__).parent / "resources" / "figures" / "sentences2.json"


_COUNT_WORD = re.compile(r"^(?:all|just|only|the remaining|another)\s+")  # "all 48" lists the 48 the set expects


def _same(listed: str, expected: str) -> bool:
    """Whether a listed value is the expected one, whose unit the second set leaves out ("six-week" for "six")."""
    listed, expected = _COUNT_WORD.sub("", listed), _COUNT_WORD.sub("", expected)
    return listed == expected or listed.startswith(expected + "-") or listed.startswith(expected + " ")


def _lenient_counts(corpus: Path) -> dict[str, int]:
    """The counts of `corpus`, a value matched with or without its unit (see _same)."""
    out = {"expected": 0, "found": 0, "category": 0, "unexpected": 0}
    for case in json.loads(corpus.read_text(encoding="utf-8")):
        listed = [(_value(value), category) for value, _, category, _ in find_figures(case["sentence"])]
        matched: set[str] = set()
        for value, _, category in case["expected"]:
            out["expected"] += 1
            hit = next((item for item in listed if _same(item[0], _value(value))), None)
            if hit:
                matched.add(hit[0])
                out["found"] += 1
                out["category"] += hit[1] == category
        optional = [_value(value) for value, *_ in case["optional"]]
        out["unexpected"] += sum(1 for value, _ in listed
                                 if value not in matched and not any(_same(value, other) for other in optional))
    return out


@pytest.fixture(scope="module")
def second_counts() -> dict[str, int]:
    return _lenient_counts(SECOND)


def test_the_second_set_s_key_figures_are_found_with_their_category(second_counts):
    # when it was written: 100 of 154 found on the code of that day's start, 90 in the expected category, nothing
    # listed that is no key figure; 113 and 110 at the day's end, still nothing else; 116 and 113 the next day, 119
    # and 117 by its end (a ratio's second term, "and 50 for each female soldier", among others)
    assert second_counts["found"] >= 0.75 * second_counts["expected"], second_counts
    assert second_counts["category"] >= 0.97 * second_counts["found"], second_counts
    assert second_counts["unexpected"] <= 2, second_counts


THIRD = Path(__file__).parent / "resources" / "figures" / "sentences3.json"


def test_a_third_set_written_later_is_read_as_well():
    counts = _lenient_counts(THIRD)
    assert counts["expected"] == 106
    # when it was written (70 sentences): 78 found on the code of that day's start, 73 in the expected category,
    # 4 listed that the set does not (three durations it writes with their unit, "six weeks" for "six", and "its
    # first 10 days" of a truce, which is no term of it); 84 and 79 after
    # that day's first fixes, made before the set was read; 86 and 83 at the day's end; 87 and 84 when what a
    # release leaves behind was read as held ("leaving 24 still in Gaza")
    assert counts["found"] >= 87, counts
    assert counts["category"] >= 84, counts
    assert counts["unexpected"] <= 4, counts
