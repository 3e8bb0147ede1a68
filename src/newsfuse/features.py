"""Sentence features for the learned scorer, and the bigram concepts the ILP shares.

Everything here reads only the prepared cluster (never a reference), is cheap
(a few milliseconds for a Multi-News cluster) and is built to transfer from the
training data (Multi-News as released: lowercased, truncated to about 500 tokens
per cluster) to real input (original casing, full articles):
- no casing feature: capitals carry no signal in lowercased training text;
- positions are absolute sentence indices capped at ``POSITION_CAP``: training
  articles are cut after a few hundred words, so the model cannot learn what
  happens further down (``methods/learned.py`` adds a position prior for that),
  and it must not extrapolate; there is no paragraph feature, because the
  training text has no paragraph breaks at all;
- cluster-dependent magnitudes (centrality, concept mass) also come as the
  sentence's percentile within its cluster, which does not depend on how many
  sentences the cluster has;
- support (how many articles carry a statement, a word, a concept) is counted
  in sources: an article and its copies (``copies``) are one. Against counting
  articles, with the model retrained either way (R1/R2; the concept weights of
  the selection count sources in both): Multi-News val250 47.18/18.20 ->
  47.21/18.18, DUC 2003 38.88/11.76 -> 38.93/11.79, TAC 2011 49.72/18.90 ->
  50.14/19.47, DUC 2007 37.13/10.84 -> 36.71/10.74.
"""

from __future__ import annotations

import itertools
import re
import weakref
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse._text import content_stems, leans_on_previous, lowered_for_ascii_search
from newsfuse._vectors import tfidf_matrix
from newsfuse.prepare import PreparedCluster

POSITION_CAP = 10

# Feature names, in the column order of ``sentence_features``.
FEATURE_NAMES = (
    "position",
    "log_position",
    "first_sentence",
    "words",
    "log_words",
    "content_share",
    "centroid",
    "centroid_pct",
    "degree",
    "degree_pct",
    "group_docs",
    "group_docs_share",
    "doc_coverage",
    "doc_coverage_weighted",
    "concept_mass",
    "concept_mass_pct",
    "concept_density",
    "number_density",
    "has_quote",
    "starts_quote",
    "said_attribution",
    "question_or_exclaim",
    "pronoun_start",
    "documents",
    "log_sentences",
    "doc_sentences_share",
    "bias",
)

_QUOTES = ('"', "“", "”")
_NUMBER = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"
_ATTRIBUTION_WORDS = ("said", "says", "told", "according to", "tweeted", "wrote", "added")
_ATTRIBUTION = re.compile(r"\b(?:" + "|".join(_ATTRIBUTION_WORDS) + r")\b", re.IGNORECASE)


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what \w matches in a str pattern


def has_attribution(text: str) -> bool:
    """Whether ``text`` holds a word of attribution ("said", "according to", ...).

    What ``_ATTRIBUTION.search`` finds, by substring search and a word-boundary test on each
    hit: the regex tries every position of every sentence, which cost more than the rest of
    the features' text tests together.
    """
    lowered = lowered_for_ascii_search(text)
    if lowered is None:
        return _ATTRIBUTION.search(text) is not None
    for word in _ATTRIBUTION_WORDS:
        start = lowered.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not _is_word_character(text[start - 1])) and (
                end == len(text) or not _is_word_character(text[end])
            ):
                return True
            start = lowered.find(word, start + 1)
    return False


# What a quotation opens with, wire text's `` included.
_OPENING_QUOTES = ('"', "“", "``", "‘")


def opens_unattributed_quote(text: str) -> bool:
    """Whether ``text`` is a quotation that does not say who speaks: the speaker is before it."""
    return text.lstrip().startswith(_OPENING_QUOTES) and not has_attribution(text)


def digit_count(text: str) -> int:
    """How many characters of ``text`` are digits: what ``_NUMBER.findall`` counts.

    \\d matches every Unicode digit, but in ASCII text only these, and deleting them from the
    bytes costs half of listing each match.
    """
    if text.isascii():
        return len(text) - len(text.encode("ascii").translate(None, _ASCII_DIGITS))
    return len(_NUMBER.findall(text))


@dataclass(frozen=True)
class Concepts:
    """The cluster's bigram concepts: which sentences hold each, and in how many articles.

    A concept is a pair of adjacent word stems of a sentence, not both
    stopwords (Gillick & Favre's bigrams), numbered in order of first appearance.
    ``incidence`` is the binary sentence-by-concept matrix. ``source_frequency``
    counts the articles holding a concept as ``document_frequency`` does, but
    an article and its copies (see ``copies``) once.
    """

    incidence: sparse.csr_matrix
    document_frequency: np.ndarray
    source_frequency: np.ndarray
    sentence_frequency: np.ndarray

    def of(self, sentence: int) -> np.ndarray:
        """Concept numbers of one sentence."""
        start, end = self.incidence.indptr[sentence], self.incidence.indptr[sentence + 1]
        return self.incidence.indices[start:end]


_CONCEPTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def concepts(cluster: PreparedCluster) -> Concepts:
    """The cluster's bigram concepts (computed once per cluster, then cached)."""
    found = _CONCEPTS.get(cluster)
    if found is None:
        found = _CONCEPTS[cluster] = _find_concepts(cluster)
    return found


def _find_concepts(cluster: PreparedCluster) -> Concepts:
    vocabulary: dict[tuple[str, str], int] = {}
    indptr = [0]
    indices: list[int] = []
    for words in cluster.word_stems:
        numbers = {
            vocabulary.setdefault((a, b), len(vocabulary))
            for (a, a_content), (b, b_content) in itertools.pairwise(words)
            if a_content or b_content
        }
        indices.extend(sorted(numbers))
        indptr.append(len(indices))
    count = len(cluster.sentences)
    width = max(len(vocabulary), 1)
    columns = np.array(indices, dtype=np.int32)
    incidence = sparse.csr_matrix(
        (np.ones(len(indices)), columns, np.array(indptr, dtype=np.int32)), shape=(count, width)
    )
    doc_index = np.array([s.doc_index for s in cluster.sentences])
    rows = np.repeat(np.arange(count), np.diff(indptr))
    holders = doc_index[rows]
    return Concepts(
        incidence,
        _distinct_counts(columns, holders, width).astype(float),
        _distinct_counts(columns, cluster.source_of[holders], width).astype(float),
        np.bincount(columns, minlength=width).astype(float),
    )


def _distinct_counts(keys: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """For each key below ``size``, how many distinct values it is paired with in ``values``."""
    width = int(values.max()) + 1 if len(values) else 1
    # Sorted, not np.unique: its hash table costs more than sorting at these sizes.
    pairs = np.sort(keys.astype(np.int64) * width + values)
    # Each pair where it first appears; by slices, as np.diff's Python wrapper cost more.
    distinct = np.concatenate((pairs[:1], pairs[1:][pairs[1:] != pairs[:-1]]))
    return np.bincount(distinct // width, minlength=size)


def query_similarity(cluster: PreparedCluster) -> np.ndarray:
    """Cosine of each sentence with the cluster's query (zeros when there is none).

    The query is weighted as one more sentence of the cluster, so its rare words
    count as the articles' rare words do.
    """
    return _similarity_to(cluster, cluster.query or "")


def title_similarity(cluster: PreparedCluster) -> np.ndarray:
    """Cosine of each sentence with the articles' given titles taken together, weighted as
    ``query_similarity`` weighs the query (zeros when no article came with a title).

    Only titles given with the documents count: a headline that cleaning finds in the
    text may be a section name or a date line.
    """
    return _similarity_to(cluster, " ".join(d.title for d in cluster.documents if d.title))


def _similarity_to(cluster: PreparedCluster, text: str) -> np.ndarray:
    stems = content_stems(text)
    if not stems:
        return np.zeros(len(cluster.sentences))
    vectors = tfidf_matrix([*cluster.stems, stems])
    return (vectors[:-1] @ vectors[-1].T).toarray().ravel()


def percentile(values: np.ndarray) -> np.ndarray:
    """Rank of each value within the array, scaled to [0, 1] (ties share the mean rank)."""
    count = len(values)
    if count <= 1:
        return np.ones(count)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    # Ties share the mean of their ranks: runs of equal values in sorted order, found without
    # np.unique, which costs more at these sizes.
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    sizes = np.concatenate((starts[1:], [count])) - starts  # np.diff's wrapper cost more
    result = np.empty(count)
    result[order] = np.repeat((starts + (sizes - 1) / 2) / (count - 1), sizes)
    return result


def sentence_features(cluster: PreparedCluster) -> np.ndarray:
    """One row of ``FEATURE_NAMES`` values per sentence of ``cluster``."""
    sentences = cluster.sentences
    count = len(sentences)
    doc_index = np.array([s.doc_index for s in sentences])
    position = np.array([s.position for s in sentences], dtype=float)
    # Support is counted in sources: an article and its copies (see ``copies``) are one.
    source_of = cluster.source_of[doc_index]
    documents = cluster.source_count

    # Rank of the article by size: the longest article tends to be the main report.
    per_doc = np.bincount(doc_index, minlength=len(cluster.documents)).astype(float)

    lengths = np.array([s.words for s in sentences], dtype=float)
    content = np.array([len(st) for st in cluster.stems], dtype=float)

    vectors = cluster.vectors
    # The column means, summed in scipy's order (by row) without its per-call overhead.
    centre = np.bincount(
        vectors.indices, weights=vectors.data * (1.0 / count), minlength=vectors.shape[1]
    )
    norm = np.linalg.norm(centre)
    centroid = vectors @ (centre / norm) if norm else np.zeros(count)
    similarity = cluster.similarity
    degree = (similarity.sum(axis=1) - 1.0) / max(count - 1, 1)

    group_of = np.asarray(cluster.group_of)
    group_docs = _distinct_counts(group_of, source_of, len(cluster.groups)).astype(float)[group_of]

    # Document coverage: in how many other articles each content stem of the sentence appears.
    # A sentence's TF-IDF entries are its distinct content stems, one column per stem.
    unique = np.diff(vectors.indptr)
    rows = np.repeat(np.arange(count), unique)
    stem_docs = _distinct_counts(vectors.indices, source_of[rows], vectors.shape[1])
    others = max(documents - 1, 1)
    spread = np.bincount(rows, weights=stem_docs[vectors.indices] - 1, minlength=count)
    coverage = np.divide(spread, unique * others, out=np.zeros(count), where=unique > 0)
    coverage_weighted = spread / others

    found = concepts(cluster)
    mass = (found.incidence @ np.maximum(found.source_frequency - 1, 0)) / max(documents - 1, 1)

    texts = [s.text for s in sentences]
    numbers = np.array([digit_count(t) for t in texts], dtype=float) / np.maximum(lengths, 1)
    # Each of _QUOTES in turn: any() over them made a generator per sentence, at 5 times the cost.
    quotes = np.array(['"' in t or "“" in t or "”" in t for t in texts], dtype=float)
    starts_quote = np.array([t.lstrip().startswith(_QUOTES) for t in texts], dtype=float)
    said = np.array([has_attribution(t) for t in texts], dtype=float)
    marks = np.array([t.rstrip().rstrip("\"'”’)").endswith(("?", "!")) for t in texts], dtype=float)
    pronoun = np.array([leans_on_previous(t) for t in texts], dtype=float)

    columns = [
        np.minimum(position, POSITION_CAP),
        np.log1p(np.minimum(position, POSITION_CAP)),
        (position == 0).astype(float),
        np.minimum(lengths, 100),
        np.log1p(lengths),
        content / np.maximum(lengths, 1),
        centroid,
        percentile(centroid),
        degree,
        percentile(degree),
        group_docs,
        (group_docs - 1) / others,
        coverage,
        np.minimum(coverage_weighted, 30),
        np.minimum(mass, 50),
        percentile(mass),
        mass / np.maximum(lengths, 1),
        numbers,
        quotes,
        starts_quote,
        said,
        marks,
        pronoun,
        np.full(count, min(documents, 10), dtype=float),
        np.full(count, np.log(count)),
        per_doc[doc_index] / count,
        np.ones(count),
    ]
    # Stacked whole and transposed: np.column_stack reshaped each column in Python first.
    return np.array(columns).T.copy()
