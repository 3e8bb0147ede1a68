"""Optional text: where an article's own editor marked what a paper may cut."""

from __future__ import annotations

import pytest

from newsfuse import Document, prepare

ROADS = (
    "The county opened its new ring road on Friday, two years late and 40 million over budget.",
    "Drivers queued for an hour at the first junction as the signals failed in the morning.",
)
HISTORY = (
    "The road was first proposed in 1989 by a council that wanted lorries out of the old town.",
    "Three public inquiries and a court case followed before the first trees were cleared.",
)
LATER = "Officials said the signals were repaired by noon and traffic moved freely afterwards."


def _flags(text: str) -> dict[str, bool]:
    cluster = prepare(
        [
            Document(id="wire", text=text),
            Document(id="paper", text="\n\n".join(ROADS)),
        ]
    )
    return {
        s.text: bool(flag)
        for s, flag in zip(cluster.sentences, cluster.optional)
        if s.doc_id == "wire"
    }


@pytest.mark.parametrize(
    "mark",
    [
        "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)",
        "(STORY CAN END HERE _ OPTIONAL MATERIAL FOLLOWS.)",
        "(Story can end here. Optional add follows.)",
    ],
)
def test_a_story_can_end_mark_makes_the_rest_optional(mark):
    flags = _flags("\n\n".join([*ROADS, mark, *HISTORY]))
    assert flags == {ROADS[0]: False, ROADS[1]: False, HISTORY[0]: True, HISTORY[1]: True}


def test_an_optional_trim_runs_from_its_begin_mark_to_its_end_mark():
    flags = _flags(
        "\n\n".join(
            [ROADS[0], "(BEGIN OPTIONAL TRIM)", *HISTORY, "(END OPTIONAL TRIM)", ROADS[1], LATER]
        )
    )
    assert flags == {
        ROADS[0]: False,
        HISTORY[0]: True,
        HISTORY[1]: True,
        ROADS[1]: False,
        LATER: False,
    }


def test_without_marks_nothing_is_optional():
    prose = "Cycling helmets are optional on the new road, the county said on Friday morning."
    flags = _flags("\n\n".join([*ROADS, prose, *HISTORY]))
    assert not any(flags.values())
