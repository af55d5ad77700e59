"""What the operator settings file may say: its keys, limits and diagnostic codes, and the
settings themselves (`Operator`). Read by game/operator_settings.py and by the checker,
game/operator_check.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .theme import TEXT_SCALES

FILE_NAME = "operator.yaml"
IDLE_MIN, IDLE_MAX, IDLE_DEFAULT = 20, 3600, 90
GROUP_MAX = 40
GROUP_PATTERN = re.compile(r"[^\W_]|[ _-]")  # letters and digits of any script, space, - and _

# Codes (documented in docs/educators.md).
SYNTAX = "O001"  # the YAML cannot be read
NOT_MAPPING = "O002"  # the file is not a list of `key: value` lines
UNKNOWN = "O003"  # a key the game does not know
WRONG_TYPE = "O004"  # e.g. text where true/false is needed
OUT_OF_RANGE = "O005"  # a value the game does not accept
DUPLICATE = "O006"  # the same key twice
UNREADABLE = "O007"  # the file is missing or cannot be read

KEYS = (
    "language",
    "kiosk",
    "idle_seconds",
    "sound",
    "group",
    "text_size",
    "high_contrast",
    "reduced_motion",
    "narration",
    "lrs",
)
# The `lrs:` section: where the outcomes are sent (game/outcomes/sync.py, docs/lrs.md).
LRS_KEYS = ("url", "credentials_file", "sync_after_story", "sync_at_start", "allow_http")
# The player's settings an operator may fix (game/session.py Access): a kiosk keeps them for
# every player, and the settings menu shows them locked.
FIXABLE = ("text_size", "high_contrast", "reduced_motion", "narration")
TEXT_SIZES = tuple(TEXT_SCALES)  # normal, large, larger


@dataclass(frozen=True)
class Lrs:
    """The operator file's `lrs:` section. `credentials_file` is as found in the file,
    relative to the operator file's folder when it is not absolute (`credentials_path`)."""

    url: str
    credentials_file: str
    sync_after_story: bool = True
    sync_at_start: bool = True
    allow_http: bool = False
    base: str = ""  # the operator file's folder

    @property
    def credentials_path(self) -> str:
        return str(Path(self.base) / self.credentials_file)  # an absolute path stays


@dataclass(frozen=True)
class Operator:
    language: str = ""  # '' keeps the player's own choice
    kiosk: bool = False
    idle_seconds: int = IDLE_DEFAULT
    sound: bool = True
    group: str = ""
    # None (or '' for the text size): the player's own choice on the settings menu.
    text_size: str = ""
    high_contrast: bool | None = None
    reduced_motion: bool | None = None
    narration: bool | None = None
    lrs: Lrs | None = None  # where the outcomes are sent; None: nowhere

    def fixed(self) -> dict:
        """The player's settings this file fixes, as {Access field: value}."""
        found = {key: getattr(self, key) for key in FIXABLE}
        return {key: value for key, value in found.items() if value not in (None, "")}
