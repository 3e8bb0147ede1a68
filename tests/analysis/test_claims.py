"""Claims: same-content groups with every source, most widely carried first."""

from __future__ import annotations

from newsfuse import prepare
from newsfuse.analysis.claims import find_claims


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


def test_the_representative_is_a_member(example_analysis):
    for claim in example_analysis.claims:
        assert claim.text in {m.text for m in claim.members}
    everyone = next(c for c in example_analysis.claims if "Everyone got off safely" in c.text)
    assert len(everyone.doc_ids) == 4
