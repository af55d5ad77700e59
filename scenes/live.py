"""A livestream seen by the streamer (the player is the one who is live): the video with the
player's face, the LIVE badge and how many are watching, and beside it the viewers' comments
arriving in a column; a gift a viewer sends shows as a card with its icon."""

from __future__ import annotations

import math

import pygame

from game import art, layout, theme
from game.content.model import SYSTEM_SPEAKER
from game.i18n import N_, _, ngettext
from game.story import Line
from game.ui import still

from .base import portrait
from .stage import REQUESTS, STAGE, StageScene, icon_disc, top_fade

WINDOW = STAGE
VIDEO = pygame.Rect(56, 100, 360, 580)
COLUMN = pygame.Rect(430, 100, 354, 580)
HEAD_H = 54  # the column's title row
COMMENTS = pygame.Rect(COLUMN.x, COLUMN.y + HEAD_H, COLUMN.w, COLUMN.h - HEAD_H)
CARD_X = 10  # a comment card's margin in the column, and its padding
PAD = 16
NAME_COLORS = ("GRAPE", "CORAL", "MINT", "PEACH")
# A gift a viewer sends: its icon, the colour of its disc and its name.
GIFTS = {
    "rose": ("rose", theme.BUBBLEGUM, N_("Rose")),
    "star": ("star", theme.SUN, N_("Star")),
    "diamond": ("diamond", theme.SKY_DEEP, N_("Diamond")),
}
SPARKLE = 14  # the size of the small stars that twinkle round a gift's icon


def window_color() -> tuple:
    """The dark frame of the streaming app (darker still in the contrast look)."""
    return (38, 34, 82) if theme.LOOK == "normal" else (12, 10, 30)


def column_color() -> tuple:
    return (240, 243, 255) if theme.LOOK == "normal" else theme.WHITE


class LiveScene(StageScene):
    colors = ("BUBBLEGUM", "GRAPE")
    shapes = "stars"

    def __init__(self, app, play, node):
        super().__init__(app, play, node)
        self._cards_made: dict[int, pygame.Surface] = {}
        self._gift_mid: dict[int, int] = {}  # how far down a gift card its icon is
        self.fade_band: pygame.Rect | None = None  # where an older comment fades out
        self.arrived = 0.0
        self.viewers = node.viewers
        # The badges on the video, laid out once: "LIVE" and how many are watching, side by
        # side, or one under the other when both do not fit on the video's width.
        self.live_size = app.text.fit(_("LIVE"), theme.TEXT_SMALL, 150, True, floor=16)
        self.count_text = (
            ngettext("{count} viewer", "{count} viewers", node.viewers).format(count=node.viewers)
            if node.viewers is not None
            else ""
        )
        self.count_size = theme.TEXT_SMALL - 2
        self.app_name = node.app or _("Livestream")
        self.app_name_size = app.text.fit(
            self.app_name, theme.TEXT_SMALL - 2, VIDEO.w - 60, True, floor=14
        )
        self.title = _("Live chat")
        self.title_size = app.text.fit(self.title, theme.TEXT_BODY - 4, COLUMN.w - 80, True)

    send_pause = 0.7

    def enter(self) -> None:
        self.app.show("scene", scene="live", app=self.node.app, viewers=self.viewers)

    def line_width(self) -> int:
        return layout.LIVE_COMMENT.width

    # the gifts -------------------------------------------------------------------------
    def gift_head(self, kind: str, name: str) -> pygame.Surface:
        """The head of a gift card: the gift's icon in a coloured disc, "Name sent you a
        gift" and the gift's name under it."""
        icon, color, label = GIFTS[kind]
        color = theme.current(color)
        size = theme.TEXT_SMALL - 2 + self.boost
        disc = 56
        room = self.line_width() - disc - 12
        words = _("{name} sent you a gift").format(name=name)
        lines = self.app.text.render(words, size, theme.readable(color), bold=True, width=room)
        what = self.app.text.render(_(label), size, theme.INK_SOFT, bold=False)
        height = max(disc + 8, lines.get_height() + what.get_height() + 2)
        out = pygame.Surface((self.line_width(), height), pygame.SRCALPHA)
        mid = height // 2
        icon_disc(out, (disc // 2 + 2, mid), disc // 2, color, icon, round(disc * 0.62))
        top = (height - lines.get_height() - what.get_height() - 2) // 2
        out.blit(lines, (disc + 12, top))
        out.blit(what, (disc + 12, top + lines.get_height() + 2))
        return out

    # the comments ----------------------------------------------------------------------
    def card(self, index: int) -> pygame.Surface:
        surface = self._cards_made.get(index)
        if surface is None:
            surface, mid = self._make_card(self.lines[index], self.lines[index].gift)
            self._cards_made[index] = surface
            self._gift_mid[index] = mid
        return surface

    def _make_card(self, line: Line, gift: str) -> tuple[pygame.Surface, int]:
        """A line's card in the column, and how far down the card's text its gift's icon is
        (0 without a gift)."""
        speaker, text = line.speaker, line.text
        render = self.app.text.render
        width = COMMENTS.w - 2 * CARD_X
        if speaker == SYSTEM_SPEAKER:
            note = layout.LIVE_NOTE
            body = render(
                text,
                note.size + self.boost,
                theme.INK_SOFT,
                bold=note.bold,
                width=note.width,
                align="center",
            )
            body = self.with_request(line, body)
            surface = pygame.Surface((width, body.get_height() + 28), pygame.SRCALPHA)
            pill = pygame.Rect(0, 4, width, body.get_height() + 20)
            art.rounded_rect(surface, pill, (255, 243, 196), 16)
            surface.blit(body, body.get_rect(center=pill.center))
            return surface, 0
        mine = speaker == self.player_id()
        box = layout.LIVE_COMMENT
        fill = theme.current(theme.SKY_DEEP) if mine else theme.WHITE
        ink = theme.on(fill)
        rows = []
        name = _("You") if mine else self.scenario.speaker_name(speaker)
        if gift:
            rows.append(self.gift_head(gift, name))
        else:
            characters = list(self.scenario.characters)
            index = characters.index(speaker) if speaker in characters else 0
            color = ink if mine else theme.readable(NAME_COLORS[index % len(NAME_COLORS)], fill)
            rows.append(render(name, theme.TEXT_SMALL - 4 + self.boost, color, bold=True))
        body = render(text, box.size + self.boost, ink, bold=box.bold, width=box.width)
        rows.append(self.with_request(line, body))
        inner = pygame.Surface(
            (max(r.get_width() for r in rows), sum(r.get_height() for r in rows) + 6),
            pygame.SRCALPHA,
        )
        y = 0
        for row in rows:
            inner.blit(row, (0, y))
            y += row.get_height() + 6
        surface = pygame.Surface((width, inner.get_height() + 2 * 12 + 8), pygame.SRCALPHA)
        rect = pygame.Rect(0, 4, width, inner.get_height() + 24)
        frame = GIFTS[gift][1] if gift else REQUESTS[line.request][1] if line.request else None
        if frame is not None:  # a gift or a request: a coloured frame around the card
            art.rounded_rect(surface, rect, theme.current(frame), 20)
            rect = rect.inflate(-6, -6)
        elif theme.LOOK == "contrast" and not mine:
            art.rounded_rect(surface, rect, theme.INK, 20)
            rect = rect.inflate(-4, -4)
        art.rounded_rect(surface, rect, fill, 18)
        surface.blit(inner, (PAD, 4 + 12))
        return surface, rows[0].get_height() // 2 if gift else 0

    # drawing ---------------------------------------------------------------------------
    def static_panels(self) -> list:
        return [WINDOW, *super().static_panels()]

    def paint_stage(self, layer) -> None:
        art.rounded_rect(layer, WINDOW, window_color(), 28, shadow=True)
        self.paint_video(layer)
        art.rounded_rect(layer, COLUMN, column_color(), 22)
        if theme.LOOK == "contrast":
            pygame.draw.rect(layer, theme.INK, COLUMN, 3, border_radius=22)
        disc = pygame.Rect(COLUMN.x + 16, COLUMN.y + 12, 32, 32)
        icon_disc(layer, disc.center, 16, theme.current(theme.BUBBLEGUM), "heart", 20, theme.WHITE)
        self.blit_text(
            layer,
            self.title,
            self.title_size,
            theme.INK,
            (disc.right + 12, disc.centery),
            anchor="midleft",
            bold=True,
        )
        pygame.draw.line(
            layer,
            theme.current(theme.INK_SOFT) if theme.LOOK == "contrast" else (214, 220, 240),
            (COLUMN.x + 14, COMMENTS.y - 2),
            (COLUMN.right - 14, COMMENTS.y - 2),
            2,
        )

    def paint_video(self, layer) -> None:
        """The player's room on camera: a bright wall, a window, the player's face, and the
        badges over it."""
        video = pygame.Surface(VIDEO.size, pygame.SRCALPHA)
        wall_top, wall_low = (
            ((255, 214, 230), (255, 236, 200))
            if theme.LOOK == "normal"
            else ((235, 240, 255), (235, 240, 255))
        )
        for y in range(VIDEO.h):
            pygame.draw.line(video, art.mix(wall_top, wall_low, y / VIDEO.h), (0, y), (VIDEO.w, y))
        floor = pygame.Rect(0, VIDEO.h - 120, VIDEO.w, 120)
        pygame.draw.rect(
            video, (196, 160, 236) if theme.LOOK == "normal" else (200, 200, 220), floor
        )
        window = pygame.Rect(VIDEO.w - 124, 118, 90, 96)
        art.rounded_rect(video, window, theme.WHITE, 12)
        art.rounded_rect(video, window.inflate(-12, -12), (150, 210, 255), 8)
        pygame.draw.line(video, theme.WHITE, window.midtop, window.midbottom, 5)
        pygame.draw.line(video, theme.WHITE, window.midleft, window.midright, 5)
        for k, color in enumerate((theme.SUN, theme.MINT, theme.PEACH)):
            pygame.draw.circle(video, theme.current(color), (46 + k * 30, 190), 11)
        halo = (VIDEO.w // 2, VIDEO.h // 2 + 56)
        pygame.draw.circle(video, art.mix(wall_top, theme.WHITE, 0.6), halo, 112)
        me = self.scenario.characters.get(self.player_id())
        face = portrait(me, 190, "kid")
        video.blit(face, face.get_rect(center=halo))
        mask = pygame.Surface(VIDEO.size, pygame.SRCALPHA)
        art.rounded_rect(mask, mask.get_rect(), (255, 255, 255), 22)
        video.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        layer.blit(video, VIDEO.topleft)
        if theme.LOOK == "contrast":
            pygame.draw.rect(layer, theme.INK, VIDEO, 3, border_radius=22)
        self.paint_badges(layer)
        label = self.app.text.render(self.app_name, self.app_name_size, theme.WHITE, bold=True)
        pill = label.get_rect(midbottom=(VIDEO.centerx, VIDEO.bottom - 18)).inflate(28, 12)
        art.rounded_rect(layer, pill, theme.SHADOW, pill.h // 2)
        layer.blit(label, label.get_rect(center=pill.center))

    def paint_badges(self, layer) -> None:
        live = self.app.text.render(_("LIVE"), self.live_size, theme.WHITE, bold=True)
        badge = live.get_rect(topleft=(VIDEO.x + 16, VIDEO.y + 16)).inflate(44, 12)
        badge.topleft = (VIDEO.x + 16, VIDEO.y + 16)
        coral = theme.current(theme.CORAL)
        art.rounded_rect(layer, badge, coral, badge.h // 2)
        pygame.draw.circle(layer, theme.WHITE, (badge.x + 16, badge.centery), 5)
        layer.blit(live, live.get_rect(midleft=(badge.x + 30, badge.centery)))
        if not self.count_text:
            return
        count = self.app.text.render(self.count_text, self.count_size, theme.WHITE, bold=True)
        pill = pygame.Rect(0, 0, count.get_width() + 58, max(badge.h, count.get_height() + 10))
        pill.midleft = (badge.right + 10, badge.centery)
        if pill.right > VIDEO.right - 16:  # not beside the badge: under it
            pill.topleft = (badge.x, badge.bottom + 8)
        art.rounded_rect(layer, pill, theme.SHADOW, pill.h // 2)
        eye = art.icon("eye", 24, theme.WHITE)
        layer.blit(eye, eye.get_rect(midleft=(pill.x + 14, pill.centery)))
        layer.blit(count, count.get_rect(midleft=(pill.x + 46, pill.centery)))

    def draw_stage(self, surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(COMMENTS.inflate(0, -6))
        y = COMMENTS.bottom - 8
        x = COMMENTS.x + CARD_X
        if self.typing_now():
            bubble = pygame.Rect(x, y - 46, 96, 42)
            if theme.LOOK == "contrast":
                art.rounded_rect(surface, bubble, theme.INK, 21)
                art.rounded_rect(surface, bubble.inflate(-4, -4), theme.WHITE, 19)
            else:
                art.rounded_rect(surface, bubble, theme.WHITE, 21)
            self.typing_dots(surface, (bubble.x + 30, bubble.centery + 3))
            y -= 54
        calm = still(self.app)
        lift = 0.0 if calm else max(0.0, 1 - (self.t - self.arrived) / 0.2) * 24
        for index in range(len(self.lines) - 1, -1, -1):
            card = self.card(index)
            y -= card.get_height()
            top = y + (round(lift) if index == len(self.lines) - 1 else 0)
            surface.blit(card, (x, top))
            if self.lines[index].gift:
                mid = self._gift_mid[index]
                self.draw_sparkles(surface, (x + PAD + 30, top + 4 + 12 + mid), index)
            if y < COMMENTS.y:  # an older comment fades out under the column's head
                fade = top_fade(COMMENTS.w, column_color())
                self.fade_band = fade.get_rect(topleft=(COMMENTS.x, COMMENTS.y - 3))
                surface.blit(fade, self.fade_band)
                break
        else:
            self.fade_band = None
        surface.set_clip(clip)

    def draw_sparkles(self, surface, centre, index: int) -> None:
        """Three small stars that twinkle round a gift's icon (still, with less movement)."""
        color = theme.current(GIFTS[self.lines[index].gift][1])
        for k in range(3):
            angle = math.radians(-60 + k * 110)
            glow = 1.0 if still(self.app) else 0.55 + 0.45 * math.sin(self.t * 4 + k * 2.1)
            size = max(6, round(SPARKLE * (0.7 + 0.3 * glow)))
            star = art.icon("star", size, color)
            at = (centre[0] + math.cos(angle) * 36, centre[1] + math.sin(angle) * 32)
            surface.blit(star, star.get_rect(center=(round(at[0]), round(at[1]))))
