"""The pure story runtime: no pygame, deterministic."""

import sys

import pytest

from game.content import load_text
from game.story import Runtime, StoryError, all_paths

from .helpers import MINIMAL


@pytest.fixture
def scenario():
    content, diags = load_text(MINIMAL)
    assert diags == []
    return content.scenarios[0]


def test_starts_at_the_start_node(scenario):
    rt = Runtime(scenario)
    assert rt.current().id == "hello"
    assert [c.id for c in rt.choices()] == ["c1", "c2"]
    assert not rt.finished


def test_choose_moves_sets_flags_and_scores(scenario):
    rt = Runtime(scenario)
    picked = rt.choose("c2")
    assert picked.safety == "risky"
    assert rt.current().id == "later"
    assert rt.flags == {"said_yes"}
    assert [c.id for c in rt.choices()] == ["c1", "c2"]  # 'if: said_yes' choice now shows
    rt.choose("c1")
    rt.choose("c1")
    assert rt.finished
    assert rt.score == 2 and rt.count("risky") == 1
    assert [s.node_id for s in rt.history] == ["hello", "later", "mum"]


def test_conditional_choice_hidden_without_its_flag(scenario):
    rt = Runtime(scenario)
    rt.choose("c1")  # straight to mum: 'later' never visited
    assert rt.current().id == "mum"
    rt2 = Runtime(scenario)
    rt2.node_id = "later"
    assert [c.id for c in rt2.choices()] == ["c1"]
    with pytest.raises(StoryError):
        rt2.choose("c2")


def test_unknown_choice_is_refused(scenario):
    with pytest.raises(StoryError):
        Runtime(scenario).choose("nope")


def test_answers_are_recorded_right_or_wrong(scenario):
    rt = Runtime(scenario)
    assert rt.answer("pre", "q1", "b") is True
    assert rt.answer("pre", "q2", "a") is False
    assert rt.correct("pre") == 1
    with pytest.raises(StoryError):
        rt.answer("post", "q1", "a")
    with pytest.raises(StoryError):
        rt.answer("pre", "q1", "z")


def test_same_choices_give_same_story(scenario):
    def play():
        rt = Runtime(scenario)
        for cid in ("c2", "c2", "c1"):
            rt.choose(cid)
        return rt.history, rt.flags

    assert play() == play()


def test_all_paths_reach_an_ending(scenario):
    paths = all_paths(scenario)
    assert sorted(paths) == [["c1", "c1"], ["c2", "c1", "c1"], ["c2", "c2", "c1"]]
    for path in paths:
        rt = Runtime(scenario)
        for cid in path:
            rt.choose(cid)
        assert rt.finished


def test_runtime_does_not_import_pygame():
    import subprocess

    code = "import sys, game.story; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
