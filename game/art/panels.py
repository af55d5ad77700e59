"""Panels: smooth rounded rectangles and their soft shadows, under every card, button and
chat bubble of the scenes."""

from __future__ import annotations

import pygame

from game import theme as T

from .cache import _panels, _shadows
from .colors import Color, _rgb
from .pen import _blur, _Pen

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


def rounded_rect(
    surface: pygame.Surface, rect, color, radius: int, shadow: bool = False, *, edged=True
) -> None:
    """Draw a smooth rounded rectangle, optionally with a soft shadow 6 px below it. In the
    contrast look a shadowed (raised) one also has a dark outline, unless not `edged`."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return
    rgba = (*_rgb(color), int(color[3]) if len(color) > 3 else 255)
    radius = max(0, int(radius))
    edge = T.CARD_EDGE if edged and shadow and rgba[3] == 255 else 0
    if edge and rect.w > 4 * edge and rect.h > 4 * edge:
        # The contrast look: a raised card or button has a strong dark outline.
        rounded_rect(surface, rect, T.INK, radius, shadow=True, edged=False)
        rect, radius, shadow = rect.inflate(-2 * edge, -2 * edge), max(0, radius - edge), False
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
