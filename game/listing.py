"""`python -m game list`: the scenarios with their shape and how complete each translation is."""

from __future__ import annotations

import json
from collections import Counter

from . import i18n
from .content.strings import iter_strings


def translated_share(content) -> dict[str, dict[str, float]]:
    """{scenario id: {locale: percent of its strings translated (not fuzzy)}}."""
    from babel.messages.pofile import read_po

    totals = Counter()
    entries = list(iter_strings(content))
    for entry in entries:
        totals[entry.context.split("/", 1)[0]] += 1
    shares = {sid: {i18n.SOURCE: 100.0} for sid in totals}
    for locale in i18n.AVAILABLE:
        if locale == i18n.SOURCE:
            continue
        done = Counter()
        path = i18n.po_path(locale)
        if path.is_file():
            with open(path, "rb") as fh:
                catalog = read_po(fh, locale=locale)
            for entry in entries:
                message = catalog.get(entry.text, context=entry.context)
                if message is not None and message.string and not message.fuzzy:
                    done[entry.context.split("/", 1)[0]] += 1
        for sid, total in totals.items():
            shares[sid][locale] = round(100.0 * done[sid] / total, 1)
    return shares


def summaries(content) -> list[dict]:
    shares = translated_share(content)
    return [{
        "id": s.id, "title": s.title, "topic": s.topic, "age_band": s.age_band,
        "decisions": len(s.decision_nodes), "questions_pre": len(s.pre),
        "questions_post": len(s.post), "locales": shares.get(s.id, {}),
    } for s in content.scenarios]


def render(content, as_json: bool) -> str:
    rows = summaries(content)
    if as_json:
        return json.dumps({"scenarios": rows}, ensure_ascii=False, indent=2)
    lines = [f"{'id':<24} {'topic':<16} {'ages':<6} {'dec':>3} {'pre':>3} {'post':>4}  "
             "translated"]
    for r in rows:
        langs = " ".join(f"{k} {v:.0f}%" for k, v in r["locales"].items())
        lines.append(f"{r['id']:<24} {r['topic']:<16} {r['age_band']:<6} {r['decisions']:>3} "
                     f"{r['questions_pre']:>3} {r['questions_post']:>4}  {langs}")
    topics = {r["topic"] for r in rows}
    bands = {r["age_band"] for r in rows}
    lines.append(f"{len(rows)} scenarios, {len(topics)} topics, age bands: "
                 f"{', '.join(sorted(bands))}")
    return "\n".join(lines)
