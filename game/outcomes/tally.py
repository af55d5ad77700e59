"""Counting a stream of events into the two summary tables every figure is made from.

- `plays`: a row per session and scenario: was it started, was it finished, the decisions
  by safety, the pre and post answers and how many were right, and the self-efficacy
  answers before and after (how many said yes, not sure, no). A play with answers both
  before and after is a pair for the learning gain (see gain.py).
- `points`: a row per decision point (scenario, node): how many sessions decided there,
  and the decisions by safety.

A tally of one file is summed with the others' (see merge.py), so events are read only once,
file by file, and never all together.
"""

from __future__ import annotations

from .schema import EFFICACY_CHOICES, PHASES

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
# What add() takes, in this order (so rows can be selected straight from an events table).
EVENT_FIELDS = ("session", "kind", "scenario", "node", "safety", "phase", "correct", "choice")
_SAFETY = {"safe": 1, "neutral": 2, "risky": 3}
_EFFICACY = {
    (phase, choice): 10 + 3 * p + c
    for p, phase in enumerate(PHASES)
    for c, choice in enumerate(EFFICACY_CHOICES)
}  # where each is counted in a play
_COUNTS = len(PLAY_COLUMNS) - 2


class Tally:
    def __init__(self):
        self.plays: dict[tuple[str, str], list[int]] = {}
        self.points: dict[tuple[str, str], list] = {}  # [sessions (a set), decisions, ...]

    def add(self, session, kind, scenario, node, safety, phase, correct, choice) -> None:
        play = self.plays.get((session, scenario))
        if play is None:
            play = self.plays[(session, scenario)] = [0] * _COUNTS
        if kind == "decision":
            play[2] += 1
            point = self.points.get((scenario, node))
            if point is None:
                point = self.points[(scenario, node)] = [set(), 0, 0, 0, 0]
            point[0].add(session)
            point[1] += 1
            at = _SAFETY.get(safety)
            if at:
                play[2 + at] += 1
                point[1 + at] += 1
        elif kind == "answer":
            at = 6 if phase == "pre" else 8 if phase == "post" else 0
            if at:
                play[at] += 1
                play[at + 1] += 1 if correct else 0
        elif kind == "efficacy":
            at = _EFFICACY.get((phase, choice))
            if at:
                play[at] += 1
        elif kind == "scenario_started":
            play[0] = 1
        elif kind == "scenario_completed":
            play[1] = 1

    def add_rows(self, rows) -> Tally:
        """Add rows of EVENT_FIELDS."""
        add = self.add
        for row in rows:
            add(*row)
        return self

    def play_rows(self):
        return ((session, scenario, *counts) for (session, scenario), counts in self.plays.items())

    def point_rows(self):
        return ((scenario, node, len(p[0]), *p[1:]) for (scenario, node), p in self.points.items())

    def write(self, conn, schema: str = "main", file: int | None = None) -> None:
        """Append to `plays` and `points` in `schema` (with a leading `file` column for the
        points when `file` is given)."""
        marks = ", ".join("?" * len(PLAY_COLUMNS))
        conn.executemany(f"INSERT INTO {schema}.plays VALUES ({marks})", self.play_rows())
        marks = ", ".join("?" * (len(POINT_COLUMNS) + (file is not None)))
        rows = self.point_rows()
        if file is not None:
            rows = ((file, *row) for row in rows)
        conn.executemany(f"INSERT INTO {schema}.points VALUES ({marks})", rows)


def create_tables(conn, schema: str = "main", file_column: bool = False) -> None:
    """Empty `plays` and `points` tables in `schema` ('temp' for temporary ones)."""
    conn.execute(f"CREATE TABLE {schema}.plays ({', '.join(PLAY_COLUMNS)})")
    columns = ("file", *POINT_COLUMNS) if file_column else POINT_COLUMNS
    conn.execute(f"CREATE TABLE {schema}.points ({', '.join(columns)})")
