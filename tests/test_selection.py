from newsfuse.models import Document
from newsfuse.prepare import prepare
from newsfuse.selection import candidate_mask

STATEMENT = "The council approved the new harbour budget on Tuesday after a long debate."
QUESTION = "Will the repairs to the harbour wall start before the winter storms?"
INTRODUCTION = "The council listed the repairs that the new budget will pay for:"
ITEM = "The north pier, the old lighthouse steps and the harbour wall will all be repaired."


def candidates(*sentences: str, introductions: bool = False) -> list[str]:
    # One paragraph each: a list follows its introduction in paragraphs of its own.
    cluster = prepare([Document(id="a", text="\n\n".join(sentences))])
    mask = candidate_mask(cluster, introductions=introductions)
    return [s.text for s, candidate in zip(cluster.sentences, mask) if candidate]


def test_questions_and_introductions_to_a_list_are_no_candidates() -> None:
    assert candidates(STATEMENT, QUESTION, INTRODUCTION, ITEM) == [STATEMENT, ITEM]


def test_introductions_are_kept_when_asked_for() -> None:
    found = candidates(STATEMENT, QUESTION, INTRODUCTION, ITEM, introductions=True)
    assert found == [STATEMENT, INTRODUCTION, ITEM]


def test_every_sentence_is_a_candidate_when_none_qualifies() -> None:
    assert candidates(QUESTION, INTRODUCTION) == [QUESTION, INTRODUCTION]
