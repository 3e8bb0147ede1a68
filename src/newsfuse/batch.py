"""Batch runner: summarize every cluster of a cluster-JSONL file on all cores.

A front end like the CLI: it dispatches to ``summarize`` and shows progress on
stderr. A cluster that cannot be summarized becomes a line with an ``error``
instead of stopping the run.
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

from newsfuse.errors import InputError
from newsfuse.pipeline import summarize
from newsfuse.reading import ClusterRecord, read_clusters
from newsfuse.render import to_dict


def _summarize_record(job: tuple[ClusterRecord, int, str | None]) -> dict[str, Any]:
    record, words, method = job
    try:
        summary = summarize(record.documents, words=words, method=method, query=record.query)
    except InputError as error:
        return {"id": record.id, "error": str(error)}
    return {"id": record.id, **to_dict(summary)}


def summarize_records(
    records: Iterable[ClusterRecord], words: int, method: str | None, workers: int
) -> Iterator[dict[str, Any]]:
    """One output dict per record, in input order."""
    jobs = ((record, words, method) for record in records)
    if workers <= 1:
        yield from map(_summarize_record, jobs)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_summarize_record, jobs, chunksize=4)


def run_batch(
    clusters: str | Path,
    out: str | Path,
    words: int,
    method: str | None,
    workers: int | None = None,
    progress: Callable[..., Any] = tqdm,
) -> tuple[int, int]:
    """Write one JSON line per cluster of ``clusters`` to ``out``; returns (written, failed)."""
    # Read everything first: the file is checked before any output is written.
    records = list(read_clusters(clusters))
    workers = workers or os.cpu_count() or 1
    written = failed = 0
    with open(out, "w", encoding="utf-8") as handle:
        results = summarize_records(records, words, method, workers)
        for result in progress(results, total=len(records), unit="cluster", file=sys.stderr):
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
            written += 1
            failed += "error" in result
    return written, failed
