"""The sumy baselines: run without NLTK data, keep to the budget, return input sentences."""

from __future__ import annotations

import nltk
import pytest

from newsfuse.baselines import BASELINES, SentenceTokenizer, _within_budget
from newsfuse.models import Document

DOCUMENTS = (
    Document(
        id="one",
        text=(
            "The river flooded the old market square on Sunday night. Shop owners moved their goods "
            "to higher shelves.\n\nThe fire brigade pumped water out of twelve cellars by Monday noon."
        ),
    ),
    Document(
        id="two",
        text=(
            "Floodwater filled the market square on Sunday night after heavy rain upstream.\n\n"
            "The fire brigade pumped water out of twelve cellars by Monday noon.\n\n"
            "The council promised a new flood wall before next winter, at a cost of two million euros."
        ),
    ),
)


@pytest.fixture(autouse=True)
def no_nltk_data(monkeypatch, tmp_path):
    """Make sure nothing can load NLTK data (punkt), even where it happens to be installed."""
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])


def test_tokenizer_splits_sentences_and_words_without_punkt():
    tokenizer = SentenceTokenizer()
    assert tokenizer.to_sentences("Dr. Reyes arrived at 9 a.m. on Monday. The talks began.") == (
        "Dr. Reyes arrived at 9 a.m. on Monday.",
        "The talks began.",
    )
    assert tokenizer.to_words("The 12 long-haul drivers' union didn't strike, 2 said.") == (
        "The",
        "long-haul",
        "drivers",
        "union",
        "didn't",
        "strike",
        "said",
    )


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_baseline_runs_offline_within_budget(name):
    sentences = BASELINES[name](DOCUMENTS, 25)
    assert sentences
    assert sum(len(s.split()) for s in sentences) <= 25
    raw = " ".join(" ".join(d.text.split()) for d in DOCUMENTS)
    assert all(s in raw for s in sentences)
    assert len(set(sentences)) == len(sentences), "an exact repeat was taken twice"


def test_sentences_come_back_in_document_order():
    sentences = BASELINES["sumy-lexrank"](DOCUMENTS, 200)
    raw = " ".join(" ".join(d.text.split()) for d in DOCUMENTS)
    positions = [raw.index(s) for s in sentences]
    assert positions == sorted(positions)


class _Info:
    def __init__(self, text):
        self.sentence = text


def test_budget_skips_what_does_not_fit_and_repeats():
    ranked = [
        _Info("one two three four"),
        _Info("a b c d e f"),
        _Info("one two three four"),
        _Info("x y"),
    ]
    kept = _within_budget(7, ranked)
    assert [i.sentence for i in kept] == ["one two three four", "x y"]
