"""The ways narration can speak, each a small class with the same interface.

Best first: a recorded voice file; the operating system's voice (SAPI on Windows,
speech-dispatcher or espeak-ng on Linux, never espeak-ng for Thai); a screen reader; and,
for tests, a backend that only records what it was asked to say.

A backend is used from the narrator's worker thread only: `say()` starts a line and returns
at once, `busy()` says whether it is still being spoken, `cancel()` stops it. A problem (no
audio device, a broken file, a voice program that fails) is said once and the line is left
unsaid; a backend that cannot work at all marks itself `broken` and the next one is used.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from ..i18n import N_
from ..log import warn_once
from ..resources import ASSETS
from .lines import Line

VOICE_DIR = ASSETS / "voice"  # recorded voices: <folder>/<locale>/<id>.ogg

RATES = ("slow", "normal", "fast")


def has_thai(text: str) -> bool:
    """Whether the text has Thai letters (which no voice but a Thai one may read)."""
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


class Backend:
    """Says lines. Subclasses override what they need."""

    name = ""
    broken = False  # it failed in a way that will not get better: the next one is used

    def can_say(self, line: Line) -> bool:
        return True

    def say(self, line: Line, rate: str, volume: int) -> bool:
        """Start saying the line; False when this backend cannot say it after all."""
        raise NotImplementedError

    def busy(self) -> bool:
        return False

    def cancel(self) -> None:
        """Stop the line being said, at once."""

    def close(self) -> None:
        self.cancel()


class Spoken(NamedTuple):
    text: str
    locale: str
    rate: str


class RecordingBackend(Backend):
    """Keeps what it was asked to say, in order, as (text, locale, rate); for tests. Each
    line lasts `seconds_per_char` a character by `clock`, so that a later line can cut it."""

    name = "recording"

    def __init__(
        self,
        seconds_per_char: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        locales: tuple[str, ...] | None = None,
    ) -> None:
        self.seconds_per_char = seconds_per_char
        self.clock = clock
        self.locales = locales
        self.spoken: list[Spoken] = []
        self.lines: list[Line] = []
        self.cut: list[str] = []  # lines stopped before their end
        self._until = 0.0

    def can_say(self, line: Line) -> bool:
        return self.locales is None or line.locale in self.locales

    def say(self, line: Line, rate: str, volume: int) -> bool:
        self.spoken.append(Spoken(line.text, line.locale, rate))
        self.lines.append(line)
        self._until = self.clock() + self.seconds_per_char * len(line.text)
        return True

    def busy(self) -> bool:
        return self.clock() < self._until

    def cancel(self) -> None:
        if self.busy() and self.spoken:
            self.cut.append(self.spoken[-1].text)
        self._until = 0.0

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.spoken]


# -- recorded voice files -----------------------------------------------------------------
class RecordedVoice(Backend):
    """Plays `<folder>/<locale>/<id>.ogg` through pygame's mixer, on a channel of its own
    (the locale is the line's: the language screen names each language in its own). A line
    is played when each of its parts has a file; with `partial` (no other voice for the
    language) the parts that have one are played."""

    name = N_("recorded voice")  # translated in the status line

    def __init__(self, folder: Path | str, locale: str, partial: bool = False) -> None:
        self.root = Path(folder)
        self.locale = locale
        self.partial = partial
        self._found: dict[tuple[str, str], Path | None] = {}
        self._channel: Any = None
        self._queue: list[Any] = []
        self._mixer: bool | None = None

    def has_files(self) -> bool:
        folder = self.root / self.locale
        return folder.is_dir() and next(folder.rglob("*.ogg"), None) is not None

    def path(self, ids: tuple[str, ...], locale: str) -> Path | None:
        for id in ids:
            if (locale, id) not in self._found:
                path = self.root / locale / f"{id}.ogg"
                self._found[locale, id] = path if path.is_file() else None
            found = self._found[locale, id]
            if found is not None:
                return found
        return None

    def can_say(self, line: Line) -> bool:
        found = [self.path(p.ids, line.locale) is not None for p in line.parts]
        return any(found) if self.partial else all(found)

    def _start_mixer(self) -> bool:
        if self._mixer is None:
            import pygame

            try:
                if not pygame.mixer.get_init():
                    pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
                pygame.mixer.set_reserved(1)  # channel 0: the voice; effects use the others
                self._channel = pygame.mixer.Channel(0)
                self._mixer = True
            except (pygame.error, OSError, NotImplementedError) as exc:
                self._mixer = False
                self.broken = True
                warn_once("voice-device", f"no sound device for the recorded voice: {exc}")
        return bool(self._mixer)

    def _load(self, id_path: Path) -> Any:
        import pygame

        try:
            return pygame.mixer.Sound(str(id_path))
        except (pygame.error, OSError) as exc:
            warn_once(f"voice-file:{id_path}", f"voice file {id_path} cannot be played: {exc}")
            for key, path in self._found.items():
                if path == id_path:
                    self._found[key] = None  # not tried again
            return None

    def say(self, line: Line, rate: str, volume: int) -> bool:
        if not self._start_mixer():
            return False
        paths = [self.path(p.ids, line.locale) for p in line.parts]
        if not self.partial and None in paths:
            return False
        sounds = [self._load(p) for p in paths if p is not None]
        if not sounds or (None in sounds and not self.partial):
            return False
        self._queue = [s for s in sounds if s is not None]
        self._channel.set_volume(max(0, min(100, volume)) / 100)
        self._channel.play(self._queue.pop(0))
        return True

    def busy(self) -> bool:
        if self._channel is None:
            return False
        if self._channel.get_busy():
            return True
        if self._queue:
            self._channel.play(self._queue.pop(0))
            return True
        return False

    def cancel(self) -> None:
        self._queue = []
        if self._channel is not None:
            self._channel.stop()


# -- voices run as programs (Linux) --------------------------------------------------------
class ProgramVoice(Backend):
    """A voice program started for each line and killed when the player moves on."""

    program = ""
    LANGUAGES: dict[str, str] = {}  # locale -> the program's language; Thai is never here

    def __init__(self, out: Path | None = None) -> None:
        self.out = out  # write each line to a numbered WAV file there instead (espeak-ng)
        self._proc: subprocess.Popen | None = None
        self._cancelled = False
        self.said = 0

    @classmethod
    def found(cls) -> bool:
        return shutil.which(cls.program) is not None

    def can_say(self, line: Line) -> bool:
        return line.locale in self.LANGUAGES and not has_thai(line.text)

    def command(self, line: Line, rate: str, volume: int) -> list[str]:
        raise NotImplementedError

    def say(self, line: Line, rate: str, volume: int) -> bool:
        self._cancelled = False
        try:
            self._proc = subprocess.Popen(
                self.command(line, rate, volume),
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            self.feed(self._proc, line)
        except OSError as exc:
            self._failed(str(exc))
            return False
        self.said += 1
        return True

    def feed(self, proc: subprocess.Popen, line: Line) -> None:
        assert proc.stdin is not None
        proc.stdin.close()

    def busy(self) -> bool:
        proc = self._proc
        if proc is None:
            return False
        if proc.poll() is None:
            return True
        self._proc = None
        problem = (proc.stderr.read() if proc.stderr else b"").decode("utf-8", "replace")
        if proc.stderr:
            proc.stderr.close()
        lines = [p for p in problem.splitlines() if p.strip()]
        if not self._cancelled and (proc.returncode != 0 or any("error" in p for p in lines)):
            self._failed(lines[-1].strip() if lines else f"exit code {proc.returncode}")
        return False

    def _failed(self, why: str) -> None:
        self.broken = True
        warn_once(
            f"voice:{self.program}",
            f"{self.program} cannot speak ({why}); narration goes on without it",
        )

    def cancel(self) -> None:
        proc = self._proc
        if proc is not None and proc.poll() is None:
            self._cancelled = True
            proc.kill()
            try:
                proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
            self.stopped()
        if proc is not None:
            self.busy()  # collect it

    def stopped(self) -> None:
        """After a line was cut short."""


class Espeak(ProgramVoice):
    """espeak-ng, for English and Brazilian Portuguese (its Thai voice cannot be
    understood, so Thai is never given to it). The text goes in on stdin."""

    name = program = "espeak-ng"
    LANGUAGES = {"en": "en", "pt_BR": "pt-br"}
    WORDS_PER_MINUTE = {"slow": 130, "normal": 160, "fast": 200}

    def command(self, line: Line, rate: str, volume: int) -> list[str]:
        argv = [
            self.program,
            "-v",
            self.LANGUAGES[line.locale],
            "-s",
            str(self.WORDS_PER_MINUTE.get(rate, 160)),
            "-a",
            str(max(0, min(100, volume))),
            "-b",
            "1",  # the text is UTF-8
        ]
        if self.out is not None:
            argv += ["-w", str(self.out / f"{self.said + 1:04d}.wav")]
        return argv

    def feed(self, proc: subprocess.Popen, line: Line) -> None:
        assert proc.stdin is not None
        proc.stdin.write(line.text.encode("utf-8"))
        proc.stdin.close()


class SpeechDispatcher(ProgramVoice):
    """speech-dispatcher through `spd-say`: the desktop's own voice, the one a screen reader
    (Orca) speaks through. Not for Thai, which it would give to espeak-ng."""

    name = "speech-dispatcher"
    program = "spd-say"
    LANGUAGES = {"en": "en", "pt_BR": "pt-BR"}
    RATE = {"slow": -40, "normal": -10, "fast": 30}  # -100..100

    def command(self, line: Line, rate: str, volume: int) -> list[str]:
        loudness = max(0, min(100, volume)) * 2 - 100  # -100..100
        return [
            self.program,
            "--wait",
            "-l",
            self.LANGUAGES[line.locale],
            "-r",
            str(self.RATE.get(rate, -10)),
            "-i",
            str(loudness),
            "--",
            line.text,
        ]

    def stopped(self) -> None:
        try:  # killing spd-say leaves the daemon speaking: stop its message
            subprocess.run([self.program, "-S"], timeout=1, capture_output=True)
        except (OSError, subprocess.TimeoutExpired):
            pass


# -- Windows ------------------------------------------------------------------------------
# Windows language ids (the low 10 bits) of each locale's voices, best first.
WINDOWS_LANGUAGES = {"en": (0x409, 0x809, 0x09), "pt_BR": (0x416, 0x816), "th": (0x41E,)}


def sapi_voices() -> list[tuple[str, str, tuple[int, ...]]]:
    """(token id, name, language ids) of the SAPI voices installed (Windows only; read
    from the registry, as pyttsx3 lists them)."""
    if sys.platform != "win32":
        return []
    import winreg

    base = r"SOFTWARE\Microsoft\Speech\Voices\Tokens"
    found = []
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, base) as tokens:
            for i in range(winreg.QueryInfoKey(tokens)[0]):
                key = winreg.EnumKey(tokens, i)
                try:
                    with winreg.OpenKey(tokens, key + r"\Attributes") as attrs:
                        name = str(winreg.QueryValueEx(attrs, "Name")[0])
                        langs = str(winreg.QueryValueEx(attrs, "Language")[0])
                except OSError:
                    continue
                ids = tuple(int(x, 16) for x in langs.split(";") if x.strip())
                found.append((rf"HKEY_LOCAL_MACHINE\{base}\{key}", name, ids))
    except OSError:
        return []
    return found


def sapi_voice_for(locale: str, voices) -> tuple[str, str] | None:
    """(token id, name) of the best installed voice for the locale, or None."""
    for wanted in WINDOWS_LANGUAGES.get(locale, ()):
        for token, name, ids in voices:
            if any(i == wanted or (wanted < 0x100 and i & 0x3FF == wanted) for i in ids):
                return token, name
    return None


class Sapi(Backend):
    """The Windows voice of the game's language, through pyttsx3 (created on the worker
    thread, driven with its own loop so that a line can be stopped)."""

    RATE = {"slow": 140, "normal": 170, "fast": 210}  # words per minute

    def __init__(self, voices: dict[str, tuple[str, str]]) -> None:
        self.voices = voices  # locale -> (token id, name)
        self.name = "Windows (" + ", ".join(n for _t, n in voices.values()) + ")"
        self._engine: Any = None

    def can_say(self, line: Line) -> bool:
        return line.locale in self.voices

    def say(self, line: Line, rate: str, volume: int) -> bool:
        try:
            if self._engine is None:
                # Windows only, and only when the game's voice speaks there.
                self._engine = importlib.import_module("pyttsx3").init()
                self._engine.startLoop(False)
            engine = self._engine
            engine.setProperty("voice", self.voices[line.locale][0])
            engine.setProperty("rate", self.RATE.get(rate, 170))
            engine.setProperty("volume", max(0, min(100, volume)) / 100)
            engine.say(line.text)
        except Exception as exc:  # any failure of the system's voice
            self.broken = True
            warn_once(
                "voice:sapi",
                f"the Windows voice cannot speak ({exc}); narration goes on without it",
            )
            return False
        return True

    def busy(self) -> bool:
        if self._engine is None:
            return False
        try:
            self._engine.iterate()
            return bool(self._engine.isBusy())
        except Exception:
            return False

    def cancel(self) -> None:
        if self._engine is not None:
            try:
                self._engine.stop()
            except Exception:
                pass

    def close(self) -> None:
        self.cancel()
        if self._engine is not None:
            try:
                self._engine.endLoop()
            except Exception:
                pass
            self._engine = None


SCREEN_READERS = ("NVDA", "JAWS", "Window-Eyes", "System Access", "Dolphin", "PC Talker", "ZDSR")


class ScreenReader(Backend):
    """The running screen reader (NVDA, JAWS, ...) through accessible_output2: it speaks in
    its own voice, language and speed, and queues the lines itself."""

    def __init__(self, output: Any) -> None:
        self.output = output
        self.name = str(getattr(output, "name", "screen reader"))

    @classmethod
    def running(cls) -> ScreenReader | None:
        if sys.platform != "win32":
            return None
        try:
            auto = importlib.import_module("accessible_output2.outputs.auto").Auto()
            for output in auto.outputs:
                if getattr(output, "name", "") in SCREEN_READERS and output.is_active():
                    return cls(output)
        except Exception:  # not installed, or a reader that fails to answer
            return None
        return None

    def say(self, line: Line, rate: str, volume: int) -> bool:
        try:
            self.output.speak(line.text, interrupt=False)
        except Exception as exc:
            self.broken = True
            warn_once(
                "voice:reader",
                f"the screen reader cannot speak ({exc}); narration goes on without it",
            )
            return False
        return True

    def cancel(self) -> None:
        try:
            self.output.silence()
        except Exception:
            pass
