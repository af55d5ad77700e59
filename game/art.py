"""Procedural art: avatars, topic pictures, UI icons, panels and animated backdrops.

Everything is drawn with ``pygame.draw`` on a surface a few times larger than asked for and then
shrunk with ``smoothscale``, so edges come out soft and round without any image files.

Rules for callers:

* every function returns a plain 32-bit ``SRCALPHA`` surface, so no display mode is needed;
* results are cached: the same arguments give back the *same* Surface object, so never draw on
  what you get back (``copy()`` it first).
"""

from __future__ import annotations

import math
import random
from collections import OrderedDict
from collections.abc import Callable, Sequence

import pygame

from game import theme as T
from game.log import warn_once
from game.resources import IMAGES

Color = tuple[int, int, int]
Point = tuple[float, float]

# --------------------------------------------------------------------------------------------
# Small colour helpers
# --------------------------------------------------------------------------------------------


def _rgb(color: Sequence[int]) -> Color:
    return (int(color[0]), int(color[1]), int(color[2]))


def mix(a: Sequence[int], b: Sequence[int], t: float) -> Color:
    """Blend colour ``a`` towards ``b`` by ``t`` (0..1)."""
    return tuple(max(0, min(255, round(a[i] + (b[i] - a[i]) * t))) for i in range(3))  # type: ignore[return-value]


def lighter(color: Sequence[int], t: float = 0.3) -> Color:
    return mix(color, T.WHITE, t)


def deeper(color: Sequence[int], t: float = 0.2) -> Color:
    """A warm, darker shade (mixes towards a deep plum rather than grey)."""
    return mix(color, (70, 30, 70), t)


INK = T.INK
MOUTH = (160, 52, 78)
TONGUE = (255, 128, 146)
SKIN = {
    "light": (255, 224, 196),
    "fair": (247, 203, 164),
    "tan": (229, 172, 124),
    "brown": (184, 120, 80),
    "deep": (128, 82, 58),
}

# --------------------------------------------------------------------------------------------
# Caches
# --------------------------------------------------------------------------------------------


class _Cache(OrderedDict):
    """A small least-recently-used cache (keeps memory bounded if sizes keep changing)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def get_or_make(self, key, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value


_avatars = _Cache(400)
_topics = _Cache(200)
_icons = _Cache(400)
_images = _Cache(200)
_panels = _Cache(300)
_sparkles = _Cache(16)
_shadows = _Cache(300)


def clear_caches() -> None:
    """Forget every cached surface (tests and language switches use this)."""
    for cache in (_avatars, _topics, _icons, _images, _panels, _shadows):
        cache.clear()


# --------------------------------------------------------------------------------------------
# Geometry helpers (unit coordinates: 0..1 across the picture)
# --------------------------------------------------------------------------------------------


def _arc_pts(
    c: Point, rx: float, ry: float, a0: float, a1: float, n: int | None = None
) -> list[Point]:
    """Points on an ellipse from angle a0 to a1 (degrees; 0 = right, 90 = down)."""
    if n is None:
        n = max(6, int(abs(a1 - a0) / 4))
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out.append((c[0] + rx * math.cos(a), c[1] + ry * math.sin(a)))
    return out


def _ellipse_pts(c: Point, rx: float, ry: float, rot: float = 0.0, n: int = 48) -> list[Point]:
    """A rotated ellipse as a polygon (rot in degrees)."""
    cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    out = []
    for i in range(n):
        a = 2 * math.pi * i / n
        x, y = rx * math.cos(a), ry * math.sin(a)
        out.append((c[0] + x * cr - y * sr, c[1] + x * sr + y * cr))
    return out


def _star_pts(c: Point, r_out: float, r_in: float, n: int = 5, rot: float = -90.0) -> list[Point]:
    out = []
    for i in range(n * 2):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + 180.0 * i / n)
        out.append((c[0] + r * math.cos(a), c[1] + r * math.sin(a)))
    return out


def _heart_pts(c: Point, width: float, n: int = 72) -> list[Point]:
    """A classic heart, ``width`` wide, centred on its bounding box."""
    s = width / 32.0
    out = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = 16 * math.sin(t) ** 3
        y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        out.append((c[0] + x * s, c[1] + (y - 2.5) * s))
    return out


def _rotate_pts(pts: Sequence[Point], c: Point, deg: float) -> list[Point]:
    cr, sr = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return [
        (c[0] + (x - c[0]) * cr - (y - c[1]) * sr, c[1] + (x - c[0]) * sr + (y - c[1]) * cr)
        for x, y in pts
    ]


def _mirror(pts: Sequence[Point]) -> list[Point]:
    return [(1.0 - x, y) for x, y in pts]


def _supersample(size: int) -> int:
    # powers of two only: smoothscale shrinks by 3 or 5 lose a little opacity (255 -> 253)
    return 4 if size <= 256 else 2


class _Pen:
    """Draws on a big surface in unit coordinates, then shrinks it smoothly (``done``).

    ``unit`` is how many final pixels one coordinate unit spans (default: the width, so 0..1
    covers the picture). Pass ``unit=1`` to draw in final pixels. ``zoom`` shrinks the drawing
    around the point ``centre`` (in unit coordinates), leaving a margin around it.
    """

    def __init__(
        self,
        w: int,
        h: int | None = None,
        fill=(255, 255, 255, 0),
        ss: int | None = None,
        unit: float | None = None,
        zoom: float = 1.0,
        centre: Point = (0.5, 0.5),
    ) -> None:
        self.w = max(1, int(w))
        self.h = max(1, int(h if h is not None else w))
        self.ss = ss or _supersample(max(self.w, self.h))
        base = (self.w if unit is None else unit) * self.ss
        self.k = base * zoom
        self.ox = (centre[0] - 0.5 * zoom) * base
        self.oy = (centre[1] - 0.5 * zoom) * base
        self.surf = pygame.Surface((self.w * self.ss, self.h * self.ss), pygame.SRCALPHA)
        self.surf.fill(fill)

    # coordinate helpers
    def P(self, p: Point) -> tuple[float, float]:
        return (self.ox + p[0] * self.k, self.oy + p[1] * self.k)

    def L(self, v: float) -> float:
        return v * self.k

    # primitives
    def circle(self, color, c: Point, r: float, width: float = 0) -> None:
        rr = self.L(r)
        if rr < 0.5:
            return
        w = 0 if not width else max(1, round(self.L(width)))
        pygame.draw.circle(self.surf, color, self.P(c), rr, w)

    def ellipse(self, color, c: Point, rx: float, ry: float, width: float = 0) -> None:
        x, y = self.P((c[0] - rx, c[1] - ry))
        rect = pygame.Rect(
            round(x), round(y), max(1, round(self.L(2 * rx))), max(1, round(self.L(2 * ry)))
        )
        w = 0 if not width else max(1, round(self.L(width)))
        pygame.draw.ellipse(self.surf, color, rect, w)

    def poly(self, color, pts: Sequence[Point], width: float = 0) -> None:
        if len(pts) < 3:
            return
        w = 0 if not width else max(1, round(self.L(width)))
        pygame.draw.polygon(self.surf, color, [self.P(p) for p in pts], w)

    def rect(
        self, color, x: float, y: float, w: float, h: float, r: float = 0, width: float = 0
    ) -> None:
        X, Y = self.P((x, y))
        rect = pygame.Rect(round(X), round(Y), max(1, round(self.L(w))), max(1, round(self.L(h))))
        bw = 0 if not width else max(1, round(self.L(width)))
        pygame.draw.rect(
            self.surf, color, rect, bw, border_radius=max(0, round(self.L(r))) if r else -1
        )

    def seg(self, color, a: Point, b: Point, width: float, caps: bool = True) -> None:
        """A thick line with round ends."""
        hw = width / 2
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy)
        if d > 1e-9:
            nx, ny = -dy / d * hw, dx / d * hw
            self.poly(
                color,
                [
                    (a[0] + nx, a[1] + ny),
                    (b[0] + nx, b[1] + ny),
                    (b[0] - nx, b[1] - ny),
                    (a[0] - nx, a[1] - ny),
                ],
            )
        if caps:
            self.circle(color, a, hw)
            self.circle(color, b, hw)

    def lines(self, color, pts: Sequence[Point], width: float, closed: bool = False) -> None:
        seq = list(pts) + ([pts[0]] if closed else [])
        for a, b in zip(seq, seq[1:], strict=False):
            self.seg(color, a, b, width)

    def arc(
        self,
        color,
        c: Point,
        rx: float,
        ry: float,
        a0: float,
        a1: float,
        width: float,
        caps: bool = True,
    ) -> None:
        hw = width / 2
        outer = _arc_pts(c, rx + hw, ry + hw, a0, a1)
        inner = _arc_pts(c, rx - hw, ry - hw, a0, a1)
        self.poly(color, outer + inner[::-1])
        if caps:
            for p in _arc_pts(c, rx, ry, a0, a1, 1):
                self.circle(color, p, hw)

    def rpoly(self, color, pts: Sequence[Point], rad: float) -> None:
        """A polygon grown by ``rad`` with rounded corners."""
        self.poly(color, pts)
        self.lines(color, pts, rad * 2, closed=True)

    def mask_circle(self, c: Point, r: float) -> None:
        """Make everything outside the circle transparent (colours are kept, alpha goes to 0)."""
        mask = pygame.Surface(self.surf.get_size(), pygame.SRCALPHA)
        mask.fill((255, 255, 255, 0))
        pygame.draw.circle(mask, (255, 255, 255, 255), self.P(c), self.L(r))
        self.surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)

    def rotate(self, deg: float) -> None:
        """Turn the whole drawing around its centre (positive = anticlockwise)."""
        size = self.surf.get_size()
        turned = pygame.transform.rotate(self.surf, deg)
        self.surf = pygame.Surface(size, pygame.SRCALPHA)
        self.surf.fill(turned.get_at((0, 0)))
        self.surf.blit(turned, turned.get_rect(center=(size[0] // 2, size[1] // 2)))

    def done(self) -> pygame.Surface:
        if self.ss == 1:
            return self.surf
        return pygame.transform.smoothscale(self.surf, (self.w, self.h))


def _silhouette(src: pygame.Surface, rgb: Sequence[int], alpha: float = 1.0) -> pygame.Surface:
    """The shape of ``src`` filled with one colour (alpha scaled by ``alpha``)."""
    s = src.copy()
    s.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MULT)
    s.fill((*_rgb(rgb), 0), special_flags=pygame.BLEND_RGBA_ADD)
    if alpha < 1.0:
        s.fill((255, 255, 255, max(0, round(255 * alpha))), special_flags=pygame.BLEND_RGBA_MULT)
    return s


def _blur(s: pygame.Surface, radius: int) -> pygame.Surface:
    radius = max(1, int(radius))
    try:
        return pygame.transform.gaussian_blur(s, radius, repeat_edge_pixels=False)
    except (AttributeError, TypeError, ValueError, pygame.error):
        w, h = s.get_size()
        f = max(1, radius)
        small = pygame.transform.smoothscale(s, (max(1, w // f), max(1, h // f)))
        return pygame.transform.smoothscale(small, (w, h))


def _sticker(p: _Pen, outline: float = 0.035, shadow: bool = True) -> pygame.Surface:
    """Finish a picture with a white sticker outline and a soft shadow below it."""
    art = p.surf
    size = art.get_size()
    out = pygame.Surface(size, pygame.SRCALPHA)
    out.fill((255, 255, 255, 0))
    white = _silhouette(art, T.WHITE)
    r = p.L(outline)
    for ring, steps in ((r, 20), (r * 0.55, 10)):
        for i in range(steps):
            a = 2 * math.pi * i / steps
            out.blit(white, (round(ring * math.cos(a)), round(ring * math.sin(a))))
    out.blit(art, (0, 0))
    small = pygame.transform.smoothscale(out, (p.w, p.h)) if p.ss > 1 else out
    if not shadow:
        return small
    sh = _silhouette(small, T.SHADOW, 0.28)
    sh = _blur(sh, max(1, round(p.w * 0.018)))
    result = pygame.Surface((p.w, p.h), pygame.SRCALPHA)
    result.fill((*T.SHADOW, 0))
    result.blit(sh, (0, max(1, round(p.h * 0.03))))
    result.blit(small, (0, 0))
    return result


def _qmark(p: _Pen, color, c: Point, h: float) -> None:
    """A question mark about ``h`` tall centred on ``c``."""
    cx, cy = c
    w = h * 0.17
    r = h * 0.2
    hook = (cx, cy - h * 0.22)
    p.arc(color, hook, r, r, 190, 405, w)
    end = _arc_pts(hook, r, r, 405, 405, 1)[0]
    stem_bottom = (cx, cy + h * 0.13)
    p.seg(color, end, (cx, cy + h * 0.04), w)
    p.seg(color, (cx, cy + h * 0.04), stem_bottom, w)
    p.circle(color, (cx, cy + h * 0.38), w * 0.62)


# --------------------------------------------------------------------------------------------
# Avatars
# --------------------------------------------------------------------------------------------

HEAD = (0.5, 0.47)
HRX, HRY = 0.195, 0.21


def _body(p: _Pen, shirt, skin, neck: bool = True) -> None:
    if neck:
        p.rect(deeper(skin, 0.14), 0.445, 0.58, 0.11, 0.22, r=0.04)
    p.ellipse(shirt, (0.5, 1.04), 0.36, 0.29)
    p.ellipse(lighter(shirt, 0.18), (0.5, 1.08), 0.26, 0.2)
    if neck:
        p.ellipse(deeper(skin, 0.14), (0.5, 0.752), 0.066, 0.045)


def _head(p: _Pen, skin, ears: bool = True) -> None:
    if ears:
        for s in (-1, 1):
            p.circle(skin, (0.5 + s * 0.19, 0.505), 0.042)
            p.circle(deeper(skin, 0.14), (0.5 + s * 0.196, 0.505), 0.019)
    p.ellipse(skin, HEAD, HRX, HRY)


def _eyes(
    p: _Pen,
    y: float = 0.487,
    dx: float = 0.072,
    scale: float = 1.0,
    lashes: bool = False,
    color=INK,
) -> None:
    for s in (-1, 1):
        x = 0.5 + s * dx
        p.ellipse(color, (x, y), 0.022 * scale, 0.03 * scale)
        p.circle(T.WHITE, (x + 0.008 * scale, y - 0.011 * scale), 0.0085 * scale)
        if lashes:
            p.seg(
                color,
                (x + s * 0.014 * scale, y - 0.021 * scale),
                (x + s * 0.03 * scale, y - 0.033 * scale),
                0.009,
            )


def _brows(p: _Pen, color, y: float = 0.43, dx: float = 0.075) -> None:
    for s in (-1, 1):
        p.arc(color, (0.5 + s * dx, y + 0.02), 0.03, 0.018, 215, 325, 0.012)


def _cheeks(p: _Pen, skin, y: float = 0.548, dx: float = 0.125) -> None:
    for s in (-1, 1):
        p.circle(mix(skin, T.CORAL, 0.45), (0.5 + s * dx, y), 0.03)


def _nose(p: _Pen, skin, y: float = 0.524) -> None:
    p.ellipse(deeper(skin, 0.16), (0.5, y), 0.015, 0.01)


def _mouth(p: _Pen, kind: str = "open", y: float = 0.56, w: float = 1.0) -> None:
    if kind == "open":
        pts = _arc_pts((0.5, y - 0.012), 0.056 * w, 0.052 * w, 0, 180)
        p.rpoly(MOUTH, pts, 0.006)
        p.ellipse(TONGUE, (0.5, y + 0.021 * w), 0.027 * w, 0.014 * w)
        p.rect(T.WHITE, 0.5 - 0.034 * w, y - 0.016, 0.068 * w, 0.014, r=0.006)
    else:
        p.arc(MOUTH, (0.5, y - 0.028), 0.048 * w, 0.036 * w, 25, 155, 0.015)


def _face(p: _Pen, skin, mouth: str = "open", lashes: bool = False, brows=None) -> None:
    _eyes(p, lashes=lashes)
    if brows:
        _brows(p, brows)
    _cheeks(p, skin)
    _nose(p, skin)
    _mouth(p, mouth)


def _hair_cap(
    p: _Pen, color, inner: Sequence[Point], a0: float = 166, a1: float = 374, grow: float = 0.024
) -> None:
    """Hair over the top of the head; ``inner`` is the hairline from right to left."""
    pts = _arc_pts(HEAD, HRX + grow, HRY + grow, a0, a1) + list(inner)
    p.poly(color, pts)


def _look_kid(p: _Pen) -> None:
    skin, hair, shirt = SKIN["fair"], (126, 72, 44), T.SKY_DEEP
    _body(p, shirt, skin)
    # a star on the t-shirt
    p.rpoly(T.SUN, _star_pts((0.5, 0.9), 0.06, 0.028), 0.008)
    _head(p, skin)
    _hair_cap(
        p,
        hair,
        [
            (0.695, 0.52),
            (0.688, 0.43),
            (0.655, 0.385),
            (0.61, 0.405),
            (0.57, 0.37),
            (0.52, 0.405),
            (0.47, 0.365),
            (0.42, 0.4),
            (0.37, 0.375),
            (0.325, 0.42),
            (0.305, 0.52),
        ],
    )
    for tuft in (
        [(0.44, 0.29), (0.45, 0.2), (0.52, 0.27)],
        [(0.5, 0.27), (0.57, 0.21), (0.58, 0.29)],
    ):
        p.rpoly(hair, tuft, 0.012)
    _face(p, skin)
    for s in (-1, 1):  # freckles
        for dx, dy in ((0.0, 0.0), (0.02, 0.012), (-0.016, 0.014)):
            p.circle(deeper(skin, 0.22), (0.5 + s * (0.125 + dx), 0.53 + dy), 0.006)


def _look_girl(p: _Pen) -> None:
    skin, hair, shirt = SKIN["tan"], (74, 44, 38), T.BUBBLEGUM
    # pigtails behind the head
    for s in (-1, 1):
        p.circle(hair, (0.5 + s * 0.235, 0.5), 0.085)
        p.circle(hair, (0.5 + s * 0.25, 0.6), 0.07)
    _body(p, shirt, skin)
    p.circle(lighter(shirt, 0.5), (0.42, 0.88), 0.018)
    p.circle(lighter(shirt, 0.5), (0.6, 0.92), 0.014)
    _head(p, skin, ears=False)
    _hair_cap(
        p,
        hair,
        [
            (0.69, 0.53),
            (0.68, 0.42),
            (0.63, 0.39),
            (0.56, 0.405),
            (0.5, 0.38),
            (0.44, 0.405),
            (0.37, 0.39),
            (0.32, 0.42),
            (0.31, 0.53),
        ],
    )
    for s in (-1, 1):  # hair ties
        p.circle(T.SUN, (0.5 + s * 0.2, 0.44), 0.03)
        p.circle(lighter(T.SUN, 0.5), (0.5 + s * 0.2 - 0.008, 0.432), 0.01)
    # a bow
    bow = T.CORAL
    c = (0.62, 0.275)
    p.rpoly(bow, [c, (c[0] + 0.08, c[1] - 0.05), (c[0] + 0.08, c[1] + 0.05)], 0.015)
    p.rpoly(bow, [c, (c[0] - 0.08, c[1] - 0.05), (c[0] - 0.08, c[1] + 0.05)], 0.015)
    p.circle(lighter(bow, 0.25), c, 0.026)
    _face(p, skin, lashes=True)


def _look_boy(p: _Pen) -> None:
    skin, hair, shirt = SKIN["brown"], (40, 30, 36), T.GRASS
    _body(p, shirt, skin)
    p.rect(lighter(shirt, 0.45), 0.3, 0.86, 0.4, 0.035, r=0.015)
    p.rect(lighter(shirt, 0.45), 0.3, 0.93, 0.4, 0.035, r=0.015)
    # spikes first, so the cap of hair covers their roots
    for a, length in ((200, 0.07), (228, 0.09), (256, 0.1), (284, 0.1), (312, 0.09), (340, 0.07)):
        base = _arc_pts(HEAD, HRX - 0.01, HRY - 0.01, a - 16, a + 16, 2)
        tip = _arc_pts(HEAD, HRX + length, HRY + length, a + 8, a + 8, 1)[0]
        p.rpoly(hair, [base[0], tip, base[-1]], 0.012)
    _head(p, skin)
    _hair_cap(
        p,
        hair,
        [
            (0.695, 0.5),
            (0.69, 0.42),
            (0.64, 0.39),
            (0.6, 0.41),
            (0.55, 0.37),
            (0.5, 0.41),
            (0.44, 0.375),
            (0.39, 0.41),
            (0.33, 0.4),
            (0.305, 0.5),
        ],
        grow=0.022,
    )
    p.arc(lighter(hair, 0.25), HEAD, HRX - 0.02, HRY - 0.02, 240, 280, 0.014)
    _face(p, skin, brows=hair)


def _look_knight(p: _Pen) -> None:
    skin, metal, plume = SKIN["light"], (168, 196, 246), T.CORAL
    for i in range(6):  # plume
        t = i / 5
        p.circle(
            mix(plume, T.PEACH, t * 0.6),
            (0.5 + 0.16 * t, 0.22 - 0.1 * math.sin(t * 2.8)),
            0.06 - 0.025 * t,
        )
    _body(p, metal, skin, neck=False)
    for s in (-1, 1):  # shoulder plates
        p.ellipse(lighter(metal, 0.3), (0.5 + s * 0.2, 0.83), 0.1, 0.06)
    p.rpoly(T.SKY_DEEP, _shield_pts((0.5, 0.88), 0.17, 0.2), 0.015)
    p.rpoly(T.SUN, _star_pts((0.5, 0.875), 0.045, 0.021), 0.006)
    # helmet
    p.rect(deeper(metal, 0.1), 0.41, 0.62, 0.18, 0.14, r=0.04)
    p.ellipse(metal, (0.5, 0.46), 0.225, 0.245)
    p.ellipse(lighter(metal, 0.4), (0.4, 0.33), 0.06, 0.04)
    p.rect(skin, 0.335, 0.39, 0.33, 0.25, r=0.11)  # the open face
    p.rect(deeper(metal, 0.12), 0.325, 0.375, 0.35, 0.045, r=0.022)
    p.rect(deeper(metal, 0.12), 0.48, 0.27, 0.04, 0.12, r=0.02)
    for s in (-1, 1):  # rivets
        p.circle(lighter(metal, 0.5), (0.5 + s * 0.19, 0.5), 0.014)
    _eyes(p, y=0.485)
    _cheeks(p, skin, y=0.55, dx=0.115)
    _mouth(p, "open", y=0.565, w=0.85)


def _look_cat(p: _Pen) -> None:
    fur, shirt = (255, 168, 92), T.GRAPE
    _body(p, shirt, fur, neck=False)
    p.rect(lighter(shirt, 0.3), 0.44, 0.74, 0.12, 0.3, r=0.05)
    ear = [(0.26, 0.42), (0.28, 0.15), (0.46, 0.3)]
    inner = [(0.3, 0.36), (0.305, 0.22), (0.4, 0.3)]
    for f in (list, _mirror):
        p.rpoly(fur, f(ear), 0.03)
        p.rpoly((255, 150, 170), f(inner), 0.012)
    p.ellipse(fur, (0.5, 0.5), 0.255, 0.215)
    for i, x in enumerate((0.45, 0.5, 0.55)):  # forehead stripes
        top = 0.29 if i == 1 else 0.3
        p.rpoly(
            deeper(fur, 0.25),
            [(x - 0.015, top), (x + 0.015, top), (x, top + 0.06 + (i == 1) * 0.02)],
            0.006,
        )
    p.ellipse((255, 246, 236), (0.46, 0.58), 0.062, 0.048)
    p.ellipse((255, 246, 236), (0.54, 0.58), 0.062, 0.048)
    _eyes(p, y=0.48, dx=0.09, scale=1.3)
    for s in (-1, 1):
        p.circle(mix(fur, T.CORAL, 0.55), (0.5 + s * 0.16, 0.57), 0.03)
        for k in (-1, 0, 1):
            p.seg(
                deeper(fur, 0.45),
                (0.5 + s * 0.2, 0.575 + k * 0.02),
                (0.5 + s * 0.29, 0.56 + k * 0.035),
                0.007,
            )
    p.rpoly((245, 110, 140), [(0.48, 0.545), (0.52, 0.545), (0.5, 0.568)], 0.008)
    p.arc(MOUTH, (0.48, 0.58), 0.02, 0.018, 10, 170, 0.009)
    p.arc(MOUTH, (0.52, 0.58), 0.02, 0.018, 10, 170, 0.009)


def _look_fox(p: _Pen) -> None:
    fur, cream, tip, shirt = (250, 132, 60), (255, 244, 228), (110, 60, 70), T.SKY_DEEP
    _body(p, shirt, fur, neck=False)
    p.rpoly(cream, [(0.44, 0.74), (0.56, 0.74), (0.5, 0.84)], 0.02)
    ear = [(0.27, 0.43), (0.25, 0.13), (0.45, 0.3)]
    for pts in (ear, _mirror(ear)):
        p.rpoly(fur, pts, 0.025)
    ear_tip = [(0.265, 0.24), (0.25, 0.13), (0.32, 0.18)]
    for f in (list, _mirror):
        p.rpoly(tip, f(ear_tip), 0.02)
    inner = [(0.3, 0.37), (0.29, 0.25), (0.39, 0.31)]
    p.rpoly(cream, inner, 0.01)
    p.rpoly(cream, _mirror(inner), 0.01)
    # head with cheek fluff
    p.ellipse(fur, (0.5, 0.47), 0.235, 0.2)
    for s in (-1, 1):
        p.rpoly(
            cream, [(0.5 + s * 0.12, 0.5), (0.5 + s * 0.245, 0.575), (0.5 + s * 0.13, 0.625)], 0.015
        )
    p.poly(cream, _arc_pts((0.5, 0.52), 0.16, 0.14, 0, 180) + [(0.34, 0.52)])
    p.ellipse(cream, (0.5, 0.56), 0.12, 0.09)
    _eyes(p, y=0.47, dx=0.085, scale=1.2)
    p.ellipse(tip, (0.5, 0.535), 0.028, 0.02)
    p.circle(T.WHITE, (0.492, 0.53), 0.007)
    p.arc(MOUTH, (0.48, 0.57), 0.02, 0.018, 10, 170, 0.009)
    p.arc(MOUTH, (0.52, 0.57), 0.02, 0.018, 10, 170, 0.009)
    for s in (-1, 1):
        p.circle(mix(cream, T.CORAL, 0.35), (0.5 + s * 0.13, 0.57), 0.022)


def _look_robot(p: _Pen) -> None:
    metal, screen, glow = (196, 226, 255), (44, 52, 98), (110, 240, 210)
    _body(p, T.SKY_DEEP, metal, neck=False)
    p.rect(deeper(metal, 0.1), 0.45, 0.62, 0.1, 0.14, r=0.02)
    p.rect(metal, 0.4, 0.8, 0.2, 0.12, r=0.04)
    p.circle(T.CORAL, (0.46, 0.86), 0.018)
    p.circle(T.SUN, (0.54, 0.86), 0.018)
    # antenna
    p.seg(deeper(metal, 0.15), (0.5, 0.3), (0.5, 0.16), 0.025)
    p.circle(T.CORAL, (0.5, 0.14), 0.04)
    p.circle(lighter(T.CORAL, 0.5), (0.488, 0.128), 0.012)
    # ears
    for s in (-1, 1):
        p.rect(T.SUN, 0.5 + s * 0.25 - 0.035, 0.4, 0.07, 0.14, r=0.03)
    p.rect(metal, 0.27, 0.25, 0.46, 0.42, r=0.13)
    p.rect(lighter(metal, 0.5), 0.31, 0.27, 0.2, 0.04, r=0.02)
    p.rect(screen, 0.315, 0.34, 0.37, 0.27, r=0.09)
    for s in (-1, 1):
        p.arc(glow, (0.5 + s * 0.075, 0.46), 0.035, 0.03, 200, 340, 0.022)
        p.circle(mix(screen, T.BUBBLEGUM, 0.6), (0.5 + s * 0.12, 0.53), 0.022)
    p.arc(glow, (0.5, 0.51), 0.055, 0.04, 25, 155, 0.02)


def _adult_body(p: _Pen, shirt, skin, collar=None) -> None:
    _body(p, shirt, skin)
    if collar:
        for s in (-1, 1):
            p.rpoly(
                collar,
                [(0.5 + s * 0.02, 0.775), (0.5 + s * 0.11, 0.74), (0.5 + s * 0.1, 0.81)],
                0.01,
            )


def _look_mum(p: _Pen) -> None:
    skin, hair, shirt = SKIN["fair"], (92, 52, 40), T.CORAL
    p.ellipse(hair, (0.5, 0.47), 0.25, 0.245)
    p.rect(hair, 0.25, 0.45, 0.5, 0.2, r=0.07)
    _adult_body(p, shirt, skin)
    for i in range(5):  # necklace
        a = math.radians(40 + i * 25)
        p.circle(T.SUN, (0.5 + 0.075 * math.cos(a), 0.74 + 0.06 * math.sin(a)), 0.012)
    _head(p, skin, ears=False)
    _hair_cap(
        p,
        hair,
        [
            (0.69, 0.55),
            (0.675, 0.41),
            (0.6, 0.37),
            (0.52, 0.36),
            (0.42, 0.41),
            (0.34, 0.45),
            (0.31, 0.55),
        ],
        grow=0.03,
    )
    for s in (-1, 1):
        p.circle(T.SUN, (0.5 + s * 0.2, 0.58), 0.018)
    _face(p, skin, mouth="smile", lashes=True)


def _look_dad(p: _Pen) -> None:
    skin, hair, shirt = SKIN["deep"], (34, 28, 34), T.SKY_DEEP
    _adult_body(p, shirt, skin, collar=T.WHITE)
    _head(p, skin)
    _hair_cap(
        p,
        hair,
        [
            (0.695, 0.5),
            (0.69, 0.41),
            (0.6, 0.37),
            (0.5, 0.38),
            (0.43, 0.36),
            (0.36, 0.39),
            (0.31, 0.42),
            (0.305, 0.5),
        ],
        grow=0.02,
    )
    # a short, neat beard along the jaw
    beard = _arc_pts(HEAD, HRX + 0.006, HRY + 0.006, 5, 175) + _arc_pts(
        (0.5, 0.535), 0.14, 0.09, 170, 10
    )
    p.poly(hair, beard)
    p.ellipse(hair, (0.5, 0.546), 0.06, 0.02)
    _eyes(p)
    _brows(p, hair)
    _cheeks(p, skin, y=0.53, dx=0.13)
    _nose(p, skin, y=0.52)
    _mouth(p, "open", y=0.575, w=0.9)


def _glasses(p: _Pen, color=INK, y: float = 0.487) -> None:
    for s in (-1, 1):
        p.circle(color, (0.5 + s * 0.075, y), 0.047, width=0.012)
        p.seg(color, (0.5 + s * 0.122, y - 0.01), (0.5 + s * 0.19, y - 0.02), 0.012)
    p.arc(color, (0.5, y + 0.004), 0.03, 0.018, 200, 340, 0.012, caps=False)


def _look_teacher(p: _Pen) -> None:
    skin, hair, top = SKIN["light"], (176, 86, 52), T.GRAPE
    p.circle(hair, (0.5, 0.24), 0.075)
    p.arc(T.SUN, (0.5, 0.24), 0.075, 0.075, 150, 210, 0.02)
    _adult_body(p, top, skin)
    p.rpoly(T.WHITE, [(0.46, 0.77), (0.54, 0.77), (0.5, 0.85)], 0.01)
    for y in (0.88, 0.95):
        p.circle(T.SUN, (0.5, y), 0.012)
    _head(p, skin)
    _hair_cap(
        p,
        hair,
        [
            (0.695, 0.5),
            (0.685, 0.42),
            (0.6, 0.38),
            (0.5, 0.36),
            (0.38, 0.41),
            (0.32, 0.45),
            (0.305, 0.5),
        ],
    )
    _face(p, skin, mouth="smile")
    _glasses(p, (90, 60, 140))


def _look_grandma(p: _Pen) -> None:
    skin, hair, top = SKIN["tan"], (242, 238, 252), T.MINT
    for a in range(170, 380, 26):  # curly hair cloud
        x, y = _arc_pts(HEAD, HRX + 0.02, HRY + 0.015, a, a, 1)[0]
        p.circle(hair, (x, y), 0.062)
    p.circle(hair, (0.5, 0.22), 0.07)
    _adult_body(p, top, skin)
    for i in range(7):  # pearls
        a = math.radians(25 + i * 21.7)
        p.circle(T.WHITE, (0.5 + 0.09 * math.cos(a), 0.735 + 0.075 * math.sin(a)), 0.014)
    _head(p, skin)
    _hair_cap(
        p,
        hair,
        [
            (0.695, 0.47),
            (0.67, 0.4),
            (0.58, 0.37),
            (0.5, 0.39),
            (0.42, 0.37),
            (0.33, 0.4),
            (0.305, 0.47),
        ],
    )
    _eyes(p, scale=0.9)
    _cheeks(p, skin)
    _nose(p, skin)
    _mouth(p, "smile", w=1.1)
    _glasses(p, T.BUBBLEGUM)


def _look_aunt(p: _Pen) -> None:
    skin, hair, top = SKIN["deep"], (52, 34, 34), T.SUN
    for a in range(150, 400, 24):
        x, y = _arc_pts((0.5, 0.42), 0.2, 0.17, a, a, 1)[0]
        p.circle(hair, (x, y), 0.1)
    p.circle(hair, (0.5, 0.38), 0.2)
    _adult_body(p, top, skin)
    _head(p, skin, ears=False)
    _hair_cap(
        p, hair, [(0.695, 0.47), (0.66, 0.39), (0.5, 0.37), (0.34, 0.39), (0.305, 0.47)], grow=0.02
    )
    p.arc(T.BUBBLEGUM, HEAD, HRX + 0.012, HRY + 0.0, 205, 335, 0.04)
    for s in (-1, 1):
        p.circle(T.SUN, (0.5 + s * 0.2, 0.6), 0.035, width=0.013)
    _face(p, skin, mouth="open", lashes=True)


def _look_star(p: _Pen) -> None:
    for x, y, r in ((0.2, 0.25, 0.035), (0.82, 0.3, 0.028), (0.78, 0.8, 0.03), (0.18, 0.75, 0.022)):
        p.rpoly(T.WHITE, _star_pts((x, y), r, r * 0.4, 4), 0.004)
    pts = _star_pts((0.5, 0.54), 0.36, 0.19, 5)
    p.rpoly(deeper(T.SUN, 0.15), [(x, y + 0.02) for x, y in pts], 0.045)
    p.rpoly(T.SUN, pts, 0.045)
    p.ellipse(lighter(T.SUN, 0.45), (0.42, 0.38), 0.04, 0.025)
    _eyes(p, y=0.52, dx=0.07)
    _cheeks(p, T.SUN, y=0.585, dx=0.12)
    _mouth(p, "open", y=0.6, w=0.9)


def _look_unknown(p: _Pen, bg: Color) -> None:
    body = lighter(bg, 0.55)
    p.ellipse(body, (0.5, 1.04), 0.34, 0.3)
    p.circle(body, (0.5, 0.43), 0.205)
    _qmark(p, deeper(bg, 0.18), (0.5, 0.44), 0.27)


_LOOKS: dict[str, tuple[Color, Callable]] = {
    "kid": (T.SUN, _look_kid),
    "girl": (T.MINT, _look_girl),
    "boy": (T.SKY, _look_boy),
    "knight": (T.GRAPE, _look_knight),
    "cat": (T.SKY, _look_cat),
    "robot": (T.BUBBLEGUM, _look_robot),
    "fox": (T.MINT, _look_fox),
    "mum": (T.PEACH, _look_mum),
    "dad": (T.SUN, _look_dad),
    "teacher": (T.MINT, _look_teacher),
    "grandma": (T.GRAPE, _look_grandma),
    "aunt": (T.CORAL, _look_aunt),
    "star": (T.SKY_DEEP, _look_star),
    "unknown": (T.NEUTRAL, None),
}
LOOKS = tuple(_LOOKS)
AVATAR_RING = 0.04


def _make_avatar(look: str, size: int, bg: Color) -> pygame.Surface:
    p = _Pen(size, fill=(*bg, 255))
    p.circle(lighter(bg, 0.22), (0.5, 0.44), 0.37)
    draw = _LOOKS[look][1]
    if draw is None:
        _look_unknown(p, bg)
    else:
        draw(p)
    p.mask_circle((0.5, 0.5), 0.5 - AVATAR_RING)
    base = _Pen(size, ss=p.ss)
    base.circle(T.WHITE, (0.5, 0.5), 0.5)
    base.surf.blit(p.surf, (0, 0))
    return base.done()


def avatar(look: str, size: int, color: tuple[int, int, int] | None = None) -> pygame.Surface:
    """A round, friendly face ``size`` x ``size`` (SRCALPHA) with a white rim.

    ``look`` is one of :data:`LOOKS`; anything else shows the ``unknown`` look (a friendly
    silhouette with a question mark). ``color`` replaces the background colour.
    """
    name = str(look).strip().lower() if look is not None else "unknown"
    if name not in _LOOKS:
        name = "unknown"
    size = max(8, int(size))
    bg = _rgb(color) if color is not None else _LOOKS[name][0]
    return _avatars.get_or_make((name, size, bg), lambda: _make_avatar(name, size, bg))


# --------------------------------------------------------------------------------------------
# Topic pictures
# --------------------------------------------------------------------------------------------


def _pin(p: _Pen, color, c: Point, r: float) -> None:
    """A map pin whose round head is centred on ``c``; the tip points down."""
    cx, cy = c
    p.poly(color, _arc_pts(c, r, r, 150, 390) + [(cx, cy + r * 2.1)])
    p.circle(color, c, r)
    p.circle(T.WHITE, c, r * 0.42)


def _bubble(p: _Pen, color, x: float, y: float, w: float, h: float, tail: str = "left") -> None:
    p.rect(color, x, y, w, h, r=min(w, h) * 0.42)
    if tail == "left":
        p.rpoly(
            color,
            [(x + w * 0.16, y + h * 0.7), (x + w * 0.4, y + h * 0.8), (x + w * 0.08, y + h * 1.22)],
            0.01,
        )
    else:
        p.rpoly(
            color,
            [(x + w * 0.84, y + h * 0.7), (x + w * 0.6, y + h * 0.8), (x + w * 0.92, y + h * 1.22)],
            0.01,
        )


def _topic_stranger(p: _Pen) -> None:
    _bubble(p, T.SKY, 0.08, 0.1, 0.5, 0.3, "left")
    for i in range(3):
        p.circle(T.WHITE, (0.2 + i * 0.11, 0.25), 0.032)
    _bubble(p, T.GRAPE, 0.44, 0.22, 0.46, 0.28, "right")
    p.rpoly(T.WHITE, _heart_pts((0.67, 0.36), 0.12), 0.004)
    # game controller
    body = T.CORAL
    for s in (-1, 1):
        p.circle(deeper(body, 0.12), (0.5 + s * 0.23, 0.8), 0.115)
        p.circle(body, (0.5 + s * 0.23, 0.78), 0.115)
    p.rect(body, 0.24, 0.57, 0.52, 0.22, r=0.1)
    p.rect(T.WHITE, 0.285, 0.645, 0.11, 0.036, r=0.015)
    p.rect(T.WHITE, 0.322, 0.608, 0.036, 0.11, r=0.015)
    for (dx, dy), col in zip(
        ((0, -0.045), (0.045, 0), (0, 0.045), (-0.045, 0)),
        (T.SUN, T.MINT, T.SKY, T.WHITE),
        strict=True,
    ):
        p.circle(col, (0.665 + dx, 0.663 + dy), 0.026)
    p.rect(lighter(body, 0.4), 0.46, 0.6, 0.08, 0.026, r=0.012)


def _topic_webcam(p: _Pen) -> None:
    base = T.SKY_DEEP
    p.ellipse(deeper(base, 0.1), (0.5, 0.87), 0.24, 0.06)
    p.rpoly(base, [(0.44, 0.62), (0.56, 0.62), (0.6, 0.85), (0.4, 0.85)], 0.02)
    p.circle(T.WHITE, (0.5, 0.42), 0.32)
    p.circle(lighter(T.SKY, 0.55), (0.5, 0.42), 0.32, width=0.05)
    p.circle(INK, (0.5, 0.43), 0.165)
    p.circle(mix(T.SKY_DEEP, INK, 0.3), (0.5, 0.43), 0.11)
    p.circle(T.GRAPE, (0.5, 0.43), 0.06)
    p.circle(T.WHITE, (0.45, 0.38), 0.035)
    p.circle(T.WHITE, (0.55, 0.48), 0.015)
    p.circle(T.CORAL, (0.5, 0.175), 0.03)


def _topic_photos(p: _Pen) -> None:
    p.rect(INK, 0.26, 0.08, 0.48, 0.84, r=0.09)
    p.rect(T.SKY, 0.3, 0.16, 0.4, 0.64, r=0.04)
    # the photo: sun, cloud, hills
    p.circle(T.SUN, (0.6, 0.3), 0.055)
    for x, y, r in ((0.38, 0.33, 0.035), (0.42, 0.31, 0.045), (0.47, 0.33, 0.035)):
        p.circle(T.WHITE, (x, y), r)
    p.poly(T.MINT, [(0.3, 0.8), (0.3, 0.6), (0.42, 0.47), (0.56, 0.62), (0.56, 0.8)])
    p.poly(T.GRASS, [(0.36, 0.8), (0.56, 0.55), (0.7, 0.66), (0.7, 0.8)])
    p.rect(INK, 0.3, 0.76, 0.4, 0.04)
    p.rect(lighter(INK, 0.25), 0.43, 0.105, 0.14, 0.025, r=0.012)
    p.circle(lighter(INK, 0.3), (0.5, 0.86), 0.03)
    # a little "like" badge
    p.circle(T.BUBBLEGUM, (0.76, 0.2), 0.1)
    p.rpoly(T.WHITE, _heart_pts((0.76, 0.205), 0.11), 0.004)


def _topic_personal_info(p: _Pen) -> None:
    p.ellipse(mix(T.GRASS, T.WHITE, 0.1), (0.42, 0.87), 0.34, 0.06)
    p.rect(T.WHITE, 0.15, 0.48, 0.54, 0.38, r=0.03)
    p.rect(lighter(T.PEACH, 0.5), 0.15, 0.78, 0.54, 0.08, r=0.02)
    p.rpoly(T.CORAL, [(0.1, 0.5), (0.42, 0.24), (0.74, 0.5)], 0.035)
    p.rect(T.SKY_DEEP, 0.36, 0.63, 0.12, 0.23, r=0.04)
    p.circle(T.SUN, (0.455, 0.75), 0.012)
    p.rect(T.SKY, 0.2, 0.57, 0.11, 0.1, r=0.02)
    p.rect(T.SKY, 0.53, 0.57, 0.11, 0.1, r=0.02)
    p.rect(T.WHITE, 0.2, 0.615, 0.11, 0.012)
    p.rect(T.WHITE, 0.53, 0.615, 0.11, 0.012)
    _pin(p, T.BUBBLEGUM, (0.74, 0.24), 0.12)


def _topic_shared_computer(p: _Pen) -> None:
    frame = INK
    p.rpoly(frame, [(0.43, 0.7), (0.57, 0.7), (0.6, 0.84), (0.4, 0.84)], 0.015)
    p.rect(frame, 0.28, 0.82, 0.44, 0.06, r=0.03)
    p.rect(frame, 0.08, 0.13, 0.84, 0.6, r=0.07)
    p.rect(T.SKY, 0.12, 0.17, 0.76, 0.5, r=0.04)
    p.rect(lighter(T.SKY, 0.35), 0.12, 0.17, 0.76, 0.06, r=0.02)
    for i, c in enumerate((T.CORAL, T.SUN, T.MINT)):
        p.circle(c, (0.16 + i * 0.045, 0.2), 0.014)
    # two people sharing the screen
    for x, col in ((0.36, T.SUN), (0.64, T.BUBBLEGUM)):
        p.circle(T.WHITE, (x, 0.46), 0.13)
        p.circle(col, (x, 0.46), 0.115)
        p.circle(T.WHITE, (x, 0.42), 0.045)
        p.poly(T.WHITE, _arc_pts((x, 0.53), 0.075, 0.06, 180, 360))


def _topic_meeting(p: _Pen) -> None:
    panels = [
        [(0.08, 0.58), (0.33, 0.5), (0.33, 0.9), (0.08, 0.95)],
        [(0.33, 0.5), (0.64, 0.58), (0.64, 0.95), (0.33, 0.9)],
        [(0.64, 0.58), (0.92, 0.5), (0.92, 0.9), (0.64, 0.95)],
    ]
    for pts, col in zip(panels, (T.GRASS, lighter(T.GRASS, 0.3), T.GRASS), strict=True):
        p.rpoly(col, pts, 0.012)
    p.poly(T.SKY, [(0.33, 0.74), (0.64, 0.8), (0.64, 0.87), (0.33, 0.81)])
    start, bend, end = (0.16, 0.86), (0.3, 0.56), (0.56, 0.74)
    for i in range(7):  # a dotted path to the pin
        t = i / 7
        x = (1 - t) ** 2 * start[0] + 2 * t * (1 - t) * bend[0] + t * t * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * t * (1 - t) * bend[1] + t * t * end[1]
        p.circle(T.WHITE, (x, y), 0.017)
    _pin(p, T.CORAL, (0.62, 0.3), 0.17)
    for x, y, r in ((0.18, 0.22, 0.04), (0.86, 0.2, 0.032)):
        p.rpoly(T.SUN, _star_pts((x, y), r, r * 0.4, 4), 0.004)


def _topic_fake_profile(p: _Pen) -> None:
    p.rect(T.WHITE, 0.12, 0.14, 0.6, 0.74, r=0.07)
    p.rect(T.GRAPE, 0.12, 0.14, 0.6, 0.22, r=0.07)
    p.rect(T.GRAPE, 0.12, 0.26, 0.6, 0.1)
    p.circle(T.WHITE, (0.42, 0.39), 0.14)
    p.circle(T.SKY, (0.42, 0.39), 0.12)
    p.circle(lighter(T.SKY, 0.6), (0.42, 0.36), 0.05)
    p.poly(lighter(T.SKY, 0.6), _arc_pts((0.42, 0.48), 0.085, 0.06, 180, 360))
    # a party mask over the eyes
    p.rpoly(
        T.BUBBLEGUM,
        [(0.34, 0.345), (0.5, 0.345), (0.49, 0.375), (0.42, 0.38), (0.35, 0.375)],
        0.012,
    )
    for s in (-1, 1):
        p.ellipse(T.WHITE, (0.42 + s * 0.035, 0.358), 0.016, 0.009)
    for i, w in enumerate((0.4, 0.3, 0.36)):
        p.rect(lighter(T.NEUTRAL, 0.55), 0.2, 0.6 + i * 0.08, w, 0.04, r=0.02)
    p.circle(T.SUN, (0.74, 0.66), 0.16)
    _qmark(p, INK, (0.74, 0.66), 0.2)


def _topic_gifts(p: _Pen) -> None:
    box, ribbon = T.BUBBLEGUM, T.SUN
    for s in (-1, 1):
        p.circle(deeper(ribbon, 0.12), (0.5 + s * 0.1, 0.27), 0.02)
        pts = _ellipse_pts((0.5 + s * 0.1, 0.26), 0.1, 0.055, rot=-25 * s)
        p.poly(ribbon, pts)
        p.poly(deeper(ribbon, 0.15), _ellipse_pts((0.5 + s * 0.1, 0.26), 0.045, 0.022, rot=-25 * s))
    p.rect(box, 0.18, 0.46, 0.64, 0.42, r=0.05)
    p.rect(deeper(box, 0.12), 0.18, 0.46, 0.64, 0.05)
    p.rect(lighter(box, 0.15), 0.13, 0.33, 0.74, 0.16, r=0.05)
    p.rect(ribbon, 0.445, 0.33, 0.11, 0.55)
    p.circle(ribbon, (0.5, 0.31), 0.045)
    for x, y, r in ((0.12, 0.2, 0.045), (0.88, 0.16, 0.035), (0.9, 0.5, 0.03)):
        p.rpoly(T.SUN, _star_pts((x, y), r, r * 0.4, 4), 0.004)


def _shield_pts(c: Point, w: float, h: float) -> list[Point]:
    cx, cy = c
    top = cy - h / 2
    c2 = (cx, top + h * 0.35)
    return (
        [(cx - w / 2, top + h * 0.1), (cx, top), (cx + w / 2, top + h * 0.1)]
        + _arc_pts(c2, w / 2, h * 0.65, 0, 90, 16)
        + _arc_pts(c2, w / 2, h * 0.65, 90, 180, 16)
    )


def _topic_bullying(p: _Pen) -> None:
    _bubble(p, T.SKY_DEEP, 0.08, 0.1, 0.84, 0.64, "left")
    shield = _shield_pts((0.52, 0.42), 0.38, 0.46)
    p.rpoly(T.WHITE, shield, 0.02)
    p.rpoly(T.MINT, _shield_pts((0.52, 0.425), 0.3, 0.37), 0.02)
    p.rpoly(T.WHITE, _heart_pts((0.52, 0.41), 0.18), 0.01)
    p.rpoly(T.CORAL, _heart_pts((0.52, 0.41), 0.15), 0.006)


def _topic_privacy(p: _Pen) -> None:
    shackle = (128, 150, 236)
    p.arc(shackle, (0.5, 0.4), 0.17, 0.19, 180, 360, 0.09, caps=False)
    p.rect(shackle, 0.285, 0.4, 0.09, 0.1)
    p.rect(shackle, 0.625, 0.4, 0.09, 0.1)
    p.rect(deeper(T.SUN, 0.12), 0.2, 0.47, 0.6, 0.44, r=0.09)
    p.rect(T.SUN, 0.2, 0.45, 0.6, 0.42, r=0.09)
    p.rect(lighter(T.SUN, 0.45), 0.25, 0.49, 0.12, 0.03, r=0.015)
    p.circle(INK, (0.5, 0.62), 0.055)
    p.rpoly(INK, [(0.48, 0.64), (0.52, 0.64), (0.53, 0.76), (0.47, 0.76)], 0.01)


def _buddy(p: _Pen, x: float, skin, hair, shirt, ponytail: int = 0) -> None:
    """A small smiling friend (head and shoulders) centred on ``x``."""
    p.rect(shirt, x - 0.17, 0.63, 0.34, 0.36, r=0.13)
    head = (x, 0.47)
    if ponytail:
        p.circle(hair, (x + ponytail * 0.15, 0.43), 0.065)
    p.circle(skin, head, 0.14)
    p.poly(
        hair,
        _arc_pts(head, 0.148, 0.15, 175, 365)
        + [
            (x + 0.135, 0.45),
            (x + 0.1, 0.41),
            (x + 0.03, 0.43),
            (x - 0.04, 0.4),
            (x - 0.11, 0.42),
            (x - 0.135, 0.45),
        ],
    )
    for s in (-1, 1):
        p.ellipse(INK, (x + s * 0.045, 0.49), 0.014, 0.019)
        p.circle(T.WHITE, (x + s * 0.045 + 0.005, 0.483), 0.005)
        p.circle(mix(skin, T.CORAL, 0.45), (x + s * 0.085, 0.535), 0.02)
    p.arc(MOUTH, (x, 0.515), 0.035, 0.028, 25, 155, 0.013)


def _topic_helping_friend(p: _Pen) -> None:
    p.rpoly(T.CORAL, _heart_pts((0.5, 0.19), 0.28), 0.015)
    p.ellipse(lighter(T.CORAL, 0.45), (0.44, 0.14), 0.03, 0.02)
    right_skin, left_skin = SKIN["light"], SKIN["brown"]
    _buddy(p, 0.7, right_skin, (214, 110, 60), T.MINT, ponytail=1)
    _buddy(p, 0.3, left_skin, (44, 32, 38), T.SKY_DEEP)
    # an arm round the friend's shoulders
    p.seg(T.SKY_DEEP, (0.38, 0.71), (0.6, 0.68), 0.08)
    p.circle(left_skin, (0.62, 0.68), 0.045)
    for x, y, r in ((0.13, 0.2, 0.045), (0.87, 0.22, 0.035)):
        p.rpoly(T.SUN, _star_pts((x, y), r, r * 0.4, 4), 0.004)


def _topic_star(p: _Pen) -> None:
    pts = _star_pts((0.5, 0.53), 0.38, 0.19, 5)
    p.rpoly(deeper(T.SUN, 0.15), [(x, y + 0.02) for x, y in pts], 0.04)
    p.rpoly(T.SUN, pts, 0.04)
    p.ellipse(lighter(T.SUN, 0.5), (0.42, 0.38), 0.045, 0.028)


_TOPICS: dict[str, Callable[[_Pen], None]] = {
    "stranger": _topic_stranger,
    "webcam": _topic_webcam,
    "photos": _topic_photos,
    "personal_info": _topic_personal_info,
    "shared_computer": _topic_shared_computer,
    "meeting": _topic_meeting,
    "fake_profile": _topic_fake_profile,
    "gifts": _topic_gifts,
    "bullying": _topic_bullying,
    "privacy": _topic_privacy,
    "helping_friend": _topic_helping_friend,
}
TOPICS = tuple(_TOPICS)


def _make_topic(draw: Callable[[_Pen], None], size: int) -> pygame.Surface:
    # drawn a little smaller, clear of the sticker outline and the shadow below
    p = _Pen(size, zoom=0.88, centre=(0.5, 0.48))
    draw(p)
    return _sticker(p, outline=0.035 / 0.88)


def topic_icon(topic: str, size: int) -> pygame.Surface:
    """A sticker-style picture for a scenario card (``size`` x ``size``, SRCALPHA).

    Topics are listed in :data:`TOPICS`; anything else shows a star.
    """
    name = str(topic).strip().lower() if topic is not None else ""
    draw = _TOPICS.get(name, _topic_star)
    if name not in _TOPICS:
        name = "star"
    size = max(8, int(size))
    return _topics.get_or_make((name, size), lambda: _make_topic(draw, size))


# --------------------------------------------------------------------------------------------
# UI icons (one colour, transparent background)
# --------------------------------------------------------------------------------------------

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

    def z(pts):
        return [(0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale) for x, y in pts]

    p.arc(c, *z([(0.5, 0.66)]), 0.34 * scale, 0.23 * scale, 200, 340, 0.15 * scale)
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


_ICONS: dict[str, Callable[[_Pen, tuple], None]] = {
    "help": _icon_help,
    "close": _icon_close,
    "back": _icon_back,
    "next": _icon_next,
    "check": _icon_check,
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
}
ICONS = tuple(_ICONS)


def icon(name: str, size: int, color) -> pygame.Surface:
    """A one-colour UI glyph ``size`` x ``size`` on a transparent background.

    Names are listed in :data:`ICONS`; anything else draws a star.
    """
    key_name = name if name in _ICONS else "star"
    rgb = _rgb(color)
    alpha = int(color[3]) if len(color) > 3 else 255
    size = max(4, int(size))

    def make() -> pygame.Surface:
        p = _Pen(size, fill=(*rgb, 0))
        _ICONS[key_name](p, (*rgb, 255))
        out = p.done()
        if alpha < 255:
            out.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        return out

    return _icons.get_or_make((key_name, size, rgb, alpha), make)


# --------------------------------------------------------------------------------------------
# Images from assets/images
# --------------------------------------------------------------------------------------------

PLACEHOLDER_SIZE = (320, 240)


def _placeholder(size: tuple[int, int]) -> pygame.Surface:
    w, h = max(8, size[0]), max(8, size[1])
    p = _Pen(w, h, unit=1, fill=(*lighter(T.SKY, 0.82), 0))
    r = min(w, h) * 0.12
    p.rect(lighter(T.SKY, 0.82), 0, 0, w, h, r=r)
    p.rect(lighter(T.SKY, 0.55), 0, 0, w, h, r=r, width=max(2, min(w, h) * 0.025))
    g = min(w, h) * 0.5  # the picture glyph
    x, y = (w - g) / 2, (h - g * 0.8) / 2
    p.rect(T.WHITE, x, y, g, g * 0.8, r=g * 0.12)
    p.rect(T.SKY, x + g * 0.08, y + g * 0.08, g * 0.84, g * 0.64, r=g * 0.07)
    p.circle(T.SUN, (x + g * 0.68, y + g * 0.26), g * 0.08)
    p.poly(
        T.MINT,
        [
            (x + g * 0.08, y + g * 0.72),
            (x + g * 0.08, y + g * 0.56),
            (x + g * 0.32, y + g * 0.34),
            (x + g * 0.56, y + g * 0.58),
            (x + g * 0.56, y + g * 0.72),
        ],
    )
    p.poly(
        T.GRASS,
        [
            (x + g * 0.3, y + g * 0.72),
            (x + g * 0.6, y + g * 0.44),
            (x + g * 0.92, y + g * 0.66),
            (x + g * 0.92, y + g * 0.72),
        ],
    )
    return p.done()


def image(relpath: str, size: tuple[int, int] | None = None) -> pygame.Surface:
    """Load ``assets/images/<relpath>`` (scaled to ``size`` if given).

    A missing or unreadable file gives a friendly placeholder card of the same size (or
    :data:`PLACEHOLDER_SIZE`) and one warning.
    """
    want = (max(1, int(size[0])), max(1, int(size[1]))) if size else None
    key = (str(relpath), want)

    def make() -> pygame.Surface:
        path = IMAGES / str(relpath)
        try:
            loaded = pygame.image.load(str(path))
            surf = pygame.Surface(loaded.get_size(), pygame.SRCALPHA)
            surf.fill((255, 255, 255, 0))
            surf.blit(loaded, (0, 0))
            if want and want != surf.get_size():
                surf = pygame.transform.smoothscale(surf, want)
            return surf
        except (pygame.error, OSError, ValueError, MemoryError):
            warn_once(
                f"image:{relpath}",
                f"image not found: assets/images/{relpath}; showing a placeholder",
            )
            return _placeholder(want or PLACEHOLDER_SIZE)

    return _images.get_or_make(key, make)


# --------------------------------------------------------------------------------------------
# Panels and rounded rectangles
# --------------------------------------------------------------------------------------------

SHADOW_OFFSET = (0, 6)
PANEL_MARGIN = 16  # a shadowed panel surface is this much bigger on every side


def _disc(radius: int, rgb: Color) -> pygame.Surface:
    """A smooth filled circle ``2 * radius`` wide in one colour."""
    d = max(1, 2 * radius)
    p = _Pen(d, fill=(*rgb, 0))
    p.circle((*rgb, 255), (0.5, 0.5), 0.5)
    return p.done()


def _rrect_surface(w: int, h: int, rgba: tuple[int, int, int, int], radius: int) -> pygame.Surface:
    rgb = rgba[:3]
    s = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
    s.fill((*rgb, 0))
    r = max(0, min(int(radius), w // 2, h // 2))
    if r < 1:
        s.fill((*rgb, 255))
    else:
        pygame.draw.rect(s, (*rgb, 255), (r, 0, w - 2 * r, h))
        pygame.draw.rect(s, (*rgb, 255), (0, r, w, h - 2 * r))
        disc = _disc(r, rgb)
        s.blit(disc, (0, 0), (0, 0, r, r))
        s.blit(disc, (w - r, 0), (r, 0, r, r))
        s.blit(disc, (0, h - r), (0, r, r, r))
        s.blit(disc, (w - r, h - r), (r, r, r, r))
    if rgba[3] < 255:
        s.fill((255, 255, 255, rgba[3]), special_flags=pygame.BLEND_RGBA_MULT)
    return s


def _shadow_surface(w: int, h: int, radius: int) -> pygame.Surface:
    """A soft shadow for a ``w`` x ``h`` rounded rect, with PANEL_MARGIN on every side."""

    def make() -> pygame.Surface:
        m = PANEL_MARGIN
        f = 4  # blur at a quarter size: cheap and soft
        sw, sh = (w + 2 * m) // f + 1, (h + 2 * m) // f + 1
        small = pygame.Surface((sw, sh), pygame.SRCALPHA)
        small.fill((*T.SHADOW, 0))
        inner = _rrect_surface(max(1, w // f), max(1, h // f), (*T.SHADOW, 70), max(1, radius // f))
        small.blit(inner, (m // f, m // f))
        small = _blur(small, 2)
        return pygame.transform.smoothscale(small, (w + 2 * m, h + 2 * m))

    return _shadows.get_or_make((w, h, radius), make)


def panel(size: tuple[int, int], color, radius: int, shadow: bool = True) -> pygame.Surface:
    """A pre-rendered, cached rounded panel.

    With ``shadow`` the surface is ``PANEL_MARGIN`` pixels bigger on every side and the panel
    itself starts at ``(PANEL_MARGIN, PANEL_MARGIN)``; blit it at
    ``(x - PANEL_MARGIN, y - PANEL_MARGIN)`` to put the panel at ``(x, y)``. The soft shadow sits
    ``SHADOW_OFFSET`` (0, 6) below the panel. Without ``shadow`` the surface is exactly ``size``.
    """
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    rgba = (*_rgb(color), int(color[3]) if len(color) > 3 else 255)
    radius = max(0, int(radius))

    def make() -> pygame.Surface:
        body = _rrect_surface(w, h, rgba, radius)
        if not shadow:
            return body
        m = PANEL_MARGIN
        out = pygame.Surface((w + 2 * m, h + 2 * m), pygame.SRCALPHA)
        out.fill((*T.SHADOW, 0))
        out.blit(_shadow_surface(w, h, radius), SHADOW_OFFSET)
        out.blit(body, (m, m))
        return out

    return _panels.get_or_make((w, h, rgba, radius, bool(shadow)), make)


def rounded_rect(surface: pygame.Surface, rect, color, radius: int, shadow: bool = False) -> None:
    """Draw a smooth rounded rectangle, optionally with a soft shadow 6 px below it."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return
    rgba = (*_rgb(color), int(color[3]) if len(color) > 3 else 255)
    radius = max(0, int(radius))
    opaque = rgba[3] == 255 and rect.w > 2 * radius and rect.h > 2 * radius
    if shadow:
        origin = (
            rect.x - PANEL_MARGIN + SHADOW_OFFSET[0],
            rect.y - PANEL_MARGIN + SHADOW_OFFSET[1],
        )
        shade = _shadow_surface(rect.w, rect.h, radius)
        if opaque:
            # The opaque body will cover the middle of the shadow: copy only its rim.
            covered = pygame.Rect(
                rect.x + radius, rect.y + radius, rect.w - 2 * radius, rect.h - 2 * radius
            )
            _blit_around(surface, shade, origin, covered.move(-origin[0], -origin[1]))
        else:
            surface.blit(shade, origin)
    body = panel(rect.size, rgba, radius, shadow=False)
    if not opaque:
        surface.blit(body, rect.topleft)
        return
    # Fill the straight middle, copy only the four antialiased corners.
    surface.fill(rgba[:3], rect.inflate(-2 * radius, 0))
    surface.fill(rgba[:3], rect.inflate(0, -2 * radius))
    for cx in (0, rect.w - radius):
        for cy in (0, rect.h - radius):
            surface.blit(body, (rect.x + cx, rect.y + cy), (cx, cy, radius, radius))


def _blit_around(surface, image, pos, hole: pygame.Rect) -> None:
    """Blit `image` at `pos` except the part inside `hole` (in the image's coordinates)."""
    w, h = image.get_size()
    hole = hole.clip(pygame.Rect(0, 0, w, h))
    parts = (
        pygame.Rect(0, 0, w, hole.top),
        pygame.Rect(0, hole.bottom, w, h - hole.bottom),
        pygame.Rect(0, hole.top, hole.left, hole.h),
        pygame.Rect(hole.right, hole.top, w - hole.right, hole.h),
    )
    for part in parts:
        if part.w > 0 and part.h > 0:
            surface.blit(image, (pos[0] + part.x, pos[1] + part.y), part)


# --------------------------------------------------------------------------------------------
# Animated backdrops
# --------------------------------------------------------------------------------------------

CONFETTI_COLORS = (T.CORAL, T.SUN, T.MINT, T.SKY, T.GRAPE, T.BUBBLEGUM, T.PEACH, T.GRASS)
BACKDROP_SHAPES = ("bubbles", "stars", "confetti", "none")
CONFETTI_SIZE = 28


def _gradient_bands(
    top: Color, bottom: Color, size: tuple[int, int], max_bands: int = 160
) -> list[tuple[Color, pygame.Rect]]:
    """The gradient as horizontal bands of one colour each (rows of equal colour merged).

    Filling ~100-160 bands costs less than copying a whole pre-rendered picture every frame.
    """
    w, h = size
    step = max(1, math.ceil(h / max_bands))
    bands: list[tuple[Color, pygame.Rect]] = []
    for y in range(0, h, step):
        t = min(1.0, (y + step / 2) / max(1, h - 1))
        t = t * t * (3 - 2 * t) * 0.5 + t * 0.5  # a gentle ease
        color = mix(top, bottom, t)
        rows = min(step, h - y)
        if bands and bands[-1][0] == color:
            bands[-1][1].height += rows
        else:
            bands.append((color, pygame.Rect(0, y, w, rows)))
    return bands


def _bubble_sprite(r: int) -> pygame.Surface:
    d = 2 * r + 2
    p = _Pen(d, fill=(255, 255, 255, 0), ss=4)
    c, rr = (0.5, 0.5), r / d
    p.circle((255, 255, 255, 46), c, rr)
    p.circle((255, 255, 255, 110), c, rr, width=max(0.02, 2.0 / d))
    p.arc((255, 255, 255, 170), c, rr * 0.68, rr * 0.68, 200, 250, max(0.03, 3.0 / d))
    return p.done()


def _trimmed(sprite: pygame.Surface) -> tuple[pygame.Surface, int, int]:
    """Cut away the fully transparent border; return the sprite and its offset from the centre.

    Blending cost grows with the pixels blitted, so small tight sprites keep draw() cheap.
    """
    box = sprite.get_bounding_rect()
    if box.w == 0 or box.h == 0:
        box = pygame.Rect(0, 0, 1, 1)
    w, h = sprite.get_size()
    return _premultiplied(sprite.subsurface(box).copy()), box.x - w // 2, box.y - h // 2


_PREMUL = (
    getattr(pygame, "BLEND_PREMULTIPLIED", 0) if hasattr(pygame.Surface, "premul_alpha") else 0
)


def _premultiplied(sprite: pygame.Surface) -> pygame.Surface:
    """Backdrop sprites are stored premultiplied: the premultiplied blend is the quickest one."""
    return sprite.premul_alpha() if _PREMUL else sprite


def _sparkle_sprite(r: float, level: float, color: Color) -> pygame.Surface:
    """A twinkling star at ``level`` (0 dim and small .. 1 bright and full): the full star,
    drawn once per size and colour, shrunk and faded (cheaper than drawing each level)."""
    full = _sparkles.get_or_make((r, tuple(color)), lambda: _full_sparkle(r, color))
    d = full.get_width()
    size = max(1, round(d * (0.55 + 0.45 * level)))
    out = pygame.Surface((d, d), pygame.SRCALPHA)
    out.fill((*color, 0))
    out.blit(pygame.transform.smoothscale(full, (size, size)), ((d - size) // 2,) * 2)
    out.fill((255, 255, 255, round(90 + 165 * level)), special_flags=pygame.BLEND_RGBA_MULT)
    return out


def _full_sparkle(r: float, color: Color) -> pygame.Surface:
    d = int(r * 2 + 4)
    p = _Pen(d, fill=(*color, 0), ss=4)
    rr = r / d
    p.circle((*color, round(255 * 0.35)), (0.5, 0.5), rr * 0.5)
    p.rpoly((*color, 255), _star_pts((0.5, 0.5), rr, rr * 0.28, 4), rr * 0.05)
    return p.done()


def _confetti_sprite(color: Color, frame: int, frames: int) -> pygame.Surface:
    d = CONFETTI_SIZE
    p = _Pen(d, fill=(*color, 0), ss=4)
    t = frame / frames
    w = 0.14 + 0.3 * abs(math.cos(t * 2 * math.pi))
    pts = [(-w / 2, -0.32), (w / 2, -0.32), (w / 2, 0.32), (-w / 2, 0.32)]
    pts = _rotate_pts([(0.5 + x, 0.5 + y) for x, y in pts], (0.5, 0.5), 360 * t)
    shade = mix(color, T.WHITE, 0.25 * abs(math.sin(t * 2 * math.pi)))
    p.poly((*shade, 255), pts)
    return p.done()


class _Frames:
    """Animation frames, each made the first time it is shown (a scene opens sooner)."""

    __slots__ = ("_make", "_made")

    def __init__(self, count: int, make: Callable[[int], tuple]) -> None:
        self._make = make
        self._made: list = [None] * count

    def __getitem__(self, index: int) -> tuple:
        made = self._made[index]
        if made is None:
            made = self._made[index] = self._make(index)
        return made

    def __len__(self) -> int:
        return len(self._made)


class Backdrop:
    """An animated scene background: a soft vertical gradient plus drifting shapes.

    ``shapes`` is ``"bubbles"``, ``"stars"``, ``"confetti"`` or ``"none"``. The animation is a pure
    function of the time accumulated through :meth:`update`, so the same seed and the same total
    time always give the same picture.

    Everything is prepared once: the gradient as a short list of one-colour bands (filling them
    is cheaper than copying a full-screen picture) and the shapes as small premultiplied sprites
    (twinkle levels and spin frames included), so :meth:`draw` only fills and blits.
    """

    BUBBLES = 14
    STARS = 26
    CONFETTI = 40
    SPIN_FRAMES = 16
    TWINKLE_LEVELS = 8

    def __init__(
        self, top: tuple, bottom: tuple, size=(1280, 720), seed: int = 0, shapes: str = "bubbles"
    ) -> None:
        self.top, self.bottom = _rgb(top), _rgb(bottom)
        self.size = (max(1, int(size[0])), max(1, int(size[1])))
        self.seed = seed
        if shapes not in BACKDROP_SHAPES:
            warn_once(f"backdrop:{shapes}", f"unknown backdrop shapes {shapes!r}; using bubbles")
            shapes = "bubbles"
        self.shapes = shapes
        self.t = 0.0
        rng = random.Random(seed)
        self._bands = _gradient_bands(self.top, self.bottom, self.size)
        self._items: list = []
        w, h = self.size
        if shapes == "bubbles":
            sprites = {r: _premultiplied(_bubble_sprite(r)) for r in (8, 11, 15, 20, 26, 32)}
            for _ in range(self.BUBBLES):
                r = rng.choice(tuple(sprites))
                self._items.append(
                    (
                        sprites[r],
                        r,
                        rng.uniform(0, w),
                        rng.uniform(0, h + 2 * r),
                        rng.uniform(18, 46) * (1.2 - r / 100),
                        rng.uniform(6, 22),
                        rng.uniform(0.4, 1.1),
                        rng.uniform(0, 6.3),
                    )
                )
        elif shapes == "stars":
            looks = []
            levels = self.TWINKLE_LEVELS - 1
            for r, color in ((9, T.WHITE), (14, T.WHITE), (20, (255, 246, 204))):
                looks.append(
                    _Frames(
                        self.TWINKLE_LEVELS,
                        lambda i, r=r, color=color: _trimmed(_sparkle_sprite(r, i / levels, color)),
                    )
                )
            for _ in range(self.STARS):
                frames = rng.choice(looks)
                self._items.append(
                    (
                        frames,
                        rng.uniform(0, w),
                        rng.uniform(0, h * 0.92),
                        rng.uniform(1.2, 3.2),
                        rng.uniform(0, 6.3),
                        rng.uniform(2, 8),
                    )
                )
        elif shapes == "confetti":
            spins = {
                c: _Frames(
                    self.SPIN_FRAMES,
                    lambda i, c=c: _trimmed(_confetti_sprite(c, i, self.SPIN_FRAMES)),
                )
                for c in CONFETTI_COLORS
            }
            for _ in range(self.CONFETTI):
                frames = spins[rng.choice(CONFETTI_COLORS)]
                self._items.append(
                    (
                        frames,
                        rng.uniform(0, w),
                        rng.uniform(0, h + 40),
                        rng.uniform(70, 150),
                        rng.uniform(10, 40),
                        rng.uniform(0.8, 2.2),
                        rng.uniform(0, 6.3),
                        rng.uniform(4, 12) * rng.choice((-1, 1)),
                    )
                )

    def update(self, dt: float) -> None:
        """Advance the animation by ``dt`` seconds."""
        if dt > 0:
            self.t += float(dt)

    def _blits(self) -> list:
        t = self.t
        w, h = self.size
        out = []
        if self.shapes == "bubbles":
            for sprite, r, x0, y0, speed, sway, freq, phase in self._items:
                span = h + 2 * r + 4
                y = (y0 - speed * t) % span - 2 * r - 2
                x = x0 + sway * math.sin(t * freq + phase) - r
                out.append((sprite, (int(x), int(y))))
        elif self.shapes == "stars":
            n = self.TWINKLE_LEVELS - 1
            for frames, x, y, freq, phase, drift in self._items:
                level = 0.5 + 0.5 * math.sin(t * freq + phase)
                sprite, ox, oy = frames[int(level * n + 0.5)]
                xx = (x - drift * t) % (w + 40) - 20
                out.append((sprite, (int(xx) + ox, int(y) + oy)))
        elif self.shapes == "confetti":
            n = self.SPIN_FRAMES
            for frames, x0, y0, speed, sway, freq, phase, spin in self._items:
                y = (y0 + speed * t) % (h + 40) - 30
                x = x0 + sway * math.sin(t * freq + phase)
                sprite, ox, oy = frames[int(phase * 3 + t * spin) % n]
                out.append((sprite, (int(x) + ox, int(y) + oy)))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the gradient and the shapes at the current time."""
        self.draw_gradient(surface)
        self.draw_shapes(surface)

    def draw_gradient(self, surface: pygame.Surface) -> None:
        fill = surface.fill
        for color, rect in self._bands:
            fill(color, rect)

    def draw_shapes(self, surface: pygame.Surface, clips=None) -> None:
        """Draw only the moving shapes; with `clips`, only inside those rectangles."""
        if self.shapes == "none":
            return
        if clips is not None:
            old = surface.get_clip()
            for clip in clips:
                surface.set_clip(clip)
                self.draw_shapes(surface)
            surface.set_clip(old)
            return
        blits = self._blits()
        if hasattr(surface, "fblits"):
            surface.fblits(blits, _PREMUL)
        else:  # pragma: no cover - older pygame
            surface.blits([(s, p, None, _PREMUL) for s, p in blits], doreturn=False)
