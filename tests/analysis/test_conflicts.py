"""Conflicts: real disagreements found, and nothing made up."""

from __future__ import annotations

from newsfuse.analysis.conflicts import find_conflicts
from newsfuse.analysis.entities import extract_entities
from newsfuse.analysis.timeline import dated_sentences

from .conftest import needs_sample


def _conflicts(prepared, *texts, dates=()):
    cluster, parsed = prepared(*texts, dates=dates)
    return find_conflicts(
        cluster, parsed, extract_entities(cluster, parsed), dated_sentences(cluster, parsed)
    )


def _by_kind(analysis, kind):
    return [c for c in analysis.conflicts if c.kind == kind]


def test_the_example_passenger_count_conflicts(example_analysis):
    (count,) = _by_kind(example_analysis, "number")
    assert count.matter == "passengers"
    assert [(v.value, v.doc_ids) for v in count.versions] == [
        ("212 passengers", ("01-coastal-herald", "04-regional-daily")),
        ("214 passengers", ("02-island-times",)),
    ]


def test_the_example_misspelt_harbour_master(example_analysis):
    (name,) = _by_kind(example_analysis, "name")
    assert [v.value for v in name.versions] == ["Dana Okafor", "Dana Okafur"]
    assert name.versions[1].doc_ids == ("02-island-times",)


def test_the_example_opposing_accounts_of_the_cause(example_analysis):
    (account,) = _by_kind(example_analysis, "account")
    assert account.matter == "steering"
    company, union = account.versions
    assert (company.speaker, union.speaker) == ("Bluewater Lines", "Seafarers' union")
    assert any("Havel" in p.text for p in company.passages)
    assert any("disputes that account" in p.text for p in union.passages)
    assert any("rejected the union's claim" in p.text for p in company.passages)
    assert not any("union" in p.text and "said the crew" in p.text for p in company.passages)
    texts = {c.document.id: c.document.text for c in example_analysis.documents}
    for version in account.versions:
        assert all(texts[p.doc_id][p.start : p.end] == p.text for p in version.passages)


def test_no_conflict_between_different_things_counted(prepared):
    conflicts = _conflicts(
        prepared,
        "The ferry Marisol ran aground near Port Elwyn with 212 passengers on board. "
        "Two passengers were treated for mild hypothermia.",
        "The ferry Marisol ran aground outside Port Elwyn with 212 passengers aboard. "
        "The Marisol carries up to 350 passengers.",
    )
    assert [c for c in conflicts if c.kind == "number"] == []


def test_approximate_counts_and_roundings_do_not_conflict(prepared):
    conflicts = _conflicts(
        prepared,
        "The ferry Marisol ran aground near Port Elwyn carrying 212 passengers and a crew of nine.",
        "The ferry Marisol ran aground near Port Elwyn carrying more than 200 passengers and a crew of nine.",
        "The Marisol balloon crossed longitude 9 degrees west on its way home.",
        "The Marisol balloon crossed longitude 9.27 degrees west on its way home.",
    )
    assert conflicts == ()


def test_counts_from_reports_of_different_days_do_not_conflict(prepared):
    text = "The ferry Marisol ran aground near Port Elwyn and {} passengers were taken to hospital."
    dates = ("2026-03-03", "2026-03-04")
    assert _conflicts(prepared, text.format(12), text.format(15), dates=dates) == ()
    (conflict,) = _conflicts(prepared, text.format(12), text.format(15), dates=("2026-03-03",) * 2)
    assert [v.value for v in conflict.versions] == ["12 passengers", "15 passengers"]


def test_a_report_of_the_same_event_on_another_day_conflicts(prepared):
    conflicts = _conflicts(
        prepared,
        "The Lindmoor council approved the new footbridge over the river on Monday by seven votes to two.",
        "The Lindmoor council approved the new footbridge over the river on Thursday by seven votes to two.",
    )
    (conflict,) = conflicts
    assert conflict.kind == "date"
    assert [v.value for v in conflict.versions] == ["Monday", "Thursday"]


def test_statements_without_a_dispute_are_not_opposing_accounts(prepared):
    conflicts = _conflicts(
        prepared,
        "Mayor Ilse Brandt said the footbridge would open in April. The council said it would cost 4.2 million euros.",
        "Shopkeepers said the footbridge would bring customers, and mayor Ilse Brandt said it was not too expensive.",
    )
    assert [c for c in conflicts if c.kind == "account"] == []


@needs_sample
def test_the_sample_shows_only_the_misspelt_envoy(sample_analysis):
    (name,) = sample_analysis.conflicts
    assert name.kind == "name" and [v.value for v in name.versions] == [
        "Kim Yong Chol",
        "Kon Yong-chol",
    ]


def test_a_weekday_and_a_day_of_unknown_year_may_be_the_same_day(prepared):
    conflicts = _conflicts(
        prepared,
        "The study of jet lag was published online Monday in the Journal of Clinical Investigation.",
        "The study of jet lag was published online Feb. 8 in the Journal of Clinical Investigation.",
    )
    assert conflicts == ()


def test_counts_far_apart_are_of_different_things(prepared):
    conflicts = _conflicts(
        prepared,
        "The NLD said 42 members of parliament from Myanmar are held in prisons.",
        "The NLD said 194 members of parliament from Myanmar are held in prisons.",
    )
    assert conflicts == ()


def test_an_article_disagreeing_with_itself_is_not_a_conflict_between_sources(prepared):
    conflicts = _conflicts(
        prepared,
        "The ferry Marisol ran aground near Port Elwyn with 212 passengers on board.\n\n"
        "The ferry Marisol ran aground near Port Elwyn with 214 passengers aboard.",
        "Crossings to Saltmarsh Island were suspended for the week.",
    )
    assert conflicts == ()
