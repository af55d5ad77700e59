"""A chat scene that looks like a real chat app: a header with the contact, bubbles with
avatars, a typing indicator, messages arriving over time, and the player's replies."""

from __future__ import annotations

import pygame

from game import art, layout, theme
from game.content.model import SYSTEM_SPEAKER
from game.i18n import _, ngettext
from game.story import Line
from game.ui import still

from .base import portrait
from .stage import QR, QR_GAP, REQUESTS, STAGE, StageScene, top_fade

WINDOW = STAGE
HEADER_H = 76
AREA = pygame.Rect(WINDOW.x, WINDOW.y + HEADER_H, WINDOW.w, WINDOW.h - HEADER_H)
NAME_COLORS = ("GRAPE", "CORAL", "MINT", "PEACH")  # deepened on the window until they read
GROUP_FACES = 3  # a group's header shows the faces of up to three of its members


def window_color() -> tuple:
    """The chat window's pale blue (white in the contrast look)."""
    return (234, 240, 255) if theme.LOOK == "normal" else theme.WHITE


def white_bubble(surface, rect: pygame.Rect) -> None:
    """A white message bubble; in the contrast look with a dark edge, on the white window."""
    if theme.LOOK == "contrast":
        art.rounded_rect(surface, rect, theme.INK, 22)
        rect = rect.inflate(-4, -4)
    art.rounded_rect(surface, rect, theme.WHITE, 20 if theme.LOOK == "contrast" else 22)


def name_color(index: int) -> tuple:
    """The colour of a speaker's name above their bubbles, readable on the window."""
    return theme.readable(NAME_COLORS[index % len(NAME_COLORS)], window_color())


class ChatScene(StageScene):
    colors = ("GRAPE", "SKY_DEEP")
    area = AREA  # where the bubbles go
    message_box = layout.CHAT_MESSAGE  # a bubble's text
    note_box = layout.CHAT_NOTE  # a note from nobody, in a pill across the middle
    pictures = True  # a hidden photo's blurred block; a payment's pattern beside its text

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        self._bubbles: dict[Line, pygame.Surface] = {}
        self.fade_band: pygame.Rect | None = None  # where an older message fades out
        self.arrived = 0.0
        others = list(
            dict.fromkeys(
                m.speaker
                for m in node.messages
                if m.speaker not in (SYSTEM_SPEAKER, self.player_id())
            )
        )
        self.contact = self.scenario.characters.get(others[0]) if others else None
        # A group: more than one other person writes. The header then shows the group (the
        # app's name), how many are in it (the node's `members:`, or those who write here and
        # the player) and faces.
        characters = self.scenario.characters
        self.group = [characters[o] for o in others if o in characters] if len(others) > 1 else []
        self.members = max(node.members or 0, len(others) + (1 if self.player_id() else 0))
        # The header: the contact's name (or the group's) over "online" (or how many are in
        # the group), both inside the bar at any text size.
        text = app.text
        self.header_status = (
            ngettext("{count} member", "{count} members", self.members).format(count=self.members)
            if self.group
            else _("online")
        )
        self.online_size = round((theme.TEXT_SMALL - 4) / text.scale)
        self.online_h = text.height(self.header_status, self.online_size)
        self.name_size = theme.TEXT_BODY - 2
        self.header_name = self.header_title()
        if self.header_name:
            self.name_size = text.fit(
                self.header_name,
                self.name_size,
                self.title_width(),
                True,
                height=HEADER_H - self.online_h + 4,  # the name's descent may overlap it
                floor=16,
            )

    def header_title(self) -> str:
        """What the header names: the group (the app's name), or the contact."""
        if self.group:
            return self.node.app or _("Chat")
        return self.contact.name if self.contact is not None else ""

    def title_width(self) -> int:
        """The room for the header's name: a group's name has the bar to itself."""
        if not self.group:
            return 360
        faces = min(len(self.group), GROUP_FACES)
        return WINDOW.w - 22 - (44 + 28 * (faces - 1) + 16) - 24

    send_pause = 0.7

    def on_line(self, line: Line) -> None:
        self.arrived = self.t  # the newest bubble slides up

    def bubble(self, line: Line) -> pygame.Surface:
        surface = self._bubbles.get(line)
        if surface is None:
            surface = self._make_bubble(line)
            self._bubbles[line] = surface
        return surface

    def line_width(self) -> int:
        # a class's larger text gets wider bubbles, as long as they stay clear of the faces
        return min(self.message_box.width + self.boost * 25, self.area.w - 76 - 60)

    def _make_bubble(self, line: Line) -> pygame.Surface:
        speaker, text = line.speaker, line.text
        render = self.app.text.render
        area = self.area
        if speaker == SYSTEM_SPEAKER:
            note = self.note_box
            body = render(
                text,
                note.size + self.boost,
                theme.INK_SOFT,
                bold=note.bold,
                width=min(note.width, self.line_width()) if self.image_of(line) else note.width,
                align="center",
            )
            card = self.with_request(line, body)
            surface = pygame.Surface((area.w, card.get_height() + 24), pygame.SRCALPHA)
            pill = card.get_rect(center=(area.w // 2, surface.get_height() // 2)).inflate(30, 12)
            if card is body:
                art.rounded_rect(surface, pill, (255, 243, 196), 16)
            else:  # a hidden photo somebody posted: a card across the middle
                white_bubble(surface, pill.inflate(6, 12))
            surface.blit(card, card.get_rect(center=pill.center))
            return surface
        mine = speaker == self.player_id()
        color = theme.WHITE if mine else theme.INK
        box = self.message_box
        width = self.line_width() - (QR + QR_GAP if line.request == "payment" else 0)
        body = render(text, box.size + self.boost, color, bold=box.bold, width=width)
        body = self.with_request(line, body)
        request = line.request
        bw, bh = body.get_width() + 36, body.get_height() + 24
        name = None
        if not mine:
            character = self.scenario.characters.get(speaker)
            index = list(self.scenario.characters).index(speaker) if character else 0
            name = render(
                self.scenario.speaker_name(speaker),
                theme.TEXT_SMALL - 2 + self.boost,
                name_color(index),
                bold=True,
            )
        name_h = name.get_height() - 4 if name else 0
        surface = pygame.Surface((area.w, bh + name_h + 10), pygame.SRCALPHA)
        if mine:
            rect = pygame.Rect(area.w - 28 - bw, 4, bw, bh)
            art.rounded_rect(surface, rect, theme.SKY_DEEP, 22)
        else:
            face = portrait(character, 48)
            surface.blit(face, (18, name_h + bh - 44))
            if name is not None:
                surface.blit(name, (84, 0))
            rect = pygame.Rect(76, name_h + 4, bw, bh)
            if request:  # a request card: a coloured frame around the bubble
                frame = theme.current(REQUESTS[request][1])
                art.rounded_rect(surface, rect.inflate(6, 6), frame, 25)
            white_bubble(surface, rect)
        surface.blit(body, (rect.x + 18, rect.y + 12))
        return surface

    def paint_stage(self, layer) -> None:
        art.rounded_rect(layer, WINDOW, window_color(), 28, shadow=True)
        self.draw_chat_header(layer)

    def draw_stage(self, surface) -> None:
        area = self.area
        clip = surface.get_clip()
        surface.set_clip(area.inflate(0, -8))
        y = area.bottom - 12
        typing = self.typing_now()
        if typing:
            self.draw_typing(surface, typing, y)
            y -= 64
        lift = 0.0 if still(self.app) else max(0.0, 1 - (self.t - self.arrived) / 0.2) * 24
        for i, line in enumerate(reversed(self.play.thread)):
            image = self.bubble(line)
            y -= image.get_height()
            surface.blit(image, (area.x, y + (round(lift) if i == 0 else 0)))
            if y < area.y:
                # an older message runs under the header: it fades out there, as in a real
                # app, instead of being cut through its middle
                fade = top_fade(area.w, window_color())
                self.fade_band = fade.get_rect(topleft=(area.x, area.y - 4))
                surface.blit(fade, self.fade_band)
                break
        else:
            self.fade_band = None
        surface.set_clip(clip)

    def draw_header_words(self, surface, x: int) -> None:
        """The header's name (the contact's or the group's) over its status line."""
        ink = theme.on(theme.SKY_DEEP)
        top = WINDOW.y
        self.blit_text(surface, self.header_name, self.name_size, ink, (x, top + 6), bold=True)
        status_y = top + HEADER_H - self.online_h - 2
        self.blit_text(surface, self.header_status, self.online_size, ink, (x, status_y))

    def draw_chat_header(self, surface) -> None:
        bar = pygame.Rect(WINDOW.x, WINDOW.y, WINDOW.w, HEADER_H)
        art.rounded_rect(surface, bar, theme.SKY_DEEP, 28)
        pygame.draw.rect(surface, theme.SKY_DEEP, (bar.x, bar.bottom - 28, bar.w, 28))
        x = bar.x + 22
        if self.group:
            faces = self.group[:GROUP_FACES]
            for i, member in reversed(list(enumerate(faces))):  # the first on top
                face = portrait(member, 44)
                pygame.draw.circle(surface, theme.SKY_DEEP, (x + 28 * i + 22, bar.y + 38), 25)
                surface.blit(face, (x + 28 * i, bar.y + 16))
            self.draw_header_words(surface, x + 44 + 28 * (len(faces) - 1) + 16)
            return
        if self.contact is not None:
            face = portrait(self.contact, 54)
            surface.blit(face, (x, bar.y + 11))
            pygame.draw.circle(surface, theme.GRASS, (x + 48, bar.y + 56), 8)
            self.draw_header_words(surface, x + 70)
        app_name = self.node.app or _("Chat")
        self.blit_text(
            surface,
            app_name,
            layout.APP.size,
            theme.on(theme.SKY_DEEP),
            (bar.right - 24, bar.centery),
            anchor="midright",
            bold=layout.APP.bold,
        )

    def draw_typing(self, surface, speaker: str, bottom: int) -> None:
        character = self.scenario.characters.get(speaker)
        face = portrait(character, 48)
        surface.blit(face, (self.area.x + 18, bottom - 52))
        bubble = pygame.Rect(self.area.x + 76, bottom - 52, 96, 46)
        white_bubble(surface, bubble)
        self.typing_dots(surface, (bubble.x + 30, bubble.centery + 3))
