"""Window, scaling, the scene stack, the main loop and global keys.

The game draws on a logical 1280x720 screen; pygame's SCALED mode scales it to any window
size with letterboxing and maps mouse (and touch, which SDL delivers as mouse events)
positions back. Scene changes are queued and applied between frames.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pygame

from scenes.confirm import ConfirmScene
from scenes.title import TitleScene

from . import i18n, theme
from .art import Backdrop, clear_caches
from .content.cache import Story
from .i18n import _
from .modes import SoloMode
from .outcomes import Recorder
from .session import Access, Session
from .sound import Sounds
from .text import Text

if TYPE_CHECKING:
    from .speech import Narrator

# Imported where used (milliseconds of import on top of this module's, best of 5 runs): the
# title screen is drawn without them.
#   game.flow 12 ms, when a story starts; game.content.strings 8 ms, for the content in
#   another language; scenes.menu 7 ms; scenes.educator 7 ms, on Ctrl+E;
#   scenes.language 3 ms; game.settings 3 ms, when a setting is changed; game.speech
#   11 ms, when narration is on; scenes.help 2 ms, with the help services (game.regions);
#   scenes.diagnostics 1 ms, for a story file's problems (--watch); scenes.settings 1 ms

CAPTION = "Net Heroes"


class App:
    """The window, the scenes on it and the services they use (text, sounds, recorder),
    with the player's session (game/session.py) and the mode chosen at start-up
    (game/modes.py)."""

    def __init__(
        self,
        content,
        *,
        locale: str = "en",
        fullscreen: bool = False,
        sound: bool = True,
        observer=None,
        recorder=None,
        text_size: str = "normal",
        order_seed: int | None = None,
        mode=None,
        group: str = "",
        access: Access | None = None,
        fixed: dict | None = None,
    ):
        # Scale smoothly to any window size, also smaller than 1280x720: pygame's SCALED mode
        # uses whole-number scaling (and crops small windows) unless this hint is set.
        # (Not with the headless dummy driver, where it crashes when windows are re-created.)
        if os.environ.get("SDL_VIDEODRIVER") != "dummy":
            os.environ.setdefault("SDL_HINT_RENDER_SCALE_QUALITY", "1")
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(CAPTION)
        flags = pygame.SCALED | pygame.RESIZABLE
        self.screen = pygame.display.set_mode((theme.WIDTH, theme.HEIGHT), flags)
        if fullscreen:
            self.toggle_fullscreen()
        pygame.key.set_repeat(400, 60)
        # A Story (from the story cache) is read when first used, after the first frame.
        self._story = content
        # The player's settings (access), except what the operator fixed (fixed wins).
        self.session = Session(group=group, sound=sound, fixed=dict(fixed or {}))
        self.session.access = access or Access(text_size=text_size)
        for key, value in self.session.fixed.items():
            setattr(self.session.access, key, value)
        text_size = self.session.access.text_size
        if order_seed is not None:
            self.session.order_seed = order_seed
        self.set_locale(locale)
        # The services the scenes use.
        self.text = Text(theme.TEXT_SCALES[text_size])
        self.sounds = Sounds(enabled=sound)
        self.recorder = recorder or Recorder()
        self.speech: Narrator | None = None  # the narrator, when narration is on
        self.narration_status = ""  # what the settings say about reading aloud
        self.look = "normal"  # the theme's look (game/theme.py use_look)
        self.observer = observer
        # Solo, class or kiosk play, chosen once when the game starts (game/modes.py).
        self.mode = mode or SoloMode()
        self.scenes: list = []
        self._ops: list = []
        self.running = True
        self.exit_code = 0
        self.minimized = False
        self._closing = False  # the window's close button was pressed: its QUIT is ignored
        self.drawing = True  # off for headless runs whose pixels nobody looks at (tests)
        self._backdrops: dict = {}
        self.clock = 0.0  # seconds of play, advanced by frame()
        self.play = None  # the scenario being played, if any (game/flow.py)
        # Run once after the first frame is on screen; True stops the game (exit code 1).
        self.after_first_frame = None
        # Called with the app at the start of every frame, on the main thread (the story
        # file's watcher hands its changes over this way: game/watch.py).
        self.each_frame: list = []
        self.apply_access()  # the remembered settings (a fresh player: nothing to do)

    def set_locale(self, locale: str) -> None:
        """Switch every word on screen, the content's too, to another language."""
        self.session.locale = i18n.set_locale(locale)
        self._content = None  # localized when next used
        if getattr(self, "speech", None) is not None:
            self._narrate()  # a voice for the new language

    @property
    def locale(self) -> str:
        return self.session.locale

    def reload_content(self, content=None) -> None:
        """Play on with another version of the story file (a checked Content; None: the same
        content, for words compiled again), back at the step the player was at."""
        base, before = (self.scenes[0] if self.scenes else None), self.play
        if content is not None:
            self._story = content
        self._content = None  # localized when next used
        from .flow import resume

        resume(self, base, before)

    def show_problems(self, file: str, problems=(), reason: str = "") -> None:
        """A saved file's problems in a card over the game (in place of the card before)."""
        from scenes.diagnostics import DiagnosticsScene

        panel = DiagnosticsScene(self, file, problems, reason)
        (self.replace if isinstance(self.top, DiagnosticsScene) else self.push)(panel)

    @property
    def content_version(self) -> str:
        """The story file's version, for the outcomes ('' before it is read)."""
        return getattr(self._story, "version", "")

    @property
    def base_content(self):
        """The content in English, as the story file has it."""
        story = self._story
        return story.content if isinstance(story, Story) else story

    @property
    def content(self):
        """The content in the player's language."""
        if self._content is None:
            if self.locale == i18n.SOURCE:
                self._content = self.base_content
            else:
                # Imported here: the title screen needs no content (4 ms of a Thai start).
                from .content.strings import localize

                self._content = localize(self.base_content, i18n.catalog(self.locale).pgettext)
        return self._content

    # -- what scenes use ----------------------------------------------------------------
    def show(self, kind: str, **data) -> None:
        """Scenes report what they put on screen: autoplay turns it into a transcript, and
        the narrator reads it aloud."""
        if self.observer:
            self.observer(kind, data)
        if self.speech is not None:
            self.speech.on_show(kind, data)

    def change_access(self, key: str, value) -> str:
        """The player changed a setting: put it into effect, remember it on this computer
        (not at a kiosk, which forgets a player's settings), and return what the settings
        should say about reading aloud."""
        setattr(self.session.access, key, value)
        # The narrator reads its speed and volume at each line: only these need a new one.
        self.apply_access(voice=key in ("narration", "speech_output"))
        if self.mode.keeps_settings:
            from . import settings

            settings.save(access=self.session.access.to_dict())
        return self.narration_status

    def apply_access(self, voice: bool = True) -> None:
        """Put the player's settings into effect: text size, look, volumes and (with
        `voice`) the narrator."""
        access = self.session.access
        if self.text.scale != theme.TEXT_SCALES[access.text_size]:
            self.set_text_size(access.text_size)
        look = "contrast" if access.high_contrast else "normal"
        if look != self.look:
            self.look = look
            theme.use_look(look)
            clear_caches()  # faces, icons and panels are drawn again in the look's colours
            self._backdrops.clear()
        self.sounds.set_volume(access.effects_volume / 100)
        if voice:
            self._narrate()

    def _narrate(self) -> None:
        """Start, stop or renew the narrator for the settings and the language."""
        if self.speech is not None:
            self.speech.stop()
            self.speech = None
        access = self.session.access
        if not access.narration:
            self.narration_status = ""
            return
        from .speech import narrator_for

        self.speech, self.narration_status = narrator_for(
            self.locale, access, self.base_content and self.content
        )

    def settings_closed(self) -> None:
        """The settings (the top scene) are closing: the title screen below is made again
        for the new text size and look; a story's scenes take them from their next screen
        on."""
        if len(self.scenes) >= 2 and isinstance(self.scenes[-2], TitleScene):
            self.open_title()

    def set_text_size(self, size: str) -> None:
        """Draw every text at another of the sizes (theme.TEXT_SCALES); scenes made from now
        on lay out for it."""
        self.session.access.text_size = size
        self.text = Text(theme.TEXT_SCALES[size])

    def backdrop(self, top, bottom, shapes: str = "bubbles") -> Backdrop:
        key = (tuple(top), tuple(bottom), shapes)
        if key not in self._backdrops:
            self._backdrops[key] = Backdrop(
                top, bottom, (theme.WIDTH, theme.HEIGHT), seed=len(self._backdrops), shapes=shapes
            )
        return self._backdrops[key]

    @property
    def top(self):
        return self.scenes[-1] if self.scenes else None

    def push(self, scene) -> None:
        self._ops.append(("push", scene))

    def pop(self) -> None:
        self._ops.append(("pop", None))

    def replace(self, scene) -> None:
        self._ops.append(("replace", scene))

    def reset(self, scene) -> None:
        """Leave every scene and start again from this one."""
        self._ops.append(("reset", scene))

    def restart(self, make_scene) -> None:
        """After an error: drop every scene as it is (one may be broken), end the play in
        progress, and start again from the scene `make_scene(app)` makes."""
        self._ops.clear()
        self.scenes.clear()
        if self.play is not None:
            self.play.abandon()
            self.play = None
        self.reset(make_scene(self))
        self._apply()

    def _apply(self) -> None:
        while self._ops:
            op, scene = self._ops.pop(0)
            if op in ("pop", "replace", "reset") and self.scenes:
                count = len(self.scenes) if op == "reset" else 1
                for _ in range(count):
                    self.scenes.pop().exit()
            if scene is not None:
                self.scenes.append(scene)
                scene.enter()

    # -- where the scenes lead: the shell knows every scene; a scene imports no other one
    # (their modules are imported when first opened: the title screen starts without them).
    def open_title(self, *, reset: bool = False) -> None:
        (self.reset if reset else self.replace)(TitleScene(self))

    def open_menu(self) -> None:
        from scenes.menu import MenuScene

        self.replace(MenuScene(self))

    def open_language(self) -> None:
        from scenes.language import LanguageScene

        self.replace(LanguageScene(self))

    def play_story(self, scenario_id: str) -> None:
        from .flow import Play

        Play(self, scenario_id).begin()

    def open_help(self) -> None:
        from scenes.help import HelpScene

        if not isinstance(self.top, HelpScene):
            self.push(HelpScene(self))

    def open_settings(self) -> None:
        from scenes.settings import SettingsScene

        if not isinstance(self.top, SettingsScene):
            self.push(SettingsScene(self))

    def ask_quit(self) -> None:
        if not self.mode.may_quit:
            return

        if isinstance(self.top, ConfirmScene):
            self.quit()
            return
        self.push(
            ConfirmScene(
                self,
                _("Do you want to stop playing?"),
                self.quit,
                yes=_("Yes, stop"),
                no=_("No, keep playing"),
            )
        )

    def quit(self) -> None:
        if self.play is not None:
            self.play.abandon()
        if self.speech is not None:
            self.speech.stop()
        self.running = False

    def toggle_fullscreen(self) -> None:
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            pass  # some drivers cannot switch; the window simply stays as it is

    # -- the loop ----------------------------------------------------------------------
    def start(self, scene=None) -> None:
        self.reset(scene or self.mode.first_scene(self))
        self._apply()

    def handle(self, event) -> None:
        if self.mode.intercept(self, event):
            return
        if event.type == pygame.WINDOWCLOSE:
            # The window's close button: ask first. SDL follows it with a QUIT, ignored once.
            self._closing = True
            self.ask_quit()
        elif event.type == pygame.QUIT:
            # A QUIT without a close button (the system shutting down, a stop signal) ends
            # the game at once.
            if not self._closing:
                self.quit()
            self._closing = False
        elif event.type == pygame.WINDOWMINIMIZED:
            self.minimized = True
        elif event.type in (pygame.WINDOWRESTORED, pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN):
            self.minimized = False
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.open_help()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F2:
            if self.speech is not None:  # say the last line again
                self.speech.repeat()
        elif (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_e
            and event.mod & pygame.KMOD_CTRL
        ):
            from scenes.educator import EducatorScene

            if isinstance(self.top, TitleScene):  # class results: for educators, not children
                self.push(EducatorScene(self))
            elif self.top is not None:
                self.top.handle_event(event)
        elif self.top is not None:
            self.top.handle_event(event)

    def frame(self, dt: float, events) -> None:
        """One frame: input, then update, then draw. Scene changes happen between steps.
        The mode watches each frame (a kiosk's idle time) and may deal with an error."""
        events = list(events)
        try:
            for hook in self.each_frame:
                hook(self)
            self._apply()
            self.mode.before_frame(self, dt, events)
            self._frame(dt, events)
            self.mode.after_frame(self)
            self._apply()
        except Exception as exc:
            if not self.mode.recover(self, exc):
                raise

    def _frame(self, dt: float, events) -> None:
        self.clock += dt
        for event in events:
            self.handle(event)
            self._apply()
        if self.top is not None:
            self.top.update(dt)
        self._apply()
        if self.drawing and not self.minimized:
            self.draw(self.screen)

    def draw(self, surface) -> None:
        first = len(self.scenes) - 1
        while first > 0 and not self.scenes[first].opaque:
            first -= 1
        for scene in self.scenes[max(first, 0) :]:
            scene.draw(surface)

    def run(self, frames: int | None = None) -> int:
        """The main loop, until the player quits (or after `frames` drawn frames)."""
        clock = pygame.time.Clock()
        if not self.scenes:
            self.start()
        first = True
        while self.running and self.scenes and (frames is None or frames > 0):
            frames = None if frames is None else frames - 1
            # The first frame is drawn at once: a capped tick would wait up to two frames.
            rate = 0 if first else theme.FPS if not self.minimized else 10
            dt = clock.tick(rate) / 1000.0
            first = False
            self.frame(min(dt, 0.1), pygame.event.get())
            if not self.minimized:
                pygame.display.flip()
            if self.after_first_frame is not None:
                refuse, self.after_first_frame = self.after_first_frame, None
                if refuse():
                    self.exit_code, self.running = 1, False
        self.recorder.close()
        pygame.quit()
        return self.exit_code
