"""The help services: complete, each with its own source and date, shown where needed."""

import re

from game import regions
from scenes.help import service_lines


def by_id(code):
    return {s.id: s for r in regions.regions() if r.code == code for s in r.services}


def test_every_service_has_its_own_source_address_and_date():
    for region in regions.regions():
        for s in region.services:
            assert s.source.startswith("https://"), s.id
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.verified), s.id
            assert s.kind in ("helpline", "report", "police", "local", "crisis", "takedown")


def test_the_services_pedagogy_lists_are_there():
    brazil, thailand = by_id("BR"), by_id("TH")
    assert "188" in brazil["cvv"].reach and brazil["cvv"].kind == "crisis"
    assert "Disque 100" in brazil["conselho_tutelar"].purpose
    assert "1323" in thailand["mental_health_1323"].reach
    for services in (brazil, thailand):
        assert services["take_it_down"].kind == "takedown"
    assert "1387" in thailand["thaihotline"].purpose  # threats go to 1387 or the police


def test_an_ending_shows_the_helplines_and_what_its_story_asks_for():
    plain = dict(service_lines("pt_BR", ()))
    threats = dict(service_lines("pt_BR", ("crisis", "takedown")))
    ((country, lines),) = plain.items()
    assert len(lines) == 2
    assert any("188" in line for line in threats[country])
    assert any("takeitdown" in line for line in threats[country])
    assert not any("188" in line for line in lines)
    everything = dict(service_lines("pt_BR"))
    assert len(everything[country]) == len(by_id("BR"))


def test_a_story_where_an_illegal_image_circulates_can_show_the_reporting_hotline():
    for locale, hotline in (("pt_BR", "denuncie.org.br"), ("th", "thaihotline.org")):
        ((_, plain),) = dict(service_lines(locale, ())).items()
        ((_, lines),) = dict(service_lines(locale, ("report",))).items()
        assert not any(hotline in line for line in plain)
        assert any(hotline in line for line in lines)
        assert len(lines) == len(plain) + 1


def test_a_story_that_names_take_it_down_shows_it_on_its_endings():
    from game.content import load_file
    from game.content.strings import iter_strings

    from .conftest import ROOT

    content, _ = load_file(ROOT / "scenarios.yaml")
    entries = list(iter_strings(content))
    for scenario in content.scenarios:
        mine = [e.text for e in entries if e.context.startswith(scenario.id + "/")]
        if any("Take It Down" in text for text in mine):
            assert "takedown" in scenario.help, scenario.id
        if any("threat" in text.lower() for text in mine):
            assert "crisis" in scenario.help, scenario.id
        if any(m.image == "forwarded" for n in scenario.nodes.values() for m in n.messages):
            assert "report" in scenario.help, scenario.id  # a circulating image is reported
