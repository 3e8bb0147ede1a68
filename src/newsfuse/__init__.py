"""newsfuse: one faithful, cited summary of several news articles about one story."""

from newsfuse.analysis import Analysis, analyze
from newsfuse.errors import (
    EmptyInputError,
    InputError,
    MissingInputError,
    NewsfuseError,
    UnreadableInputError,
    UsageError,
)
from newsfuse.evaluation import evaluate
from newsfuse.models import (
    Citation,
    CleanedDocument,
    Document,
    NoiseSpan,
    Sentence,
    SentenceGroup,
    Source,
    Summary,
    SummarySentence,
    Timings,
)
from newsfuse.pipeline import summarize
from newsfuse.prepare import PreparedCluster, prepare
from newsfuse.registry import DEFAULT_METHOD, get_method, method_descriptions, method_names

__all__ = [
    "Analysis",
    "DEFAULT_METHOD",
    "Citation",
    "CleanedDocument",
    "Document",
    "EmptyInputError",
    "InputError",
    "MissingInputError",
    "NewsfuseError",
    "NoiseSpan",
    "PreparedCluster",
    "Sentence",
    "SentenceGroup",
    "Source",
    "Summary",
    "SummarySentence",
    "Timings",
    "UnreadableInputError",
    "UsageError",
    "analyze",
    "evaluate",
    "get_method",
    "method_descriptions",
    "method_names",
    "prepare",
    "summarize",
]
