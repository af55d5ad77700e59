"""Colours: blending helpers (``mix``, ``lighter``, ``deeper``) and the palette the faces
share (ink, mouth, tongue, skin tones)."""

from __future__ import annotations

from collections.abc import Sequence

from game import theme as T

Color = tuple[int, int, int]


def _rgb(color: Sequence[int]) -> Color:
    return (int(color[0]), int(color[1]), int(color[2]))


def mix(a: Sequence[int], b: Sequence[int], t: float) -> Color:
    """Blend colour ``a`` towards ``b`` by ``t`` (0..1)."""
    red, green, blue = (max(0, min(255, round(a[i] + (b[i] - a[i]) * t))) for i in range(3))
    return (red, green, blue)


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
