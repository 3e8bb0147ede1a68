"""Lin & Bilmes submodular selection: partition, budget with either partition, singleton check."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.methods.submodular import Submodular, spherical_kmeans
from newsfuse.pipeline import summarize_prepared


def test_kmeans_separates_two_obvious_clusters():
    # Two orthogonal bundles of unit vectors: cosine 1 within, 0 across.
    vectors = np.array([[1, 0], [1, 0], [0.99, 0.141], [0, 1], [0.141, 0.99]], dtype=float)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = spherical_kmeans(vectors @ vectors.T, 2)
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] != labels[0]


@settings(max_examples=40, deadline=None)
@given(
    words=st.integers(min_value=1, max_value=400), partition=st.sampled_from(["kmeans", "groups"])
)
def test_budget_respected(storm_cluster, words, partition):
    summary = summarize_prepared(storm_cluster, words, "submodular", partition=partition)
    assert summary.words <= words
    assert summary.sentences


def test_best_singleton_wins_when_greedy_is_worse(storm_cluster):
    # A budget that fits exactly one sentence: the result is a single sentence.
    longest = max(s.words for s in storm_cluster.sentences)
    picked = Submodular(cost_exponent=1.0).select(storm_cluster, longest)
    assert sum(storm_cluster.sentences[i].words for i, _ in picked) <= longest
