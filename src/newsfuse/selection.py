"""Budgeted sentence selection and the order of the selected sentences.

Shared by the methods: a method scores sentences, selection picks them under
the word budget, at most one per same-content group, skipping near-repeats.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from newsfuse._text import leans_on_previous
from newsfuse.features import opens_unattributed_quote
from newsfuse.models import Sentence
from newsfuse.prepare import PreparedCluster

MIN_CANDIDATE_WORDS = 6
MAX_CANDIDATE_WORDS = 70
REDUNDANCY = 0.5
# How far back in its article a sentence opening with a pronoun, or a quotation that does not
# name its speaker, may find what it leans on.
_LEANING_REACH = 2


def candidate_mask(cluster: PreparedCluster, *, introductions: bool = False) -> np.ndarray:
    """Sentences worth putting in a summary: full statements of a readable length that
    the cluster's newer articles have not overtaken.

    A sentence ending on a colon introduces what follows ("Police arrested the following:")
    and says nothing alone; ``introductions=True`` keeps such sentences (training labels
    them, see ``training.cluster_rows``). Falls back to every sentence when none qualifies
    (a cluster of fragments), so a summary is never silently empty.
    """
    endings = ("?",) if introductions else ("?", ":")
    mask = np.array(
        [
            MIN_CANDIDATE_WORDS <= s.words <= MAX_CANDIDATE_WORDS
            and not s.text.rstrip().endswith(endings)
            and not overtaken
            for s, overtaken in zip(cluster.sentences, cluster.overtaken, strict=True)
        ]
    )
    return mask if mask.any() else np.ones(len(cluster.sentences), dtype=bool)


class BudgetTracker:
    """Words used, groups used, and the redundancy check, for one selection."""

    def __init__(self, cluster: PreparedCluster, words: int, redundancy: float = REDUNDANCY):
        self._cluster = cluster
        self._remaining = words
        self._redundancy = redundancy
        self._groups: set[int] = set()
        self.chosen: list[int] = []

    def fits(self, index: int) -> bool:
        sentence = self._cluster.sentences[index]
        if sentence.words > self._remaining or self._cluster.group_of[index] in self._groups:
            return False
        return not (
            self.chosen and self._cluster.similarity[index, self.chosen].max() > self._redundancy
        )

    def add(self, index: int) -> None:
        self.chosen.append(index)
        self._groups.add(self._cluster.group_of[index])
        self._remaining -= self._cluster.sentences[index].words

    @property
    def full(self) -> bool:
        return self._remaining < MIN_CANDIDATE_WORDS


def greedy_select(
    cluster: PreparedCluster, scores: np.ndarray, words: int, redundancy: float = REDUNDANCY
) -> list[int]:
    """Best-scoring candidates first, each kept if it fits the budget and adds something new."""
    tracker = BudgetTracker(cluster, words, redundancy)
    candidates = candidate_mask(cluster)
    for index in np.argsort(-scores, kind="stable"):
        if tracker.full:
            break
        if candidates[index] and tracker.fits(index):
            tracker.add(int(index))
    return tracker.chosen


def first_appearance_order(cluster: PreparedCluster, chosen: Iterable[int]) -> list[int]:
    """Order selected sentences by where their content first appears across the sources.

    The key is the earliest sentence position, in any article, of any sentence
    of the same group (ties: article order). News puts the main event first, so
    this reads like a story: what happened, then reactions, then background. A
    sentence opening with a pronoun or connective then moves to just after the
    chosen sentence of its article that it leans on, if there is one; so does a
    quotation that does not say who speaks, since its speaker is named before it.
    """

    def key(index: int) -> tuple[int, int]:
        members: Sequence[Sentence] = cluster.groups[cluster.group_of[index]].members
        first = min(members, key=lambda s: (s.position, s.doc_index))
        return first.position, first.doc_index

    order = sorted(chosen, key=key)
    sentences = cluster.sentences
    # A sentence that leans on the one before it ("He said...", "But the board...") follows
    # the nearest chosen sentence of its own article at most two sentences earlier, so that
    # "he" is the person that sentence names. In reading order, so a chain stays a chain.
    for index in sorted(order, key=lambda i: (sentences[i].doc_index, sentences[i].position)):
        sentence = sentences[index]
        if not (leans_on_previous(sentence.text) or opens_unattributed_quote(sentence.text)):
            continue
        hosts = [
            other
            for other in order
            if sentences[other].doc_index == sentence.doc_index
            and 0 < sentence.position - sentences[other].position <= _LEANING_REACH
        ]
        if hosts:
            host = max(hosts, key=lambda other: sentences[other].position)
            order.remove(index)
            order.insert(order.index(host) + 1, index)
    return order
