"""An ``Evaluation`` as a Markdown table, and as report files: Markdown, JSON and a bar chart."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from newsfuse.comparison import CONFIDENCE, Difference, compare
from newsfuse.evaluation import Evaluation
from newsfuse.registry import resolve_method_name
from newsfuse.rouge import ROUGE_TYPES

LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
METRIC_LABELS = {"f1": "F1", "recall": "recall"}
FILE_STEM = "evaluation"


def default_report_dir(evaluation: Evaluation) -> Path:
    return Path("reports") / f"{evaluation.set_name}-{evaluation.words}w"


def table(evaluation: Evaluation) -> str:
    """One Markdown row per system: ROUGE means (x100) and seconds per cluster."""
    metric = METRIC_LABELS[evaluation.metric]
    header = [
        "system",
        "kind",
        *(f"{LABELS[t]} {metric}" for t in ROUGE_TYPES),
        "s/cluster median",
        "s/cluster mean",
    ]
    rows = [
        [
            s.name,
            s.kind,
            *(f"{100 * s.mean(t):.2f}" for t in ROUGE_TYPES),
            f"{s.median_seconds:.3f}",
            f"{s.mean_seconds:.3f}",
        ]
        for s in evaluation.systems
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def comparison_table(differences: Sequence[Difference]) -> str:
    """Markdown: each system against the reference, the mean per-cluster difference (x100)
    with its interval, and the clusters where the system scores higher / equal / lower.

    Empty when there is nothing to compare (one system).
    """
    if not differences:
        return ""
    reference = differences[0].reference
    header = [
        "system",
        *(f"{LABELS[t]} − {reference} [{CONFIDENCE:.0%} interval]" for t in ROUGE_TYPES),
        *(f"{LABELS[t]} clusters ↑ = ↓" for t in ROUGE_TYPES[:2]),
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    by_system: dict[str, dict[str, Difference]] = {}
    for d in differences:
        by_system.setdefault(d.system, {})[d.rouge_type] = d
    for system, found in by_system.items():
        cells = [
            f"{100 * d.mean:+.2f} [{100 * d.low:+.2f}, {100 * d.high:+.2f}]"
            for d in (found[t] for t in ROUGE_TYPES)
        ]
        counts = [f"{d.higher} {d.equal} {d.lower}" for d in (found[t] for t in ROUGE_TYPES[:2])]
        lines.append("| " + " | ".join([system, *cells, *counts]) + " |")
    return "\n".join(lines) + "\n"


def _settings(evaluation: Evaluation) -> str:
    default = (
        f" `default` is `{resolve_method_name('default')}`."
        if any(s.name == "default" for s in evaluation.systems)
        else ""
    )
    return (
        f"{len(evaluation.cluster_ids)} clusters of `{evaluation.clusters}`, summaries cut at "
        f"{evaluation.words} words, ROUGE {METRIC_LABELS[evaluation.metric]} (x100) from "
        f"rouge-score {version('rouge-score')} with Porter stemming, mean over each cluster's references, "
        "then over clusters. Seconds: wall clock per cluster, preparation included."
        + ("" if evaluation.queries else " The clusters' queries were withheld.")
        + default
    )


def to_markdown(evaluation: Evaluation, differences: Sequence[Difference]) -> str:
    lines = [
        f"# {evaluation.set_name}, {evaluation.words} words",
        "",
        _settings(evaluation),
        "",
        table(evaluation),
    ]
    compared = comparison_table(differences)
    if compared:
        lines += [
            "## Paired differences",
            "",
            (
                "Per cluster, each system's score minus the reference's, averaged; in brackets a "
                f"{CONFIDENCE:.0%} paired bootstrap interval (clusters resampled). An interval "
                "containing 0 means this set cannot tell the two apart."
            ),
            "",
            compared,
        ]
    lines += [f"![ROUGE by system]({FILE_STEM}.png)", ""]
    if evaluation.skipped:
        lines += [f"Skipped for having no reference: {', '.join(evaluation.skipped)}.", ""]
    failed = [(s.name, f) for s in evaluation.systems for f in s.failures]
    if failed:
        lines += ["## Failures (scored 0)", ""] + [f"- {name}: {f}" for name, f in failed] + [""]
    return "\n".join(lines)


def to_dict(evaluation: Evaluation, differences: Sequence[Difference]) -> dict[str, Any]:
    """Everything: settings, each system's means, and its scores and seconds per cluster."""
    return {
        "clusters": evaluation.clusters,
        "set": evaluation.set_name,
        "words": evaluation.words,
        "metric": evaluation.metric,
        "queries": evaluation.queries,
        "rouge_score_version": version("rouge-score"),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "cluster_ids": list(evaluation.cluster_ids),
        "skipped": list(evaluation.skipped),
        "paired_differences": [
            {
                "system": d.system,
                "reference": d.reference,
                "rouge_type": d.rouge_type,
                "mean": round(d.mean, 5),
                "interval": [round(d.low, 5), round(d.high, 5)],
                "confidence": CONFIDENCE,
                "clusters_higher_equal_lower": [d.higher, d.equal, d.lower],
            }
            for d in differences
        ],
        "systems": [
            {
                "name": s.name,
                "kind": s.kind,
                "mean": {t: round(s.mean(t), 5) for t in ROUGE_TYPES},
                "seconds_median": round(s.median_seconds, 5),
                "seconds_mean": round(s.mean_seconds, 5),
                "failures": list(s.failures),
                "per_cluster": {
                    "scores": [{t: round(x[t], 5) for t in ROUGE_TYPES} for x in s.scores],
                    "seconds": [round(x, 5) for x in s.seconds],
                },
            }
            for s in evaluation.systems
        ],
    }


def _chart(evaluation: Evaluation, path: Path) -> None:
    import matplotlib  # imported here: only report writing pays for matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = [s.name for s in evaluation.systems]
    positions = np.arange(len(names))
    width = 0.8 / len(ROUGE_TYPES)
    figure, axes = plt.subplots(figsize=(max(6.0, 1.1 * len(names) + 2), 4.5))
    for offset, rouge_type in enumerate(ROUGE_TYPES):
        values = [100 * s.mean(rouge_type) for s in evaluation.systems]
        bars = axes.bar(
            positions + (offset - (len(ROUGE_TYPES) - 1) / 2) * width,
            values,
            width,
            label=LABELS[rouge_type],
        )
        axes.bar_label(bars, fmt="%.1f", fontsize=7)
    axes.set_xticks(positions, names, rotation=20, ha="right")
    axes.set_ylabel(f"ROUGE {METRIC_LABELS[evaluation.metric]} (x100)")
    axes.set_title(
        f"{evaluation.set_name}: {len(evaluation.cluster_ids)} clusters, {evaluation.words} words"
    )
    axes.legend(loc="upper right", fontsize=8)
    axes.margins(y=0.12)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def write_report(
    evaluation: Evaluation,
    directory: str | Path | None = None,
    differences: Sequence[Difference] | None = None,
) -> list[Path]:
    """Write ``evaluation.md``, ``evaluation.json`` and ``evaluation.png``; returns their paths.

    ``differences`` are ``compare(evaluation)``'s, computed here unless the caller has them.
    """
    folder = Path(directory) if directory else default_report_dir(evaluation)
    folder.mkdir(parents=True, exist_ok=True)
    markdown, data, chart = (folder / f"{FILE_STEM}.{ext}" for ext in ("md", "json", "png"))
    if differences is None:
        differences = compare(evaluation)
    markdown.write_text(to_markdown(evaluation, differences), encoding="utf-8")
    data.write_text(json.dumps(to_dict(evaluation, differences), indent=1) + "\n", encoding="utf-8")
    _chart(evaluation, chart)
    return [markdown, data, chart]
