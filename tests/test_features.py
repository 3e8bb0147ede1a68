import re

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.features import _ATTRIBUTION_WORDS, has_attribution

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
