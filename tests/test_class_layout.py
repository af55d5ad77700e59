"""The class screens on a projector keep every text in its place, in every language.

For every story of the shipped scenarios: every decision (each set of options a class can
be offered there), the feedback of every choice with the chart of the votes, every question
before and after the story (asked and answered), the presenter notes (every page) and the
class results. Each screen's draw_content runs once, with its panels (art.rounded_rect: the
cards, rows, bands and strips) and its texts (Scene.blit_text) measured instead of painted:
each text's rendered size, placed at the point the screen gives it. A text must stay inside
the smallest panel (or button) holding that point, cross no panel inside that one, overlap
no other text and be drawn at least layout.CLASS_FLOOR pixels tall (Portuguese with the
large text size too); drawing must not fit any text (sizes are chosen when a screen is made).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pygame
import pytest

from game import art, i18n, layout
from game import text as text_module
from game.autoplay import start_app
from game.classroom import Ballot, ClassSession, Hands, Vote
from game.content import check_file
from game.flow import Play
from game.modes import ClassMode
from game.resources import SCENARIOS_FILE
from scenes import classroom
from scenes.base import Scene

LOCALES = ("en", "pt_BR", "th")
SCREEN = pygame.Rect(0, 0, 1280, 720)
COUNTS = [12, 3, 7, 1]  # the votes shown on a tally: two digits, like a real class's


@pytest.fixture(scope="module")
def content():
    content, diags = check_file(SCENARIOS_FILE)
    assert [d for d in diags if d.is_error] == []
    return content


@pytest.fixture
def class_app(content):
    def make(locale: str, group: str = "5B", text_size: str = "normal"):
        mode = ClassMode(ClassSession(group))
        return start_app(content, locale=locale, mode=mode, text_size=text_size)

    yield make
    i18n.set_locale("en")


@dataclass
class Drawn:
    """What one screen drew: its panels and its texts (text, size, rect, placed at)."""

    where: str
    scale: float = 1.0  # the operator's text size: a text of `size` points is this much larger
    panels: list[pygame.Rect] = field(default_factory=list)
    texts: list[tuple[str, int, pygame.Rect, tuple]] = field(default_factory=list)
    fitted: int = 0  # text fitted while drawing

    def problems(self) -> list[str]:
        out = []
        for text, size, rect, at in self.texts:
            name = f"{self.where}: {text[:50]!r} at {size} pt {tuple(rect)}"
            if round(size * self.scale) < layout.CLASS_FLOOR:
                out.append(f"{name} is drawn smaller than {layout.CLASS_FLOOR} px")
            holders = [p for p in self.panels if p.collidepoint(at)]
            holder = min(holders, key=lambda p: p.w * p.h) if holders else SCREEN
            if not holder.contains(rect):
                out.append(f"{name} runs past {tuple(holder)}")
                continue
            for panel in self.panels:
                if panel != holder and holder.contains(panel) and panel.colliderect(rect):
                    out.append(f"{name} runs into {tuple(panel)}")
                    break
        for (one, _s, rect, _a), (other, _t, rect2, _b) in itertools.combinations(self.texts, 2):
            if rect.colliderect(rect2):
                out.append(f"{self.where}: {one[:40]!r} overlaps {other[:40]!r}")
        if self.fitted:
            out.append(f"{self.where}: text was fitted while drawing")
        return out


def record(app, scene, where: str, surface: pygame.Surface) -> Drawn:
    """Draw the scene's content (not its backdrop) once, recording what it draws; the panels
    and texts are measured, not painted (the rest is)."""
    buttons = [pygame.Rect(b.rect) for b in scene.buttons.buttons]
    drawn = Drawn(where, app.text.scale, panels=buttons)
    rounded_rect = art.rounded_rect
    blit_text, shade = Scene.__dict__["blit_text"], Scene.__dict__["shade"]  # as defined
    fit, text_fit = text_module.fit, app.text.fit

    def panel(target, rect, *args, **kwargs):
        if target is not surface:
            return rounded_rect(target, rect, *args, **kwargs)
        drawn.panels.append(pygame.Rect(rect))
        return None

    def text(self, target, string, size, color, pos, *, anchor="topleft", **kwargs):
        image = self.app.text.render(string, size, color, **kwargs)
        rect = image.get_rect(**{anchor: pos})
        drawn.texts.append((string, size, rect, pos))
        return rect

    def fitting(*args, **kwargs):
        drawn.fitted += 1
        return fit(*args, **kwargs)

    def text_fitting(*args, **kwargs):
        drawn.fitted += 1
        return text_fit(*args, **kwargs)

    art.rounded_rect, Scene.blit_text, text_module.fit = panel, text, fitting
    Scene.shade = staticmethod(lambda target, alpha: None)  # type: ignore[method-assign]
    app.text.fit = text_fitting
    try:
        scene.draw_content(surface)
    finally:
        art.rounded_rect, Scene.blit_text, Scene.shade = rounded_rect, blit_text, shade
        text_module.fit = fit
        del app.text.fit
    return drawn


def offered(play, node_id: str, node):
    """Go to the node once for every set of options the class can be offered there (its
    choices' flags on and off)."""
    flags = sorted({f for c in node.choices for f in (c.if_flag, c.unless_flag) if f})
    found: list[list] = []
    for on in itertools.product((False, True), repeat=len(flags)):
        play.runtime.node_id = node_id
        play.runtime.flags = {f for f, set_ in zip(flags, on, strict=True) if set_}
        choices = play.choices()
        if choices and choices not in found:
            found.append(choices)
            yield choices


def votes(app, surface):
    """Every decision, with the keys' footers of each number of options, then the feedback
    of every choice with the chart of the class's votes."""
    footers_seen = set()
    for scenario in app.content.scenarios:
        play = Play(app, scenario)
        for node_id, node in scenario.nodes.items():
            for choices in offered(play, node_id, node):
                scene = classroom.ClassVoteScene(app, play, node)
                where = f"vote {scenario.id}/{node_id}"
                for k, _c in enumerate(choices):
                    scene.ballot.add(k)
                yield record(app, scene, where, surface)
                if len(choices) not in footers_seen:  # the other footers, once per count
                    footers_seen.add(len(choices))
                    scene.nudge = 2.5
                    yield record(app, scene, where + " (no votes yet)", surface)
                    scene.nudge = 0.0
                    scene.hands = Hands(scene.ballot)
                    for row in range(len(choices)):
                        scene.hands.row = row
                        yield record(app, scene, f"{where} (hands {row + 1})", surface)
                texts = [c.text for c in choices]
                marks = [c.safety for c in choices]
                for i, choice in enumerate(choices):
                    counts = COUNTS[: len(choices)]
                    vote = Vote(scenario.id, "decision", node_id, texts, counts, i, marks)
                    feedback = classroom.ClassFeedbackScene(app, play, choice, vote)
                    where = f"feedback {scenario.id}/{node_id}/{choice.id}"
                    yield record(app, feedback, where, surface)


def questions(app, surface):
    """Every question, asked, then answered (wrongly after the story: the longest footer,
    with the best answer in it)."""
    for scenario in app.content.scenarios:
        play = Play(app, scenario)
        for phase in ("pre", "post"):
            for index, question in enumerate(getattr(scenario, phase)):
                scene = classroom.ClassQuizScene(app, play, phase, index)
                where = f"quiz {scenario.id}/{phase}/{question.id}"
                yield record(app, scene, where, surface)
                wrong = next(i for i, a in enumerate(scene.answers) if not a.correct)
                scene.revealed, scene.picked, scene.right = True, wrong, False
                yield record(app, scene, where + " (answered)", surface)


def notes(app, surface):
    for scenario in app.content.scenarios:
        scene = classroom.NotesScene(app, scenario)
        for page in range(len(getattr(scene, "pages", [None]))):
            scene.page = page
            yield record(app, scene, f"notes {scenario.id} page {page + 1}", surface)


def summaries(app, surface):
    for scenario in app.content.scenarios:
        play = Play(app, scenario)
        session = app.mode.session
        session.votes.clear()
        node_id, node = next((i, n) for i, n in scenario.nodes.items() if n.choices)
        ballot = Ballot(len(node.choices))
        ballot.add(0)
        session.record_decision(app.recorder, scenario, node_id, list(node.choices), ballot)
        scene = classroom.ClassSummaryScene(app, play)
        yield record(app, scene, f"summary {scenario.id}", surface)


SCREENS = {"votes": votes, "questions": questions, "notes": notes, "summaries": summaries}


@pytest.mark.parametrize("screens", sorted(SCREENS))
@pytest.mark.parametrize(
    "locale, text_size", [*((locale, "normal") for locale in LOCALES), ("pt_BR", "large")]
)
def test_every_class_text_stays_in_its_card(class_app, locale, text_size, screens):
    app = class_app(locale, text_size=text_size)
    surface = pygame.Surface(SCREEN.size)
    problems, seen = [], 0
    for drawn in SCREENS[screens](app, surface):
        problems += drawn.problems()
        seen += 1
    assert seen >= len(app.content.scenarios)
    assert problems == [], f"{len(problems)} problems, the first:\n" + "\n".join(problems[:12])


def test_a_long_group_label_leaves_the_title_its_room(class_app, content):
    """The group's label on the right of the header takes what the story's title leaves."""
    app = class_app("pt_BR", group="Turma da tarde 5B, sala 12")
    surface = pygame.Surface(SCREEN.size)
    scenario = app.content.scenarios[0]
    play = Play(app, scenario)
    node_id, node = next((i, n) for i, n in scenario.nodes.items() if n.choices)
    play.runtime.node_id = node_id
    drawn = record(app, classroom.ClassVoteScene(app, play, node), "vote", surface)
    assert drawn.problems() == []
    assert any(scenario.title == text for text, *_rest in drawn.texts)


def in_box(app, block, box: layout.Box) -> None:
    """The block is laid out in the box: its weight, its width, and its size (smaller only
    if the text does not fit its room at the box's size)."""
    assert (block.bold, block.room.w) == (box.bold, box.width), block.text
    at_full = classroom.fits(app, block.text, box.size, block.room, box.bold, block.wrap)
    assert block.size == box.size if at_full else block.size < box.size, block.text


def test_the_class_screens_draw_in_their_boxes(class_app):
    """Each kind of string is laid out in its class box (layout.CLASS_*), and drawn as laid
    out, on every screen that shows it."""
    app = class_app("en")
    scenario = app.content.scenarios[0]
    play = Play(app, scenario)
    node_id, node = next((i, n) for i, n in scenario.nodes.items() if len(n.choices) >= 2)
    play.runtime.node_id = node_id
    scene = classroom.ClassVoteScene(app, play, node)
    choices = scene.choices
    in_box(app, scene.message, layout.CLASS_MESSAGE)
    for label in scene.tally.labels:
        in_box(app, label, layout.CLASS_CHOICE)
    texts, marks = [c.text for c in choices], [c.safety for c in choices]
    vote = Vote(scenario.id, "decision", node_id, texts, COUNTS[: len(choices)], 0, marks)
    feedback = classroom.ClassFeedbackScene(app, play, choices[0], vote)
    in_box(app, feedback.feedback, layout.CLASS_FEEDBACK)
    for label in feedback.tally.labels:
        in_box(app, label, layout.CLASS_CHART)
    quiz = classroom.ClassQuizScene(app, play, "pre", 0)
    in_box(app, quiz.ask, layout.CLASS_ASK)
    assert quiz.ask_size == quiz.ask.size
    for label in quiz.tally.labels:
        in_box(app, label, layout.CLASS_ANSWER)
    title, box = scene.header[0], layout.CLASS_TITLE
    assert (title.text, title.size, title.bold) == (scenario.title, box.size, box.bold)
    page = classroom.NotesScene(app, scenario).pages[0]
    items = [block for block, _color in page.lines if block.text.startswith("•")]
    assert {(b.bold, b.room.w) for b in items} == {(False, layout.CLASS_NOTE.width)}
    assert {b.size for b in items} <= set(range(layout.CLASS_FLOOR, layout.CLASS_NOTE.size + 1))
    # and drawn as laid out: each block at its size, at its room's anchor
    surface = pygame.Surface(SCREEN.size)
    for shown, blocks in (
        (scene, [scene.message, *scene.tally.labels, *scene.header]),
        (feedback, [feedback.feedback, *feedback.tally.labels]),
        (quiz, [quiz.ask, *quiz.tally.labels]),
    ):
        drawn = record(app, shown, type(shown).__name__, surface)
        for block in blocks:
            at = getattr(block.room, block.anchor)
            assert (block.text, block.size, at) in [(t, s, a) for t, s, _r, a in drawn.texts]


def test_the_notes_take_a_page_per_section_only_when_they_must(class_app):
    """At CLASS_FLOOR points the longest notes do not fit one page: the goals and the
    questions take a page each, Enter turns to the next, and N closes on any page."""
    app = class_app("pt_BR")
    longest = max(app.content.scenarios, key=lambda s: len(" ".join(s.objectives + s.discuss)))
    shortest = min(app.content.scenarios, key=lambda s: len(" ".join(s.objectives + s.discuss)))
    assert len(classroom.NotesScene(app, shortest).pages) == 1
    scene = classroom.NotesScene(app, longest)
    assert len(scene.pages) == 2
    popped = []
    app.pop = lambda: popped.append(True)  # type: ignore[method-assign]

    def key(name):
        return pygame.event.Event(pygame.KEYDOWN, key=name, mod=0, unicode="")

    scene.handle_event(key(pygame.K_RETURN))
    assert scene.page == 1 and not popped
    scene.handle_event(key(pygame.K_RETURN))  # on the last page Enter closes
    assert popped == [True]
    first = classroom.NotesScene(app, longest)
    first.handle_event(key(pygame.K_n))  # N closes from the first page too
    assert first.page == 0 and popped == [True, True]
