"""Translation checks for `check`: coverage, gaps, placeholders, glyphs, Thai word breaks,
and whether every string fits its box on screen. Problems point at the source string:
the line of scenarios.yaml (or of the Python file) it comes from.

E201 untranslated, fuzzy or missing from the catalog   E204 long Thai text with no word breaks
E202 placeholders differ from the English              E205 the text does not fit its box
E203 characters the bundled font cannot draw           W206 a translation nobody uses any more
W207 a Thai word break inside a word (locales/th/words.txt)
E208 the compiled catalog (.mo) is missing or older than its .po
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import i18n, layout
from . import thai_breaks
from .diagnostics import Diagnostic, Loc
from .rules import items as item_rules
from .strings import iter_strings, localize

PLACEHOLDER = re.compile(r"\{\w*\}|%\(?\w*\)?[sd]")
THAI_RUN_WITHOUT_BREAKS = re.compile(r"[\u0e00-\u0e7f]{24,}")


@dataclass
class Coverage:
    locale: str
    translated: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def check_catalogs(content, locales=None, text=None):
    """(diagnostics, [Coverage]) for the catalogs of `locales` (default: all but English)."""
    from babel.messages.pofile import read_po

    locales = locales or [code for code in i18n.AVAILABLE if code != i18n.SOURCE]
    sources = {(e.context, e.text): e for e in iter_strings(content)}
    diags, coverage = [], []
    if text is not None:  # the English must fit its boxes too
        for entry in sources.values():
            diags.extend(_fits(i18n.SOURCE, entry.text, entry.loc, entry, text))
    for locale in locales:
        path = i18n.po_path(locale)
        if not path.is_file():
            diags.append(
                Diagnostic.at(
                    Loc(str(path), 1, 1),
                    "E201",
                    f"there is no {locale} catalog",
                    "see docs/translating.md",
                )
            )
            continue
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale=locale)
        found, total, done = _check_locale(locale, catalog, sources, diags, text)
        diags.extend(_check_items(content, locale, catalog))
        diags.extend(check_compiled(locale, catalog))
        for (context, msgid), entry in sources.items():
            if (context, msgid) not in found:
                total += 1
                diags.append(
                    Diagnostic.at(
                        entry.loc,
                        "E201",
                        f"{locale}: '{_short(msgid)}' is not in the catalog",
                        "run pybabel extract and update (docs/translating.md)",
                    )
                )
        coverage.append(Coverage(locale, done, total))
    return diags, coverage


def _finished(catalog) -> dict:
    """{(context, msgid): translation} of the entries a compiled catalog carries."""

    def plain(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    return {
        (m.context, plain(m.id)): plain(m.string)
        for m in catalog
        if m.id
        and m.string
        and not m.fuzzy
        and (not isinstance(m.string, (list, tuple)) or all(m.string))
    }


def check_compiled(locale, catalog):
    """E208: the game reads the compiled .mo, so it must say what the .po says."""
    from babel.messages.mofile import read_mo

    where = Loc(str(i18n.po_path(locale)), 1, 1)
    hint = "run pybabel compile -d locales (docs/translating.md)"
    path = i18n.mo_path(locale)
    if not path.is_file():
        yield Diagnostic.at(
            where, "E208", f"{locale}: there is no compiled catalog ({path.name})", hint
        )
        return
    try:
        with open(path, "rb") as fh:
            compiled = read_mo(fh)
    except Exception:  # unreadable, or not a .mo at all
        yield Diagnostic.at(where, "E208", f"{locale}: {path.name} cannot be read", hint)
        return
    want, have = _finished(catalog), _finished(compiled)
    differ = sum(have.get(key) != value for key, value in want.items())
    differ += sum(key not in want for key in have)
    if differ:
        yield Diagnostic.at(
            where,
            "E208",
            f"{locale}: {path.name} is older than the .po ({differ} messages differ)",
            hint,
        )


def localized(content, catalog):
    """The content as a player of this (Babel) catalog reads it: translated where the catalog
    has a finished translation, English elsewhere, as the game does."""
    words = {
        (m.context, m.id): m.string
        for m in catalog
        if m.id and isinstance(m.string, str) and m.string and not m.fuzzy
    }
    return localize(content, lambda context, text: words.get((context, text), text))


def _check_items(content, locale, catalog):
    """The item checks (W131-W133) on the quiz and choices as this locale's players read them."""
    for scenario in localized(content, catalog).scenarios:
        yield from item_rules.check_scenario(scenario, locale)


def _check_locale(locale, catalog, sources, diags, text):
    found, total, done = set(), 0, 0
    for message in catalog:
        if not message.id or message.pluralizable:
            continue
        key = (message.context, message.id)
        entry = sources.get(key)
        loc = entry.loc if entry else _python_loc(message)
        if message.context and entry is None and not message.context.startswith("region/"):
            diags.append(
                Diagnostic.at(
                    loc,
                    "W206",
                    f"{locale}: the translation of '{_short(message.id)}' is no longer used",
                )
            )
            continue
        found.add(key)
        total += 1
        if not message.string or message.fuzzy:
            state = "fuzzy" if message.string else "untranslated"
            diags.append(Diagnostic.at(loc, "E201", f"{locale}: '{_short(message.id)}' is {state}"))
            continue
        done += 1
        diags.extend(_check_string(locale, message.id, message.string, loc, entry, text))
    return found, total, done


def _check_string(locale, msgid, string, loc, entry, text):
    if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(string)):
        yield Diagnostic.at(
            loc,
            "E202",
            f"{locale}: placeholders differ in '{_short(string)}'",
            f"the English has {', '.join(PLACEHOLDER.findall(msgid)) or 'none'}",
        )
    if locale == "th" and THAI_RUN_WITHOUT_BREAKS.search(string):
        yield Diagnostic.at(
            loc,
            "E204",
            f"th: '{_short(string)}' has long Thai text with no word breaks",
            "run python tools/thai_breaks.py",
        )
    if locale == "th":
        yield from _thai_breaks_inside_words(string, loc)
    if text is None:
        return
    missing = text.missing_glyphs(string)
    if missing:
        yield Diagnostic.at(
            loc,
            "E203",
            f"{locale}: the font cannot draw "
            f"{' '.join(repr(c) for c in missing)} in '{_short(string)}'",
        )
    yield from _fits(locale, string, loc, entry, text)


def _thai_breaks_inside_words(string, loc):
    words = thai_breaks.load_words(i18n.LOCALES_DIR / "th" / thai_breaks.WORDS_FILE)
    found_once = {b.marked: b for b in thai_breaks.breaks_inside_words(string, words)}
    for found in found_once.values():
        if found.before_mai_yamok:
            yield Diagnostic.at(
                loc,
                "W207",
                f"th: a word break before ๆ in '{_short(string)}' would let ๆ start a line",
                "run python tools/thai_breaks.py",
            )
        else:
            yield Diagnostic.at(
                loc,
                "W207",
                f"th: a word break inside '{found.marked}' in '{_short(string)}'",
                "run python tools/thai_breaks.py; if it "
                "breaks there again, fix locales/th/words.txt",
            )


def _fits(locale, string, loc, entry, text):
    """E205 in the box of every screen the string is shown on (game/layout.py), once."""
    found = layout.boxes(entry.field, entry.scene, entry.narration) if entry else ()
    for box in found:
        lines = len(text.lines(string, box.size, box.width, box.bold))
        if lines > box.lines:
            yield Diagnostic.at(
                loc,
                "E205",
                f"{locale}: '{_short(string)}' needs {lines} lines where {box.lines} fit",
                "say it shorter",
            )
            return


def _python_loc(message) -> Loc:
    if message.locations:
        path, line = message.locations[0]
        return Loc(str(path), int(line or 1), 1)
    return Loc("locales/messages.pot", 1, 1)


def _short(text: str, limit: int = 40) -> str:
    text = str(text).replace("\n", " ").replace("\u200b", "")
    return text if len(text) <= limit else text[: limit - 1] + "…"
