"""Errors that name the file, the place in it and the problem, in one line."""

from __future__ import annotations

from pathlib import Path


class AtlasError(Exception):
    """A problem with an input a person can fix.

    Parameters
    ----------
    path
        The file the problem is in (or ``None`` when no file is involved).
    problem
        What is wrong, in words a user understands.
    where
        The feature, field or key the problem is at, if known.
    """

    def __init__(self, path: str | Path | None, problem: str, where: str = "") -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        self.where = where
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [str(self.path) if self.path else "", self.where, self.problem]
        return ": ".join(p for p in parts if p)
