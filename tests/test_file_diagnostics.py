"""Diagnostics that tests/test_diagnostics.py and tests/test_kiosk.py make appear without
asserting their place: a story file that cannot be read (E004), a story without an ending
(E109) and an operator settings file that cannot be read (O007), each at its exact file,
line and column."""

from game.cli import main
from game.content import check_file, load_text
from game.content.rules import run_rules
from game.operator_check import check as check_operator_text
from game.operator_settings import load as load_operator

from .helpers import MINIMAL, with_change


def located(diags):
    return [(d.path, d.line, d.col, d.code) for d in diags]


# ---- E004 ---------------------------------------------------------------------------------


def test_e004_a_missing_story_file(tmp_path):
    path = tmp_path / "nope.yaml"
    content, diags = check_file(path)
    assert content is None
    assert located(diags) == [(str(path), 1, 1, "E004")]
    assert diags[0].message.startswith("cannot read file: ")


def test_e004_a_story_file_that_is_not_utf8_is_reported_at_the_first_bad_byte(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"format: 1\nscenarios:\n  - id: demo\n    title: Caf\xe9\n")  # Latin-1
    content, diags = check_file(path)
    assert content is None
    assert located(diags) == [(str(path), 4, 15, "E004")]
    assert (diags[0].message, diags[0].hint) == ("the file is not UTF-8 text", "save it as UTF-8")


def test_e004_through_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.yaml").write_bytes(b"format: 1\nscenarios:\n  - id: caf\xe9\n")
    assert main(["check", "s.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["s.yaml:3:12: error: the file is not UTF-8 text; save it as UTF-8 (E004)"]


# ---- E109 ---------------------------------------------------------------------------------


def test_e109_a_story_without_an_ending_is_reported_at_its_nodes():
    content, diags = load_text(
        with_change("        scene: ending", "        scene: chat"), "s.yaml"
    )
    assert diags == []
    found = [d for d in run_rules(content) if d.code == "E109"]
    # line 51 is the first node (`hello:`), where the block of nodes starts
    assert located(found) == [("s.yaml", 51, 7, "E109")]
    assert MINIMAL.splitlines()[50] == "      hello:"
    assert found[0].message == "scenario 'demo' has no ending"


# ---- O007 ---------------------------------------------------------------------------------


def test_o007_a_settings_file_that_does_not_exist(tmp_path):
    path = tmp_path / "operator.yaml"
    _operator, diags, shown = load_operator(path)
    assert shown == str(path)
    assert located(diags) == [(str(path), 1, 1, "O007")]
    assert diags[0].message == "no such file"


def test_o007_a_settings_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "operator.yaml"
    path.write_bytes(b"kiosk: true\ngroup: Caf\xe9\n")
    _operator, diags, _shown = load_operator(path)
    assert located(diags) == [(str(path), 1, 1, "O007")]
    assert diags[0].message.startswith("cannot read the file: ")
    assert diags[0].hint == "save it as UTF-8 text"


def test_o007_through_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--config", "nope.yaml"]) == 1
    assert capsys.readouterr().out.splitlines() == ["nope.yaml:1:1: error: no such file (O007)"]


# ---- a character YAML does not accept (E001, O001) ------------------------------------------
# PyYAML refuses control characters before it parses anything, with an error that has a
# position but no line and column: the problem is reported at 1:1 and its message runs over
# two lines ('... not allowed\n  in "<unicode string>", position 30').


def test_e001_a_control_character_is_reported_where_it_is():
    _content, diags = load_text("format: 1\nscenarios:\n  - id: a\x07\n", "s.yaml")
    assert located(diags) == [("s.yaml", 3, 10, "E001")]
    assert "\n" not in diags[0].format()


def test_o001_a_control_character_is_reported_where_it_is():
    _operator, diags = check_operator_text("kiosk: true\nsound: \x07\n", "op.yaml")
    assert located(diags) == [("op.yaml", 2, 8, "O001")]
    assert "\n" not in diags[0].format()


def test_e001_a_control_character_after_thai_text_is_found_by_character_not_byte():
    """libyaml counts the place in bytes; Thai letters are three bytes each."""
    _content, diags = load_text("title: ไทยไทย\nid: a\x07\n", "s.yaml")
    assert located(diags) == [("s.yaml", 2, 6, "E001")]
    assert "U+0007" in diags[0].message
