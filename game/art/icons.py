"""UI icons: one-colour glyphs on a transparent background (buttons, badges, faces)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.log import warn_once

from .cache import _icons
from .colors import _rgb
from .geometry import Point, _arc_pts, _heart_pts, _rotate_pts, _star_pts
from .pen import _Pen, _qmark

SW = 0.12  # stroke width


def _icon_help(p: _Pen, c) -> None:
    p.circle(c, (0.5, 0.5), 0.45, width=0.09)
    _qmark(p, c, (0.5, 0.49), 0.56)


def _icon_close(p: _Pen, c) -> None:
    p.seg(c, (0.24, 0.24), (0.76, 0.76), SW + 0.02)
    p.seg(c, (0.76, 0.24), (0.24, 0.76), SW + 0.02)


def _icon_back(p: _Pen, c) -> None:
    p.seg(c, (0.8, 0.5), (0.24, 0.5), SW)
    p.seg(c, (0.22, 0.5), (0.48, 0.24), SW)
    p.seg(c, (0.22, 0.5), (0.48, 0.76), SW)


def _icon_next(p: _Pen, c) -> None:
    p.seg(c, (0.2, 0.5), (0.76, 0.5), SW)
    p.seg(c, (0.78, 0.5), (0.52, 0.24), SW)
    p.seg(c, (0.78, 0.5), (0.52, 0.76), SW)


def _icon_check(p: _Pen, c) -> None:
    p.seg(c, (0.2, 0.53), (0.41, 0.74), SW + 0.02)
    p.seg(c, (0.41, 0.74), (0.82, 0.29), SW + 0.02)


def _icon_warning(p: _Pen, c) -> None:
    """A careful-here sign: an exclamation mark in a triangle."""
    corners = ((0.5, 0.08), (0.94, 0.88), (0.06, 0.88))
    for k in range(3):
        p.seg(c, corners[k], corners[(k + 1) % 3], SW)
    p.seg(c, (0.5, 0.36), (0.5, 0.6), SW)
    p.circle(c, (0.5, 0.74), 0.055)


def _camera_shape(p: _Pen, c) -> None:
    p.rect(c, 0.06, 0.27, 0.6, 0.46, r=0.12)
    p.rpoly(c, [(0.7, 0.44), (0.9, 0.32), (0.9, 0.68), (0.7, 0.56)], 0.04)


def _icon_camera(p: _Pen, c) -> None:
    _camera_shape(p, c)
    p.circle((*_rgb(c), 0), (0.24, 0.42), 0.05)


def _icon_camera_off(p: _Pen, c) -> None:
    _camera_shape(p, c)
    p.seg((*_rgb(c), 0), (0.1, 0.06), (0.94, 0.9), 0.2)
    p.seg(c, (0.12, 0.12), (0.88, 0.88), 0.1)


def _handset(p: _Pen, c, scale: float = 1.0) -> None:
    """A phone handset lying flat, ear and mouth pieces pointing down."""

    def z(pts: list[Point]) -> list[Point]:
        return [(0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale) for x, y in pts]

    p.arc(c, z([(0.5, 0.66)])[0], 0.34 * scale, 0.23 * scale, 200, 340, 0.15 * scale)
    for s in (-1, 1):
        piece = _rotate_pts(
            [
                (0.5 + s * 0.45, 0.5),
                (0.5 + s * 0.24, 0.5),
                (0.5 + s * 0.26, 0.66),
                (0.5 + s * 0.42, 0.66),
            ],
            (0.5 + s * 0.34, 0.58),
            s * 14,
        )
        p.rpoly(c, z(piece), 0.06 * scale)


def _icon_phone(p: _Pen, c) -> None:
    _handset(p, c, 0.84)
    p.rotate(135)


def _icon_phone_down(p: _Pen, c) -> None:
    _handset(p, c)


def _icon_lock(p: _Pen, c) -> None:
    p.arc(c, (0.5, 0.42), 0.17, 0.19, 180, 360, 0.1, caps=False)
    p.rect(c, 0.28, 0.41, 0.1, 0.1)
    p.rect(c, 0.62, 0.41, 0.1, 0.1)
    p.rect(c, 0.17, 0.44, 0.66, 0.48, r=0.12)
    hole = (*_rgb(c), 0)
    p.circle(hole, (0.5, 0.64), 0.065)
    p.rect(hole, 0.47, 0.64, 0.06, 0.14, r=0.02)


def _icon_star(p: _Pen, c) -> None:
    p.rpoly(c, _star_pts((0.5, 0.54), 0.4, 0.19), 0.05)


def _face_outline(p: _Pen, c) -> None:
    p.circle(c, (0.5, 0.5), 0.42, width=SW)
    p.circle(c, (0.36, 0.4), 0.055)
    p.circle(c, (0.64, 0.4), 0.055)


def _icon_face_happy(p: _Pen, c) -> None:
    _face_outline(p, c)
    p.arc(c, (0.5, 0.52), 0.2, 0.17, 20, 160, SW)


def _icon_face_unsure(p: _Pen, c) -> None:
    _face_outline(p, c)
    p.seg(c, (0.34, 0.66), (0.66, 0.62), SW)


def _icon_face_worried(p: _Pen, c) -> None:
    _face_outline(p, c)
    p.arc(c, (0.5, 0.76), 0.17, 0.11, 205, 335, SW)


def _icon_heart(p: _Pen, c) -> None:
    p.rpoly(c, _heart_pts((0.5, 0.52), 0.78), 0.03)


def _speaker(p: _Pen, c) -> None:
    p.rect(c, 0.08, 0.37, 0.2, 0.26, r=0.05)
    p.rpoly(c, [(0.2, 0.38), (0.48, 0.16), (0.48, 0.84), (0.2, 0.62)], 0.04)


def _icon_speaker(p: _Pen, c) -> None:
    _speaker(p, c)
    p.arc(c, (0.5, 0.5), 0.16, 0.16, -45, 45, 0.09)
    p.arc(c, (0.5, 0.5), 0.33, 0.33, -50, 50, 0.09)


def _icon_speaker_off(p: _Pen, c) -> None:
    _speaker(p, c)
    p.seg(c, (0.64, 0.36), (0.9, 0.64), 0.1)
    p.seg(c, (0.9, 0.36), (0.64, 0.64), 0.1)


def _icon_fullscreen(p: _Pen, c) -> None:
    a, b = 0.16, 0.84
    n = 0.22
    for x, y, dx, dy in ((a, a, 1, 1), (b, a, -1, 1), (a, b, 1, -1), (b, b, -1, -1)):
        p.lines(c, [(x + dx * n, y), (x, y), (x, y + dy * n)], 0.11)


def _icon_send(p: _Pen, c) -> None:
    p.rpoly(c, [(0.14, 0.16), (0.88, 0.5), (0.14, 0.84), (0.24, 0.5)], 0.05)
    p.seg((*_rgb(c), 0), (0.27, 0.5), (0.52, 0.5), 0.07)


def _icon_photo(p: _Pen, c) -> None:
    p.rect(c, 0.1, 0.2, 0.8, 0.6, r=0.1)
    hole = (*_rgb(c), 0)
    p.rect(hole, 0.18, 0.28, 0.64, 0.44, r=0.05)
    p.poly(c, [(0.2, 0.7), (0.4, 0.44), (0.55, 0.62), (0.64, 0.52), (0.8, 0.7)])
    p.circle(c, (0.66, 0.38), 0.06)


def _icon_pin(p: _Pen, c) -> None:
    cx, cy, r = 0.5, 0.38, 0.24
    p.poly(c, _arc_pts((cx, cy), r, r, 150, 390) + [(cx, cy + r * 2.1)])
    p.circle(c, (cx, cy), r)
    p.circle((*_rgb(c), 0), (cx, cy), r * 0.42)


def _icon_coin(p: _Pen, c) -> None:
    p.circle(c, (0.5, 0.5), 0.4)
    hole = (*_rgb(c), 0)
    p.circle(hole, (0.5, 0.5), 0.31)
    p.rpoly(c, _star_pts((0.5, 0.53), 0.22, 0.1), 0.02)


def _icon_eye_off(p: _Pen, c) -> None:
    """Not shown: an eye with a line through it."""
    p.arc(c, (0.5, 0.78), 0.505, 0.505, 213.7, 326.3, 0.1)
    p.arc(c, (0.5, 0.22), 0.505, 0.505, 33.7, 146.3, 0.1)
    p.circle(c, (0.5, 0.5), 0.14)
    p.seg((*_rgb(c), 0), (0.14, 0.1), (0.86, 0.9), 0.22)
    p.seg(c, (0.16, 0.12), (0.84, 0.88), 0.1)


def _icon_qr(p: _Pen, c) -> None:
    """A scan-to-pay code: three corner squares and a few dots (not a real code)."""
    for x, y in ((0.1, 0.1), (0.6, 0.1), (0.1, 0.6)):
        p.rect(c, x, y, 0.3, 0.3, r=0.04, width=0.08)
        p.rect(c, x + 0.1, y + 0.1, 0.1, 0.1)
    for x, y in ((0.62, 0.62), (0.78, 0.62), (0.62, 0.78), (0.78, 0.78), (0.7, 0.7)):
        p.rect(c, x, y, 0.1, 0.1)


def _icon_rose(p: _Pen, c) -> None:
    """A rose: a cup-shaped bloom with a crown of petals, on a stem with two leaves."""
    p.seg(c, (0.5, 0.5), (0.5, 0.92), 0.08)
    p.poly(c, [(0.5, 0.76), (0.24, 0.62), (0.3, 0.78)])
    p.poly(c, [(0.5, 0.7), (0.76, 0.56), (0.7, 0.72)])
    crown = [(0.24, 0.34), (0.24, 0.12), (0.37, 0.22), (0.5, 0.08), (0.63, 0.22), (0.76, 0.12)]
    p.poly(c, [*crown, (0.76, 0.34), *_arc_pts((0.5, 0.34), 0.26, 0.24, 0, 180)])


def _icon_diamond(p: _Pen, c) -> None:
    """A cut gem: a flat top, facets, a point at the bottom."""
    top, mid = 0.26, 0.42
    p.poly(c, [(0.26, top), (0.74, top), (0.92, mid), (0.5, 0.88), (0.08, mid)])
    hole = (*_rgb(c), 0)
    p.seg(hole, (0.1, mid), (0.9, mid), 0.05)
    p.seg(hole, (0.38, mid), (0.5, 0.84), 0.05)
    p.seg(hole, (0.62, mid), (0.5, 0.84), 0.05)


def _icon_gift(p: _Pen, c) -> None:
    """A wrapped present with a ribbon and a bow."""
    p.rect(c, 0.14, 0.4, 0.72, 0.48, r=0.06)
    p.rect(c, 0.08, 0.28, 0.84, 0.14, r=0.04)
    hole = (*_rgb(c), 0)
    p.rect(hole, 0.44, 0.28, 0.12, 0.6)
    p.ellipse(c, (0.37, 0.2), 0.12, 0.08, width=0.07)
    p.ellipse(c, (0.63, 0.2), 0.12, 0.08, width=0.07)


def _icon_mic(p: _Pen, c) -> None:
    """A microphone: a rounded head in a cup, on a short stand."""
    p.rect(c, 0.36, 0.08, 0.28, 0.52, r=0.14)
    p.arc(c, (0.5, 0.44), 0.24, 0.24, 0, 180, 0.08)
    p.seg(c, (0.5, 0.7), (0.5, 0.86), 0.08)
    p.seg(c, (0.34, 0.88), (0.66, 0.88), 0.08)


def _icon_eye(p: _Pen, c) -> None:
    """An open eye: watching."""
    p.arc(c, (0.5, 0.78), 0.505, 0.505, 213.7, 326.3, 0.1)
    p.arc(c, (0.5, 0.22), 0.505, 0.505, 33.7, 146.3, 0.1)
    p.circle(c, (0.5, 0.5), 0.15)


def _icon_settings(p: _Pen, c) -> None:
    """A cog: a ring with eight teeth."""
    p.circle(c, (0.5, 0.5), 0.27, width=0.17)
    for k in range(8):
        a = k * math.pi / 4
        inner = (0.5 + 0.33 * math.cos(a), 0.5 + 0.33 * math.sin(a))
        outer = (0.5 + 0.42 * math.cos(a), 0.5 + 0.42 * math.sin(a))
        p.seg(c, inner, outer, 0.17)


def _icon_unknown(p: _Pen, c) -> None:
    """The glyph for a name that has none: a question mark in a rounded square."""
    p.rect(c, 0.08, 0.08, 0.84, 0.84, r=0.22, width=0.09)
    _qmark(p, c, (0.5, 0.49), 0.56)


_ICONS: dict[str, Callable[[_Pen, tuple], None]] = {
    "help": _icon_help,
    "settings": _icon_settings,
    "close": _icon_close,
    "back": _icon_back,
    "next": _icon_next,
    "check": _icon_check,
    "warning": _icon_warning,
    "camera_off": _icon_camera_off,
    "camera": _icon_camera,
    "phone": _icon_phone,
    "phone_down": _icon_phone_down,
    "lock": _icon_lock,
    "star": _icon_star,
    "heart": _icon_heart,
    "face_happy": _icon_face_happy,
    "face_unsure": _icon_face_unsure,
    "face_worried": _icon_face_worried,
    "speaker": _icon_speaker,
    "speaker_off": _icon_speaker_off,
    "fullscreen": _icon_fullscreen,
    "send": _icon_send,
    "photo": _icon_photo,
    "pin": _icon_pin,
    "coin": _icon_coin,
    "eye_off": _icon_eye_off,
    "qr": _icon_qr,
    "rose": _icon_rose,
    "diamond": _icon_diamond,
    "gift": _icon_gift,
    "mic": _icon_mic,
    "eye": _icon_eye,
}
ICONS = tuple(_ICONS)


def icon(name: str, size: int, color) -> pygame.Surface:
    """A one-colour UI glyph ``size`` x ``size`` on a transparent background.

    Names are listed in :data:`ICONS`; anything else draws a question mark in a rounded
    square, with one warning.
    """
    draw = _ICONS.get(name)
    if draw is None:
        warn_once(f"icon:{name}", f"unknown icon {name!r}; showing a question mark")
        name, draw = "?", _icon_unknown
    rgb = _rgb(color)
    alpha = int(color[3]) if len(color) > 3 else 255
    size = max(4, int(size))

    def make() -> pygame.Surface:
        p = _Pen(size, fill=(*rgb, 0))
        draw(p, (*rgb, 255))
        out = p.done()
        if alpha < 255:
            out.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        return out

    return _icons.get_or_make((name, size, rgb, alpha), make)
