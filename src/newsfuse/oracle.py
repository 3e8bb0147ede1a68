"""Oracle extracts: the sentences that best match a reference summary (training labels only).

ROUGE-1 and ROUGE-2 are counted here directly on n-gram multisets, tokenised
the way Google's ``rouge-score`` does it (lowercase, runs of letters and digits,
Porter stems of tokens longer than three characters), which is about a hundred
times faster than calling ``rouge-score`` for every candidate extension.

Nothing outside training reads a reference: no summarizer imports this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse._text import stem

_TOKEN = re.compile(r"[a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """Tokens as rouge-score makes them with ``use_stemmer=True``."""
    return [stem(t) if len(t) > 3 else t for t in _TOKEN.findall(text.lower())]


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(zip(*(tokens[k:] for k in range(n)))) if n > 1 else Counter(tokens)


def _f1(overlap: int, predicted: int, reference: int) -> float:
    if not overlap or not predicted or not reference:
        return 0.0
    precision, recall = overlap / predicted, overlap / reference
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class SentenceMatch:
    """How one sentence alone matches the reference."""

    rouge1_precision: float
    rouge2_precision: float
    rouge1_recall: float
    rouge2_recall: float


class Reference:
    """A reference summary's unigram and bigram counts, for repeated overlap counting."""

    def __init__(self, text: str):
        tokens = rouge_tokens(text)
        self.unigrams = ngrams(tokens, 1)
        self.bigrams = ngrams(tokens, 2)
        self.unigram_total = max(sum(self.unigrams.values()), 1)
        self.bigram_total = max(sum(self.bigrams.values()), 1)

    def match(self, text: str) -> SentenceMatch:
        tokens = rouge_tokens(text)
        uni, bi = ngrams(tokens, 1), ngrams(tokens, 2)
        o1 = sum((uni & self.unigrams).values())
        o2 = sum((bi & self.bigrams).values())
        return SentenceMatch(
            o1 / max(sum(uni.values()), 1),
            o2 / max(sum(bi.values()), 1),
            o1 / self.unigram_total,
            o2 / self.bigram_total,
        )


def greedy_oracle(
    sentences: Sequence[str],
    reference: str,
    words: int | None = None,
    candidates: Sequence[int] | None = None,
) -> list[int]:
    """Greedy ROUGE-1 + ROUGE-2 F1 oracle: indices of the sentences, in choosing order.

    Adds the sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 of the extract
    against ``reference`` while the score rises and the extract fits ``words``
    (whitespace words; no limit when ``None``). ``candidates`` restricts the choice.
    """
    ref = Reference(reference)
    pool = list(range(len(sentences))) if candidates is None else list(candidates)
    tokens = {j: rouge_tokens(sentences[j]) for j in pool}
    uni = {j: ngrams(tokens[j], 1) for j in pool}
    # Bigrams are counted within sentences, as rouge-score does on a one-line-per-sentence summary
    # (its rouge2 joins all lines; the difference is one bigram per sentence boundary).
    bi = {j: ngrams(tokens[j], 2) for j in pool}
    lengths = {j: len(sentences[j].split()) for j in pool}
    chosen: list[int] = []
    summary_uni: Counter = Counter()
    summary_bi: Counter = Counter()
    overlap_uni = overlap_bi = 0
    used = 0
    best_score = 0.0
    while True:
        best, best_gain = None, best_score
        total_uni = sum(summary_uni.values())
        total_bi = sum(summary_bi.values())
        for j in pool:
            if j in chosen or (words is not None and used + lengths[j] > words):
                continue
            # Overlap of (summary + j) with the reference, computed incrementally.
            add_uni = sum(
                min(c, ref.unigrams[g] - summary_uni[g])
                for g, c in uni[j].items()
                if ref.unigrams[g] > summary_uni[g]
            )
            add_bi = sum(
                min(c, ref.bigrams[g] - summary_bi[g])
                for g, c in bi[j].items()
                if ref.bigrams[g] > summary_bi[g]
            )
            score = _f1(
                overlap_uni + add_uni, total_uni + sum(uni[j].values()), ref.unigram_total
            ) + _f1(overlap_bi + add_bi, total_bi + sum(bi[j].values()), ref.bigram_total)
            if score > best_gain + 1e-12:
                best, best_gain = j, score
        if best is None:
            return chosen
        overlap_uni += sum(
            min(c, ref.unigrams[g] - summary_uni[g])
            for g, c in uni[best].items()
            if ref.unigrams[g] > summary_uni[g]
        )
        overlap_bi += sum(
            min(c, ref.bigrams[g] - summary_bi[g])
            for g, c in bi[best].items()
            if ref.bigrams[g] > summary_bi[g]
        )
        summary_uni.update(uni[best])
        summary_bi.update(bi[best])
        used += lengths[best]
        best_score = best_gain
        chosen.append(best)
