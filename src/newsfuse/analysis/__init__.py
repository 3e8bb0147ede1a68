"""Cross-source analysis of a prepared cluster: quotes, entities, claims, conflicts, timeline.

``analyze`` prepares the documents once and runs every view on the same
``PreparedCluster`` and the same spaCy parse, so all offsets agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.analysis.claims import find_claims
from newsfuse.analysis.conflicts import find_conflicts
from newsfuse.analysis.entities import extract_entities
from newsfuse.analysis.model import Analysis
from newsfuse.analysis.nlp import parse_sentences
from newsfuse.analysis.quotes import extract_quotes
from newsfuse.analysis.timeline import build_timeline, dated_sentences
from newsfuse.models import Document
from newsfuse.pipeline import DEFAULT_WORDS, as_documents, check_budget, summarize_prepared
from newsfuse.prepare import PreparedCluster, prepare

__all__ = ["Analysis", "analyze", "analyze_prepared"]


def analyze_prepared(
    cluster: PreparedCluster, words: int = DEFAULT_WORDS, method: str | None = None
) -> Analysis:
    """The analysis of an already prepared cluster (see ``newsfuse.prepare``)."""
    summary = summarize_prepared(cluster, words, method)
    parsed = parse_sentences(cluster)
    entities = extract_entities(cluster, parsed)
    dated = dated_sentences(cluster, parsed)
    quotes = extract_quotes(cluster, parsed, entities)
    return Analysis(
        summary=summary,
        sources=summary.sources,
        claims=find_claims(cluster),
        quotes=quotes,
        entities=entities,
        conflicts=find_conflicts(cluster, parsed, entities, dated, quotes),
        timeline=build_timeline(cluster, dated),
        documents=cluster.cleaned,
        sentences=cluster.sentences,
        warnings=summary.warnings,
    )


def analyze(
    documents: Sequence[Document | str],
    words: int = DEFAULT_WORDS,
    method: str | None = None,
    query: str | None = None,
) -> Analysis:
    """What the sources say together and apart: cited summary, claims, quotes, people, conflicts, timeline.

    ``documents`` are ``Document`` values or plain strings; ``words`` and
    ``method`` are the summary's budget and selection method.
    """
    check_budget(words)
    return analyze_prepared(prepare(as_documents(documents), query=query), words, method)
