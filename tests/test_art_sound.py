"""Procedural art and sound: sizes, caching, fallbacks, animation and the sound files."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import subprocess  # noqa: E402
import sys  # noqa: E402
import wave  # noqa: E402
from array import array  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import art, log  # noqa: E402
from game import theme as T  # noqa: E402
from game.art import images as art_images  # noqa: E402
from game.resources import SOUNDS  # noqa: E402
from game.sound import NAMES, Sounds  # noqa: E402

# The registries, built from the drawing tables themselves
ALL_TOPICS = art.TOPICS
ALL_LOOKS = art.LOOKS
ALL_ICONS = art.ICONS


@pytest.fixture(autouse=True)
def fresh():
    log.reset()
    art.clear_caches()
    yield
    log.reset()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def opaque_share(surface: pygame.Surface) -> float:
    w, h = surface.get_size()
    data = pixels(surface)
    return sum(1 for i in range(3, len(data), 4) if data[i] > 200) / (w * h)


# ------------------------------------------------------------------ avatars


def test_avatar_size_alpha_and_cache():
    face = art.avatar("kid", 96)
    assert face.get_size() == (96, 96)
    assert face.get_flags() & pygame.SRCALPHA
    assert art.avatar("kid", 96) is face
    assert art.avatar("kid", 64) is not face
    assert art.avatar("kid", 64).get_size() == (64, 64)
    # round: the corners are transparent, the centre is solid
    assert face.get_at((1, 1)).a == 0
    assert face.get_at((48, 48)).a == 255
    assert 0.7 < opaque_share(face) < 0.82  # about pi/4 of the square


def test_all_looks_differ():
    seen = {}
    for look in ALL_LOOKS:
        face = art.avatar(look, 64)
        assert face.get_size() == (64, 64)
        seen[look] = pixels(face)
    assert len(set(seen.values())) == len(ALL_LOOKS)


def test_avatar_colour_changes_background():
    plain = art.avatar("cat", 80)
    tinted = art.avatar("cat", 80, (255, 0, 0))
    assert tinted is not plain
    assert tinted is art.avatar("cat", 80, (255, 0, 0))
    assert pixels(tinted) != pixels(plain)


def test_unknown_look_falls_back(capsys):
    capsys.readouterr()
    odd = art.avatar("no-such-look", 72)
    assert odd.get_size() == (72, 72)
    assert pixels(odd) == pixels(art.avatar("unknown", 72))
    assert art.avatar("no-such-look", 40).get_size() == (40, 40)
    assert art.avatar(None, 72).get_size() == (72, 72)
    assert art.avatar("", 72) is art.avatar("unknown", 72)
    err = capsys.readouterr().err
    assert err.count("unknown avatar look 'no-such-look'") == 1
    assert len(err.strip().splitlines()) == 1  # no look at all (None, "") is not a warning


# ------------------------------------------------------------------ topic pictures and icons


@pytest.mark.parametrize("topic", ALL_TOPICS + ("something-else",))
def test_topic_icons(topic):
    pic = art.topic_icon(topic, 128)
    assert pic.get_size() == (128, 128)
    assert pic.get_flags() & pygame.SRCALPHA
    assert art.topic_icon(topic, 128) is pic
    assert 0.15 < opaque_share(pic) < 0.95  # a picture, not an empty or a full square


def test_topic_icons_differ_and_unknown_is_a_question_mark(capsys):
    shots = {pixels(art.topic_icon(t, 64)) for t in ALL_TOPICS}
    assert len(shots) == len(ALL_TOPICS)
    capsys.readouterr()
    assert pixels(art.topic_icon("zzz", 64)) == pixels(art.topic_icon("other", 64))
    assert pixels(art.topic_icon("zzz", 64)) not in shots
    err = capsys.readouterr().err
    assert err.count("unknown topic picture 'zzz'") == 1
    assert err.count("unknown topic picture 'other'") == 1


def test_ui_icons():
    shots = set()
    for name in ALL_ICONS:
        glyph = art.icon(name, 48, T.WHITE)
        assert glyph.get_size() == (48, 48)
        assert art.icon(name, 48, T.WHITE) is glyph
        assert glyph.get_at((0, 0)).a == 0
        assert 0.05 < opaque_share(glyph) < 0.8
        shots.add(pixels(glyph))
    assert len(shots) == len(ALL_ICONS)
    ink = art.icon("heart", 40, T.INK)
    assert tuple(ink.get_at((20, 22)))[:3] == T.INK


# ------------------------------------------------------------------ images


def test_missing_image_gives_placeholder_and_one_warning(capsys):
    log.reset()
    capsys.readouterr()
    pic = art.image("nowhere/missing.png", (200, 150))
    again = art.image("nowhere/missing.png", (200, 150))
    other_size = art.image("nowhere/missing.png", (100, 80))
    assert pic.get_size() == (200, 150)
    assert other_size.get_size() == (100, 80)
    assert again is pic
    err = capsys.readouterr().err
    expected = "warning: image not found: assets/images/nowhere/missing.png; showing a placeholder"
    assert err.count(expected) == 1
    assert len(err.strip().splitlines()) == 1
    # a light, colourful card, not grey
    r, g, b, a = pic.get_at((100, 24))
    assert a == 255 and b > r and min(r, g, b) > 180
    assert art.image("nowhere/missing.png").get_size() == art.PLACEHOLDER_SIZE


def test_real_image_loads_and_scales(tmp_path, monkeypatch):
    folder = tmp_path / "images"
    folder.mkdir()
    src = pygame.Surface((20, 10))
    src.fill((10, 200, 30))
    pygame.image.save(src, str(folder / "dot.png"))
    monkeypatch.setattr(art_images, "IMAGES", tmp_path / "images")  # where image() looks
    pic = art.image("dot.png")
    assert pic.get_size() == (20, 10)
    assert tuple(pic.get_at((5, 5)))[:3] == (10, 200, 30)
    assert art.image("dot.png", (40, 20)).get_size() == (40, 20)


# ------------------------------------------------------------------ panels


def test_panel_and_rounded_rect():
    body = art.panel((200, 100), T.WHITE, 20, shadow=False)
    assert body.get_size() == (200, 100)
    assert body.get_at((0, 0)).a == 0 and body.get_at((100, 50)).a == 255
    shadowed = art.panel((200, 100), T.WHITE, 20)
    m = art.PANEL_MARGIN
    assert shadowed.get_size() == (200 + 2 * m, 100 + 2 * m)
    assert shadowed is art.panel((200, 100), T.WHITE, 20)
    below = shadowed.get_at((m + 100, m + 100 + 3))
    assert 0 < below.a < 200  # soft shadow under the panel

    screen = pygame.Surface((300, 200))
    screen.fill(T.SKY)
    art.rounded_rect(screen, pygame.Rect(50, 40, 200, 100), T.SUN, 24, shadow=True)
    assert tuple(screen.get_at((150, 90)))[:3] == T.SUN
    corner = screen.get_at((51, 41))  # the corner is rounded: sky (maybe a hint of shadow)
    assert abs(corner.r - T.SKY[0]) < 12 and abs(corner.b - T.SKY[2]) < 12
    assert tuple(screen.get_at((150, 143)))[:3] != T.SKY  # the shadow shows below


# ------------------------------------------------------------------ backdrops


@pytest.mark.parametrize("shapes", ["bubbles", "stars", "confetti"])
def test_backdrop_animates_and_is_deterministic(shapes):
    def frame(seed, seconds):
        bd = art.Backdrop(T.SKY, T.GRAPE, size=(640, 360), seed=seed, shapes=shapes)
        for _ in range(int(seconds * 60)):
            bd.update(1 / 60)
        surface = pygame.Surface((640, 360))
        bd.draw(surface)
        return pixels(surface)

    first, later = frame(3, 0.5), frame(3, 1.5)
    assert first != later
    assert frame(3, 1.5) == later
    assert frame(4, 1.5) != later


def test_backdrop_gradient_and_none():
    bd = art.Backdrop((0, 0, 255), (255, 0, 0), size=(100, 200), shapes="none")
    surface = pygame.Surface((100, 200))
    bd.draw(surface)
    top, bottom = surface.get_at((50, 0)), surface.get_at((50, 199))
    assert top.b > 230 and top.r < 25
    assert bottom.r > 230 and bottom.b < 25
    before = pixels(surface)
    bd.update(1.0)
    bd.draw(surface)
    assert pixels(surface) == before


def test_backdrop_draw_is_cheap():
    import time

    bd = art.Backdrop(T.SKY, T.GRAPE, seed=1, shapes="bubbles")
    surface = pygame.Surface((1280, 720))
    bd.draw(surface)
    start = time.perf_counter()
    for _ in range(200):
        bd.update(1 / 60)
        bd.draw(surface)
    per_frame = (time.perf_counter() - start) / 200
    assert per_frame < 0.004  # generous: slow test machines; the target is well under 0.6 ms


def test_no_display_needed():
    """Drawing needs no window: in a fresh process, with no display opened at all (other
    tests of this run may have one open)."""
    code = (
        "import pygame; from game import art, theme as T; "
        "art.avatar('robot', 50); art.topic_icon('gifts', 50); art.icon('lock', 20, T.INK); "
        "assert not pygame.display.get_init() or pygame.display.get_surface() is None"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------------ sound


def test_sound_files_are_valid_and_short():
    total = 0
    for name in NAMES:
        path = SOUNDS / f"{name}.wav"
        assert path.is_file(), name
        total += path.stat().st_size
        with wave.open(str(path)) as f:
            assert f.getnchannels() == 1
            assert f.getsampwidth() == 2
            assert f.getframerate() == 22050
            frames = f.getnframes()
            assert 0 < frames / 22050 < 1.2
            samples = array("h", f.readframes(frames))
        if sys.byteorder == "big":
            samples.byteswap()
        peak = max(abs(v) for v in samples)
        assert 0.15 * 32767 < peak < 0.3 * 32767  # about -12 dBFS: soft
        assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # faded in and out
    assert total < 250 * 1024


def test_sounds_missing_file_warns_once(tmp_path, capsys):
    log.reset()
    capsys.readouterr()
    sounds = Sounds(folder=tmp_path)
    if not sounds.available:
        pytest.skip("no audio device even with the dummy driver")
    sounds.play("pop")
    sounds.play("pop")
    err = capsys.readouterr().err
    assert err.count("sound not found: assets/sounds/pop.wav") == 1
    assert len(err.strip().splitlines()) == 1


def test_sounds_broken_file_is_silent(tmp_path, capsys):
    (tmp_path / "click.wav").write_bytes(b"not a wave file at all")
    log.reset()
    capsys.readouterr()
    sounds = Sounds(folder=tmp_path)
    if not sounds.available:
        pytest.skip("no audio device even with the dummy driver")
    sounds.play("click")
    sounds.play("click")
    assert capsys.readouterr().err.count("click.wav") == 1


def test_sounds_play_real_files_and_toggle():
    sounds = Sounds()
    for name in NAMES:
        sounds.play(name)
    sounds.stop()
    sounds.set_enabled(False)
    assert sounds.enabled is False
    sounds.play("pop")
    sounds.set_enabled(True)
    assert sounds.enabled is True


def test_sounds_without_device(monkeypatch, capsys):
    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    log.reset()
    capsys.readouterr()
    sounds = Sounds()
    sounds.play("pop")
    sounds.play("tada")
    assert not sounds.available
    assert capsys.readouterr().err.count("no sound device; playing silently") == 1


def test_disabled_sounds_do_not_open_the_device(monkeypatch):
    calls = []
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", lambda *a, **k: calls.append(1))
    sounds = Sounds(enabled=False)
    sounds.play("pop")
    assert calls == []
