import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse._text import lowered_for_ascii_search
from newsfuse.features import (
    _ATTRIBUTION_WORDS,
    _distinct_counts,
    digit_count,
    has_attribution,
    opens_unattributed_quote,
)

# The attribution test as a single case-insensitive regex, with nothing before it.
_REFERENCE = re.compile(r"\b(said|says|told|according to|tweeted|wrote|added)\b", re.IGNORECASE)

# Text made of the attribution words, their pieces, case variants, the letters that
# re.IGNORECASE folds to ASCII ("ſ", "İ", "ı", the Kelvin sign) and word boundaries.
_PIECES = st.sampled_from(
    [
        *_ATTRIBUTION_WORDS,
        "SAID",
        "Told",
        "ſaid",
        "saİd",
        "saıd",
        "according",
        "to",
        "unsaid",
        "saidx",
        "add",
        "ed",
        " ",
        "-",
        "'",
        "\n",
        "é",
        "“",
        "K",
        "x",
        "_",
        "٣",
        "ǅ",
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_has_attribution_agrees_with_the_plain_regex(text):
    assert has_attribution(text) == bool(_REFERENCE.search(text))


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_has_attribution_agrees_on_any_text(text):
    assert has_attribution(text) == bool(_REFERENCE.search(text))


def test_has_attribution_examples():
    assert has_attribution("The minister said on Monday.")
    assert has_attribution("ACCORDING TO the police")
    assert has_attribution("ſaid the clerk")  # the long s folds to s
    assert not has_attribution("The unsaid part")
    assert not has_attribution("Accordingly, to the east")


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_lowered_text_keeps_offsets_word_characters_and_ascii_letters(text):
    lowered = lowered_for_ascii_search(text)
    if lowered is None:
        return
    assert len(lowered) == len(text)
    for original, low in zip(text, lowered):
        assert bool(re.fullmatch(r"\w", original)) == bool(re.fullmatch(r"\w", low))
        # re.IGNORECASE takes a character for an ASCII letter exactly when its lowercase is one.
        assert bool(re.fullmatch("[a-z]", original, re.IGNORECASE)) == bool(
            re.fullmatch("[a-z]", low)
        )


@given(st.text(st.sampled_from("0123456789a .٣０\U0001d7ce")))
def test_digit_count_is_that_of_a_search(text):
    assert digit_count(text) == len(re.findall(r"\d", text))


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3)), max_size=30))
def test_distinct_counts_are_those_of_sets(pairs):
    keys = np.array([k for k, _ in pairs], dtype=np.int32)
    values = np.array([v for _, v in pairs], dtype=np.int64)
    expected = [len({v for k, v in pairs if k == key}) for key in range(6)]
    assert _distinct_counts(keys, values, 6).tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The cranes break down every week."', True),
        ("“We will rebuild,” she said.", False),
        ("``We will rebuild,'' the mayor told reporters.", False),
        ("  ``It is a sad day for the island.''", True),
        ("‘No comment.’", True),
        ('The mayor called it "a sad day".', False),
    ],
)
def test_opens_unattributed_quote(text, expected):
    assert opens_unattributed_quote(text) is expected
