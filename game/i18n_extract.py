"""Babel extractors for the scenario file and the region data.

Registered under the `babel.extractors` entry point, so that
    pybabel extract -F babel.cfg -o locales/messages.pot .
collects every player-visible string. Each string comes out as pgettext(context, text) with
the context from its place in the graph, and author notes as translator comments.
"""

from __future__ import annotations

import sys

import yaml

from . import layout
from .content.load import load_text
from .content.strings import Entry, iter_strings


def field_hint(entry: Entry) -> str:
    """What the string is and the room it has on screen, for the translator: from the box
    it is drawn in (game/layout.py; the one with the least room if it is shown in several)."""
    box = layout.tightest(layout.boxes(entry.field, entry.scene, entry.narration))
    return box.hint() if box is not None else ""


def extract_scenarios(fileobj, keywords, comment_tags, options):
    """Babel's contract: bytes in, (lineno, funcname, message, comments) tuples out."""
    name = getattr(fileobj, "name", "scenarios.yaml")
    text = fileobj.read().decode("utf-8-sig")
    content, diags = load_text(text, str(name))
    if content is None:
        for d in diags:
            print(d.format(), file=sys.stderr)
        return
    for entry in iter_strings(content):
        comments = [c for c in (entry.note.strip(), field_hint(entry)) if c]
        yield entry.loc.line, "pgettext", (entry.context, entry.text), comments


REGION_FIELDS = ("name", "for", "reach")


def extract_regions(fileobj, keywords, comment_tags, options):
    """The help services' names and descriptions (the region data decides which are shown)."""
    root = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)
    for code_node, region in _pairs(_get(root, "regions")):
        code = code_node.value
        country = _get(region, "country")
        if country is not None:
            yield (
                country.start_mark.line + 1,
                "pgettext",
                (f"region/{code}/country", country.value),
                ["a country name"],
            )
        services = _get(region, "services")
        for service in services.value if services is not None else ():
            sid = _get(service, "id")
            for field in REGION_FIELDS:
                node = _get(service, field)
                if node is not None and sid is not None:
                    yield (
                        node.start_mark.line + 1,
                        "pgettext",
                        (f"region/{code}/{sid.value}/{field}", node.value),
                        ["a help service: keep phone numbers and addresses exactly"],
                    )


def _get(mapping, key):
    for k, v in _pairs(mapping):
        if k.value == key:
            return v
    return None


def _pairs(mapping):
    return mapping.value if isinstance(mapping, yaml.MappingNode) else ()
