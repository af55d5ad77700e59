"""Live reload (`play --watch`): a saved story file or catalog reaches the game at the same
step; a broken one shows its problems over the game, which goes on with the last version
that worked. The saves are handed to the game through the queue the watcher feeds; one test
watches a real file."""

import queue
import shutil
import time

import pygame
import pytest

from game import i18n
from game.autoplay import start_app
from game.content import check_bytes
from game.flow import Play
from game.resources import SCENARIOS_FILE
from game.story import Step, nearest
from game.watch import Reloader, Watcher
from scenes.diagnostics import DiagnosticsScene
from scenes.title import TitleScene

from .helpers import MINIMAL

pytestmark = pytest.mark.filterwarnings("ignore:no fast renderer")


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "scenarios.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.fixture
def game(story):
    """A headless game on `story`, watched (its saves go through the reloader's queue);
    what the scenes put on screen is in `shown`."""
    content, diags = check_bytes(story.read_bytes(), "scenarios.yaml")
    assert not [d for d in diags if d.is_error]
    shown: list = []
    app = start_app(content, observer=lambda kind, data: shown.append((kind, data)))
    reloader = Reloader(app, story, "scenarios.yaml", catalogs={})
    app.each_frame.append(reloader)
    yield app, reloader, shown
    app.recorder.close()


@pytest.fixture
def fresh_catalogs():
    """The catalogs as the game ships them again after the test (they are process-wide)."""
    yield
    i18n.forget_catalogs()
    i18n.set_locale(i18n.SOURCE)


def frames(app, n=1):
    for _ in range(n):
        app.frame(0.1, pygame.event.get())


def save(reloader, path, data) -> None:
    """The author saves the file (bytes, text, or None to remove it)."""
    if data is None:
        path.unlink()
    elif isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    reloader.changes.put(path)


def start(app, node, flags=()):
    Play(app, app.content.scenario("demo")).begin_at(node, flags)
    frames(app, 40)  # the messages appear, then the choices


def messages(shown) -> list[str]:
    return [data["text"] for kind, data in shown if kind == "message"]


def choice_ids(app) -> list[str]:
    return sorted(o.payload["id"] for o in app.top.auto_options() or [])


def test_an_edited_message_shows_at_the_same_node_with_the_same_flags(game, story):
    app, reloader, shown = game
    start(app, "later", {"said_yes"})
    assert "keep it secret" in messages(shown) and choice_ids(app) == ["c1", "c2"]
    shown.clear()
    save(reloader, story, MINIMAL.replace("keep it secret", "this is our little secret"))
    frames(app, 40)
    assert app.play.runtime.node_id == "later" and app.play.runtime.flags == {"said_yes"}
    assert app.top.node.id == "later" and len(app.scenes) == 1
    assert messages(shown) == ["this is our little secret"]
    assert choice_ids(app) == ["c1", "c2"]  # 'Thank Sam' still needs the flag: it is set


def test_a_broken_file_shows_its_problems_and_the_last_good_version_plays_on(game, story):
    app, reloader, shown = game
    start(app, "hello")
    play = app.play
    save(reloader, story, MINIMAL.replace("text: keep it secret", "text: [keep it secret"))
    frames(app)
    panel = app.top
    assert isinstance(panel, DiagnosticsScene) and app.play is play
    where, message, _hint = panel.problems[0]
    assert where.startswith("scenarios.yaml:") and "YAML" in message
    app.draw(app.screen)  # the card draws over the game
    # Esc: back to the game as it was, which goes on with the version before.
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode=""))
    frames(app)
    assert app.top.node.id == "hello" and app.play is play
    play.choose(next(c for c in play.choices() if c.id == "c2"))
    frames(app)
    app.play.after_feedback()
    frames(app, 40)
    assert app.top.node.id == "later" and "keep it secret" in messages(shown)


def test_the_next_clean_save_takes_the_panel_away_and_the_game_goes_on(game, story):
    app, reloader, shown = game
    start(app, "hello")
    save(reloader, story, "format: 1\nscenarios: [")
    frames(app)
    assert isinstance(app.top, DiagnosticsScene)
    save(reloader, story, MINIMAL.replace("hi! want free coins?", "hi! want free gems?"))
    frames(app, 40)
    assert not any(isinstance(s, DiagnosticsScene) for s in app.scenes)
    assert app.top.node.id == "hello" and "hi! want free gems?" in messages(shown)
    assert choice_ids(app) == ["c1", "c2"]


def test_a_removed_node_goes_back_to_the_nearest_one(game, story):
    app, reloader, shown = game
    start(app, "hello")
    play = app.play
    play.choose(next(c for c in play.choices() if c.id == "c2"))  # to 'later', said_yes set
    frames(app)
    assert play.runtime.node_id == "later"
    without = MINIMAL.replace("goto: later", "goto: mum")
    without = without[: without.index("      later:")] + without[without.index("      mum:") :]
    save(reloader, story, without)
    frames(app, 40)
    assert app.play is not play and app.play.runtime.node_id == "hello"  # where they came from
    assert app.play.runtime.flags == {"said_yes"} and app.play.runtime.history == []
    assert app.top.node.id == "hello" and len(app.scenes) == 1  # the feedback card went too


def test_a_question_and_the_menu_are_made_again_in_the_new_version(game, story):
    app, reloader, shown = game
    play = Play(app, app.content.scenario("demo"))
    play.begin()  # how sure, then the questions before the story
    play.efficacy_answered("pre", "yes")
    play.next_question("pre", 0)
    frames(app)
    assert (app.top.phase, app.top.index) == ("pre", 1)
    asked = "Is a secret with a new online friend OK?"
    save(reloader, story, MINIMAL.replace("Is a secret with a stranger OK?", asked))
    frames(app)
    assert (app.top.phase, app.top.index, app.top.question.ask) == ("pre", 1, asked)
    assert app.play is not play and app.play.runtime.node_id == "hello"
    app.play.leave()
    frames(app)
    save(reloader, story, MINIMAL.replace("title: Demo", "title: Demo, renamed"))
    frames(app)
    assert type(app.top).__name__ == "MenuScene" and len(app.scenes) == 1
    assert "Demo, renamed" in [getattr(b.action, "title", "") for b in app.top.buttons.buttons]


def test_nearest_node():
    scenario = check_bytes(MINIMAL.encode(), "s.yaml")[0].scenarios[0]
    way = [Step("gone", "c1", "safe"), Step("hello", "c2", "risky"), Step("away", "c1", "safe")]
    assert nearest(scenario, "mum", way) == ("mum", 3)
    assert nearest(scenario, "lost", way) == ("hello", 1)
    assert nearest(scenario, "lost", way[:1]) == ("hello", 0)  # the start


@pytest.mark.parametrize(
    "data, said",
    [
        ("", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8"),
        (None, "not there any more"),
    ],
    ids=["empty", "binary", "removed"],
)
def test_an_empty_binary_or_removed_file_shows_the_panel_and_never_crashes(game, story, data, said):
    app, reloader, shown = game
    start(app, "hello")
    save(reloader, story, data)
    frames(app, 3)
    panel = app.top
    assert isinstance(panel, DiagnosticsScene)
    text = panel.reason + " ".join(message for _w, message, _h in panel.problems)
    assert said in text
    app.draw(app.screen)
    assert app.play.runtime.node_id == "hello"


def test_many_problems_are_listed_up_to_a_few_and_counted(game, story):
    app, reloader, shown = game
    broken = MINIMAL
    for word in ("goto: mum", "goto: end", "goto: later"):
        broken = broken.replace(word, "goto: nowhere")
    broken = broken.replace("safety: safe", "safety: great").replace("from: sam", "from: ghost")
    save(reloader, story, broken)
    frames(app)
    panel = app.top
    assert isinstance(panel, DiagnosticsScene) and len(panel.problems) > 8
    starts = sum(first for *_row, first in panel.rows)
    assert 1 <= starts <= 8 and panel.more == len(panel.problems) - starts
    assert all(y + 30 < panel.card.bottom - 90 for _x, y, *_rest in panel.rows)  # above the button
    app.draw(app.screen)
    assert isinstance(app.scenes[0], TitleScene)  # the game under it is untouched


def test_a_catalog_edit_shows_the_new_portuguese_word(game, tmp_path, fresh_catalogs):
    app, reloader, shown = game
    po = tmp_path / "messages.po"
    shutil.copy(i18n.po_path("pt_BR"), po)
    reloader.catalogs = {po.resolve(): "pt_BR"}
    app.set_locale("pt_BR")
    app.open_title(reset=True)
    frames(app)
    assert "Jogar" in [b.label for b in app.top.buttons.buttons]
    text = po.read_text(encoding="utf-8")
    save(reloader, po, text.replace('msgid "Play"\nmsgstr "Jogar"', 'msgid "Play"\nmsgstr "Vamos"'))
    frames(app)
    assert isinstance(app.top, TitleScene) and app.locale == "pt_BR"
    assert "Vamos" in [b.label for b in app.top.buttons.buttons]
    assert i18n.catalog("pt_BR").gettext("Play") == "Vamos"


def test_the_shipped_file_reloads_in_under_a_second(tmp_path):
    path = tmp_path / "scenarios.yaml"
    shutil.copy(SCENARIOS_FILE, path)
    content, _diags = check_bytes(path.read_bytes(), "scenarios.yaml")
    app = start_app(content)
    reloader = Reloader(app, path, "scenarios.yaml", catalogs={})
    app.each_frame.append(reloader)
    scenario = app.content.scenario("camera_request")
    Play(app, scenario).begin_at("pushback", ())
    frames(app, 5)
    text = path.read_text(encoding="utf-8")
    old = scenario.nodes["pushback"].messages[0].text
    assert text.count(old) >= 1
    started = time.perf_counter()
    save(reloader, path, text.replace(old, "well ok then", 1))
    frames(app)
    took = time.perf_counter() - started
    app.recorder.close()
    assert app.top.node.id == "pushback" and app.top.node.messages[0].text == "well ok then"
    assert took < 1.0, f"{took:.3f} s"
    print(
        f"reload of the shipped file: {took * 1000:.0f} ms (check {reloader.seconds * 1000:.0f} ms)"
    )


def test_the_watcher_sees_a_real_save(tmp_path):
    path = tmp_path / "scenarios.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    changes: queue.Queue = queue.Queue()
    watcher = Watcher([path, tmp_path / "absent.po"], changes, debounce_ms=100)
    watcher.start()
    try:
        assert watcher.ready.wait(5)
        seen = None
        for _attempt in range(20):  # the watch may start a moment after the thread
            (tmp_path / "other.txt").write_text("not watched", encoding="utf-8")
            path.write_text(MINIMAL.replace("Demo", "Demo 2"), encoding="utf-8")
            try:
                seen = changes.get(timeout=0.5)
                break
            except queue.Empty:
                continue
        assert seen == path.resolve()
    finally:
        watcher.stop()
    assert all(p == path.resolve() for p in list(changes.queue))  # only the watched file
