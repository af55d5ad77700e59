"""The end of a story: what happened, the takeaway, a trusted adult first, then the help
services; after the post questions, a results card comparing before and after."""

from __future__ import annotations

import pygame

from game import art, layout, theme
from game.i18n import _
from game.text import fit
from game.ui import Button

from .base import Scene
from .help import service_lines

CARD = pygame.Rect(90, 80, 1100, 620)


class EndingScene(Scene):
    colors = (theme.MINT, theme.SKY)
    shapes = "confetti"

    def __init__(self, app, play, node):
        super().__init__(app)
        self.play = play
        self.node = node
        label = _("Quick quiz") if play.scenario.post else _("Finish")
        self.buttons.set(
            [
                Button(
                    pygame.Rect(CARD.right - 330, CARD.bottom - 92, 300, 70),
                    label,
                    "next",
                    theme.SKY_DEEP,
                    icon="star",
                    appear=0.6,
                )
            ],
            focus=0,
        )
        self.groups = service_lines(app.locale, play.scenario.help)  # what the ending lists
        self.shrink = self.card_shrink()
        self.laid = self.place(self.shrink)

    def enter(self) -> None:
        self.app.sounds.play("tada")
        self.app.show(
            "ending",
            title=self.node.title,
            text=self.node.text,
            takeaway=self.node.takeaway,
            adult=self.node.adult,
            services=self.groups,
        )

    def pressed(self, button) -> None:
        self.play.after_ending()

    def escape(self) -> None:
        self.play.after_ending()

    def draw_content(self, surface) -> None:
        art.rounded_rect(surface, CARD, theme.WHITE, 34, shadow=True)
        pieces, star, heart_y, _bottoms = self.laid
        art.rounded_rect(surface, star, theme.SUN, 26)
        surface.blit(art.icon("star", 56, theme.WHITE), (star.x + 20, star.centery - 28))
        surface.blit(art.icon("heart", 44, theme.CORAL), (CARD.x + 44, heart_y))
        for text, size, color, bold, width, pos in pieces:
            self.blit_text(surface, text, size, color, pos, bold=bold, width=width)

    def card_shrink(self) -> int:
        """How many points smaller than usual the card's text must be to fit (0 unless the
        text is large)."""
        button = self.buttons.buttons[0].rect

        def fits(shrink: int) -> bool:
            adult, services = self.bottoms(shrink)
            return adult <= button.top - 8 and services <= CARD.bottom - 16

        return fit(fits, most=12)

    def bottoms(self, shrink: int) -> tuple[int, int]:
        """The bottoms of the adult line and of the services, `shrink` points smaller."""
        return self.place(shrink)[3]

    def place(self, shrink: int) -> tuple[list[tuple], pygame.Rect, int, tuple[int, int]]:
        """The card's texts `shrink` points smaller than usual, each as (text, size, colour,
        bold, width, top left); the takeaway's star; the top of the heart; the bottoms of the
        adult line and of the services. Measured with the text module, not drawn."""
        height = self.app.text.height
        pieces: list[tuple] = []

        def put(text, size, color, bold, width, x, y) -> int:
            pieces.append((text, size, color, bold, width, (x, y)))
            return y + height(text, size, bold, width)

        left, inner = CARD.x + 44, CARD.x + 104
        box = layout.ENDING_TITLE
        y = put(
            self.node.title, box.size - shrink, theme.GRAPE, box.bold, box.width, left, CARD.y + 30
        )
        box = layout.ENDING_TEXT
        y = put(self.node.text, box.size - shrink, theme.INK, box.bold, box.width, left, y + 8)
        box = layout.ENDING_TAKEAWAY
        tall = height(self.node.takeaway, box.size - shrink, box.bold, box.width)
        # the star's band gives back some of its spare height on the fullest cards (an
        # English ending lists both countries' services)
        star = pygame.Rect(CARD.x + 30, y + 18, CARD.w - 60, max(96 - 2 * shrink, tall + 28))
        put(
            self.node.takeaway,
            box.size - shrink,
            theme.INK,
            box.bold,
            box.width,
            star.x + 92,
            star.centery - tall // 2,
        )
        heart_y = star.bottom + 20
        label = theme.TEXT_SMALL - shrink // 2
        y = put(_("First, tell a trusted adult"), label, theme.CORAL, True, None, inner, heart_y)
        box = layout.ENDING_ADULT
        adult = put(
            self.node.adult, box.size - shrink, theme.INK, box.bold, box.width, inner, y + 2
        )
        y = put(_("More help, free and kind:"), label, theme.SKY_DEEP, True, None, inner, adult + 8)
        y += 2
        groups = self.groups
        for country, lines in groups:  # the country is named only when there are several
            names = " · ".join(lines)
            line = f"{country}: {names}" if len(groups) > 1 else names
            size = theme.TEXT_SMALL - 2 - shrink // 2
            y = put(line, size, theme.INK, False, CARD.w - 460, inner, y) + 6
        return pieces, star, heart_y, (adult, y - 6)


class ResultsScene(Scene):
    colors = ("BACK_GRAPE", "BACK_PINK")
    shapes = "confetti"

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        rt = play.runtime
        self.pre = (rt.correct("pre"), len(play.scenario.pre))
        self.post = (rt.correct("post"), len(play.scenario.post))
        self.safe = rt.count("safe")
        self.decisions = len(rt.history)
        self.takeaway = rt.current().takeaway
        self.buttons.set(
            [
                Button(
                    pygame.Rect(theme.WIDTH // 2 - 180, 590, 360, 76),
                    _("More stories"),
                    "menu",
                    theme.MINT,
                    icon="back",
                    appear=0.5,
                )
            ],
            focus=0,
        )

    def enter(self) -> None:
        self.app.show(
            "results", pre=self.pre, post=self.post, safe=self.safe, decisions=self.decisions
        )

    def pressed(self, button) -> None:
        self.play.leave()

    def escape(self) -> None:
        self.play.leave()

    def draw_content(self, surface) -> None:
        card = pygame.Rect(190, 70, 900, 490)
        art.rounded_rect(surface, card, theme.WHITE, 34, shadow=True)
        self.blit_text(
            surface,
            _("Well done, Net Hero!"),
            theme.TEXT_TITLE - 10,
            theme.GRAPE,
            (card.centerx, card.y + 30),
            anchor="midtop",
            bold=True,
        )
        rows = ((_("Before"), self.pre), (_("After"), self.post))
        for i, (label, (got, total)) in enumerate(rows):
            x = card.x + 120 + i * 380
            self.blit_text(
                surface, label, theme.TEXT_BODY, theme.INK_SOFT, (x, card.y + 128), bold=True
            )
            for k in range(total):
                color = theme.SUN if k < got else (225, 228, 240)
                surface.blit(art.icon("star", 62, color), (x + k * 70, card.y + 172))
            self.blit_text(
                surface,
                f"{got} / {total}",
                theme.TEXT_BODY,
                theme.INK,
                (x, card.y + 246),
                bold=True,
            )
        safe = _("Safe choices: {safe} of {total}").format(safe=self.safe, total=self.decisions)
        self.blit_text(
            surface,
            safe,
            theme.TEXT_BODY,
            theme.SAFE,
            (card.centerx, card.y + 310),
            anchor="midtop",
            bold=True,
        )
        box = layout.RESULTS_TAKEAWAY
        self.blit_text(
            surface,
            self.takeaway,
            box.size,
            theme.INK,
            (card.centerx, card.y + 370),
            anchor="midtop",
            bold=box.bold,
            width=box.width,
            align="center",
        )
