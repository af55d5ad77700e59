"""Catalogs, locale choice and formatting. English is the source language; pt_BR and th are
gettext catalogs in locales/<locale>/LC_MESSAGES/messages.po, read with Babel. A string with
no translation (or only a fuzzy one) falls back to English."""

from __future__ import annotations

import io
import locale as _syslocale
import os
from functools import lru_cache
from gettext import NullTranslations

from . import ROOT

# Babel is imported where it is needed, so that an English start does not pay for it.

LOCALES_DIR = ROOT / "locales"
DOMAIN = "messages"
SOURCE = "en"
# Each language in its own name and script, as the language picker shows it.
LANGUAGES = (("pt_BR", "Português (Brasil)"), ("th", "ไทย"), ("en", "English"))
AVAILABLE = tuple(code for code, _name in LANGUAGES)
ALIASES = {"pt": "pt_BR", "th": "th", "en": "en"}
# Windows reports locale names like 'Portuguese_Brazil'.
WINDOWS_NAMES = {"portuguese_brazil": "pt_BR", "portuguese": "pt_BR", "thai": "th",
                 "thai_thailand": "th", "english": "en"}

_current: NullTranslations = NullTranslations()
_current_locale = SOURCE


def po_path(locale: str):
    return LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=8)
def translations(locale: str) -> NullTranslations:
    """The compiled catalog of a locale (fuzzy entries left out), or none for English."""
    path = po_path(locale)
    if locale == SOURCE or not path.is_file():
        return NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with open(path, "rb") as fh:
        catalog = read_po(fh, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def set_locale(locale: str) -> str:
    """Switch the language of every string from now on; returns the locale actually used."""
    global _current, _current_locale
    locale = locale if locale in AVAILABLE else negotiate([locale])
    _current = translations(locale)
    _current_locale = locale
    return locale


def current_locale() -> str:
    return _current_locale


def _(message: str) -> str:
    return _current.gettext(message)


def N_(message: str) -> str:
    """Marks a string for translation where it is defined; translate it with _() where shown."""
    return message


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


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

    locale = locale or _current_locale
    try:
        if locale == "th":
            return _babel_date(day, "d MMMM", locale="th") + f" พ.ศ. {day.year + 543}"
        return _babel_date(day, "long", locale=locale)
    except UnknownLocaleError:
        return day.isoformat()
