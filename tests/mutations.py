"""Ways to break a story file, as an author's editor (or a bad copy) might: for the fuzz
test of `check` (tests/test_check_fuzz.py) and tools/fuzz_check.py."""

from __future__ import annotations

import random
import re

ODD = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u200b",
    "\ufeff",
    "\u0301",
    "\u202e",
    "é",
    "ก่",
    "😀",
    "\t",
    "\r",
    "\r\n",
    "\\",
    '"',
    "'",
    "\u00a0",
]
VALUES = [
    "[1, 2]",
    "{a: 1}",
    "42",
    "-1.5",
    "null",
    "true",
    "~",
    "''",
    '"\\x00"',
    "[]",
    "{}",
    "!!binary aGVsbG8=",
    "!!timestamp 2026-01-01",
    "!!python/object:os.system ls",
    "!custom x",
    "!!float nope",
    "*nowhere",
    "&a [*a]",
    "|\n  multi\n  line",
    "0x1F",
    "2026-12-05",
    ".inf",
    "? complex\n: key",
]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def mutate(text: str, rng: random.Random) -> bytes:
    """One broken copy of `text`, as bytes (some breaks are not valid UTF-8)."""
    kind = rng.randrange(11)
    lines = _lines(text)
    n = len(lines)
    i, j = rng.randrange(n), rng.randrange(n)
    if kind == 0:  # flip a byte
        raw = bytearray(text.encode("utf-8"))
        k = rng.randrange(len(raw))
        raw[k] ^= 1 << rng.randrange(8)
        return bytes(raw)
    if kind == 1:  # delete lines
        del lines[i : i + rng.randint(1, 3)]
    elif kind == 2:  # swap two lines
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3:  # a tab where spaces were
        lines[i] = "\t" + lines[i].lstrip(" ")
    elif kind == 4:  # another type of value
        value = rng.choice(VALUES)
        lines[i] = re.sub(r":\s.*$", lambda _m: ": " + value, lines[i], count=1)
    elif kind == 5:  # odd characters inside a line
        line = lines[i]
        k = rng.randrange(len(line) + 1)
        lines[i] = line[:k] + "".join(rng.choice(ODD) for _ in range(rng.randint(1, 3))) + line[k:]
    elif kind == 6:  # an anchor and an alias (a loop, sometimes)
        lines[i] = re.sub(r":\s", ": &x ", lines[i], count=1)
        lines[j] = re.sub(r":\s.*$", ": *x", lines[j], count=1)
    elif kind == 7:  # a tag on a value
        tag = rng.choice(["!!str", "!!int", "!!map", "!!seq", "!!python/name:os.system", "!x"])
        lines[i] = re.sub(r":\s", lambda _m: f": {tag} ", lines[i], count=1)
    elif kind == 8:  # saved half-way
        return text.encode("utf-8")[: rng.randrange(len(text.encode("utf-8")))]
    elif kind == 9:  # a line repeated (duplicate keys, repeated items)
        lines[i:i] = lines[i : i + rng.randint(1, 4)]
    else:  # indentation shifted
        lines[i] = " " * rng.choice([1, 2, 3, 5]) + lines[i]
    return "\n".join(lines).encode("utf-8", "surrogatepass")
