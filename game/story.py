"""The story runtime: pure and deterministic, no pygame. Scenes pull from it; it never draws.

rt = Runtime(scenario)
rt.current()            -> the Node being shown
rt.choices()            -> the Choices the player may pick now
rt.choose("c2")         -> the picked Choice (its feedback is for the scene to show)
rt.finished             -> True once an ending is reached
"""

from __future__ import annotations

from dataclasses import dataclass

from .content.model import SYSTEM_SPEAKER, Choice, Message, Node, Scenario


class StoryError(ValueError):
    """A caller asked for something the story does not allow (never a content problem)."""


@dataclass(frozen=True)
class Line:
    """A line of a conversation as it is shown: who says it (a character's id, or
    SYSTEM_SPEAKER for a note of what happened), the words, the kind of request card it is
    ('photo', 'camera', 'location', 'money', 'payment'; '' for a plain line), the kind of
    hidden photo it carries ('forwarded'; '' for none) and the gift a viewer of a livestream
    sends with it ('rose', 'star', 'diamond'; '' for none)."""

    speaker: str
    text: str
    request: str = ""
    image: str = ""
    gift: str = ""

    @classmethod
    def of_message(cls, message: Message) -> Line:
        return cls(message.speaker, message.text, message.request, message.image, message.gift)

    @classmethod
    def of_choice(cls, choice: Choice, player: str) -> Line:
        """What the player did: a bubble with the words they sent, or a note for `do`."""
        return cls(SYSTEM_SPEAKER, choice.do) if choice.do else cls(player, choice.sent_text)


@dataclass(frozen=True)
class Step:
    node_id: str
    choice_id: str
    safety: str


class Runtime:
    def __init__(self, scenario: Scenario):
        if scenario.start not in scenario.nodes:
            raise StoryError(f"scenario '{scenario.id}' has no start node")
        self.scenario = scenario
        self.node_id = scenario.start
        self.flags: set[str] = set()
        self.history: list[Step] = []
        self.answers: dict[tuple[str, str], bool] = {}

    def start_at(self, node_id: str, flags=()) -> None:
        """Go on from `node_id` with exactly `flags` set, as if the story had led there (an
        author trying out one part of a story; the steps taken so far are kept)."""
        if node_id not in self.scenario.nodes:
            raise StoryError(f"no node '{node_id}' in scenario '{self.scenario.id}'")
        self.node_id = node_id
        self.flags = set(flags)

    def current(self) -> Node:
        return self.scenario.nodes[self.node_id]

    @property
    def finished(self) -> bool:
        return self.current().is_ending

    def choices(self) -> list[Choice]:
        return [c for c in self.current().choices if self._available(c)]

    def _available(self, choice: Choice) -> bool:
        if choice.if_flag and choice.if_flag not in self.flags:
            return False
        return not (choice.unless_flag and choice.unless_flag in self.flags)

    def choose(self, choice_id: str) -> Choice:
        choice = next((c for c in self.choices() if c.id == choice_id), None)
        if choice is None:
            raise StoryError(f"no choice '{choice_id}' at node '{self.node_id}'")
        self.history.append(Step(self.node_id, choice.id, choice.safety))
        self.flags.update(choice.set_flags)
        self.node_id = choice.goto
        return choice

    def count(self, safety: str) -> int:
        return sum(step.safety == safety for step in self.history)

    @property
    def score(self) -> int:
        """One point for each safe choice made."""
        return self.count("safe")

    def answer(self, phase: str, question_id: str, answer_id: str) -> bool:
        """Record a pre or post answer (by the answer's id); return whether it was right."""
        questions = self.scenario.pre if phase == "pre" else self.scenario.post
        question = next((q for q in questions if q.id == question_id), None)
        answer = (
            next((a for a in question.answers if a.id == answer_id), None)
            if question is not None
            else None
        )
        if answer is None:
            raise StoryError(f"no answer '{answer_id}' for {phase} question '{question_id}'")
        right = answer.correct
        self.answers[(phase, question_id)] = right
        return right

    def correct(self, phase: str) -> int:
        return sum(ok for (p, _q), ok in self.answers.items() if p == phase)


def known_flags(scenario: Scenario) -> set[str]:
    """The flags a story knows: those any of its choices sets or tests."""
    return {
        flag
        for node in scenario.nodes.values()
        for choice in node.choices
        for flag in (*choice.set_flags, choice.if_flag, choice.unless_flag)
        if flag
    }


def nearest(scenario: Scenario, node_id: str, history) -> tuple[str, int]:
    """Where to go on in `scenario` (a new version of a story) from `node_id`, reached by
    the steps of `history`: (the node, how many steps led there). The same node if it is
    still there, else the last node of the way there that is, else the start."""
    if node_id in scenario.nodes:
        return node_id, len(history)
    for index in range(len(history) - 1, -1, -1):
        if history[index].node_id in scenario.nodes:
            return history[index].node_id, index
    return scenario.start, 0


def all_paths(scenario: Scenario, max_visits: int = 2) -> list[list[str]]:
    """Every choice path from the start to an ending (ids), each node visited at most
    `max_visits` times, so loops are walked but never forever. Flags are honoured."""
    paths: list[list[str]] = []

    def walk(rt: Runtime, path: list[str], visits: dict[str, int]) -> None:
        if rt.finished:
            paths.append(path)
            return
        for choice in rt.choices():
            seen = visits.get(choice.goto, 0)
            if seen >= max_visits:
                continue
            branch = Runtime(scenario)
            for cid in path:
                branch.choose(cid)
            branch.choose(choice.id)
            walk(branch, path + [choice.id], {**visits, choice.goto: seen + 1})

    walk(Runtime(scenario), [], {scenario.start: 1})
    return paths
