"""Buttons and keyboard focus: mouse, touch (as SDL's mouse events) and keyboard-only play.

A ButtonGroup owns the buttons of one scene: Tab / Shift+Tab / arrow keys move the focus,
Enter or Space activates, number keys 1-9 pick a numbered button, the mouse hovers and clicks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from . import art, theme

SLIDE = 0.25  # seconds a button takes to slide in


def still(app) -> bool:
    """True when the player asked for less movement (the accessibility settings)."""
    session = getattr(app, "session", None)
    return bool(session is not None and session.access.reduced_motion)


def lighter(color, amount: float = 0.18):
    return tuple(min(255, round(c + (255 - c) * amount)) for c in color[:3])


def darker(color, amount: float = 0.2):
    return tuple(round(c * (1 - amount)) for c in color[:3])


def hover_color(color) -> tuple:
    """A fill under the pointer: a little lighter, unless that would cost its text contrast."""
    lit = lighter(color, 0.12)
    return lit if theme.on(lit) == theme.on(color) and _reads(lit) else color


def _reads(fill) -> bool:
    return theme.contrast(theme.on(fill), fill) >= 4.5


def outline(surface: pygame.Surface, rect: pygame.Rect, fill, edge, radius: int) -> None:
    """A rounded fill with an outline of `theme.EDGE` pixels in `edge` round it."""
    art.rounded_rect(surface, rect, edge, radius)
    width = theme.EDGE
    art.rounded_rect(surface, rect.inflate(-2 * width, -2 * width), fill, max(0, radius - width))


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, radius: int) -> None:
    """The keyboard focus round `rect`: a yellow ring inside a dark one, so one of the two
    stands out on any backdrop."""
    outer = rect.inflate(18, 18)
    pygame.draw.rect(surface, theme.FOCUS_EDGE, outer, width=3, border_radius=radius + 9)
    ring = rect.inflate(12, 12)
    pygame.draw.rect(surface, theme.FOCUS, ring, width=5, border_radius=radius + 6)


@dataclass(eq=False)
class Button:
    rect: pygame.Rect
    label: str
    action: object = None
    color: tuple = theme.NORMAL["SKY_DEEP"]  # a palette colour: drawn in the current look
    text_color: tuple | None = None  # None: white on a deep fill, dark ink on a light one
    size: int = theme.TEXT_BODY
    icon: str = ""
    number: int = 0
    align: str = "center"
    payload: dict = field(default_factory=dict)
    hovered: bool = False
    appear: float = 0.0  # seconds until the button slides in
    fitted: int = 0  # the label's size once laid out (lay_out); 0 before
    _faces: dict = field(default_factory=dict, repr=False)

    def face(self, text, state: str) -> pygame.Surface:
        """The button's picture for a state ('normal' or 'hover'), made once."""
        surface = self._faces.get(state)
        if surface is None:
            surface = self._make_face(text, state)
            self._faces[state] = surface
        return surface

    def label_x(self) -> int:
        """Where the label's room starts: after the number badge and the icon, if any."""
        return 22 + (44 if self.number else 0) + (44 if self.icon else 0)

    def lay_out(self, text) -> None:
        """Choose the label's size: smaller (down to 16 px) until it fits the button. The
        button group does it when a scene sets its buttons, never while drawing."""
        room = self.rect.w - self.label_x() - 22
        self.fitted = text.fit(self.label, self.size, room, True, height=self.rect.h - 12, floor=16)

    def fill(self) -> tuple:
        """The button's colour in the current look."""
        return theme.current(self.color)

    def ink(self) -> tuple:
        """The label's colour: the one asked for, else what reads on the fill."""
        return theme.current(self.text_color) if self.text_color else theme.on(self.fill())

    def edge_colors(self) -> tuple:
        """The colours of the button's outside: its fill and its outline."""
        return (self.fill(), theme.edge(self.fill()))

    def _make_face(self, text, state: str) -> pygame.Surface:
        w, h = self.rect.size
        base = self.fill()
        ink = self.ink()
        color = hover_color(base) if state == "hover" else base
        surface = pygame.Surface((w, h + 8), pygame.SRCALPHA)
        under = theme.edge(base) if theme.LOOK == "contrast" else darker(base, 0.28)
        art.rounded_rect(surface, pygame.Rect(0, 6, w, h), under, theme.RADIUS)
        outline(surface, pygame.Rect(0, 0, w, h), color, theme.edge(base), theme.RADIUS)
        x = 22
        if self.number:
            badge = pygame.Rect(14, (h - 40) // 2, 40, 40)
            disc = lighter(base, 0.82) if ink == theme.WHITE else theme.WHITE
            pygame.draw.ellipse(surface, disc, badge)
            if theme.LOOK == "contrast":
                pygame.draw.ellipse(surface, theme.INK, badge, width=2)
            digit = theme.readable(base, disc)
            num = text.render(str(self.number), theme.TEXT_SMALL + 2, digit, bold=True)
            surface.blit(num, num.get_rect(center=badge.center))
            x = 66
        if self.icon:
            glyph = art.icon(self.icon, 34, ink)
            surface.blit(glyph, (x, (h - 34) // 2))
            x += 44
        avail = w - x - 22
        if not self.fitted:
            self.lay_out(text)
        label = text.render(
            self.label,
            self.fitted,
            ink,
            bold=True,
            width=avail,
            align="center" if self.align == "center" else "left",
        )
        if self.align == "center" and not (self.number or self.icon):
            pos = label.get_rect(center=(w // 2, h // 2))
        else:
            pos = label.get_rect(midleft=(x, h // 2))
            if self.align == "center":
                pos.centerx = x + avail // 2
        surface.blit(label, pos)
        return surface


class ButtonGroup:
    def __init__(self, app, buttons=(), on_press=None):
        self.app = app
        self.buttons: list[Button] = list(buttons)
        self.focus = -1  # keyboard focus; -1 until the keyboard is used
        self.on_press = on_press
        self.age = 0.0
        self.enabled = True

    def set(self, buttons, focus: int = -1) -> None:
        self.buttons = list(buttons)
        for button in self.buttons:
            button.lay_out(self.app.text)
        self.focus = focus
        self.age = 0.0

    def ready(self) -> bool:
        """True once every button has finished sliding in and may be pressed."""
        slide = 0.0 if still(self.app) else SLIDE
        return self.enabled and all(b.appear + slide <= self.age for b in self.buttons)

    def update(self, dt: float) -> None:
        self.age += dt

    def handle_event(self, event) -> bool:
        """Return True when the event was used."""
        if not self.enabled or not self.buttons:
            return False
        if event.type == pygame.MOUSEMOTION:
            for b in self.buttons:
                b.hovered = b.rect.collidepoint(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i, b in enumerate(self.buttons):
                if b.rect.collidepoint(event.pos) and b.appear <= self.age:
                    self.press(i)
                    return True
            return False
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        return False

    def _key(self, event) -> bool:
        n = len(self.buttons)
        back = event.mod & pygame.KMOD_SHIFT
        if event.key == pygame.K_TAB:
            self.focus = (self.focus + (-1 if back else 1)) % n if self.focus >= 0 else 0
            self.app.sounds.play("click")
            self._focused()
            return True
        if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
            self.focus = (self.focus + 1) % n if self.focus >= 0 else 0
            self._focused()
            return True
        if event.key in (pygame.K_UP, pygame.K_LEFT):
            self.focus = (self.focus - 1) % n if self.focus >= 0 else n - 1
            self._focused()
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if 0 <= self.focus < n:
                self.press(self.focus)
                return True
            if n == 1:
                self.press(0)
                return True
            return False
        if pygame.K_1 <= event.key <= pygame.K_9:
            index = next(
                (i for i, b in enumerate(self.buttons) if b.number == event.key - pygame.K_0), -1
            )
            if index >= 0:
                self.press(index)
                return True
        return False

    def _focused(self) -> None:
        """The keyboard moved the focus: say which button has it (the narrator reads it)."""
        if 0 <= self.focus < len(self.buttons):
            button = self.buttons[self.focus]
            self.app.show("focus", label=button.label, number=button.number)

    def press(self, index: int) -> None:
        if not self.ready():
            return
        self.app.sounds.play("click")
        if self.on_press:
            self.on_press(self.buttons[index])

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        calm = still(self.app)  # less movement: buttons appear in place, without sliding
        for i, b in enumerate(self.buttons):
            t = self.age - b.appear
            if t < 0:
                continue
            slide = 0.0 if calm else max(0.0, 1.0 - t / SLIDE)
            lift = -3 if (b.hovered or i == self.focus) else 0
            y = b.rect.y + round(40 * slide * slide) + lift
            face = b.face(text, "hover" if (b.hovered or i == self.focus) else "normal")
            if slide > 0:
                face = face.copy()
                face.set_alpha(round(255 * (1 - slide)))
            surface.blit(face, (b.rect.x, y))
            if i == self.focus and slide == 0:
                focus_ring(surface, pygame.Rect(b.rect.x, y, b.rect.w, b.rect.h), theme.RADIUS)
