"""The educator report: the figures of a merged database, with small groups suppressed, as
a `Report`, and its plain forms.

`build()` turns a merged database (see merge.py) into a `Report`; `page.html()` draws it,
`write_csv()` flattens it for spreadsheets, `write_json()` gives its figures to other tools
and `text()` prints a short summary.

The JSON figures (`python -m game report ... --json FILE`):

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

import csv
import json
from dataclasses import dataclass, field

from . import aggregate as agg
from .aggregate import Row
from .wording import missing


@dataclass
class Report:
    k: int
    k_raised: bool
    total: Row
    topics: list[Row]  # children: scenario rows; their children: decision point rows
    groups: list[Row]
    age_bands: list[Row]
    first: str = ""  # ISO start of the first and last session
    last: str = ""
    titles: dict = field(default_factory=dict)  # scenario id -> title
    node_labels: dict = field(default_factory=dict)  # (scenario, node) -> label
    used: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    events: int = 0
    duplicates: int = 0

    @property
    def scenarios(self) -> list[Row]:
        return [s for t in self.topics for s in t.children]


def _order(rows: dict[str, Row], known: list[str]) -> list[Row]:
    """Rows in the content's order; ids the content does not know come last, sorted."""
    first = [rows[k] for k in known if k in rows]
    return first + [rows[k] for k in sorted(rows) if k not in known]


def build(conn, content, k: int, k_raised: bool = False) -> Report:
    """Aggregate a database with `plays` and `points` tables (see aggregate.py), such as a
    merged one; `content` (or None) gives topics and titles."""
    scenarios = list(content.scenarios) if content is not None else []
    topic_of = {s.id: s.topic for s in scenarios}
    agg.figures_tables(conn, topic_of)
    total = agg.total(conn)
    total.suppressed = total.sessions < k
    per_scenario = agg.by_scenario(conn)
    topics = agg.by_topic(conn)
    topic_order = list(dict.fromkeys(s.topic for s in scenarios))
    topic_rows = _order(topics, topic_order)
    agg.suppress(topic_rows, k, total.suppressed)
    points = agg.decision_points(conn)
    nodes = {s.id: list(s.nodes) for s in scenarios}
    for topic in topic_rows:
        mine = {sid: row for sid, row in per_scenario.items() if topic_of.get(sid, "") == topic.key}
        topic.children = _order(mine, [s.id for s in scenarios])
        agg.suppress(topic.children, k, topic.suppressed)
        for scenario in topic.children:
            found = {p.key: p for p in points.get(scenario.key, [])}
            scenario.children = _order(found, nodes.get(scenario.key, []))
            agg.suppress(scenario.children, k, scenario.suppressed)
    groups = agg.by_session_column(conn, "grp")
    ages = agg.by_session_column(conn, "age_band")
    for rows in (groups, ages):
        agg.suppress(rows, k, total.suppressed)
    for by, rows in (
        ("all", [total]),
        ("topic", topic_rows),
        ("grp", groups),
        ("age_band", ages),
        ("scenario", [s for t in topic_rows for s in t.children]),
    ):
        agg.add_gains(rows, agg.paired_gains(conn, by))
    first, last = agg.date_range(conn)
    titles, labels = names(scenarios)
    return Report(k, k_raised, total, topic_rows, groups, ages, first, last, titles, labels)


def names(scenarios) -> tuple[dict, dict]:
    """The scenarios' titles, and a label for each decision point (its first message)."""
    labels = {}
    for scenario in scenarios:
        for node in scenario.nodes.values():
            if node.choices:
                first = node.messages[0].text if node.messages else node.text
                labels[(scenario.id, node.id)] = first
    return {s.id: s.title for s in scenarios}, labels


# -- CSV -------------------------------------------------------------------------------
CSV_COLUMNS = (
    "level",
    "topic",
    "scenario",
    "node",
    "group",
    "age_band",
    "sessions",
    "plays_started",
    "plays_finished",
    "completion_rate",
    "decisions",
    "safe_share",
    "neutral_share",
    "risky_share",
    "pre_correct_rate",
    "post_correct_rate",
    "n_paired",
    "gain_points",
    "gain_ci_low",
    "gain_ci_high",
    "effect_size",
    "gain_clear",
    "efficacy_yes_before",
    "efficacy_n_before",
    "efficacy_yes_after",
    "efficacy_n_after",
    "suppressed",
)
_BLANK = len(CSV_COLUMNS) - 7  # the figure columns (not the 6 names nor `suppressed`)


def _rate(value) -> str:
    return "" if value is None else f"{value:.4f}"


def _share(part: int, whole: int) -> str:
    return _rate(part / whole if whole else None)


def _gain(row: Row) -> list:
    """n_paired, the gain and its interval in points, the effect size, whether it is clear."""
    g = row.paired
    numbers = [_number(v) for v in (g.mean, g.low, g.high, g.effect)]
    return [g.n, *numbers, ("yes" if g.clear else "no") if g.n else ""]


def _efficacy(row: Row) -> list:
    before, after = sum(row.efficacy("pre")), sum(row.efficacy("post"))
    return [_rate(row.efficacy_yes("pre")), before, _rate(row.efficacy_yes("post")), after]


def _number(value) -> str:
    return "" if value is None else f"{value:.2f}"


def _figures(row: Row, plays: bool = True) -> list:
    """The figure columns of a row (a decision point has no plays or answers)."""
    if row.suppressed:
        return [""] * _BLANK + ["yes"]
    if not plays:
        return [
            row.sessions,
            "",
            "",
            "",
            row.decisions,
            _share(row.safe, row.decisions),
            _share(row.neutral, row.decisions),
            _share(row.risky, row.decisions),
            *[""] * (_BLANK - 8),
            "no",
        ]
    return [
        row.sessions,
        row.started,
        row.completed,
        _rate(row.completion),
        row.decisions,
        _share(row.safe, row.decisions),
        _share(row.neutral, row.decisions),
        _share(row.risky, row.decisions),
        _rate(row.pre),
        _rate(row.post),
        *_gain(row),
        *_efficacy(row),
        "no",
    ]


def csv_rows(report: Report):
    yield CSV_COLUMNS
    yield ["all", "", "", "", "", "", *_figures(report.total)]
    for topic in report.topics:
        yield ["topic", topic.key, "", "", "", "", *_figures(topic)]
        for scenario in topic.children:
            yield ["scenario", topic.key, scenario.key, "", "", "", *_figures(scenario)]
            for point in scenario.children:
                yield [
                    "decision",
                    topic.key,
                    scenario.key,
                    point.key,
                    "",
                    "",
                    *_figures(point, plays=False),
                ]
    for row in report.groups:
        yield ["group", "", "", "", row.key, "", *_figures(row)]
    for row in report.age_bands:
        yield ["age_band", "", "", "", "", row.key, *_figures(row)]


def write_csv(report: Report, stream) -> None:
    csv.writer(stream, lineterminator="\n").writerows(csv_rows(report))


# -- a short text summary -----------------------------------------------------------------
def _pct(value) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def counted(n: int, noun: str) -> str:
    """'1 session', '2 sessions' (the operator's English texts)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def text(report: Report) -> str:
    lines = [
        f"{counted(report.total.sessions, 'session')}, "
        f"{counted(report.events, 'event')} (groups under {report.k} sessions suppressed)"
    ]
    if report.total.suppressed:
        return lines[0] + "\nfewer sessions than the threshold: nothing can be shown\n"
    for scenario in report.scenarios:
        name = report.titles.get(scenario.key, scenario.key)
        if scenario.suppressed:
            lines.append(f"  {name}: suppressed")
            continue
        lines.append(
            f"  {name}: {scenario.sessions} sessions, finished "
            f"{_pct(scenario.completion)}, safe choices {_pct(scenario.safe_share)}, "
            f"correct before {_pct(scenario.pre)}, after {_pct(scenario.post)}; "
            f"{gain_text(scenario)}"
        )
    return "\n".join(lines) + "\n"


def gain_text(row: Row) -> str:
    """The gain in a few plain English words, for the terminal."""
    g = row.paired
    if not g.n:
        return "no learning gain yet (no session answered both before and after)"
    pairs = f"{g.n} answered before and after"
    if g.interval is None:
        return f"learning gain not clear yet ({pairs})"
    span = f"95% interval {g.low:+.0f} to {g.high:+.0f}"
    if not g.clear:
        return f"learning gain not clear yet ({pairs}; {span})"
    return f"learning gain {g.mean:+.0f} points ({pairs}; {span})"


# -- JSON ------------------------------------------------------------------------------
JSON_FORMAT = 1


def _rounded(value, places: int = 4):
    return None if value is None else round(value, places)


def _efficacy_counts(row: Row) -> dict:
    out = {}
    for phase in ("pre", "post"):
        yes, unsure, no = row.efficacy(phase)
        out[phase] = {
            "yes": yes,
            "unsure": unsure,
            "no": no,
            "n": yes + unsure + no,
            "yes_share": _rounded(row.efficacy_yes(phase)),
        }
    return out


def figures_of(row: Row) -> dict:
    g = row.paired
    interval = g.interval
    return {
        "sessions": row.sessions,
        "pre_correct": _rounded(row.pre),
        "post_correct": _rounded(row.post),
        "n_paired": g.n,
        "gain": _rounded(g.mean),
        "gain_ci": None if interval is None else [_rounded(v) for v in interval],
        "gain_sd": _rounded(g.sd),
        "effect_size": _rounded(g.effect),
        "gain_clear": g.clear,
        "gain_missing": missing(row) or None,
        "efficacy": _efficacy_counts(row),
    }


def _shown(rows: list[Row], name: str, extra=lambda row: {}) -> list[dict]:
    return [{name: row.key, **extra(row), **figures_of(row)} for row in rows if not row.suppressed]


def _hidden(rows: list[Row]) -> int:
    return sum(row.suppressed for row in rows)


def figures(report: Report) -> dict:
    """The report's figures as plain data (see the module docstring)."""
    out: dict = {
        "format": JSON_FORMAT,
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
