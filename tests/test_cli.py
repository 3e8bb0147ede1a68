"""The newsfuse command end to end, as a user runs it: output, exit codes, messages."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from itertools import combinations

import pytest

from newsfuse import cli
from tests.conftest import DATA_DIR, EXAMPLE_DIR, SAMPLE_DIR, TINY_ARTICLES, needs_data

SAMPLE_NOISE = (
    "READ MORE:",
    "More news:",
    "Related Articles",
    "Related news",
    "This miracle can be yours",
    "an error occurred while processing",
    "is on the line for us",
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsfuse", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def _assert_clean_failure(result: subprocess.CompletedProcess, code: int, *needles: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    for needle in needles:
        assert needle in stderr
    assert result.stdout == b""


def test_example_prints_cited_summary_and_sources():
    result = run("summarize", str(EXAMPLE_DIR))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert re.search(r"\[\d+(,\d+)*\]", out)
    assert "Sources:" in out and "[1] 01-coastal-herald" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_format_renders(fmt):
    result = run("summarize", str(EXAMPLE_DIR), "--format", fmt, "--words", "60")
    assert result.returncode == 0
    if fmt == "json":
        payload = json.loads(result.stdout)
        assert payload["words"] <= 60
        assert {"text", "doc_id", "start", "end", "supported_by", "score"} <= set(
            payload["sentences"][0]
        )
        assert payload["method"] and payload["budget"] == 60 and "total" in payload["timings"]


def test_stdin_articles():
    data = "\n|||||\n".join(TINY_ARTICLES).encode()
    result = run("summarize", "-", "--words", "50", stdin=data)
    assert result.returncode == 0
    assert "stdin-1" in result.stdout.decode()


def test_output_file(tmp_path):
    target = tmp_path / "summary.md"
    result = run("summarize", str(EXAMPLE_DIR), "--format", "markdown", "-o", str(target))
    assert result.returncode == 0 and result.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("## Summary")


def test_version():
    result = run("--version")
    assert result.returncode == 0 and re.fullmatch(rb"newsfuse \d+\.\d+\.\d+\n", result.stdout)


def test_methods_lists_registry():
    result = run("methods")
    names = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert {"lead", "centroid", "lexrank", "mmr"} <= set(names)
    assert "(default)" in result.stdout.decode()


def test_single_article_works_with_a_warning(tmp_path):
    (tmp_path / "only.txt").write_text(TINY_ARTICLES[0], encoding="utf-8")
    result = run("summarize", str(tmp_path / "only.txt"), "--words", "40")
    assert result.returncode == 0
    assert "single-document summary" in result.stderr.decode()


@pytest.mark.parametrize(
    "args, needles",
    [
        (("summarize", "--words", "0", "x"), ("--words", "positive")),
        (("summarize", "--words", "-3", "x"), ("--words",)),
        (("summarize", "--words", "many", "x"), ("not a whole number",)),
        (("summarize", "--method", "magic", "x"), ("--method", "invalid choice")),
        (("summarize",), ("give article paths",)),
        (("summarize", "--clusters", "c.jsonl"), ("--out",)),
        (("summarize", "--clusters", "c.jsonl", "--out", "o", "--query", "q"), ("--query",)),
        (("summarize", "--query", "  ", str(EXAMPLE_DIR)), ("--query is empty",)),
    ],
)
def test_usage_errors_exit_2(args, needles):
    _assert_clean_failure(run(*args), 2, *needles)


def test_a_query_focuses_the_summary():
    plain = run("summarize", str(EXAMPLE_DIR), "--words", "60").stdout.decode()
    focused = run(
        "summarize",
        str(EXAMPLE_DIR),
        "--words",
        "60",
        "--query",
        "union warnings about the steering",
    ).stdout.decode()
    assert "union" not in plain.split("Sources:")[0]
    assert "union disputes" in " ".join(focused.split("Sources:")[0].split())
    assert "Focus: union warnings about the steering" in focused and "Focus:" not in plain
    payload = json.loads(
        run("summarize", str(EXAMPLE_DIR), "--query", "the union", "--format", "json").stdout
    )
    assert payload["query"] == "the union"


def test_missing_path_exits_1(tmp_path):
    _assert_clean_failure(
        run("summarize", str(tmp_path / "nope.txt")), 1, "nope.txt", "check the path"
    )


def test_empty_directory_exits_1(tmp_path):
    _assert_clean_failure(run("summarize", str(tmp_path)), 1, str(tmp_path), "no .txt")


def test_empty_file_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    _assert_clean_failure(run("summarize", str(tmp_path / "empty.txt")), 1, "empty.txt", "empty")


def test_binary_file_exits_1(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 50)
    _assert_clean_failure(run("summarize", str(tmp_path / "blob.txt")), 1, "blob.txt", "binary")


def test_wrong_encoding_warns_and_summarizes(tmp_path):
    (tmp_path / "latin.txt").write_bytes(
        ("Le maire a déclaré que le pont serait terminé en été. " * 3).encode("latin-1")
    )
    (tmp_path / "other.txt").write_text(TINY_ARTICLES[1], encoding="utf-8")
    result = run("summarize", str(tmp_path))
    assert result.returncode == 0
    assert "latin.txt: not valid UTF-8" in result.stderr.decode()


def test_fifty_megabyte_article_is_bounded(tmp_path):
    line = "The committee met again on Thursday to discuss the harbour budget for next year.\n"
    with open(tmp_path / "huge.txt", "w", encoding="utf-8") as handle:
        handle.writelines(line for _ in range(50 * 1024 * 1024 // len(line)))
    (tmp_path / "small.txt").write_text(TINY_ARTICLES[0], encoding="utf-8")
    result = run("summarize", str(tmp_path), "--words", "60")
    assert result.returncode == 0, result.stderr.decode()
    assert "only the first" in result.stderr.decode()


def test_batch_writes_one_line_per_cluster(tmp_path):
    clusters = tmp_path / "c.jsonl"
    records = [
        {
            "id": "ok",
            "documents": [{"id": f"d{n}", "text": t} for n, t in enumerate(TINY_ARTICLES)],
        },
        {"id": "noise-only", "documents": [{"id": "d0", "text": "More news: elsewhere"}]},
    ]
    clusters.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("summarize", "--clusters", str(clusters), "--out", str(out), "--words", "40")
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["ok", "noise-only"]
    assert lines[0]["words"] <= 40 and lines[0]["sentences"]
    assert "no article text" in lines[1]["error"]
    assert "1 failed" in result.stderr.decode()


def test_batch_reports_a_damaged_line_and_goes_on(tmp_path):
    clusters = tmp_path / "c.jsonl"
    record = {"id": "ok", "documents": list(TINY_ARTICLES)}
    clusters.write_text(
        json.dumps(record) + '\n{"id": "cut", "docum\n' + json.dumps({"id": "no-docs"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run("summarize", "--clusters", str(clusters), "--out", str(out), "--words", "40")
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["id"] == "ok" and lines[0]["sentences"]
    assert [(x["id"], x["line"]) for x in lines[1:]] == [(None, 2), (None, 3)]
    assert "c.jsonl:2: not a cluster record" in lines[1]["error"]
    assert "KeyError" in lines[2]["error"]
    assert "2 failed" in result.stderr.decode()


def test_batch_of_a_file_without_one_cluster_record_fails_before_writing(tmp_path):
    clusters = tmp_path / "notes.jsonl"
    clusters.write_text("first note\nsecond note\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("summarize", "--clusters", str(clusters), "--out", str(out))
    _assert_clean_failure(result, 1, "notes.jsonl:1: not a cluster record")
    assert not out.exists()


def test_one_cluster_of_a_cluster_file_is_summarized(tmp_path):
    clusters = tmp_path / "c.jsonl"
    records = [
        {"id": "first", "documents": [{"id": "only", "text": "More news: elsewhere"}]},
        {
            "id": "second",
            "query": "the footbridge vote",
            "documents": [{"id": f"d{n}", "text": t} for n, t in enumerate(TINY_ARTICLES)],
        },
    ]
    clusters.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run("summarize", f"{clusters}#second", "--format", "json", "--words", "40")
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout)
    assert {s["doc_id"] for s in payload["sentences"]} <= {"d0", "d1", "d2"}
    _assert_clean_failure(run("summarize", str(clusters)), 2, "holds 2 clusters", "#first")
    _assert_clean_failure(
        run("summarize", f"{clusters}#first", "-", stdin=b"x"), 2, "give it alone"
    )


@needs_data
def test_sample_json_offsets_and_budget():
    result = run("summarize", str(SAMPLE_DIR), "--words", "120", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["words"] <= 120
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SAMPLE_DIR.glob("*.txt")}
    for sentence in payload["sentences"]:
        assert texts[sentence["doc_id"]][sentence["start"] : sentence["end"]] == sentence["text"]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@needs_data
def test_sample_everything_worth_keeping_has_no_noise_and_no_repeats():
    result = run("summarize", str(SAMPLE_DIR), "--words", "5000", "--format", "json")
    sentences = [s["text"] for s in json.loads(result.stdout)["sentences"]]
    for noise in SAMPLE_NOISE:
        assert not any(noise.lower() in s.lower() for s in sentences), noise
    for a, b in combinations(sentences, 2):
        shorter, longer = sorted((_words(a), _words(b)), key=len)
        assert len(shorter & longer) / len(shorter) < 0.8, (a, b)


@needs_data
def test_eval_cleaning_prints_precision_and_recall():
    result = run("eval-cleaning", "--clusters", str(DATA_DIR / "multinews-val250.jsonl.gz"))
    assert result.returncode == 0, result.stderr.decode()
    assert "| noise |" in result.stdout.decode()


@needs_data
def test_eval_grouping_prints_precision_and_recall():
    result = run("eval-grouping", "--data", str(DATA_DIR), "--errors")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "labelled pairs" in out and "| precision | recall | F1 |" in out


def test_a_reader_that_stops_reading_early_is_not_an_error(monkeypatch):
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    read_end, write_end = os.pipe()
    os.close(read_end)
    stdout = ClosedPipe()
    stdout.fileno = lambda: write_end
    monkeypatch.setattr(sys, "stdout", stdout)
    try:
        assert cli.main(["methods"]) == 0
    finally:
        os.close(write_end)


def test_a_closed_pipe_without_a_file_descriptor_is_not_an_error_either(monkeypatch):
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert cli.main(["methods"]) == 0
