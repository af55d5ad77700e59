"""A start as a player makes it: what it waits for and what it leaves out."""

import os
import subprocess
import sys

import pygame
import pytest

from game.app import App
from game.content import cache
from game.resources import SCENARIOS_FILE


@pytest.mark.filterwarnings("ignore:no fast renderer")  # the dummy video driver
def test_the_first_frame_does_not_wait_for_the_frame_clock(monkeypatch):
    rates = []

    class Clock:
        def tick(self, rate=0):
            rates.append(rate)
            return 16

    monkeypatch.setattr(pygame.time, "Clock", Clock)
    content, _ = cache.checked(str(SCENARIOS_FILE))
    app = App(content, sound=False)
    app.drawing = False
    app.run(frames=3)
    assert rates[0] == 0 and all(rate > 0 for rate in rates[1:]) and len(rates) == 3


def test_a_cached_start_draws_its_first_frame_without_yaml_or_the_exporters(tmp_path):
    env = {
        **os.environ,
        "NET_HEROES_CACHE_DIR": str(tmp_path / "cache"),
        "NET_HEROES_CONFIG_DIR": str(tmp_path / "config"),
    }
    code = (
        "import sys, runpy\n"
        "sys.argv = ['game', 'play', '--locale', 'th', '--frames', '1', '--no-sound',\n"
        f"            '--data-dir', {str(tmp_path / 'data')!r}]\n"
        "try:\n"
        "    runpy.run_module('game', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print(sorted(m for m in ('yaml', 'game.content.model', 'game.outcomes.csvexport',\n"
        "                         'game.outcomes.xapi', 'babel') if m in sys.modules))\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert first.returncode == 0, first.stderr
    assert "yaml" in first.stdout  # the first start checks the story file
    again = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "[]"
    assert list((tmp_path / "data").iterdir())  # the start was recorded as usual


def test_a_first_start_shows_the_title_then_checks_the_story(tmp_path):
    """Not in the story cache yet: the title's first frame comes first, then the check,
    then the recorder; a broken file still stops the game with its located errors, and
    records nothing."""
    from .helpers import MINIMAL

    env = {
        **os.environ,
        "NET_HEROES_CACHE_DIR": str(tmp_path / "cache"),
        "NET_HEROES_CONFIG_DIR": str(tmp_path / "config"),
    }
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("goto: mum", "goto: nobody", 1), encoding="utf-8")
    data = tmp_path / "data"

    def play(path):
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "game",
                "play",
                "--scenarios",
                str(path),
                "--locale",
                "pt_BR",
                "--frames",
                "2",
                "--no-sound",
                "--data-dir",
                str(data),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    broken = play(bad)
    assert broken.returncode == 1
    assert "bad.yaml:" in broken.stderr and "error:" in broken.stderr
    assert "cannot start until these problems are fixed" in broken.stderr
    assert not data.exists()  # refused before anything was recorded
    for _ in range(2):  # the first start checks and keeps the story; the second reads it
        started = play(good)
        assert started.returncode == 0, started.stderr
    assert list(data.iterdir())
    assert len(list((tmp_path / "cache").glob("story-*.diags"))) == 1
