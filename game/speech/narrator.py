"""The narrator: reads the game aloud without ever holding up a frame.

`on_show(kind, data)` runs on the game's thread and only puts the event in a queue (a new
screen, or the player moving on, first drops what is still to say). A worker thread turns
events into lines (game/speech/lines.py) and speaks them, one after the other, with the
first backend that can say each line (game/speech/backends.py).
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..i18n import N_, _
from ..log import warn_once
from .backends import (
    VOICE_DIR,
    Backend,
    Espeak,
    RecordedVoice,
    Sapi,
    ScreenReader,
    SpeechDispatcher,
    sapi_voice_for,
    sapi_voices,
)
from .lines import INTERRUPTS, Index, Line, Reader

POLL = 0.02  # seconds between looks at the line being spoken

LANGUAGE_NAMES = {"en": N_("English"), "pt_BR": N_("Portuguese"), "th": N_("Thai")}


class Narrator:
    """Reads the game aloud in one language. `backends`, best first, say the lines; the
    speed and loudness are read from `access` (game/session.py's Access) at each line, so
    the settings menu changes them without making another narrator. `content` is the
    content in this language (or a function that gives it), for the ids of recorded lines.
    With `threaded=False` nothing runs by itself: `pump()` does the worker's part (tests)."""

    def __init__(
        self,
        backends: Sequence[Backend],
        locale: str,
        *,
        access: Any = None,
        content: Any = None,
        status: str = "",
        threaded: bool = True,
    ) -> None:
        self.backends = list(backends)
        self.locale = locale
        self.access = access
        self.status = status
        self._content = content
        self._reader: Reader | None = None
        self._cond = threading.Condition()
        # Shared with the worker, under self._cond:
        self._events: deque[tuple[str, dict, int, int]] = deque()
        self._generation = 0  # one more at each new screen or move on
        self._cancel = False
        self._repeat = False
        self._closing = False
        self._count = 0  # events seen
        # The worker's own:
        self._lines: deque[tuple[Line, int]] = deque()
        self._read: dict[int, list[Line]] = {}  # event -> its lines, from the one said last
        self._last: list[Line] = []  # the lines of the event a line was last said of
        self._speaking: Backend | None = None
        self._used: Backend | None = None  # the backend of the last line started
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="narrator")
            self._thread.start()

    # -- the game's thread: queue only --------------------------------------------------
    def on_show(self, kind: str, data: dict) -> None:
        """A scene showed something: queue it (and drop what the player has left)."""
        with self._cond:
            if self._closing:
                return
            if kind in INTERRUPTS:
                self._interrupt()
            self._count += 1
            self._events.append((kind, dict(data), self._count, self._generation))
            self._cond.notify()

    def repeat(self) -> None:
        """Say again, from its start, what was being said or said last (a message, or the
        question with its options); then go on with what was still to say."""
        with self._cond:
            if self._closing:
                return
            self._repeat = True
            self._cond.notify()

    def stop(self) -> None:
        """Stop speaking and end the worker (when the game ends or narration is turned off).
        Does not wait: the worker stops the voice within a few hundredths of a second."""
        with self._cond:
            self._closing = True
            self._interrupt()
            self._cond.notify()
        if self._thread is None:
            self._finish()

    def _interrupt(self) -> None:
        self._generation += 1
        self._events.clear()
        self._cancel = True
        self._repeat = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the worker ---------------------------------------------------------------------
    def _run(self) -> None:
        main = threading.main_thread()
        self._make_reader()  # now, rather than at the first event
        while True:
            with self._cond:
                if self._closing or not main.is_alive():
                    break
                idle = not (
                    self._events or self._lines or self._cancel or self._repeat or self._speaking
                )
                self._cond.wait(timeout=0.25 if idle else POLL)
                if self._closing:
                    break
            self.pump()
        self._finish()

    def _finish(self) -> None:
        for backend in self.backends:
            try:
                backend.close()
            except Exception as exc:
                warn_once(f"voice-close:{backend.name}", f"{backend.name}: {exc}")
        self._speaking = None

    @property
    def reader(self) -> Reader:
        return self._reader or self._make_reader()

    def _make_reader(self) -> Reader:
        """The reader, with the index of the language's words (a few milliseconds)."""
        if self._reader is None:
            try:
                content = self._content() if callable(self._content) else self._content
            except Exception as exc:
                warn_once("narration:content", f"narration reads no story words: {exc}")
                content = None
            self._reader = Reader(Index(self.locale, content))
        return self._reader

    def pump(self) -> None:
        """One step: read the new events, drop what the player left, and start the next
        line when the one before has ended."""
        with self._cond:
            cancel, self._cancel = self._cancel, False
            repeat, self._repeat = self._repeat, False
            events = list(self._events)
            self._events.clear()
            generation = self._generation
        if cancel:
            if self._used is not None:
                self._used.cancel()
            self._speaking = None
            self._lines.clear()
        for kind, data, count, made in events:
            if made != generation:
                continue
            lines = self._lines_of(kind, data, count)
            self._read[count] = lines
            self._lines.extend((line, made) for line in lines)
        if repeat and self._last:
            if self._speaking is not None:
                self._speaking.cancel()
                self._speaking = None
            event = self._last[0].event
            rest = [(line, made) for line, made in self._lines if line.event != event]
            self._lines = deque([*((line, generation) for line in self._last), *rest])
        if self._speaking is not None:
            if self._speaking.busy():
                return
            self._speaking = None
        while self._lines:
            line, made = self._lines.popleft()
            with self._cond:
                if made != self._generation:
                    continue
            if line.event in self._read:  # what F2 repeats from now on
                self._last = self._read[line.event]
                self._read = {e: v for e, v in self._read.items() if e >= line.event}
            backend = self._say(line)
            if backend is not None and backend.busy():
                self._speaking = backend
                return

    def _lines_of(self, kind: str, data: dict, count: int) -> list[Line]:
        try:
            return self.reader.read(kind, data, count)
        except Exception as exc:  # an event of an unexpected shape: say nothing of it
            warn_once(f"narration:{kind}", f"narration cannot read a '{kind}' screen: {exc}")
            return []

    def _say(self, line: Line) -> Backend | None:
        rate = getattr(self.access, "speech_rate", "normal")
        volume = getattr(self.access, "voice_volume", 100)
        for backend in self.backends:
            if backend.broken or not backend.can_say(line):
                continue
            try:
                said = backend.say(line, rate, volume)
            except Exception as exc:
                backend.broken = True
                warn_once(f"voice:{backend.name}", f"{backend.name} cannot speak: {exc}")
                said = False
            if said:
                self._used = backend
                return backend
        return None


# -- choosing the voice -------------------------------------------------------------------
def system_voices(locale: str, screen_reader: bool = False) -> list[Backend]:
    """The operating system's voices (or screen reader) that can speak the locale, best
    first; none for Thai on Linux (espeak-ng's Thai cannot be understood)."""
    if sys.platform == "win32":
        if screen_reader:
            reader = ScreenReader.running()
            return [reader] if reader is not None else []
        found = sapi_voices()
        voices = {}
        for code in (locale, "en", "pt_BR", "th"):  # the language screen names each one
            voice = sapi_voice_for(code, found)
            if voice is not None:
                voices[code] = voice
        return [Sapi(voices)] if locale in voices else []
    out: list[Backend] = []
    if SpeechDispatcher.found() and locale in SpeechDispatcher.LANGUAGES:
        out.append(SpeechDispatcher())
    if screen_reader:
        return out  # on Linux, a screen reader speaks through speech-dispatcher
    if Espeak.found() and locale in Espeak.LANGUAGES:
        out.append(Espeak())
    return out


def narrator_for(
    locale: str,
    access,
    content=None,
    *,
    voice_dir: Path | str | None = None,
    threaded: bool = True,
    extra: Sequence[Backend] = (),
) -> tuple[Narrator | None, str]:
    """The narrator for a language and the player's settings, and one line saying which
    voice reads (or why none does), in the game's current language. None when narration
    is off or nothing on this computer can read this language. `content` is the content in
    that language (or a function giving it); `extra` backends come last (tests)."""
    if not getattr(access, "narration", False):
        return None, _("Narration is off")
    language = _(LANGUAGE_NAMES.get(locale, locale))
    if getattr(access, "speech_output", "voice") == "screen_reader":
        backends = [*system_voices(locale, screen_reader=True), *extra]
        if not backends:
            return None, _("No screen reader found on this computer")
    else:
        voices = [*system_voices(locale), *extra]
        recorded = RecordedVoice(voice_dir or VOICE_DIR, locale, partial=not voices)
        backends = ([recorded] if recorded.has_files() else []) + voices
        if not backends:
            return None, _("No voice for {language} on this computer").format(language=language)
    names = ", ".join(_(b.name) if isinstance(b, RecordedVoice) else b.name for b in backends)
    status = _("Voice: {name}").format(name=names)
    narrator = Narrator(
        backends, locale, access=access, content=content, status=status, threaded=threaded
    )
    return narrator, status
