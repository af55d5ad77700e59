"""A JSON Schema of the story file, for editors: completion, hover text and errors while typing.

It is made from the loader's own key tables (game/content/load.py: which keys each part of
the file may have and which are required) and the model's allowed words (game/content/
model.py), so the two cannot drift apart. What it adds is how each value is read (text, an
id, one of a set of words, a list ...) and a description of every key.

The schema checks the shape of the file only, as the loader does: whether a `goto` names a
real node, whether a flag is ever set, whether the story can be finished, the translations
and the content rules are for `python -m game check`.

`python -m game schema --out docs/scenarios.schema.json` writes the shipped copy.
"""

from __future__ import annotations

import json
from typing import Any

from . import load
from . import model as m
from .yamlsafe import Loader

DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]

# What each key means, shown when the mouse rests on it: {loader table: {key: text}}. The
# tables are the loader's (load.TOP_KEYS, load.SCENARIO_KEYS ...), and so are the keys:
# tests/test_schema.py fails when the loader knows a key that has no description here.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "TOP_KEYS": {
        "format": f"The version of the file format: the number {m.FORMAT_VERSION}.",
        "scenarios": "The stories, one list item (starting with '- id:') each.",
    },
    "SCENARIO_KEYS": {
        "id": "The story's id, unique in the file: lowercase letters, digits and _, starting "
        "with a letter. Translations are matched by ids, so don't rename it once translated.",
        "title": "The name of the story on the menu card.",
        "topic": "The online-safety topic the story teaches.",
        "age_band": 'The ages the story is written for. Write it in quotes: "9-12".',
        "objectives": "A list: what the player should learn from the story.",
        "characters": "The people in the story: a character id, then its details. Messages "
        "name the speaker by this id. Every story has one character with 'role: player'; "
        "'system' is kept for app notices.",
        "pre": "The questions asked before the story (write three).",
        "post": "The questions asked after the story (write three, one of them marked "
        "'transfer: true').",
        "start": "The id of the first node (screen) of the story.",
        "nodes": "The screens of the story: a node id, then the node.",
        "summary": "One line about the story for the menu card.",
        "discuss": "A list of questions for a class or family talk after the story.",
        "help": "Extra help services the story's endings show: 'crisis' (the story has "
        "threats or blackmail), 'takedown' (an image has to come down) and 'report' (an "
        "illegal image circulates: the hotline that takes reports). One word or a list: "
        "help: [crisis, takedown].",
        "note": "A note for translators and other authors; players never see it.",
    },
    "CHARACTER_KEYS": {
        "name": "The name shown on screen, for example Mum or StarKnight_12.",
        "role": "Who the character is in the story.",
        "look": "A built-in avatar picture.",
        "image": "A picture file under assets/images/, for example avatars/star.png (leave it "
        "out unless the picture exists).",
        "note": "A note for translators, for example about a made-up name.",
    },
    "QUESTION_KEYS": {
        "id": "The question's id, unique within the story (pre and post together).",
        "ask": "The question.",
        "answers": "A list of 2 to 4 answers; exactly one has 'correct: true'.",
        "explain": "Shown after the player answers: why the right answer is right.",
        "transfer": "true on a 'post' question about a new situation, not the story's own "
        "words (every story needs one).",
        "note": "A note for translators.",
    },
    "ANSWER_KEYS": {
        "id": "The answer's id (without one: a, b, c ... by its place in the file). The game "
        "records the id, never the place on screen.",
        "text": "The answer as the player reads it.",
        "correct": "true on the one right answer of the question.",
        "note": "A note for translators.",
    },
    "NODE_KEYS": {
        "scene": "The kind of screen: chat (a messaging app), call (a video call), profile "
        "(someone's page in an app), dialogue (a face-to-face talk), live (the player's own "
        "livestream, with viewers' comments and gifts), voice (a voice chat in a game, with "
        "captions) or ending (the final card).",
        "app": "The app or game name in the header of a chat, call, profile, live or voice screen.",
        "messages": "A list of 1 to 4 messages shown on the screen (not on an ending).",
        "choices": "A list of 2 or 3 choices: the buttons the player picks from (not on an "
        "ending).",
        "title": "An ending's short headline, for example: You spotted the warning signs!",
        "text": "What happened, in one or two sentences (on an ending).",
        "takeaway": "An ending's one line to remember, up to about 90 characters.",
        "adult": "The trusted adult to tell, named first: Tell Mum, Dad, a teacher or another "
        "grown-up you trust. The game shows the help services after it.",
        "of": "On a profile node: the id of the character whose page it is.",
        "bio": "On a profile node: what the page says about them, up to about 110 characters.",
        "details": "On a profile node: a list of 1 to 3 short facts shown on the page, about "
        "25 characters each, for example: Joined 2 weeks ago.",
        "viewers": "On a live node: how many people watch the stream, a whole number (0 or "
        "more), shown beside the LIVE badge.",
        "members": "On a chat node where several people write: how many are in the group, a "
        "whole number, shown under its name (without it: those who write, and the player).",
        "note": "A note for translators.",
    },
    "MESSAGE_KEYS": {
        "from": "Who says it: a character id, or 'system' for an app notice or a "
        "scene-setting line.",
        "text": "What is said, up to about 140 characters.",
        "request": "Shows the message as a request card with an icon and a label, such as "
        "'Photo request'; 'payment' adds a drawn QR-like pattern (a payment or PIX/PromptPay "
        "QR scam).",
        "image": "Someone posted or forwarded a picture: 'forwarded' shows a card that hides "
        "it (a blurred block, an icon and 'Forwarded photo, hidden'), with the message text "
        "as its caption. The card never shows a picture.",
        "gift": "On a live node: the viewer sent the player a gift, shown as a gift card with "
        "its icon and 'sent you a gift' above the message text.",
        "note": "A note for translators.",
    },
    "CHOICE_KEYS": {
        "id": "The choice's id, unique within the node (without one: c1, c2 ... by its place "
        "in the file).",
        "text": "The button: what the player decides to do, up to about 60 characters.",
        "say": "The exact words of the player's bubble, if different from the button text.",
        "do": "For an action instead of words: a short note shown in place of a bubble, such "
        "as: You blocked Jordan_15.",
        "goto": "The id of the node this choice leads to.",
        "safety": "safe: a choice to praise (saying no, blocking, telling an adult); risky: "
        "it makes harm more likely; neutral: neither.",
        "feedback": "Shown after the pick: kind, and explains why (up to about 220 characters).",
        "set": "A flag, or a list of flags, that remembers this pick: set: [took_gift].",
        "if": "Show this choice only if this flag was set earlier.",
        "unless": "Show this choice only if this flag was not set.",
        "note": "A note for translators.",
    },
}

# Each part of the file: (its name in the schema, the loader's key table, what it is).
PARTS = (
    ("scenario", "SCENARIO_KEYS", "One story."),
    ("character", "CHARACTER_KEYS", "A person in the story."),
    ("question", "QUESTION_KEYS", "A question asked before or after the story."),
    ("answer", "ANSWER_KEYS", "One answer to a question."),
    (
        "node",
        "NODE_KEYS",
        "A screen of the story. An ending also needs "
        + ", ".join(load.ENDING_REQUIRED)
        + "; the other scenes need messages and choices.",
    ),
    ("message", "MESSAGE_KEYS", "A message on a screen."),
    ("choice", "CHOICE_KEYS", "A button the player can pick."),
)


def _yaml11_booleans() -> list[str]:
    """The words the loader (YAML 1.1) reads as true or false, but an editor's YAML 1.2 reads
    as text: yes, No, ON ... found through the loader's own tag resolver."""
    words = []
    for base in ("yes", "no", "on", "off", "y", "n"):
        for word in dict.fromkeys((base, base.title(), base.upper())):
            resolvers = Loader.yaml_implicit_resolvers.get(word[0], [])
            if any(tag == load.BOOL_TAG and rx.match(word) for tag, rx in resolvers):
                words.append(word)
    return words


def _ref(part: str) -> Schema:
    return {"$ref": f"#/$defs/{part}"}


def _kinds() -> dict[str, dict[str, Schema]]:
    """How the loader reads each key's value, as a schema: {loader table: {key: schema}}."""
    # Text is any value that is not empty: the loader keeps a number or a yes as written.
    text: Schema = {"type": ["string", "number", "boolean"], "pattern": r"\S"}
    ident: Schema = {"type": "string", "pattern": load.ID_RE.pattern}
    boolean: Schema = {"anyOf": [{"type": "boolean"}, {"enum": _yaml11_booleans()}]}

    def word(allowed) -> Schema:
        return {"enum": list(allowed)}

    def one_or_list(item: Schema) -> Schema:
        return {"anyOf": [item, {"type": "array", "items": item}]}

    def listed(item: Schema) -> Schema:
        return {"type": "array", "items": item}

    def by_id(item: Schema) -> Schema:
        return {"type": "object", "propertyNames": ident, "additionalProperties": item}

    def texts(labels: dict[str, str]) -> dict[str, Schema]:
        return {key: text for key in labels}

    return {
        "TOP_KEYS": {
            "format": {"type": "integer", "const": m.FORMAT_VERSION},
            "scenarios": listed(_ref("scenario")),
        },
        "SCENARIO_KEYS": {
            "id": ident,
            "title": text,
            "topic": word(m.TOPICS),
            "age_band": word(m.AGE_BANDS),
            "objectives": listed(text),
            "characters": by_id(_ref("character")),
            "pre": listed(_ref("question")),
            "post": listed(_ref("question")),
            "start": ident,
            "nodes": by_id(_ref("node")),
            "summary": text,
            "discuss": listed(text),
            "help": one_or_list(word(m.HELP_KINDS)),
            "note": text,
        },
        "CHARACTER_KEYS": {
            "name": text,
            "role": word(m.ROLES),
            "look": word(m.LOOKS),
            "image": text,
            "note": text,
        },
        "QUESTION_KEYS": {
            "id": ident,
            "ask": text,
            "answers": listed(_ref("answer")),
            "explain": text,
            "transfer": boolean,
            "note": text,
        },
        "ANSWER_KEYS": {"id": ident, "text": text, "correct": boolean, "note": text},
        # Names of nodes and characters (goto, of, from) are read as text and then looked
        # up; a name that is not an id can never be found, so the schema asks for an id.
        "NODE_KEYS": {
            **texts(load.NODE_TEXTS),
            "scene": word(m.SCENE_TYPES),
            "messages": listed(_ref("message")),
            "choices": listed(_ref("choice")),
            "details": listed(text),
            "of": ident,
            "viewers": {"type": "integer", "minimum": 0},
            "members": {"type": "integer", "minimum": 0},
        },
        "MESSAGE_KEYS": {
            **texts(load.MESSAGE_TEXTS),
            "from": ident,
            "request": word(m.REQUESTS),
            "image": word(m.IMAGES),
            "gift": word(m.GIFTS),
        },
        "CHOICE_KEYS": {
            **texts(load.CHOICE_TEXTS),
            "id": ident,
            "goto": ident,
            "safety": word(m.SAFETY),
            "set": one_or_list(ident),
            "if": ident,
            "unless": ident,
        },
    }


def _described(value: Schema, description: str) -> Schema:
    """The value's schema with its description; the allowed words are named in it too."""
    words = value.get("enum") or value.get("anyOf", [{}])[0].get("enum")  # a word, or help
    if words:
        description += " One of: " + ", ".join(words) + "."
    return {"description": description, **value}


def _mapping(table_name: str, kinds: dict[str, dict[str, Schema]], what: str = "") -> Schema:
    """A mapping with exactly the keys of a loader table, each with its value and text."""
    table: dict[str, bool] = getattr(load, table_name)
    out: Schema = {"type": "object"}
    if what:
        out["description"] = what
    out["properties"] = {
        key: _described(kinds[table_name][key], DESCRIPTIONS[table_name][key]) for key in table
    }
    out["required"] = [key for key, required in table.items() if required]
    out["additionalProperties"] = False  # the loader reports an unknown key (E010)
    return out


def story_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a story file such as scenarios.yaml."""
    kinds = _kinds()
    defs = {name: _mapping(table, kinds, what) for name, table, what in PARTS}
    defs["node"]["if"] = {"properties": {"scene": {"const": "ending"}}, "required": ["scene"]}
    defs["node"]["then"] = {"required": list(load.ENDING_REQUIRED)}
    return {
        "$schema": DIALECT,
        "title": "Net Heroes stories",
        "description": "A story file of Net Heroes, such as scenarios.yaml (docs/authoring.md "
        "describes every field). `python -m game check` finds the problems a schema cannot "
        "see.",
        **_mapping("TOP_KEYS", kinds),
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema as the shipped file holds it: indented JSON with a final newline."""
    return json.dumps(story_schema(), indent=2, ensure_ascii=False) + "\n"
