"""Values of the cross-source analysis: sources, claims, conflicts, timeline.

All are frozen dataclasses. Every statement is a ``Passage``: a stretch of one
source with offsets into that document's text as read, so the report can show
it in place and the JSON can be checked against the input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.models import CleanedDocument, Sentence, Source, Summary

if TYPE_CHECKING:
    from newsfuse.analysis.entities import Entity
    from newsfuse.analysis.quotes import Quote


@dataclass(frozen=True)
class Passage:
    """A sentence (or a clause of one) of a source: ``document.text[start:end] == text``."""

    doc_id: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, sentence: Sentence) -> Passage:
        return cls(sentence.doc_id, sentence.start, sentence.end, sentence.text)


# A member of a claim is one source's sentence; the name says what it is in that role.
ClaimMember = Passage


@dataclass(frozen=True)
class Claim:
    """Sentences of one or more sources that say the same thing.

    ``sources`` counts the articles of ``doc_ids`` with an article and its
    copies (``Source.copy_of``) once.
    """

    text: str
    doc_ids: tuple[str, ...]
    members: tuple[ClaimMember, ...]
    sources: int
    # Every source of the claim breaks off inside it (see ``PreparedCluster.breaks_off``).
    cut_off: bool = False

    @property
    def single_source(self) -> bool:
        return self.sources == 1

    @property
    def shown(self) -> str:
        """The text as a reader sees it: an incomplete sentence ends with "…"."""
        return f"{self.text} …" if self.cut_off else self.text


@dataclass(frozen=True)
class ConflictVersion:
    """One side of a disagreement: a value or an account, and who carries it."""

    value: str
    doc_ids: tuple[str, ...]
    passages: tuple[Passage, ...]
    speaker: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Sources that differ on one matter.

    ``kind`` is ``number`` (different counts of the same thing), ``name``
    (different spellings of one person or place), ``date`` (the same event on
    different days) or ``account`` (parties giving opposing accounts).
    """

    kind: str
    matter: str
    versions: tuple[ConflictVersion, ...]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for v in self.versions for d in v.doc_ids))


@dataclass(frozen=True)
class DateMention:
    """A date as one source writes it, in the sentence that dates an event."""

    passage: Passage
    date_text: str
    date_start: int
    date_end: int
    iso: str | None


@dataclass(frozen=True)
class TimelineEvent:
    """One event, dated, as one or more sources report it.

    ``iso`` is a full or partial ISO date (``2026-03-03``, ``2026-02``,
    ``1998``) or ``None`` when the date as written cannot be placed
    without guessing; ``why_unplaced`` then says what was missing.
    """

    date_text: str
    iso: str | None
    text: str
    doc_ids: tuple[str, ...]
    mentions: tuple[DateMention, ...]
    why_unplaced: str | None = None


@dataclass(frozen=True)
class Analysis:
    """The view across the sources of one story.

    ``documents`` and ``sentences`` are carried for the HTML report, which
    shows each statement in its article.
    """

    summary: Summary
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    conflicts: tuple[Conflict, ...]
    timeline: tuple[TimelineEvent, ...]
    documents: tuple[CleanedDocument, ...]
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...] = ()

    def count_sources(self, doc_ids: Iterable[str]) -> int:
        """How many sources ``doc_ids`` are: an article and its copies count once."""
        source_of = {s.id: s.copy_of or s.id for s in self.sources}
        return len({source_of[d] for d in doc_ids})
