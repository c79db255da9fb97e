"""Scoring the classifier against gold files: the arithmetic, the gold format, the command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from digest.errors import InputError
from digest.evaluate import Prediction, evaluate_classification, load_gold, score_predictions

TESTS = Path(__file__).resolve().parent
LABELS = ("doha", "cairo", "us_hamas", "other")


def prediction(gold: str, predicted: str, n: int = 0) -> Prediction:
    return Prediction(id=str(n), path="x", gold=gold, predicted=predicted, gold_secondary=(), secondary=(), confidence=0.5)


def test_scores_by_hand():
    pairs = [
        ("doha", "doha"), ("doha", "doha"), ("doha", "cairo"),      # doha: 2 of 3 found
        ("cairo", "cairo"), ("cairo", "doha"),                      # cairo: 1 of 2
        ("us_hamas", "us_hamas"),                                   # us_hamas: 1 of 1
        ("other", "out_of_scope"), ("out_of_scope", "other"),      # both count as other
        ("other", "us_hamas"),
    ]
    scores = score_predictions([prediction(g, p, i) for i, (g, p) in enumerate(pairs)], LABELS)
    assert scores.accuracy == round(6 / 9, 4)
    per = {s.track: s for s in scores.per_track}
    assert (per["doha"].precision, per["doha"].recall) == (round(2 / 3, 4), round(2 / 3, 4))
    assert (per["cairo"].precision, per["cairo"].recall, per["cairo"].f1) == (0.5, 0.5, 0.5)
    assert (per["us_hamas"].precision, per["us_hamas"].recall) == (0.5, 1.0)
    assert per["us_hamas"].f1 == round(2 * 0.5 * 1.0 / 1.5, 4)
    assert (per["other"].precision, per["other"].recall, per["other"].support) == (1.0, round(2 / 3, 4), 3)
    expected_macro = (2 / 3 + 0.5 + 2 / 3 + 0.8) / 4
    assert scores.macro_f1 == pytest.approx(expected_macro, abs=1e-3)
    assert scores.confusion["doha"] == {"doha": 2, "cairo": 1, "us_hamas": 0, "other": 0}
    assert scores.confusion["other"] == {"doha": 0, "cairo": 0, "us_hamas": 1, "other": 2}


def test_a_label_nobody_has_or_got_is_left_out_of_macro_f1():
    scores = score_predictions([prediction("doha", "doha"), prediction("cairo", "cairo")], LABELS)
    assert scores.macro_f1 == 1.0
    scores = score_predictions([prediction("doha", "doha"), prediction("cairo", "us_hamas")], LABELS)
    assert scores.macro_f1 == pytest.approx((1.0 + 0.0 + 0.0) / 3, abs=1e-4)


def test_seed_gold_file_scores_perfectly(config):
    scores = evaluate_classification(load_gold(TESTS / "seeds-gold.json"), config)
    assert len(scores.predictions) == 5 and not scores.failures
    assert scores.accuracy == 1.0 and scores.macro_f1 == 1.0
    assert scores.secondary_exact == 1.0


def test_the_hard_case_gold_file(config):
    gold = load_gold(TESTS / "resources" / "tracks" / "gold.json")
    scores = evaluate_classification(gold, config)
    assert len(scores.predictions) == len(gold.articles) >= 40
    assert scores.macro_f1 >= 0.95


def test_gold_paths_are_relative_to_the_gold_file():
    gold = load_gold(TESTS / "seeds-gold.json")
    assert all(a.path.is_file() and a.path.parent.name == "seeds" for a in gold.articles)
    assert gold.articles[0].secondary == ("doha",) and gold.clusters[0]["track"] == "doha"


@pytest.mark.parametrize("content,message", [
    (None, "does not exist"),
    ("{not json", "cannot read the gold file as JSON"),
    ('{"items": []}', "an `articles` list"),
    ('{"articles": [{"primary": "doha"}]}', "needs a string `path`"),
    ('{"articles": [{"path": "a.txt", "primary": 3}]}', "`primary` must be a track id"),
    ('{"articles": [{"path": "a.txt"}]}', "nothing to score"),
    ('{"articles": [{"path": "a.txt", "primary": "doha", "secondary": "cairo"}]}', "must be a list"),
])
def test_bad_gold_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "gold.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        load_gold(path)


def test_an_unreadable_gold_article_is_reported_not_scored(tmp_path, config):
    (tmp_path / "a.txt").write_text((TESTS / "resources" / "tracks" / "doha_07.txt").read_text())
    (tmp_path / "gold.json").write_text(json.dumps({"articles": [
        {"id": "a", "path": "a.txt", "primary": "doha"},
        {"id": "b", "path": "missing.txt", "primary": "cairo"},
    ]}))
    scores = evaluate_classification(load_gold(tmp_path / "gold.json"), config)
    assert [p.id for p in scores.predictions] == ["a"]
    assert scores.failures[0][0] == "b"


def test_eval_command_table_and_json(run_cli):
    table = run_cli("eval", TESTS / "seeds-gold.json")
    assert table.exit_code == 0
    assert "accuracy 1.000" in table.output and "macro-F1 1.000" in table.output
    assert "confusion" in table.output and "us_hamas" in table.output
    data = json.loads(run_cli("eval", TESTS / "seeds-gold.json", "--json").output)["classification"]
    assert data["macro_f1"] == 1.0 and data["labels"] == list(LABELS)
    assert len(data["predictions"]) == 5 and all(p["correct"] for p in data["predictions"])
    assert data["confusion"]["cairo"]["cairo"] == 1


def test_a_gold_file_for_summaries_alone_scores_its_clusters_and_classifies_nothing(run_cli, tmp_path):
    for name in ("001", "004"):
        shutil.copy(next((TESTS.parent / "seeds").glob(f"{name}*")), tmp_path / f"{name}.txt")
    (tmp_path / "gold.json").write_text(json.dumps({
        "articles": [{"id": "001", "path": "001.txt"}, {"id": "004", "path": "004.txt"}],
        "clusters": [{"track": "doha", "ids": ["001", "004"],
                      "facts": [{"fact": "talks in Doha", "any_of": ["doha"]}]}],
    }))
    table = run_cli("eval", tmp_path / "gold.json")
    assert table.exit_code == 0, table.output
    assert "macro-F1" not in table.output and "doha" in table.output
    report = json.loads(run_cli("eval", tmp_path / "gold.json", "--json").output)
    assert "classification" not in report
    [cluster] = report["summaries"]["clusters"]
    assert cluster["recall"]["digest"] == 1.0 and cluster["missed"]["digest"] == []
