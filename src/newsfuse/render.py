"""Render a ``Summary`` as plain text, Markdown or JSON.

Citation markers number the sources in cluster order: ``[2,3]`` means the
second and third articles both carry the statement.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from newsfuse.models import Source, Summary, SummarySentence

FORMATS = ("text", "markdown", "json")
_WIDTH = 88


def _numbers(summary: Summary) -> dict[str, int]:
    return {source.id: n for n, source in enumerate(summary.sources, start=1)}


def _marker(sentence: SummarySentence, numbers: dict[str, int]) -> str:
    return "[" + ",".join(str(numbers[d]) for d in sentence.supported_by) + "]"


def describe_source(source: Source, numbers: dict[str, int]) -> str:
    """``id: title (N words, ...)`` for a list of sources (the analysis report reuses this)."""
    title = f" {source.title}" if source.title else ""
    stretches = "stretch" if len(source.noise) == 1 else "stretches"
    noise = f", {len(source.noise)} noise {stretches} removed" if source.noise else ""
    copy = f", repeats [{numbers[source.copy_of]}]" if source.copy_of else ""
    return f"{source.id}:{title} ({source.words} words{noise}{copy})"


def to_text(summary: Summary) -> str:
    numbers = _numbers(summary)
    body = " ".join(f"{s.shown} {_marker(s, numbers)}" for s in summary.sentences)
    lines = textwrap.wrap(body, _WIDTH) or [""]
    if summary.query:
        lines += ["", *textwrap.wrap(f"Focus: {summary.query}", _WIDTH)]
    lines += ["", "Sources:"]
    lines += [f"[{numbers[s.id]}] {describe_source(s, numbers)}" for s in summary.sources]
    return "\n".join(lines) + "\n"


def to_markdown(summary: Summary) -> str:
    numbers = _numbers(summary)
    lines = [f"## Summary ({summary.words} words, method `{summary.method}`)", ""]
    if summary.query:
        lines += [f"Focus: {summary.query}", ""]
    lines += [
        f"- {s.shown} " + "".join(f"[^{numbers[d]}]" for d in s.supported_by)
        for s in summary.sentences
    ]
    lines += ["", "### Sources", ""]
    lines += [f"[^{numbers[s.id]}]: {describe_source(s, numbers)}" for s in summary.sources]
    if summary.warnings:
        lines += ["", "### Warnings", ""] + [f"- {w}" for w in summary.warnings]
    return "\n".join(lines) + "\n"


def source_to_dict(number: int, source: Source) -> dict[str, Any]:
    """A source as JSON, with the noise removed from it (the analysis report reuses this)."""
    return {
        "number": number,
        "id": source.id,
        "title": source.title,
        "words": source.words,
        "origin": source.origin,
        "date": source.date,
        "copy_of": source.copy_of,
        "noise_removed": [
            {"text": x.text, "reason": x.reason, "start": x.start, "end": x.end}
            for x in source.noise
        ],
    }


def to_dict(summary: Summary) -> dict[str, Any]:
    """The JSON form of a summary (also one line of batch output, plus its id)."""
    return {
        "summary": summary.text,
        "words": summary.words,
        "budget": summary.budget,
        "method": summary.method,
        "query": summary.query,
        "sentences": [
            {
                "text": s.text,
                "doc_id": s.doc_id,
                "start": s.start,
                "end": s.end,
                "supported_by": list(s.supported_by),
                "score": s.score,
                "support": [
                    {"doc_id": c.doc_id, "start": c.start, "end": c.end} for c in s.support
                ],
                "truncated": s.truncated,
                "cut_off": s.cut_off,
            }
            for s in summary.sentences
        ],
        "sources": [source_to_dict(n, source) for n, source in enumerate(summary.sources, start=1)],
        "timings": {
            "prepare": round(summary.timings.prepare, 6),
            "select": round(summary.timings.select, 6),
            "total": round(summary.timings.total, 6),
        },
        "warnings": list(summary.warnings),
    }


def to_json(summary: Summary) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n"


def render(summary: Summary, fmt: str) -> str:
    """``summary`` in one of ``FORMATS``."""
    return {"text": to_text, "markdown": to_markdown, "json": to_json}[fmt](summary)
