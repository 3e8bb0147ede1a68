"""Turn a cluster of raw documents into cleaned, split, vectorised and grouped sentences.

Every summarizer and the cross-source analysis start from a ``PreparedCluster``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
from scipy import sparse

from newsfuse._text import ascii_letter_share, stemmed_words
from newsfuse._vectors import cosine_matrix, tfidf_matrix
from newsfuse.cleaning import clean
from newsfuse.copies import find_copies, source_index
from newsfuse.errors import EmptyInputError, UsageError
from newsfuse.grouping import group_sentences, is_negated, negation_scope
from newsfuse.models import CleanedDocument, Document, Sentence, SentenceGroup
from newsfuse.optional import optional_sentences
from newsfuse.overtaken import overtaken_sentences
from newsfuse.segment import ends_on_terminal, split_sentences

# About 50,000 words: far more than any news article, small enough to stay fast.
MAX_DOCUMENT_CHARS = 300_000
# Sentences of a whole cluster: the pairwise similarities grow with the square of it (600 real
# articles, 17,000 sentences, took 5.7 GB and 17 s to prepare; 5,000 take about 0.5 GB and 3 s).
# Four times the largest evaluation cluster (DUC 2006: 25 articles, 1,246 sentences).
MAX_CLUSTER_SENTENCES = 5_000
# Below this share of ASCII letters an article is in another script than English's: newsfuse
# reads no words in it (French, at about 0.95, is still read, with English stemming).
MIN_ASCII_LETTER_SHARE = 0.5


@dataclass(frozen=True, eq=False)
class PreparedCluster:
    """A cluster ready for scoring: sentences, their vectors, and same-content groups."""

    documents: tuple[Document, ...]
    cleaned: tuple[CleanedDocument, ...]
    sentences: tuple[Sentence, ...]
    # Per sentence, ``(stem, carries content)`` of each word, and the content stems alone.
    word_stems: tuple[tuple[tuple[str, bool], ...], ...]
    stems: tuple[tuple[str, ...], ...]
    vectors: sparse.csr_matrix
    similarity: np.ndarray
    group_of: tuple[int, ...]
    groups: tuple[SentenceGroup, ...]
    # Per document, the index of the article it repeats (see ``copies``), or None.
    copy_of: tuple[int | None, ...] = ()
    query: str | None = None
    warnings: tuple[str, ...] = ()

    @cached_property
    def source_of(self) -> np.ndarray:
        """Per document, the index of its source: the article it repeats, or its own."""
        return source_index(self.copy_of)

    @cached_property
    def overtaken(self) -> np.ndarray:
        """Per sentence, whether it looks ahead to a day that newer articles have reached
        (see ``overtaken``)."""
        return overtaken_sentences(self.documents, self.sentences)

    @cached_property
    def optional(self) -> np.ndarray:
        """Per sentence, whether its article's editor marked it as text a paper may cut
        (see ``optional``)."""
        return optional_sentences(self.cleaned, self.sentences)

    @cached_property
    def source_count(self) -> int:
        """How many sources the documents are, an article and its copies counting once."""
        return len(set(self.source_of.tolist()))

    def breaks_off(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` ends its article without closing punctuation: the text was cut.

        Scraped previews and truncated releases (Multi-News's preprocessed text ends most
        articles mid-sentence) stop anywhere; a reader should see that the sentence is
        incomplete.
        """
        cleaned = self.cleaned[sentence.doc_index]
        last_end = cleaned.paragraphs[-1][1]
        ends_article = sentence.paragraph == len(cleaned.paragraphs) - 1 and not (
            cleaned.document.text[sentence.end : last_end].strip()
        )
        return ends_article and not ends_on_terminal(sentence.text)


def _truncate(document: Document, warnings: list[str]) -> Document:
    if len(document.text) <= MAX_DOCUMENT_CHARS:
        return document
    cut = document.text.rfind("\n", 0, MAX_DOCUMENT_CHARS)
    cut = cut if cut > MAX_DOCUMENT_CHARS // 2 else MAX_DOCUMENT_CHARS
    warnings.append(
        f"document {document.id!r}: only the first {cut:,} of {len(document.text):,} characters "
        "were used (the rest is beyond what a news article holds)"
    )
    return replace(document, text=document.text[:cut])


def _leads(found: list[list[Sentence]], limit: int, warnings: list[str]) -> list[list[Sentence]]:
    """Each article's first sentences, as many per article as keep the cluster within ``limit``.

    News puts the main facts first, so an article's lead is what to keep; every article keeps
    at least its first sentence.
    """
    total = sum(map(len, found))
    if total <= limit:
        return found
    lengths = sorted(map(len, found))
    kept, per_article = 0, 0
    # The largest per-article count whose total fits: raise it past the shortest articles first.
    for rank, length in enumerate(lengths):
        room = (limit - kept) // (len(lengths) - rank)
        if room < length:
            per_article = room
            break
        kept += length
    per_article = max(per_article, 1)
    trimmed = [sentences[:per_article] for sentences in found]
    warnings.append(
        f"the {len(found)} articles hold {total:,} sentences, more than the {limit:,} "
        f"newsfuse reads as one story: only the first {per_article:,} of each article were used "
        f"({sum(map(len, trimmed)):,} in all); summarize fewer articles for a closer reading"
    )
    return trimmed


def _in_another_script(document: Document) -> bool:
    return ascii_letter_share(document.text) < MIN_ASCII_LETTER_SHARE


def _check_ids(documents: Sequence[Document]) -> None:
    seen: set[str] = set()
    for document in documents:
        if document.id in seen:
            raise UsageError(
                f"two documents have the id {document.id!r}: give each document a distinct id"
            )
        seen.add(document.id)


def prepare(
    documents: Sequence[Document],
    query: str | None = None,
    max_sentences: int = MAX_CLUSTER_SENTENCES,
    split_noise_lines: bool = True,
    keep_noise: frozenset[str] = frozenset(),
) -> PreparedCluster:
    """Clean, split, vectorise and group the sentences of ``documents``.

    A cluster of more than ``max_sentences`` sentences keeps the lead of each article (see
    ``_leads``) and says so in its warnings. ``split_noise_lines`` and ``keep_noise`` are
    passed to ``cleaning.clean``.
    """
    if not documents:
        raise EmptyInputError("no documents were given: pass at least one article")
    _check_ids(documents)
    warnings: list[str] = []
    if len(documents) == 1:
        warnings.append(
            "only one article was given: this is a single-document summary, "
            "with no other source to confirm it"
        )
    usable = [_truncate(d, warnings) for d in documents]
    foreign = [d.id for d in usable if _in_another_script(d)]
    if foreign:
        named = (
            f"document {foreign[0]!r} is"
            if len(foreign) == 1
            else f"documents {', '.join(map(repr, foreign))} are"
        )
        warnings.append(
            f"{named} mostly not in the Latin alphabet: newsfuse reads English news, so it "
            "finds no words there to match across sources or to score, and picks those "
            "sentences by position and length alone"
        )
    cleaned = tuple(
        clean(d, split_noise_lines=split_noise_lines, keep_noise=keep_noise) for d in usable
    )
    found = [split_sentences(c, doc_index) for doc_index, c in enumerate(cleaned)]
    warnings += [
        f"document {c.document.id!r}: no article text found"
        for c, own in zip(cleaned, found)
        if not own
    ]
    sentences = [s for own in _leads(found, max_sentences, warnings) for s in own]
    if not sentences:
        names = ", ".join(repr(d.id) for d in documents)
        reason = (
            "their text is not in the Latin alphabet, and newsfuse reads English news"
            if len(foreign) == len(documents)
            else "the input is empty or only web noise"
        )
        raise EmptyInputError(f"no article text found in {names}: {reason}")
    word_stems = tuple(tuple(stemmed_words(s.text)) for s in sentences)
    stems = tuple(tuple([st for st, content in words if content]) for words in word_stems)
    vectors = tfidf_matrix(stems)
    similarity = cosine_matrix(vectors)
    group_of = group_sentences(
        [s.doc_index for s in sentences],
        stems,
        similarity,
        lambda i: is_negated(sentences[i].text),
        lambda i: negation_scope(sentences[i].text),
    )
    copy_of = find_copies(sentences, group_of, len(documents))
    warnings += [
        f"document {documents[copy].id!r} repeats {documents[host].id!r} (a copy or a close "
        "rewrite): the two count as one source when weighing what the sources share"
        for copy, host in enumerate(copy_of)
        if host is not None
    ]
    grouped: dict[int, list[Sentence]] = {}
    for sentence, group in zip(sentences, group_of):
        grouped.setdefault(group, []).append(sentence)
    return PreparedCluster(
        documents=tuple(documents),
        cleaned=cleaned,
        sentences=tuple(sentences),
        word_stems=word_stems,
        stems=stems,
        vectors=vectors,
        similarity=similarity,
        group_of=tuple(group_of),
        groups=tuple(SentenceGroup(tuple(grouped[g])) for g in range(len(grouped))),
        copy_of=copy_of,
        query=query,
        warnings=tuple(warnings),
    )
