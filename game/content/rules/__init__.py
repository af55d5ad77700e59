"""One small module per check. Each exposes check(content) -> iterable of Diagnostic."""

from . import assets, graph, ids, items, questions, references, shape, wayback

RULES = (ids, references, shape, graph, questions, items, wayback, assets)


def run_rules(content):
    for rule in RULES:
        yield from rule.check(content)
