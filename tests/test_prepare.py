"""The shortcuts that keep ``prepare`` fast give exactly what the full work gives.

- cleaning searches a pattern only in lines holding one of its keys, and
  a sign-off only after a line's last word is one;
- segmentation cuts after a name without asking syntok;
- the TF-IDF counts are built without scipy's COO conversion.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import sparse

from newsfuse import cleaning, segment
from newsfuse._vectors import tfidf_matrix

# Pieces of noise lines and their keys, in odd cases and with the letters that
# re.IGNORECASE matches to ASCII ones ("İ", "ı", "ſ", Kelvin sign).
# fmt: off
_LINE_PIECES = [
    "All rights reserved", "ALL RİGHTS RESERVED", "all rıghts reſerved", "(AP Photo/Jane Doe)",
    "(Photo: Reuters)", "| Getty Images", "/ AFP)", "Learn more", "READ MORE:", "In this file photo",
    "this photo released", "You agree", "please sign in", "follow @newsfuse", "(@jdoe) May 1, 2017",
    "pic.twitter.com/abc", "autoplay", "embed share", "c. 2001 The Times news", "For release",
    "story can end here", "jdoe@example.com", "jdoe(at)example.org", "www.example.com",
    "http://example.com", "ShaRe your THOUGHTS", "you can email him", "contributed to this report",
    "\u212aelvin", "Click here", "tap HERE", "newsletter", "Order now!", "can be yours", "!",
    "said.", "The", "news service", "enditem", "ENDİT", "MORE", "More", "(", ")", "/", "|", " ", ".", ",", ":", "2019", "555-123-4567",
]
# fmt: on


def _searches(rules: cleaning._Rules, text: str) -> bool:
    """Every rule searched in full, keys ignored."""
    return bool(rules.anchored and rules.anchored.search(text)) or any(
        pattern.search(text) for _, pattern in rules.keyed
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map(" ".join))
def test_keys_never_hide_a_match(line: str) -> None:
    folded = cleaning._fold(line)
    every_rules = [*cleaning._LINE_RULES, *cleaning._INLINE_SENTENCE_RULES]
    for rules in [*every_rules, cleaning._HAS_URL, cleaning._EMAIL]:
        assert rules.match(line, folded) == _searches(rules, line), rules.reason
    for reason, keys, pattern in cleaning._INLINE_PATTERNS:
        assert any(key in folded for key in keys) or not pattern.search(line), reason
    if line.strip():
        unit = line.strip()
        assert cleaning._without_sign_off(unit) == cleaning._WIRE_SIGN_OFF.sub("", unit)


# Words and marks around full stops: names, syntok's abbreviations, brackets, quotes.
# fmt: off
_SENTENCE_PIECES = [
    "Trump.", "Gen.", "No.", "Mr.", "May.", "Smith", "said", "the", "The", "A380", "U.S.", "(",
    ")", "[", "]", "\"", "“", "”", "'", "’", "Pompeo.\"", "Kim.”", "Lee.'", "(AP)", "8 p.m.",
    "Monday.", "Gov.", "—", ";", "?", "!", "It", "2019.",
]
# fmt: on


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), min_size=1, max_size=12).map(" ".join))
# syntok skips a short bracketed aside whole, stops and all.
@example("He met them (said Trump. The talks ended) today.")
@example("the ( Trump. It ) the")
def test_cuts_after_names_are_those_syntok_makes(text: str) -> None:
    found = segment.sentence_spans(text, 0, len(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment, "_SYNTOK_ABBREVIATIONS", _EveryName())
        assert segment.sentence_spans(text, 0, len(text)) == found


class _EveryName:
    """Takes every name for an abbreviation, so that syntok decides after each."""

    def __contains__(self, name: object) -> bool:
        return True


def _plain_tfidf(token_lists: list[list[str]]) -> sparse.csr_matrix:
    """The textbook construction: COO counts, then scipy all the way."""
    vocabulary: dict[str, int] = {}
    rows, columns = [], []
    for row, tokens in enumerate(token_lists):
        for token in tokens:
            rows.append(row)
            columns.append(vocabulary.setdefault(token, len(vocabulary)))
    shape = (len(token_lists), max(len(vocabulary), 1))
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    counts.sum_duplicates()
    idf = np.log((1 + shape[0]) / (1 + np.bincount(counts.indices, minlength=shape[1]))) + 1.0
    weighted = counts.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ weighted


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefghij"), max_size=12), min_size=1, max_size=30))
def test_tfidf_is_bit_identical_to_the_plain_construction(token_lists: list[list[str]]) -> None:
    fast, plain = tfidf_matrix(token_lists), _plain_tfidf(token_lists)
    assert fast.shape == plain.shape
    for attribute in ("data", "indices", "indptr"):
        assert getattr(fast, attribute).tobytes() == getattr(plain, attribute).tobytes()
