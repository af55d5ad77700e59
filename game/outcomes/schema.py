"""The outcomes database layout, shared by the game's store, the exports and the report.

A session row says which language, age band, group and content a play session used; an
event row says what happened, in order (`seq` counts from 1 in each session). Nothing else
is kept: no names, no typed text, no user, host, device or network identifiers.

Formats (the database's `user_version`):

1. The first layout. A `votes` row kept its count in the `seconds` column.
2. The same, plus an integer `count` column: a `votes` row keeps its count there, and its
   `seconds` is empty. `upgrade()` turns a format 1 file into format 2 (the game does it
   when it opens an older file to record in it); `select_events()` reads either format the
   same way without changing the file (export and report read files as they are).

An `answer` row's `choice` (the answer's id) and `efficacy` rows came later, in columns
that were already there: newer games read older files (an answer with an empty `choice`).
A game that only knows format 1 refuses a format 2 file rather than misread its votes.

3. The same, plus the send queue of `python -m game sync` (sync.py): `statement`, the id
   of the event's xAPI statement (a random UUID given when the event is recorded; the
   export and the LRS use the same one), and `sent`, what became of it (NULL: not sent yet;
   SENT, ALREADY, CONFLICT or SET_ASIDE below). `upgrade()` gives the rows of an older file
   the id their exports always had (`xapi.statement_id(session, seq)`), so a statement
   keeps one id everywhere, and leaves them all to be sent. No row is removed by a sync.
   A game that only knows format 2 refuses a format 3 file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

APPLICATION_ID = 0x4E485243  # "NHRC": marks a file as a Net Heroes outcomes database
USER_VERSION = 3
DB_NAME = "outcomes.sqlite3"

SESSION_COLUMNS = ("id", "started", "locale", "age_band", "grp", "content_version")
EVENT_COLUMNS = (
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
    "count",
)
KINDS = (
    "scenario_started",
    "answer",
    "decision",
    "scenario_completed",
    "scenario_abandoned",
    "votes",
    "efficacy",
)
# A statement id made from its session and seq: what a file older than format 3 exports,
# and what its rows get when it is upgraded. (uuid is imported here, not with the module:
# it brings platform and hashlib, 4 ms of every start, which `play` imports this for.)
STATEMENT_URL = "https://net-heroes.invalid/xapi/statements"


@lru_cache(maxsize=1)
def _namespace():
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, STATEMENT_URL)


def statement_id(session: str, seq: int) -> str:
    import uuid

    return str(uuid.uuid5(_namespace(), f"{session}/{seq}"))


# The `sent` marks (format 3): what the LRS said about a statement. NULL: not sent yet.
SENT = 1  # stored by the LRS
ALREADY = 2  # the LRS already had this very statement (sent before, the answer lost)
CONFLICT = 3  # the LRS holds a different statement with this id: logged, never sent again
SET_ASIDE = 4  # the LRS refused it as malformed: kept here, reported, not sent again
QUEUE_COLUMNS = ("statement", "sent")
PHASES = ("pre", "post")
EFFICACY_CHOICES = ("yes", "unsure", "no")  # the three faces, in the order they are shown

TABLES = """
CREATE TABLE IF NOT EXISTS {schema}sessions (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT '',
    age_band TEXT NOT NULL DEFAULT '',
    grp TEXT NOT NULL DEFAULT '',
    content_version TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS {schema}events (
    session TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    scenario TEXT NOT NULL DEFAULT '',
    node TEXT NOT NULL DEFAULT '',
    choice TEXT NOT NULL DEFAULT '',
    safety TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    correct INTEGER,
    seconds INTEGER,
    ts TEXT NOT NULL,
    count INTEGER,
    statement TEXT,
    sent INTEGER,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
{unsent}"""
# The statements still to send, found without reading the others.
UNSENT = (
    "CREATE INDEX IF NOT EXISTS {schema}events_unsent ON events (session, seq) WHERE sent IS NULL;"
)


def create(conn: sqlite3.Connection, schema: str = "") -> None:
    """Create the tables (if missing) and mark the file as ours, in this format, all in one
    transaction: a game stopped half way leaves an empty file, never unmarked tables."""
    prefix = f"{schema}." if schema else ""
    conn.executescript(
        f"BEGIN; {TABLES.format(schema=prefix, unsent=UNSENT.format(schema=prefix))} "
        f"PRAGMA {prefix}application_id = {APPLICATION_ID}; "
        f"PRAGMA {prefix}user_version = {USER_VERSION}; COMMIT;"
    )


def version(conn: sqlite3.Connection, schema: str = "main") -> int:
    return conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0]


def problem(conn: sqlite3.Connection, schema: str = "main") -> str:
    """Why this database is not a usable outcomes database ('' when it is).
    Raises sqlite3.DatabaseError when the file is not a database at all."""
    app_id = conn.execute(f"PRAGMA {schema}.application_id").fetchone()[0]
    found = version(conn, schema)
    if app_id != APPLICATION_ID:
        return "not a Net Heroes outcomes database"
    if found > USER_VERSION:
        return f"written by a newer version of the game (format {found})"
    names = {
        row[0]
        for row in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    }
    if not {"sessions", "events"} <= names:
        return "the outcomes tables are missing"
    return ""


# How a format 1 file's columns are read: a vote's count from `seconds`.
_FORMAT_1 = {
    "seconds": "CASE WHEN kind = 'votes' THEN NULL ELSE seconds END",
    "count": "CASE WHEN kind = 'votes' THEN seconds END",
}


def select_events(conn: sqlite3.Connection, schema: str = "main") -> str:
    """The columns of EVENT_COLUMNS, in order, as a select list for `{schema}.events` of a
    database in any format this game reads (for `SELECT ... FROM events`)."""
    if version(conn, schema) >= 2:
        return ", ".join(EVENT_COLUMNS)
    return ", ".join(f"{_FORMAT_1[c]} AS {c}" if c in _FORMAT_1 else c for c in EVENT_COLUMNS)


def select_statement(conn: sqlite3.Connection, schema: str = "main") -> str:
    """The statement id column as a select expression: NULL for a file older than format 3
    (whose ids are derived from session and seq, see xapi.statement_id)."""
    return "statement" if version(conn, schema) >= 3 else "NULL"


def upgrade(conn: sqlite3.Connection) -> None:
    """Bring a database of an older format up to this one, in one transaction (nothing to do
    when it is already there). The connection must be in autocommit mode."""
    conn.execute("BEGIN IMMEDIATE")  # another game may be upgrading it at the same moment
    try:
        if version(conn) < 2:
            conn.execute("ALTER TABLE events ADD COLUMN count INTEGER")
            conn.execute("UPDATE events SET count = seconds, seconds = NULL WHERE kind = 'votes'")
        if version(conn) < 3:
            conn.create_function("net_heroes_statement_id", 2, statement_id, deterministic=True)
            conn.execute("ALTER TABLE events ADD COLUMN statement TEXT")
            conn.execute("ALTER TABLE events ADD COLUMN sent INTEGER")
            conn.execute("UPDATE events SET statement = net_heroes_statement_id(session, seq)")
            conn.execute(UNSENT.format(schema=""))
        conn.execute(f"PRAGMA user_version = {USER_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
