"""Damaged, truncated and foreign input files are skipped with a message naming them; the
rest is still reported, and nothing usable at all is an error."""

import json
import os
import random
import shutil
import sqlite3

import pytest

from game.cli import main
from game.outcomes.store import SQLiteRecorder


@pytest.fixture()
def good(tmp_path):
    """A real outcomes database with 6 sessions, big enough to be cut in the middle."""
    rec = SQLiteRecorder(tmp_path / "pc1")
    for n in range(6):
        rec.start_session(locale="en", content_version="v1", group="5B")
        rec.record("scenario_started", scenario="demo")
        for i in range(40):
            rec.record("decision", scenario="demo", node=f"n{i}", choice="c1", safety="safe")
        rec.record("scenario_completed", scenario="demo", ending="end", seconds=n * 10)
    rec.close()
    return tmp_path / "pc1" / "outcomes.sqlite3"


def bad_files(tmp_path, good):
    truncated = tmp_path / "truncated.sqlite3"
    shutil.copy(good, truncated)
    with open(truncated, "r+b") as fh:
        fh.truncate(os.path.getsize(good) // 2)
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_bytes(random.Random(1).randbytes(5000))
    foreign_json = tmp_path / "package.jsonl"
    foreign_json.write_text(
        json.dumps({"name": "left-pad", "version": "1.3.0"})
        + "\n"
        + json.dumps({"actor": {"mbox": "mailto:a@b.c"}})
        + "\n"
    )
    foreign_db = tmp_path / "photos.sqlite3"
    conn = sqlite3.connect(foreign_db)
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.commit()
    conn.close()
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    header_only = tmp_path / "header.sqlite3"
    header_only.write_bytes(good.read_bytes()[:60])
    return {
        truncated: "truncated",
        garbage: "neither",
        foreign_json: "no Net Heroes",
        foreign_db: "not a Net Heroes",
        empty: "empty",
        header_only: "truncated",
        tmp_path / "missing.sqlite3": "cannot be read",
    }


def test_bad_files_are_skipped_by_name_and_the_rest_is_reported(tmp_path, good, capsys):
    bad = bad_files(tmp_path, good)
    out = tmp_path / "r.csv"
    code = main(["report", *map(str, bad), str(good), "--csv", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    for path, why in bad.items():
        line = next(line for line in err if f"skipped {path}:" in line)
        assert why in line, line
    assert "all,,,,,,6," in out.read_text()


def test_a_cut_off_export_keeps_its_whole_lines(tmp_path, good, capsys):
    export = tmp_path / "pc1.jsonl"
    assert main(["export", "--data-dir", str(good.parent), "--out", str(export)]) == 0
    text = export.read_bytes()
    export.write_bytes(text[: len(text) - 200])  # the last line loses its end
    out = tmp_path / "r.csv"
    assert main(["report", str(export), "--csv", str(out), "--min-group", "3"]) == 0
    err = capsys.readouterr().err
    assert f"{export}: 1 damaged or foreign line(s) skipped" in err
    assert "all,,,,,,6," in out.read_text()


def test_nothing_usable_is_an_error(tmp_path, good, capsys):
    bad = bad_files(tmp_path, good)
    assert main(["report", *map(str, bad)]) == 1
    assert "nothing usable" in capsys.readouterr().err


def test_a_folder_of_files_is_read_whole(tmp_path, good, capsys):
    folder = tmp_path / "collected"
    (folder / "pc2").mkdir(parents=True)
    shutil.copy(good, folder / "pc2" / "outcomes.sqlite3")
    (folder / "notes.txt").write_text("not an input")
    assert main(["report", str(folder)]) == 0
    assert "6 sessions" in capsys.readouterr().out
