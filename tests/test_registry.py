"""Methods plug in by name."""

from __future__ import annotations

import pytest

from newsfuse import DEFAULT_METHOD, UsageError, get_method, method_names
from newsfuse.methods.base import Summarizer
from newsfuse.registry import register


def test_core_methods_are_registered():
    assert {"default", "lead", "centroid", "lexrank", "mmr"} <= set(method_names())
    assert DEFAULT_METHOD in method_names()


def test_settings_are_stored_as_given():
    method = get_method("lexrank", damping=0.5)
    assert method.damping == 0.5 and method.name == "lexrank"


def test_unknown_name_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown method 'nope'"):
        get_method("nope")


def test_a_name_cannot_be_claimed_twice():
    with pytest.raises(ValueError, match="two summarizers"):

        @register("lead")
        class Impostor(Summarizer):
            pass
