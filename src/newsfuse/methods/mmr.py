"""Maximal Marginal Relevance (Carbonell & Goldstein 1998) under a word budget."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.methods.base import Summarizer
from newsfuse.methods.centroid import centroid_similarity
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register
from newsfuse.selection import BudgetTracker, candidate_mask


@register("mmr")
@dataclass(kw_only=True)
class MMR(Summarizer):
    description = "relevance to the centroid minus similarity to what is already chosen"
    balance: float = 0.7

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        return centroid_similarity(cluster)

    def select(self, cluster: PreparedCluster, words: int) -> list[tuple[int, float]]:
        relevance = self.score(cluster)
        tracker = BudgetTracker(cluster, words, redundancy=1.0)
        open_ = candidate_mask(cluster)
        picked: list[tuple[int, float]] = []
        while not tracker.full:
            redundancy = (
                cluster.similarity[:, tracker.chosen].max(axis=1)
                if tracker.chosen
                else np.zeros(len(relevance))
            )
            marginal = self.balance * relevance - (1 - self.balance) * redundancy
            marginal[~open_] = -np.inf
            best = int(np.argmax(marginal))
            if not np.isfinite(marginal[best]):
                break
            open_[best] = False
            if tracker.fits(best):
                tracker.add(best)
                picked.append((best, float(marginal[best])))
        return picked
