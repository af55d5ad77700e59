"""The settings: text size, a high-contrast look, less movement, reading aloud and volumes.

Reached from the title screen and from Help, by mouse, touch or keyboard (Tab or the arrow
keys move, Enter or Space picks, Esc closes). Each row is a set of buttons, the chosen one
marked with a tick as well as a colour. A change takes effect at once and is remembered on
this computer (a kiosk forgets it for the next player); a setting the operator file fixes
shows its value with a lock instead of buttons.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game import art, theme
from game.i18n import N_, _
from game.ui import Button

from .base import Scene


@dataclass(frozen=True)
class Row:
    key: str  # the field of game.session.Access it sets
    label: str  # marked with N_, translated when shown
    options: tuple[tuple[object, str], ...]  # (value, its label)


OFF_ON = ((False, N_("Off")), (True, N_("On")))
VOLUMES = ((0, N_("Off")), (50, N_("Half")), (100, N_("Full")))
ROWS = (
    Row(
        "text_size",
        N_("Text size"),
        (("normal", N_("Normal")), ("large", N_("Large")), ("larger", N_("Larger"))),
    ),
    Row("high_contrast", N_("High contrast"), OFF_ON),
    Row("reduced_motion", N_("Less movement"), OFF_ON),
    Row("narration", N_("Read aloud"), OFF_ON),
    Row(
        "speech_rate",
        N_("Reading speed"),
        (("slow", N_("Slow")), ("normal", N_("Normal")), ("fast", N_("Fast"))),
    ),
    Row(
        "speech_output",
        N_("Read with"),
        (("voice", N_("The game's voice")), ("screen_reader", N_("My screen reader"))),
    ),
    Row("effects_volume", N_("Sound effects"), VOLUMES),
    Row("voice_volume", N_("Voice volume"), VOLUMES),
)

CARD = pygame.Rect(90, 24, theme.WIDTH - 180, theme.HEIGHT - 48)
LABEL_W = 330  # the row labels' column
ROW_H = 50  # a row's buttons, at most
ROW_GAP = 10
STATUS_H = 48  # the line about reading aloud, above the Close button
GAP = 12  # between the buttons of a row
OTHER = (226, 233, 252)  # a light button: dark text on it


class SettingsScene(Scene):
    opaque = False
    show_help = False

    def __init__(self, app, focus: int = -1):
        super().__init__(app)
        self.status = app.narration_status
        self._lay_out(focus)

    # -- layout, made once per change ---------------------------------------------------
    def _lay_out(self, focus: int = -1) -> None:
        app, access = self.app, self.app.session.access
        fixed = app.session.fixed
        left = CARD.x + 40
        right = CARD.right - 40
        x0 = left + LABEL_W + 20
        # The heading, then the rows in the room left above the status line and Close.
        self.heading_size = app.text.fit(_("Settings"), theme.TEXT_BIG, right - left - 60, True)
        top = CARD.y + 24 + app.text.height(_("Settings"), self.heading_size, True) + 12
        pitch = min(ROW_H + ROW_GAP, (CARD.bottom - 78 - STATUS_H - top) // len(ROWS))
        row_h = pitch - ROW_GAP
        self.labels = []  # (text, size, rect)
        self.locked = []  # (text, size, rect) for settings the operator fixed
        buttons = []
        y = top
        for row in ROWS:
            label = _(row.label)
            size = app.text.fit(label, theme.TEXT_BODY - 2, LABEL_W, True, floor=16)
            rect = pygame.Rect(left, y, LABEL_W, row_h)
            self.labels.append((label, size, rect))
            value = getattr(access, row.key)
            if row.key in fixed:
                shown = next((_(t) for v, t in row.options if v == value), str(value))
                words = _("{value} (set on this computer)").format(value=shown)
                small = app.text.fit(words, theme.TEXT_SMALL, right - x0 - 44, floor=14)
                self.locked.append((words, small, pygame.Rect(x0, y, right - x0, row_h)))
            else:
                count = len(row.options)
                width = (right - x0 - GAP * (count - 1)) // count
                for i, (option, text) in enumerate(row.options):
                    chosen = option == value
                    buttons.append(
                        Button(
                            pygame.Rect(x0 + i * (width + GAP), y, width, row_h),
                            _(text),
                            (row.key, option),
                            theme.SKY_DEEP if chosen else theme.current(OTHER),
                            text_color=theme.WHITE if chosen else theme.INK,
                            size=theme.TEXT_SMALL + 2,
                            icon="check" if chosen else "",
                            payload={"setting": row.key, "chosen": chosen},
                        )
                    )
            y += pitch
        self.status_at = y
        close = Button(
            pygame.Rect(CARD.centerx - 140, CARD.bottom - 78, 280, 62),
            _("Close"),
            "close",
            theme.MINT,
            icon="close",
        )
        buttons.append(close)
        self.buttons.set(buttons, focus=focus if focus >= 0 else len(buttons) - 1)
        self.buttons.age = 10.0  # a rebuilt row does not slide in again

    def enter(self) -> None:
        self.app.show(
            "settings",
            rows=[
                (_(row.label), _(next(t for v, t in row.options if v == value)))
                for row in ROWS
                for value in [getattr(self.app.session.access, row.key)]
            ],
            status=self.status,
        )

    # -- input --------------------------------------------------------------------------
    def pressed(self, button) -> None:
        if button.action == "close":
            self.close()
            return
        key, value = button.action
        focus = self.buttons.buttons.index(button)
        self.status = self.app.change_access(key, value)
        self._lay_out(focus)
        label = next(_(t) for row in ROWS if row.key == key for v, t in row.options if v == value)
        self.app.show("setting", setting=key, value=label, status=self.status)

    def escape(self) -> None:
        self.close()

    def close(self) -> None:
        self.app.pop()
        self.app.settings_closed()

    # -- drawing ------------------------------------------------------------------------
    def draw_content(self, surface) -> None:
        self.shade(surface, 150)
        art.rounded_rect(surface, CARD, theme.CLOUD, 30, shadow=True)
        surface.blit(art.icon("settings", 40, theme.INK), (CARD.x + 40, CARD.y + 26))
        self.blit_text(
            surface,
            _("Settings"),
            self.heading_size,
            theme.INK,
            (CARD.x + 94, CARD.y + 24),
            bold=True,
        )
        for text, size, rect in self.labels:
            self.blit_text(
                surface,
                text,
                size,
                theme.INK,
                (rect.x, rect.centery),
                anchor="midleft",
                bold=True,
            )
        for text, size, rect in self.locked:
            surface.blit(art.icon("lock", 30, theme.INK_SOFT), (rect.x, rect.centery - 15))
            self.blit_text(
                surface, text, size, theme.INK, (rect.x + 44, rect.centery), anchor="midleft"
            )
        if self.status:
            self.blit_text(
                surface,
                self.status,
                theme.TEXT_SMALL,
                theme.INK,
                (CARD.centerx, (self.status_at + CARD.bottom - 78) // 2),
                anchor="center",
                width=CARD.w - 80,
                align="center",
            )
