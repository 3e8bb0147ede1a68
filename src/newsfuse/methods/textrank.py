"""TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap sentence similarity.

Two sentences are linked by the number of content-word stems they share,
divided by ``log |S_i| + log |S_j|`` (their lengths in content words), so long
sentences do not win just by being long. The graph is undirected and weighted;
the score is its stationary distribution with damping 0.85, as in the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.methods.base import Summarizer
from newsfuse.methods.lexrank import stationary_distribution
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register


def overlap_similarity(cluster: PreparedCluster) -> np.ndarray:
    """Mihalcea & Tarau's similarity: shared stems / (log len_i + log len_j)."""
    binary = (cluster.vectors != 0).astype(np.float64)
    shared = np.asarray((binary @ binary.T).todense())
    lengths = np.array([len(s) for s in cluster.stems], dtype=np.float64)
    logs = np.log(np.maximum(lengths, 1.0))
    denominator = logs[:, None] + logs[None, :]
    similarity = np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator > 0)
    np.fill_diagonal(similarity, 0.0)
    return similarity


@register("textrank")
@dataclass(kw_only=True)
class TextRank(Summarizer):
    description = "PageRank over shared-word sentence similarity (Mihalcea & Tarau 2004)"
    damping: float = 0.85

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        return stationary_distribution(overlap_similarity(cluster), self.damping)
