"""The scenario menu: a card for each story with its picture, age band and a done mark."""

from __future__ import annotations

import pygame

from game import art, layout, theme
from game.content.model import AGE_BANDS
from game.i18n import _
from game.ui import Button, darker, hover_color, outline

from .base import Scene

COLS = 4
PER_PAGE = 8  # at most two rows of four


def page_size(count: int) -> int:
    """How many cards a page shows: the stories shared evenly over as few pages as hold them
    (18 stories: three pages of 6, not 8, 8 and a lonely 2)."""
    pages = max(1, -(-count // PER_PAGE))
    return max(1, -(-count // pages))


TITLE_MARGIN = 28  # a card is this much wider than its title's box
CARD_W, CARD_H = layout.MENU_TITLE.width + TITLE_MARGIN, 272
# two rows, with room for the page arrows
SMALL_W, SMALL_H, SMALL_GAP = layout.MENU_TITLE_SMALL.width + TITLE_MARGIN, 236, 24
CARD_COLORS = (theme.MINT, theme.GRAPE, theme.PEACH, theme.BUBBLEGUM, theme.SKY_DEEP, theme.CORAL)


class Card(Button):
    """A menu card: topic picture, title, age band and whether it was played."""

    title_size = 0  # the title's text size, chosen when the menu is made (lay_out)

    def band_h(self) -> int:
        return 128 if self.rect.h >= 260 else 96

    def ages(self) -> str:
        return _("Ages {band}").format(band=self.payload["age_band"])

    def lay_out(self, text) -> None:
        """The title's size: smaller (down to 16) until it fits between the picture and the
        age chip."""
        # the age chip's text ends 14 pixels above the bottom; its frame reaches 4 above it
        chip_top = self.rect.h - 14 - text.height(self.ages(), theme.TEXT_SMALL - 2, True) - 4
        room = chip_top - self.band_h() - 8
        width = self.rect.w - TITLE_MARGIN
        self.title_size = text.fit(self.label, self.size, width, True, height=room, floor=16)

    def edge_colors(self) -> tuple:
        """A card's outside is white (and dark-edged in the contrast look)."""
        return (theme.WHITE, theme.INK if theme.LOOK == "contrast" else theme.WHITE)

    def _make_face(self, text, state: str) -> pygame.Surface:
        w, h = self.rect.size
        color = self.fill()
        surface = pygame.Surface((w, h + 8), pygame.SRCALPHA)
        art.rounded_rect(surface, pygame.Rect(0, 6, w, h), darker(color, 0.3), 26)
        if theme.LOOK == "contrast":
            outline(surface, pygame.Rect(0, 0, w, h), theme.WHITE, theme.INK, 26)
        else:
            art.rounded_rect(surface, pygame.Rect(0, 0, w, h), theme.WHITE, 26)
        tall = h >= 260
        edge = theme.EDGE if theme.LOOK == "contrast" else 0
        band = pygame.Rect(edge, edge, w - 2 * edge, self.band_h() - edge)
        art.rounded_rect(
            surface, band, color if state == "normal" else hover_color(color), 26 - edge
        )
        pygame.draw.rect(surface, theme.WHITE, (edge, band.bottom - 18, w - 2 * edge, 18))
        icon = art.topic_icon(self.payload["topic"], 104 if tall else 80)
        surface.blit(icon, icon.get_rect(center=(w // 2, band.centery - 4)))
        chip = text.render(self.ages(), theme.TEXT_SMALL - 2, theme.on(color), bold=True)
        chip_rect = chip.get_rect(bottomleft=(18, h - 14)).inflate(20, 8)
        title = text.render(
            self.label,
            self.title_size,
            theme.INK,
            bold=True,
            width=w - TITLE_MARGIN,
            align="center",
        )
        surface.blit(title, title.get_rect(midtop=(w // 2, band.bottom + 4)))
        art.rounded_rect(surface, chip_rect, color, 14)
        surface.blit(chip, chip.get_rect(center=chip_rect.center))
        if self.payload.get("done"):
            tick = art.icon("check", 40, theme.WHITE)
            spot = pygame.Rect(w - 62, h - 58, 48, 48)
            pygame.draw.ellipse(surface, theme.SAFE, spot)
            surface.blit(tick, tick.get_rect(center=spot.center))
        return surface


class MenuScene(Scene):
    colors = ("BACK_TEAL", "BACK_BLUE")

    def __init__(self, app):
        super().__init__(app)
        band = app.session.age_band
        scenarios = [s for s in app.content.scenarios if not band or s.age_band == band]
        self.per_page = page_size(len(scenarios))
        self.pages = max(1, -(-len(scenarios) // self.per_page))
        self.page = min(app.session.menu_page, self.pages - 1)
        shown = scenarios[self.page * self.per_page : (self.page + 1) * self.per_page]
        cards = []
        rows = 1 if len(shown) <= COLS else 2
        cols = -(-len(shown) // rows)  # rows as even as they can be: 6 cards are 3 and 3
        width, height, gap = (CARD_W, CARD_H, 30) if rows == 1 else (SMALL_W, SMALL_H, SMALL_GAP)
        top = 172 if rows == 1 else 156
        for i, scenario in enumerate(shown):
            row, col = divmod(i, cols)
            in_row = min(cols, len(shown) - row * cols)
            left = (theme.WIDTH - (in_row * width + (in_row - 1) * gap)) // 2
            rect = pygame.Rect(left + col * (width + gap), top + row * (height + 22), width, height)
            payload = {
                "id": scenario.id,
                "topic": scenario.topic,
                "age_band": scenario.age_band,
                "done": scenario.id in app.session.done,
            }
            card = Card(
                rect,
                scenario.title,
                scenario,
                CARD_COLORS[i % len(CARD_COLORS)],
                payload=payload,
                appear=0.05 * i,
                size=layout.MENU_TITLE.size,
            )
            card.lay_out(app.text)
            cards.append(card)
        self.buttons.set(
            cards + self._page_arrows() + self._age_chips(band), focus=0 if cards else -1
        )

    def _page_arrows(self) -> list:
        """Arrows beside the cards when there are more stories than fit on one page."""
        if self.pages < 2:
            return []
        arrows = []
        if self.page > 0:
            arrows.append(
                Button(
                    pygame.Rect(12, 360, 60, 96),
                    "",
                    "page",
                    theme.SKY_DEEP,
                    icon="back",
                    payload={"page": -1},
                )
            )
        if self.page < self.pages - 1:
            arrows.append(
                Button(
                    pygame.Rect(theme.WIDTH - 72, 360, 60, 96),
                    "",
                    "page",
                    theme.SKY_DEEP,
                    icon="next",
                    payload={"page": 1},
                )
            )
        return arrows

    def _age_chips(self, chosen: str) -> list:
        """'How old are you?' chips: the player's age band shows its stories (and is recorded,
        as a band only)."""
        labels = [(band, _("Ages {band}").format(band=band)) for band in AGE_BANDS]
        labels.append(("", _("All stories")))
        chips: list = []
        x = theme.WIDTH - 28
        for band, label in reversed(labels):
            w = self.app.text.measure(label, theme.TEXT_SMALL, bold=True) + 40
            x -= w + 12
            color = theme.SUN if band == chosen else theme.SKY_DEEP
            chips.insert(
                0,
                Button(
                    pygame.Rect(x, 94, w, 46),
                    label,
                    "age",
                    color,
                    size=theme.TEXT_SMALL,
                    payload={"age": band},
                ),
            )
        return chips

    def enter(self) -> None:
        self.app.show(
            "menu", scenarios=[b.payload["id"] for b in self.buttons.buttons if "id" in b.payload]
        )

    def pressed(self, button) -> None:
        if button.action == "page":
            self.app.session.menu_page = self.page + button.payload["page"]
            self.app.replace(MenuScene(self.app))
            return
        if button.action == "age":
            self.app.session.menu_page = 0
            self.app.session.age_band = button.payload["age"]
            self.app.recorder.set_age_band(self.app.session.age_band)
            self.app.replace(MenuScene(self.app))
            return
        self.app.sounds.play("whoosh")
        self.app.play_story(button.action)

    def escape(self) -> None:
        self.app.open_title()

    def draw_content(self, surface) -> None:
        heading = self.blit_text(
            surface,
            _("Pick a story"),
            round((theme.TEXT_TITLE - 8) / self.app.text.scale),  # one size: room for cards
            theme.on_backdrop(),
            (48, 10),
            bold=True,
        )
        done = len(self.app.session.done & {s.id for s in self.app.content.scenarios})
        total = len(self.app.content.scenarios)
        progress = _("{done} of {total} done").format(done=done, total=total)
        self.blit_text(
            surface,
            progress,
            theme.TEXT_BODY,
            theme.on_backdrop(theme.SUN),
            (52, heading.bottom - 6),
            bold=True,
        )
