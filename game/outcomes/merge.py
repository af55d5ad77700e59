"""Merge outcome files from many computers into one temporary SQLite database, for the report.

Inputs are outcome databases (`outcomes.sqlite3`, in any format the game reads), xAPI
exports (JSON lines) and CSV exports. Each input is first read into a small database of its
own (`read_input`): an export's lines are parsed (`xapi.parse`, `csvexport.parse`), a database's
rows are copied. Its events (the columns the figures need) are kept once per (session, seq),
which is what a statement id is derived from, and summarized in SQL into plays and points
(see aggregate.py). With much to read, this runs in worker processes, a file each.

The report's database gathers every input's sessions and summaries. A session found in more
than one file (the same data exported twice, or once as a database and once as an export)
would count twice there, so `finish()` takes its share out of each file's summaries and
puts it back once, made from its events in all those files together, each (session, seq)
once. A file that is damaged, truncated or not ours is skipped with a message naming it.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import get_context
from operator import itemgetter
from pathlib import Path

from . import aggregate, csvexport, schema, xapi

SQLITE_MAGIC = b"SQLite format 3\x00"
PARALLEL_BYTES = 4 << 20  # less than this in all is read here, one file after the other
MAX_LINE = 1 << 20  # a longer "line" is not one of our statements
BATCH = 2000
SESSIONS = ", ".join(schema.SESSION_COLUMNS)
FIELDS = ", ".join(aggregate.EVENT_FIELDS)
# The events an input holds, each (session, seq) once: what the summaries are made from.
EVENTS_TABLE = f"CREATE TABLE {{}} ({FIELDS}, PRIMARY KEY (session, seq)) WITHOUT ROWID"
_FIELDS_OF = itemgetter(*(xapi.ROW_COLUMNS.index(c) for c in aggregate.EVENT_FIELDS))
_SESSION_AT = len(schema.EVENT_COLUMNS)  # where a row's session columns start
_TS, _AGE = xapi.ROW_COLUMNS.index("ts"), xapi.ROW_COLUMNS.index("age_band")


class Unusable(Exception):
    """The file cannot be used; the message says why (to follow 'skipped <file>: ')."""


class Merged:
    """A temporary database of `sessions`, `plays` and `points` for the functions of
    aggregate.py; `notes` says what happened to each input file."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="net-heroes-report-")
        self.conn = sqlite3.connect(
            str(Path(self._dir.name) / "merged.sqlite3"), isolation_level=None
        )
        for pragma in ("journal_mode = OFF", "synchronous = OFF"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute(f"CREATE TABLE raw_sessions (file, {SESSIONS})")
        aggregate.create_tables(self.conn)
        self.notes: list[str] = []
        self.used: list[str] = []
        self.events = 0  # events merged (after de-duplication)
        self.duplicates = 0
        self._read = 0
        self._parts: list[str] = []  # the database each merged file was read into
        self._made = 0  # part databases named so far
        self._pool: ProcessPoolExecutor | None = None

    def close(self) -> None:
        self.conn.close()
        self._dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- the files ----------------------------------------------------------------------
    def add_all(self, paths) -> None:
        """Merge the files, in order, then finish()."""
        jobs = [(Path(p), *sniff(Path(p)), self._part()) for p in paths]
        self._pool = _pool([path for path, kind, _why, _part in jobs if kind])
        try:
            futures = [
                self._run(read_input, str(p), kind, part) if kind else None
                for p, kind, _why, part in jobs
            ]  # all started before waiting for one
            for (path, kind, why, part), job in zip(jobs, futures, strict=True):
                if kind:
                    self._add(path, part, job)
                else:
                    self._skip(path, why)
            self.finish()
        finally:
            if self._pool:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None

    def _add(self, path: Path, part: str, job) -> bool:
        try:
            kept, read, bad = self._result(job)
        except Unusable as exc:
            return self._skip(path, str(exc))
        file = len(self._parts)
        self.conn.execute("ATTACH DATABASE ? AS part", (part,))
        try:
            self.conn.execute("BEGIN")
            self.conn.execute(f"INSERT INTO raw_sessions SELECT {file}, * FROM part.sessions")
            self.conn.execute("INSERT INTO plays SELECT * FROM part.plays")
            self.conn.execute("INSERT INTO points SELECT * FROM part.points")
            self.conn.execute("COMMIT")
        finally:
            self.conn.execute("DETACH DATABASE part")
        self._parts.append(part)
        self.used.append(str(path))
        self.events += kept
        self._read += read
        if bad:
            self.notes.append(f"{path}: {bad} damaged or foreign line(s) skipped")
        return True

    def _skip(self, path: Path, why: str) -> bool:
        self.notes.append(f"skipped {path}: {why}")
        return False

    def _part(self) -> str:
        self._made += 1
        return str(Path(self._dir.name) / f"part{self._made}.sqlite3")

    def _run(self, function, *args):
        """function(*args) in a worker process if there is a pool, else here (later)."""
        if self._pool:
            try:
                return self._pool.submit(function, *args), (function, args)
            except BrokenProcessPool:
                self._broken()
        return None, (function, args)

    def _result(self, job):
        """The result of a job from _run; a job whose worker died is run here."""
        future, (function, args) = job
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                self._broken()
                Path(args[-1]).unlink(missing_ok=True)  # what the worker left of its output
        return function(*args)

    def _broken(self) -> None:
        if self._pool:
            self.notes.append("the worker processes stopped; the files are read here instead")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    # -- the end ------------------------------------------------------------------------
    def finish(self) -> None:
        """Each session once; the figures of sessions found in several files counted once."""
        conn = self.conn
        conn.execute(
            "CREATE TABLE sessions AS SELECT id, min(started) AS started, "
            "max(locale) AS locale, max(age_band) AS age_band, max(grp) AS grp, "
            "max(content_version) AS content_version FROM raw_sessions GROUP BY id"
        )
        conn.execute("CREATE UNIQUE INDEX sessions_id ON sessions (id)")
        conn.execute(
            "CREATE TEMP TABLE twice AS SELECT id FROM raw_sessions GROUP BY id HAVING count(*) > 1"
        )
        files = [
            file
            for (file,) in conn.execute(
                "SELECT DISTINCT file FROM raw_sessions WHERE id IN temp.twice ORDER BY file"
            )
        ]
        if files:
            self._count_once(files)
        self.duplicates = self._read - self.events

    def _count_once(self, files: list[int]) -> None:
        conn = self.conn
        conn.execute(EVENTS_TABLE.format("temp.again"))
        found = 0  # their events in all the files, duplicates included
        for file in files:  # take these sessions out of each file's points...
            conn.execute("ATTACH DATABASE ? AS part", (self._parts[file],))
            try:
                theirs = "(SELECT * FROM part.events WHERE session IN temp.twice)"
                found += conn.execute(f"SELECT count(*) FROM {theirs}").fetchone()[0]
                conn.execute(
                    "INSERT INTO points SELECT scenario, node, -sessions, -decisions, -safe, "
                    f"-neutral, -risky FROM ({aggregate.POINTS.format(events=theirs)})"
                )
                conn.execute(f"INSERT OR IGNORE INTO temp.again SELECT {FIELDS} FROM {theirs}")
            finally:
                conn.execute("DETACH DATABASE part")
        conn.execute("DELETE FROM plays WHERE session IN temp.twice")
        aggregate.summarize(conn, "temp.again")  # ...and put them back once (the first copy)
        self.events -= found - conn.execute("SELECT count(*) FROM temp.again").fetchone()[0]


# -- one input file, read into a database of its own (in a worker process or here) -----------
def read_input(path: str, kind: str, database: str) -> tuple[int, int, int]:
    """Read `path` ('database', 'export' or 'csv') into a new `database`: its sessions, its
    events (each (session, seq) once) and their plays and points. Returns (events kept,
    events read, lines that were not ours). Raises Unusable."""
    with _output(database) as conn:
        if kind == "database":
            _attach(conn, path)
            conn.execute(f"INSERT OR IGNORE INTO sessions SELECT {SESSIONS} FROM src.sessions")
            conn.execute(f"INSERT OR IGNORE INTO events SELECT {FIELDS} FROM src.events")
            lines = read = conn.execute("SELECT count(*) FROM src.events").fetchone()[0]
        else:
            lines, read = _load(conn, _xapi_rows(path) if kind == "export" else _csv_rows(path))
            if not read:
                raise Unusable(
                    "holds no Net Heroes xAPI statements"
                    if kind == "export"
                    else "holds no Net Heroes outcome rows"
                )
        aggregate.summarize(conn, "main.events")
        kept = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return kept, read, lines - read


def _load(conn, rows) -> tuple[int, int]:
    """Store rows (see xapi.ROW_COLUMNS; None for a line that is not ours): each (session,
    seq) once, and each session once (it starts at the hour of its first event). Returns
    (lines, rows)."""
    insert = f"INSERT OR IGNORE INTO events VALUES ({', '.join('?' * len(aggregate.EVENT_FIELDS))})"
    sessions: dict[str, list] = {}  # id -> [first timestamp, locale, age band, ...]
    batch = []
    lines = count = 0
    for row in rows:
        lines += 1
        if row is None:
            continue
        count += 1
        batch.append(_FIELDS_OF(row))
        known = sessions.get(row[0])
        if known is None:
            sessions[row[0]] = [row[_TS], *row[_SESSION_AT:]]
        else:
            if row[_TS] < known[0]:
                known[0] = row[_TS]
            if not known[2]:
                known[2] = row[_AGE]  # the age band may be set during the session
        if len(batch) == BATCH:
            conn.executemany(insert, batch)
            batch.clear()
    conn.executemany(insert, batch)
    conn.executemany(
        f"INSERT INTO sessions VALUES ({', '.join('?' * len(schema.SESSION_COLUMNS))})",
        ((sid, f"{first[:13]}:00:00Z", *rest) for sid, (first, *rest) in sessions.items()),
    )
    return lines, count


def lines(fh):
    """Each non-empty line of a binary file (a far too long one is cut to one bad byte)."""
    for raw in iter(lambda: fh.readline(MAX_LINE), b""):
        if len(raw) == MAX_LINE and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = fh.readline(MAX_LINE)
            raw = b"\xff"
        if not raw.isspace():
            yield raw


def _xapi_rows(path: str):
    with open(path, "rb") as fh:
        for raw in lines(fh):
            yield xapi.parse(raw)


def _csv_rows(path: str):
    """Each record's row, or None for a record that is not ours; nothing at all for a CSV
    file without the header of an export (the report then says it holds none)."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        records = csv.reader(fh)
        header = tuple(next(records, ()))
        if header not in (csvexport.EXPORT_COLUMNS, csvexport.OLD_COLUMNS):
            return
        old = header == csvexport.OLD_COLUMNS
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except csv.Error:  # e.g. a far too long field: not one of our rows
                yield None
                continue
            if record:
                yield csvexport.parse(record, old)


@contextmanager
def _output(database: str):
    """A new database for one input (its `sessions`, `events`, `plays` and `points`),
    written in one transaction; errors become Unusable."""
    try:
        conn = sqlite3.connect(database, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute(f"CREATE TABLE sessions ({SESSIONS}, PRIMARY KEY (id)) WITHOUT ROWID")
            conn.execute(EVENTS_TABLE.format("events"))
            aggregate.create_tables(conn)
            conn.execute("BEGIN")
            yield conn
            conn.execute("COMMIT")
        finally:
            conn.close()
    except OSError as exc:
        raise Unusable(f"cannot be read ({exc.strerror or exc})") from None
    except sqlite3.Error as exc:
        raise Unusable(f"is damaged ({exc})") from None


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


def sniff(path: Path) -> tuple[str, str]:
    """('database', 'export' or 'csv', '') or ('', why the file cannot be used), from its
    start."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return "", f"cannot be read ({exc.strerror or exc})"
    if head.startswith(SQLITE_MAGIC):
        return "database", ""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return "export", ""
    if text.startswith(csvexport.HEADER):
        return "csv", ""
    return "", "is empty" if not head else "is neither an outcomes database nor an export"


def _pool(paths: list[Path]) -> ProcessPoolExecutor | None:
    """Worker processes for reading files, when there is enough to read to be worth it."""
    workers = min(os.cpu_count() or 1, len(paths))
    if workers < 2 or sum(p.stat().st_size for p in paths) < PARALLEL_BYTES:
        return None
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
