"""How fast `python -m game sync` sends statements to an LRS: 10,000 statements to a local
Ralph LRS (its file system backend, on 127.0.0.1), in batches of 100.

Run from the repository root, with the test extras installed (they bring Ralph):

    python bench/lrs_sync.py                  # 10,000 statements, 3 runs
    python bench/lrs_sync.py --statements 2000 --runs 1
    python bench/lrs_sync.py --read           # also time reading them back (report --lrs)

Each run records the statements into a fresh outcomes database (1,250 sessions of 8 events,
written with the game's own schema), starts a fresh Ralph, and times `Sync.run()` from the
first query of the queue to the last mark: building the statements, posting them, marking
them. A second sync of the same database (nothing left to send) is timed too. Prints the
machine, then statements per second for each run and their median. Nothing fails on time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.outcomes import lrs, schema  # noqa: E402
from game.outcomes.store import connect  # noqa: E402
from game.outcomes.sync import Sync  # noqa: E402

HOME = "https://net-heroes.invalid"
# Ralph 5.1's file system LRS writes its file in "create" mode, so only the first POST
# succeeds; the benchmark's server appends instead (the same setting as the tests).
APPEND = """\
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
"""
EVENTS = (
    ("scenario_started", "", "", "", "", None),
    ("efficacy", "", "no", "pre", "", None),
    ("answer", "", "a", "pre", "q1", 0),
    ("answer", "", "b", "pre", "q2", 1),
    ("decision", "hello", "c1", "", "", None),
    ("answer", "", "b", "post", "p1", 1),
    ("efficacy", "", "yes", "post", "", None),
    ("scenario_completed", "end", "", "", "", None),
)


def ralph_command() -> str:
    found = shutil.which(
        "ralph", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    )
    if not found:
        sys.exit("Ralph is not installed: pip install -e '.[test]'")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, ralph: str, folder: Path):
        self.ralph, self.folder = ralph, folder
        (folder / "data").mkdir(parents=True)
        (folder / "site").mkdir()
        (folder / "site" / "sitecustomize.py").write_text(APPEND, encoding="utf-8")
        self.env = {
            **os.environ,
            "PYTHONPATH": str(folder / "site"),
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
        }
        self.password = uuid.uuid4().hex
        subprocess.run(
            [ralph, "auth", "-u", "bench", "-p", self.password, "-s", "all", "-w"]
            + ["-A", "bench-sync", HOME],
            env=self.env,
            check=True,
            capture_output=True,
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        with open(folder / "ralph.log", "ab") as log:
            self.process = subprocess.Popen(
                [ralph, "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(self.port)],
                cwd=folder,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1
                ):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit("Ralph did not start; see " + str(folder / "ralph.log"))

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def client(self) -> lrs.Client:
        return lrs.Client(self.url, "bench", self.password)


def make_database(folder: Path, statements: int) -> Path:
    path = folder / schema.DB_NAME
    conn = sqlite3.connect(path)
    schema.create(conn)
    columns = (*schema.EVENT_COLUMNS, "statement")
    insert = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    made = 0
    while made < statements:
        session = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO sessions VALUES (?, '2026-03-09T10:00:00Z', 'pt_BR', '9-12', '5B', 'v3')",
            (session,),
        )
        for seq, (kind, node, choice, phase, question, correct) in enumerate(EVENTS, 1):
            if made == statements:
                break
            safety = "safe" if kind == "decision" else ""
            seconds = 90 if kind == "scenario_completed" else None
            conn.execute(
                insert,
                (session, seq, kind, "demo", node, choice, safety, phase, question, correct)
                + (seconds, f"2026-03-09T10:00:{seq * 10 % 60:02d}Z", None, str(uuid.uuid4())),
            )
            made += 1
    conn.commit()
    conn.close()
    return path


def one_run(ralph: str, statements: int, read: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="net-heroes-bench-lrs-") as name:
        folder = Path(name)
        path = make_database(folder, statements)
        server = Server(ralph, folder / "ralph")
        try:
            conn = connect(path)
            started = time.perf_counter()
            summary = Sync(conn, server.client()).run()
            elapsed = time.perf_counter() - started
            started = time.perf_counter()
            again = Sync(conn, server.client()).run()
            second = time.perf_counter() - started
            conn.close()
            figures = {"seconds": elapsed, "line": summary.line(), "second": second}
            if read:
                started = time.perf_counter()
                count = sum(1 for _ in server.client().read_all())
                figures["read"] = (count, time.perf_counter() - started)
            assert again.sent == 0 and summary.sent == statements, summary.line()
            return figures
        finally:
            server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--read", action="store_true", help="also time reading them back")
    args = parser.parse_args()
    ralph = ralph_command()
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    rates = []
    for run in range(1, args.runs + 1):
        figures = one_run(ralph, args.statements, args.read)
        rate = args.statements / figures["seconds"]
        rates.append(rate)
        line = (
            f"run {run}: {args.statements:,} statements in {figures['seconds']:.2f} s = "
            f"{rate:,.0f} statements/s; a second sync (nothing to send) "
            f"{figures['second'] * 1000:.0f} ms"
        )
        if "read" in figures:
            count, seconds = figures["read"]
            line += f"; read back {count:,} in {seconds:.2f} s ({count / seconds:,.0f}/s)"
        print(line)
        print(f"  {figures['line']}")
    print(
        f"median: {statistics.median(rates):,.0f} statements/s "
        f"(batches of 100, Ralph fs backend on 127.0.0.1)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
