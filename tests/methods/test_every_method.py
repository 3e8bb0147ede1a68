"""What every registered method promises, checked on the storm cluster for each of them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse import get_method, method_names
from newsfuse.pipeline import summarize_prepared

METHODS = method_names()


@pytest.mark.parametrize("method", METHODS)
@settings(max_examples=30, deadline=None)
@given(words=st.integers(min_value=1, max_value=400))
def test_budget_respected_and_never_empty(storm_cluster, method, words):
    summary = summarize_prepared(storm_cluster, words, method)
    assert summary.words <= words
    assert summary.sentences


@pytest.mark.parametrize("method", METHODS)
def test_one_sentence_per_group_and_deterministic(storm_cluster, method):
    first = get_method(method).select(storm_cluster, 120)
    groups = [storm_cluster.group_of[i] for i, _ in first]
    assert len(groups) == len(set(groups))
    assert get_method(method).select(storm_cluster, 120) == first
