"""Reading xAPI exports back: each line that is one of our statements becomes an event row.

The parser is the inverse of `xapi.statement`. Anything else on a line (another program's
JSON, a damaged or cut-off line, a statement of another activity provider) gives None and
is counted as skipped. `Reader` reads a whole file (and, through `csvexport.Reader`, a CSV export).
"""

from __future__ import annotations

import json
import re

from . import fastparse
from .xapi import EXT, HOME, SCENARIOS, kind_of

# The columns of a staging row, in this order: the event columns then the session columns.
STAGE_COLUMNS = (
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
MAX_SEQ = 100_000  # more events than this in one session is not a play session
_SESSION_AT = STAGE_COLUMNS.index("locale")  # where a row's session columns start
_TS = STAGE_COLUMNS.index("ts")
MAX_LINE = 1 << 20  # a longer "line" is not one of our statements
BATCH = 2000
_DURATION = re.compile(r"PT(\d+)S")
_SKIPPED = (KeyError, TypeError, AttributeError, IndexError, ValueError)
_SEQ, _SAFETY, _PHASE, _LOCALE, _AGE, _GROUP, _VERSION = (
    EXT + name
    for name in ("seq", "safety", "phase", "locale", "age-band", "group", "content-version")
)


def _after(iri: str, marker: str) -> str:
    at = iri.find(marker)
    return iri[at + len(marker) :] if at >= 0 else ""


def parse(line: bytes) -> tuple | None:
    """One line of an export as a staging row (see STAGE_COLUMNS), or None."""
    try:
        text = line.decode("utf-8").lstrip("\ufeff")  # a byte order mark on the first line
        row = fastparse.parse(text)  # our own layout, read quickly
        if row is None or len(row[0]) != 36:
            row = _row(json.loads(text))
    except _SKIPPED:
        return None
    return row if row is not None and 0 < row[1] <= MAX_SEQ else None


def _row(s: dict) -> tuple | None:
    account = s["actor"]["account"]
    target = s["object"]["id"]
    session, kind = account["name"], kind_of(s["verb"]["id"], target)
    context = s["context"]
    ext = context["extensions"]
    seq = ext[_SEQ]
    if (
        account["homePage"] != HOME
        or kind is None
        or type(seq) is not int
        or len(session) != 36
        or not target.startswith(SCENARIOS)
    ):
        return None
    activities = context.get("contextActivities") or {}
    parent = activities.get("parent") or [{"id": target}]
    other = (activities.get("other") or [{"id": ""}])[0]["id"]
    node = _after(target, "/nodes/") or ("" if "/choices/" in other else _after(other, "/nodes/"))
    scenario = parent[0]["id"][len(SCENARIOS) :]
    result = s.get("result") or {}
    success = result.get("success")
    duration = _DURATION.fullmatch(result.get("duration") or "")
    text = (
        session,
        scenario,
        node,
        result.get("response", ""),
        ext.get(_SAFETY, ""),
        ext.get(_PHASE, ""),
        _after(target, "/questions/"),
        s.get("timestamp", ""),
        ext.get(_LOCALE, ""),
        ext.get(_AGE, ""),
        ext.get(_GROUP, ""),
        ext.get(_VERSION, ""),
    )
    if "/" in scenario or not all(type(t) is str for t in text):
        return None
    return (
        *text[:1],
        seq,
        kind,
        *text[1:7],
        None if success is None else int(bool(success)),
        int(duration.group(1)) if duration else _count(result),
        *text[7:],
    )


def _count(result: dict) -> int | None:
    """A votes statement's count (its score), kept where the event row keeps it."""
    raw = (result.get("score") or {}).get("raw")
    return raw if type(raw) is int else None


def lines(fh):
    """Each non-empty line of a binary file (a far too long one is cut to one bad byte)."""
    for raw in iter(lambda: fh.readline(MAX_LINE), b""):
        if len(raw) == MAX_LINE and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = fh.readline(MAX_LINE)
            raw = b"\xff"
        if not raw.isspace():
            yield raw


class Reader:
    """An export, read once line by line: `rows()` gives each statement's staging row once
    (a file made by joining exports repeats some); `sessions` then holds each session's
    row (it starts at the hour of its first statement) and the counts are known."""

    def __init__(self, path: str):
        self.path = path
        self.lines = self.read = self.kept = 0
        self.sessions: dict[str, list] = {}  # id -> [first timestamp, locale, age band, ...]
        self._seen: dict[str, int] = {}  # id -> the seq numbers seen, as bits

    def rows(self):
        for row in self.parsed():
            self.lines += 1
            if row is None:
                continue
            self.read += 1
            session, bit = row[0], 1 << row[1]
            seen = self._seen.get(session, 0)
            if seen & bit:
                continue
            self._seen[session] = seen | bit
            self.kept += 1
            self._session(row)
            yield row

    def parsed(self):
        """Each line's staging row, or None for a line that is not one of our statements."""
        with open(self.path, "rb") as fh:
            for raw in lines(fh):
                yield parse(raw)

    def _session(self, row: tuple) -> None:
        known = self.sessions.get(row[0])
        if known is None:
            self.sessions[row[0]] = [row[_TS], *row[_SESSION_AT:]]
            return
        known[0] = min(known[0], row[_TS])
        if not known[2]:
            known[2] = row[_SESSION_AT + 1]  # the age band may be set during the session

    def session_rows(self):
        return (
            (sid, f"{first[:13]}:00:00Z", *rest) for sid, (first, *rest) in self.sessions.items()
        )
