"""Presentation order and scoring, decided per session. Pure: no pygame, no I/O.

A test-wise child learns where the key sits ("the answer is always number 2"). So the
order of quiz answers and of decision choices is decided per session: the same seed and
the same item always give the same order (replays, `autoplay --seed`, golden transcripts,
one order for the whole class on a projector), another session gets another order.
Outcomes record the canonical answer and choice ids, never a screen position.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def new_seed() -> int:
    """A fresh seed for a play session."""
    return random.SystemRandom().getrandbits(32)


def rank(seed: int, item: str, ident: str) -> float:
    """Where one option of one item goes for this seed (a stable draw in [0, 1))."""
    return random.Random(f"{seed}/{item}/{ident}").random()


def arrange(options: Iterable[T], seed: int, item: str, ident: Callable[[T], str]) -> list[T]:
    """The options of `item` in this session's order. Each option's place depends only on
    (seed, item, its id), so a subset (choices hidden by a flag) keeps the same order."""
    return sorted(options, key=lambda o: (rank(seed, item, ident(o)), ident(o)))


def question_key(scenario: str, phase: str, question: str) -> str:
    return f"{scenario}/{phase}/{question}"


def node_key(scenario: str, node: str) -> str:
    return f"{scenario}/nodes/{node}"
