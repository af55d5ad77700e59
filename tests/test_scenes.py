"""The real pygame scenes, headless: every path of every scenario, keyboard-only play,
global keys, overlays, and window events."""

import pygame
import pytest

from game.autoplay import Driver, run, start_app
from game.content import check_file
from game.resources import SCENARIOS_FILE
from game.story import Line, Runtime, all_paths
from game.transcript import Transcript


@pytest.fixture(scope="module")
def content():
    content, diags = check_file(SCENARIOS_FILE)
    assert [d for d in diags if d.is_error] == []
    return content


def chosen_lines(transcript_text: str) -> list[str]:
    return [
        line[4:]
        for line in transcript_text.splitlines()
        if line.startswith("  > ") and not line[4:5].isdigit()
    ]


def test_every_path_of_every_scenario_plays_through_the_scenes(content):
    transcript = Transcript()
    app = start_app(content, observer=transcript.add)
    app.drawing = False  # the scenes run, nothing is drawn: pixels are tested elsewhere
    driver = Driver(app, dt=0.1)
    played = 0
    for scenario in content.scenarios:
        paths = all_paths(scenario)
        assert paths, scenario.id
        for path in paths:
            transcript.lines.clear()
            driver.play(scenario.id, script=path)
            rt = Runtime(scenario)
            expected = [rt.choose(cid).text for cid in path]
            text = transcript.text()
            assert chosen_lines(text) == expected
            assert f"[ending] {rt.current().title}" in text
            assert "[results]" in text
            assert scenario.id in app.session.done
            played += 1
    assert played == sum(len(all_paths(s)) for s in content.scenarios)


@pytest.mark.parametrize("strategy", ["safe", "risky", "random"])
def test_autoplay_strategies_finish_every_scenario(content, strategy):
    text = run(content, [s.id for s in content.scenarios], strategy, seed=3, draw=False).text()
    assert text.count("[results]") == len(content.scenarios)
    safeties = [
        line.rsplit("[", 1)[-1].rstrip("]")
        for line in text.splitlines()
        if line.startswith("    ") and line.rstrip().endswith("]")
    ]
    assert safeties  # the choices offered were listed
    feedback = [line for line in text.splitlines() if line.startswith("  feedback (")]
    if strategy == "safe":
        assert feedback and not any(f.startswith("  feedback (risky)") for f in feedback)
    if strategy == "risky":
        assert any(f.startswith("  feedback (risky)") for f in feedback)
        assert "It's never too late to tell someone you trust." in text


def test_keyboard_only_play_gives_the_same_story_as_the_mouse(content):
    ids = [s.id for s in content.scenarios]
    by_mouse = run(content, ids, "risky", draw=False).text()
    by_keys = run(content, ids, "risky", keys=True, draw=False).text()
    assert by_keys == by_mouse


def post(app, *events):
    for event in events:
        pygame.event.post(event)
    app.frame(0.1, pygame.event.get())


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="")


def click(pos):
    return [
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]


def settle(app, frames=10):
    for _ in range(frames):
        app.frame(0.1, [])


def test_help_opens_from_f1_and_the_help_button_and_closes_with_esc(content):
    from scenes.base import help_rect
    from scenes.help import HelpScene

    app = start_app(content)
    post(app, key(pygame.K_F1))
    assert isinstance(app.top, HelpScene)
    post(app, key(pygame.K_ESCAPE))
    assert not isinstance(app.top, HelpScene)
    post(app, *click(help_rect(app).center))
    assert isinstance(app.top, HelpScene)
    post(app, key(pygame.K_F1))  # a second F1 does not stack another help screen
    assert sum(isinstance(s, HelpScene) for s in app.scenes) == 1


def test_help_lists_both_countries_services_in_english(content):
    seen = []
    app = start_app(content, observer=lambda kind, data: seen.append((kind, data)))
    post(app, key(pygame.K_F1))
    services = dict(next(d for k, d in seen if k == "help")["services"])
    assert set(services) == {"Brazil", "Thailand"}
    assert any("100" in line for line in services["Brazil"])
    assert any("1387" in line for line in services["Thailand"])


def test_escape_asks_before_quitting_and_no_keeps_playing(content):
    from scenes.confirm import ConfirmScene

    app = start_app(content)
    settle(app)
    post(app, key(pygame.K_ESCAPE))
    assert isinstance(app.top, ConfirmScene) and app.running
    settle(app)
    post(app, key(pygame.K_RETURN))  # the focus starts on "No"
    assert not isinstance(app.top, ConfirmScene) and app.running
    post(app, pygame.event.Event(pygame.WINDOWCLOSE), pygame.event.Event(pygame.QUIT))
    assert isinstance(app.top, ConfirmScene) and app.running
    settle(app)
    post(app, key(pygame.K_TAB), key(pygame.K_RETURN))  # move to "Yes"
    assert not app.running


def test_escape_in_a_story_offers_the_menu(content):
    from game.flow import Play
    from scenes.confirm import ConfirmScene
    from scenes.menu import MenuScene

    app = start_app(content)
    Play(app, content.scenarios[0]).begin()
    settle(app)
    post(app, key(pygame.K_ESCAPE))
    assert isinstance(app.top, ConfirmScene)
    settle(app)
    post(app, key(pygame.K_RIGHT), key(pygame.K_RETURN))
    assert isinstance(app.top, MenuScene) and app.running


def test_window_events_never_crash(content):
    app = start_app(content)
    events = [
        pygame.event.Event(pygame.WINDOWMINIMIZED),
        pygame.event.Event(pygame.WINDOWFOCUSLOST),
        pygame.event.Event(pygame.VIDEORESIZE, size=(640, 360), w=640, h=360),
        pygame.event.Event(pygame.WINDOWRESTORED),
        pygame.event.Event(pygame.WINDOWFOCUSGAINED),
        key(pygame.K_F11),
        key(pygame.K_F11),
    ]
    for event in events:
        post(app, event)
    assert app.minimized is False and app.running
    settle(app, 3)


def test_space_shows_waiting_messages_at_once(content):
    from game.flow import Play
    from scenes.stage import StageScene

    app = start_app(content)
    play = Play(app, content.scenarios[0])
    play.runtime.answers.clear()
    play.show_node()
    app.frame(0.01, [])
    scene = app.top
    assert isinstance(scene, StageScene) and not scene.offered
    post(app, key(pygame.K_SPACE))
    assert scene.shown == len(scene.messages) and scene.offered


def test_missing_character_picture_shows_a_placeholder_and_warns_once(tmp_path, capsys):
    from game import log

    from .helpers import with_change

    text = with_change("look: fox}", "look: fox, image: avatars/not-there.png}")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    content, diags = check_file(path)
    assert [d.code for d in diags] == ["W150"]
    log.reset()
    transcript = run(content, ["demo"], "risky").text()
    assert "[results]" in transcript
    err = capsys.readouterr().err
    assert err.count("image not found: assets/images/avatars/not-there.png") == 1


def test_a_quit_without_the_close_button_ends_at_once(content):
    app = start_app(content)
    post(app, pygame.event.Event(pygame.QUIT))  # e.g. the system shutting down
    assert not app.running


def test_age_chips_filter_the_menu_and_record_the_band(content):
    from game.outcomes import Recorder
    from scenes.menu import MenuScene

    class Bands(Recorder):
        chosen: list = []

        def set_age_band(self, age_band):
            self.chosen.append(age_band)

    app = start_app(content, recorder=Bands())
    app.reset(MenuScene(app))
    settle(app)
    chips = [b for b in app.top.buttons.buttons if b.action == "age"]
    assert [c.payload["age"] for c in chips] == ["9-12", "13-17", ""]
    post(app, *click(chips[1].rect.center))
    settle(app)
    cards = [b.payload["age_band"] for b in app.top.buttons.buttons if "id" in b.payload]
    assert cards and set(cards) == {"13-17"}
    assert app.recorder.chosen == ["13-17"] and app.session.age_band == "13-17"


def test_menu_pages_when_there_are_more_stories_than_fit(tmp_path):
    from game.content import load_text

    from .helpers import MINIMAL

    body = MINIMAL.split("scenarios:\n", 1)[1]
    text = "format: 1\nscenarios:\n" + "".join(
        body.replace("  - id: demo", f"  - id: demo{i}").replace("title: Demo", f"title: Demo {i}")
        for i in range(10)
    )
    many, diags = load_text(text)
    assert [d for d in diags if d.is_error] == []
    transcript = run(many, ["demo9", "demo0"], "safe").text()
    assert "=== Demo 9 (demo9)" in transcript and "=== Demo 0 (demo0)" in transcript
    assert transcript.count("[results]") == 2


def test_profile_page_and_request_cards_play_and_carry_the_thread():
    from game.content import load_text

    from .helpers import with_change

    text = with_change(
        "        scene: chat\n        app: Game chat\n        messages:\n"
        "          - from: sam\n            text: hi! want free coins?\n",
        "        scene: profile\n        app: Game chat\n        of: sam\n"
        "        bio: I give free coins to my friends!\n"
        "        details: [Joined 2 days ago, 0 posts]\n        messages:\n"
        "          - from: sam\n            text: hi! want free coins?\n"
        "            request: money\n",
    )
    text = text.replace(
        "      later:\n        scene: chat\n",
        "      later:\n        scene: chat\n        app: Game chat\n",
        1,
    )
    loaded, diags = load_text(text)
    assert [d for d in diags if d.is_error] == []
    transcript = Transcript()
    app = start_app(loaded, observer=transcript.add)
    threads = {}

    def watch(app):
        node = getattr(app.top, "node", None)
        if node is not None and type(app.top).__name__ in ("ProfileScene", "ChatScene"):
            threads[node.id] = list(app.play.thread)

    path = next(p for p in all_paths(loaded.scenarios[0]) if p[0] == "c2")  # via "later"
    Driver(app, dt=0.1, on_frame=watch).play("demo", script=list(path))
    lines = transcript.text().splitlines()
    assert "[profile: Game chat]" in lines
    assert "(profile of Sam) I give free coins to my friends!" in lines
    assert "  · Joined 2 days ago" in lines and "  · 0 posts" in lines
    assert "Sam: [money request] hi! want free coins?" in lines
    # the chat after the profile, in the same app, goes on from the profile's messages
    assert Line("sam", "hi! want free coins?", "money") in threads["later"]
