"""Word-level helpers shared by grouping, scoring and evaluation."""

from __future__ import annotations

import re
import string
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Porter, as ROUGE stems; PyStemmer's C code is fast to import and to run. Its own cache is
# off: the caches here sit in front of it, so it only ever saw new words, and keeping it
# (sorting it whenever it filled up) made stemming a new word five times slower.
_STEMMER = Stemmer.Stemmer("porter", 0)

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


# For each byte, itself if a lowercase ASCII letter or a digit, else a space.
_LETTER_OR_DIGIT_BYTES = bytes(
    byte if chr(byte) in string.ascii_lowercase + string.digits else ord(" ") for byte in range(256)
)


# The non-ASCII letters that re.IGNORECASE matches to ASCII ones: "ſ" (s), "İ" and "ı" (i), the
# Kelvin sign (k). Without them, lowercasing keeps every character's offset and whether it is a
# word character ("İ" is the one letter whose lowercase is two characters), and makes no other
# character an ASCII letter.
_FOLDS_TO_ASCII = ("\u017f", "\u0130", "\u0131", "\u212a")


def lowered_for_ascii_search(text: str) -> str | None:
    """``text.lower()``, or ``None`` if it holds a letter that re.IGNORECASE folds to ASCII.

    In the lowered text, a pattern of lowercase ASCII letters, without re.IGNORECASE, matches
    where it matches ``text`` with it, at the same offsets: a search for that is cheaper.
    """
    if not text.isascii() and any(letter in text for letter in _FOLDS_TO_ASCII):
        return None
    return text.lower()


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = string.ascii_letters.encode()


def ascii_letter_share(text: str) -> float:
    """The share of ``text``'s letters that are ASCII letters, the only ones ``words`` reads.

    1.0 for text without letters. Only the non-ASCII characters are looked at one by one:
    in English text they are a few quotation marks and dashes.
    """
    if text.isascii():
        return 1.0
    others = sum(1 for char in _NOT_ASCII.findall(text) if char.isalpha())
    plain = text.encode("ascii", "ignore")
    ascii_letters = len(plain) - len(plain.translate(None, _ASCII_LETTERS))
    letters = others + ascii_letters
    return ascii_letters / letters if letters else 1.0


def words(text: str) -> list[str]:
    """Lowercased word tokens, apostrophes kept inside words."""
    lowered = text.lower()
    if "'" in lowered:
        return _WORD.findall(lowered)
    # With no apostrophe, a word is a run of ASCII letters and digits: splitting the text
    # with every other character made a space finds the same, without a match per word.
    return (
        lowered.encode("ascii", "replace").translate(_LETTER_OR_DIGIT_BYTES).decode("ascii").split()
    )


_MAX_STEMMED = 200_000


class _StemTable(dict[str, tuple[str, bool]]):
    """word -> (stem, carries content?), worked out on a word's first lookup.

    Stemming and the stopword test once per distinct word; a lookup through
    ``map`` stays in C for every word seen before, most words of a sentence.
    """

    def __missing__(self, word: str) -> tuple[str, bool]:
        if len(self) >= _MAX_STEMMED:
            self.clear()
        found = self[word] = (_STEMMER.stemWord(word), word not in STOPWORDS and len(word) > 1)
        return found


_STEMMED = _StemTable()


def stemmed_words(text: str) -> list[tuple[str, bool]]:
    """``(stem, carries content)`` of each word; content words are no stopwords, no one letter."""
    return list(map(_STEMMED.__getitem__, words(text)))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stopwords, no one-letter tokens)."""
    return [st for st, content in stemmed_words(text) if content]


def word_count(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens."""
    return len(text.split())


# A sentence opening with a pronoun or a connective leans on the sentence before it.
_LEANS_ON_PREVIOUS = re.compile(
    r"^\W*(he|she|it|they|this|that|these|those|but|and|however|his|her|their)\b", re.IGNORECASE
)


def leans_on_previous(text: str) -> bool:
    """Whether ``text`` opens with a pronoun or connective ("He said...", "But the board...")."""
    return bool(_LEANS_ON_PREVIOUS.match(text))
