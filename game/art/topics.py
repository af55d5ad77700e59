"""Topic pictures: the sticker-style scenes on the scenario cards of the menu, with the
speech bubbles, map pins and little friends they are made of."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import theme as T
from game.log import warn_once

from .cache import _topics
from .colors import INK, MOUTH, SKIN, deeper, lighter, mix
from .geometry import Point, _arc_pts, _ellipse_pts, _heart_pts, _shield_pts, _star_pts
from .pen import _Pen, _qmark, _sticker


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


def _phone(p: _Pen, x: float, y: float, w: float, h: float, screen) -> None:
    """A phone standing upright, its screen filled with ``screen``."""
    p.rect(INK, x, y, w, h, r=w * 0.18)
    p.rect(screen, x + w * 0.09, y + h * 0.08, w * 0.82, h * 0.8, r=w * 0.06)
    p.circle(lighter(INK, 0.3), (x + w / 2, y + h * 0.94), w * 0.05)


def _topic_sextortion(p: _Pen) -> None:
    # a phone whose message is stopped by a shield: don't pay, block, tell
    _phone(p, 0.14, 0.1, 0.42, 0.78, T.SKY)
    _bubble(p, T.WHITE, 0.2, 0.2, 0.3, 0.16, "left")
    p.circle(T.SUN, (0.35, 0.56), 0.1)
    p.circle(deeper(T.SUN, 0.15), (0.35, 0.56), 0.1, width=0.025)
    p.seg(T.CORAL, (0.27, 0.64), (0.43, 0.48), 0.035)
    shield = _shield_pts((0.68, 0.55), 0.4, 0.48)
    p.rpoly(T.WHITE, shield, 0.02)
    p.rpoly(T.MINT, _shield_pts((0.68, 0.555), 0.32, 0.39), 0.02)
    p.lines(T.WHITE, [(0.6, 0.55), (0.66, 0.62), (0.77, 0.47)], 0.05)


def _topic_deepfakes(p: _Pen) -> None:
    # a photo card kept hidden (a crossed-out eye), and the sparkles of an app that fakes
    p.rect(T.WHITE, 0.1, 0.2, 0.62, 0.62, r=0.06)
    for i, col in enumerate((T.PEACH, lighter(T.GRAPE, 0.5), lighter(T.SKY, 0.4))):
        p.rect(col, 0.15, 0.26 + i * 0.17, 0.52, 0.15, r=0.05)
    p.ellipse(T.WHITE, (0.41, 0.51), 0.17, 0.1)
    p.ellipse(INK, (0.41, 0.51), 0.17, 0.1, width=0.025)
    p.circle(INK, (0.41, 0.51), 0.05)
    p.seg(T.CORAL, (0.24, 0.66), (0.58, 0.36), 0.04)
    p.seg(T.GRAPE, (0.62, 0.86), (0.86, 0.5), 0.05)
    p.rpoly(T.SUN, _star_pts((0.86, 0.42), 0.1, 0.04, 4), 0.006)
    for x, y, r in ((0.74, 0.16, 0.045), (0.93, 0.74, 0.03)):
        p.rpoly(T.SUN, _star_pts((x, y), r, r * 0.4, 4), 0.004)


def _topic_getting_help(p: _Pen) -> None:
    # a megaphone: speak up, and keep telling until someone helps; a heart says help is kind
    body = T.CORAL
    p.rect(deeper(body, 0.2), 0.3, 0.6, 0.1, 0.2, r=0.04)  # the handle
    p.rpoly(
        body,
        [(0.16, 0.42), (0.3, 0.42), (0.66, 0.22), (0.66, 0.78), (0.3, 0.58), (0.16, 0.58)],
        0.03,
    )
    p.ellipse(lighter(body, 0.35), (0.66, 0.5), 0.07, 0.28)
    p.ellipse(deeper(body, 0.25), (0.68, 0.5), 0.035, 0.16)
    for r, w in ((0.1, 0.035), (0.19, 0.035)):  # the sound
        p.arc(T.SKY_DEEP, (0.72, 0.5), r, r * 1.3, -40, 40, w)
    p.circle(T.WHITE, (0.26, 0.22), 0.12)
    p.rpoly(T.BUBBLEGUM, _heart_pts((0.26, 0.225), 0.14), 0.004)
    p.rpoly(T.SUN, _star_pts((0.88, 0.16), 0.045, 0.018, 4), 0.004)


def _topic_gambling(p: _Pen) -> None:
    # a lucky wheel with a pointer, and a coin that stays out of it
    colors = (T.CORAL, T.SUN, T.MINT, T.SKY, T.GRAPE, T.BUBBLEGUM)
    c, r = (0.44, 0.5), 0.34
    p.circle(deeper(T.GRAPE, 0.25), c, r + 0.03)
    for i, col in enumerate(colors):
        a0 = -90 + i * 60
        p.poly(col, [c] + _arc_pts(c, r, r, a0, a0 + 60))
    p.circle(T.WHITE, c, 0.07)
    p.circle(INK, c, 0.03)
    p.rpoly(INK, [(0.4, 0.1), (0.48, 0.1), (0.44, 0.2)], 0.01)
    coin = (0.8, 0.76)
    p.circle(deeper(T.SUN, 0.15), coin, 0.13)
    p.circle(T.SUN, coin, 0.105)
    p.circle(T.WHITE, coin, 0.13, width=0.03)
    p.seg(T.CORAL, (0.71, 0.85), (0.89, 0.67), 0.04)


def _topic_job_offers(p: _Pen) -> None:
    # a suitcase and a passport, with a question mark: check it with someone first
    p.ellipse(deeper(T.GRASS, 0.05), (0.44, 0.88), 0.34, 0.05)
    p.arc(INK, (0.42, 0.36), 0.1, 0.08, 180, 360, 0.045)
    p.rect(T.CORAL, 0.12, 0.36, 0.6, 0.48, r=0.07)
    p.rect(deeper(T.CORAL, 0.15), 0.12, 0.52, 0.6, 0.05)
    for x in (0.27, 0.57):
        p.rect(lighter(T.CORAL, 0.35), x - 0.02, 0.36, 0.04, 0.48)
    p.rect(T.GRAPE, 0.56, 0.5, 0.28, 0.38, r=0.04)
    p.circle(lighter(T.GRAPE, 0.5), (0.7, 0.66), 0.07, width=0.02)
    p.seg(lighter(T.GRAPE, 0.5), (0.63, 0.66), (0.77, 0.66), 0.015)
    p.circle(T.SUN, (0.78, 0.22), 0.14)
    _qmark(p, INK, (0.78, 0.22), 0.18)


def _topic_livestream(p: _Pen) -> None:
    # a phone that is live: a red badge, a face on screen, hearts and a gift floating up
    _phone(p, 0.22, 0.1, 0.44, 0.8, T.SKY)
    p.rect(T.CORAL, 0.28, 0.17, 0.16, 0.07, r=0.03)
    p.circle(T.WHITE, (0.31, 0.205), 0.015)
    p.rect(T.WHITE, 0.335, 0.195, 0.08, 0.02, r=0.01)
    p.circle(T.PEACH, (0.44, 0.48), 0.11)
    p.circle(INK, (0.4, 0.46), 0.015)
    p.circle(INK, (0.48, 0.46), 0.015)
    p.arc(MOUTH, (0.44, 0.5), 0.04, 0.03, 25, 155, 0.014)
    p.rect(T.SUN, 0.3, 0.62, 0.28, 0.18, r=0.08)
    for x, y, w in ((0.78, 0.52, 0.12), (0.84, 0.32, 0.09)):
        p.rpoly(T.BUBBLEGUM, _heart_pts((x, y), w), 0.004)
    p.rect(T.MINT, 0.72, 0.66, 0.16, 0.14, r=0.02)
    p.rect(T.SUN, 0.785, 0.66, 0.03, 0.14)
    p.rect(T.SUN, 0.72, 0.71, 0.16, 0.03)


def _topic_unknown(p: _Pen) -> None:
    """The picture of a topic that has none: a calm disc with a question mark."""
    disc = lighter(T.NEUTRAL, 0.2)
    p.circle(deeper(disc, 0.15), (0.5, 0.52), 0.36)
    p.circle(disc, (0.5, 0.5), 0.36)
    p.ellipse(lighter(disc, 0.45), (0.37, 0.3), 0.06, 0.035)
    _qmark(p, T.WHITE, (0.5, 0.5), 0.42)


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
    "sextortion": _topic_sextortion,
    "deepfakes": _topic_deepfakes,
    "getting_help": _topic_getting_help,
    "gambling": _topic_gambling,
    "job_offers": _topic_job_offers,
    "livestream": _topic_livestream,
}
TOPICS = tuple(_TOPICS)


def _make_topic(draw: Callable[[_Pen], None], size: int) -> pygame.Surface:
    # drawn a little smaller, clear of the sticker outline and the shadow below
    p = _Pen(size, zoom=0.88, centre=(0.5, 0.48))
    draw(p)
    return _sticker(p, outline=0.035 / 0.88)


def topic_icon(topic: str | None, size: int) -> pygame.Surface:
    """A sticker-style picture for a scenario card (``size`` x ``size``, SRCALPHA).

    Topics are listed in :data:`TOPICS`; anything else shows a question mark, with one warning.
    """
    name = str(topic).strip().lower() if topic is not None else ""
    draw = _TOPICS.get(name)
    if draw is None:
        warn_once(f"topic:{name}", f"unknown topic picture {name!r}; showing a question mark")
        name, draw = "?", _topic_unknown
    size = max(8, int(size))
    return _topics.get_or_make((name, size), lambda: _make_topic(draw, size))
