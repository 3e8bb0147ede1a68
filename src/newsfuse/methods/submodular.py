"""Submodular coverage + diversity (Lin & Bilmes 2011), budgeted greedy.

The objective of a set S of sentences is

    F(S) = L(S) + lambda * R(S)
    L(S) = sum_i min(C_i(S), alpha * C_i(V)),   C_i(S) = sum_{j in S} w_ij
    R(S) = sum_k sqrt(sum_{j in P_k and S} r_j), r_j = (1/N) sum_i w_ij

with ``w`` the TF-IDF cosine of the prepared cluster, ``alpha = alpha_scale / N``
(the paper's ``a / N``; ``a = 20`` and ``lambda = 2`` were the best of a small grid by
ROUGE-2 summed over the Multi-News, DUC 2003, DUC 2007 and TAC 2011 dev sets),
and ``P_k`` a partition of the sentences by spherical
k-means on the TF-IDF vectors (``clusters_per_sentence * N`` clusters, as the paper's
0.2 N), or by the cluster's same-content groups (``partition="groups"``).

The greedy of the paper adds, while anything fits, the sentence with the best
``gain / cost ** r`` (cost in words), then compares the result with the best
single sentence that fits and keeps the better. The usual newsfuse rules hold:
only candidate sentences, at most one per same-content group.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.methods.base import Summarizer
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register
from newsfuse.selection import MIN_CANDIDATE_WORDS, candidate_mask


def spherical_kmeans(similarity: np.ndarray, clusters: int, iterations: int = 10) -> np.ndarray:
    """Spherical k-means labels of unit vectors, computed from their cosine matrix alone.

    With unit vectors, a sentence's cosine to a cluster's mean direction is its
    summed cosine to the members over the norm of the members' sum, and that
    norm is the square root of the members' summed pairwise cosines; so no
    vector is ever materialised. Seeds are chosen farthest-first from the
    sentence most similar to all others, so the same input always gives the
    same partition.
    """
    count = len(similarity)
    clusters = max(1, min(clusters, count))
    seeds = [int(np.argmax(similarity.sum(axis=1)))]
    closest = similarity[:, seeds[0]].copy()
    for _ in range(clusters - 1):
        following = int(np.argmin(closest))
        seeds.append(following)
        closest = np.maximum(closest, similarity[:, following])
    labels = np.argmax(similarity[:, seeds], axis=1)
    labels[seeds] = np.arange(clusters)
    for _ in range(iterations):
        # Column sums per cluster without a dense one-hot product (O(N^2), not O(N^2 K)).
        order = np.argsort(labels, kind="stable")
        sizes = np.bincount(labels, minlength=clusters)
        summed = np.zeros((count, clusters))
        present = np.flatnonzero(sizes)
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])[present]
        summed[:, present] = np.add.reduceat(similarity[:, order], starts, axis=1)
        own = summed[np.arange(count), labels]
        norms = np.sqrt(np.maximum(np.bincount(labels, weights=own, minlength=clusters), 1e-12))
        updated = np.argmax(summed / norms, axis=1)
        if np.array_equal(updated, labels):
            break
        labels = updated
    return labels


@register("submodular")
@dataclass(kw_only=True)
class Submodular(Summarizer):
    description = "coverage plus diversity reward, budgeted greedy (Lin & Bilmes 2011)"
    alpha_scale: float = 20.0
    diversity: float = 2.0
    cost_exponent: float = 0.3
    clusters_per_sentence: float = 0.2
    partition: str = "kmeans"

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        """Each sentence's singleton coverage value (its total similarity to all others)."""
        return cluster.similarity.sum(axis=1)

    def _partition(self, cluster: PreparedCluster) -> np.ndarray:
        if self.partition == "groups":
            return np.asarray(cluster.group_of)
        count = len(cluster.sentences)
        return spherical_kmeans(cluster.similarity, round(self.clusters_per_sentence * count) or 1)

    def select(self, cluster: PreparedCluster, words: int) -> list[tuple[int, float]]:
        weights = cluster.similarity
        count = len(weights)
        lengths = np.array([s.words for s in cluster.sentences], dtype=float)
        group_of = np.asarray(cluster.group_of)
        totals = weights.sum(axis=1)
        caps = (self.alpha_scale / count) * totals
        rewards = totals / count
        labels = self._partition(cluster)
        open_ = candidate_mask(cluster) & (lengths <= words)
        if not open_.any():
            return []

        covered = np.zeros(count)
        reward_mass = np.zeros(labels.max() + 1)
        current = 0.0
        remaining = float(words)
        chosen: list[tuple[int, float]] = []
        while open_.any() and remaining >= MIN_CANDIDATE_WORDS:
            candidates = np.flatnonzero(open_)
            # Coverage gain of each candidate, all at once.
            coverage = np.minimum(covered[:, None] + weights[:, candidates], caps[:, None]).sum(
                axis=0
            )
            coverage -= np.minimum(covered, caps).sum()
            mass = reward_mass[labels[candidates]]
            diversity = np.sqrt(mass + rewards[candidates]) - np.sqrt(mass)
            gains = coverage + self.diversity * diversity
            ratio = gains / lengths[candidates] ** self.cost_exponent
            best_at = int(np.argmax(ratio))
            best = int(candidates[best_at])
            open_[best] = False
            if gains[best_at] <= 0:
                break
            covered += weights[:, best]
            reward_mass[labels[best]] += rewards[best]
            current += float(gains[best_at])
            remaining -= lengths[best]
            chosen.append((best, float(gains[best_at])))
            open_ &= (lengths <= remaining) & (group_of != group_of[best])

        # The paper's safeguard: the best single sentence, if it beats the greedy set.
        fitting = np.flatnonzero(candidate_mask(cluster) & (lengths <= words))
        if len(fitting):
            singles = np.minimum(weights[:, fitting], caps[:, None]).sum(
                axis=0
            ) + self.diversity * np.sqrt(rewards[fitting])
            single = int(np.argmax(singles))
            if singles[single] > current:
                return [(int(fitting[single]), float(singles[single]))]
        return chosen
