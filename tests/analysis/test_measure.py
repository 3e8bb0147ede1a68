"""The hand labels and the accuracy floors measured on them.

The floors sit a little below the values measured when they were set (see
``newsfuse.analysis.measure`` and the numbers in each test), so a change that
makes speakers or merges worse fails here. Parsing the 41 labelled clusters
takes about half a minute, once per run.
"""

from __future__ import annotations

import pytest

from newsfuse.analysis.measure import (
    DATA,
    ENTITY_LABELS,
    QUOTE_LABELS,
    measure_entities,
    measure_quotes,
    read_jsonl,
    speaker_matches,
)

needs_data = pytest.mark.skipif(not DATA.is_file(), reason=f"Multi-News sample not found at {DATA}")

_QUOTE_KEYS = {
    "kind",
    "split",
    "cluster",
    "doc",
    "start",
    "end",
    "sha1",
    "speaker",
    "speaker_kind",
    "aliases",
}
_SPAN_KEYS = {"doc", "start", "end", "sha1"}


def test_quote_labels_hold_offsets_hashes_and_names_only():
    rows = read_jsonl(QUOTE_LABELS)
    quotes = [r for r in rows if r["kind"] == "quote"]
    pairs = [r for r in rows if r["kind"] == "pair"]
    assert len(quotes) >= 100
    assert sum(p["same"] for p in pairs) >= 20
    for row in quotes:
        assert set(row) <= _QUOTE_KEYS
        assert len(row["sha1"]) == 12 and row["end"] > row["start"]
        assert len(row["speaker"]) <= 40  # a name, not article text
    for row in pairs:
        assert set(row["a"]) == set(row["b"]) == _SPAN_KEYS
        assert (row["a"]["doc"], row["a"]["start"]) != (row["b"]["doc"], row["b"]["start"])


def test_entity_labels_cover_thirty_clusters_of_people():
    rows = read_jsonl(ENTITY_LABELS)
    assert len(rows) == 30
    assert len({r["cluster"] for r in rows}) == 30
    for row in rows:
        surfaces = [s for person in row["people"] for s in person]
        assert len(surfaces) == len(set(surfaces)), row["cluster"]  # each form is one person's
        assert all(len(s) <= 40 for s in surfaces)


def test_speaker_matching():
    assert speaker_matches("Mike Pompeo", "Mike Pompeo")
    assert speaker_matches("Mike Pompeo", "Pompeo")
    assert speaker_matches("Kim Yong Chol", "Kim Yong-chol")
    assert speaker_matches("William Taylor", "William W. Taylor III")
    assert speaker_matches("statement", "the statement")
    assert not speaker_matches("Michael Dunn", "Phillip Dunn")
    assert not speaker_matches("Kim Yong Chol", "Kim Jong Un")
    assert not speaker_matches("Mike Pompeo", None)


@pytest.fixture(scope="module")
def quote_reports(nlp):
    if not DATA.is_file():
        pytest.skip(f"Multi-News sample not found at {DATA}")
    return {
        split: measure_quotes(split=split) for split in ("dev", "heldout", "fresh", "fresh2", None)
    }


@needs_data
def test_labels_match_the_data(quote_reports):
    speakers, merges = quote_reports[None]
    assert speakers.drifted == 0 and merges.drifted == 0


@needs_data
def test_labelled_quotes_are_found(quote_reports):
    speakers, _ = quote_reports[None]
    assert speakers.recall >= 0.98  # measured 302 / 304


@needs_data
def test_quote_speaker_accuracy(quote_reports):
    every, _ = quote_reports[None]
    dev, _ = quote_reports["dev"]
    heldout, _ = quote_reports["heldout"]
    fresh2, _ = quote_reports["fresh2"]
    # Measured: all 0.831 (251/302), named people 0.879 (225/256), dev 0.916 (120/131),
    # heldout 0.962 (50/52), fresh2 0.656 (59/90). fresh2 (labelled before any rule was
    # changed, measured untouched at 0.567) is the honest estimate on unseen clusters:
    # book blurbs ("..."—Gloria Steinem), unnamed speakers ("an older senator") and
    # quotes with no speech verb ("the solutions include "..."") are not handled.
    assert every.accuracy >= 0.82
    assert every.person_accuracy >= 0.87
    assert dev.accuracy >= 0.91
    assert heldout.accuracy >= 0.95
    assert fresh2.accuracy >= 0.64


@needs_data
def test_quote_merge_accuracy(quote_reports):
    _, merges = quote_reports[None]
    assert merges.pairs >= 20
    # Measured: 0.971 (64 of 67 same-quote pairs merged, 35 of 35 different pairs apart).
    assert merges.accuracy >= 0.95
    assert merges.apart_rate >= 0.95


@needs_data
def test_entity_merge_precision_and_recall(nlp):
    report = measure_entities()
    assert report.clusters == 30
    # Measured: precision 0.992 (131 / 132 pairs), recall 0.873 (131 / 150).
    assert report.precision >= 0.95
    assert report.recall >= 0.85
