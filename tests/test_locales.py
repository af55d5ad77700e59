"""Brazilian Portuguese and Thai: complete catalogs that fit, and the game played in each."""

import json

import pygame
import pytest

from game import i18n
from game.autoplay import run, start_app
from game.content import check_file
from game.content.translations import check_catalogs
from game.resources import SCENARIOS_FILE
from game.text import Text


@pytest.fixture(scope="module")
def content():
    return check_file(SCENARIOS_FILE)[0]


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_locale("en")


def test_catalogs_are_complete_and_every_string_fits_and_draws(content):
    diags, coverage = check_catalogs(content, text=Text())
    assert [d.format() for d in diags] == []
    assert {c.locale: c.percent for c in coverage} == {"pt_BR": 100.0, "th": 100.0}
    assert all(c.total > 300 for c in coverage)


@pytest.mark.parametrize("locale", ["pt_BR", "th"])
def test_every_scenario_plays_in_the_locale(content, locale):
    english = run(content, [s.id for s in content.scenarios], "risky", draw=False).text()
    text = run(
        content, [s.id for s in content.scenarios], "risky", locale=locale, draw=False
    ).text()
    assert text.count("[results]") == len(content.scenarios)
    i18n.set_locale(locale)
    for scenario in content.scenarios:
        title = i18n.pgettext(f"{scenario.id}/title", scenario.title)
        assert title != scenario.title
        assert f"=== {title} ({scenario.id})" in text
    i18n.set_locale("en")
    # little stays English: besides the transcript's own marks ([results] ..., choices:),
    # only names, app names and numbers may read the same
    words = {
        line
        for line in set(text.splitlines()) & set(english.splitlines())
        if not line.startswith(("[results]", "[dialogue]", "  choices:"))
    }
    assert len(words) < 10, words


def test_help_shows_the_regions_services_in_its_language(content):
    seen = []
    app = start_app(content, locale="th", observer=lambda kind, data: seen.append((kind, data)))
    app.open_help()
    app.frame(0.1, [])
    services = dict(next(d for k, d in seen if k == "help")["services"])
    assert list(services) == [i18n.pgettext("region/TH/country", "Thailand")]
    lines = next(iter(services.values()))
    assert any("1387" in line for line in lines) and not any("190" in line for line in lines)


def test_first_start_picks_a_language_and_remembers_it(content, tmp_path, monkeypatch):
    from game import settings
    from scenes.language import LanguageScene
    from scenes.title import TitleScene

    monkeypatch.setenv(settings.ENV, str(tmp_path))
    app = start_app(content)
    app.reset(LanguageScene(app, preselect="pt_BR"))
    for _ in range(20):
        app.frame(0.05, [])
    assert app.top.buttons.buttons[app.top.buttons.focus].action == "pt_BR"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0, unicode="2"))
    app.frame(0.05, pygame.event.get())
    assert isinstance(app.top, TitleScene) and app.locale == "th"
    assert json.loads((tmp_path / "settings.json").read_text())["locale"] == "th"
    assert settings.load()["locale"] == "th"
