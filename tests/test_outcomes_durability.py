"""kill -9 at random moments, many times: the database is never damaged and every event the
recorder had acknowledged is there, numbered without gaps."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KILLS = 30

# Records decisions as fast as it can; prints each seq number once `record` has returned.
CHILD = """
import sys
sys.path.insert(0, {root!r})
from game.outcomes.store import SQLiteRecorder
rec = SQLiteRecorder({folder!r})
rec.start_session(locale="en", content_version="v1", group="durability")
print("session", rec.session, flush=True)
seq = 0
while True:
    rec.record("decision", scenario="demo", node="n%d" % seq, choice="c1", safety="safe")
    seq += 1
    print(seq, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_never_damages_the_database_nor_loses_acknowledged_events(tmp_path):
    rng = random.Random(4)
    code = CHILD.format(root=str(ROOT), folder=str(tmp_path))
    acknowledged: dict[str, int] = {}
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.0, 0.35))  # sometimes before the first event, mostly after
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        lines = out.split()
        if len(lines) >= 2 and lines[0] == "session":
            numbers = [int(n) for n in lines[2:]]
            acknowledged[lines[1]] = numbers[-1] if numbers else 0
    conn = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        seqs: dict[str, list[int]] = {}
        for session, seq in conn.execute("SELECT session, seq FROM events ORDER BY seq"):
            seqs.setdefault(session, []).append(seq)
        groups = dict(conn.execute("SELECT id, grp FROM sessions"))
    finally:
        conn.close()
    assert sum(1 for n in acknowledged.values() if n) >= KILLS // 2  # most runs recorded
    for session, last in acknowledged.items():
        got = seqs.get(session, [])
        assert got == list(range(1, len(got) + 1)), "seq numbers have a gap"
        # Every acknowledged event is there; at most the one in flight was also saved.
        assert last <= len(got) <= last + 1
        if got:
            assert groups[session] == "durability"
