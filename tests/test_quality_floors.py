"""ROUGE must not fall below the floors pinned in ``tests/quality_floors.json``.

For each subset there (the first 30 clusters of multinews-val250 at 264 words,
F1; the 9 clusters of duc2003-task2 at 100 words, recall) and each method
listed, ROUGE-1 and ROUGE-2 are computed with ``newsfuse.evaluation.evaluate``
(the same path as ``newsfuse evaluate``) and compared with floors set a little
below the values measured when the file was written (``margin``), so only a
real regression fails. Skipped when the development data (``shared/data``
beside the clone) is absent.

The floors are regenerated deliberately, after a change that is meant to move
scores (a new default method, a changed method, new methods to pin):

    make floors                                   # re-measure the methods already pinned
    .venv/bin/python tests/test_quality_floors.py --update --methods default,lexrank,ilp

then review and commit the diff of ``tests/quality_floors.json``. The file also
records which method ``default`` stood for; when ``DEFAULT_METHOD`` changes,
``test_floors_match_the_default_method`` fails until the floors are regenerated.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import pytest

from newsfuse.evaluation import Evaluation, evaluate
from newsfuse.registry import DEFAULT_METHOD

FLOORS_FILE = Path(__file__).with_name("quality_floors.json")
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PINNED = ("rouge1", "rouge2")
MARGIN = 0.005
REGENERATE = (
    "make floors (or: .venv/bin/python tests/test_quality_floors.py --update --methods ...)"
)
# What a new floors file pins when there is none to take the methods from.
SUBSETS = {
    "multinews-val250-first30": {
        "clusters": "multinews-val250.jsonl.gz",
        "limit": 30,
        "words": 264,
        "metric": "f1",
    },
    "duc2003-task2": {
        "clusters": "duc2003-task2.jsonl.gz",
        "limit": None,
        "words": 100,
        "metric": "recall",
    },
}
FIRST_METHODS = ("default", "lexrank")


def _load() -> dict:
    return json.loads(FLOORS_FILE.read_text(encoding="utf-8"))


def _run(subset: dict, methods: list[str]) -> Evaluation:
    return evaluate(
        DATA / subset["clusters"], subset["words"], methods, subset["metric"], subset["limit"]
    )


def _cases() -> list[tuple[str, str]]:
    if not FLOORS_FILE.is_file():  # reported by test_floors_match_the_default_method
        return []
    return [
        (name, method) for name, subset in _load()["subsets"].items() for method in subset["floors"]
    ]


@pytest.fixture(scope="module")
def measured() -> dict[str, Evaluation]:
    if not DATA.is_dir():
        pytest.skip(f"development data not found at {DATA} (shared/ is expected beside the clone)")
    return {
        name: _run(subset, list(subset["floors"])) for name, subset in _load()["subsets"].items()
    }


def test_floors_match_the_default_method():
    assert FLOORS_FILE.is_file(), f"{FLOORS_FILE} is missing: write it with {REGENERATE}"
    pinned = _load()["default_method"]
    assert pinned == DEFAULT_METHOD, (
        f"the floors were measured with default = {pinned!r}, "
        f"but the default is now {DEFAULT_METHOD!r}: regenerate them with {REGENERATE}"
    )


@pytest.mark.parametrize(("subset", "method"), _cases())
def test_rouge_stays_above_the_floor(measured, subset, method):
    floors = _load()["subsets"][subset]["floors"][method]
    system = measured[subset].system(method)
    low = {t: (round(system.mean(t), 4), floors[t]) for t in PINNED if system.mean(t) < floors[t]}
    assert not low, (
        f"{method} on {subset}: ROUGE below its floor ({{type: (now, floor)}}: {low}); "
        f"if the drop is intended, regenerate the floors with {REGENERATE}"
    )


def update(methods: list[str] | None) -> dict:
    """Measure every subset again and write the floors file; returns what was written."""
    old = _load() if FLOORS_FILE.is_file() else {"subsets": {}}
    subsets = {}
    for name, settings in SUBSETS.items():
        chosen = methods or list(old["subsets"].get(name, {}).get("floors") or FIRST_METHODS)
        result = _run(settings, chosen)
        means = {s.name: {t: s.mean(t) for t in PINNED} for s in result.systems}
        subsets[name] = {
            **settings,
            "measured": {
                m: {t: round(v, 4) for t, v in scores.items()} for m, scores in means.items()
            },
            "floors": {
                m: {t: math.floor((v - MARGIN) * 1e4) / 1e4 for t, v in scores.items()}
                for m, scores in means.items()
            },
        }
    floors = {
        "about": (
            f"ROUGE floors for tests/test_quality_floors.py: measured minus {MARGIN}. "
            f"Regenerate with {REGENERATE}."
        ),
        "default_method": DEFAULT_METHOD,
        "margin": MARGIN,
        "subsets": subsets,
    }
    FLOORS_FILE.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return floors


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Regenerate tests/quality_floors.json.")
    parser.add_argument(
        "--update", action="store_true", required=True, help="measure and write the floors"
    )
    parser.add_argument(
        "--methods", help="comma-separated methods to pin (default: those pinned now)"
    )
    arguments = parser.parse_args()
    written = update(arguments.methods.split(",") if arguments.methods else None)
    for name, subset in written["subsets"].items():
        print(name, json.dumps(subset["measured"]))
    print(f"wrote {FLOORS_FILE}", file=sys.stderr)
