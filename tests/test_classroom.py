"""The facilitated class session (`play --classroom GROUP`), headless, driven by real key
events: the educator paces the story, records the class's votes, reveals, and ends on the
class results; only the group's counts are recorded."""

import sqlite3

import pygame
import pytest

from game.autoplay import start_app
from game.classroom import Ballot, ClassSession, Hands, decision_rank
from game.content import check_file
from game.flow import Play
from game.modes import ClassMode
from game.outcomes.store import SQLiteRecorder
from game.resources import SCENARIOS_FILE


@pytest.fixture(scope="module")
def content():
    content, diags = check_file(SCENARIOS_FILE)
    assert [d for d in diags if d.is_error] == []
    return content


def key(k):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="")


def press(app, *keys):
    for k in keys:
        pygame.event.post(key(k))
        app.frame(0.1, pygame.event.get())


def settle(app, frames=10):
    for _ in range(frames):
        app.frame(0.1, [])


def number(n):
    return getattr(pygame, f"K_{n}")


def class_app(content, tmp_path, seen):
    recorder = SQLiteRecorder(tmp_path)
    recorder.start_session(locale="en", content_version="test", group="5B")
    return start_app(
        content,
        observer=lambda kind, data: seen.append((kind, data)),
        recorder=recorder,
        mode=ClassMode(ClassSession("5B")),
    )


# -- the rules ---------------------------------------------------------------------------
def test_ballot_adds_takes_back_and_breaks_ties_toward_the_safest():
    class C:
        def __init__(self, safety):
            self.safety = safety

    ballot = Ballot(3)
    for option in (0, 2, 2, 0):
        ballot.add(option)
    assert ballot.counts == [2, 0, 2]
    assert ballot.winner() == 0  # a question's tie: the first listed
    assert ballot.winner(decision_rank([C("risky"), C("neutral"), C("safe")])) == 2
    assert ballot.undo() and ballot.counts == [1, 0, 2]
    assert not ballot.add(5)
    hands = Hands(ballot)
    hands.type("1")
    hands.type("2")
    assert not hands.enter()  # option 1 now has 12
    assert not hands.enter()  # nothing typed: option 2 keeps its count
    hands.type("0")
    assert hands.enter()
    assert ballot.counts == [12, 0, 0]
    assert Ballot(2).winner() is None


# -- a whole session ----------------------------------------------------------------------
def test_a_whole_class_session_records_votes_under_the_group_only(content, tmp_path):
    from scenes.classroom import (
        ClassFeedbackScene,
        ClassQuizScene,
        ClassSummaryScene,
        ClassVoteScene,
        NotesScene,
    )
    from scenes.educator import EducatorScene
    from scenes.ending import EndingScene
    from scenes.stage import StageScene

    seen = []
    app = class_app(content, tmp_path, seen)
    scenario = content.scenarios[0]
    Play(app, scenario).begin()
    settle(app)
    decisions = hands_used = safe_votes = 0
    shown = {}  # post question id -> the answer ids in the order the class saw them
    for _step in range(200):
        top = app.top
        if isinstance(top, ClassSummaryScene):
            break
        if isinstance(top, ClassQuizScene):
            if top.phase == "post":  # show of hands: 3 for the first answer, 20 for the second
                press(
                    app,
                    pygame.K_h,
                    pygame.K_3,
                    pygame.K_RETURN,
                    pygame.K_2,
                    pygame.K_0,
                    pygame.K_RETURN,
                )
                while top.hands is not None:
                    press(app, pygame.K_RETURN)
                assert top.ballot.counts[:2] == [3, 20]
                shown[top.question.id] = [a.id for a in top.answers]
                hands_used += 1
            else:
                press(app, pygame.K_1, pygame.K_2, pygame.K_2)
                assert top.ballot.counts[:2] == [1, 2]
            press(app, pygame.K_RETURN)
            assert top.revealed
            press(app, pygame.K_RETURN)
        elif isinstance(top, StageScene):
            settle(app, 60)  # no timers: only the first message appears by itself
            assert top.shown == min(1, len(top.messages)) and app.top is top
            press(app, *[pygame.K_SPACE] * (len(top.messages) + 1))
            settle(app, 2)
        elif isinstance(top, ClassVoteScene):
            if not decisions:
                press(app, pygame.K_n)
                assert isinstance(app.top, NotesScene)
                notes = next(d for k, d in seen if k == "notes")
                assert notes["discuss"] == list(scenario.discuss)
                press(app, pygame.K_n)
                assert app.top is top
                press(app, pygame.K_RETURN)  # no votes yet: nothing is revealed
                assert app.top is top and top.nudge
            count = len(top.choices)
            risky = max(range(count), key=decision_rank(top.choices))  # the least safe
            safe_votes += 3 if top.choices[risky].safety == "safe" else 0
            press(app, *[number(risky + 1)] * 3, number(1), pygame.K_BACKSPACE)
            expected = [0] * count
            expected[risky] = 3
            assert top.ballot.counts == expected
            press(app, pygame.K_RETURN)
            settle(app)
            assert isinstance(app.top, ClassFeedbackScene)
            assert app.top.choice is top.choices[risky]
            assert next(d for k, d in reversed(seen) if k == "votes")["counts"] == expected
            decisions += 1
            press(app, pygame.K_RETURN)
            settle(app)
        elif isinstance(top, (EndingScene, ClassFeedbackScene)):
            settle(app)
            press(app, pygame.K_RETURN)
            settle(app)
        else:
            raise AssertionError(f"unexpected scene {top!r}")
    assert isinstance(app.top, ClassSummaryScene)
    assert decisions and hands_used == len(scenario.post)
    summary = next(d for k, d in seen if k == "class_summary")
    assert summary["group"] == "5B"
    assert summary["rows"][0][1] == safe_votes / (3 * decisions)
    press(app, pygame.K_c)
    assert isinstance(app.top, EducatorScene)
    assert next(d for k, d in seen if k == "educator")["group"] == "5B"

    conn = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    assert conn.execute("SELECT grp FROM sessions").fetchall() == [("5B",)]
    votes = conn.execute(
        "SELECT node, question, choice, count FROM events "
        "WHERE kind = 'votes' AND node != '' ORDER BY seq"
    ).fetchall()
    assert sum(n for *_, n in votes) == 3 * decisions
    kinds = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM events")}
    assert kinds == {"scenario_started", "answer", "votes", "decision", "scenario_completed"}
    answers = conn.execute("SELECT phase, correct FROM events WHERE kind = 'answer'").fetchall()
    assert len(answers) == len(scenario.pre) + len(scenario.post)
    post_votes = conn.execute(
        "SELECT question, choice, count FROM events WHERE kind = 'votes' AND phase = 'post'"
    ).fetchall()
    # recorded by answer id, whatever place the answer had on the projector
    for question, ids in shown.items():
        counts = {choice: n for q, choice, n in post_votes if q == question}
        assert set(counts) == set(ids)
        assert (counts[ids[0]], counts[ids[1]]) == (3, 20)
    conn.close()


def test_the_votes_survive_export_and_report(content, tmp_path, capsys):
    from game import cli
    from scenes.classroom import ClassVoteScene, VotingScene

    seen = []
    app = class_app(content, tmp_path, seen)
    scenario = content.scenarios[0]
    Play(app, scenario).begin()
    settle(app)
    while not isinstance(app.top, ClassVoteScene):
        if isinstance(app.top, VotingScene):
            press(app, pygame.K_1, pygame.K_RETURN, pygame.K_RETURN)
        else:
            press(app, pygame.K_SPACE)
    press(app, pygame.K_2, pygame.K_2, pygame.K_1, pygame.K_RETURN)
    app.recorder.close()
    out = tmp_path / "out.jsonl"
    assert cli.main(["export", "--data-dir", str(tmp_path), "--out", str(out)]) == 0
    from game.outcomes.xapi import ROW_COLUMNS, parse

    rows = [dict(zip(ROW_COLUMNS, parse(line))) for line in out.read_bytes().splitlines()]
    votes = [r for r in rows if r["kind"] == "votes" and r["node"]]
    assert [r["count"] for r in votes][:2] == [1, 2]
    assert all(r["grp"] == "5B" for r in rows)
    assert cli.main(["export", "--data-dir", str(tmp_path), "--format", "csv"]) == 0
    assert cli.main(["report", str(out)]) == 0


def test_classroom_needs_a_group_label(capsys):
    from game import cli

    assert cli.main(["play", "--classroom", "  ", "--no-record"]) == 1
    assert "group label" in capsys.readouterr().err


@pytest.mark.parametrize("locale", ["en", "pt_BR", "th"])
def test_every_class_quiz_question_fits_its_card(content, tmp_path, locale):
    """On the projector a long question is drawn smaller, never past its card (25 Portuguese
    questions needed three lines at the full size)."""
    from game.flow import Play
    from scenes.classroom import ASK_CARD, ClassQuizScene

    app = start_app(content, locale=locale, mode=ClassMode(ClassSession("5B")))
    app.drawing = False
    seen = 0
    for scenario in app.content.scenarios:
        play = Play(app, scenario)
        for phase in ("pre", "post"):
            for index, question in enumerate(getattr(scenario, phase)):
                scene = ClassQuizScene(app, play, phase, index)
                tall = app.text.height(question.ask, scene.ask_size, True, ASK_CARD.w - 56)
                assert tall <= ASK_CARD.h, (scenario.id, phase, index, tall)
                seen += 1
    assert seen > 60
