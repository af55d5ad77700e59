"""Catalogs, locale choice and formatting. English is the source language; pt_BR and th are
gettext catalogs in locales/<locale>/LC_MESSAGES/messages.po, compiled with `pybabel compile`
into messages.mo beside them, which the game loads with the standard library's gettext (a
.po is parsed only by `check`, `list` and the translators' tools). A string with no
translation (or only a fuzzy one) falls back to English.

Each language is a Catalog object (`catalog(locale)`, read once). The words on screen come
from the active one, which `_()`, `pgettext()` and `ngettext()` ask: the game switches it
with `set_locale()` when the player picks a language, and a command that needs another
language for a while (the guide, a report) uses `with using(locale):`, which puts the one
before back."""

from __future__ import annotations

import io
import locale as _syslocale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from gettext import GNUTranslations, NullTranslations

from .log import warn_once
from .resources import LOCALES, cache_folder, write_atomically

# Babel is imported where it is needed, so that an English start does not pay for it.

LOCALES_DIR = LOCALES
DOMAIN = "messages"
SOURCE = "en"
# Each language in its own name and script, as the language picker shows it.
LANGUAGES = (("pt_BR", "Português (Brasil)"), ("th", "ไทย"), ("en", "English"))
AVAILABLE = tuple(code for code, _name in LANGUAGES)
ALIASES = {"pt": "pt_BR", "th": "th", "en": "en"}
# Windows reports locale names like 'Portuguese_Brazil'.
WINDOWS_NAMES = {
    "portuguese_brazil": "pt_BR",
    "portuguese": "pt_BR",
    "thai": "th",
    "thai_thailand": "th",
    "english": "en",
}


def po_path(locale: str):
    return LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(locale: str):
    return po_path(locale).with_suffix(".mo")


@lru_cache(maxsize=8)
def translations(locale: str) -> NullTranslations:
    """The compiled catalog of a locale, or none for English. Without a compiled catalog the
    .po is compiled in memory (slower, and said once): run `pybabel compile -d locales`."""
    if locale == SOURCE:
        return NullTranslations()
    try:
        return _read_compiled(mo_path(locale))
    except OSError:
        pass
    except Exception as exc:  # a damaged .mo: the .po still has the words
        warn_once(f"mo:{locale}", f"{mo_path(locale).name} ({locale}) cannot be read: {exc}")
    if not po_path(locale).is_file():
        return NullTranslations()
    warn_once(
        f"po:{locale}",
        f"the {locale} catalog is not compiled: run "
        "'pybabel compile -d locales' (see docs/translating.md)",
    )
    return compile_po(po_path(locale), locale)


class _Catalog(GNUTranslations):
    """A compiled catalog, made from the parts a read .mo was cached as."""

    def __init__(self, parts) -> None:
        super().__init__()  # no file: nothing is parsed
        self._catalog, self._info, self._charset = parts
        self.plural = lambda n: int(n != 1)  # as gettext: the English plural unless stated
        forms = self._info.get("plural-forms", "")
        if forms:
            from gettext import c2py

            self.plural = c2py(forms.split(";")[1].split("plural=")[1])


def _read_compiled(path) -> NullTranslations:
    """The .mo at `path`. Reading a .mo is a Python loop over every message (3 ms for the
    Thai one); its parts are kept in the user's cache folder as marshal data (1 ms to read),
    named by the file's size, time and the Python version, and rebuilt when missing or
    damaged."""
    import marshal
    import sys

    info = os.stat(path)
    name = (
        f"catalog-{path.parent.parent.name}-{info.st_size:x}-{info.st_mtime_ns:x}-"
        f"{sys.implementation.cache_tag}.marshal"
    )
    where = cache_folder() / name
    try:
        return _Catalog(marshal.loads(where.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        pass
    with open(path, "rb") as fh:
        found = GNUTranslations(fh)
    # The attributes GNUTranslations._parse sets (the stdlib's documented extension point).
    parts = (vars(found)["_catalog"], vars(found)["_info"], vars(found)["_charset"])
    write_atomically(where, marshal.dumps(parts))
    return found


def compile_po(path, locale: str) -> NullTranslations:
    """A .po compiled in memory as `pybabel compile` would (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        catalog = read_po(fh, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return GNUTranslations(buffer)


class Catalog:
    """The words of one language: its compiled catalog, asked by message (with a context,
    or in the plural form a number needs). English, the source, has no catalog."""

    def __init__(self, locale: str, words: NullTranslations) -> None:
        self.locale = locale
        self.gettext = words.gettext
        self.pgettext = words.pgettext
        self.ngettext = words.ngettext

    def __repr__(self) -> str:
        return f"Catalog({self.locale!r})"


_catalogs: dict[str, Catalog] = {}  # by locale, each read once


def catalog(locale: str) -> Catalog:
    """The catalog of a locale, read once (another name is negotiated: 'pt' is pt_BR)."""
    locale = locale if locale in AVAILABLE else negotiate([locale])
    found = _catalogs.get(locale)
    if found is None:
        found = _catalogs[locale] = Catalog(locale, translations(locale))
    return found


def use_words(locale: str, words: NullTranslations) -> None:
    """From now on the words of `locale` are `words` (a catalog saved while the game runs,
    compiled in memory); `set_locale` takes them."""
    _catalogs[locale] = Catalog(locale, words)


def forget_catalogs() -> None:
    """Read every catalog again when next asked for (the game's own, as shipped)."""
    _catalogs.clear()
    translations.cache_clear()


_active = Catalog(SOURCE, NullTranslations())  # the language of the words on screen


def set_locale(locale: str) -> str:
    """Switch the language of every string from now on; returns the locale actually used."""
    global _active
    _active = catalog(locale)
    return _active.locale


@contextmanager
def using(locale: str) -> Iterator[Catalog]:
    """Words in `locale` inside the block, and the language before after it (also when the
    block raises)."""
    global _active
    before = _active
    set_locale(locale)
    try:
        yield _active
    finally:
        _active = before


def current_locale() -> str:
    return _active.locale


def _(message: str) -> str:
    return _active.gettext(message)


def N_(message: str) -> str:
    """Marks a string for translation where it is defined; translate it with _() where shown."""
    return message


def pgettext(context: str, message: str) -> str:
    return _active.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active.ngettext(singular, plural, n)


def negotiate(preferred) -> str:
    """The best available locale for the given preferences ('pt' means pt_BR); English if none."""
    from babel import Locale

    cleaned = [str(p).replace("-", "_").split(".")[0] for p in preferred if p]
    cleaned = [WINDOWS_NAMES.get(p.lower(), p) for p in cleaned]
    found = Locale.negotiate(cleaned, list(AVAILABLE), sep="_", aliases=ALIASES)
    if found:
        return str(found)
    # Portuguese from Portugal or Angola still reads Brazilian Portuguese better than English.
    for name in cleaned:
        language = ALIASES.get(name.split("_")[0].lower())
        if language:
            return language
    return SOURCE


def system_locale() -> str:
    """The computer's own language, negotiated against the game's languages."""
    names = [os.environ.get(v, "") for v in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    names = [n for value in names for n in value.split(":")]
    try:
        names.append(_syslocale.getlocale()[0] or "")
    except ValueError:
        pass
    return negotiate(n for n in names if n and n not in ("C", "POSIX"))


def format_date(day, locale: str | None = None) -> str:
    """A long date for educators; Thai dates count years in the Buddhist era (+543)."""
    from babel import UnknownLocaleError
    from babel.dates import format_date as _babel_date

    locale = locale or _active.locale
    try:
        if locale == "th":
            return _babel_date(day, "d MMMM", locale="th") + f" พ.ศ. {day.year + 543}"
        return _babel_date(day, "long", locale=locale)
    except UnknownLocaleError:
        return day.isoformat()
