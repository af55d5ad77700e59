"""Merge outcome files from many computers into one temporary SQLite database.

Inputs are outcome databases (`outcomes.sqlite3`), xAPI exports (JSON lines) and CSV
exports. Events are
de-duplicated by (session, seq), which is what a statement id is derived from, so the same
data exported twice, or once as a database and once as an export, counts once.

Each file is tallied on its own (`partial.py`; in worker processes when there is much to
read, since parsing JSON is the slow part) and the tallies are summed here: nothing holds
all the events, in memory or in a table. A session found in more than one file would count
twice, so `finish()` takes its figures out of each file's tally and puts them back once,
from its de-duplicated events. A file that is damaged, truncated or not ours is skipped
with a message naming it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from . import csvexport, schema
from .partial import Unusable, extract, summarize
from .tally import EVENT_FIELDS, Tally, create_tables

SQLITE_MAGIC = b"SQLite format 3\x00"
PARALLEL_BYTES = 4 << 20  # less than this in all is read here, one file after the other
SESSIONS = ", ".join(schema.SESSION_COLUMNS)


class Merged:
    """A temporary database of `sessions`, `plays` and `points` (see tally.py) for the
    functions of aggregate.py; `notes` says what happened to each input file."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="net-heroes-report-")
        self.conn = sqlite3.connect(
            str(Path(self._dir.name) / "merged.sqlite3"), isolation_level=None
        )
        for pragma in ("journal_mode = OFF", "synchronous = OFF"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute(f"CREATE TABLE raw_sessions (file, {SESSIONS})")
        create_tables(self.conn, file_column=True)
        self.notes: list[str] = []
        self.used: list[str] = []
        self.events = 0  # events merged (after de-duplication)
        self.duplicates = 0
        self._read = 0
        self._parts = 0
        self._files: list[tuple[str, str]] = []  # (path, kind) of each merged file
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
        """Merge the files, in order; then finish()."""
        jobs = [(Path(p), *sniff(Path(p)), self._part()) for p in paths]
        self._pool = _pool([path for path, kind, _why, _part in jobs if kind])
        try:
            futures = [
                self._run(summarize, str(p), kind, part) if kind else None
                for p, kind, _why, part in jobs
            ]  # all started before waiting for one
            for (path, kind, why, part), job in zip(jobs, futures, strict=True):
                if kind:
                    self._add(path, kind, part, job)
                else:
                    self._skip(path, why)
            self.finish()
        finally:
            if self._pool:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None

    def add(self, path: Path | str) -> bool:
        """Merge one file (call finish() after the last); False when it is skipped."""
        kind, why = sniff(Path(path))
        if not kind:
            return self._skip(Path(path), why)
        part = self._part()
        return self._add(Path(path), kind, part, self._run(summarize, str(path), kind, part))

    def _add(self, path: Path, kind: str, part: str, job) -> bool:
        try:
            kept, read, bad = self._result(job)
        except Unusable as exc:
            return self._skip(path, str(exc))
        self.conn.execute("ATTACH DATABASE ? AS part", (part,))
        try:
            file = len(self._files)
            self.conn.execute("BEGIN")
            self.conn.execute(f"INSERT INTO raw_sessions SELECT {file}, * FROM part.sessions")
            self.conn.execute("INSERT INTO plays SELECT * FROM part.plays")
            self.conn.execute(f"INSERT INTO points SELECT {file}, * FROM part.points")
            self.conn.execute("COMMIT")
        finally:
            self.conn.execute("DETACH DATABASE part")
        self._files.append((str(path), kind))
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
        self._parts += 1
        return str(Path(self._dir.name) / f"part{self._parts}.sqlite3")

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
        again: dict[int, list[str]] = {}
        for file, session in conn.execute(
            "SELECT file, id FROM raw_sessions WHERE id IN (SELECT id FROM raw_sessions "
            "GROUP BY id HAVING count(*) > 1) ORDER BY file"
        ):
            again.setdefault(file, []).append(session)
        if again:
            self._count_once(again)
        self.duplicates = self._read - self.events

    def _count_once(self, again: dict[int, list[str]]) -> None:
        conn = self.conn
        conn.execute(f"CREATE TEMP TABLE twice ({', '.join(schema.EVENT_COLUMNS)})")
        parts = {file: self._part() for file in again}
        jobs = {
            file: self._run(extract, *self._files[file], sessions, parts[file])
            for file, sessions in again.items()
        }
        for file, job in jobs.items():  # take these sessions' figures out of every file's
            try:
                self._result(job)
            except Unusable as exc:  # changed since it was summarized: left as it was
                self.notes.append(f"{self._files[file][0]}: {exc}")
                continue
            conn.execute("ATTACH DATABASE ? AS part", (parts[file],))
            try:
                conn.execute("INSERT INTO temp.twice SELECT * FROM part.events")
                conn.execute(
                    f"INSERT INTO points SELECT {file}, scenario, node, -sessions, "
                    f"-decisions, -safe, -neutral, -risky FROM part.points"
                )
            finally:
                conn.execute("DETACH DATABASE part")
        conn.execute("DELETE FROM plays WHERE session IN (SELECT session FROM temp.twice)")
        conn.execute("CREATE TEMP TABLE once AS SELECT * FROM temp.twice GROUP BY session, seq")
        rows = conn.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM temp.once")
        Tally().add_rows(rows).write(conn, file=-1)  # ...and put them back once
        twice, once = (
            conn.execute(f"SELECT count(*) FROM temp.{t}").fetchone()[0] for t in ("twice", "once")
        )
        self.events -= twice - once


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
