"""The livestream (`scene: live`) and the voice chat (`scene: voice`). A small story with one
of each plays through the real scenes; the transcript shows them, a gift included; the
loader reports a wrong viewer count or gift at its place; every text reads in every language,
size and look; with less movement the scenes stand still."""

from __future__ import annotations

import pygame
import pytest

from game import layout, theme
from game.autoplay import Driver, start_app
from game.content import load_text
from game.transcript import Transcript

from .helpers import MINIMAL, check_story, loaded, with_friend

NODES = """\
      stream:
        scene: live
        app: StarCast
        viewers: 120
        messages:
          - from: sam
            text: Hi! Great stream!
            gift: rose
          - from: dani
            text: What school do you go to?
          - from: sam
            text: I sent you a star, now show us your room!
            gift: star
        choices:
          - text: Keep my school private
            say: I don't share that. Thanks for watching!
            goto: lobby
            safety: safe
            feedback: Well done. Viewers don't need your school.
          - text: Say the school
            goto: lobby
            safety: risky
            feedback: A school tells strangers where to find you.
      lobby:
        scene: voice
        app: Block Quest
        messages:
          - from: dani
            text: Nice jump!
          - from: sam
            text: Add me on another app, just us two?
          - from: system
            text: Sam is still talking.
        choices:
          - text: Stay with the team
            say: No thanks, I'll stay here.
            goto: mum
            safety: safe
            feedback: Good. Moving to a private app is a warning sign.
          - text: Add Sam
            goto: mum
            safety: risky
            feedback: Someone who wants you alone in a private app is a warning sign.
      mum:
"""
STORY = with_friend(
    MINIMAL.replace(
        "          - text: Tell mum\n            goto: mum\n",
        "          - text: Tell mum\n            goto: stream\n",
        1,
    ).replace("      mum:\n", NODES, 1)
)
diagnose = check_story


@pytest.fixture(scope="module")
def content():
    content, diags = load_text(STORY, "s.yaml")
    assert content is not None
    assert diagnose(STORY) == []
    return content


def test_the_new_fields_are_read(content):
    nodes = content.scenarios[0].nodes
    assert nodes["stream"].viewers == 120 and nodes["lobby"].viewers is None
    assert [m.gift for m in nodes["stream"].messages] == ["rose", "", "star"]


# -- located diagnostics ---------------------------------------------------------------------
def where(text: str, needle: str) -> tuple[int, int]:
    """The line and column where `needle` starts in the story (1-based)."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


@pytest.mark.parametrize(
    "old, new, code, words",
    [
        ("viewers: 120", "viewers: lots", "E012", "whole number"),
        ("viewers: 120", "viewers: -5", "E012", "negative"),
        ("viewers: 120", "viewers: 1.5", "E012", "whole number"),
        ("gift: rose", "gift: car", "E014", "rose, star, diamond"),
    ],
)
def test_a_wrong_viewer_count_or_gift_is_reported_at_its_value(old, new, code, words):
    story = STORY.replace(old, new, 1)
    found = [d for d in diagnose(story) if d.is_error]
    value = new.split(": ")[1]
    assert [(d.line, d.col, d.code) for d in found] == [(*where(story, value), code)]
    assert words in found[0].message
    assert value in found[0].message


def test_viewers_and_gifts_belong_on_a_live_node():
    story = STORY.replace("        scene: voice\n", "        scene: voice\n        viewers: 3\n")
    story = story.replace(
        "            text: Nice jump!\n", "            text: Nice jump!\n            gift: star\n"
    )
    found = [d for d in diagnose(story) if d.is_error]
    assert [(d.code, d.line) for d in found] == [
        ("E115", where(story, "viewers: 3")[0]),
        ("E115", where(story, "Nice jump!")[0] + 1),
    ]
    assert "belongs on a live node" in found[0].message


# -- the scenes ------------------------------------------------------------------------------
def test_the_story_plays_through_both_scenes_and_the_transcript_shows_them(content):
    from scenes.live import LiveScene
    from scenes.voice import VoiceScene

    seen = []
    transcript = Transcript()
    app = start_app(content, observer=transcript.add)
    driver = Driver(app, "safe", dt=0.1)
    original = app.replace

    def replace(scene):
        seen.append(type(scene))
        original(scene)

    app.replace = replace
    driver.play("demo")
    assert LiveScene in seen and VoiceScene in seen
    text = transcript.text()
    assert "[live: StarCast, 120 viewers]" in text
    assert "(gift: rose) Sam: Hi! Great stream!" in text
    assert "Dani: What school do you go to?" in text
    assert "(gift: star) Sam: I sent you a star, now show us your room!" in text
    assert "[voice chat: Block Quest]" in text
    assert "Sam: Add me on another app, just us two?" in text
    assert "(Sam is still talking.)" in text
    assert "[ending] Safe!" in text


def test_the_transcript_names_a_live_without_an_app_or_a_count():
    transcript = Transcript()
    transcript.add("scene", {"scene": "live", "app": "", "viewers": None})
    transcript.add("scene", {"scene": "live", "app": "", "viewers": 1})
    transcript.add("scene", {"scene": "voice", "app": ""})
    assert transcript.lines == ["[live]", "[live: 1 viewer]", "[voice chat]"]


def test_narration_announces_the_scenes_and_reads_the_gifts():
    from game.speech.lines import Index, Reader

    for locale, live, gift in (
        ("en", "LIVE: StarCast: 120 viewers", "Sam sent you a gift: Rose: Hi!"),
        ("pt_BR", "AO VIVO: StarCast: 120 assistindo", "Sam te mandou um presente: Rosa: Hi!"),
    ):
        reader = Reader(Index(locale))
        said = reader.read("scene", {"scene": "live", "app": "StarCast", "viewers": 120})
        assert [line.text for line in said] == [live]
        said = reader.read("message", {"speaker": "Sam", "text": "Hi!", "gift": "rose"})
        assert [line.text for line in said] == [gift]
    reader = Reader(Index("en"))
    said = reader.read("scene", {"scene": "voice", "app": "Block Quest"})
    assert [line.text for line in said] == ["Voice chat: Block Quest"]


def stage(app, content, node_id: str):
    from game.flow import Play
    from scenes import scene_for

    play = Play(app, content.scenarios[0])
    play.runtime.node_id = node_id
    node = play.runtime.current()
    scene = scene_for(node.scene)(app, play, node)
    app.scenes[-1:] = [scene]
    scene.enter()
    scene.skip()
    return scene


def test_the_live_scene_shows_the_count_the_gifts_and_every_comment(content):
    app = start_app(content)
    scene = stage(app, content, "stream")
    scene.draw(pygame.Surface((theme.WIDTH, theme.HEIGHT)))
    assert scene.count_text == "120 viewers"
    assert {i: line.gift for i, line in enumerate(scene.lines) if line.gift} == {
        0: "rose",
        2: "star",
    }
    # a gift card is taller than a plain comment of the same length: its head
    plain, gift = scene.card(1), scene.card(0)
    assert gift.get_height() > plain.get_height()
    # every card fits the column
    assert all(scene.card(i).get_width() <= 354 for i in range(len(scene.lines)))


def test_the_voice_scene_rings_round_whoever_speaks(content):
    app = start_app(content)
    scene = stage(app, content, "lobby")
    assert scene.people == ["you", "dani", "sam"]
    assert scene.speaking() == "sam"  # the note from nobody is not a speaker
    fresh = stage(app, content, "lobby")
    fresh.shown, fresh.lines = 0, []
    assert fresh.speaking() == "dani"  # the first line is arriving


def test_a_voice_scene_with_one_other_person_is_a_call():
    from game.speech.lines import Index, Reader

    app = start_app(loaded(STORY))
    assert stage(app, loaded(STORY), "lobby").title == "Voice chat"  # Dani and Sam
    one = STORY.replace("          - from: dani\n            text: Nice jump!\n", "", 1)
    content = loaded(one)
    scene = stage(start_app(content), content, "lobby")
    assert scene.people == ["you", "sam"] and scene.title == "Voice call"
    events = []
    scene.app.show = lambda kind, **data: events.append((kind, data))
    scene.enter()
    assert events == [("scene", {"scene": "voice", "app": "Block Quest", "call": True})]
    said = Reader(Index("en")).read(*events[0])
    assert [line.text for line in said] == ["Voice call: Block Quest"]
    transcript = Transcript()
    transcript.add(*events[0])
    assert transcript.text().strip() == "[voice call: Block Quest]"


def test_each_box_of_the_new_scenes_is_what_check_measures():
    assert layout.boxes("message.text", "live") == (layout.LIVE_COMMENT,)
    assert layout.boxes("message.text", "live", narration=True) == (layout.LIVE_NOTE,)
    assert layout.boxes("choice.say", "voice") == (layout.VOICE_CAPTION,)
    assert layout.boxes("choice.do", "voice") == (layout.VOICE_NOTE,)


def test_check_measures_a_comment_in_the_live_box():
    """E205 measures a live comment in the comment's box: a text that fits a talk's lines
    (and would fit a chat's bubble) overflows the comment's narrower ones."""
    from game.content.translations import check_catalogs
    from game.text import Text

    text = Text()
    box = layout.LIVE_COMMENT
    words = "tell a trusted adult when someone online asks for photos or secrets"
    long = " ".join([words] * 3)
    assert len(text.lines(long, box.size, box.width)) > box.lines
    story = STORY.replace("text: What school do you go to?", f"text: {long}")
    content, _ = load_text(story, "s.yaml")
    assert content is not None
    diags, _ = check_catalogs(content, locales=["pt_BR"], text=text)
    found = [d for d in diags if d.code == "E205"]
    assert [d.line for d in found] == [where(story, long)[0]]
    assert f"where {box.lines} fit" in found[0].message


# -- contrast and movement -------------------------------------------------------------------
def test_both_scenes_stand_out_in_every_language_size_and_look(content):
    from .test_contrast import Screen, sweep

    app = start_app(content)
    app.drawing = False
    screens = [
        Screen("live", lambda app: [], lambda app: stage(app, content, "stream")),
        Screen("voice", lambda app: [], lambda app: stage(app, content, "lobby")),
    ]
    failures = sweep({"solo": app}, screens=screens)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("node_id", ["stream", "lobby"])
def test_with_less_movement_the_scene_stands_still(content, node_id):
    app = start_app(content)
    app.session.access.reduced_motion = True
    try:
        frames = []
        app.scenes = [stage(app, content, node_id)]
        app._ops.clear()
        for _ in range(8):
            app.frame(0.25, [])
        for _ in range(2):
            app.draw(app.screen)
            frames.append(pygame.image.tobytes(app.screen, "RGB"))
            app.frame(1.0, [])
        assert frames[0] == frames[1]
        # and without it, the scene moves (the check can see movement)
        app.session.access.reduced_motion = False
        app.draw(app.screen)
        first = pygame.image.tobytes(app.screen, "RGB")
        app.frame(1.0, [])
        app.draw(app.screen)
        assert first != pygame.image.tobytes(app.screen, "RGB")
    finally:
        app.session.access.reduced_motion = False
