"""Sending the recorded statements to an LRS: the outcomes database is the queue.

Each event row has its statement's id (given when it was recorded) and a `sent` mark
(schema.py, format 3). A sync reads the rows not sent yet, in order, at most BATCH at a
time, and posts them as xAPI statements (lrs.py):

- 200: the LRS stored them. The ids it lists are marked SENT; the others of the batch it
  already had (the same statements, sent before and the answer lost) are marked ALREADY.
  204 (nothing stored) marks the whole batch ALREADY.
- 400, 413 or 422: the LRS refused something in the batch. The batch is split in two and
  each half sent again, down to the one statement it refuses, which is marked SET_ASIDE
  and reported: it stays in the database (and in the exports), is not sent again, and
  `--retry-set-aside` puts it back in the queue.
- 409: the LRS holds a different statement with the same id. Split the same way; the one
  statement is marked CONFLICT, logged, and not sent again.
- 401/403: stop at once with a clear message; nothing more is sent.
- 5xx, 429, a timeout, no network: wait and try again (1, 2, 4 ... s, `retries` times), then
  stop; what is not sent is left for later.
- Anything else (an answer that is not xAPI, a redirect loop, a certificate that does not
  verify): stop with the reason.

Marks are written right after the LRS's answer, one transaction per answer, and only then
is the next batch read. A sync never deletes or changes a row's content. If a mark cannot
be written (a full disk), the sync stops: those statements stay in the queue and are sent
again next time, and the LRS, which already has them, keeps one copy (they come back as
ALREADY). A sync killed at any moment therefore loses nothing and duplicates nothing.

`background()` is the sync the game runs after a story and at start (see
store.SQLiteRecorder.use_lrs): one at a time, no waiting between retries (the next story
retries), and a pause that doubles, from 30 s to 15 minutes, while the LRS cannot be
reached.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..log import warn_once
from . import endpoint, schema, xapi
from .lrs import Client, LrsError, Refused, Unreachable, Unusable, check, ids_of

BATCH = 100  # statements per POST, at most
RETRIES = 4  # tries again after the first failure: waits of 1, 2, 4 and 8 s
FIRST_WAIT, LONGEST_WAIT = 1.0, 30.0
MALFORMED = (400, 413, 422)
QUIET_PAUSE, LONGEST_PAUSE = 30.0, 900.0  # background: pause while the LRS is unreachable

_SELECT = (
    "SELECT {events}, {statement} AS statement, s.locale, s.age_band, s.grp, "
    "s.content_version FROM events e JOIN sessions s ON s.id = e.session "
    "WHERE e.sent IS NULL AND (e.session, e.seq) > (?, ?) ORDER BY e.session, e.seq LIMIT ?"
)


class MarkFailed(Exception):
    """The LRS answered, but the database could not record it."""


@dataclass
class Summary:
    pending: int = 0  # statements in the queue when the sync began
    sent: int = 0
    already: int = 0
    conflicts: int = 0  # of `already`: the LRS holds a different statement with the id
    set_aside: list[str] = field(default_factory=list)  # statement ids
    left: int = 0
    stopped: str = ""  # why the sync stopped before the end ('' when it did not)
    unreachable: bool = False  # it stopped because the LRS could not be reached

    def line(self) -> str:
        conflicts = f" ({self.conflicts} different)" if self.conflicts else ""
        return (
            f"sync: {self.sent} sent, {self.already} already there{conflicts}, "
            f"{len(self.set_aside)} set aside, {self.left} left for later"
        )

    @property
    def ok(self) -> bool:
        return not self.stopped and not self.set_aside and not self.left


class Sync:
    """One sync of one outcomes database to one LRS (see the module's description)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        client: Client,
        *,
        batch: int = BATCH,
        retries: int = RETRIES,
        sleep: Callable[[float], None] = time.sleep,
        log: Callable[[str], None] = lambda message: None,
        progress: Callable[[int, int], None] | None = None,
        after_batch: Callable[[Summary], None] | None = None,
    ):
        self.conn = conn
        self.client = client
        self.batch = max(1, min(BATCH, batch))
        self.retries = retries
        self.sleep = sleep
        self.log = log
        self.progress = progress
        self.after_batch = after_batch
        self.summary = Summary()
        self._keys: dict[str, tuple[str, int]] = {}

    def run(self) -> Summary:
        summary = self.summary
        conn = self.conn
        summary.pending = _unsent(conn)
        select = _SELECT.format(
            events=", ".join(f"e.{c}" for c in schema.EVENT_COLUMNS),
            statement=f"coalesce(e.{schema.select_statement(conn)}, '')",
        )
        after: tuple[str, int] = ("", 0)
        done = 0
        try:
            while True:
                cursor = conn.execute(select, (*after, self.batch))
                rows = cursor.fetchall()
                if not rows:
                    break
                columns = [d[0] for d in cursor.description]
                statements = []
                for row in rows:
                    event = dict(zip(columns, row, strict=True))
                    made = xapi.statement(event, event)
                    self._keys[made["id"]] = (event["session"], event["seq"])
                    statements.append(made)
                self._send(statements)
                after = (rows[-1][0], rows[-1][1])
                done += len(rows)
                if self.progress:
                    self.progress(done, summary.pending)
                if self.after_batch:
                    self.after_batch(summary)
        except Unreachable as exc:
            summary.stopped, summary.unreachable = f"{exc}; the rest is left for later", True
        except (Refused, Unusable) as exc:
            summary.stopped = str(exc)
        except MarkFailed as exc:
            summary.stopped = str(exc)
        except sqlite3.Error as exc:
            summary.stopped = f"cannot read the outcomes to send: {exc}"
        try:
            summary.left = _unsent(conn)
        except sqlite3.Error:
            summary.left = summary.pending - summary.sent - summary.already
            summary.left -= len(summary.set_aside)
        return summary

    # -- one batch ----------------------------------------------------------------------
    def _send(self, statements: list[dict]) -> None:
        answer = self._post(statements)
        status = answer.status
        if status in (200, 204):
            stored = set(ids_of(answer)) if status == 200 else set()
            marks = [(schema.SENT if s["id"] in stored else schema.ALREADY, s) for s in statements]
            self._mark(marks)
            sent = sum(1 for mark, _s in marks if mark == schema.SENT)
            self.summary.sent += sent
            self.summary.already += len(marks) - sent
        elif status in MALFORMED or status == 409:
            if len(statements) > 1:
                half = len(statements) // 2
                self._send(statements[:half])
                self._send(statements[half:])
                return
            statement = statements[0]
            session, seq = self._keys[statement["id"]]
            where = f"statement {statement['id']} (event {seq} of session {session})"
            if status == 409:
                self._mark([(schema.CONFLICT, statement)])
                self.summary.already += 1
                self.summary.conflicts += 1
                self.log(
                    f"{where}: the LRS holds a different statement with this id (409: "
                    f"{answer.detail()}); kept here, not sent again"
                )
            else:
                self._mark([(schema.SET_ASIDE, statement)])
                self.summary.set_aside.append(statement["id"])
                self.log(
                    f"{where} set aside: the LRS refused it ({status}: {answer.detail()}); "
                    "kept here, not sent again (--retry-set-aside sends it again)"
                )
        else:
            raise Unusable(
                f"the LRS answered {status} to a POST ({answer.detail(80) or 'no detail'}): "
                f"is {self.client.shown} the LRS's xAPI address?"
            )

    def _post(self, statements: list[dict]):
        """The LRS's answer to one POST, trying again while it cannot be reached."""
        wait = FIRST_WAIT
        for attempt in range(self.retries + 1):
            try:
                answer = self.client.post(statements)
                check(answer, self.client.shown)
                return answer
            except Unreachable as exc:
                if attempt == self.retries:
                    raise
                self.log(f"{exc}; trying again in {wait:g} s")
                self.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _mark(self, marks: list[tuple[int, dict]]) -> None:
        keys = self._keys
        try:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.executemany(
                    "UPDATE events SET sent = ? WHERE session = ? AND seq = ?",
                    [(mark, *keys[s["id"]]) for mark, s in marks],
                )
        except sqlite3.Error as exc:
            raise MarkFailed(
                f"the LRS has {len(marks)} more statement(s), but they could not be marked as "
                f"sent ({exc}); they stay in the queue, are sent again next time, and the LRS "
                "keeps one copy"
            ) from None


def _unsent(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM events WHERE sent IS NULL").fetchone()[0]


def retry_set_aside(conn: sqlite3.Connection) -> int:
    """Put the statements set aside back in the queue; how many."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        return conn.execute(
            "UPDATE events SET sent = NULL WHERE sent = ?", (schema.SET_ASIDE,)
        ).rowcount


# -- in the game: after a story, at start ------------------------------------------------
_running = threading.Lock()
_pause = {"until": 0.0, "length": 0.0}


def background(connect: Callable[[], sqlite3.Connection], settings) -> Summary | None:
    """One quiet sync for the game, in the thread that calls it (store.py starts one):
    `connect()` opens the outcomes database, `settings` is the operator file's `lrs`
    section. Never raises; does nothing while another one runs or for a while after the LRS
    could not be reached. Problems are warned once."""
    if time.monotonic() < _pause["until"] or not _running.acquire(blocking=False):
        return None
    try:
        return _background(connect, settings)
    except Exception as exc:  # a thread's error must not reach the game
        warn_once(f"lrs-sync:{type(exc).__name__}", f"outcomes not sent to the LRS: {exc}")
        return None
    finally:
        _running.release()


def _background(connect: Callable[[], sqlite3.Connection], settings) -> Summary | None:
    def log(message: str) -> None:
        warn_once(f"lrs-sync:{message}", f"LRS: {message}")

    try:
        user, password = endpoint.read_credentials(settings.credentials_path)
        client = Client(settings.url, user, password, allow_http=settings.allow_http, timeout=10.0)
        conn = connect()
    except (ValueError, OSError, sqlite3.Error) as exc:
        log(f"outcomes not sent: {exc}")
        return None
    try:
        summary = Sync(conn, client, retries=0, log=log).run()
    finally:
        conn.close()
    if summary.unreachable:  # no network, or the LRS is down: wait longer each time
        _pause["length"] = min(max(QUIET_PAUSE, _pause["length"] * 2), LONGEST_PAUSE)
        _pause["until"] = time.monotonic() + _pause["length"]
    else:
        _pause["length"] = 0.0
        if summary.stopped:
            log(f"outcomes not sent: {summary.stopped}")
    return summary


# -- reading back, for the report ----------------------------------------------------------
def download(client: Client, out, *, retries: int = RETRIES, sleep=time.sleep) -> int:
    """Write every statement the LRS gives `client` to `out` (a binary file), one JSON line
    each; how many. The whole reading starts again after an unreachable moment (the pages
    are not kept), at most `retries` times. Raises LrsError."""
    wait = FIRST_WAIT
    for attempt in range(retries + 1):
        out.seek(0)
        out.truncate()
        count = 0
        try:
            for statement in client.read_all():
                out.write(json.dumps(statement, ensure_ascii=False).encode() + b"\n")
                count += 1
            return count
        except Unreachable as exc:
            if attempt == retries:
                raise
            print(f"note: {exc}; trying again in {wait:g} s", file=sys.stderr)
            sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT)
    raise AssertionError("unreachable")


__all__ = ["BATCH", "LrsError", "Summary", "Sync", "background", "download"]
