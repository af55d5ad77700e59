"""The installed game's files: the build puts them in game/bundled/ with compiled catalogs,
and says which committed .mo no longer matches its .po."""

import importlib.util
import shutil
from gettext import GNUTranslations

from .conftest import ROOT


def _setup_module():
    spec = importlib.util.spec_from_file_location("net_heroes_setup", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_holds_what_the_game_reads(tmp_path):
    notes = []
    target = tmp_path / "bundled"
    _setup_module().bundle(target, say=notes.append)
    assert (target / "scenarios.yaml").read_bytes() == (ROOT / "scenarios.yaml").read_bytes()
    for name in ("Waree.ttf", "Waree-Bold.ttf", "GPL-2.txt", "LICENSE-tlwg.txt"):
        assert (target / "assets" / "fonts" / name).is_file(), name
    assert (target / "assets" / "sounds" / "pop.wav").is_file()
    assert (target / "locales" / "th" / "words.txt").is_file()
    with open(target / "locales" / "th" / "LC_MESSAGES" / "messages.mo", "rb") as fh:
        thai = GNUTranslations(fh)
    assert thai.gettext("Play") == "เล่น"
    assert notes == []  # the committed catalogs are compiled from their .po


def test_a_stale_compiled_catalog_is_named_and_rebuilt(tmp_path):
    source = tmp_path / "repo"
    (source / "locales").mkdir(parents=True)
    shutil.copy2(ROOT / "scenarios.yaml", source / "scenarios.yaml")
    shutil.copytree(ROOT / "locales" / "th", source / "locales" / "th")
    po = source / "locales" / "th" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "ช่วยเหลือ"', 'msgstr "ช่วยเหลือเลย"', 1), encoding="utf-8")
    assert po.read_text(encoding="utf-8") != text
    notes = []
    setup = _setup_module()
    setup.bundle(tmp_path / "bundled", source=source, say=notes.append)
    assert len(notes) == 1 and "locales/th/LC_MESSAGES/messages.mo" in notes[0]
    built = tmp_path / "bundled" / "locales" / "th" / "LC_MESSAGES" / "messages.mo"
    assert built.read_bytes() == setup.compile_catalog(po)
