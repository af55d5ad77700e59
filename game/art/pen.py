"""``_Pen``, the supersampling pen every drawing uses, and the finishes built on it:
silhouettes, blur, the sticker outline with its soft shadow, and the question mark that every
placeholder shows."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game import theme as T

from .colors import _rgb
from .geometry import Point, _arc_pts


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
