"""`python -m game guide`: the printable educator guide in every language."""

import re
from html import unescape

import pytest

from game import i18n
from game.cli import main
from game.content import check_file
from game.content.strings import localize
from game.guide import story_order
from game.resources import SCENARIOS_FILE

HELP = {"en": ("Disque 100", "1387"), "pt_BR": ("Disque 100",), "th": ("1387",)}
NOT_HELP = {"en": (), "pt_BR": ("1387",), "th": ("Disque 100",)}


def visible(page: str) -> str:
    """The page's text as a reader sees it (tags removed, entities decoded)."""
    return unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def content():
    loaded, _ = check_file(SCENARIOS_FILE)
    return loaded


@pytest.mark.parametrize("locale", ["en", "pt_BR", "th"])
def test_guide_has_every_scenario_in_the_language(tmp_path, capsys, content, locale):
    out = tmp_path / f"guide-{locale}.html"
    assert main(["guide", "--locale", locale, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    text = visible(page)
    with i18n.using(locale) as words:
        shown = localize(content, words.pgettext)
        heading = i18n._("Learning objectives")
    assert f'lang="{locale.replace("_", "-")}"' in page
    assert text.count(heading) == len(content.scenarios)
    for scenario in shown.scenarios:
        assert scenario.title in text
        for line in (*scenario.objectives, *scenario.discuss):
            assert line in text
        for node in story_order(scenario):  # every decision, with its safe choice and why
            for choice in node.choices:
                assert choice.text in text and choice.feedback in text
        for ending in scenario.endings:
            assert ending.takeaway in text
        for question in (*scenario.pre, *scenario.post):
            assert question.answers[question.correct_index].text in text
    for service in HELP[locale]:
        assert service in text
    for service in NOT_HELP[locale]:
        assert service not in text
    if locale != "en":  # the guide's own words are translated too
        for english in (
            "Learning objectives",
            "Decision 1",
            "Questions for the class",
            "Where to get help",
            "Ground rules",
        ):
            assert english not in text, english


def test_guide_is_self_contained_and_prints_on_a4(tmp_path, capsys):
    out = tmp_path / "guide.html"
    assert main(["guide", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)
    assert "@page{size:A4" in page
    assert page.count('class="scenario"') == len(check_file(SCENARIOS_FILE)[0].scenarios)


def test_every_decision_is_in_the_story_order(content):
    for scenario in content.scenarios:
        assert {n.id for n in story_order(scenario)} == {n.id for n in scenario.decision_nodes}
        assert story_order(scenario)[0].id == scenario.start


def test_unwritable_guide_is_a_clear_error(tmp_path, capsys):
    assert main(["guide", "--out", str(tmp_path / "missing" / "guide.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_broken_scenarios_write_no_guide(tmp_path, capsys):
    broken = tmp_path / "s.yaml"
    broken.write_text("format: 1\nscenarios: [\n", encoding="utf-8")
    out = tmp_path / "guide.html"
    assert main(["guide", "--scenarios", str(broken), "--out", str(out)]) == 1
    assert not out.exists()
    assert "error: YAML syntax error" in capsys.readouterr().err
