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
    assert speakers.recall >= 0.98  # measured 303 / 304


@needs_data
def test_quote_speaker_accuracy(quote_reports):
    every, _ = quote_reports[None]
    dev, _ = quote_reports["dev"]
    heldout, _ = quote_reports["heldout"]
    fresh, _ = quote_reports["fresh"]
    fresh2, _ = quote_reports["fresh2"]
    # Measured: all 0.957 (290/303), named people 0.969 (248/256), dev 0.947 (124/131),
    # heldout 0.962 (50/52), fresh 0.966 (28/29), fresh2 0.967 (88/91). Every split has
    # now been used to fix rules (fresh2 was 0.567 untouched, 0.656 before the last
    # round), so these are not estimates on unseen clusters. Still wrong: quotations
    # with no speech verb ("the solutions include "...""), relations never stated
    # ("his father" for a father named only as one of "his parents"), a speech verb
    # the tagger reads as a noun, a surname shared by father and son.
    assert every.accuracy >= 0.94
    assert every.person_accuracy >= 0.95
    assert dev.accuracy >= 0.93
    assert heldout.accuracy >= 0.95
    assert fresh.accuracy >= 0.93
    assert fresh2.accuracy >= 0.95


@needs_data
def test_fresh3_quote_speaker_accuracy():
    # fresh3 (its own label file): 0.688 (77/112) untouched, 0.857 (96/112) after the
    # rules it was then used to fix. Still wrong: unnamed posters ("one of them",
    # "another"), "her lawyer" named only later in the article, a press secretary whose
    # sentence before is misparsed, quotations of fewer than four words.
    report, _ = measure_quotes(labels=QUOTE_LABELS.parent / "quote_labels_fresh3.jsonl")
    assert report.accuracy >= 0.84


@needs_data
def test_fresh4_quote_speaker_accuracy():
    # fresh4 (its own label file, 119 quotations of 3 clusters) was labelled while the
    # fresh3 fixes were made and measured once afterwards, untouched: 0.899 (98/109 found),
    # named people 0.925 (86/93); 109 of 119 found (the misses are mostly quotations of
    # two or three words, below the four-word minimum).
    report, _ = measure_quotes(labels=QUOTE_LABELS.parent / "quote_labels_fresh4.jsonl")
    assert report.accuracy >= 0.87
    assert report.person_accuracy >= 0.90
    assert report.recall >= 0.88


@needs_data
def test_quote_merge_accuracy(quote_reports):
    _, merges = quote_reports[None]
    assert merges.pairs >= 20
    # Measured: 0.973 (69 of 72 same-quote pairs merged, 38 of 38 different pairs apart).
    assert merges.accuracy >= 0.96
    assert merges.apart_rate >= 0.95


@needs_data
def test_entity_merge_precision_and_recall(nlp):
    report = measure_entities()
    assert report.clusters == 30
    # Measured: precision 0.985 (132 / 134 pairs), recall 0.880 (132 / 150).
    assert report.precision >= 0.97
    assert report.recall >= 0.87
