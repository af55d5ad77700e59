"""A profile page in a social or game app: the owner's card (picture, name, bio, a few facts)
on the left, and the direct messages that arrive beside it, like a chat."""

from __future__ import annotations

import math

import pygame

from game import art, layout, theme
from game.i18n import _
from game.text import fit
from game.ui import still

from .base import portrait
from .chat import HEADER_H, WINDOW, ChatScene

CARD = pygame.Rect(WINDOW.x + 16, WINDOW.y + HEADER_H + 14, 300, WINDOW.h - HEADER_H - 30)
MESSAGES = pygame.Rect(
    CARD.right + 4, WINDOW.y + HEADER_H, WINDOW.right - CARD.right - 4, WINDOW.h - HEADER_H
)
BANNER_H = 72
FACE = 96
# The bio and the facts of the card: their boxes (game/layout.py) are as wide as the card
# lets them be; a fact's row has its star on the left.
BIO_X = CARD.x + 20
DETAIL_ROW = layout.PROFILE_DETAIL.width + 34 + 8  # the star, the text, a margin


class ProfileScene(ChatScene):
    colors = ("BUBBLEGUM", "GRAPE")
    area = MESSAGES
    message_box = layout.PROFILE_MESSAGE
    note_box = layout.PROFILE_NOTE

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        self.owner = self.scenario.characters.get(node.of)
        # large text: the card's text is drawn smaller until it fits the card
        self.shrink = fit(lambda k: self.card_bottom(k) <= CARD.bottom - 8, most=8)
        self.card_items, _bottom = self.card_rows(self.shrink)

    def enter(self) -> None:
        super().enter()
        self.app.show(
            "profile",
            name=self.owner.name if self.owner else "",
            bio=self.node.bio,
            details=list(self.node.details),
        )

    def paint_stage(self, layer) -> None:
        lilac = (244, 238, 255) if theme.LOOK == "normal" else theme.WHITE
        art.rounded_rect(layer, WINDOW, lilac, 28, shadow=True)
        bar = pygame.Rect(WINDOW.x, WINDOW.y, WINDOW.w, HEADER_H)
        art.rounded_rect(layer, bar, theme.GRAPE, 28)
        pygame.draw.rect(layer, theme.GRAPE, (bar.x, bar.bottom - 28, bar.w, 28))
        name = self.owner.name if self.owner else ""
        self.blit_text(
            layer,
            name,
            theme.TEXT_BODY - 2,
            theme.on(theme.GRAPE),
            (bar.x + 24, bar.y + 8),
            bold=True,
        )
        self.blit_text(
            layer,
            _("Profile"),
            theme.TEXT_SMALL - 4,
            theme.on(theme.GRAPE),
            (bar.x + 24, bar.y + 44),
        )
        self.blit_text(
            layer,
            self.node.app or _("Profile"),
            layout.APP.size,
            theme.on(theme.GRAPE),
            (bar.right - 24, bar.centery),
            anchor="midright",
            bold=layout.APP.bold,
        )
        self.paint_card(layer)

    def paint_card(self, layer) -> None:
        art.rounded_rect(layer, CARD, theme.WHITE, 24, shadow=True)
        banner = pygame.Rect(CARD.x, CARD.y, CARD.w, BANNER_H)
        band = pygame.Surface(banner.size, pygame.SRCALPHA)
        for x in range(banner.w):
            pygame.draw.line(
                band, art.mix(theme.BUBBLEGUM, theme.PEACH, x / banner.w), (x, 0), (x, banner.h)
            )
        mask = pygame.Surface(banner.size, pygame.SRCALPHA)
        art.rounded_rect(mask, mask.get_rect().inflate(0, 48).move(0, 24), (255, 255, 255), 24)
        band.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        layer.blit(band, banner)
        face_center = (CARD.centerx, banner.bottom)
        pygame.draw.circle(layer, theme.WHITE, face_center, FACE // 2 + 6)
        for kind, text, size, y in self.card_items:
            if kind == "name":
                self.blit_text(
                    layer, text, size, theme.INK, (CARD.centerx, y), anchor="midtop", bold=True
                )
            elif kind == "bio":
                box = layout.PROFILE_BIO
                self.blit_text(
                    layer, text, size, theme.INK, (BIO_X, y), bold=box.bold, width=box.width
                )
            else:
                chip = self.app.text.render(text, size, theme.INK, bold=layout.PROFILE_DETAIL.bold)
                row = pygame.Rect(CARD.x + 14, y, DETAIL_ROW, chip.get_height() + 8)
                art.rounded_rect(layer, row, (244, 238, 255), 14)
                layer.blit(art.icon("star", 18, theme.GRAPE), (row.x + 9, row.centery - 9))
                layer.blit(chip, chip.get_rect(midleft=(row.x + 34, row.centery)))

    def card_rows(self, shrink: int) -> tuple[list[tuple[str, str, int, int]], int]:
        """The card's name, bio and facts as (kind, text, size, top), drawn `shrink` points
        smaller than usual (large text may need it), and the bottom of the last fact:
        measured, not drawn."""
        text = self.app.text
        y = CARD.y + BANNER_H + FACE // 2 + 10
        name = self.owner.name if self.owner else ""
        # a long handle gets smaller, never broken in two
        size = text.fit(name, theme.TEXT_BODY - 4 - shrink, CARD.w - 24, True, step=1)
        rows = [("name", name, size, y)]
        y += text.height(name, size, True) + 10
        bio = layout.PROFILE_BIO
        if self.node.bio:
            rows.append(("bio", self.node.bio, bio.size - shrink, y))
            y += text.height(self.node.bio, bio.size - shrink, bio.bold, bio.width) + 12
        detail = layout.PROFILE_DETAIL
        for fact in self.node.details:
            rows.append(("detail", fact, detail.size - shrink, y))
            y += text.height(fact, detail.size - shrink, detail.bold) + 8 + 6
        return rows, y - 6

    def card_bottom(self, shrink: int) -> int:
        return self.card_rows(shrink)[1]

    def draw_stage(self, surface) -> None:
        face = portrait(self.owner, FACE)
        bob = 0 if still(self.app) else round(3 * math.sin(self.t * 2.2))
        surface.blit(face, face.get_rect(center=(CARD.centerx, CARD.y + BANNER_H + bob)))
        super().draw_stage(surface)
