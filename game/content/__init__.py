"""Content: scenarios.yaml -> model objects with locations -> diagnostics."""

from .diagnostics import Diagnostic
from .load import load_file, load_text
from .model import Content, Scenario

__all__ = ["Content", "Diagnostic", "Scenario", "check_file", "load_file", "load_text"]


def check_file(path) -> tuple["Content | None", list[Diagnostic]]:
    """Load a scenario file and run every rule; diagnostics come back sorted."""
    from .rules import run_rules

    content, diags = load_file(path)
    if content is not None:
        diags = diags + list(run_rules(content))
    return content, sorted(set(diags))
