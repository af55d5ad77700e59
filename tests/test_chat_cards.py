"""The cards of a chat: a forwarded photo shown as a card that hides it (never a picture), a
payment request with its drawn pattern, and the header of a group chat. A small story plays
through the real scenes; the loader reports a wrong `image:` or `request:` at its place."""

from __future__ import annotations

import pygame
import pytest

from game import art, theme
from game.autoplay import Driver, start_app
from game.content import load_text
from game.transcript import Transcript

from .helpers import check_story, loaded, with_change, with_friend

GROUP_MESSAGES = """\
        messages:
          - from: sam
            text: hi! want free coins?
          - from: dani
            text: Someone made a fake photo of Lia with an app.
            image: forwarded
          - from: sam
            text: Scan this code and pay 10 to get 1000 diamonds!
            request: payment
"""
STORY = with_friend(
    with_change(
        """\
        messages:
          - from: sam
            text: hi! want free coins?
""",
        GROUP_MESSAGES,
    )
)
diagnose = check_story


@pytest.fixture(scope="module")
def content():
    content, diags = load_text(STORY, "s.yaml")
    assert content is not None
    assert [d for d in diags if d.is_error] == []
    return content


def test_the_new_fields_are_read_into_the_messages(content):
    hello = content.scenarios[0].nodes["hello"]
    assert [(m.speaker, m.image, m.request) for m in hello.messages] == [
        ("sam", "", ""),
        ("dani", "forwarded", ""),
        ("sam", "", "payment"),
    ]
    assert diagnose(STORY) == []


# -- located diagnostics ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "old, new, where, hint",
    [
        # a word close to the one allowed: did you mean
        ("image: forwarded", "image: forwared", (60, 20), "did you mean 'forwarded'?"),
        # a file name where a kind belongs: the card never shows a picture
        ("image: forwarded", "image: lia.png", (60, 20), "never shows the picture"),
        ("request: payment", "request: paymnet", (63, 22), "did you mean 'payment'?"),
        ("request: payment", "request: pix", (63, 22), "a request card asks for"),
    ],
)
def test_a_wrong_image_or_request_is_reported_at_its_value(old, new, where, hint):
    found = [d for d in diagnose(STORY.replace(old, new)) if d.is_error]
    assert [(d.line, d.col, d.code) for d in found] == [(*where, "E014")]
    assert hint in found[0].hint
    assert new.split(": ")[1] in found[0].message


def test_an_image_that_is_not_text_is_reported_at_its_value():
    found = diagnose(STORY.replace("image: forwarded", "image: [forwarded]"))
    assert [(d.line, d.col, d.code) for d in found] == [(60, 20, "E012")]


# -- the scenes ------------------------------------------------------------------------------
def test_the_story_plays_through_the_scenes_and_the_transcript_shows_the_cards(content):
    transcript = Transcript()
    app = start_app(content, observer=transcript.add)
    Driver(app, "safe", dt=0.1).play("demo")
    text = transcript.text()
    assert "Dani: [forwarded photo, hidden] Someone made a fake photo of Lia with an app." in text
    assert "Sam: [payment request] Scan this code and pay 10 to get 1000 diamonds!" in text
    assert "[ending] Safe!" in text


def chat_scene(app, content, node_id="hello"):
    from game.flow import Play
    from scenes.chat import ChatScene

    play = Play(app, content.scenarios[0])
    play.runtime.node_id = node_id
    scene = ChatScene(app, play, play.runtime.current())
    app.scenes[-1:] = [scene]
    scene.enter()
    scene.skip()
    return scene


def test_the_cards_are_drawn_without_any_image_file(content, monkeypatch):
    def no_files(*args, **kwargs):
        raise AssertionError("a message card loaded an image file")

    app = start_app(content)
    monkeypatch.setattr(pygame.image, "load", no_files)
    monkeypatch.setattr(art, "image", no_files)
    scene = chat_scene(app, content)
    frame = pygame.Surface((theme.WIDTH, theme.HEIGHT))
    scene.draw(frame)
    lines = scene.play.thread
    assert [scene.image_of(line) for line in lines] == ["", "forwarded", ""]
    photo, payment = scene.bubble(lines[1]), scene.bubble(lines[2])
    # the hidden photo's card is taller than its text and head alone: the blurred block
    words = app.text.height(lines[1].text, scene.message_box.size, width=scene.line_width())
    assert photo.get_height() > words + 100
    # a payment card's pattern sits beside its text, inside the stage
    assert payment.get_width() <= scene.area.w
    assert scene.bubble(lines[0]).get_height() < payment.get_height()


def test_a_group_chat_header_names_the_group_and_counts_its_members(content):
    app = start_app(content)
    scene = chat_scene(app, content)
    assert [c.id for c in scene.group] == ["sam", "dani"]
    assert scene.header_name == "Game chat"
    assert scene.header_status == "3 members"
    # one other person: the contact's name and "online", as before
    later = chat_scene(app, content, "later")
    assert later.group == [] and later.header_name == "Sam"
    assert later.header_status == "online"


def test_a_group_chat_can_say_how_many_are_in_it():
    story = STORY.replace(
        "        app: Game chat\n", "        app: Game chat\n        members: 31\n", 1
    )
    content = loaded(story)
    assert chat_scene(start_app(content), content).header_status == "31 members"
    # never fewer than those who write: a typo cannot make a group of three say "1 member"
    small = loaded(story.replace("members: 31", "members: 1"))
    assert chat_scene(start_app(small), small).header_status == "3 members"


@pytest.mark.parametrize(
    "value, message",
    [("lots", "whole number"), ("-4", "negative"), ("2.5", "whole number")],
)
def test_a_wrong_member_count_is_reported_at_its_value(value, message):
    story = STORY.replace(
        "        app: Game chat\n", f"        app: Game chat\n        members: {value}\n", 1
    )
    found = [d for d in diagnose(story) if d.code == "E012"]
    line = story.splitlines().index(f"        members: {value}") + 1
    assert [(d.line, d.col) for d in found] == [(line, 18)] and message in found[0].message


def test_members_belong_on_a_chat_node():
    story = STORY.replace(
        "        scene: dialogue\n", "        scene: dialogue\n        members: 30\n", 1
    )
    assert "members: 30" in story
    found = [d for d in diagnose(story) if d.code == "E115"]
    assert len(found) == 1 and "'members' belongs on a chat node" in found[0].message


def test_the_group_header_counts_in_each_language(content):
    from game.i18n import set_locale

    app = start_app(content, locale="pt_BR")
    try:
        assert chat_scene(app, content).header_status == "3 participantes"
        app.set_locale("th")
        status = chat_scene(app, content).header_status
        assert status.replace("\u200b", "") == "สมาชิก 3 คน"
    finally:
        set_locale("en")


# -- contrast: the same measure as tests/test_contrast.py, on this story's cards -----------------
def test_the_cards_and_the_group_header_stand_out(content):
    from .test_contrast import Screen, sweep

    app = start_app(content)
    app.drawing = False
    screens = [
        Screen("group chat with the cards", lambda app: [], lambda app: chat_scene(app, content))
    ]
    failures = sweep({"solo": app}, screens=screens)
    assert not failures, "\n".join(failures)


def test_a_talk_shows_the_heads_of_the_cards(content):
    """A talk (and a call) shows the cards' heads, a payment's pattern beside its head, and
    no blurred block."""
    from game.flow import Play
    from scenes.dialogue import DialogueScene

    story = STORY.replace(
        "            text: Mum, look at this.\n",
        "            text: Mum, look at this.\n            image: forwarded\n"
        "            request: payment\n",
    )
    talk_content, diags = load_text(story, "s.yaml")
    assert talk_content is not None and not [d for d in diags if d.is_error]
    app = start_app(talk_content)
    play = Play(app, talk_content.scenarios[0])
    play.runtime.node_id = "mum"
    scene = DialogueScene(app, play, play.runtime.current())
    app.scenes[-1:] = [scene]
    scene.enter()
    scene.skip()
    scene.draw(pygame.Surface((theme.WIDTH, theme.HEIGHT)))
    line = scene.lines[0]
    body = app.text.render(line.text, 26, theme.INK)
    card = scene.with_request(line, body)
    heads = scene._heads["payment"].get_height() + scene._image_heads["forwarded"].get_height()
    assert card.get_height() < heads + body.get_height() + 8 * 2 + 60


def test_an_older_message_under_the_header_fades_out_instead_of_being_cut(content):
    from scenes.chat import window_color

    shots = {}
    for size, node in (("normal", "later"), ("larger", "hello")):
        app = start_app(content, text_size=size)
        scene = chat_scene(app, content, node)
        for _ in range(10):
            scene.update(0.25)
        surface = pygame.Surface((theme.WIDTH, theme.HEIGHT))
        scene.draw(surface)
        shots[size] = (scene.fade_band, surface)
    assert shots["normal"][0] is None  # one short message fits: nothing fades
    band, surface = shots["larger"]
    assert band is not None
    top = [tuple(surface.get_at((x, band.y + 5)))[:3] for x in range(band.x, band.right, 40)]
    assert set(top) == {window_color()[:3]}  # solid window colour where the header meets it
