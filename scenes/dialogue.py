"""Talking with a trusted adult: both faces in a warm room, speech bubbles above them."""

from __future__ import annotations

import math

import pygame

from game import art, layout, theme
from game.content.model import SYSTEM_SPEAKER
from game.ui import still

from .base import portrait
from .stage import STAGE, StageScene

ROOM = STAGE
TALK = pygame.Rect(64, 104, 712, 344)  # a bubble's text: layout.DIALOGUE_LINE


class DialogueScene(StageScene):
    colors = ("PEACH", "SUN")

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        others = [
            m.speaker for m in node.messages if m.speaker not in (SYSTEM_SPEAKER, self.player_id())
        ]
        self.partner = self.scenario.characters.get(others[0]) if others else None

    send_pause = 0.8

    def line_width(self) -> int:
        return layout.DIALOGUE_LINE.width

    def paint_stage(self, layer) -> None:
        art.rounded_rect(layer, ROOM, (255, 246, 230), 28, shadow=True)
        floor = pygame.Rect(ROOM.x, ROOM.bottom - 150, ROOM.w, 150)
        art.rounded_rect(layer, floor, (250, 214, 165), 28)
        pygame.draw.rect(layer, (250, 214, 165), (floor.x, floor.y, floor.w, 40))
        window = pygame.Rect(ROOM.right - 230, ROOM.y + 30, 180, 120)
        art.rounded_rect(layer, window, theme.SKY, 14)
        pygame.draw.line(layer, theme.WHITE, window.midtop, window.midbottom, 6)
        pygame.draw.line(layer, theme.WHITE, window.midleft, window.midright, 6)

    def draw_stage(self, surface) -> None:
        talking = self.typing_now() or (self.lines[-1].speaker if self.lines else "")
        me = self.scenario.characters.get(self.player_id())
        # each name is centred under its face, half a name's box from the room's edge
        inset = layout.NAME.width // 2
        people = ((self.partner, ROOM.x + inset, 170), (me, ROOM.right - inset, 150))
        for character, x, size in people:
            if character is None:
                continue
            talks = character.id == talking and not still(self.app)
            bob = 6 * math.sin(self.t * 5) if talks else 0
            face = portrait(character, size)
            rect = face.get_rect(midbottom=(x, ROOM.bottom - 40 - round(abs(bob))))
            surface.blit(face, rect)
            name = self.app.text.render(
                character.name, layout.NAME.size, theme.INK, bold=layout.NAME.bold
            )
            surface.blit(name, name.get_rect(midtop=(x, ROOM.bottom - 36)))
        self.draw_lines(surface)

    def draw_lines(self, surface) -> None:
        y = TALK.bottom
        if self.typing_now():
            mine = self.typing_now() == self.player_id()
            bubble = pygame.Rect(0, y - 46, 96, 46)
            bubble.x = TALK.right - 96 if mine else TALK.x
            art.rounded_rect(surface, bubble, theme.WHITE, 22, shadow=True)
            self.typing_dots(surface, (bubble.x + 30, bubble.centery + 3))
            y -= 60
        for line in reversed(self.lines):
            speaker, text = line.speaker, line.text
            mine = speaker == self.player_id()
            narration = speaker == SYSTEM_SPEAKER
            fill = theme.MINT if mine else (255, 236, 170) if narration else theme.WHITE
            ink = theme.on(fill)
            box = layout.DIALOGUE_NARRATION if narration else layout.DIALOGUE_LINE
            body = self.app.text.render(
                text, box.size + self.boost, ink, width=box.width, bold=box.bold
            )
            body = self.with_request(line, body)
            rect = body.get_rect(bottomleft=(TALK.x + 20, y - 12)).inflate(40, 26)
            if mine:
                rect.right = TALK.right
            elif narration:
                rect.centerx = TALK.centerx
            if rect.top < TALK.top:
                break
            art.rounded_rect(surface, rect, fill, 24, shadow=not narration)
            surface.blit(body, body.get_rect(center=rect.center))
            y = rect.top - 10
