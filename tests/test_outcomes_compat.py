"""Files written before answers had ids and before the self-efficacy item (a database, an
xAPI export, a CSV export) still load, merge and report, with a gain worked out by hand;
and today's files go out and come back the same way through both kinds of export."""

import json
import sqlite3

import pytest

from game.cli import main
from game.outcomes import csvexport, fastparse, schema, statements, xapi
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


def test_an_old_answer_reads_back_by_both_paths_without_an_answer_id():
    row = dict(zip(statements.STAGE_COLUMNS, fastparse.parse(OLD_ANSWER), strict=True))
    assert statements._row(json.loads(OLD_ANSWER)) == tuple(row.values())
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


def write_old_database(path):
    """A database as the game wrote it before: answers with an empty choice, no efficacy."""
    conn = sqlite3.connect(path)
    schema.create(conn)
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
            "SELECT e.*, s.locale, s.age_band, s.grp, s.content_version "
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
    for reader in (
        statements.Reader(str(tmp_path / "new.xapi")),
        csvexport.Reader(str(tmp_path / "new.csv")),
    ):
        assert set(reader.rows()) == stored
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
