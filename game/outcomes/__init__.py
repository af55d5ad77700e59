"""Anonymous learning outcomes: what was learned, never who.

The game reports what happens through a Recorder. `Recorder` itself records nothing (for
`--no-record`, the tests and the benchmarks); the SQLite store records to disk.

Events and their fields (all ids come from the content; nothing typed, nothing personal):
    scenario_started    scenario
    answer              scenario, phase ("pre"/"post"), question, choice (the answer's own
                        id from the content, e.g. "b": never where it was on the screen),
                        correct (bool). Older files have answers with an empty choice.
    efficacy            scenario, phase ("pre"/"post"), choice ("yes"/"unsure"/"no"): the
                        self-efficacy item ("If this happened to you, would you know what
                        to do and who to tell?"), asked before and after each story. Not
                        scored: reported on its own, never mixed into the answers' scores.
    decision            scenario, node, choice, safety
    scenario_completed  scenario, ending, safe, decisions, seconds (rounded to 10 s)
    scenario_abandoned  scenario, node, seconds
    votes               scenario, node (a decision) or phase + question (a question), choice
                        (a choice id, or an answer's id; in older files an answer's number
                        from 1), safety or correct, count (how many in the class voted for
                        it, a whole number, kept in the events' `count` column). Only in a
                        facilitated class session, where the session is the whole class: a
                        vote is never tied to a child.

An event that does not follow this contract (an unknown kind, a phase other than pre/post,
an answer given by its position, votes without a count) is not recorded, and a warning
says so once.
"""

from __future__ import annotations


class Recorder:
    """Records nothing. Subclasses keep the events; `warning` is set when they cannot."""

    warning = ""

    def start_session(self, *, locale: str, content_version: str, group: str = "") -> None:
        pass

    def set_age_band(self, age_band: str) -> None:
        pass

    def record(self, kind: str, **fields) -> None:
        pass

    def close(self) -> None:
        pass

    def use_lrs(self, settings) -> None:
        """Send the outcomes to the LRS of the operator file's `lrs` section (None: none),
        in the background, at start and after each story as it says (store.py)."""


def coarse_seconds(seconds: float) -> int:
    """Time spent, rounded to the nearest 10 seconds: enough to teach, too coarse to profile."""
    return int(round(max(0.0, seconds) / 10.0) * 10)
