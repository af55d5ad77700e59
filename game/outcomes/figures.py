"""The report's figures as JSON for other tools (`python -m game report ... --json FILE`).

    {"format": 1, "min_group": 5, "all": {...} or null,
     "stories": [{"id", "topic", "title", ...}], "topics": [{"id", ...}],
     "groups": [{"label", ...}], "age_bands": [{"label", ...}],
     "hidden": {"stories": 1, "topics": 0, "groups": 2, "age_bands": 0}}

Every object has `sessions`, `pre_correct` and `post_correct` (shares 0..1, or null),
`n_paired` (plays with answers both before and after), `gain` (the mean paired gain in
percentage points, or null), `gain_ci` ([low, high] at 95 %, or null with fewer than two
pairs), `gain_sd`, `effect_size` (Cohen's d_z, or null), `gain_clear` (the interval leaves
zero out), `gain_missing` (why there is no gain: no_answers, only_pre, only_post, no_pairs;
null when there is one) and `efficacy` ({"pre": {...}, "post": {...}}, each with the counts
of yes, unsure and no, `n` and `yes_share`). Hidden rows are left out, only counted.
"""

from __future__ import annotations

import json

from .aggregate import Row
from .report import Report
from .wording import missing

FORMAT = 1


def _round(value, places: int = 4):
    return None if value is None else round(value, places)


def _efficacy(row: Row) -> dict:
    out = {}
    for phase in ("pre", "post"):
        yes, unsure, no = row.efficacy(phase)
        out[phase] = {
            "yes": yes,
            "unsure": unsure,
            "no": no,
            "n": yes + unsure + no,
            "yes_share": _round(row.efficacy_yes(phase)),
        }
    return out


def figures_of(row: Row) -> dict:
    g = row.paired
    interval = g.interval
    return {
        "sessions": row.sessions,
        "pre_correct": _round(row.pre),
        "post_correct": _round(row.post),
        "n_paired": g.n,
        "gain": _round(g.mean),
        "gain_ci": None if interval is None else [_round(v) for v in interval],
        "gain_sd": _round(g.sd),
        "effect_size": _round(g.effect),
        "gain_clear": g.clear,
        "gain_missing": missing(row) or None,
        "efficacy": _efficacy(row),
    }


def _shown(rows: list[Row], name: str, extra=lambda row: {}) -> list[dict]:
    return [{name: row.key, **extra(row), **figures_of(row)} for row in rows if not row.suppressed]


def _hidden(rows: list[Row]) -> int:
    return sum(row.suppressed for row in rows)


def figures(report: Report) -> dict:
    """The report's figures as plain data (see the module docstring)."""
    out: dict = {
        "format": FORMAT,
        "min_group": report.k,
        "all": None,
        "stories": [],
        "topics": [],
        "groups": [],
        "age_bands": [],
    }
    if not report.total.suppressed:
        topic_of = {s.key: t.key for t in report.topics for s in t.children}
        out.update(
            all=figures_of(report.total),
            stories=_shown(
                report.scenarios,
                "id",
                lambda row: {
                    "topic": topic_of[row.key],
                    "title": report.titles.get(row.key, row.key),
                },
            ),
            topics=_shown(report.topics, "id"),
            groups=_shown(report.groups, "label"),
            age_bands=_shown(report.age_bands, "label"),
        )
    out["hidden"] = {
        "stories": _hidden(report.scenarios),
        "topics": _hidden(report.topics),
        "groups": _hidden(report.groups),
        "age_bands": _hidden(report.age_bands),
    }
    return out


def write_json(report: Report, stream) -> None:
    json.dump(figures(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
