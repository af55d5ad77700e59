"""Start a story anywhere (`--node NODE --flag F`): the runtime, the flow, and the `play` and
`autoplay` commands, whose node starts record nothing."""

import pytest

from game import app as app_module
from game import cli, settings
from game.autoplay import start_app
from game.content import load_text
from game.flow import Play, start_problem
from game.outcomes import Recorder
from game.story import Runtime, StoryError, known_flags

from .helpers import MINIMAL

STORY = "camera_request"


@pytest.fixture
def scenario():
    content, diags = load_text(MINIMAL)
    assert diags == []
    return content.scenarios[0]


# -- the runtime ------------------------------------------------------------------------
def test_start_at_a_node_with_flags(scenario):
    rt = Runtime(scenario)
    rt.start_at("later", {"said_yes"})
    assert rt.current().id == "later" and rt.flags == {"said_yes"}
    assert [c.id for c in rt.choices()] == ["c1", "c2"]  # 'if: said_yes' shows
    rt.choose("c2")
    assert rt.current().id == "mum" and [s.node_id for s in rt.history] == ["later"]


def test_start_at_without_flags_hides_what_needs_them(scenario):
    rt = Runtime(scenario)
    rt.flags.add("old")
    rt.start_at("later")
    assert rt.flags == set() and [c.id for c in rt.choices()] == ["c1"]


def test_start_at_an_unknown_node_is_refused(scenario):
    rt = Runtime(scenario)
    with pytest.raises(StoryError, match="no node 'nope'"):
        rt.start_at("nope")
    assert rt.node_id == "hello"


def test_known_flags_are_those_choices_set_or_test(scenario):
    assert known_flags(scenario) == {"said_yes"}


# -- the located errors -----------------------------------------------------------------
def test_an_unknown_node_is_a_located_error_with_a_hint(scenario):
    problem = start_problem(scenario, "latr")
    nodes = scenario.at["nodes"]
    assert problem == (
        f"scenarios.yaml:{nodes.line}:{nodes.col}: error: no node 'latr' in scenario 'demo'; "
        "did you mean 'later'?"
    )
    assert start_problem(scenario, "later", ["said_yes"]) == ""


def test_an_unknown_flag_is_a_located_error_at_the_scenario(scenario):
    loc = scenario.loc
    assert start_problem(scenario, "later", ["said_yess"]) == (
        f"scenarios.yaml:{loc.line}:{loc.col}: error: no flag 'said_yess' in scenario 'demo'; "
        "did you mean 'said_yes'?"
    )
    assert start_problem(scenario, "later", ["zzz"]).endswith("; its flags are said_yes")


# -- the flow ---------------------------------------------------------------------------
class Spy(Recorder):
    def __init__(self):
        self.events = []

    def record(self, kind, **fields):
        self.events.append(kind)


@pytest.mark.filterwarnings("ignore:no fast renderer")
def test_begin_at_shows_the_node_without_questions_or_a_started_event(scenario):
    content, _diags = load_text(MINIMAL)
    spy = Spy()
    app = start_app(content, recorder=spy)
    Play(app, app.content.scenario("demo")).begin_at("later", {"said_yes"})
    app.frame(0.1, [])
    assert app.top.node.id == "later" and app.play.runtime.flags == {"said_yes"}
    assert spy.events == []  # no "scenario_started", no "how sure"


# -- the commands -----------------------------------------------------------------------
@pytest.fixture
def play(tmp_path, monkeypatch):
    """Run `play` for a few frames; return the exit code and the app it ran."""
    monkeypatch.setenv(settings.ENV, str(tmp_path / "config"))
    seen = {}
    run = app_module.App.run

    def spy(self, frames=None):
        seen["app"] = self
        return run(self, frames)

    monkeypatch.setattr(app_module.App, "run", spy)

    def start(*args):
        data = ["--data-dir", str(tmp_path / "data")]
        code = cli.main(["play", "--frames", "3", "--no-sound", "--locale", "en", *data, *args])
        return code, seen.get("app")

    return start


@pytest.mark.filterwarnings("ignore:no fast renderer")
def test_play_starts_at_the_node_and_records_nothing(play, tmp_path):
    code, app = play("--scenario", STORY, "--node", "pushback", "--flag", "posted")
    assert code == 1  # 'posted' is a flag of another story
    code, app = play("--scenario", STORY, "--node", "pushback")
    assert code == 0 and app.top.node.id == "pushback"
    assert app.play.runtime.history == [] and not (tmp_path / "data").exists()


def test_play_with_an_unknown_node_says_where_and_exits_1(play, capsys):
    code, app = play("--scenario", STORY, "--node", "pushbak")
    err = capsys.readouterr().err
    assert code == 1 and app is None
    assert "error: no node 'pushbak' in scenario 'camera_request'; did you mean 'pushback'?" in err
    assert err.startswith("scenarios.yaml:")


def test_node_needs_a_scenario_and_flag_needs_a_node(play, capsys):
    assert play("--node", "pushback")[0] == 1
    assert "--node needs --scenario" in capsys.readouterr().err
    assert play("--scenario", STORY, "--flag", "x")[0] == 1
    assert "--flag needs --node" in capsys.readouterr().err


def test_autoplay_from_a_node_with_a_flag(capsys, tmp_path):
    args = ["autoplay", "--scenario", "uniform_photo", "--node", "dad_talk", "--flag", "posted"]
    code = cli.main([*args, "--record", "--data-dir", str(tmp_path / "data")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "[pre question" not in out and "[results]" in out
    assert "Take the video down, then block and report Kai." in out  # shown for 'posted' only
    assert not (tmp_path / "data").exists()  # an author's test is never recorded


def test_autoplay_with_an_unknown_flag_says_where(capsys):
    code = cli.main(
        ["autoplay", "--scenario", "uniform_photo", "--node", "dad_talk", "--flag", "postd"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "error: no flag 'postd' in scenario 'uniform_photo'; did you mean 'posted'?" in err
