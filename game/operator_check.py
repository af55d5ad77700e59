"""Checking the operator settings file (game/operator_settings.py): every problem located,
defaults where a value is wrong."""

from __future__ import annotations

from pathlib import Path

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
    LRS_KEYS,
    NOT_MAPPING,
    OUT_OF_RANGE,
    SYNTAX,
    TEXT_SIZES,
    UNKNOWN,
    WRONG_TYPE,
    Lrs,
    Operator,
)
from .outcomes import endpoint

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
    values: dict = {}  # diags is empty here: the lines' problems are added below
    for key, key_node, value_node in _entries(root, path, KEYS, diags):
        if key == "lrs":
            lrs, problems = _lrs(key_node, value_node, path)
            diags.extend(problems)
            if lrs is not None:
                values[key] = lrs
            continue
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
        return _true(node), None
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


def _lrs(key_node, node, path: str) -> tuple[Lrs | None, list[Diagnostic]]:
    """The `lrs:` section: a mapping with url and credentials_file, and three switches."""
    where = Loc.of(path, node)
    if not isinstance(node, yaml.MappingNode):
        return None, [_wrong(where, "lrs", "a group of settings (url:, credentials_file:)", node)]
    found: dict = {}
    diags: list[Diagnostic] = []
    for sub, _sub_node, value_node in _entries(node, path, LRS_KEYS, diags, "lrs"):
        value_at = Loc.of(path, value_node)
        scalar = isinstance(value_node, yaml.ScalarNode)
        if sub in ("url", "credentials_file"):
            if not scalar or value_node.tag != _STR or not value_node.value.strip():
                wanted = "an https:// address" if sub == "url" else "the path of a file"
                diags.append(_wrong(value_at, f"lrs: {sub}", wanted, value_node))
                found[sub] = None
                continue
            found[sub] = value_node.value.strip()
        else:
            if not scalar or value_node.tag != _BOOL:
                diags.append(_wrong(value_at, f"lrs: {sub}", "true or false", value_node))
                found[sub] = None
                continue
            found[sub] = _true(value_node)
    for needed in ("url", "credentials_file"):
        if needed not in found:
            diags.append(
                Diagnostic.at(
                    Loc.of(path, key_node),
                    OUT_OF_RANGE,
                    f"lrs needs a {needed}",
                    "for example: url: https://lrs.example.org/xAPI/"
                    if needed == "url"
                    else "a file with one line user:password, e.g. credentials_file: lrs.txt",
                )
            )
    if found.get("url"):
        why = endpoint.problem(found["url"], bool(found.get("allow_http")))
        if why:
            url_node = next(v for k, v in node.value if str(k.value) == "url")
            diags.append(
                Diagnostic.at(
                    Loc.of(path, url_node),
                    OUT_OF_RANGE,
                    f"the LRS address {why}",
                    "allow_http: true sends over plain http on a school LAN"
                    if "plain http" in why
                    else "",
                )
            )
    if diags:
        return None, diags
    return Lrs(**found, base=str(Path(path).parent)), []


def _entries(mapping, path: str, known, diags: list, section: str = ""):
    """(key, key node, value node) of each line of `mapping` whose key is known and set
    once; a located problem in `diags` for every other line (an unknown key, with a hint;
    a key set twice). `section` names the group the lines are in ('lrs')."""
    seen: set[str] = set()
    within = f"{section}: " if section else ""
    for key_node, value_node in mapping.value:
        key = str(key_node.value)
        where = Loc.of(path, key_node)
        if not isinstance(key_node, yaml.ScalarNode) or key not in known:
            hint = did_you_mean(key, known) or "the keys are " + ", ".join(known)
            what = f"unknown {section} setting" if section else "unknown setting"
            diags.append(Diagnostic.at(where, UNKNOWN, f"{what} '{key}'", hint))
            continue
        if key in seen:
            diags.append(
                Diagnostic.at(
                    where, DUPLICATE, f"'{within}{key}' is set twice", "keep one of the lines"
                )
            )
            continue
        seen.add(key)
        yield key, key_node, value_node


def _true(node) -> bool:
    """A YAML true/false scalar's value (YAML 1.1 spellings: yes, on, y ...)."""
    return node.value.lower() in ("true", "yes", "on", "y")


def _wrong(where: Loc, key: str, wanted: str, node) -> Diagnostic:
    if isinstance(node, yaml.ScalarNode):
        got = f"'{node.value}'" if node.value else "nothing"
    else:
        got = "a list" if isinstance(node, yaml.SequenceNode) else "a group of settings"
    return Diagnostic.at(where, WRONG_TYPE, f"{key} must be {wanted}, not {got}")
