"""Animated backdrops: a soft gradient with drifting bubbles, twinkling stars or falling
confetti."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

from game import theme as T
from game.log import warn_once

from .cache import _sparkles
from .colors import Color, _rgb, mix
from .geometry import _rotate_pts, _star_pts
from .pen import _Pen

CONFETTI_COLORS = (T.CORAL, T.SUN, T.MINT, T.SKY, T.GRAPE, T.BUBBLEGUM, T.PEACH, T.GRASS)
BACKDROP_SHAPES = ("bubbles", "stars", "confetti", "none")
CONFETTI_SIZE = 28

Sprite = tuple[pygame.Surface, int, int]  # a trimmed sprite and its offset from the centre


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


def _trimmed(sprite: pygame.Surface) -> Sprite:
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

    def __init__(self, count: int, make: Callable[[int], Sprite]) -> None:
        self._make = make
        self._made: list[Sprite | None] = [None] * count

    def __getitem__(self, index: int) -> Sprite:
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

                def twinkle(i: int, r: int = r, color: Color = color) -> Sprite:
                    return _trimmed(_sparkle_sprite(r, i / levels, color))

                looks.append(_Frames(self.TWINKLE_LEVELS, twinkle))
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
            spins: dict[Color, _Frames] = {}
            for c in CONFETTI_COLORS:

                def spin(i: int, c: Color = c) -> Sprite:
                    return _trimmed(_confetti_sprite(c, i, self.SPIN_FRAMES))

                spins[c] = _Frames(self.SPIN_FRAMES, spin)
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

    def _blits(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
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
            surface.blits([(s, p, s.get_rect(), _PREMUL) for s, p in blits], doreturn=False)
