"""The end of a story: what happened, the takeaway, a trusted adult first, then the help
services; after the post questions, a results card comparing before and after."""

from __future__ import annotations

import pygame

from game import art, theme
from game.i18n import _
from game.ui import Button

from .base import Scene, shrink_to_fit
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
        self.shrink: int | None = None  # chosen at the first frame, when the text is known
        self.groups = service_lines(app.locale, play.scenario.help)  # what the ending lists

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
        if self.shrink is None:
            self.shrink = self.fit()
        art.rounded_rect(surface, CARD, theme.WHITE, 34, shadow=True)
        self.draw_card(surface, self.shrink)

    def fit(self) -> int:
        """How many points smaller than usual the card's text must be to fit (0 unless the
        text is large): laid out once on a scratch surface."""
        scratch = pygame.Surface((1, 1))
        button = self.buttons.buttons[0].rect

        def fits(shrink: int) -> bool:
            adult, services = self.draw_card(scratch, shrink)
            return adult <= button.top - 8 and services <= CARD.bottom - 16

        return shrink_to_fit(fits)

    def draw_card(self, surface, shrink: int) -> tuple[int, int]:
        """Draw the card's text; return the bottoms of the adult line and of the services."""
        title = self.blit_text(
            surface,
            self.node.title,
            theme.TEXT_BIG - shrink,
            theme.GRAPE,
            (CARD.x + 44, CARD.y + 30),
            bold=True,
            width=CARD.w - 88,
        )
        y = (
            self.blit_text(
                surface,
                self.node.text,
                theme.TEXT_BODY - 2 - shrink,
                theme.INK,
                (CARD.x + 44, title.bottom + 8),
                width=CARD.w - 88,
            ).bottom
            + 18
        )
        takeaway = self.app.text.render(
            self.node.takeaway,
            theme.TEXT_BODY + 2 - shrink,
            theme.INK,
            bold=True,
            width=CARD.w - 180,
        )
        star = pygame.Rect(CARD.x + 30, y, CARD.w - 60, max(96, takeaway.get_height() + 28))
        art.rounded_rect(surface, star, theme.SUN, 26)
        surface.blit(art.icon("star", 56, theme.WHITE), (star.x + 20, star.centery - 28))
        surface.blit(takeaway, takeaway.get_rect(midleft=(star.x + 92, star.centery)))
        y = star.bottom + 20
        surface.blit(art.icon("heart", 44, theme.CORAL), (CARD.x + 44, y))
        label = self.blit_text(
            surface,
            _("First, tell a trusted adult"),
            theme.TEXT_SMALL - shrink // 2,
            theme.CORAL,
            (CARD.x + 104, y),
            bold=True,
        )
        adult = self.blit_text(
            surface,
            self.node.adult,
            theme.TEXT_BODY - 2 - shrink,
            theme.INK,
            (CARD.x + 104, label.bottom + 2),
            width=CARD.w - 160,
        ).bottom
        y = (
            self.blit_text(
                surface,
                _("More help, free and kind:"),
                theme.TEXT_SMALL - shrink // 2,
                theme.SKY_DEEP,
                (CARD.x + 104, adult + 8),
                bold=True,
            ).bottom
            + 2
        )
        groups = self.groups
        for country, lines in groups:  # the country is named only when there are several
            names = " · ".join(lines)
            line = f"{country}: {names}" if len(groups) > 1 else names
            y = (
                self.blit_text(
                    surface,
                    line,
                    theme.TEXT_SMALL - 2 - shrink // 2,
                    theme.INK,
                    (CARD.x + 104, y),
                    width=CARD.w - 460,
                ).bottom
                + 6
            )
        return adult, y - 6


class ResultsScene(Scene):
    colors = (theme.GRAPE, theme.BUBBLEGUM)
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
        self.blit_text(
            surface,
            self.takeaway,
            theme.TEXT_BODY,
            theme.INK,
            (card.centerx, card.y + 370),
            anchor="midtop",
            width=card.w - 120,
            align="center",
        )
