"""Speed and peak memory of every registered method and sumy's LexRank, as one Markdown table.

    python benchmarks/bench.py [--limit K] [--rounds 3] [--words 264] [--clusters FILE] [--systems a,b]
    make bench

By default: all 250 clusters of ``multinews-val250`` (``../shared/data`` beside
the clone), a 264-word budget, every registered method plus ``sumy-lexrank``.

How it measures, and why:
- Each system runs alone in a fresh Python process (this script with
  ``--worker``), one system after another, pinned to one core with the BLAS and
  OpenMP thread pools at one thread: no system competes with another for the
  CPU, warms a cache for it, or inherits its memory.
- Time is the wall clock of one whole call per cluster, documents in and
  sentences out (preparation included), through the same runner that
  ``newsfuse evaluate`` times. The first cluster is run once untimed first, so
  one-off costs (lazy imports, first-call set-up) are not charged to it.
- Every system runs ``--rounds`` times (3 by default), each time in a fresh
  process, the systems taking turns, and each cluster counts with its fastest
  round, as ``timeit`` takes the best of its repeats: on a shared machine,
  interference only ever adds time, and runs of the same code were seen to
  differ by half. Fresh processes keep the rounds independent: a second round
  in the same process would find newsfuse's word caches already warm. The table
  gives the median and the mean over clusters, in milliseconds.
- Memory is the peak resident set size (``ru_maxrss``) of the worker process:
  what a process that summarizes these clusters with this system needs at its
  worst, interpreter and libraries included. Because that total is mostly
  Python, numpy and scipy, the table also gives the peak *over an idle
  worker*: one that does the same imports and loads the same clusters but
  summarizes nothing. The difference is what the system itself adds,
  libraries it loads lazily (sumy) included. ``tracemalloc`` was not used: it
  misses memory allocated outside Python's allocator and slows the timed code.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews-val250.jsonl.gz"
IDLE = "(idle)"
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _worker(system: str, clusters: str, words: int, limit: int | None) -> dict:
    """Run one system over the clusters in this process; the measurements as a dict."""
    import itertools

    from newsfuse.evaluation import runner
    from newsfuse.reading import read_clusters

    records = list(itertools.islice(read_clusters(clusters), limit))
    if system == IDLE:
        return {"clusters": len(records), "peak_mib": _peak_mib()}
    kind, run = runner(system)
    run(records[0], words)
    milliseconds = []
    for record in records:
        started = time.perf_counter()
        run(record, words)
        milliseconds.append(1000 * (time.perf_counter() - started))
    return {"kind": kind, "milliseconds": milliseconds, "peak_mib": _peak_mib()}


def _measure(system: str, args: argparse.Namespace, core: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--worker",
        system,
        "--clusters",
        str(args.clusters),
        "--words",
        str(args.words),
    ]
    if args.limit:
        command += ["--limit", str(args.limit)]
    env = {**os.environ, **ONE_THREAD, "BENCH_CORE": str(core)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        # One broken method should not cost the whole table: its row says why.
        lines = done.stderr.strip().splitlines() or [f"exit code {done.returncode}"]
        return {"error": lines[-1]}
    return json.loads(done.stdout)


def _fastest_rounds(rounds: list[dict]) -> dict:
    """One system's rounds as one row: each cluster's fastest time, the largest peak memory."""
    failed = [r for r in rounds if "error" in r]
    if failed:
        return failed[0]
    fastest = [min(times) for times in zip(*(r["milliseconds"] for r in rounds), strict=True)]
    return {
        "kind": rounds[0]["kind"],
        "median_ms": statistics.median(fastest),
        "mean_ms": statistics.fmean(fastest),
        "peak_mib": max(r["peak_mib"] for r in rounds),
    }


def _default_systems() -> list[str]:
    from newsfuse.registry import method_names

    return [*(m for m in method_names() if m != "default"), "sumy-lexrank"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--clusters",
        type=Path,
        default=MULTINEWS,
        help="cluster JSONL(.gz) (default multinews-val250)",
    )
    parser.add_argument("--limit", type=int, help="only the first K clusters (default: all)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="fresh runs per system (default %(default)s)"
    )
    parser.add_argument("--words", type=int, default=264, help="word budget (default %(default)s)")
    parser.add_argument(
        "--systems",
        help="comma-separated methods and baselines (default: every method, sumy-lexrank)",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        # Pinned before numpy loads, so its thread pools see one core too.
        os.sched_setaffinity(0, {int(os.environ["BENCH_CORE"])})
        print(json.dumps(_worker(args.worker, str(args.clusters), args.words, args.limit)))
        return 0

    if not args.clusters.is_file():
        raise SystemExit(
            f"bench: {args.clusters} not found "
            "(the data is expected in ../shared/data beside the clone)"
        )
    from newsfuse.registry import DEFAULT_METHOD

    systems = args.systems.split(",") if args.systems else _default_systems()
    core = min(os.sched_getaffinity(0))
    idle_run = _measure(IDLE, args, core)
    if "error" in idle_run:
        raise SystemExit(f"bench: cannot load the clusters: {idle_run['error']}")
    idle = idle_run["peak_mib"]
    runs: dict[str, list[dict]] = {system: [] for system in systems}
    for round_number in range(1, args.rounds + 1):
        for system in systems:
            print(f"bench: {system}, round {round_number} ...", file=sys.stderr, flush=True)
            runs[system].append(_measure(system, args, core))
    results = {system: _fastest_rounds(found) for system, found in runs.items()}
    print(
        f"{idle_run['clusters']} clusters of `{args.clusters.name}`, {args.words} words, one core "
        f"(CPU {core}), each cluster's fastest of {args.rounds} rounds; "
        f"idle worker peak RSS {idle:.0f} MiB\n"
    )
    print("| system | kind | median ms/cluster | mean ms/cluster | peak RSS MiB | over idle MiB |")
    print("|---|---|---|---|---|---|")
    for system, r in results.items():
        name = f"{system} (default)" if system == DEFAULT_METHOD else system
        if "error" in r:
            print(f"| {name} | failed: {r['error']} | | | | |")
            continue
        print(
            f"| {name} | {r['kind']} | {r['median_ms']:.1f} | {r['mean_ms']:.1f} | "
            f"{r['peak_mib']:.0f} | {r['peak_mib'] - idle:.0f} |"
        )
    default, baseline = results.get(DEFAULT_METHOD, {}), results.get("sumy-lexrank", {})
    if "median_ms" in default and "median_ms" in baseline:
        print(
            f"\nThe default is {baseline['median_ms'] / default['median_ms']:.1f}x faster than "
            f"sumy-lexrank by the median, {baseline['mean_ms'] / default['mean_ms']:.1f}x by the "
            "mean (total time)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
