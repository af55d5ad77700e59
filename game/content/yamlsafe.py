"""Safe YAML composition: the node graph with marks, syntax errors located, alias bombs refused."""

from __future__ import annotations

import yaml

from .diagnostics import Diagnostic, Loc

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"


class Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's when PyYAML has it) with a leaner tag resolver.

    PyYAML calls `resolve` and the path-resolver hooks in Python for every node; the safe
    loader has no path resolvers and no wildcard resolvers, so resolving comes down to the
    implicit resolvers for the scalar's first character. Same tags, about 7 % faster
    composing (tests/test_diagnostics.py compares the tags with PyYAML's own loader).
    """

    _by_first = {first: tuple(found) for first, found in _Base.yaml_implicit_resolvers.items()}

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._by_first.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG


assert None not in _Base.yaml_implicit_resolvers and not _Base.yaml_path_resolvers

# An alias may repeat content, but the expanded tree may grow only this much past the text.
ALIAS_GROWTH = 4
ALIAS_SLACK = 10_000


def compose(text: str, path: str) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """Compose one YAML document into nodes; a syntax error becomes a located diagnostic."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(path, mark.line + 1, mark.column + 1) if mark else Loc(path, 1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        hint = _syntax_hint(problem)
        return None, [Diagnostic.at(loc, "E001", f"YAML syntax error: {problem}", hint)]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        return None, [_bad_character(text, path, exc)]
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return None, [Diagnostic.at(Loc(path, 1, 1), "E001", f"YAML syntax error: {first}")]
    if root is None:
        return None, []
    if "&" not in text:
        return root, []  # no anchors, so no aliases: nothing can expand
    alias = _alias_problem(root, path)
    return (None, [alias]) if alias else (root, [])


def _bad_character(text: str, path: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    """Where the character is (the first one of its kind: the reader stops there; libyaml
    gives its place in bytes, so it is found in the text instead)."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    at = text.find(char) if char else -1
    if at < 0:
        loc = Loc(path, 1, 1)
    else:
        loc = Loc(path, text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
    return Diagnostic.at(
        loc,
        "E001",
        f"YAML syntax error: the character U+{ord(char):04X} is not allowed"
        if char
        else "YAML syntax error: a character that is not allowed",
        "delete it (most editors do not show it)",
    )


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'text with a colon in it needs quotes: "like: this"'
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation of this line and the one before it"
    return ""


def _alias_problem(root: yaml.Node, path: str) -> Diagnostic | None:
    """Refuse a document whose aliases expand far past its own size, or refer to themselves."""
    unique: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in unique:
            continue
        unique.add(id(node))
        stack.extend(_children(node))
    limit = ALIAS_GROWTH * len(unique) + ALIAS_SLACK
    sizes: dict[int, int] = {}
    # Post-order walk with an explicit stack, so deep documents cannot exhaust recursion.
    on_path: set[int] = set()
    stack2: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack2:
        node, done = stack2.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            size = 1 + sum(sizes[id(c)] for c in _children(node))
            sizes[key] = size
            if size > limit:
                return Diagnostic.at(
                    Loc.of(path, node),
                    "E003",
                    f"aliases here expand to more than {limit:,} values",
                    "repeat the text instead of using anchors and aliases",
                )
            continue
        if key in sizes:
            continue
        if key in on_path:
            return Diagnostic.at(Loc.of(path, node), "E003", "an alias refers to itself")
        on_path.add(key)
        stack2.append((node, True))
        for child in _children(node):
            if id(child) in on_path:
                return Diagnostic.at(Loc.of(path, child), "E003", "an alias refers to itself")
            if id(child) not in sizes:
                stack2.append((child, False))
    return None


def _children(node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return ()
