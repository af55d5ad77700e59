"""The story cache: the same model as a full check, rebuilt when stale or broken, never
needed, never an error."""

import os
import stat

import pytest

from game.content import cache, check_file
from game.resources import SCENARIOS_FILE

from .helpers import MINIMAL as VALID  # a small scenario file that checks clean


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(where))
    return where


def _files(where):
    return sorted(where.glob("story-*.pickle")) if where.exists() else []


def test_a_cached_story_is_the_checked_story(folder):
    fresh, fresh_diags = check_file(str(SCENARIOS_FILE))
    first, diags1 = cache.checked(str(SCENARIOS_FILE))  # a miss: checked and written
    assert len(_files(folder)) == 1
    second, diags2 = cache.checked(str(SCENARIOS_FILE))  # a hit: read from the file
    assert first == fresh and second == fresh  # dataclass equality over the whole model
    assert diags1 == diags2 == fresh_diags
    node = fresh.scenarios[3].nodes[fresh.scenarios[3].start]
    again = second.scenarios[3].nodes[second.scenarios[3].start]
    assert again.at["scene"] == node.at["scene"]  # places survive, for later diagnostics


def test_a_hit_reads_the_cache_and_not_the_yaml(folder, tmp_path, monkeypatch):
    story = tmp_path / "s.yaml"
    story.write_text(VALID, encoding="utf-8")
    cache.checked(str(story))
    import game.content.load as load

    def no_parsing(*args):
        raise AssertionError("the story was parsed again")

    monkeypatch.setattr(load, "load_bytes", no_parsing)
    content, diags = cache.checked(str(story))
    assert content is not None and content.scenarios


def test_an_edited_file_is_checked_again(folder, tmp_path):
    story = tmp_path / "s.yaml"
    story.write_text(VALID, encoding="utf-8")
    before, _ = cache.checked(str(story))
    story.write_text(VALID.replace("title: Demo", "title: Edited"), encoding="utf-8")
    after, _ = cache.checked(str(story))
    assert before.scenarios[0].title != after.scenarios[0].title
    assert len(_files(folder)) == 2


def test_a_file_with_errors_is_not_kept_and_says_so_each_time(folder, tmp_path):
    story = tmp_path / "s.yaml"
    story.write_text(VALID.replace("goto:", "gotoo:", 1), encoding="utf-8")
    for _ in range(2):
        _, diags = cache.checked(str(story))
        assert any(d.is_error for d in diags)
    assert _files(folder) == []


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(folder):
    good, _ = cache.checked(str(SCENARIOS_FILE))
    (only,) = _files(folder)
    for damage in (b"", b"not a pickle", only.read_bytes()[:100]):
        only.write_bytes(damage)
        content, diags = cache.checked(str(SCENARIOS_FILE))
        assert content == good and not any(d.is_error for d in diags)
    assert only.read_bytes()[:1] == b"\x80"  # rewritten whole


def test_a_read_only_or_impossible_cache_folder_still_plays(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv(cache.ENV, str(blocked / "cache"))
    content, diags = cache.checked(str(SCENARIOS_FILE))
    assert content is not None and not any(d.is_error for d in diags)
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv(cache.ENV, str(read_only))
    try:
        content, _ = cache.checked(str(SCENARIOS_FILE))
        assert content is not None
        if os.geteuid() != 0:  # the superuser writes anyway
            assert _files(read_only) == []
    finally:
        read_only.chmod(stat.S_IRWXU)


def test_the_folder_keeps_only_the_newest_stories(folder, tmp_path):
    for i in range(cache.KEEP + 3):
        story = tmp_path / f"s{i}.yaml"
        story.write_text(VALID, encoding="utf-8")
        cache.checked(str(story))
    assert len(_files(folder)) == cache.KEEP


def test_a_missing_story_file_is_the_usual_error(folder, tmp_path):
    content, diags = cache.checked(str(tmp_path / "nope.yaml"))
    assert content is None and [d.code for d in diags] == ["E004"]


def test_a_cached_start_reads_no_yaml_and_no_model_until_the_story_is_used(folder):
    """The first frame of a cached start waits for neither PyYAML nor the model classes."""
    import subprocess
    import sys

    cache.checked(str(SCENARIOS_FILE))  # fills the cache
    code = (
        "import sys\n"
        "from game.content import cache\n"
        f"story = cache.story({str(SCENARIOS_FILE)!r})\n"
        "assert story.diags == [], story.diags\n"
        "early = {m for m in ('yaml', 'game.content.model', 'game.content.load') "
        "if m in sys.modules}\n"
        "assert not early, early\n"
        "assert len(story.content.scenarios) > 10\n"
        "assert 'game.content.model' in sys.modules and 'yaml' not in sys.modules\n"
        "print(story.version == story.content.version)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, cache.ENV: str(folder)},
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"


def test_a_lost_model_file_is_rebuilt_when_the_story_is_used(folder):
    good, _ = cache.checked(str(SCENARIOS_FILE))
    story = cache.story(str(SCENARIOS_FILE))  # diagnostics read; the model not yet
    (model,) = _files(folder)
    model.unlink()
    assert story.content == good
    assert len(_files(folder)) == 1


def test_objects_made_the_quick_way_are_what_their_classes_make():
    """The loader makes nodes, messages and choices without their __init__ (model.made);
    each must be exactly what cls(**fields) gives, with every field set."""
    import dataclasses

    content, _ = check_file(str(SCENARIOS_FILE))
    seen = 0
    for scenario in content.scenarios:
        for node in scenario.nodes.values():
            for obj in (node, *node.messages, *node.choices):
                names = [f.name for f in dataclasses.fields(obj)]
                assert set(vars(obj)) == set(names)
                again = type(obj)(**{name: getattr(obj, name) for name in names})
                assert again == obj and vars(again) == vars(obj)
                assert hash(again) == hash(obj)
                seen += 1
    assert seen > 500
