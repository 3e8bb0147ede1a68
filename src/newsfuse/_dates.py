"""Reading a date as written ("July 6", "3 November 1999", "Tuesday", "tomorrow").

Shared by the timeline, which reads spaCy's date entities, and by the rule
that leaves out overtaken forecasts, which finds its dates itself. Only the
form is read here; which day it names depends on who reads it and from when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# Words that may stand before a date without changing which day it is.
_LEAD = r"^(?:(?:on|in|of|the|early|late|mid|since|until|by|at least)\b[\s-]*)*"
_FORMS = tuple(
    (kind, re.compile(_LEAD + pattern + r"(?:'s)?$", re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"),
        ("full", _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR),
        ("full", _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR),
        ("month_day", _MONTH + r"\s+" + _DAY),
        ("month_day", _DAY + r"\s+(?:of\s+)?" + _MONTH),
        ("month_year", _MONTH + r",?\s+" + _YEAR),
        ("month", _MONTH),
        ("year", _YEAR),
        ("weekday", r"(?P<shift>last |next |this )?(?P<weekday>" + "|".join(WEEKDAYS) + r")"),
        ("relative_day", r"(?P<relative>yesterday|today|tomorrow)"),
        ("relative_period", r"(?P<shift>last|this|next) (?P<period>month|year)"),
    )
)
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_SHIFTS = {"last": -1, "this": 0, "next": 1}


@dataclass(frozen=True)
class DateForm:
    """What a date as written pins down; unknown parts are ``None``."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0
    period: str | None = None


def read_date(text: str) -> DateForm | None:
    """The form of a date as written, or ``None`` when it is not a point in time."""
    text = " ".join(text.split())
    for kind, pattern in _FORMS:
        match = pattern.match(text)
        if not match:
            continue
        parts = {k: v.lower().strip() for k, v in match.groupdict().items() if v}
        month = parts.get("month")
        form = DateForm(
            kind="full" if kind == "iso" else kind,
            year=int(parts["year"]) if "year" in parts else None,
            month=(int(month) if month.isdigit() else MONTHS[month]) if month else None,
            day=int(parts["day"]) if "day" in parts else None,
            weekday=WEEKDAYS.get(parts.get("weekday", "")),
            shift=_SHIFTS.get(parts.get("shift", ""), 0)
            if kind != "relative_day"
            else _RELATIVE_DAYS[parts["relative"]],
            period=parts.get("period"),
        )
        return form if _valid(form) else None
    return None


def _valid(form: DateForm) -> bool:
    if form.day is None:
        return form.month is None or 1 <= form.month <= 12
    try:
        date(form.year or 2000, form.month, form.day)  # 2000: a leap year, so 29 February passes
    except (TypeError, ValueError):
        return False
    return True
