"""The story cache: a checked story model kept between starts, so that a start reads one
small file instead of parsing and checking the YAML again (3 ms against about 30 ms for
the twelve stories).

The cache lives in the user's cache folder (platformdirs; NET_HEROES_CACHE_DIR names
another one). One file per story: its name is a hash of the story file's bytes, the path
its diagnostics name, the game's version and the Python version, so an edited file, a new
game or a new Python never reads an old model. A missing, stale, corrupt or unwritable
cache is ignored and rebuilt: the cache only ever saves time and is never required. Only
a model that checks without errors is kept, with its warnings, which are printed as
before. (The folder is the player's own; like the settings, it is trusted.)

`python -m game check` never uses the cache: authors always get a full check.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .. import __version__
from . import check_bytes, check_file
from .diagnostics import Diagnostic, collector_paused
from .model import Content

ENV = "NET_HEROES_CACHE_DIR"
FORMAT = 1  # raise when the model's classes change shape within one version
KEEP = 8  # story files kept; older ones are removed when a new one is written
PREFIX = "story-"


def folder() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    import platformdirs  # only when there is no override: it costs an import at start

    return Path(platformdirs.user_cache_dir("net-heroes", appauthor=False))


def key(raw: bytes, shown: str) -> str:
    digest = hashlib.sha256()
    for part in (str(FORMAT), __version__, sys.implementation.cache_tag or "", shown):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(raw)
    return digest.hexdigest()[:40]


def checked(path) -> tuple[Content | None, list[Diagnostic]]:
    """What check_file(path) gives, from the cache when the file has not changed."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return check_file(path)  # says why the file cannot be read
    where = folder() / f"{PREFIX}{key(raw, shown)}.pickle"
    found = _read(where)
    if found is not None:
        return found
    content, diags = check_bytes(raw, shown)
    if content is not None and not any(d.is_error for d in diags):
        _write(where, (content, diags))
    return content, diags


def _read(where: Path) -> tuple[Content, list[Diagnostic]] | None:
    try:
        data = where.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            value = pickle.loads(data)
    except Exception:  # a damaged or foreign file: rebuilt by the caller
        return None
    if (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Content)
            and isinstance(value[1], list)
            and all(isinstance(d, Diagnostic) for d in value[1])):
        return value
    return None


def _write(where: Path, value) -> None:
    """Write atomically (a killed write leaves no half file); any failure is ignored."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, temp = tempfile.mkstemp(prefix=".story-", dir=where.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(temp, where)
        except BaseException:
            os.unlink(temp)
            raise
        _prune(where.parent, keep=where)
    except (OSError, pickle.PicklingError, RecursionError):
        pass


def _prune(cache: Path, keep: Path) -> None:
    files = sorted(cache.glob(f"{PREFIX}*.pickle"), key=lambda p: p.stat().st_mtime,
                   reverse=True)
    for old in [p for p in files if p != keep][KEEP - 1:]:
        try:
            old.unlink()
        except OSError:
            pass
