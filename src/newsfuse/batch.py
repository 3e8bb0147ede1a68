"""Batch runner: summarize every cluster of a cluster-JSONL file on all cores.

A front end like the CLI: it dispatches to ``summarize`` and shows progress on
stderr. A cluster that cannot be summarized, or a line that is not a cluster
record, becomes an output line with an ``error`` instead of stopping the run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsfuse.errors import InputError, UnreadableInputError
from newsfuse.pipeline import summarize
from newsfuse.reading import ClusterRecord, UnreadableLine, read_cluster_lines
from newsfuse.render import to_dict


def _summary_of(record: ClusterRecord, words: int, method: str | None) -> dict[str, Any]:
    return to_dict(summarize(record.documents, words=words, method=method, query=record.query))


def _analysis_of(record: ClusterRecord, words: int, method: str | None) -> dict[str, Any]:
    from newsfuse.analysis import analyze  # here: only analysis runs load spaCy
    from newsfuse.analysis.render import to_dict as analysis_to_dict

    return analysis_to_dict(
        analyze(record.documents, words=words, method=method, query=record.query)
    )


def _run_record(
    job: tuple[Callable[..., dict[str, Any]], ClusterRecord | UnreadableLine, int, str | None],
) -> dict[str, Any]:
    make, record, words, method = job
    if isinstance(record, UnreadableLine):
        return {"id": None, "line": record.line, "error": record.error}
    try:
        return {"id": record.id, **make(record, words, method)}
    except InputError as error:
        return {"id": record.id, "error": str(error)}


def summarize_records(
    records: Iterable[ClusterRecord | UnreadableLine],
    words: int,
    method: str | None,
    workers: int,
    analysis: bool = False,
) -> Iterator[dict[str, Any]]:
    """One output dict per record (a summary, or with ``analysis`` the full analysis), in input
    order; an unreadable line gives ``{"id": None, "line": N, "error": ...}``."""
    make = _analysis_of if analysis else _summary_of
    jobs = ((make, record, words, method) for record in records)
    if workers <= 1:
        yield from map(_run_record, jobs)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_run_record, jobs, chunksize=4)


def run_batch(
    clusters: str | Path,
    out: str | Path,
    words: int,
    method: str | None,
    workers: int | None = None,
    progress: Callable[..., Any] = tqdm,
    analysis: bool = False,
) -> tuple[int, int]:
    """Write one JSON line per cluster of ``clusters`` to ``out``; returns (written, failed)."""
    # Read everything first: the file is checked before any output is written.
    records = list(read_cluster_lines(clusters))
    if records and all(isinstance(r, UnreadableLine) for r in records):
        # Not one record: the wrong file rather than a few damaged lines.
        raise UnreadableInputError(records[0].error)
    workers = workers or os.cpu_count() or 1
    written = failed = 0
    with open(out, "w", encoding="utf-8") as handle:
        results = summarize_records(records, words, method, workers, analysis)
        for result in progress(results, total=len(records), unit="cluster", file=sys.stderr):
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
            written += 1
            failed += "error" in result
    return written, failed
