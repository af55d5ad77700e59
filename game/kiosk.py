"""Kiosk mode, for shared PCs in LAN houses and schools: the game looks after itself.

After a quiet time it asks "Still there?" with a countdown; with no answer, everything of
the player is cleared and an attract screen invites the next child. Only an operator key
combination quits (Ctrl+Shift+Q held for QUIT_HOLD seconds), and an unexpected error goes
back to the title screen instead of leaving a desktop. All time is the App's clock, so
tests step it without waiting.
"""

from __future__ import annotations

import math
import sys
import time
import traceback
from pathlib import Path

import pygame

from . import assess
from .app import App

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


class KioskApp(App):
    def __init__(
        self,
        content,
        *,
        idle_seconds: float = 90,
        language: str = "",
        group: str = "",
        crash_dir=None,
        **options,
    ):
        options["fullscreen"] = options.get("fullscreen", True)
        super().__init__(content, **options)
        self.operator_language = language
        self.group = group
        self.crash_dir = Path(crash_dir) if crash_dir else None
        self.idle = IdleWatch(idle_seconds, now=self.clock)
        self.crashes: list[float] = []
        self.exit_code = 0
        self._quit_held_since: float | None = None
        self._quit_seen = 0.0

    # -- the operator's way out ------------------------------------------------------------
    def ask_quit(self) -> None:
        """Esc on the title and the window's close button do nothing in kiosk mode."""

    def _watch_quit_keys(self, event) -> bool:
        """Track Ctrl+Shift+Q; return True for the events that belong to it."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_q:
            mods = event.mod
            if mods & pygame.KMOD_CTRL and mods & pygame.KMOD_SHIFT:
                if self._quit_held_since is None:
                    self._quit_held_since = self.clock
                self._quit_seen = self.clock
                return True
        if event.type == pygame.KEYUP and event.key in QUIT_KEYS:
            self._quit_held_since = None
        return False

    def handle(self, event) -> None:
        if self._watch_quit_keys(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            return  # stays fullscreen
        super().handle(event)

    # -- the next player -------------------------------------------------------------------
    def still_here(self) -> None:
        from scenes.kiosk import StillThereScene

        self.idle.touch(self.clock)
        if isinstance(self.top, StillThereScene):
            self.pop()

    def next_player(self) -> None:
        """Clear everything of the player before and invite the next one."""
        from scenes.kiosk import AttractScene

        if self.play is not None:
            self.play.abandon()
            self.play = None
        self.done.clear()
        self.age_band = ""
        self.menu_page = 0
        if self.operator_language and self.operator_language != self.locale:
            self.set_locale(self.operator_language)
        self.recorder.set_age_band("")
        self.order_seed = assess.new_seed()  # the next player sees other answer orders
        # A new session for the new player: their play is never joined to the one before.
        self.recorder.start_session(
            locale=self.locale,
            content_version=getattr(self._story, "version", ""),
            group=self.group,
        )
        self.idle.touch(self.clock)
        self.reset(AttractScene(self))

    def _check_idle(self) -> None:
        from scenes.kiosk import AttractScene, StillThereScene

        if isinstance(self.top, AttractScene) or not self.scenes:
            self.idle.touch(self.clock)  # nobody's play to clear
            return
        step = self.idle.step(self.clock)
        if step == ASK:
            self.push(StillThereScene(self, lambda: self.idle.remaining(self.clock)))
        elif step == RESET:
            self.next_player()
        self._apply()

    # -- the loop --------------------------------------------------------------------------
    def start(self, scene=None) -> None:
        from scenes.kiosk import AttractScene

        super().start(scene or AttractScene(self))

    def frame(self, dt: float, events) -> None:
        events = list(events)
        try:
            if not self.idle.asking and any(e.type in INPUT for e in events):
                self.idle.touch(self.clock + dt)
            super().frame(dt, events)
            held = self._quit_held_since
            if held is not None and self.clock - self._quit_seen > QUIT_GAP:
                self._quit_held_since = held = None
            if held is not None and self.clock - held >= QUIT_HOLD:
                self.quit()
                return
            self._check_idle()
        except Exception as exc:  # noqa: BLE001 - a kiosk must never leave a desktop
            self.recover(exc)

    def recover(self, exc: BaseException) -> None:
        """Log the error, and go back to the title; give up when errors keep coming."""
        from scenes.title import TitleScene

        where = self._log_crash(exc)
        self.crashes = [t for t in self.crashes if self.clock - t < CRASH_WINDOW] + [self.clock]
        if len(self.crashes) >= CRASH_LIMIT:
            print(
                f"error: the game stopped after {len(self.crashes)} errors in a short time; "
                f"see {where or 'the messages above'}",
                file=sys.stderr,
            )
            self.exit_code = 1
            self.running = False
            return
        what = " ".join(str(exc).split())
        print(
            f"error: {type(exc).__name__}: {what}; back to the title screen"
            + (f" (details in {where})" if where else ""),
            file=sys.stderr,
        )
        self._ops.clear()
        self.scenes.clear()  # the scenes are dropped as they are: one may be broken
        if self.play is not None:
            self.play.abandon()
            self.play = None
        self.idle.touch(self.clock)
        try:
            self.reset(TitleScene(self))
            self._apply()
        except Exception:  # noqa: BLE001 - the title itself is broken: nothing to go back to
            self.scenes.clear()
            self.exit_code = 1
            self.running = False

    def _log_crash(self, exc: BaseException) -> str:
        folder = self.crash_dir
        if folder is None:
            from .outcomes.store import default_data_dir

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

    def run(self, frames: int | None = None) -> int:
        super().run(frames)
        return self.exit_code
