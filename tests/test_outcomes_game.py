"""Outcomes inside the game: headless play records, nothing typed or personal is kept, the
class results open with Ctrl+E on the title screen only, and the command line records,
exports and forgets."""

import argparse
import getpass
import socket
import sqlite3

import pygame
import pytest

from game import log
from game.autoplay import Driver, start_app
from game.cli import main
from game.content import check_file
from game.outcomes.commands import open_recorder
from game.outcomes.store import SQLiteRecorder
from game.resources import SCENARIOS_FILE

SECRET = "ZqxjvkwMarisolTV"


@pytest.fixture(scope="module")
def content():
    content, _ = check_file(SCENARIOS_FILE)
    return content


def options(folder, group="5B", no_record=False):
    return argparse.Namespace(data_dir=str(folder), group=group, no_record=no_record)


def type_text(app, text):
    for ch in text:
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=ord(ch.lower()), mod=0, unicode=ch, scancode=0)
        )
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        app.frame(0.05, pygame.event.get())


def stored_text(folder, tmp_path):
    """Every value in the database and both exports, as text."""
    conn = sqlite3.connect(folder / "outcomes.sqlite3")
    values = [
        str(v)
        for table in ("sessions", "events")
        for row in conn.execute(f"SELECT * FROM {table}")
        for v in row
    ]
    conn.close()
    texts = ["\n".join(values)]
    for fmt in ("xapi", "csv"):
        out = tmp_path / f"export.{fmt}"
        assert main(["export", "--data-dir", str(folder), "--format", fmt, "--out", str(out)]) == 0
        texts.append(out.read_text(encoding="utf-8"))
    return texts


def test_a_played_session_keeps_nothing_personal_nor_typed(tmp_path, content):
    folder = tmp_path / "data"
    recorder = open_recorder(options(folder), content, "pt_BR")
    app = start_app(content, "pt_BR", recorder=recorder)
    type_text(app, SECRET)
    driver = Driver(app, dt=0.1)
    type_text(app, SECRET)
    driver.play(content.scenarios[0].id)
    type_text(app, SECRET)
    recorder.close()
    texts = stored_text(folder, tmp_path)
    assert content.scenarios[0].id in texts[0] and "5B" in texts[0] and "pt_BR" in texts[0]
    raw = (folder / "outcomes.sqlite3").read_bytes()
    for private in (getpass.getuser(), socket.gethostname(), SECRET, str(tmp_path)):
        for text in texts:
            assert private not in text
        if len(private) >= 4:  # shorter ones can turn up by chance in a binary file
            assert private.encode() not in raw
    assert SECRET.lower().encode() not in raw


def test_autoplay_records_the_same_way_and_no_record_records_nothing(tmp_path, capsys, content):
    folder = tmp_path / "auto"
    assert (
        main(
            ["autoplay", "--scenario", "camera_request", "--data-dir", str(folder), "--group", "7C"]
        )
        == 0
    )
    conn = sqlite3.connect(folder / "outcomes.sqlite3")
    kinds = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM events")}
    assert kinds == {"scenario_started", "efficacy", "answer", "decision", "scenario_completed"}
    # Answers are recorded by the answer's own id, never by where it was on the screen.
    story = next(s for s in content.scenarios if s.id == "camera_request")
    ids = {
        (phase, q.id): {a.id for a in q.answers}
        for phase, questions in (("pre", story.pre), ("post", story.post))
        for q in questions
    }
    answers = conn.execute(
        "SELECT phase, question, choice FROM events WHERE kind = 'answer'"
    ).fetchall()
    assert len(answers) == len(ids)
    assert all(choice in ids[(phase, question)] for phase, question, choice in answers)
    efficacy = conn.execute(
        "SELECT phase, choice FROM events WHERE kind = 'efficacy' ORDER BY seq"
    ).fetchall()
    assert [p for p, _c in efficacy] == ["pre", "post"]
    assert all(c in ("yes", "unsure", "no") for _p, c in efficacy)
    assert conn.execute("SELECT grp, locale FROM sessions").fetchall() == [("7C", "en")]
    conn.close()
    capsys.readouterr()
    quiet = tmp_path / "quiet"
    assert (
        main(["autoplay", "--scenario", "camera_request", "--data-dir", str(quiet), "--no-record"])
        == 0
    )
    assert not quiet.exists()


def ctrl_e():
    return pygame.event.Event(pygame.KEYDOWN, key=pygame.K_e, mod=pygame.KMOD_LCTRL, unicode="\x05")


def press(app, *events):
    for event in events:
        pygame.event.post(event)
    app.frame(0.1, pygame.event.get())
    for _ in range(3):
        app.frame(0.1, [])


def record_group(folder, content, group, count):
    rec = SQLiteRecorder(folder)
    scenario = content.scenarios[0]
    for _ in range(count):
        rec.start_session(locale="en", content_version=content.version, group=group)
        rec.record("scenario_started", scenario=scenario.id)
        rec.record(
            "decision", scenario=scenario.id, node=scenario.start, choice="c1", safety="safe"
        )
        rec.record("scenario_completed", scenario=scenario.id, ending="end", seconds=60)
    rec.close()


def test_class_results_open_with_ctrl_e_on_the_title_only(tmp_path, content):
    from scenes.educator import EducatorScene
    from scenes.menu import MenuScene
    from scenes.title import TitleScene

    folder = tmp_path / "class"
    record_group(folder, content, "5B", 6)
    record_group(folder, content, "other", 2)
    seen = []
    recorder = open_recorder(options(folder), content, "en")
    app = start_app(content, recorder=recorder, observer=lambda k, d: seen.append((k, d)))
    press(app, ctrl_e())
    assert isinstance(app.top, EducatorScene)
    shown = next(d for k, d in seen if k == "educator")
    assert shown["recording"] and shown["group"] == "5B" and shown["sessions"] == 6
    assert shown["scenarios"] == [(content.scenarios[0].id, 1.0)]  # the other group not mixed in
    press(app, pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode=""))
    assert isinstance(app.top, TitleScene)
    app.replace(MenuScene(app))
    app.frame(0.1, [])
    press(app, ctrl_e())
    assert isinstance(app.top, MenuScene)
    recorder.close()


def record_learning(folder, content, group):
    """Six sessions of the first two stories. First: right answers before and after
    0->1, 0->1, 1->1, 0->1, 1->1, 0->0 of 1 (differences +100 x3, 0 x3: mean 50, sd 54.8,
    t(0.975, 5) = 2.571, half width 57.5: -7.5..100, not clear yet); 'yes' 2 of 6 before,
    4 of 6 after. Second: answers before only."""
    rec = SQLiteRecorder(folder)
    first, second = content.scenarios[:2]
    for n, (before, after) in enumerate([(0, 1), (0, 1), (1, 1), (0, 1), (1, 1), (0, 0)]):
        rec.start_session(locale="en", content_version=content.version, group=group)
        rec.record("scenario_started", scenario=first.id)
        rec.record("efficacy", scenario=first.id, phase="pre", choice="yes" if n < 2 else "no")
        rec.record(
            "answer",
            scenario=first.id,
            phase="pre",
            question=first.pre[0].id,
            choice="a",
            correct=bool(before),
        )
        rec.record(
            "answer",
            scenario=first.id,
            phase="post",
            question=first.post[0].id,
            choice="a",
            correct=bool(after),
        )
        rec.record("efficacy", scenario=first.id, phase="post", choice="yes" if n < 4 else "unsure")
        rec.record("scenario_started", scenario=second.id)
        rec.record(
            "answer",
            scenario=second.id,
            phase="pre",
            question=second.pre[0].id,
            choice="a",
            correct=True,
        )
    rec.close()
    return first.id, second.id


def test_class_results_show_the_paired_gain_and_efficacy_of_each_story(tmp_path, content):
    folder = tmp_path / "learn"
    first, second = record_learning(folder, content, "5B")
    seen = []
    recorder = open_recorder(options(folder), content, "en")
    app = start_app(content, recorder=recorder, observer=lambda k, d: seen.append((k, d)))
    press(app, ctrl_e())
    shown = next(d for k, d in seen if k == "educator")
    gains = {key: rest for key, *rest in shown["gains"]}
    n, mean, interval, clear = gains[first]
    assert (n, mean, clear) == (6, 50.0, False)
    assert interval == pytest.approx((-7.47, 100.0), abs=0.01)
    assert gains[second] == [0, None, None, False]
    assert shown["lines"][first] == [
        "Learning gain: not clear yet",
        "Knows what to do: 33% before, 67% after",
    ]
    assert shown["lines"][second] == ["Learning gain: needs answers before and after", ""]
    recorder.close()


def test_class_results_say_when_nothing_is_recorded_or_saved(tmp_path, content, capsys):
    from scenes.title import TitleScene

    seen = []
    app = start_app(
        content,
        recorder=open_recorder(options(tmp_path, no_record=True), content, "en"),
        observer=lambda k, d: seen.append((k, d)),
    )
    press(app, ctrl_e())
    assert next(d for k, d in seen if k == "educator")["recording"] is False
    log.reset()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    seen.clear()
    recorder = open_recorder(options(blocker / "data"), content, "en")
    app = start_app(content, recorder=recorder, observer=lambda k, d: seen.append((k, d)))
    Driver(app, dt=0.1).play(content.scenarios[0].id)  # the game plays on
    app.reset(TitleScene(app))
    app.frame(0.1, [])
    press(app, ctrl_e())
    assert "cannot use" in next(d for k, d in seen if k == "educator")["problem"]
    assert capsys.readouterr().err.count("warning:") == 1


def test_export_and_forget(tmp_path, content, capsys):
    folder = tmp_path / "pc"
    assert main(["export", "--data-dir", str(folder)]) == 1
    assert "no outcomes recorded" in capsys.readouterr().err
    record_group(folder, content, "5B", 2)
    assert main(["export", "--data-dir", str(folder), "--format", "csv"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].startswith("statement_id,session,seq,kind,scenario") and len(lines) == 7
    assert "exported 6 rows" in out.err
    assert main(["forget", "--all", "--data-dir", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "deleted 2 sessions and 6 events" in said and "outcomes.sqlite3" in said
    assert not (folder / "outcomes.sqlite3").exists()
    assert main(["forget", "--all", "--data-dir", str(folder)]) == 0
    assert "nothing to delete" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["forget", "--data-dir", str(folder)])  # --all is required


def test_play_takes_the_recording_options():
    from game.cli import build_parser

    args = build_parser().parse_args(["play", "--data-dir", "d", "--no-record", "--group", "x"])
    assert (args.data_dir, args.no_record, args.group) == ("d", True, "x")
