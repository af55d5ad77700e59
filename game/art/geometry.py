"""Outlines as point lists in unit coordinates (0..1 across the picture): arcs, ellipses,
stars, hearts and shields, plus turning and mirroring them."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]


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


def _shield_pts(c: Point, w: float, h: float) -> list[Point]:
    cx, cy = c
    top = cy - h / 2
    c2 = (cx, top + h * 0.35)
    return (
        [(cx - w / 2, top + h * 0.1), (cx, top), (cx + w / 2, top + h * 0.1)]
        + _arc_pts(c2, w / 2, h * 0.65, 0, 90, 16)
        + _arc_pts(c2, w / 2, h * 0.65, 90, 180, 16)
    )
