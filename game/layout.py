"""The boxes the strings of a story are drawn in, defined once.

A box is the text size, the width a string wraps to and the lines it may take, in logical
pixels at the normal text size in solo play (a larger text size or a class's projector
make the cards grow or the text shrink). The scenes draw from these boxes, `check` measures
every string and every translation against the box of the screen that shows it (E205), and
the translators' notes say how much room that is: change a box here and all three follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import theme

# The average width of a character, in ems (the text size), of the game's Portuguese, the
# widest of its languages (English 0.51, Thai 0.46 regular), and the characters a line loses
# to a word that goes on to the next: for the translators' notes only.
EM = {False: 0.53, True: 0.58}
WRAP_LOSS = 3


@dataclass(frozen=True)
class Box:
    size: int
    width: int
    lines: int
    bold: bool = False
    what: str = ""  # what the string is, for the translators

    def characters(self) -> int:
        """About how many characters fill the box (rounded down to a multiple of 5)."""
        per_line = self.width / (self.size * EM[self.bold])
        room = self.lines * per_line - (self.lines - 1) * WRAP_LOSS
        return max(5, int(room) // 5 * 5)

    def hint(self) -> str:
        room = "one line" if self.lines == 1 else f"{self.lines} lines"
        return f"{self.what}; about {self.characters()} characters on {room}"


# The story scenes. A line somebody says, and a note from nobody: what happened
# ("Mia sent a photo", or what the player did).
CHAT_MESSAGE = Box(theme.TEXT_SMALL + 2, 434, 6, what="a chat message")
CHAT_NOTE = Box(theme.TEXT_SMALL - 2, 640, 2, True, "a note in the chat about what happened")
# Beside the profile card the bubbles are narrower than a chat's; a note there has half the
# width of a chat's note, and twice its lines.
PROFILE_MESSAGE = Box(theme.TEXT_SMALL + 2, 304, 6, what="a message beside a profile")
PROFILE_NOTE = Box(theme.TEXT_SMALL - 2, 320, 4, True, "a note beside a profile")
# A call's captions are 224 pixels tall: the newest shows while the next speaker is typing
# if it has at most 3 lines. A person's caption starts with their name ("Maya: ...").
CALL_CAPTION = Box(theme.TEXT_SMALL + 2, 668, 3, what="a caption of a video call, after a name")
CALL_NOTE = Box(theme.TEXT_SMALL + 2, 668, 3, what="a caption of a video call")
# A livestream's comments, in the column beside the video: a comment has its name above it.
LIVE_COMMENT = Box(theme.TEXT_SMALL, 300, 6, what="a viewer's comment on a livestream")
LIVE_NOTE = Box(theme.TEXT_SMALL - 2, 300, 4, True, "a note beside a livestream")
# A voice chat's captions, under the row of faces (as a call's: after a name).
VOICE_CAPTION = Box(theme.TEXT_SMALL + 2, 668, 3, what="a caption of a voice chat, after a name")
VOICE_NOTE = Box(theme.TEXT_SMALL + 2, 668, 3, what="a caption of a voice chat")
# A talk's speech bubbles are 344 pixels tall: 5 lines still show while the next is typing.
DIALOGUE_LINE = Box(theme.TEXT_BODY - 2, 512, 5, what="a spoken line in a talk")
DIALOGUE_NARRATION = Box(theme.TEXT_BODY - 2, 512, 5, True, "what happens in a talk")
# A name under a face in a talk, centred half this width from the room's edge: the least
# room a name has (a chat's header and a call's tile have more; a profile's card shrinks it).
NAME = Box(theme.TEXT_SMALL, 300, 1, True, "a name; use a name that feels local")
# The title bar of a chat or a profile shows the app's name on the right, the contact's on
# the left (a call's tile shows it smaller).
APP = Box(theme.TEXT_SMALL, 300, 1, True, "an app's name, in the title bar of its window")
PROFILE_BIO = Box(theme.TEXT_SMALL - 2, 260, 5, what="a profile's bio")
PROFILE_DETAIL = Box(theme.TEXT_SMALL - 4, 230, 1, what="a fact on a profile card")
CHOICE = Box(theme.TEXT_SMALL + 2, 290, 4, True, "a reply button")

# The cards between and after the scenes.
FEEDBACK = Box(theme.TEXT_BODY, 710, 5, what="kind feedback after the choice")
QUIZ_ASK = Box(theme.TEXT_BIG, 920, 3, True, "a quiz question")
QUIZ_ANSWER = Box(theme.TEXT_BODY - 2, 832, 2, True, "a quiz answer button")
QUIZ_EXPLAIN = Box(theme.TEXT_BODY - 2, 840, 3, what="why the right answer is right")
ENDING_TITLE = Box(theme.TEXT_BIG, 1012, 1, True, "the title of an ending")
ENDING_TEXT = Box(theme.TEXT_BODY - 2, 1012, 3, what="what happened in the end")
ENDING_TAKEAWAY = Box(theme.TEXT_BODY + 2, 920, 2, True, "the one line to remember")
ENDING_ADULT = Box(theme.TEXT_BODY - 2, 940, 2, what="how a trusted adult can help")
RESULTS_TAKEAWAY = Box(theme.TEXT_BODY, 780, 2, what="the one line to remember, on the results")
# A menu card's title: 2 lines of 24 on a card of the one-row menu; the two-row menu's
# cards are smaller, and a title of 2 lines is drawn at 22 there.
MENU_TITLE = Box(theme.TEXT_SMALL + 2, 252, 2, True, "a story's title on the menu")
MENU_TITLE_SMALL = Box(theme.TEXT_SMALL, 232, 2, True, "a story's title on the menu")

# The class screens (`play --classroom`), on a projector: the text is larger than solo
# play's, bold where the class reads it from the back of the room. The lines are those that
# fit as a screen opens; a card grows for more, or its text shrinks when the card cannot
# grow, but never below CLASS_FLOOR points.
CLASS_FLOOR = 22
# The last line said before the class votes, after the speaker's name, across the top card.
CLASS_MESSAGE = Box(theme.TEXT_BODY + 4, 1144, 2, what="the last message before a class vote")
# A row of the class's tally: its number, the option, then the bar of its votes (a row is up
# to 120 pixels tall).
CLASS_CHOICE = Box(theme.TEXT_BODY + 4, 644, 2, True, "a choice the class votes on")
CLASS_ASK = Box(theme.TEXT_BIG + 4, 1144, 2, True, "a question the class votes on")
CLASS_ANSWER = Box(theme.TEXT_BODY + 4, 644, 2, True, "an answer the class votes on")
# The feedback on the class's choice takes the left of its card, with the way back under it
# after a risky choice (5 lines and the way back, or 7 lines); the chart of the votes takes
# the right, a narrower row per option (3 lines each for two options, 2 for three).
CLASS_FEEDBACK = Box(theme.TEXT_BODY + 4, 500, 5, what="kind feedback after the class's choice")
CLASS_CHART = Box(theme.TEXT_BODY - 2, 300, 2, True, "a choice in the chart of the class's votes")
# The story's title, top left, beside the group's label on the right.
CLASS_TITLE = Box(theme.TEXT_BODY, 700, 1, True, "a story's title, at the top of the class screens")
# The presenter notes: the learning goals and the questions to talk about, a bullet each, on
# one page, or a page each when they do not fit together (2 lines each for five on a page).
CLASS_NOTE = Box(theme.TEXT_BODY - 2, 940, 2, what="a learning goal or a question, in the notes")
# Where the strings of a story are drawn on the class screens (check measures the solo boxes).
CLASS_FIELDS = {
    "message.text": (CLASS_MESSAGE,),
    "choice.text": (CLASS_CHOICE, CLASS_CHART),
    "choice.feedback": (CLASS_FEEDBACK,),
    "question.ask": (CLASS_ASK,),
    "answer.text": (CLASS_ANSWER,),
    "scenario.title": (CLASS_TITLE,),
    "scenario.objectives": (CLASS_NOTE,),
    "scenario.discuss": (CLASS_NOTE,),
}

# Where a line of a story node is drawn, by the node's scene type.
LINES = {
    "chat": CHAT_MESSAGE,
    "profile": PROFILE_MESSAGE,
    "call": CALL_CAPTION,
    "dialogue": DIALOGUE_LINE,
    "live": LIVE_COMMENT,
    "voice": VOICE_CAPTION,
}
NOTES = {
    "chat": CHAT_NOTE,
    "profile": PROFILE_NOTE,
    "call": CALL_NOTE,
    "dialogue": DIALOGUE_NARRATION,
    "live": LIVE_NOTE,
    "voice": VOICE_NOTE,
}
SAID = ("message.text", "choice.say", "choice.do")  # drawn as a line or a note of the scene
# Every other kind of string with a box, wherever it is shown.
FIELDS = {
    "character.name": (NAME,),
    "node.app": (APP,),
    "node.bio": (PROFILE_BIO,),
    "node.details": (PROFILE_DETAIL,),
    "choice.text": (CHOICE,),
    "choice.feedback": (FEEDBACK,),
    "question.ask": (QUIZ_ASK,),
    "answer.text": (QUIZ_ANSWER,),
    "question.explain": (QUIZ_EXPLAIN,),
    "ending.title": (ENDING_TITLE,),
    "ending.text": (ENDING_TEXT,),
    "ending.takeaway": (ENDING_TAKEAWAY, RESULTS_TAKEAWAY),
    "ending.adult": (ENDING_ADULT,),
    "scenario.title": (MENU_TITLE, MENU_TITLE_SMALL),
}


def boxes(field: str, scene: str = "", narration: bool = False) -> tuple[Box, ...]:
    """The boxes a string of this kind ('message.text', ...) is drawn in, on a node of this
    scene type ('chat', ...); `narration`: it is said by nobody (the system speaker)."""
    if field in SAID:
        box = (NOTES if narration or field == "choice.do" else LINES).get(scene)
        return (box,) if box is not None else ()
    return FIELDS.get(field, ())


def tightest(found: tuple[Box, ...]) -> Box | None:
    """The box of these with the least room, for a note that names one."""
    return min(found, key=Box.characters, default=None)


def every_box() -> dict[str, Box]:
    """Every box of solo play defined here, by its name (the class screens': class_boxes)."""
    return {
        name: value
        for name, value in globals().items()
        if isinstance(value, Box) and not name.startswith("CLASS_")
    }


def class_boxes() -> dict[str, Box]:
    """Every box of the class screens, by its name."""
    return {
        name: value
        for name, value in globals().items()
        if isinstance(value, Box) and name.startswith("CLASS_")
    }
