"""A facilitated class session (`play --classroom GROUP`): one projector, one keyboard, the
educator records the class's votes at each decision and question.

The rules, kept here away from the scenes so they can be tested on their own:
- a number key adds one vote to that option, Backspace takes back the last added vote;
- in show-of-hands mode the educator types a count for each option in turn;
- the class's choice is the option with the most votes; a tie at a decision goes to the
  safest of the tied choices (the story then follows the behaviour worth practising, and
  the chart still shows the split for the discussion); a tie at a question goes to the
  tied answer listed first, so a tie is never counted as right by default.
Only counts are kept, under the group label: never who voted for what.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SAFETY_RANK = {"safe": 0, "neutral": 1, "risky": 2}
MAX_COUNT = 999  # a show-of-hands count; more than any class


class Ballot:
    """The votes for one decision or question: a count per option, in the order shown."""

    def __init__(self, options: int):
        self.counts = [0] * options
        self._added: list[int] = []  # options of the votes added one at a time, in order

    @property
    def total(self) -> int:
        return sum(self.counts)

    def add(self, option: int) -> bool:
        if not 0 <= option < len(self.counts) or self.counts[option] >= MAX_COUNT:
            return False
        self.counts[option] += 1
        self._added.append(option)
        return True

    def undo(self) -> bool:
        """Take back the last vote added with a number key."""
        while self._added:
            option = self._added.pop()
            if self.counts[option] > 0:
                self.counts[option] -= 1
                return True
        return False

    def set(self, option: int, count: int) -> None:
        """A show-of-hands count replaces the option's votes."""
        self.counts[option] = max(0, min(MAX_COUNT, count))
        self._added = [o for o in self._added if o != option]

    def leaders(self) -> list[int]:
        top = max(self.counts, default=0)
        return [i for i, n in enumerate(self.counts) if n == top] if top else []

    def winner(self, rank=None) -> int | None:
        """The option with most votes; ties go to the lowest `rank(option)` (default: the
        first listed). None before any vote."""
        leaders = self.leaders()
        if not leaders:
            return None
        return min(leaders, key=rank or (lambda i: i))


class Hands:
    """Show-of-hands entry: digits for the current option, Enter moves to the next."""

    def __init__(self, ballot: Ballot):
        self.ballot = ballot
        self.row = 0
        self.digits = ""

    def type(self, digit: str) -> None:
        if len(self.digits) < len(str(MAX_COUNT)):
            self.digits = (self.digits + digit).lstrip("0") or "0"

    def erase(self) -> None:
        self.digits = self.digits[:-1]

    def enter(self) -> bool:
        """Keep the typed count (none typed keeps the option's count); True when every
        option has been counted."""
        if self.digits:
            self.ballot.set(self.row, int(self.digits))
        self.digits = ""
        self.row += 1
        return self.row >= len(self.ballot.counts)


def decision_rank(choices):
    return lambda i: (SAFETY_RANK.get(choices[i].safety, 1), i)


@dataclass
class Vote:
    """One revealed vote of this session, for the summary at the end."""

    scenario: str
    kind: str  # "decision", "pre" or "post"
    ask: str  # the question, or the node's id for a decision
    options: list[str]
    counts: list[int]
    picked: int
    marks: list[str]  # per option: a safety, or "correct"/"" for answers


def _winner(ballot: Ballot, rank=None) -> int:
    """The class's pick; the scenes record only once at least one vote is in."""
    picked = ballot.winner(rank)
    if picked is None:
        raise ValueError("no votes yet: nothing to record")
    return picked


@dataclass
class ClassSession:
    """The facilitated mode of the game, for one group label."""

    group: str
    votes: list[Vote] = field(default_factory=list)

    def record_decision(self, recorder, scenario, node_id: str, choices, ballot: Ballot) -> int:
        """Record the counts and return the class's choice (its index)."""
        picked = _winner(ballot, decision_rank(choices))
        for choice, count in zip(choices, ballot.counts, strict=True):
            recorder.record(
                "votes",
                scenario=scenario.id,
                node=node_id,
                choice=choice.id,
                safety=choice.safety,
                count=count,
            )
        self.votes.append(
            Vote(
                scenario.id,
                "decision",
                node_id,
                [c.text for c in choices],
                list(ballot.counts),
                picked,
                [c.safety for c in choices],
            )
        )
        return picked

    def record_answer(
        self, recorder, scenario, phase: str, question, answers, ballot: Ballot
    ) -> int:
        """Record the counts (by answer id) and return the class's answer: its index in
        `answers`, the order the class saw."""
        picked = _winner(ballot)
        for answer, count in zip(answers, ballot.counts, strict=True):
            recorder.record(
                "votes",
                scenario=scenario.id,
                phase=phase,
                question=question.id,
                choice=answer.id,
                correct=answer.correct,
                count=count,
            )
        self.votes.append(
            Vote(
                scenario.id,
                phase,
                question.ask,
                [a.text for a in answers],
                list(ballot.counts),
                picked,
                ["correct" if a.correct else "" for a in answers],
            )
        )
        return picked

    def of(self, scenario_id: str) -> list[Vote]:
        return [v for v in self.votes if v.scenario == scenario_id]


def share(votes: list[Vote], kinds, good) -> float | None:
    """The share of all the votes in `votes` of these kinds that went to a `good` option."""
    total = hit = 0
    for vote in votes:
        if vote.kind in kinds:
            total += sum(vote.counts)
            hit += sum(n for n, mark in zip(vote.counts, vote.marks, strict=True) if good(mark))
    return hit / total if total else None
