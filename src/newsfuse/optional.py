"""Text an article's own editor marked as optional: what a paper may cut to fit its page.

The New York Times News Service files stories with the marks its client papers trim by:
"(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)" (or "Optional add follows") opens a
stretch that runs to the end of the story; "(BEGIN OPTIONAL TRIM)" opens one that
"(END OPTIONAL TRIM)" closes. Cleaning removes the marks themselves as noise; this module
reads where they stood. It is the inverted pyramid stated by the person who wrote it: the
story is complete without what follows. Of the dev sets' articles, 12 of DUC 2003's 89 carry
such marks (202 of its 1,968 sentences stand in a marked stretch), 80 of DUC 2006's 1,250
and 6 of DUC 2007's 250; Multi-News and TAC 2011 have none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsfuse.models import CleanedDocument, Sentence

_OPENS = re.compile(
    r"\bstory (can|could) end here\b|\boptional (material|adds?|trim) follows?\b"
    r"|\bbegin optional trim\b|\boptional trim begins\b",
    re.IGNORECASE,
)
_CLOSES = re.compile(r"\bend optional trim\b|\boptional trim ends\b", re.IGNORECASE)


def optional_stretches(cleaned: CleanedDocument) -> list[tuple[int, int]]:
    """``(start, end)`` offsets into the document's text of what its editor marked optional."""
    stretches: list[tuple[int, int]] = []
    opened: int | None = None
    for span in sorted(cleaned.noise, key=lambda span: span.start):
        if opened is not None and _CLOSES.search(span.text):
            stretches.append((opened, span.start))
            opened = None
        elif opened is None and _OPENS.search(span.text):
            opened = span.end
    if opened is not None:
        stretches.append((opened, len(cleaned.document.text)))
    return stretches


def optional_sentences(
    cleaned: Sequence[CleanedDocument], sentences: Sequence[Sentence]
) -> np.ndarray:
    """Per sentence, whether it stands where its article's editor marked text optional."""
    stretches = [optional_stretches(document) for document in cleaned]
    return np.array(
        [any(start <= s.start < end for start, end in stretches[s.doc_index]) for s in sentences],
        dtype=bool,
    )
