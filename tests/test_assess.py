"""The order answers and choices appear in: decided per session, reproducible per seed,
recorded by id so that the outcomes never depend on it."""

from collections import Counter

from game import assess
from game.content import load_file, load_text
from game.outcomes import Recorder

from .conftest import ROOT
from .helpers import MINIMAL


def shipped():
    content, _ = load_file(ROOT / "scenarios.yaml")
    return content


def ident(x):
    return x


def test_same_seed_same_order_other_seed_other_order():
    options = ["a", "b", "c"]
    first = assess.arrange(options, 7, "story/pre/q1", ident)
    assert assess.arrange(options, 7, "story/pre/q1", ident) == first
    assert sorted(first) == options
    orders = {tuple(assess.arrange(options, seed, "story/pre/q1", ident)) for seed in range(60)}
    assert len(orders) == 6  # every order of three options turns up


def test_a_subset_keeps_its_order():
    full = assess.arrange(["c1", "c2", "c3", "c4"], 11, "s/nodes/n", ident)
    part = assess.arrange(["c1", "c3", "c4"], 11, "s/nodes/n", ident)
    assert part == [c for c in full if c != "c2"]


def test_key_position_is_no_pattern_over_the_shipped_quiz():
    """Over many sessions the right answer sits in every place about as often."""
    places = Counter()
    for scenario in shipped().scenarios:
        for question in scenario.pre + scenario.post:
            for seed in range(30):
                shown = assess.arrange(
                    question.answers,
                    seed,
                    assess.question_key(scenario.id, "pre", question.id),
                    lambda a: a.id,
                )
                places[next(i for i, a in enumerate(shown) if a.correct)] += 1
    total = sum(places.values())
    assert places[0] / total > 0.25 and places[1] / total > 0.25, places


class Memory(Recorder):
    def __init__(self):
        super().__init__()
        self.events = []

    def record(self, kind, **fields):
        self.events.append((kind, fields))


def play(seed, strategy="safe"):
    from game.autoplay import run

    content, _ = load_text(MINIMAL, "s.yaml")
    recorder = Memory()
    transcript = run(content, ["demo"], strategy, seed, recorder=recorder, draw=False)
    return transcript, recorder.events


def test_outcomes_are_the_same_whatever_the_order():
    orders, outcomes = set(), set()
    for seed in range(6):
        transcript, events = play(seed)
        orders.add(tuple(line for line in transcript.lines if line.startswith("  1)")))
        outcomes.add(
            tuple(
                (k, f.get("question"), f.get("choice"), f.get("correct"))
                for k, f in events
                if k in ("answer", "decision")
            )
        )
    assert len(orders) > 1  # the screens differed
    assert len(outcomes) == 1  # what was recorded did not
    answers = [e for e in next(iter(outcomes)) if e[0] == "answer"]
    assert answers and all(choice in ("a", "b") for _k, _q, choice, _c in answers)


def test_a_replay_with_the_same_seed_is_the_same():
    assert play(3, "random")[0].lines == play(3, "random")[0].lines


def test_efficacy_is_asked_before_and_after_and_recorded_unscored():
    transcript, events = play(1, "risky")
    efficacy = [(f["phase"], f["choice"]) for k, f in events if k == "efficacy"]
    assert efficacy == [("pre", "no"), ("post", "no")]
    assert sum(line.startswith("[pre how sure]") for line in transcript.lines) == 1
    assert all("correct" not in f for k, f in events if k == "efficacy")
