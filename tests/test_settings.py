"""The settings menu: reached by keyboard from the title and from Help, each change in effect
at once and remembered on this computer; a kiosk forgets a player's settings except what the
operator fixed; a hand-edited settings file gives defaults and a warning."""

import json
import warnings

import pygame
import pytest

from game import cli, i18n, settings, theme
from game.app import App
from game.autoplay import headless, start_app
from game.content import check_file
from game.kiosk import KioskMode
from game.operator_settings import check_text
from game.resources import SCENARIOS_FILE
from game.session import Access
from scenes.help import HelpScene
from scenes.settings import ROWS, SettingsScene
from scenes.title import TitleScene


@pytest.fixture(scope="module")
def content():
    content, diags = check_file(SCENARIOS_FILE)
    assert [d for d in diags if d.is_error] == []
    return content


@pytest.fixture(autouse=True)
def own_settings_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV, str(tmp_path / "config"))
    yield
    i18n.set_locale("en")


def key(app, name, mod=0):
    app.frame(0.05, [pygame.event.Event(pygame.KEYDOWN, key=name, mod=mod, unicode="")])
    app.frame(0.05, [])


def settings_button(scene, setting, label):
    return next(
        b for b in scene.buttons.buttons if b.payload.get("setting") == setting and b.label == label
    )


def press(app, button):
    """Move the keyboard focus to `button` with Tab, then press Enter: as a keyboard player."""
    group = app.top.buttons
    for _ in range(len(group.buttons) + 1):
        if group.focus >= 0 and group.buttons[group.focus] is button:
            break
        key(app, pygame.K_TAB)
    assert group.buttons[group.focus] is button
    key(app, pygame.K_RETURN)


def test_every_setting_of_the_menu_is_a_setting_of_the_player():
    assert [row.key for row in ROWS] == list(Access().to_dict())
    for row in ROWS:
        assert getattr(Access(), row.key) in [value for value, _label in row.options]


def test_the_title_opens_the_settings_by_keyboard_and_a_change_is_kept(content):
    app = start_app(content)
    app.frame(1.0, [])  # the title's buttons slide in
    title = app.top
    press(app, next(b for b in title.buttons.buttons if b.action == "settings"))
    assert isinstance(app.top, SettingsScene)
    scene = app.top
    press(app, settings_button(scene, "text_size", "Larger"))
    assert app.session.access.text_size == "larger"
    assert app.text.scale == theme.TEXT_SCALES["larger"]
    chosen = [b for b in app.top.buttons.buttons if b.payload.get("chosen")]
    assert {b.payload["setting"] for b in chosen} == {row.key for row in ROWS}
    assert all(b.icon == "check" for b in chosen)  # a tick as well as a colour
    press(app, settings_button(app.top, "effects_volume", "Half"))
    assert app.sounds.volume == 0.5
    saved = json.loads(settings.path().read_text(encoding="utf-8"))["access"]
    assert saved["text_size"] == "larger" and saved["effects_volume"] == 50
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene) and app.top is not title  # made again, larger


def test_help_leads_to_the_settings(content):
    app = start_app(content)
    app.open_help()
    app.frame(1.0, [])
    app.frame(1.0, [])  # Help's buttons slide in
    assert isinstance(app.top, HelpScene)
    press(app, next(b for b in app.top.buttons.buttons if b.action == "settings"))
    assert isinstance(app.top, SettingsScene)
    assert isinstance(app.scenes[-2], TitleScene)  # Help closed, the settings over the title


def test_the_next_start_uses_the_remembered_settings(content, monkeypatch):
    settings.save(access={"text_size": "large", "reduced_motion": True})
    seen = {}
    monkeypatch.setattr(App, "run", lambda self, frames=None: seen.setdefault("app", self) and 0)
    assert cli.main(["play", "--frames", "1", "--no-sound", "--locale", "en"]) == 0
    access = seen["app"].session.access
    assert access.text_size == "large" and access.reduced_motion


def test_a_hand_edited_settings_file_gives_defaults_and_a_warning(content, monkeypatch, capsys):
    settings.save(access={"text_size": "huge", "narration": "yes", "voice_volume": 300})
    seen = {}
    monkeypatch.setattr(App, "run", lambda self, frames=None: seen.setdefault("app", self) and 0)
    assert cli.main(["play", "--frames", "1", "--no-sound", "--locale", "en"]) == 0
    assert seen["app"].session.access == Access()
    err = capsys.readouterr().err
    assert "text_size: 'huge'" in err and "voice_volume: 300" in err and "narration" in err
    assert Access.from_dict(["not", "a", "table"])[0] == Access()


def test_a_setting_the_operator_fixed_is_shown_locked(content):
    app = start_app(content)
    app.session.fixed = {"text_size": "large"}
    scene = SettingsScene(app)
    assert not [b for b in scene.buttons.buttons if b.payload.get("setting") == "text_size"]
    assert any("set on this computer" in text for text, _size, _rect in scene.locked)


def test_a_kiosk_forgets_the_players_settings_but_not_the_operators(content, tmp_path):
    headless()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app = App(
            content,
            mode=KioskMode(60, crash_dir=tmp_path),
            sound=False,
            fixed={"text_size": "large"},
        )
    app.start()
    assert app.session.access.text_size == "large"
    app.change_access("effects_volume", 0)
    app.change_access("reduced_motion", True)
    assert not settings.path().exists()  # a kiosk keeps nothing of a player on the disk
    app.mode.next_player(app)
    assert app.session.access == Access(text_size="large")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("high_contrast: true\nreduced_motion: no\nnarration: on\n", None),
        ("narration: maybe\n", "1:12: error"),
        ("high_contrast: 1\n", "1:16: error"),
    ],
)
def test_the_operator_file_may_fix_the_players_settings(text, problem):
    operator, diags = check_text(text, "operator.yaml")
    if problem is None:
        assert diags == []
        assert operator.fixed() == {
            "high_contrast": True,
            "reduced_motion": False,
            "narration": True,
        }
    else:
        assert len(diags) == 1 and problem in diags[0].format() and "O004" in diags[0].format()


@pytest.mark.parametrize("locale", ["en", "th"])
def test_turning_reading_aloud_on_says_which_voice_reads_or_that_none_can(content, locale):
    app = start_app(content, locale=locale)
    app.open_settings()
    app.frame(1.0, [])
    app.frame(1.0, [])
    press(app, settings_button(app.top, "narration", i18n._("On")))
    try:
        assert app.session.access.narration and app.top.status == app.narration_status != ""
        if locale == "th":  # no computer voice may read Thai here (never espeak-ng)
            assert app.speech is None and "ไทย" in app.narration_status
        else:
            assert (app.speech is not None) == ("No voice" not in app.narration_status)
            narrator = app.speech
            press(app, settings_button(app.top, "voice_volume", i18n._("Half")))
            assert app.speech is narrator  # read at each line: no new narrator for it
        press(app, settings_button(app.top, "narration", i18n._("Off")))
        assert app.speech is None and app.narration_status == ""
    finally:
        if app.speech is not None:
            app.speech.stop()


def test_high_contrast_and_less_movement_take_effect_at_once(content):
    app = start_app(content)
    app.open_settings()
    app.frame(1.0, [])
    app.frame(1.0, [])
    normal_ink = theme.INK
    try:
        press(app, settings_button(app.top, "high_contrast", "On"))
        assert theme.LOOK == "contrast" and app.look == "contrast"
        assert all(shapes == "none" for _top, _bottom, shapes in app._backdrops)  # plain
        chosen = next(b for b in app.top.buttons.buttons if b.payload.get("chosen"))
        assert chosen.color == theme.SKY_DEEP  # the rows are made again in the new look
        press(app, settings_button(app.top, "reduced_motion", "On"))
        assert app.session.access.reduced_motion
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.top, TitleScene)
        press(app, next(b for b in app.top.buttons.buttons if b.action == "settings"))
        press(app, settings_button(app.top, "high_contrast", "Off"))
        assert theme.LOOK == "normal" and theme.INK == normal_ink
    finally:
        theme.use_look("normal")
