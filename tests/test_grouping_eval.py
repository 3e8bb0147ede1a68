"""Grouping against hand-labelled sentence pairs: the label file, the measure, its floors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfuse import prepare
from newsfuse.errors import InputError
from newsfuse.grouping_eval import GroupingReport, measure_grouping, sentence_hash
from newsfuse.models import Document
from tests.conftest import DATA_DIR, needs_data

LABELS = Path(__file__).parent / "data" / "group_labels.jsonl"
FRESH_LABELS = Path(__file__).parent / "data" / "group_labels_fresh.jsonl"

_ARTICLES = (
    (
        "The harbour board approved a budget of 12 million euros for new cranes on Monday. "
        "Rain is expected all week."
    ),
    (
        "On Monday the harbour board approved a budget of 12 million euros for new cranes. "
        "The ferry to Saltmarsh Island runs again."
    ),
)


def _tiny_set(folder: Path) -> Path:
    """A one-cluster set ``tiny`` in ``folder``, written as the data files are."""
    record = {
        "id": "tiny-1",
        "documents": [{"id": f"d{i}", "text": text} for i, text in enumerate(_ARTICLES)],
        "references": [],
        "query": None,
        "meta": {},
    }
    with gzip.open(folder / "tiny.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(json.dumps(record) + "\n")
    return folder


def _label(sentence_a, sentence_b, same: bool, sha1: str | None = None) -> str:
    def span(sentence):
        return {
            "doc": sentence.doc_index,
            "start": sentence.start,
            "end": sentence.end,
            "sha1": sha1 or sentence_hash(sentence.text),
        }

    row = {"set": "tiny", "cluster": "tiny-1", "a": span(sentence_a), "b": span(sentence_b)}
    return json.dumps({**row, "same": same}) + "\n"


def test_a_tiny_set_is_measured_pair_by_pair(tmp_path):
    sentences = prepare([Document(f"d{i}", t) for i, t in enumerate(_ARTICLES)]).sentences
    budget_a, rain, budget_b, ferry = sentences
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        _label(budget_a, budget_b, True)
        + _label(rain, ferry, False)
        + _label(rain, budget_b, True)  # labelled same on purpose: a miss
    )
    report = measure_grouping(labels, _tiny_set(tmp_path))
    assert report == GroupingReport(
        pairs=3, same=2, grouped_same=1, grouped_different=0, errors=report.errors
    )
    assert (report.precision, report.recall, report.f1) == (1.0, 0.5, pytest.approx(2 / 3))
    assert [(e.a.doc, e.b.doc, e.same) for e in report.errors] == [(0, 1, True)]


def test_a_changed_sentence_asks_for_relabelling(tmp_path):
    sentences = prepare([Document(f"d{i}", t) for i, t in enumerate(_ARTICLES)]).sentences
    labels = tmp_path / "labels.jsonl"
    labels.write_text(_label(sentences[0], sentences[2], True, sha1="0000000000"))
    with pytest.raises(InputError, match="relabel"):
        measure_grouping(labels, _tiny_set(tmp_path))


def test_a_missing_set_says_which_folder_to_give(tmp_path):
    sentences = prepare([Document(f"d{i}", t) for i, t in enumerate(_ARTICLES)]).sentences
    labels = tmp_path / "labels.jsonl"
    labels.write_text(_label(sentences[0], sentences[2], True))
    with pytest.raises(InputError, match="the set 'tiny'"):
        measure_grouping(labels, tmp_path / "elsewhere")


def test_a_malformed_label_names_its_line(tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"set": "tiny", "cluster": "tiny-1"}\n')
    with pytest.raises(InputError, match="line 1"):
        measure_grouping(labels, tmp_path)


@pytest.mark.parametrize("labels", [LABELS, FRESH_LABELS], ids=["dev", "fresh"])
def test_group_labels_hold_offsets_hashes_and_verdicts_only(labels):
    for line in labels.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert set(row) == {"set", "cluster", "a", "b", "same"}
        assert set(row["a"]) == set(row["b"]) == {"doc", "start", "end", "sha1"}
        assert isinstance(row["same"], bool)


@needs_data
@pytest.mark.parametrize(
    ("labels", "pairs", "precision", "recall"),
    [
        # Measured 0.916 precision and 0.737 recall when the cross-article cosine was set to
        # 0.45 on these pairs (see grouping.CROSS_DOCUMENT_SIMILARITY).
        (LABELS, 166, 0.89, 0.71),
        # Labelled after that, measured once untouched: 0.967 precision, 0.674 recall (0.966
        # and 0.667 since a pair of web archive notices left, as cleaning takes them out).
        (FRESH_LABELS, 60, 0.93, 0.64),
    ],
    ids=["dev", "fresh"],
)
def test_grouping_keeps_its_measured_precision_and_recall(labels, pairs, precision, recall):
    report = measure_grouping(labels, DATA_DIR)
    assert report.pairs == pairs
    assert report.precision >= precision
    assert report.recall >= recall
