"""Shared fixtures: a tiny invented cluster, and the real data beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfuse import Document

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "data"
EXAMPLE_DIR = REPO / "examples" / "harbour-ferry"
SAMPLE_DIR = DATA_DIR / "sample"

needs_data = pytest.mark.skipif(not DATA_DIR.is_dir(), reason=f"real data not found at {DATA_DIR}")

TINY_ARTICLES = (
    (
        "Council approves new bridge\n\n"
        "The city council of Lindmoor approved a new footbridge over the river on Monday by seven votes to two. "
        "The bridge will cost 4.2 million euros and open in 2028.\n\n"
        '"This bridge joins the two halves of our town," mayor Ilse Brandt said after the vote.\n\n'
        "More news: Local team wins the cup\n\n"
        "Opponents said the money should go to the bus network instead."
    ),
    (
        "Lindmoor to get footbridge\n\n"
        "Lindmoor's council voted on Monday to build a footbridge across the river, at a cost of 4.2 million euros. "
        "Work starts next spring.\n\n"
        '"This bridge joins the two halves of our town," said mayor Ilse Brandt.\n\n'
        "Shopkeepers on the east bank welcomed the decision, saying it would bring more customers."
    ),
    (
        "Bridge vote splits Lindmoor\n\n"
        "Two councillors voted against the footbridge plan approved by Lindmoor council on Monday. "
        "They argued that buses carry more people than a bridge ever would.\n\n"
        "Share this article\n\n"
        "The mayor said construction would begin in April and finish within two years."
    ),
)


@pytest.fixture
def tiny_documents() -> list[Document]:
    return [Document(id=f"paper{n}", text=text) for n, text in enumerate(TINY_ARTICLES, start=1)]
