"""The one place that turns strings into pixels: fonts, shaping, wrapping and a cache.

Thai has no spaces between words: lines break only at spaces and at U+200B (zero-width
space), never inside a character cluster. A word wider than the line is cut between
clusters, never between a consonant and its marks.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable

import pygame

from .log import warn_once
from .resources import FONTS

ZWSP = "\u200b"
NBSP = "\u00a0"
FONT_FILES = {False: "Waree.ttf", True: "Waree-Bold.ttf"}
CACHE_SIZE = 600


def is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def _attaches(ch: str) -> bool:
    """True for characters that belong to the cluster of the character before them."""
    if unicodedata.combining(ch):
        return True
    # Thai vowels and marks drawn above or below, and SARA AM, which attach to the consonant.
    return ch in "\u0e31\u0e33" or "\u0e34" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"


def clusters(text: str) -> list[str]:
    """Split text into character clusters (a base character and the marks on it)."""
    out: list[str] = []
    for ch in text:
        if out and _attaches(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _tokens(paragraph: str) -> list[str]:
    """Words with their trailing break character (space or ZWSP) kept on the word."""
    tokens, current = [], ""
    for ch in paragraph:
        current += ch
        if ch in (" ", ZWSP):
            tokens.append(current)
            current = ""
    if current:
        tokens.append(current)
    return tokens


def visible(text: str) -> str:
    """The text as drawn: no ZWSP, and a no-break space (which keeps a number with its name,
    "1300" with "สายด่วน") drawn as an ordinary space; the font's own is twice as wide."""
    return text.replace(ZWSP, "").replace(NBSP, " ")


def _clean(line: str) -> str:
    return visible(line).rstrip()


def wrap(text: str, width: int, measure) -> list[str]:
    """Break text into lines no wider than `width` pixels, as measured by measure(str) -> int.
    Explicit newlines are kept. Lines come back with ZWSP removed and trailing spaces trimmed.
    Only a single cluster wider than `width` can make a line overflow."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        start = len(lines)
        line = ""
        for token in _tokens(paragraph):
            if measure(_clean(line + token)) <= width:
                line += token
                continue
            if line:
                lines.append(line)
            if measure(_clean(token)) <= width:
                line = token
            else:
                pieces = _cut(token, width, measure)
                lines.extend(pieces[:-1])
                line = pieces[-1]
        lines.append(line)
        if len(lines) - start >= 2:
            _avoid_widow(lines, width, measure)
    return [_clean(x) for x in lines]


def _avoid_widow(lines: list[str], width: int, measure) -> None:
    """If a paragraph ends with one short word alone on its line, take the word before it
    down too, when that still fits (no lonely ดี or 'jogo' on the last line)."""
    if len(lines) < 2:
        return
    last, before = lines[-1], lines[-2]
    if len(_tokens(last)) != 1 or len(clusters(_clean(last))) > 4:
        return
    tokens = _tokens(before)
    if len(tokens) < 2:
        return
    moved = tokens[-1] + last
    if measure(_clean(moved)) <= width:
        lines[-2] = "".join(tokens[:-1])
        lines[-1] = moved


def _cut(word: str, width: int, measure) -> list[str]:
    """Cut one over-long word between clusters."""
    pieces, piece = [], ""
    for cluster in clusters(word):
        if piece and measure(_clean(piece + cluster)) > width:
            pieces.append(piece)
            piece = cluster
        else:
            piece += cluster
    pieces.append(piece)
    return pieces


def fit(fits: Callable[[int], bool], most: int, step: int = 2) -> int:
    """The one shrink-to-fit: how many points smaller than usual text must be drawn so that
    `fits(points)` holds. Tries 0, step, 2 * step ... while below `most`; when none of them
    fits, the first at or past `most`. Ask it when a scene is made or laid out, not in draw."""
    smaller = 0
    while smaller < most and not fits(smaller):
        smaller += step
    return smaller


class Text:
    """Fonts by size and weight, and a cache of rendered text blocks."""

    def __init__(self, scale: float = 1.0):
        if not pygame.font.get_init():
            pygame.font.init()
        self.scale = scale  # the operator's text size: every size is multiplied by it
        self._fonts: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def font(self, size: int, bold: bool = False, thai: bool = False) -> pygame.font.Font:
        size = round(size * self.scale)
        key = (size, bold, thai)
        font = self._fonts.get(key)
        if font is None:
            path = FONTS / FONT_FILES[bold]
            try:
                font = pygame.font.Font(path, size)
            except (OSError, FileNotFoundError, pygame.error):
                warn_once(
                    f"font:{path.name}",
                    f"font not found: assets/fonts/{path.name}; using the default font",
                )
                font = pygame.font.Font(None, size)
            if thai:
                font.set_script("Thai")
            self._fonts[key] = font
        return font

    def measure(self, text: str, size: int, bold: bool = False) -> int:
        return self.font(size, bold, is_thai(text)).size(visible(text))[0]

    def fit(
        self,
        text: str,
        size: int,
        width: int,
        bold: bool = False,
        *,
        lines: int = 1,
        height: int | None = None,
        floor: int = 14,
        step: int = 2,
    ) -> int:
        """The largest size from `size` down (by `step`, not below `floor`) at which `text` fits
        `width`: on one line, in at most `lines` lines, or in a block at most `height` tall."""

        def fits(smaller: int) -> bool:
            at = size - smaller
            if height is not None:
                return self.height(text, at, bold, width) <= height
            if lines == 1:
                return self.measure(text, at, bold) <= width
            return len(self.lines(text, at, width, bold)) <= lines

        return size - fit(fits, size - floor, step)

    def height(self, text: str, size: int, bold: bool = False, width: int | None = None) -> int:
        """How tall `render` draws the text (wrapped to `width` when given), without drawing."""
        font = self.font(size, bold, is_thai(text))
        rows = len(self.lines(text, size, width, bold)) if width else 1
        return self._block_height(font, rows, 1.0)

    @staticmethod
    def _block_height(font, rows: int, spacing: float) -> int:
        return max(1, round(font.get_linesize() * spacing) * (rows - 1) + font.get_height())

    def lines(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        font = self.font(size, bold, is_thai(text))
        return wrap(text, width, lambda s: font.size(s)[0])

    def missing_glyphs(self, text: str, bold: bool = False) -> list[str]:
        """The characters of `text` the bundled font has no picture for (shown as boxes)."""
        font = self.font(20, bold)
        notdef = self._picture(font, "\ue000")  # a private-use character: never in the font
        missing = []
        for ch in sorted(set(text)):
            if ch.isspace() or ch == ZWSP or ch in missing:
                continue
            if self._picture(font, ch) == notdef:
                missing.append(ch)
        return missing

    @staticmethod
    def _picture(font, ch: str) -> bytes:
        image = font.render(ch, False, (255, 255, 255), (0, 0, 0))
        return pygame.image.tobytes(image, "RGB") + bytes(image.get_size())

    def render(
        self,
        text: str,
        size: int,
        color,
        *,
        bold: bool = False,
        width: int | None = None,
        align: str = "left",
        spacing: float = 1.0,
    ) -> pygame.Surface:
        """A transparent surface with the text, wrapped to `width` when given. Cached."""
        key = (text, size, tuple(color), bold, width, align, spacing)
        surface = self._cache.get(key)
        if surface is not None:
            self.hits += 1
            self._cache.move_to_end(key)
            return surface
        self.misses += 1
        surface = self._render(text, size, color, bold, width, align, spacing)
        self._cache[key] = surface
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return surface

    def _render(self, text, size, color, bold, width, align, spacing) -> pygame.Surface:
        font = self.font(size, bold, is_thai(text))
        rows = self.lines(text, size, width, bold) if width else [visible(text)]
        images = [font.render(row, True, color) for row in rows]
        step = round(font.get_linesize() * spacing)
        block_w = max((img.get_width() for img in images), default=1)
        if width and align != "left":
            block_w = max(block_w, width)
        block_h = self._block_height(font, len(images), spacing) if images else 1
        block = pygame.Surface((max(block_w, 1), block_h), pygame.SRCALPHA)
        for i, img in enumerate(images):
            x = {
                "left": 0,
                "center": (block_w - img.get_width()) // 2,
                "right": block_w - img.get_width(),
            }[align]
            block.blit(img, (x, i * step))
        return block
