"""The CSV export (`python -m game export --format csv`): one row per event, and reading it
back, so a report can merge CSV exports like databases and xAPI exports.

A row is: the statement id (the same as in the xAPI export), the event's columns, its
timestamp, then the session's language, age band, group label and content version. A row
is ours only if its statement id is the one derived from its session and number, so
another program's CSV, a damaged or a cut-off row is skipped and counted, never guessed at.

Exports made before the `count` column (schema format 1) have no `count` column and give a
vote's count in `seconds`; they are read with their own header, the count where it belongs.
"""

from __future__ import annotations

from . import schema, xapi

EXPORT_COLUMNS = (
    "statement_id",
    *(c for c in schema.EVENT_COLUMNS if c != "ts"),
    "timestamp",
    "locale",
    "age_band",
    "group",
    "content_version",
)
OLD_COLUMNS = tuple(c for c in EXPORT_COLUMNS if c != "count")  # exports of format 1
HEADER = ",".join(EXPORT_COLUMNS[:4]).encode()  # how an export starts (for sniffing)
_NAMES = {"timestamp": "ts", "group": "grp"}  # CSV column -> row column, where they differ


def _places(header: tuple[str, ...]) -> list[int | None]:
    """Where each of a row's columns (xapi.ROW_COLUMNS) is in a record with this header."""
    names = [_NAMES.get(c, c) for c in header]
    return [names.index(c) if c in names else None for c in xapi.ROW_COLUMNS]


_PLACES, _OLD_PLACES = _places(EXPORT_COLUMNS), _places(OLD_COLUMNS)
_INTS = tuple(xapi.ROW_COLUMNS.index(c) for c in ("seq", "correct", "seconds", "count"))
_SESSION, _SEQ, _KIND, _SCENARIO, _SECONDS, _COUNT = (
    xapi.ROW_COLUMNS.index(c) for c in ("session", "seq", "kind", "scenario", "seconds", "count")
)


def export_row(row: dict) -> list:
    """The CSV row of an event row joined with its session row (dicts by column)."""
    return [
        xapi.statement_id(row["session"], row["seq"]),
        *(row[c] for c in schema.EVENT_COLUMNS if c != "ts"),
        row["ts"],
        row["locale"],
        row["age_band"],
        row["grp"],
        row["content_version"],
    ]


def parse(record: list[str], old: bool = False) -> tuple | None:
    """The row (see xapi.ROW_COLUMNS) of one CSV record, or None; `old`: a record of an
    export with the header of format 1 (OLD_COLUMNS)."""
    if len(record) != (len(OLD_COLUMNS) if old else len(EXPORT_COLUMNS)):
        return None
    texts = [record[at] if at is not None else "" for at in (_OLD_PLACES if old else _PLACES)]
    row: list[str | int | None] = list(texts)
    try:
        for at in _INTS:
            row[at] = int(texts[at]) if texts[at] != "" else None
    except ValueError:
        return None
    session, seq = texts[_SESSION], row[_SEQ]
    if (
        len(session) != 36
        or not isinstance(seq, int)
        or not 0 < seq <= xapi.MAX_SEQ
        or texts[_KIND] not in schema.KINDS
        or "/" in texts[_SCENARIO]
        or record[0] != xapi.statement_id(session, seq)
    ):
        return None
    if old and texts[_KIND] == "votes":
        row[_COUNT], row[_SECONDS] = row[_SECONDS], None
    return tuple(row)
