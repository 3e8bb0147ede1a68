"""Command line: parse, validate, dispatch, print. Exit 2 for usage errors, 1 for input errors."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from newsfuse.analysis.render import FORMATS as ANALYSIS_FORMATS
from newsfuse.analysis.render import render as render_analysis
from newsfuse.errors import NewsfuseError, UsageError
from newsfuse.pipeline import DEFAULT_WORDS, summarize
from newsfuse.reading import ReadResult, names_a_cluster, read_paths, read_stream
from newsfuse.registry import DEFAULT_METHOD, method_descriptions, method_names
from newsfuse.render import FORMATS, render
from newsfuse.rouge import METRICS

EXIT_INPUT = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that says where to look."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be a positive whole number")
    return number


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md, .html), directories of them, - for stdin "
        "(articles separated by a line |||||), or one cluster of a cluster JSONL file "
        "(FILE.jsonl holding one cluster, or FILE.jsonl.gz#ID)",
    )
    parser.add_argument("--clusters", metavar="FILE", help="batch: a cluster JSONL(.gz) file")
    parser.add_argument(
        "--out", metavar="FILE", help="batch: where to write one JSON line per cluster"
    )
    parser.add_argument(
        "--workers", type=_positive_int, help="batch: processes to use (default: all cores)"
    )
    parser.add_argument(
        "--query",
        metavar="TEXT",
        help="a topic to focus on: the default method favours sentences that match it "
        "(a cluster file's own query is used when this is not given)",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsfuse", description="Cited summaries of several news articles about one story."
    )
    parser.add_argument("--version", action="version", version=f"newsfuse {version('newsfuse')}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    for name, help_text, formats, default in (
        ("summarize", "summarize articles about one story", FORMATS, "text"),
        (
            "analyze",
            "the view across sources: summary, claims, quotes, names, conflicts, timeline",
            ANALYSIS_FORMATS,
            "markdown",
        ),
    ):
        run = commands.add_parser(name, help=help_text)
        _add_input_arguments(run)
        run.add_argument(
            "--words",
            type=_positive_int,
            default=DEFAULT_WORDS,
            help="word budget (default %(default)s)",
        )
        run.add_argument(
            "--method",
            choices=method_names(),
            default="default",
            help=f"selection method (default: {DEFAULT_METHOD})",
        )
        run.add_argument(
            "--format", choices=formats, default=default, help="output format (default %(default)s)"
        )
        run.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
        run.set_defaults(handler=_summarize)

    scoring = commands.add_parser(
        "evaluate",
        help="score methods and baselines with ROUGE against a cluster file's references",
    )
    scoring.add_argument(
        "--clusters",
        required=True,
        nargs="+",
        metavar="FILE",
        help="cluster JSONL(.gz) with references, or a set name in $NEWSFUSE_DATA "
        "(default ../shared/data); several are pooled",
    )
    scoring.add_argument(
        "--words",
        type=_positive_int,
        default=DEFAULT_WORDS,
        help="word budget (default %(default)s)",
    )
    scoring.add_argument(
        "--metric", choices=METRICS, default="f1", help="ROUGE measure (default %(default)s)"
    )
    scoring.add_argument(
        "--methods",
        type=_names,
        default=["default"],
        help="comma-separated methods (default: default)",
    )
    scoring.add_argument(
        "--baselines", type=_names, default=[], help="comma-separated, e.g. lead,sumy-lexrank"
    )
    scoring.add_argument("--limit", type=_positive_int, help="only the first K clusters")
    scoring.add_argument(
        "--ignore-queries",
        action="store_true",
        help="withhold the clusters' queries (DUC topics): generic summaries for every system",
    )
    scoring.add_argument(
        "--report-dir", metavar="DIR", help="report folder (default reports/<set>-<words>w)"
    )
    scoring.set_defaults(handler=_evaluate)

    listing = commands.add_parser("methods", help="list the selection methods")
    listing.set_defaults(handler=_methods)

    serving = commands.add_parser(
        "serve", help="the web service: POST articles to /summarize or /analyze, get JSON"
    )
    serving.add_argument("--host", default="127.0.0.1", help="address (default %(default)s)")
    serving.add_argument(
        "--port", type=int, default=8000, help="port, 0 for any free one (default %(default)s)"
    )
    serving.add_argument("--quiet", action="store_true", help="no request log on stderr")
    serving.set_defaults(handler=_serve)

    training = commands.add_parser("train", help="train the learned method's sentence scorer")
    training.add_argument(
        "--clusters",
        required=True,
        metavar="FILE",
        help="training cluster JSONL(.gz) with references",
    )
    training.add_argument(
        "--out", required=True, metavar="MODEL", help="where to write the model (JSON)"
    )
    training.add_argument("--limit", type=_positive_int, help="use K clusters (a seeded sample)")
    training.add_argument(
        "--seed", type=int, default=13, help="sampling seed (default %(default)s)"
    )
    training.set_defaults(handler=_train)

    noise = commands.add_parser(
        "eval-cleaning", help="the cleaner's noise precision and recall on hand labels"
    )
    noise.add_argument(
        "--labels", default="tests/data/noise_labels.jsonl", help="labels (default %(default)s)"
    )
    noise.add_argument(
        "--clusters",
        default="../shared/data/multinews-val250.jsonl.gz",
        help="labelled set (default %(default)s)",
    )
    noise.add_argument("--errors", action="store_true", help="also list the misclassified lines")
    noise.set_defaults(handler=_eval_cleaning)

    grouping = commands.add_parser(
        "eval-grouping",
        help="same-content grouping's precision and recall on hand-labelled sentence pairs",
    )
    grouping.add_argument(
        "--labels", default="tests/data/group_labels.jsonl", help="labels (default %(default)s)"
    )
    grouping.add_argument(
        "--data",
        help="folder of the labelled sets, <set>.jsonl.gz (default $NEWSFUSE_DATA, else "
        "../shared/data)",
    )
    grouping.add_argument("--errors", action="store_true", help="also list the pairs got wrong")
    grouping.set_defaults(handler=_eval_grouping)
    return parser


def _read_inputs(paths: Sequence[str]) -> ReadResult:
    files = [p for p in paths if p != "-"]
    results = [read_paths(files)] if files else []
    if "-" in paths:
        if any(map(names_a_cluster, files)):
            raise UsageError("a cluster file is a whole story: give it alone, not with stdin")
        results.append(read_stream(sys.stdin.buffer.read()))
    return ReadResult(
        tuple(d for r in results for d in r.documents),
        tuple(w for r in results for w in r.warnings),
        query=results[0].query,
    )


def _warn(messages: Sequence[str]) -> None:
    for message in messages:
        print(f"newsfuse: warning: {message}", file=sys.stderr)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _summarize(args: argparse.Namespace) -> int:
    if args.clusters:
        if args.paths:
            raise UsageError("give either article paths or --clusters, not both")
        if args.query is not None:
            raise UsageError("--query is for one story; in --clusters each record has its own")
        if not args.out:
            raise UsageError("--clusters needs --out FILE for the JSON lines")
        from newsfuse.batch import run_batch  # the batch runner pulls in multiprocessing and tqdm

        analysis = args.command == "analyze"
        written, failed = run_batch(
            args.clusters, args.out, args.words, args.method, args.workers, analysis=analysis
        )
        kind = "analyses" if analysis else "summaries"
        print(f"newsfuse: wrote {written} {kind} to {args.out} ({failed} failed)", file=sys.stderr)
        return EXIT_INPUT if failed and failed == written else 0
    if not args.paths:
        raise UsageError("give article paths, a directory, - for stdin, or --clusters FILE")
    read = _read_inputs(args.paths)
    _warn(read.warnings)
    query = read.query
    if args.query is not None:
        if not args.query.strip():
            raise UsageError("--query is empty: give the topic to focus on, or leave it out")
        query = args.query
    if args.command == "analyze":
        from newsfuse.analysis import analyze  # here: only analysis loads spaCy

        analysis = analyze(read.documents, words=args.words, method=args.method, query=query)
        _warn(analysis.warnings)
        _write(render_analysis(analysis, args.format), args.output)
        return 0
    summary = summarize(read.documents, words=args.words, method=args.method, query=query)
    _warn(summary.warnings)
    _write(render(summary, args.format), args.output)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    # Imported here: evaluation pulls in rouge-score, sumy and matplotlib.
    from tqdm import tqdm

    from newsfuse.comparison import CONFIDENCE, compare
    from newsfuse.evaluation import evaluate
    from newsfuse.report import comparison_table, table, write_report

    def progress(records):
        return tqdm(records, total=args.limit, unit="cluster", file=sys.stderr)

    evaluation = evaluate(
        args.clusters,
        args.words,
        args.methods,
        args.metric,
        args.limit,
        progress,
        queries=not args.ignore_queries,
        baselines=args.baselines,
    )
    sys.stdout.write(table(evaluation))
    differences = compare(evaluation)
    if differences:
        sys.stdout.write(
            f"\nPaired differences, per cluster (x100, {CONFIDENCE:.0%} bootstrap interval):\n\n"
        )
        sys.stdout.write(comparison_table(differences))
    _warn(
        [
            f"{s.name} failed on {len(s.failures)} clusters, scored 0"
            for s in evaluation.systems
            if s.failures
        ]
    )
    paths = write_report(evaluation, args.report_dir, differences)
    print(f"newsfuse: report written to {', '.join(map(str, paths))}", file=sys.stderr)
    return 0


def _eval_cleaning(args: argparse.Namespace) -> int:
    from newsfuse.cleaning_eval import measure_cleaning

    report = measure_cleaning(args.labels, args.clusters)
    print(f"{report.documents} documents, {report.lines} labelled lines\n")
    print("| class | precision | recall |\n|---|---:|---:|")
    print(f"| noise | {report.noise_precision:.3f} | {report.noise_recall:.3f} |")
    print(f"| article text | {report.text_precision:.3f} | {report.text_recall:.3f} |")
    if args.errors:
        print("\ncluster doc line label predicted")
        for item in report.misclassified:
            print(*item)
    return 0


def _eval_grouping(args: argparse.Namespace) -> int:
    from newsfuse.evaluation import DATA_VARIABLE, DEFAULT_DATA_DIR
    from newsfuse.grouping_eval import measure_grouping

    data = args.data or os.environ.get(DATA_VARIABLE, DEFAULT_DATA_DIR)
    report = measure_grouping(args.labels, data)
    print(f"{report.pairs} labelled pairs, {report.same} of them saying the same\n")
    print("| precision | recall | F1 |\n|---:|---:|---:|")
    print(f"| {report.precision:.3f} | {report.recall:.3f} | {report.f1:.3f} |")
    if args.errors:
        print("\ncluster doc:start-end doc:start-end labelled")
        for error in report.errors:
            spans = (f"{s.doc}:{s.start}-{s.end}" for s in (error.a, error.b))
            print(error.cluster, *spans, "same" if error.same else "different")
    return 0


def _train(args: argparse.Namespace) -> int:
    from newsfuse.training import train  # only training loads the oracle and the optimiser

    train(
        args.clusters,
        args.out,
        limit=args.limit,
        seed=args.seed,
        log=lambda message: print(f"newsfuse: {message}", file=sys.stderr),
    )
    return 0


def _serve(args: argparse.Namespace) -> int:
    from newsfuse.server import Server  # only the service loads http.server

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port} is not a port number (0 to 65535)")
    try:
        server = Server((args.host, args.port), quiet=args.quiet)
    except OSError as error:
        raise UsageError(
            f"cannot listen on {args.host}:{args.port} ({error.strerror or error}); "
            "choose another --port or --host"
        ) from None
    print(f"newsfuse: serving on {server.url} (Ctrl-C stops)", file=sys.stderr, flush=True)
    with server:
        server.serve_forever()
    return 0


def _methods(args: argparse.Namespace) -> int:
    width = max(len(name) for name, _ in method_descriptions())
    for name, description in method_descriptions():
        marker = " (default)" if name == DEFAULT_METHOD else ""
        print(f"{name:<{width}}  {description}{marker}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except NewsfuseError as error:
        print(f"newsfuse: error: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, UsageError) else EXIT_INPUT
    except BrokenPipeError:
        # The reader stopped early (``| head``): nothing went wrong. Stdout goes to devnull so
        # that the interpreter's last flush does not fail on the closed pipe again.
        with contextlib.suppress(OSError, ValueError):  # a stdout without a file descriptor
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        print(
            f"newsfuse: error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr
        )
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: report it in one line, traceback only on request
        if os.environ.get("NEWSFUSE_DEBUG"):
            raise
        print(
            f"newsfuse: internal error: {error.__class__.__name__}: {error} "
            "(set NEWSFUSE_DEBUG=1 for details and please report it)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
