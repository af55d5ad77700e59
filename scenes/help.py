"""Help, reachable from every scene (the Help button or F1): a trusted adult first, then
the help services of the player's region (both countries, labelled, in English)."""

from __future__ import annotations

import pygame

from game import art, regions, theme
from game.i18n import N_, _
from game.ui import Button

from .base import Scene

ADULT = N_("You can always talk to a trusted adult: a parent, a relative or a teacher. "
         "You are never in trouble for asking for help.")


def service_lines(locale: str) -> list[tuple[str, list[str]]]:
    """(country, ["name: how to reach", ...]) for the regions a player of `locale` sees."""
    out = []
    for region in regions.for_locale(locale):
        country, services = regions.shown(region)
        out.append((country, [f"{name}: {reach}" for name, _for, reach in services]))
    return out


class HelpScene(Scene):
    opaque = False
    show_help = False

    def __init__(self, app):
        super().__init__(app)
        self.card = pygame.Rect(90, 40, theme.WIDTH - 180, theme.HEIGHT - 80)
        self.buttons.set([Button(pygame.Rect(self.card.centerx - 140, self.card.bottom - 86,
                                             280, 66), _("Close"), "close", theme.MINT,
                                 icon="close")], focus=0)

    def enter(self) -> None:
        self.app.show("help", adult=_(ADULT), services=service_lines(self.app.locale))

    def pressed(self, button) -> None:
        self.app.pop()

    def escape(self) -> None:
        self.app.pop()

    def draw_content(self, surface) -> None:
        self.shade(surface, 160)
        card = self.card
        art.rounded_rect(surface, card, theme.CLOUD, 34, shadow=True)
        surface.blit(art.icon("heart", 56, theme.CORAL), (card.x + 36, card.y + 28))
        self.blit_text(surface, _("Who can help?"), theme.TEXT_BIG + 4, theme.INK,
                       (card.x + 108, card.y + 34), bold=True)
        adult = self.blit_text(surface, _(ADULT), theme.TEXT_BODY, theme.INK,
                               (card.x + 40, card.y + 100), width=card.w - 80)
        groups = service_lines(self.app.locale)
        lead = _("Then your country's helpline:") if len(groups) > 1 else _("More help:")
        self.blit_text(surface, lead, theme.TEXT_BODY - 2, theme.INK_SOFT,
                       (card.x + 40, adult.bottom + 16), bold=True)
        col_w = (card.w - 80 - 30 * (len(groups) - 1)) // max(1, len(groups))
        for i, (country, lines) in enumerate(groups):
            x = card.x + 40 + i * (col_w + 30)
            top = adult.bottom + 58
            box = pygame.Rect(x, top, col_w, min(280, card.bottom - 104 - top))
            art.rounded_rect(surface, box, theme.WHITE, 24)
            self.blit_text(surface, country, theme.TEXT_BODY, theme.SKY_DEEP,
                           (box.x + 22, box.y + 14), bold=True)
            y = box.y + 58
            for line in lines:
                y = self.blit_text(surface, line, theme.TEXT_SMALL, theme.INK, (box.x + 22, y),
                                   width=col_w - 44).bottom + 10
