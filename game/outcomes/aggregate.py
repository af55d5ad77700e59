"""Learning figures from an outcomes database, computed in SQL, with small groups suppressed.

A *play* is one session's go at one scenario. For any set of plays (a scenario, a topic, a
group label, an age band, everything) the figures are: sessions (distinct), how many plays
were started and how many of those finished, the decisions by safety, and the pre and post
answers with how many were right, and the self-efficacy answers before and after. The
learning gain is not the difference of the two correct rates (different children may have
answered before and after): it comes from the plays with answers both before and after
(`paired_gains`, see gain.py).

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
from .tally import EVENT_FIELDS, PLAY_COLUMNS, Tally, create_tables

MIN_K = 3
DEFAULT_K = 5

_SUMS = (
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
    *PLAY_COLUMNS[-6:],
)
# Every figure is summed from the `plays` and `points` tables (see tally.py).
FIGURES = "count(DISTINCT p.session), sum(p.started), sum(p.started AND p.completed), " + ", ".join(
    f"sum(p.{name})" for name in _SUMS[2:]
)


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
    or all), for the functions below."""
    where: str = ""
    params: tuple[str, ...] = ()
    if group is not None:
        where, params = "WHERE session IN (SELECT id FROM sessions WHERE grp = ?)", (group,)
    drop_tables(conn)
    create_tables(conn, "temp")
    rows = conn.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM events {where}", params)
    Tally().add_rows(rows).write(conn, "temp")


def drop_tables(conn) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.plays")
    conn.execute("DROP TABLE IF EXISTS temp.points")


def total(conn) -> Row:
    return Row.of("", conn.execute(f"SELECT {FIGURES} FROM plays p").fetchone())


def by_scenario(conn) -> dict[str, Row]:
    sql = f"SELECT p.scenario, {FIGURES} FROM plays p GROUP BY p.scenario"
    return {r[0]: Row.of(r[0], r[1:]) for r in conn.execute(sql)}


def by_session_column(conn, column: str) -> list[Row]:
    """Rows per group label ('grp') or age band ('age_band')."""
    assert column in ("grp", "age_band", "locale")
    sql = (
        f"SELECT s.{column}, {FIGURES} FROM plays p JOIN sessions s ON s.id = p.session "
        f"GROUP BY s.{column} ORDER BY s.{column}"
    )
    return [Row.of(r[0], r[1:]) for r in conn.execute(sql)]


def by_topic(conn, topics: dict[str, str]) -> dict[str, Row]:
    """Rows per topic; `topics` maps scenario ids to topics (unknown scenarios: topic '')."""
    set_topics(conn, topics)
    sql = f"SELECT {_KEYS['topic'][0]}, {FIGURES} FROM plays p {_KEYS['topic'][1]} GROUP BY 1"
    return {r[0]: Row.of(r[0], r[1:]) for r in conn.execute(sql)}


def set_topics(conn, topics: dict[str, str]) -> None:
    """The scenarios' topics, in a temporary table for the queries by topic."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS topics (scenario TEXT PRIMARY KEY, topic TEXT)")
    conn.execute("DELETE FROM temp.topics")
    conn.executemany("INSERT INTO temp.topics VALUES (?, ?)", topics.items())


# What the plays are grouped by: (the key's SQL, the join it needs).
_KEYS = {
    "all": ("''", ""),
    "scenario": ("p.scenario", ""),
    "topic": ("coalesce(t.topic, '')", "LEFT JOIN temp.topics t ON t.scenario = p.scenario"),
    "grp": ("s.grp", "JOIN sessions s ON s.id = p.session"),
    "age_band": ("s.age_band", "JOIN sessions s ON s.id = p.session"),
}


def paired_gains(conn, by: str) -> dict[str, Gain]:
    """The paired learning gain per scenario, topic (after set_topics), group label ('grp'),
    age band, or of everything ('all', under the key ''). Only the plays with answers both
    before and after count."""
    key, join = _KEYS[by]
    sql = (
        f"SELECT {key}, p.pre_ok, p.pre_n, p.post_ok, p.post_n, count(*) FROM plays p "
        f"{join} WHERE p.pre_n > 0 AND p.post_n > 0 GROUP BY 1, 2, 3, 4, 5"
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
    """The first and last session start (ISO text, '' when there are none)."""
    first, last = conn.execute(
        "SELECT min(started), max(started) FROM sessions WHERE id IN (SELECT session FROM plays)"
    ).fetchone()
    return first or "", last or ""
