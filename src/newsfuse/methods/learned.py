"""Learned: a sentence scorer trained on Multi-News, with concept- and redundancy-aware selection.

Scoring. A logistic regression over ``features.sentence_features`` (position,
length, centrality, cross-source support, shared bigram concepts, quotes,
numbers...), trained by ``newsfuse.training`` against ROUGE-2 precision and the
greedy oracle extract of Multi-News summaries. The shipped model is
``newsfuse/data/learned.json`` (a few kB of JSON: means, scales, weights), read
on first use and cached; inference is one small matrix product. The training
articles are cut after about 500 tokens per cluster, so the model never sees a
sentence far down an article: ``position_prior`` (subtracted from the logit per
sentence position) supplies the lead bias that real, full-length articles need.

Selection. Greedy: at each step the candidate with the best

    (probability + coverage * (weight of its not yet covered concepts) / (best single sentence's)
     - redundancy * (max cosine to a chosen sentence)) / words ** cost_exponent

that fits the budget, at most one per same-content group and none with a cosine
above ``max_similarity`` to a chosen sentence. Concepts are the ILP's (stemmed
bigrams weighted by the number of articles holding them, kept from 2 articles,
3 once a cluster has ``many_documents``), so the selection also rewards covering
what several sources report, as Gillick & Favre's ILP does, at greedy cost.

The settings were chosen on the dev sets (Multi-News val250, DUC 2003, DUC 2007,
TAC 2011), preferring the flattest region over the best single point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from newsfuse.features import FEATURE_NAMES, concepts, sentence_features
from newsfuse.methods.base import Summarizer
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register
from newsfuse.selection import MIN_CANDIDATE_WORDS, candidate_mask

MODEL_FORMAT = "newsfuse-learned-1"
SHIPPED_MODEL = "learned.json"


@dataclass(frozen=True)
class LinearModel:
    pairs: tuple[tuple[int, int], ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray

    def decision(self, features: np.ndarray) -> np.ndarray:
        if self.pairs:
            features = np.column_stack([features, *(features[:, a] * features[:, b] for a, b in self.pairs)])
        return ((features - self.mean) / self.scale) @ self.weights


def parse_model(data: dict) -> LinearModel:
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"not a {MODEL_FORMAT} model (format {data.get('format')!r})")
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError("the model was trained on other features than this version computes: retrain it")
    pairs = tuple((FEATURE_NAMES.index(a), FEATURE_NAMES.index(b)) for a, b in data["pairs"])
    return LinearModel(
        pairs,
        np.asarray(data["mean"], dtype=float),
        np.asarray(data["scale"], dtype=float),
        np.asarray(data["weights"], dtype=float),
    )


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel:
    """The model at ``path``, or the shipped one; parsed once per process."""
    if path is None:
        text = resources.files("newsfuse").joinpath("data", SHIPPED_MODEL).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_model(json.loads(text))


@register("learned")
@dataclass(kw_only=True)
class Learned(Summarizer):
    description = "sentence scorer trained on Multi-News oracle extracts, concept- and redundancy-aware selection"
    model: str | None = None
    position_prior: float = 0.05
    coverage: float = 1.0
    cost_exponent: float = 0.6
    redundancy: float = 0.3
    max_similarity: float = 0.5
    min_documents: int = 2
    many_documents: int = 10

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        decision = load_model(self.model).decision(sentence_features(cluster))
        position = np.array([s.position for s in cluster.sentences], dtype=float)
        return 1.0 / (1.0 + np.exp(-(decision - self.position_prior * position)))

    def select(self, cluster: PreparedCluster, words: int) -> list[tuple[int, float]]:
        relevance = self.score(cluster)
        lengths = np.array([s.words for s in cluster.sentences])
        group_of = np.asarray(cluster.group_of)
        open_ = candidate_mask(cluster) & (lengths <= words)
        similarity = cluster.similarity
        closest = np.zeros(len(relevance))
        cost = np.maximum(lengths, 1).astype(float) ** self.cost_exponent
        if self.coverage:
            found = concepts(cluster)
            incidence = found.incidence
            threshold = self.min_documents + (len(cluster.documents) >= self.many_documents)
            weights = np.where(found.document_frequency >= threshold, found.document_frequency, 0.0)
            gains = incidence @ weights
            norm = gains.max() or 1.0
            uncovered = self.coverage * weights / norm
        remaining = words
        picked: list[tuple[int, float]] = []
        while open_.any() and remaining >= MIN_CANDIDATE_WORDS:
            marginal = relevance - self.redundancy * closest
            if self.coverage:
                marginal = marginal + incidence @ uncovered
            marginal = np.where(open_, marginal / cost, -np.inf)
            best = int(np.argmax(marginal))
            picked.append((best, float(relevance[best])))
            remaining -= lengths[best]
            closest = np.maximum(closest, similarity[:, best])
            if self.coverage:
                uncovered[found.of(best)] = 0.0
            open_ &= (lengths <= remaining) & (group_of != group_of[best]) & (closest <= self.max_similarity)
        return picked
