"""A friendly yes/no question over the current scene (Esc asks before quitting)."""

from __future__ import annotations

import pygame

from game import art, theme
from game.i18n import _
from game.ui import Button

from .base import Scene


class ConfirmScene(Scene):
    opaque = False
    show_help = False

    def __init__(self, app, question: str, on_yes, yes: str = "Yes", no: str = "No"):
        super().__init__(app)
        self.question = question
        self.on_yes = on_yes
        self.card = pygame.Rect(0, 0, 640, 300)
        self.card.center = (theme.WIDTH // 2, theme.HEIGHT // 2)
        y = self.card.bottom - 100
        self.buttons.set(
            [
                Button(pygame.Rect(self.card.x + 40, y, 270, 70), no, "no", theme.MINT),
                Button(pygame.Rect(self.card.right - 310, y, 270, 70), yes, "yes", theme.CORAL),
            ],
            focus=0,
        )

    def enter(self) -> None:
        self.app.show("confirm", question=self.question)

    def pressed(self, button) -> None:
        self.app.pop()
        if button.action == "yes":
            self.on_yes()

    def escape(self) -> None:
        self.app.pop()

    def draw_content(self, surface) -> None:
        self.shade(surface, 150)
        art.rounded_rect(surface, self.card, theme.CLOUD, 30, shadow=True)
        self.blit_text(
            surface,
            self.question,
            theme.TEXT_BIG,
            theme.INK,
            (self.card.centerx, self.card.y + 50),
            anchor="midtop",
            bold=True,
            width=self.card.w - 80,
            align="center",
        )


def ask_to_leave(app, play) -> None:
    """Esc during a story: ask before leaving it for the menu."""
    app.push(
        ConfirmScene(
            app,
            _("Leave this story and go back to the menu?"),
            play.leave,
            yes=_("Yes, leave"),
            no=_("No, stay"),
        )
    )
