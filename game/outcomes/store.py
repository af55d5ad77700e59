"""Recording play sessions to SQLite, durably, without ever stopping the game.

Every event is committed before `record` returns: the database is in WAL mode with
`synchronous=FULL`, so each commit is flushed to the disk (fsync of the write-ahead log).
A crash, `kill -9` or a power cut can lose only the event being written at that moment,
and SQLite's journal keeps the file consistent. (`synchronous=NORMAL` would survive a
crashed program too, but a power cut could take back the last commits.)

Time is kept coarse on purpose: a session's start is rounded down to the hour (UTC), and
an event's timestamp is that hour plus the time since the session started, rounded to
10 seconds. That orders and times the events without saying when exactly a child played.

With an LRS in the operator file (`use_lrs`), the statements not sent yet are sent in a
thread of their own at start and after each story (sync.py): the frame never waits for the
network, and the sync writes its marks through its own connection.

Nothing here raises into the game loop: when the folder is read-only, the disk is full or
the database is locked, the event is dropped, `warning` says why (the educator view shows
it) and one line is printed.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..log import warn_once
from . import Recorder, coarse_seconds, schema

# Imported where used (milliseconds of import on top of this module's, best of 5 runs), in
# the sync's own thread, never in a frame:
#   game.outcomes.sync 32 ms, with game.outcomes.lrs, urllib.request and ssl

BUSY_MS = 500  # how long a write waits for another game writing the same file


def default_data_dir() -> Path:
    """The per-user data folder, e.g. ~/.local/share/net-heroes on Linux."""
    import platformdirs

    return Path(platformdirs.user_data_dir("net-heroes", appauthor=False))


def hour_floor(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the outcomes database for writing, WAL and durable commits;
    a file written by an older game is upgraded to this format first (schema.upgrade)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        fresh = not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if fresh:
            schema.create(conn)
        else:
            why = schema.problem(conn)
            if why:
                raise sqlite3.DatabaseError(why)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.OperationalError(f"cannot use WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        if schema.version(conn) < schema.USER_VERSION:
            schema.upgrade(conn)  # a file of an older game: its votes' counts move to `count`
    except BaseException:
        conn.close()
        raise
    return conn


def contract_problem(kind: str, fields: dict) -> str:
    """Why an event does not follow the recording contract (see __init__.py), '' if it does."""
    if kind not in schema.KINDS:
        return f"unknown kind {kind!r}"
    if kind in ("answer", "efficacy") and fields.get("phase") not in schema.PHASES:
        return f"{kind} needs phase 'pre' or 'post', not {fields.get('phase')!r}"
    choice = fields.get("choice", "")
    if kind == "answer" and not isinstance(choice, str):
        return f"an answer's choice is the answer's id, not {choice!r}"  # never a position
    if kind == "efficacy" and choice not in schema.EFFICACY_CHOICES:
        return f"efficacy choice must be one of {', '.join(schema.EFFICACY_CHOICES)}"
    count = fields.get("count")
    if kind == "votes" and (type(count) is not int or count < 0):
        return f"votes need a count (how many voted), not {count!r}"
    return ""


STORY_ENDS = ("scenario_completed", "scenario_abandoned")


def sync_in_background(path: Path, settings) -> None:
    """One sync of the database at `path` to the LRS of `settings` (sync.background)."""
    from .sync import background

    background(lambda: connect(path), settings)


class SQLiteRecorder(Recorder):
    """Keeps the events of one play session in `<data dir>/outcomes.sqlite3`."""

    def __init__(self, data_dir: Path | str | None = None, *, clock=time.monotonic, now=None):
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.path = self.data_dir / schema.DB_NAME
        self.warning = ""
        self._clock = clock
        self._now = now or (lambda: datetime.now(timezone.utc))
        self.session = ""
        # If set, asked for the game's language when the session is saved.
        self.locale_of: Callable[[], str] | None = None
        self._row: dict = {}
        self._written = False  # the session row is in the database
        self._seq = 0
        self.lrs = None  # the operator file's `lrs` section (use_lrs)
        self._conn = self._open()

    # -- the Recorder interface ---------------------------------------------------------
    def start_session(self, *, locale: str, content_version: str, group: str = "") -> None:
        self.session = str(uuid.uuid4())
        self._started = hour_floor(self._now())
        self._t0 = self._clock()
        self._row = {
            "id": self.session,
            "started": iso(self._started),
            "locale": locale,
            "age_band": "",
            "grp": group,
            "content_version": content_version,
        }
        self._written = False
        self._seq = 0

    def set_age_band(self, age_band: str) -> None:
        if not self.session:
            return
        self._row["age_band"] = age_band
        if self._written:
            self._write("UPDATE sessions SET age_band = ? WHERE id = ?", (age_band, self.session))

    def record(self, kind: str, **fields) -> None:
        why = contract_problem(kind, fields)
        if why:  # a mistake in the game, not in the child's play: say so, keep playing
            warn_once(f"outcomes-contract:{kind}:{why}", f"an outcome was not recorded: {why}")
            return
        if not self.session:
            self.start_session(locale="", content_version="")
        row = self._event_row(kind, fields)
        if self._write(*self._insert(row)):
            self._seq += 1
            self._written = True
            if kind in STORY_ENDS and self.lrs is not None and self.lrs.sync_after_story:
                self.sync_soon()

    def use_lrs(self, settings) -> None:
        self.lrs = settings
        if settings is not None and settings.sync_at_start:
            self.sync_soon()

    def sync_soon(self) -> threading.Thread | None:
        """Send what is not sent yet to the LRS, in a thread of its own (None: no LRS)."""
        if self.lrs is None or self._conn is None:
            return None
        thread = threading.Thread(
            target=sync_in_background, args=(self.path, self.lrs), name="lrs-sync", daemon=True
        )
        thread.start()
        return thread

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one self-contained file
        except sqlite3.Error:
            pass  # the log is kept and replayed next time
        finally:
            conn.close()

    @property
    def group(self) -> str:
        return self._row.get("grp", "")

    @property
    def connection(self) -> sqlite3.Connection | None:
        return self._conn

    # -- internals ----------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection | None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            self._fail("open", f"outcomes are not recorded: cannot use {self.path}: {exc}")
            return None

    def _event_row(self, kind: str, fields: dict) -> dict:
        offset = coarse_seconds(self._clock() - self._t0)
        correct = fields.get("correct")
        return {
            "session": self.session,
            "seq": self._seq + 1,
            "kind": kind,
            "scenario": str(fields.get("scenario", "")),
            "node": str(fields.get("ending") or fields.get("node") or ""),
            "choice": str(fields.get("choice", "")),
            "safety": str(fields.get("safety", "")),
            "phase": str(fields.get("phase", "")),
            "question": str(fields.get("question", "")),
            "correct": None if correct is None else int(bool(correct)),
            "seconds": fields.get("seconds"),
            "ts": iso(self._started + timedelta(seconds=offset)),
            "count": fields.get("count"),
            # The xAPI statement's id, the same in the export and in the LRS (format 3).
            "statement": str(uuid.uuid4()),
        }

    def _insert(self, row: dict):
        columns = (*schema.EVENT_COLUMNS, "statement")
        sql = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        return sql, tuple(row[c] for c in columns)

    def _write(self, sql: str, params) -> bool:
        """Run one statement in its own durable transaction; False (and a warning) if lost."""
        if self._conn is None:
            return False
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                if not self._written:
                    if self.locale_of is not None:
                        self._row["locale"] = self.locale_of()
                    cols = schema.SESSION_COLUMNS
                    self._conn.execute(
                        f"INSERT OR IGNORE INTO sessions ({', '.join(cols)}) "
                        f"VALUES ({', '.join('?' * len(cols))})",
                        tuple(self._row[c] for c in cols),
                    )
                self._conn.execute(sql, params)
            return True
        except sqlite3.Error as exc:
            self._fail("write", f"an outcome could not be saved to {self.path}: {exc}")
            return False

    def _fail(self, key: str, message: str) -> None:
        self.warning = message
        warn_once(f"outcomes-{key}:{self.path}", message)
