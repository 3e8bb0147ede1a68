"""Word-level helpers shared by grouping, scoring and evaluation."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Porter, as ROUGE stems; PyStemmer's C code is fast to import and to run.
_STEMMER = Stemmer.Stemmer("porter")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according mr mrs ms one two also s t would could may might must shall
    """.split()
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """Lowercased word tokens, apostrophes kept inside words."""
    return _WORD.findall(text.lower())


# word -> (stem, carries content?). Stemming and the stopword test once per distinct word:
# a dict lookup per word is the fast path for every sentence after the first few.
_STEMMED: dict[str, tuple[str, bool]] = {}
_MAX_STEMMED = 200_000


def _stemmed(word: str) -> tuple[str, bool]:
    if len(_STEMMED) >= _MAX_STEMMED:
        _STEMMED.clear()
    found = _STEMMED[word] = (stem(word), word not in STOPWORDS and len(word) > 1)
    return found


def stemmed_words(text: str) -> list[tuple[str, bool]]:
    """``(stem, carries content)`` of each word; content words are no stopwords, no one letter."""
    known = _STEMMED.get
    return [known(w) or _stemmed(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stopwords, no one-letter tokens)."""
    return [st for st, content in stemmed_words(text) if content]


def word_count(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens."""
    return len(text.split())
