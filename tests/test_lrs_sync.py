"""Sending outcomes to an LRS (game/outcomes/sync.py) and reading them back for a report,
against a real LRS: Ralph (`ralph-malph`, a test dependency) with its file system backend,
started once for this module on 127.0.0.1 with credentials made by `ralph auth`.

A few cases need an LRS that misbehaves on purpose (garbage, a redirect loop, no answer):
a small HTTP server in a thread plays it. The format 3 upgrade, the operator file's `lrs:`
section and the report's deep-JSON guard need no server at all."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from game import log
from game.cli import main
from game.operator_settings import check_text
from game.operator_values import Lrs
from game.outcomes import lrs, schema, xapi
from game.outcomes.store import SQLiteRecorder, connect
from game.outcomes.sync import Summary, Sync

from .helpers import MINIMAL

HOME = "https://net-heroes.invalid"
BIN = Path(sys.executable).parent
RALPH = shutil.which("ralph", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")

# Ralph 5.1's file system LRS creates its statements file with the first POST and then
# refuses every later POST (500: "already exists"), since it writes in "create" mode. The
# server started here appends instead: the same Ralph, one setting changed at its start.
APPEND = """\
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ralph:
    """A Ralph LRS in a process group of its own, on a free port, its data in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        (self.data / "reports").mkdir(parents=True)
        site = folder / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(APPEND, encoding="utf-8")
        self.env = {
            **os.environ,
            "PYTHONPATH": str(site),
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
        }
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.process: subprocess.Popen | None = None
        self.passwords: dict[str, Path] = {}

    def add_user(self, user: str, target: str = "") -> Path:
        password = uuid.uuid4().hex
        command = [RALPH, "auth", "-u", user, "-p", password, "-s", "all", "-w"]
        command += ["-A", f"{user}-sync", HOME] + (["-t", target] if target else [])
        subprocess.run(command, env=self.env, check=True, capture_output=True, timeout=60)
        file = self.folder / f"{user}.password"
        file.write_text(password + "\n", encoding="utf-8")
        file.chmod(0o600)
        self.passwords[user] = file
        return file

    def start(self) -> None:
        log_file = open(self.folder / "ralph.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [RALPH, "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(self.port)],
            cwd=self.folder,
            env=self.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its reloader and server: one group, killed together
        )
        log_file.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1
                ) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError((self.folder / "ralph.log").read_text(errors="replace")[-2000:])

    def kill(self) -> None:
        """Kill the server at once (SIGKILL to its process group, by its id)."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=30)
            self.process = None

    def stored_ids(self, target: str = "") -> list[str]:
        """The ids of the statements in the LRS's file, one per copy."""
        file = self.data / target / "fs_lrs.jsonl"
        if not file.exists():
            return []
        return [json.loads(line)["id"] for line in file.read_text().splitlines() if line]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    if RALPH is None:
        pytest.skip("Ralph is not installed (pip install -e '.[test]' installs ralph-malph)")
    server = Ralph(tmp_path_factory.mktemp("ralph"))
    server.add_user("school")
    server.add_user("reports", target="reports")
    server.start()
    yield server
    server.kill()


@pytest.fixture(autouse=True)
def fresh_warnings():
    log.reset()
    yield
    log.reset()


def record(folder: Path, sessions: int, *, group: str = "5B") -> SQLiteRecorder:
    """Sessions of 8 events each (pre and post answers, efficacy, a decision, the end)."""
    rec = SQLiteRecorder(folder)
    for n in range(sessions):
        rec.start_session(locale="pt_BR", content_version="v3", group=group)
        rec.record("scenario_started", scenario="demo")
        rec.record("efficacy", scenario="demo", phase="pre", choice=("no", "unsure")[n % 2])
        rec.record("answer", scenario="demo", phase="pre", question="q1", choice="a", correct=False)
        rec.record(
            "answer", scenario="demo", phase="pre", question="q2", choice="b", correct=n % 3 == 0
        )
        rec.record("decision", scenario="demo", node="hello", choice="c1", safety="safe")
        rec.record(
            "answer", scenario="demo", phase="post", question="p1", choice="b", correct=n % 4 > 0
        )
        rec.record("efficacy", scenario="demo", phase="post", choice="yes")
        rec.record("scenario_completed", scenario="demo", ending="end", seconds=90)
    rec.close()
    return rec


def queue(folder: Path) -> dict[str, int | None]:
    """{statement id: sent mark} of every row of the folder's database."""
    conn = sqlite3.connect(folder / schema.DB_NAME)
    try:
        return dict(conn.execute("SELECT statement, sent FROM events"))
    finally:
        conn.close()


def sync_args(server: Ralph, folder: Path, user: str = "school", *more: str) -> list[str]:
    return [
        "sync",
        "--lrs",
        server.url,
        "--user",
        user,
        "--password-file",
        str(server.passwords[user]),
        "--data-dir",
        str(folder),
        *more,
    ]


def client(server: Ralph, user: str = "school", **options) -> lrs.Client:
    password = server.passwords[user].read_text().strip()
    return lrs.Client(server.url, user, password, **options)


def counts(ids: list[str], wanted) -> dict[str, int]:
    wanted = set(wanted)
    found = dict.fromkeys(wanted, 0)
    for statement_id in ids:
        if statement_id in wanted:
            found[statement_id] += 1
    return found


# -- against Ralph ---------------------------------------------------------------------------
def test_every_statement_arrives_once_and_a_second_sync_sends_nothing(ralph, tmp_path, capsys):
    record(tmp_path, 30)  # 240 statements: three batches
    ids = queue(tmp_path)
    assert len(ids) == 240 and set(ids.values()) == {None}
    assert main(sync_args(ralph, tmp_path)) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "sync: 240 sent, 0 already there, 0 set aside, 0 left for later"
    assert set(counts(ralph.stored_ids(), ids).values()) == {1}
    assert set(queue(tmp_path).values()) == {schema.SENT}
    password = ralph.passwords["school"].read_text().strip()
    assert password not in out + err
    # The export gives the very statements the LRS has, ids included.
    exported = tmp_path / "export.jsonl"
    assert main(["export", "--data-dir", str(tmp_path), "--out", str(exported)]) == 0
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert {s["id"] for s in lines} == set(ids)
    assert all("mbox" not in json.dumps(s["actor"]) for s in lines)
    assert main(sync_args(ralph, tmp_path)) == 0
    assert capsys.readouterr().out.strip() == (
        "sync: 0 sent, 0 already there, 0 set aside, 0 left for later"
    )
    assert set(counts(ralph.stored_ids(), ids).values()) == {1}


class Dying(lrs.Client):
    """Posts like a client, but on the `at`-th POST kills the server once the LRS has stored
    the batch, before its answer is read: the game never learns that it arrived."""

    def __init__(self, server: Ralph, at: int):
        super().__init__(server.url, "school", server.passwords["school"].read_text().strip())
        self.server, self.at, self.posts = server, at, 0

    def post(self, statements):
        self.posts += 1
        answer = super().post(statements)
        if self.posts == self.at:
            self.server.kill()
            raise lrs.Unreachable("the connection broke")
        return answer


def test_a_server_killed_in_the_middle_of_a_sync_loses_nothing_and_duplicates_nothing(
    ralph, tmp_path
):
    record(tmp_path, 25)  # 200 statements
    ids = queue(tmp_path)
    conn = connect(tmp_path / schema.DB_NAME)
    try:
        summary = Sync(conn, Dying(ralph, at=2), batch=50, retries=2, sleep=lambda s: None).run()
    finally:
        conn.close()
        ralph.start()  # and it comes back
    assert (summary.sent, summary.already, summary.left) == (50, 0, 150)
    assert summary.unreachable and "left for later" in summary.stopped
    marks = queue(tmp_path)
    assert list(marks.values()).count(schema.SENT) == 50
    conn = connect(tmp_path / schema.DB_NAME)
    try:
        again = Sync(conn, client(ralph), batch=50).run()
    finally:
        conn.close()
    # The second batch reached the LRS before it died: it comes back as already there.
    assert (again.sent, again.already, again.left, again.stopped) == (100, 50, 0, "")
    assert set(counts(ralph.stored_ids(), ids).values()) == {1}
    assert set(queue(tmp_path).values()) == {schema.SENT, schema.ALREADY}


class DiskFull:
    """A connection whose second write of marks fails as on a full disk."""

    def __init__(self, conn):
        self.conn, self.marks = conn, 0

    def __getattr__(self, name):
        return getattr(self.conn, name)

    def __enter__(self):
        return self.conn.__enter__()

    def __exit__(self, *exc):
        return self.conn.__exit__(*exc)

    def executemany(self, sql, rows):
        self.marks += 1
        if self.marks == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.executemany(sql, rows)


def test_a_full_disk_while_marking_stops_cleanly_and_nothing_is_lost(ralph, tmp_path):
    record(tmp_path, 10)  # 80 statements
    ids = queue(tmp_path)
    conn = connect(tmp_path / schema.DB_NAME)
    try:
        summary = Sync(DiskFull(conn), client(ralph), batch=20).run()  # type: ignore[arg-type]
    finally:
        conn.close()
    # 20 sent and marked; the next 20 reached the LRS but are not marked: still queued.
    assert (summary.sent, summary.left) == (20, 60)
    assert "the LRS has 20 more statement(s), but they could not be marked as sent" in (
        summary.stopped
    )
    assert "(database or disk is full)" in summary.stopped
    assert len(queue(tmp_path)) == 80
    conn = connect(tmp_path / schema.DB_NAME)
    try:
        again = Sync(conn, client(ralph), batch=20).run()
    finally:
        conn.close()
    assert (again.sent, again.already, again.left) == (40, 20, 0)
    assert set(counts(ralph.stored_ids(), ids).values()) == {1}


def test_wrong_credentials_stop_cleanly(ralph, tmp_path, capsys):
    record(tmp_path, 2)
    wrong = tmp_path / "wrong.password"
    wrong.write_text("not-the-password\n", encoding="utf-8")
    wrong.chmod(0o600)
    args = sync_args(ralph, tmp_path)
    args[args.index("--password-file") + 1] = str(wrong)
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "sync: 0 sent, 0 already there, 0 set aside, 16 left for later"
    assert "refused the user name or password (401)" in err
    assert "Traceback" not in err and "not-the-password" not in out + err
    assert set(queue(tmp_path).values()) == {None}


def test_a_malformed_statement_is_set_aside_while_the_rest_arrive(ralph, tmp_path, capsys):
    record(tmp_path, 5)  # 40 statements
    conn = sqlite3.connect(tmp_path / schema.DB_NAME)
    bad_session = conn.execute("SELECT session FROM events LIMIT 1").fetchone()[0]
    conn.execute(
        "UPDATE events SET statement = 'not-a-uuid' WHERE session = ? AND seq = 3", (bad_session,)
    )
    conn.commit()
    conn.close()
    ids = queue(tmp_path)
    assert main(sync_args(ralph, tmp_path)) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "sync: 39 sent, 0 already there, 1 set aside, 0 left for later"
    assert f"statement not-a-uuid (event 3 of session {bad_session}) set aside" in err
    stored = counts(ralph.stored_ids(), ids)
    assert stored.pop("not-a-uuid") == 0 and set(stored.values()) == {1}
    marks = queue(tmp_path)
    assert len(marks) == 40 and marks["not-a-uuid"] == schema.SET_ASIDE
    assert main(sync_args(ralph, tmp_path)) == 0  # not sent again
    assert capsys.readouterr().out.strip().startswith("sync: 0 sent")


def test_a_report_from_the_lrs_equals_the_report_from_the_files(ralph, tmp_path, capsys):
    (tmp_path / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    folder = tmp_path / "pc"
    record(folder, 15)  # 120 statements: the LRS answers in two pages (a `more` link)
    assert main(sync_args(ralph, folder, "reports")) == 0
    capsys.readouterr()
    common = ["--min-group", "3", "--scenarios", str(tmp_path / "s.yaml")]
    outputs = {}
    for name, inputs in (
        ("files", [str(folder / schema.DB_NAME)]),
        (
            "lrs",
            ["--lrs", ralph.url, "--user", "reports", "--password-file"]
            + [str(ralph.passwords["reports"])],
        ),
    ):
        json_out, csv_out = tmp_path / f"{name}.json", tmp_path / f"{name}.csv"
        assert (
            main(["report", *inputs, *common, "--json", str(json_out), "--csv", str(csv_out)]) == 0
        )
        out, err = capsys.readouterr()
        shown = [line for line in out.splitlines() if not line.startswith("wrote ")]
        outputs[name] = (json.loads(json_out.read_text()), csv_out.read_text(), shown)
        if name == "lrs":
            assert "read 120 statements" in err and "skipped" not in err
    assert outputs["lrs"] == outputs["files"]
    figures = outputs["lrs"][0]["stories"][0]
    assert figures["n_paired"] == 15 and figures["gain_ci"] is not None


def test_the_game_syncs_after_a_story_in_the_background(ralph, tmp_path):
    credentials = tmp_path / "lrs.txt"
    credentials.write_text(f"school:{ralph.passwords['school'].read_text().strip()}\n")
    settings = Lrs(url=ralph.url, credentials_file=str(credentials), sync_at_start=False)
    rec = SQLiteRecorder(tmp_path)
    rec.use_lrs(settings)
    threads = []
    rec.sync_soon = lambda original=rec.sync_soon: threads.append(original())  # type: ignore[method-assign]
    rec.start_session(locale="en", content_version="v3")
    rec.record("scenario_started", scenario="demo")
    rec.record("decision", scenario="demo", node="hello", choice="c1", safety="safe")
    assert threads == []  # only the end of a story starts a sync
    rec.record("scenario_completed", scenario="demo", ending="end", seconds=30)
    assert len(threads) == 1
    threads[0].join(30)
    rec.close()
    ids = queue(tmp_path)
    assert set(ids.values()) == {schema.SENT}
    assert set(counts(ralph.stored_ids(), ids).values()) == {1}


# -- an LRS that misbehaves ----------------------------------------------------------------
class Fake(http.server.BaseHTTPRequestHandler):
    behaviour = "garbage"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.behaviour == "garbage":
            body = b"<html>\x00\xff not an LRS"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.behaviour == "loop":
            self.send_response(307)
            there = "/b/statements" if self.path.startswith("/a/") else "/a/statements"
            self.send_header("Location", there)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.behaviour == "slow":
            time.sleep(1.0)
        else:  # "busy"
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

    do_GET = do_POST


@pytest.fixture
def fake():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Fake)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/a/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "behaviour, said",
    [
        ("garbage", "answered a POST that is not JSON"),
        ("loop", "redirects in a loop"),
        ("slow", "did not answer within 0.3 s"),
        ("busy", "answered 503"),
    ],
)
def test_a_misbehaving_lrs_stops_the_sync_without_losing_anything(
    fake, tmp_path, monkeypatch, behaviour, said
):
    monkeypatch.setattr(Fake, "behaviour", behaviour)
    record(tmp_path, 1)
    conn = connect(tmp_path / schema.DB_NAME)
    waits: list[float] = []
    try:
        summary = Sync(
            conn, lrs.Client(fake, "u", "p", timeout=0.3), retries=2, sleep=waits.append
        ).run()
    finally:
        conn.close()
    assert isinstance(summary, Summary)
    assert said in summary.stopped
    assert (summary.sent, summary.left) == (0, 8)
    assert summary.line() == "sync: 0 sent, 0 already there, 0 set aside, 8 left for later"
    assert set(queue(tmp_path).values()) == {None}
    # Busy or silent: tried again after 1 and 2 s; the others are not worth trying again.
    assert waits == ([1.0, 2.0] if behaviour in ("slow", "busy") else [])


def test_a_report_from_an_lrs_answering_garbage_says_so(fake, tmp_path, capsys):
    args = ["report", "--lrs", fake, "--user", "u", "--password-file", str(tmp_path / "pw")]
    (tmp_path / "pw").write_text("p\n")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "cannot read the statements from the LRS" in err and "Traceback" not in err


# -- safe by default -------------------------------------------------------------------------
def test_plain_http_is_refused_except_to_this_machine_or_when_allowed(tmp_path, capsys):
    record(tmp_path, 1)
    (tmp_path / "pw").write_text("secret\n")
    base = ["sync", "--user", "u", "--password-file", str(tmp_path / "pw")]
    base += ["--data-dir", str(tmp_path)]
    assert main([*base, "--lrs", "http://192.0.2.7/xAPI/"]) == 1
    assert "plain http to another machine" in capsys.readouterr().err
    assert main([*base, "--lrs", "https://u:secret@lrs.example.org/xAPI/"]) == 1
    err = capsys.readouterr().err
    assert "must not contain a user name or password" in err and "secret" not in err
    for url, allow in (("http://localhost:1/xAPI/", False), ("http://192.0.2.7/", True)):
        lrs.Client(url, "u", "p", allow_http=allow)  # accepted
    with pytest.raises(SystemExit):  # a password on the command line is refused
        main([*base, "--lrs", "https://lrs.example.org/xAPI/", "--password", "secret"])
    err = capsys.readouterr().err
    assert "never given on the command line" in err and "secret" not in err
    assert set(queue(tmp_path).values()) == {None}


def test_the_operator_file_lrs_section_is_checked_with_located_errors():
    good, diags = check_text(
        "kiosk: true\nlrs:\n  url: https://lrs.school.example/xAPI/\n"
        "  credentials_file: lrs.txt\n  sync_at_start: false\n",
        "pcs/operator.yaml",
    )
    assert diags == []
    assert good.lrs is not None and good.lrs.sync_after_story and not good.lrs.sync_at_start
    assert Path(good.lrs.credentials_path) == Path("pcs/lrs.txt")
    _bad, diags = check_text(
        "lrs:\n  url: http://10.0.0.5/xAPI/\n  sync_after_story: maybe\n  passwd: x\n",
        "operator.yaml",
    )
    assert sorted((d.line, d.col, d.code) for d in diags) == [
        (1, 1, "O005"),  # no credentials_file
        (2, 8, "O005"),  # plain http to another machine
        (3, 21, "O004"),  # not true or false
        (4, 3, "O003"),  # unknown key
    ]
    lan, diags = check_text(
        "lrs:\n  url: http://10.0.0.5/xAPI/\n  credentials_file: /etc/lrs.txt\n"
        "  allow_http: true\n",
        "operator.yaml",
    )
    assert diags == [] and lan.lrs is not None and lan.lrs.credentials_path == "/etc/lrs.txt"


# -- the database format and the report ------------------------------------------------------
FORMAT_2 = """
CREATE TABLE sessions (id TEXT PRIMARY KEY, started TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT '', age_band TEXT NOT NULL DEFAULT '',
    grp TEXT NOT NULL DEFAULT '', content_version TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
CREATE TABLE events (session TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
    scenario TEXT NOT NULL DEFAULT '', node TEXT NOT NULL DEFAULT '',
    choice TEXT NOT NULL DEFAULT '', safety TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT '', question TEXT NOT NULL DEFAULT '', correct INTEGER,
    seconds INTEGER, ts TEXT NOT NULL, count INTEGER, PRIMARY KEY (session, seq)) WITHOUT ROWID;
PRAGMA application_id = 1313362499;
PRAGMA user_version = 2;
"""


def test_a_format_2_database_is_upgraded_in_place_keeping_every_row_and_its_ids(tmp_path):
    conn = sqlite3.connect(tmp_path / schema.DB_NAME)
    conn.executescript(FORMAT_2)
    sid = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO sessions VALUES (?, '2026-03-09T10:00:00Z', 'th', '', '5B', 'v')", (sid,)
    )
    for seq in range(1, 6):
        conn.execute(
            "INSERT INTO events (session, seq, kind, scenario, ts) VALUES (?, ?, 'scenario_started', "
            "'demo', '2026-03-09T10:00:00Z')",
            (sid, seq),
        )
    conn.commit()
    conn.close()
    before = tmp_path / "before.jsonl"
    assert main(["export", "--data-dir", str(tmp_path), "--out", str(before)]) == 0
    rec = SQLiteRecorder(tmp_path)  # the game records in it: upgraded first
    rec.start_session(locale="th", content_version="v")
    rec.record("scenario_started", scenario="demo")
    rec.close()
    conn = sqlite3.connect(tmp_path / schema.DB_NAME)
    assert schema.version(conn) == 3
    rows = conn.execute("SELECT session, seq, statement, sent FROM events").fetchall()
    conn.close()
    assert len(rows) == 6 and all(sent is None for *_, sent in rows)
    old = {(s, q): i for s, q, i, _ in rows if s == sid}
    assert old == {(sid, q): xapi.statement_id(sid, q) for q in range(1, 6)}
    new = [i for s, _q, i, _ in rows if s != sid]
    assert uuid.UUID(new[0]).version == 4
    after = tmp_path / "after.jsonl"
    assert main(["export", "--data-dir", str(tmp_path), "--out", str(after)]) == 0
    # The old rows export exactly as before the upgrade, byte for byte.
    old_lines, new_lines = before.read_text().splitlines(), after.read_text().splitlines()
    assert len(old_lines) == 5 and len(new_lines) == 6 and set(old_lines) < set(new_lines)


def test_a_json_line_nested_50000_deep_is_skipped_like_any_bad_line(tmp_path, capsys):
    (tmp_path / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    record(tmp_path / "pc", 3)
    export = tmp_path / "export.jsonl"
    assert main(["export", "--data-dir", str(tmp_path / "pc"), "--out", str(export)]) == 0
    with open(export, "a", encoding="utf-8") as out:
        out.write("[" * 50_000 + "]" * 50_000 + "\n")
        out.write('{"a":' * 50_000 + "1" + "}" * 50_000 + "\n")
    capsys.readouterr()
    code = main(
        ["report", str(export), "--min-group", "3", "--scenarios", str(tmp_path / "s.yaml")]
    )
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    assert f"{export}: 2 damaged or foreign line(s) skipped" in err
    assert "3 sessions, 24 events" in out
