"""Robot play (autoplay) stays out of the children's results unless someone asks for it."""

from game.cli import main

from .helpers import MINIMAL


def run(tmp_path, monkeypatch, *extra):
    story = tmp_path / "s.yaml"
    story.write_text(MINIMAL, encoding="utf-8")
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))  # the user's real data folder, here
    code = main(["autoplay", "--scenarios", str(story), "--scenario", "demo", *extra])
    assert code == 0
    return sorted(p.name for p in home.rglob("*.sqlite3"))


def test_autoplay_records_nothing_by_default(tmp_path, monkeypatch, capsys):
    assert run(tmp_path, monkeypatch) == []
    assert "[pre how sure]" in capsys.readouterr().out


def test_autoplay_records_when_asked(tmp_path, monkeypatch):
    assert run(tmp_path, monkeypatch, "--record") == ["outcomes.sqlite3"]


def test_an_explicit_data_dir_is_asking(tmp_path, monkeypatch):
    run(tmp_path, monkeypatch, "--data-dir", str(tmp_path / "here"))
    assert (tmp_path / "here" / "outcomes.sqlite3").is_file()
