"""A small valid scenario file that tests change one line at a time."""

MINIMAL = """\
format: 1
scenarios:
  - id: demo
    title: Demo
    topic: stranger
    age_band: "9-12"
    objectives: [Tell a trusted adult]
    characters:
      you: {name: You, role: player, look: kid}
      sam: {name: Sam, role: stranger, look: fox}
    pre:
      - id: q1
        ask: Who do you tell?
        answers:
          - text: No one at all
          - text: A trusted adult
            correct: true
      - id: q2
        ask: Is a secret with a stranger OK?
        answers:
          - text: Yes, it is
          - text: No, never
            correct: true
      - id: q3
        ask: Gifts from strangers?
        answers:
          - text: Tell an adult
            correct: true
          - text: Tell mum next week
    post:
      - id: p1
        ask: Who do you tell?
        answers:
          - text: A trusted adult
            correct: true
          - text: No one at all
      - id: p2
        ask: Secret?
        answers:
          - text: Tell
            correct: true
          - text: Keep
      - id: p3
        ask: Gift?
        transfer: true
        answers:
          - {text: Tell, correct: true}
          - text: Keep
    start: hello
    nodes:
      hello:
        scene: chat
        app: Game chat
        messages:
          - from: sam
            text: hi! want free coins?
        choices:
          - text: Tell mum
            goto: mum
            safety: safe
            feedback: Great.
          - text: Say yes
            goto: later
            safety: risky
            feedback: Free coins can be a trick.
            set: [said_yes]
      later:
        scene: chat
        messages:
          - from: sam
            text: keep it secret
        choices:
          - text: Tell mum now
            goto: mum
            safety: safe
            feedback: It's never too late.
          - text: Thank Sam
            if: said_yes
            goto: mum
            safety: neutral
            feedback: OK.
      mum:
        scene: dialogue
        messages:
          - from: you
            text: Mum, look at this.
        choices:
          - text: Show the chat
            goto: end
            safety: safe
            feedback: Well done.
      end:
        scene: ending
        title: Safe!
        text: You told mum.
        takeaway: Tell a trusted adult.
        adult: Tell mum, dad or a teacher.
"""


def with_change(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


def with_friend(text: str) -> str:
    """The story with a second person, Dani, a friend, beside Sam."""
    sam = "      sam: {name: Sam, role: stranger, look: fox}\n"
    assert sam in text
    return text.replace(sam, sam + "      dani: {name: Dani, role: friend, look: girl}\n", 1)


def check_story(text: str):
    """What `check` says of a story file's text (its translations aside)."""
    from game.content import check_bytes

    return check_bytes(text.encode("utf-8"), "s.yaml")[1]


def loaded(text: str):
    """The content of a story that loads without errors."""
    from game.content import load_text

    content, diags = load_text(text, "s.yaml")
    assert content is not None and [d for d in diags if d.is_error] == []
    return content
