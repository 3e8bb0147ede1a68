"""TextRank: word-overlap similarity and PageRank."""

from __future__ import annotations

import numpy as np

from newsfuse.methods.textrank import TextRank, overlap_similarity


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
