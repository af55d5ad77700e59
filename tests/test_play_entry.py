"""`python -m game play` as a user starts it: the mode, the kiosk and the operator settings
wired from the command line and from operator.yaml, up to the first frames."""

import sqlite3

import pytest

from game import app as app_module
from game import cli, settings
from game.kiosk import KioskMode
from game.modes import ClassMode, SoloMode


@pytest.fixture
def started(tmp_path, monkeypatch):
    """Run `play` for a few frames; return the app it ran (and its first scene)."""
    monkeypatch.setenv(settings.ENV, str(tmp_path / "config"))
    seen = {}
    run = app_module.App.run

    def spy(self, frames=None):
        seen["app"] = self
        code = run(self, frames)
        seen["scene"] = type(self.top).__name__ if self.top else None  # after the frames
        return code

    monkeypatch.setattr(app_module.App, "run", spy)

    def play(*args):
        code = cli.main(
            ["play", "--frames", "3", "--no-sound", "--data-dir", str(tmp_path / "data"), *args]
        )
        return code, seen.get("app"), seen.get("scene")

    return play


STORY = "camera_request"  # a story start records an event, so the session is written


def groups(tmp_path):
    with sqlite3.connect(tmp_path / "data" / "outcomes.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT grp FROM sessions")]


@pytest.mark.filterwarnings("ignore:no fast renderer")  # the dummy video driver
def test_solo_play_is_the_default(started, tmp_path):
    code, app, scene = started("--locale", "pt_BR")
    assert code == 0 and type(app.mode) is SoloMode
    assert not isinstance(app.mode, ClassMode) and app.locale == "pt_BR"
    assert scene == "TitleScene"


@pytest.mark.filterwarnings("ignore:no fast renderer")
def test_a_class_session_plays_in_class_mode_under_its_group(started, tmp_path):
    code, app, _scene = started("--classroom", " 5B ", "--locale", "th", "--scenario", STORY)
    assert code == 0 and isinstance(app.mode, ClassMode)
    assert app.mode.group == "5B" and app.mode.text_boost > 0 and app.mode.paced
    assert groups(tmp_path) == ["5B"]


@pytest.mark.filterwarnings("ignore:no fast renderer")
def test_operator_settings_start_a_kiosk_in_their_language_and_group(started, tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "operator.yaml").write_text(
        "kiosk: true\nlanguage: th\ngroup: LAN house 1\nidle_seconds: 45\n", encoding="utf-8"
    )
    code, app, _scene = started("--scenario", STORY)
    assert code == 0 and isinstance(app.mode, KioskMode) and app.mode.language == "th"
    assert app.locale == "th" and app.mode.idle.idle_seconds == 45
    assert app.session.group == "LAN house 1"
    assert groups(tmp_path) == ["LAN house 1"]


@pytest.mark.filterwarnings("ignore:no fast renderer")
def test_the_command_line_wins_over_the_operator_settings(started, tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "operator.yaml").write_text("language: th\ngroup: LAN\n", encoding="utf-8")
    code, app, _scene = started("--locale", "en", "--group", "7A", "--scenario", STORY)
    assert code == 0 and app.locale == "en" and type(app.mode) is SoloMode
    assert groups(tmp_path) == ["7A"]


def test_class_mode_and_kiosk_cannot_run_together(started, capsys):
    code, app, _scene = started("--classroom", "5B", "--kiosk")
    assert code == 1 and app is None
    assert "cannot run together" in capsys.readouterr().err
