"""The self-efficacy item, before and after each story: "If this happened to you, would you
know what to do and who to tell?" on a three-face scale. Not scored and never marked: the
answer is recorded on its own, beside the knowledge questions."""

from __future__ import annotations

import pygame

from game import art, theme
from game.i18n import N_, _
from game.ui import Button, still

from .base import Scene
from .confirm import ask_to_leave
from .quiz import CARD, draw_card

ASK = N_("If this happened to you, would you know what to do and who to tell?")
HEADINGS = {"pre": N_("Before the story"), "post": N_("After the story")}
# (recorded value, label, face, colour): the values never change; the labels may.
SCALE = (
    ("yes", N_("Yes, I would"), "face_happy", theme.SAFE),
    ("unsure", N_("I'm not sure"), "face_unsure", theme.SKY_DEEP),
    ("no", N_("Not yet"), "face_worried", theme.GRAPE),
)
FACE = 120


class EfficacyScene(Scene):
    colors = (theme.MINT, theme.SKY)

    def __init__(self, app, play, phase: str):
        super().__init__(app)
        self.play = play
        self.phase = phase
        width, gap = 280, 40
        x = CARD.centerx - (3 * width + 2 * gap) // 2
        buttons = []
        for i, (value, label, face, color) in enumerate(SCALE):
            rect = pygame.Rect(x + i * (width + gap), CARD.bottom - 140, width, 96)
            buttons.append(
                Button(
                    rect,
                    _(label),
                    value,
                    color,
                    size=theme.TEXT_BODY,
                    number=i + 1,
                    payload={"efficacy": value, "face": face},
                    appear=0.08 * i,
                )
            )
        self.buttons.set(buttons)

    def enter(self) -> None:
        self.app.show(
            "efficacy",
            phase=self.phase,
            ask=_(ASK),
            options=[_(label) for _value, label, _face, _color in SCALE],
        )

    def pressed(self, button) -> None:
        self.app.show(
            "efficacy_answer",
            value=button.action,
            text=button.label,
            index=self.buttons.buttons.index(button),
        )
        self.play.efficacy_answered(self.phase, button.action)

    def escape(self) -> None:
        ask_to_leave(self.app, self.play)

    def draw_content(self, surface) -> None:
        draw_card(self, surface, _(HEADINGS[self.phase]))
        summary = self.blit_text(
            surface,
            self.play.scenario.summary,
            theme.TEXT_BODY - 2,
            theme.INK_SOFT,
            (CARD.centerx, CARD.y + 78),
            anchor="midtop",
            width=CARD.w - 120,
            align="center",
        )
        self.blit_text(
            surface,
            _(ASK),
            theme.TEXT_BIG + 4,
            theme.INK,
            (CARD.centerx, summary.bottom + 18),
            anchor="midtop",
            bold=True,
            width=CARD.w - 120,
            align="center",
        )
        bob = 0 if still(self.app) else 4 * pygame.math.Vector2(0, 1).rotate(self.t * 120).y
        for button in self.buttons.buttons:
            face = art.icon(button.payload["face"], FACE, button.fill())
            spot = face.get_rect(midbottom=(button.rect.centerx, button.rect.y - 24 + int(bob)))
            surface.blit(face, spot)
