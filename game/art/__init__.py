"""Procedural art: avatars, topic pictures, UI icons, panels and animated backdrops.

Everything is drawn with ``pygame.draw`` on a surface a few times larger than asked for and then
shrunk with ``smoothscale``, so edges come out soft and round without any image files.

Rules for callers:

* every function returns a plain 32-bit ``SRCALPHA`` surface, so no display mode is needed;
* results are cached: the same arguments give back the *same* Surface object, so never draw on
  what you get back (``copy()`` it first);
* an unknown look, topic or icon name shows a question mark and prints one warning.

Callers use this package as one module (``from game import art``; ``art.avatar(...)``). Each
name is imported from its module the first time it is used, so ``import game.art`` costs almost
nothing and a screen loads only the drawings it shows (the title screen never loads the topic
pictures or the image loader). Where each thing is drawn:

=============  ==================================================================================
``colors``     ``mix``, ``lighter``, ``deeper``; the palette of faces (ink, mouth, skin tones)
``cache``      the caches of drawn surfaces and ``clear_caches``
``geometry``   outlines as point lists: arcs, ellipses, stars, hearts, shields
``pen``        ``_Pen``, the supersampling pen every drawing uses; the sticker outline and
               shadow; the question mark of the placeholders
``avatars``    ``avatar``: the characters' round faces, one drawing per look (:data:`LOOKS`),
               and the ``unknown`` look, a silhouette with a question mark
``topics``     ``topic_icon``: the sticker pictures of the scenario cards (:data:`TOPICS`),
               including the little speech bubbles, map pins and friends inside them; a
               question-mark sticker for an unknown topic
``icons``      ``icon``: one-colour UI glyphs (:data:`ICONS`); a question mark in a rounded
               square for an unknown name
``images``     ``image``: pictures from ``assets/images`` (the folder is ``images.IMAGES``)
               and the placeholder card for a missing one
``panels``     ``panel`` and ``rounded_rect``: rounded cards and buttons with soft shadows.
               A chat scene's message bubbles are ``rounded_rect`` calls in
               ``scenes/chat.py`` (``ChatScene.bubble``)
``backdrop``   ``Backdrop``: the gradient with drifting bubbles, twinkling stars or confetti
=============  ==================================================================================
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# The public names of each module, loaded on first use by __getattr__ below.
_EXPORTS = {
    "avatars": ("AVATAR_RING", "LOOKS", "avatar"),
    "backdrop": ("BACKDROP_SHAPES", "CONFETTI_COLORS", "CONFETTI_SIZE", "Backdrop"),
    "cache": ("clear_caches",),
    "colors": ("INK", "MOUTH", "SKIN", "TONGUE", "Color", "deeper", "lighter", "mix"),
    "geometry": ("Point",),
    "icons": ("ICONS", "icon"),
    "images": ("PLACEHOLDER_SIZE", "image"),
    "panels": ("PANEL_MARGIN", "SHADOW_OFFSET", "panel", "rounded_rect"),
    "topics": ("TOPICS", "topic_icon"),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "AVATAR_RING",
    "BACKDROP_SHAPES",
    "CONFETTI_COLORS",
    "CONFETTI_SIZE",
    "ICONS",
    "INK",
    "LOOKS",
    "MOUTH",
    "PANEL_MARGIN",
    "PLACEHOLDER_SIZE",
    "SHADOW_OFFSET",
    "SKIN",
    "TONGUE",
    "TOPICS",
    "Backdrop",
    "Color",
    "Point",
    "avatar",
    "clear_caches",
    "deeper",
    "icon",
    "image",
    "lighter",
    "mix",
    "panel",
    "rounded_rect",
    "topic_icon",
]


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next look-up finds it without coming here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # the same names, for type checkers and editors
    from .avatars import AVATAR_RING, LOOKS, avatar
    from .backdrop import BACKDROP_SHAPES, CONFETTI_COLORS, CONFETTI_SIZE, Backdrop
    from .cache import clear_caches
    from .colors import INK, MOUTH, SKIN, TONGUE, Color, deeper, lighter, mix
    from .geometry import Point
    from .icons import ICONS, icon
    from .images import PLACEHOLDER_SIZE, image
    from .panels import PANEL_MARGIN, SHADOW_OFFSET, panel, rounded_rect
    from .topics import TOPICS, topic_icon
