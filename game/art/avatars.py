"""Avatars: the round faces of the characters (one drawing per look) and the
question-mark silhouette of the ``unknown`` look."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pygame

from game import theme as T
from game.log import warn_once

from .cache import _avatars
from .colors import INK, MOUTH, SKIN, TONGUE, Color, _rgb, deeper, lighter, mix
from .geometry import Point, _arc_pts, _mirror, _shield_pts, _star_pts
from .pen import _Pen, _qmark

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
        turn = math.radians(25 + i * 21.7)
        p.circle(T.WHITE, (0.5 + 0.09 * math.cos(turn), 0.735 + 0.075 * math.sin(turn)), 0.014)
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


# Each look: its background colour and its drawing (None: the unknown look, drawn on the colour)
_LOOKS: dict[str, tuple[Color, Callable[[_Pen], None] | None]] = {
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


def avatar(
    look: str | None, size: int, color: tuple[int, int, int] | None = None
) -> pygame.Surface:
    """A round, friendly face ``size`` x ``size`` (SRCALPHA) with a white rim.

    ``look`` is one of :data:`LOOKS`; ``None`` or ``""`` (no look given) shows the ``unknown``
    look (a friendly silhouette with a question mark), and so does any other name, with one
    warning. ``color`` replaces the background colour.
    """
    name = str(look).strip().lower() if look is not None else "unknown"
    if name not in _LOOKS:
        if name:
            warn_once(f"look:{name}", f"unknown avatar look {name!r}; showing a question mark")
        name = "unknown"
    size = max(8, int(size))
    bg = _rgb(color) if color is not None else _LOOKS[name][0]
    return _avatars.get_or_make((name, size, bg), lambda: _make_avatar(name, size, bg))
