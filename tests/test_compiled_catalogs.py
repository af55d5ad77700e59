"""The game reads compiled catalogs (.mo) with the standard library; check says when one is
missing or older than its .po."""

import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from game import i18n
from game.content.translations import check_compiled

from .conftest import ROOT


def shipped(locale):
    with open(i18n.po_path(locale), "rb") as fh:
        return read_po(fh, locale=locale)


def test_a_thai_start_reads_the_mo_without_babel():
    code = (
        "import sys; from game import i18n; i18n.set_locale('th'); "
        "print(i18n._('Help')); "
        "print(i18n.pgettext('new_friend_in_game/title', 'A new friend in the game')); "
        "print('babel' in sys.modules)"
    )
    out = (
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        .stdout.replace("\u200b", "")
        .splitlines()
    )
    assert out == ["ช่วยเหลือ", "เพื่อนใหม่ในเกม", "False"]


@pytest.mark.parametrize("locale", ["pt_BR", "th"])
def test_the_shipped_mo_says_what_the_po_says(locale):
    assert list(check_compiled(locale, shipped(locale))) == []


def test_a_changed_po_makes_the_mo_stale():
    catalog = shipped("pt_BR")
    catalog.get("Help").string = "Socorro"
    found = list(check_compiled("pt_BR", catalog))
    assert [(d.code, d.line, d.col) for d in found] == [("E208", 1, 1)]
    assert "1 messages differ" in found[0].message and found[0].path.endswith("messages.po")


def test_a_missing_or_damaged_mo(tmp_path, monkeypatch):
    broken = tmp_path / "messages.mo"
    broken.write_bytes(b"not a catalog")
    monkeypatch.setattr(i18n, "mo_path", lambda locale: broken)
    assert "cannot be read" in next(iter(check_compiled("th", shipped("th")))).message
    i18n.translations.cache_clear()
    try:  # the game still speaks Thai, from the .po, and says once what to do
        assert i18n.translations("th").gettext("Help").replace("\u200b", "") == "ช่วยเหลือ"
    finally:
        i18n.translations.cache_clear()
    monkeypatch.setattr(i18n, "mo_path", lambda locale: tmp_path / "none.mo")
    assert "no compiled catalog" in next(iter(check_compiled("th", shipped("th")))).message


def test_a_catalog_read_from_the_cache_says_what_the_mo_says(tmp_path, monkeypatch):
    """The parts of a read .mo are kept in the cache folder; read back, they translate,
    pluralize and take contexts exactly as the .mo itself; a damaged one is rebuilt."""
    import gettext

    monkeypatch.setenv("NET_HEROES_CACHE_DIR", str(tmp_path))
    for locale in ("pt_BR", "th"):
        with open(i18n.mo_path(locale), "rb") as fh:
            direct = gettext.GNUTranslations(fh)
        first = i18n._read_compiled(i18n.mo_path(locale))  # read and kept
        (kept,) = tmp_path.glob(f"catalog-{locale}-*.marshal")
        again = i18n._read_compiled(i18n.mo_path(locale))  # from the cache
        assert type(again) is not gettext.GNUTranslations
        for catalog in (first, again):
            assert catalog._catalog == direct._catalog
            for n in (0, 1, 2, 5):
                assert catalog.plural(n) == direct.plural(n)
                assert catalog.ngettext(
                    "{n} decision point", "{n} decision points", n
                ) == direct.ngettext("{n} decision point", "{n} decision points", n)
            assert catalog.gettext("Play") == direct.gettext("Play") != "Play"
        kept.write_bytes(b"\x00damaged")
        assert i18n._read_compiled(i18n.mo_path(locale))._catalog == direct._catalog
