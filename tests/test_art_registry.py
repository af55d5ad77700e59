"""The art registries (LOOKS, TOPICS, ICONS): every name draws, an unknown name shows a
question mark with one warning, and the story format allows exactly the names art draws."""

import ast
import os
import subprocess
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import art, log  # noqa: E402
from game import theme as T  # noqa: E402
from game.content import model  # noqa: E402

from .conftest import ROOT  # noqa: E402

SIZES = (37, 96)


def draw(kind: str, name, size: int) -> pygame.Surface:
    if kind == "look":
        return art.avatar(name, size)
    if kind == "topic":
        return art.topic_icon(name, size)
    return art.icon(name, size, T.WHITE)


REGISTERED = (
    [("look", name) for name in art.LOOKS]
    + [("topic", name) for name in art.TOPICS]
    + [("icon", name) for name in art.ICONS]
)


@pytest.fixture(autouse=True)
def fresh():
    log.reset()
    art.clear_caches()
    yield
    log.reset()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_the_registries_are_tuples_of_names():
    for registry in (art.LOOKS, art.TOPICS, art.ICONS):
        assert isinstance(registry, tuple) and registry
        assert all(isinstance(name, str) and name for name in registry)
        assert len(set(registry)) == len(registry)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("kind", "name"), REGISTERED)
def test_every_registered_name_draws_something_of_the_asked_size(kind, name, size, capsys):
    capsys.readouterr()
    surface = draw(kind, name, size)
    assert surface.get_size() == (size, size)
    assert surface.get_flags() & pygame.SRCALPHA
    box = surface.get_bounding_rect()  # the part that is not fully transparent
    assert box.w > size // 3 and box.h > size // 3
    assert capsys.readouterr().err == ""  # a registered name never warns


@pytest.mark.parametrize("kind", ["look", "topic", "icon"])
def test_an_unknown_name_warns_once_and_shows_the_placeholder(kind, capsys):
    capsys.readouterr()
    first = draw(kind, "no-such-name", 64)
    again = draw(kind, "no-such-name", 64)
    other_size = draw(kind, "no-such-name", 40)
    other_name = draw(kind, "another-unknown", 64)
    assert first.get_size() == (64, 64) and other_size.get_size() == (40, 40)
    assert first.get_bounding_rect().w > 20  # a drawing, not an empty square
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2  # one for each unknown name, however often it is drawn
    assert "'no-such-name'" in err[0] and "showing a question mark" in err[0]
    assert "'another-unknown'" in err[1]
    # every unknown name gets the same placeholder, and it is none of the real drawings
    assert pixels(again) == pixels(first) == pixels(other_name)
    registry = {"look": art.LOOKS, "topic": art.TOPICS, "icon": art.ICONS}[kind]
    real = {name: pixels(draw(kind, name, 64)) for name in registry}
    if kind == "look":  # the avatar placeholder is the look made for it
        assert [name for name, shot in real.items() if shot == pixels(first)] == ["unknown"]
    else:
        assert pixels(first) not in real.values()


def test_the_icon_placeholder_is_not_the_help_icon():
    unknown = art.icon("no-such-icon", 48, T.WHITE)
    assert pixels(unknown) != pixels(art.icon("help", 48, T.WHITE))
    assert pixels(unknown) != pixels(art.icon("star", 48, T.WHITE))


# ------------------------------------------------------------------ the story format agrees


def test_the_story_format_names_only_looks_and_topics_that_art_draws():
    """A story may use only names the game can draw (game/content/model.py keeps its own
    lists so that the content layer never imports pygame)."""
    assert not set(model.LOOKS) - set(art.LOOKS), "looks the game cannot draw"
    assert not set(model.TOPICS) - set(art.TOPICS), "topics the game cannot draw"


def test_every_look_and_topic_that_art_draws_can_be_used_in_a_story():
    assert not set(art.LOOKS) - set(model.LOOKS), "add the new look to model.LOOKS"
    assert not set(art.TOPICS) - set(model.TOPICS), "add the new topic to model.TOPICS"


# ------------------------------------------------------------------ the package


def test_the_package_exports_each_name_from_its_module():
    assert sorted(art.__all__) == sorted(art._HOME)
    for name, module in art._HOME.items():
        assert getattr(art, name) is getattr(sys.modules[f"game.art.{module}"], name), name
    with pytest.raises(AttributeError):
        art.no_such_thing  # noqa: B018


def test_the_names_for_type_checkers_are_the_exported_names():
    tree = ast.parse((ROOT / "game" / "art" / "__init__.py").read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    imported = {
        (node.module, alias.name)
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {(module, name) for name, module in art._HOME.items()}


def test_importing_art_loads_no_drawing_until_one_is_used():
    code = (
        "import sys\n"
        "from game import art\n"
        "print(sorted(m for m in sys.modules if m.startswith('game.art.')))\n"
        "art.Backdrop, art.icon, art.rounded_rect, art.avatar\n"
        "print(sorted(m for m in sys.modules if m.startswith('game.art.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    before, after = done.stdout.strip().splitlines()[-2:]
    assert before == "[]"
    assert "game.art.backdrop" in after and "game.art.avatars" in after
    assert "game.art.topics" not in after and "game.art.images" not in after
