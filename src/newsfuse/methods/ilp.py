"""Concept coverage by integer linear programming (Gillick & Favre 2009).

Concepts are stemmed word bigrams (a pair of two stopwords is not a concept;
see ``features.concepts``),
weighted by the number of articles that contain them; concepts in fewer than
``min_documents`` articles are dropped (2, or 3 once a cluster has
``many_documents`` articles or more). The program

    maximise    sum_i w_i c_i
    subject to  sum_j l_j s_j <= L                 (word budget)
                s_j <= c_i   for each concept i of sentence j
                c_i <= sum_{j contains i} s_j
                sum_{j in group} s_j <= 1          (one sentence per same-content group)
                s_j binary, 0 <= c_i <= 1

is solved exactly by HiGHS (the concept variables come out integral by
themselves once the sentence variables are). After ``time_limit`` seconds the
best solution found so far is used. With no shared concept (a single article,
or articles with nothing in common) the weights become the number of sentences
holding a bigram; with none of those either, the sentences closest to the
cluster's centroid are taken greedily.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.features import concepts
from newsfuse.methods.base import Summarizer
from newsfuse.methods.centroid import centroid_similarity
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register
from newsfuse.selection import candidate_mask, greedy_select


def concept_weights(cluster: PreparedCluster, min_documents: int) -> np.ndarray:
    """Weight of every concept of the cluster (0 for a concept that is dropped)."""
    found = concepts(cluster)
    weights = np.where(found.document_frequency >= min_documents, found.document_frequency, 0.0)
    if not weights.any():
        # One article, or nothing shared: count sentences instead of articles.
        weights = np.where(found.sentence_frequency >= 2, found.sentence_frequency, 0.0)
    return weights


def solve_ilp(
    lengths: np.ndarray,
    sentence_concepts: list[list[int]],
    weights: np.ndarray,
    budget: float,
    groups: list[list[int]] = (),
    time_limit: float = 2.0,
    sentence_values: np.ndarray | None = None,
) -> list[int] | None:
    """Indices of the sentences of an optimal selection (``None`` if HiGHS found nothing).

    ``sentence_concepts[j]`` lists the concept numbers of sentence ``j``;
    ``groups`` lists sets of sentences of which at most one may be chosen;
    ``sentence_values``, if given, adds a value for choosing each sentence.
    """
    import highspy

    sentences = len(lengths)
    concept_count = len(weights)
    rows_start = [0]
    rows_index: list[int] = []
    rows_value: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def add_row(index: list[int], value: list[float], low: float, high: float) -> None:
        rows_index.extend(index)
        rows_value.extend(value)
        rows_start.append(len(rows_index))
        lower.append(low)
        upper.append(high)

    inf = highspy.kHighsInf
    add_row(list(range(sentences)), [float(x) for x in lengths], -inf, float(budget))
    holders: list[list[int]] = [[] for _ in range(concept_count)]
    for j, found in enumerate(sentence_concepts):
        for i in found:
            holders[i].append(j)
            add_row([j, sentences + i], [1.0, -1.0], -inf, 0.0)
    for i, held in enumerate(holders):
        add_row([sentences + i, *held], [1.0, *([-1.0] * len(held))], -inf, 0.0)
    for group in groups:
        if len(group) > 1:
            add_row(list(group), [1.0] * len(group), -inf, 1.0)

    lp = highspy.HighsLp()
    lp.num_col_ = sentences + concept_count
    lp.num_row_ = len(lower)
    own = (
        np.zeros(sentences) if sentence_values is None else np.asarray(sentence_values, dtype=float)
    )
    lp.col_cost_ = np.concatenate([own, np.asarray(weights, dtype=float)])
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.ones(lp.num_col_)
    lp.row_lower_ = np.array(lower)
    lp.row_upper_ = np.array(upper)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(rows_start, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(rows_index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(rows_value, dtype=float)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * sentences + [
        highspy.HighsVarType.kContinuous
    ] * concept_count

    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("random_seed", 0)
    solver.setOptionValue("time_limit", float(time_limit))
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.passModel(lp)
    solver.run()
    solution = solver.getSolution()
    if not solution.value_valid:
        return None
    values = np.asarray(solution.col_value)[:sentences]
    return [j for j in range(sentences) if values[j] > 0.5]


@register("ilp")
@dataclass(kw_only=True)
class ILP(Summarizer):
    description = (
        "exact coverage of shared bigram concepts by integer programming (Gillick & Favre 2009)"
    )
    min_documents: int = 2
    many_documents: int = 10
    time_limit: float = 2.0

    def _threshold(self, cluster: PreparedCluster) -> int:
        if len(cluster.documents) >= self.many_documents:
            return self.min_documents + 1
        return self.min_documents

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        return concepts(cluster).incidence @ concept_weights(cluster, self._threshold(cluster))

    def select(self, cluster: PreparedCluster, words: int) -> list[tuple[int, float]]:
        found = concepts(cluster)
        weights = concept_weights(cluster, self._threshold(cluster))
        lengths = np.array([s.words for s in cluster.sentences], dtype=float)
        candidates = np.flatnonzero(candidate_mask(cluster) & (lengths <= words))
        numbering: dict[int, int] = {}
        sentence_concepts = []
        for j in candidates:
            sentence_concepts.append(
                [
                    numbering.setdefault(int(c), len(numbering))
                    for c in found.of(j)
                    if weights[c] > 0
                ]
            )
        if not numbering:
            fallback = centroid_similarity(cluster)
            return [(i, float(fallback[i])) for i in greedy_select(cluster, fallback, words)]
        concept_weight = np.zeros(len(numbering))
        for concept, number in numbering.items():
            concept_weight[number] = weights[concept]
        by_group: dict[int, list[int]] = {}
        for local, j in enumerate(candidates):
            by_group.setdefault(cluster.group_of[j], []).append(local)
        chosen = solve_ilp(
            lengths[candidates],
            sentence_concepts,
            concept_weight,
            words,
            list(by_group.values()),
            self.time_limit,
        )
        if chosen is None:
            fallback = self.score(cluster)
            return [(i, float(fallback[i])) for i in greedy_select(cluster, fallback, words)]
        scores = [sum(concept_weight[i] for i in sentence_concepts[local]) for local in chosen]
        return [(int(candidates[local]), float(score)) for local, score in zip(chosen, scores)]
