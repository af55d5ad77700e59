"""Kiosk mode, headless: the idle reset keeps each player's play private, only the operator
quits, errors go back to the title; and the operator settings file with located errors."""

import warnings

import pygame
import pytest

from game import i18n
from game.app import App
from game.autoplay import headless
from game.cli import main
from game.content import check_file
from game.flow import Play
from game.kiosk import ASK, COUNTDOWN, QUIT_HOLD, RESET, IdleWatch, KioskMode
from game.operator_settings import Operator, check_text, load
from game.outcomes import Recorder
from game.resources import SCENARIOS_FILE


@pytest.fixture(scope="module")
def content():
    content, diags = check_file(SCENARIOS_FILE)
    assert [d for d in diags if d.is_error] == []
    return content


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_locale("en")


class FakeRecorder(Recorder):
    def __init__(self):
        self.events = []
        self.sessions = 0
        self.age_band = None

    def start_session(self, **fields):
        self.sessions += 1

    def set_age_band(self, age_band):
        self.age_band = age_band

    def record(self, kind, **fields):
        self.events.append((kind, fields))


def kiosk_app(content, tmp_path, **options):
    headless()
    mode = KioskMode(
        options.pop("idle_seconds", 60), language=options.pop("language", ""), crash_dir=tmp_path
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        app = App(
            content,
            mode=mode,
            sound=False,
            recorder=options.pop("recorder", None) or FakeRecorder(),
            **options,
        )
    app.start()
    return app


def key(k, mod=0, kind=pygame.KEYDOWN):
    return pygame.event.Event(kind, key=k, mod=mod, unicode="")


def tick(app, seconds, step=1.0, events=()):
    app.frame(step if not events else 0.1, list(events))
    done = step if not events else 0.1
    while done < seconds - 1e-9:
        app.frame(min(step, seconds - done), [])
        done += step


def playing(app, content):
    """Wake the attract screen, and start a story as a player would."""
    from scenes.title import TitleScene

    tick(app, 0.1, events=[key(pygame.K_SPACE)])
    assert isinstance(app.top, TitleScene)
    Play(app, content.scenarios[0]).begin()
    tick(app, 1.0, step=0.1)


def test_idle_watch_asks_after_the_quiet_time_then_resets_after_the_countdown():
    watch = IdleWatch(90, countdown=15)
    assert watch.step(89.9) is None
    watch.touch(50)  # someone pressed a key
    assert watch.step(139.9) is None
    assert watch.step(140) == ASK and watch.asking
    assert watch.remaining(140) == 15 and watch.remaining(150.5) == 5
    assert watch.step(154.9) is None
    assert watch.step(155) == RESET and not watch.asking
    assert watch.step(200) is None  # a new quiet time starts after the reset


def test_kiosk_asks_still_there_after_idle_seconds_and_input_resets_the_timer(content, tmp_path):
    from scenes.kiosk import StillThereScene

    app = kiosk_app(content, tmp_path)
    playing(app, content)
    tick(app, 50)
    tick(
        app,
        0.1,
        events=[pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 1), buttons=(0, 0, 0))],
    )
    tick(app, 50)
    assert not isinstance(app.top, StillThereScene)  # 100 s in, but only 50 s quiet
    tick(app, 11)
    assert isinstance(app.top, StillThereScene)
    assert app.play is not None  # the story is still there, under the question


def test_the_still_here_button_returns_to_the_story(content, tmp_path):
    from scenes.kiosk import StillThereScene

    app = kiosk_app(content, tmp_path)
    playing(app, content)
    under = app.top
    tick(app, 61)
    overlay = app.top
    assert isinstance(overlay, StillThereScene)
    tick(app, 1.0, step=0.1)
    here = overlay.buttons.buttons[0]
    app.frame(
        0.1,
        [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=here.rect.center, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=here.rect.center, button=1),
        ],
    )
    assert app.top is under and app.play is not None
    tick(app, 59)
    assert app.top is under  # a whole new quiet time before the next question


def test_after_the_countdown_the_next_player_sees_nothing_of_the_previous_one(content, tmp_path):
    from scenes.kiosk import AttractScene
    from scenes.menu import MenuScene
    from scenes.title import TitleScene

    recorder = FakeRecorder()
    app = kiosk_app(content, tmp_path, language="pt_BR", recorder=recorder)
    app.set_locale("th")  # the player chose Thai
    playing(app, content)
    app.session.done.update(s.id for s in content.scenarios[1:3])
    app.session.age_band, app.session.menu_page = "13-17", 1
    story = app.play.scenario.id
    order = app.session.order_seed
    tick(app, 60 + COUNTDOWN + 1)
    assert app.session.order_seed != order  # the next player sees the answers in another order

    assert isinstance(app.top, AttractScene) and len(app.scenes) == 1
    kind, fields = recorder.events[-1]
    assert kind == "scenario_abandoned" and fields["scenario"] == story
    assert recorder.age_band == "" and recorder.sessions == 1
    assert app.play is None and app.session.done == set() and app.session.age_band == ""
    assert app.locale == "pt_BR"

    tick(app, 0.1, events=[key(pygame.K_RETURN)])
    assert isinstance(app.top, TitleScene)
    menu = MenuScene(app)
    assert menu.page == 0
    cards = [b for b in menu.buttons.buttons if "id" in b.payload]
    assert cards and not any(card.payload["done"] for card in cards)


def test_language_stays_when_the_operator_did_not_set_one(content, tmp_path):
    app = kiosk_app(content, tmp_path)
    app.set_locale("th")
    playing(app, content)
    tick(app, 60 + COUNTDOWN + 1)
    assert app.locale == "th"


def test_only_the_held_operator_keys_quit(content, tmp_path):
    from scenes.confirm import ConfirmScene

    app = kiosk_app(content, tmp_path)
    playing(app, content)
    tick(app, 0.1, events=[key(pygame.K_ESCAPE)])  # offers the menu, as always
    tick(app, 0.1, events=[key(pygame.K_ESCAPE)])
    app.mode.next_player(app)
    tick(app, 0.1, events=[key(pygame.K_SPACE)])  # the title screen
    for _ in range(3):
        tick(app, 0.5, step=0.1, events=[key(pygame.K_ESCAPE)])
    app.frame(0.1, [pygame.event.Event(pygame.WINDOWCLOSE), pygame.event.Event(pygame.QUIT)])
    app.frame(0.1, [])
    assert app.running and not isinstance(app.top, ConfirmScene)

    combo = pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT
    app.frame(0.1, [key(pygame.K_q, combo)])
    app.frame(0.1, [key(pygame.K_q, combo, pygame.KEYUP)])  # let go too soon
    for _ in range(int(QUIT_HOLD / 0.1) + 2):
        app.frame(0.1, [])
    assert app.running
    for _ in range(int(QUIT_HOLD / 0.1) + 2):  # held: the keyboard repeats the key
        app.frame(0.1, [key(pygame.K_q, combo)])
    assert not app.running and app.run() == 0


def test_a_scene_that_raises_goes_back_to_the_title(content, tmp_path, capsys):
    from scenes.title import TitleScene

    recorder = FakeRecorder()
    app = kiosk_app(content, tmp_path, recorder=recorder)
    playing(app, content)

    def broken(dt):
        raise ValueError("boom")

    app.top.update = broken
    app.frame(0.1, [])
    assert isinstance(app.top, TitleScene) and len(app.scenes) == 1 and app.running
    assert recorder.events[-1][0] == "scenario_abandoned"
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ValueError: boom" in err[0]
    assert "ValueError: boom" in (tmp_path / "crash.log").read_text(encoding="utf-8")
    tick(app, 1.0, step=0.1)  # play goes on
    assert app.running


def test_errors_that_keep_coming_stop_the_game_with_exit_code_1(content, tmp_path, capsys):
    from scenes.title import TitleScene

    app = kiosk_app(content, tmp_path)

    def broken(self, surface):
        raise RuntimeError("always")

    original = TitleScene.draw_content
    TitleScene.draw_content = broken
    try:
        for _ in range(20):
            app.frame(0.1, [key(pygame.K_SPACE)])
            if not app.running:
                break
    finally:
        TitleScene.draw_content = original
    assert not app.running and app.exit_code == 1
    assert "stopped after 5 errors" in capsys.readouterr().err


# -- operator settings -----------------------------------------------------------------------


def located(text):
    return [(d.line, d.col, d.code, d.message, d.hint) for d in check_text(text, "op.yaml")[1]]


def test_a_good_file_gives_its_values_and_an_empty_one_the_defaults():
    operator, diags = check_text(
        "language: th\nkiosk: true\nidle_seconds: 120\nsound: false\ngroup: 5B\ntext_size: large\n",
        "op.yaml",
    )
    assert diags == []
    assert operator == Operator(
        language="th", kiosk=True, idle_seconds=120, sound=False, group="5B", text_size="large"
    )
    assert check_text("# nothing yet\n", "op.yaml") == (Operator(), [])


def test_operator_file_syntax_error_is_located():
    [(line, col, code, message, _hint)] = located("kiosk: true\nsound: [true\n")
    assert (line, col, code) == (3, 1, "O001") and "YAML syntax error" in message


def test_operator_file_unknown_key_has_a_hint():
    [(line, col, code, message, hint)] = located("kiosk: true\nidle_second: 60\n")
    assert (line, col, code) == (2, 1, "O003")
    assert "idle_second" in message and hint == "did you mean 'idle_seconds'?"


def test_operator_file_wrong_type_and_out_of_range_are_located():
    diags = located(
        "kiosk: sometimes\nidle_seconds: 5\nlanguage: pt-BR\n"
        'group: "Ana Maria\'s class!"\nsound: 1\nkiosk: false\n'
        "text_size: huge\n"
    )
    assert [(line, col, code) for line, col, code, _m, _h in diags] == [
        (1, 8, "O004"),
        (2, 15, "O005"),
        (3, 11, "O005"),
        (4, 8, "O005"),
        (5, 8, "O004"),
        (6, 1, "O006"),
        (7, 12, "O005"),
    ]
    assert "not 5" in diags[1][3] and diags[2][4] == "did you mean 'pt_BR'?"
    assert diags[6][4] == "use normal, large, larger"


def test_operator_file_must_be_key_value_lines():
    [(line, col, code, _m, _h)] = located("- kiosk\n")
    assert (line, col, code) == (1, 1, "O002")


def test_missing_files(tmp_path, monkeypatch):
    monkeypatch.setenv("NET_HEROES_CONFIG_DIR", str(tmp_path))
    assert load()[:2] == (Operator(), [])  # no file on this machine: the defaults
    operator, diags, _shown = load(tmp_path / "nope.yaml")
    assert [d.code for d in diags] == ["O007"]
    (tmp_path / "operator.yaml").write_text("kiosk: true\n", encoding="utf-8")
    assert load()[0].kiosk


def test_check_config_and_play_with_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "op.yaml"
    bad.write_text("kiosk: true\nidle_seconds: 9999\n", encoding="utf-8")
    assert main(["check", "--config", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:2:15: error: idle_seconds must be 20 to 3600, not 9999" in out
    assert main(["play", "--config", str(bad), "--no-record"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:15: error:" in err and "Traceback" not in err
    good = tmp_path / "good.yaml"
    good.write_text("kiosk: true\n", encoding="utf-8")
    assert main(["check", "--config", str(good)]) == 0
    assert "kiosk on, idle 90 s" in capsys.readouterr().out


def test_command_line_wins_over_the_operator_file_which_wins_over_the_last_choice(capsys):
    from game.cli import build_parser, play_choices
    from game.operator_settings import Operator

    operator = Operator(
        language="th", kiosk=False, idle_seconds=90, sound=False, group="Lab 2", text_size="large"
    )
    plain = build_parser().parse_args(["play"])
    assert play_choices(plain, operator, "pt_BR") == {
        "locale": "th",
        "group": "Lab 2",
        "sound": False,
        "kiosk": False,
        "fixed": {"text_size": "large"},
    }
    given = build_parser().parse_args(
        ["play", "--locale", "en", "--group", "5B", "--kiosk", "--text-size", "normal"]
    )
    assert play_choices(given, operator, "pt_BR") == {
        "locale": "en",
        "group": "5B",
        "sound": False,
        "kiosk": True,
        "fixed": {"text_size": "normal"},
    }
    nothing = build_parser().parse_args(["play"])
    assert play_choices(nothing, Operator(), "pt_BR")["locale"] == "pt_BR"
    both = build_parser().parse_args(["play", "--classroom", "5B", "--kiosk"])
    assert play_choices(both, operator, None) is None
    assert "cannot run together" in capsys.readouterr().err
