"""Content: scenarios.yaml -> model objects with locations -> diagnostics."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "Content",
    "Diagnostic",
    "Scenario",
    "check_bytes",
    "check_file",
    "load_file",
    "load_text",
]

# The model, the loader and the rules are imported when first used: a start that finds its
# story in the cache (game/content/cache.py) draws its first frame without PyYAML, the
# rules or the model classes (about 20 ms; bench/run.py).


def __getattr__(name: str):
    if name in ("Content", "Scenario"):
        from . import model

        return getattr(model, name)
    if name == "Diagnostic":
        from .diagnostics import Diagnostic

        return Diagnostic
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def version_mark(text: str) -> str:
    """The content version outcomes are recorded with: a checksum of the text and its length
    (a version mark, not a security measure)."""
    import zlib

    return f"{zlib.crc32(text.encode('utf-8')):08x}-{len(text)}"


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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading, checking and unpickling a story make many small objects and no cycles.

    The cyclic garbage collector would rescan them again and again while they are made
    (that doubled the load time of large files), and once it is enabled again, the first
    young collection would scan them all at once (another third). So it is paused, and
    afterwards everything is moved to the oldest generation without a scan (freeze, then
    unfreeze): a later full collection still finds any garbage, none is kept for ever.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
