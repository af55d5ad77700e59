"""Kiosk mode, for shared PCs in LAN houses and schools: the game looks after itself.

After a quiet time it asks "Still there?" with a countdown; with no answer, everything of
the player is cleared and an attract screen invites the next child. Only an operator key
combination quits (Ctrl+Shift+Q held for QUIT_HOLD seconds), and an unexpected error goes
back to the title screen instead of leaving a desktop. All time is the App's clock, so
tests step it without waiting. KioskMode is the app's mode (game/modes.py) when the game
starts with `--kiosk` or the operator file's `kiosk: true`.
"""

from __future__ import annotations

import math
import sys
import time
import traceback
from pathlib import Path

import pygame

from scenes.kiosk import AttractScene, StillThereScene
from scenes.title import TitleScene

from .modes import SoloMode
from .outcomes.store import default_data_dir

COUNTDOWN = 15  # seconds of "Still there?" before the next player's turn
QUIT_HOLD = 2.0  # seconds Ctrl+Shift+Q must be held
QUIT_GAP = 0.5  # held keys repeat; a longer gap means they were let go
CRASH_LIMIT, CRASH_WINDOW = 5, 60.0  # this many crashes within this many seconds: give up
CRASH_LOG = "crash.log"
INPUT = (
    pygame.KEYDOWN,
    pygame.KEYUP,
    pygame.MOUSEBUTTONDOWN,
    pygame.MOUSEBUTTONUP,
    pygame.MOUSEMOTION,
    pygame.MOUSEWHEEL,
    pygame.FINGERDOWN,
    pygame.FINGERUP,
    pygame.FINGERMOTION,
    pygame.TEXTINPUT,
)
QUIT_KEYS = (pygame.K_q, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LSHIFT, pygame.K_RSHIFT)

ASK, RESET = "ask", "reset"


class IdleWatch:
    """When to ask "Still there?" and when to give the game to the next player."""

    def __init__(self, idle_seconds: float, countdown: float = COUNTDOWN, now: float = 0.0):
        self.idle_seconds = idle_seconds
        self.countdown = countdown
        self.last = now
        self.asking_since: float | None = None

    @property
    def asking(self) -> bool:
        return self.asking_since is not None

    def touch(self, now: float) -> None:
        """Someone did something: start counting the quiet time again."""
        self.last = now
        self.asking_since = None

    def step(self, now: float) -> str | None:
        """ASK when the quiet time is over, RESET when the countdown is over too."""
        if self.asking_since is None:
            if now - self.last >= self.idle_seconds:
                self.asking_since = now
                return ASK
        elif now - self.asking_since >= self.countdown:
            self.touch(now)
            return RESET
        return None

    def remaining(self, now: float) -> int:
        """Whole seconds of the countdown left, as the screen shows them."""
        if self.asking_since is None:
            return math.ceil(self.countdown)
        return max(0, math.ceil(self.countdown - (now - self.asking_since)))


class KioskMode(SoloMode):
    """Solo play on a shared PC: the idle watch, the operator's way out and the recovery
    from errors. `language` is the operator's language, which each next player starts in
    ('' keeps the last player's); crash logs go to `crash_dir` (the outcomes folder if
    None)."""

    name = "kiosk"
    may_quit = False  # Esc on the title and the window's close button do nothing
    keeps_settings = False  # each player's settings are forgotten for the next one

    def __init__(self, idle_seconds: float = 90, *, language: str = "", crash_dir=None):
        self.idle = IdleWatch(idle_seconds)
        self.language = language
        self.crash_dir = Path(crash_dir) if crash_dir else None
        self.crashes: list[float] = []
        self._quit_held_since: float | None = None
        self._quit_seen = 0.0

    def first_scene(self, app):
        return AttractScene(app)

    # -- the operator's way out ------------------------------------------------------------
    def intercept(self, app, event) -> bool:
        """Ctrl+Shift+Q belongs to the operator; F11 does nothing (the kiosk stays
        fullscreen)."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_q:
            mods = event.mod
            if mods & pygame.KMOD_CTRL and mods & pygame.KMOD_SHIFT:
                if self._quit_held_since is None:
                    self._quit_held_since = app.clock
                self._quit_seen = app.clock
                return True
        if event.type == pygame.KEYUP and event.key in QUIT_KEYS:
            self._quit_held_since = None
        return event.type == pygame.KEYDOWN and event.key == pygame.K_F11

    # -- the next player -------------------------------------------------------------------
    def still_here(self, app) -> None:
        self.idle.touch(app.clock)
        if isinstance(app.top, StillThereScene):
            app.pop()

    def next_player(self, app) -> None:
        """Clear everything of the player before and invite the next one."""
        if app.play is not None:
            app.play.abandon()
            app.play = None
        app.session.next_player()  # the next player sees other answer orders, too
        if self.language and self.language != app.locale:
            app.set_locale(self.language)
        app.recorder.set_age_band("")
        # A new session for the new player: their play is never joined to the one before.
        app.recorder.start_session(
            locale=app.locale,
            content_version=app.content_version,
            group=app.session.group,
        )
        self.idle.touch(app.clock)
        app.reset(AttractScene(app))

    # -- around each frame -----------------------------------------------------------------
    def before_frame(self, app, dt: float, events: list) -> None:
        if not self.idle.asking and any(e.type in INPUT for e in events):
            self.idle.touch(app.clock + dt)

    def after_frame(self, app) -> None:
        held = self._quit_held_since
        if held is not None and app.clock - self._quit_seen > QUIT_GAP:
            self._quit_held_since = held = None
        if held is not None and app.clock - held >= QUIT_HOLD:
            app.quit()
            return
        self._check_idle(app)

    def _check_idle(self, app) -> None:
        if isinstance(app.top, AttractScene) or not app.scenes:
            self.idle.touch(app.clock)  # nobody's play to clear
            return
        step = self.idle.step(app.clock)
        if step == ASK:
            app.push(StillThereScene(app, lambda: self.idle.remaining(app.clock)))
        elif step == RESET:
            self.next_player(app)

    def recover(self, app, error: Exception) -> bool:
        """Log the error, and go back to the title; give up when errors keep coming. A kiosk
        never leaves a desktop behind."""
        where = self._log_crash(error)
        self.crashes = [t for t in self.crashes if app.clock - t < CRASH_WINDOW] + [app.clock]
        if len(self.crashes) >= CRASH_LIMIT:
            print(
                f"error: the game stopped after {len(self.crashes)} errors in a short time; "
                f"see {where or 'the messages above'}",
                file=sys.stderr,
            )
            app.exit_code = 1
            app.running = False
            return True
        what = " ".join(str(error).split())
        print(
            f"error: {type(error).__name__}: {what}; back to the title screen"
            + (f" (details in {where})" if where else ""),
            file=sys.stderr,
        )
        self.idle.touch(app.clock)
        try:
            app.restart(TitleScene)
        except Exception:  # noqa: BLE001 - the title itself is broken: nothing to go back to
            app.scenes.clear()
            app.exit_code = 1
            app.running = False
        return True

    def _log_crash(self, exc: BaseException) -> str:
        folder = self.crash_dir
        if folder is None:
            folder = default_data_dir()
        target = folder / CRASH_LOG
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(target, "a", encoding="utf-8") as log:
                log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
                log.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        except OSError:
            return ""
        return str(target)
