"""YAML nodes -> model objects. Every problem becomes a Diagnostic; nothing raises."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from . import model as m
from .basics import collector_paused, version_mark
from .diagnostics import Diagnostic, Loc, Marks, did_you_mean
from .yamlsafe import compose

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"

TOP_KEYS = {"format": True, "scenarios": True}
SCENARIO_KEYS = {
    "id": True,
    "title": True,
    "topic": True,
    "age_band": True,
    "objectives": True,
    "characters": True,
    "pre": True,
    "post": True,
    "start": True,
    "nodes": True,
    "summary": False,
    "discuss": False,
    "help": False,
    "note": False,
}
CHARACTER_KEYS = {"name": True, "role": True, "look": False, "image": False, "note": False}
QUESTION_KEYS = {
    "id": True,
    "ask": True,
    "answers": True,
    "explain": False,
    "transfer": False,
    "note": False,
}
ANSWER_KEYS = {"id": False, "text": True, "correct": False, "note": False}
NODE_KEYS = {
    "scene": True,
    "app": False,
    "messages": False,
    "choices": False,
    "title": False,
    "text": False,
    "takeaway": False,
    "adult": False,
    "of": False,
    "bio": False,
    "details": False,
    "viewers": False,
    "members": False,
    "note": False,
}
ENDING_REQUIRED = ("title", "text", "takeaway", "adult")
# Text fields and the names their diagnostics use.
NODE_TEXTS = {
    "app": "app",
    "title": "title",
    "text": "text",
    "takeaway": "takeaway",
    "adult": "adult",
    "of": "of",
    "bio": "bio",
    "note": "note",
}
MESSAGE_KEYS = {
    "from": True,
    "text": True,
    "request": False,
    "image": False,
    "gift": False,
    "note": False,
}
# What `check` says when a message's `image:` or `request:` is not a word it knows and no
# known word is close.
IMAGE_HINT = (
    f"an image is a card that hides the picture ({', '.join(m.IMAGES)}); the game never "
    "shows the picture itself"
)
GIFT_HINT = f"a viewer's gift on a livestream: {', '.join(m.GIFTS)}"
REQUEST_HINT = "a request card asks for a photo, the camera, a location, money or a payment"
MESSAGE_TEXTS = {"from": "from", "text": "message text", "note": "note"}
CHOICE_KEYS = {
    "id": False,
    "text": True,
    "say": False,
    "do": False,
    "goto": True,
    "safety": True,
    "feedback": True,
    "set": False,
    "if": False,
    "unless": False,
    "note": False,
}
CHOICE_TEXTS = {
    "text": "choice text",
    "goto": "goto",
    "feedback": "feedback",
    "say": "say",
    "do": "do",
    "note": "note",
}


def load_file(path) -> tuple[m.Content | None, list[Diagnostic]]:
    """Read and load a scenario file; unreadable files are diagnostics too."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [Diagnostic.at(Loc(shown, 1, 1), "E004", f"cannot read file: {reason}")]
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, shown: str) -> tuple[m.Content | None, list[Diagnostic]]:
    """Load the bytes of a scenario file; `shown` is the path diagnostics name."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Diagnostic.at(
                Loc(shown, line, col), "E004", "the file is not UTF-8 text", "save it as UTF-8"
            )
        ]
    return load_text(text, shown)


def load_text(text: str, path: str = "scenarios.yaml") -> tuple[m.Content | None, list[Diagnostic]]:
    with collector_paused():
        return _load_text(text, path)


def _load_text(text: str, path: str) -> tuple[m.Content | None, list[Diagnostic]]:
    root, diags = compose(text, path)
    if diags:
        return None, diags
    if root is None:
        return None, [
            Diagnostic.at(
                Loc(path, 1, 1),
                "E002",
                "the file is empty",
                "start with 'format: 1' and a 'scenarios:' list",
            )
        ]
    reader = Reader(path)
    content = reader.content(root)
    if content is not None:
        content = dataclasses.replace(content, version=version_mark(text))
    return content, reader.diags


class Reader:
    """Turns composed nodes into model objects, collecting diagnostics on the way."""

    def __init__(self, path: str):
        self.path = path
        self.diags: list[Diagnostic] = []

    # -- primitives ---------------------------------------------------------------------
    def loc(self, node: yaml.Node) -> Loc:
        return Loc.of(self.path, node)

    def error(self, node: yaml.Node, code: str, message: str, hint: str = "") -> None:
        self.diags.append(Diagnostic.at(self.loc(node), code, message, hint))

    def fields(self, node: yaml.Node, schema: dict[str, bool], what: str) -> dict | None:
        """Check a mapping against its schema; return {key: value node} or None if no mapping."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node, "E012", f"{what} should be a mapping (key: value lines), not {describe(node)}"
            )
            return None
        pairs = node.value
        try:  # the common case at C speed: text keys, each known and given once
            found = {k.value: v for k, v in pairs if k.tag == STR_TAG}
        except TypeError:  # a key that is text by its tag but not a scalar
            found = {}
        if len(found) == len(pairs) and found.keys() <= schema.keys():
            for key in _required(schema):
                if key not in found:
                    self.error(node, "E011", f"{what} is missing required field '{key}'")
            return found
        found = {}
        keys: dict[str, yaml.Node] = {}
        for key_node, value in pairs:
            known = self.key(key_node, keys, what)
            if known is None:
                continue
            key = known
            if key not in schema:
                self.error(
                    key_node, "E010", f"unknown key '{key}' in {what}", did_you_mean(key, schema)
                )
                continue
            found[key] = value
        for key in _required(schema):
            if key not in found:
                self.error(node, "E011", f"{what} is missing required field '{key}'")
        return found

    def present(self, found: dict, labels: dict[str, str]) -> dict[str, str]:
        """The text fields of `labels` that are there, each checked: {name: text}. Absent
        ones are left out, so callers use .get(name, "") and pay nothing for them."""
        text = self.text
        return {name: text(node, labels[name]) for name, node in found.items() if name in labels}

    def key(self, key_node: yaml.Node, seen: dict[str, yaml.Node], what: str) -> str | None:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == NULL_TAG:
            self.error(key_node, "E012", f"a key in {what} should be a plain word")
            return None
        if key_node.tag == "tag:yaml.org,2002:merge":
            self.error(
                key_node,
                "E010",
                "merge keys (<<) are not supported",
                "write the fields out in full",
            )
            return None
        key = key_node.value
        if key in seen:
            first = seen[key]
            self.error(
                key_node,
                "E013",
                f"duplicate key '{key}' in {what}",
                f"first defined at line {first.start_mark.line + 1}",
            )
            self.error(
                first,
                "E013",
                f"duplicate key '{key}' in {what}",
                f"defined again at line {key_node.start_mark.line + 1}",
            )
            return None
        seen[key] = key_node
        return key

    def text(self, node: yaml.Node | None, what: str) -> str:
        if node is None:
            return ""
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL_TAG:
            if not node.value.strip():
                self.error(node, "E012", f"{what} should not be empty")
            return node.value
        self.error(node, "E012", f"{what} should be text, not {describe(node)}")
        return ""

    def word(self, node: yaml.Node | None, what: str, allowed=None, hint: str = "") -> str:
        """A short identifier-like value; with `allowed`, one of a fixed set (`hint`: what to
        say when no allowed word is close to the value)."""
        value = self.text(node, what).strip()
        if not value or node is None:
            return value
        if allowed is not None and value not in allowed:
            self.error(
                node,
                "E014",
                f"{what} '{value}' is not one of: {', '.join(allowed)}",
                did_you_mean(value, allowed) or hint,
            )
        return value

    def ident(self, node: yaml.Node | None, what: str) -> str:
        value = self.text(node, what).strip()
        if value and node is not None and not ID_RE.match(value):
            self.error(
                node,
                "E015",
                f"{what} '{value}' is not a valid id",
                "use lowercase letters, digits and _, starting with a letter",
            )
        return value

    def seq(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.error(
            node,
            "E012",
            f"{what} should be a list (lines starting with '- '), not {describe(node)}",
        )
        return []

    def texts(self, node: yaml.Node | None, what: str) -> tuple[str, ...]:
        return tuple(self.text(item, what) for item in self.seq(node, what))

    def words(self, node: yaml.Node | None, what: str) -> tuple[str, ...]:
        """A single word or a list of words (used for flags)."""
        if isinstance(node, yaml.ScalarNode):
            return (self.ident(node, what),)
        return tuple(self.ident(item, what) for item in self.seq(node, what))

    def help_kinds(self, node: yaml.Node | None) -> tuple[str, ...]:
        """The extra help services an ending needs (`help: [crisis, takedown]`)."""
        items = [node] if isinstance(node, yaml.ScalarNode) else self.seq(node, "help")
        return tuple(w for w in (self.word(item, "help", m.HELP_KINDS) for item in items) if w)

    def count(self, node: yaml.Node, what: str) -> int | None:
        """A whole number, 0 or more (None when it is not one: reported)."""
        if not (isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG):
            self.error(node, "E012", f"{what} should be a whole number, not {describe(node)}")
            return None
        try:
            value = int(node.value.replace("_", ""), 0)
        except ValueError:  # forms YAML 1.1 allows and int() refuses (1:00, 0b1, 017)
            self.error(node, "E012", f"{what} should be a whole number like 120, not {node.value}")
            return None
        if value < 0:
            self.error(node, "E012", f"{what} cannot be negative ({node.value})", "use 0 or more")
            return None
        return value

    def boolean(self, node: yaml.Node | None, what: str) -> bool:
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on")
        self.error(node, "E012", f"{what} should be true or false, not {describe(node)}")
        return False

    def keyed(self, node: yaml.Node | None, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """A mapping of id -> object: [(id, key node, value node)], duplicates reported."""
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "E012", f"{what} should be a mapping of ids, not {describe(node)}")
            return []
        seen: dict[str, yaml.Node] = {}
        out = []
        for key_node, value in node.value:
            key = self.key(key_node, seen, what)
            if key is not None:
                self.ident(key_node, f"id in {what}")
                out.append((key, key_node, value))
        return out

    def locs(self, found: dict) -> Marks:
        return Marks(self.path, found)

    # -- the content model ----------------------------------------------------------------
    def content(self, root: yaml.Node) -> m.Content | None:
        if not isinstance(root, yaml.MappingNode):
            self.error(
                root,
                "E002",
                f"the file should be a mapping, not {describe(root)}",
                "start with 'format: 1' and a 'scenarios:' list",
            )
            return None
        found = self.fields(root, TOP_KEYS, "the file") or {}
        version = m.FORMAT_VERSION
        if "format" in found:
            node = found["format"]
            if not (isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG):
                self.error(node, "E012", f"format should be a whole number, not {describe(node)}")
            elif (node.value.replace("_", "").lstrip("+").lstrip("0") or "0") != str(
                m.FORMAT_VERSION
            ):
                # compared as written: YAML's whole numbers include forms int() refuses
                # (0x1, 1:00), which are not the format this game reads either
                self.error(
                    node,
                    "E005",
                    f"format {node.value} is not supported",
                    f"this version of the game reads format {m.FORMAT_VERSION}",
                )
                return None
        scenarios = tuple(self.scenario(n) for n in self.seq(found.get("scenarios"), "scenarios"))
        return m.Content(self.path, version, tuple(s for s in scenarios if s), self.loc(root))

    def scenario(self, node: yaml.Node) -> m.Scenario | None:
        found = self.fields(node, SCENARIO_KEYS, "a scenario")
        if found is None:
            return None
        sid = self.ident(found.get("id"), "scenario id")
        what = f"scenario '{sid}'" if sid else "a scenario"
        characters = {
            cid: self.character(cid, value)
            for cid, _key, value in self.keyed(found.get("characters"), f"{what} characters")
        }
        nodes = {
            nid: self.node(nid, key, value)
            for nid, key, value in self.keyed(found.get("nodes"), f"{what} nodes")
        }
        return m.Scenario(
            id=sid,
            title=self.text(found.get("title"), "title"),
            topic=self.word(found.get("topic"), "topic", m.TOPICS),
            age_band=self.word(found.get("age_band"), "age_band", m.AGE_BANDS),
            loc=self.loc(node),
            start=self.ident(found.get("start"), "start"),
            summary=self.text(found.get("summary"), "summary"),
            objectives=self.texts(found.get("objectives"), "an objective"),
            discuss=self.texts(found.get("discuss"), "a discussion question"),
            help=self.help_kinds(found.get("help")),
            characters={k: v for k, v in characters.items() if v},
            pre=self.questions(found.get("pre"), "pre"),
            post=self.questions(found.get("post"), "post"),
            nodes={k: v for k, v in nodes.items() if v},
            note=self.text(found.get("note"), "note"),
            at=self.locs(found),
        )

    def character(self, cid: str, node: yaml.Node) -> m.Character | None:
        found = self.fields(node, CHARACTER_KEYS, f"character '{cid}'")
        if found is None:
            return None
        return m.Character(
            id=cid,
            name=self.text(found.get("name"), "name"),
            role=self.word(found.get("role"), "role", m.ROLES),
            loc=self.loc(node),
            look=self.word(found.get("look"), "look", m.LOOKS),
            image=self.text(found.get("image"), "image"),
            note=self.text(found.get("note"), "note"),
            at=self.locs(found),
        )

    def questions(self, node: yaml.Node | None, which: str) -> tuple[m.Question, ...]:
        out = []
        for item in self.seq(node, f"{which} questions"):
            found = self.fields(item, QUESTION_KEYS, f"a {which} question")
            if found is None:
                continue
            answers = []
            for index, answer in enumerate(self.seq(found.get("answers"), "answers")):
                afound = self.fields(answer, ANSWER_KEYS, "an answer")
                if afound is not None:
                    answers.append(
                        m.Answer(
                            self.text(afound.get("text"), "answer text"),
                            self.boolean(afound.get("correct"), "correct"),
                            self.loc(answer),
                            self.ident(afound.get("id"), "answer id") or m.answer_id(index),
                            at=self.locs(afound),
                        )
                    )
            out.append(
                m.Question(
                    id=self.ident(found.get("id"), "question id"),
                    ask=self.text(found.get("ask"), "ask"),
                    answers=tuple(answers),
                    loc=self.loc(item),
                    explain=self.text(found.get("explain"), "explain"),
                    transfer=self.boolean(found.get("transfer"), "transfer"),
                    note=self.text(found.get("note"), "note"),
                    at=self.locs(found),
                )
            )
        return tuple(out)

    def node(self, nid: str, key: yaml.Node, node: yaml.Node) -> m.Node | None:
        found = self.fields(node, NODE_KEYS, f"node '{nid}'")
        if found is None:
            return None
        scene = self.word(found.get("scene"), "scene", m.SCENE_TYPES)
        if scene == "ending":
            for name in ENDING_REQUIRED:
                if name not in found:
                    self.error(node, "E011", f"ending '{nid}' is missing required field '{name}'")
        message, choice = self.message, self.choice
        messages = [message(item) for item in self.seq(found.get("messages"), "messages")]
        choices = [
            choice(item, index)
            for index, item in enumerate(self.seq(found.get("choices"), "choices"), 1)
        ]
        texts = self.present(found, NODE_TEXTS)
        return m.made(
            m.Node,
            id=nid,
            scene=scene,
            loc=self.loc(key),
            app=texts.get("app", ""),
            messages=tuple(filter(None, messages)),  # None where one could not be read
            choices=tuple(filter(None, choices)),
            title=texts.get("title", ""),
            text=texts.get("text", ""),
            takeaway=texts.get("takeaway", ""),
            adult=texts.get("adult", ""),
            of=texts.get("of", "").strip(),
            bio=texts.get("bio", ""),
            details=self.texts(found.get("details"), "details"),
            viewers=self.count(found["viewers"], "viewers") if "viewers" in found else None,
            members=self.count(found["members"], "members") if "members" in found else None,
            note=texts.get("note", ""),
            at=self.locs(found),
        )

    def message(self, node: yaml.Node) -> m.Message | None:
        found = self.fields(node, MESSAGE_KEYS, "a message")
        if found is None:
            return None
        texts = self.present(found, MESSAGE_TEXTS)
        return m.made(
            m.Message,
            speaker=texts.get("from", "").strip(),
            text=texts.get("text", ""),
            loc=self.loc(node),
            at=self.locs(found),
            note=texts.get("note", ""),
            request=self.word(found["request"], "request", m.REQUESTS, REQUEST_HINT)
            if "request" in found
            else "",
            image=self.word(found["image"], "image", m.IMAGES, IMAGE_HINT)
            if "image" in found
            else "",
            gift=self.word(found["gift"], "gift", m.GIFTS, GIFT_HINT) if "gift" in found else "",
        )

    def choice(self, node: yaml.Node, index: int) -> m.Choice | None:
        found = self.fields(node, CHOICE_KEYS, "a choice")
        if found is None:
            return None
        texts = self.present(found, CHOICE_TEXTS)
        ident = self.ident
        return m.made(
            m.Choice,
            id=(ident(found["id"], "choice id") if "id" in found else "") or f"c{index}",
            text=texts.get("text", ""),
            goto=texts.get("goto", "").strip(),
            safety=self.word(found.get("safety"), "safety", m.SAFETY),
            feedback=texts.get("feedback", ""),
            loc=self.loc(node),
            say=texts.get("say", ""),
            do=texts.get("do", ""),
            set_flags=self.words(found["set"], "flag") if "set" in found else (),
            if_flag=ident(found["if"], "flag") if "if" in found else "",
            unless_flag=ident(found["unless"], "flag") if "unless" in found else "",
            note=texts.get("note", ""),
            at=self.locs(found),
        )


_REQUIRED: dict[int, tuple[dict, tuple[str, ...]]] = {}


def _required(schema: dict[str, bool]) -> tuple[str, ...]:
    """The required keys of a schema, worked out once per schema."""
    entry = _REQUIRED.get(id(schema))
    if entry is None or entry[0] is not schema:
        entry = _REQUIRED[id(schema)] = (schema, tuple(k for k, req in schema.items() if req))
    return entry[1]


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return {
        NULL_TAG: "nothing (the value is empty)",
        BOOL_TAG: f"true/false ({node.value})",
        INT_TAG: f"a number ({node.value})",
        "tag:yaml.org,2002:float": f"a number ({node.value})",
        STR_TAG: f"text ('{node.value[:30]}')",
    }.get(node.tag, f"'{node.value}'")
