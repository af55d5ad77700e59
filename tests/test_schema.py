"""The story file's JSON Schema (game/content/schema.py) against the loader and `check`.

The schema and `check` must agree on the shape of a file: every file below that `check`
reports for a wrong key, type or word, the schema rejects too, and the files `check`
accepts, the schema accepts. It is tested twice: with the `check-jsonschema` command, which
reads YAML as an editor does (YAML 1.2: `yes` is text), and with the `jsonschema` library
on the file as the game reads it (YAML 1.1: `yes` is true).

What only `check` can see, as expected of a schema:
- links: a `goto`, `start`, `from` or `of` that names no node or character (E104-E106);
  nodes no choice leads to, nodes with no way to an ending, a story with no ending
  (E107-E109);
- flags: an `if:` or `unless:` that names a flag no choice sets (E110);
- what each kind of scene must or must not have: choices and messages (E111-E113), `of:`
  on a profile and only there (E114, E115);
- the same id twice: a key twice in one mapping (E013: some YAML readers keep one),
  scenarios, questions, choices or answers with one id (E101-E103, E116);
- questions: exactly one correct answer, at least two answers, and the item warnings
  (E120, E121, W130-W134); the story warnings (W140, W150);
- the YAML itself: syntax, aliases that expand too far, merge keys (E001, E003, E010);
- the translations in the catalogs (E201-E208, W206, W207).
The loader also takes an id or a word with spaces around it (`safety: " safe"`), which the
schema does not.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from game.cli import main
from game.content import check_bytes
from game.content import load as loader
from game.content import model as m
from game.content.schema import DESCRIPTIONS, schema_text, story_schema

from .conftest import ROOT
from .helpers import MINIMAL, with_change

SHIPPED = ROOT / "docs" / "scenarios.schema.json"
SCENARIOS = ROOT / "scenarios.yaml"
TABLES = {
    name: value
    for name, value in vars(loader).items()
    if name.endswith("_KEYS") and isinstance(value, dict)
}
PARTS = {  # where each loader table's mapping is in the schema
    "TOP_KEYS": (),
    "SCENARIO_KEYS": ("$defs", "scenario"),
    "CHARACTER_KEYS": ("$defs", "character"),
    "QUESTION_KEYS": ("$defs", "question"),
    "ANSWER_KEYS": ("$defs", "answer"),
    "NODE_KEYS": ("$defs", "node"),
    "MESSAGE_KEYS": ("$defs", "message"),
    "CHOICE_KEYS": ("$defs", "choice"),
}
VALIDATOR = jsonschema.Draft202012Validator(story_schema())


def part(schema: dict, table: str) -> dict:
    for step in PARTS[table]:
        schema = schema[step]
    return schema


def schema_errors(text: str) -> list:
    """The schema's complaints about a file read as the game reads it (YAML 1.1)."""
    return list(VALIDATOR.iter_errors(yaml.safe_load(text)))


def check_codes(text: str) -> list[str]:
    """The codes of the errors `check` reports (its rules included, translations not)."""
    _content, diags = check_bytes(text.encode("utf-8"), "s.yaml")
    return [d.code for d in diags if d.is_error]


# -- made from the loader ------------------------------------------------------------------


def test_every_loader_key_has_a_description():
    assert set(TABLES) == set(DESCRIPTIONS) == set(PARTS)
    for name, table in TABLES.items():
        missing = sorted(set(table) - set(DESCRIPTIONS[name]))
        unused = sorted(set(DESCRIPTIONS[name]) - set(table))
        assert (missing, unused) == ([], []), name
        assert all(text.strip() for text in DESCRIPTIONS[name].values())


def test_each_mapping_has_the_loaders_keys_and_required_fields():
    schema = story_schema()
    for name, table in TABLES.items():
        mapping = part(schema, name)
        assert list(mapping["properties"]) == list(table), name
        assert mapping["required"] == [k for k, required in table.items() if required], name
        assert mapping["additionalProperties"] is False, name
        for key, value in mapping["properties"].items():
            assert value["description"].startswith(DESCRIPTIONS[name][key]), (name, key)
    node = part(schema, "NODE_KEYS")
    assert node["if"]["properties"]["scene"] == {"const": "ending"}
    assert node["then"]["required"] == list(loader.ENDING_REQUIRED)


def test_the_allowed_words_are_the_models():
    schema = story_schema()
    words = {
        ("SCENARIO_KEYS", "topic"): m.TOPICS,
        ("SCENARIO_KEYS", "age_band"): m.AGE_BANDS,
        ("CHARACTER_KEYS", "role"): m.ROLES,
        ("CHARACTER_KEYS", "look"): m.LOOKS,
        ("NODE_KEYS", "scene"): m.SCENE_TYPES,
        ("MESSAGE_KEYS", "request"): m.REQUESTS,
        ("CHOICE_KEYS", "safety"): m.SAFETY,
    }
    for (table, key), allowed in words.items():
        assert part(schema, table)["properties"][key]["enum"] == list(allowed)
    help_kinds = part(schema, "SCENARIO_KEYS")["properties"]["help"]["anyOf"]
    assert help_kinds[0]["enum"] == list(m.HELP_KINDS)
    ident = part(schema, "SCENARIO_KEYS")["properties"]["id"]
    assert ident["pattern"] == loader.ID_RE.pattern
    assert schema["properties"]["format"]["const"] == m.FORMAT_VERSION


def test_the_schema_is_a_valid_2020_12_schema():
    schema = story_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_shipped_schema_is_the_generated_one():
    """`python -m game schema --out docs/scenarios.schema.json` writes it anew."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert json.loads(text) == story_schema()
    assert text == schema_text()
    assert text.endswith("}\n")


def test_the_schema_command_prints_or_writes_it(tmp_path, capsysbinary):
    assert main(["schema"]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8") == schema_text()
    out = tmp_path / "story.schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()
    assert main(["schema", "--out", str(tmp_path / "no" / "such" / "folder.json")]) == 1


def test_scenarios_yaml_names_the_schema_on_its_first_line():
    first = SCENARIOS.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=docs/scenarios.schema.json")
    target = first.split("$schema=", 1)[1].split()[0]
    assert (SCENARIOS.parent / target).resolve() == SHIPPED.resolve()


# -- files the schema and check both accept or both reject -----------------------------------

ACCEPTED = {  # short forms and values the loader takes as they are written
    "minimal": MINIMAL,
    "one flag, not a list": with_change("set: [said_yes]", "set: said_yes"),
    "one help word": with_change("    start: hello\n", "    help: crisis\n    start: hello\n"),
    "help words": with_change(
        "    start: hello\n", "    help: [crisis, takedown]\n    start: hello\n"
    ),
    "yes for true": with_change("        transfer: true", "        transfer: yes"),
    "text that YAML reads as a word": with_change(
        "text: Tell mum\n", "text: Tell mum\n            say: no\n"
    ),
    "text that YAML reads as a number": with_change("text: You told mum.", "text: 500"),
    "answer and choice ids": with_change(
        "          - text: No one at all", "          - id: nobody\n            text: No one at all"
    ).replace(
        "          - text: Tell mum\n", "          - id: tell\n            text: Tell mum\n", 1
    ),
}

REJECTED = {  # name: (file, the code check reports for it)
    "unknown key": (with_change("    title: Demo\n", "    title: Demo\n    titel: Demo\n"), "E010"),
    "unknown key in a choice": (
        with_change("feedback: Great.", "feedback: Great.\n            feedbak: Well."),
        "E010",
    ),
    "a number for a list": (
        with_change("objectives: [Tell a trusted adult]", "objectives: 3"),
        "E012",
    ),
    "a word for true or false": (with_change("correct: true", "correct: maybe"), "E012"),
    "a list for text": (with_change("title: Demo", "title: [Demo]"), "E012"),
    "empty text": (with_change("feedback: Great.", 'feedback: ""'), "E012"),
    "no text": (with_change("feedback: Great.", "feedback:"), "E012"),
    "an answer that is not a mapping": (
        with_change("          - text: No one at all", "          - No one at all"),
        "E012",
    ),
    "missing required field": (with_change("    topic: stranger\n", ""), "E011"),
    "question without answers": (
        with_change(
            "        answers:\n          - {text: Tell, correct: true}\n          - text: Keep\n",
            "",
        ),
        "E011",
    ),
    "ending without takeaway": (
        with_change("        takeaway: Tell a trusted adult.\n", ""),
        "E011",
    ),
    "ending without adult": (
        with_change("        adult: Tell mum, dad or a teacher.\n", ""),
        "E011",
    ),
    "choice without goto": (with_change("            goto: mum\n", ""), "E011"),
    "choice without feedback": (with_change("            feedback: Great.\n", ""), "E011"),
    "message without from": (
        with_change(
            "          - from: sam\n            text: hi! want free coins?",
            "          - text: hi! want free coins?",
        ),
        "E011",
    ),
    "safety: maybe": (with_change("safety: safe", "safety: maybe"), "E014"),
    "unknown topic": (with_change("topic: stranger", "topic: strangers"), "E014"),
    "unknown age band": (with_change('age_band: "9-12"', 'age_band: "9-11"'), "E014"),
    "unknown role": (with_change("role: stranger", "role: enemy"), "E014"),
    "unknown scene": (with_change("scene: dialogue", "scene: talk"), "E014"),
    "unknown request": (
        with_change(
            "text: hi! want free coins?", "text: hi! want free coins?\n            request: selfie"
        ),
        "E014",
    ),
    "unknown help word": (
        with_change("    start: hello\n", "    help: [crisis, police]\n    start: hello\n"),
        "E014",
    ),
    "bad scenario id": (with_change("  - id: demo", "  - id: Demo"), "E015"),
    "bad node id": (
        with_change("      later:", "      Later:").replace("goto: later", "goto: Later"),
        "E015",
    ),
    "bad flag": (
        with_change("set: [said_yes]", "set: [said-yes]").replace("if: said_yes", "if: said-yes"),
        "E015",
    ),
    "format 2": (with_change("format: 1", "format: 2"), "E005"),
    "format as text": (with_change("format: 1", "format: one"), "E012"),
}


def test_check_and_the_schema_accept_the_good_files():
    for name, text in {**ACCEPTED, "scenarios.yaml": SCENARIOS.read_text("utf-8")}.items():
        assert check_codes(text) == [], name
        assert schema_errors(text) == [], name


@pytest.mark.parametrize("name", list(REJECTED))
def test_check_and_the_schema_reject_the_broken_files(name):
    text, code = REJECTED[name]
    assert code in check_codes(text)
    assert schema_errors(text) != []


def test_the_check_jsonschema_command_agrees(tmp_path):
    """The real command, as an editor or a pre-commit hook would run it: the good files
    pass and every broken one fails."""
    if importlib.util.find_spec("check_jsonschema") is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    good, bad = [SCENARIOS], []
    for index, text in enumerate(ACCEPTED.values()):
        good.append(tmp_path / f"good{index}.yaml")
        good[-1].write_text(text, encoding="utf-8")
    for index, (text, _code) in enumerate(REJECTED.values()):
        bad.append(tmp_path / f"bad{index}.yaml")
        bad[-1].write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SHIPPED)]
    run = subprocess.run(
        [*command, "-o", "json", *map(str, good + bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(run.stdout)
    assert report["parse_errors"] == []
    failed = {error["filename"] for error in report["errors"]}
    names = dict(zip(map(str, bad), REJECTED))
    assert sorted(names[f] for f in set(names) - failed) == []  # every broken file fails
    assert sorted(failed - set(names)) == []  # and no good one does
    assert run.returncode == 1


# -- every key of every loader table ------------------------------------------------------


def where(data: dict, table: str) -> dict:
    """The mapping of the minimal story that a loader table describes."""
    scenario = data["scenarios"][0]
    node = scenario["nodes"]["hello"]
    return {
        "TOP_KEYS": data,
        "SCENARIO_KEYS": scenario,
        "CHARACTER_KEYS": scenario["characters"]["you"],
        "QUESTION_KEYS": scenario["pre"][0],
        "ANSWER_KEYS": scenario["pre"][0]["answers"][0],
        "NODE_KEYS": node,
        "MESSAGE_KEYS": node["messages"][0],
        "CHOICE_KEYS": node["choices"][0],
    }[table]


def changed(change) -> tuple[str, list]:
    """MINIMAL with one change made to its data: (the file, the schema's complaints)."""
    data = yaml.safe_load(MINIMAL)
    change(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True), list(
        VALIDATOR.iter_errors(data)
    )


KEYS = [(table, key) for table, keys in TABLES.items() for key in keys]
# The loader takes an answer's note but never reads it, so check lets any value through.
UNREAD = {("ANSWER_KEYS", "note")}


def test_the_changed_minimal_file_is_still_clean():
    text, errors = changed(lambda data: None)
    assert (check_codes(text), errors) == ([], [])


@pytest.mark.parametrize(
    ("table", "key"),
    [
        pytest.param(t, k, marks=pytest.mark.xfail(strict=True, reason="not read by the loader"))
        if (t, k) in UNREAD
        else (t, k)
        for t, k in KEYS
    ],
    ids=[f"{t}.{k}" for t, k in KEYS],
)
def test_a_value_of_the_wrong_type_is_rejected_by_both(table, key):
    mapped = key in ("characters", "nodes")  # a mapping of ids: a list is wrong there

    def change(data):
        where(data, table)[key] = ["x"] if mapped else {"x": "y"}

    text, errors = changed(change)
    assert "E012" in check_codes(text)
    assert any(list(e.absolute_path)[-1:] == [key] for e in errors), errors


@pytest.mark.parametrize("table", list(TABLES))
def test_an_unknown_key_is_rejected_by_both(table):
    def change(data):
        where(data, table)["colour"] = "blue"

    text, errors = changed(change)
    assert "E010" in check_codes(text)
    assert [e.validator for e in errors] == ["additionalProperties"]


REQUIRED = [(t, k) for t, k in KEYS if TABLES[t][k]] + [
    ("ENDING_REQUIRED", key) for key in loader.ENDING_REQUIRED
]


@pytest.mark.parametrize(("table", "key"), REQUIRED, ids=[f"{t}.{k}" for t, k in REQUIRED])
def test_a_missing_required_field_is_rejected_by_both(table, key):
    def change(data):
        if table == "ENDING_REQUIRED":
            del data["scenarios"][0]["nodes"]["end"][key]
        else:
            del where(data, table)[key]

    text, errors = changed(change)
    assert "E011" in check_codes(text)
    assert any(e.validator == "required" and f"'{key}'" in e.message for e in errors), errors
