"""newsfuse: one faithful, cited summary of several news articles about one story."""

import os

# The matrices here are small: BLAS threads only fight each other and the batch
# runner's processes (products ran 10-100x slower with the other core busy).
# Must be set before numpy loads; a caller's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from newsfuse.analysis import Analysis, analyze
from newsfuse.comparison import compare
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
    "DEFAULT_METHOD",
    "Analysis",
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
    "compare",
    "evaluate",
    "get_method",
    "method_descriptions",
    "method_names",
    "prepare",
    "summarize",
]
