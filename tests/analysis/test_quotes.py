"""Quotations, their speakers, and the same quotation across sources.

Invented articles for each attribution pattern, then the acceptance cases on
the real Pompeo sample (skipped when the shared data is absent).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsfuse.analysis.entities import extract_entities
from newsfuse.analysis.quotes import (
    MIN_QUOTE_WORDS,
    Quote,
    _subject_of,
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


def test_a_blurb_is_the_source_named_after_the_dash(quotes_of):
    quotes, _ = quotes_of(
        "Praise for the new book by Tom Reyes about the island ferries and their crews.\n\n"
        "“A patient and generous guide to the boats, the birds and the people of the river "
        "delta, written with real warmth.”—Nora Castellane, author of Wild Water\n\n"
        "“This book smells of salt and diesel, in the best possible way. I read it in one "
        "sitting on the night ferry and would do it again.”—The Harbour Review\n\n"
        "The book will be in the shops from the first week of May."
    )
    assert _by_text(quotes, "people of the river delta").speaker == "Nora Castellane"
    assert _by_text(quotes, "salt and diesel").speaker == "The Harbour Review"


def test_an_indefinite_description_is_someone_new(quotes_of):
    quotes, _ = quotes_of(
        "Port spokesman Tom Reyes opened the new terminal on Monday.\n\n"
        '"The ferries will run every hour from next week," a spokesman said.'
    )
    assert _by_text(quotes, "every hour").speaker == "a spokesman"


def test_a_person_described_by_age(quotes_of):
    quotes, _ = quotes_of(
        "Maria Okafor has inspected bridges for thirty years.\n\n"
        'The 58-year-old added: "I have never seen cables rust this fast."'
    )
    assert _by_text(quotes, "cables rust").speaker == "Maria Okafor"


def test_said_before_a_speaker_with_a_number_and_an_adverb(quotes_of):
    quotes, _ = quotes_of(
        '"The water came up to our knees within minutes," said one visibly shaken volunteer '
        "after the rescue."
    )
    assert "volunteer" in _by_text(quotes, "up to our knees").speaker


def test_a_quotation_open_at_the_paragraph_end_runs_on_through_it(quotes_of):
    quotes, _ = quotes_of(
        "The ferry company posted a notice on its website:\n\n"
        '"We are sorry for the long delays this week. Two of our boats need new engines.\n\n'
        '"We expect a full timetable again by the end of the month."'
    )
    apology = _by_text(quotes, "sorry for the long delays")
    assert "Two of our boats need new engines" in apology.text
    assert apology.speaker is not None
    assert _by_text(quotes, "full timetable").speaker == apology.speaker


def test_a_quotation_left_open_without_a_next_quoted_paragraph_stops_at_its_sentence(quotes_of):
    quotes, _ = quotes_of(
        'Tom Reyes said "the ferry will leave at noon whatever the weather. '
        "Passengers waited on the pier for an hour.\n\n"
        "The boat left at two."
    )
    assert "Passengers" not in _by_text(quotes, "leave at noon").text


def test_a_quotation_glued_to_the_next_sentence_continues_the_speaker(quotes_of):
    quotes, _ = quotes_of(
        "Tom Reyes runs the island ferry.\n\n"
        '"We will add a second boat in May," Reyes said. '
        '"The summer queues have been far too long for everyone."The new boat comes in May.'
    )
    assert _by_text(quotes, "summer queues").speaker == "Tom Reyes"


def test_a_pronoun_can_mean_someone_the_article_does_not_name(quotes_of):
    quotes, _ = quotes_of(
        "Jane Holloway remembers an old fisherman who pulled her boat ashore after the storm.\n\n"
        '"Nobody should sail alone in weather like this," she recalls him saying. '
        '"The sea does not care how brave you are."'
    )
    assert _by_text(quotes, "sail alone").speaker == "an old fisherman"
    assert _by_text(quotes, "does not care").speaker == "an old fisherman"


def test_a_quotation_going_on_keeps_its_speaker_over_a_sentence_about_it(quotes_of):
    quotes, _ = quotes_of(
        "Jane Holloway said a neighbor once stopped her on the quay.\n\n"
        '"You will never finish that bridge," he told her. "Nobody here wants it built." '
        "She says that he later helped to build it."
    )
    assert _by_text(quotes, "Nobody here wants it").speaker == "a neighbor"


def test_words_someone_must_say_are_not_theirs(quotes_of):
    quotes, _ = quotes_of(
        "Tom Reyes spoke to the council on Monday.\n\n"
        'Reyes added that the council must declare "this harbour open to every ferry company."'
    )
    assert _by_text(quotes, "open to every ferry").speaker == "Tom Reyes"


def test_a_pronoun_in_a_relative_clause_is_the_person_it_describes(quotes_of):
    quotes, _ = quotes_of(
        "The mayor thanked ferry operator Tom Reyes, who defended what he called "
        '"the busiest summer the island has ever had."'
    )
    assert _by_text(quotes, "busiest summer").speaker == "Tom Reyes"


def test_a_capitalised_role_is_the_person_just_named(quotes_of):
    quotes, _ = quotes_of(
        "Sen. Tom Reyes voted against the harbour bill on Tuesday.\n\n"
        '"This bill leaves the islands without a ferry for weeks," said the Ohio Republican.'
    )
    assert _by_text(quotes, "without a ferry").speaker == "Tom Reyes"


def test_a_participle_misattached_in_a_that_clause_is_the_main_subjects(nlp):
    # Built by hand, as the parser misreads it: "stating" hangs from "risen", in the
    # "that" clause, whose subject is "taxes".
    words = "Reyes kept to his view that taxes had risen -- stating it hurt".split()
    heads = [1, 1, 1, 4, 2, 8, 8, 8, 1, 8, 8, 12, 10]
    deps = "nsubj ROOT prep poss pobj mark nsubj aux ccomp punct advcl nsubj ccomp".split()
    tags = "NNP VBD IN PRP$ NN IN NNS VBD VBN : VBG PRP VBD".split()
    pos = "PROPN VERB ADP PRON NOUN SCONJ NOUN AUX VERB PUNCT VERB PRON VERB".split()
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert _subject_of(doc[10], []).text == "Reyes"


def test_that_refers_to_the_nearer_of_two_nouns(quotes_of):
    quotes, _ = quotes_of(
        "Two reports from May and a complaint from June that says the pier is "
        '"unsafe for heavy lorries and buses" were filed.'
    )
    assert _by_text(quotes, "heavy lorries").speaker == "a complaint"


def test_inspectors_who_determined(quotes_of):
    quotes, _ = quotes_of('Inspectors determined the bridge could "safely carry traffic again."')
    assert _by_text(quotes, "safely carry traffic").speaker == "Inspectors"


def test_the_statement_from_a_person_is_theirs(quotes_of):
    quotes, _ = quotes_of(
        "The statement from lawyer Jane Holloway was read out in court.\n\n"
        '"My client will appeal the ruling next week," the statement said.'
    )
    assert _by_text(quotes, "appeal the ruling").speaker == "Jane Holloway"


def test_a_person_named_before_a_colon(quotes_of):
    quotes, _ = quotes_of(
        'On Friday he quoted Maria Okafor: "A bridge is a promise kept in steel and stone."\n\n'
        'It was echoed by Jane Holloway, an aide to Tom Reyes: "We will keep that promise."'
    )
    assert _by_text(quotes, "promise kept in steel").speaker == "Maria Okafor"
    assert _by_text(quotes, "keep that promise").speaker != "Tom Reyes"


def test_a_verbless_answer_is_its_owners(quotes_of):
    quotes, _ = quotes_of(
        "Tom Reyes was asked about the fares.\n\n"
        'Reyes\'s answer: "Nobody will pay more than ten euros for a crossing this year."'
    )
    assert _by_text(quotes, "ten euros").speaker == "Tom Reyes"


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


# --- not speakers: rules from the fresh3 labels ------------------------------------------


def test_continue_with_a_complement_is_not_speech(quotes_of):
    quotes, _ = quotes_of(
        'The report describes a friendship between the two men that continued "well into the '
        'following winter and beyond."'
    )
    assert _by_text(quotes, "following winter").speaker != "friendship"


def test_a_document_that_speaks_is_not_its_filer(quotes_of):
    quotes, _ = quotes_of(
        "Maria Okafor filed a lawsuit on Monday. "
        'Okafor\'s lawsuit alleges that the council "ignored every warning it was given."'
    )
    assert _by_text(quotes, "ignored every warning").speaker.endswith("lawsuit")


def test_a_speech_verb_read_as_a_noun_ends_an_attribution(quotes_of):
    quotes, _ = quotes_of(
        "The group wrote to the council last week. "
        '"We will keep the harbour open for every fishing boat," the letter read.'
    )
    assert _by_text(quotes, "keep the harbour open").speaker in ("the letter", "letter")


def test_hyphenated_name_split_by_the_parser_is_one_speaker(quotes_of):
    quotes, _ = quotes_of(
        'Counter-harbourwatch said that there was "no damage to any of the boats at all".'
    )
    speaker = _by_text(quotes, "no damage").speaker
    assert speaker is None or speaker.replace("-", "").isalpha()


def test_the_subject_of_a_claimed_clause_is_not_the_speaker(quotes_of):
    quotes, _ = quotes_of(
        "The group justified the protest by claiming the company was "
        '"central to every problem the harbour town has faced."'
    )
    assert _by_text(quotes, "central to every problem").speaker != "the company"


def test_the_one_accused_is_not_the_speaker(quotes_of):
    quotes, _ = quotes_of(
        'In its letter, the committee accused the Harbour Board of "ignoring the fishermen '
        'for ten long years".'
    )
    assert _by_text(quotes, "ignoring the fishermen").speaker != "the Harbour Board"


def test_that_clause_in_the_present_is_the_reporters_words(quotes_of):
    quotes, _ = quotes_of(
        "Council spokeswoman Jane Holloway said on Monday that Mayor Tom Reyes denies "
        '"all of these claims about the harbour" made by the union.'
    )
    assert _by_text(quotes, "all of these claims").speaker == "Jane Holloway"


def test_a_later_cue_introducing_its_own_quote_does_not_reach_back(quotes_of):
    quotes, _ = quotes_of(
        '"I started fishing here when I was sixteen years old," Tom Reyes says. '
        '"I have been out on the water every week since that first summer." '
        'Adds Okafor: "He knows these waters better than anyone in the whole town."'
    )
    assert _by_text(quotes, "every week since").speaker == "Tom Reyes"


def test_a_quoted_phrase_inside_a_clause_is_not_the_subjects(quotes_of):
    quotes, _ = quotes_of(
        'Tom Reyes lives near the harbour and has a "quiet and very comfortable life by the sea."'
    )
    assert _by_text(quotes, "comfortable life").speaker is None


def test_an_alleged_thing_is_not_a_speaker(quotes_of):
    quotes, _ = quotes_of(
        "She says the deal, which kept her from discussing the alleged meetings, is "
        '"null and void in every possible way."'
    )
    assert _by_text(quotes, "null and void").speaker != "the alleged meetings"


def test_the_spokesman_is_not_the_person_just_discussed(quotes_of):
    quotes, _ = quotes_of(
        "The ferry company thanked Mayor Tom Reyes for his help after the grounding. "
        '"We expected the council to act much faster than it did on the night," the '
        "spokesman said."
    )
    assert _by_text(quotes, "act much faster").speaker != "Tom Reyes"
