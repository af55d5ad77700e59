"""The import graph: engine (game/ below the shell) <- scenes <- shell, and no cycles.

Every import counts, those inside functions too: an import put off for start-up speed is
still an arrow. A scene reaches another scene through the app (`app.open_menu()`, ...).
An import inside a function is there only for a start-up cost, which the module states."""

import ast
import re
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
    return {target for target, _line in imports(name, path, known)}


def imports(name: str, path: Path, known, tree=None) -> list[tuple[str, int]]:
    """(project module, line) for each import in `name`'s file (or in `tree`, a part of it)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out = []
    tree = tree or ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
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
                out.append((target, node.lineno))
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


LATE = re.compile(r"^# Imported where used\b")
NAMED = re.compile(r"\b(?:game|scenes)(?:\.\w+)*")


def late_imports(name: str, path: Path, known) -> list[tuple[str, int]]:
    """(project module, line) for each import inside a function of `name`'s file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.update(imports(name, path, known, node))
    return sorted(found)


def stated(path: Path) -> dict[str, str]:
    """{module: what the comment says} from the file's "# Imported where used" comment: the
    modules it imports late, each with its measured cost."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if LATE.match(line)), None)
    if start is None:
        return {}
    block = []
    for line in lines[start:]:
        if not line.startswith("#"):
            break
        block.append(line)
    out: dict[str, str] = {}
    listed = " ".join(line.lstrip("# ") for line in block[1:])  # pieces split by ';'
    for piece in listed.split(";"):
        for module in NAMED.findall(piece):
            out.setdefault(module, piece.strip())
    return out


def test_every_import_inside_a_function_is_stated_with_its_cost():
    """An import is put off only where a start that does not need the module would pay for
    it: each module that does so lists what it imports late, and what that costs."""
    known = modules()
    unstated, uncosted = [], []
    for name, path in sorted(known.items()):
        late = late_imports(name, path, known)
        said = stated(path)
        for target, line in late:
            if target not in said:
                unstated.append(f"{path.relative_to(ROOT)}:{line}: {target}")
            elif not re.search(r"\d+(\.\d+)? ms", said[target]):
                uncosted.append(f"{path.relative_to(ROOT)}: {said[target]}")
    assert unstated == []
    assert uncosted == []


def test_the_statement_is_really_read():
    known = modules()
    said = stated(known["game.app"])
    assert "game.flow" in said and "ms" in said["game.flow"]
    late = dict(late_imports("game.app", known["game.app"], known))
    assert "game.flow" in late  # app.play_story imports the flow when a story starts
