"""Diagnostics are values: collected, sorted, printed one per line."""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

ERROR = "error"
WARNING = "warning"

# Characters that end a line somewhere (editors, terminals, CI logs), written as escapes so
# that a diagnostic is always exactly one line, whatever a quoted value holds.
_BREAKS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Format characters that are escaped too: line and paragraph separators, the byte-order
# mark, and the bidirectional overrides that would reorder the rest of the line.
_NOT_SHAPING = set("\u2028\u2029\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str) -> str:
    """`text` with line breaks, tabs and other control characters written as escapes."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c in _BREAKS:
            out.append(_BREAKS[c])
        elif c.isprintable() or c == " ":
            out.append(c)
        elif unicodedata.category(c) == "Cf" and c not in _NOT_SHAPING:
            out.append(c)  # joiners and marks that shape a script (Thai, Arabic), not breaks
        else:
            code = ord(c)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


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
        """`file:line:col: severity: message; hint (code)`, always one line."""
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return one_line(f"{text} ({self.code})")

    def format_github(self) -> str:
        """A GitHub Actions annotation (its own escapes for %, line breaks, ':' and ',')."""
        level = "error" if self.is_error else "warning"
        msg = one_line(self.message + (f"; {self.hint}" if self.hint else ""))
        path = one_line(self.path).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
        msg = msg.replace("%", "%25")
        return f"::{level} file={path},line={self.line},col={self.col},title={self.code}::{msg}"

    def to_dict(self) -> dict:
        """The diagnostic for tools (`check --format json`); the texts as they are."""
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }

    def format_json(self) -> str:
        """One JSON object on one line (control characters and line separators escaped)."""
        text = json.dumps(self.to_dict(), ensure_ascii=False)
        return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def did_you_mean(word: str, candidates) -> str:
    """A 'did you mean' hint naming the closest candidate, or '' when none is close."""
    close = difflib.get_close_matches(str(word), sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
