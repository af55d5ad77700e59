"""What the chat, call and dialogue scenes share: messages that arrive over time, and the
choice panel on the right. Each scene type draws its own stage on the left."""

from __future__ import annotations

import math

import pygame

from game import art, layout, theme
from game.content.model import SYSTEM_SPEAKER
from game.i18n import N_, _
from game.story import Line
from game.ui import Button, still

from .base import NUMBERED, Scene
from .confirm import ask_to_leave

PANEL = pygame.Rect(830, 84, 410, 612)
STAGE = pygame.Rect(40, 84, 760, 612)
CHOICE_COLORS = (theme.SKY_DEEP, theme.GRAPE, theme.BUBBLEGUM)


_FADES: dict[tuple, pygame.Surface] = {}


def top_fade(width: int, color) -> pygame.Surface:
    """`color`, solid at the top and clear 36 pixels down: laid over an older message that
    scrolled under a header, so it fades out instead of being cut through (made once)."""
    key = (tuple(color), width)
    if key not in _FADES:
        fade = pygame.Surface((width, 36), pygame.SRCALPHA)
        for y in range(36):
            alpha = round(255 * (1 - y / 36) ** 1.5)
            pygame.draw.line(fade, (*color[:3], alpha), (0, y), (width - 1, y))
        _FADES[key] = fade
    return _FADES[key]


def choice_column(text, labels: list[str]) -> tuple[int, int, list[int]]:
    """(text size, gap, button heights) of a scene's reply buttons: the usual size and gap
    when they fit the panel under its question; else a tighter gap, then text a point
    smaller at a time (three long Portuguese or Thai replies at a larger text size)."""
    box = layout.CHOICE
    room = PANEL.bottom - 20 - (PANEL.y + 90)
    for size in range(box.size, box.size - 7, -1):
        for gap in (18, 8):
            heights = [_choice_height(text, label, size) for label in labels]
            if sum(heights) + gap * (len(labels) - 1) <= room:
                return size, gap, heights
    return size, gap, heights


def _choice_height(text, label: str, size: int) -> int:
    box = layout.CHOICE
    lines = len(text.lines(label, size, box.width, box.bold))
    line_h = text.font(size, box.bold).get_linesize()
    return max(84 if size == box.size else 72, 30 + lines * line_h)


# A message with `request:` shows as a request card: its icon, colour and label.
REQUESTS = {
    "photo": ("photo", theme.BUBBLEGUM, N_("Photo request")),
    "camera": ("camera", theme.GRAPE, N_("Camera request")),
    "location": ("pin", theme.CORAL, N_("Location request")),
    "money": ("coin", theme.PEACH, N_("Money request")),
    "payment": ("qr", theme.BACK_TEAL, N_("Payment request")),
}
# A message with `image:` shows as a card that hides the picture: its icon, colour and label.
# The chat and the profile draw a soft blurred block under the label; the game never shows a
# picture in a message.
IMAGES = {
    "forwarded": ("eye_off", theme.NEUTRAL, N_("Forwarded photo, hidden")),
}
PHOTO_W, PHOTO_H = 300, 112  # the blurred block of a hidden photo, at most (chat, profile)
QR = 84  # the side of a payment card's pattern, beside its text (chat, profile)
QR_GAP = 14
# The pattern of a payment card: a fixed drawing of squares, not a code anything can scan.
QR_ROWS = (
    "1111101011111",
    "1000100110001",
    "1010110110101",
    "1000101010001",
    "1111101011111",
    "0000001101000",
    "1101101001101",
    "0110010110110",
    "1111100101100",
    "1000101101011",
    "1010100010110",
    "1000101101001",
    "1111100110111",
)


def card_label(
    app, icon: str, color, label: str, size: int, width: int, lines: int = 1
) -> pygame.Surface:
    """The head of a card: the icon in a coloured disc and the label (translated), made
    smaller if it would be wider than `width`; with `lines` 2, a label that would be drawn
    more than 4 points smaller wraps to a second line instead."""
    words = _(label)
    room = width - size - 28  # 28: the disc's margins
    one = app.text.fit(words, size, room, True)
    wrap = None
    if lines > 1 and one < size - 4:
        one, wrap = app.text.fit(words, size, room, True, lines=lines), room
    color = theme.current(color)
    text = app.text.render(words, one, theme.readable(color), bold=True, width=wrap)
    disc = one + 18
    out = pygame.Surface(
        (disc + 10 + text.get_width(), max(disc, text.get_height())), pygame.SRCALPHA
    )
    mid = out.get_height() // 2
    icon_disc(out, (disc // 2, mid), disc // 2, color, icon, round(disc * 0.62))
    out.blit(text, text.get_rect(midleft=(disc + 10, mid)))
    return out


def icon_disc(surface, centre, radius: int, color, icon: str, size: int, ink=None) -> None:
    """A filled disc with an icon at its centre (a card's head, a gift, a scene's badge)."""
    pygame.draw.circle(surface, color, centre, radius)
    glyph = art.icon(icon, size, ink if ink is not None else theme.on(color))
    surface.blit(glyph, glyph.get_rect(center=centre))


def stacked(rows: list[pygame.Surface], gap: int) -> pygame.Surface:
    """The pictures one under the other, left-aligned, `gap` pixels apart."""
    out = pygame.Surface(
        (
            max(r.get_width() for r in rows),
            sum(r.get_height() for r in rows) + gap * (len(rows) - 1),
        ),
        pygame.SRCALPHA,
    )
    y = 0
    for row in rows:
        out.blit(row, (0, y))
        y += row.get_height() + gap
    return out


def side_by_side(left: pygame.Surface, right: pygame.Surface, gap: int = 12) -> pygame.Surface:
    """`left`, then `right` beside it, both at the top."""
    out = pygame.Surface(
        (left.get_width() + gap + right.get_width(), max(left.get_height(), right.get_height())),
        pygame.SRCALPHA,
    )
    out.blit(left, (0, 0))
    out.blit(right, (left.get_width() + gap, 0))
    return out


def qr_pattern(side: int) -> pygame.Surface:
    """A payment card's pattern: dark squares on a white tile with a thin edge, drawn from
    QR_ROWS (decoration only: it encodes nothing)."""
    cells = len(QR_ROWS)
    out = pygame.Surface((side, side), pygame.SRCALPHA)
    art.rounded_rect(out, out.get_rect(), theme.INK, 8)
    tile = out.get_rect().inflate(-4, -4)
    art.rounded_rect(out, tile, theme.WHITE, 6)
    cell = (side - 12) / cells
    left = (side - cell * cells) / 2
    for row, bits in enumerate(QR_ROWS):
        for col, bit in enumerate(bits):
            if bit == "1":
                x0, y0 = round(left + col * cell), round(left + row * cell)
                x1, y1 = round(left + (col + 1) * cell), round(left + (row + 1) * cell)
                pygame.draw.rect(out, theme.INK, (x0, y0, x1 - x0, y1 - y0))
    return out


def hidden_photo(width: int, height: int) -> pygame.Surface:
    """The block that stands for a hidden photo: soft blurred blobs of plain colours (drawn
    small and scaled up, so nothing in it has an edge), rounded, with the eye that says it
    is not shown in a pale disc. Never a picture of anybody, never a file."""
    small = pygame.Surface((max(1, width // 3), max(1, height // 3)))
    w, h = small.get_size()
    for y in range(h):  # a soft diagonal wash
        pygame.draw.line(
            small,
            art.mix(theme.current(theme.SKY), theme.current(theme.PEACH), y / max(1, h - 1)),
            (0, y),
            (w, y),
        )
    for (fx, fy, fr), color in zip(
        ((0.2, 0.35, 0.3), (0.55, 0.7, 0.35), (0.85, 0.3, 0.28), (0.45, 0.2, 0.2)),
        (theme.MINT, theme.BUBBLEGUM, theme.SUN, theme.GRAPE),
        strict=True,
    ):
        blob = art.lighter(theme.current(color), 0.35)
        pygame.draw.circle(small, blob, (round(fx * w), round(fy * h)), max(1, round(fr * h)))
    soft = small
    for scale in (6, 12, 24, 12, 6, 3):  # down to a few pixels and back up: a soft blur
        soft = pygame.transform.smoothscale(soft, (max(1, width // scale), max(1, height // scale)))
    soft = pygame.transform.smoothscale(soft, (width, height))
    block = pygame.Surface((width, height), pygame.SRCALPHA)
    block.blit(soft, (0, 0))
    soft = block
    mask = pygame.Surface((width, height), pygame.SRCALPHA)
    art.rounded_rect(mask, mask.get_rect(), (255, 255, 255), 16)
    soft.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    if theme.LOOK == "contrast":
        out = pygame.Surface((width, height), pygame.SRCALPHA)
        art.rounded_rect(out, out.get_rect(), theme.INK, 16)
        out.blit(pygame.transform.smoothscale(soft, (width - 6, height - 6)), (3, 3))
        soft = out
    radius = min(width, height) // 3
    centre = (width // 2, height // 2)
    disc = pygame.Surface((radius * 2, radius * 2), pygame.SRCALPHA)
    pygame.draw.circle(disc, (*theme.WHITE, 215), (radius, radius), radius)
    soft.blit(disc, disc.get_rect(center=centre))
    glyph = art.icon("eye_off", round(radius * 1.2), theme.INK_SOFT)
    soft.blit(glyph, glyph.get_rect(center=centre))
    return soft


def typing_time(text: str) -> float:
    """How long someone 'types' before a message appears: short, so nobody waits long."""
    return min(1.6, 0.55 + len(text) / 55)


class StageScene(Scene):
    """A node of the story: reveal the messages one by one, then offer the choices."""

    def __init__(self, app, play, node):
        super().__init__(app)
        self.play = play
        self.node = node
        self.scenario = play.scenario
        self.messages = list(node.messages)
        self.shown = 0
        self.wait = self._delay(0)
        self.offered = False
        self.sent = None
        self.sent_wait = 0.0
        self.lines: list[Line] = []  # the lines shown on this stage, oldest first
        self._cards: dict[tuple, pygame.Surface] = {}  # request cards drawn for these lines
        # The mode says who paces the messages and how big the text is (a projector).
        self.mode = app.mode
        self.boost = self.mode.text_boost
        # Laid out once: the panel's heading in each state (large text: smaller, to stay on
        # one line) and the heads of the request cards this story has.
        self.headings = {
            state: (title, app.text.fit(title, theme.TEXT_BODY + 2, PANEL.w - 48, True, floor=18))
            for state, title in (
                ("offered", _("What will you do?")),
                ("sent", "..."),
                ("reading", _("Read the messages...")),
            )
        }
        width = self.line_width()
        self._heads = {
            kind: self.request_label(kind, theme.TEXT_SMALL + self.boost, width)
            for kind in play.request_kinds
        }
        # The heads of the hidden-photo cards this story has (a line carries its kind).
        self._image_heads = {
            kind: card_label(app, *IMAGES[kind], theme.TEXT_SMALL + self.boost, width, lines=2)
            for kind in sorted(
                {m.image for n in self.scenario.nodes.values() for m in n.messages if m.image}
            )
        }

    def line_width(self) -> int:
        """The width the lines on the stage wrap to (a request card's head is no wider)."""
        raise NotImplementedError

    def _delay(self, index: int) -> float:
        if index >= len(self.messages):
            return 0.0
        message = self.messages[index]
        if message.speaker == SYSTEM_SPEAKER:
            return 0.45
        return typing_time(message.text) if index or self.play.thread else 0.7

    def player_id(self) -> str:
        return self.scenario.player

    def enter(self) -> None:
        self.app.show("scene", scene=self.node.scene, app=self.node.app)

    # time ------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        super().update(dt)
        if self.sent is not None:
            self.sent_wait -= dt
            if self.sent_wait <= 0:
                choice, self.sent = self.sent, None
                self.play.choose(choice)
            return
        if self.mode.paced:  # the first message at once, the others on the educator's key
            if not self.shown and self.messages:
                self.reveal()
            return
        if self.shown < len(self.messages):
            self.wait -= dt
            if self.wait <= 0:
                self.reveal()
        elif not self.offered:
            self.offer()

    def reveal(self) -> None:
        message = self.messages[self.shown]
        self.shown += 1
        self.wait = self._delay(self.shown)
        line = self.play.heard(message)
        self.lines.append(line)
        self.on_line(line)
        self.app.sounds.play("pop")
        name = (
            "" if message.speaker == SYSTEM_SPEAKER else self.scenario.speaker_name(message.speaker)
        )
        self.app.show(
            "message",
            speaker=name,
            text=message.text,
            request=message.request,
            image=message.image,
            gift=message.gift,
        )

    send_pause = 0.5  # seconds the player's pick stays on screen before the feedback

    def on_line(self, line: Line) -> None:
        """A line has appeared on the stage: a message, or what the player did."""

    def skip(self) -> None:
        if self.mode.paced and self.shown < len(self.messages):
            self.reveal()
            return
        while self.shown < len(self.messages):
            self.reveal()
        if not self.offered:
            self.offer()

    def offer(self) -> None:
        self.offered = True
        asking = self.mode.decision_scene(self.app, self.play, self.node)
        if asking is not None:  # another scene asks (a class vote)
            self.app.replace(asking)
            return
        choices = self.play.choices()
        size, gap, heights = choice_column(self.app.text, [c.text for c in choices])
        y = PANEL.y + 90
        spare = PANEL.bottom - 20 - (y + sum(heights) + gap * (len(heights) - 1))
        y += max(0, spare // 2)
        buttons = []
        for i, (choice, h) in enumerate(zip(choices, heights, strict=True)):
            rect = pygame.Rect(PANEL.x + 16, y, layout.CHOICE.width + NUMBERED, h)
            buttons.append(
                Button(
                    rect,
                    choice.text,
                    choice,
                    CHOICE_COLORS[i % 3],
                    size=size,
                    number=i + 1,
                    align="left",
                    payload={"id": choice.id, "safety": choice.safety},
                    appear=0.12 * i,
                )
            )
            y += h + gap
        self.buttons.set(buttons)
        self.app.show("choices", choices=[(c.text, c.safety) for c in choices])

    def pressed(self, button) -> None:
        if self.sent is not None:
            return
        choice = button.action
        self.app.show("chosen", text=choice.text, safety=choice.safety)
        self.buttons.enabled = False
        self.sent = choice
        line = self.play.sent(choice)
        self.lines.append(line)
        self.on_line(line)
        self.sent_wait = self.send_pause
        speaker = line.speaker
        name = "" if speaker == SYSTEM_SPEAKER else self.scenario.speaker_name(speaker)
        self.app.show("message", speaker=name, text=line.text)
        self.app.sounds.play("send")

    def handle_event(self, event) -> None:
        if event.type == pygame.KEYDOWN and self.mode.story_key(self.app, self.scenario, event.key):
            return
        super().handle_event(event)

    def escape(self) -> None:
        ask_to_leave(self.app, self.play)

    def auto_options(self):
        if self.sent is not None or not self.offered:
            return None
        return super().auto_options()

    # drawing ---------------------------------------------------------------------------
    def draw_content(self, surface) -> None:
        self.draw_header(surface)
        self.draw_stage(surface)
        self.draw_panel(surface)

    def draw_header(self, surface) -> None:
        chip = self.app.text.render(
            self.scenario.title, theme.TEXT_SMALL + 2, theme.WHITE, bold=True
        )
        rect = chip.get_rect(topleft=(40, 24)).inflate(32, 14)
        art.rounded_rect(surface, rect, theme.SHADOW, 20)
        surface.blit(chip, chip.get_rect(center=rect.center))

    def static_panels(self) -> list:
        return [STAGE, PANEL]

    def paint_static(self, layer) -> None:
        art.rounded_rect(layer, PANEL, theme.CLOUD, 28, shadow=True)
        self.paint_stage(layer)

    def paint_stage(self, layer) -> None:
        """Paint the unchanging parts of the stage (the app window, the room) once."""

    def draw_panel(self, surface) -> None:
        state = "offered" if self.offered else "sent" if self.sent is not None else "reading"
        title, size = self.headings[state]
        self.blit_text(surface, title, size, theme.INK, (PANEL.x + 24, PANEL.y + 26), bold=True)
        if self.mode.paced:
            more = self.shown < len(self.messages)
            hint = _("Space: next message") if more else _("Space: the class votes")
            self.blit_text(
                surface,
                hint,
                theme.TEXT_BODY,
                theme.INK,
                (PANEL.centerx, PANEL.centery),
                anchor="center",
                bold=True,
                width=PANEL.w - 48,
                align="center",
            )
            self.blit_text(
                surface,
                _("N: presenter notes"),
                theme.TEXT_SMALL,
                theme.INK_SOFT,
                (PANEL.centerx, PANEL.bottom - 40),
                anchor="midtop",
                bold=True,
            )
        elif not self.offered:
            hint = _("Press Space or click to skip")
            self.blit_text(
                surface,
                hint,
                theme.TEXT_SMALL - 2,
                theme.INK_SOFT,
                (PANEL.centerx, PANEL.bottom - 40),
                anchor="midtop",
            )

    def draw_stage(self, surface) -> None:
        raise NotImplementedError

    # Captions under faces (a call, a voice chat): the scene says where and in which boxes.
    caption_area = pygame.Rect(0, 0, 0, 0)
    caption_box = layout.CALL_CAPTION  # a person's line, after their name
    caption_note = layout.CALL_NOTE  # a note from nobody

    def speaker_label(self, speaker: str) -> str:
        """A speaker's name in a caption: "You" for the player."""
        return _("You") if speaker == self.player_id() else self.scenario.speaker_name(speaker)

    def draw_captions(self, surface) -> None:
        """The lines so far as captions, newest at the bottom of the caption area, above a
        typing bubble while someone is typing; the oldest go when the area is full."""
        area = self.caption_area
        y = area.bottom
        if self.typing_now():
            bubble = pygame.Rect(area.x, y - 46, 96, 46)
            art.rounded_rect(surface, bubble, theme.WHITE, 22)
            self.typing_dots(surface, (bubble.x + 30, bubble.centery + 3))
            y -= 58
        for line in reversed(self.lines):
            speaker, text = line.speaker, line.text
            mine = speaker == self.player_id()
            note = speaker == SYSTEM_SPEAKER
            color = theme.SKY_DEEP if mine else (255, 236, 170) if note else theme.WHITE
            box = self.caption_note if note else self.caption_box
            body = self.app.text.render(
                text if note else f"{self.speaker_label(speaker)}: {text}",
                box.size + self.boost,
                theme.on(color),
                bold=box.bold,
                width=box.width,
            )
            body = self.with_request(line, body)
            rect = body.get_rect(bottomleft=(area.x + 18, y - 12)).inflate(36, 24)
            if mine:
                rect.right = area.right
            if rect.top < area.top:
                break
            art.rounded_rect(surface, rect, color, 20)
            surface.blit(body, body.get_rect(center=rect.center))
            y = rect.top - 8

    def typing_dots(self, surface, pos, color=theme.INK_SOFT) -> None:
        x, y = pos
        for i in range(3):
            lift = 0.0 if still(self.app) else max(0.0, math.sin(self.t * 7 - i * 0.8)) * 7
            pygame.draw.circle(surface, color, (x + i * 18, round(y - lift)), 6)

    def request_label(self, kind: str, size: int, width: int) -> pygame.Surface:
        """The head of a request card: the icon in a coloured disc and the label, made
        smaller if it would be wider than `width`."""
        return card_label(self.app, *REQUESTS[kind], size, width)

    # A chat or a profile draws a hidden photo's blurred block, and a payment card's pattern
    # beside its text (the bubble's text is then that much narrower); a call's captions and
    # a talk's bubbles show the heads only, with a payment's pattern beside its head.
    pictures = False

    def image_of(self, line: Line) -> str:
        """The kind of hidden photo a line shows ('forwarded'), or ''."""
        return line.image

    def with_request(self, line: Line, body: pygame.Surface) -> pygame.Surface:
        """A line's rendered text (wrapped to the line width), with the card it is part of
        if it has one: a request card's head, a hidden photo's head (and its blurred block),
        a payment's pattern."""
        kind, image = line.request, self.image_of(line)
        if not kind and not image:
            return body
        key = (line, body.get_size())
        out = self._cards.get(key)
        if out is None:  # made once: the call and dialogue scenes ask every frame
            rows = []
            if kind:
                head = self._heads[kind]
                if kind == "payment" and not self.pictures:
                    head = side_by_side(head, qr_pattern(max(48, head.get_height())))
                rows.append(head)
            if image:
                rows.append(self._image_heads[image])
                if self.pictures:
                    rows.append(hidden_photo(min(PHOTO_W, self.line_width()), PHOTO_H))
            if kind == "payment" and self.pictures:
                body = side_by_side(body, qr_pattern(QR), QR_GAP)
            rows.append(body)
            out = stacked(rows, 8)
            self._cards[key] = out
        return out

    def typing_now(self) -> str:
        """The id of whoever is typing right now, or ''."""
        if self.sent is None and self.shown < len(self.messages):
            speaker = self.messages[self.shown].speaker
            return "" if speaker == SYSTEM_SPEAKER else speaker
        return ""
