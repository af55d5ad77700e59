"""Files written before answers had ids, before the self-efficacy item and before the
votes' `count` column (a database, an xAPI export, a CSV export) still load, merge and
report, with a gain worked out by hand; an older database is upgraded when the game records
in it, its votes' counts moved to `count`, with the same figures and the same xAPI export;
and today's files go out and come back the same way through both kinds of export."""

import csv
import json
import sqlite3

import pytest

from game.cli import main
from game.outcomes import csvexport, schema, xapi
from game.outcomes.store import SQLiteRecorder

from .helpers import MINIMAL

# An answer statement exactly as the game wrote it before answers had ids: no response.
OLD_ANSWER = (
    '{"id":"336a26f0-5240-5dc1-8e37-de3f7bdd840c","version":"1.0.3","timestamp":'
    '"2025-11-03T09:00:10Z","actor":{"objectType":"Agent","account":{"homePage":'
    '"https://net-heroes.invalid","name":"0d7c2a40-5a4e-4c1b-9f57-3b1f8e9d2a61"}},"verb":'
    '{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},'
    '"object":{"objectType":"Activity","id":"https://net-heroes.invalid/xapi/scenarios/demo/'
    'questions/q1","definition":{"type":"http://adlnet.gov/expapi/activities/cmi.interaction",'
    '"interactionType":"choice"}},"context":{"language":"pt-BR","extensions":{'
    '"https://net-heroes.invalid/xapi/extensions/seq":2,'
    '"https://net-heroes.invalid/xapi/extensions/locale":"pt_BR",'
    '"https://net-heroes.invalid/xapi/extensions/age-band":"9-12",'
    '"https://net-heroes.invalid/xapi/extensions/group":"5B",'
    '"https://net-heroes.invalid/xapi/extensions/content-version":"c0ffee",'
    '"https://net-heroes.invalid/xapi/extensions/phase":"pre"},"contextActivities":{"parent":'
    '[{"id":"https://net-heroes.invalid/xapi/scenarios/demo"}]}},"result":{"success":true}}'
)


def test_an_old_answer_reads_back_without_an_answer_id():
    row = dict(zip(xapi.ROW_COLUMNS, xapi.parse(OLD_ANSWER.encode()), strict=True))
    assert (row["kind"], row["phase"], row["question"], row["choice"], row["correct"]) == (
        "answer",
        "pre",
        "q1",
        "",
        1,
    )
    # ...and an answer recorded without an id is still written the old way.
    assert xapi.dumps(row, row) == OLD_ANSWER


# Right answers (of 3) before and after, per old session.
OLD = [(0, 3), (1, 3), (2, 2), (0, 2), (1, 1), (3, 3)]

# The tables of format 1, as the game made them before the votes' `count` column.
FORMAT_1 = """
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT '',
    age_band TEXT NOT NULL DEFAULT '',
    grp TEXT NOT NULL DEFAULT '',
    content_version TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE events (
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
PRAGMA application_id = 1313362499;
PRAGMA user_version = 1;
"""


def format_1(path):
    conn = sqlite3.connect(path)
    conn.executescript(FORMAT_1)
    return conn


def write_old_database(path):
    """A database as the game wrote it before: answers with an empty choice, no efficacy."""
    conn = format_1(path)
    for n, (before, after) in enumerate(OLD):
        sid = f"00000000-0000-4000-8000-{n:012d}"
        conn.execute(
            "INSERT INTO sessions VALUES (?, '2025-11-03T09:00:00Z', 'pt_BR', "
            "'9-12', '5B', 'c0ffee')",
            (sid,),
        )
        events = [("scenario_started", "", None)]
        events += [("answer", "pre", i < before) for i in range(3)]
        events += [("answer", "post", i < after) for i in range(3)]
        for seq, (kind, phase, right) in enumerate(events, 1):
            conn.execute(
                "INSERT INTO events (session, seq, kind, scenario, phase, question, "
                "correct, ts) VALUES (?, ?, ?, 'demo', ?, ?, ?, "
                "'2025-11-03T09:00:10Z')",
                (
                    sid,
                    seq,
                    kind,
                    phase,
                    f"q{seq}" if phase else "",
                    None if right is None else int(right),
                ),
            )
    conn.commit()
    conn.close()


def report_json(tmp_path, name, *inputs):
    out = tmp_path / f"{name}.json"
    assert (
        main(
            [
                "report",
                *map(str, inputs),
                "--json",
                str(out),
                "--min-group",
                "3",
                "--scenarios",
                str(tmp_path / "s.yaml"),
            ]
        )
        == 0
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_old_databases_and_exports_load_merge_and_report(tmp_path, capsys):
    (tmp_path / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    folder = tmp_path / "old"
    folder.mkdir()
    write_old_database(folder / "outcomes.sqlite3")
    for fmt in ("xapi", "csv"):
        assert (
            main(
                [
                    "export",
                    "--data-dir",
                    str(folder),
                    "--format",
                    fmt,
                    "--out",
                    str(tmp_path / f"old.{fmt}"),
                ]
            )
            == 0
        )
    assert (tmp_path / "old.xapi").read_text().count('"response"') == 0
    database = report_json(tmp_path, "db", folder / "outcomes.sqlite3")
    # Differences in thirds: 3, 2, 0, 2, 0, 0 -> mean 7/6 third = 38.89 points; squares of
    # the deviations (thirds^2): 3.361 + 0.694 + 1.361 + 0.694 + 1.361 + 1.361 = 8.833;
    # sd = sqrt(8.833 / 5) third = 44.31 points; t(0.975, 5) = 2.571; half width
    # 2.571 * 44.31 / sqrt(6) = 46.50 -> -7.61..85.39: not clear yet. d_z = 0.878.
    demo = database["stories"][0]
    assert (demo["id"], demo["n_paired"], demo["gain_clear"]) == ("demo", 6, False)
    assert demo["gain"] == pytest.approx(38.889, abs=1e-3)
    assert demo["gain_ci"] == pytest.approx([-7.61, 85.39], abs=0.01)
    assert demo["effect_size"] == pytest.approx(0.878, abs=1e-3)
    assert demo["efficacy"]["pre"]["n"] == demo["efficacy"]["post"]["n"] == 0
    for name in ("xapi", "csv"):
        assert report_json(tmp_path, name, tmp_path / f"old.{name}") == database
    capsys.readouterr()
    merged = report_json(
        tmp_path, "all", folder / "outcomes.sqlite3", tmp_path / "old.xapi", tmp_path / "old.csv"
    )
    assert merged == database
    said = capsys.readouterr()
    assert "42 events" in said.out and "skipped" not in said.err


def record_today(folder):
    rec = SQLiteRecorder(folder)
    for n in range(4):
        rec.start_session(locale="th", content_version="v2", group="ห้อง 5B")
        rec.record("scenario_started", scenario="demo")
        rec.record("efficacy", scenario="demo", phase="pre", choice=("no", "unsure")[n % 2])
        rec.record("answer", scenario="demo", phase="pre", question="q1", choice="a", correct=False)
        rec.record("decision", scenario="demo", node="hello", choice="c1", safety="safe")
        rec.record(
            "answer", scenario="demo", phase="post", question="p1", choice="b", correct=n > 0
        )
        rec.record("efficacy", scenario="demo", phase="post", choice="yes")
        rec.record("scenario_completed", scenario="demo", ending="end", seconds=90)
    rec.close()


def test_todays_files_go_out_and_come_back_the_same(tmp_path):
    (tmp_path / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    folder = tmp_path / "pc"
    record_today(folder)
    for fmt in ("xapi", "csv"):
        assert (
            main(
                [
                    "export",
                    "--data-dir",
                    str(folder),
                    "--format",
                    fmt,
                    "--out",
                    str(tmp_path / f"new.{fmt}"),
                ]
            )
            == 0
        )
    conn = sqlite3.connect(folder / "outcomes.sqlite3")
    stored = set(
        conn.execute(
            f"SELECT {', '.join('e.' + c for c in schema.EVENT_COLUMNS)}, "  # not the queue's
            "s.locale, s.age_band, s.grp, s.content_version "
            "FROM events e JOIN sessions s ON s.id = e.session"
        )
    )
    conn.close()
    assert {(r[2], r[5]) for r in stored if r[2] in ("answer", "efficacy")} == {
        ("answer", "a"),
        ("answer", "b"),
        ("efficacy", "no"),
        ("efficacy", "unsure"),
        ("efficacy", "yes"),
    }
    with open(tmp_path / "new.xapi", "rb") as fh:
        assert {xapi.parse(line) for line in fh} == stored
    with open(tmp_path / "new.csv", encoding="utf-8", newline="") as fh:
        records = csv.reader(fh)
        assert tuple(next(records)) == csvexport.EXPORT_COLUMNS
        assert {csvexport.parse(record) for record in records} == stored
    figures = [
        report_json(tmp_path, name, path)
        for name, path in (
            ("db", folder),
            ("xapi", tmp_path / "new.xapi"),
            ("csv", tmp_path / "new.csv"),
        )
    ]
    assert figures[0] == figures[1] == figures[2]
    demo = figures[0]["stories"][0]
    # Differences: 0, +100, +100, +100: mean 75, sd 50, t(3) = 3.182 -> 75 +- 79.56, kept
    # to -4.56..100 (no gain can pass 100 points).
    assert (demo["n_paired"], demo["gain"]) == (4, 75.0)
    assert demo["gain_ci"] == pytest.approx([-4.56, 100.0], abs=0.01)
    assert demo["efficacy"]["pre"] == {"yes": 0, "unsure": 2, "no": 2, "n": 4, "yes_share": 0.0}
    assert demo["efficacy"]["post"]["yes_share"] == 1.0


def test_a_csv_that_is_not_an_export_is_skipped_and_a_folder_picks_up_only_exports(
    tmp_path, capsys
):
    (tmp_path / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    record_today(tmp_path / "pc")
    assert (
        main(
            [
                "export",
                "--data-dir",
                str(tmp_path / "pc"),
                "--format",
                "csv",
                "--out",
                str(tmp_path / "pc" / "export.csv"),
            ]
        )
        == 0
    )
    (tmp_path / "pc" / "report.csv").write_text("level,topic\nall,\n", encoding="utf-8")
    with open(tmp_path / "pc" / "export.csv", "a", encoding="utf-8") as fh:
        fh.write("not,a,row\n" + "x," * 16 + "x\n")
    capsys.readouterr()
    figures = report_json(tmp_path, "folder", tmp_path / "pc")
    said = capsys.readouterr()
    assert "report.csv" not in said.err  # not an export: not even looked at
    assert "2 damaged or foreign line(s) skipped" in said.err
    assert figures["all"]["sessions"] == 4  # the database and its export: counted once
    assert figures["all"]["n_paired"] == 4


# A class session as a game of format 1 recorded it: the votes' counts in `seconds`.
SID = "00000000-0000-4000-8000-00000000c1a5"
VOTES_1 = [
    ("scenario_started", "", "", "", "", None, None),
    ("votes", "hello", "", "c1", "safe", None, 12),
    ("votes", "hello", "", "c2", "risky", None, 0),
    ("decision", "hello", "", "c1", "safe", None, None),
    ("votes", "", "p1", "a", "", 1, 20),
    ("votes", "", "p1", "b", "", 0, 3),
    ("answer", "", "p1", "a", "", 1, None),
    ("scenario_completed", "end", "", "", "", None, 190),
]


def add_class_session(path):
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO sessions VALUES (?, '2025-11-03T09:00:00Z', 'th', '', '5B', 'c0ffee')",
        (SID,),
    )
    for seq, (kind, node, question, choice, safety, correct, seconds) in enumerate(VOTES_1, 1):
        conn.execute(
            "INSERT INTO events VALUES (?, ?, ?, 'demo', ?, ?, ?, ?, ?, ?, ?, "
            "'2025-11-03T09:01:00Z')",
            (
                SID,
                seq,
                kind,
                node,
                choice,
                safety,
                "post" if question else "",
                question,
                correct,
                seconds,
            ),
        )
    conn.commit()
    conn.close()


def export(folder, fmt, out):
    assert main(["export", "--data-dir", str(folder), "--format", fmt, "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_a_format_1_database_is_upgraded_with_its_votes_counts_moved_and_reports_the_same(
    tmp_path,
):
    (tmp_path / "s.yaml").write_text(MINIMAL, encoding="utf-8")
    folder = tmp_path / "class"
    folder.mkdir()
    database = folder / "outcomes.sqlite3"
    write_old_database(database)
    add_class_session(database)
    # Read as it is (export and report change nothing in the file).
    before = {fmt: export(folder, fmt, tmp_path / f"before.{fmt}") for fmt in ("xapi", "csv")}
    figures = report_json(tmp_path, "before", database, tmp_path / "before.xapi")
    assert figures["all"]["sessions"] == 7
    conn = sqlite3.connect(database)
    assert schema.version(conn) == 1
    assert "count" not in {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    conn.close()
    # The game records in it: the file is upgraded first, the counts moved to `count`.
    rec = SQLiteRecorder(folder)
    rec.start_session(locale="th", content_version="c0ffee", group="5B")
    rec.record("votes", scenario="demo", node="hello", choice="c1", safety="safe", count=7)
    rec.close()
    assert rec.warning == ""
    conn = sqlite3.connect(database)
    assert schema.version(conn) == schema.USER_VERSION == 3
    assert conn.execute(
        "SELECT seq, kind, seconds, count FROM events WHERE session = ? ORDER BY seq", (SID,)
    ).fetchall() == [
        (1, "scenario_started", None, None),
        (2, "votes", None, 12),
        (3, "votes", None, 0),
        (4, "decision", None, None),
        (5, "votes", None, 20),
        (6, "votes", None, 3),
        (7, "answer", None, None),
        (8, "scenario_completed", 190, None),
    ]
    assert conn.execute(
        "SELECT seconds, count FROM events WHERE session = ?", (rec.session,)
    ).fetchall() == [(None, 7)]
    conn.execute("DELETE FROM events WHERE session = ?", (rec.session,))
    conn.execute("DELETE FROM sessions WHERE id = ?", (rec.session,))
    conn.commit()
    conn.close()
    # The same statements, the counts as scores; the CSV gives them a column of their own.
    assert export(folder, "xapi", tmp_path / "after.xapi") == before["xapi"]
    scores = [
        json.loads(line)["result"]["score"]["raw"]
        for line in before["xapi"].splitlines()
        if "/verbs/responded" in line
    ]
    assert scores == [12, 0, 20, 3]
    assert export(folder, "csv", tmp_path / "after.csv") == before["csv"]
    old_csv = tmp_path / "old.csv"  # ...where a game of format 1 put them in `seconds`
    with open(tmp_path / "after.csv", encoding="utf-8", newline="") as fh:
        records = [dict(zip(csvexport.EXPORT_COLUMNS, r, strict=True)) for r in csv.reader(fh)]
    with open(old_csv, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(csvexport.OLD_COLUMNS)
        for r in records[1:]:
            writer.writerow(
                [
                    r["count"] or r["seconds"] if c == "seconds" else r[c]
                    for c in csvexport.OLD_COLUMNS
                ]
            )
    for name, old in (("after.csv", False), ("old.csv", True)):
        with open(tmp_path / name, encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
        assert tuple(records[0]) == (csvexport.OLD_COLUMNS if old else csvexport.EXPORT_COLUMNS)
        rows = [
            dict(zip(xapi.ROW_COLUMNS, csvexport.parse(r, old), strict=True)) for r in records[1:]
        ]
        assert [
            (r["kind"], r["seconds"], r["count"]) for r in rows if r["seconds"] or r["count"]
        ] == [
            ("votes", None, 12),
            ("votes", None, 20),
            ("votes", None, 3),
            ("scenario_completed", 190, None),
        ]
        assert [r["count"] for r in rows if r["kind"] == "votes"] == [12, 0, 20, 3]
    # The same figures, from the upgraded file and from the exports of either format.
    assert report_json(tmp_path, "after", database) == figures
    for name in ("after.csv", "old.csv", "after.xapi"):
        assert report_json(tmp_path, name, tmp_path / name) == figures
    # Upgrading again changes nothing.
    conn = sqlite3.connect(database, isolation_level=None)
    schema.upgrade(conn)
    assert conn.execute("SELECT sum(count), sum(seconds) FROM events").fetchone() == (35, 190)
    conn.close()


def test_a_database_of_a_newer_format_is_left_alone(tmp_path):
    folder = tmp_path / "newer"
    folder.mkdir()
    conn = sqlite3.connect(folder / "outcomes.sqlite3")
    schema.create(conn)
    conn.execute(f"PRAGMA user_version = {schema.USER_VERSION + 1}")
    conn.commit()
    conn.close()
    rec = SQLiteRecorder(folder)
    rec.record("scenario_started", scenario="demo")
    rec.close()
    assert "newer version of the game" in rec.warning
