"""Every player-visible string of the content, with a stable context from its place in the
graph (`scenario/nodes/node/choices/choice/feedback`). The extractor, the translation checks
and `localize` all walk the content here, so the three can never disagree."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import NamedTuple

from .diagnostics import Loc
from .model import SYSTEM_SPEAKER, Choice, Content, Message, Node, Question, Scenario


class Entry(NamedTuple):
    context: str
    text: str
    loc: Loc
    note: str
    field: str  # what kind of string it is: 'choice.text', 'message.text', ...
    scene: str = ""  # the scene type of its node ('chat', 'profile', ...); '' off a node
    narration: bool = False  # said by nobody: a note in a chat, what happens in a talk


def _loc(obj, field: str) -> Loc:
    return obj.at[field] if field in obj.at else obj.loc


def iter_strings(content: Content) -> Iterator[Entry]:
    for s in content.scenarios:
        yield from _scenario(s)


def _scenario(s: Scenario) -> Iterator[Entry]:
    base = s.id
    for field in ("title", "summary"):
        if getattr(s, field):
            yield Entry(
                f"{base}/{field}", getattr(s, field), _loc(s, field), s.note, f"scenario.{field}"
            )
    for field in ("objectives", "discuss"):
        for i, text in enumerate(getattr(s, field)):
            yield Entry(f"{base}/{field}/{i + 1}", text, _loc(s, field), "", f"scenario.{field}")
    for c in s.characters.values():
        yield Entry(
            f"{base}/characters/{c.id}/name", c.name, _loc(c, "name"), c.note, "character.name"
        )
    for phase in ("pre", "post"):
        for q in getattr(s, phase):
            yield from _question(f"{base}/{phase}/{q.id}", q)
    for n in s.nodes.values():
        yield from _node(f"{base}/nodes/{n.id}", n)


def _question(base: str, q: Question) -> Iterator[Entry]:
    yield Entry(f"{base}/ask", q.ask, _loc(q, "ask"), q.note, "question.ask")
    for i, a in enumerate(q.answers):
        yield Entry(f"{base}/answers/{i + 1}", a.text, a.loc, q.note, "answer.text")
    if q.explain:
        yield Entry(f"{base}/explain", q.explain, _loc(q, "explain"), q.note, "question.explain")


def _node(base: str, n: Node) -> Iterator[Entry]:
    for field in ("app", "title", "text", "takeaway", "adult"):
        if getattr(n, field):
            yield Entry(
                f"{base}/{field}",
                getattr(n, field),
                _loc(n, field),
                n.note,
                f"{'ending' if n.is_ending else 'node'}.{field}",
                n.scene,
            )
    if n.bio:
        yield Entry(f"{base}/bio", n.bio, _loc(n, "bio"), n.note, "node.bio", n.scene)
    for i, text in enumerate(n.details):
        yield Entry(
            f"{base}/details/{i + 1}", text, _loc(n, "details"), n.note, "node.details", n.scene
        )
    for i, m in enumerate(n.messages):
        yield Entry(
            f"{base}/messages/{i + 1}",
            m.text,
            _loc(m, "text"),
            m.note or n.note,
            "message.text",
            n.scene,
            m.speaker == SYSTEM_SPEAKER,
        )
    for c in n.choices:
        for field in ("text", "say", "do", "feedback"):
            if getattr(c, field):
                yield Entry(
                    f"{base}/choices/{c.id}/{field}",
                    getattr(c, field),
                    _loc(c, field),
                    c.note,
                    f"choice.{field}",
                    n.scene,
                    field == "do",
                )


def localize(content: Content, pgettext: Callable[[str, str], str]) -> Content:
    """A copy of the content with every string passed through pgettext(context, text)."""

    def tr(base: str, obj, fields):
        return {
            f: pgettext(f"{base}/{f}", getattr(obj, f)) if getattr(obj, f) else "" for f in fields
        }

    def question(base: str, q: Question) -> Question:
        answers = tuple(
            dataclasses.replace(a, text=pgettext(f"{base}/answers/{i + 1}", a.text))
            for i, a in enumerate(q.answers)
        )
        return dataclasses.replace(q, answers=answers, **tr(base, q, ("ask", "explain")))

    def message(base: str, i: int, m: Message) -> Message:
        return dataclasses.replace(m, text=pgettext(f"{base}/messages/{i + 1}", m.text))

    def choice(base: str, c: Choice) -> Choice:
        return dataclasses.replace(
            c, **tr(f"{base}/choices/{c.id}", c, ("text", "say", "do", "feedback"))
        )

    def node(base: str, n: Node) -> Node:
        return dataclasses.replace(
            n,
            messages=tuple(message(base, i, m) for i, m in enumerate(n.messages)),
            choices=tuple(choice(base, c) for c in n.choices),
            details=tuple(pgettext(f"{base}/details/{i + 1}", t) for i, t in enumerate(n.details)),
            **tr(base, n, ("app", "title", "text", "takeaway", "adult", "bio")),
        )

    def scenario(s: Scenario) -> Scenario:
        b = s.id
        return dataclasses.replace(
            s,
            **tr(b, s, ("title", "summary")),
            objectives=tuple(
                pgettext(f"{b}/objectives/{i + 1}", t) for i, t in enumerate(s.objectives)
            ),
            discuss=tuple(pgettext(f"{b}/discuss/{i + 1}", t) for i, t in enumerate(s.discuss)),
            characters={
                k: dataclasses.replace(c, name=pgettext(f"{b}/characters/{k}/name", c.name))
                for k, c in s.characters.items()
            },
            pre=tuple(question(f"{b}/pre/{q.id}", q) for q in s.pre),
            post=tuple(question(f"{b}/post/{q.id}", q) for q in s.post),
            nodes={k: node(f"{b}/nodes/{k}", n) for k, n in s.nodes.items()},
        )

    return dataclasses.replace(content, scenarios=tuple(scenario(s) for s in content.scenarios))
