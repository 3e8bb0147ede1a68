"""ROUGE scores of a summary against human references, the way the literature reports them.

Google's ``rouge-score`` (the reimplementation of ROUGE-1.5.5 that most recent
papers use) with Porter stemming, for ROUGE-1, ROUGE-2 and ROUGE-Lsum. The
summary is cut to the word budget first (whitespace tokens, as newsfuse counts
its budget), so a system gains nothing by running over. ROUGE-Lsum compares
sentence by sentence, so both sides go in one sentence per line: the summary's
own sentences, and the references split with newsfuse's sentence splitter
(rouge-score's own splitting needs NLTK's punkt data). With several references
the score is the mean over them, not the maximum, so a cluster with four
references weighs the same as one with a single reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from statistics import fmean

from newsfuse.errors import UsageError
from newsfuse.segment import sentence_spans

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
METRICS = {"f1": "fmeasure", "recall": "recall"}


@lru_cache(maxsize=1)
def _scorer():
    # Built on first use: importing this module (the CLI does) stays cheap.
    from rouge_score.rouge_scorer import RougeScorer

    return RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise UsageError(f"unknown metric {metric!r}: choose one of {', '.join(METRICS)}")


def cut_to_words(sentences: Sequence[str], words: int) -> list[str]:
    """The first ``words`` whitespace tokens of ``sentences``, sentence breaks kept."""
    kept: list[str] = []
    remaining = words
    for sentence in sentences:
        tokens = sentence.split()[:remaining]
        if tokens:
            kept.append(" ".join(tokens))
            remaining -= len(tokens)
    return kept


@lru_cache(maxsize=4096)
def _reference_lines(reference: str) -> str:
    # Cached: every system of an evaluation is scored against the same references.
    return "\n".join(
        reference[start:end] for start, end in sentence_spans(reference, 0, len(reference))
    )


def rouge(
    sentences: Sequence[str], references: Sequence[str], words: int, metric: str = "f1"
) -> dict[str, float]:
    """``{rouge type: score}`` of the summary ``sentences`` cut to ``words`` words.

    ``metric`` is ``f1`` or ``recall``; the score is the mean over ``references``.
    """
    check_metric(metric)
    if not references:
        raise UsageError("ROUGE needs at least one reference summary")
    candidate = "\n".join(cut_to_words(sentences, words))
    field = METRICS[metric]
    per_reference = [_scorer().score(_reference_lines(r), candidate) for r in references]
    return {t: fmean(getattr(s[t], field) for s in per_reference) for t in ROUGE_TYPES}
