"""The voice script: every line narration can read in a language that has no recording yet,
for a voice actor to read from (`python -m game voice script`, docs/voice.md).

One row a text: a recording serves every place the same text is shown, so a text that is
said in several places is listed once, under its first id, and counts as recorded when a
file exists under any of its ids.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import NamedTuple

from .. import i18n
from ..content.model import SYSTEM_SPEAKER, Content
from ..content.strings import iter_strings, localize
from .lines import (
    GAME_NAME,
    NUMBERS,
    READ_FIELDS,
    SCREEN_WORDS,
    language_id,
    number_id,
    word_id,
)

COLUMNS = ("id", "speaker", "text", "story")
MESSAGE = re.compile(r"^[^/]+/nodes/([^/]+)/messages/(\d+)$")
SAYS = re.compile(r"^[^/]+/nodes/[^/]+/choices/[^/]+/say$")


class Row(NamedTuple):
    id: str
    speaker: str  # who says it ('' for the narrator's voice)
    text: str
    story: str  # the story's title ('' for the game's own screens)


def all_rows(content: Content | None, locale: str) -> list[Row]:
    """Every line narration can read in `locale`, in the order a player meets them: the
    game's screens first, then each story's (`content` in English, as the file has it)."""
    words = i18n.catalog(locale)
    rows = [Row(language_id(locale), "", dict(i18n.LANGUAGES)[locale], "")]
    rows.append(Row(word_id(GAME_NAME), "", GAME_NAME, ""))
    rows += [Row(word_id(m), "", words.gettext(m), "") for m in SCREEN_WORDS]
    rows += [Row(number_id(n), "", str(n), "") for n in NUMBERS]
    if content is None:
        return rows
    local = content if locale == i18n.SOURCE else localize(content, words.pgettext)
    scenarios = {s.id: s for s in local.scenarios}
    for entry in iter_strings(local):
        if entry.field not in READ_FIELDS:
            continue
        scenario = scenarios[entry.context.split("/", 1)[0]]
        speaker = ""
        found = MESSAGE.match(entry.context)
        if found:
            message = scenario.nodes[found.group(1)].messages[int(found.group(2)) - 1]
            if message.speaker != SYSTEM_SPEAKER:
                speaker = scenario.speaker_name(message.speaker)
        elif SAYS.match(entry.context):
            speaker = scenario.speaker_name(scenario.player)
        rows.append(Row(entry.context, speaker, entry.text, scenario.title))
    return rows


def to_record(content: Content | None, locale: str, voice_dir: Path | str) -> list[Row]:
    """The rows with no recording in `<voice_dir>/<locale>/`, one a text."""
    rows = all_rows(content, locale)
    ids_of: dict[str, list[str]] = {}
    for row in rows:
        ids_of.setdefault(row.text, []).append(row.id)
    folder = Path(voice_dir) / locale
    out, seen = [], set()
    for row in rows:
        if row.text in seen:
            continue
        seen.add(row.text)
        if not any((folder / f"{id}.ogg").is_file() for id in ids_of[row.text]):
            out.append(row)
    return out


def csv_text(rows: list[Row]) -> str:
    """The rows as CSV (with its header), for `write_csv`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(rows: list[Row], path: Path | str) -> None:
    """UTF-8 with a byte order mark, so that a spreadsheet on Windows shows Thai right.
    Raises OSError when the file cannot be written."""
    Path(path).write_text(csv_text(rows), encoding="utf-8-sig", newline="")
