"""The story map: every node of a story with its id, scene type and line, every choice as an
arrow marked by its safety (a colour, a line style and a word), the endings, and what is
wrong with the shape (nodes no route reaches, nodes with no way on to an ending).

Three forms: `dot` for Graphviz users, `svg`, and `html` (the SVG of each story in one page
that opens offline in any browser, with nothing installed). The SVG is laid out here, in
layers: a node sits one column right of the nearest node that leads to it, and the nodes of
a column are ordered by where the nodes leading to them sit (a few sweeps of the barycentre
rule), so that arrows cross less. Arrows that go back to an earlier column (a way back after
a risky choice) curve below the nodes. A story has 5 to 30 nodes: this stays simple and has
no dependency (Graphviz would have to be installed on every Windows PC that opens a map).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html import escape

from .content.model import Content, Scenario

NODE_W, NODE_H = 190, 70
COL_GAP, ROW_GAP = 120, 34
MARGIN = 30
# The look of an arrow by the choice's safety: never the colour alone.
STYLES = {
    "safe": ("#1f7a4d", "", "safe"),
    "risky": ("#b4441b", "8 5", "risky"),
    "neutral": ("#3a55b4", "2 4", "neutral"),
}
SCENE_FILL = {
    "chat": "#e8f0ff",
    "call": "#efe7ff",
    "profile": "#fff0f7",
    "dialogue": "#fff6dc",
    "live": "#ffe9e2",
    "voice": "#e2f6f4",
    "ending": "#e3f7ec",
}


@dataclass
class Shape:
    """What is wrong with a story's shape, by node id."""

    unreachable: list[str] = field(default_factory=list)
    dead_ends: list[str] = field(default_factory=list)  # no way on to an ending
    missing: list[tuple[str, str]] = field(default_factory=list)  # (node, goto) not in story


def shape(scenario: Scenario) -> Shape:
    nodes = scenario.nodes
    found = Shape()
    reached = _walk(scenario.start, lambda n: [c.goto for c in nodes[n].choices if c.goto in nodes])
    found.unreachable = [n for n in nodes if n not in reached]
    into: dict[str, list[str]] = {n: [] for n in nodes}
    for node in nodes.values():
        for choice in node.choices:
            if choice.goto in nodes:
                into[choice.goto].append(node.id)
            else:
                found.missing.append((node.id, choice.goto))
    ends = _walk_many([n for n, node in nodes.items() if node.is_ending], lambda n: into[n])
    found.dead_ends = [n for n in nodes if n not in ends and n in reached]
    return found


def _walk(start: str, after) -> set[str]:
    return _walk_many([start], after)


def _walk_many(starts, after) -> set[str]:
    seen = set(starts)
    queue = deque(starts)
    while queue:
        for nxt in after(queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


# -- layout -------------------------------------------------------------------------------
def layout(scenario: Scenario) -> dict[str, tuple[int, int]]:
    """The top-left corner of each node's box."""
    nodes = scenario.nodes
    depth = {scenario.start: 0}
    queue = deque([scenario.start])
    while queue:
        here = queue.popleft()
        for choice in nodes[here].choices:
            if choice.goto in nodes and choice.goto not in depth:
                depth[choice.goto] = depth[here] + 1
                queue.append(choice.goto)
    last = max(depth.values(), default=0)
    for n in nodes:  # nodes no route reaches: a column of their own, at the end
        depth.setdefault(n, last + 1)
    columns: dict[int, list[str]] = {}
    for n in nodes:  # the file's order first
        columns.setdefault(depth[n], []).append(n)
    parents: dict[str, list[str]] = {n: [] for n in nodes}
    for node in nodes.values():
        for choice in node.choices:
            if choice.goto in nodes and depth[choice.goto] > depth[node.id]:
                parents[choice.goto].append(node.id)
    for _sweep in range(4):
        row = {n: i for col in columns.values() for i, n in enumerate(col)}
        for k in sorted(columns)[1:]:
            columns[k].sort(
                key=lambda n: (
                    sum(row[p] for p in parents[n]) / len(parents[n]) if parents[n] else row[n]
                )
            )
    tallest = max(len(col) for col in columns.values())
    places = {}
    for k, col in columns.items():
        top = MARGIN + (tallest - len(col)) * (NODE_H + ROW_GAP) // 2
        for i, n in enumerate(col):
            places[n] = (MARGIN + k * (NODE_W + COL_GAP), top + i * (NODE_H + ROW_GAP))
    return places


# -- the forms ----------------------------------------------------------------------------
def svg(scenario: Scenario) -> str:
    """One story's map as an SVG document (its legend included)."""
    nodes = scenario.nodes
    places = layout(scenario)
    found = shape(scenario)
    width = max(x for x, _y in places.values()) + NODE_W + MARGIN
    height = max(y for _x, y in places.values()) + NODE_H + MARGIN + 70  # room for back arrows
    legend_y = height
    height += 110
    width = max(width, 760)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
        f"<title>{escape(scenario.title)} ({escape(scenario.id)})</title>",
        "<defs>",
    ]
    for safety, (color, _dash, _word) in STYLES.items():
        out.append(
            f'<marker id="arrow-{safety}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{color}"/></marker>'
        )
    out.append("</defs>")
    back_lane = max(y for _x, y in places.values()) + NODE_H + 24
    for node in nodes.values():
        x, y = places[node.id]
        for i, choice in enumerate(node.choices):
            if choice.goto not in places:
                continue
            tx, ty = places[choice.goto]
            color, dash, word = STYLES.get(choice.safety, STYLES["neutral"])
            spread = (i - (len(node.choices) - 1) / 2) * 16
            sx: float = x + NODE_W
            sy: float = y + NODE_H / 2 + spread
            if tx > x:  # forward: a gentle curve to the left side of the target
                ex: float = tx
                ey: float = ty + NODE_H / 2 + spread / 2
                mid = (sx + ex) / 2
                path = f"M{sx},{sy} C{mid},{sy} {mid},{ey} {ex},{ey}"
                lx, ly = sx + 6, sy - 3  # by the start: the labels of one node never meet
                anchor = "start"
            else:  # back (or to itself): below the nodes, in the lane under the map
                sx, sy = x + NODE_W / 2 + spread, y + NODE_H
                ex, ey = tx + NODE_W / 2, ty + NODE_H
                lane = back_lane + abs(spread)
                path = f"M{sx},{sy} C{sx},{lane} {ex},{lane} {ex},{ey}"
                lx, ly = (sx + ex) / 2, lane - 2
                anchor = "middle"
            condition = (
                f" if {choice.if_flag}"
                if choice.if_flag
                else f" unless {choice.unless_flag}"
                if choice.unless_flag
                else ""
            )
            tip = f"{choice.id} ({word}{condition}): {choice.text}"
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            marker = choice.safety if choice.safety in STYLES else "neutral"
            out.append(
                f'<g><title>{escape(tip)}</title><path d="{path}" fill="none" stroke="{color}" '
                f'stroke-width="2.2"{dashed} marker-end="url(#arrow-{marker})"/>'
                f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="{anchor}" fill="{color}" '
                f'font-size="11" paint-order="stroke" stroke="#ffffff" stroke-width="3">'
                f"{escape(choice.id)} {word}{escape(condition)}</text></g>"
            )
    for node in nodes.values():
        x, y = places[node.id]
        problems = []
        if node.id in found.unreachable:
            problems.append("no route reaches it")
        if node.id in found.dead_ends:
            problems.append("no way on to an ending")
        problems += [f"goes to missing '{goto}'" for n, goto in found.missing if n == node.id]
        edge = "#b4441b" if problems else "#26294a"
        kind = "ending" if node.is_ending else node.scene
        marks = []
        if node.id == scenario.start:
            marks.append("START")
        if node.is_ending:
            marks.append("END")
        if problems:
            marks.append("PROBLEM")
        tip = "; ".join([f"{node.id}: {kind}, line {node.loc.line}", *problems])
        flagged = ' stroke-dasharray="6 3"' if problems else ""
        out.append(
            f'<g><title>{escape(tip)}</title><rect x="{x}" y="{y}" width="{NODE_W}" '
            f'height="{NODE_H}" rx="{22 if node.is_ending else 10}" '
            f'fill="{SCENE_FILL.get(kind, "#ffffff")}" stroke="{edge}" '
            f'stroke-width="{3.5 if problems else 1.6}"{flagged}/>'
            f'<text x="{x + 10}" y="{y + 22}" font-weight="bold" fill="#26294a">'
            f"{escape(_short(node.id, 22))}</text>"
            f'<text x="{x + 10}" y="{y + 41}" fill="#4a4f78">{kind} · line {node.loc.line}</text>'
        )
        if marks:
            out.append(
                f'<text x="{x + 10}" y="{y + 60}" font-size="11" font-weight="bold" '
                f'fill="{edge}">{" · ".join(marks)}</text>'
            )
        out.append("</g>")
    out.append(_legend(legend_y))
    out.append("</svg>")
    return "\n".join(out)


def _legend(y: int) -> str:
    parts = [f'<g transform="translate({MARGIN},{y})">']
    parts.append('<text x="0" y="14" font-weight="bold">Legend</text>')
    for i, (safety, (color, dash, word)) in enumerate(STYLES.items()):
        x = i * 170
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" y1="36" x2="{x + 60}" y2="36" stroke="{color}" stroke-width="2.5"'
            f'{dashed} marker-end="url(#arrow-{safety})"/>'
            f'<text x="{x + 70}" y="40" fill="{color}">{word} choice</text>'
        )
    parts.append(
        '<rect x="0" y="56" width="34" height="22" rx="10" fill="#e3f7ec" stroke="#26294a"/>'
        '<text x="42" y="72">END: an ending</text>'
        '<rect x="200" y="56" width="34" height="22" rx="4" fill="#ffffff" stroke="#b4441b" '
        'stroke-width="3" stroke-dasharray="6 3"/>'
        '<text x="242" y="72">PROBLEM: no route reaches it, or no way on to an ending</text>'
    )
    parts.append("</g>")
    return "".join(parts)


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def dot(scenarios: list[Scenario]) -> str:
    """The stories as a Graphviz digraph (`dot -Tsvg` draws it)."""
    out = ["digraph stories {", "  rankdir=LR;", '  node [shape=box, fontname="sans-serif"];']
    for scenario in scenarios:
        found = shape(scenario)
        out.append(f'  subgraph "cluster_{scenario.id}" {{')
        out.append(f'    label="{_dot(scenario.title)} ({scenario.id})";')
        for node in scenario.nodes.values():
            kind = "ending" if node.is_ending else node.scene
            bad = node.id in found.unreachable or node.id in found.dead_ends
            attrs = [f'label="{_dot(node.id)}\\n{kind} · line {node.loc.line}"']
            if node.is_ending:
                attrs.append("shape=doubleoctagon")
            if bad:
                attrs.append('color="#b4441b", style=dashed, penwidth=3')
            out.append(f'    "{scenario.id}/{node.id}" [{", ".join(attrs)}];')
        for node in scenario.nodes.values():
            for choice in node.choices:
                color, dash, word = STYLES.get(choice.safety, STYLES["neutral"])
                style = "solid" if not dash else "dashed" if choice.safety == "risky" else "dotted"
                out.append(
                    f'    "{scenario.id}/{node.id}" -> "{scenario.id}/{choice.goto}" '
                    f'[label="{_dot(choice.id)} {word}", color="{color}", style={style}];'
                )
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def _dot(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def html(content: Content, scenarios: list[Scenario]) -> str:
    """Every chosen story's map in one page, with what is wrong with each listed in words."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Story map</title>",
        "<style>body{font-family:sans-serif;color:#26294a;margin:24px;background:#f6f8ff}"
        "section{background:#fff;border-radius:14px;padding:16px;margin:0 0 24px;"
        "overflow-x:auto;box-shadow:0 2px 8px #0002}h1{margin-top:0}"
        ".problems{color:#b4441b;font-weight:bold}</style></head><body>",
        f"<h1>Story map</h1><p>{escape(content.path)}: {len(scenarios)} "
        f"{'story' if len(scenarios) == 1 else 'stories'}. Hover over a node or an arrow "
        "for its details.</p>",
    ]
    for scenario in scenarios:
        found = shape(scenario)
        lines = [f"'{n}': no route reaches it" for n in found.unreachable]
        lines += [f"'{n}': no way on to an ending" for n in found.dead_ends]
        lines += [f"'{n}' goes to '{goto}', which is not in the story" for n, goto in found.missing]
        parts.append(
            f'<section id="{escape(scenario.id)}"><h2>{escape(scenario.title)} '
            f"<small>({escape(scenario.id)}, line {scenario.loc.line})</small></h2>"
        )
        if lines:
            parts.append(
                '<ul class="problems">' + "".join(f"<li>{escape(t)}</li>" for t in lines) + "</ul>"
            )
        parts.append(svg(scenario))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
