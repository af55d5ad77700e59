"""Play scenarios headless through the real scenes, by posting input events.

The driver looks at the buttons the top scene offers, picks one by strategy, and posts a
real mouse click (or key press) to pygame's event queue. Time is stepped in fixed frames,
so a run is deterministic and does not wait for the clock.
"""

from __future__ import annotations

import os
import random

from scenes.menu import MenuScene

from .app import App
from .transcript import Transcript

DT = 1 / 30
MAX_FRAMES = 30_000
STRATEGIES = ("safe", "risky", "random")
PREFERENCE = {"safe": ("safe", "neutral", "risky"), "risky": ("risky", "neutral", "safe")}


class AutoplayError(RuntimeError):
    pass


def headless() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


class Driver:
    def __init__(
        self,
        app,
        strategy: str = "safe",
        seed: int = 0,
        script=None,
        keys: bool = False,
        on_frame=None,
        dt: float = DT,
    ):
        self.app = app
        self.strategy = strategy
        self.rng = random.Random(seed)
        self.script = list(script) if script is not None else None
        self.keys = keys
        self.on_frame = on_frame
        self.dt = dt
        self.frames = 0

    # picking ---------------------------------------------------------------------------
    def pick(self, options, want_scenario: str):
        first = options[0].payload
        if "safety" in first:
            return self._pick_choice(options)
        if "correct" in first:
            return self._pick_answer(options)
        if "efficacy" in first:  # safe: sure; risky: not yet; random: any
            if self.strategy == "random" and self.script is None:
                return self.rng.choice(options)
            return options[-1] if self.strategy == "risky" else options[0]
        if "topic" in first:
            card = next((o for o in options if o.payload.get("id") == want_scenario), None)
            if card is not None:
                return card
            turn = [o for o in options if "page" in o.payload]
            if not turn:
                raise AutoplayError(f"the menu does not show '{want_scenario}'")
            return turn[-1] if self._page_forward(want_scenario) else turn[0]
        for preferred in ("play", "next", "menu", "close", "no"):
            match = next((o for o in options if o.action == preferred), None)
            if match:
                return match
        return options[0]

    def _page_forward(self, want_scenario: str) -> bool:
        """Whether the wanted story is on a later menu page than the one shown."""
        menu = self.app.top
        ids = [s.id for s in self.app.content.scenarios]
        return ids.index(want_scenario) >= (menu.page + 1) * menu.per_page

    def _pick_choice(self, options):
        if self.script is not None:
            if not self.script:
                raise AutoplayError("the choice script ran out before the story ended")
            wanted = self.script.pop(0)
            match = next((o for o in options if o.payload["id"] == wanted), None)
            if match is None:
                ids = ", ".join(o.payload["id"] for o in options)
                raise AutoplayError(f"no choice '{wanted}' here (there are: {ids})")
            return match
        if self.strategy == "random":
            return self.rng.choice(options)
        order = PREFERENCE[self.strategy]
        return min(options, key=lambda o: order.index(o.payload["safety"]))

    def _pick_answer(self, options):
        if self.strategy == "random" and self.script is None:
            return self.rng.choice(options)
        right = [o for o in options if o.payload["correct"]]
        wrong = [o for o in options if not o.payload["correct"]]
        if self.strategy == "risky" and self.script is None and wrong:
            return wrong[0]
        return (right or options)[0]

    # input -----------------------------------------------------------------------------
    def press(self, button) -> None:
        import pygame

        group = self.app.top.buttons
        if self.keys:
            if button.number:
                self._key(pygame.K_0 + button.number)
                return
            index, focus, n = group.buttons.index(button), group.focus, len(group.buttons)
            for _ in range(index + 1 if focus < 0 else (index - focus) % n):
                self._key(pygame.K_TAB)
            self._key(pygame.K_RETURN)
            return
        pos = button.rect.center
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))

    @staticmethod
    def _key(key: int) -> None:
        import pygame

        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))

    def skip(self) -> None:
        import pygame

        self._key(pygame.K_SPACE)

    def step(self) -> None:
        import pygame

        self.app.frame(self.dt, pygame.event.get())
        self.frames += 1
        if self.on_frame:
            self.on_frame(self.app)

    # a whole scenario ------------------------------------------------------------------
    def play(self, scenario_id: str, script=None) -> None:
        """From the title or the menu, play one scenario to its results and back to the menu.
        With a script (choice ids), exactly those choices are made."""
        if script is not None:
            self.script = list(script)
        limit = self.frames + MAX_FRAMES
        idle = 0
        finished = False
        while True:
            top = self.app.top
            if finished and isinstance(top, MenuScene):
                return
            options = top.auto_options() if top is not None else None
            if options:
                button = self.pick(options, scenario_id)
                if button.action == "menu":
                    finished = True
                self.press(button)
                idle = 0
            else:
                idle += 1
                if idle % 8 == 0:
                    self.skip()
            self.step()
            if self.frames > limit:
                raise AutoplayError("the game did not reach the end of the story")


def start_app(
    content, locale="en", observer=None, recorder=None, text_size="normal", order_seed=0, mode=None
):
    """A headless App on its title screen (solo play unless another mode is given)."""
    headless()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no fast renderer available" on the dummy driver
        app = App(
            content,
            locale=locale,
            sound=False,
            observer=observer,
            recorder=recorder,
            text_size=text_size,
            order_seed=order_seed,
            mode=mode,
        )
    app.start()
    return app


def run(
    content,
    scenario_ids,
    strategy="safe",
    seed=0,
    locale="en",
    script=None,
    keys=False,
    on_frame=None,
    recorder=None,
    draw=True,
):
    """Play the scenarios one after another from the title screen; return the transcript.
    With draw=False the scenes run frame by frame but paint nothing (for tests of logic)."""
    transcript = Transcript()
    app = start_app(content, locale, transcript.add, recorder, order_seed=seed)
    app.drawing = draw
    driver = Driver(app, strategy, seed, script, keys, on_frame)
    try:
        for scenario_id in scenario_ids:
            driver.play(scenario_id)
    finally:
        app.recorder.close()
    return transcript
