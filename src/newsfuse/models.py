"""Value objects shared by every stage: articles, sentences, citations, summaries.

All are frozen dataclasses. A sentence always carries the id of its document and
character offsets into that document's text as read, so a citation is never
reconstructed by searching for a string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property


@dataclass(frozen=True)
class Document:
    """One article as read: ``text`` is never modified after reading."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    origin: str | None = None

    @property
    def day(self) -> date | None:
        """The day the article is dated, when ``date`` begins with an ISO date; else None."""
        try:
            return date.fromisoformat(self.date[:10]) if self.date else None
        except ValueError:
            return None


@dataclass(frozen=True)
class NoiseSpan:
    """A stretch of a document that cleaning removed, and why."""

    doc_id: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanedDocument:
    """A document with its article text located and its noise set aside.

    ``paragraphs`` are ``(start, end)`` offsets into ``document.text`` of the
    stretches that are article text; everything else is either whitespace, the
    headline (``title_span``) or listed in ``noise``.
    """

    document: Document
    paragraphs: tuple[tuple[int, int], ...]
    noise: tuple[NoiseSpan, ...]
    title: str | None = None
    title_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: ``document.text[start:end] == text``."""

    doc_id: str
    start: int
    end: int
    text: str
    doc_index: int
    position: int
    paragraph: int

    # Cached: scoring and selection ask for it several times per sentence.
    @cached_property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SentenceGroup:
    """Sentences that say the same thing, in order of first appearance."""

    members: tuple[Sentence, ...]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """Every document carrying the statement, in cluster order, once each."""
        ordered = sorted(self.members, key=lambda s: (s.doc_index, s.position))
        return tuple(dict.fromkeys(s.doc_id for s in ordered))


@dataclass(frozen=True)
class Citation:
    """Where a statement stands in one source."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    """A selected sentence, cited to its own place and to every source saying the same."""

    text: str
    doc_id: str
    start: int
    end: int
    supported_by: tuple[str, ...]
    score: float
    support: tuple[Citation, ...] = ()
    # Cut to fit the word budget.
    truncated: bool = False
    # The source itself breaks off inside the sentence (an article cut off mid-sentence).
    cut_off: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def shown(self) -> str:
        """The text as a reader sees it: an incomplete sentence ends with "…"."""
        return f"{self.text} …" if self.truncated or self.cut_off else self.text


@dataclass(frozen=True)
class Source:
    """A document as the summary lists it."""

    id: str
    title: str | None
    words: int
    origin: str | None = None
    noise: tuple[NoiseSpan, ...] = ()
    date: str | None = None
    # The id of the article this one repeats (a wire copy, a rewrite): one source with it.
    copy_of: str | None = None


@dataclass(frozen=True)
class Timings:
    """Seconds spent cleaning, splitting and grouping (prepare) and choosing sentences (select)."""

    prepare: float = 0.0
    select: float = 0.0

    @property
    def total(self) -> float:
        return self.prepare + self.select


@dataclass(frozen=True)
class Summary:
    """A cited summary of a cluster of documents."""

    sentences: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    method: str
    budget: int
    timings: Timings = field(default_factory=Timings)
    warnings: tuple[str, ...] = ()
    # The topic the summary was focused on, if any.
    query: str | None = None

    @property
    def text(self) -> str:
        """The sentences as a reader sees them (see ``SummarySentence.shown``)."""
        return " ".join(s.shown for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)
