"""The outcomes database layout, shared by the game's store and the report's merged copy.

A session row says which language, age band, group and content a play session used; an
event row says what happened, in order (`seq` counts from 1 in each session). Nothing else
is kept: no names, no typed text, no user, host, device or network identifiers.

The layout has not changed since format 1: an `answer` row's `choice` (the answer's id) and
`efficacy` rows came later, in columns that were already there, so older games and reports
read newer files (they skip the kinds they do not know) and newer ones read older files
(an answer with an empty `choice`).
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4E485243  # "NHRC": marks a file as a Net Heroes outcomes database
USER_VERSION = 1
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
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;
"""


def create(conn: sqlite3.Connection, schema: str = "") -> None:
    """Create the tables (if missing) and mark the file as ours."""
    prefix = f"{schema}." if schema else ""
    conn.executescript(TABLES.format(schema=prefix))
    conn.execute(f"PRAGMA {prefix}application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA {prefix}user_version = {USER_VERSION}")


def problem(conn: sqlite3.Connection, schema: str = "main") -> str:
    """Why this database is not a usable outcomes database ('' when it is).
    Raises sqlite3.DatabaseError when the file is not a database at all."""
    app_id = conn.execute(f"PRAGMA {schema}.application_id").fetchone()[0]
    version = conn.execute(f"PRAGMA {schema}.user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        return "not a Net Heroes outcomes database"
    if version > USER_VERSION:
        return f"written by a newer version of the game (format {version})"
    names = {
        row[0]
        for row in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    }
    if not {"sessions", "events"} <= names:
        return "the outcomes tables are missing"
    return ""
