"""A voice chat in a game: a row of round faces for the people in the call, a speaking ring
round whoever is talking, and what they say arriving as captions under them."""

from __future__ import annotations

import math

import pygame

from game import art, layout, theme
from game.art import mix
from game.content.model import SYSTEM_SPEAKER
from game.i18n import _
from game.ui import still

from .base import portrait
from .stage import STAGE, StageScene, icon_disc

WINDOW = STAGE
HEADER_H = 64
FACES_Y = WINDOW.y + HEADER_H + 82  # the centre of the row of faces
FACE = 104
RING = FACE // 2 + 10  # the speaking ring's radius
MOST = 5  # the faces the row has room for
CAPTIONS = pygame.Rect(66, 352, 708, 328)  # a caption's text: layout.VOICE_CAPTION


def window_color() -> tuple:
    """The game's dark teal lobby (deeper in the contrast look)."""
    return (20, 74, 92) if theme.LOOK == "normal" else (0, 36, 46)


def ring_color() -> tuple:
    return (120, 236, 160) if theme.LOOK == "normal" else (150, 255, 170)


class VoiceScene(StageScene):
    caption_area = CAPTIONS
    caption_box = layout.VOICE_CAPTION
    caption_note = layout.VOICE_NOTE
    colors = ("BACK_TEAL", "SKY_DEEP")
    shapes = "stars"

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        player = self.player_id()
        others = dict.fromkeys(
            m.speaker for m in node.messages if m.speaker not in (SYSTEM_SPEAKER, player)
        )
        self.people = ([player] if player else []) + list(others)[: MOST - 1]
        slot = (WINDOW.w - 40) // max(1, len(self.people))
        self.slot = min(slot, 200)
        self.name_size = (
            min(
                app.text.fit(
                    self.speaker_label(p), theme.TEXT_SMALL - 2, self.slot - 16, True, floor=14
                )
                for p in self.people
            )
            if self.people
            else theme.TEXT_SMALL - 2
        )
        # one other person on the line is a call; more are a game's voice chat
        self.call = len(others) == 1
        self.title = _("Voice call") if self.call else _("Voice chat")
        self.title_size = app.text.fit(self.title, theme.TEXT_BODY - 4, 300, True, floor=16)

    send_pause = 0.7

    def enter(self) -> None:
        self.app.show("scene", scene="voice", app=self.node.app, call=self.call)

    def line_width(self) -> int:
        return layout.VOICE_CAPTION.width

    def centre(self, index: int) -> tuple[int, int]:
        row = self.slot * len(self.people)
        left = WINDOW.centerx - row // 2
        return (left + self.slot * index + self.slot // 2, FACES_Y)

    def speaking(self) -> str:
        """Whoever talks now: the one whose line is arriving, or else who spoke last."""
        typing = self.typing_now()
        if typing:
            return typing
        for line in reversed(self.lines):
            if line.speaker != SYSTEM_SPEAKER:
                return line.speaker
        return ""

    # drawing ---------------------------------------------------------------------------
    def paint_stage(self, layer) -> None:
        art.rounded_rect(layer, WINDOW, window_color(), 28, shadow=True)
        bar = pygame.Rect(WINDOW.x, WINDOW.y, WINDOW.w, HEADER_H)
        deep = mix(window_color(), (0, 0, 0), 0.35)
        art.rounded_rect(layer, bar, deep, 28)
        pygame.draw.rect(layer, deep, (bar.x, bar.bottom - 28, bar.w, 28))
        mic = pygame.Rect(0, 0, 40, 40)
        mic.midleft = (bar.x + 22, bar.centery)
        icon_disc(layer, mic.center, 20, theme.current(theme.SAFE), "mic", 26, theme.WHITE)
        self.blit_text(
            layer,
            self.title,
            self.title_size,
            theme.WHITE,
            (mic.right + 14, bar.centery),
            anchor="midleft",
            bold=True,
        )
        if self.node.app:
            size = self.app.text.fit(self.node.app, theme.TEXT_SMALL - 2, 300, True, floor=14)
            self.blit_text(
                layer,
                self.node.app,
                size,
                (210, 236, 240),
                (bar.right - 24, bar.centery),
                anchor="midright",
                bold=True,
            )
        for index, person in enumerate(self.people):
            x, y = self.centre(index)
            pygame.draw.circle(layer, mix(window_color(), theme.WHITE, 0.14), (x, y), FACE // 2 + 4)
            face = portrait(self.scenario.characters.get(person), FACE, "kid")
            layer.blit(face, face.get_rect(center=(x, y)))
            self.blit_text(
                layer,
                self.speaker_label(person),
                self.name_size,
                theme.WHITE,
                (x, y + RING + 12),
                anchor="midtop",
                bold=True,
            )

    def draw_stage(self, surface) -> None:
        talking = self.speaking()
        if talking in self.people:
            self.draw_ring(surface, self.centre(self.people.index(talking)))
        for index, _person in enumerate(self.people):
            x, y = self.centre(index)
            badge = (x + FACE // 2 - 10, y + FACE // 2 - 10)
            icon_disc(surface, badge, 15, theme.current(theme.SAFE), "mic", 18, theme.WHITE)
            pygame.draw.circle(surface, window_color(), badge, 15, 2)
        self.draw_captions(surface)

    def draw_ring(self, surface, centre) -> None:
        """The speaking ring: it pulses gently; with less movement it is a still, thicker
        ring."""
        color = ring_color()
        if still(self.app):
            pygame.draw.circle(surface, color, centre, RING, width=9)
            return
        pulse = 0.5 + 0.5 * math.sin(self.t * 6)
        pygame.draw.circle(surface, color, centre, RING + round(pulse * 3), width=5)
        wave = (self.t * 0.8) % 1.0
        faded = mix(window_color(), color, 0.8 * (1 - wave))
        pygame.draw.circle(surface, faded, centre, RING + 6 + round(wave * 16), width=3)
