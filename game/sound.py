"""Short sound effects, played from assets/sounds/<name>.wav.

Sound is a nice extra, never a reason to stop: with no audio device the game plays silently,
and a missing or broken file only silences that one sound. Each problem is reported once.

Names the game uses: pop (a message arrives), send (the player sends one), click (a button),
good (a safe choice), think (a risky choice: a gentle "hmm"), ring (an incoming video call),
tada (an ending) and whoosh (a screen change). The files are made by tools/make_sounds.py.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.log import warn_once
from game.resources import SOUNDS

SOUND_DIR = SOUNDS
NAMES = ("pop", "send", "click", "good", "think", "ring", "tada", "whoosh")
VOLUME = 0.8


class Sounds:
    """Plays the game's sound effects; loads each file the first time it is needed."""

    def __init__(self, enabled: bool = True, *, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else SOUND_DIR
        self._enabled = bool(enabled)
        self._mixer: bool | None = None  # None: not tried yet
        self._cache: dict[str, pygame.mixer.Sound | None] = {}
        self.volume = 1.0  # the player's effects volume (0..1), on top of VOLUME
        if self._enabled:
            self._start_mixer()

    # ------------------------------------------------------------------ state

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, on: bool) -> None:
        self._enabled = bool(on)
        if self._enabled:
            self._start_mixer()
        else:
            self.stop()

    def set_volume(self, fraction: float) -> None:
        """The effects' loudness, 0 (silent) to 1 (as made)."""
        self.volume = min(1.0, max(0.0, fraction))
        for sound in self._cache.values():
            if sound is not None:
                sound.set_volume(VOLUME * self.volume)

    @property
    def available(self) -> bool:
        """Whether an audio device could be opened."""
        return bool(self._mixer)

    def _start_mixer(self) -> bool:
        if self._mixer is not None:
            return self._mixer
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
            self._mixer = bool(pygame.mixer.get_init())
        except (pygame.error, OSError, NotImplementedError):
            self._mixer = False
        if not self._mixer:
            warn_once("sound-device", "no sound device; playing silently")
        return self._mixer

    # ------------------------------------------------------------------ playing

    def _load(self, name: str) -> pygame.mixer.Sound | None:
        if name in self._cache:
            return self._cache[name]
        path = self.folder / f"{name}.wav"
        sound = None
        if not path.is_file():
            warn_once(
                f"sound:{name}", f"sound not found: assets/sounds/{name}.wav; playing without it"
            )
        else:
            try:
                sound = pygame.mixer.Sound(str(path))
                sound.set_volume(VOLUME * self.volume)
            except (pygame.error, OSError, ValueError, EOFError):
                warn_once(
                    f"sound:{name}",
                    f"sound unreadable: assets/sounds/{name}.wav; playing without it",
                )
                sound = None
        self._cache[name] = sound
        return sound

    def play(self, name: str, loops: int = 0) -> None:
        """Play a sound by name (``loops=-1`` repeats it until :meth:`stop`)."""
        if not self._enabled or not self._start_mixer():
            return
        sound = self._load(str(name))
        if sound is None:
            return
        try:
            sound.play(loops=loops)
        except (pygame.error, OSError):
            pass

    def stop(self, name: str | None = None) -> None:
        """Stop one sound (e.g. the ring when a call is answered) or all of them."""
        if not self._mixer:
            return
        try:
            if name is None:
                pygame.mixer.stop()
            elif (sound := self._cache.get(name)) is not None:
                sound.stop()
        except (pygame.error, OSError):
            pass
