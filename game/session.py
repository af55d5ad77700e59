"""The session: what the game holds about the player at the keyboard, declared in one place.

The app keeps one Session; the scenes read it (the menu's page and age band, the stories
done, the language) and a kiosk clears it for the next player. Nothing in it names a
player: it lives only while the game runs, and only the language is remembered on the
computer (game/settings.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import assess


@dataclass
class Session:
    locale: str = "en"  # the language every word on screen is in
    group: str = ""  # the label outcomes are filed under (a class, a LAN house); '' for none
    text_size: str = "normal"  # the operator's text size (theme.TEXT_SCALES)
    sound: bool = True
    age_band: str = ""  # the age band picked on the menu ('' for every story)
    menu_page: int = 0  # the page of the story menu the player was last on
    done: set[str] = field(default_factory=set)  # the stories played to the end
    # The order answers and choices appear in, one per player (see game/assess.py).
    order_seed: int = field(default_factory=assess.new_seed)

    def next_player(self) -> None:
        """Forget everything of the player before: the stories they played, the age band
        and menu page they picked, and the order their answers came in."""
        self.done.clear()
        self.age_band = ""
        self.menu_page = 0
        self.order_seed = assess.new_seed()
