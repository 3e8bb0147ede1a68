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

from newsfuse.models import Document, Sentence

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_AHEAD = {"today": 0, "tonight": 0, "tomorrow": 1}
_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
)  # fmt: skip
# "Nov. 3", "November 3, 1999", "Sept. 30", "3 November": a month name (or its short form) and
# a day of the month, optionally a year.
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
)
_CALENDAR = (
    rf"(?P<month>{_MONTH}) (?P<mday>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?:,? (?P<year>(?:19|20)\d\d))?"
    rf"|(?P<mday2>[0-3]?\d)(?:st|nd|rd|th)? (?P<month2>{_MONTH})(?:,? (?P<year2>(?:19|20)\d\d))?"
)
# A word that looks ahead, then (within the clause) the day it looks ahead to. "had", "was",
# "were" and "been" before the word make it a past plan ("had been expected Tuesday").
_LOOKS_AHEAD = re.compile(
    r"(?<!\bhad )(?<!\bwas )(?<!\bwere )(?<!\bbeen )"
    r"\b(?:will|'ll|shall|expected|due|(?:is|are) (?:to|set|scheduled)|scheduled (?:to|for)"
    r"|plans? to|set to)\b"
    r"[^.;:!?]{0,60}?"
    r"(?<!\blast )(?<!\bpast )(?<!\bprevious )(?<!\ba )(?<!\beach )(?<!\bevery )"
    r"\b(?:(?P<day>" + "|".join(_WEEKDAYS + tuple(_DAYS_AHEAD)) + r")\b(?!'s)|" + _CALENDAR + ")",
    re.IGNORECASE,
)


def _calendar_day(match: re.Match, written: date) -> date | None:
    month = match.group("month") or match.group("month2")
    mday = int(match.group("mday") or match.group("mday2"))
    year = match.group("year") or match.group("year2")
    number = _MONTHS.index(month[:3].lower()) + 1
    try:
        if year:
            return date(int(year), number, mday)
        day = date(written.year, number, mday)
        return day if day >= written else date(written.year + 1, number, mday)
    except ValueError:  # "Feb. 30", or a number that was not a day of the month
        return None


def _expected_days(text: str, written: date) -> list[date]:
    days = []
    for match in _LOOKS_AHEAD.finditer(text):
        if match.group("day") is None:
            day = _calendar_day(match, written)
            if day is not None:
                days.append(day)
            continue
        name = match.group("day").lower()
        ahead = _DAYS_AHEAD.get(name)
        if ahead is None:
            ahead = (_WEEKDAYS.index(name) - written.weekday()) % 7
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
