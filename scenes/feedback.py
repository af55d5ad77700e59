"""The feedback card after each choice: praise for a safe choice, a kind explanation and
a way back for a risky one. Never blame: the player is not in trouble."""

from __future__ import annotations

import pygame

from game import art, layout, theme
from game.i18n import N_, _
from game.text import fit
from game.ui import Button, still

from .base import Scene

STYLE = {
    "safe": (N_("Great choice!"), theme.SAFE, "star", "good"),
    "neutral": (N_("Okay! Let's keep going."), theme.NEUTRAL, "check", "pop"),
    "risky": (N_("Let's think about that."), theme.RISKY, "heart", "think"),
}
WAY_BACK = N_("It's never too late to tell someone you trust.")
MARGIN = 90  # the card is this much wider than the feedback's box (layout.FEEDBACK)
CARD_W, CARD_H, MAX_H = layout.FEEDBACK.width + MARGIN, 560, 630  # up to MAX_H: large text
BODY_Y = 152  # the feedback text starts this far below the card's top
BUTTON_ROOM = 30 + 72 + 24  # the gap above the button, the button, the margin below it


class FeedbackScene(Scene):
    opaque = False

    def __init__(self, app, play, choice):
        super().__init__(app)
        self.play = play
        self.choice = choice
        style = STYLE.get(choice.safety, STYLE["neutral"])
        self.heading, self.color, self.glyph, self.sound = style
        self.card, self.shrink = self.lay_out()
        self.buttons.set(
            [
                Button(
                    pygame.Rect(self.card.centerx - 150, self.card.bottom - 96, 300, 72),
                    _("Continue"),
                    "next",
                    self.color,
                    icon="next",
                    appear=0.35,
                )
            ],
            focus=0,
        )

    def lay_out(self) -> tuple[pygame.Rect, int]:
        """The card and how many points smaller the text is drawn: with large text the card
        grows wider and taller first; the text shrinks only if it still would not fit."""
        width = min(1000, round(CARD_W * self.app.text.scale))

        def height_at(shrink: int) -> int:
            return BODY_Y + sum(self.block_heights(width, shrink)) + BUTTON_ROOM

        shrink = fit(lambda k: height_at(k) <= MAX_H, most=12)
        height = height_at(shrink)
        card = pygame.Rect(0, 0, width, max(CARD_H, min(MAX_H, height)))
        card.midbottom = (
            theme.WIDTH // 2,
            min(theme.HEIGHT - 10, theme.HEIGHT // 2 + 40 + card.h // 2),
        )
        return card, shrink

    def block_heights(self, width: int, shrink: int) -> list[int]:
        """Heights of the feedback text and (after a risky choice) the way-back line, on a
        card `width` wide: measured, not drawn."""
        height = self.app.text.height
        box = layout.FEEDBACK
        out = [height(self.choice.feedback, box.size - shrink, box.bold, width - MARGIN)]
        if self.choice.safety == "risky":
            out.append(18 + height(_(WAY_BACK), theme.TEXT_SMALL + 2 - shrink, True, width - 110))
        return out

    def enter(self) -> None:
        self.app.sounds.play(self.sound)
        self.app.show(
            "feedback",
            safety=self.choice.safety,
            text=self.choice.feedback,
            way_back=_(WAY_BACK) if self.choice.safety == "risky" else "",
        )

    def pressed(self, button) -> None:
        self.play.after_feedback()

    def escape(self) -> None:
        self.play.after_feedback()

    def draw_content(self, surface) -> None:
        calm = still(self.app)  # less movement: the card is there at once, no rise
        t = 1.0 if calm else self.t
        self.shade(surface, min(150, round(t * 600)))
        rise = max(0.0, 1 - t / 0.3)
        card = self.card.move(0, round(120 * rise * rise))
        color = theme.current(self.color)
        ink = theme.on(color)
        art.rounded_rect(surface, card, theme.WHITE, 34, shadow=True)
        edge = theme.CARD_EDGE
        band = pygame.Rect(card.x + edge, card.y + edge, card.w - 2 * edge, 128 - edge)
        art.rounded_rect(surface, band, color, 34 - edge)
        pygame.draw.rect(surface, color, (band.x, band.bottom - 34, band.w, 34))
        spot = pygame.Rect(0, 0, 120, 120)
        spot.center = (card.centerx, card.y)
        pygame.draw.ellipse(surface, theme.WHITE, spot)
        pygame.draw.ellipse(surface, color, spot.inflate(-14, -14))
        glyph = art.icon(self.glyph, 64, ink)
        surface.blit(glyph, glyph.get_rect(center=spot.center))
        self.blit_text(
            surface,
            _(self.heading),
            theme.TEXT_BIG,
            ink,
            (card.centerx, card.y + 96),
            anchor="center",
            bold=True,
        )
        y = self.blit_text(
            surface,
            self.choice.feedback,
            layout.FEEDBACK.size - self.shrink,
            theme.INK,
            (card.centerx, card.y + BODY_Y),
            anchor="midtop",
            bold=layout.FEEDBACK.bold,
            width=card.w - MARGIN,
            align="center",
        ).bottom
        if self.choice.safety == "risky":
            self.blit_text(
                surface,
                _(WAY_BACK),
                theme.TEXT_SMALL + 2 - self.shrink,
                theme.readable(theme.SAFE),
                (card.centerx, y + 18),
                anchor="midtop",
                bold=True,
                width=card.w - 110,
                align="center",
            )
