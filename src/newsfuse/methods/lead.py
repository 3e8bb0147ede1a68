"""Lead: the opening sentences of each article, taken in turn."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfuse.methods.base import Summarizer
from newsfuse.prepare import PreparedCluster
from newsfuse.registry import register


@register("lead")
@dataclass(kw_only=True)
class Lead(Summarizer):
    description = "first sentences of each article in turn (baseline)"

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        # Round robin: every article's first sentence, then every second one, ...
        documents = len(cluster.documents)
        return np.array(
            [-(s.position * documents + s.doc_index) for s in cluster.sentences], dtype=float
        )
