"""The caches of drawn surfaces, one per kind of picture, and ``clear_caches``."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

import pygame


class _Cache(OrderedDict[Hashable, pygame.Surface]):
    """A small least-recently-used cache (keeps memory bounded if sizes keep changing)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def get_or_make(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
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
