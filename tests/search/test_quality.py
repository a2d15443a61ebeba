"""The judged set (search/judged): the ranking stays above a floor, and the measure itself is sound."""

import pytest

from search.quality import load, ndcg, reciprocal_rank, summary

pytestmark = pytest.mark.django_db

# Measured on this ranking: see the README's "Search quality" section for the figures and why
# the floors sit where they do.
FLOOR_NDCG = 0.95
FLOOR_MRR = 0.95


def test_the_judged_set_is_large_enough_and_consistent():
    pages = load("corpus.json")["pages"]
    queries = load("judgements.json")["queries"]
    keys = {page["key"] for page in pages}
    assert len(pages) >= 150 and len(keys) == len(pages)
    assert len(queries) >= 40
    assert {"vi", "vi-folded", "en", "name", "document"} <= {query["kind"] for query in queries}
    for query in queries:
        assert query["expected"] and set(query["expected"]) <= keys, query["query"]
        assert set(query["expected"].values()) <= {1, 2, 3}


def test_metrics_on_known_rankings():
    expected = {"a": 3, "b": 1}
    assert ndcg(["a", "b"], expected) == pytest.approx(1.0)
    assert ndcg(["b", "a"], expected) < 1.0
    assert ndcg(["x", "y"], expected) == 0.0
    assert reciprocal_rank(["x", "b", "a"], expected) == pytest.approx(0.5)
    assert reciprocal_rank(["x"] * 10 + ["a"], expected) == 0.0  # beyond the first ten


def test_ranking_on_the_judged_set_stays_above_the_floor():
    from search.quality import evaluate

    rows = evaluate()
    scores = summary(rows)
    for kind, (count, mean_ndcg, mrr) in scores.items():
        print(f"{kind:10} {count:3d} nDCG@10 {mean_ndcg:.3f} MRR@10 {mrr:.3f}")
    _count, mean_ndcg, mrr = scores["all"]
    assert mean_ndcg >= FLOOR_NDCG and mrr >= FLOOR_MRR
