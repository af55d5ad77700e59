"""A fast path for reading back the statements this game writes itself.

`xapi.dumps` always writes a statement of a given kind in the same layout (same keys, same
order, no spaces). For each kind, a regular expression is made from that layout by writing
a statement whose values are marker words and replacing the markers with groups, so it
follows any change to the writer by itself. A verb may have several layouts, tried in turn:
`answered` is an answer with its answer id or one without (as older games wrote it), and
`responded` is votes or the self-efficacy item. A line that matches is read without building
the whole JSON tree, several times faster than `json.loads`. Anything that does not match
exactly (another layout, a statement edited by another tool, a damaged line) returns None,
and the full JSON parser decides. The tests check that both paths give the same rows.
"""

from __future__ import annotations

import json
import re

from . import xapi

_TEXT = r'[^"\\]*(?:\\.[^"\\]*)*'  # the inside of a JSON string
_ID = r'[^"\\/]*'  # an id inside an IRI: no escapes, no slash
_FIELDS = {
    "session": _ID,
    "scenario": _ID,
    "node": _ID,
    "choice": _ID,
    "question": _ID,
    "safety": _TEXT,
    "phase": _TEXT,
    "ts": _TEXT,
    "locale": _TEXT,
    "age_band": _TEXT,
    "grp": _TEXT,
    "content_version": _TEXT,
}
_SEQ, _SECONDS = 987654321, 123456789
_VERB = re.compile(r'"verb":\{"id":"http://adlnet\.gov/expapi/verbs/(\w+)"')


def _marker(name: str) -> str:
    return f"zq{name.replace('_', '')}zq"


def _pattern(kind: str, **fixed) -> re.Pattern:
    values = {**{name: _marker(name) for name in _FIELDS}, **fixed}
    event = {**values, "kind": kind, "seq": _SEQ, "correct": True, "seconds": _SECONDS}
    line = xapi.dumps(event, {**values, "id": values["session"]})
    text = re.escape(line)
    text = text.replace(re.escape(xapi.statement_id(values["session"], _SEQ)), "[0-9a-f-]{36}")
    text = text.replace(re.escape(f'"language":"{values["locale"]}"'), '"language":"[^"]*"')
    text = text.replace(str(_SEQ), r"(?P<seq>\d+)").replace(str(_SECONDS), r"(?P<seconds>\d+)")
    text = text.replace(re.escape('"success":true'), '"success":(?P<correct>true|false)')
    for name, group in _FIELDS.items():
        first = text.find(_marker(name))
        if first >= 0:
            rest = text[first + len(_marker(name)) :].replace(_marker(name), f"(?P={name})")
            text = f"{text[:first]}(?P<{name}>{group}){rest}"
    return re.compile(text)


ORDER = (
    "session",
    "seq",
    "kind",
    "scenario",
    "node",
    "choice",
    "safety",
    "phase",
    "question",
    "correct",
    "seconds",
    "ts",
    "locale",
    "age_band",
    "grp",
    "content_version",
)
_INTS = (ORDER.index("seq"), ORDER.index("seconds"))
_CORRECT = ORDER.index("correct")
_FREE = tuple(ORDER.index(name) for name, group in _FIELDS.items() if group == _TEXT)


def _reader(kind: str, **fixed):
    """(pattern, the groups it has, where each goes in a row, the row's starting values)."""
    pattern = _pattern(kind, **fixed)
    names = [name for name in ORDER if name in pattern.groupindex]
    start = ["" if name in _FIELDS else None for name in ORDER]
    start[ORDER.index("kind")] = kind
    return pattern, names, [ORDER.index(name) for name in names], start


# The layouts of each verb, the most common first; an answer without an answer id (written
# before answers had one) has a layout of its own.
_READERS: dict[str, list] = {}
for _kind, _verb in xapi.VERBS.items():
    _READERS.setdefault(_verb, []).append(_reader(_kind))
_READERS["answered"].append(_reader("answer", choice=""))


def parse(line: str) -> tuple | None:
    """The staging row (see ORDER) of a line in exactly our own layout, or None."""
    verb = _VERB.search(line)
    text = line.rstrip("\r\n")
    for reader in _READERS.get(verb.group(1), ()) if verb else ():
        match = reader[0].fullmatch(text)
        if match is not None:
            return _row(reader, match, line)
    return None


def _row(reader, match: re.Match, line: str) -> tuple:
    row = list(reader[3])
    for at, value in zip(reader[2], match.group(*reader[1]), strict=True):
        row[at] = value
    for at in _INTS:
        if row[at] is not None:
            row[at] = int(row[at])
    if row[_CORRECT] is not None:
        row[_CORRECT] = int(row[_CORRECT] == "true")
    if "\\" in line:
        for at in _FREE:
            if "\\" in row[at]:
                row[at] = json.loads(f'"{row[at]}"')
    return tuple(row)
