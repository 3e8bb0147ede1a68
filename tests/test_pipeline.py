"""The Python API: budgets, citations, groups, order, odd inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfuse
from newsfuse import Document, UsageError, pipeline, summarize
from newsfuse._text import leans_on_previous
from newsfuse.errors import EmptyInputError
from newsfuse.selection import first_appearance_order
from tests.conftest import TINY_ARTICLES


def _text_of(documents, doc_id):
    return next(d.text for d in documents if d.id == doc_id)


@settings(max_examples=30, deadline=None)
@given(
    words=st.integers(min_value=1, max_value=400), method=st.sampled_from(newsfuse.method_names())
)
def test_budget_respected_and_citations_exact(words, method):
    documents = [Document(id=f"paper{n}", text=t) for n, t in enumerate(TINY_ARTICLES, start=1)]
    summary = summarize(documents, words=words, method=method)
    assert summary.sentences, "a summary is never silently empty"
    assert summary.words <= words
    for sentence in summary.sentences:
        assert _text_of(documents, sentence.doc_id)[sentence.start : sentence.end] == sentence.text
        assert sentence.doc_id in sentence.supported_by
        for citation in sentence.support:
            assert citation.doc_id in sentence.supported_by
            assert _text_of(documents, citation.doc_id)[citation.start : citation.end].strip()


def test_repeated_quote_cited_to_every_source_once(tiny_documents):
    summary = summarize(tiny_documents, words=5000)
    quotes = [s for s in summary.sentences if "joins the two halves" in s.text]
    assert len(quotes) == 1
    assert set(quotes[0].supported_by) == {"paper1", "paper2"}


def test_noise_never_reaches_the_summary(tiny_documents):
    text = summarize(tiny_documents, words=5000).text
    assert "More news" not in text
    assert "Share this" not in text


def test_sentences_follow_first_appearance(tiny_documents):
    summary = summarize(tiny_documents, words=5000, method="centroid")
    first_positions = []
    # Sentences that lean on the one before them are placed after it instead (next test).
    for sentence in (s for s in summary.sentences if not leans_on_previous(s.text)):
        cluster_positions = [
            s.position
            for s in newsfuse.prepare(tiny_documents).sentences
            if (s.doc_id, s.start) in {(c.doc_id, c.start) for c in sentence.support}
        ]
        first_positions.append(min(cluster_positions))
    assert first_positions == sorted(first_positions)


def _herald_and_times(herald: str, times: str):
    """A two-article cluster, and its sentences' index by text: the herald opens with the
    harbour board's meeting (sentence 0), the times ends with it."""
    cluster = newsfuse.prepare(
        [
            Document("herald", "The harbour board met on Monday to discuss new cranes. " + herald),
            Document("times", times + " The harbour board met on Monday."),
        ]
    )
    return cluster, [s.text for s in cluster.sentences].index


def test_a_sentence_opening_with_a_pronoun_follows_the_one_it_leans_on():
    cluster, at = _herald_and_times(
        "Mayor Ilse Brandt arrived late from a visit to Lindmoor. "
        "She said the new cranes would cost the city 12 million euros.",
        "New cranes for the port will cost the city 12 million euros, the mayor said.",
    )
    mayor = at("Mayor Ilse Brandt arrived late from a visit to Lindmoor.")
    she = at("She said the new cranes would cost the city 12 million euros.")
    board = 0
    # By first appearance alone, "She said..." (its content opens the second article) would
    # come first, before the sentence naming the mayor.
    assert first_appearance_order(cluster, [she, board, mayor]) == [board, mayor, she]


def test_a_quotation_that_does_not_name_its_speaker_follows_the_sentence_that_does():
    cluster, at = _herald_and_times(
        "Mayor Ilse Brandt told the board that the port could not wait any longer. "
        '"The cranes are forty years old and they break down every single week."',
        "The cranes are forty years old and break down every single week, the mayor said.",
    )
    told = at("Mayor Ilse Brandt told the board that the port could not wait any longer.")
    quote = at('"The cranes are forty years old and they break down every single week."')
    board = 0
    assert first_appearance_order(cluster, [quote, board, told]) == [board, told, quote]
    # The times' version names the mayor itself: it keeps its place by first appearance
    # (position 0, after the herald's position 0), not after the sentence naming her.
    attributed = at(
        "The cranes are forty years old and break down every single week, the mayor said."
    )
    assert cluster.group_of[attributed] == cluster.group_of[quote]
    assert first_appearance_order(cluster, [attributed, board, told]) == [board, attributed, told]


def test_plain_strings_are_accepted():
    summary = summarize(list(TINY_ARTICLES), words=60)
    assert {s.id for s in summary.sources} == {"doc1", "doc2", "doc3"}


def test_single_article_gives_single_document_summary():
    summary = summarize([TINY_ARTICLES[0]], words=40)
    assert summary.sentences
    assert any("one article" in w for w in summary.warnings)


def test_tiny_budget_cuts_best_sentence_and_says_so(tiny_documents):
    summary = summarize(tiny_documents, words=3)
    assert summary.words == 3
    assert summary.sentences[0].truncated
    assert any("shorter than any sentence" in w for w in summary.warnings)


def test_tiny_budget_shows_the_cut_sentence_as_incomplete(tiny_documents):
    sentence = summarize(tiny_documents, words=3).sentences[0]
    assert sentence.shown == f"{sentence.text} …"


# An article cut off mid-sentence, as scraped previews and Multi-News's preprocessed text are.
_CUT_OFF_ARTICLE = (
    "The footbridge over the river in Lindmoor will open to walkers and cyclists in 2028. "
    "Engineers from the regional office said the design needs a wider deck than first planned, "
    "and the council expects the extra width to add"
)


def test_a_sentence_the_source_breaks_off_is_marked(tiny_documents):
    documents = [*tiny_documents, Document(id="preview", text=_CUT_OFF_ARTICLE)]
    summary = summarize(documents, words=5000)
    broken = next(s for s in summary.sentences if s.text.endswith("add"))
    assert broken.cut_off and not broken.truncated
    assert broken.shown == f"{broken.text} …"
    assert broken.shown in summary.text
    # The text itself stays the exact source span the citation points at.
    assert _CUT_OFF_ARTICLE[broken.start : broken.end] == broken.text
    finished = [s for s in summary.sentences if s is not broken]
    assert finished and not any(s.cut_off for s in finished)
    assert all(s.shown == s.text for s in finished)


# Two sources of one statement: a preview that breaks off inside it, and a complete report.
_PREVIEW = (
    "Lindmoor council approved the new harbour footbridge on Monday after a long debate. "
    "The bridge will cost 40 million euros and will open to walkers and cyclists in the"
)
_REPORT = (
    "Lindmoor council approved the new harbour footbridge on Monday after a long debate. "
    "The bridge will cost 40 million euros and will open to walkers and cyclists in the "
    "spring of 2028. Shop owners on the quay said they welcome the extra visitors."
)


def _statement(summary):
    return next(s for s in summary.sentences if "40 million" in s.text)


def test_a_complete_wording_from_another_source_stands_in_for_a_broken_off_one():
    documents = [Document(id="preview", text=_PREVIEW), Document(id="report", text=_REPORT)]
    prepared = newsfuse.prepare(documents)
    broken = next(s for s in prepared.sentences if s.doc_id == "preview" and "40" in s.text)
    assert prepared.breaks_off(broken)
    statement = _statement(summarize(documents, words=5000, method="lead"))
    assert statement.doc_id == "report" and statement.text.endswith("2028.")
    assert not statement.cut_off and statement.shown == statement.text
    assert set(statement.supported_by) == {"preview", "report"}


def test_the_broken_off_wording_stays_when_the_complete_one_does_not_fit():
    documents = [Document(id="preview", text=_PREVIEW), Document(id="report", text=_REPORT)]
    prepared = newsfuse.prepare(documents)
    broken = next(s for s in prepared.sentences if s.doc_id == "preview" and "40" in s.text)
    index = prepared.sentences.index(broken)
    # Picked alone with a budget of exactly its words: the complete wording, 3 words longer,
    # does not fit; with 3 more words it does.
    kept = pipeline._complete_wordings(prepared, [(index, 1.0)], broken.words)
    assert kept == [(index, 1.0)]
    swapped = pipeline._complete_wordings(prepared, [(index, 1.0)], broken.words + 3)
    assert prepared.sentences[swapped[0][0]].doc_id == "report"


@pytest.mark.parametrize("words", [0, -5, 2.5, True])
def test_bad_budget_is_a_usage_error(tiny_documents, words):
    with pytest.raises(UsageError, match="positive whole number"):
        summarize(tiny_documents, words=words)


def test_unknown_method_names_the_choices(tiny_documents):
    with pytest.raises(UsageError, match="choose one of"):
        summarize(tiny_documents, method="nonsense")


def test_only_noise_is_an_input_error():
    with pytest.raises(EmptyInputError, match="no article text"):
        summarize(["More news: something else\n\nShare this article"])


def test_no_documents_is_an_input_error():
    with pytest.raises(EmptyInputError):
        summarize([])


def test_duplicate_ids_are_refused():
    with pytest.raises(UsageError, match="distinct id"):
        summarize([Document("a", TINY_ARTICLES[0]), Document("a", TINY_ARTICLES[1])])


def test_huge_article_is_truncated_with_a_warning():
    paragraph = (
        "The harbour authority counted the ships that arrived in the port on each day of the week. "
    )
    huge = Document("huge", (paragraph * 20 + "\n\n") * 3000)
    summary = summarize([huge, Document("small", TINY_ARTICLES[0])], words=80)
    assert summary.words <= 80
    assert any("only the first" in w and "'huge'" in w for w in summary.warnings)


# Written for this test: a council closes a bridge, in Russian and in Chinese.
_RUSSIAN = (
    "Городской совет в понедельник проголосовал за закрытие старого моста. "
    "Ремонт обойдется в четыре миллиона фунтов, сообщили официальные лица."
)
_CHINESE = "市议会周一投票决定关闭旧桥。官员说，修复费用为四百万英镑。"


def test_an_article_in_another_script_is_summarized_with_a_warning():
    documents = [Document("en", TINY_ARTICLES[0]), Document("ru", _RUSSIAN)]
    summary = summarize(documents, words=60)
    assert summary.sentences
    (warning,) = [w for w in summary.warnings if "Latin alphabet" in w]
    assert "document 'ru' is" in warning and "'en'" not in warning
    for sentence in summary.sentences:
        text = documents[[d.id for d in documents].index(sentence.doc_id)].text
        assert text[sentence.start : sentence.end] == sentence.text


def test_english_with_accents_and_curly_quotes_gets_no_script_warning():
    text = "The café’s owner said “Les réparations coûteront cher” on Monday, naming the mayor."
    summary = summarize([Document("a", text), Document("b", TINY_ARTICLES[0])], words=60)
    assert not any("Latin alphabet" in w for w in summary.warnings)


def test_a_cluster_with_no_latin_text_says_so():
    with pytest.raises(EmptyInputError, match="not in the Latin alphabet"):
        summarize([Document("a", _CHINESE), Document("b", _CHINESE + "旧桥将被关闭。")])


def test_summary_values_are_frozen(tiny_documents):
    summary = summarize(tiny_documents, words=50)
    with pytest.raises(AttributeError):
        summary.sentences[0].text = "changed"  # type: ignore[misc]
