"""Localization: the extractors the Babel way, negotiation, formatting, localized content."""

import datetime
import io

import pytest
from babel.messages.extract import extract

from game import i18n, layout
from game.content import load_text
from game.content.strings import iter_strings, localize
from game.i18n_extract import extract_regions, extract_scenarios

from .helpers import MINIMAL


def test_scenario_extractor_gives_babel_tuples_with_contexts_and_notes():
    text = MINIMAL.replace(
        "      sam: {name: Sam, role: stranger, look: fox}",
        "      sam: {name: Sam, role: stranger, look: fox, note: A gamer.}",
    )
    out = list(extract_scenarios(io.BytesIO(text.encode()), {}, [], {}))
    # the note on the room a string has comes from the box it is drawn in (game/layout.py)
    assert out[0] == (4, "pgettext", ("demo/title", "Demo"), [layout.MENU_TITLE_SMALL.hint()])
    assert (
        10,
        "pgettext",
        ("demo/characters/sam/name", "Sam"),
        ["A gamer.", "a name; use a name that feels local; about 20 characters on one line"],
    ) in out
    assert (
        58,
        "pgettext",
        ("demo/nodes/hello/choices/c1/text", "Tell mum"),
        [layout.CHOICE.hint()],
    ) in out
    assert (
        56,
        "pgettext",
        ("demo/nodes/hello/messages/1", "hi! want free coins?"),
        [layout.CHAT_MESSAGE.hint()],
    ) in out
    contexts = [message[0] for _line, _f, message, _c in out]
    assert len(contexts) == len(set(contexts))  # every string has its own stable place


def test_extractor_is_registered_with_babel():
    found = list(extract("net_heroes_scenarios", io.BytesIO(MINIMAL.encode())))
    by_context = {context: message for _line, message, _comments, context in found}
    assert by_context["demo/nodes/end/takeaway"] == "Tell a trusted adult."


def test_broken_file_extracts_nothing_and_says_why(capsys):
    assert list(extract_scenarios(io.BytesIO(b"format: 1\nscenarios: [\n"), {}, [], {})) == []
    assert "E001" in capsys.readouterr().err


def test_region_extractor():
    data = (
        "regions:\n  BR:\n    country: Brazil\n    locales: [pt_BR]\n    services:\n"
        "      - id: disque_100\n        name: Disque 100\n        for: Help.\n"
        "        reach: Call 100\n        verified: 2026-11-01\n        source: gov\n"
    )
    out = list(extract_regions(io.BytesIO(data.encode()), {}, [], {}))
    assert [m for _l, _f, m, _c in out] == [
        ("region/BR/country", "Brazil"),
        ("region/BR/disque_100/name", "Disque 100"),
        ("region/BR/disque_100/for", "Help."),
        ("region/BR/disque_100/reach", "Call 100"),
    ]


@pytest.mark.parametrize(
    "asked,expected",
    [
        (["pt"], "pt_BR"),
        (["pt_PT"], "pt_BR"),
        (["pt-BR"], "pt_BR"),
        (["th_TH.UTF-8"], "th"),
        (["Portuguese_Brazil"], "pt_BR"),
        (["de_DE", "th"], "th"),
        (["de_DE"], "en"),
        ([], "en"),
    ],
)
def test_negotiation(asked, expected):
    assert i18n.negotiate(asked) == expected


def test_thai_dates_use_the_buddhist_era():
    day = datetime.date(2026, 11, 22)
    assert i18n.format_date(day, "th") == "22 พฤศจิกายน พ.ศ. 2569"
    assert i18n.format_date(day, "pt_BR") == "22 de novembro de 2026"


def test_missing_translation_falls_back_to_english():
    with i18n.using("th"):
        assert i18n._("A sentence nobody translated") == "A sentence nobody translated"
        assert i18n.pgettext("nowhere/x", "Hello") == "Hello"


def test_each_language_is_one_catalog_and_using_puts_the_one_before_back():
    assert i18n.catalog("pt") is i18n.catalog("pt_BR")  # read once; 'pt' means pt_BR
    assert i18n.catalog("th").gettext("Play") != "Play"
    assert i18n.catalog("en").gettext("Play") == "Play"
    i18n.set_locale("pt_BR")
    try:
        with i18n.using("th") as words:
            assert words.locale == "th" and i18n.current_locale() == "th"
            assert i18n._("Play") == words.gettext("Play")
        assert i18n.current_locale() == "pt_BR"
        with pytest.raises(ValueError), i18n.using("th"):
            raise ValueError("a command failed in the middle")
        assert i18n.current_locale() == "pt_BR"  # also after an error
        assert i18n._("Play") == i18n.catalog("pt_BR").gettext("Play")
    finally:
        i18n.set_locale("en")


def test_localize_replaces_every_string_and_keeps_ids():
    content, _ = load_text(MINIMAL)
    shouted = localize(content, lambda ctx, text: text.upper())
    before = list(iter_strings(content))
    after = list(iter_strings(shouted))
    assert [e.context for e in after] == [e.context for e in before]
    assert [e.text for e in after] == [e.text.upper() for e in before]
    node = shouted.scenarios[0].nodes["hello"]
    assert node.choices[0].goto == "mum" and node.choices[1].set_flags == ("said_yes",)


def test_catalogs_hold_every_string_the_mapping_file_extracts():
    """`pybabel extract -F babel.cfg` finds every string; each is in both catalogs."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po

    from .conftest import ROOT

    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    extracted = {
        (context, message if isinstance(message, str) else message[0])
        for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT), method_map, options_map
        )
    }
    assert len(extracted) > 300
    for locale in ("pt_BR", "th"):
        with open(i18n.po_path(locale), "rb") as fh:
            catalog = read_po(fh, locale=locale)
        have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
        assert sorted(extracted - have) == [], locale


def test_thai_break_tool_marks_word_boundaries_and_is_idempotent():
    import sys

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from thai_breaks import mark_breaks
    finally:
        sys.path.pop(0)
    words = {"บอกผู้ใหญ่": ["บอก", "ผู้ใหญ่"], "นะ": ["นะ"]}
    once = mark_breaks("บอกผู้ใหญ่ 1387 นะ", lambda run: words[run])
    assert once == "บอก\u200bผู้ใหญ่ 1387 นะ"
    assert mark_breaks(once, lambda run: words[run]) == once
