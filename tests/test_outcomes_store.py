"""Recording outcomes: what a session row and an event row hold, coarse time, WAL and
durable commits, and a game that keeps running when nothing can be saved."""

import argparse
import os
import sqlite3
import time
from datetime import datetime, timezone

import pytest

from game import log
from game.outcomes import Recorder, schema
from game.outcomes.commands import clean_group, open_recorder
from game.outcomes.store import SQLiteRecorder

MOMENT = datetime(2026, 3, 9, 10, 47, 31, tzinfo=timezone.utc)


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def new(tmp_path, clock=None, **session):
    recorder = SQLiteRecorder(tmp_path, clock=clock or Clock(), now=lambda: MOMENT)
    recorder.start_session(**{"locale": "pt_BR", "content_version": "abc123", **session})
    return recorder


def test_a_session_and_its_events(tmp_path):
    clock = Clock()
    rec = new(tmp_path, clock, group="5B")
    assert rows(rec.path, "SELECT count(*) FROM sessions") == [(0,)]  # nothing until played
    rec.record("scenario_started", scenario="demo")
    clock.now += 64
    rec.record("answer", scenario="demo", phase="pre", question="q1", correct=True)
    rec.set_age_band("9-12")
    rec.record("decision", scenario="demo", node="hello", choice="c1", safety="safe")
    rec.record("scenario_completed", scenario="demo", ending="end", safe=1, decisions=1, seconds=70)
    rec.close()
    (session,) = rows(rec.path, "SELECT * FROM sessions")
    assert session[1:] == ("2026-03-09T10:00:00Z", "pt_BR", "9-12", "5B", "abc123")
    assert session[0] == rec.session and len(session[0]) == 36
    events = rows(
        rec.path,
        "SELECT seq, kind, scenario, node, choice, safety, phase, question, "
        "correct, seconds, ts FROM events ORDER BY seq",
    )
    assert events == [
        (1, "scenario_started", "demo", "", "", "", "", "", None, None, "2026-03-09T10:00:00Z"),
        (2, "answer", "demo", "", "", "", "pre", "q1", 1, None, "2026-03-09T10:01:00Z"),
        (3, "decision", "demo", "hello", "c1", "safe", "", "", None, None, "2026-03-09T10:01:00Z"),
        (4, "scenario_completed", "demo", "end", "", "", "", "", None, 70, "2026-03-09T10:01:00Z"),
    ]


def test_answer_ids_and_efficacy_are_kept_and_events_off_the_contract_are_not(tmp_path, capsys):
    log.reset()
    rec = new(tmp_path)
    rec.record("efficacy", scenario="demo", phase="pre", choice="unsure")
    rec.record("answer", scenario="demo", phase="pre", question="q1", choice="c", correct=True)
    rec.record("answer", scenario="demo", phase="pre", question="q2", choice=2, correct=False)
    rec.record("efficacy", scenario="demo", phase="pre", choice="maybe")
    rec.record("efficacy", scenario="demo", phase="during", choice="yes")
    rec.record("answered", scenario="demo")
    rec.record("efficacy", scenario="demo", phase="post", choice="yes")
    rec.close()
    assert rows(
        rec.path, "SELECT seq, kind, phase, question, choice, correct FROM events ORDER BY seq"
    ) == [
        (1, "efficacy", "pre", "", "unsure", None),
        (2, "answer", "pre", "q1", "c", 1),
        (3, "efficacy", "post", "", "yes", None),
    ]
    err = capsys.readouterr().err
    assert err.count("an outcome was not recorded") == 4
    assert "not 2" in err and "'answered'" in err and "'during'" in err
    assert rec.warning == ""  # the game's mistake, not a full disk: the educator is not told


def test_class_votes_keep_their_count_in_the_count_column(tmp_path, capsys):
    log.reset()
    rec = new(tmp_path, group="5B")
    rec.record("votes", scenario="demo", node="hello", choice="c1", safety="safe", count=14)
    rec.record("votes", scenario="demo", node="hello", choice="c2", safety="risky", count=0)
    rec.record(
        "votes", scenario="demo", phase="post", question="p1", choice="a", correct=True, count=3
    )
    rec.record("votes", scenario="demo", node="hello", choice="c3", safety="risky")
    rec.record("votes", scenario="demo", node="hello", choice="c3", safety="risky", count="2")
    rec.record("scenario_completed", scenario="demo", ending="end", seconds=40)
    rec.close()
    assert rows(
        rec.path, "SELECT kind, node, question, choice, seconds, count FROM events ORDER BY seq"
    ) == [
        ("votes", "hello", "", "c1", None, 14),
        ("votes", "hello", "", "c2", None, 0),
        ("votes", "", "p1", "a", None, 3),
        ("scenario_completed", "end", "", "", 40, None),
    ]
    assert rows(rec.path, "PRAGMA user_version") == [(schema.USER_VERSION,)]
    err = capsys.readouterr().err
    assert err.count("votes need a count") == 2


def test_wal_mode_and_durable_commits(tmp_path):
    rec = new(tmp_path)
    assert rows(rec.path, "PRAGMA journal_mode") == [("wal",)]
    assert rec.connection.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    rec.record("scenario_started", scenario="demo")
    other = sqlite3.connect(rec.path)  # committed: another reader sees it at once
    assert other.execute("SELECT count(*) FROM events").fetchone() == (1,)
    other.close()
    rec.close()
    assert not os.path.exists(f"{rec.path}-wal") or os.path.getsize(f"{rec.path}-wal") == 0


def test_every_session_is_new_and_sessions_add_up(tmp_path):
    ids = set()
    for _ in range(3):
        rec = new(tmp_path)
        rec.record("scenario_started", scenario="demo")
        ids.add(rec.session)
        rec.close()
    assert len(ids) == 3
    assert rows(tmp_path / "outcomes.sqlite3", "SELECT count(*) FROM sessions") == [(3,)]


def warned(capsys):
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]


def test_a_folder_that_cannot_be_made_keeps_the_game_running(tmp_path, capsys):
    log.reset()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    rec = new(blocker / "outcomes")
    for _ in range(3):
        rec.record("scenario_started", scenario="demo")  # never raises
    rec.close()
    assert "cannot use" in rec.warning
    assert len(warned(capsys)) == 1


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="the superuser can write to read-only folders",
)
def test_a_read_only_folder_keeps_the_game_running(tmp_path, capsys):
    log.reset()
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        rec = new(folder)
        rec.record("scenario_started", scenario="demo")
        rec.close()
    finally:
        folder.chmod(0o700)
    assert rec.warning and len(warned(capsys)) == 1


def test_a_full_disk_loses_the_event_and_warns_once(tmp_path, capsys):
    log.reset()
    rec = new(tmp_path)
    rec.record("scenario_started", scenario="demo")
    pages = rec.connection.execute("PRAGMA page_count").fetchone()[0]
    rec.connection.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: SQLITE_FULL
    for i in range(200):
        rec.record("decision", scenario="demo", node=f"n{i}", choice="c" * 500, safety="safe")
    assert "full" in rec.warning
    assert len(warned(capsys)) == 1
    rec.connection.execute("PRAGMA max_page_count = 1000000")  # room again: recording goes on
    rec.record("scenario_completed", scenario="demo", seconds=10)
    rec.close()
    seqs = [s for (s,) in rows(rec.path, "SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) >= 2  # no gaps


def test_a_locked_database_does_not_stall_the_game(tmp_path):
    rec = new(tmp_path)
    rec.record("scenario_started", scenario="demo")
    other = sqlite3.connect(rec.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    start = time.monotonic()
    rec.record("decision", scenario="demo", node="hello", choice="c1", safety="safe")
    assert time.monotonic() - start < 3
    assert "locked" in rec.warning
    other.execute("ROLLBACK")
    other.close()
    rec.record("decision", scenario="demo", node="hello", choice="c1", safety="safe")
    rec.close()
    assert rows(rec.path, "SELECT count(*) FROM events") == [(2,)]


def test_another_programs_database_is_left_alone(tmp_path):
    path = tmp_path / "outcomes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.commit()
    conn.close()
    rec = new(tmp_path)
    rec.record("scenario_started", scenario="demo")
    rec.close()
    assert "not a Net Heroes outcomes database" in rec.warning
    assert rows(path, "SELECT name FROM sqlite_master") == [("photos",)]


def test_open_recorder_follows_the_options(tmp_path):
    args = argparse.Namespace(no_record=True, data_dir=str(tmp_path), group="")
    assert type(open_recorder(args, None, "en")) is Recorder
    args = argparse.Namespace(no_record=False, data_dir=str(tmp_path), group=" 5B\tmorning ")
    rec = open_recorder(args, None, "th")
    rec.record("scenario_started", scenario="demo")
    rec.close()
    assert rows(rec.path, "SELECT grp FROM sessions") == [("5B morning",)]
    assert clean_group("x" * 100) == "x" * 40
