"""Thai word breaks that fall inside a word (W207), and the project's Thai word list.

The Thai catalog marks where a line may wrap with U+200B (zero-width space), put there by
tools/thai_breaks.py. A mark inside a word lets the game break the word across two lines
(บอ|กว่า, แอ|ป). This module reads the project word list, locales/th/words.txt, and finds
marks that fall inside its words. It is pure and uses the standard library only: the game
never needs the segmenter (pythainlp) that the tool uses.

The word list, one entry a line, `#` starts a comment:

    แอป         a word (loanword, name, app, game word): a break is wrong inside it wherever it
                stands as a word of its own (a break, a space, punctuation or the end of the
                text on both sides of it)
    !แล้ว        never split: a break is wrong inside it wherever the letters appear
    -แล้         not a word: the tool removes it from the segmenter's dictionary

A mark just before ๆ (MAI YAMOK) is wrong too: ๆ repeats the word before it and never
starts a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ZWSP = "\u200b"
MAI_YAMOK = "\u0e46"
NEVER_SPLIT = "!"
NOT_A_WORD = "-"
WORDS_FILE = "words.txt"  # in locales/th/


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _attaches(ch: str) -> bool:
    """Thai vowels and marks drawn above or below, and SARA AM: part of the letter before."""
    return ch in "\u0e31\u0e33" or "\u0e34" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"


@dataclass(frozen=True)
class WordList:
    words: frozenset = frozenset()  # words of their own: checked where they stand alone
    never_split: frozenset = frozenset()  # checked wherever the letters appear
    not_words: frozenset = frozenset()  # for the tool: dropped from the segmenter's dictionary

    @property
    def all_words(self) -> frozenset:
        return self.words | self.never_split


@dataclass(frozen=True)
class Break:
    """A mark inside `word`: `offset` counts characters of the string without marks."""

    word: str
    offset: int
    marked: str  # the word as the string breaks it, marks shown as '|'

    @property
    def before_mai_yamok(self) -> bool:
        return self.word == MAI_YAMOK


def parse_words(text: str) -> WordList:
    """Read a word list (see the module's docstring). Lines that are not Thai are ignored."""
    words: set[str] = set()
    never: set[str] = set()
    nots: set[str] = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip().replace(ZWSP, "")
        target = words
        if entry[:1] == NEVER_SPLIT:
            entry, target = entry[1:].strip(), never
        elif entry[:1] == NOT_A_WORD:
            entry, target = entry[1:].strip(), nots
        if entry and all(is_thai(ch) for ch in entry):
            target.add(entry)
    return WordList(frozenset(words - never), frozenset(never), frozenset(nots))


@lru_cache(maxsize=4)
def load_words(path) -> WordList:
    """The word list at `path`; an empty one if the file is missing or unreadable."""
    try:
        return parse_words(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return WordList()


def breaks_inside_words(string: str, words: WordList) -> list[Break]:
    """The marks (U+200B) of `string` that fall inside a word of `words`, or just before ๆ,
    one Break per word occurrence in text order (the longest word where words overlap)."""
    if ZWSP not in string:
        return []
    visible, marks = _unmark(string)
    found = []
    for word in sorted(words.all_words):
        strict = word in words.never_split
        start = visible.find(word)
        while start != -1:
            end = start + len(word)
            inside = [m for m in marks if start < m < end]
            if end < len(visible) and _attaches(visible[end]):
                inside = []  # the letters end inside a cluster (แพร in แพร่): not this word
            if inside and (
                strict or (_starts(visible, marks, start) and _ends(visible, marks, end))
            ):
                found.append(Break(word, start, _show(word, [m - start for m in inside])))
            start = visible.find(word, start + 1)
    for m in sorted(marks):
        if m < len(visible) and visible[m] == MAI_YAMOK and m > 0 and is_thai(visible[m - 1]):
            found.append(Break(MAI_YAMOK, m, "|" + MAI_YAMOK))
    return _outermost(found)


def _outermost(found: list[Break]) -> list[Break]:
    """The breaks in text order, without those inside a longer word found at the same place
    (จอ|ย inside น้า|จอ|ย)."""
    out: list[Break] = []
    for b in sorted(found, key=lambda b: (b.offset, -len(b.word), b.word)):
        if out and b.offset + len(b.word) <= out[-1].offset + len(out[-1].word):
            continue
        out.append(b)
    return out


def _unmark(string: str) -> tuple[str, set[int]]:
    """The string without marks, and the offsets (in it) where marks were."""
    visible: list[str] = []
    marks: set[int] = set()
    for ch in string:
        if ch == ZWSP:
            marks.add(len(visible))
        else:
            visible.append(ch)
    return "".join(visible), marks


def _starts(visible: str, marks: set[int], i: int) -> bool:
    return i == 0 or i in marks or not is_thai(visible[i - 1])


def _ends(visible: str, marks: set[int], i: int) -> bool:
    return i == len(visible) or i in marks or not is_thai(visible[i]) or visible[i] == MAI_YAMOK


def _show(word: str, cuts: list[int]) -> str:
    pieces, last = [], 0
    for cut in sorted(cuts):
        pieces.append(word[last:cut])
        last = cut
    pieces.append(word[last:])
    return "|".join(pieces)
