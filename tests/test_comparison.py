"""Paired differences between systems: means, bootstrap intervals, cluster counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.comparison import compare, paired_difference, reference_system
from newsfuse.errors import UsageError
from newsfuse.evaluation import Evaluation, SystemResult
from newsfuse.rouge import ROUGE_TYPES


def _evaluation(**systems: list[float]) -> Evaluation:
    """Systems whose every ROUGE type scores the given values, cluster by cluster."""
    count = len(next(iter(systems.values())))
    return Evaluation(
        clusters="tiny.jsonl",
        set_name="tiny",
        words=100,
        metric="recall",
        cluster_ids=tuple(f"c{i}" for i in range(count)),
        systems=tuple(
            SystemResult(
                name,
                "method",
                tuple(dict.fromkeys(ROUGE_TYPES, v) for v in values),
                (0.01,) * count,
            )
            for name, values in systems.items()
        ),
    )


scores = st.lists(st.floats(0, 1), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_interval_holds_the_mean_difference(data):
    system = data.draw(scores)
    reference = data.draw(st.lists(st.floats(0, 1), min_size=len(system), max_size=len(system)))
    mean, low, high = paired_difference(system, reference, resamples=500)
    assert low - 1e-12 <= mean <= high + 1e-12
    assert mean == pytest.approx(sum(system) / len(system) - sum(reference) / len(reference))


def test_a_constant_gain_has_a_point_interval():
    assert paired_difference([0.5, 0.6, 0.7], [0.4, 0.5, 0.6]) == pytest.approx((0.1, 0.1, 0.1))


def test_a_consistent_gain_is_clear_and_a_mixed_one_is_not():
    reference = [0.30, 0.42, 0.35, 0.28, 0.40, 0.33, 0.37, 0.31]
    better = [r + 0.02 + 0.01 * (i % 3) for i, r in enumerate(reference)]
    mixed = [r + (0.05 if i % 2 else -0.05) for i, r in enumerate(reference)]
    found = {
        d.system: d
        for d in compare(_evaluation(default=reference, better=better, mixed=mixed))
        if d.rouge_type == "rouge2"
    }
    assert found["better"].clear and found["better"].low > 0
    assert (found["better"].higher, found["better"].equal, found["better"].lower) == (8, 0, 0)
    assert not found["mixed"].clear
    assert (found["mixed"].higher, found["mixed"].lower) == (4, 4)


def test_same_seed_same_interval_and_more_confidence_wider():
    a, b = [0.3, 0.5, 0.2, 0.6, 0.4], [0.35, 0.4, 0.3, 0.5, 0.45]
    assert paired_difference(a, b, seed=3) == paired_difference(a, b, seed=3)
    _, low90, high90 = paired_difference(a, b, confidence=0.9)
    _, low99, high99 = paired_difference(a, b, confidence=0.99)
    assert low99 <= low90 and high90 <= high99


def test_reference_is_default_when_evaluated_else_the_first():
    assert reference_system(_evaluation(lead=[0.1], default=[0.2])) == "default"
    assert reference_system(_evaluation(lead=[0.1], ilp=[0.2])) == "lead"
    assert compare(_evaluation(default=[0.2])) == ()
    differences = compare(_evaluation(lead=[0.1, 0.3], ilp=[0.2, 0.3]))
    assert {(d.system, d.reference) for d in differences} == {("ilp", "lead")}
    assert len(differences) == len(ROUGE_TYPES)
    assert differences[0].equal == 1


def test_bad_settings_say_what_to_do():
    evaluation = _evaluation(lead=[0.1], ilp=[0.2])
    with pytest.raises(UsageError, match="compare against one of lead, ilp"):
        compare(evaluation, reference="default")
    with pytest.raises(UsageError, match="confidence"):
        compare(evaluation, confidence=1.5)
    with pytest.raises(UsageError, match="resamples"):
        compare(evaluation, resamples=0)
    with pytest.raises(ValueError, match="same clusters"):
        paired_difference([0.1, 0.2], [0.1])
