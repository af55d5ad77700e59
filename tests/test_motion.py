"""Less movement (the accessibility setting `reduced_motion`): once the buttons are in, a
screen stands still: no drifting bubbles or stars, no confetti, no rising cards, no bobbing
faces or letters. Two frames a second apart are the same, pixel for pixel."""

from __future__ import annotations

import pygame
import pytest

from game.autoplay import start_app
from game.content import check_file
from game.resources import SCENARIOS_FILE
from tests.test_contrast import SCREENS

STILL_SCREENS = ("title", "menu", "feedback_risky", "feedback_safe", "ending", "kiosk_attract")


@pytest.fixture(scope="module")
def app():
    content, _ = check_file(SCENARIOS_FILE)
    app = start_app(content)
    yield app
    app.session.access.reduced_motion = False


def two_frames(app, name: str) -> tuple[bytes, bytes]:
    """The screen `name` once its buttons are in, and again a second later."""
    screen = next(s for s in SCREENS if s.name == name)
    app.scenes = [*screen.under(app), screen.top(app)]
    app._ops.clear()
    for _ in range(8):
        app.frame(0.25, [])
    app.draw(app.screen)
    first = pygame.image.tobytes(app.screen, "RGB")
    app.frame(1.0, [])
    app.draw(app.screen)
    return first, pygame.image.tobytes(app.screen, "RGB")


@pytest.mark.parametrize("name", STILL_SCREENS)
def test_with_less_movement_the_screen_stands_still(app, name):
    app.session.access.reduced_motion = True
    first, second = two_frames(app, name)
    assert first == second, f"{name} still moves with less movement"


@pytest.mark.parametrize("name", ("title", "ending"))
def test_without_it_the_screen_moves(app, name):
    """The check above can see movement: the same screens move when it is off."""
    app.session.access.reduced_motion = False
    first, second = two_frames(app, name)
    assert first != second
