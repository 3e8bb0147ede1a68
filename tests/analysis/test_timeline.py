"""Timeline: point dates read, resolved only from what is known, one event per happening."""

from __future__ import annotations

import pytest

from newsfuse.analysis.timeline import build_timeline, dated_sentences, read_date


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("March 3, 2026", "full"),
        ("3 March 2026", "full"),
        ("2026-03-03", "full"),
        ("July 6", "month_day"),
        ("on July 12th", "month_day"),
        ("February", "month"),
        ("March 2026", "month_year"),
        ("1998", "year"),
        ("Tuesday", "weekday"),
        ("at least Friday", "weekday"),
        ("Thursday's", "weekday"),
        ("yesterday", "relative_day"),
        ("last month", "relative_period"),
    ],
)
def test_point_dates_are_read(written, kind):
    assert read_date(written).kind == kind


@pytest.mark.parametrize(
    "written", ["30 days", "weeks", "the weekend", "a day", "summer", "1950-53", "February 30"]
)
def test_durations_and_impossible_dates_are_not_points(written):
    assert read_date(written) is None


def _timeline(prepared, *texts, dates=()):
    cluster, parsed = prepared(*texts, dates=dates)
    return build_timeline(cluster, dated_sentences(cluster, parsed))


def test_without_a_document_date_relative_days_stay_unresolved(prepared):
    events = _timeline(
        prepared, "The bridge in Lindmoor opened on Saturday after two years of work."
    )
    assert [(e.date_text, e.iso) for e in events] == [("Saturday", None)]


def test_the_document_date_resolves_weekdays_by_tense(prepared):
    events = _timeline(
        prepared,
        "The bridge in Lindmoor opened on Saturday after two years of work.\n\n"
        "The council will vote on the bus network on Tuesday.",
        dates=("2026-03-04",),  # a Wednesday
    )
    assert {e.date_text: e.iso for e in events} == {
        "Saturday": "2026-02-28",
        "Tuesday": "2026-03-10",
    }


def test_a_day_of_a_month_takes_the_year_the_cluster_states(prepared):
    events = _timeline(
        prepared,
        "The ferry Marisol ran aground near Port Elwyn on March 3, 2026, with 214 passengers on board.",
        "Divers inspected the hull of the Marisol on March 5 and found a crack in the rudder.",
    )
    assert [e.iso for e in events] == ["2026-03-03", "2026-03-05"]


def test_a_weekday_joins_the_dated_report_of_the_same_event(example_analysis):
    grounding = next(e for e in example_analysis.timeline if e.iso == "2026-03-03")
    assert grounding.date_text == "March 3, 2026"
    assert set(grounding.doc_ids) == {"01-coastal-herald", "02-island-times", "03-harbour-radio"}
    assert {m.date_text for m in grounding.mentions} == {"Tuesday", "March 3, 2026"}
    assert all(m.iso == "2026-03-03" for m in grounding.mentions)
    texts = {c.document.id: c.document.text for c in example_analysis.documents}
    for mention in grounding.mentions:
        assert (
            texts[mention.passage.doc_id][mention.date_start : mention.date_end]
            == mention.date_text
        )


def test_events_are_in_date_order_with_unresolved_last(example_analysis):
    isos = [e.iso for e in example_analysis.timeline]
    resolved = [i for i in isos if i]
    assert resolved == sorted(resolved) and isos[: len(resolved)] == resolved
    refloat = next(e for e in example_analysis.timeline if "refloat" in e.text)
    assert refloat.iso is None and refloat.doc_ids == ("03-harbour-radio", "04-regional-daily")


def test_only_the_verb_of_the_date_decides_its_tense(prepared):
    events = _timeline(
        prepared,
        "In its monthly report issued Monday, the Bundesbank said prices would rise.\n\n"
        "Salvage crews plan to refloat the ferry on Thursday's high tide.",
        dates=("1998-04-21",),  # a Tuesday
    )
    assert {e.date_text: e.iso for e in events} == {
        "Monday": "1998-04-20",
        "Thursday": "1998-04-23",
    }


def test_without_a_year_days_of_a_month_are_in_calendar_order_then_the_rest(prepared):
    events = _timeline(
        prepared,
        "The ferry service resumes on July 12 after repairs.\n\n"
        "Engineers found the fault on Saturday during a routine check.\n\n"
        "The harbour board ordered new cranes in April.\n\n"
        "The ferry ran aground on July 6 in thick fog.",
    )
    assert [(e.date_text, e.iso) for e in events] == [
        ("April", None),
        ("July 6", None),
        ("July 12", None),
        ("Saturday", None),
    ]


def test_an_unplaced_date_says_what_was_missing(prepared):
    events = _timeline(
        prepared,
        "The ferry ran aground on July 6 in thick fog.\n\n"
        "Engineers found the fault on Saturday during a routine check.",
    )
    assert [(e.date_text, e.why_unplaced) for e in events] == [
        ("July 6", "year not stated"),
        ("Saturday", "the article is undated"),
    ]
    placed = _timeline(
        prepared, "The ferry ran aground on July 6 in thick fog.", dates=("2026-07-08",)
    )
    assert [(e.iso, e.why_unplaced) for e in placed] == [("2026-07-06", None)]


def test_a_possessive_date_is_the_date_alone(prepared):
    cluster, parsed = prepared(
        "The council confirmed last month's vote on the new footbridge over the river."
    )
    (mention,) = [d.mention for d in dated_sentences(cluster, parsed)]
    assert mention.date_text == "last month"
    text = cluster.cleaned[0].document.text
    assert text[mention.date_start : mention.date_end] == "last month"


def test_months_that_may_cross_a_new_year_keep_their_order_of_appearance(prepared):
    events = _timeline(
        prepared,
        "The harbour board ordered new cranes in December.\n\n"
        "The first crane arrived in January after a long delay.\n\n"
        "The ferry ran aground in June in thick fog.",
    )
    assert [e.date_text for e in events] == ["December", "January", "June"]
