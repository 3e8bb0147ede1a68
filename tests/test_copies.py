"""Copies: an article that repeats another counts as one source with it."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newsfuse import Document, summarize
from newsfuse.copies import find_copies, source_index
from newsfuse.features import concepts
from newsfuse.models import Sentence
from newsfuse.prepare import prepare
from newsfuse.render import render
from tests.conftest import TINY_ARTICLES

# The first tiny article, shortened the way a paper trims a wire story.
ABRIDGED = TINY_ARTICLES[0].split("\n\nMore news")[0]


def _documents(*texts: str) -> list[Document]:
    return [Document(id=f"paper{n}", text=text) for n, text in enumerate(texts, start=1)]


def test_different_reports_of_one_story_are_not_copies(tiny_documents):
    assert prepare(tiny_documents).copy_of == (None, None, None)


def test_a_second_printing_repeats_the_first():
    cluster = prepare(_documents(TINY_ARTICLES[0], TINY_ARTICLES[1], TINY_ARTICLES[0]))
    assert cluster.copy_of == (None, None, 0)
    assert any("'paper3' repeats 'paper1'" in w for w in cluster.warnings)


def test_an_abridged_copy_repeats_the_full_story_whichever_comes_first():
    cluster = prepare(_documents(ABRIDGED, TINY_ARTICLES[1], TINY_ARTICLES[0]))
    assert cluster.copy_of == (2, None, None)


def test_a_wire_update_that_resends_most_of_the_story_repeats_it():
    # As an AP update resends four of a story's five paragraphs under a new one: about three
    # quarters of the update's words are the full story's.
    full = ABRIDGED + (
        "\n\nOpponents said the money should go to the bus network instead."
        "\n\nA firm from Aldport, which also built the harbour crossing, will build the footbridge."
    )
    update = ABRIDGED + (
        "\n\nLate that evening the regional government promised to cover a third of the spending."
    )
    cluster = prepare(_documents(full, TINY_ARTICLES[1], update))
    assert cluster.copy_of == (None, None, 0)


def test_a_follow_up_that_reuses_half_of_the_story_is_a_source_of_its_own():
    follow_up = (
        "The city council of Lindmoor approved a new footbridge over the river on Monday by"
        " seven votes to two. The bridge will cost 4.2 million euros and open in 2028.\n\n"
        "On Tuesday two residents asked the regional court to stop the project, saying the"
        " council had not heard the fishermen who moor boats below the old ferry steps."
    )
    cluster = prepare(_documents(TINY_ARTICLES[0], TINY_ARTICLES[1], follow_up))
    assert cluster.copy_of == (None, None, None)


def test_a_concept_held_by_an_article_and_its_copy_has_one_source():
    cluster = prepare(_documents(TINY_ARTICLES[0], TINY_ARTICLES[1], TINY_ARTICLES[0]))
    found = concepts(cluster)
    assert (found.source_frequency <= found.document_frequency).all()
    # "4.2 million" is in all three articles, which are two sources.
    assert found.document_frequency.max() == 3 and found.source_frequency.max() == 2


def test_the_summary_names_the_copy_among_its_sources():
    summary = summarize(_documents(TINY_ARTICLES[0], TINY_ARTICLES[1], TINY_ARTICLES[0]))
    assert [s.copy_of for s in summary.sources] == [None, None, "paper1"]
    assert "[3] paper3: Council approves new bridge (" in render(summary, "text")
    assert "repeats [1])" in render(summary, "text").splitlines()[-1]
    assert [s["copy_of"] for s in json.loads(render(summary, "json"))["sources"]] == [
        None,
        None,
        "paper1",
    ]


def _sentence(doc_index: int, position: int, words: int) -> Sentence:
    text = " ".join(["word"] * words)
    return Sentence(f"d{doc_index}", 0, len(text), text, doc_index, position, 0)


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(1, 30)),
        min_size=1,
        max_size=40,
    )
)
def test_copies_point_at_originals(rows):
    """Whatever the groups: no article repeats itself, and every original stands alone."""
    sentences = [_sentence(doc, n, words) for n, (doc, _, words) in enumerate(rows)]
    copy_of = find_copies(sentences, [group for _, group, _ in rows], 4)
    for own, host in enumerate(copy_of):
        assert host != own
        assert host is None or copy_of[host] is None
    sources = source_index(copy_of)
    assert np.array_equal(sources[sources], sources)
