"""The figures behind the in-game class results: one group label, read from the game's own
outcomes database, with scenarios of too few sessions hidden (the report's rule), each with
its paired learning gain and its self-efficacy answers (see aggregate.py, gain.py)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from . import aggregate
from .aggregate import Row
from .store import SQLiteRecorder


@dataclass
class ClassResults:
    recording: bool = True  # False when the game was started with --no-record
    group: str = ""
    k: int = aggregate.DEFAULT_K
    total: Row = field(default_factory=lambda: Row(""))
    scenarios: list[Row] = field(default_factory=list)
    problem: str = ""  # why results could not be read or saved ('' when all is well)


def class_results(recorder, order=(), k: int = aggregate.DEFAULT_K) -> ClassResults:
    """Results for the recorder's group label; `order` lists scenario ids in menu order."""
    if not isinstance(recorder, SQLiteRecorder):
        return ClassResults(recording=False)
    results = ClassResults(group=recorder.group, k=k, problem=recorder.warning)
    conn = recorder.connection
    if conn is None:
        return results
    try:
        aggregate.build_tables(conn, recorder.group)
        results.total = aggregate.total(conn)
        rows = aggregate.by_scenario(conn)
        gains = aggregate.paired_gains(conn, "scenario")
        total_gain = aggregate.paired_gains(conn, "all")
        aggregate.drop_tables(conn)
    except sqlite3.Error as exc:
        results.problem = results.problem or f"cannot read {recorder.path}: {exc}"
        return results
    ordered = [rows.pop(sid) for sid in order if sid in rows] + [rows[s] for s in sorted(rows)]
    for row in ordered:
        row.suppressed = row.sessions < k
    results.total.suppressed = results.total.sessions < k
    aggregate.add_gains(ordered, gains)
    aggregate.add_gains([results.total], total_gain)
    results.scenarios = ordered
    return results
