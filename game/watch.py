"""Live reload for story authors: `python -m game play --watch`.

A background thread watches the story file and the catalogs
(locales/<locale>/LC_MESSAGES/messages.po) and puts each saved file on a queue. The game
takes them off the queue at the start of a frame, on the main thread (`App.each_frame`),
and checks the file again:

- a clean story file replaces the content, and the player is put back at the same step:
  the same story and node (or the nearest one that is still there: the last node of the way
  there that still is, else the story's start), with the same flags, the same choices made
  and the same answers; the title or the menu are made again;
- a changed catalog is compiled in memory, and the words on screen come back in it;
- a file with errors (half written, empty, not text, gone) leaves the game as it is, on the
  last version that worked, and a card over it lists the problems (scenes/diagnostics.py).

A game that is watched records nothing: it is an author's test, not a child's play.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from . import i18n
from .content import check_bytes
from .i18n import _
from .log import warn_once

DEBOUNCE_MS = 400  # the longest a burst of changes is gathered for
STEP_MS = 50  # a save is taken once the file has been still for this long


@dataclass
class Trouble:
    """Why a saved file cannot be used: its problems as (file:line:col, message, hint),
    or a reason that stands for them (the file is gone)."""

    file: str
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    reason: str = ""


class Watcher:
    """A background thread that puts each of `files` on `changes` when it is saved, made or
    removed. It watches the files' folders (an editor that saves by writing a new file and
    renaming it replaces the file it would watch) and never touches the game itself."""

    def __init__(self, files, changes: queue.Queue, *, debounce_ms: int = DEBOUNCE_MS):
        self.files = {Path(f).resolve() for f in files}
        self.changes = changes
        self.debounce_ms = debounce_ms
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()  # set as the thread begins to watch

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="story-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _wanted(self, _change, path: str) -> bool:
        return Path(path) in self.files

    def _run(self) -> None:
        folders = sorted({str(f.parent) for f in self.files if f.parent.is_dir()})
        try:
            self.ready.set()
            for batch in watchfiles.watch(
                *folders,
                watch_filter=self._wanted,
                debounce=self.debounce_ms,
                step=STEP_MS,
                stop_event=self._stop,
                recursive=False,
                raise_interrupt=False,
            ):
                for _change, path in sorted(batch):
                    self.changes.put(Path(path))
        except Exception as exc:  # the game goes on without live reload
            warn_once("watch", f"the story file is no longer watched: {exc}")


class Reloader:
    """Brings the game up to date with the saved files, on the main thread: the app calls it
    at the start of every frame, and it takes what the watcher put on `changes`."""

    def __init__(self, app, story_path, shown: str | None = None, catalogs=None):
        self.app = app
        self.story_path = Path(story_path)
        self.shown = shown or str(story_path)
        # {catalog file: its locale}: the game's own, unless others are given
        if catalogs is None:
            catalogs = {i18n.po_path(loc): loc for loc in i18n.AVAILABLE if loc != i18n.SOURCE}
        self.catalogs = {Path(path).resolve(): locale for path, locale in catalogs.items()}
        self.changes: queue.Queue = queue.Queue()
        self.compiled: dict = {}  # locale -> its words, compiled from a saved .po
        self.seconds = 0.0  # how long the last reload took

    def files(self) -> list[Path]:
        return [self.story_path, *self.catalogs]

    def __call__(self, app) -> None:
        changed = set()
        while True:
            try:
                changed.add(Path(self.changes.get_nowait()).resolve())
            except queue.Empty:
                break
        if changed:
            self.reload(changed)

    def reload(self, changed) -> None:
        """Take the saved files: a new version of the game, or the card of its problems."""
        started = time.perf_counter()
        troubles = []
        content = None
        if self.story_path.resolve() in changed:
            content, trouble = self.read_story()
            if trouble is not None:
                troubles.append(trouble)
        compiled = []
        for path in sorted(p for p in changed if p in self.catalogs):
            trouble = self.read_catalog(path)
            if trouble is None:
                compiled.append(path)
            else:
                troubles.append(trouble)
        if content is not None or compiled:
            self.renew(content, bool(compiled))
        for trouble in troubles:
            self.show(trouble)
        self.seconds = time.perf_counter() - started
        if content is not None:
            print(
                f"{self.shown}: reloaded in {self.seconds * 1000:.0f} ms",
                file=sys.stderr,
            )

    # -- reading the files ---------------------------------------------------------------
    def read_story(self):
        """(the checked content, None), or (None, what is wrong with the file)."""
        try:
            raw = self.story_path.read_bytes()
        except FileNotFoundError:
            return None, Trouble(
                self.shown, reason=_("The file is not there any more. Put it back or save it.")
            )
        except OSError as exc:
            why = exc.strerror or str(exc)
            return None, Trouble(
                self.shown, reason=_("The file cannot be read: {why}").format(why=why)
            )
        content, diags = check_bytes(raw, self.shown)
        errors = [d for d in diags if d.is_error]
        for d in errors:
            print(d.format(), file=sys.stderr)
        if content is None or errors:
            problems = [(f"{d.path}:{d.line}:{d.col}", d.message, d.hint) for d in errors]
            return None, Trouble(self.shown, problems)
        return content, None

    def read_catalog(self, path: Path) -> Trouble | None:
        """Compile a saved catalog in memory; what is wrong with it, if it cannot be."""
        locale = self.catalogs[path]
        shown = f"{locale}/{path.name}"
        try:
            self.compiled[locale] = i18n.compile_po(path, locale)
        except FileNotFoundError:
            return Trouble(
                shown, reason=_("The file is not there any more. Put it back or save it.")
            )
        except Exception as exc:  # Babel's own errors: a broken catalog
            print(f"{shown}: error: {exc}", file=sys.stderr)
            return Trouble(shown, [(shown, str(exc), "")])
        return None

    # -- the game again ------------------------------------------------------------------
    def renew(self, content, catalogs: bool) -> None:
        """Put the new content and words into the game; the app puts the player back where
        they were (App.reload_content)."""
        if catalogs:
            self.use_catalogs()
            self.app.set_locale(self.app.locale)
        self.app.reload_content(content)

    def use_catalogs(self) -> None:
        """The saved catalogs' words, compiled in memory, are the game's from now."""
        for locale, words in self.compiled.items():
            i18n.use_words(locale, words)

    def show(self, trouble: Trouble) -> None:
        if trouble.reason:
            print(f"{trouble.file}: {trouble.reason}", file=sys.stderr)
        self.app.show_problems(trouble.file, trouble.problems, trouble.reason)


def watching(app, story_path, shown: str | None = None, frames: int | None = None) -> int:
    """Run the game, taking every save of the story file and the catalogs as it comes."""
    reloader = Reloader(app, story_path, shown)
    watcher = Watcher(reloader.files(), reloader.changes)
    app.each_frame.append(reloader)
    watcher.start()
    print(
        f"watching {reloader.shown} and the catalogs: save a file to see it in the game",
        file=sys.stderr,
    )
    try:
        return app.run(frames)
    finally:
        watcher.stop()
