"""The translation checks of `check` (E201-E205, W206, W207, E208), each made to appear on a
tiny story and tiny catalogs written to a temporary folder, and asserted at its exact place:
the English source line of the string (or line 1 of the catalog, for a whole-catalog
problem)."""

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from game import i18n
from game.cli import main
from game.content import check_file
from game.content.strings import iter_strings
from game.content.translations import check_catalogs
from game.text import Text

Z = "\u200b"  # a Thai word break

# Every string sits on a line of its own; the comments give (line, column) of each value.
STORY = """\
format: 1
scenarios:
  - id: demo
    title: Demo
    topic: stranger
    age_band: "9-12"
    objectives: [Tell an adult]
    characters:
      sam: {name: Sam, role: stranger}
    pre: []
    post: []
    start: hello
    nodes:
      hello:
        scene: chat
        messages:
          - from: sam
            text: Hi {name}!
        choices:
          - text: Block Sam
            goto: end
            safety: safe
            feedback: Great.
      end:
        scene: ending
        title: Safe!
        text: You told mum.
        takeaway: Tell an adult.
        adult: Talk about it.
"""
# title 4:12, objectives 7:17, name 9:19, message 18:19, choice text 20:19,
# feedback 23:23, ending title 26:16, text 27:15, takeaway 28:19, adult 29:16

TRANSLATIONS = {
    "pt_BR": {
        "Demo": "Demonstração",
        "Tell an adult": "Conte a um adulto",
        "Sam": "Sam",
        "Hi {name}!": "Oi, {name}!",
        "Block Sam": "Bloquear Sam",
        "Great.": "Ótimo.",
        "Safe!": "Em segurança!",
        "You told mum.": "Você contou para a mãe.",
        "Tell an adult.": "Conte a um adulto.",
        "Talk about it.": "Converse sobre isso.",
    },
    "th": {
        "Demo": "ตัวอย่าง",
        "Tell an adult": f"บอก{Z}ผู้ใหญ่",
        "Sam": "แซม",
        "Hi {name}!": "สวัสดี {name}!",
        "Block Sam": f"บล็อก{Z}แซม",
        "Great.": f"เยี่ยม{Z}มาก",
        "Safe!": "ปลอดภัย!",
        "You told mum.": f"หนู{Z}บอก{Z}แม่{Z}แล้ว",
        "Tell an adult.": f"บอก{Z}ผู้ใหญ่",
        "Talk about it.": f"คุย{Z}เรื่อง{Z}นี้{Z}กัน",
    },
}


@pytest.fixture
def story(tmp_path, monkeypatch):
    """The tiny story, read from tmp_path/s.yaml (shown as s.yaml), with the catalogs
    looked for in tmp_path/locales."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path / "locales")
    (tmp_path / "s.yaml").write_text(STORY, encoding="utf-8")
    content, diags = check_file("s.yaml")
    assert content is not None and not any(d.is_error for d in diags)
    return content


@pytest.fixture(scope="module")
def text():
    return Text()


def catalog(content, locale):
    """A catalog of the story, as `pybabel extract` and a translator would make it: complete
    for the story above (a string not in TRANSLATIONS is left untranslated)."""
    cat = Catalog(locale=locale, project="Net Heroes")
    for entry in iter_strings(content):
        cat.add(
            entry.text,
            TRANSLATIONS[locale].get(entry.text, ""),
            locations=[(entry.loc.path, entry.loc.line)],
            context=entry.context,
        )
    return cat


def save(cat, compiled=True):
    """Write the catalog's .po and, unless told not to, its .mo (as `pybabel compile`)."""
    po = i18n.po_path(str(cat.locale))
    po.parent.mkdir(parents=True, exist_ok=True)
    with open(po, "wb") as fh:
        write_po(fh, cat, width=0)
    if compiled:
        with open(i18n.mo_path(str(cat.locale)), "wb") as fh:
            write_mo(fh, cat, use_fuzzy=False)
    return po


def save_both(content, **changed):
    """Both catalogs, complete; `changed` gives a changed catalog for a locale."""
    for locale in ("pt_BR", "th"):
        save(changed[locale] if locale in changed else catalog(content, locale))


def located(diags):
    return [(d.path, d.line, d.col, d.code) for d in sorted(diags)]


def message(cat, context):
    return next(m for m in cat if m.context == context)


# ---- the examples start from catalogs that have nothing to report ----------------------


def test_the_complete_catalogs_have_nothing_to_report(story, text):
    save_both(story)
    diags, coverage = check_catalogs(story, text=text)
    assert located(diags) == []
    assert [(c.locale, c.translated, c.total) for c in coverage] == [
        ("pt_BR", 10, 10),
        ("th", 10, 10),
    ]


# ---- E201 ---------------------------------------------------------------------------------


def test_e201_an_untranslated_string_is_reported_at_its_english_line(story):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/choices/c1/text").string = ""
    save(pt)
    diags, coverage = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("s.yaml", 20, 19, "E201")]
    assert diags[0].message == "pt_BR: 'Block Sam' is untranslated"
    assert (coverage[0].translated, coverage[0].total) == (9, 10)


def test_e201_a_fuzzy_translation_counts_as_untranslated(story):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/choices/c1/feedback").flags.add("fuzzy")
    save(pt)
    diags, coverage = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("s.yaml", 23, 23, "E201")]
    assert diags[0].message == "pt_BR: 'Great.' is fuzzy"
    assert (coverage[0].translated, coverage[0].total) == (9, 10)


def test_e201_a_string_missing_from_the_catalog(story):
    pt = catalog(story, "pt_BR")
    pt.delete("Safe!", context="demo/nodes/end/title")
    save(pt)
    diags, coverage = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("s.yaml", 26, 16, "E201")]
    assert diags[0].message == "pt_BR: 'Safe!' is not in the catalog"
    assert "pybabel extract" in diags[0].hint
    assert (coverage[0].translated, coverage[0].total) == (9, 10)


def test_e201_a_locale_without_a_catalog_is_reported_at_the_catalog_path(story):
    save(catalog(story, "pt_BR"))
    diags, _ = check_catalogs(story)
    assert located(diags) == [(str(i18n.po_path("th")), 1, 1, "E201")]
    assert diags[0].message == "there is no th catalog"


def test_e201_a_screen_s_own_words_are_reported_where_the_catalog_says_they_are(story):
    pt = catalog(story, "pt_BR")
    pt.add("Play again", "", locations=[("game/ui.py", 42)])
    save(pt)
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("game/ui.py", 42, 1, "E201")]
    assert "'Play again' is untranslated" in diags[0].message


# ---- E202 ---------------------------------------------------------------------------------


def test_e202_a_translation_that_drops_a_placeholder(story):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/messages/1").string = "Oi!"
    save(pt)
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("s.yaml", 18, 19, "E202")]
    assert diags[0].message == "pt_BR: placeholders differ in 'Oi!'"
    assert diags[0].hint == "the English has {name}"


def test_e202_a_renamed_placeholder_in_a_screen_s_own_words(story):
    pt = catalog(story, "pt_BR")
    pt.add("{done} of {total}", "{feitas} de {total}", locations=[("game/ui.py", 7)])
    save(pt)
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("game/ui.py", 7, 1, "E202")]
    assert diags[0].hint == "the English has {done}, {total}"


# ---- E203 ---------------------------------------------------------------------------------


def test_e203_a_character_the_bundled_font_cannot_draw(story, text):
    save_both(story)
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/choices/c1/feedback").string = "Ótimo! 🙂"
    save(pt)
    diags, _ = check_catalogs(story, text=text)
    assert located(diags) == [("s.yaml", 23, 23, "E203")]
    assert diags[0].message == "pt_BR: the font cannot draw '🙂' in 'Ótimo! 🙂'"


# ---- E204 ---------------------------------------------------------------------------------

LONG_THAI = "อยากได้เหรียญฟรีไหมเพื่อนรัก"  # 28 Thai characters, 24 or more without a break


def test_e204_long_thai_text_with_no_word_breaks(story):
    assert len(LONG_THAI) >= 24
    th = catalog(story, "th")
    message(th, "demo/nodes/hello/messages/1").string = f"สวัสดี {{name}} {LONG_THAI}"
    save(th)
    diags, _ = check_catalogs(story, locales=["th"])
    assert located(diags) == [("s.yaml", 18, 19, "E204")]
    assert diags[0].message.startswith("th: 'สวัสดี {name} อยาก")
    assert diags[0].hint == "run python tools/thai_breaks.py"


def test_e204_the_same_text_with_word_breaks_is_fine(story):
    th = catalog(story, "th")
    broken = Z.join(["อยาก", "ได้", "เหรียญ", "ฟรี", "ไหม", "เพื่อน", "รัก"])
    assert broken.replace(Z, "") == LONG_THAI
    message(th, "demo/nodes/hello/messages/1").string = f"สวัสดี {{name}} {broken}"
    save(th)
    assert located(check_catalogs(story, locales=["th"])[0]) == []


def test_e204_is_only_for_thai(story):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/messages/1").string = f"Oi, {{name}}! {LONG_THAI}"
    save(pt)
    assert located(check_catalogs(story, locales=["pt_BR"])[0]) == []


# ---- E205 ---------------------------------------------------------------------------------


def test_e205_a_translation_that_does_not_fit_its_box(story, text):
    save_both(story)
    pt = catalog(story, "pt_BR")
    # a name has one line of 300 pixels
    message(pt, "demo/characters/sam/name").string = "Samuel Alexandre de Oliveira"
    save(pt)
    diags, _ = check_catalogs(story, text=text)
    assert located(diags) == [("s.yaml", 9, 19, "E205")]
    assert diags[0].message == "pt_BR: 'Samuel Alexandre de Oliveira' needs 2 lines where 1 fit"
    assert diags[0].hint == "say it shorter"


def test_e205_the_english_must_fit_too(story, text, tmp_path):
    long_title = "A very long title about a new friend who asks for a photo in the game chat"
    (tmp_path / "s.yaml").write_text(
        STORY.replace("title: Demo", f"title: {long_title}"), encoding="utf-8"
    )
    content = check_file("s.yaml")[0]
    pt = catalog(content, "pt_BR")
    message(pt, "demo/title").string = "Demonstração"
    save(pt)
    diags, _ = check_catalogs(content, locales=["pt_BR"], text=text)
    assert located(diags) == [("s.yaml", 4, 12, "E205")]
    assert diags[0].message.startswith("en: 'A very long title")
    assert diags[0].message.endswith("where 2 fit")


def test_e205_is_checked_only_when_the_text_is_measured(story):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/characters/sam/name").string = "Samuel Alexandre de Oliveira"
    save(pt)
    assert located(check_catalogs(story, locales=["pt_BR"])[0]) == []


# ---- W206 ---------------------------------------------------------------------------------


def test_w206_a_translation_nobody_uses_any_more(story):
    pt = catalog(story, "pt_BR")
    # a node deleted from the story: the catalog still names the line it was on
    pt.add("Bye!", "Tchau!", locations=[("s.yaml", 31)], context="demo/nodes/gone/text")
    save(pt)
    diags, coverage = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [("s.yaml", 31, 1, "W206")]
    assert not diags[0].is_error
    assert diags[0].message == "pt_BR: the translation of 'Bye!' is no longer used"
    assert (coverage[0].translated, coverage[0].total) == (10, 10)  # it does not count


def test_w206_a_string_whose_english_changed(story):
    pt = catalog(story, "pt_BR")
    pt.delete("Great.", context="demo/nodes/hello/choices/c1/feedback")
    pt.add(
        "Good.",
        "Bom.",
        locations=[("s.yaml", 23)],
        context="demo/nodes/hello/choices/c1/feedback",
    )
    save(pt)
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    # the old English is no longer used, the new English is not translated yet
    assert located(diags) == [("s.yaml", 23, 1, "W206"), ("s.yaml", 23, 23, "E201")]
    assert "'Good.'" in diags[0].message and "'Great.'" in diags[1].message


def test_w206_leaves_region_names_and_a_screen_s_own_words_alone(story):
    pt = catalog(story, "pt_BR")
    pt.add(
        "Brazil", "Brasil", locations=[("game/data/regions.yaml", 13)], context="region/BR/country"
    )
    pt.add("Help", "Ajuda", locations=[("game/ui.py", 3)])
    save(pt)
    assert located(check_catalogs(story, locales=["pt_BR"])[0]) == []


# ---- W207 ---------------------------------------------------------------------------------


def test_w207_a_word_break_before_mai_yamok(story):
    th = catalog(story, "th")
    message(th, "demo/nodes/end/adult").string = f"คุย{Z}กัน{Z}บ่อย{Z}ๆ"
    save(th)
    diags, _ = check_catalogs(story, locales=["th"])
    assert located(diags) == [("s.yaml", 29, 16, "W207")]
    assert diags[0].message == "th: a word break before ๆ in 'คุยกันบ่อยๆ' would let ๆ start a line"


def test_w207_a_word_break_inside_a_word_of_the_project_word_list(story):
    (i18n.LOCALES_DIR / "th").mkdir(parents=True)
    (i18n.LOCALES_DIR / "th" / "words.txt").write_text("!บอกว่า\n", encoding="utf-8")
    th = catalog(story, "th")
    message(th, "demo/nodes/end/text").string = f"แม่{Z}บอ{Z}กว่า{Z}จะ{Z}มา"
    save(th)
    diags, _ = check_catalogs(story, locales=["th"])
    assert located(diags) == [("s.yaml", 27, 15, "W207")]
    assert "a word break inside 'บอ|กว่า'" in diags[0].message


# ---- E208 ---------------------------------------------------------------------------------


def test_e208_a_catalog_that_was_never_compiled(story):
    po = save(catalog(story, "pt_BR"), compiled=False)
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [(str(po), 1, 1, "E208")]
    assert diags[0].message == "pt_BR: there is no compiled catalog (messages.mo)"


def test_e208_a_compiled_catalog_that_cannot_be_read(story):
    po = save(catalog(story, "pt_BR"))
    i18n.mo_path("pt_BR").write_bytes(b"not a catalog")
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [(str(po), 1, 1, "E208")]
    assert diags[0].message == "pt_BR: messages.mo cannot be read"


def test_e208_a_translation_changed_after_compiling(story):
    pt = catalog(story, "pt_BR")
    save(pt)
    message(pt, "demo/nodes/hello/choices/c1/feedback").string = "Muito bem."
    po = save(pt, compiled=False)
    diags, _ = check_catalogs(story, locales=["pt_BR"])
    assert located(diags) == [(str(po), 1, 1, "E208")]
    assert diags[0].message == "pt_BR: messages.mo is older than the .po (1 messages differ)"


# ---- through the command line -------------------------------------------------------------


def test_check_prints_a_translation_error_and_exits_1(story, capsys):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/choices/c1/text").string = ""
    save_both(story, pt_BR=pt)
    assert main(["check", "s.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "s.yaml:20:19: error: pt_BR: 'Block Sam' is untranslated (E201)" in out
    assert "translations: pt_BR 90% (9/10), th 100% (10/10)" in out
    assert [line for line in out if "(E2" in line or "(W2" in line] == [
        "s.yaml:20:19: error: pt_BR: 'Block Sam' is untranslated (E201)"
    ]


def test_check_prints_an_unused_translation_as_a_warning(story, capsys):
    th = catalog(story, "th")
    th.add("Bye!", "ลาก่อน", locations=[("s.yaml", 31)], context="demo/nodes/gone/text")
    save_both(story, th=th)
    warning = "s.yaml:31:1: warning: th: the translation of 'Bye!' is no longer used (W206)"
    assert main(["check", "s.yaml"]) == 0
    assert warning in capsys.readouterr().out.splitlines()
    assert main(["check", "--strict", "s.yaml"]) == 1
    assert warning in capsys.readouterr().out.splitlines()


def test_check_github_format_and_skip_translations(story, capsys):
    pt = catalog(story, "pt_BR")
    message(pt, "demo/nodes/hello/messages/1").string = "Oi!"
    save_both(story, pt_BR=pt)
    assert main(["check", "--format", "github", "s.yaml"]) == 1
    assert (
        "::error file=s.yaml,line=18,col=19,title=E202::pt_BR: placeholders differ in 'Oi!'; "
        "the English has {name}"
    ) in capsys.readouterr().out.splitlines()
    assert main(["check", "--skip-translations", "s.yaml"]) == 0
    assert "(E202)" not in capsys.readouterr().out
