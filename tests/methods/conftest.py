"""A small invented story in four articles, prepared once for the method tests."""

from __future__ import annotations

import pytest

from newsfuse import Document, prepare

STORM_ARTICLES = (
    (
        "Storm floods coastal town of Marren\n\n"
        "A winter storm flooded the coastal town of Marren on Tuesday, forcing 300 residents to leave their homes. "
        "The river Aske burst its banks shortly after midnight and water reached the main square by dawn. "
        "Emergency crews used boats to rescue twelve people trapped in a care home near the harbour. "
        "Mayor Tilde Varga said the town had not seen such a flood since 1953.\n\n"
        "Schools in the district will stay closed until Friday, the council announced."
    ),
    (
        "Hundreds evacuated as Aske floods Marren\n\n"
        "About 300 people were evacuated from Marren after the river Aske burst its banks during Tuesday's storm. "
        "Twelve residents of a care home near the harbour were rescued by boat. "
        '"We have not seen water like this since 1953," mayor Tilde Varga told reporters. '
        "Forecasters expect more rain on Thursday, which could push the river higher again. "
        "The national weather office has issued an amber warning for the whole coast."
    ),
    (
        "Marren counts the cost of the flood\n\n"
        "Shopkeepers around the main square in Marren began clearing mud on Wednesday after the flood. "
        "Insurers estimate the damage at 40 million euros. "
        "The council said 300 residents remain in temporary shelters at the sports hall. "
        "Schools will stay closed until Friday while engineers check the buildings. "
        "Some residents criticised the council for not building the flood wall promised in 2019."
    ),
    (
        "Storm moves north after Marren flood\n\n"
        "The storm that flooded Marren moved north on Wednesday, bringing high winds to the islands. "
        "Ferries between the islands and the mainland were cancelled for a second day. "
        "Forecasters said more rain is expected on Thursday along the coast. "
        "Power was cut to 5,000 homes on the islands overnight."
    ),
)


@pytest.fixture(scope="session")
def storm_documents() -> list[Document]:
    return [Document(id=f"storm{n}", text=text) for n, text in enumerate(STORM_ARTICLES, start=1)]


@pytest.fixture(scope="session")
def storm_cluster(storm_documents):
    return prepare(storm_documents)
