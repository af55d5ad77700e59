"""The quiz and the choices measure learning, not test-wiseness, in every language."""

import json

import pytest
from babel.messages.catalog import Catalog

from game import i18n
from game.content import items, load_file, load_text
from game.content.translations import _check_items, localized
from game.listing import render

from .conftest import ROOT
from .helpers import MINIMAL

LOCALES = ("en", "pt_BR", "th")


@pytest.fixture(scope="module")
def content():
    content, _ = load_file(ROOT / "scenarios.yaml")
    return content


def catalog(locale):
    from babel.messages.pofile import read_po

    with open(i18n.po_path(locale), "rb") as fh:
        return read_po(fh, locale=locale)


@pytest.fixture(scope="module")
def shown(content):
    return {
        locale: content if locale == "en" else localized(content, catalog(locale))
        for locale in LOCALES
    }


def test_longest_pick_scores_by_ties():
    assert items.testwise_score(["aa", "bbbb", "cccc"], 1) == 0.5
    assert items.testwise_score(["aa", "bbbb", "c"], 0) == 0.0
    assert items.strictly_longest(["a", "bb", "bb"]) == -1
    assert items.longer_by(["abcdef", "abcde"], 0) == pytest.approx(1.2)
    assert items.length("ab\u200bc ") == 3


def test_adult_cues_in_every_language():
    assert items.names_adult("Tell Mum next week", "en")
    assert not items.names_adult("Leave the call", "en")
    assert items.names_adult("Conte para a sua mãe", "pt_BR")
    assert items.names_adult("บอกแม่", "th")
    assert not items.names_adult("หน้าจอ", "th")  # 'screen' holds น้า but names no aunt
    assert not items.names_adult("อย่าส่ง", "th")
    assert items.names_adult("Ask Aunt Jo", "en", ["Aunt Jo"])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_shipped_quiz_cannot_be_won_by_test_wiseness(shown, locale):
    tally = items.Tally()
    for scenario in shown[locale].scenarios:
        tally.merge(items.tally_scenario(scenario, locale))
    f = tally.figures()
    assert f["testwise_baseline"] <= f["chance"] + 10, f
    # the cue turned round must not win either: the shortest, or the one in between
    assert f["shortest_baseline"] <= f["chance"] + 10, f
    assert f["middle_baseline"] <= f["chance"] + 10, f
    assert f["right_strictly_longest"] <= 40, f
    assert f["safe_strictly_longest"] <= 45, f
    assert f["adult_options_wrong"] >= 20, f


def test_every_story_has_a_transfer_question_and_few_ask_if_it_is_too_late(content):
    for scenario in content.scenarios:
        assert any(q.transfer for q in scenario.post), scenario.id
    too_late = [
        s.id for s in content.scenarios if any("too late" in q.ask.lower() for q in s.pre + s.post)
    ]
    assert len(too_late) <= 3, too_late


def test_a_translation_that_makes_the_answer_longest_is_found_at_the_english_line():
    content, _ = load_text(MINIMAL, "s.yaml")
    cat = Catalog(locale="pt_BR")
    cat.add("No one at all", "Não", context="demo/pre/q1/answers/1")
    found = [d for d in _check_items(content, "pt_BR", cat) if d.code == "W131"]
    assert [(d.line, d.col) for d in found] == [(16, 19)]
    assert "(pt_BR)" in found[0].message
    assert not [d for d in _check_items(content, "en", Catalog(locale="en")) if d.code == "W131"]


def test_list_json_gives_each_story_its_baseline_and_chance(content):
    rows = json.loads(render(content, as_json=True))["scenarios"]
    for row in rows:
        assert 0 < row["chance"] <= 50
        assert row["testwise_baseline"] <= row["chance"] + 10, row["id"]
        assert set(row["items"]) == set(LOCALES)
