"""One input file on its own (the report does several at once, in worker processes).

`summarize()` writes a small SQLite database with the file's `sessions` and its tally
(`plays` and `points`, see tally.py). `extract()` writes the events of some sessions, for
the few sessions that turn up in more than one file (see merge.py).
"""

from __future__ import annotations

import sqlite3
from operator import itemgetter
from pathlib import Path

from . import csvexport, schema, statements
from .tally import EVENT_FIELDS, Tally, create_tables

READERS = {"export": statements.Reader, "csv": csvexport.Reader}  # exports, by their kind

SESSIONS = ", ".join(schema.SESSION_COLUMNS)
EVENTS = ", ".join(schema.EVENT_COLUMNS)
_FOR_TALLY = itemgetter(*(statements.STAGE_COLUMNS.index(f) for f in EVENT_FIELDS))
_EVENT = slice(0, len(schema.EVENT_COLUMNS))
assert statements.STAGE_COLUMNS[_EVENT] == schema.EVENT_COLUMNS


class Unusable(Exception):
    """The file cannot be used; the message says why (to follow 'skipped <file>: ')."""


def summarize(path: str, kind: str, database: str) -> tuple[int, int, int]:
    """Summarize `path` ('database', 'export' or 'csv') into `database`: returns (events
    kept, events read, lines that were not statements). Raises Unusable."""
    with _Output(database) as conn:
        conn.execute(f"CREATE TABLE sessions ({SESSIONS})")
        create_tables(conn)
        tally = Tally()
        if kind in READERS:
            reader = READERS[kind](path)
            add = tally.add
            for row in reader.rows():
                add(*_FOR_TALLY(row))
            if not reader.read:
                raise Unusable(
                    "holds no Net Heroes xAPI statements"
                    if kind == "export"
                    else "holds no Net Heroes outcome rows"
                )
            conn.executemany(
                f"INSERT INTO sessions VALUES ({_marks(SESSIONS)})", reader.session_rows()
            )
            counts = reader.kept, reader.read, reader.lines - reader.read
        else:
            _attach(conn, path)
            conn.execute(f"INSERT INTO sessions SELECT {SESSIONS} FROM src.sessions")
            tally.add_rows(conn.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM src.events"))
            kept = conn.execute("SELECT count(*) FROM src.events").fetchone()[0]
            counts = kept, kept, 0
        tally.write(conn)
    return counts


def extract(path: str, kind: str, sessions: list[str], database: str) -> None:
    """Write the events of these sessions in `path` to a table `events` in `database`, and
    their tally to `plays` and `points`."""
    with _Output(database) as conn:
        if kind in READERS:
            wanted = set(sessions)
            conn.execute(f"CREATE TABLE events ({EVENTS})")
            wanted_rows = (row[_EVENT] for row in READERS[kind](path).rows() if row[0] in wanted)
            conn.executemany(f"INSERT INTO events VALUES ({_marks(EVENTS)})", wanted_rows)
        else:
            _attach(conn, path)
            conn.execute("CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY)")
            conn.executemany("INSERT INTO temp.wanted VALUES (?)", ((s,) for s in sessions))
            conn.execute(
                f"CREATE TABLE events AS SELECT {EVENTS} FROM src.events "
                f"WHERE session IN (SELECT id FROM temp.wanted)"
            )
        create_tables(conn)
        rows = conn.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM events").fetchall()
        Tally().add_rows(rows).write(conn)


class _Output:
    """A new database written in one transaction; errors become Unusable."""

    def __init__(self, database: str):
        self.conn = sqlite3.connect(database, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN")
        return self.conn

    def __exit__(self, kind, exc, tb):
        try:
            if exc is None:
                self.conn.execute("COMMIT")
        finally:
            self.conn.close()
        if isinstance(exc, OSError):
            raise Unusable(f"cannot be read ({exc.strerror or exc})") from None
        if isinstance(exc, sqlite3.Error):
            raise Unusable(f"is damaged ({exc})") from None
        return False


def _marks(columns: str) -> str:
    return ", ".join("?" * len(columns.split(", ")))


def _attach(conn, path: str) -> None:
    why = truncated(Path(path))
    if why:
        raise Unusable(why)
    conn.execute("ATTACH DATABASE ? AS src", (Path(path).resolve().as_uri() + "?mode=ro",))
    why = schema.problem(conn, "src")
    if why:
        raise Unusable(why)


def truncated(path: Path) -> str:
    """Why a database file is visibly cut short, from its header ('' if it looks whole)."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100:
        return "is truncated (no complete database header)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_valid = head[24:28] == head[92:96]
    size = path.stat().st_size
    if header_valid and pages and size < pages * page_size:
        return f"is truncated ({size} of {pages * page_size} bytes)"
    return ""
