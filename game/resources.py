"""Where the game finds its own files: the story file, the catalogs, fonts, sounds, images
and region data. Every other module asks this one; none computes a path of its own.

An installed game (a wheel, or the one-folder build for PCs without Python) carries its
files inside the `game` package, in `game/bundled/`, where the build puts them (see
`setup.py` and `tools/build_app.py`). A source checkout keeps them in the repository's
top-level folders: `scenarios.yaml`, `assets/`, `locales/`. The layout under both is the
same, so the rest of the game never knows which one it runs from.
"""

from __future__ import annotations

import os
from pathlib import Path

# The package folder. Every way the game is installed (a wheel, an editable install, the
# one-folder build) keeps the package as real files, which is what importlib.resources'
# files("game") would give too; asking it costs 3 ms at every start (it imports zipfile).
PACKAGE = Path(__file__).resolve().parent
BUNDLED = PACKAGE / "bundled"


def _base() -> Path:
    if (BUNDLED / "scenarios.yaml").is_file():
        return BUNDLED
    return PACKAGE.parent  # a source checkout: the repository's top-level folders


BASE = _base()
INSTALLED = BASE == BUNDLED
SCENARIOS_FILE = BASE / "scenarios.yaml"
ASSETS = BASE / "assets"
FONTS = ASSETS / "fonts"
SOUNDS = ASSETS / "sounds"
IMAGES = ASSETS / "images"
LOCALES = BASE / "locales"
REGIONS = PACKAGE / "data" / "regions.yaml"

CACHE_ENV = "NET_HEROES_CACHE_DIR"  # another folder for the caches (tests, portable installs)


def cache_folder() -> Path:
    """The user's cache folder: the story cache and the read catalogs. Only ever a speed-up;
    the game runs the same without it."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs  # only when there is no override: it costs an import at start

    return Path(platformdirs.user_cache_dir("net-heroes", appauthor=False))


def write_atomically(where: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (a killed write leaves no half file); False,
    and nothing written, when the folder cannot be made or written."""
    import tempfile  # only when writing: it costs an import at start

    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".part-", dir=where.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(temp, where)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return False
    return True
