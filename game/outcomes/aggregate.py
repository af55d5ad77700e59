"""Learning figures from outcome events, computed in SQL, with small groups suppressed.

Every figure is a sum over two summary tables made from the events (`summarize`):

- `plays`: a row per *play*, one session's go at one scenario: was it started, was it
  finished, its decisions by safety, its pre and post answers and how many were right,
  and its self-efficacy answers before and after (how many said yes, not sure, no);
- `points`: rows per decision point (scenario, node): how many sessions decided there,
  and their decisions by safety. Rows of the same point add up (a merged report has one
  per file, see merge.py).

(The summaries count with `count(*) FILTER (WHERE ...)`, which needs SQLite 3.30 or newer.)

For any set of plays (a scenario, a topic, a group label, an age band, everything) the
figures are: sessions (distinct), how many plays were started and how many of those
finished, the decisions by safety, and the pre and post answers with how many were right,
and the self-efficacy answers before and after. The learning gain is not the difference of
the two correct rates (different children may have answered before and after): it comes
from the plays with answers both before and after (`paired_gains`, see gain.py).

The plays are read once for all these sets (`figures_tables`): `cells` sums them per
scenario, topic, group label and age band, and `pairs` counts the plays with answers before
and after the same way; each set's figures are then sums of cells or of pairs. Sessions
are counted apart, since one session has several plays: a session plays a scenario once,
and has one group label and one age band.

k-anonymity: a row with fewer than k sessions is suppressed. Where rows add up to a shown
total (groups to everything, scenarios to their topic, decision points to their scenario),
suppressing one small row is not enough, since subtracting the others from the total would
reveal it: while the suppressed rows together have fewer than k sessions, the smallest shown
row is suppressed too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .gain import Gain, paired

PLAY_COLUMNS = (
    "session",
    "scenario",
    "started",
    "completed",
    "decisions",
    "safe",
    "neutral",
    "risky",
    "pre_n",
    "pre_ok",
    "post_n",
    "post_ok",
    "eff_pre_yes",
    "eff_pre_unsure",
    "eff_pre_no",
    "eff_post_yes",
    "eff_post_unsure",
    "eff_post_no",
)
POINT_COLUMNS = ("scenario", "node", "sessions", "decisions", "safe", "neutral", "risky")
# The columns of both, in the order above, from a table of events ({events}).
PLAYS = """
SELECT session, scenario,
    count(*) FILTER (WHERE kind = 'scenario_started') > 0,
    count(*) FILTER (WHERE kind = 'scenario_completed') > 0,
    count(*) FILTER (WHERE kind = 'decision'),
    count(*) FILTER (WHERE kind = 'decision' AND safety = 'safe'),
    count(*) FILTER (WHERE kind = 'decision' AND safety = 'neutral'),
    count(*) FILTER (WHERE kind = 'decision' AND safety = 'risky'),
    count(*) FILTER (WHERE kind = 'answer' AND phase = 'pre'),
    count(*) FILTER (WHERE kind = 'answer' AND phase = 'pre' AND correct),
    count(*) FILTER (WHERE kind = 'answer' AND phase = 'post'),
    count(*) FILTER (WHERE kind = 'answer' AND phase = 'post' AND correct),
    count(*) FILTER (WHERE kind = 'efficacy' AND phase = 'pre' AND choice = 'yes'),
    count(*) FILTER (WHERE kind = 'efficacy' AND phase = 'pre' AND choice = 'unsure'),
    count(*) FILTER (WHERE kind = 'efficacy' AND phase = 'pre' AND choice = 'no'),
    count(*) FILTER (WHERE kind = 'efficacy' AND phase = 'post' AND choice = 'yes'),
    count(*) FILTER (WHERE kind = 'efficacy' AND phase = 'post' AND choice = 'unsure'),
    count(*) FILTER (WHERE kind = 'efficacy' AND phase = 'post' AND choice = 'no')
FROM {events} GROUP BY session, scenario
"""
POINTS = """
SELECT scenario, node,
    count(DISTINCT session) AS sessions,
    count(*) AS decisions,
    count(*) FILTER (WHERE safety = 'safe') AS safe,
    count(*) FILTER (WHERE safety = 'neutral') AS neutral,
    count(*) FILTER (WHERE safety = 'risky') AS risky
FROM {events} WHERE kind = 'decision' GROUP BY scenario, node
"""
# The events' columns the summaries need (and (session, seq), which tells them apart).
EVENT_FIELDS = (
    "session",
    "seq",
    "kind",
    "scenario",
    "node",
    "choice",
    "safety",
    "phase",
    "correct",
)


def create_tables(conn, schema: str = "main") -> None:
    """Empty `plays` and `points` tables in `schema` ('temp' for temporary ones)."""
    conn.execute(f"CREATE TABLE {schema}.plays ({', '.join(PLAY_COLUMNS)})")
    conn.execute(f"CREATE TABLE {schema}.points ({', '.join(POINT_COLUMNS)})")


def summarize(conn, events: str, params=(), schema: str = "main") -> None:
    """Add the plays and points of `events` (a table, or a subquery in parentheses, with
    the columns of EVENT_FIELDS) to the `plays` and `points` tables in `schema`."""
    conn.execute(f"INSERT INTO {schema}.plays {PLAYS.format(events=events)}", params)
    conn.execute(f"INSERT INTO {schema}.points {POINTS.format(events=events)}", params)


MIN_K = 3
DEFAULT_K = 5


@dataclass
class Row:
    key: str
    sessions: int = 0
    started: int = 0
    completed: int = 0
    decisions: int = 0
    safe: int = 0
    neutral: int = 0
    risky: int = 0
    pre_n: int = 0
    pre_ok: int = 0
    post_n: int = 0
    post_ok: int = 0
    eff_pre_yes: int = 0
    eff_pre_unsure: int = 0
    eff_pre_no: int = 0
    eff_post_yes: int = 0
    eff_post_unsure: int = 0
    eff_post_no: int = 0
    suppressed: bool = False
    children: list = field(default_factory=list)
    paired: Gain = field(default_factory=Gain)

    @classmethod
    def of(cls, key, values):
        return cls(key, *(int(v or 0) for v in values))

    @staticmethod
    def _rate(part: int, whole: int):
        return part / whole if whole else None

    @property
    def completion(self):
        return self._rate(self.completed, self.started)

    @property
    def safe_share(self):
        return self._rate(self.safe, self.decisions)

    @property
    def pre(self):
        return self._rate(self.pre_ok, self.pre_n)

    @property
    def post(self):
        return self._rate(self.post_ok, self.post_n)

    def efficacy(self, phase: str) -> tuple[int, int, int]:
        """How many self-efficacy answers said yes, not sure and no, before or after."""
        if phase == "pre":
            return self.eff_pre_yes, self.eff_pre_unsure, self.eff_pre_no
        return self.eff_post_yes, self.eff_post_unsure, self.eff_post_no

    def efficacy_yes(self, phase: str):
        """The share of self-efficacy answers that said yes (None without answers)."""
        counts = self.efficacy(phase)
        return self._rate(counts[0], sum(counts))


def effective_k(requested: int | None) -> tuple[int, bool]:
    """The threshold actually used, and whether the request was raised to the minimum."""
    k = DEFAULT_K if requested is None else requested
    return (MIN_K, True) if k < MIN_K else (k, False)


def suppress(rows: list[Row], k: int, parent_hidden: bool = False) -> None:
    """Mark the rows to hide: small ones, then enough others that no subtraction reveals them."""
    for row in rows:
        row.suppressed = parent_hidden or row.sessions < k
    while True:
        hidden = sum(r.sessions for r in rows if r.suppressed)
        shown = [r for r in rows if not r.suppressed]
        if not hidden or hidden >= k or not shown:
            return
        min(shown, key=lambda r: (r.sessions, r.key)).suppressed = True


def build_tables(conn: sqlite3.Connection, group: str | None = None) -> None:
    """Temporary `plays` and `points` from the `events` of a database (for one group label,
    or all), and the tables of figures_tables, for the functions below."""
    events: str = "main.events"
    params: tuple[str, ...] = ()
    if group is not None:
        events = (
            "(SELECT * FROM main.events "
            "WHERE session IN (SELECT id FROM main.sessions WHERE grp = ?))"
        )
        params = (group,)
    drop_tables(conn)
    create_tables(conn, "temp")
    summarize(conn, events, params, "temp")
    figures_tables(conn)


def drop_tables(conn) -> None:
    for table in ("plays", "points", "played", "cells", "pairs", "topics"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


# The figures of a cell, in the order of Row's fields after `sessions`.
CELL_SUMS = ("started", "completed", *PLAY_COLUMNS[4:])
# Who a play belongs to: its scenario's topic, its session's group label and age band (both
# NULL for a play whose session has no session row: it belongs to no label and no band).
_OWNERS = (
    "FROM plays p LEFT JOIN temp.topics t ON t.scenario = p.scenario "
    "LEFT JOIN sessions s ON s.id = p.session"
)
_CELL = "p.scenario, coalesce(t.topic, '') AS topic, s.grp AS grp, s.age_band AS age_band"


def figures_tables(conn, topics: dict[str, str] | None = None) -> None:
    """Temporary `cells` and `pairs` from the `plays` (see the module docstring), with the
    scenarios' topics (`topics` maps scenario ids to topics; unknown scenarios: '') and the
    sessions that played (`played`)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS topics (scenario TEXT PRIMARY KEY, topic TEXT)")
    conn.execute("DELETE FROM temp.topics")
    conn.executemany("INSERT INTO temp.topics VALUES (?, ?)", (topics or {}).items())
    sums = ", ".join(
        "sum(p.started AND p.completed) AS completed" if c == "completed" else f"sum(p.{c}) AS {c}"
        for c in CELL_SUMS
    )
    for table, sql in (
        ("played", "SELECT DISTINCT session FROM plays"),  # the sessions with plays
        ("cells", f"SELECT {_CELL}, count(*) AS plays, {sums} {_OWNERS} GROUP BY 1, 2, 3, 4"),
        (
            "pairs",
            f"SELECT {_CELL}, p.pre_ok, p.pre_n, p.post_ok, p.post_n, count(*) AS plays "
            f"{_OWNERS} WHERE p.pre_n > 0 AND p.post_n > 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
        ),
    ):
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        conn.execute(f"CREATE TEMP TABLE {table} AS {sql}")


# What the figures are grouped by: the key's column in cells and pairs, and how many
# sessions each key has.
_KEYS = {
    "all": ("''", "SELECT '', count(*) FROM temp.played"),
    "scenario": ("scenario", "SELECT scenario, sum(plays) FROM temp.cells GROUP BY 1"),
    "topic": (
        "topic",
        "SELECT coalesce(t.topic, ''), count(DISTINCT p.session) FROM plays p "
        "LEFT JOIN temp.topics t ON t.scenario = p.scenario GROUP BY 1",
    ),
    "grp": ("grp", "SELECT grp, count(*) FROM sessions WHERE id IN temp.played GROUP BY 1"),
    "age_band": (
        "age_band",
        "SELECT age_band, count(*) FROM sessions WHERE id IN temp.played GROUP BY 1",
    ),
}


def rows_by(conn, by: str) -> dict[str, Row]:
    """The figures per scenario, topic, group label ('grp'), age band, or of everything
    ('all', under the key ''), after figures_tables."""
    key, count_sessions = _KEYS[by]
    sessions = dict(conn.execute(count_sessions))
    sums = ", ".join(f"sum({c})" for c in CELL_SUMS)
    sql = f"SELECT {key}, {sums} FROM temp.cells WHERE {key} IS NOT NULL GROUP BY 1"
    return {k: Row.of(k, (sessions.get(k, 0), *figures)) for k, *figures in conn.execute(sql)}


def total(conn) -> Row:
    return rows_by(conn, "all").get("", Row(""))


def by_scenario(conn) -> dict[str, Row]:
    return rows_by(conn, "scenario")


def by_topic(conn) -> dict[str, Row]:
    return rows_by(conn, "topic")


def by_session_column(conn, column: str) -> list[Row]:
    """Rows per group label ('grp') or age band ('age_band'), in order."""
    return [row for _key, row in sorted(rows_by(conn, column).items())]


def paired_gains(conn, by: str) -> dict[str, Gain]:
    """The paired learning gain per key of `by` (see rows_by), after figures_tables. Only
    the plays with answers both before and after count."""
    key = _KEYS[by][0]
    sql = (
        f"SELECT {key}, pre_ok, pre_n, post_ok, post_n, sum(plays) FROM temp.pairs "
        f"WHERE {key} IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
    )
    counts: dict[str, dict] = {}
    for name, *answers, count in conn.execute(sql):
        counts.setdefault(name, {})[tuple(answers)] = count
    return {name: paired(pairs) for name, pairs in counts.items()}


def add_gains(rows, gains: dict[str, Gain]) -> None:
    """Give each shown row its gain (a hidden row keeps none, so none can leak)."""
    for row in rows:
        row.paired = Gain() if row.suppressed else gains.get(row.key, Gain())


def decision_points(conn) -> dict[str, list[Row]]:
    """Per scenario, a row per decision point (node): sessions, decisions by safety."""
    sql = (
        "SELECT scenario, node, sum(sessions), sum(decisions), sum(safe), sum(neutral), "
        "sum(risky) FROM points GROUP BY scenario, node"
    )
    points: dict[str, list[Row]] = {}
    for scenario, node, sessions, *counts in conn.execute(sql):
        row = Row.of(node, (sessions, 0, 0, *counts))
        points.setdefault(scenario, []).append(row)
    return points


def date_range(conn) -> tuple[str, str]:
    """The first and last start of a session that played (ISO text, '' when there are
    none), after figures_tables."""
    first, last = conn.execute(
        "SELECT min(started), max(started) FROM sessions WHERE id IN temp.played"
    ).fetchone()
    return first or "", last or ""
