"""Same-content groups: repeats and close paraphrases join, different statements stay apart."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse import Document, grouping, prepare


def _group_texts(documents):
    cluster = prepare(documents)
    return [{s.text for s in g.members} for g in cluster.groups], cluster


def test_same_quote_with_different_punctuation_is_one_group():
    groups, _ = _group_texts(
        [
            Document(
                "a",
                '"We will rebuild the pier before the summer season," the mayor said on Friday.',
            ),
            Document("b", "'We will rebuild the pier before the summer season, ' the mayor said."),
        ]
    )
    assert any(len(g) == 2 for g in groups)


def test_sentence_repeated_with_added_clause_is_one_group():
    _, cluster = _group_texts(
        [
            Document(
                "a", "The harbour board approved a budget of 12 million euros for new cranes."
            ),
            Document(
                "b",
                "Late on Thursday, after a long debate, the harbour board approved a budget of "
                "12 million euros for new cranes.",
            ),
        ]
    )
    assert cluster.groups[0].doc_ids == ("a", "b")


def test_different_statements_about_the_same_people_stay_apart():
    groups, _ = _group_texts(
        [
            Document(
                "a",
                "Mayor Ilse Brandt may also meet the transport minister Karl Odum later in the day.",
            ),
            Document(
                "b",
                "Unlike her earlier visits, mayor Ilse Brandt did not meet transport minister Karl Odum, "
                "although aides had said such a meeting was planned for later in the day.",
            ),
        ]
    )
    assert all(len(g) == 1 for g in groups)


def test_a_negation_about_something_else_does_not_keep_a_restatement_apart():
    _, cluster = _group_texts(
        [
            Document(
                "a",
                "Activists said 40 people had died in the shelling of Homs on Monday, although "
                "there has been no independent verification.",
            ),
            Document(
                "b", "As many as 40 people died in the shelling of Homs on Monday, activists said."
            ),
        ]
    )
    assert cluster.groups[0].doc_ids == ("a", "b")


def test_a_negation_about_what_the_other_sentence_says_keeps_them_apart():
    groups, _ = _group_texts(
        [
            Document(
                "a",
                "Several owners say the software fix did nothing to improve the phone's "
                "battery life.",
            ),
            Document("b", "Several owners say the software fix did help the phone's battery life."),
        ]
    )
    assert all(len(g) == 1 for g in groups)


@pytest.mark.parametrize(
    "text, scope",
    [
        ("There has been no independent verification.", {"independ", "verif"}),
        ("The fix did nothing to improve battery life.", {"fix", "improv", "batteri", "life"}),
        ("The firm, which has not commented, cut 500 jobs.", {"comment"}),
        (
            "Mayor Brandt did not meet the transport minister Karl Odum today.",
            {"brandt", "meet", "transport", "minist", "karl"},
        ),
        ("Asked whether he would resign, he said no.", None),
        ("The mayor spoke.", set()),
    ],
)
def test_negation_scope_is_what_the_negations_deny(text, scope) -> None:
    found = grouping.negation_scope(text)
    assert (found if found is None else set(found)) == scope


def test_a_negated_and_a_plain_sentence_link_only_when_the_negation_is_about_something_else() -> (
    None
):
    stems = [["activist", "forti", "peopl", "die", "shell", "hom", "verif"]] + [
        ["activist", "forti", "peopl", "die", "shell", "hom"]
    ]
    similarity = np.array([[1.0, 0.9], [0.9, 1.0]])
    assert grouping.group_sentences([0, 1], stems, similarity, [True, False].__getitem__) == [0, 1]
    disjoint = [frozenset({"verif"}), frozenset()]
    assert grouping.group_sentences(
        [0, 1], stems, similarity, [True, False].__getitem__, disjoint.__getitem__
    ) == [0, 0]
    shared = [frozenset({"die"}), frozenset()]
    assert grouping.group_sentences(
        [0, 1], stems, similarity, [True, False].__getitem__, shared.__getitem__
    ) == [0, 1]
    unclear = [None, frozenset()]
    assert grouping.group_sentences(
        [0, 1], stems, similarity, [True, False].__getitem__, unclear.__getitem__
    ) == [0, 1]


def test_groups_cover_every_sentence_once(tiny_documents):
    cluster = prepare(tiny_documents)
    members = [s for g in cluster.groups for s in g.members]
    assert sorted(members, key=lambda s: (s.doc_index, s.position)) == list(cluster.sentences)
    assert all(cluster.groups[g].members for g in cluster.group_of)


def _plain_group_sentences(doc_indices, stems, similarity, negated) -> list[int]:
    """``group_sentences`` as first written: a matrix per condition, ``np.triu`` for pairs."""
    count = len(stems)
    stem_sets = [set(s) for s in stems]
    document_frequency = Counter(itertools.chain.from_iterable(stem_sets))

    def idf(term: str) -> float:
        return math.log((1 + count) / (1 + document_frequency[term])) + 1.0

    substantial = np.array([len(s) >= grouping._MIN_CONTENT_WORDS for s in stem_sets])
    same_document = np.equal.outer(np.asarray(doc_indices), np.asarray(doc_indices))
    threshold = np.where(
        same_document, grouping.SAME_DOCUMENT_SIMILARITY, grouping.CROSS_DOCUMENT_SIMILARITY
    )
    polarity = np.asarray(negated, dtype=bool)
    comparable = np.outer(substantial, substantial) & np.equal.outer(polarity, polarity)
    linked = (similarity >= threshold) & comparable
    np.fill_diagonal(linked, False)
    contained = np.triu(similarity >= grouping.CONTAINMENT_MIN_SIMILARITY, k=1) & comparable
    for i, j in zip(*np.nonzero(contained)):
        a, b = stem_sets[i], stem_sets[j]
        shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
        if grouping._containment(shorter, longer, idf) >= grouping.CONTAINMENT:
            linked[i, j] = linked[j, i] = True
    members = {i: [i] for i in range(count)}
    group_of = list(range(count))
    pairs = sorted(zip(*np.nonzero(np.triu(linked, k=1))), key=lambda p: -similarity[p])
    for i, j in pairs:
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        mean = similarity[np.ix_(members[a], members[b])].mean()
        if mean < grouping.AVERAGE_LINK and not linked[np.ix_(members[a], members[b])].all():
            continue
        keep, drop = min(a, b), max(a, b)
        for member in members.pop(drop):
            group_of[member] = keep
            members[keep].append(member)
    renumber: dict[int, int] = {}
    return [renumber.setdefault(g, len(renumber)) for g in group_of]


@st.composite
def _sentences_to_group(draw):
    count = draw(st.integers(1, 10))
    # Similarities on and around each threshold.
    values = st.sampled_from([0.0, 0.3, 0.39, 0.4, 0.5, 0.55, 0.6, 0.79, 0.8, 0.9, 1.0])
    similarity = np.eye(count)
    for i, j in itertools.combinations(range(count), 2):
        similarity[i, j] = similarity[j, i] = draw(values)
    stems = draw(st.lists(st.lists(st.sampled_from("abcdef")), min_size=count, max_size=count))
    doc_indices = draw(st.lists(st.integers(0, 2), min_size=count, max_size=count))
    negated = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    return doc_indices, stems, similarity, negated


@settings(max_examples=400, deadline=None)
@given(_sentences_to_group())
def test_groups_are_those_of_the_plain_construction(sentences) -> None:
    doc_indices, stems, similarity, negated = sentences
    asked = []

    def is_negated(index: int) -> bool:
        asked.append(index)
        return negated[index]

    assert grouping.group_sentences(
        doc_indices, stems, similarity, is_negated
    ) == _plain_group_sentences(*sentences)
    # Only sentences that something could be linked to are asked.
    close = similarity >= grouping._LINK_MIN_SIMILARITY
    np.fill_diagonal(close, False)
    assert all(close[i].any() for i in asked)


# The negation test as one plain case-insensitive regex.
_NEGATION_REFERENCE = re.compile(
    r"\b(not|no|never|neither|nor|none|nobody|nothing|without|denied|denies|deny)\b|n['’]t\b",
    re.IGNORECASE,
)
# The negation words, their pieces, case variants, words that hold them, the letters that
# re.IGNORECASE folds to ASCII ("ſ", "İ", "ı", the Kelvin sign) and word boundaries.
_NEGATION_PIECES = st.sampled_from(
    [
        *("not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "without"),
        *("denied", "denies", "deny"),
        "n't",
        "n’t",
        "N'T",
        "N’T",
        "NOT",
        "Never",
        "nothİng",
        "nothıng",
        "denieſ",
        "know",
        "snow",
        "deny_",
        "n",
        "d",
        "w",
        "'t",
        "’t",
        "’",
        "t",
        " ",
        "-",
        "'",
        "\n",
        "é",
        "\u212a",
        "x",
        "_",
        "٣",
        "ǅ",
    ]
)


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_contracted_negation_counts_whatever_the_apostrophe(apostrophe: str) -> None:
    assert grouping.is_negated(f"I don{apostrophe}t expect him to say that today.")
    assert grouping.is_negated(f"THEY CAN{apostrophe}T SPEAK.")
    assert not grouping.is_negated(f"The minister{apostrophe}s talks went on.")


def test_one_quote_with_typographic_and_straight_apostrophes_is_one_group() -> None:
    cluster = prepare(
        [
            Document("a", "“I don’t expect the senator to say that is the case today,” he said."),
            Document("b", '"I don\'t expect the senator to say that is the case today," he said.'),
        ]
    )
    assert cluster.group_of[0] == cluster.group_of[1]


@settings(max_examples=400)
@given(st.lists(st.one_of(_NEGATION_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_is_negated_agrees_with_the_plain_regex(text: str) -> None:
    assert grouping.is_negated(text) == bool(_NEGATION_REFERENCE.search(text))
