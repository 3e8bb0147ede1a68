"""``summarize``: documents in, a cited ``Summary`` out."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsfuse.errors import UsageError
from newsfuse.models import Citation, Document, Sentence, Source, Summary, SummarySentence, Timings
from newsfuse.prepare import PreparedCluster, prepare
from newsfuse.registry import get_method, resolve_method_name
from newsfuse.selection import first_appearance_order

DEFAULT_WORDS = 100


def as_documents(documents: Iterable[Document | str]) -> list[Document]:
    """Accept plain strings too; they get ids ``doc1``, ``doc2``, ..."""
    return [
        d if isinstance(d, Document) else Document(id=f"doc{n}", text=d)
        for n, d in enumerate(documents, start=1)
    ]


def check_budget(words: int) -> None:
    if isinstance(words, bool) or not isinstance(words, int) or words <= 0:
        raise UsageError(f"the word budget must be a positive whole number, not {words!r}")


def _citations(
    cluster: PreparedCluster, index: int
) -> tuple[tuple[str, ...], tuple[Citation, ...]]:
    group = cluster.groups[cluster.group_of[index]]
    first_in_document: dict[str, Sentence] = {}
    for member in sorted(group.members, key=lambda s: (s.doc_index, s.position)):
        first_in_document.setdefault(member.doc_id, member)
    citations = tuple(Citation(s.doc_id, s.start, s.end) for s in first_in_document.values())
    return group.doc_ids, citations


def _cut_to_words(sentence: Sentence, words: int) -> Sentence:
    """The first ``words`` words of ``sentence``, offsets adjusted."""
    match = list(re.finditer(r"\S+", sentence.text))[words - 1]
    end = sentence.start + match.end()
    return Sentence(
        sentence.doc_id,
        sentence.start,
        end,
        sentence.text[: match.end()],
        sentence.doc_index,
        sentence.position,
        sentence.paragraph,
    )


def _complete_wordings(
    cluster: PreparedCluster, picked: list[tuple[int, float]], words: int
) -> list[tuple[int, float]]:
    """``picked`` with each sentence its article breaks off inside replaced, where another
    source says the same thing (same group) in a complete sentence that fits the budget.

    Of such sentences, the one closest to the broken-off wording (cosine) stands in; the
    score stays the chosen sentence's.
    """
    used = sum(cluster.sentences[i].words for i, _ in picked)
    taken = {i for i, _ in picked}
    result = []
    for index, score in picked:
        sentence = cluster.sentences[index]
        group = cluster.group_of[index]
        room = words - used + sentence.words
        if cluster.breaks_off(sentence) and len(cluster.groups[group].members) > 1:
            complete = [
                other
                for other, other_group in enumerate(cluster.group_of)
                if other_group == group
                and other not in taken
                and cluster.sentences[other].words <= room
                and not cluster.breaks_off(cluster.sentences[other])
            ]
            if complete:
                other = max(complete, key=lambda o: cluster.similarity[index, o])
                used += cluster.sentences[other].words - sentence.words
                taken.add(other)
                index = other
        result.append((index, score))
    return result


def _sources(cluster: PreparedCluster) -> tuple[Source, ...]:
    return tuple(
        Source(
            id=c.document.id,
            title=c.title,
            words=len(c.document.text.split()),
            origin=c.document.origin,
            noise=c.noise,
            date=c.document.date,
            copy_of=None if host is None else cluster.documents[host].id,
        )
        for c, host in zip(cluster.cleaned, cluster.copy_of)
    )


def summarize_prepared(
    cluster: PreparedCluster, words: int = DEFAULT_WORDS, method: str | None = None, **settings
) -> Summary:
    """Summarize an already prepared cluster (see ``newsfuse.prepare``)."""
    check_budget(words)
    summarizer = get_method(method, **settings)
    started = time.perf_counter()
    picked = summarizer.select(cluster, words)
    selected = time.perf_counter() - started
    warnings = list(cluster.warnings)
    truncated = False
    if not picked:
        # The budget is shorter than every sentence: cut the best one rather than say nothing.
        scores = summarizer.score(cluster)
        best = int(scores.argmax())
        picked = [(best, float(scores[best]))]
        truncated = True
        warnings.append(
            f"the budget of {words} words is shorter than any sentence: the best sentence was cut to fit"
        )
    else:
        picked = _complete_wordings(cluster, picked, words)
    scores = dict(picked)
    sentences = []
    for index in first_appearance_order(cluster, scores):
        sentence = cluster.sentences[index]
        if truncated:
            sentence = _cut_to_words(sentence, min(words, sentence.words))
        supported_by, support = _citations(cluster, index)
        sentences.append(
            SummarySentence(
                text=sentence.text,
                doc_id=sentence.doc_id,
                start=sentence.start,
                end=sentence.end,
                supported_by=supported_by,
                score=round(scores[index], 6),
                support=support,
                truncated=truncated,
                cut_off=not truncated and cluster.breaks_off(sentence),
            )
        )
    return Summary(
        sentences=tuple(sentences),
        sources=_sources(cluster),
        method=resolve_method_name(method),
        budget=words,
        timings=Timings(select=selected),
        warnings=tuple(warnings),
        query=cluster.query,
    )


def summarize(
    documents: Sequence[Document | str],
    words: int = DEFAULT_WORDS,
    method: str | None = None,
    query: str | None = None,
    **settings,
) -> Summary:
    """A cited summary of ``documents`` in at most ``words`` words.

    ``documents`` are ``Document`` values or plain strings; ``method`` is a
    registered name (see ``newsfuse.method_names()``), ``None`` for the default;
    extra keyword arguments are the method's settings.
    """
    check_budget(words)
    get_method(method, **settings)  # fail on a bad name before the work is done
    started = time.perf_counter()
    cluster = prepare(as_documents(documents), query=query)
    prepared = time.perf_counter() - started
    summary = summarize_prepared(cluster, words, method, **settings)
    return replace(summary, timings=replace(summary.timings, prepare=prepared))
