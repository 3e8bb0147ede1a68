"""Expectations that a cluster's own later reporting has overtaken.

A story followed over several days carries early forecasts: "Final results are
not expected until Sunday" in Saturday's article, when the cluster also holds
Sunday's article with the results. A summary reads as of the newest article,
so such a sentence would tell the reader something that is no longer so.

A sentence is overtaken when its article is dated, it looks ahead to a day it
names ("will ... Tuesday", "expected ... tomorrow"), that day is on or before
the date of the cluster's newest article, and that article is newer than the
sentence's own. The day is read from the article's date, as a reader of that
day would: the coming weekday of that name, tomorrow, or the same day.
Undated articles (Multi-News) are never overtaken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from newsfuse.models import Document, Sentence

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_AHEAD = {"today": 0, "tonight": 0, "tomorrow": 1}
# A word that looks ahead, then (within the clause) the day it looks ahead to. "had", "was",
# "were" and "been" before the word make it a past plan ("had been expected Tuesday").
_LOOKS_AHEAD = re.compile(
    r"(?<!\bhad )(?<!\bwas )(?<!\bwere )(?<!\bbeen )"
    r"\b(?:will|'ll|shall|expected|due|(?:is|are) (?:to|set|scheduled)|scheduled (?:to|for)"
    r"|plans? to|set to)\b"
    r"[^.;:!?]{0,60}?"
    r"(?<!\blast )(?<!\bpast )(?<!\bprevious )(?<!\ba )(?<!\beach )(?<!\bevery )"
    r"\b(?P<day>" + "|".join(_WEEKDAYS + tuple(_DAYS_AHEAD)) + r")\b(?!'s)",
    re.IGNORECASE,
)


def _expected_days(text: str, written: date) -> list[date]:
    days = []
    for match in _LOOKS_AHEAD.finditer(text):
        day = match.group("day").lower()
        ahead = _DAYS_AHEAD.get(day)
        if ahead is None:
            ahead = (_WEEKDAYS.index(day) - written.weekday()) % 7
        days.append(written + timedelta(days=ahead))
    return days


def overtaken_sentences(documents: Sequence[Document], sentences: Sequence[Sentence]) -> np.ndarray:
    """Per sentence, whether it looks ahead to a day the cluster's newest article has reached."""
    written = [d.day for d in documents]
    newest = max((d for d in written if d is not None), default=None)
    overtaken = np.zeros(len(sentences), dtype=bool)
    if newest is None:
        return overtaken
    for index, sentence in enumerate(sentences):
        own = written[sentence.doc_index]
        if own is not None and own < newest:
            overtaken[index] = any(day <= newest for day in _expected_days(sentence.text, own))
    return overtaken
