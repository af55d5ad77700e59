"""Checking the operator settings file (game/operator_settings.py): every problem located,
defaults where a value is wrong."""

from __future__ import annotations

import yaml

from .content.diagnostics import Diagnostic, Loc, did_you_mean
from .content.yamlsafe import compose
from .i18n import AVAILABLE
from .operator_values import (
    DUPLICATE,
    GROUP_MAX,
    GROUP_PATTERN,
    IDLE_MAX,
    IDLE_MIN,
    KEYS,
    NOT_MAPPING,
    OUT_OF_RANGE,
    SYNTAX,
    TEXT_SIZES,
    UNKNOWN,
    WRONG_TYPE,
    Operator,
)

_BOOL, _INT, _STR = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:str"


def check(text: str, path: str) -> tuple[Operator, list[Diagnostic]]:
    """Read the settings from YAML text; return them (defaults where a value is wrong) and
    the problems found, each located."""
    root, diags = compose(text, path)
    if diags:
        return Operator(), [
            Diagnostic.at(Loc(path, d.line, d.col), SYNTAX, d.message, d.hint) for d in diags
        ]
    if root is None:
        return Operator(), []  # an empty file (or only comments): every default
    if not isinstance(root, yaml.MappingNode):
        return Operator(), [
            Diagnostic.at(
                Loc.of(path, root),
                NOT_MAPPING,
                "the settings must be lines of `key: value`",
                "for example: kiosk: true",
            )
        ]
    values: dict = {}
    seen: set[str] = set()
    for key_node, value_node in root.value:
        key = str(key_node.value)
        where = Loc.of(path, key_node)
        if not isinstance(key_node, yaml.ScalarNode) or key not in KEYS:
            hint = did_you_mean(key, KEYS) or "the keys are " + ", ".join(KEYS)
            diags.append(Diagnostic.at(where, UNKNOWN, f"unknown setting '{key}'", hint))
            continue
        if key in seen:
            diags.append(
                Diagnostic.at(where, DUPLICATE, f"'{key}' is set twice", "keep one of the lines")
            )
            continue
        seen.add(key)
        value, problem = _value(key, value_node, path)
        if problem:
            diags.append(problem)
        else:
            values[key] = value
    return Operator(**values), diags


def _value(key: str, node, path: str):
    where = Loc.of(path, node)
    scalar = isinstance(node, yaml.ScalarNode)
    if key in ("kiosk", "sound", "high_contrast", "reduced_motion", "narration"):
        if not scalar or node.tag != _BOOL:
            return None, _wrong(where, key, "true or false", node)
        return node.value.lower() in ("true", "yes", "on", "y"), None
    if key == "idle_seconds":
        if not scalar or node.tag != _INT:
            return None, _wrong(
                where, key, f"a whole number of seconds ({IDLE_MIN}-{IDLE_MAX})", node
            )
        try:
            seconds = int(node.value.replace("_", ""), 0)
        except ValueError:
            return None, _wrong(where, key, "a whole number of seconds", node)
        if not IDLE_MIN <= seconds <= IDLE_MAX:
            return None, Diagnostic.at(
                where,
                OUT_OF_RANGE,
                f"idle_seconds must be {IDLE_MIN} to {IDLE_MAX}, not {seconds}",
                "90 is a good start for a LAN house",
            )
        return seconds, None
    if key == "language":
        if not scalar or node.tag != _STR:
            return None, _wrong(where, key, "pt_BR, th or en", node)
        if node.value not in AVAILABLE:
            hint = did_you_mean(node.value, AVAILABLE) or "use " + ", ".join(AVAILABLE)
            return None, Diagnostic.at(where, OUT_OF_RANGE, f"no language '{node.value}'", hint)
        return node.value, None
    if key == "text_size":
        if not scalar or node.tag != _STR:
            return None, _wrong(where, key, ", ".join(TEXT_SIZES), node)
        if node.value not in TEXT_SIZES:
            return None, Diagnostic.at(
                where,
                OUT_OF_RANGE,
                f"no text size '{node.value}'",
                did_you_mean(node.value, TEXT_SIZES) or "use " + ", ".join(TEXT_SIZES),
            )
        return node.value, None
    # group: a label such as 5B (a number like 2026 is fine too), never a child's name
    if not scalar or node.tag not in (_STR, _INT):
        return None, _wrong(where, key, "a short label such as 5B", node)
    label = node.value.strip()
    if len(label) > GROUP_MAX:
        return None, Diagnostic.at(
            where, OUT_OF_RANGE, f"the group label is longer than {GROUP_MAX} characters"
        )
    if not all(GROUP_PATTERN.fullmatch(ch) for ch in label):
        return None, Diagnostic.at(
            where,
            OUT_OF_RANGE,
            "the group label may have only letters, digits, spaces, - and _",
            "for example: 5B or Morning club",
        )
    return label, None


def _wrong(where: Loc, key: str, wanted: str, node) -> Diagnostic:
    if isinstance(node, yaml.ScalarNode):
        got = f"'{node.value}'" if node.value else "nothing"
    else:
        got = "a list" if isinstance(node, yaml.SequenceNode) else "a group of settings"
    return Diagnostic.at(where, WRONG_TYPE, f"{key} must be {wanted}, not {got}")
