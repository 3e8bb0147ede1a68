"""Centroid: sentences closest to the cluster's mean TF-IDF vector (Radev et al. 2004)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.methods.base import Summarizer
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register


def centroid_similarity(cluster: PreparedCluster) -> np.ndarray:
    """Cosine of each sentence with the normalised mean of all sentence vectors."""
    centroid = np.asarray(cluster.vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    return cluster.vectors @ (centroid / norm) if norm else np.zeros(len(cluster.sentences))


@register("centroid")
@dataclass(kw_only=True)
class Centroid(Summarizer):
    description = "closest to the cluster's TF-IDF centroid"

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        return centroid_similarity(cluster)
