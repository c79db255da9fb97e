"""Summary scoring against gold facts, and the quality it measures.

The seed bar (fact recall >= 0.60 at 5 sentences per track) is the issue's; the clusters in
tests/resources/summarize were written for this project and show the summarizer beating plain
sumy and the lead baseline on text it was not written around.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.summary_eval import (
    LEAD,
    ORACLE,
    OURS,
    GoldFact,
    evaluate_summaries,
    fact_recall,
    lead_sentences,
    load_gold_clusters,
    oracle_sentences,
    plain_sumy_sentences,
)
from digest.errors import InputError

TESTS = Path(__file__).parent
SEEDS_GOLD = TESTS / "seeds-gold.json"
DEV_GOLD = TESTS / "resources" / "summarize" / "gold.json"
HOLDOUT_GOLD = TESTS / "resources" / "summarize" / "holdout" / "gold.json"
# Written with their facts before the summarizer's code was read: 6-7 outlets per event, like
# the outside held-out set (where plain sumy reaches 0.53 and the bar is 0.75).
BLIND_GOLD = TESTS / "resources" / "summarize" / "blind" / "gold.json"
# A second blind batch (4 events, 24 articles), also written before the summarizer was read. Its
# first score was 0.425, level with plain sumy: the bar below only keeps what was gained since.
BLIND2_GOLD = TESTS / "resources" / "summarize" / "blind2" / "gold.json"
# Two more, written by people who never read the summarizer: first scores blind3 0.436 (best sumy
# 0.458), blind4 0.650 (best sumy 0.450). blind3 is 0.539 since the topic factor follows the story,
# 0.564 and blind4 0.700 since background told with a date or after "X's October 7 attack" counts.
BLIND3_GOLD = TESTS / "resources" / "summarize" / "blind3" / "gold.json"
BLIND4_GOLD = TESTS / "resources" / "summarize" / "blind4" / "gold.json"
# Twelve more events from writers given a one-page brief and nothing else: first scores blind5
# 0.433 (best sumy 0.400), blind6 0.483 (best sumy 0.417). Both 0.483 / 0.500 once the war's
# origin and its first truce, told again in every report, count as background; blind6 0.567 once a
# sentence dated weeks before its article does too.
BLIND5_GOLD = TESTS / "resources" / "summarize" / "blind5" / "gold.json"
BLIND6_GOLD = TESTS / "resources" / "summarize" / "blind6" / "gold.json"
# blind7, from the same brief, run once after all of that: 0.417 (best sumy 0.383, oracle 0.650);
# 0.500 with dated background (a biography "released in the 2011 prisoner exchange" goes).
BLIND7_GOLD = TESTS / "resources" / "summarize" / "blind7" / "gold.json"
# blind8, six more events from the same brief, written after the dated-background rule and run
# once: 0.507 (best sumy 0.359, lead 0.304, oracle 0.730).
BLIND8_GOLD = TESTS / "resources" / "summarize" / "blind8" / "gold.json"
# blind9, eight events (nine clusters) whose builders wrote the facts in the seeds' style (short
# names, stems, a number with its noun): the oracle reaches 0.972 and the best plain sumy 0.486,
# near the held-out set's 0.96 and 0.53. Run once: 0.611 (lead 0.444); 0.583 since each outlet's
# word for one thing counts as the same in comparing sentences (one cluster up in real sets
# outside the repository, this one down: a pick naming McGurk gave way to one that does not).
BLIND9_GOLD = TESTS / "resources" / "summarize" / "blind9" / "gold.json"
# blind10, fifteen more events (sixteen clusters) built the same way, each set run once when it
# came (on a93ff7e and 209135d): 0.633 (best sumy 0.447, lead 0.391, oracle 0.891); 0.648 on 209135d.
BLIND10_GOLD = TESTS / "resources" / "summarize" / "blind10" / "gold.json"
# blind11, eight more events (eight clusters, 51 articles) built the same way and run once on 84551c6,
# measurement only: 0.516 (best sumy 0.484, lead 0.406, oracle 0.938), the weakest batch so far.
BLIND11_GOLD = TESTS / "resources" / "summarize" / "blind11" / "gold.json"
# blind12, seven more events (nine clusters, 46 articles) built the same way and run once on cf2609f,
# measurement only: 0.611 (best sumy 0.514, lead 0.403, oracle 0.903).
BLIND12_GOLD = TESTS / "resources" / "summarize" / "blind12" / "gold.json"
# blind13, six more events (six clusters, 43 articles) built the same way and run once on c291059,
# measurement only: 0.583 (best sumy 0.458, lead 0.375, oracle 0.896).
BLIND13_GOLD = TESTS / "resources" / "summarize" / "blind13" / "gold.json"


def test_fact_recall_counts_any_of_case_insensitively():
    facts = [GoldFact("venue", ("doha", "qatari capital")), GoldFact("who", ("barnea",)), GoldFact("number", ("35 hostages",))]
    recall, missed = fact_recall(facts, ["Talks open in the Qatari Capital.", "Mossad chief David Barnea attends."])
    assert recall == pytest.approx(2 / 3) and missed == ("number",)


def test_gold_clusters_load_with_their_articles():
    clusters = load_gold_clusters(SEEDS_GOLD)
    assert [c.track for c in clusters] == ["doha", "cairo", "us_hamas"]
    assert [len(c.articles) for c in clusters] == [2, 1, 2]
    assert all(c.facts for c in clusters)


def test_a_missing_article_is_an_input_error(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"articles": [{"id": "a", "path": "nope.txt"}], "clusters": [{"track": "doha", "ids": ["a"], "facts": []}]}))
    with pytest.raises(InputError, match="nope.txt"):
        load_gold_clusters(gold)
    gold.write_text(json.dumps({"articles": [], "clusters": [{"track": "doha", "ids": ["b"], "facts": []}]}))
    with pytest.raises(InputError, match="'b'"):
        load_gold_clusters(gold)


def test_baselines():
    cluster = load_gold_clusters(DEV_GOLD)[0]
    lead = lead_sentences(cluster.articles, 5)
    assert len(lead) == 5 and all(any(s in a.text for a in cluster.articles) for s in lead)
    assert lead[0] in cluster.articles[0].text and lead[1] in cluster.articles[1].text  # round robin
    assert len(plain_sumy_sentences(cluster.articles, "lexrank", 5)) == 5
    oracle = oracle_sentences(cluster.articles, cluster.facts, 5)
    assert fact_recall(cluster.facts, oracle)[0] >= fact_recall(cluster.facts, lead)[0]


def test_evaluation_table(config):
    evaluation = evaluate_summaries(SEEDS_GOLD, config, sentences=5)
    assert evaluation.methods[0] == OURS and LEAD in evaluation.methods and ORACLE in evaluation.methods
    assert "sumy-lexrank" in evaluation.methods and "sumy-kl" in evaluation.methods
    data = evaluation.to_dict()
    assert set(data["mean"]) == set(evaluation.methods)
    assert all(0 <= v <= 1 for c in data["clusters"] for v in c["recall"].values())
    assert evaluation.mean(ORACLE) == pytest.approx(0.744, abs=0.005)  # the "best any 5 sentences can do"


def test_seed_fact_recall_meets_the_bar(config):
    evaluation = evaluate_summaries(SEEDS_GOLD, config, sentences=5)
    best_sumy = max(evaluation.mean(m) for m in evaluation.methods if m.startswith("sumy-"))
    assert evaluation.mean(OURS) >= 0.60
    assert evaluation.mean(OURS) > best_sumy + 0.15
    assert evaluation.mean(OURS) > evaluation.mean(LEAD) + 0.15


@pytest.mark.parametrize("gold", [DEV_GOLD, HOLDOUT_GOLD], ids=["dev", "holdout"])
def test_own_clusters_beat_plain_sumy_and_lead(config, gold):
    evaluation = evaluate_summaries(gold, config, sentences=5)
    best_baseline = max(evaluation.mean(m) for m in evaluation.methods if m not in (OURS, ORACLE))
    assert evaluation.mean(OURS) >= best_baseline
    assert evaluation.mean(OURS) >= 0.55


def test_digest_eval_adds_the_summary_table(run_cli):
    data = json.loads(run_cli("eval", "--json", SEEDS_GOLD).output)
    summaries = data["summaries"]
    assert summaries["sentences"] == 5 and summaries["methods"][0] == OURS
    assert [c["track"] for c in summaries["clusters"]] == ["doha", "cairo", "us_hamas"]
    assert summaries["mean"][OURS] >= 0.60
    text = run_cli("eval", SEEDS_GOLD).output
    assert "summary fact recall at 5 sentences" in text and "sumy-lexrank" in text and "oracle" in text


@pytest.mark.parametrize(
    ("gold", "bar", "over_sumy", "over_lead", "worst"),
    [(BLIND_GOLD, 0.70, 0.08, 0.2, 0.5), (BLIND2_GOLD, 0.47, 0.04, 0.1, 0.3),
     (BLIND3_GOLD, 0.54, 0.05, 0.1, 0.3), (BLIND4_GOLD, 0.65, 0.15, 0.25, 0.4),
     (BLIND5_GOLD, 0.45, 0.05, 0.15, 0.3), (BLIND6_GOLD, 0.50, 0.1, 0.2, 0.4), (BLIND7_GOLD, 0.45, 0.08, 0.15, 0.3),
     (BLIND8_GOLD, 0.45, 0.1, 0.15, 0.3), (BLIND9_GOLD, 0.55, 0.08, 0.1, 0.375),
     (BLIND10_GOLD, 0.60, 0.12, 0.15, 0.375), (BLIND11_GOLD, 0.50, 0.03, 0.1, 0.375),
     (BLIND12_GOLD, 0.60, 0.08, 0.15, 0.375), (BLIND13_GOLD, 0.55, 0.08, 0.15, 0.375)],
    ids=["blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12",
         "blind13"],
)
def test_blind_clusters_of_many_outlets_reach_a_realistic_bar(config, gold, bar, over_sumy, over_lead, worst):
    evaluation = evaluate_summaries(gold, config, sentences=5)
    best_sumy = max(evaluation.mean(m) for m in evaluation.methods if m.startswith("sumy-"))
    assert evaluation.mean(OURS) >= bar
    assert evaluation.mean(OURS) >= best_sumy + over_sumy
    assert evaluation.mean(OURS) >= evaluation.mean(LEAD) + over_lead
    assert all(c.recall[OURS] >= worst for c in evaluation.clusters)


def test_blind_clusters_through_the_command_the_outside_scoring_uses(run_cli):
    """`digest summarize FILES... --json` with its own track guess, as the held-out set is scored."""
    recalls = []
    for cluster in load_gold_clusters(BLIND_GOLD):
        gold = json.loads(BLIND_GOLD.read_text(encoding="utf-8"))
        paths = {a["id"]: str(BLIND_GOLD.parent / a["path"]) for a in gold["articles"]}
        data = json.loads(run_cli("summarize", "--json", *(paths[i] for i in cluster.ids)).output)
        assert len(data["sentences"]) == 5 and all(s["sources"] for s in data["sentences"])
        recalls.append(fact_recall(cluster.facts, [s["text"] for s in data["sentences"]])[0])
    assert sum(recalls) / len(recalls) >= 0.70

