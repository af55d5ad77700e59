"""Content: scenarios.yaml -> model objects with locations -> diagnostics."""

from .diagnostics import Diagnostic, collector_paused
from .model import Content, Scenario

__all__ = ["Content", "Diagnostic", "Scenario", "check_bytes", "check_file", "load_file",
           "load_text"]

# The loader and the rules are imported when a file is really loaded: a start that finds
# its story in the cache (game/content/cache.py) skips PyYAML and the rules, about 12 ms.


def load_file(path):
    from .load import load_file as load

    return load(path)


def load_text(text: str, path: str = "scenarios.yaml"):
    from .load import load_text as load

    return load(text, path)


def check_file(path) -> tuple["Content | None", list[Diagnostic]]:
    """Load a scenario file and run every rule; diagnostics come back sorted."""
    return _checked(load_file(path))


def check_bytes(raw: bytes, shown: str) -> tuple["Content | None", list[Diagnostic]]:
    """check_file for a file already read; `shown` is the path diagnostics name."""
    from .load import load_bytes

    return _checked(load_bytes(raw, shown))


def _checked(loaded) -> tuple["Content | None", list[Diagnostic]]:
    from .rules import run_rules

    content, diags = loaded
    if content is not None:
        with collector_paused():
            diags = diags + list(run_rules(content))
    return content, sorted(set(diags))
