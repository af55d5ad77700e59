"""Wrapping: breaks only at spaces and U+200B, never inside a character cluster."""

from hypothesis import given
from hypothesis import strategies as st

from game.text import NBSP, ZWSP, clusters, wrap


def measure(s: str) -> int:
    return 10 * len(clusters(s))


def test_wraps_at_spaces():
    assert wrap("hello there my good friend", 100, measure) == [
        "hello",
        "there my",
        "good",
        "friend",
    ]


def test_keeps_newlines():
    assert wrap("one\ntwo three", 200, measure) == ["one", "two three"]


def test_thai_breaks_only_at_zero_width_spaces():
    text = ZWSP.join(["ผู้ใหญ่", "ที่", "ไว้ใจ", "ได้"])
    lines = wrap(text, 70, measure)
    assert lines == ["ผู้ใหญ่ที่", "ไว้ใจได้"]
    assert all(ZWSP not in line for line in lines)


def test_a_no_break_space_keeps_a_number_with_its_name_and_is_drawn_as_a_space():
    text = ZWSP.join(["ศูนย์", "ช่วยเหลือ", "สังคม"]) + " สายด่วน" + NBSP + "1300"
    lines = wrap(text, 110, measure)
    assert lines[-1] == "สายด่วน 1300"  # together, with an ordinary space between
    assert all(NBSP not in line for line in lines)


def test_clusters_keep_marks_on_their_consonant():
    assert clusters("ผู้ใหญ่") == ["ผู้", "ใ", "ห", "ญ่"]
    assert clusters("น้ำ") == ["น้ำ"]


def test_overlong_word_is_cut_between_clusters():
    assert wrap("ผู้ใหญ่ผู้ใหญ่", 30, measure) == ["ผู้ให", "ญ่ผู้ใ", "หญ่"]


consonant = st.sampled_from(list("กขคงจนมยรลวสหอabcxyz"))
tail = st.sampled_from(list("กขคงจนมยรลวสหอ") + ["ผู้", "น้ำ", "ที่", "ไ", "เ", "่", "้", "ั", "a", "z"])
word = st.tuples(consonant, st.lists(tail, max_size=11)).map(lambda t: t[0] + "".join(t[1]))
texts = st.lists(word, min_size=1, max_size=20).flatmap(
    lambda ws: st.lists(st.sampled_from([" ", ZWSP]), min_size=len(ws), max_size=len(ws)).map(
        lambda seps: "".join(w + s for w, s in zip(ws, seps, strict=True)).strip()
    )
)


def boundaries(parts):
    out, at = set(), 0
    for part in parts:
        at += len(part)
        out.add(at)
    return out


@given(texts, st.integers(min_value=10, max_value=200))
def test_wrap_never_splits_a_cluster_and_keeps_every_character(text, width):
    lines = wrap(text, width, measure)
    flat = text.replace(" ", "").replace(ZWSP, "")
    stripped = [line.replace(" ", "") for line in lines]
    assert "".join(stripped) == flat
    words = [w for w in text.replace(ZWSP, " ").split(" ") if w]
    cluster_ends = boundaries(c for w in words for c in clusters(w))
    assert boundaries(stripped) <= cluster_ends | {0}
    for line in lines:
        assert measure(line) <= width or len(clusters(line)) == 1


def test_a_short_last_word_is_not_left_alone():
    text = ZWSP.join(["หนู", "ควร", "คิด", "อย่างไร", "ดี"])
    assert wrap(text, 130, measure) == ["หนูควรคิด", "อย่างไรดี"]
    assert wrap("one two\nthree four five six", 110, measure) == [
        "one two",
        "three four",
        "five six",
    ]
    assert wrap("one\nalpha beta gamma x", 160, measure) == ["one", "alpha beta", "gamma x"]
