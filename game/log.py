"""Warnings for the person at the keyboard: one line each, printed once, never a traceback."""

import sys

_seen: set[str] = set()


def warn_once(key: str, message: str) -> bool:
    """Print ``warning: message`` to stderr the first time ``key`` is seen.
    Return whether it was printed."""
    if key in _seen:
        return False
    _seen.add(key)
    print(f"warning: {message}", file=sys.stderr)
    return True


def reset() -> None:
    """Forget which warnings were printed (tests use this)."""
    _seen.clear()
