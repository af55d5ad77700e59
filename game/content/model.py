"""Frozen model objects. Each carries its Loc, and `at` maps field names to their value's Loc."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .diagnostics import Loc

FORMAT_VERSION = 1
SCENE_TYPES = ("chat", "call", "profile", "dialogue", "live", "voice", "ending")
REQUESTS = ("photo", "camera", "location", "money", "payment")
# A picture somebody posted or forwarded in a chat: the game shows a card that hides it,
# never a picture. "forwarded": a photo passed on from someone else.
IMAGES = ("forwarded",)
# A gift a viewer sends during a livestream (`scene: live`): a card with its icon.
GIFTS = ("rose", "star", "diamond")
SAFETY = ("safe", "risky", "neutral")
AGE_BANDS = ("9-12", "13-17")
ROLES = ("player", "stranger", "friend", "adult", "other")
TOPICS = (
    "stranger",
    "webcam",
    "photos",
    "personal_info",
    "shared_computer",
    "meeting",
    "fake_profile",
    "gifts",
    "bullying",
    "privacy",
    "helping_friend",
    "sextortion",
    "deepfakes",
    "getting_help",
    "gambling",
    "job_offers",
    "livestream",
)
LOOKS = (
    "kid",
    "girl",
    "boy",
    "knight",
    "cat",
    "robot",
    "fox",
    "mum",
    "dad",
    "teacher",
    "grandma",
    "aunt",
    "star",
    "unknown",
)
# Help services an ending shows beside the usual ones: a crisis line for stories with threats,
# a takedown service for stories where an image has to come down, and the hotline that takes
# reports of illegal images for stories where one circulates.
HELP_KINDS = ("crisis", "takedown", "report")
SYSTEM_SPEAKER = "system"


@dataclass(frozen=True)
class Message:
    speaker: str
    text: str
    loc: Loc
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)
    note: str = ""
    request: str = ""
    image: str = ""
    gift: str = ""


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    goto: str
    safety: str
    feedback: str
    loc: Loc
    say: str = ""
    do: str = ""
    set_flags: tuple[str, ...] = ()
    if_flag: str = ""
    unless_flag: str = ""
    note: str = ""
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sent_text(self) -> str:
        """What the player's bubble says when this choice is picked ('' for an action)."""
        return "" if self.do else (self.say or self.text)


@dataclass(frozen=True)
class Node:
    id: str
    scene: str
    loc: Loc
    app: str = ""
    messages: tuple[Message, ...] = ()
    choices: tuple[Choice, ...] = ()
    title: str = ""
    text: str = ""
    takeaway: str = ""
    adult: str = ""
    of: str = ""
    bio: str = ""
    details: tuple[str, ...] = ()
    viewers: int | None = None  # a livestream's viewer count (None: not shown)
    members: int | None = None  # a group chat's size (None: those who write, and the player)
    note: str = ""
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_ending(self) -> bool:
        return self.scene == "ending"


def answer_id(index: int) -> str:
    """The id of an answer that has no `id:` of its own: a, b, c ... by its place in the file."""
    return chr(ord("a") + index) if index < 26 else f"a{index + 1}"


@dataclass(frozen=True)
class Answer:
    text: str
    correct: bool
    loc: Loc
    id: str = ""
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Question:
    id: str
    ask: str
    answers: tuple[Answer, ...]
    loc: Loc
    explain: str = ""
    transfer: bool = False  # asks about a new situation, not the story's own words
    note: str = ""
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)

    @property
    def correct_index(self) -> int:
        """Index of the first correct answer, or -1 when none is marked."""
        return next((i for i, a in enumerate(self.answers) if a.correct), -1)


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    role: str
    loc: Loc
    look: str = ""
    image: str = ""
    note: str = ""
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    topic: str
    age_band: str
    loc: Loc
    start: str = ""
    summary: str = ""
    objectives: tuple[str, ...] = ()
    discuss: tuple[str, ...] = ()
    help: tuple[str, ...] = ()
    characters: Mapping[str, Character] = field(default_factory=dict)
    pre: tuple[Question, ...] = ()
    post: tuple[Question, ...] = ()
    nodes: Mapping[str, Node] = field(default_factory=dict)
    note: str = ""
    at: Mapping[str, Loc] = field(default_factory=dict, compare=False, repr=False)

    @property
    def endings(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.is_ending]

    @property
    def decision_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.choices]

    @property
    def player(self) -> str:
        """The id of the character the player plays ('' if the story has none)."""
        return next((c.id for c in self.characters.values() if c.role == "player"), "")

    def speaker_name(self, speaker: str) -> str:
        character = self.characters.get(speaker)
        return character.name if character else speaker


@dataclass(frozen=True)
class Content:
    path: str
    format: int
    scenarios: tuple[Scenario, ...]
    loc: Loc
    version: str = ""  # a short digest of the file's text: which content a result came from

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def made(cls, **values):
    """cls(**values) for a model class, made the quick way for the loader, which makes
    thousands per file and passes every field: a frozen dataclass's __init__ sets each field
    through object.__setattr__, which made a third of the loading time. (The tests compare
    every loaded object with one made by cls(**values).)"""
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj
