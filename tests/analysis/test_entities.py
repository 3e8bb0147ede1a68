"""People, organisations and places merged across sources; typo suspects; name resolution."""

from __future__ import annotations

import pytest

from newsfuse.analysis.entities import (
    Entity,
    _Raw,
    _retype_things,
    extract_entities,
    name_parts,
    resolve_person,
)

from .conftest import needs_sample


@pytest.fixture
def entities_of(prepared):
    def run(*texts: str) -> tuple[tuple[Entity, ...], object]:
        cluster, parsed = prepared(*texts)
        return extract_entities(cluster, parsed), cluster

    return run


def _person(entities, name: str) -> Entity:
    matches = [e for e in entities if e.type == "PERSON" and e.name == name]
    assert matches, (
        f"no person {name!r} in {[(e.name, e.variants) for e in entities if e.type == 'PERSON']}"
    )
    return matches[0]


def _holding(entities, variant: str) -> list[Entity]:
    return [e for e in entities if variant in e.variants]


def test_name_parts_normalise_spelling():
    assert name_parts("Mr. Kim Yong-chol's") == ("kim", "yong", "chol")
    assert name_parts("Kim Yong Chol") == ("kim", "yong", "chol")
    assert name_parts("President Donald J. Trump") == ("donald", "j", "trump")
    assert name_parts("Donald Trump Jr.") == ("donald", "trump", "jr")
    assert (
        name_parts("the U.S.", "GPE") == name_parts("United States", "GPE") == ("united", "states")
    )


def test_spellings_honorifics_possessives_and_last_names_merge(entities_of):
    entities, cluster = entities_of(
        "Maria Okafor, the city engineer, inspected the bridge on Tuesday. "
        "Okafor's report is due next month.",
        "Ms. Okafor said the cables were sound. Engineers trust Maria.",
        "City engineer Maria Okafor will publish the full report in May.",
    )
    okafor = _person(entities, "Maria Okafor")
    assert {"Maria Okafor", "Okafor", "Ms. Okafor"} <= set(okafor.variants)
    assert okafor.doc_ids == ("paper1", "paper2", "paper3")
    texts = {d.id: d.text for d in cluster.documents}
    for mention in okafor.mentions:
        assert texts[mention.doc_id][mention.start : mention.end] == mention.text
        assert not mention.text.endswith("'s")


def test_hyphenated_and_spaced_given_names_are_one_person(entities_of):
    entities, _ = entities_of(
        "Lee Sung-min, the trade minister, arrived in Seoul on Monday.",
        "Trade minister Lee Sung Min met union leaders on Monday.",
    )
    lee = (
        _person(entities, "Lee Sung-min")
        if any(e.name == "Lee Sung-min" for e in entities)
        else _person(entities, "Lee Sung Min")
    )
    assert {"Lee Sung-min", "Lee Sung Min"} <= set(lee.variants)


def test_two_people_sharing_a_surname_stay_apart(entities_of):
    entities, _ = entities_of(
        "Lee Sung-min, the trade minister, met Lee Jae-won, the opposition leader, in Seoul. "
        "Lee Jae-won left after an hour. Lee said the talks had failed.",
        "Lee Sung-min later told reporters the talks would go on.",
    )
    minister = [e for e in entities if "Lee Sung-min" in e.variants]
    leader = [e for e in entities if "Lee Jae-won" in e.variants]
    assert minister and leader and minister[0] is not leader[0]
    # The bare "Lee" right after "Lee Jae-won" is him.
    assert "Lee" in leader[0].variants


def test_donald_trump_and_his_son_stay_apart(entities_of):
    entities, _ = entities_of(
        "Donald Trump spoke in Ohio on Monday. Donald Trump Jr. spoke in Texas the same day.",
        "Donald Trump Jr. later joined Donald Trump in Washington.",
    )
    father = _holding(entities, "Donald Trump")
    son = _holding(entities, "Donald Trump Jr.")
    assert father and son and father[0] is not son[0]


def test_a_one_source_misspelling_is_a_suspect_variant(entities_of):
    entities, _ = entities_of(
        "Trade minister Lee Sung-min arrived in Seoul on Monday for the talks.",
        "Lee Sung-min, the trade minister, met union leaders in Seoul.",
        "The unions met Lea Sung-min, the trade minister, on Monday.",
    )
    lee = _person(entities, "Lee Sung-min")
    assert "Lea Sung-min" in lee.suspect_variants
    assert "Lea Sung-min" not in lee.variants
    assert "paper3" in lee.doc_ids
    assert not _holding(entities, "Lea Sung-min")


def test_organisation_acronyms_and_country_aliases_merge(entities_of):
    entities, _ = entities_of(
        "The United Nations warned the United States on Monday.",
        "The UN said the U.S. had ignored the warning.",
    )
    un = [e for e in entities if "United Nations" in e.variants]
    assert un and "UN" in un[0].variants and un[0].type == "ORG"
    us = [e for e in entities if "United States" in e.variants]
    assert us and "U.S." in us[0].variants and us[0].type == "GPE"


def test_entities_sorted_by_sources_then_mentions(entities_of):
    entities, _ = entities_of(
        "Maria Okafor visited Lisbon. Okafor met Tom Reyes there.",
        "Maria Okafor left Lisbon on Friday.",
    )
    sources = [len(e.doc_ids) for e in entities]
    assert sources == sorted(sources, reverse=True)


def test_resolve_person(entities_of):
    entities, _ = entities_of(
        "Maria Okafor, the city engineer, inspected the bridge. Tom Reyes runs the ferry.",
        "Okafor and Reyes met on Friday.",
    )
    assert resolve_person(entities, "Okafor") == "Maria Okafor"
    assert resolve_person(entities, "Ms. Okafor") == "Maria Okafor"
    assert resolve_person(entities, "Mr Reyes's") == "Tom Reyes"
    assert resolve_person(entities, "Maria Okafor") == "Maria Okafor"
    assert resolve_person(entities, "Holloway") is None
    assert resolve_person(entities, "") is None


def test_two_word_titles_are_not_part_of_the_name():
    assert name_parts("First Lady Jane Holloway") == ("jane", "holloway")
    assert name_parts("Prime Minister Tom Reyes") == ("tom", "reyes")
    assert name_parts("Acting Director Maria Okafor") == ("maria", "okafor")
    # Alone, the word is no title: "Prime" and "First" stay.
    assert name_parts("Prime Okafor") == ("prime", "okafor")


def test_a_titled_surname_is_the_person_with_the_title(entities_of):
    entities, _ = entities_of(
        "Senator Jane Holloway voted for the harbour bill. Her son Mark Holloway, a ferry "
        "captain, opposed it.\n\n"
        "Mark Holloway said the bill would cost jobs. Senator Holloway said the bill would "
        "save the island."
    )
    assert "Holloway" in _person(entities, "Jane Holloway").variants
    assert "Holloway" not in _person(entities, "Mark Holloway").variants


def _raw(text: str, after_the: bool) -> _Raw:
    return _Raw(0, 0, "paper1", 0, len(text), text, name_parts(text), "PERSON", "", after_the)


def test_a_name_only_ever_after_the_is_not_a_person():
    title = [_raw("Harbour", True), _raw("Harbour", True)]
    person = [_raw("Reyes", True), _raw("Reyes", False)]
    _retype_things(title + person)
    assert {r.label for r in title} == {"ORG"}
    assert {r.label for r in person} == {"PERSON"}


# --- the real sample -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_entities(sample_parsed):
    return extract_entities(*sample_parsed)


@needs_sample
def test_sample_kim_yong_chol_is_one_entity_with_a_suspect_variant(sample_entities):
    kims = [e for e in sample_entities if "Kim Yong-chol" in e.variants]
    assert len(kims) == 1
    kim = kims[0]
    assert "Kim Yong Chol" in kim.variants
    assert "Kon Yong-chol" in kim.suspect_variants
    assert kim.type == "PERSON"
    assert len(kim.doc_ids) >= 3


@needs_sample
def test_sample_two_kims_stay_apart(sample_entities):
    leader = [
        e for e in sample_entities if "Kim Jong-un" in e.variants or "Kim Jong Un" in e.variants
    ]
    envoy = [e for e in sample_entities if "Kim Yong-chol" in e.variants]
    assert leader and envoy and leader[0] is not envoy[0]
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(leader[0].variants)


@needs_sample
def test_sample_pompeo_resolves_to_full_name(sample_entities):
    assert resolve_person(sample_entities, "Pompeo") == "Mike Pompeo"
    assert resolve_person(sample_entities, "Kim Yong Chol") in ("Kim Yong Chol", "Kim Yong-chol")
    pompeo = _person(sample_entities, "Mike Pompeo")
    assert len(pompeo.doc_ids) == 4


def test_an_inverted_speech_verb_is_not_part_of_the_name(entities_of):
    entities, _ = entities_of(
        'Tom Reyes opened the harbour on Monday. "It was a long wait," said Reyes. '
        'Added Reyes: "We are ready now."'
    )
    people = [e for e in entities if e.type == "PERSON"]
    assert not any(v.startswith("Added") for e in people for v in e.variants)
