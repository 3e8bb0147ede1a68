"""Measure ``cleaning.clean`` against lines labelled by hand.

The labels file is JSON Lines, one object per non-blank line of a labelled
document (the unit of ``cleaning._lines``)::

    {"cluster": "mn-val-0007", "doc": 1, "line": 12, "sha1": "3f2a...", "label": "noise"}

``doc`` is the index of the document in its cluster, ``line`` the index of the
line in the document, ``sha1`` the first hex digits of the SHA-1 of the
stripped line (so that a changed data file or line splitting is caught instead
of silently measuring the wrong lines) and ``label`` is ``"text"`` for article
prose (quotes, questions of an interview, list items that are sentences) or
``"noise"`` for everything else (headlines, section titles, bylines,
captions, prompts, link lists, embedded posts, fragments). The file holds no
article text.

A line counts as predicted ``text`` when any part of it is among the kept
``paragraphs`` of the cleaned document, else as predicted ``noise``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from newsfuse.cleaning import _lines, clean
from newsfuse.errors import InputError, MissingInputError, UnreadableInputError
from newsfuse.models import Document

_LABELS = ("noise", "text")


class Misclassified(NamedTuple):
    """A labelled line the cleaner got wrong (no article text)."""

    cluster: str
    doc: int
    line: int
    label: str
    predicted: str


@dataclass(frozen=True)
class CleaningReport:
    """How well cleaning separates noise lines from article text lines."""

    documents: int
    lines: int
    noise_removed: int
    noise_kept: int
    text_kept: int
    text_removed: int
    noise_precision: float
    noise_recall: float
    text_precision: float
    text_recall: float
    misclassified: tuple[Misclassified, ...]


class _Label(NamedTuple):
    cluster: str
    doc: int
    line: int
    sha1: str
    label: str


def line_hash(line: str) -> str:
    """The label file's fingerprint of a stripped line: first 10 hex digits of its SHA-1."""
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:10]


def _ratio(part: int, whole: int) -> float:
    # With nothing to measure there is nothing wrong either.
    return part / whole if whole else 1.0


def _read_jsonl(path: Path) -> list[Any]:
    if not path.is_file():
        raise MissingInputError(f"{path}: no such file")
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            for row in stream:
                if row.strip():
                    rows.append(json.loads(row))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableInputError(f"{path}: not readable JSON Lines ({error})") from error
    return rows


def _read_labels(path: Path) -> list[_Label]:
    labels = []
    for number, row in enumerate(_read_jsonl(path), start=1):
        try:
            label = _Label(
                str(row["cluster"]),
                int(row["doc"]),
                int(row["line"]),
                str(row["sha1"]),
                str(row["label"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise UnreadableInputError(
                f"{path}, entry {number}: needs cluster, doc, line, sha1 and label ({error})"
            ) from error
        if label.label not in _LABELS:
            raise UnreadableInputError(
                f"{path}, entry {number}: label must be 'noise' or 'text', not {label.label!r}"
            )
        labels.append(label)
    return labels


def _read_documents(path: Path, wanted: set[tuple[str, int]]) -> dict[tuple[str, int], Document]:
    documents = {}
    try:
        for cluster in _read_jsonl(path):
            for index, raw in enumerate(cluster["documents"]):
                key = (cluster["id"], index)
                if key in wanted:
                    documents[key] = Document(
                        id=raw.get("id") or f"{key[0]}/{index}",
                        text=raw["text"],
                        title=raw.get("title"),
                        date=raw.get("date"),
                        source=raw.get("source"),
                    )
    except (KeyError, TypeError, AttributeError) as error:
        raise UnreadableInputError(
            f"{path}: not in the cluster JSONL format (id, documents[].text) ({error!r})"
        ) from error
    return documents


def _predictions(document: Document) -> tuple[list[tuple[int, int]], list[str]]:
    """Each non-blank line of ``document`` and whether cleaning kept any of it."""
    spans = _lines(document.text)
    kept = clean(document).paragraphs
    predicted = []
    for start, end in spans:
        overlaps = any(kept_start < end and kept_end > start for kept_start, kept_end in kept)
        predicted.append("text" if overlaps else "noise")
    return spans, predicted


def measure_cleaning(labels_path: str | Path, clusters_path: str | Path) -> CleaningReport:
    """Compare ``clean`` with the hand labels of ``labels_path`` on the ``clusters_path`` data.

    Raises ``InputError`` when a file is missing or unreadable, when a labelled
    document or line is not in the clusters, or when a line's hash differs
    from the label's (the data or the line splitting changed).
    """
    labels_path, clusters_path = Path(labels_path), Path(clusters_path)
    labels = _read_labels(labels_path)
    wanted = {(label.cluster, label.doc) for label in labels}
    documents = _read_documents(clusters_path, wanted)
    missing = sorted(wanted - documents.keys())
    if missing:
        cluster, doc = missing[0]
        raise InputError(
            f"{labels_path}: {len(missing)} labelled document(s) not in {clusters_path}, "
            f"first {cluster} document {doc}; label the right clusters file"
        )

    predictions = {key: _predictions(document) for key, document in documents.items()}
    counts = {(label, predicted): 0 for label in _LABELS for predicted in _LABELS}
    misclassified = []
    for label in labels:
        document = documents[(label.cluster, label.doc)]
        spans, predicted = predictions[(label.cluster, label.doc)]
        if label.line >= len(spans):
            raise InputError(
                f"{labels_path}: {label.cluster} document {label.doc} has {len(spans)} lines, "
                f"no line {label.line}; the labels do not fit this data"
            )
        start, end = spans[label.line]
        if line_hash(document.text[start:end]) != label.sha1:
            raise InputError(
                f"{labels_path}: hash mismatch at {label.cluster} document {label.doc} "
                f"line {label.line}; the data or the line splitting changed since labelling, "
                f"so relabel"
            )
        guess = predicted[label.line]
        counts[(label.label, guess)] += 1
        if guess != label.label:
            misclassified.append(
                Misclassified(label.cluster, label.doc, label.line, label.label, guess)
            )

    noise_removed = counts[("noise", "noise")]
    noise_kept = counts[("noise", "text")]
    text_kept = counts[("text", "text")]
    text_removed = counts[("text", "noise")]
    return CleaningReport(
        documents=len(documents),
        lines=len(labels),
        noise_removed=noise_removed,
        noise_kept=noise_kept,
        text_kept=text_kept,
        text_removed=text_removed,
        noise_precision=_ratio(noise_removed, noise_removed + text_removed),
        noise_recall=_ratio(noise_removed, noise_removed + noise_kept),
        text_precision=_ratio(text_kept, text_kept + noise_kept),
        text_recall=_ratio(text_kept, text_kept + text_removed),
        misclassified=tuple(misclassified),
    )
