"""How a picture looks to a player with red-green colour blindness: protanopia and
deuteranopia, simulated with the full-severity matrices of Machado, Oliveira and Fernandes
(2009), applied in linear RGB.

    python tools/cvd.py PICTURE.png [...] --out FOLDER

writes PICTURE-protanopia.png and PICTURE-deuteranopia.png into FOLDER for each picture.
It is for a person to look at: safe and risky must still read by their words and signs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

MATRICES = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}

_LINEAR = [((v / 255 + 0.055) / 1.055) ** 2.4 if v > 10 else v / 255 / 12.92 for v in range(256)]


def _encode(x: float) -> int:
    x = min(1.0, max(0.0, x))
    v = 12.92 * x if x <= 0.0031308 else 1.055 * x ** (1 / 2.4) - 0.055
    return round(v * 255)


_ENCODE = [_encode(i / 4095) for i in range(4096)]  # linear (in 4096 steps) back to sRGB


def simulate(picture: pygame.Surface, kind: str) -> pygame.Surface:
    """A copy of `picture` as someone with `kind` (a key of MATRICES) sees it."""
    m = MATRICES[kind]
    w, h = picture.get_size()
    data = pygame.image.tobytes(
        picture.convert(24) if picture.get_bitsize() != 24 else picture, "RGB"
    )
    out = bytearray(len(data))
    seen: dict[int, tuple[int, int, int]] = {}
    lin, enc = _LINEAR, _ENCODE
    for i in range(0, len(data), 3):
        key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        rgb = seen.get(key)
        if rgb is None:
            r, g, b = lin[data[i]], lin[data[i + 1]], lin[data[i + 2]]
            rgb = tuple(
                enc[min(4095, max(0, round((row[0] * r + row[1] * g + row[2] * b) * 4095)))]
                for row in m
            )  # type: ignore[assignment]
            seen[key] = rgb  # type: ignore[assignment]
        out[i : i + 3] = bytes(rgb)  # type: ignore[arg-type]
    return pygame.image.frombytes(bytes(out), (w, h), "RGB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pictures", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="the folder for the pictures")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.pictures:
        picture = pygame.image.load(path)
        for kind in MATRICES:
            target = args.out / f"{path.stem}-{kind}.png"
            pygame.image.save(simulate(picture, kind), target)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
