"""Baselines from the sumy package: what a user without newsfuse would run today.

Each baseline takes a cluster's documents and a word budget and returns the
chosen sentences in reading order, like a newsfuse method's summary text. The
input is what sumy is usually given: the raw article texts, concatenated
(no cleaning, no same-content grouping), through sumy's ``PlaintextParser``.

Two choices keep the comparison fair to sumy:
- sumy's default ``Tokenizer`` needs NLTK's punkt data, so ``SentenceTokenizer``
  stands in: sentences from newsfuse's syntok-based splitter (the same splits
  the newsfuse methods see), words by a regular expression that keeps what
  sumy's own word filter keeps. Stemming (NLTK's English Snowball, no data
  needed) and the stop word list are sumy's own.
- sumy picks a number of sentences, not words. Here the sentences are taken in
  sumy's ranking order and each one that does not fit the remaining budget is
  skipped (not a stop), so a long sentence ranked early does not leave the
  summary short; an exact repeat of a sentence already taken is skipped too
  (news copies repeat sentences verbatim, and sumy rates copies alike).
The chosen sentences come back in document order, as sumy returns them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from functools import partial

from newsfuse.models import Document
from newsfuse.segment import sentence_spans

# A word as sumy's Tokenizer keeps it: letters, with inner apostrophes or hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

Baseline = Callable[[Sequence[Document], int], list[str]]


class SentenceTokenizer:
    """The tokenizer interface sumy's parsers use, without NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(
            paragraph[start:end].strip()
            for start, end in sentence_spans(paragraph, 0, len(paragraph))
        )

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def _within_budget(words: int, ranked: list) -> list:
    """sumy's ``sentences_count`` hook: given all sentences best first, keep what fits."""
    kept, seen, remaining = [], set(), words
    for info in ranked:
        text = str(info.sentence)
        length = len(text.split())
        if length <= remaining and text not in seen:
            kept.append(info)
            seen.add(text)
            remaining -= length
    return kept


def _sumy(module: str, class_name: str, documents: Sequence[Document], words: int) -> list[str]:
    # Imported here: only evaluation runs pay for loading sumy.
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.utils import get_stop_words

    summarizer_class = getattr(importlib.import_module(f"sumy.summarizers.{module}"), class_name)
    text = "\n\n".join(d.text for d in documents)
    document = PlaintextParser.from_string(text, SentenceTokenizer()).document
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    # A callable count receives the sentences sorted best first (sumy's ItemsCount hook).
    return [str(s) for s in summarizer(document, partial(_within_budget, words))]


BASELINES: dict[str, Baseline] = {
    "sumy-lexrank": partial(_sumy, "lex_rank", "LexRankSummarizer"),
    "sumy-textrank": partial(_sumy, "text_rank", "TextRankSummarizer"),
    "sumy-lsa": partial(_sumy, "lsa", "LsaSummarizer"),
}
