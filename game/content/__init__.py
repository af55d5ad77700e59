"""Content: scenarios.yaml -> model objects with locations -> diagnostics."""

from .basics import collector_paused, version_mark

__all__ = [
    "Content",
    "Diagnostic",
    "Scenario",
    "check_bytes",
    "check_file",
    "collector_paused",
    "load_file",
    "load_text",
    "version_mark",
]

# Imported where used (milliseconds of import on top of this module's, best of 5 runs): a
# start that finds its story in the cache (game/content/cache.py) draws its first frame
# without PyYAML, the rules or the model classes.
#   game.content.load 27 ms, with PyYAML; game.content.rules 19 ms;
#   game.content.model 17 ms; game.content.diagnostics 11 ms


def __getattr__(name: str):
    if name in ("Content", "Scenario"):
        from . import model

        return getattr(model, name)
    if name == "Diagnostic":
        from .diagnostics import Diagnostic

        return Diagnostic
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_file(path):
    from .load import load_file as load

    return load(path)


def load_text(text: str, path: str = "scenarios.yaml"):
    from .load import load_text as load

    return load(text, path)


def check_file(path):
    """Load a scenario file and run every rule; diagnostics come back sorted."""
    return _checked(load_file(path))


def check_bytes(raw: bytes, shown: str):
    """check_file for a file already read; `shown` is the path diagnostics name."""
    from .load import load_bytes

    return _checked(load_bytes(raw, shown))


def _checked(loaded):
    from .rules import run_rules

    content, diags = loaded
    if content is not None:
        with collector_paused():
            diags = diags + list(run_rules(content))
    return content, sorted(set(diags))
