"""Narration: the game read aloud (see docs/voice.md).

    narrator, status = narrator_for(locale, access, content)

gives the narrator for a language and the player's accessibility settings (None when
narration is off or no voice can read the language) and a line for the settings menu. The
app gives the narrator every event the scenes show (`on_show`), F2 asks it to `repeat()`,
and quitting `stop()`s it.
"""

from .backends import VOICE_DIR, Backend, RecordingBackend, Spoken
from .lines import Line, Part
from .narrator import Narrator, narrator_for

__all__ = [
    "VOICE_DIR",
    "Backend",
    "Line",
    "Narrator",
    "Part",
    "RecordingBackend",
    "Spoken",
    "narrator_for",
]
