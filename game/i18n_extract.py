"""Babel extractors for the scenario file and the region data.

Registered under the `babel.extractors` entry point, so that
    pybabel extract -F babel.cfg -o locales/messages.pot .
collects every player-visible string. Each string comes out as pgettext(context, text) with
the context from its place in the graph, and author notes as translator comments.
"""

from __future__ import annotations

import sys

import yaml

from .content.load import load_text
from .content.strings import iter_strings

# What each kind of string is, for the translator, with the room it has on screen.
FIELD_HINTS = {
    "choice.text": "a reply button; keep it short (about 50 characters)",
    "choice.say": "the chat bubble the player sends",
    "choice.do": "a note in the chat about what the player did",
    "choice.feedback": "kind feedback after the choice (about 220 characters)",
    "message.text": "a chat message or spoken line",
    "answer.text": "a quiz answer button (about 60 characters)",
    "ending.takeaway": "the one line to remember (about 90 characters)",
    "character.name": "a name; use a name that feels local",
}


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
        comments = [c for c in (entry.note.strip(), FIELD_HINTS.get(entry.field, "")) if c]
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
