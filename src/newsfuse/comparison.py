"""Paired comparison of systems scored on the same clusters.

A mean ROUGE difference between two systems means little on a handful of
clusters: on DUC 2003's nine, near-equal systems differ by two ROUGE-2 points.
Each system is compared with a reference system cluster by cluster: the mean
difference, a paired bootstrap interval for it (clusters resampled with
replacement, percentile interval, Efron & Tibshirani 1993), and how many
clusters it scores higher, equal and lower on. An interval that contains 0
says the set cannot tell the two systems apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.errors import UsageError
from newsfuse.evaluation import Evaluation
from newsfuse.rouge import ROUGE_TYPES

RESAMPLES = 10_000
CONFIDENCE = 0.95
# Per-cluster scores closer than this count as equal (rouge-score's floats).
TIE = 1e-9


@dataclass(frozen=True)
class Difference:
    """``system`` minus ``reference`` on one ROUGE type, on the same clusters."""

    system: str
    reference: str
    rouge_type: str
    mean: float
    low: float
    high: float
    higher: int
    equal: int
    lower: int

    @property
    def clear(self) -> bool:
        """True when the interval excludes 0: the set tells the two systems apart."""
        return self.low > 0 or self.high < 0


def reference_system(evaluation: Evaluation) -> str:
    """``default`` when it was evaluated, else the first system."""
    names = [s.name for s in evaluation.systems]
    return "default" if "default" in names else names[0]


def paired_difference(
    system: Sequence[float],
    reference: Sequence[float],
    resamples: int = RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Mean of ``system - reference`` and its bootstrap interval, as ``(mean, low, high)``."""
    system, reference = np.asarray(system, dtype=float), np.asarray(reference, dtype=float)
    if not len(system) or system.shape != reference.shape:
        raise ValueError("paired scores need the same clusters, at least one")
    differences = system - reference
    count = len(differences)
    rng = np.random.default_rng(seed)
    # Drawn in chunks: all resamples of a few thousand clusters at once would need gigabytes.
    chunk = max(1, 2_000_000 // count)
    means = np.concatenate(
        [
            differences[rng.integers(0, count, (min(chunk, resamples - done), count))].mean(axis=1)
            for done in range(0, resamples, chunk)
        ]
    )
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(differences.mean()), float(low), float(high)


def compare(
    evaluation: Evaluation,
    reference: str | None = None,
    resamples: int = RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = 0,
) -> tuple[Difference, ...]:
    """Every other system against ``reference`` (see ``reference_system``), per ROUGE type."""
    if not 0 < confidence < 1:
        raise UsageError(f"confidence must be between 0 and 1, not {confidence}")
    if resamples < 1:
        raise UsageError(f"resamples must be at least 1, not {resamples}")
    reference = reference or reference_system(evaluation)
    names = [s.name for s in evaluation.systems]
    if reference not in names:
        raise UsageError(
            f"{reference!r} was not evaluated: compare against one of {', '.join(names)}"
        )
    base = {t: [s[t] for s in evaluation.system(reference).scores] for t in ROUGE_TYPES}
    found = []
    for other in evaluation.systems:
        if other.name == reference:
            continue
        for rouge_type in ROUGE_TYPES:
            scores = [s[rouge_type] for s in other.scores]
            mean, low, high = paired_difference(
                scores, base[rouge_type], resamples, confidence, seed
            )
            gaps = np.subtract(scores, base[rouge_type])
            found.append(
                Difference(
                    other.name,
                    reference,
                    rouge_type,
                    mean,
                    low,
                    high,
                    higher=int((gaps > TIE).sum()),
                    equal=int((abs(gaps) <= TIE).sum()),
                    lower=int((gaps < -TIE).sum()),
                )
            )
    return tuple(found)
