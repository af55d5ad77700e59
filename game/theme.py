"""Colours, sizes and spacing in one place. Layout works in logical 1280x720 pixels.

The palette names what a colour is (SKY, MINT, ...) and, below it, what a colour means
(SAFE and RISKY feedback, the keyboard FOCUS ring). Text sizes are in logical pixels at the
normal text size; the operator's text size multiplies every one of them (TEXT_SCALES), and
the boxes strings are drawn in are defined from them in game/layout.py.
"""

WIDTH, HEIGHT = 1280, 720
FPS = 30  # calm animations are smooth at 30; old PCs keep their CPU free

# A bright, friendly palette (RGB).
SKY = (94, 180, 255)
SKY_DEEP = (72, 118, 240)
SUN = (255, 206, 84)
MINT = (72, 207, 173)
GRASS = (140, 214, 92)
CORAL = (255, 118, 117)
PEACH = (255, 171, 118)
GRAPE = (162, 125, 255)
BUBBLEGUM = (253, 121, 198)
WHITE = (255, 255, 255)
CLOUD = (246, 248, 255)
INK = (38, 41, 72)
INK_SOFT = (92, 98, 140)
SHADOW = (20, 24, 60)

SAFE = (46, 190, 120)
RISKY = (255, 140, 66)
NEUTRAL = (120, 144, 230)
FOCUS = (255, 214, 10)

# Text sizes (logical pixels).
# Operator setting `text_size`: every text is drawn this much larger; layouts grow with it.
TEXT_SCALES = {"normal": 1.0, "large": 1.15}
TEXT_SMALL = 22
TEXT_BODY = 28
TEXT_BIG = 36
TEXT_TITLE = 64

RADIUS = 22
PAD = 24
