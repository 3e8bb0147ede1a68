"""An expectation for a day that newer articles have reached never reaches the summary."""

from __future__ import annotations

import pytest

from newsfuse.models import Document
from newsfuse.pipeline import summarize
from newsfuse.prepare import prepare

# Thursday 22, Saturday 24 and Sunday 25 October 1998.
_THURSDAY, _SATURDAY, _SUNDAY = "1998-10-22", "1998-10-24", "1998-10-25"
_FORECAST = "Final results of the assembly election are not expected until Sunday."
_THURSDAY_TEXT = (
    "Voters across the province chose a new assembly on Thursday in a calm election. "
    "Turnout in the assembly election was higher than in any vote since 1990. "
    "First results of the assembly election are not expected until Saturday."
)
_SATURDAY_TEXT = (
    "Counting in the assembly election went on through Saturday in every district. "
    "Turnout in the assembly election was higher than in any vote since 1990. "
    f"{_FORECAST}"
)
_SUNDAY_TEXT = (
    "The reform party won the assembly election, final results showed on Sunday. "
    "The party took 61 of the 86 seats in the assembly, officials said on Sunday. "
    "Turnout in the assembly election was higher than in any vote since 1990."
)


def _election(saturday_date: str | None = _SATURDAY, sunday_date: str | None = _SUNDAY):
    return [
        Document(id="thu", text=_THURSDAY_TEXT, date=_THURSDAY),
        Document(id="sat", text=_SATURDAY_TEXT, date=saturday_date),
        Document(id="sun", text=_SUNDAY_TEXT, date=sunday_date),
    ]


def _overtaken_texts(documents):
    cluster = prepare(documents)
    return [s.text for s, gone in zip(cluster.sentences, cluster.overtaken) if gone]


def test_forecasts_for_days_the_newest_article_has_reached_are_overtaken():
    assert _overtaken_texts(_election()) == [
        "First results of the assembly election are not expected until Saturday.",
        _FORECAST,
    ]


def test_an_overtaken_forecast_is_left_out_of_every_summary_length():
    for words in (20, 40, 80):
        texts = [s.text for s in summarize(_election(), words=words).sentences]
        assert texts and _FORECAST not in texts


def test_a_forecast_stands_while_no_newer_article_has_reached_its_day():
    # Sunday's article dated Saturday: the newest reporting is of Saturday; Sunday is still ahead.
    assert _overtaken_texts(_election(sunday_date=_SATURDAY)) == [
        "First results of the assembly election are not expected until Saturday."
    ]


def test_undated_articles_are_never_overtaken():
    documents = [Document(id=d.id, text=d.text) for d in _election()]
    assert _overtaken_texts(documents) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote had been expected on Sunday but was delayed by a storm in the north.",
        "Results came in last Sunday, long after the count had been expected to end.",
        "Officials said on Sunday that the count was complete in every district.",
        "They will never again queue for hours on a Sunday to cast a ballot, voters said.",
    ],
)
def test_past_plans_and_past_days_are_not_forecasts(sentence):
    documents = [
        Document(id="sat", text=sentence, date=_SATURDAY),
        Document(id="mon", text=_SUNDAY_TEXT, date="1998-10-26"),
    ]
    assert _overtaken_texts(documents) == []


def test_tomorrow_and_tonight_are_read_from_the_article_date():
    documents = [
        Document(
            id="sat",
            text="The count will end tomorrow in the capital. The leader will speak tonight.",
            date=_SATURDAY,
        ),
        Document(id="sun", text=_SUNDAY_TEXT, date=_SUNDAY),
    ]
    assert len(_overtaken_texts(documents)) == 2


@pytest.mark.parametrize(
    ("sentence", "overtaken"),
    [
        ("The assembly will vote on the budget on Oct. 25, the speaker said.", True),
        ("The assembly is scheduled to vote on the budget on 25 October.", True),
        ("The assembly will vote on the budget on October 26, the speaker said.", False),
        # A date that has passed by the article's own day means the next year's.
        ("The assembly will vote on the budget on Oct. 1, the speaker said.", False),
        ("The assembly will vote on the budget on Oct. 25, 1999, the speaker said.", False),
        ("The vote had been expected on Oct. 25 but was delayed by a storm.", False),
    ],
)
def test_forecasts_for_calendar_dates_are_read_like_weekdays(sentence, overtaken):
    documents = [
        Document(id="sat", text=sentence, date=_SATURDAY),
        Document(id="sun", text=_SUNDAY_TEXT, date=_SUNDAY),
    ]
    assert _overtaken_texts(documents) == ([sentence] if overtaken else [])
