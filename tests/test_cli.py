"""The command line: exit codes, located diagnostics, never a traceback."""

import os
import subprocess
import sys

import pytest

from game.cli import main

from .helpers import MINIMAL, with_change


def write(tmp_path, text, name="s.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_clean_file_exits_0(tmp_path, capsys):
    path = write(tmp_path, MINIMAL)
    assert main(["check", "--skip-translations", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 scenarios, 4 nodes, 0 errors, 0 warnings" in out


def test_check_reports_located_errors_and_exits_1(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, with_change("goto: later", "goto: latr"))
    assert main(["check", "--skip-translations", "s.yaml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        "s.yaml:63:19: error: choice goes to unknown node 'latr'; did you mean 'later'? (E104)"
        in out
    )


def test_strict_turns_warnings_into_failure(tmp_path, capsys):
    text = with_change(
        "          - text: Tell mum now\n            goto: mum\n            safety: safe",
        "          - text: Tell mum now\n            goto: mum\n            safety: neutral",
    )
    path = write(tmp_path, text)
    assert main(["check", "--skip-translations", str(path)]) == 0
    assert main(["check", "--skip-translations", "--strict", str(path)]) == 1
    assert "(W140)" in capsys.readouterr().out


def test_github_format(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, with_change("start: hello", "start: helo"))
    assert main(["check", "--skip-translations", "--format", "github", "s.yaml"]) == 1
    assert "::error file=s.yaml,line=49,col=12,title=E105::" in capsys.readouterr().out


def test_shipped_scenarios_are_clean_even_in_strict_mode(capsys):
    assert main(["check", "--strict"]) == 0


def run_module(*args, cwd=None):
    env = {
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PATH": "/usr/bin:/bin",
        **{k: v for k, v in os.environ.items() if k.startswith("NET_HEROES_")},
    }
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def test_play_refuses_a_broken_file_without_a_traceback(tmp_path):
    path = write(tmp_path, "format: 1\nscenarios:\n  - id: x\n    title: a: b\n")
    result = run_module("play", "--scenarios", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ":4:13: error: YAML syntax error" in result.stderr
    assert "cannot start until these problems are fixed" in result.stderr


def test_garbage_and_binary_files_are_diagnostics_not_crashes(tmp_path):
    for name, data in {
        "bin.yaml": b"\xff\xfe\x00garbage\x00",
        "tabs.yaml": b"a:\n\t- b\n",
        "list.yaml": b"- 1\n- 2\n",
        "deep.yaml": b"[" * 5000,
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run_module("check", str(path))
        assert result.returncode == 1, name
        assert "Traceback" not in result.stderr, (name, result.stderr)
        assert ": error: " in result.stdout, name


def test_autoplay_prints_a_transcript(tmp_path):
    path = write(tmp_path, MINIMAL)
    result = run_module(
        "autoplay",
        "--scenarios",
        str(path),
        "--strategy",
        "risky",
        "--data-dir",
        str(tmp_path / "data"),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (tmp_path / "data" / "outcomes.sqlite3").is_file()  # autoplay records like play
    assert lines[0] == "=== Demo (demo)"
    assert "Sam: hi! want free coins?" in lines
    assert "  > Say yes" in lines
    assert "  feedback (risky): Free coins can be a trick." in lines
    assert lines[-1].startswith("[results] before 0/3, after 0/3")


def test_unknown_scenario_id_is_a_clear_error(tmp_path):
    path = write(tmp_path, MINIMAL)
    result = run_module("autoplay", "--scenarios", str(path), "--scenario", "dmeo")
    assert result.returncode == 1
    assert "error: no scenario 'dmeo'; did you mean 'demo'?" in result.stderr


def test_list_json_shows_shape_and_translations(capsys):
    import json

    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["scenarios"]
    ids = [r["id"] for r in rows]
    assert ids[:2] == ["new_friend_in_game", "camera_request"] and len(set(ids)) == len(ids)
    assert len(rows) >= 12  # the curriculum: 12+ stories, 10+ topics, both age bands
    assert len({r["topic"] for r in rows}) >= 10
    bands = [r["age_band"] for r in rows]
    assert bands.count("9-12") >= 5 and bands.count("13-17") >= 5
    for row in rows:
        assert set(row) == {
            "id",
            "title",
            "topic",
            "age_band",
            "decisions",
            "questions_pre",
            "questions_post",
            "locales",
            "testwise_baseline",
            "chance",
            "items",
        }
        assert row["decisions"] >= 4 and row["questions_pre"] >= 3 and row["questions_post"] >= 3
        assert row["locales"] == {"en": 100.0, "pt_BR": 100.0, "th": 100.0}


def test_the_version_is_written_once(capsys):
    from game import __version__

    from .conftest import ROOT

    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in project and 'attr = "game.__version__"' in project
    assert f'"{__version__}"' not in project
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.split()[-1] == __version__


@pytest.mark.filterwarnings("ignore:no fast renderer")  # the dummy video driver
def test_play_can_draw_a_few_frames_and_exit(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["play", "--locale", "th", "--frames", "2", "--no-sound", "--no-record"]) == 0
    assert not (tmp_path / "data").exists()  # --no-record: nothing written
