"""The CSV export (`python -m game export --format csv`): one row per event, and reading it
back, so a report can merge CSV exports like databases and xAPI exports.

A row is: the statement id (the same as in the xAPI export), the event's columns, its
timestamp, then the session's language, age band, group label and content version. A row
is ours only if its statement id is the one derived from its session and number, so
another program's CSV, a damaged or a cut-off row is skipped and counted, never guessed at.
"""

from __future__ import annotations

import csv

from . import schema, statements, xapi

EXPORT_COLUMNS = (
    "statement_id",
    *schema.EVENT_COLUMNS[:-1],
    "timestamp",
    "locale",
    "age_band",
    "group",
    "content_version",
)
HEADER = ",".join(EXPORT_COLUMNS[:4]).encode()  # how an export starts (for sniffing)
_INTS = tuple(statements.STAGE_COLUMNS.index(c) for c in ("seq", "correct", "seconds"))
_KIND = statements.STAGE_COLUMNS.index("kind")
_SCENARIO = statements.STAGE_COLUMNS.index("scenario")


def export_row(row: dict) -> list:
    """The CSV row of an event row joined with its session row (dicts by column)."""
    return [
        xapi.statement_id(row["session"], row["seq"]),
        *(row[c] for c in schema.EVENT_COLUMNS[:-1]),
        row["ts"],
        row["locale"],
        row["age_band"],
        row["grp"],
        row["content_version"],
    ]


def parse(record: list[str]) -> tuple | None:
    """The staging row (see statements.STAGE_COLUMNS) of one CSV record, or None."""
    if len(record) != len(EXPORT_COLUMNS):
        return None
    statement_id, *texts = record
    row: list[str | int | None] = list(texts)
    try:
        for at in _INTS:
            row[at] = int(texts[at]) if texts[at] != "" else None
    except ValueError:
        return None
    session, seq = texts[0], row[1]
    if (
        len(session) != 36
        or not isinstance(seq, int)
        or not 0 < seq <= statements.MAX_SEQ
        or texts[_KIND] not in schema.KINDS
        or "/" in texts[_SCENARIO]
        or statement_id != xapi.statement_id(session, seq)
    ):
        return None
    return tuple(row)


class Reader(statements.Reader):
    """A CSV export, read like an xAPI export (see statements.Reader)."""

    def parsed(self):
        with open(self.path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            records = csv.reader(fh)
            if tuple(next(records, ())) != EXPORT_COLUMNS:
                return  # not our header: no rows (the report says it holds none)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    return
                except csv.Error:  # e.g. a far too long field: not one of our rows
                    yield None
                    continue
                if record:
                    yield parse(record)
