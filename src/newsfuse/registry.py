"""Summarization methods, registered by name.

A method is a small class in its own module under ``newsfuse.methods``,
decorated with ``@register("name")``. The CLI's ``--method`` choices and
``newsfuse methods`` come from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TypeVar

from newsfuse.errors import UsageError

if TYPE_CHECKING:
    from newsfuse.methods.base import Summarizer

DEFAULT_METHOD = "learned"

_METHODS: dict[str, type[Summarizer]] = {}
_T = TypeVar("_T", bound="type[Summarizer]")


def register(name: str):
    """Class decorator: make a summarizer available under ``name``."""

    def decorate(cls: _T) -> _T:
        if name in _METHODS and _METHODS[name] is not cls:
            raise ValueError(f"two summarizers claim the name {name!r}")
        cls.name = name
        _METHODS[name] = cls
        return cls

    return decorate


def _load() -> None:
    # Importing the package imports every method module, which registers it.
    importlib.import_module("newsfuse.methods")


def method_names() -> list[str]:
    """Registered method names, sorted, plus ``default``."""
    _load()
    return ["default", *sorted(_METHODS)]


def method_descriptions() -> list[tuple[str, str]]:
    """``(name, one-line description)`` of every registered method."""
    _load()
    return [(name, _METHODS[name].description) for name in sorted(_METHODS)]


def resolve_method_name(name: str | None) -> str:
    """The registered name that ``name`` (possibly ``None`` or ``default``) stands for."""
    return DEFAULT_METHOD if name in (None, "default") else name


def get_method(name: str | None = None, **settings) -> Summarizer:
    """A new summarizer of the named kind, with ``settings`` as keyword arguments."""
    _load()
    resolved = resolve_method_name(name)
    if resolved not in _METHODS:
        choices = ", ".join(method_names())
        raise UsageError(f"unknown method {name!r}: choose one of {choices}")
    return _METHODS[resolved](**settings)
