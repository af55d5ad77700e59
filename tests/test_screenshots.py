"""A PNG of every scene type, saved in tests/screenshots/ for a person to look at.
The test also checks that each picture is colourful and not a blank or grey screen."""

from pathlib import Path

import pygame
import pytest

from game.autoplay import Driver, start_app
from game.content import check_file
from game.resources import SCENARIOS_FILE

OUT = Path(__file__).parent / "screenshots"
SCENES = (
    "TitleScene",
    "MenuScene",
    "QuizScene",
    "ChatScene",
    "CallScene",
    "ProfileScene",
    "LiveScene",
    "VoiceScene",
    "DialogueScene",
    "FeedbackScene",
    "EndingScene",
    "ResultsScene",
    "HelpScene",
    "ConfirmScene",
    "LanguageScene",
)
LOCALES = ("en", "pt_BR", "th")


def colourful(surface: pygame.Surface) -> tuple[int, float]:
    """(distinct colours on a coarse grid, share of mid-grey pixels; white cards are fine)."""
    small = pygame.transform.scale(surface, (160, 90))
    colours, grey = set(), 0
    for x in range(160):
        for y in range(90):
            r, g, b, _ = small.get_at((x, y))
            colours.add((r // 16, g // 16, b // 16))
            grey += max(r, g, b) - min(r, g, b) < 12 and 60 < (r + g + b) // 3 < 225
    return len(colours), grey / (160 * 90)


@pytest.fixture(scope="module", params=LOCALES)
def shots(request):
    from game.i18n import set_locale
    from scenes.language import LanguageScene

    content, _ = check_file(SCENARIOS_FILE)
    folder = OUT / request.param
    folder.mkdir(parents=True, exist_ok=True)
    saved: dict[str, Path] = {}

    def capture(app):
        name = type(app.top).__name__
        if name not in saved and app.top.auto_options():
            saved[name] = folder / f"{name.removesuffix('Scene').lower()}.png"
            app.draw(app.screen)  # only the frames that are kept are drawn
            pygame.image.save(app.screen, saved[name])

    app = start_app(content, locale=request.param)
    app.drawing = False
    request.addfinalizer(lambda: set_locale("en"))
    driver = Driver(app, "risky", on_frame=capture)
    for scenario in content.scenarios:
        driver.play(scenario.id)
    app.open_help()
    driver.step()
    driver.step()
    for _ in range(10):
        driver.step()
    app.pop()
    app.ask_quit()
    for _ in range(10):
        driver.step()
    app.pop()
    app.push(LanguageScene(app))
    for _ in range(25):
        driver.step()
    return saved


@pytest.mark.parametrize("scene", SCENES)
def test_scene_screenshot_is_saved_and_colourful(shots, scene):
    assert scene in shots, sorted(shots)
    image = pygame.image.load(shots[scene])
    assert image.get_size() == (1280, 720)
    colours, grey = colourful(image)
    assert colours >= 40, colours
    assert grey < 0.35, grey


@pytest.mark.parametrize("locale", LOCALES)
def test_classroom_and_kiosk_screens_are_saved_and_colourful(locale):
    """The educator's and the shared PC's own screens, in every language."""
    from game.classroom import ClassSession
    from game.flow import Play
    from game.i18n import set_locale
    from game.modes import ClassMode
    from scenes.kiosk import AttractScene, StillThereScene

    content, _ = check_file(SCENARIOS_FILE)
    folder = OUT / locale
    folder.mkdir(parents=True, exist_ok=True)
    app = start_app(content, locale=locale)
    saved = {}

    def settle(frames=15):
        for _ in range(frames):
            app.frame(0.1, [])

    def keys(*names):
        for name in names:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=name, mod=0, unicode=""))
        app.frame(0.05, pygame.event.get())
        settle(5)

    def save(name):
        saved[name] = folder / f"{name}.png"
        pygame.image.save(app.screen, saved[name])

    try:
        app.reset(AttractScene(app))
        settle()
        save("kiosk_attract")
        app.push(StillThereScene(app, lambda: 12))
        settle()
        save("kiosk_still_there")
        app.mode = ClassMode(ClassSession("5B"))
        Play(app, app.content.scenarios[0]).begin()
        settle()
        for _ in range(40):  # the class answers the questions, then reads the messages
            name = type(app.top).__name__
            if name == "ClassVoteScene":
                break
            if name == "ClassQuizScene":
                keys(pygame.K_1, pygame.K_2, pygame.K_2, pygame.K_RETURN)
                keys(pygame.K_RETURN)
            else:
                keys(pygame.K_SPACE)
        keys(pygame.K_1, pygame.K_1, pygame.K_2)
        save("class_vote")
        keys(pygame.K_n)
        save("class_notes")
        keys(pygame.K_n, pygame.K_RETURN)
        save("class_reveal")
    finally:
        set_locale("en")
    for name, path in saved.items():
        colours, grey = colourful(pygame.image.load(path))
        assert colours >= 40 and grey < 0.35, (name, colours, grey)
    assert len(saved) == 5
