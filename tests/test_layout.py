"""The boxes of game/layout.py are the boxes the scenes draw in.

A story puts, in each kind of string, a string that fills its box exactly (its lines, each
as full as the words allow); each scene is drawn, and every time the text module renders
that string it must be at the box's size and weight, wrapped to the box's width (or, on one
line, no wider than it). Every box must be drawn by some scene. The call's and the talk's
boxes have as many lines as their scene can show while the next speaker is typing, and no
more. Layout is measured with the text module, and no shrink-to-fit runs while drawing."""

import dataclasses
import json
import re

import pygame
import pytest

from game import i18n, layout, text
from game.autoplay import Driver, start_app
from game.content import load_text
from game.flow import Play
from game.i18n_extract import field_hint
from game.text import Text
from scenes import scene_for
from scenes.ending import EndingScene, ResultsScene
from scenes.feedback import FeedbackScene
from scenes.menu import MenuScene
from scenes.quiz import QuizScene

WORDS = "tell a trusted adult when someone online asks for photos or secrets".split()

# Every string of the story is a token, replaced by the string that fills its box.
STORY = """\
format: 1
scenarios:
  - id: demo
    title: Demo
    topic: stranger
    age_band: "9-12"
    objectives: [Tell a trusted adult]
    characters:
      you: {name: You, role: player, look: kid}
      sam: {name: NAME, role: stranger, look: fox}
    pre:
      - id: q1
        ask: Who do you tell?
        answers:
          - text: No one at all
          - {text: A trusted adult, correct: true}
      - id: q2
        ask: Is a secret with a stranger OK?
        answers:
          - text: Yes, it is
          - {text: No, never, correct: true}
      - id: q3
        ask: Gifts from strangers?
        answers:
          - {text: Tell an adult, correct: true}
          - text: Keep them
    post:
      - id: p1
        ask: QUIZ_ASK
        answers:
          - {text: QUIZ_ANSWER, correct: true}
          - text: No one at all
        explain: QUIZ_EXPLAIN
      - id: p2
        ask: Secret?
        answers:
          - {text: Tell, correct: true}
          - text: Keep
      - id: p3
        ask: Gift?
        transfer: true
        answers:
          - {text: Tell, correct: true}
          - text: Keep
    start: hello
    nodes:
      hello:
        scene: chat
        app: APP
        messages:
          - {from: sam, text: CHAT_MESSAGE}
          - {from: system, text: CHAT_NOTE}
        choices:
          - {text: CHOICE, goto: page, safety: safe, feedback: FEEDBACK}
          - {text: Say yes, goto: page, safety: risky, feedback: Free coins can be a trick.}
      page:
        scene: profile
        of: sam
        bio: PROFILE_BIO
        details: [PROFILE_DETAIL]
        messages:
          - {from: sam, text: PROFILE_MESSAGE}
          - {from: system, text: PROFILE_NOTE}
        choices:
          - {text: Block Sam, goto: ring, safety: safe, feedback: Good.}
      ring:
        scene: call
        messages:
          - {from: sam, text: CALL_CAPTION}
          - {from: sam, text: Are you there?}
          - {from: system, text: CALL_NOTE}
        choices:
          - {text: Hang up, goto: mum, safety: safe, feedback: Good.}
      mum:
        scene: dialogue
        messages:
          - {from: sam, text: DIALOGUE_LINE}
          - {from: you, text: Mum, look at this.}
          - {from: system, text: DIALOGUE_NARRATION}
        choices:
          - {text: Show the chat, goto: end, safety: safe, feedback: Well done.}
      stream:
        scene: live
        messages:
          - {from: sam, text: LIVE_COMMENT}
          - {from: system, text: LIVE_NOTE}
        choices:
          - {text: Say no, goto: end, safety: safe, feedback: Good.}
      lobby:
        scene: voice
        messages:
          - {from: sam, text: VOICE_CAPTION}
          - {from: sam, text: Are you there?}
          - {from: system, text: VOICE_NOTE}
        choices:
          - {text: Leave the chat, goto: end, safety: safe, feedback: Good.}
      end:
        scene: ending
        title: ENDING_TITLE
        text: ENDING_TEXT
        takeaway: ENDING_TAKEAWAY
        adult: ENDING_ADULT
"""
TOKENS = [name for name in layout.every_box() if re.search(rf"\b{name}\b", STORY)]


def filling(
    measure: Text, name: str, box: layout.Box, lines: int | None = None, before: str = ""
) -> str:
    """A string (starting with the box's name, so that it is found) that takes `lines` lines
    (the box's by default) of the box, as long as whole words allow; `before`: a text drawn
    in front of it (a caller's name)."""
    lines = lines or box.lines
    words = [name.lower()]
    while True:
        longer = " ".join([*words, WORDS[len(words) % len(WORDS)]])
        if len(measure.lines(before + longer, box.size, box.width, box.bold)) > lines:
            return " ".join(words)
        words.append(WORDS[len(words) % len(WORDS)])


def story(measure: Text, *full: str, **texts):
    """The story with the tokens of `full` filled with the string that fills their box, those
    of `texts` with the string it gives, and the others with a word (the token's name)."""
    boxes = layout.every_box()
    source = STORY
    for name in TOKENS:
        filled = texts.get(name) or (
            filling(measure, name, boxes[name]) if name in full else name.lower()
        )
        source = re.sub(rf"\b{name}\b", lambda _m, filled=filled: json.dumps(filled), source)
    content, diags = load_text(source, "layout.yaml")
    assert content is not None, [d.format() for d in diags]
    return content


class Rendered:
    """What the text module was asked to draw: (text, size, bold, width, the surface)."""

    def __init__(self, app):
        self.calls: list[tuple] = []
        render = app.text.render

        def recording(text, size, color, *, bold=False, width=None, align="left", spacing=1.0):
            image = render(text, size, color, bold=bold, width=width, align=align, spacing=spacing)
            self.calls.append((text, size, bold, width, image))
            return image

        app.text.render = recording

    def of(self, string: str) -> list[tuple]:
        return [call for call in self.calls if string in call[0]]


@pytest.fixture(scope="module")
def app():
    # A Brazilian player: the ending lists one country's help services (English lists both,
    # and its fullest cards shrink their text: tests/test_text_size.py).
    app = start_app(load_text(STORY, "layout.yaml")[0], locale="pt_BR")
    yield app
    i18n.set_locale("en")


def play_of(app, content):
    return Play(app, content.scenarios[0])


def node_scene(node_id: str, turns=None):
    def show(app, content, surface):
        play = play_of(app, content)
        node = content.scenarios[0].nodes[node_id]
        scene = scene_for(node.scene)(app, play, node)
        scene.skip()  # every message, then the choices
        scene.update(1.0)  # the buttons slide in
        scene.draw(surface)

    return show


def feedback(app, content, surface):
    choice = content.scenarios[0].nodes["hello"].choices[0]
    scene = FeedbackScene(app, play_of(app, content), choice)
    scene.update(1.0)
    scene.draw(surface)


def quiz(answered: bool):
    def show(app, content, surface):
        scene = QuizScene(app, play_of(app, content), "post", 0)
        scene.update(1.0)
        if answered:
            right = next(b for b in scene.buttons.buttons if b.action.correct)
            scene.pressed(right)
        scene.draw(surface)

    return show


def ending(app, content, surface):
    scene = EndingScene(app, play_of(app, content), content.scenarios[0].nodes["end"])
    scene.update(1.0)
    scene.draw(surface)


def results(app, content, surface):
    box = layout.RESULTS_TAKEAWAY
    content = story(app.text, ENDING_TAKEAWAY=filling(app.text, "RESULTS_TAKEAWAY", box))
    play = play_of(app, content)
    for _node in ("hello", "page", "ring", "mum"):
        play.runtime.choose(play.runtime.current().choices[0].id)
    scene = ResultsScene(app, play)
    scene.draw(surface)


def menu(cards: int, token: str):
    """The menu with `cards` stories (more than 4: two rows of smaller cards) titled with
    the string of `token`'s box."""

    def show(app, content, surface):
        title = filling(app.text, token, layout.every_box()[token])
        scenario = dataclasses.replace(content.scenarios[0], title=title)
        shown = tuple(dataclasses.replace(scenario, id=f"demo{i}") for i in range(cards))
        saved = app.content
        app._content = dataclasses.replace(content, scenarios=shown)
        try:
            scene = MenuScene(app)
            scene.update(1.0)
            scene.draw(surface)
        finally:
            app._content = saved

    return show


# Which scene shows each box.
SHOWN_BY = {
    "CHAT_MESSAGE": node_scene("hello"),
    "CHAT_NOTE": node_scene("hello"),
    "APP": node_scene("hello"),
    "CHOICE": node_scene("hello"),
    "PROFILE_MESSAGE": node_scene("page"),
    "PROFILE_NOTE": node_scene("page"),
    "PROFILE_BIO": node_scene("page"),
    "PROFILE_DETAIL": node_scene("page"),
    "CALL_CAPTION": node_scene("ring"),
    "CALL_NOTE": node_scene("ring"),
    "DIALOGUE_LINE": node_scene("mum"),
    "DIALOGUE_NARRATION": node_scene("mum"),
    "NAME": node_scene("mum"),
    "LIVE_COMMENT": node_scene("stream"),
    "LIVE_NOTE": node_scene("stream"),
    "VOICE_CAPTION": node_scene("lobby"),
    "VOICE_NOTE": node_scene("lobby"),
    "FEEDBACK": feedback,
    "QUIZ_ASK": quiz(answered=False),
    "QUIZ_ANSWER": quiz(answered=False),
    "QUIZ_EXPLAIN": quiz(answered=True),
    "ENDING_TITLE": ending,
    "ENDING_TEXT": ending,
    "ENDING_TAKEAWAY": ending,
    "ENDING_ADULT": ending,
    "RESULTS_TAKEAWAY": results,
    "MENU_TITLE": menu(4, "MENU_TITLE"),
    "MENU_TITLE_SMALL": menu(8, "MENU_TITLE_SMALL"),
}


def test_every_box_is_shown_by_a_scene():
    assert sorted(SHOWN_BY) == sorted(layout.every_box())
    # every box but the menu's and the results' holds a kind of string of the story above
    others = {"MENU_TITLE", "MENU_TITLE_SMALL", "RESULTS_TAKEAWAY"}
    assert sorted(TOKENS) == sorted(set(layout.every_box()) - others)


@pytest.mark.parametrize("name", sorted(SHOWN_BY))
def test_the_scene_draws_a_full_box_in_the_box(app, name):
    box = layout.every_box()[name]
    string = filling(app.text, name, box)
    assert len(app.text.lines(string, box.size, box.width, box.bold)) == box.lines
    content = story(app.text, name)  # the string of this box fills it, the others are short
    rendered = Rendered(app)
    try:
        SHOWN_BY[name](app, content, pygame.Surface((1280, 720)))
    finally:
        del app.text.render
    calls = rendered.of(string)
    assert calls, f"{name}: the scene did not draw the string"
    for drawn, size, bold, width, image in calls:
        assert (size, bold) == (box.size, box.bold), (name, drawn)
        if width is not None:
            assert width == box.width, (name, drawn)
        else:  # one line, not wrapped: no wider than the box
            assert image.get_width() <= box.width, (name, drawn)
        assert image.get_width() <= box.width, (name, drawn)


class Screen(pygame.Surface):
    """A screen that remembers which surfaces were drawn on it."""

    def __init__(self):
        super().__init__((1280, 720))
        self.drawn: list[pygame.Surface] = []

    def blit(self, source, *args, **kwargs):
        self.drawn.append(source)
        return super().blit(source, *args, **kwargs)


@pytest.mark.parametrize("name, node_id", [("CALL_CAPTION", "ring"), ("DIALOGUE_LINE", "mum")])
def test_a_line_of_its_box_shows_while_the_next_speaker_types_one_line_more_does_not(
    app, name, node_id
):
    box = layout.every_box()[name]
    before = "Sam: " if name == "CALL_CAPTION" else ""  # a call's captions start with a name
    for lines, shown in ((box.lines, True), (box.lines + 1, False)):
        string = filling(app.text, name, box, lines, before)
        drawn = before + string
        assert len(app.text.lines(drawn, box.size, box.width, box.bold)) == lines
        content = story(app.text, NAME="Sam", **{name: string})
        node = content.scenarios[0].nodes[node_id]
        scene = scene_for(node.scene)(app, play_of(app, content), node)
        scene.reveal()  # the first line; the next speaker is typing
        assert scene.typing_now()
        rendered = Rendered(app)
        screen = Screen()
        try:
            scene.draw(screen)
        finally:
            del app.text.render
        (image,) = [call[4] for call in rendered.calls if call[0] == drawn]
        assert any(surface is image for surface in screen.drawn) == shown, (name, lines)


def test_a_profile_message_is_checked_in_the_profiles_box_not_the_chats(app, tmp_path, monkeypatch):
    """The same English message in a chat and in a profile: it fills the 6 lines of a
    chat's 434 pixels and needs more of a profile's 304. `check` reports the profile's."""
    from game.content.translations import check_catalogs

    chat, profile = layout.CHAT_MESSAGE, layout.PROFILE_MESSAGE
    string = filling(app.text, "x", chat)
    assert len(app.text.lines(string, chat.size, chat.width, chat.bold)) == 6
    needed = len(app.text.lines(string, profile.size, profile.width, profile.bold))
    assert needed > 6
    content = story(app.text, CHAT_MESSAGE=string, PROFILE_MESSAGE=string)
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)  # no catalogs: the English alone
    diags, _coverage = check_catalogs(content, locales=["pt_BR"], text=app.text)
    found = [d for d in diags if d.code == "E205"]
    at = content.scenarios[0].nodes["page"].messages[0].at["text"]
    assert [(d.line, d.col) for d in found] == [(at.line, at.col)]
    assert found[0].message.endswith(f"needs {needed} lines where 6 fit")


def test_the_translators_note_is_the_box_of_the_scene(app):
    from game.content.strings import iter_strings

    content = story(app.text)
    hints = {e.context: field_hint(e) for e in iter_strings(content)}
    assert hints["demo/nodes/hello/messages/1"] == layout.CHAT_MESSAGE.hint()
    assert hints["demo/nodes/hello/messages/2"] == layout.CHAT_NOTE.hint()
    assert hints["demo/nodes/page/messages/1"] == layout.PROFILE_MESSAGE.hint()
    assert hints["demo/nodes/page/messages/2"] == layout.PROFILE_NOTE.hint()
    assert hints["demo/nodes/ring/messages/1"] == layout.CALL_CAPTION.hint()
    assert hints["demo/nodes/mum/messages/3"] == layout.DIALOGUE_NARRATION.hint()
    assert hints["demo/nodes/mum/choices/c1/text"] == layout.CHOICE.hint()
    assert hints["demo/characters/sam/name"] == layout.NAME.hint()
    # the takeaway is shown on the ending and on the results: the note names the least room
    assert (
        hints["demo/nodes/end/takeaway"]
        == layout.tightest((layout.ENDING_TAKEAWAY, layout.RESULTS_TAKEAWAY)).hint()
    )
    assert layout.PROFILE_MESSAGE.hint() == (
        "a message beside a profile; about 125 characters on 6 lines"
    )


@pytest.mark.parametrize("locale", ["en", "th"])
def test_the_text_module_measures_what_it_draws(locale):
    measure = Text()
    string = (
        "Tell a trusted adult if someone online asks you for photos."
        if locale == "en"
        else "ถ้า\u200bมี\u200bคน\u200bออนไลน์\u200bขอ\u200bรูป ให้\u200bบอก\u200bผู้ใหญ่\u200bที่\u200bไว้ใจ"
    )
    for size in (18, 24, 36):
        for bold in (False, True):
            for width in (None, 120, 300):
                image = measure.render(string, size, (0, 0, 0), bold=bold, width=width)
                assert measure.height(string, size, bold, width) == image.get_height()


def test_fit_is_the_one_shrink_to_fit():
    assert text.fit(lambda k: k >= 6, most=12) == 6
    assert text.fit(lambda k: True, most=12) == 0
    assert text.fit(lambda k: False, most=12) == 12  # nothing fits: as small as allowed
    assert text.fit(lambda k: False, most=11) == 12  # ... the first step past `most`
    measure = Text()
    wide = measure.measure("Net Heroes", 30, True)
    assert measure.fit("Net Heroes", 30, wide, True) == 30
    assert measure.fit("Net Heroes", 30, wide - 1, True) < 30
    two = measure.fit("Net Heroes play safe online", 30, 200, True, lines=2)
    assert len(measure.lines("Net Heroes play safe online", two, 200, True)) <= 2


def test_no_shrink_to_fit_runs_while_a_frame_is_drawn(monkeypatch):
    """The sizes are chosen when a scene is made or laid out: drawing only draws. Solo play
    with large text (where text shrinks), then a class session (its tallies and footer)."""
    import importlib
    import pkgutil
    import sys

    import scenes
    from game.classroom import ClassSession
    from game.content import check_file
    from game.modes import ClassMode
    from game.resources import SCENARIOS_FILE

    for module in pkgutil.iter_modules(scenes.__path__):
        importlib.import_module(f"scenes.{module.name}")
    real_fit = text.fit
    state = {"drawing": False, "in_draw": 0, "outside": 0}

    def watched(*args, **kwargs):
        state["in_draw" if state["drawing"] else "outside"] += 1
        return real_fit(*args, **kwargs)

    for module in list(sys.modules.values()):
        if getattr(module, "fit", None) is real_fit:
            monkeypatch.setattr(module, "fit", watched)
    content, _ = check_file(SCENARIOS_FILE)
    app = start_app(content, locale="pt_BR", text_size="large")
    draw = app.draw

    def drawing(surface):
        state["drawing"] = True
        try:
            draw(surface)
        finally:
            state["drawing"] = False

    def keys(*names):
        for name in names:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=name, mod=0, unicode=""))
        app.frame(0.05, pygame.event.get())
        for _ in range(3):
            app.frame(0.1, [])

    app.draw = drawing
    try:
        driver = Driver(app, "risky", dt=0.25)
        for scenario in content.scenarios:
            driver.play(scenario.id)
        app.open_help()
        for _ in range(5):
            driver.step()
        pygame.event.clear()
        app.reset(MenuScene(app))
        app.mode = ClassMode(ClassSession("5B"))
        Play(app, app.content.scenarios[0]).begin()
        app.frame(0.1, [])
        for _ in range(40):
            name = type(app.top).__name__
            if name == "ClassVoteScene":
                break
            if name == "ClassQuizScene":
                keys(pygame.K_RETURN, pygame.K_1, pygame.K_2, pygame.K_h, pygame.K_h)
                keys(pygame.K_RETURN, pygame.K_RETURN)
            else:
                keys(pygame.K_SPACE)
        assert type(app.top).__name__ == "ClassVoteScene"
        keys(pygame.K_RETURN, pygame.K_1, pygame.K_h, pygame.K_h, pygame.K_n)
        keys(pygame.K_n, pygame.K_RETURN)
        assert type(app.top).__name__ == "ClassFeedbackScene"
    finally:
        i18n.set_locale("en")
    assert state["outside"] > 0  # the scenes did fit their text ...
    assert state["in_draw"] == 0  # ... never while drawing
