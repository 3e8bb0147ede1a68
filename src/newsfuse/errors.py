"""The exceptions newsfuse raises. Every message names the input and what to do.

NewsfuseError
├── UsageError            a setting is wrong (budget, method name, format)
└── InputError            an input cannot be used
    ├── MissingInputError     a path that does not exist, an empty directory
    ├── EmptyInputError       a file or cluster with no article text
    └── UnreadableInputError  binary data, undecodable text, bad JSON
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base class of every error newsfuse raises on purpose."""


class UsageError(NewsfuseError, ValueError):
    """A setting is out of range or unknown."""


class InputError(NewsfuseError):
    """An input (file, directory, stream, cluster) cannot be used."""


class MissingInputError(InputError, FileNotFoundError):
    """A path does not exist or holds no readable article."""


class EmptyInputError(InputError):
    """An input holds no article text."""


class UnreadableInputError(InputError):
    """An input is binary, undecodable or malformed."""
