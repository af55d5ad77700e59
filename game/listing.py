"""`python -m game list`: the scenarios with their shape and how complete each translation is."""

from __future__ import annotations

import json
import re
from collections import Counter

from . import i18n
from .content import items
from .content.strings import _scenario, iter_strings
from .content.translations import localized


def _catalog(locale):
    from babel.messages.pofile import read_po

    path = i18n.po_path(locale)
    if not path.is_file():
        return None
    with open(path, "rb") as fh:
        return read_po(fh, locale=locale)


def _catalogs() -> dict:
    """{locale: its Babel catalog} for the translations there are (read once per listing)."""
    found = {locale: _catalog(locale) for locale in i18n.AVAILABLE if locale != i18n.SOURCE}
    return {locale: catalog for locale, catalog in found.items() if catalog is not None}


# Words are separated by spaces, and in Thai by the zero-width spaces the catalog marks.
WORD_GAPS = re.compile(r"[\s\u200b]+")


def item_figures(content, catalogs) -> dict[str, dict[str, dict]]:
    """{scenario id: {locale: {chance, testwise_baseline, ...}}}: can its quiz and choices be
    won by always picking the longest option (content/items.py), in every language; with
    the story's words (how much a child reads) and its longest message."""
    out: dict[str, dict[str, dict]] = {s.id: {} for s in content.scenarios}
    for locale in i18n.AVAILABLE:
        if locale != i18n.SOURCE and locale not in catalogs:
            continue
        shown = content if locale == i18n.SOURCE else localized(content, catalogs[locale])
        for scenario in shown.scenarios:
            figures = items.tally_scenario(scenario, locale).figures()
            out[scenario.id][locale] = {**figures, **reading(scenario)}
    return out


def reading(scenario) -> dict:
    """How much a story gives a child to read: its words (every string but the educator's
    objectives and discussion questions) and its longest chat or call message."""
    words = 0
    for entry in _scenario(scenario):
        if entry.field not in ("scenario.objectives", "scenario.discuss"):
            words += len([w for w in WORD_GAPS.split(entry.text.strip()) if w])
    longest = max(
        ((len(m.text), node.id) for node in scenario.nodes.values() for m in node.messages),
        default=(0, ""),
    )
    return {"words": words, "longest_message": {"characters": longest[0], "node": longest[1]}}


def translated_share(content, catalogs) -> dict[str, dict[str, float]]:
    """{scenario id: {locale: percent of its strings translated (not fuzzy)}}."""
    totals: Counter[str] = Counter()
    entries = list(iter_strings(content))
    for entry in entries:
        totals[entry.context.split("/", 1)[0]] += 1
    shares = {sid: {i18n.SOURCE: 100.0} for sid in totals}
    for locale in i18n.AVAILABLE:
        if locale == i18n.SOURCE:
            continue
        done: Counter[str] = Counter()
        catalog = catalogs.get(locale)
        if catalog is not None:
            for entry in entries:
                message = catalog.get(entry.text, context=entry.context)
                if message is not None and message.string and not message.fuzzy:
                    done[entry.context.split("/", 1)[0]] += 1
        for sid, total in totals.items():
            shares[sid][locale] = round(100.0 * done[sid] / total, 1)
    return shares


def summaries(content) -> list[dict]:
    catalogs = _catalogs()
    shares = translated_share(content, catalogs)
    figures = item_figures(content, catalogs)
    rows = []
    for s in content.scenarios:
        english = figures[s.id][i18n.SOURCE]
        rows.append(
            {
                "id": s.id,
                "title": s.title,
                "topic": s.topic,
                "age_band": s.age_band,
                "decisions": len(s.decision_nodes),
                "questions_pre": len(s.pre),
                "questions_post": len(s.post),
                "locales": shares.get(s.id, {}),
                # what "always pick the longest answer" scores, against chance (percent, English);
                # "items" has these and the other item figures for every language
                "testwise_baseline": english["testwise_baseline"],
                "chance": english["chance"],
                "items": figures[s.id],
            }
        )
    return rows


def render(content, as_json: bool) -> str:
    rows = summaries(content)
    if as_json:
        return json.dumps({"scenarios": rows}, ensure_ascii=False, indent=2)
    lines = [f"{'id':<24} {'topic':<16} {'ages':<6} {'dec':>3} {'pre':>3} {'post':>4}  translated"]
    for r in rows:
        langs = " ".join(f"{k} {v:.0f}%" for k, v in r["locales"].items())
        lines.append(
            f"{r['id']:<24} {r['topic']:<16} {r['age_band']:<6} {r['decisions']:>3} "
            f"{r['questions_pre']:>3} {r['questions_post']:>4}  {langs}"
        )
    lines.append("")
    lines.append(f"{'reading':<24} words, and the longest message (characters, node)")
    for r in rows:
        parts = []
        for locale, figures in r["items"].items():
            longest = figures["longest_message"]
            parts.append(
                f"{locale} {figures['words']:,} ({longest['characters']}, {longest['node']})"
            )
        lines.append(f"{r['id']:<24} " + "   ".join(parts))
    topics = {r["topic"] for r in rows}
    bands = {r["age_band"] for r in rows}
    lines.append(
        f"{len(rows)} scenarios, {len(topics)} topics, age bands: {', '.join(sorted(bands))}"
    )
    return "\n".join(lines)
