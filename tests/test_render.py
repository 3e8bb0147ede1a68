"""Text, Markdown and JSON renderings of one summary."""

from __future__ import annotations

import json

from newsfuse import summarize
from newsfuse.render import render


def test_text_numbers_sources_in_cluster_order(tiny_documents):
    out = render(summarize(tiny_documents, words=80), "text")
    assert "Sources:" in out
    assert "[1] paper1: Council approves new bridge" in out
    assert "[2] paper2" in out and "[3] paper3" in out


def test_markers_list_every_supporting_source(tiny_documents):
    summary = summarize(tiny_documents, words=5000)
    out = render(summary, "text")
    quote = next(s for s in summary.sentences if len(s.supported_by) == 2)
    assert f"{quote.text} [1,2]" in " ".join(out.split()) or "[1,2]" in out


def test_markdown_uses_footnotes(tiny_documents):
    out = render(summarize(tiny_documents, words=80), "markdown")
    assert out.startswith("## Summary")
    assert "[^1]:" in out


def test_json_has_offsets_sources_and_noise(tiny_documents):
    payload = json.loads(render(summarize(tiny_documents, words=80), "json"))
    sentence = payload["sentences"][0]
    assert {
        "text",
        "doc_id",
        "start",
        "end",
        "supported_by",
        "score",
        "support",
        "truncated",
        "cut_off",
    } <= set(sentence)
    noise = {n["reason"] for s in payload["sources"] for n in s["noise_removed"]}
    assert {"link", "share-prompt"} <= noise
    assert payload["words"] <= payload["budget"] == 80


def test_an_incomplete_sentence_ends_with_an_ellipsis_in_every_format(tiny_documents):
    summary = summarize(tiny_documents, words=3)  # the one sentence is cut to fit
    cut = summary.sentences[0]
    assert f"{cut.text} … [" in render(summary, "text")
    assert f"- {cut.text} … [^" in render(summary, "markdown")
    payload = json.loads(render(summary, "json"))
    # JSON keeps the exact source span per sentence, and the flags that say why it is incomplete.
    assert payload["sentences"][0]["text"] == cut.text
    assert payload["sentences"][0]["truncated"] is True
    assert payload["summary"] == f"{cut.text} …"
