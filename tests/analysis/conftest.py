"""Fixtures of the analysis tests: spaCy loaded once, and analyses shared across tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse import Document, prepare
from newsfuse.analysis import Analysis, analyze
from newsfuse.analysis.nlp import load_nlp, parse_sentences
from newsfuse.reading import read_paths

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = REPO / "examples" / "harbour-ferry"
DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data"
SAMPLE_DIR = DATA_DIR / "sample"

needs_sample = pytest.mark.skipif(
    not SAMPLE_DIR.is_dir(), reason=f"real sample not found at {SAMPLE_DIR}"
)


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole run (about a second)."""
    return load_nlp()


@pytest.fixture(scope="session")
def example_documents() -> tuple[Document, ...]:
    return read_paths([EXAMPLE_DIR]).documents


@pytest.fixture(scope="session")
def example_analysis(nlp, example_documents) -> Analysis:
    return analyze(example_documents)


@pytest.fixture(scope="session")
def sample_analysis(nlp) -> Analysis:
    if not SAMPLE_DIR.is_dir():
        pytest.skip(f"real sample not found at {SAMPLE_DIR}")
    return analyze(read_paths([SAMPLE_DIR]).documents)


@pytest.fixture(scope="session")
def sample_parsed(nlp):
    """The real sample prepared and parsed: ``(cluster, parsed)``."""
    if not SAMPLE_DIR.is_dir():
        pytest.skip(f"real sample not found at {SAMPLE_DIR}")
    cluster = prepare(read_paths([SAMPLE_DIR]).documents)
    return cluster, parse_sentences(cluster)


@pytest.fixture
def prepared(nlp):
    """``prepared(texts)``: a prepared cluster of invented articles and its parse."""

    def make(*texts: str, dates: tuple[str | None, ...] = ()):
        documents = [
            Document(id=f"paper{n}", text=text, date=dates[n - 1] if dates else None)
            for n, text in enumerate(texts, start=1)
        ]
        cluster = prepare(documents)
        return cluster, parse_sentences(cluster)

    return make
