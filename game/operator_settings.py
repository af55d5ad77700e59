"""Operator settings: one small YAML file per machine, written by whoever runs the PCs.

The file lives next to the game's own settings (``operator.yaml`` in the user's config
folder) or anywhere with ``play --config FILE``. It is checked like the scenario file:
every problem is reported with its line and column, and the game does not start until the
file is right. Options on the command line win over the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import settings

# What the file may say lives in operator_values.py, which the checker reads too.
from .operator_values import (  # noqa: F401  (re-exported for callers of this module)
    DUPLICATE,
    FILE_NAME,
    GROUP_MAX,
    GROUP_PATTERN,
    IDLE_DEFAULT,
    IDLE_MAX,
    IDLE_MIN,
    KEYS,
    LRS_KEYS,
    NOT_MAPPING,
    OUT_OF_RANGE,
    SYNTAX,
    TEXT_SIZES,
    UNKNOWN,
    UNREADABLE,
    WRONG_TYPE,
    Lrs,
    Operator,
)

# Imported where used (milliseconds of import on top of this module's, best of 5 runs): most
# PCs have no operator file to check.
#   game.operator_check 15 ms, with PyYAML; game.content.diagnostics 2 ms, when the file
#   cannot be read; game.outcomes.endpoint 1 ms, to describe an lrs section
if TYPE_CHECKING:
    from .content.diagnostics import Diagnostic


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
        f"text {operator.text_size or 'the player’s choice'}"
        + "".join(
            f", {key.replace('_', ' ')} {'on' if value else 'off'}"
            for key, value in operator.fixed().items()
            if key != "text_size"
        )
        + (
            f", outcomes sent to {_shown(operator.lrs.url)}"
            + (" after each story" if operator.lrs.sync_after_story else "")
            + (" and at start" if operator.lrs.sync_at_start else "")
            if operator.lrs is not None
            else ""
        )
    )


def _shown(url: str) -> str:
    from .outcomes.endpoint import shown

    return shown(url)
