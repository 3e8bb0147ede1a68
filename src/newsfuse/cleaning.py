"""Find the article text in a scraped or wire document and set the noise aside.

Cleaning never edits the text: it returns offsets of the lines that are article
text and a record of every removed stretch with its reason, so that sentences
and citations keep pointing into the document as read.

Two levels:
- whole lines: repeated headlines, link lists ("More news: ..."), share prompts,
  server errors, broadcast residue, photo credits, wire codes;
- stretches inside a line (``inline_noise``): ad sentences glued into a
  paragraph, DUC typesetting codes, wire datelines at the start of a story.
"""

from __future__ import annotations

import re

from newsfuse.models import CleanedDocument, Document, NoiseSpan

# A whole line is noise when it matches one of these; the name is the reason.
_LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("link", r"^\s*(read more|more news|related( news| articles| stories| content| coverage| links)?|"
                 r"see also|recommended|trending( news| now)?|most (read|popular|viewed)|"
                 r"also (read|see)|watch|video|listen|click here|more from|top stories|"
                 r"you (may|might) also like)\s*[:\-–—|]?\s*($|\S.{0,200}$)"),
        ("server-error", r"^\s*\[?\s*an error occurred while processing (this|the) directive\s*\]?\s*$|"
                         r"^\s*(error \d{3}|404 not found|page not found|internal server error)\b"),
        ("broadcast", r"\bis on the line (for|with) us\b|\bjoins us (now )?(from|live)\b|"
                      r"^\s*(transcript|(begin|end) video( clip)?|commercial break)\b"),
        ("photo-credit", r"^\s*(\(?\s*(photo|image|picture|video|graphic|illustration)s?"
                         r"( credit)?\s*[:/]|image copyright|image caption|media playback)|"
                         r"\((ap|afp|reuters|getty( images)?) photo|/\s*(getty images|ap|afp|reuters)\s*\)?\s*$|"
                         r"^\s*(photo|image)\s*:"),
        ("share-prompt", r"^\s*(share (this|on)|tweet( this| with a location)?|follow us|subscribe|"
                         r"sign up|email this|print this|like us on|join the conversation|"
                         r"comments?\s*(\(\d+\))?\s*$|leave a comment|newsletter|advertisement\s*$|"
                         r"skip (to|ad)|loading\.\.\.|we use cookies|accept cookies)"),
        ("copyright", r"^\s*(©|\(c\)|copyright\b)|all rights reserved|may not be (published|"
                      r"broadcast|rewritten|redistributed)"),
        ("wire-code", r"^\s*(&[A-Z]{2};\s*)+\s*(MORE)?\s*$|^\s*\(?(STORY CAN END HERE|OPTIONAL MATERIAL"
                      r"|END OPTIONAL|MORE\)?$|ENDIT|NNNN)|^\s*\(\w{2,4}\)\s*$|"
                      r"^\s*[A-Z]{2,4}-\d{2}-\d{2}-\d{2}\s+\d{4}[A-Z]{3}\s*$|"
                      r"^\s*(NYT|AP|APW|XIE)-?\d+|^\s*(c\.\d{4}|\(c\)\s*\d{4})|"
                      r"^\s*(NEW YORK TIMES NEWS SERVICE|distributed by|for release)"),
    )
)

# Ad and prompt sentences that turn up inside article paragraphs.
_INLINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("ad", r"this miracle can be yours\.?|(click|tap) here to [^.!?]*[.!?]?|"
               r"sign up for (our|the) [^.!?]*newsletter[^.!?]*[.!?]?|"
               r"(advertisement|story continues below)\s*(?=[A-Z\"]|$)"),
        ("wire-code", r"&[A-Z]{2};|\(STORY CAN END HERE\. OPTIONAL MATERIAL FOLLOWS\.?\)"),
        ("dateline", r"^\s*[A-Z][A-Z .,'-]{2,40}\s*(,\s*[A-Z][a-zA-Z.]+\.?\s*)?(\([A-Za-z. ]{2,20}\)\s*)?"
                     r"(_|--|—|–|-)\s+(?=[A-Z\"'])"),
    )
)

_MIN_HEADLINE_WORDS = 2
_MAX_HEADLINE_WORDS = 25
_END_PUNCT = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text``, stripped of surrounding space."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        spans.append((start, end))
    return spans


def _strip_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[(start, end)]`` narrowed to exclude surrounding space; ``[]`` if only space or symbols."""
    piece = text[start:end]
    if not re.search(r"\w", piece):
        return []
    return [(start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip())))]


def _normalise(line: str) -> str:
    return re.sub(r"\W+", " ", line.lower()).strip()


def _looks_like_heading(line: str) -> bool:
    """A short line with no closing punctuation: a headline, section title or label."""
    words = line.split()
    return len(words) <= _MAX_HEADLINE_WORDS and not _END_PUNCT.search(line)


def line_noise_reason(line: str) -> str | None:
    """Why a whole line is noise, or ``None`` when it may be article text."""
    for reason, pattern in _LINE_PATTERNS:
        if pattern.search(line):
            return reason
    return None


def inline_noise(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Noise stretches inside ``text[start:end]`` as ``(start, end, reason)``."""
    found = []
    segment = text[start:end]
    for reason, pattern in _INLINE_PATTERNS:
        for match in pattern.finditer(segment):
            if match.end() > match.start():
                found.append((start + match.start(), start + match.end(), reason))
    return sorted(found)


def clean(document: Document) -> CleanedDocument:
    """Locate the article text of ``document``; see the module docstring."""
    text = document.text
    spans = _lines(text)
    title = document.title
    title_span = None
    kept: list[tuple[int, int]] = []
    noise: list[NoiseSpan] = []
    seen: set[str] = set()
    if title:
        seen.add(_normalise(title))

    for number, (start, end) in enumerate(spans):
        line = text[start:end]
        key = _normalise(line)
        reason = line_noise_reason(line)
        if reason is None and key in seen:
            reason = "repeated"
        if reason is None and _looks_like_heading(line):
            words = len(line.split())
            if number == 0 and title_span is None and words >= _MIN_HEADLINE_WORDS and title is None:
                title, title_span = line, (start, end)
                seen.add(key)
                continue
            reason = "heading"
        if reason is None and not key:
            reason = "symbols"
        seen.add(key)
        if reason is not None:
            noise.append(NoiseSpan(document.id, start, end, line, reason))
            continue
        cursor = start
        for noise_start, noise_end, noise_reason in inline_noise(text, start, end):
            if noise_start < cursor:
                continue
            noise.append(
                NoiseSpan(document.id, noise_start, noise_end, text[noise_start:noise_end], noise_reason)
            )
            kept.extend(_strip_span(text, cursor, noise_start))
            cursor = noise_end
        kept.extend(_strip_span(text, cursor, end))

    return CleanedDocument(
        document=document,
        paragraphs=tuple(kept),
        noise=tuple(noise),
        title=title,
        title_span=title_span,
    )
