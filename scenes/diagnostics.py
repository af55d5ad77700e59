"""The problems of a file being edited, in a card over the game: where each one is, what is
wrong and how to fix it. The game under it goes on with the last version that worked;
Esc (or the button) closes the card, and so does the next save that fixes the file."""

from __future__ import annotations

import pygame

from game import art, theme
from game.i18n import _
from game.ui import Button

from .base import Scene

MOST = 8  # problems listed at most; the rest are counted
GAP = 10  # between two problems


class DiagnosticsScene(Scene):
    """`problems` are (where, message, hint) for each problem, `where` as file:line:col;
    `reason` is said instead when the file itself cannot be read (it is gone, say)."""

    opaque = False
    show_help = False

    def __init__(self, app, file: str, problems=(), reason: str = ""):
        super().__init__(app)
        self.file = file
        self.problems = list(problems)
        self.reason = reason
        self.card = pygame.Rect(70, 34, theme.WIDTH - 140, theme.HEIGHT - 68)
        self.heading = _("Something in {file} needs fixing").format(file=file)
        self.lead = _(
            "The game goes on with the last version that worked. "
            "Fix the file and save it: the game takes it at once."
        )
        # the lead under the heading (two lines of it when a long file name wraps)
        self.lead_at = 36 + max(
            56, app.text.height(self.heading, theme.TEXT_BIG, True, theme.WIDTH - 280)
        )
        self.rows, self.more, end = self.laid()
        # The card as tall as what it says, in the middle of the screen.
        tall = min(self.card.h, end + (34 if self.more else 0) + 104 - self.card.y)
        shift = (theme.HEIGHT - tall) // 2 - self.card.y
        self.card.h = tall
        self.card.y += shift
        self.rows = [(x, y + shift, *rest) for x, y, *rest in self.rows]
        self.buttons.set(
            [
                Button(
                    pygame.Rect(self.card.centerx - 170, self.card.bottom - 84, 340, 64),
                    _("Keep playing"),
                    "close",
                    theme.MINT,
                    icon="close",
                )
            ],
            focus=0,
        )

    def enter(self) -> None:
        self.app.show(
            "problems",
            file=self.file,
            reason=self.reason,
            problems=[f"{where}: {message}" for where, message, _hint in self.problems],
        )

    def pressed(self, button) -> None:
        self.app.pop()

    def escape(self) -> None:
        self.app.pop()

    # Laid out once: the problems that fit (MOST at most), where each one is in a column of
    # its own and what is wrong beside it, the hint under that.
    def laid(self) -> tuple[list, int, int]:
        """([(x, y, width, text, size, colour, bold, starts a problem)], how many problems
        are left out, where the last one ends)."""
        card, text = self.card, self.app.text
        x, width = card.x + 64, card.w - 112
        top = card.y + self.lead_at + text.height(self.lead, theme.TEXT_SMALL, width=card.w - 80)
        top += 18
        bottom = card.bottom - 100
        if self.reason:
            row = (x - 24, top, width + 24, self.reason, theme.TEXT_BODY, theme.INK, True, False)
            return [row], 0, top + text.height(self.reason, theme.TEXT_BODY, True, width + 24)
        size = theme.TEXT_SMALL
        column = min(
            width // 3,
            max((text.measure(w, size, bold=True) for w, _m, _h in self.problems), default=0) + 24,
        )
        rest = width - column
        rows: list = []
        y = top
        shown = 0
        for where, message, hint in self.problems[:MOST]:
            said = text.height(message, size, width=rest)
            tall = max(text.height(where, size, True, column - 12), said)
            if hint:
                tall = max(tall, said + text.height(hint, size - 2, width=rest))
            room = bottom - (32 if shown + 1 < len(self.problems) else 0)
            if shown and y + tall > room:
                break
            rows.append((x, y, column - 12, where, size, theme.SKY_DEEP, True, True))
            rows.append((x + column, y, rest, message, size, theme.INK, False, False))
            if hint:
                rows.append(
                    (x + column, y + said, rest, hint, size - 2, theme.INK_SOFT, False, False)
                )
            y += tall + GAP
            shown += 1
        return rows, len(self.problems) - shown, y - GAP

    def draw_content(self, surface) -> None:
        self.shade(surface, 170)
        card = self.card
        art.rounded_rect(surface, card, theme.CLOUD, 34, shadow=True)
        surface.blit(art.icon("warning", 52, theme.CORAL), (card.x + 34, card.y + 26))
        self.blit_text(
            surface,
            self.heading,
            theme.TEXT_BIG,
            theme.INK,
            (card.x + 102, card.y + 30),
            bold=True,
            width=card.w - 140,
        )
        self.blit_text(
            surface,
            self.lead,
            theme.TEXT_SMALL,
            theme.INK_SOFT,
            (card.x + 40, card.y + self.lead_at),
            width=card.w - 80,
        )
        last = 0
        for x, y, width, words, size, color, bold, first in self.rows:
            if first:  # a dot before where a problem is
                pygame.draw.circle(surface, theme.CORAL, (x - 20, y + size // 2 + 7), 6)
            drawn = self.blit_text(surface, words, size, color, (x, y), bold=bold, width=width)
            last = max(last, drawn.bottom)
        if self.more:
            self.blit_text(
                surface,
                _("and {count} more").format(count=self.more),
                theme.TEXT_SMALL,
                theme.INK_SOFT,
                (card.x + 64, last + 6),
                bold=True,
            )
