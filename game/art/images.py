"""Pictures from ``assets/images``, and the friendly placeholder card shown for a missing
one."""

from __future__ import annotations

import pygame

from game import theme as T
from game.log import warn_once
from game.resources import IMAGES

from .cache import _images
from .colors import lighter
from .pen import _Pen

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
