"""A tiny synchronous signal, so the model can notify views without knowing Qt."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import Any


class Signal:
    """Callbacks called in order with the emitted arguments; ``blocked()`` stops echo loops."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []
        self._blocked = 0

    def connect(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        if self._blocked:
            return
        for callback in list(self._callbacks):
            callback(*args)

    @contextmanager
    def blocked(self):
        self._blocked += 1
        try:
            yield
        finally:
            self._blocked -= 1
