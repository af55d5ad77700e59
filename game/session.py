"""The session: what the game holds about the player at the keyboard, declared in one place.

The app keeps one Session; the scenes read it (the menu's page and age band, the stories
done, the language) and a kiosk clears it for the next player. Nothing in it names a
player: it lives only while the game runs, and only the language is remembered on the
computer (game/settings.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from . import assess
from .theme import TEXT_SCALES

TEXT_SIZES = tuple(TEXT_SCALES)  # normal, large, larger
SPEECH_RATES = ("slow", "normal", "fast")
SPEECH_OUTPUTS = ("voice", "screen_reader")  # the game's own voice, or a running reader


@dataclass
class Access:
    """What a player sets on the accessibility menu; remembered on the computer (a kiosk
    forgets it between players, except what the operator file fixes)."""

    text_size: str = "normal"
    high_contrast: bool = False  # dark text on light cards, strong edges
    reduced_motion: bool = False  # no floating bubbles, confetti or shakes
    narration: bool = False  # read the game aloud
    speech_rate: str = "normal"
    speech_output: str = "voice"
    effects_volume: int = 100  # percent
    voice_volume: int = 100  # percent

    CHOICES = {
        "text_size": TEXT_SIZES,
        "speech_rate": SPEECH_RATES,
        "speech_output": SPEECH_OUTPUTS,
    }

    @classmethod
    def from_dict(cls, data) -> tuple[Access, list[str]]:
        """The settings in `data` (a remembered or hand-edited file), with the default for
        each value that is missing or wrong, and a problem for each wrong one."""
        found, problems = cls(), []
        if not isinstance(data, dict):
            return found, ([f"not a table of settings: {data!r}"] if data is not None else [])
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(found, f.name)
            if f.name in cls.CHOICES:
                ok = value in cls.CHOICES[f.name]
            elif isinstance(default, bool):
                ok = isinstance(value, bool)
            else:
                ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100
            if ok:
                setattr(found, f.name, value)
            else:
                problems.append(f"{f.name}: {value!r} is not a value it can have")
        return found, problems

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Session:
    locale: str = "en"  # the language every word on screen is in
    group: str = ""  # the label outcomes are filed under (a class, a LAN house); '' for none
    sound: bool = True  # the operator's switch for every sound
    access: Access = field(default_factory=Access)  # the player's accessibility settings
    fixed: dict = field(default_factory=dict)  # the settings the operator file fixes
    age_band: str = ""  # the age band picked on the menu ('' for every story)
    menu_page: int = 0  # the page of the story menu the player was last on
    done: set[str] = field(default_factory=set)  # the stories played to the end
    # The order answers and choices appear in, one per player (see game/assess.py).
    order_seed: int = field(default_factory=assess.new_seed)

    def next_player(self) -> None:
        """Forget everything of the player before: the stories they played, the age band
        and menu page they picked, the order their answers came in and their settings."""
        self.done.clear()
        self.age_band = ""
        self.menu_page = 0
        self.order_seed = assess.new_seed()
        self.access = Access(**self.fixed)  # the defaults, but what the operator fixed
