"""The title screen: the game's name, a few friendly faces, Play, Help, the language and
the settings."""

from __future__ import annotations

import math

import pygame

from game import art, i18n, theme
from game.i18n import _
from game.ui import Button, still

from .base import Scene

FACES = ("girl", "boy", "kid", "cat", "robot")
FACE_DELAY = 0.25  # seconds before the first face pops in, then one after another
FACE_STEP = 0.12
FACE_POP = 0.3  # seconds a face takes to grow in, with a little overshoot


def face_scale(t: float) -> float:
    """How big a popping face is `t` seconds after it starts (0 before, 1 when settled)."""
    if t <= 0:
        return 0.0
    if t >= FACE_POP:
        return 1.0
    x = t / FACE_POP - 1.0  # an ease-out with overshoot: 0 at the start, 1 at the end
    return max(0.05, 1.0 + 2.7 * x**3 + 1.7 * x**2)


def language_name(code: str) -> str:
    return dict(i18n.LANGUAGES).get(code, code)


class TitleScene(Scene):
    colors = ("BACK_BLUE", "BACK_GRAPE")
    shapes = "stars"

    def __init__(self, app):
        super().__init__(app)
        cx = theme.WIDTH // 2
        self.buttons.set(
            [
                Button(
                    pygame.Rect(cx - 170, 470, 340, 84),
                    _("Play"),
                    "play",
                    theme.MINT,
                    size=theme.TEXT_BIG,
                    icon="star",
                ),
                Button(
                    pygame.Rect(cx - 170, 574, 340, 70),
                    _("Who can help?"),
                    "help",
                    theme.CORAL,
                    icon="heart",
                    appear=0.1,
                ),
                Button(
                    pygame.Rect(30, theme.HEIGHT - 90, 300, 64),
                    language_name(app.locale),
                    "language",
                    theme.GRAPE,
                    size=theme.TEXT_BODY - 2,
                    appear=0.2,
                ),
                Button(
                    pygame.Rect(theme.WIDTH - 330, theme.HEIGHT - 90, 300, 64),
                    _("Settings"),
                    "settings",
                    theme.SKY_DEEP,
                    size=theme.TEXT_BODY - 2,
                    icon="settings",
                    appear=0.3,
                ),
            ],
            focus=0,
        )

    def enter(self) -> None:
        self.app.show("title", title="Net Heroes")

    def pressed(self, button) -> None:
        if button.action == "language":
            self.app.open_language()
        elif button.action == "settings":
            self.app.open_settings()
        elif button.action == "play":
            self.app.sounds.play("whoosh")
            self.app.open_menu()
        else:
            self.app.open_help()

    def draw_content(self, surface) -> None:
        cx = theme.WIDTH // 2
        word = "Net Heroes"
        big = round(96 / self.app.text.scale)  # the name is drawn one size at every text size
        x = cx - self.app.text.measure(word, big, bold=True) // 2
        calm = still(self.app)  # less movement: the letters stand still
        ink = theme.on_backdrop()
        under = theme.SHADOW if ink == theme.WHITE else theme.SKY
        for i, letter in enumerate(word):
            bounce = 0 if calm else round(8 * math.sin(self.t * 3 + i * 0.5))
            shadow = self.app.text.render(letter, big, under, bold=True)
            image = self.app.text.render(letter, big, ink, bold=True)
            surface.blit(shadow, (x + 4, 96 + bounce + 6))
            surface.blit(image, (x, 96 + bounce))
            x += self.app.text.measure(letter, big, bold=True)
        self.blit_text(
            surface,
            _("Play, learn and stay safe online!"),
            theme.TEXT_BIG,
            theme.on_backdrop(theme.SUN),
            (cx, 228),
            anchor="midtop",
            bold=True,
        )
        for i, look in enumerate(FACES):
            grow = face_scale(self.t - FACE_DELAY - i * FACE_STEP)
            if grow <= 0:
                continue  # each face is drawn (and made) when it first pops in
            grow = 1.0 if calm else grow
            bob = 0 if calm else round(6 * math.sin(self.t * 2.2 + i))
            face = art.avatar(look, 110)
            if grow != 1.0:
                face = pygame.transform.smoothscale_by(face, grow)
            surface.blit(face, face.get_rect(center=(cx + (i - 2) * 140, 350 + bob)))
