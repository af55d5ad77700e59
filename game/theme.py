"""Colours, sizes and spacing in one place. Layout works in logical 1280x720 pixels.

The palette names what a colour is (SKY, MINT, ...) and, below it, what a colour means
(SAFE and RISKY feedback, the keyboard FOCUS ring). Text sizes are in logical pixels at the
normal text size; the operator's text size multiplies every one of them (TEXT_SCALES), and
the boxes strings are drawn in are defined from them in game/layout.py.

Two looks share the names: "normal", bright and friendly, and "contrast", near-black text on
white cards with strong dark edges on a plain backdrop. `use_look` sets the module's colours
to one of them; scenes read them when they are made and drawn, so a scene made after the
switch is in the new look. Every text stays readable in both: white text only on the deep
fills (4.5:1 or more), dark ink on the light ones (`on` picks it), coloured words on cards
deepened until they read (`readable`).
"""

from __future__ import annotations

from collections.abc import Sequence

WIDTH, HEIGHT = 1280, 720
FPS = 30  # calm animations are smooth at 30; old PCs keep their CPU free

Color = tuple[int, int, int]

# The bright, friendly look (RGB). Light candy fills (SKY, SUN, MINT, GRASS, PEACH) carry dark
# ink; the deep ones (SKY_DEEP, GRAPE, BUBBLEGUM, CORAL and the meanings) carry white text at
# 4.5:1 or more.
NORMAL: dict[str, Color] = {
    "SKY": (125, 200, 255),
    "SKY_DEEP": (46, 98, 230),
    "SUN": (255, 206, 84),
    "MINT": (72, 207, 173),
    "GRASS": (140, 214, 92),
    "CORAL": (214, 56, 72),
    "PEACH": (255, 171, 118),
    "GRAPE": (124, 76, 230),
    "BUBBLEGUM": (200, 40, 134),
    "WHITE": (255, 255, 255),
    "CLOUD": (246, 248, 255),
    "INK": (38, 41, 72),
    "INK_SOFT": (84, 90, 132),
    "SHADOW": (20, 24, 60),
    "SAFE": (16, 126, 78),
    "RISKY": (196, 76, 10),
    "NEUTRAL": (70, 92, 204),
    "FOCUS": (255, 214, 10),
    "FOCUS_EDGE": (20, 24, 60),
    "PLAIN": (239, 244, 252),  # the plain backdrop of the contrast look; unused here
    # Deep backdrops, for screens with words on the backdrop itself: white text reads on
    # them (6:1 and more), and so do the light fills of the buttons on them.
    "BACK_BLUE": (30, 84, 200),
    "BACK_GRAPE": (92, 50, 196),
    "BACK_TEAL": (6, 108, 112),
    "BACK_PINK": (168, 28, 108),
}
# The high-contrast look: near-black ink, white cards, very deep fills under white text
# (7:1 or more), yellow only under dark ink.
CONTRAST: dict[str, Color] = {
    "SKY": (204, 230, 255),
    "SKY_DEEP": (0, 62, 170),
    "SUN": (255, 222, 60),
    "MINT": (196, 240, 226),
    "GRASS": (212, 240, 190),
    "CORAL": (168, 18, 40),
    "PEACH": (255, 220, 190),
    "GRAPE": (84, 30, 166),
    "BUBBLEGUM": (150, 0, 90),
    "WHITE": (255, 255, 254),
    "CLOUD": (255, 254, 255),
    "INK": (10, 10, 18),
    "INK_SOFT": (44, 46, 62),
    "SHADOW": (0, 0, 8),
    "SAFE": (0, 98, 50),
    "RISKY": (150, 50, 0),
    "NEUTRAL": (30, 50, 140),
    "FOCUS": (255, 200, 0),
    "FOCUS_EDGE": (0, 0, 0),
    "PLAIN": (240, 243, 250),
    "BACK_BLUE": (0, 50, 150),
    "BACK_GRAPE": (60, 20, 140),
    "BACK_TEAL": (0, 80, 80),
    "BACK_PINK": (120, 0, 70),
}
LOOKS = {"normal": NORMAL, "contrast": CONTRAST}

SKY = NORMAL["SKY"]
SKY_DEEP = NORMAL["SKY_DEEP"]
SUN = NORMAL["SUN"]
MINT = NORMAL["MINT"]
GRASS = NORMAL["GRASS"]
CORAL = NORMAL["CORAL"]
PEACH = NORMAL["PEACH"]
GRAPE = NORMAL["GRAPE"]
BUBBLEGUM = NORMAL["BUBBLEGUM"]
WHITE = NORMAL["WHITE"]
CLOUD = NORMAL["CLOUD"]
INK = NORMAL["INK"]
INK_SOFT = NORMAL["INK_SOFT"]
SHADOW = NORMAL["SHADOW"]

SAFE = NORMAL["SAFE"]
RISKY = NORMAL["RISKY"]
NEUTRAL = NORMAL["NEUTRAL"]
FOCUS = NORMAL["FOCUS"]  # the keyboard focus ring, with a dark edge outside it
FOCUS_EDGE = NORMAL["FOCUS_EDGE"]
PLAIN = NORMAL["PLAIN"]
BACK_BLUE = NORMAL["BACK_BLUE"]
BACK_GRAPE = NORMAL["BACK_GRAPE"]
BACK_TEAL = NORMAL["BACK_TEAL"]
BACK_PINK = NORMAL["BACK_PINK"]

LOOK = "normal"
EDGE = 3  # the outline of every button, in pixels
CARD_EDGE = 0  # the dark outline of cards and panels (the contrast look has one)

# Every value a name has had in any look, so a colour captured when a module was imported
# still finds the current look's value (see `current`).
_NAMES: dict[Color, str] = {value: name for look in LOOKS.values() for name, value in look.items()}


def use_look(name: str) -> None:
    """Set the palette to a look: "normal" or "contrast" (an unknown name: normal). Scenes
    made after this are in the new look; pictures made before it are not: the app forgets
    its backdrops and the drawing caches (art.clear_caches) and makes its scenes again."""
    global LOOK, EDGE, CARD_EDGE
    LOOK = name if name in LOOKS else "normal"
    globals().update(LOOKS[LOOK])
    contrast_look = LOOK == "contrast"
    EDGE = 4 if contrast_look else 3
    CARD_EDGE = 3 if contrast_look else 0


def current(color: Sequence[int] | str) -> Color:
    """A palette colour in the current look: a name ("SKY"), or a palette value taken from
    any look; any other colour comes back as it is."""
    if isinstance(color, str):
        return globals()[color]
    rgb = (int(color[0]), int(color[1]), int(color[2]))
    name = _NAMES.get(rgb)
    return globals()[name] if name else rgb


# -- contrast -------------------------------------------------------------------------------
def _channel(v: int) -> float:
    c = v / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: Sequence[int]) -> float:
    """The relative luminance of an sRGB colour (0 black .. 1 white), as WCAG defines it."""
    r, g, b = (_channel(int(v)) for v in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Sequence[int], b: Sequence[int]) -> float:
    """The WCAG contrast ratio of two colours, 1 (the same) .. 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def on(fill: Sequence[int]) -> Color:
    """The text colour for a fill: white on a deep fill, dark ink on a light one."""
    if contrast(WHITE, fill) >= 4.5:
        return WHITE
    return INK if contrast(INK, fill) >= contrast(WHITE, fill) else WHITE


def on_backdrop(color=None) -> Color:
    """Words drawn straight on a scene's backdrop: white (or `color`, light enough for the
    deep backdrops) in the normal look, dark ink on the plain backdrop of the contrast look."""
    if LOOK == "contrast":
        return INK
    return WHITE if color is None else current(color)


def _toward(color: Sequence[int], target: Sequence[int], t: float) -> Color:
    r, g, b = (round(color[i] + (target[i] - color[i]) * t) for i in range(3))
    return (r, g, b)


def readable(color: Sequence[int] | str, behind: Sequence[int] | None = None, ratio=4.5) -> Color:
    """`color` for text (or a mark) on `behind` (a card: white): deepened towards the ink
    (or lightened, on a dark ground) just enough to stand out `ratio` to one."""
    behind = WHITE if behind is None else behind
    color = current(color)
    target = INK if luminance(behind) > 0.18 else WHITE
    for step in range(21):
        out = _toward(color, target, step / 20)
        if contrast(out, behind) >= ratio:
            return out
    return target


def edge(fill: Sequence[int]) -> Color:
    """The outline of a button of this fill: white round a deep fill (it shows on a deep
    backdrop), a deep shade of the fill round a light one (it shows on a white card)."""
    if LOOK == "contrast":
        return INK
    if on(fill) == WHITE:
        return WHITE
    return readable(fill, WHITE, 3.2)


# Text sizes (logical pixels).
# Operator setting `text_size`: every text is drawn this much larger; layouts grow with it.
TEXT_SCALES = {"normal": 1.0, "large": 1.15, "larger": 1.3}
TEXT_SMALL = 22
TEXT_BODY = 28
TEXT_BIG = 36
TEXT_TITLE = 64

RADIUS = 22
PAD = 24
