"""`check` survives any file: the shipped story file broken a few hundred ways per run (byte
flips, deleted and swapped lines, tabs, other types of values, odd characters, anchors and
aliases, tags, a file saved half-way) gives diagnostics, never a traceback, and every
diagnostic is exactly one line in every format."""

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import check_bytes
from game.content.diagnostics import Diagnostic, Loc, one_line
from game.resources import SCENARIOS_FILE

from .mutations import mutate

SHIPPED = SCENARIOS_FILE.read_text(encoding="utf-8")
_lines = SHIPPED.split("\n")
_second = [k for k, line in enumerate(_lines) if line.startswith("  - id:")][1]
# The file's head and its first story: a whole valid file, checked in a few milliseconds.
ONE_STORY = "\n".join(_lines[:_second]) + "\n"
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def one_line_everywhere(diags) -> None:
    for d in diags:
        for shown in (d.format(), d.format_github(), d.format_json()):
            assert not any(c in shown for c in BREAKS), shown
        assert json.loads(d.format_json())["message"] == d.message


def test_the_base_file_is_clean():
    _content, diags = check_bytes(ONE_STORY.encode("utf-8"), "scenarios.yaml")
    assert not [d for d in diags if d.is_error]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=3))
def test_a_broken_story_gives_one_line_diagnostics_and_no_traceback(seed, times):
    rng = random.Random(seed)
    text = ONE_STORY
    for _ in range(times - 1):  # some files broken in more than one way
        text = mutate(text, rng).decode("utf-8", "replace")
    _content, diags = check_bytes(mutate(text, rng), "scenarios.yaml")
    one_line_everywhere(diags)


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_the_whole_shipped_file_broken_too(seed):
    _content, diags = check_bytes(mutate(SHIPPED, random.Random(seed)), "scenarios.yaml")
    one_line_everywhere(diags)


def test_a_quoted_line_break_is_written_as_an_escape():
    d = Diagnostic.at(Loc("s.yaml", 3, 5), "E014", "topic 'a\nb\u2028c\x00' is not one of: x")
    assert d.format() == "s.yaml:3:5: error: topic 'a\\nb\\u2028c\\x00' is not one of: x (E014)"
    assert one_line("ก่อน\u200bหลัง") == "ก่อน\u200bหลัง"  # Thai and its word breaks stay
    assert one_line("a\u202eb") == "a\\u202eb"  # a bidirectional override would reorder
    assert "%0A" not in d.format_github() and "\n" not in d.format_github()


def test_any_whole_number_yaml_allows_as_the_format_is_a_diagnostic():
    for written in ("0x1", "0o1", "1:00", "+1", "01", "1_0", "99999999999999999999"):
        text = ONE_STORY.replace("format: 1\n", f"format: {written}\n", 1)
        _content, diags = check_bytes(text.encode("utf-8"), "scenarios.yaml")
        refused = {d.code for d in diags} & {"E005", "E012"}  # not supported; not a number
        assert bool(refused) == (written not in ("+1", "01")), written
