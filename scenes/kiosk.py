"""Kiosk screens: the attract screen that invites the next child, and the friendly
"Still there?" question with its countdown."""

from __future__ import annotations

import math

import pygame

from game import art, theme
from game.i18n import _
from game.ui import Button, still

from .base import Scene

FACES = ("kid", "girl", "cat", "boy", "robot", "fox")


def wakes(event) -> bool:
    """A key, a click or a touch: someone is at the computer."""
    return (
        event.type == pygame.KEYDOWN
        or (event.type == pygame.MOUSEBUTTONUP and event.button == 1)
        or event.type == pygame.FINGERUP
    )


class AttractScene(Scene):
    """Bright and moving, so that a child walking past wants to play. Any key or touch
    opens the title screen."""

    colors = ("BACK_PINK", "BACK_GRAPE")
    shapes = "stars"
    show_help = False

    def enter(self) -> None:
        self.app.show("attract", text=_("Touch or press any key to play!"))

    def handle_event(self, event) -> None:
        if wakes(event):
            self.app.sounds.play("whoosh")
            self.app.open_title()

    def draw_content(self, surface) -> None:
        cx = theme.WIDTH // 2
        t = 0.0 if still(self.app) else self.t  # less movement: nothing bobs or pulses
        self.blit_text(
            surface,
            "Net Heroes",
            104,
            theme.on_backdrop(),
            (cx, 60 + round(10 * math.sin(t * 2.5))),
            anchor="midtop",
            bold=True,
        )
        pulse = 0.5 + 0.5 * math.sin(t * 4)
        invite = self.app.text.render(
            _("Touch or press any key to play!"),
            theme.TEXT_TITLE - 16,
            theme.INK,
            bold=True,
            width=1000,
            align="center",
        )
        pill = invite.get_rect(center=(cx, 290)).inflate(
            64 + round(16 * pulse), 36 + round(8 * pulse)
        )
        art.rounded_rect(
            surface, pill, art.mix(theme.SUN, theme.WHITE, pulse * 0.5), pill.h // 2, shadow=True
        )
        surface.blit(invite, invite.get_rect(center=pill.center))
        self.blit_text(
            surface,
            _("Play, learn and stay safe online!"),
            theme.TEXT_BIG,
            theme.on_backdrop(),
            (cx, pill.bottom + 30),
            anchor="midtop",
            bold=True,
            width=1000,
            align="center",
        )
        for i, look in enumerate(FACES):
            hop = abs(math.sin(t * 3 + i * 0.9))
            face = art.avatar(look, 130)
            x = cx + round((i - (len(FACES) - 1) / 2) * 190)
            surface.blit(face, face.get_rect(center=(x, 580 - round(40 * hop))))


class StillThereScene(Scene):
    """Over the game after a long quiet time: a countdown and one big button. A key or a
    touch anywhere counts as an answer too."""

    opaque = False
    show_help = False

    def __init__(self, app, remaining):
        super().__init__(app)
        self.remaining = remaining  # a function: whole seconds left
        self.card = pygame.Rect(0, 0, 760, 460)
        self.card.center = (theme.WIDTH // 2, theme.HEIGHT // 2)
        self.buttons.set(
            [
                Button(
                    pygame.Rect(self.card.centerx - 250, self.card.bottom - 124, 500, 96),
                    _("I'm still here"),
                    "here",
                    theme.MINT,
                    size=theme.TEXT_BIG,
                    icon="star",
                ),
            ],
            focus=0,
        )

    def enter(self) -> None:
        self.app.show("still_there", question=_("Still there?"))

    def pressed(self, button) -> None:
        self.app.mode.still_here(self.app)

    def handle_event(self, event) -> None:
        if self.buttons.handle_event(event):
            return
        if wakes(event):
            self.app.mode.still_here(self.app)

    def draw_content(self, surface) -> None:
        self.shade(surface, 150)
        art.rounded_rect(surface, self.card, theme.CLOUD, 30, shadow=True)
        cx = self.card.centerx
        self.blit_text(
            surface,
            _("Still there?"),
            theme.TEXT_TITLE - 8,
            theme.INK,
            (cx, self.card.y + 36),
            anchor="midtop",
            bold=True,
        )
        seconds = max(0, self.remaining())
        spot = pygame.Rect(0, 0, 110, 110)
        spot.center = (cx, self.card.y + 190)
        pygame.draw.ellipse(surface, theme.CORAL, spot)
        number = self.app.text.render(
            str(seconds), theme.TEXT_TITLE, theme.on(theme.CORAL), bold=True
        )
        surface.blit(number, number.get_rect(center=spot.center))
        self.blit_text(
            surface,
            _("The game starts again for the next player soon."),
            theme.TEXT_SMALL,
            theme.INK_SOFT,
            (cx, spot.bottom + 8),
            anchor="midtop",
            width=self.card.w - 60,
            align="center",
        )
