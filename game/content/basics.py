"""Small pieces the loader, the checker and the story cache share (no PyYAML, no model)."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def version_mark(text: str) -> str:
    """The content version outcomes are recorded with: a checksum of the text and its length
    (a version mark, not a security measure)."""
    import zlib

    return f"{zlib.crc32(text.encode('utf-8')):08x}-{len(text)}"


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
