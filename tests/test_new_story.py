"""`python -m game new STORY_ID --age ...`: a skeleton story appended to the story file that
passes the content checks at once, with TODO in every text; clear errors for a bad or taken
id. And `list` shows each story's words and longest message in every language."""

import shutil

from game.cli import main
from game.content import check_file
from game.listing import reading
from game.newstory import skeleton
from game.resources import SCENARIOS_FILE


def test_a_new_story_passes_the_content_checks_at_once(tmp_path, capsys):
    story = tmp_path / "scenarios.yaml"
    shutil.copy(SCENARIOS_FILE, story)
    before = story.read_text(encoding="utf-8")
    for age in ("9-12", "13-17"):
        name = f"fake_prize_{age[:2].rstrip('-')}"
        assert main(["new", name, "--age", age, "--scenarios", str(story)]) == 0
        out = capsys.readouterr().out
        line = int(out.split(":")[1])
        assert story.read_text(encoding="utf-8").splitlines()[line - 1] == f"  - id: {name}"
    text = story.read_text(encoding="utf-8")
    assert text.startswith(before)  # appended: nothing of the file before changes
    content, diags = check_file(story)
    assert [d.format() for d in diags] == []  # not even a warning
    added = content.scenario("fake_prize_9")
    assert added.age_band == "9-12" and len(added.pre) == len(added.post) == 3
    assert any(q.transfer for q in added.post)
    assert all("TODO" in s for s in (added.title, added.summary, *added.objectives))
    assert [n.id for n in added.nodes.values() if n.is_ending] == ["end"]


def test_a_bad_or_taken_id_is_refused_and_nothing_is_written(tmp_path, capsys):
    story = tmp_path / "scenarios.yaml"
    shutil.copy(SCENARIOS_FILE, story)
    before = story.read_bytes()
    assert main(["new", "Fake-Prize", "--age", "9-12", "--scenarios", str(story)]) == 1
    assert "not a valid story id" in capsys.readouterr().err
    assert main(["new", "camera_request", "--age", "9-12", "--scenarios", str(story)]) == 1
    err = capsys.readouterr().err
    assert ":5" in err.split("error")[0] and "there is a story 'camera_request'" in err
    assert story.read_bytes() == before


def test_the_skeleton_names_its_id_and_age_band():
    text = skeleton("dm_scam", "13-17")
    assert "  - id: dm_scam\n" in text and 'age_band: "13-17"' in text


def test_list_shows_each_storys_words_and_longest_message(capsys):
    content, _ = check_file(SCENARIOS_FILE)
    figures = reading(content.scenarios[0])
    longest = max(
        (len(m.text), n.id) for n in content.scenarios[0].nodes.values() for m in n.messages
    )
    assert figures["longest_message"] == {"characters": longest[0], "node": longest[1]}
    assert 500 < figures["words"] < 5000
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "words, and the longest message" in out and "th " in out
