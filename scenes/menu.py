"""The scenario menu: a card for each story with its picture, age band and a done mark."""

from __future__ import annotations

import pygame

from game import art, theme
from game.content.model import AGE_BANDS
from game.flow import Play
from game.i18n import _
from game.ui import Button, darker

from .base import Scene

COLS = 4
CARD_W, CARD_H = 280, 272
CARD_COLORS = (theme.MINT, theme.GRAPE, theme.PEACH, theme.BUBBLEGUM, theme.SKY_DEEP, theme.CORAL)


class Card(Button):
    """A menu card: topic picture, title, age band and whether it was played."""

    def _make_face(self, text, state: str) -> pygame.Surface:
        w, h = self.rect.size
        surface = pygame.Surface((w, h + 8), pygame.SRCALPHA)
        art.rounded_rect(surface, pygame.Rect(0, 6, w, h), darker(self.color, 0.3), 26)
        art.rounded_rect(surface, pygame.Rect(0, 0, w, h), theme.WHITE, 26)
        band = pygame.Rect(0, 0, w, 128)
        art.rounded_rect(surface, band, self.color if state == "normal" else
                         tuple(min(255, c + 20) for c in self.color), 26)
        pygame.draw.rect(surface, theme.WHITE, (0, 110, w, 18))
        icon = art.topic_icon(self.payload["topic"], 104)
        surface.blit(icon, icon.get_rect(center=(w // 2, 62)))
        title = text.render(self.label, theme.TEXT_SMALL + 2, theme.INK, bold=True,
                            width=w - 28, align="center")
        surface.blit(title, title.get_rect(midtop=(w // 2, 134)))
        ages = _("Ages {band}").format(band=self.payload["age_band"])
        chip = text.render(ages, theme.TEXT_SMALL - 2,
                           theme.WHITE, bold=True)
        chip_rect = chip.get_rect(bottomleft=(18, h - 14)).inflate(20, 8)
        art.rounded_rect(surface, chip_rect, self.color, 14)
        surface.blit(chip, chip.get_rect(center=chip_rect.center))
        if self.payload.get("done"):
            tick = art.icon("check", 40, theme.WHITE)
            spot = pygame.Rect(w - 62, h - 58, 48, 48)
            pygame.draw.ellipse(surface, theme.SAFE, spot)
            surface.blit(tick, tick.get_rect(center=spot.center))
        return surface


class MenuScene(Scene):
    colors = (theme.MINT, theme.SKY_DEEP)

    def __init__(self, app):
        super().__init__(app)
        band = getattr(app, "age_band", "")
        scenarios = [s for s in app.content.scenarios if not band or s.age_band == band]
        cards = []
        rows = max(1, (len(scenarios) + COLS - 1) // COLS)
        top = 172 if rows == 1 else 150
        for i, scenario in enumerate(scenarios):
            row, col = divmod(i, COLS)
            in_row = min(COLS, len(scenarios) - row * COLS)
            left = (theme.WIDTH - (in_row * CARD_W + (in_row - 1) * 30)) // 2
            rect = pygame.Rect(left + col * (CARD_W + 30), top + row * (CARD_H + 24),
                               CARD_W, CARD_H)
            payload = {"id": scenario.id, "topic": scenario.topic,
                       "age_band": scenario.age_band, "done": scenario.id in app.done}
            cards.append(Card(rect, scenario.title, scenario, CARD_COLORS[i % len(CARD_COLORS)],
                              payload=payload, appear=0.05 * i))
        self.buttons.set(cards + self._age_chips(band), focus=0 if cards else -1)

    def _age_chips(self, chosen: str) -> list:
        """'How old are you?' chips: the player's age band shows its stories (and is recorded,
        as a band only)."""
        labels = [(band, _("Ages {band}").format(band=band)) for band in AGE_BANDS]
        labels.append(("", _("All stories")))
        chips, x = [], theme.WIDTH - 28
        for band, label in reversed(labels):
            w = self.app.text.measure(label, theme.TEXT_SMALL, bold=True) + 40
            x -= w + 12
            color = theme.SUN if band == chosen else theme.SKY_DEEP
            chips.insert(0, Button(pygame.Rect(x, 94, w, 46), label, "age", color,
                                   size=theme.TEXT_SMALL, payload={"age": band}))
        return chips

    def enter(self) -> None:
        self.app.show("menu", scenarios=[b.payload["id"] for b in self.buttons.buttons
                                         if "id" in b.payload])

    def pressed(self, button) -> None:
        if button.action == "age":
            self.app.age_band = button.payload["age"]
            self.app.recorder.set_age_band(self.app.age_band)
            self.app.replace(MenuScene(self.app))
            return
        self.app.sounds.play("whoosh")
        Play(self.app, button.action).begin()

    def escape(self) -> None:
        from .title import TitleScene

        self.app.replace(TitleScene(self.app))

    def draw_content(self, surface) -> None:
        heading = self.blit_text(surface, _("Pick a story"), theme.TEXT_TITLE - 8, theme.WHITE,
                                 (48, 10), bold=True)
        done = len(self.app.done & {s.id for s in self.app.content.scenarios})
        total = len(self.app.content.scenarios)
        progress = _("{done} of {total} done").format(done=done, total=total)
        self.blit_text(surface, progress, theme.TEXT_BODY, theme.SUN,
                       (52, heading.bottom - 6), bold=True)
