"""ROUGE cutting and averaging, running systems, the report files, and ``newsfuse evaluate``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse import baselines
from newsfuse.cli import main
from newsfuse.errors import EmptyInputError, UsageError
from newsfuse.evaluation import evaluate, find_clusters, set_name
from newsfuse.report import table, write_report
from newsfuse.rouge import cut_to_words, rouge

TINY = Path(__file__).parent / "data" / "eval_clusters.jsonl"


# --- ROUGE


def test_cut_keeps_sentence_breaks_and_cuts_the_last_sentence():
    assert cut_to_words(["a b  c", "d e", "f"], 4) == ["a b c", "d"]
    assert cut_to_words(["a b", "", "c"], 10) == ["a b", "c"]
    assert cut_to_words(["a b"], 0) == []


def test_words_past_the_budget_do_not_count():
    reference = ["the cat sat on the mat"]
    within = rouge(["the cat sat on the mat", "dogs bark at night"], reference, 6)
    assert within == {"rouge1": 1.0, "rouge2": 1.0, "rougeLsum": 1.0}
    over = rouge(["the cat sat on the mat", "dogs bark at night"], reference, 10)
    assert over["rouge1"] < 1.0


def test_f1_and_recall():
    scores = rouge(["the cat"], ["the cat sat on mats"], 100, "recall")
    assert scores["rouge1"] == pytest.approx(2 / 5)
    assert scores["rouge2"] == pytest.approx(1 / 4)
    f1 = rouge(["the cat"], ["the cat sat on mats"], 100, "f1")
    assert f1["rouge1"] == pytest.approx(2 * 0.4 * 1.0 / 1.4)


def test_stemming_is_on():
    assert rouge(["cats running"], ["cat runs"], 10)["rouge1"] == 1.0


def test_several_references_are_averaged_not_maxed():
    scores = rouge(["red boats sail"], ["red boats sail", "green trains stop"], 10)
    assert scores["rouge1"] == pytest.approx(0.5)
    assert scores["rougeLsum"] == pytest.approx(0.5)


def test_rouge_lsum_matches_sentence_by_sentence():
    # The reference is split into sentences, so the order of the summary's sentences
    # does not matter for ROUGE-Lsum (it would for ROUGE-L over one long line).
    scores = rouge(
        ["dogs bark loudly", "cats sleep all day"], ["Cats sleep all day. Dogs bark loudly."], 10
    )
    assert scores["rougeLsum"] == pytest.approx(1.0)


def test_empty_summary_scores_zero():
    assert rouge([], ["some reference text"], 10) == {
        "rouge1": 0.0,
        "rouge2": 0.0,
        "rougeLsum": 0.0,
    }


def test_bad_metric_and_no_reference_are_usage_errors():
    with pytest.raises(UsageError, match="metric"):
        rouge(["a"], ["a"], 5, "precision")
    with pytest.raises(UsageError, match="reference"):
        rouge(["a"], [], 5)


# --- evaluate


def test_evaluate_runs_methods_and_baselines_on_the_same_clusters():
    result = evaluate(TINY, 30, ["default", "lead", "sumy-lexrank", "lead"], "recall")
    assert result.cluster_ids == ("tiny-library", "tiny-ferry")
    assert result.skipped == ("tiny-unreferenced",)
    assert [(s.name, s.kind) for s in result.systems] == [
        ("default", "method"),
        ("lead", "method"),
        ("sumy-lexrank", "baseline"),
    ]
    for system in result.systems:
        assert len(system.scores) == len(system.seconds) == 2
        assert all(0 < s["rouge1"] <= 1 for s in system.scores)
        assert system.median_seconds > 0 and not system.failures
    assert result.set_name == "eval_clusters" and result.words == 30


def test_a_method_asked_for_as_a_baseline_is_reported_as_one():
    result = evaluate(TINY, 30, ["default"], baselines=["lead", "sumy-lexrank"])
    assert [(s.name, s.kind) for s in result.systems] == [
        ("default", "method"),
        ("lead", "baseline"),
        ("sumy-lexrank", "baseline"),
    ]


def test_several_files_are_pooled_in_order_and_each_counted_once(tmp_path):
    other = tmp_path / "more_clusters.jsonl"
    other.write_text(
        TINY.read_text(encoding="utf-8").replace('"id": "', '"id": "more-'), encoding="utf-8"
    )
    single = evaluate(TINY, 30, ["lead"])
    pooled = evaluate([TINY, other, TINY.parent / ".." / "data" / TINY.name], 30, ["lead"])
    assert pooled.cluster_ids == single.cluster_ids + tuple(
        f"more-{cluster}" for cluster in single.cluster_ids
    )
    assert pooled.set_name == "eval_clusters+more_clusters"
    assert pooled.system("lead").scores == single.system("lead").scores * 2
    # The limit counts records across the files, the unreferenced one skipped among them.
    assert evaluate([TINY, other], 30, ["lead"], limit=4).cluster_ids == pooled.cluster_ids[:3]
    with pytest.raises(UsageError, match="at least one cluster file"):
        evaluate([], 30, ["lead"])


def test_limit_counts_clusters_from_the_start():
    assert evaluate(TINY, 30, ["lead"], limit=1).cluster_ids == ("tiny-library",)


def test_a_failing_system_scores_zero_and_is_recorded(monkeypatch):
    def broken(documents, words):
        raise EmptyInputError("nothing to read")

    monkeypatch.setitem(baselines.BASELINES, "broken", broken)
    system = evaluate(TINY, 30, ["broken"]).system("broken")
    assert [s["rouge1"] for s in system.scores] == [0.0, 0.0]
    assert system.failures == ("tiny-library: nothing to read", "tiny-ferry: nothing to read")


def test_systems_see_documents_never_references(monkeypatch):
    seen = []

    def spy(documents, words):
        seen.append(" ".join(d.text for d in documents))
        return []

    monkeypatch.setitem(baselines.BASELINES, "spy", spy)
    evaluate(TINY, 30, ["spy"])
    assert seen and not any("much of the money" in text for text in seen)


def test_queries_reach_the_methods_unless_withheld(tmp_path, monkeypatch):
    from newsfuse import evaluation

    record = json.loads(TINY.read_text(encoding="utf-8").splitlines()[0])
    path = tmp_path / "topic.jsonl"
    path.write_text(json.dumps({**record, "query": "the ferry"}) + "\n", encoding="utf-8")
    seen = []
    real = evaluation.summarize

    def spy(documents, **settings):
        seen.append(settings["query"])
        return real(documents, **settings)

    monkeypatch.setattr(evaluation, "summarize", spy)
    assert evaluate(path, 30, ["lead"]).queries
    withheld = evaluate(path, 30, ["lead"], queries=False)
    assert seen == ["the ferry", None] and not withheld.queries


def test_unknown_system_fails_before_any_work():
    with pytest.raises(UsageError, match="nonesuch"):
        evaluate("does-not-exist.jsonl", 30, ["nonesuch"])


def test_set_names_resolve_in_the_data_folder(monkeypatch):
    monkeypatch.setenv("NEWSFUSE_DATA", str(TINY.parent))
    assert find_clusters("eval_clusters") == TINY.parent / "eval_clusters.jsonl"
    assert set_name("/x/multinews-val250.jsonl.gz") == "multinews-val250"


# --- report and CLI


def test_report_files_are_written(tmp_path):
    result = evaluate(TINY, 30, ["default", "sumy-textrank"])
    paths = write_report(result, tmp_path / "out")
    assert [p.name for p in paths] == ["evaluation.md", "evaluation.json", "evaluation.png"]
    markdown = paths[0].read_text()
    assert table(result) in markdown and "`default` is `" in markdown
    data = json.loads(paths[1].read_text())
    assert [s["name"] for s in data["systems"]] == ["default", "sumy-textrank"]
    assert len(data["systems"][0]["per_cluster"]["scores"]) == 2
    assert {(d["system"], d["reference"]) for d in data["paired_differences"]} == {
        ("sumy-textrank", "default")
    }
    assert "## Paired differences" in markdown
    assert paths[2].read_bytes().startswith(b"\x89PNG")


def test_cli_evaluate_end_to_end(tmp_path, capsys):
    code = main(
        [
            "evaluate",
            "--clusters",
            str(TINY),
            "--words",
            "30",
            "--metric",
            "recall",
            "--methods",
            "default,lexrank",
            "--baselines",
            "lead,sumy-lexrank",
            "--report-dir",
            str(tmp_path),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "ROUGE-1 recall" in out
    scores, paired = out.split("Paired differences")
    assert [line.split("|")[1].strip() for line in scores.strip().splitlines()[2:]] == [
        "default",
        "lexrank",
        "lead",
        "sumy-lexrank",
    ]
    assert "ROUGE-2 − default" in paired
    rows = [line for line in paired.splitlines() if line.startswith("|")]
    assert [row.split("|")[1].strip() for row in rows[2:]] == [
        "lexrank",
        "lead",
        "sumy-lexrank",
    ]
    assert (tmp_path / "evaluation.png").is_file()


def test_cli_evaluate_pools_several_files(tmp_path, capsys):
    report = tmp_path / "report"
    arguments = ["evaluate", "--clusters", str(TINY), str(TINY), "--words", "20"]
    assert main([*arguments, "--methods", "lead", "--report-dir", str(report)]) == 0
    data = json.loads((report / "evaluation.json").read_text())
    assert len(data["cluster_ids"]) == 2  # the same file named twice counts once


def test_cli_evaluate_default_report_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate", "--clusters", str(TINY), "--words", "20", "--methods", "lead"]) == 0
    assert (tmp_path / "reports" / "eval_clusters-20w" / "evaluation.json").is_file()


def test_cli_evaluate_usage_errors(capsys):
    assert main(["evaluate", "--clusters", str(TINY), "--methods", "default,nonesuch"]) == 2
    assert "unknown method or baseline 'nonesuch'" in capsys.readouterr().err
    for arguments in (["--metric", "precision"], ["--limit", "0"]):
        with pytest.raises(SystemExit) as stop:
            main(["evaluate", "--clusters", str(TINY), *arguments])
        assert stop.value.code == 2
