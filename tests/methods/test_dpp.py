"""The DPP method: exact volume gains, diversity, groups, fallback (budget: test_every_method)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.methods.dpp import DPP, greedy_map


def _unit_rows(seed: int, count: int, dimensions: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).random((count, dimensions))
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), count=st.integers(2, 12))
def test_each_gain_is_the_ratio_of_determinants(seed, count):
    vectors = _unit_rows(seed, count, 5)
    similarity = vectors @ vectors.T
    quality = np.random.default_rng(seed + 1).uniform(0.5, 2.0, count)
    kernel = quality[:, None] * similarity * quality[None, :]
    chosen = greedy_map(
        quality, similarity, np.full(count, 10.0), np.ones(count, bool), np.arange(count), 60
    )
    picked: list[int] = []
    for index, gain in chosen:
        before = np.linalg.det(kernel[np.ix_(picked, picked)]) if picked else 1.0
        picked.append(index)
        after = np.linalg.det(kernel[np.ix_(picked, picked)])
        assert np.isclose(gain, after / before, rtol=1e-6, atol=1e-9)


def test_a_sentence_inside_the_span_of_the_chosen_is_never_taken():
    # Sentence 1 repeats sentence 0's direction; sentence 2 is new but of lower quality.
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    chosen = greedy_map(
        np.array([2.0, 1.9, 1.0]),
        vectors @ vectors.T,
        np.full(3, 10.0),
        np.ones(3, bool),
        np.arange(3),
        100,
    )
    assert [index for index, _ in chosen] == [0, 2]


def test_one_sentence_per_group_and_only_eligible_ones():
    vectors = _unit_rows(7, 6, 6)
    chosen = greedy_map(
        np.ones(6),
        vectors @ vectors.T,
        np.full(6, 10.0),
        np.array([True, True, True, True, True, False]),
        np.array([0, 0, 1, 1, 2, 3]),
        100,
    )
    indices = [index for index, _ in chosen]
    assert 5 not in indices
    assert len({index // 2 for index in indices}) == len(indices)


def test_without_any_volume_it_falls_back_to_relevance(storm_cluster):
    # A cluster whose sentences have no content words has an all-zero cosine matrix.
    flat = replace(storm_cluster, similarity=np.zeros_like(storm_cluster.similarity))
    assert DPP().select(flat, 60)
