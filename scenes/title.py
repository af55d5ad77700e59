"""The title screen: the game's name, a few friendly faces, Play and Help."""

from __future__ import annotations

import math

import pygame

from game import art, i18n, theme
from game.i18n import _
from game.ui import Button

from .base import Scene

FACES = ("girl", "boy", "kid", "cat", "robot")


def language_name(code: str) -> str:
    return dict(i18n.LANGUAGES).get(code, code)


class TitleScene(Scene):
    colors = (theme.SKY, theme.GRAPE)
    shapes = "stars"

    def __init__(self, app):
        super().__init__(app)
        cx = theme.WIDTH // 2
        self.buttons.set([
            Button(pygame.Rect(cx - 170, 470, 340, 84), _("Play"), "play", theme.MINT,
                   size=theme.TEXT_BIG, icon="star"),
            Button(pygame.Rect(cx - 170, 574, 340, 70), _("Who can help?"), "help", theme.CORAL,
                   icon="heart", appear=0.1),
            Button(pygame.Rect(30, theme.HEIGHT - 90, 300, 64), language_name(app.locale),
                   "language", theme.GRAPE, size=theme.TEXT_BODY - 2, appear=0.2),
        ], focus=0)

    def enter(self) -> None:
        self.app.show("title", title="Net Heroes")

    def pressed(self, button) -> None:
        if button.action == "language":
            from .language import LanguageScene

            self.app.replace(LanguageScene(self.app))
        elif button.action == "play":
            from .menu import MenuScene

            self.app.sounds.play("whoosh")
            self.app.replace(MenuScene(self.app))
        else:
            self.app.open_help()

    def draw_content(self, surface) -> None:
        cx = theme.WIDTH // 2
        word = "Net Heroes"
        x = cx - self.app.text.measure(word, 96, bold=True) // 2
        for i, letter in enumerate(word):
            bounce = round(8 * math.sin(self.t * 3 + i * 0.5))
            shadow = self.app.text.render(letter, 96, theme.SHADOW, bold=True)
            image = self.app.text.render(letter, 96, theme.WHITE, bold=True)
            surface.blit(shadow, (x + 4, 96 + bounce + 6))
            surface.blit(image, (x, 96 + bounce))
            x += self.app.text.measure(letter, 96, bold=True)
        self.blit_text(surface, _("Play, learn and stay safe online!"), theme.TEXT_BIG, theme.SUN,
                       (cx, 228), anchor="midtop", bold=True)
        for i, look in enumerate(FACES):
            bob = round(6 * math.sin(self.t * 2.2 + i))
            face = art.avatar(look, 110)
            surface.blit(face, face.get_rect(center=(cx + (i - 2) * 140, 350 + bob)))
