"""One test per diagnostic code, each asserting the exact line and column."""

import pytest

from game.content import load_text
from game.content.rules import run_rules

from .helpers import MINIMAL, with_change


def diagnose(text: str):
    content, diags = load_text(text, "s.yaml")
    if content is not None:
        diags = diags + list(run_rules(content))
    return sorted(set(diags))


def codes(text: str):
    return [(d.line, d.col, d.code) for d in diagnose(text)]


def test_minimal_file_is_clean():
    assert diagnose(MINIMAL) == []


CASES = [
    # code, text, expected (line, col)
    ("E001", "format: 1\nscenarios:\n  - id: x\n    title: a: b\n", (4, 13)),
    ("E002", "", (1, 1)),
    ("E002", "- just\n- a list\n", (1, 1)),
    (
        "E003",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefg", "bcdefgh")
        ),
        (4, 4),
    ),
    ("E003", "a: &a [*a]\n", None),
    ("E005", MINIMAL.replace("format: 1", "format: 2"), (1, 9)),
    ("E010", with_change("    title: Demo\n", "    title: Demo\n    titel: Demo\n"), (5, 5)),
    ("E011", with_change("        takeaway: Tell a trusted adult.\n", ""), (93, 9)),
    ("E012", with_change("objectives: [Tell a trusted adult]", "objectives: 3"), (7, 17)),
    ("E013", with_change("      sam: {name: Sam", "      you: {name: Sam"), (9, 7)),
    ("E014", with_change("safety: risky", "safety: risk"), (64, 21)),
    ("E015", with_change("  - id: demo", "  - id: Demo-1"), (3, 9)),
    ("E101", MINIMAL + MINIMAL.split("scenarios:\n", 1)[1], (3, 5)),
    ("E102", with_change("      - id: p3", "      - id: q1"), (12, 9)),
    (
        "E103",
        with_change(
            "          - text: Say yes\n", "          - text: Say yes\n            id: c1\n"
        ),
        (58, 13),
    ),
    ("E104", with_change("goto: later", "goto: latr"), (63, 19)),
    ("E105", with_change("start: hello", "start: helo"), (49, 12)),
    (
        "E106",
        with_change("- from: sam\n            text: hi!", "- from: sma\n            text: hi!"),
        (55, 19),
    ),
    ("E107", with_change("goto: later", "goto: mum"), (67, 7)),
    (
        "E108",
        with_change(
            "          - text: Tell mum now\n            goto: mum",
            "          - text: Tell mum now\n            goto: later",
        ).replace("if: said_yes\n            goto: mum", "if: said_yes\n            goto: later"),
        (67, 7),
    ),
    ("E109", with_change("        scene: ending", "        scene: chat"), None),
    ("E110", with_change("if: said_yes", "if: said_no"), (78, 17)),
    ("E111", with_change("        scene: ending", "        scene: chat"), (92, 7)),
    (
        "E112",
        with_change(
            "        adult: Tell mum, dad or a teacher.\n",
            "        adult: Tell mum, dad or a teacher.\n        choices: []\n",
        ),
        (98, 18),
    ),
    (
        "E113",
        with_change("          - from: you\n            text: Mum, look at this.\n", "").replace(
            "        messages:\n        choices:\n          - text: Show",
            "        choices:\n          - text: Show",
        ),
        (82, 7),
    ),
    (
        "E114",
        with_change(
            "        scene: chat\n        app: Game chat",
            "        scene: profile\n        app: Game chat",
        ),
        (51, 7),
    ),
    (
        "E115",
        with_change("        app: Game chat", "        app: Game chat\n        bio: Hi!"),
        (54, 14),
    ),
    (
        "E106",
        with_change(
            "        scene: chat\n        app: Game chat",
            "        scene: profile\n        of: sma\n        app: Game chat",
        ),
        (53, 13),
    ),
    (
        "E014",
        with_change(
            "            text: hi! want free coins?",
            "            text: hi! want free coins?\n            request: selfie",
        ),
        (57, 22),
    ),
    (
        "E120",
        with_change(
            "          - text: A trusted adult\n            correct: true\n          - text: No one at all\n",
            "          - text: A trusted adult\n          - text: No one at all\n",
        ),
        (34, 11),
    ),
    (
        "E121",
        with_change(
            "          - text: Tell\n            correct: true\n          - text: Keep\n      - id: p3",
            "          - text: Tell\n            correct: true\n      - id: p3",
        ),
        (40, 11),
    ),
    (
        "W130",
        with_change(
            "      - id: q3\n        ask: Gifts from strangers?\n        answers:\n"
            "          - text: Tell an adult\n            correct: true\n"
            "          - text: Tell mum next week\n",
            "",
        ),
        (12, 7),
    ),
    (
        "W140",
        with_change(
            "          - text: Tell mum now\n            goto: mum\n            safety: safe",
            "          - text: Tell mum now\n            goto: mum\n            safety: neutral",
        ),
        (63, 19),
    ),
    ("W150", with_change("look: fox}", "look: fox, image: nothing/here.png}"), (10, 58)),
    (
        "E116",
        with_change(
            "          - {text: Tell, correct: true}\n          - text: Keep\n",
            "          - {id: t, text: Tell, correct: true}\n          - {id: t, text: Keep}\n",
        ),
        (47, 13),
    ),
    ("W131", with_change("          - text: No one at all\n", "          - text: No\n"), (16, 19)),
    (
        "W132",
        with_change("          - text: Tell mum next week\n", "          - text: Wait a week\n"),
        (12, 7),
    ),
    (
        "W133",
        with_change("          - text: Tell\n", "          - text: Tell someone\n").replace(
            "{text: Tell, correct: true}", "{text: Tell someone, correct: true}"
        ),
        (12, 7),
    ),
    ("W134", with_change("        transfer: true\n", ""), (31, 7)),
]


@pytest.mark.parametrize("code,text,where", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_code_is_reported_at_its_place(code, text, where):
    found = diagnose(text)
    hits = [d for d in found if d.code == code]
    assert hits, f"{code} not reported; got {[d.format() for d in found]}"
    if where is not None:
        assert (hits[0].line, hits[0].col) == where, [d.format() for d in hits]


def test_duplicate_key_is_reported_at_both_places():
    found = [
        d
        for d in diagnose(with_change("      sam: {name: Sam", "      you: {name: Sam"))
        if d.code == "E013"
    ]
    assert [(d.line, d.col) for d in found] == [(9, 7), (10, 7)]


def test_duplicate_scenario_id_is_reported_at_both_places():
    text = MINIMAL + MINIMAL.split("scenarios:\n", 1)[1]
    lines = [d.line for d in diagnose(text) if d.code == "E101"]
    second = MINIMAL.count("\n") + 1
    assert lines == [3, second]


def test_unknown_node_hint_suggests_the_closest_id():
    found = [d for d in diagnose(with_change("goto: later", "goto: latr")) if d.code == "E104"]
    assert found[0].hint == "did you mean 'later'?"
    assert found[0].format() == (
        "s.yaml:63:19: error: choice goes to unknown node 'latr'; did you mean 'later'? (E104)"
    )


def test_alias_bomb_is_refused_quickly():
    import time

    layers = "a: &a [" + ", ".join(["lol"] * 10) + "]\n"
    for prev, name in zip("abcdefghi", "bcdefghij"):
        layers += f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n"
    start = time.perf_counter()
    found = diagnose(layers)
    elapsed = time.perf_counter() - start
    assert [d.code for d in found] == ["E003"]
    assert elapsed < 1.0, elapsed  # a guard against hanging, not a speed benchmark


def test_small_aliases_are_allowed():
    text = with_change("feedback: Great.", "feedback: &kind Great.").replace(
        "feedback: Well done.", "feedback: *kind"
    )
    assert diagnose(text) == []


def test_the_lean_resolver_gives_pyyaml_s_own_tags():
    """game/content/yamlsafe.Loader resolves tags itself; it must agree with PyYAML."""
    import yaml

    from game.content.yamlsafe import Loader
    from game.resources import SCENARIOS_FILE

    odd = (
        "a: [yes, No, ~, null, '', \"\", 1, 0x1F, 1.5, .inf, -3, 2026-12-06, =, <<, true,"
        " 'true', !!str 7, +1, 1_000, .NaN, 0o17, 12:30, text, Null, FALSE]\n"
    )
    for text in (SCENARIOS_FILE.read_text(encoding="utf-8"), odd, MINIMAL):
        ours = yaml.compose(text, Loader=Loader)
        theirs = yaml.compose(text, Loader=yaml.SafeLoader)
        stack = [(ours, theirs)]
        count = 0
        while stack:
            a, b = stack.pop()
            assert (type(a), a.tag) == (type(b), b.tag), (a, b)
            count += 1
            if isinstance(a, yaml.MappingNode):
                stack.extend(
                    zip(
                        [x for pair in a.value for x in pair],
                        [x for pair in b.value for x in pair],
                        strict=True,
                    )
                )
            elif isinstance(a, yaml.SequenceNode):
                stack.extend(zip(a.value, b.value, strict=True))
        assert count > 20
