"""Help, reachable from every scene (the Help button or F1): a trusted adult first, then
the help services of the player's region (both countries, labelled, in English)."""

from __future__ import annotations

import pygame

from game import art, regions, theme
from game.i18n import N_, _
from game.text import fit
from game.ui import Button

from .base import Scene

ADULT = N_(
    "You can always talk to a trusted adult: a parent, a relative or a teacher. "
    "You are never in trouble for asking for help."
)


def service_lines(
    locale: str, ending: tuple[str, ...] | None = None
) -> list[tuple[str, list[str]]]:
    """(country, ["name: how to reach", ...]) for the regions a player of `locale` sees: all
    their services, or with `ending` (a story's `help:` kinds) those its ending shows."""
    out = []
    for region in regions.for_locale(locale):
        chosen = None if ending is None else regions.for_ending(region, ending)
        country, services = regions.shown(region, chosen)
        out.append((country, [f"{name}: {reach}" for name, _for, reach in services]))
    return out


class HelpScene(Scene):
    opaque = False
    show_help = False

    def __init__(self, app):
        super().__init__(app)
        self.card = pygame.Rect(90, 40, theme.WIDTH - 180, theme.HEIGHT - 80)
        self.buttons.set(
            [
                Button(
                    pygame.Rect(self.card.centerx - 290, self.card.bottom - 86, 280, 66),
                    _("Settings"),
                    "settings",
                    theme.SKY_DEEP,
                    icon="settings",
                ),
                Button(
                    pygame.Rect(self.card.centerx + 10, self.card.bottom - 86, 280, 66),
                    _("Close"),
                    "close",
                    theme.MINT,
                    icon="close",
                ),
            ],
            focus=1,
        )
        self.groups = service_lines(app.locale)
        # below the trusted adult's paragraph and the lead-in line, above the Close button
        card = self.card
        top = card.y + 100 + app.text.height(_(ADULT), theme.TEXT_BODY, width=card.w - 80) + 58
        self.boxes, self.size, self.entries_at = self.laid(
            pygame.Rect(card.x + 40, top, card.w - 80, card.bottom - 100 - top)
        )

    def enter(self) -> None:
        self.app.show("help", adult=_(ADULT), services=self.groups)

    def pressed(self, button) -> None:
        self.app.pop()
        if button.action == "settings":
            self.app.open_settings()

    def escape(self) -> None:
        self.app.pop()

    def draw_content(self, surface) -> None:
        self.shade(surface, 160)
        card = self.card
        art.rounded_rect(surface, card, theme.CLOUD, 34, shadow=True)
        surface.blit(art.icon("heart", 56, theme.CORAL), (card.x + 36, card.y + 28))
        self.blit_text(
            surface,
            _("Who can help?"),
            theme.TEXT_BIG + 4,
            theme.INK,
            (card.x + 108, card.y + 34),
            bold=True,
        )
        adult = self.blit_text(
            surface,
            _(ADULT),
            theme.TEXT_BODY,
            theme.INK,
            (card.x + 40, card.y + 100),
            width=card.w - 80,
        )
        groups = self.groups
        lead = _("Then your country's helpline:") if len(groups) > 1 else _("More help:")
        self.blit_text(
            surface,
            lead,
            theme.TEXT_BODY - 2,
            theme.INK_SOFT,
            (card.x + 40, adult.bottom + 16),
            bold=True,
        )
        for box, (country, _lines) in zip(self.boxes, groups, strict=True):
            art.rounded_rect(surface, box, theme.WHITE, 24)
            self.blit_text(
                surface,
                country,
                theme.TEXT_BODY - 2,
                theme.SKY_DEEP,
                (box.x + 22, box.y + 10),
                bold=True,
            )
        for x, y, width, line in self.entries_at:
            self.blit_text(surface, line, self.size, theme.INK, (x, y), width=width)

    # The services: one box per country, the entries in columns (two when one country is
    # shown), their text made smaller until every entry fits. Laid out once, not per frame.
    def laid(self, area):
        """(boxes, text size, [(x, y, width, text)]) of the services in `area`."""
        width = (area.w - 24 * (len(self.groups) - 1)) // max(1, len(self.groups))
        boxes = [
            pygame.Rect(area.x + i * (width + 24), area.y, width, area.h)
            for i in range(len(self.groups))
        ]

        def fits(shrink: int) -> bool:
            entries = self.entries(boxes, theme.TEXT_SMALL - shrink)
            return all(bottom <= area.bottom - 12 for *_e, bottom in entries)

        size = theme.TEXT_SMALL - fit(fits, most=8)
        return boxes, size, [entry[:4] for entry in self.entries(boxes, size)]

    def entries(self, boxes, size):
        """(x, y, width, text, bottom) of every entry at this text size."""
        out = []
        line_h = self.app.text.font(size).get_linesize()
        columns = 2 if len(self.groups) == 1 else 1
        for box, (_country, lines) in zip(boxes, self.groups, strict=True):
            col_w = (box.w - 44 - 24 * (columns - 1)) // columns
            per = -(-len(lines) // columns)
            for c in range(columns):
                y = box.y + 48
                for line in lines[c * per : (c + 1) * per]:
                    bottom = y + len(self.app.text.lines(line, size, col_w)) * line_h
                    out.append((box.x + 22 + c * (col_w + 24), y, col_w, line, bottom))
                    y = bottom + 6
        return out
