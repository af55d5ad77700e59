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
# A message with `request:` shows as a request card: its icon, colour and label.
REQUESTS = {
    "photo": ("photo", theme.BUBBLEGUM, N_("Photo request")),
    "camera": ("camera", theme.GRAPE, N_("Camera request")),
    "location": ("pin", theme.CORAL, N_("Location request")),
    "money": ("coin", theme.PEACH, N_("Money request")),
}


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
        self.app.show("message", speaker=name, text=message.text, request=message.request)

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
        heights = [self._choice_height(c.text) for c in choices]
        gap = 18
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
                    size=layout.CHOICE.size,
                    number=i + 1,
                    align="left",
                    payload={"id": choice.id, "safety": choice.safety},
                    appear=0.12 * i,
                )
            )
            y += h + gap
        self.buttons.set(buttons)
        self.app.show("choices", choices=[(c.text, c.safety) for c in choices])

    def _choice_height(self, text: str) -> int:
        box = layout.CHOICE
        lines = len(self.app.text.lines(text, box.size, box.width, box.bold))
        line_h = self.app.text.font(box.size, box.bold).get_linesize()
        return max(84, 30 + lines * line_h)

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

    def typing_dots(self, surface, pos, color=theme.INK_SOFT) -> None:
        x, y = pos
        for i in range(3):
            lift = 0.0 if still(self.app) else max(0.0, math.sin(self.t * 7 - i * 0.8)) * 7
            pygame.draw.circle(surface, color, (x + i * 18, round(y - lift)), 6)

    def request_label(self, kind: str, size: int, width: int) -> pygame.Surface:
        """The head of a request card: the icon in a coloured disc and the label, made
        smaller if it would be wider than `width`."""
        icon, color, label = REQUESTS[kind]
        size = self.app.text.fit(_(label), size, width - size - 28, True)  # 28: disc margins
        color = theme.current(color)
        words = self.app.text.render(_(label), size, theme.readable(color), bold=True)
        disc = size + 18
        out = pygame.Surface(
            (disc + 10 + words.get_width(), max(disc, words.get_height())), pygame.SRCALPHA
        )
        mid = out.get_height() // 2
        pygame.draw.circle(out, color, (disc // 2, mid), disc // 2)
        glyph = art.icon(icon, round(disc * 0.62), theme.on(color))
        out.blit(glyph, glyph.get_rect(center=(disc // 2, mid)))
        out.blit(words, words.get_rect(midleft=(disc + 10, mid)))
        return out

    def with_request(self, line: Line, body: pygame.Surface) -> pygame.Surface:
        """A line's rendered text (wrapped to the line width), with the request card's head
        above it if it has one."""
        kind = line.request
        if not kind:
            return body
        key = (line, body.get_size())
        out = self._cards.get(key)
        if out is None:  # made once: the call and dialogue scenes ask every frame
            head = self._heads[kind]
            out = pygame.Surface(
                (
                    max(head.get_width(), body.get_width()),
                    head.get_height() + 8 + body.get_height(),
                ),
                pygame.SRCALPHA,
            )
            out.blit(head, (0, 0))
            out.blit(body, (0, head.get_height() + 8))
            self._cards[key] = out
        return out

    def typing_now(self) -> str:
        """The id of whoever is typing right now, or ''."""
        if self.sent is None and self.shown < len(self.messages):
            speaker = self.messages[self.shown].speaker
            return "" if speaker == SYSTEM_SPEAKER else speaker
        return ""
