"""Expectations that a cluster's own later reporting has overtaken.

A story followed over several days carries early forecasts: "Final results are
not expected until Sunday" in Saturday's article, when the cluster also holds
Sunday's article with the results. A summary reads as of the newest article,
so such a sentence would tell the reader something that is no longer so.

A sentence is overtaken when its article is dated, it looks ahead to a day it
names ("will ... Tuesday", "expected ... tomorrow"), that day is on or before
the date of the cluster's newest article, and that article is newer than the
sentence's own. The day is read from the article's date, as a reader of that
day would: the coming weekday of that name, tomorrow, the same day, or a
calendar date ("will vote on Nov. 3", "due by 15 December"), in the article's
year unless it names one, or the next year when that day has already passed.
Undated articles (Multi-News) are never overtaken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from newsfuse._dates import MONTHS, WEEKDAYS, DateForm, read_date
from newsfuse.models import Document, Sentence

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# The ways a forecast names its day: "Sunday", "tomorrow", "tonight", "Nov. 3", "3 November",
# "Jan. 5, 1999". ``read_date`` then reads which.
_NAMED_DAY = (
    r"(?:" + "|".join(WEEKDAYS) + r"|today|tonight|tomorrow)\b(?!'s)"
    rf"|(?:{_MONTH_NAMES})\.? \d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH_NAMES})\b\.?(?:,? (?:19|20)\d\d)?"
)
# A word that looks ahead, then (within the clause) the day it looks ahead to. "had", "was",
# "were" and "been" before the word make it a past plan ("had been expected Tuesday").
_LOOKS_AHEAD = re.compile(
    r"(?<!\bhad )(?<!\bwas )(?<!\bwere )(?<!\bbeen )"
    r"\b(?:will|'ll|shall|expected|due|(?:is|are) (?:to|set|scheduled)|scheduled (?:to|for)"
    r"|plans? to|set to)\b"
    r"[^.;:!?]{0,60}?"
    r"(?<!\blast )(?<!\bpast )(?<!\bprevious )(?<!\ba )(?<!\beach )(?<!\bevery )"
    r"\b(?P<day>" + _NAMED_DAY + ")",
    re.IGNORECASE,
)


def _expected_day(form: DateForm, written: date) -> date | None:
    """The day ``form`` names for a reader on ``written``: the coming one of that name."""
    if form.kind == "full":
        return date(form.year, form.month, form.day)
    if form.kind == "relative_day":
        return written + timedelta(days=form.shift)
    if form.kind == "weekday":
        return written + timedelta(days=(form.weekday - written.weekday()) % 7)
    for year in (written.year, written.year + 1):  # a day of a month
        try:
            day = date(year, form.month, form.day)
        except ValueError:  # 29 February of a common year
            continue
        if day >= written:
            return day
    return None


def _expected_days(text: str, written: date) -> list[date]:
    days = []
    for match in _LOOKS_AHEAD.finditer(text):
        # "Tonight" is the article's own day, as "today" is.
        form = read_date(re.sub("(?i)tonight", "today", match.group("day")))
        day = _expected_day(form, written) if form else None
        if day is not None:
            days.append(day)
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
