"""The timeline: dated events, the same event from several sources merged.

Dates are the spaCy ``DATE`` entities of each sentence that read as a point in
time: a full date ("March 3, 2026"), a day of a month ("July 6"), a month, a
year, a weekday, or "yesterday"/"last month" and the like. Durations ("30
days", "weeks", "the weekend") are not points and are left out.

A date is resolved to ISO only from what is known, never guessed:
- the document's own ``date`` places weekdays, "yesterday", months and days
  of a month (a weekday whose verb speaks of the future is the next one, else
  the last one);
- without it, a day of a month or a month is placed near the full dates the
  cluster states, when they all fall in one year;
- a weekday takes the full date of the same event in another source when that
  date falls on that weekday ("Tuesday" in one paper, "March 3, 2026" in
  another); otherwise it stays unresolved (``iso`` is ``None``).

Resolved events come first, in date order. Unresolved months and days of a
month follow in calendar order when they all fit in half a year (articles with
no date and no year still tell "April" from "July 12"); everything else keeps
the order in which it first appears.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsfuse._dates import DateForm, read_date
from newsfuse.analysis.model import DateMention, Passage, TimelineEvent
from newsfuse.prepare import PreparedCluster

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Sentences this similar (or in one same-content group) with agreeing dates report one event.
SAME_EVENT_SIMILARITY = 0.3

# What a date of each kind lacks when it stays unplaced (the other kinds are always placed).
_UNPLACED = {
    "month_day": "year not stated",
    "month": "year not stated",
    "weekday": "the article is undated",
    "relative_day": "the article is undated",
    "relative_period": "the article is undated",
}
_POSSESSIVES = ("'s", "\u2019s")
_FUTURE_LEMMAS = frozenset({"will", "shall", "would", "plan", "expect", "schedule"})


@dataclass(frozen=True)
class Dated:
    """A dated sentence: where it is in the cluster, and its date as read and resolved."""

    index: int
    mention: DateMention
    form: DateForm


def _nearest_year(month: int, day: int, reference: date) -> date | None:
    """The ``month``/``day`` closest to ``reference`` (news of 2 January speaks of 30 December)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - reference).days), default=None)


def _resolve(
    form: DateForm, reference: date | None, context: date | None, future: bool
) -> str | None:
    """An ISO date (full or partial) for ``form``, or ``None`` when that would be a guess.

    ``reference`` is the document's date; ``context`` the date the cluster
    states, which can place a month or a day of a month but not a weekday.
    """
    if form.kind == "full":
        return date(form.year, form.month, form.day).isoformat()
    if form.kind == "year":
        return f"{form.year:04d}"
    if form.kind == "month_year":
        return f"{form.year:04d}-{form.month:02d}"
    anchor = reference or context
    if form.kind == "month_day":
        found = _nearest_year(form.month, form.day, anchor) if anchor else None
        return found.isoformat() if found else None
    if form.kind == "month":
        if anchor is None:
            return None
        # A bare month in news is the last one by that name, or the coming one when the sentence looks ahead.
        year = anchor.year + (form.month < anchor.month if future else -(form.month > anchor.month))
        return f"{year:04d}-{form.month:02d}"
    if reference is None:
        return None
    if form.kind == "relative_day":
        return (reference + timedelta(days=form.shift)).isoformat()
    if form.kind == "relative_period":
        if form.period == "year":
            return f"{reference.year + form.shift:04d}"
        months = reference.year * 12 + reference.month - 1 + form.shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    # A weekday: "next"/"last" say which way; else the tense of the sentence does.
    ahead = form.shift > 0 or (form.shift == 0 and future)
    gap = (
        (form.weekday - reference.weekday()) % 7
        if ahead
        else -((reference.weekday() - form.weekday) % 7)
    )
    if form.shift and gap == 0:
        gap = 7 * form.shift
    return (reference + timedelta(days=gap)).isoformat()


def _looks_ahead(entity: Span) -> bool:
    """The verb the date belongs to speaks of the future ("will vote on Tuesday", "plan to refloat ...").

    Only that verb and the verbs it completes count: "the report issued Monday
    said prices would rise" is about a past Monday.
    """
    verb = entity.root
    while (
        verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i
    ):  # tokens are fresh objects: compare places
        verb = verb.head
    words = set()
    while True:
        words |= {verb.lemma_.lower()} | {
            c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")
        }
        if verb.dep_ != "xcomp":
            return bool(words & _FUTURE_LEMMAS)
        verb = verb.head


def dated_sentences(cluster: PreparedCluster, parsed: Sequence[Doc]) -> list[Dated]:
    """Every point-in-time date of every sentence, resolved where it can be."""
    found: list[tuple[int, Span, DateForm]] = []
    for index, doc in enumerate(parsed):
        for entity in doc.ents:
            if entity.label_ == "DATE":
                form = read_date(entity.text)
                if form:
                    found.append((index, entity, form))
    stated = [date(f.year, f.month, f.day) for _, _, f in found if f.kind == "full"]
    context = max(stated) if len({d.year for d in stated}) == 1 else None
    references = {c.document.id: c.document.day for c in cluster.cleaned}
    dated = []
    for index, entity, form in found:
        sentence = cluster.sentences[index]
        iso = _resolve(form, references[sentence.doc_id], context, _looks_ahead(entity))
        # "last month's summit": the date is "last month".
        cut = 2 if entity.text.endswith(_POSSESSIVES) else 0
        mention = DateMention(
            passage=Passage.of(sentence),
            date_text=entity.text[: len(entity.text) - cut],
            date_start=sentence.start + entity.start_char,
            date_end=sentence.start + entity.end_char - cut,
            iso=iso,
        )
        dated.append(Dated(index, mention, form))
    return dated


def same_event(cluster: PreparedCluster, a: Dated, b: Dated) -> bool:
    """Two dated sentences of different sources that report the same thing."""
    if a.mention.passage.doc_id == b.mention.passage.doc_id:
        return False
    return (
        cluster.group_of[a.index] == cluster.group_of[b.index]
        or cluster.similarity[a.index, b.index] >= SAME_EVENT_SIMILARITY
    )


def _as_date(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso and len(iso) == 10 else None


def dates_agree(a: Dated, b: Dated) -> bool:
    """Whether the two dates may name the same day: ``False`` only when they cannot.

    Dates are compared when both are placed (one may be the month or year of
    the other), a full date with a weekday, or two dates written the same way
    ("Monday" / "Thursday"); a weekday and a day of a month of unknown year
    may be the same day.
    """
    if a.mention.iso and b.mention.iso:
        return a.mention.iso.startswith(b.mention.iso) or b.mention.iso.startswith(a.mention.iso)
    for one, other in ((a, b), (b, a)):
        day = _as_date(one.mention.iso)
        if day and other.form.kind == "weekday" and not other.mention.iso:
            return day.weekday() == other.form.weekday
    if a.form.kind == b.form.kind and not (a.mention.iso or b.mention.iso):
        return _written_key(a.form) == _written_key(b.form)
    return True


def _written_key(form: DateForm) -> tuple:
    return (form.kind, form.year, form.month, form.day, form.weekday, form.shift, form.period)


def _precision(mention: DateMention) -> int:
    return len(mention.iso) if mention.iso else 0


def _event(members: list[Dated]) -> TimelineEvent:
    # The most precise date stands for the event.
    best_member = max(members, key=lambda m: _precision(m.mention))
    best = best_member.mention
    # A weekday joined to a full date of that weekday is that day.
    mentions = [
        replace(m.mention, iso=best.iso)
        if m.form.kind == "weekday" and not m.mention.iso and _as_date(best.iso)
        else m.mention
        for m in members
    ]
    return TimelineEvent(
        date_text=best.date_text,
        iso=best.iso,
        text=best.passage.text,
        doc_ids=tuple(dict.fromkeys(m.passage.doc_id for m in mentions)),
        mentions=tuple(mentions),
        why_unplaced=None if best.iso else _UNPLACED[best_member.form.kind],
    )


def build_timeline(cluster: PreparedCluster, dated: Sequence[Dated]) -> tuple[TimelineEvent, ...]:
    """Dated events (see ``dated_sentences``) in date order, resolved first, merged across sources."""
    events: list[list[Dated]] = []
    for item in dated:
        # Join the first event whose every member agrees with this one, so one loose link cannot chain events.
        home = next(
            (
                event
                for event in events
                if any(same_event(cluster, item, other) for other in event)
                and all(dates_agree(item, other) for other in event)
                and item.mention.passage.doc_id not in {o.mention.passage.doc_id for o in event}
            ),
            None,
        )
        if home is None:
            events.append([item])
        else:
            home.append(item)
    timeline = [(_event(members), _calendar_key(members)) for members in events]
    unplaced = [key for event, key in timeline if event.iso is None and key]
    # Unresolved months and days of a month still have an order when they fit in half a
    # year ("April", "July 6", "July 12"); across more, December may come before January.
    in_order = bool(unplaced) and max(unplaced)[0] - min(unplaced)[0] <= _WIDEST_MONTH_SPAN

    def position(item: tuple[TimelineEvent, tuple[int, int] | None]) -> tuple:
        event, key = item
        ordered = in_order and key is not None
        return (event.iso is None, event.iso or "", not ordered, key if ordered else (0, 0))

    # A stable sort: the rest, and same-day events, keep the order they first appear in.
    return tuple(event for event, _ in sorted(timeline, key=position))


# The widest run of months (of one unknown year) whose calendar order is their order in time.
_WIDEST_MONTH_SPAN = 6


def _calendar_key(members: list[Dated]) -> tuple[int, int] | None:
    """``(month, day)`` of an event dated by a month or a day of a month, else ``None``."""
    forms = [m.form for m in members if m.form.kind in ("month_day", "month")]
    if not forms:
        return None
    form = max(forms, key=lambda f: f.day is not None)
    return (form.month, form.day or 0)
