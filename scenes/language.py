"""The language picker: each language in its own name and script. Shown at the first start
(with the computer's language chosen already) and from the title screen."""

from __future__ import annotations

import pygame

from game import i18n, settings, theme
from game.i18n import _
from game.ui import Button

from .base import Scene

COLORS = (theme.MINT, theme.CORAL, theme.SKY_DEEP)
# The question in every language the game speaks, so that everyone can read it.
HEADING = "Escolha o seu idioma\nเลือกภาษา\nChoose your language"


class LanguageScene(Scene):
    colors = ("BACK_BLUE", "BACK_TEAL")
    shapes = "bubbles"

    def __init__(self, app, preselect: str | None = None):
        super().__init__(app)
        focus = i18n.AVAILABLE.index(preselect or app.locale)
        self.buttons.set(
            [
                Button(
                    pygame.Rect(theme.WIDTH // 2 - 260, 220 + i * 132, 520, 104),
                    name,
                    code,
                    COLORS[i % len(COLORS)],
                    size=theme.TEXT_BIG,
                    number=i + 1,
                    appear=0.08 * i,
                )
                for i, (code, name) in enumerate(i18n.LANGUAGES)
            ],
            focus=focus,
        )

    def enter(self) -> None:
        self.app.show("language", choices=[name for _code, name in i18n.LANGUAGES])

    def pressed(self, button) -> None:
        self.app.set_locale(button.action)
        settings.save(locale=button.action)
        self.app.open_title(reset=True)

    def escape(self) -> None:
        self.app.open_title(reset=True)

    def draw_content(self, surface) -> None:
        self.blit_text(
            surface,
            HEADING,
            theme.TEXT_BODY + 2,
            theme.on_backdrop(),
            (theme.WIDTH // 2, 24),
            anchor="midtop",
            bold=True,
            width=1100,
            align="center",
        )
        self.blit_text(
            surface,
            _("You can change it later on the title screen."),
            theme.TEXT_SMALL,
            theme.on_backdrop(),
            (theme.WIDTH // 2, 660),
            anchor="midtop",
        )
