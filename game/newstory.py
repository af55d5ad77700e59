"""`python -m game new STORY_ID --age 9-12|13-17`: a new story appended to the story file,
as a skeleton that passes the content checks: objectives, characters, three questions
before and after (one about a new situation), three nodes that show the shape every story
keeps (a safe and a risky choice, a way on after the risky one, a trusted adult) and an
ending. Every text says TODO and what belongs there."""

from __future__ import annotations

from pathlib import Path

from .content.model import AGE_BANDS
from .resources import write_atomically

SKELETON = """\
  # ---------------------------------------------------------------------------------------
  # TODO: one line on what this story teaches (ages {age})
  # ---------------------------------------------------------------------------------------
  - id: {story_id}
    title: "TODO: a short title"
    summary: "TODO: one sentence a child reads on the menu."
    topic: stranger
    age_band: "{age}"
    objectives:
      - "TODO: the first thing a child learns (a warning sign to spot)."
      - "TODO: the safe thing to do, and the trusted adult to tell."
    discuss:
      - "TODO: a question the class can talk about after the story."
    note: >-
      TODO: notes for translators (who the characters are, what may be made local).
    characters:
      you:
        name: You
        role: player
        look: kid
      stranger:
        name: "TODO: a name"
        role: stranger
        look: fox
      adult:
        name: "TODO: Mum, Dad, a teacher"
        role: adult
        look: mum
    pre:
      - id: sign_pre
        ask: "TODO: a question about a warning sign?"
        answers:
          - text: "TODO: the right answer here."
            correct: true
          - text: "TODO: a wrong answer of about that length."
          - text: "TODO: another wrong answer, just as long."
        explain: "TODO: why the right answer is right."
      - id: act_pre
        ask: "TODO: a question about what to do?"
        answers:
          - text: "TODO: a wrong answer of about that length."
          - text: "TODO: the right answer here."
            correct: true
          - text: "TODO: another wrong answer, just as long."
        explain: "TODO: why the right answer is right."
      - id: tell_pre
        ask: "TODO: a question about who can help?"
        answers:
          - text: "TODO: a wrong answer of about that length."
          - text: "TODO: another wrong answer, just as long."
          - text: "TODO: the right answer here."
            correct: true
        explain: "TODO: why the right answer is right."
    post:
      - id: sign_post
        ask: "TODO: the warning sign question, asked another way?"
        answers:
          - text: "TODO: a wrong answer of about that length."
          - text: "TODO: the right answer here."
            correct: true
          - text: "TODO: another wrong answer, just as long."
        explain: "TODO: why the right answer is right."
      - id: act_post
        ask: "TODO: what to do, asked another way?"
        answers:
          - text: "TODO: the right answer here."
            correct: true
          - text: "TODO: a wrong answer of about that length."
          - text: "TODO: another wrong answer, just as long."
        explain: "TODO: why the right answer is right."
      - id: new_place_post
        transfer: true
        ask: "TODO: the same danger in a new place (another app, a game, a street)?"
        answers:
          - text: "TODO: a wrong answer of about that length."
          - text: "TODO: another wrong answer, just as long."
          - text: "TODO: the right answer here."
            correct: true
        explain: "TODO: why the right answer is right."
    start: first
    nodes:
      first:
        scene: chat
        app: "TODO: the app or game"
        messages:
          - from: stranger
            text: "TODO: the first message."
        choices:
          - text: "TODO: a safe reply."
            goto: second
            safety: safe
            feedback: "TODO: kind praise, and why it is safe."
          - text: "TODO: a risky reply."
            goto: second
            safety: risky
            feedback: "TODO: kind words: never the child's fault, and what to do now."
      second:
        scene: chat
        app: "TODO: the app or game"
        messages:
          - from: stranger
            text: "TODO: the warning sign, shown, not told."
        choices:
          - text: "TODO: say no and tell an adult."
            goto: talk
            safety: safe
            feedback: "TODO: kind praise, and why it is safe."
          - text: "TODO: a risky reply, like telling Mum next week."
            goto: talk
            safety: risky
            feedback: "TODO: kind words: never the child's fault, and what to do now."
      talk:
        scene: dialogue
        messages:
          - from: you
            text: "TODO: the child tells the trusted adult."
          - from: adult
            text: "TODO: the adult thanks them and helps."
        choices:
          - text: "TODO: block and report together."
            goto: end
            safety: safe
            feedback: "TODO: kind praise, and why it is safe."
      end:
        scene: ending
        title: "TODO: the ending's title"
        text: "TODO: what happened; the danger is dealt with."
        takeaway: "TODO: the one line to remember."
        adult: "TODO: how a trusted adult helped (named first)."
"""


def skeleton(story_id: str, age: str) -> str:
    """The new story's YAML, indented as an item of the file's `scenarios:` list."""
    return SKELETON.format(story_id=story_id, age=age)


def append(path: Path, story_id: str, age: str) -> int:
    """Add the new story at the end of the file; return the line its `- id:` is on."""
    if age not in AGE_BANDS:
        raise ValueError(f"no age band '{age}' (there are: {', '.join(AGE_BANDS)})")
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    added = "\n" + skeleton(story_id, age)
    start = text.count("\n") + added[: added.index("  - id:")].count("\n") + 1
    if not write_atomically(path, (text + added).encode("utf-8")):
        raise OSError(f"cannot write {path}")
    return start
