"""Diagnostics are values: collected, sorted, printed one per line."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

ERROR = "error"
WARNING = "warning"


class Loc(NamedTuple):
    """Where a piece of content came from: 1-based line and column."""

    path: str
    line: int
    col: int

    @classmethod
    def of(cls, path: str, node) -> Loc:
        mark = node.start_mark
        return cls(path, mark.line + 1, mark.column + 1)


class _Fields(Mapping):
    """Field name -> Loc of its value in the file at `_path`."""

    __slots__ = ("_path", "_at")

    def __init__(self, path: str, at: dict):
        self._path = path
        self._at = at

    def __iter__(self):
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class Marks(_Fields):
    """Locations kept as the YAML nodes, worked out only when a rule asks for one."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Loc:
        return Loc.of(self._path, self._at[key])

    def __reduce__(self):
        """Pickled (for the story cache) as the places alone, without the YAML nodes."""
        places = {
            key: (node.start_mark.line + 1, node.start_mark.column + 1)
            for key, node in self._at.items()
        }
        return Places, (self._path, places)


class Places(_Fields):
    """Locations already worked out, as (line, column): a model read from the cache."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Loc:
        line, col = self._at[key]
        return Loc(self._path, line, col)

    def __reduce__(self):
        return Places, (self._path, self._at)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: str
    code: str
    message: str
    hint: str = ""

    @classmethod
    def at(cls, loc: Loc, code: str, message: str, hint: str = "") -> Diagnostic:
        severity = WARNING if code.startswith("W") else ERROR
        return cls(loc.path, loc.line, loc.col, severity, code, message, hint)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return f"{text} ({self.code})"

    def format_github(self) -> str:
        level = "error" if self.is_error else "warning"
        msg = self.message + (f"; {self.hint}" if self.hint else "")
        return (
            f"::{level} file={self.path},line={self.line},col={self.col},title={self.code}::{msg}"
        )


def did_you_mean(word: str, candidates) -> str:
    """A 'did you mean' hint naming the closest candidate, or '' when none is close."""
    close = difflib.get_close_matches(str(word), sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
