"""JSON and Markdown of an analysis, and the command line that writes them."""

from __future__ import annotations

import json

import pytest

from newsfuse.analysis import analyze
from newsfuse.analysis.html import to_html
from newsfuse.analysis.render import SINGLE_SOURCE_SHOWN, to_dict, to_markdown
from newsfuse.cli import main

from .conftest import EXAMPLE_DIR


def test_json_has_every_view_with_true_offsets(example_analysis, example_documents):
    data = json.loads(json.dumps(to_dict(example_analysis)))
    assert {"summary", "sources", "claims", "quotes", "entities", "conflicts", "timeline"} <= set(
        data
    )
    assert data["summary"]["sentences"] and data["summary"]["method"]
    texts = {d.id: d.text for d in example_documents}
    passages = [m for c in data["claims"] for m in c["members"]]
    passages += [p for c in data["conflicts"] for v in c["versions"] for p in v["passages"]]
    passages += [m for e in data["timeline"] for m in e["mentions"]]
    assert all(texts[p["doc_id"]][p["start"] : p["end"]] == p["text"] for p in passages)
    assert len(data["claims"]) == len(example_analysis.claims)  # JSON is never capped
    assert any(c["single_source"] for c in data["claims"])
    source = data["sources"][0]
    assert source["title"] == "Ferry runs aground outside Port Elwyn; all passengers safe"
    assert {"text", "reason"} <= set(source["noise_removed"][0])
    assert data["quotes"][0]["speaker"] == "Dana Okafor"
    assert {"name", "variants", "suspect_variants", "mentions"} <= set(data["entities"][0])


def test_markdown_caps_single_source_claims_and_flags_spellings(example_analysis):
    text = to_markdown(example_analysis)
    assert text.count("(single source)") == SINGLE_SOURCE_SHOWN
    assert "more claims from a single source" in text
    assert "**suspect spelling:** Dana Okafur" in text
    assert "“212 passengers” [1,4]" in text
    assert "2026-03-03 (March 3, 2026)" in text


def test_html_escapes_source_text(nlp):
    analysis = analyze(
        [
            'The <script>alert("x")</script> council & mayor approved the bridge on Monday, the mayor said.',
            "The council & mayor of Lindmoor approved the footbridge on Monday, officials said.",
        ]
    )
    page = to_html(analysis)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # only the report's own script
    assert "http://" not in page and "https://" not in page


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("json", '"conflicts"'),
        ("markdown", "## Where the sources differ"),
        ("html", "<!DOCTYPE html>"),
    ],
)
def test_cli_analyze_writes_each_format(nlp, tmp_path, fmt, marker):
    out = tmp_path / f"report.{fmt}"
    assert main(["analyze", str(EXAMPLE_DIR), "--format", fmt, "-o", str(out)]) == 0
    assert marker in out.read_text(encoding="utf-8")


def test_cli_analyze_batch_writes_one_line_per_cluster(nlp, tmp_path, example_documents):
    clusters = tmp_path / "clusters.jsonl"
    record = {"id": "ferry", "documents": [{"id": d.id, "text": d.text} for d in example_documents]}
    empty = {"id": "empty", "documents": [{"id": "a", "text": "   "}]}
    clusters.write_text(json.dumps(record) + "\n" + json.dumps(empty) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", "--clusters", str(clusters), "--out", str(out), "--workers", "1"]) == 0
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["id"] == "ferry" and first["conflicts"]
    assert second["id"] == "empty" and "error" in second
