"""Claims: same-content groups with every source, most widely carried first."""

from __future__ import annotations

import json

from newsfuse import Document, prepare
from newsfuse.analysis import analyze
from newsfuse.analysis.claims import find_claims
from newsfuse.analysis.render import render
from tests.conftest import TINY_ARTICLES


def test_claims_cover_every_sentence_once_with_true_offsets(tiny_documents):
    cluster = prepare(tiny_documents)
    claims = find_claims(cluster)
    members = [m for claim in claims for m in claim.members]
    assert len(members) == len(cluster.sentences)
    texts = {d.id: d.text for d in tiny_documents}
    assert all(texts[m.doc_id][m.start : m.end] == m.text for m in members)


def test_claims_are_sorted_by_support_and_single_sources_are_marked(tiny_documents):
    claims = find_claims(prepare(tiny_documents))
    support = [len(c.doc_ids) for c in claims]
    assert support == sorted(support, reverse=True)
    quote = next(c for c in claims if "joins the two halves" in c.text)
    assert quote.doc_ids == ("paper1", "paper2") and not quote.single_source
    assert all(c.single_source == (len(c.doc_ids) == 1) for c in claims)
    assert claims[-1].single_source


def test_an_article_and_its_copy_are_one_source(nlp):
    texts = (TINY_ARTICLES[0], TINY_ARTICLES[1], TINY_ARTICLES[0])
    analysis = analyze([Document(id=f"paper{n}", text=t) for n, t in enumerate(texts, start=1)])
    cost = next(c for c in analysis.claims if c.text.startswith("Opponents said"))
    assert cost.doc_ids == ("paper1", "paper3") and cost.sources == 1 and cost.single_source
    quote = next(c for c in analysis.claims if "joins the two halves" in c.text)
    assert quote.sources == 2 and not quote.single_source
    report = render(analysis, "markdown")
    assert report.startswith("# Across 2 sources (3 articles)")
    assert (
        "Opponents said the money should go to the bus network instead. [1,3] (single source, 2 articles)"
        in report
    )
    assert "(2 of 2 sources, 3 articles)" in report


def test_the_representative_is_a_member(example_analysis):
    for claim in example_analysis.claims:
        assert claim.text in {m.text for m in claim.members}
    everyone = next(c for c in example_analysis.claims if "Everyone got off safely" in c.text)
    assert len(everyone.doc_ids) == 4


# The same report twice: complete in one paper, cut off mid-sentence in a scraped preview.
_COMPLETE = (
    "Lindmoor's council approved a footbridge over the river on Monday. "
    "Engineers said the wider deck would add two million euros to the cost of the footbridge."
)
_PREVIEW = (
    "The council in Lindmoor approved the new footbridge on Monday evening. "
    "Engineers said the wider deck would add two million euros to the cost of the"
)


def test_a_claim_is_quoted_from_a_source_that_does_not_break_off():
    # The preview comes first: on a tie the first member would stand for the claim.
    cluster = prepare([Document(id="preview", text=_PREVIEW), Document(id="paper", text=_COMPLETE)])
    cost = next(c for c in find_claims(cluster) if "two million euros" in c.text)
    assert cost.doc_ids == ("preview", "paper")
    assert cost.text.endswith("cost of the footbridge.")
    assert not cost.cut_off and cost.shown == cost.text


def test_a_claim_only_a_broken_off_source_makes_is_marked(nlp):
    analysis = analyze([Document(id="preview", text=_PREVIEW), TINY_ARTICLES[0]])
    cost = next(c for c in analysis.claims if "two million euros" in c.text)
    assert cost.cut_off and cost.shown == f"{cost.text} …"
    assert f"- {cost.shown} [1]" in render(analysis, "markdown")
    assert json.loads(render(analysis, "json"))["claims"][0].keys() >= {"text", "cut_off"}
