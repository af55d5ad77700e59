"""The story cache: a checked story model kept between starts, so that a start reads one
small file instead of parsing and checking the YAML again (3 ms against about 30 ms for
the eighteen stories), and the first frame does not even wait for that.

The cache lives in the user's cache folder (platformdirs; NET_HEROES_CACHE_DIR names
another one). Each checked story has two files named by a key made from the story file's
bytes, the path its diagnostics name, the game's version and the Python version, so an
edited file, a new game or a new Python never reads an old model:
- `story-<key>.diags`: its diagnostics (an empty list for a clean file), read at start;
- `story-<key>.pickle`: the model and the diagnostics, read when the model is first used.
A missing, stale, corrupt or unwritable cache is ignored and rebuilt: the cache only ever
saves time and is never required. Only a model that checks without errors is kept, with
its warnings, which are printed as before. (The folder is the player's own; like the
settings, it is trusted.)

`python -m game check` never uses the cache: authors always get a full check.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..resources import CACHE_ENV, cache_folder, write_atomically
from .basics import collector_paused, version_mark

# Imported where used, like pickle and tempfile (milliseconds of import on top of this
# module's, best of 5 runs): a start whose story is cached draws its first frame without them.
#   game.content.model 14 ms; game.content.diagnostics 8 ms; the checker, game.content 25 ms
#   with game.content.load and PyYAML
if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .model import Content

ENV = CACHE_ENV
FORMAT = 3  # raise when the model's classes change shape within one version
KEEP = 8  # stories kept; older ones are removed when a new one is written
PREFIX = "story-"
folder = cache_folder


def key(raw: bytes, shown: str) -> str:
    """A change detector, not a security measure: two checksums of the bytes, their length,
    and what else decides what a model looks like. (zlib is already loaded; hashlib would
    cost 2 ms at every start.)"""
    head = "\0".join((str(FORMAT), __version__, sys.implementation.cache_tag or "", shown))
    data = head.encode("utf-8") + b"\0" + raw
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(raw):x}"


class Story:
    """A checked story file: its diagnostics, and its model when first asked for.

    `diags` is None while the file is not checked yet (see `story(defer=True)`); reading
    `content` checks it then."""

    def __init__(
        self,
        diags: list[Diagnostic] | None,
        content: Content | None = None,
        load=None,
        raw: bytes | None = None,
    ) -> None:
        self.diags = diags
        self._content = content
        self._load = load  # gives (content, diagnostics)
        self._raw = raw  # the file's bytes, for the version before the model is read
        self._version: str | None = None

    @property
    def version(self) -> str:
        """The content version outcomes are recorded with, worked out when first asked."""
        if self._content is not None:
            return self._content.version
        if self._version is None:
            self._version = _version(self._raw) if self._raw is not None else ""
        return self._version

    @property
    def content(self) -> Content | None:
        if self._content is None and self._load is not None:
            (self._content, diags), self._load = self._load(), None
            if self.diags is None:
                self.diags = diags
        return self._content

    def check(self) -> list[Diagnostic]:
        """The diagnostics, checking the file now if that was put off."""
        if self.diags is None:
            self.content  # noqa: B018 (reading it checks the file)
        return self.diags or []


def story(path, defer: bool = False) -> Story:
    """The story file at `path`, checked: from the cache when it has not changed, so that
    only its diagnostics are read now and its model when first used. With `defer`, a file
    that is not in the cache is checked when first used too (`Story.check()`), so that a
    game can show its title first."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError:
        from . import check_file

        content, diags = check_file(path)  # says why the file cannot be read
        return Story(diags, content)
    base = folder() / f"{PREFIX}{key(raw, shown)}"
    diags = _read_diagnostics(base.with_suffix(".diags"))
    if diags is not None and base.with_suffix(".pickle").is_file():
        return Story(diags, load=lambda: _model(base, raw, shown), raw=raw)
    if defer:
        return Story(None, load=lambda: _check_and_keep(base, raw, shown), raw=raw)
    content, diags = _check_and_keep(base, raw, shown)
    return Story(diags, content)


def _version(raw: bytes) -> str:
    try:
        return version_mark(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ""  # the check will say so


def checked(path) -> tuple[Content | None, list[Diagnostic]]:
    """What check_file(path) gives, from the cache when the file has not changed."""
    found = story(path)
    return found.content, found.check()


def _model(base: Path, raw: bytes, shown: str):
    found = _read(base.with_suffix(".pickle"), _is_entry)
    if found is not None:
        return found
    return _check_and_keep(base, raw, shown)  # the file went away or was damaged


def _check_and_keep(base: Path, raw: bytes, shown: str):
    from . import check_bytes

    content, diags = check_bytes(raw, shown)
    if content is not None and not any(d.is_error for d in diags):
        _write(base.with_suffix(".pickle"), (content, diags))
        _write(base.with_suffix(".diags"), diags)  # second: it says the model is there
    return content, diags


def _is_diagnostics(value) -> bool:
    if not isinstance(value, list):
        return False
    if not value:
        return True
    from .diagnostics import Diagnostic

    return all(isinstance(d, Diagnostic) for d in value)


def _is_entry(value) -> bool:
    from .model import Content

    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], Content)
        and _is_diagnostics(value[1])
    )


def _read_diagnostics(where: Path):
    """The diagnostics kept for a story; an empty file is a clean story (the common case
    needs no unpickling, so the first frame does not wait for pickle)."""
    try:
        if where.stat().st_size == 0:
            return []
    except OSError:
        return None
    return _read(where, _is_diagnostics)


def _read(where: Path, valid):
    try:
        data = where.read_bytes()
    except OSError:
        return None
    import pickle

    try:
        with collector_paused():
            value = pickle.loads(data)
    except Exception:  # a damaged or foreign file: rebuilt by the caller
        return None
    return value if valid(value) else None


def _write(where: Path, value) -> None:
    """Keep a value in the cache; any failure is ignored."""
    import pickle

    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) if value != [] else b""
    except (pickle.PicklingError, RecursionError):
        return
    if write_atomically(where, data):
        try:
            _prune(where.parent, keep=where.stem)
        except OSError:
            pass


def _prune(cache: Path, keep: str) -> None:
    """Keep the newest KEEP stories (both files of each)."""
    files = sorted(cache.glob(f"{PREFIX}*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in files if p.stem != keep][KEEP - 1 :]:
        for suffix in (".pickle", ".diags"):
            try:
                old.with_suffix(suffix).unlink()
            except OSError:
                pass
