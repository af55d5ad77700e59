"""Per-machine settings (the chosen language), kept in the user's config folder.

Nothing personal is kept here. A folder that cannot be written is not an error: the game
warns once and goes on with what it has."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from .log import warn_once

ENV = "NET_HEROES_CONFIG_DIR"  # another folder for the settings (tests, portable installs)


def path() -> Path:
    folder = os.environ.get(ENV) or platformdirs.user_config_dir("net-heroes", appauthor=False)
    return Path(folder) / "settings.json"


def load() -> dict:
    try:
        data = json.loads(path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        warn_once("settings:read", f"cannot read the settings ({exc}); using the defaults")
        return {}
    return data if isinstance(data, dict) else {}


def save(**changes) -> None:
    data = {**load(), **changes}
    target = path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        warn_once("settings:write", f"cannot save the settings ({exc}); they last this time")
