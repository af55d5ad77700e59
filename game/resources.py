"""Where the game finds its own files: the story file, the catalogs, fonts, sounds, images
and region data. Every other module asks this one; none computes a path of its own.

An installed game (a wheel, or the one-folder build for PCs without Python) carries its
files inside the `game` package, in `game/bundled/`, where the build puts them (see
`setup.py` and `tools/build_app.py`). A source checkout keeps them in the repository's
top-level folders: `scenarios.yaml`, `assets/`, `locales/`. The layout under both is the
same, so the rest of the game never knows which one it runs from.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("game")))
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
