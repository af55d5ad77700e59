"""Every text on every scene type reads against what is behind it: 4.5:1, or 3:1 for large
text (24 px bold or 32 px regular and up, at the size drawn), in every language, at every text
size, in both looks; button edges and the focus ring stand out 3:1.

How a text is measured: the top scene is drawn three times, each time made and settled the
same way: once as it is, once with every `Text.render` giving a transparent picture of the
same size, once with only the large texts drawn. The pixels that differ between the first two
pictures are text; grown by a few pixels they join into runs (words and lines), and a run's
contrast is the 90th percentile of the per-pixel contrast between the two pictures (the
glyphs' cores, not their soft edges). A run that is mostly in the third picture is large.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pygame
import pytest

from game import art, theme
from game.autoplay import start_app
from game.content import check_file
from game.resources import SCENARIOS_FILE
from game.text import Text

LOCALES = ("en", "pt_BR", "th")
SIZES = ("normal", "large", "larger")
LOOKS = ("normal", "contrast")
TEXT, LARGE, EDGE = 4.5, 3.0, 3.0

_LIN = [theme._channel(v) for v in range(256)]
_REAL_RENDER = Text.render
_BLANKS: dict[tuple[int, int], pygame.Surface] = {}


def is_large(drawn: int, bold: bool) -> bool:
    return drawn >= 32 or (bold and drawn >= 24)


def _blank(size) -> pygame.Surface:
    surface = _BLANKS.get(size)
    if surface is None:
        surface = _BLANKS[size] = pygame.Surface(size, pygame.SRCALPHA)
    return surface


@contextmanager
def texts(which: str) -> Iterator[None]:
    """Draw every text ("all"), none ("none") or only the large ones ("large")."""

    def render(self, text, size, color, **kw):
        image = _REAL_RENDER(self, text, size, color, **kw)
        if which == "large" and is_large(round(size * self.scale), kw.get("bold", False)):
            return image
        return _blank(image.get_size())

    if which != "all":
        Text.render = render  # type: ignore[method-assign]
    try:
        yield
    finally:
        Text.render = _REAL_RENDER  # type: ignore[method-assign]


# -- the scenes ------------------------------------------------------------------------------
@dataclass
class Screen:
    """A scene type to measure: the scenes under it (made once) and how to make the top one."""

    name: str
    under: Callable[[object], list]
    top: Callable[[object], object]
    mode: str = "solo"


def _play(app, kind: str = ""):
    """A play of the first story with a node of this scene type (any story for "")."""
    from game.flow import Play

    for scenario in app.content.scenarios:
        nodes = [n for n in scenario.nodes.values() if not kind or n.scene == kind]
        nodes = [n for n in nodes if kind == "ending" or (n.choices and not n.is_ending)]
        if nodes:
            play = Play(app, scenario)
            if kind:
                play.runtime.node_id = nodes[0].id
            return play, nodes[0]
    raise AssertionError(f"no story has a {kind} node")


def _stage(kind: str):
    from scenes import scene_for

    def make(app):
        play, node = _play(app, kind)
        scene = scene_for(node.scene)(app, play, node)
        scene.skip()
        return scene

    return make


def _feedback(safety: str):
    def under(app):
        return [_stage("chat")(app)]

    def top(app):
        from game.flow import Play
        from scenes.feedback import FeedbackScene

        for scenario in app.content.scenarios:
            for node in scenario.nodes.values():
                for choice in node.choices:
                    if choice.safety == safety:
                        play = Play(app, scenario)
                        play.runtime.node_id = node.id
                        return FeedbackScene(app, play, choice)
        raise AssertionError(f"no {safety} choice")

    return under, top


def _title(app):
    from scenes.title import TitleScene

    return TitleScene(app)


def _menu(app):
    from scenes.menu import MenuScene

    return MenuScene(app)


def _help(app):
    from scenes.help import HelpScene

    return HelpScene(app)


def _confirm(app):
    from scenes.confirm import ConfirmScene

    return ConfirmScene(app, "Do you want to stop playing?", lambda: None, "Yes", "No")


def _language(app):
    from scenes.language import LanguageScene

    return LanguageScene(app)


def _quiz(app):
    from scenes.quiz import QuizScene

    play, _node = _play(app)
    return QuizScene(app, play, "pre", 0)


def _efficacy(app):
    from scenes.efficacy import EfficacyScene

    play, _node = _play(app)
    return EfficacyScene(app, play, "pre")


def _ending(app):
    from scenes.ending import EndingScene

    play, node = _play(app, "ending")
    return EndingScene(app, play, node)


def _results(app):
    from scenes.ending import ResultsScene

    play, node = _play(app, "chat")
    play.runtime.choose(node.choices[0].id)
    return ResultsScene(app, play)


def _attract(app):
    from scenes.kiosk import AttractScene

    return AttractScene(app)


def _still_there(app):
    from scenes.kiosk import StillThereScene

    return StillThereScene(app, lambda: 12)


def _settings(app):
    from scenes.settings import SettingsScene

    return SettingsScene(app)


def _class_vote(app):
    from game.classroom import Ballot
    from scenes.classroom import ClassVoteScene

    play, node = _play(app, "chat")
    scene = ClassVoteScene(app, play, node)
    for option in (0, 0, 1):
        scene.ballot.add(option % len(scene.choices))
    assert isinstance(scene.ballot, Ballot)
    return scene


def _class_quiz(app):
    from scenes.classroom import ClassQuizScene

    play, _node = _play(app)
    return ClassQuizScene(app, play, "pre", 0)


def _class_vote_made(app):
    from game.classroom import Ballot

    play, node = _play(app, "chat")
    choices = play.choices()
    ballot = Ballot(len(choices))
    for option in (0, 0, 1):
        ballot.add(option % len(choices))
    picked = app.mode.session.record_decision(app.recorder, play.scenario, node.id, choices, ballot)
    return play, choices[picked], app.mode.session.votes[-1]


def _class_feedback(app):
    from scenes.classroom import ClassFeedbackScene

    play, choice, vote = _class_vote_made(app)
    return ClassFeedbackScene(app, play, choice, vote)


def _class_summary(app):
    from scenes.classroom import ClassSummaryScene

    play, _choice, _vote = _class_vote_made(app)
    return ClassSummaryScene(app, play)


def _none(app) -> list:
    return []


SCREENS = [
    Screen("title", _none, _title),
    Screen("menu", _none, _menu),
    Screen("language", _none, _language),
    Screen("help", lambda app: [_title(app)], _help),
    Screen("confirm", lambda app: [_menu(app)], _confirm),
    Screen("settings", lambda app: [_title(app)], _settings),
    Screen("efficacy", _none, _efficacy),
    Screen("quiz", _none, _quiz),
    Screen("chat", _none, _stage("chat")),
    Screen("call", _none, _stage("call")),
    Screen("profile", _none, _stage("profile")),
    Screen("dialogue", _none, _stage("dialogue")),
    Screen("feedback_safe", *_feedback("safe")),
    Screen("feedback_risky", *_feedback("risky")),
    Screen("ending", _none, _ending),
    Screen("results", _none, _results),
    Screen("kiosk_attract", _none, _attract),
    Screen("kiosk_still_there", lambda app: [_attract(app)], _still_there),
    Screen("class_vote", _none, _class_vote, "class"),
    Screen("class_quiz", _none, _class_quiz, "class"),
    Screen("class_feedback", lambda app: [_stage("chat")(app)], _class_feedback, "class"),
    Screen("class_summary", _none, _class_summary, "class"),
]


# -- measuring -------------------------------------------------------------------------------
def _diff(a: pygame.Surface, b: pygame.Surface, tol: int = 3) -> pygame.mask.Mask:
    """The pixels where `a` and `b` differ by more than `tol` in a channel."""
    up = a.copy()
    up.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    down = b.copy()
    down.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    same = pygame.mask.from_threshold(up, (0, 0, 0, 255), (tol, tol, tol, 255))
    same.invert()
    return same


_GROW = pygame.mask.Mask((15, 7), fill=True)


def _ratio(a: bytes, b: bytes, i: int) -> float:
    la = 0.2126 * _LIN[a[i]] + 0.7152 * _LIN[a[i + 1]] + 0.0722 * _LIN[a[i + 2]]
    lb = 0.2126 * _LIN[b[i]] + 0.7152 * _LIN[b[i + 1]] + 0.0722 * _LIN[b[i + 2]]
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def text_runs(full, bare, large):
    """(rect, contrast, is large) of every text run: `full` has the texts, `bare` none, and
    `large` only the large ones."""
    text = _diff(full, bare)
    big = _diff(large, bare)
    a = pygame.image.tobytes(full, "RGB")
    b = pygame.image.tobytes(bare, "RGB")
    width = full.get_width()
    grown = text.convolve(_GROW, None, (-7, -3))
    runs = []
    for rect in grown.get_bounding_rects():
        rect = rect.clip(full.get_rect())
        box = pygame.mask.Mask(rect.size, fill=True)
        count = text.overlap_area(box, rect.topleft)
        if count < 30:
            continue
        step = max(1, int(math.sqrt(rect.w * rect.h / 500)))
        ratios = sorted(
            _ratio(a, b, 3 * (y * width + x))
            for y in range(rect.top, rect.bottom, step)
            for x in range(rect.left, rect.right, step)
            if text.get_at((x, y))
        )
        if len(ratios) < 8:
            continue
        ratio = ratios[int(0.9 * (len(ratios) - 1))]
        runs.append((rect, ratio, big.overlap_area(box, rect.topleft) * 2 >= count))
    return runs


def button_edges(scene, surface) -> list[tuple[str, float]]:
    """(which, contrast) for each button of the scene: its outline or its fill against the
    pixels just outside it, whichever stands out more; and the focus ring's two colours
    against what is outside the ring."""
    out = []
    group = scene.buttons
    for i, button in enumerate(group.buttons):
        if button.appear + 0.25 > group.age:
            continue
        fill, outline = button.edge_colors()
        rect = button.rect
        gap = 14 if i == group.focus else 3
        points = [(rect.left - gap, y) for y in range(rect.top + 24, rect.bottom - 24, 6)]
        points += [(rect.right + gap - 1, y) for y in range(rect.top + 24, rect.bottom - 24, 6)]
        points += [(x, rect.top - gap) for x in range(rect.left + 24, rect.right - 24, 8)]
        colours = [
            tuple(surface.get_at(p))[:3] for p in points if surface.get_rect().collidepoint(p)
        ]
        if not colours:
            continue
        ratios = sorted(max(theme.contrast(outline, c), theme.contrast(fill, c)) for c in colours)
        out.append((f"button {button.label!r} {tuple(rect)}", ratios[len(ratios) // 10]))
        if i == group.focus:
            ring = sorted(
                max(theme.contrast(theme.FOCUS, c), theme.contrast(theme.FOCUS_EDGE, c))
                for c in colours
            )
            out.append((f"focus ring {tuple(rect)}", ring[len(ring) // 10]))
    return out


# -- running ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def apps():
    from game.classroom import ClassSession
    from game.i18n import set_locale
    from game.modes import ClassMode, SoloMode

    content, _ = check_file(SCENARIOS_FILE)
    solo = start_app(content)
    solo.drawing = False
    klass = start_app(content, mode=ClassMode(ClassSession("5B")))
    klass.drawing = False
    assert isinstance(solo.mode, SoloMode)
    yield {"solo": solo, "class": klass}
    theme.use_look("normal")
    set_locale("en")


def _settle(app, scene) -> None:
    app.scenes[-1:] = [scene]
    scene.enter()
    app._ops.clear()
    for _ in range(8):
        scene.update(0.25)
    app._ops.clear()


def _draw(app, surface, which: str) -> None:
    """The scenes under the top one as they are, then the top one with `which` texts."""
    for backdrop in app._backdrops.values():
        backdrop.t = 0.0
    first = len(app.scenes) - 1
    while first > 0 and not app.scenes[first].opaque:
        first -= 1
    for scene in app.scenes[max(first, 0) : -1]:
        scene.draw(surface)
    with texts(which):
        app.scenes[-1].draw(surface)


def measure(app, screen: Screen) -> tuple[list, list]:
    """The text runs below their threshold, and the edges below 3:1, of one screen."""
    app.scenes = list(screen.under(app)) + [None]
    for scene in app.scenes[:-1]:
        scene.t = 2.0
        scene.buttons.age = 2.0
    frames = {}
    top = None
    for which in ("all", "none", "large"):
        with texts(which):
            scene = screen.top(app)
            _settle(app, scene)
            if which == "all":
                top = scene
        frame = pygame.Surface((theme.WIDTH, theme.HEIGHT))
        _draw(app, frame, which)
        frames[which] = frame
    low = []
    band = getattr(top, "fade_band", None)  # a message scrolled under a chat's header
    for rect, ratio, large in text_runs(frames["all"], frames["none"], frames["large"]):
        if band is not None and band.contains(rect):
            continue  # fading out on purpose: an older message, read in full when it came
        need = LARGE if large else TEXT
        if ratio < need:
            low.append((tuple(rect), round(ratio, 2), "large" if large else "normal"))
    edges = [(what, round(r, 2)) for what, r in button_edges(top, frames["none"]) if r < EDGE]
    app.scenes = []
    return low, edges


def sweep(apps, screens=SCREENS, locales=LOCALES, sizes=SIZES, looks=LOOKS):
    """Every failure of every screen, as lines: scene, locale, size, look, rect, ratio."""
    from game.i18n import set_locale

    failures = []
    for look in looks:
        theme.use_look(look)
        art.clear_caches()
        for app in apps.values():
            app._backdrops.clear()
        for locale in locales:
            for size in sizes:
                for app in apps.values():
                    app.set_locale(locale)
                    app.set_text_size(size)
                for screen in screens:
                    app = apps[screen.mode]
                    low, edges = measure(app, screen)
                    where = f"{screen.name} {locale} {size} {look}"
                    failures += [f"{where}: text {r} {ratio} < ({kind})" for r, ratio, kind in low]
                    failures += [f"{where}: {what} {ratio} < 3" for what, ratio in edges]
    theme.use_look("normal")
    set_locale("en")
    return failures


def test_every_text_and_edge_stands_out(apps):
    started = time.perf_counter()
    failures = sweep(apps)
    assert not failures, f"{len(failures)} below the thresholds:\n" + "\n".join(failures)
    assert time.perf_counter() - started < 60


def test_the_measure_finds_grey_on_white(apps):
    """The method itself: light grey words on a white card are found and fail."""
    app = apps["solo"]
    app.set_text_size("normal")
    frames = {}
    for which in ("all", "none", "large"):
        with texts(which):
            frame = pygame.Surface((400, 120))
            frame.fill((255, 255, 255))
            words = app.text.render("Hello there", theme.TEXT_BODY, (170, 170, 170))
            frame.blit(words, (20, 20))
            frames[which] = frame
    runs = text_runs(frames["all"], frames["none"], frames["large"])
    assert len(runs) == 1
    _rect, ratio, large = runs[0]
    assert 2.0 < ratio < 2.6 and not large
