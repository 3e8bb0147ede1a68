"""Quotations, their speakers, and the same quotation across sources.

Invented articles for each attribution pattern, then the acceptance cases on
the real Pompeo sample (skipped when the shared data is absent).
"""

from __future__ import annotations


import pytest

from newsfuse.analysis.entities import extract_entities
from newsfuse.analysis.quotes import (
    MIN_QUOTE_WORDS,
    Quote,
    extract_quotes,
    normalised_words,
    quote_spans,
    same_quote,
)

from .conftest import needs_sample


@pytest.fixture
def quotes_of(prepared):
    """``quotes_of(*texts)``: the quotes of invented articles, and their prepared cluster."""

    def run(*texts: str) -> tuple[tuple[Quote, ...], object]:
        cluster, parsed = prepared(*texts)
        entities = extract_entities(cluster, parsed)
        return extract_quotes(cluster, parsed, entities), cluster

    return run


def _by_text(quotes, words: str) -> Quote:
    matches = [q for q in quotes if words in q.text]
    assert matches, f"no quote containing {words!r} in {[q.text for q in quotes]}"
    return matches[0]


# --- finding quotations ------------------------------------------------------------------


def test_quote_spans_straight_curly_and_single_marks():
    text = '“We will rebuild it,” she said, adding "the work starts soon."'
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "We will rebuild it",
        "the work starts soon.",
    ]
    single = "'People are going to wait much longer this winter, ' Reyes said."
    assert [single[a:b] for a, b in quote_spans(single)] == [
        "People are going to wait much longer this winter"
    ]


def test_apostrophes_are_not_quote_marks():
    text = "Reyes's ferry didn't sail, and the drivers' union wasn't told."
    assert quote_spans(text) == []


def test_an_open_quotation_runs_to_the_end_of_the_sentence():
    text = '"The harbour will stay closed for the whole of next week'
    assert [text[a:b] for a, b in quote_spans(text)] == [text[1:]]


# --- attribution patterns ------------------------------------------------------------------


def test_quote_then_name_said(quotes_of):
    quotes, _ = quotes_of(
        "Mayor Jane Holloway presented the plan on Monday.\n\n"
        '"We will rebuild the harbour bridge by spring," Holloway said.'
    )
    assert _by_text(quotes, "rebuild the harbour bridge").speaker == "Jane Holloway"


def test_name_said_colon_quote(quotes_of):
    quotes, _ = quotes_of(
        'Ferry operator Tom Reyes said: "The new timetable starts next week for everyone."'
    )
    assert _by_text(quotes, "new timetable").speaker == "Tom Reyes"


def test_said_then_name(quotes_of):
    quotes, _ = quotes_of(
        '"Nobody expected the storm to be this strong," said Maria Okafor, a city engineer.'
    )
    assert _by_text(quotes, "Nobody expected").speaker == "Maria Okafor"


def test_name_told_reporters_quote(quotes_of):
    quotes, _ = quotes_of(
        "Tom Reyes runs the island ferry.\n\n"
        'Reyes told reporters "we have never seen queues like this before."'
    )
    assert _by_text(quotes, "never seen queues").speaker == "Tom Reyes"


def test_according_to(quotes_of):
    quotes, _ = quotes_of(
        "Tom Reyes runs the island ferry.\n\n"
        'According to Mr. Reyes, the new boat "will carry twice as many passengers next year."'
    )
    assert _by_text(quotes, "twice as many").speaker == "Tom Reyes"


def test_name_added(quotes_of):
    quotes, _ = quotes_of(
        "Maria Okafor inspected the bridge on Tuesday.\n\n"
        '"The cables were replaced only two years ago," Okafor added.'
    )
    assert _by_text(quotes, "cables were replaced").speaker == "Maria Okafor"


def test_description_speaker(quotes_of):
    quotes, _ = quotes_of('"The ferry service will resume on Friday morning," the statement said.')
    assert _by_text(quotes, "resume on Friday").speaker == "the statement"


def test_single_and_curly_quotes_are_attributed(quotes_of):
    quotes, _ = quotes_of(
        "Tom Reyes runs the island ferry.\n\n"
        "'People are going to wait much longer this winter, ' Reyes said.\n\n"
        "“Ticket prices will not change before the summer,” Reyes said."
    )
    assert _by_text(quotes, "wait much longer").speaker == "Tom Reyes"
    assert _by_text(quotes, "Ticket prices").speaker == "Tom Reyes"


def test_pronoun_resolves_to_the_person_just_named(quotes_of):
    quotes, _ = quotes_of(
        "Jane Holloway, the mayor, spoke to residents on Tuesday.\n\n"
        '"The bridge is safe for cars again," she said.'
    )
    assert _by_text(quotes, "safe for cars").speaker == "Jane Holloway"


def test_pronoun_skips_a_person_of_the_other_gender(quotes_of):
    quotes, _ = quotes_of(
        "Jane Holloway praised her staff at the opening.\n\n"
        "Tom Reyes arrived later with his lawyer.\n\n"
        '"We are not finished with this project yet," she said.'
    )
    assert _by_text(quotes, "not finished").speaker == "Jane Holloway"


def test_a_quotation_only_sentence_continues_the_previous_speaker(quotes_of):
    quotes, _ = quotes_of(
        "Maria Okafor inspected the bridge on Tuesday.\n\n"
        '"The cables were replaced two years ago," Okafor said. '
        '"Nothing in the structure worries me at all."'
    )
    assert _by_text(quotes, "Nothing in the structure").speaker == "Maria Okafor"


def test_no_attribution_gives_no_speaker(quotes_of):
    quotes, _ = quotes_of(
        'A banner with "Closed until further notice for repairs" hung on the door.'
    )
    assert _by_text(quotes, "Closed until").speaker is None


# --- merging -------------------------------------------------------------------------------


def test_the_same_quote_in_two_outlets_is_one_quote(quotes_of):
    quotes, cluster = quotes_of(
        '"We will rebuild the harbour bridge by spring," Mayor Jane Holloway said on Monday.',
        'Mayor Jane Holloway said: "We will rebuild the harbour bridge by the spring."',
    )
    quote = _by_text(quotes, "rebuild the harbour bridge")
    assert quote.doc_ids == ("paper1", "paper2")
    assert quote.speaker == "Jane Holloway"
    assert quotes[0] is quote  # most sources first
    texts = {d.id: d.text for d in cluster.documents}
    for mention in quote.mentions:
        quoted = texts[mention.doc_id][mention.start : mention.end]
        assert quoted.startswith("We will rebuild")
        assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end


def test_a_short_fragment_joins_the_longer_quote_containing_it(quotes_of):
    quotes, _ = quotes_of(
        '"Honestly, I slept just fine after the vote," Jane Holloway said.',
        'Asked about the vote, the mayor said she "slept just fine" that night.',
    )
    quote = _by_text(quotes, "slept just fine")
    assert quote.doc_ids == ("paper1", "paper2")
    assert len(quote.mentions) == 2


def test_short_quotes_alone_are_not_quotes(quotes_of):
    quotes, _ = quotes_of('Critics called the plan "reckless" and "very costly".')
    assert quotes == ()


def test_different_quotes_stay_apart(quotes_of):
    quotes, _ = quotes_of(
        '"The bridge will reopen to cars in April," Jane Holloway said.',
        '"The ferry will keep running through the winter months," Tom Reyes said.',
    )
    assert len(quotes) == 2
    assert all(len(q.doc_ids) == 1 for q in quotes)


def test_same_quote_tolerates_small_wording_changes():
    a = normalised_words(
        "We now have a meeting in Panmunjeom set up for July 12 — it could move by one day or two"
    )
    b = normalised_words(
        "We now have a meeting set up for July 12 - it could move by one day or two"
    )
    assert same_quote(a, b)
    assert not same_quote(a, normalised_words("The road ahead will be hard and challenging for us"))
    assert not same_quote(
        normalised_words("by spring"), normalised_words("rebuild the bridge by spring")
    )
    assert MIN_QUOTE_WORDS == 4


# --- the real sample -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_quotes(sample_parsed):
    cluster, parsed = sample_parsed
    return extract_quotes(cluster, parsed, extract_entities(cluster, parsed)), cluster


@needs_sample
def test_sample_go_nuts_is_pompeos(sample_quotes):
    quotes, _ = sample_quotes
    assert (
        _by_text(quotes, "If I paid attention to the press, I'd go nuts").speaker == "Mike Pompeo"
    )


@needs_sample
def test_sample_slept_just_fine_is_pompeos_in_two_sources(sample_quotes):
    quotes, cluster = sample_quotes
    quote = _by_text(quotes, "slept just fine")
    assert quote.speaker == "Mike Pompeo"
    assert len(quote.doc_ids) >= 2
    texts = {d.id: d.text for d in cluster.documents}
    fragments = [m for m in quote.mentions if texts[m.doc_id][m.start : m.end] == "slept just fine"]
    assert fragments, (
        "the short fragment in 'the top USA diplomat said he \"slept just fine\"' is kept"
    )


@needs_sample
def test_sample_stray_comments_quote_merges_single_and_double_quotes(sample_quotes):
    quotes, _ = sample_quotes
    quote = _by_text(quotes, "People are going to make stray comments")
    assert quote.speaker == "Mike Pompeo"
    assert len(quote.doc_ids) == 2


@needs_sample
def test_sample_offsets_point_at_the_quoted_words(sample_quotes):
    quotes, cluster = sample_quotes
    texts = {d.id: d.text for d in cluster.documents}
    for quote in quotes:
        for mention in quote.mentions:
            quoted = texts[mention.doc_id][mention.start : mention.end]
            assert quoted and quoted[0] not in "\"“”'‘’" and quoted[-1] not in "\"“”'‘’"
            assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
