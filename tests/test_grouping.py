"""Same-content groups: repeats and close paraphrases join, different statements stay apart."""

from __future__ import annotations

from newsfuse import Document, prepare


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
    groups, cluster = _group_texts(
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


def test_groups_cover_every_sentence_once(tiny_documents):
    cluster = prepare(tiny_documents)
    members = [s for g in cluster.groups for s in g.members]
    assert sorted(members, key=lambda s: (s.doc_index, s.position)) == list(cluster.sentences)
    assert all(cluster.groups[g].members for g in cluster.group_of)
