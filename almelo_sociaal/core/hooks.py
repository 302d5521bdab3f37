"""Hooks: how a lower layer lets a layer above it take part, without importing it.

The lower layer owns a ``Hook`` and calls it; the upper layer registers a function in its
``AppConfig.ready()``. An explicit list, not a signal: a reader finds every registration by the hook's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any


class Hook:
    """An ordered list of functions registered by the layers above the owner."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._functions: list[Callable[..., Any]] = []

    def register(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """Add ``function`` (once; a second ``ready()`` does not double it); usable as a decorator."""
        if function not in self._functions:
            self._functions.append(function)
        return function

    def __iter__(self) -> Iterator[Callable[..., Any]]:
        return iter(list(self._functions))

    def __call__(self, *args: Any, **kwargs: Any) -> list[Any]:
        """Call every registered function in order; their results in a list."""
        return [function(*args, **kwargs) for function in self]

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._functions)} registered>"
