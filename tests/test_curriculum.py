"""The shipped course as a whole: the topics PEDAGOGY says children meet now are all taught,
for both age bands, and the scene features those stories need are all used somewhere."""

from game.content import load_file
from game.content.model import TOPICS

from .conftest import ROOT

RISKS_OF_2026 = ("sextortion", "deepfakes", "getting_help", "gambling", "job_offers", "livestream")


def shipped():
    content, _ = load_file(ROOT / "scenarios.yaml")
    return content.scenarios


def test_every_topic_has_a_story_and_the_course_covers_both_age_bands():
    stories = shipped()
    topics = {s.topic for s in stories}
    assert len(topics) >= 15
    assert set(TOPICS) == topics  # no topic the menu and reports name without a story
    for band in ("9-12", "13-17"):
        assert sum(s.age_band == band for s in stories) >= 6, band
    assert {s.topic for s in stories if s.topic in RISKS_OF_2026} == set(RISKS_OF_2026)


def test_the_new_places_are_all_used_by_a_story():
    seen = set()
    for story in shipped():
        for node in story.nodes.values():
            seen.add(node.scene)
            for m in node.messages:
                for kind in ("image", "request", "gift"):
                    if getattr(m, kind):
                        seen.add(f"{kind}:{getattr(m, kind)}")
            player = {k for k, c in story.characters.items() if c.role == "player"}
            others = {m.speaker for m in node.messages} - {"system"} - player
            if node.scene == "chat" and len(others) > 1:  # as the chat scene tells a group
                seen.add("group chat")
    for feature in ("live", "voice", "image:forwarded", "request:payment", "group chat"):
        assert feature in seen, feature
    assert any(f.startswith("gift:") for f in seen)


def test_a_story_with_blackmail_or_an_image_to_take_down_lists_those_services():
    for story in shipped():
        if story.topic in ("sextortion", "deepfakes"):
            assert {"crisis", "takedown"} <= set(story.help), story.id
