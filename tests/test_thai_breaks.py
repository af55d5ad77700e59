"""Thai word breaks: the project word list, the W207 check (stdlib) and the break tool
(tools/thai_breaks.py, with pythainlp; those tests are skipped without it)."""

import importlib.util
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from game import i18n
from game.content import check_file
from game.content.strings import iter_strings
from game.content.thai_breaks import (
    WORDS_FILE,
    WordList,
    breaks_inside_words,
    load_words,
    parse_words,
)
from game.content.translations import check_catalogs
from game.resources import SCENARIOS_FILE

ROOT = Path(__file__).resolve().parent.parent
Z = "\u200b"
WORDS = ROOT / "locales" / "th" / WORDS_FILE
TH_PO = ROOT / "locales" / "th" / "LC_MESSAGES" / "messages.po"


@pytest.fixture(scope="module")
def words():
    return load_words(WORDS)


@pytest.fixture(scope="module")
def content():
    return check_file(SCENARIOS_FILE)[0]


def marked(found):
    return [(b.word, b.offset, b.marked) for b in found]


# ---- the word list ------------------------------------------------------------------------


def test_the_word_list_has_words_never_split_words_and_not_words():
    words = parse_words("# a comment\nแอป   # an app\n!แล้ว\n- แล้\nLINE\n\n!บอก\u200bว่า\n")
    assert words.words == {"แอป"}
    assert words.never_split == {"แล้ว", "บอกว่า"}
    assert words.not_words == {"แล้"}
    assert words.all_words == {"แอป", "แล้ว", "บอกว่า"}


def test_the_project_word_list_reads_and_holds_the_words_the_review_found(words):
    for word in (
        "บีม",
        "คอล",
        "แอป",
        "สกิน",
        "มิว",
        "น้าจอย",
        "ทรูมันนี่",
        "สตรีมเมอร์",
        "พร้อมเพย์",
        "โปรเพลเยอร์",
    ):
        assert word in words.words, word
    assert {"แล้ว", "บอกว่า"} <= words.never_split
    assert {"แล้", "วจะ", "บอ"} <= words.not_words
    assert not (words.all_words & words.not_words)


def test_a_missing_word_list_is_an_empty_one(tmp_path):
    assert load_words(tmp_path / "nothing.txt") == WordList()


# ---- finding breaks inside words (stdlib) ---------------------------------------------------


def test_a_break_inside_a_word_is_found_where_it_is(words):
    assert marked(breaks_inside_words(f"แม่{Z}บอ{Z}กว่า{Z}จะ{Z}มา", words)) == [
        ("บอกว่า", 3, "บอ|กว่า")
    ]
    assert marked(breaks_inside_words(f"คุย{Z}ใน{Z}แอ{Z}ป{Z}อื่น", words)) == [("แอป", 5, "แอ|ป")]
    assert marked(breaks_inside_words(f"น้า{Z}จอ{Z}ย", words)) == [("น้าจอย", 0, "น้า|จอ|ย")]
    assert marked(breaks_inside_words(f"แล้{Z}วจะ{Z}ส่ง", words)) == [("แล้ว", 0, "แล้|ว")]


def test_breaks_between_words_are_fine(words):
    assert breaks_inside_words(f"แม่{Z}บอกว่า{Z}จะ{Z}มา", words) == []
    assert breaks_inside_words(f"คุย{Z}ใน{Z}แอป{Z}อื่น แอป LINE", words) == []
    assert breaks_inside_words("บอ กว่า", words) == []  # a space is the writer's own break
    assert breaks_inside_words("แอป", words) == []


def test_a_word_is_only_checked_where_it_stands_alone(words):
    # สกิน inside โอกาส|กิน is not the word สกิน; แพร inside แพร่ ends inside a cluster
    assert breaks_inside_words(f"ไม่{Z}มี{Z}โอกาส{Z}กิน", words) == []
    assert breaks_inside_words(f"รูป{Z}แพ{Z}ร่", WordList(words=frozenset({"แพร"}))) == []
    # never-split words are found wherever their letters are
    assert marked(breaks_inside_words(f"แล้{Z}วหา", words)) == [("แล้ว", 0, "แล้|ว")]


def test_a_break_before_mai_yamok_is_found(words):
    found = breaks_inside_words(f"รู้สึก{Z}แปลก{Z}ๆ หนู", words)
    assert [(b.offset, b.before_mai_yamok) for b in found] == [(10, True)]
    assert breaks_inside_words(f"รู้สึก{Z}แปลกๆ หนู{Z}เด็ก ๆ", words) == []


# ---- the W207 diagnostic ------------------------------------------------------------------


def _catalog_with(path, replace):
    """A copy of the shipped Thai catalog with some translations replaced."""
    with open(TH_PO, "rb") as fh:
        catalog = read_po(fh, locale="th")
    for message in catalog:
        if message.id and (message.context, message.id) in replace:
            message.string = replace[(message.context, message.id)]
    from babel.messages.pofile import write_po

    with open(path, "wb") as fh:
        write_po(fh, catalog, width=0)


def test_check_warns_at_the_english_source_of_a_word_broken_inside(content, tmp_path, monkeypatch):
    entry = next(
        e for e in iter_strings(content) if e.context == "camera_request/nodes/call_ring/messages/3"
    )
    broken = f"กล้อง{Z}ของ{Z}เขา{Z}เสีย เขา{Z}บอ{Z}กว่า{Z}ขอ{Z}คอ{Z}ล{Z}อีก"
    _catalog_with(tmp_path / "th.po", {(entry.context, entry.text): broken})
    real = i18n.po_path
    monkeypatch.setattr(
        i18n, "po_path", lambda loc: tmp_path / "th.po" if loc == "th" else real(loc)
    )
    diags, _ = check_catalogs(content, locales=["th"])
    found = [d for d in diags if d.code == "W207"]
    assert [(d.path, d.line, d.col, d.severity) for d in found] == [
        (entry.loc.path, entry.loc.line, entry.loc.col, "warning")
    ] * 2
    assert "'บอ|กว่า'" in found[0].message and "'คอ|ล'" in found[1].message
    # the place is the English source itself: its line and column in scenarios.yaml
    line = Path(entry.loc.path).read_text(encoding="utf-8").splitlines()[entry.loc.line - 1]
    assert entry.text[:20] in line[entry.loc.col - 1 :]


def test_check_finds_no_break_inside_a_word_in_the_shipped_catalog(content):
    diags, coverage = check_catalogs(content, locales=["th"])
    assert [d.format() for d in diags if d.code == "W207"] == []
    assert coverage[0].locale == "th"


def test_no_shipped_thai_string_breaks_inside_a_project_word(words):
    with open(TH_PO, "rb") as fh:
        catalog = read_po(fh, locale="th")
    bad = [
        (m.id, b.marked)
        for m in catalog
        if m.id and isinstance(m.string, str)
        for b in breaks_inside_words(m.string, words)
    ]
    assert bad == []
    assert sum(Z in (m.string or "") for m in catalog if m.id) > 1000


# ---- the tool (needs pythainlp) -----------------------------------------------------------


@pytest.fixture(scope="module")
def tool():
    pytest.importorskip("pythainlp")
    spec = importlib.util.spec_from_file_location(
        "thai_breaks_tool", ROOT / "tools" / "thai_breaks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def mark(tool, words):
    tokenize = tool.make_tokenizer(words)
    return lambda text: tool.mark_breaks(text, tokenize)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("แม่บอกว่าจะมา", "แม่|บอกว่า|จะ|มา"),
        ("ไปคุยกันในแอปอื่นเถอะ", "ไป|คุย|กัน|ใน|แอป|อื่น|เถอะ"),
        ("แล้วจะส่งไปทำไมเนี่ย", "แล้ว|จะ|ส่ง|ไป|ทำไม|เนี่ย"),
        ("บีมกดดันขอรูป", "บีม|กดดัน|ขอ|รูป"),
        ("บอกน้าจอย", "บอก|น้าจอย"),
        ("ทางพร้อมเพย์หรือทรูมันนี่", "ทาง|พร้อมเพย์|หรือ|ทรูมันนี่"),
        ("ติดตามสตรีมเมอร์ 530 คน", "ติดตาม|สตรีมเมอร์ 530 คน"),
        ("รู้สึกแปลกๆ หนู", "รู้สึก|แปลกๆ หนู"),
        ("วิดีโอคอล SanukLive", "วิดีโอ|คอล SanukLive"),
    ],
)
def test_the_tool_marks_words_with_the_project_list(mark, text, expected):
    assert mark(text).replace(Z, "|") == expected
    assert mark(mark(text)) == mark(text)  # existing marks are removed first


def test_the_tool_rewrites_only_the_marks_of_msgstr(tool, mark):
    po = (
        '# a comment บอกว่า\nmsgid ""\nmsgstr ""\n"Language: th\\n"\n\n'
        '#. ครูบอกว่า\nmsgctxt "a/ctx"\nmsgid "Mum said"\n'
        f'msgstr "แม่{Z}บอ{Z}กว่า"\n\n'
        'msgid ""\n"A long one"\nmsgstr ""\n"ไปคุยกันใน"\n"แอปอื่น \\"เถอะ\\""\n\n'
        '#~ msgid "Old"\n#~ msgstr "บอกว่า"\n'
    )
    new, changes = tool.remark_po(po, mark)
    assert [line for line, _, _ in changes] == [9, 13]
    assert new.replace(Z, "") == po.replace(Z, "")
    assert f'msgstr "แม่{Z}บอกว่า"' in new
    assert f'"ไป{Z}คุย{Z}กัน{Z}ใน{Z}"\n"แอป{Z}อื่น \\"เถอะ\\""' in new
    assert '#~ msgstr "บอกว่า"' in new and "#. ครูบอกว่า" in new
    assert tool.remark_po(new, mark)[1] == []
    assert new.count(Z) == 6


def test_the_tool_check_lists_strings_to_remark_and_fixes_them(tool, tmp_path, capsys):
    po = tmp_path / "messages.po"
    po.write_text(f'msgid "Mum said"\nmsgstr "แม่{Z}บอ{Z}กว่า"\n', encoding="utf-8")
    assert tool.main(["--check", str(po)]) == 1
    out = capsys.readouterr().out
    assert f"{po}:2: marks differ" in out and "แม่|บอ|กว่า" in out and "แม่|บอกว่า" in out
    assert tool.main([str(po)]) == 0
    assert tool.main(["--check", str(po)]) == 0
    assert po.read_text(encoding="utf-8") == f'msgid "Mum said"\nmsgstr "แม่{Z}บอกว่า"\n'


def test_the_shipped_catalog_has_the_marks_the_tool_makes(tool, mark):
    changes = tool.remark_po(TH_PO.read_text(encoding="utf-8"), mark)[1]
    assert [(line, old.replace(Z, "|"), new.replace(Z, "|")) for line, old, new in changes] == []
