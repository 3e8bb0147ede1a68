"""TextRank: word-overlap similarity, PageRank, budget and determinism."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.methods.textrank import TextRank, overlap_similarity
from newsfuse.pipeline import summarize_prepared


def test_similarity_is_shared_stems_over_log_lengths(storm_cluster):
    similarity = overlap_similarity(storm_cluster)
    stems = storm_cluster.stems
    i, j = 0, 1
    shared = len(set(stems[i]) & set(stems[j]))
    expected = shared / (np.log(len(stems[i])) + np.log(len(stems[j])))
    assert similarity[i, j] == np.float64(expected) or abs(similarity[i, j] - expected) < 1e-12
    assert np.allclose(similarity, similarity.T)
    assert np.all(np.diag(similarity) == 0)


def test_scores_are_a_distribution(storm_cluster):
    scores = TextRank().score(storm_cluster)
    assert scores.shape == (len(storm_cluster.sentences),)
    assert abs(scores.sum() - 1.0) < 1e-6
    assert np.all(scores > 0)


@settings(max_examples=40, deadline=None)
@given(words=st.integers(min_value=1, max_value=400))
def test_budget_respected(storm_cluster, words):
    summary = summarize_prepared(storm_cluster, words, "textrank")
    assert summary.words <= words
    assert summary.sentences


def test_deterministic(storm_cluster):
    first = summarize_prepared(storm_cluster, 60, "textrank")
    second = summarize_prepared(storm_cluster, 60, "textrank")
    assert first.text == second.text
