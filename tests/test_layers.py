"""The import graph: engine (game/ below the shell) <- scenes <- shell, and no cycles.

Every import counts, those inside functions too: an import put off for start-up speed is
still an arrow. A scene reaches another scene through the app (`app.open_menu()`, ...)."""

import ast
from pathlib import Path

from .conftest import ROOT

# The shell: it starts the game, runs the flow of a story and chooses the scenes.
SHELL = {
    "game.app",
    "game.flow",
    "game.modes",
    "game.kiosk",
    "game.session",
    "game.autoplay",
    "game.cli",
    "game.__main__",
}


def modules() -> dict[str, Path]:
    found = {}
    for package in ("game", "scenes"):
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known) -> set[str]:
    """The project modules `name` imports, anywhere in its file."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from package import module` imports the module; `from module import name`
            # the module the name is in.
            targets = [
                f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in known else stem
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in known and target != name:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def layer(name: str) -> int:
    if name in SHELL:
        return 2
    return 1 if name == "scenes" or name.startswith("scenes.") else 0


def test_arrows_point_down_only():
    edges = graph()
    assert "game.app" in edges and "scenes.title" in edges  # the graph is really read
    assert "scenes.chat" in edges["scenes"]  # function-local imports count
    upward = sorted(
        f"{name} -> {target}"
        for name, targets in edges.items()
        for target in targets
        if layer(target) > layer(name)
    )
    assert upward == []


def test_no_import_cycles():
    edges = graph()
    cycles = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(edges):
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_checker_finds_a_cycle_and_an_upward_import():
    """The two rules above on a made-up graph, so that they cannot pass by reading nothing."""
    edges = {"game.text": {"scenes.menu"}, "scenes.menu": {"game.text"}}
    assert [a for a, bs in edges.items() for b in bs if layer(b) > layer(a)] == ["game.text"]
