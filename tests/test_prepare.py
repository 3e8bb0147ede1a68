"""The shortcuts that keep ``prepare`` and the features fast give exactly what the full work gives.

- cleaning searches a pattern only in lines holding one of its keys, and
  a sign-off only after a line's last word is one;
- segmentation cuts after a name, a number or a word in capitals without asking
  syntok, keeps a stretch whole without asking syntok where it would not cut, and
  tries the sure-boundary pattern only before candidate stops;
- words are split without the word pattern where no apostrophe stands, and each
  word's stem comes from a table filled on the word's first lookup;
- the TF-IDF matrix is built as CSR arrays, without scipy's COO conversion,
  row sums and diagonal product;
- the features count articles per group, per stem and per concept with numpy
  rather than Python sets, and tell concepts apart by their pair of stems
  rather than by a joined string.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import Stemmer
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import sparse

from newsfuse import _text, cleaning, prepare, segment
from newsfuse._text import STOPWORDS, stem, words
from newsfuse._vectors import tfidf_matrix
from newsfuse.features import FEATURE_NAMES, concepts, sentence_features
from newsfuse.models import Document
from newsfuse.prepare import _leads
from newsfuse.reading import read_paths
from tests.conftest import EXAMPLE_DIR

# Pieces of noise lines and their keys, in odd cases and with the letters that
# re.IGNORECASE matches to ASCII ones ("İ", "ı", "ſ", Kelvin sign).
# fmt: off
_LINE_PIECES = [
    "All rights reserved", "ALL RİGHTS RESERVED", "all rıghts reſerved", "(AP Photo/Jane Doe)",
    "(Photo: Reuters)", "| Getty Images", "/ AFP)", "Learn more", "READ MORE:", "In this file photo",
    "this photo released", "You agree", "please sign in", "follow @newsfuse", "(@jdoe) May 1, 2017",
    "pic.twitter.com/abc", "autoplay", "embed share", "c. 2001 The Times news", "For release",
    "story can end here", "jdoe@example.com", "jdoe(at)example.org", "www.example.com",
    "http://example.com", "ShaRe your THOUGHTS", "you can email him", "contributed to this report",
    "\u212aelvin", "Click here", "tap HERE", "newsletter", "Order now!", "can be yours", "!",
    "said.", "The", "news service", "enditem", "ENDİT", "MORE", "More", "(", ")", "/", "|", " ", ".", ",", ":", "2019", "555-123-4567",
    "(Read more here.)", "(SEE IT HERE)", "(watch the video here)", "(read", "here", "&QL;", "&ql;",
    "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)", "Advertisement", "endit\t",
]
# fmt: on


def _searches(rules: cleaning._Rules, text: str) -> bool:
    """Every rule searched in full, keys ignored."""
    return bool(rules.anchored and rules.anchored.search(text)) or any(
        pattern.search(text) for _, pattern in rules.keyed
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map(" ".join))
def test_keys_never_hide_a_match(line: str) -> None:
    folded = cleaning._fold(line)
    found = cleaning._keys_of(line)
    every_rules = [*cleaning._LINE_RULES, *cleaning._INLINE_SENTENCE_RULES]
    for rules in [*every_rules, cleaning._HAS_URL, cleaning._EMAIL]:
        assert rules.match(line, found) == _searches(rules, line), rules.reason
    first = next((r.reason for r in cleaning._LINE_RULES if r.match(line, found)), None)
    assert cleaning._LINE_CHAIN.first(line, found) == first
    for reason, keys, pattern in cleaning._INLINE_PATTERNS:
        assert any(key in folded for key in keys) or not pattern.search(line), reason
    assert cleaning._may_end_on_sign_off(line) or not cleaning._INLINE_SIGN_OFF.search(line)
    if line.strip():
        unit = line.strip()
        assert cleaning._without_sign_off(unit) == cleaning._WIRE_SIGN_OFF.sub("", unit)


# Words and marks around full stops: names, numbers, words in capitals, roman numerals, syntok's
# abbreviations and months, initials, brackets (some in a chunk of symbols syntok takes whole),
# quotes.
# fmt: off
_SENTENCE_PIECES = [
    "Trump.", "Gen.", "No.", "Mr.", "May.", "Smith", "said", "the", "The", "A380", "U.S.", "(",
    ")", "[", "]", "\"", "“", "”", "'", "’", "Pompeo.\"", "Kim.”", "Lee.'", "(AP)", "8 p.m.",
    "Monday.", "Gov.", "—", ";", "?", "!", "It", "2019.", "163.", "12", "7", "300", "May",
    "Feb.", "Jan", "F.", "v.", "a.", "e.g.", "flu.Health", "3.5", "...", "so...", ",", ":",
    "NO.", "Sen.", "x", "\n", "Ms. O’Sullivan", "AP.", "UK.", "II.", "XXX.", "CNN", "Mar", "Jän",
    "Trump's", "\"the", "“(", "Yes.", "He",
]
# fmt: on


@settings(max_examples=600, deadline=None)
# Paragraphs are stripped: a piece cut before asking syntok keeps the space around it.
@given(
    st.lists(st.sampled_from(_SENTENCE_PIECES), min_size=1, max_size=12)
    .map(" ".join)
    .map(str.strip)
)
# syntok skips a short bracketed aside whole, stops and all.
@example("He met them (said Trump. The talks ended) today.")
@example("the ( Trump. It ) the")
@example("It fell on Feb. 1 and Jan. 26, 2018. No. 3 was U.S. policy.")
def test_shortcuts_around_syntok_cut_where_syntok_does(text: str) -> None:
    found = segment.sentence_spans(text, 0, len(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment, "_SYNTOK_ABBREVIATIONS", _EveryName())
        patch.setattr(segment, "_syntok_keeps_whole", lambda text, start, end: False)
        assert segment.sentence_spans(text, 0, len(text)) == found


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), min_size=1, max_size=12).map(" ".join))
@example("Mr. Smith met U.S. officials and John F. Kennedy in Jan. 5 cases.")
@example("No. 3.5")
def test_stretches_kept_whole_are_one_syntok_sentence(text: str) -> None:
    if segment._syntok_keeps_whole(text, 0, len(text)):
        assert segment._syntok_spans(text, 0, len(text)) == [(0, len(text))]


class _EveryName:
    """Takes every name for an abbreviation, so that syntok decides after each."""

    def __contains__(self, name: object) -> bool:
        return True


def _searched_sure_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``segment._sure_pieces`` with the sure-boundary pattern searched through the text."""
    pieces = []
    for match in segment._SURE.finditer(text, start, end):
        if not segment._is_sure(text, start, match):
            continue
        cut = match.start() + len(match["word"] or match["name"] or match["code"])
        while not text[cut].isspace():
            cut += 1
        pieces.append((start, cut))
        start = match.end()
    return [*pieces, (start, end)]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from([*_SENTENCE_PIECES, "ok.", "I.", "x-ray.", "é."]), max_size=16).map(
        " ".join
    ),
    st.integers(0, 3),
)
def test_sure_pieces_are_those_a_search_finds(text: str, skip: int) -> None:
    start = min(skip, len(text))
    found = list(segment._sure_pieces(text, start, len(text)))
    assert found == _searched_sure_pieces(text, start, len(text))


# Characters whose lowercase is or holds an ASCII letter (Kelvin sign, dotted capital I), other
# letters and marks, digits, apostrophes.
_WORD_CHARACTERS = "aZ9'’ .-_İıſ\u212aẞΣé\u0307\n"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=20), st.text(st.sampled_from(_WORD_CHARACTERS), max_size=20)))
def test_words_are_those_the_word_pattern_finds(text: str) -> None:
    assert words(text) == _text._WORD.findall(text.lower())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("aeinstgy' "), max_size=12), max_size=6))
def test_stemmed_words_are_each_words_stem_and_whether_it_carries_content(
    texts: list[str],
) -> None:
    stemmer = Stemmer.Stemmer("porter")
    with pytest.MonkeyPatch.context() as patch:
        # A table that fills up after a few words, so that clearing it is tried too.
        patch.setattr(_text, "_MAX_STEMMED", 3)
        for text in texts:
            expected = [
                (stemmer.stemWord(w), w not in STOPWORDS and len(w) > 1) for w in words(text)
            ]
            assert _text.stemmed_words(text) == expected


def _plain_tfidf(token_lists: list[list[str]]) -> sparse.csr_matrix:
    """The textbook construction: COO counts, then scipy all the way."""
    vocabulary: dict[str, int] = {}
    rows, columns = [], []
    for row, tokens in enumerate(token_lists):
        for token in tokens:
            rows.append(row)
            columns.append(vocabulary.setdefault(token, len(vocabulary)))
    shape = (len(token_lists), max(len(vocabulary), 1))
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    counts.sum_duplicates()
    idf = np.log((1 + shape[0]) / (1 + np.bincount(counts.indices, minlength=shape[1]))) + 1.0
    weighted = counts.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ weighted


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefghij"), max_size=12), min_size=1, max_size=30))
def test_tfidf_is_bit_identical_to_the_plain_construction(token_lists: list[list[str]]) -> None:
    fast, plain = tfidf_matrix(token_lists), _plain_tfidf(token_lists)
    assert fast.shape == plain.shape
    for attribute in ("data", "indices", "indptr"):
        assert getattr(fast, attribute).tobytes() == getattr(plain, attribute).tobytes()


def _plain_concepts(cluster) -> tuple[list[list[int]], list[int], list[int]]:
    """Concept numbers per sentence, and articles and sentences per concept, with sets and strings."""
    vocabulary: dict[str, int] = {}
    numbers = []
    for sentence in cluster.sentences:
        tokens = words(sentence.text)
        pairs = [
            f"{stem(a)} {stem(b)}"
            for a, b in itertools.pairwise(tokens)
            if not (a in STOPWORDS or len(a) < 2) or not (b in STOPWORDS or len(b) < 2)
        ]
        numbers.append(sorted({vocabulary.setdefault(pair, len(vocabulary)) for pair in pairs}))
    articles: dict[int, set[int]] = {}
    sentences: dict[int, int] = {}
    for sentence, found in zip(cluster.sentences, numbers):
        for number in found:
            articles.setdefault(number, set()).add(sentence.doc_index)
            sentences[number] = sentences.get(number, 0) + 1
    every = range(max(len(vocabulary), 1))
    return numbers, [len(articles.get(n, ())) for n in every], [sentences.get(n, 0) for n in every]


@pytest.mark.parametrize("example", ["tiny", "harbour-ferry"])
def test_feature_counts_are_those_of_sets(example: str, tiny_documents) -> None:
    documents = tiny_documents if example == "tiny" else read_paths([EXAMPLE_DIR]).documents
    cluster = prepare(documents)
    found = concepts(cluster)
    numbers, articles, sentences = _plain_concepts(cluster)
    assert [found.of(k).tolist() for k in range(len(cluster.sentences))] == numbers
    assert found.document_frequency.tolist() == articles
    assert found.sentence_frequency.tolist() == sentences

    table = sentence_features(cluster)
    column = FEATURE_NAMES.index
    groups = [len(cluster.groups[g].doc_ids) for g in cluster.group_of]
    assert table[:, column("group_docs")].tolist() == groups
    stem_articles: dict[str, set[int]] = {}
    for sentence, stems in zip(cluster.sentences, cluster.stems):
        for term in stems:
            stem_articles.setdefault(term, set()).add(sentence.doc_index)
    others = max(len(cluster.documents) - 1, 1)
    for k, stems in enumerate(cluster.stems):
        spread = [len(stem_articles[term]) - 1 for term in set(stems)]
        coverage = sum(spread) / (len(spread) * others) if spread else 0.0
        assert table[k, column("doc_coverage")] == coverage
        assert table[k, column("doc_coverage_weighted")] == min(sum(spread) / others, 30)


def _article(name: str, count: int) -> Document:
    return Document(
        name,
        " ".join(
            f"The {name} report gives figure number {k} for the harbour." for k in range(count)
        ),
    )


def test_a_cluster_over_the_sentence_limit_keeps_each_articles_lead() -> None:
    documents = [_article("north", 6), _article("south", 2), _article("east", 10)]
    cluster = prepare(documents, max_sentences=10)
    kept = {d.id: [s.position for s in cluster.sentences if s.doc_id == d.id] for d in documents}
    # The short article is kept whole; the two long ones share what is left equally.
    assert kept == {"north": [0, 1, 2, 3], "south": [0, 1], "east": [0, 1, 2, 3]}
    assert any("18 sentences" in w and "first 4 of each article" in w for w in cluster.warnings)


def test_a_cluster_within_the_limit_is_untouched() -> None:
    documents = [_article("north", 6), _article("south", 2)]
    cluster = prepare(documents, max_sentences=8)
    assert len(cluster.sentences) == 8
    assert not any("sentences, more than" in w for w in cluster.warnings)


@given(
    st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=200),
)
def test_leads_are_the_longest_prefixes_that_fit(lengths: list[int], limit: int) -> None:
    found = [list(range(n)) for n in lengths]
    kept = _leads(found, limit, [])
    assert all(own == whole[: len(own)] and own for own, whole in zip(kept, found))
    total = sum(map(len, kept))
    if sum(lengths) <= limit:
        assert kept == found
        return
    assert total <= max(limit, len(lengths))
    # One more sentence for every article that was cut would not fit.
    cut = max(map(len, kept))
    assert total + sum(1 for n in lengths if n > cut) > limit or cut == 1
