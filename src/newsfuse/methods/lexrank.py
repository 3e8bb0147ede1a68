"""LexRank over the cluster's sentence graph, with cross-article links weighted up.

Continuous LexRank (Erkan & Radev 2004) on TF-IDF cosine; edges between
sentences of different articles get ``cross_document_weight`` (Wan & Yang's
observation that agreement across sources marks salient content).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.methods.base import Summarizer
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register


def stationary_distribution(
    weights: np.ndarray, damping: float, tolerance: float = 1e-6
) -> np.ndarray:
    """PageRank of a weighted graph by power iteration."""
    count = len(weights)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.divide(
        weights, totals, out=np.full_like(weights, 1.0 / count), where=totals > 0
    )
    rank = np.full(count, 1.0 / count)
    for _ in range(200):
        updated = (1 - damping) / count + damping * (transition.T @ rank)
        if np.abs(updated - rank).sum() < tolerance:
            return updated
        rank = updated
    return rank


@register("lexrank")
@dataclass(kw_only=True)
class LexRank(Summarizer):
    description = "graph centrality of sentences, cross-article agreement weighted up"
    damping: float = 0.85
    threshold: float = 0.1
    cross_document_weight: float = 2.0

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        doc_index = np.array([s.doc_index for s in cluster.sentences])
        weights = np.where(cluster.similarity >= self.threshold, cluster.similarity, 0.0)
        np.fill_diagonal(weights, 0.0)
        weights = weights * np.where(
            np.equal.outer(doc_index, doc_index), 1.0, self.cross_document_weight
        )
        return stationary_distribution(weights, self.damping)
