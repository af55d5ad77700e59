"""A webcam / video-call request: the caller's tile (camera off, ringing rings), the player's
own small tile, and what the caller says arriving as captions."""

from __future__ import annotations

import pygame

from game import art, layout, theme
from game.art import mix
from game.content.model import SYSTEM_SPEAKER
from game.i18n import _
from game.ui import still

from .base import portrait
from .stage import STAGE, StageScene

WINDOW = STAGE
TILE = pygame.Rect(66, 110, 708, 330)
SELF = pygame.Rect(TILE.right - 170, TILE.bottom - 124, 150, 108)
CAPTIONS = pygame.Rect(66, 456, 708, 224)  # a caption's text: layout.CALL_CAPTION


class CallScene(StageScene):
    caption_area = CAPTIONS
    colors = ("GRAPE", (60, 48, 140))
    shapes = "stars"

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        others = [
            m.speaker for m in node.messages if m.speaker not in (SYSTEM_SPEAKER, self.player_id())
        ]
        self.caller = self.scenario.characters.get(others[0]) if others else None

    def enter(self) -> None:
        super().enter()
        self.app.sounds.play("ring")

    send_pause = 0.7

    def line_width(self) -> int:
        return layout.CALL_CAPTION.width

    def paint_stage(self, layer) -> None:
        art.rounded_rect(layer, WINDOW, (38, 34, 82), 28, shadow=True)
        art.rounded_rect(layer, TILE, (74, 64, 150), 22)
        if self.caller is not None:
            self.blit_text(
                layer,
                self.caller.name,
                theme.TEXT_BODY,
                theme.WHITE,
                (TILE.x + 22, TILE.bottom - 50),
                bold=True,
            )
        label_w = self.app.text.measure(_("Camera off"), theme.TEXT_SMALL - 2, bold=True)
        badge = pygame.Rect(TILE.x + 18, TILE.y + 16, label_w + 70, 44)
        art.rounded_rect(layer, badge, theme.CORAL, 22)
        layer.blit(art.icon("camera_off", 30, theme.WHITE), (badge.x + 12, badge.y + 7))
        self.blit_text(
            layer,
            _("Camera off"),
            theme.TEXT_SMALL - 2,
            theme.WHITE,
            (badge.x + 52, badge.centery),
            anchor="midleft",
            bold=True,
        )
        self.blit_text(
            layer,
            self.node.app or _("Video call"),
            theme.TEXT_SMALL - 2,
            (210, 200, 255),
            (TILE.right - 20, TILE.y + 26),
            anchor="topright",
            bold=True,
        )
        art.rounded_rect(layer, SELF, (30, 26, 66), 16)
        me = self.scenario.characters.get(self.player_id())
        face = portrait(me, 64, "kid")
        layer.blit(face, face.get_rect(center=(SELF.centerx, SELF.centery - 8)))
        self.blit_text(
            layer,
            _("You"),
            theme.TEXT_SMALL - 4,
            theme.WHITE,
            (SELF.centerx, SELF.bottom - 26),
            anchor="midtop",
            bold=True,
        )

    def draw_stage(self, surface) -> None:
        center = (TILE.centerx - 60, TILE.centery - 10)
        clip = surface.get_clip()
        surface.set_clip(TILE)
        for k in range(3):
            t = 0.0 if still(self.app) else self.t  # less movement: the rings stand still
            phase = (t * 0.9 + k / 3) % 1.0
            radius = round(88 + phase * 48)  # stays clear of the "Camera off" badge
            pygame.draw.circle(
                surface,
                mix((74, 64, 150), theme.WHITE, 0.35 * (1 - phase)),
                center,
                radius,
                width=4,
            )
        surface.set_clip(clip)
        if self.caller is not None:
            face = portrait(self.caller, 170)
            surface.blit(face, face.get_rect(center=center))
        self.draw_captions(surface)
