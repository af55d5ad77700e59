"""Insert zero-width spaces (U+200B) at Thai word boundaries in the Thai catalog.

Thai is written without spaces between words, so the game can only wrap a Thai line where
it is told a word ends. Run this after every change to the Thai translations:

    python tools/thai_breaks.py [locales/th/LC_MESSAGES/messages.po]

It is safe to run again: existing marks are removed first. It needs pythainlp, a tool for
translators and developers only (`pip install pythainlp`); the game itself never uses it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
DEFAULT = Path(__file__).resolve().parent.parent / "locales/th/LC_MESSAGES/messages.po"


def mark_breaks(text: str, tokenize) -> str:
    """Put U+200B between the Thai words of every run of Thai letters in `text`."""
    text = text.replace(ZWSP, "")
    return THAI_RUN.sub(lambda m: ZWSP.join(w for w in tokenize(m.group(0)) if w), text)


def main(argv=None) -> int:
    from babel.messages.pofile import read_po, write_po
    from pythainlp.tokenize import word_tokenize

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale="th")
    changed = 0
    for message in catalog:
        if not message.id or not isinstance(message.string, str) or not message.string:
            continue
        marked = mark_breaks(message.string, lambda s: word_tokenize(s, engine="newmm"))
        if marked != message.string:
            message.string = marked
            changed += 1
    with open(path, "wb") as fh:
        write_po(fh, catalog, width=0, sort_by_file=True)
    print(f"{path}: word breaks marked in {changed} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
