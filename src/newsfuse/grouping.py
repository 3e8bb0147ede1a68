"""Group sentences that say the same thing, within and across articles.

Two sentences are linked when their TF-IDF cosine is high, or when nearly all
content words of the shorter one are in the longer one (a quote repeated with
extra attribution, a sentence copied with an added clause). Linked sentences
are merged with average linkage, so a chain of loosely related sentences does
not collapse into one group. A negated sentence and a plain one are linked only
when the plain one does not mention what the negation denies.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain

import numpy as np

from newsfuse._text import content_stems, lowered_for_ascii_search

# Against the hand-labelled pairs of tests/data/group_labels.jsonl (``newsfuse eval-grouping``),
# 0.55 grouped 41% of the pairs that say the same at a precision of 0.98; 0.45 groups 74% at
# 0.92 (the pairs it adds wrongly share a detail, not the claim); 0.4 brings recall to 81% but
# precision under 0.9. A citation to a source that does not say the sentence costs the reader
# more than a missing one.
CROSS_DOCUMENT_SIMILARITY = 0.45
SAME_DOCUMENT_SIMILARITY = 0.8
CONTAINMENT = 0.8
CONTAINMENT_MIN_SIMILARITY = 0.4
AVERAGE_LINK = 0.4
_MIN_CONTENT_WORDS = 4
# The least similarity at which two sentences can be linked, by any of the rules below.
_LINK_MIN_SIMILARITY = min(
    CROSS_DOCUMENT_SIMILARITY, SAME_DOCUMENT_SIMILARITY, CONTAINMENT_MIN_SIMILARITY
)
# \b(not|no|never|neither|nor|none|nobody|nothing|without|denied|denies|deny)\b or n't\b, with
# a straight or a typographic apostrophe (web copy of one quote has "don’t", another "don't"). Every
# form starts with a letter: without re.IGNORECASE, re then skips to the next n, w or d in C
# instead of trying the pattern at every character. "(?<!\w..)" after the first two letters of a
# form is the \b before it, tested once those letters match.
_NEGATION_PATTERN = r"""
    n(?:o(?<!\w..)(?:t|r|ne|body|thing)?\b|e(?<!\w..)(?:ver|ither)\b|['’]t\b)
    |wi(?<!\w..)thout\b
    |de(?<!\w..)n(?:ied|ies|y)\b
"""
_NEGATION = re.compile(_NEGATION_PATTERN, re.IGNORECASE | re.VERBOSE)
_LOWERCASE_NEGATION = re.compile(_NEGATION_PATTERN, re.VERBOSE)


def _containment(shorter: set[str], longer: set[str], idf: Callable[[str], float]) -> float:
    """Share of the shorter sentence's content, weighted by rarity, found in the longer one.

    Weighting matters: names the whole story repeats would otherwise make any
    sentence about the same people look contained in any other.
    """
    total = sum(idf(t) for t in shorter)
    return sum(idf(t) for t in shorter & longer) / total if total else 0.0


def _upper_pairs(mask: np.ndarray) -> list[tuple[int, int]]:
    """``(i, j)`` with ``i < j`` where ``mask`` holds, row by row: ``np.triu(mask, k=1)``'s."""
    rows, columns = np.nonzero(mask)
    upper = rows < columns
    return list(zip(rows[upper].tolist(), columns[upper].tolist()))


def is_negated(text: str) -> bool:
    """Whether a sentence says something did not happen (or denies it)."""
    lowered = lowered_for_ascii_search(text)
    if lowered is None:
        return bool(_NEGATION.search(text))
    return bool(_LOWERCASE_NEGATION.search(lowered))


# How many content words after a negation word it denies, at most, within its clause.
_SCOPE_WORDS = 4
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]\"“”—–]")


def negation_scope(text: str) -> frozenset[str] | None:
    """Stems of what a sentence's negations deny, or ``None`` if one of them denies nothing seen.

    A negation denies the first few content words after it in its clause, and the last
    one before it there: "there has been no independent verification" denies "independent
    verification", "the fix did nothing to improve battery life" denies "fix", "improve",
    "battery" and "life".
    """
    scope: set[str] = set()
    clause_start = 0
    for negation in _NEGATION.finditer(text):
        for clause_break in _CLAUSE_END.finditer(text, clause_start, negation.start()):
            clause_start = clause_break.end()
        clause_end = _CLAUSE_END.search(text, negation.end())
        following = text[negation.end() : clause_end.start() if clause_end else len(text)]
        denied = content_stems(following)[:_SCOPE_WORDS]
        if not denied:
            return None
        scope.update(denied)
        scope.update(content_stems(text[clause_start : negation.start()])[-1:])
    return frozenset(scope)


def group_sentences(
    doc_indices: Sequence[int],
    stems: Sequence[Sequence[str]],
    similarity: np.ndarray,
    negated: Callable[[int], bool],
    scope_of: Callable[[int], frozenset[str] | None] | None = None,
) -> list[int]:
    """A group number for each sentence; numbers follow first appearance.

    A negated and a plain sentence are not linked when the plain one mentions
    what the negation denies: with the same words they say opposite things ("did
    not meet" / "may meet"). ``negated(i)`` says whether sentence ``i`` is negated
    (see ``is_negated``), asked only of sentences with another one similar enough
    to be linked to. ``scope_of(i)`` is what negated sentence ``i`` denies
    (see ``negation_scope``), asked only for such pairs; without it, or where it is
    ``None``, they are never linked.
    """
    count = len(stems)
    stem_sets = list(map(set, stems))
    document_frequency = Counter(chain.from_iterable(stem_sets))

    def idf(term: str) -> float:
        # Computed when asked: containment looks at the words of a few pairs only.
        return math.log((1 + count) / (1 + document_frequency[term])) + 1.0

    # Polarity matters only where a pair is similar enough to be linked; four in five
    # sentences of a Multi-News cluster have no such partner, so they are not asked.
    close = similarity >= _LINK_MIN_SIMILARITY
    np.fill_diagonal(close, False)
    partnered = close.any(axis=1).tolist()
    # Two sentences are comparable when both are substantial and of one polarity: they share
    # a class, and a sentence too short to compare has a class of its own. One comparison of
    # classes takes the place of three matrices.
    classes = np.array(
        [
            int(partnered[i] and negated(i)) if len(found) >= _MIN_CONTENT_WORDS else -1 - i
            for i, found in enumerate(stem_sets)
        ]
    )
    comparable = np.equal.outer(classes, classes)
    if scope_of is not None:
        # A negated sentence still says what a plain one says when its negation is about
        # something the plain one does not mention ("…, although there has been no
        # independent verification").
        substantial = classes >= 0
        opposite = ~comparable & np.logical_and.outer(substantial, substantial)
        scope_of = functools.cache(scope_of)  # a sentence may be in several such pairs
        for i, j in _upper_pairs(opposite & (similarity >= CONTAINMENT_MIN_SIMILARITY)):
            negative, plain = (i, j) if classes[i] == 1 else (j, i)
            scope = scope_of(negative)
            if scope is not None and scope.isdisjoint(stem_sets[plain]):
                comparable[i, j] = comparable[j, i] = True
    documents = np.asarray(doc_indices)
    same_document = np.equal.outer(documents, documents)
    threshold = np.where(same_document, SAME_DOCUMENT_SIMILARITY, CROSS_DOCUMENT_SIMILARITY)
    linked = (similarity >= threshold) & comparable
    np.fill_diagonal(linked, False)

    # Containment catches the pairs cosine misses because one side is much longer.
    for i, j in _upper_pairs((similarity >= CONTAINMENT_MIN_SIMILARITY) & comparable):
        a, b = stem_sets[i], stem_sets[j]
        shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
        if _containment(shorter, longer, idf) >= CONTAINMENT:
            linked[i, j] = linked[j, i] = True

    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    group_of = list(range(count))
    pairs = sorted(_upper_pairs(linked), key=lambda p: -similarity[p])
    for i, j in pairs:
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        mean = similarity[np.ix_(members[a], members[b])].mean()
        if mean < AVERAGE_LINK and not linked[np.ix_(members[a], members[b])].all():
            continue
        keep, drop = min(a, b), max(a, b)
        for member in members.pop(drop):
            group_of[member] = keep
            members[keep].append(member)

    renumber: dict[int, int] = {}
    return [renumber.setdefault(g, len(renumber)) for g in group_of]
