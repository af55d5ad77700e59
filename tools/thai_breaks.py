"""Insert zero-width spaces (U+200B) at Thai word boundaries in a Thai catalog.

Thai is written without spaces between words, so the game can only wrap a Thai line where
it is told a word ends. Run this after every change to the Thai translations:

    python tools/thai_breaks.py                 # locales/th/LC_MESSAGES/messages.po
    python tools/thai_breaks.py PATH.po ...     # any Thai catalog
    python tools/thai_breaks.py --check         # change nothing; exit 1 and list the
                                                # strings whose marks differ

Words come from pythainlp's newmm segmenter over its Thai dictionary, corrected by the
project word list, locales/th/words.txt (`--words` for another one): the loanwords, names,
apps and game words the translators chose are added to the dictionary, and the entries
marked `-` there (fragments such as แล้ or บอ that made newmm break inside words) are
removed from it. No mark is put before ๆ, which never starts a line.

It is safe to run again: existing marks are removed first, and only the marks inside the
msgstr strings change; every other byte of the file stays as it was. It needs pythainlp, a
tool for translators and developers only (`pip install pythainlp`); the game never uses it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content.thai_breaks import MAI_YAMOK, ZWSP, WordList, load_words  # noqa: E402

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
DEFAULT = ROOT / "locales/th/LC_MESSAGES/messages.po"
WORDS = ROOT / "locales/th/words.txt"
# A msgstr line and the lines of quoted text that continue it (obsolete `#~` entries are
# left alone: the game does not read them).
MSGSTR = re.compile(r'^msgstr(?:\[\d+\])? "')
CONTINUATION = re.compile(r'^"')
KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) ")


def make_tokenizer(words: WordList):
    """newmm over pythainlp's dictionary plus `words`, minus its not-words."""
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import dict_trie

    trie = dict_trie((set(thai_words()) - words.not_words) | words.all_words)
    return lambda text: word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True)


def mark_breaks(text: str, tokenize) -> str:
    """Put U+200B between the Thai words of every run of Thai letters in `text`."""
    text = text.replace(ZWSP, "")
    return THAI_RUN.sub(lambda m: ZWSP.join(_glue(tokenize(m.group(0)))), text)


def _glue(tokens) -> list[str]:
    """Tokens without empty ones, each ๆ kept on the word it repeats."""
    out: list[str] = []
    for token in tokens:
        if token and token[0] == MAI_YAMOK and out:
            out[-1] += token
        elif token:
            out.append(token)
    return out


def _remark_literals(literals: list[str], mark) -> list[str]:
    """Re-mark a PO string given as its quoted pieces (escapes kept as written).

    Only U+200B changes, so each piece keeps its own visible characters; the marks between
    two pieces go to the end of the first one."""
    new = mark("".join(literals))
    out, pos = [], 0
    for literal in literals[:-1]:
        start, want = pos, len(literal.replace(ZWSP, ""))
        while want:
            want -= new[pos] != ZWSP
            pos += 1
        while pos < len(new) and new[pos] == ZWSP:
            pos += 1
        out.append(new[start:pos])
    out.append(new[pos:])
    return out


def remark_po(text: str, mark) -> tuple[str, list[tuple[int, str, str]]]:
    """The .po text with every msgstr re-marked, and the changes as (line, old, new)."""
    lines = [x for x in re.split(r"(?<=\n)", text) if x]
    out, changes, i, header = [], [], 0, False
    while i < len(lines):
        line = lines[i]
        keyword = KEYWORD.match(line)
        if keyword and keyword.group(1) == "msgid":
            header = line.rstrip("\r\n") == 'msgid ""' and not _continues(lines, i)
        if not MSGSTR.match(line) or header:
            out.append(line)
            i += 1
            continue
        block = [line]
        while i + len(block) < len(lines) and CONTINUATION.match(lines[i + len(block)]):
            block.append(lines[i + len(block)])
        parts = [_split_quoted(x) for x in block]
        literals = [p[1] for p in parts]
        new = _remark_literals(literals, mark)
        if new != literals:
            changes.append((i + 1, "".join(literals), "".join(new)))
        for (prefix, _, suffix), literal in zip(parts, new, strict=True):
            out.append(prefix + literal + suffix)
        i += len(block)
    return "".join(out), changes


def _continues(lines, i) -> bool:
    return i + 1 < len(lines) and bool(CONTINUATION.match(lines[i + 1]))


def _split_quoted(line: str) -> tuple[str, str, str]:
    """'msgstr "abc"\\n' -> ('msgstr "', 'abc', '"\\n')."""
    start = line.index('"') + 1
    end = line.rindex('"')
    return line[:start], line[start:end], line[end:]


def visible_marks(text: str) -> str:
    return text.replace(ZWSP, "|")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[DEFAULT],
        help="Thai .po files (default: locales/th/LC_MESSAGES/messages.po)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list the strings whose marks differ and exit 1",
    )
    parser.add_argument(
        "--words",
        type=Path,
        default=WORDS,
        help="the project word list (default: locales/th/words.txt)",
    )
    args = parser.parse_args(argv)
    if not args.words.is_file():
        print(f"{args.words}: no such word list", file=sys.stderr)
        return 2
    try:
        tokenize = make_tokenizer(load_words(args.words))
    except ImportError:
        print("tools/thai_breaks.py needs pythainlp: pip install pythainlp", file=sys.stderr)
        return 2
    status = 0
    for path in args.paths:
        text = path.read_bytes().decode("utf-8")  # newlines as they are
        new, changes = remark_po(text, lambda s: mark_breaks(s, tokenize))
        if args.check:
            for line, old, fixed in changes:
                print(
                    f"{path}:{line}: marks differ\n  now:  {visible_marks(old)}\n"
                    f"  tool: {visible_marks(fixed)}"
                )
            print(f"{path}: {len(changes)} strings with marks that differ from the tool's")
            status = status or (1 if changes else 0)
            continue
        if new != text:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(new)
        print(f"{path}: word breaks changed in {len(changes)} strings")
    return status


if __name__ == "__main__":
    sys.exit(main())
