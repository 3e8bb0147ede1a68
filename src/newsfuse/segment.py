"""Split cleaned article text into sentences that keep their character offsets.

syntok does the splitting (chosen by measurement against pysbd and spaCy on news
text: see ``benchmarks/splitters.py``), fed one paragraph at a time. Two
adjustments on top:
- a paragraph with no sentence-ending mark before its end is one sentence, so
  the splitter is only asked where there is a real decision to make;
- a split inside an open quotation is undone ("He said: "We won. Twice."" is
  one sentence), since a quote cut in two cannot be cited faithfully.
"""

from __future__ import annotations

import re

import syntok.segmenter as _syntok

from newsfuse.models import CleanedDocument, Sentence

# A candidate boundary: . ! ? followed by space; without one, nothing to split.
_INNER_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+\S")
_QUOTES = re.compile(r"[\"“”]")
_MIN_SENTENCE_CHARS = 2


def _syntok_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    paragraph = text[start:end]
    spans = []
    for syntok_paragraph in _syntok.analyze(paragraph):
        for sentence in syntok_paragraph:
            tokens = list(sentence)
            if tokens:
                first, last = tokens[0], tokens[-1]
                spans.append((start + first.offset, start + last.offset + len(last.value)))
    return spans


def _merge_open_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that opens a quotation with the next ones until it closes."""
    merged: list[tuple[int, int]] = []
    open_quote = False
    for start, end in spans:
        if open_quote and merged:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
        quotes = len(_QUOTES.findall(text[merged[-1][0] : merged[-1][1]]))
        open_quote = quotes % 2 == 1
    return merged


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the sentences of ``text[start:end]``."""
    if not _INNER_BOUNDARY.search(text, start, end):
        return [(start, end)]
    return _merge_open_quotes(text, _syntok_spans(text, start, end))


def split_sentences(cleaned: CleanedDocument, doc_index: int) -> list[Sentence]:
    """The sentences of a cleaned document, in reading order."""
    text = cleaned.document.text
    doc_id = cleaned.document.id
    sentences: list[Sentence] = []
    for paragraph_number, (start, end) in enumerate(cleaned.paragraphs):
        for sentence_start, sentence_end in sentence_spans(text, start, end):
            body = text[sentence_start:sentence_end]
            if len(body) < _MIN_SENTENCE_CHARS or not any(c.isalpha() for c in body):
                continue
            sentences.append(
                Sentence(
                    doc_id=doc_id,
                    start=sentence_start,
                    end=sentence_end,
                    text=body,
                    doc_index=doc_index,
                    position=len(sentences),
                    paragraph=paragraph_number,
                )
            )
    return sentences
