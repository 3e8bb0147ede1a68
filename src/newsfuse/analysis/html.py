"""The analysis as one self-contained HTML page a person reads in a browser.

No external scripts, fonts or styles: the CSS and JS under ``assets/`` are
inlined, and every text from the sources is escaped. Each citation chip names
a source and an offset; clicking it opens that article in the reader beside
the report and marks the sentence holding the offset.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib.resources import files

from newsfuse.analysis.model import Analysis, Conflict, Passage
from newsfuse.analysis.render import (
    by_support,
    counted_sources,
    shown_entities,
    source_numbers,
    support,
)
from newsfuse.models import CleanedDocument, Sentence

_ASSETS = files("newsfuse.analysis") / "assets"
_KINDS = {
    "number": "Different figures",
    "date": "Different dates",
    "name": "Different spellings",
    "account": "Opposing accounts",
}


class _Page:
    """What every part of the page needs: source numbers and titles."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.numbers = source_numbers(analysis)
        self.titles = {s.id: s.title or s.id for s in analysis.sources}

    def chip(self, doc_id: str, start: int, end: int) -> str:
        number = self.numbers[doc_id]
        return (
            f'<button type="button" class="chip" data-doc="{number}" data-start="{start}" data-end="{end}" '
            f'title="Source {number}: {escape(self.titles[doc_id])}">{number}</button>'
        )

    def chips(self, passages: Iterable[Passage]) -> str:
        """One chip per source, pointing at that source's first passage."""
        first: dict[str, Passage] = {}
        for passage in passages:
            first.setdefault(passage.doc_id, passage)
        ordered = sorted(first.values(), key=lambda p: self.numbers[p.doc_id])
        return "".join(self.chip(p.doc_id, p.start, p.end) for p in ordered)

    def badge(self, doc_ids: tuple[str, ...]) -> str:
        strength = " strong" if self.analysis.count_sources(doc_ids) > 1 else ""
        return f'<span class="badge{strength}">{support(doc_ids, self.analysis)}</span>'


def _summary(page: _Page) -> str:
    sentences = page.analysis.summary.sentences
    if not sentences:
        return '<p class="empty">No summary.</p>'
    query = page.analysis.summary.query
    focus = f'<p class="hint">Focus: {escape(query)}</p>' if query else ""
    return focus + "".join(
        f"<p>{escape(s.shown)} "
        + "".join(
            page.chip(c.doc_id, c.start, c.end)
            for c in sorted(s.support, key=lambda c: page.numbers[c.doc_id])
        )
        + f" {page.badge(s.supported_by)}</p>"
        for s in sentences
    )


def _conflict(page: _Page, conflict: Conflict) -> str:
    versions = []
    for version in conflict.versions:
        value = escape(version.value)
        # The differing value stands out where it is written; an account's value is a whole passage.
        emphasise = conflict.kind != "account"
        passages = "".join(
            f"<li>{escape(p.text).replace(value, f'<strong>{value}</strong>') if emphasise else escape(p.text)} "
            f"{page.chip(p.doc_id, p.start, p.end)}</li>"
            for p in version.passages
        )
        heading = value if emphasise else escape(version.speaker or f"Version {len(versions) + 1}")
        versions.append(
            f'<div class="version"><p class="value">{heading} {page.badge(version.doc_ids)}</p>'
            f"<ul>{passages}</ul></div>"
        )
    return (
        f'<div class="card conflict"><h3><span class="kind">{_KINDS.get(conflict.kind, conflict.kind)}</span>'
        f'{escape(conflict.matter)}</h3><div class="versions">{"".join(versions)}</div></div>'
    )


def _conflicts(page: _Page) -> str:
    found = page.analysis.conflicts
    body = (
        "".join(_conflict(page, c) for c in found)
        or '<p class="empty">The sources do not contradict each other on anything found.</p>'
    )
    return _section("differ", "Where the sources differ", len(found), body)


def _folded(summary: str, body: str) -> str:
    return f"<details><summary>{escape(summary)}</summary>{body}</details>"


def _quotes(page: _Page) -> str:
    def cards(quotes) -> str:
        return "".join(
            f"<blockquote><p>“{escape(q.text)}”</p><footer>— {escape(q.speaker or 'unattributed')} "
            f"{page.chips(Passage(m.doc_id, m.start, m.end, '') for m in q.mentions)} {page.badge(q.doc_ids)}"
            "</footer></blockquote>"
            for q in quotes
        )

    shared, single = by_support(page.analysis.quotes, page.analysis)
    body = cards(shared) + (
        _folded(f"{len(single)} quotes from a single source", cards(single)) if single else ""
    )
    return _section(
        "quotes",
        "Quotes",
        len(page.analysis.quotes),
        body or '<p class="empty">No quotes found.</p>',
    )


def _entities(page: _Page) -> str:
    entities = shown_entities(page.analysis)
    rows = []
    for entity in entities:
        others = [
            v for v in entity.variants if v != entity.name and v not in entity.suspect_variants
        ]
        spellings = escape(", ".join(others)) if others else ""
        suspect = "".join(
            f'<div class="suspect">⚠ {escape(v)} <span class="badge warn">probably misspelt</span></div>'
            for v in entity.suspect_variants
        )
        chips = page.chips(Passage(m.doc_id, m.start, m.end, "") for m in entity.mentions)
        rows.append(
            f"<tr><td><strong>{escape(entity.name)}</strong></td><td>{escape(entity.type.lower())}</td>"
            f"<td>{spellings}{suspect}</td><td>{chips} {page.badge(entity.doc_ids)}</td></tr>"
        )
    body = (
        "<table><thead><tr><th>Name</th><th>Kind</th><th>Other spellings</th><th>Sources</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="empty">No names carried by several sources.</p>'
    )
    return _section("people", "People, organisations and places", len(entities), body)


def _timeline(page: _Page) -> str:
    events = page.analysis.timeline
    items = []
    for event in events:
        when = (
            escape(event.iso)
            + (f"<small>{escape(event.date_text)}</small>" if event.date_text != event.iso else "")
            if event.iso
            else f"{escape(event.date_text)}<small>{escape(event.why_unplaced or '')}</small>"
        )
        undated = "" if event.iso else ' class="undated"'
        items.append(
            f'<li{undated}><div class="when">{when}</div><div>{escape(event.text)} '
            f"{page.chips(m.passage for m in event.mentions)}</div></li>"
        )
    body = (
        f'<ol class="timeline">{"".join(items)}</ol>'
        if items
        else '<p class="empty">No dated events found.</p>'
    )
    return _section("timeline", "Timeline", len(events), body)


def _claim_items(page: _Page, claims) -> str:
    return "".join(
        f"<li>{escape(c.shown)} {page.chips(c.members)} {page.badge(c.doc_ids)}</li>"
        for c in claims
    )


def _claims(page: _Page) -> str:
    shared, single = by_support(page.analysis.claims, page.analysis)
    body = f'<ul class="claims">{_claim_items(page, shared)}</ul>' if shared else ""
    if single:
        body += _folded(
            f"{len(single)} statements from a single source",
            f'<ul class="claims">{_claim_items(page, single)}</ul>',
        )
    return _section("claims", "What several sources say", len(shared), body)


def _sources(page: _Page) -> str:
    items = []
    for source in page.analysis.sources:
        noise = "".join(
            f"<li><code>{escape(n.reason)}</code>{escape(n.text)}</li>" for n in source.noise
        )
        folded = (
            _folded(
                f"{len(source.noise)} stretches of web noise removed",
                f'<ul class="noise">{noise}</ul>',
            )
            if source.noise
            else ""
        )
        date = f" · {escape(source.date)}" if source.date else ""
        if source.copy_of:
            date += f" · repeats [{page.numbers[source.copy_of]}]"
        items.append(
            f'<div class="card"><h3>[{page.numbers[source.id]}] {escape(page.titles[source.id])}</h3>'
            f'<p class="hint">{escape(source.origin or source.id)}{date} · {source.words} words</p>{folded}</div>'
        )
    return _section("sources", "Sources", len(items), "".join(items))


def _section(anchor: str, title: str, count: int | str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}<span class="count">{count}</span></h2>{body}</section>'


def _article_text(cleaned: CleanedDocument, sentences: list[Sentence]) -> str:
    """The kept paragraphs of an article, each sentence a span carrying its offsets."""
    text = cleaned.document.text
    paragraphs = []
    for start, end in cleaned.paragraphs:
        parts, cursor = [], start
        for sentence in (s for s in sentences if start <= s.start < end):
            parts.append(escape(text[cursor : sentence.start]))
            parts.append(
                f'<span class="s" data-start="{sentence.start}" data-end="{sentence.end}">{escape(sentence.text)}</span>'
            )
            cursor = sentence.end
        parts.append(escape(text[cursor:end]))
        paragraphs.append(f"<p>{''.join(parts)}</p>")
    return "".join(paragraphs)


def _reader(page: _Page) -> str:
    tabs, articles = [], []
    for n, cleaned in enumerate(page.analysis.documents, start=1):
        doc_id = cleaned.document.id
        selected = "true" if n == 1 else "false"
        hidden = "" if n == 1 else " hidden"
        tabs.append(
            f'<button type="button" class="tab" role="tab" data-doc="{n}" aria-selected="{selected}" '
            f'title="{escape(page.titles[doc_id])}">[{n}] {escape(doc_id)}</button>'
        )
        sentences = [s for s in page.analysis.sentences if s.doc_id == doc_id]
        articles.append(
            f'<article class="article" data-doc="{n}"{hidden}><h3>{escape(page.titles[doc_id])}</h3>'
            f'<p class="meta">Source {n} · article text as read, web noise left out</p>'
            f"{_article_text(cleaned, sentences)}</article>"
        )
    return (
        f'<aside class="reader" aria-label="Articles"><div class="tabs" role="tablist">{"".join(tabs)}</div>'
        f"{''.join(articles)}</aside>"
    )


def to_html(analysis: Analysis) -> str:
    """The whole report as one HTML document."""
    page = _Page(analysis)
    css = (_ASSETS / "report.css").read_text(encoding="utf-8")
    js = (_ASSETS / "report.js").read_text(encoding="utf-8")
    sources = "".join(
        f"<li>[{page.numbers[s.id]}] {escape(page.titles[s.id])}</li>" for s in analysis.sources
    )
    summary = analysis.summary
    main = (
        _section(
            "summary",
            "Summary",
            f"{summary.words} words",
            f'<div class="summary">{_summary(page)}</div>',
        )
        + _conflicts(page)
        + _quotes(page)
        + _entities(page)
        + _timeline(page)
        + _claims(page)
        + _sources(page)
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Across {counted_sources([s.id for s in analysis.sources], analysis)} — newsfuse</title><style>{css}</style></head><body>"
        f'<header class="top"><h1>What {len(analysis.sources)} sources say</h1>'
        "<p>Click a numbered chip to read the sentence in its article.</p>"
        f'<ul class="sources-list">{sources}</ul></header>'
        f'<div class="layout"><main>{main}</main>{_reader(page)}</div>'
        f"<script>{js}</script></body></html>\n"
    )
