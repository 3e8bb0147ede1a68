"""Conflicts: real disagreements found, and nothing made up."""

from __future__ import annotations

import pytest

from newsfuse.analysis.conflicts import find_conflicts
from newsfuse.analysis.entities import extract_entities
from newsfuse.analysis.quotes import extract_quotes
from newsfuse.analysis.timeline import dated_sentences

from .conftest import needs_sample


def _conflicts(prepared, *texts, dates=()):
    cluster, parsed = prepared(*texts, dates=dates)
    entities = extract_entities(cluster, parsed)
    return find_conflicts(
        cluster,
        parsed,
        entities,
        dated_sentences(cluster, parsed),
        extract_quotes(cluster, parsed, entities),
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


# Two sources, each setting the mayor's judgement of the talks against the guild's.
_MAYOR = (
    "Mayor Ilse Brandt said the talks on the footbridge were productive. ",
    "Mayor Ilse Brandt praised the talks on the footbridge as a breakthrough. ",
)


def _accounts(prepared, *texts):
    return [c for c in _conflicts(prepared, *texts) if c.kind == "account"]


def test_opposite_judgements_of_one_matter_are_opposing_accounts(prepared):
    (account,) = _accounts(
        prepared,
        _MAYOR[0] + "The Lindmoor Traders Guild called the talks on the footbridge regrettable.",
        _MAYOR[1]
        + "The Lindmoor Traders Guild said there was no progress in the talks on the footbridge.",
    )
    assert account.matter == "talks"
    mayor, guild = account.versions
    assert (mayor.speaker, guild.speaker) == ("Mayor Ilse Brandt", "Lindmoor Traders Guild")
    assert mayor.doc_ids == guild.doc_ids == ("paper1", "paper2")
    assert all("Brandt" in p.text for p in mayor.passages)
    assert [p.text for p in guild.passages] == [
        "The Lindmoor Traders Guild called the talks on the footbridge regrettable.",
        "The Lindmoor Traders Guild said there was no progress in the talks on the footbridge.",
    ]


@pytest.mark.parametrize(
    "guild",
    [
        # Not judged: negated, hypothetical, or the reporter's own words.
        (
            "The Lindmoor Traders Guild did not call the talks on the footbridge regrettable.",
            "The Lindmoor Traders Guild did not criticize the talks on the footbridge.",
        ),
        (
            "The Lindmoor Traders Guild said the talks would be regrettable if fees rose.",
            "The Lindmoor Traders Guild hoped the talks on the footbridge would be productive.",
        ),
        (
            "The talks on the footbridge were regrettable.",
            "The regrettable talks on the footbridge ended.",
        ),
        # The guild is not clearly against the talks.
        (
            "The Lindmoor Traders Guild called the talks on the footbridge regrettable.",
            "The Lindmoor Traders Guild praised the talks on the footbridge.",
        ),
        # The guild condemns something else.
        (
            "The Lindmoor Traders Guild condemned the new parking fees.",
            "The Lindmoor Traders Guild called the new parking fees outrageous.",
        ),
    ],
)
def test_no_opposing_accounts_without_two_clear_opposite_judgements(prepared, guild):
    assert _accounts(prepared, _MAYOR[0] + guild[0], _MAYOR[1] + guild[1]) == []


def test_judgements_no_source_sets_against_each_other_are_not_opposed(prepared):
    guild = (
        "The Lindmoor Traders Guild called the talks on the footbridge regrettable.",
        "The Lindmoor Traders Guild condemned the talks on the footbridge.",
    )
    assert _accounts(prepared, *_MAYOR, *guild) == []


@needs_sample
def test_the_sample_shows_the_misspelt_envoy(sample_analysis):
    (name,) = _by_kind(sample_analysis, "name")
    assert [v.value for v in name.versions] == ["Kim Yong Chol", "Kon Yong-chol"]
    assert {c.kind for c in sample_analysis.conflicts} == {"name", "account"}


@needs_sample
def test_the_sample_opposes_pompeo_and_north_korea_on_the_talks(sample_analysis):
    (account,) = _by_kind(sample_analysis, "account")
    assert account.matter == "talks"
    north_korea, pompeo = sorted(account.versions, key=lambda v: "Pompeo" in v.speaker)
    assert north_korea.speaker == "North Korea" and "Pompeo" in pompeo.speaker
    assert set(north_korea.doc_ids) == {"000", "001", "002", "004"}
    assert {"002", "004"} <= set(pompeo.doc_ids)

    def said(version, words):
        return any(words in p.text for p in version.passages)

    assert said(north_korea, '"regrettable"') and said(north_korea, "gangster-like")
    assert said(north_korea, '"extremely troubling,"')
    assert said(pompeo, "declared that the talks were productive")
    assert said(pompeo, 'Pompeo had called "productive" talks')
    assert not said(pompeo, "Panmunjeom")  # his words on other matters take no side
    texts = {c.document.id: c.document.text for c in sample_analysis.documents}
    for version in account.versions:
        assert all(texts[p.doc_id][p.start : p.end] == p.text for p in version.passages)


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
