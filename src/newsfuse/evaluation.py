"""Run newsfuse methods and baselines on the same clusters and score them with ROUGE.

A *system* is a newsfuse method (any name of ``newsfuse.method_names()``,
``default`` included, run through ``newsfuse.summarize``) or a baseline of
``newsfuse.baselines.BASELINES``. Every system sees a cluster's documents and
query, never its references; only ``newsfuse.rouge`` reads those.

Timing is wall-clock seconds per cluster for the whole call, preparation
included. Systems run cluster by cluster in one process, and the order of the
systems turns by one place on every cluster, so no method is always the one
that warms shared caches (newsfuse's stem cache) for the others.
"""

from __future__ import annotations

import itertools
import os
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from newsfuse.baselines import BASELINES
from newsfuse.errors import InputError, MissingInputError, UsageError
from newsfuse.pipeline import summarize
from newsfuse.reading import ClusterRecord, read_clusters
from newsfuse.registry import method_names
from newsfuse.rouge import check_metric, rouge

DATA_VARIABLE = "NEWSFUSE_DATA"
DEFAULT_DATA_DIR = "../shared/data"

Runner = Callable[[ClusterRecord, int], list[str]]


def _run_method(method: str, record: ClusterRecord, words: int) -> list[str]:
    summary = summarize(record.documents, words=words, method=method, query=record.query)
    return [s.text for s in summary.sentences]


def _run_baseline(name: str, record: ClusterRecord, words: int) -> list[str]:
    return BASELINES[name](record.documents, words)


def system_names() -> list[str]:
    """Every name ``evaluate`` accepts: the methods, then the baselines."""
    return [*method_names(), *BASELINES]


def runner(name: str) -> tuple[str, Runner]:
    """``(kind, function)`` for a system name; kind is ``method`` or ``baseline``."""
    if name in method_names():
        return "method", partial(_run_method, name)
    if name in BASELINES:
        return "baseline", partial(_run_baseline, name)
    raise UsageError(
        f"unknown method or baseline {name!r}: choose from {', '.join(system_names())}"
    )


@dataclass(frozen=True)
class SystemResult:
    """One system's scores and seconds, one entry per evaluated cluster."""

    name: str
    kind: str
    scores: tuple[dict[str, float], ...]
    seconds: tuple[float, ...]
    failures: tuple[str, ...] = ()

    def mean(self, rouge_type: str) -> float:
        return statistics.fmean(s[rouge_type] for s in self.scores)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def mean_seconds(self) -> float:
        return statistics.fmean(self.seconds)


@dataclass(frozen=True)
class Evaluation:
    """Scores of several systems on the same clusters, of one file or pooled from several.

    ``clusters`` names the files (comma-separated), ``set_name`` their sets joined by "+".
    """

    clusters: str
    set_name: str
    words: int
    metric: str
    cluster_ids: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    skipped: tuple[str, ...] = ()
    # False when the clusters' queries were withheld (generic summaries of query-focused sets).
    queries: bool = True

    def system(self, name: str) -> SystemResult:
        return next(s for s in self.systems if s.name == name)


def find_clusters(name: str | Path) -> Path:
    """The cluster file ``name``, or ``<name>.jsonl.gz`` / ``<name>.jsonl`` in the data folder.

    The data folder is ``$NEWSFUSE_DATA``, else ``../shared/data`` (the
    development data beside a clone), so ``duc2003-task2`` names a set.
    """
    path = Path(name)
    if path.is_file():
        return path
    folder = Path(os.environ.get(DATA_VARIABLE, DEFAULT_DATA_DIR))
    for candidate in (folder / f"{name}.jsonl.gz", folder / f"{name}.jsonl"):
        if candidate.is_file():
            return candidate
    raise MissingInputError(
        f"{name}: no such cluster file, nor a set of that name in {folder} "
        f"(set {DATA_VARIABLE} to the folder of the .jsonl.gz sets)"
    )


def set_name(path: str | Path) -> str:
    """``multinews-val250`` for ``.../multinews-val250.jsonl.gz``."""
    name = Path(path).name
    for suffix in (".gz", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return name


def _cluster_files(clusters: str | Path | Sequence[str | Path]) -> list[Path]:
    """The files named, each once (the same file under two names counts once)."""
    names = [clusters] if isinstance(clusters, str | Path) else list(clusters)
    if not names:
        raise UsageError("name at least one cluster file or set to evaluate on")
    found: dict[Path, Path] = {}
    for name in names:
        path = find_clusters(name)
        found.setdefault(path.resolve(), path)
    return list(found.values())


def evaluate(
    clusters: str | Path | Sequence[str | Path],
    words: int,
    systems: Sequence[str],
    metric: str = "f1",
    limit: int | None = None,
    progress: Callable[[Iterable[ClusterRecord]], Iterable[ClusterRecord]] = iter,
    queries: bool = True,
    baselines: Sequence[str] = (),
) -> Evaluation:
    """Summarize the first ``limit`` clusters of ``clusters`` with every system and score them.

    ``clusters`` is a cluster-JSONL file or a set name (see ``find_clusters``), or
    several: their clusters are pooled, in the order given (``limit`` counts them all).
    ``progress`` wraps the stream of clusters (the CLI passes a progress bar).
    ``queries=False`` withholds the clusters' queries from every system.
    ``baselines`` are run after ``systems`` and reported as baselines, methods too
    (``lead`` is a method, and what users compare against).
    A system that fails on a cluster with an input error scores 0 there and the
    failure is recorded; clusters without references are skipped.
    """
    check_metric(metric)
    names = list(dict.fromkeys([*systems, *baselines]))
    if not names:
        raise UsageError("name at least one method or baseline to evaluate")
    runners = {name: runner(name) for name in names}
    kinds = {name: "baseline" if name in baselines else runners[name][0] for name in names}
    scores: dict[str, list[dict[str, float]]] = {n: [] for n in names}
    seconds: dict[str, list[float]] = {n: [] for n in names}
    failures: dict[str, list[str]] = {n: [] for n in names}
    cluster_ids: list[str] = []
    skipped: list[str] = []
    paths = _cluster_files(clusters)
    records = itertools.chain.from_iterable(read_clusters(path) for path in paths)
    for record in progress(itertools.islice(records, limit)):
        if not record.references:
            skipped.append(record.id)
            continue
        if not queries:
            record = replace(record, query=None)
        turn = len(cluster_ids) % len(names)
        for name in names[turn:] + names[:turn]:
            started = time.perf_counter()
            try:
                sentences = runners[name][1](record, words)
            except InputError as error:
                sentences = []
                failures[name].append(f"{record.id}: {error}")
            seconds[name].append(time.perf_counter() - started)
            scores[name].append(rouge(sentences, record.references, words, metric))
        cluster_ids.append(record.id)
    if not cluster_ids:
        raise UsageError(
            f"{', '.join(map(str, paths))}: no cluster with reference summaries to score against"
        )
    return Evaluation(
        clusters=", ".join(map(str, paths)),
        set_name="+".join(set_name(path) for path in paths),
        words=words,
        metric=metric,
        cluster_ids=tuple(cluster_ids),
        systems=tuple(
            SystemResult(n, kinds[n], tuple(scores[n]), tuple(seconds[n]), tuple(failures[n]))
            for n in names
        ),
        skipped=tuple(skipped),
        queries=queries,
    )
