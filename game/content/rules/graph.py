"""E107-E109: every node reachable, an ending reachable from every node, at least one ending."""

from ..diagnostics import Diagnostic


def _edges(scenario):
    return {
        node.id: [c.goto for c in node.choices if c.goto in scenario.nodes]
        for node in scenario.nodes.values()
    }


def _reach(start_ids, edges):
    seen, stack = set(), list(start_ids)
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(edges.get(current, ()))
    return seen


def check(content):
    for scenario in content.scenarios:
        if not scenario.nodes:
            continue
        endings = [n.id for n in scenario.endings]
        if not endings:
            yield Diagnostic.at(
                scenario.at.get("nodes", scenario.loc),
                "E109",
                f"scenario '{scenario.id}' has no ending",
                "add a node with 'scene: ending'",
            )
            continue
        edges = _edges(scenario)
        reverse: dict[str, list[str]] = {}
        for source, targets in edges.items():
            for target in targets:
                reverse.setdefault(target, []).append(source)
        can_finish = _reach(endings, reverse)
        reachable = _reach([scenario.start], edges) if scenario.start in scenario.nodes else None
        for node in scenario.nodes.values():
            if reachable is not None and node.id not in reachable:
                yield Diagnostic.at(
                    node.loc,
                    "E107",
                    f"node '{node.id}' can never be reached",
                    "no choice goes to it",
                )
            elif node.id not in can_finish and node.choices:
                yield Diagnostic.at(
                    node.loc,
                    "E108",
                    f"no ending can be reached from node '{node.id}'",
                    "the player would be stuck in a loop",
                )
