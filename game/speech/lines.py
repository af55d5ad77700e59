"""What narration says: the lines each event of a scene is read as, and the stable id of
every part of a line, under which a recorded voice file for it is found.

A scene reports what it shows with `app.show(kind, **data)` (game/transcript.py lists every
kind). The events carry only the text on screen; an `Index` of one language finds the ids
of that text: the content's strings (their gettext context, game/content/strings.py) and
the screen words below (`ui/<the English words>`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from .. import i18n
from ..content.model import Question
from ..content.strings import iter_strings
from ..i18n import N_

GAME_NAME = "Net Heroes"  # the title screen's name, the same in every language

# The words of the screens narration reads, as the scenes write them (the same msgids, so
# they are translated by the same catalog entries).
TAGLINE = N_("Play, learn and stay safe online!")
PICK = N_("Pick a story")
OFFERED = N_("What will you do?")
HEADINGS = {"pre": N_("Before the story: what do you think?"), "post": N_("What did you learn?")}
THANKS = N_("Thanks! Let's play and find out.")
RIGHT = N_("Yes, that's right!")
BEST = N_("Good try! The best answer is:")
FEEDBACK = {
    "safe": N_("Great choice!"),
    "neutral": N_("Okay! Let's keep going."),
    "risky": N_("Let's think about that."),
}
TELL = N_("First, tell a trusted adult")
WELL_DONE = N_("Well done, Net Hero!")
REQUESTS = {
    "photo": N_("Photo request"),
    "camera": N_("Camera request"),
    "location": N_("Location request"),
    "money": N_("Money request"),
    "payment": N_("Payment request"),
}
IMAGES = {"forwarded": N_("Forwarded photo, hidden")}  # a card that hides the picture
# A livestream (the scene says the player is live, and how many watch) and its gifts; a
# voice chat.
LIVE = N_("LIVE")
VIEWERS = ("{count} viewer", "{count} viewers")  # asked with ngettext (scenes/live.py)
GIFT_SENT = N_("{name} sent you a gift")
GIFTS = {"rose": N_("Rose"), "star": N_("Star"), "diamond": N_("Diamond")}
VOICE = N_("Voice chat")
VOICE_CALL = N_("Voice call")  # a voice scene with one other person on the line
# Words that reach narration as text in an event (a question, a button that has the focus).
SHOWN = (
    N_("If this happened to you, would you know what to do and who to tell?"),
    N_("Yes, I would"),
    N_("I'm not sure"),
    N_("Not yet"),
    N_("It's never too late to tell someone you trust."),
    N_(
        "You can always talk to a trusted adult: a parent, a relative or a teacher. You are "
        "never in trouble for asking for help."
    ),
    N_("Do you want to stop playing?"),
    N_("Leave this story and go back to the menu?"),
    N_("Touch or press any key to play!"),
    N_("Still there?"),
    N_("Play"),
    N_("Help"),
    N_("Next"),
    N_("Continue"),
    N_("Start the story"),
    N_("See how you did"),
    N_("More stories"),
    N_("Quick quiz"),
    N_("Finish"),
    N_("Close"),
    N_("Yes, stop"),
    N_("No, keep playing"),
    N_("Yes, leave"),
    N_("No, stay"),
    N_("All stories"),
    N_("I'm still here"),
    N_("Who can help?"),
)
SCREEN_WORDS: tuple[str, ...] = (
    TAGLINE,
    PICK,
    OFFERED,
    *HEADINGS.values(),
    THANKS,
    RIGHT,
    BEST,
    *FEEDBACK.values(),
    TELL,
    WELL_DONE,
    *REQUESTS.values(),
    LIVE,
    *GIFTS.values(),
    VOICE,
    VOICE_CALL,
    *SHOWN,
)
NUMBERS = range(1, 10)  # the numbers of buttons that have one

# The content's strings narration reads (Entry.field); a story's summary, learning goals
# and discussion questions are for educators.
READ_FIELDS = frozenset(
    {
        "scenario.title",
        "character.name",
        "question.ask",
        "answer.text",
        "question.explain",
        "node.app",
        "node.bio",
        "node.details",
        "ending.title",
        "ending.text",
        "ending.takeaway",
        "ending.adult",
        "message.text",
        "choice.text",
        "choice.say",
        "choice.do",
        "choice.feedback",
    }
)

# A new screen: what is still to say of the screen before is dropped.
NEW_SCREEN = frozenset(
    {
        "title",
        "menu",
        "language",
        "help",
        "confirm",
        "scenario",
        "scene",
        "profile",
        "question",
        "efficacy",
        "feedback",
        "ending",
        "results",
        "attract",
        "still_there",
        "settings",
    }
)
# The player moved on (picked, answered, moved the focus): the same.
MOVED_ON = frozenset({"chosen", "answer", "efficacy_answer", "focus", "setting"})
INTERRUPTS = NEW_SCREEN | MOVED_ON


def slug(words: str) -> str:
    """A file name from English words: 'Great choice!' -> 'great-choice'."""
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:60].rstrip("-") or "x"


def word_id(msgid: str) -> str:
    return f"ui/{slug(msgid)}"


def number_id(n: int) -> str:
    return f"ui/number/{n}"


def language_id(locale: str) -> str:
    return f"ui/language/{locale}"


class Part(NamedTuple):
    """A piece of a line, with the ids a recording of it may have (first found wins)."""

    text: str
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One thing to say, in one language; `event` counts the events before it."""

    parts: tuple[Part, ...]
    locale: str
    event: int = 0

    @property
    def text(self) -> str:
        return ": ".join(p.text for p in self.parts if p.text)


class Index:
    """The words of one language narration knows, each text with its ids: the screen words,
    the numbers, and (given the content in that language) the content's strings."""

    def __init__(self, locale: str, content=None) -> None:
        self.locale = locale
        self.gettext: Callable[[str], str] = i18n.catalog(locale).gettext
        self.ngettext: Callable[[str, str, int], str] = i18n.catalog(locale).ngettext
        self.ids: dict[str, list[str]] = {}
        self.questions: dict[str, Question] = {}
        self.titles: dict[str, str] = {}
        self.story_of: dict[str, str] = {}  # id -> the scenario it is in
        self._add(GAME_NAME, word_id(GAME_NAME))
        for msgid in SCREEN_WORDS:
            self._add(self.gettext(msgid), word_id(msgid))
        if content is not None:
            for entry in iter_strings(content):
                if entry.field in READ_FIELDS:
                    self._add(entry.text, entry.context)
            for s in content.scenarios:
                self.titles[s.id] = s.title
                for q in (*s.pre, *s.post):
                    self.questions.setdefault(q.ask, q)

    def _add(self, text: str, id: str) -> None:
        if text:
            ids = self.ids.setdefault(text, [])
            if id not in ids:
                ids.append(id)

    def part(self, text: str) -> Part:
        return Part(text, tuple(self.ids.get(text, ())))

    def word(self, msgid: str) -> Part:
        """A screen word, in this language."""
        return Part(self.gettext(msgid), (word_id(msgid),))

    def number(self, n: int) -> Part:
        return Part(str(n), (number_id(n),))


class Reader:
    """Turns an event into the lines to say (none for an event narration does not read)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.locale = index.locale
        self._ask = ""  # the question on screen, for the answer's result

    def read(self, kind: str, data: dict[str, Any], event: int = 0) -> list[Line]:
        handler = getattr(self, f"_{kind}", None)
        if handler is None:
            return []
        found = handler(**data)
        return [
            Line(tuple(parts), locale or self.locale, event) for parts, locale in found if parts
        ]

    # helpers ---------------------------------------------------------------------------
    def _one(self, *parts: Part) -> tuple[list[Part], str]:
        return [p for p in parts if p.text], ""

    def _text(self, *texts: str) -> list[tuple[list[Part], str]]:
        """One line for each text (empty ones left out)."""
        return [self._one(self.index.part(t)) for t in texts if t]

    def _numbered(self, options: Iterable[str]) -> list[tuple[list[Part], str]]:
        return [
            self._one(self.index.number(i), self.index.part(o))
            for i, o in enumerate(options, start=1)
        ]

    # the events ------------------------------------------------------------------------
    def _title(self, title, **_):
        return [self._one(self.index.part(title)), self._one(self.index.word(TAGLINE))]

    def _menu(self, scenarios, **_):
        titles = [self.index.titles.get(s, "") for s in scenarios]
        return [self._one(self.index.word(PICK)), *self._text(*titles)]

    def _language(self, choices, **_):
        codes = {name: code for code, name in i18n.LANGUAGES}
        out = []
        for i, name in enumerate(choices, start=1):
            code = codes.get(name, self.locale)  # each name in its own language
            out.append(([self.index.number(i), Part(name, (language_id(code),))], code))
        return out

    def _help(self, adult, **_):
        return self._text(adult)

    def _confirm(self, question, **_):
        return self._text(question)

    def _attract(self, text, **_):
        return self._text(text)

    def _still_there(self, question, **_):
        return self._text(question)

    def _scenario(self, title, **_):
        return self._text(title)

    def _scene(self, scene="", app="", viewers=None, call=False, **_):
        if scene == "live":  # "LIVE: the app: 120 viewers"
            count = []
            if viewers is not None:
                words = self.index.ngettext(*VIEWERS, viewers).format(count=viewers)
                count = [Part(words)]
            return [self._one(self.index.word(LIVE), self.index.part(app), *count)]
        if scene == "voice":
            return [self._one(self.index.word(VOICE_CALL if call else VOICE), self.index.part(app))]
        return self._text(app)

    def _profile(self, name, bio, details, **_):
        return self._text(name, bio, *details)

    def _message(self, speaker, text, request="", image="", gift="", **_):
        if gift in GIFTS:  # "Sam sent you a gift: Rose: the message"
            sent = Part(self.index.gettext(GIFT_SENT).format(name=speaker))
            return [self._one(sent, self.index.word(GIFTS[gift]), self.index.part(text))]
        parts = [self.index.part(speaker)]
        if request in REQUESTS:
            parts.append(self.index.word(REQUESTS[request]))
        if image in IMAGES:
            parts.append(self.index.word(IMAGES[image]))
        parts.append(self.index.part(text))
        return [self._one(*parts)]

    def _choices(self, choices, **_):
        return [self._one(self.index.word(OFFERED)), *self._numbered(t for t, _s in choices)]

    def _question(self, phase, ask, answers, **_):
        self._ask = ask
        heading = [self._one(self.index.word(HEADINGS[phase]))] if phase in HEADINGS else []
        return [*heading, *self._text(ask), *self._numbered(answers)]

    def _answer(self, phase, text, correct, **_):
        question = self.index.questions.get(self._ask)
        explain = question.explain if question is not None else ""
        if phase == "pre":
            return [self._one(self.index.word(THANKS))]
        if correct:
            return [self._one(self.index.word(RIGHT)), *self._text(explain)]
        best = ""
        if question is not None and question.correct_index >= 0:
            best = question.answers[question.correct_index].text
        return [self._one(self.index.word(BEST)), *self._text(best, explain)]

    def _efficacy(self, ask, options, **_):
        return [*self._text(ask), *self._numbered(options)]

    def _feedback(self, safety, text, way_back="", **_):
        heading = [self._one(self.index.word(FEEDBACK[safety]))] if safety in FEEDBACK else []
        if heading and text.startswith(heading[0][0][0].text):
            heading = []  # the feedback itself starts with the same words
        return [*heading, *self._text(text, way_back)]

    def _ending(self, title, text, takeaway, adult, **_):
        tell = [self._one(self.index.word(TELL), self.index.part(adult))] if adult else []
        return [*self._text(title, text, takeaway), *tell]

    def _results(self, **_):
        return [self._one(self.index.word(WELL_DONE))]

    def _settings(self, rows, status="", **_):
        lines = [self._one(self.index.part(label), self.index.part(value)) for label, value in rows]
        return [*lines, *self._text(status)]

    def _setting(self, value, status="", **_):
        return self._text(value, status)

    def _focus(self, label, number=None, **_):
        number_part = [self.index.number(number)] if number else []
        return [self._one(*number_part, self.index.part(label))]
