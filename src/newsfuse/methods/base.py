"""The interface every summarization method implements."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from newsfuse.prepare import PreparedCluster
from newsfuse.selection import greedy_select


class Summarizer:
    """Scores the sentences of a prepared cluster and selects some under a word budget.

    Subclasses set ``description``, hold their settings as keyword arguments
    (dataclass fields) and implement ``score``; a method whose selection is more
    than "best first" overrides ``select`` too.
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def score(self, cluster: PreparedCluster) -> np.ndarray:
        """One salience score per sentence of ``cluster`` (higher is better)."""
        raise NotImplementedError

    def select(self, cluster: PreparedCluster, words: int) -> list[tuple[int, float]]:
        """``(sentence index, score)`` of the chosen sentences, in choosing order."""
        scores = self.score(cluster)
        return [(i, float(scores[i])) for i in greedy_select(cluster, scores, words)]
