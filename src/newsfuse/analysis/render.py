"""Render an ``Analysis`` as JSON (everything) or Markdown (the part a person reads).

Sources are numbered in cluster order, as in the summary: ``[2,3]`` means the
second and third articles. Markdown caps the long lists (single-source claims,
minor names); JSON never does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TypeVar

from newsfuse.analysis.model import Analysis, Claim, Conflict, Passage, TimelineEvent
from newsfuse.render import describe_source, source_to_dict
from newsfuse.render import to_dict as summary_to_dict

T = TypeVar("T")

FORMATS = ("json", "markdown", "html")
# Markdown shows this many single-source claims and quotes, and counts the rest; HTML folds them.
SINGLE_SOURCE_SHOWN = 8
# ...and names carried by at least this many sources, or flagged as misspelt.
MIN_ENTITY_SOURCES = 2


def source_numbers(analysis: Analysis) -> dict[str, int]:
    return {source.id: n for n, source in enumerate(analysis.sources, start=1)}


def _passage(passage: Passage) -> dict[str, Any]:
    return {
        "doc_id": passage.doc_id,
        "start": passage.start,
        "end": passage.end,
        "text": passage.text,
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "matter": conflict.matter,
        "doc_ids": list(conflict.doc_ids),
        "versions": [
            {
                "value": v.value,
                "speaker": v.speaker,
                "doc_ids": list(v.doc_ids),
                "passages": [_passage(p) for p in v.passages],
            }
            for v in conflict.versions
        ],
    }


def _event(event: TimelineEvent) -> dict[str, Any]:
    return {
        "date_text": event.date_text,
        "iso": event.iso,
        "why_unplaced": event.why_unplaced,
        "text": event.text,
        "doc_ids": list(event.doc_ids),
        "mentions": [
            {
                **_passage(m.passage),
                "date_text": m.date_text,
                "date_start": m.date_start,
                "date_end": m.date_end,
                "iso": m.iso,
            }
            for m in event.mentions
        ],
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "cut_off": claim.cut_off,
        "doc_ids": list(claim.doc_ids),
        "sources": claim.sources,
        "single_source": claim.single_source,
        "members": [_passage(m) for m in claim.members],
    }


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The JSON form of an analysis (also one line of batch output, plus its id)."""
    return {
        "summary": summary_to_dict(analysis.summary),
        "sources": [source_to_dict(n, s) for n, s in enumerate(analysis.sources, start=1)],
        "claims": [_claim(c) for c in analysis.claims],
        "quotes": [asdict(q) for q in analysis.quotes],
        "entities": [asdict(e) for e in analysis.entities],
        "conflicts": [_conflict(c) for c in analysis.conflicts],
        "timeline": [_event(e) for e in analysis.timeline],
        "warnings": list(analysis.warnings),
    }


def to_json(analysis: Analysis) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=2) + "\n"


def _marker(doc_ids: tuple[str, ...], numbers: dict[str, int]) -> str:
    return "[" + ",".join(str(n) for n in sorted(numbers[d] for d in doc_ids)) + "]"


def _articles(doc_ids: Sequence[str], found: int) -> str:
    """``3 articles`` when a copy makes them more than the sources they are, else nothing."""
    return f"{len(doc_ids)} articles" if found != len(doc_ids) else ""


def counted_sources(doc_ids: Sequence[str], analysis: Analysis) -> str:
    """``4 sources``, or ``1 source (2 articles)`` when a copy is among them."""
    found = analysis.count_sources(doc_ids)
    articles = _articles(doc_ids, found)
    return f"{found} source{'s' * (found != 1)}" + (f" ({articles})" if articles else "")


def _single(doc_ids: Sequence[str]) -> str:
    articles = _articles(doc_ids, 1)
    return "single source" + (f", {articles}" if articles else "")


def support(doc_ids: Sequence[str], analysis: Analysis) -> str:
    """``2 of 4 sources``, copies counted once; the articles too when a copy is among them."""
    found = analysis.count_sources(doc_ids)
    total = analysis.count_sources(s.id for s in analysis.sources)
    articles = _articles(doc_ids, found)
    return f"{found} of {total} sources" + (f", {articles}" if articles else "")


def by_support(items: Sequence[T], analysis: Analysis) -> tuple[list[T], list[T]]:
    """Claims or quotes carried by several sources, and those carried by one only."""
    several = [analysis.count_sources(i.doc_ids) > 1 for i in items]
    return [i for i, s in zip(items, several) if s], [i for i, s in zip(items, several) if not s]


def _capped(lines: list[str], label: str) -> list[str]:
    """The first single-source lines, and how many more there are."""
    more = len(lines) - SINGLE_SOURCE_SHOWN
    return lines[:SINGLE_SOURCE_SHOWN] + (
        [f"- … and {more} more {label} from a single source (see the JSON output)"]
        if more > 0
        else []
    )


def shown_entities(analysis: Analysis) -> list:
    """Names worth a reader's look: carried by several sources, or spelt in a suspect way."""
    return [
        e for e in analysis.entities if len(e.doc_ids) >= MIN_ENTITY_SOURCES or e.suspect_variants
    ]


def to_markdown(analysis: Analysis) -> str:
    numbers = source_numbers(analysis)
    summary = analysis.summary
    lines = [
        f"# Across {counted_sources([s.id for s in analysis.sources], analysis)}",
        "",
        f"## Summary ({summary.words} words)",
        "",
    ]
    if summary.query:
        lines += [f"Focus: {summary.query}", ""]
    lines += [f"- {s.shown} {_marker(s.supported_by, numbers)}" for s in summary.sentences]

    lines += ["", "## Where the sources differ", ""]
    if not analysis.conflicts:
        lines.append("No disagreement found.")
    for conflict in analysis.conflicts:
        lines.append(f"- **{conflict.kind}: {conflict.matter}**")
        for version in conflict.versions:
            who = f"{version.speaker}: " if version.speaker else ""
            lines.append(f"  - {who}“{version.value}” {_marker(version.doc_ids, numbers)}")

    shared, single = by_support(analysis.claims, analysis)
    lines += ["", "## Claims", ""]
    lines += [
        f"- {c.shown} {_marker(c.doc_ids, numbers)} ({support(c.doc_ids, analysis)})"
        for c in shared
    ]
    lines += _capped(
        [f"- {c.shown} {_marker(c.doc_ids, numbers)} ({_single(c.doc_ids)})" for c in single],
        "claims",
    )

    if analysis.quotes:
        lines += ["", "## Quotes", ""]
        shared, single = by_support(analysis.quotes, analysis)
        lines += [
            f"- “{q.text}” — {q.speaker or 'unattributed'} {_marker(q.doc_ids, numbers)}"
            for q in shared
        ]
        lines += _capped(
            [
                f"- “{q.text}” — {q.speaker or 'unattributed'} {_marker(q.doc_ids, numbers)}"
                for q in single
            ],
            "quotes",
        )

    entities = shown_entities(analysis)
    if entities:
        lines += ["", "## People, organisations and places", ""]
        for entity in entities:
            spellings = ", ".join(v for v in entity.variants if v != entity.name)
            suspect = ", ".join(entity.suspect_variants)
            extra = (f"; also written {spellings}" if spellings else "") + (
                f"; **suspect spelling:** {suspect}" if suspect else ""
            )
            lines.append(
                f"- {entity.name} ({entity.type.lower()}) {_marker(entity.doc_ids, numbers)}{extra}"
            )

    if analysis.timeline:
        lines += ["", "## Timeline", ""]
        for event in analysis.timeline:
            when = (
                f"{event.iso} ({event.date_text})"
                if event.iso
                else f"{event.date_text} ({event.why_unplaced})"
            )
            lines.append(f"- **{when}**: {event.text} {_marker(event.doc_ids, numbers)}")

    lines += ["", "## Sources", ""]
    lines += [f"[{numbers[s.id]}] {describe_source(s, numbers)}" for s in analysis.sources]
    if analysis.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in analysis.warnings]
    return "\n".join(lines) + "\n"


def render(analysis: Analysis, fmt: str) -> str:
    """``analysis`` in one of ``FORMATS``."""
    if fmt == "html":
        from newsfuse.analysis.html import to_html  # here: html.py builds on this module's helpers

        return to_html(analysis)
    return {"json": to_json, "markdown": to_markdown}[fmt](analysis)
