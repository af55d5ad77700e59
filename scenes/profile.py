"""A profile page in a social or game app: the owner's card (picture, name, bio, a few facts)
on the left, and the direct messages that arrive beside it, like a chat."""

from __future__ import annotations

import math

import pygame

from game import art, theme
from game.i18n import _

from .base import portrait, shrink_to_fit
from .chat import HEADER_H, WINDOW, ChatScene

CARD = pygame.Rect(WINDOW.x + 16, WINDOW.y + HEADER_H + 14, 300, WINDOW.h - HEADER_H - 30)
MESSAGES = pygame.Rect(
    CARD.right + 4, WINDOW.y + HEADER_H, WINDOW.right - CARD.right - 4, WINDOW.h - HEADER_H
)
BANNER_H = 72
FACE = 96
TEXT_W = CARD.w - 40  # the bio wraps to this width
BIO_LINES = 5  # game/content/translations.py checks that every bio and fact fits


class ProfileScene(ChatScene):
    colors = (theme.BUBBLEGUM, theme.GRAPE)
    area = MESSAGES
    bubble_w = MESSAGES.w - 60

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        self.owner = self.scenario.characters.get(node.of)

    def enter(self) -> None:
        super().enter()
        self.app.show(
            "profile",
            name=self.owner.name if self.owner else "",
            bio=self.node.bio,
            details=list(self.node.details),
        )

    def paint_stage(self, layer) -> None:
        art.rounded_rect(layer, WINDOW, (244, 238, 255), 28, shadow=True)
        bar = pygame.Rect(WINDOW.x, WINDOW.y, WINDOW.w, HEADER_H)
        art.rounded_rect(layer, bar, theme.GRAPE, 28)
        pygame.draw.rect(layer, theme.GRAPE, (bar.x, bar.bottom - 28, bar.w, 28))
        name = self.owner.name if self.owner else ""
        self.blit_text(
            layer, name, theme.TEXT_BODY - 2, theme.WHITE, (bar.x + 24, bar.y + 8), bold=True
        )
        self.blit_text(
            layer, _("Profile"), theme.TEXT_SMALL - 4, (236, 226, 255), (bar.x + 24, bar.y + 44)
        )
        self.blit_text(
            layer,
            self.node.app or _("Profile"),
            theme.TEXT_SMALL,
            (236, 226, 255),
            (bar.right - 24, bar.centery),
            anchor="midright",
            bold=True,
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
        scratch = pygame.Surface((1, 1))
        shrink = shrink_to_fit(lambda k: self.card_text(scratch, k) <= CARD.bottom - 8, most=8)
        self.card_text(layer, shrink)

    def card_text(self, surface, shrink: int) -> int:
        """Draw the name, bio and facts `shrink` points smaller than usual (large text may
        need it); return the bottom of the last fact."""
        y = CARD.y + BANNER_H + FACE // 2 + 10
        name = self.owner.name if self.owner else ""
        # a long handle gets smaller, never broken in two
        size = self.app.text.fit(name, theme.TEXT_BODY - 4 - shrink, CARD.w - 24, True, step=1)
        y = (
            self.blit_text(
                surface, name, size, theme.INK, (CARD.centerx, y), anchor="midtop", bold=True
            ).bottom
            + 10
        )
        if self.node.bio:
            y = (
                self.blit_text(
                    surface,
                    self.node.bio,
                    theme.TEXT_SMALL - 2 - shrink,
                    theme.INK,
                    (CARD.x + 20, y),
                    width=TEXT_W,
                ).bottom
                + 12
            )
        for detail in self.node.details:
            chip = self.app.text.render(detail, theme.TEXT_SMALL - 4 - shrink, theme.INK)
            row = pygame.Rect(CARD.x + 14, y, CARD.w - 28, chip.get_height() + 8)
            art.rounded_rect(surface, row, (244, 238, 255), 14)
            surface.blit(art.icon("star", 18, theme.GRAPE), (row.x + 9, row.centery - 9))
            surface.blit(chip, chip.get_rect(midleft=(row.x + 34, row.centery)))
            y = row.bottom + 6
        return y - 6

    def draw_stage(self, surface) -> None:
        face = portrait(self.owner, FACE)
        bob = round(3 * math.sin(self.t * 2.2))
        surface.blit(face, face.get_rect(center=(CARD.centerx, CARD.y + BANNER_H + bob)))
        super().draw_stage(surface)
