"""Operator settings: one small YAML file per machine, written by whoever runs the PCs.

The file lives next to the game's own settings (``operator.yaml`` in the user's config
folder) or anywhere with ``play --config FILE``. It is checked like the scenario file:
every problem is reported with its line and column, and the game does not start until the
file is right. Options on the command line win over the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import settings
from .theme import TEXT_SCALES

# The checker (PyYAML and the diagnostics) is imported only when there is a file to check:
# most PCs have none, and PyYAML alone is 10 ms of every start (game/operator_check.py).
if TYPE_CHECKING:
    from .content.diagnostics import Diagnostic

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

KEYS = ("language", "kiosk", "idle_seconds", "sound", "group", "text_size")
TEXT_SIZES = tuple(TEXT_SCALES)  # normal, large


@dataclass(frozen=True)
class Operator:
    language: str = ""  # '' keeps the player's own choice
    kiosk: bool = False
    idle_seconds: int = IDLE_DEFAULT
    sound: bool = True
    group: str = ""
    text_size: str = "normal"


def default_path() -> Path:
    return settings.path().parent / FILE_NAME


def check_text(text: str, path: str) -> tuple[Operator, list[Diagnostic]]:
    """Read the settings from YAML text; return them (defaults where a value is wrong) and
    the problems found, each located."""
    from .operator_check import check

    return check(text, path)


def load(path=None) -> tuple[Operator, list[Diagnostic], str]:
    """Settings from `path`, or this machine's file when there is one. A missing default
    file means the defaults; a missing file that was asked for is an error."""
    target = Path(path) if path else default_path()
    shown = str(target)
    try:
        text = target.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        if path is None:
            return Operator(), [], shown
        from .content.diagnostics import Diagnostic, Loc

        return Operator(), [Diagnostic.at(Loc(shown, 1, 1), UNREADABLE, "no such file")], shown
    except (OSError, UnicodeDecodeError) as exc:
        from .content.diagnostics import Diagnostic, Loc

        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return (
            Operator(),
            [
                Diagnostic.at(
                    Loc(shown, 1, 1),
                    UNREADABLE,
                    f"cannot read the file: {why}",
                    "save it as UTF-8 text",
                )
            ],
            shown,
        )
    operator, diags = check_text(text, shown)
    return operator, diags, shown


def describe(operator: Operator) -> str:
    """One line for `check --config`: what the file sets."""
    return (
        f"kiosk {'on' if operator.kiosk else 'off'}, idle {operator.idle_seconds} s, "
        f"language {operator.language or 'the player’s choice'}, "
        f"sound {'on' if operator.sound else 'off'}, group {operator.group or '-'}, "
        f"text {operator.text_size}"
    )
