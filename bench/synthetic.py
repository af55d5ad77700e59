"""Synthetic scenario files in content format 1, for timing load + check on big inputs.

Every scenario has NODES_PER_SCENARIO nodes: a forward chain of decision nodes (chat, call
and dialogue scenes, 1 to 4 messages, 2 or 3 choices each) and four endings. Every story
node offers a safe choice, risky choices skip one node ahead, a few choices set and test a
flag, and three pre and three post questions come with each scenario. The result is meant
to check clean: no errors and no warnings.
"""

from __future__ import annotations

NODES_PER_SCENARIO = 50
ENDINGS = ("good_end", "help_later_end", "walked_away_end", "told_teacher_end")
DECISIONS = NODES_PER_SCENARIO - len(ENDINGS)
TOPICS = ("stranger", "webcam", "gifts", "personal_info", "meeting", "fake_profile")
FLAG = "took_gift"

MESSAGES = (
    ("jay", "hey you are really good at this game, want to be on my team tonight?"),
    ("system", "Jay sent you a friend request."),
    ("mia", "who is that? i have never seen them in our class"),
    ("jay", "i can give you 500 gems if you tell me which school you go to"),
    ("you", "why do you want to know that"),
    ("jay", "no reason, it is just our little secret ok? don't tell your parents"),
    ("system", "Later, at home."),
    ("mia", "you seem quiet today, is something in the game bothering you?"),
)
CHOICES = (
    (
        "Tell a grown-up you trust about the messages.",
        "safe",
        "Great choice! Telling a trusted adult is always a good idea. They can help you "
        "decide what to do next, and you are never in trouble for asking.",
    ),
    (
        "Send the name of your school so you get the gems.",
        "risky",
        "Lots of people would want the gems. But your school shows where you are, so it is "
        "private. You're not in trouble. It is never too late to tell someone.",
    ),
    (
        "Ask why they want to know.",
        "neutral",
        "Asking questions is fine. Notice how the answer makes you feel, and stop if it "
        "feels weird.",
    ),
)
SCENES = ("chat", "chat", "chat", "chat", "chat", "chat", "chat", "call", "call", "dialogue")


def _node_id(index: int) -> str:
    return f"step_{index:03d}" if index < DECISIONS else ENDINGS[0]


def _scenario(number: int, out: list[str]) -> None:
    sid = f"synthetic_{number:04d}"
    add = out.append
    add(f"  - id: {sid}")
    add(f"    title: Synthetic story number {number}")
    add("    summary: A long made-up story used to time loading and checking.")
    add(f"    topic: {TOPICS[number % len(TOPICS)]}")
    add(f'    age_band: "{"9-12" if number % 2 else "13-17"}"')
    add("    objectives:")
    add("      - Private things stay private.")
    add("      - If something feels weird, stop and tell a trusted adult.")
    add("    characters:")
    add("      you: {name: You, role: player, look: kid}")
    add("      jay: {name: Jay_Gamer, role: stranger, look: fox}")
    add("      mia: {name: Mia, role: friend, look: girl}")
    add("      mum: {name: Mum, role: adult, look: mum}")
    for phase in ("pre", "post"):
        add(f"    {phase}:")
        for q in range(3):
            add(f"      - id: {phase}_question_{q}")
            add(f"        ask: Someone online asks for your school, question {q}. What is best?")
            if phase == "post" and q == 0:
                add("        transfer: true")
            add("        answers:")  # about the same length; a wrong one names a grown-up
            add("          - text: Tell them, it is only a game.")
            add("          - text: Don't answer, and tell a grown-up.")
            add("            correct: true")
            add("          - text: Tell them, and tell Mum about it later.")
            add("        explain: Your school is private because it shows where you are.")
    add(f"    start: {_node_id(0)}")
    add("    nodes:")
    for i in range(DECISIONS):
        scene = SCENES[i % len(SCENES)]
        add(f"      {_node_id(i)}:")
        add(f"        scene: {scene}")
        if scene != "dialogue":
            add("        app: Block Party")
        add("        messages:")
        for k in range(1 + i % 4):
            speaker, text = MESSAGES[(i + k) % len(MESSAGES)]
            if scene == "dialogue" and speaker == "jay":
                speaker = "mum"
            add(f"          - from: {speaker}")
            add(f"            text: {text}")
        last = i == DECISIONS - 1
        targets = {
            "safe": ENDINGS[0] if last else _node_id(i + 1),
            "risky": ENDINGS[1] if last else _node_id(min(i + 2, DECISIONS - 1)),
            "neutral": _node_id(i + 1),
        }
        picks = ["safe", "risky"]
        if i % 2 == 0 and not last:
            picks.append("neutral")
        add("        choices:")
        for safety in picks:
            text, _s, feedback = next(c for c in CHOICES if c[1] == safety)
            goto = targets[safety]
            if safety == "neutral" and i == 16:
                goto, text = ENDINGS[2], "Log off and go and play outside."
            if safety == "neutral" and i == 30:
                goto, text = ENDINGS[3], "Show the chat to your teacher."
            add(f"          - text: {text}")
            add(f"            goto: {goto}")
            add(f"            safety: {safety}")
            if safety == "neutral":
                add("            do: You asked Jay why.")
            else:
                add("            say: ok")
            if safety == "risky" and i % 10 == 3:
                add(f"            set: [{FLAG}]")
            if safety == "neutral" and i % 10 == 4:
                add(f"            if: {FLAG}")
            add("            feedback: >-")
            add(f"              {feedback}")
    for j, end in enumerate(ENDINGS):
        add(f"      {end}:")
        add("        scene: ending")
        add(f"        title: You found a safe way out, ending {j}!")
        add("        text: You noticed the warning signs and you told someone who could help.")
        add("        takeaway: If it feels weird, stop and tell a trusted adult.")
        add("        adult: Tell Mum, Dad, a teacher or another grown-up you trust.")


def scenario_text(nodes: int) -> str:
    """A whole scenario file with `nodes` nodes in total (rounded up to whole scenarios)."""
    count = max(1, -(-nodes // NODES_PER_SCENARIO))
    out = [
        "# Synthetic scenarios for timing; generated, not for playing.",
        "format: 1",
        "scenarios:",
    ]
    for number in range(1, count + 1):
        _scenario(number, out)
    return "\n".join(out) + "\n"
