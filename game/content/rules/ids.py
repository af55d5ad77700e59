"""E101-E103, E116: ids that must be unique, reported at both places."""

from ..diagnostics import Diagnostic


def _duplicates(items, code: str, what: str):
    first: dict = {}  # id -> the first item with it (nodes, choices, questions, answers)
    for item in items:
        if not item.id:
            continue
        if item.id in first:
            other = first[item.id]
            yield Diagnostic.at(
                item.loc,
                code,
                f"duplicate {what} '{item.id}'",
                f"first used at line {other.loc.line}",
            )
            yield Diagnostic.at(
                other.loc,
                code,
                f"duplicate {what} '{item.id}'",
                f"used again at line {item.loc.line}",
            )
        else:
            first[item.id] = item


def check(content):
    yield from _duplicates(content.scenarios, "E101", "scenario id")
    for scenario in content.scenarios:
        yield from _duplicates(scenario.pre + scenario.post, "E102", "question id")
        for question in scenario.pre + scenario.post:
            yield from _duplicates(question.answers, "E116", "answer id")
        for node in scenario.nodes.values():
            yield from _duplicates(node.choices, "E103", "choice id")
