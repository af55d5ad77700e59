"""The facilitated class session's screens, made for a projector: large bold text, dark ink
on white, and everything run from the keyboard by the educator (see game/classroom.py for
the voting rules).

- ClassVoteScene: the class votes on a decision; ClassQuizScene: on a question.
- ClassFeedbackScene: the feedback for the class's choice, with how the class voted.
- NotesScene: the presenter notes (learning goals and discussion questions), N toggles.
- ClassSummaryScene: the class results at the end of a story.

Every text is laid out when its scene is made, in the boxes of game/layout.py (CLASS_*): a
card grows for a long text, or the text shrinks (through Text.fit), never below
layout.CLASS_FLOOR points, unless it would otherwise run past its card. Drawing only draws.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game import art, layout, theme
from game.classroom import Ballot, Hands, share
from game.content.model import SYSTEM_SPEAKER
from game.i18n import N_, _
from game.ui import Button

from .base import Scene
from .confirm import ask_to_leave
from .feedback import WAY_BACK, FeedbackScene

# Imported where used (milliseconds of import on top of this module's, best of 5 runs): the
# group's results, only when the educator opens them (C).
#   scenes.educator 6 ms

FLOOR = layout.CLASS_FLOOR  # the least text size on a projector ...
SMALLEST = 14  # ... unless a text fits its card at no size from FLOOR: then smaller, not past it
ROW_COLORS = (theme.SKY_DEEP, theme.GRAPE, (214, 60, 150), (224, 110, 40))
# A mark is shown by an icon in its bar as well as by its colour.
MARK_ICONS = {"safe": "check", "correct": "check", "risky": "warning"}
MARK_COLORS = {
    "safe": theme.SAFE,
    "neutral": theme.NEUTRAL,
    "risky": theme.RISKY,
    "correct": theme.SAFE,
}
HINTS = N_("1-{n}: add a vote   Backspace: take back   H: show of hands   Enter: reveal   N: notes")
HANDS_HINTS = N_("Show of hands: type how many for option {k}, then Enter   H: back to voting")
DIGITS = {getattr(pygame, f"K_{d}"): str(d) for d in range(10)}
DIGITS.update({getattr(pygame, f"K_KP{d}"): str(d) for d in range(10)})
ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)


def is_key(event, *keys) -> bool:
    return event.type == pygame.KEYDOWN and event.key in keys


def open_notes(app, scenario) -> None:
    if not isinstance(app.top, NotesScene):
        app.push(NotesScene(app, scenario))


# -- text laid out once -------------------------------------------------------------------
class Block(NamedTuple):
    """A text laid out when its scene is made: drawn at `size`, wrapped to the width of its
    `room` (on one line if not `wrap`), at the room's `anchor` point; it stays in the room."""

    text: str
    size: int
    room: pygame.Rect
    bold: bool = False
    anchor: str = "topleft"
    wrap: bool = True
    align: str = "left"


def fitted(app, text: str, size: int, room: pygame.Rect, bold: bool = False, **place) -> Block:
    """`text` in `room` at `size`, or smaller until it fits: wrapped, in the room's height; on
    one line (place: wrap=False), in its width. Not below FLOOR unless it fits nowhere else."""
    wrap = place.get("wrap", True)

    def fit(floor: int) -> int:
        if wrap:
            return app.text.fit(text, size, room.w, bold, height=room.h, floor=floor)
        return app.text.fit(text, size, room.w, bold, floor=floor)

    chosen = fit(FLOOR)
    if not fits(app, text, chosen, room, bold, wrap):
        chosen = fit(SMALLEST)
    return Block(text, chosen, room, bold, **place)


def fits(app, text: str, size: int, room: pygame.Rect, bold: bool, wrap: bool = True) -> bool:
    """Whether `text` at `size` stays in `room` (wrapped to its width, or on one line)."""
    if wrap:
        return app.text.height(text, size, bold, room.w) <= room.h
    one_line = app.text.height(text, size, bold)
    return app.text.measure(text, size, bold) <= room.w and one_line <= room.h


def line_height(app, size: int, bold: bool = False) -> int:
    """How tall one line of text of this size is drawn (the font's, not the size)."""
    return app.text.height("", size, bold)


def draw_block(scene, surface, block: Block, color) -> pygame.Rect:
    return scene.blit_text(
        surface,
        block.text,
        block.size,
        color,
        getattr(block.room, block.anchor),
        anchor=block.anchor,
        bold=block.bold,
        width=block.room.w if block.wrap else None,
        align=block.align,
    )


# -- the header: the story's title on the left, a label on the right ----------------------
CHIP = (36, 16)  # a header chip is this much wider and taller than its text
HEADER_Y = 20
HEADER_ROOM = theme.WIDTH - 80 - 2 * CHIP[0] - 16  # both texts, with a gap between the chips


def lay_out_header(app, title: str, right: str) -> list[Block]:
    """The title (layout.CLASS_TITLE) and the label on the right, each on one line in a chip;
    the label takes what the title leaves, and at least 40% of the room."""
    size = theme.TEXT_BODY
    tall = line_height(app, size, True)
    blocks = []
    used = 0
    box = layout.CLASS_TITLE
    if right:
        wanted = app.text.measure(title, box.size, box.bold)
        room = pygame.Rect(0, HEADER_Y, max(HEADER_ROOM * 2 // 5, HEADER_ROOM - wanted), tall)
        room.right = theme.WIDTH - 40 - CHIP[0] // 2
        block = fitted(app, right, size, room, True, anchor="topright", wrap=False)
        used = app.text.measure(right, block.size, True)
        blocks.append(block)
    room = pygame.Rect(40, HEADER_Y, HEADER_ROOM - used, tall)
    blocks.insert(0, fitted(app, title, box.size, room, box.bold, wrap=False))
    return blocks


def draw_header(scene, surface, header: list[Block]) -> None:
    for block in header:
        image = scene.app.text.render(block.text, block.size, theme.WHITE, bold=block.bold)
        rect = image.get_rect(**{block.anchor: getattr(block.room, block.anchor)})
        art.rounded_rect(surface, rect.inflate(*CHIP), theme.SHADOW, 24)
        draw_block(scene, surface, block, theme.on(theme.SHADOW))


# -- the footer: the keys, or what the class answered -------------------------------------
FOOTER = pygame.Rect(40, theme.HEIGHT - 78, theme.WIDTH - 80, 62)  # one line; taller for two
FOOTER_SIZE = theme.TEXT_SMALL + 2


def lay_out_footer(app, texts) -> tuple[pygame.Rect, dict[str, Block]]:
    """The footer strip and each text it may show: on one line, smaller down to FLOOR; a text
    too long for that takes two lines, and the strip grows up for it."""
    width = FOOTER.w - 40
    sizes = {}
    for text in texts:
        size = app.text.fit(text, FOOTER_SIZE, width, True, floor=FLOOR)
        if app.text.measure(text, size, True) > width:
            size = app.text.fit(text, FOOTER_SIZE, width, True, lines=2, floor=FLOOR)
            if len(app.text.lines(text, size, width, True)) > 2:
                size = app.text.fit(text, size, width, True, lines=2, floor=SMALLEST)
        sizes[text] = size
    tallest = max((app.text.height(t, s, True, width) for t, s in sizes.items()), default=0)
    strip = pygame.Rect(FOOTER)
    strip.h = max(FOOTER.h, tallest + 16)
    strip.bottom = FOOTER.bottom
    room = strip.inflate(-40, -8)
    blocks = {t: Block(t, s, room, True, anchor="center", align="center") for t, s in sizes.items()}
    return strip, blocks


def draw_footer(scene, surface, text: str, color=theme.SHADOW) -> None:
    """The footer strip (scene.footer) with `text`, as lay_out_footer laid it out."""
    color = theme.current(color)
    art.rounded_rect(surface, scene.footer, color, 24)
    draw_block(scene, surface, scene.footers[text], theme.on(color))


# -- the tally: a row per option, with its number, its text, a bar and the count ----------
ROW_MOST = 120  # a row is at most this tall, unless its option needs more
ROW_PAD = 8  # a row is this much taller than its option's text
TALLY_GAP = 12
LABEL_X = 80  # the option's text starts this far into its row, right of the number
COUNT_W = 90  # the count, right of the bar
COUNT_SIZE = theme.TEXT_BIG + 4


class Tally(NamedTuple):
    rows: list[pygame.Rect]
    labels: list[Block]
    bar_x: int
    bar_w: int


def _row_need(app, labels, box: layout.Box, size: int | None = None) -> int:
    size = size or box.size
    tallest = max((app.text.height(t, size, box.bold, box.width) for t in labels), default=0)
    return tallest + ROW_PAD


def tally_height(app, labels, box: layout.Box, size: int | None = None) -> int:
    """How tall a tally must be for every option to show at `size` (the box's if none)."""
    n = max(1, len(labels))
    return n * _row_need(app, labels, box, size) + TALLY_GAP * (n - 1)


def lay_out_tally(app, area: pygame.Rect, labels, box: layout.Box) -> Tally:
    """Rows of one height in `area` (at most ROW_MOST unless an option needs more), each
    option in its box's width, smaller only if it does not fit its row."""
    n = max(1, len(labels))
    even = (area.h - TALLY_GAP * (n - 1)) // n
    row_h = min(even, max(ROW_MOST, _row_need(app, labels, box)))
    rows = [pygame.Rect(area.x, area.y + i * (row_h + TALLY_GAP), area.w, row_h) for i in range(n)]
    blocks = [
        fitted(
            app,
            label,
            box.size,
            pygame.Rect(row.x + LABEL_X, row.y + ROW_PAD // 2, box.width, row.h - ROW_PAD),
            box.bold,
            anchor="midleft",
        )
        for label, row in zip(labels, rows, strict=False)
    ]
    bar_x = area.x + LABEL_X + box.width + 20
    return Tally(rows, blocks, bar_x, area.right - COUNT_W - bar_x)


def draw_tally(
    scene, surface, tally: Tally, counts, *, marks=None, picked=None, row_at=None, digits=""
) -> None:
    """The options with their votes: a number, the text, a bar and the count per row."""
    top = max(counts, default=0) or 1
    for i, (row, label) in enumerate(zip(tally.rows, tally.labels, strict=False)):
        color = theme.current(ROW_COLORS[i % len(ROW_COLORS)])
        mark = marks[i] if marks is not None else ""
        if mark in MARK_COLORS:
            color = theme.current(MARK_COLORS[mark])
        art.rounded_rect(surface, row, theme.WHITE, 22, shadow=True)
        if picked == i or row_at == i:
            pygame.draw.rect(
                surface, theme.FOCUS if row_at == i else theme.INK, row, width=6, border_radius=22
            )
        badge = pygame.Rect(row.x + 14, row.centery - 26, 52, 52)
        pygame.draw.ellipse(surface, color, badge)
        scene.blit_text(
            surface,
            str(i + 1),
            theme.TEXT_BODY,
            theme.on(color),
            badge.center,
            anchor="center",
            bold=True,
        )
        draw_block(scene, surface, label, theme.INK)
        bar = pygame.Rect(tally.bar_x, row.centery - 20, tally.bar_w, 40)
        art.rounded_rect(surface, bar, (226, 230, 244), 20)
        if counts[i]:
            art.rounded_rect(
                surface,
                pygame.Rect(bar.x, bar.y, max(40, bar.w * counts[i] // top), bar.h),
                color,
                20,
            )
        if mark in MARK_ICONS:  # not by colour alone: a tick, or an exclamation mark
            ink = theme.on(color) if counts[i] else theme.readable(color, (226, 230, 244))
            glyph = art.icon(MARK_ICONS[mark], 30, ink)
            surface.blit(glyph, glyph.get_rect(center=(bar.x + 20, bar.centery)))
        shown = str(counts[i])
        if row_at == i:
            shown = (digits or "") + "_"
        scene.blit_text(
            surface,
            shown,
            COUNT_SIZE,
            theme.INK,
            (row.right - 20, row.centery),
            anchor="midright",
            bold=True,
        )


class VotingScene(Scene):
    """What the class vote and the class quiz share: the ballot, the keys, the notes."""

    colors = (theme.SKY_DEEP, theme.GRAPE)
    show_help = False

    def __init__(self, app, play, options: int):
        super().__init__(app)
        self.play = play
        self.scenario = play.scenario
        self.ballot = Ballot(options)
        self.hands: Hands | None = None
        self.revealed = False
        self.nudge = 0.0  # seconds left of the "vote first" reminder
        self.header = lay_out_header(app, self.title(), self.right_label())
        self.footer, self.footers = lay_out_footer(app, self.footer_texts())

    def title(self) -> str:
        return self.scenario.title

    def footer_texts(self) -> list[str]:
        """Every text the footer of this screen can show."""
        n = len(self.ballot.counts)
        return [
            _("No votes yet: press a number key for each vote first."),
            *(_(HANDS_HINTS).format(k=k) for k in range(1, n + 1)),
            _(HINTS).format(n=n),
        ]

    def handle_event(self, event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_n:
            open_notes(self.app, self.scenario)
        elif event.key == pygame.K_ESCAPE:
            self.escape()
        elif self.revealed:
            if event.key in ENTER or event.key == pygame.K_SPACE:
                self.go_on()
        elif self.hands is not None:
            self._hands_key(event)
        elif event.key in DIGITS and DIGITS[event.key] != "0":
            if self.ballot.add(int(DIGITS[event.key]) - 1):
                self.app.sounds.play("pop")
                self.app.show("vote", option=int(DIGITS[event.key]), counts=self.ballot.counts)
        elif event.key == pygame.K_BACKSPACE:
            self.ballot.undo()
        elif event.key == pygame.K_h:
            self.hands = Hands(self.ballot)
        elif event.key in ENTER or event.key == pygame.K_r:
            if self.ballot.total:
                self.revealed = True
                self.reveal()
            else:
                self.nudge = 2.5

    def _hands_key(self, event) -> None:
        if self.hands is None:
            return
        if event.key in DIGITS:
            self.hands.type(DIGITS[event.key])
        elif event.key == pygame.K_BACKSPACE:
            self.hands.erase()
        elif event.key in ENTER:
            if self.hands.enter():
                self.hands = None
            self.app.show("vote", option=0, counts=self.ballot.counts)
        elif event.key == pygame.K_h:
            self.hands = None

    def update(self, dt: float) -> None:
        super().update(dt)
        self.nudge = max(0.0, self.nudge - dt)

    def escape(self) -> None:
        ask_to_leave(self.app, self.play)

    def reveal(self) -> None:
        raise NotImplementedError

    def go_on(self) -> None:
        pass

    def hint(self) -> str:
        if self.nudge:
            return _("No votes yet: press a number key for each vote first.")
        if self.hands is not None:
            return _(HANDS_HINTS).format(k=self.hands.row + 1)
        return _(HINTS).format(n=len(self.ballot.counts))

    def right_label(self) -> str:
        return (
            _("Class vote · {group}").format(group=self.app.mode.group)
            if self.app.mode.group
            else _("Class vote")
        )

    def tally_rows(self):
        hands = self.hands
        return {"row_at": hands.row if hands else None, "digits": hands.digits if hands else ""}

    def tally_area(self, top: int) -> pygame.Rect:
        """The tally's room: from `top` down to above the footer."""
        return pygame.Rect(40, top, theme.WIDTH - 80, self.footer.y - 12 - top)


# The last message's card, as tall as the message needs: the box's lines, at MESSAGE_FLOOR
# points at the least; more lines (down to FLOOR) only if the options still fit below at FLOOR.
MESSAGE_Y = 84
MESSAGE_FLOOR = 26
CARD_PAD = (56, 20)  # a card is this much wider and taller than its text's room


class ClassVoteScene(VotingScene):
    """A decision: the last message, the choices, and the class's votes."""

    def __init__(self, app, play, node):
        self.choices = play.choices()
        super().__init__(app, play, len(self.choices))
        self.node = node
        self.lay_out()

    def said(self) -> str:
        """The last message of the node, after its speaker's name."""
        last = self.node.messages[-1] if self.node.messages else None
        if last is None:
            return ""
        name = "" if last.speaker == SYSTEM_SPEAKER else self.scenario.speaker_name(last.speaker)
        return f"{name}: {last.text}" if name else last.text

    def lay_out(self) -> None:
        app, box = self.app, layout.CLASS_MESSAGE
        said, labels = self.said(), [c.text for c in self.choices]
        heading = _("What should we do? Vote!")
        heading_h = line_height(app, theme.TEXT_BIG, True)
        pad = CARD_PAD[1] + 10
        # What the message may take: all but the heading and the options at FLOOR points.
        free = self.tally_area(MESSAGE_Y + pad + heading_h + 12).h
        most = free - tally_height(app, labels, layout.CLASS_CHOICE, FLOOR)
        room = pygame.Rect(0, 0, box.width, min(most, box.lines * line_height(app, box.size)))
        size = app.text.fit(said, box.size, room.w, box.bold, height=room.h, floor=MESSAGE_FLOOR)
        if not fits(app, said, size, room, box.bold):
            size = fitted(app, said, box.size, pygame.Rect(0, 0, box.width, most), box.bold).size
        tall = app.text.height(said, size, box.bold, box.width)
        self.card = pygame.Rect(40, MESSAGE_Y, theme.WIDTH - 80, tall + pad)
        room = self.card.inflate(-CARD_PAD[0], -CARD_PAD[1])
        self.message = Block(said, size, room, box.bold, anchor="midleft")
        room = pygame.Rect(44, self.card.bottom + 6, theme.WIDTH - 88, heading_h)
        self.heading = fitted(app, heading, theme.TEXT_BIG, room, True, wrap=False)
        area = self.tally_area(room.bottom + 6)
        self.tally = lay_out_tally(app, area, labels, layout.CLASS_CHOICE)

    def enter(self) -> None:
        self.app.show("choices", choices=[(c.text, c.safety) for c in self.choices])

    def reveal(self) -> None:
        session = self.app.mode.session
        picked = session.record_decision(
            self.app.recorder, self.scenario, self.play.runtime.node_id, self.choices, self.ballot
        )
        choice = self.choices[picked]
        self.app.show("chosen", text=choice.text, safety=choice.safety)
        self.play.sent(choice)  # the class's reply joins a chat, as a player's would
        self.play.choose(choice)

    def draw_content(self, surface) -> None:
        draw_header(self, surface, self.header)
        art.rounded_rect(surface, self.card, theme.CLOUD, 28, shadow=True)
        if self.message.text:
            draw_block(self, surface, self.message, theme.INK)
        draw_block(self, surface, self.heading, theme.on_backdrop())
        draw_tally(self, surface, self.tally, self.ballot.counts, **self.tally_rows())
        draw_footer(self, surface, self.hint(), theme.CORAL if self.nudge else theme.SHADOW)


QUIZ_HEADINGS = {
    "pre": N_("Before the story: what do you think?"),
    "post": N_("What did you learn?"),
}


ASK_CARD = pygame.Rect(40, 84, theme.WIDTH - 80, 150)  # the class quiz's question card
ASK_FLOOR = 26  # a longer question makes the card taller rather than its text smaller


class ClassQuizScene(VotingScene):
    """A pre or post question, answered by the class's votes."""

    colors = (theme.SUN, theme.PEACH)

    def __init__(self, app, play, phase: str, index: int):
        questions = play.scenario.pre if phase == "pre" else play.scenario.post
        self.phase, self.index, self.total = phase, index, len(questions)
        self.question = questions[index]
        self.answers = play.answers(phase, self.question)  # the order the class sees
        super().__init__(app, play, len(self.answers))
        self.right = None
        self.picked = None
        # The question fits its card: smaller for a long one (Portuguese often needs 3 lines
        # at the full size), and the card taller if it still does not fit.
        box = layout.CLASS_ASK
        ask = self.question.ask
        room = ASK_CARD.inflate(-CARD_PAD[0], -10)
        self.ask_size = app.text.fit(
            ask, box.size, room.w, box.bold, height=room.h, floor=ASK_FLOOR
        )
        self.card = pygame.Rect(ASK_CARD)
        self.card.h = max(ASK_CARD.h, app.text.height(ask, self.ask_size, box.bold, room.w) + 10)
        room = self.card.inflate(-CARD_PAD[0], -10)
        self.ask = Block(ask, self.ask_size, room, box.bold, anchor="midleft")
        area = self.tally_area(self.card.bottom + 18)
        self.tally = lay_out_tally(app, area, [a.text for a in self.answers], layout.CLASS_ANSWER)

    def title(self) -> str:
        return f"{_(QUIZ_HEADINGS[self.phase])}  {self.index + 1} / {self.total}"

    def footer_texts(self) -> list[str]:
        return [*super().footer_texts(), self.answered(True)[0], self.answered(False)[0]]

    def answered(self, right) -> tuple[str, tuple]:
        """The footer's text and colour once the class has answered."""
        if self.phase == "pre":
            return _("Thanks! Let's play and find out.") + "   " + _("Enter: next"), theme.SKY_DEEP
        if right:
            return _("Yes, that's right!") + "   " + _("Enter: next"), theme.SAFE
        best = self.question.answers[self.question.correct_index].text
        return _("Good try! The best answer is:") + f" {best}   " + _("Enter: next"), theme.RISKY

    def enter(self) -> None:
        self.app.show(
            "question",
            phase=self.phase,
            number=self.index + 1,
            total=self.total,
            ask=self.question.ask,
            answers=[a.text for a in self.answers],
        )

    def reveal(self) -> None:
        picked = self.app.mode.session.record_answer(
            self.app.recorder, self.scenario, self.phase, self.question, self.answers, self.ballot
        )
        self.picked = picked
        self.right = self.play.answered(self.phase, self.index, self.answers[picked])
        self.app.show(
            "answer",
            phase=self.phase,
            index=picked,
            text=self.answers[picked].text,
            correct=self.right,
        )
        if self.phase == "post":
            self.app.sounds.play("good" if self.right else "think")

    def go_on(self) -> None:
        self.play.next_question(self.phase, self.index)

    def draw_content(self, surface) -> None:
        draw_header(self, surface, self.header)
        art.rounded_rect(surface, self.card, theme.WHITE, 28, shadow=True)
        draw_block(self, surface, self.ask, theme.INK)
        marks = None
        if self.revealed and self.phase == "post":  # before the story nobody is marked wrong
            marks = ["correct" if a.correct else "none" for a in self.answers]
        draw_tally(
            self,
            surface,
            self.tally,
            self.ballot.counts,
            marks=marks,
            picked=self.picked if self.revealed else None,
            **self.tally_rows(),
        )
        if not self.revealed:
            draw_footer(self, surface, self.hint(), theme.CORAL if self.nudge else theme.SHADOW)
        else:
            draw_footer(self, surface, *self.answered(self.right))


# The feedback card: from CARD_TOP to the bottom of the screen, growing up to CARD_TOP_MOST for
# a long feedback or a tall chart; a band with the heading, then the feedback on the left
# (layout.CLASS_FEEDBACK) and the chart of the votes on the right (layout.CLASS_CHART).
CARD_TOP, CARD_TOP_MOST, CARD_BOTTOM = 90, 20, theme.HEIGHT - 20
BAND = 84
BUTTON_W, BUTTON_H, BUTTON_BELOW = 320, 70, 16  # Continue, centred under both columns
COLUMN_X, COLUMN_Y = 36, 24  # the feedback's place in the card, below the band
CHART_GAP = 30  # between the feedback and the chart, and right of the chart
WAY_BACK_SIZE, WAY_BACK_GAP = theme.TEXT_BODY, 18


class ClassFeedbackScene(FeedbackScene):
    """The feedback card for the class's choice, with the vote distribution as a chart."""

    show_help = False

    def __init__(self, app, play, choice, vote):
        self.vote = vote
        super().__init__(app, play, choice)  # lays the card out (lay_out)
        self.buttons.set(
            [
                Button(
                    pygame.Rect(
                        self.card.centerx - BUTTON_W // 2,
                        self.card.bottom - BUTTON_BELOW - BUTTON_H,
                        BUTTON_W,
                        BUTTON_H,
                    ),
                    _("Continue"),
                    "next",
                    self.color,
                    icon="next",
                )
            ],
            focus=0,
        )

    def rooms(self, top: int) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The card from `top`, the room of the feedback (and the way back) and the chart's."""
        card = pygame.Rect(40, top, theme.WIDTH - 80, CARD_BOTTOM - top)
        bottom = card.bottom - BUTTON_BELOW - BUTTON_H - 20
        y = card.y + BAND + COLUMN_Y
        text = pygame.Rect(card.x + COLUMN_X, y, layout.CLASS_FEEDBACK.width, bottom - y)
        y = card.y + BAND + 16 + line_height(self.app, theme.TEXT_BODY, True) + 8
        x = text.right + CHART_GAP
        chart = pygame.Rect(x, y, card.right - CHART_GAP - x, bottom - y)
        return card, text, chart

    def lay_out(self) -> tuple[pygame.Rect, int]:
        """The card (and no shrink of the solo card's kind): it grows up first, for a long
        feedback or a tall chart; only if it still would not fit does the text shrink."""
        app, box = self.app, layout.CLASS_FEEDBACK
        feedback = self.choice.feedback
        way_back = _(WAY_BACK) if self.choice.safety == "risky" else ""
        below = WAY_BACK_GAP + app.text.height(way_back, WAY_BACK_SIZE, True, box.width)
        below = below if way_back else 0
        options = self.vote.options
        _card, text, chart = self.rooms(CARD_TOP)
        short = max(
            app.text.height(feedback, box.size, box.bold, box.width) + below - text.h,
            tally_height(app, options, layout.CLASS_CHART) - chart.h,
            0,
        )
        card, text, chart = self.rooms(max(CARD_TOP_MOST, CARD_TOP - short))
        room = pygame.Rect(text.x, text.y, text.w, text.h - below)
        self.feedback = fitted(app, feedback, box.size, room, box.bold)
        self.way_back = None
        if way_back:
            y = text.y + app.text.height(feedback, self.feedback.size, box.bold, text.w)
            room = pygame.Rect(text.x, y + WAY_BACK_GAP, text.w, below - WAY_BACK_GAP)
            self.way_back = Block(way_back, WAY_BACK_SIZE, room, True)
        band = pygame.Rect(card.x, card.y, card.w, BAND)
        chose = _("The class chose {n}").format(n=self.vote.picked + 1)
        room = pygame.Rect(band.centerx, band.y, band.right - 30 - band.centerx, band.h)
        self.chose = fitted(app, chose, theme.TEXT_BODY, room, True, anchor="midright", wrap=False)
        left = band.right - 30 - app.text.measure(chose, self.chose.size, True) - 24
        room = pygame.Rect(band.x + 104, band.y, left - band.x - 104, band.h)
        heading = _(self.heading)
        self.band_heading = fitted(
            app, heading, theme.TEXT_BIG + 6, room, True, anchor="midleft", wrap=False
        )
        heading = _("How the class voted")
        room = pygame.Rect(
            chart.x, band.bottom + 16, chart.w, line_height(app, theme.TEXT_BODY, True)
        )
        self.chart_heading = fitted(app, heading, theme.TEXT_BODY, room, True, wrap=False)
        self.tally = lay_out_tally(app, chart, options, layout.CLASS_CHART)
        return card, 0

    def enter(self) -> None:
        super().enter()
        self.app.show("votes", counts=self.vote.counts, picked=self.vote.picked)

    def handle_event(self, event) -> None:
        if is_key(event, pygame.K_n):
            open_notes(self.app, self.play.scenario)
        else:
            super().handle_event(event)

    def draw_content(self, surface) -> None:
        self.shade(surface, 190)
        card = self.card
        art.rounded_rect(surface, card, theme.WHITE, 34, shadow=True)
        band = pygame.Rect(card.x, card.y, card.w, BAND)
        color = theme.current(self.color)
        ink = theme.on(color)
        edge = theme.CARD_EDGE
        band = band.inflate(-2 * edge, 0).move(0, edge)
        art.rounded_rect(surface, band, color, 34 - edge)
        pygame.draw.rect(surface, color, (band.x, band.bottom - 34, band.w, 34))
        surface.blit(art.icon(self.glyph, 56, ink), (band.x + 30, band.y + 14))
        draw_block(self, surface, self.band_heading, ink)
        draw_block(self, surface, self.chose, ink)
        draw_block(self, surface, self.feedback, theme.INK)
        if self.way_back is not None:
            draw_block(self, surface, self.way_back, theme.readable(theme.SAFE))
        draw_block(self, surface, self.chart_heading, theme.INK_SOFT)
        draw_tally(
            self,
            surface,
            self.tally,
            self.vote.counts,
            marks=self.vote.marks,
            picked=self.vote.picked,
        )


class NotesPage(NamedTuple):
    panel: pygame.Rect
    heading: Block
    hint: Block
    lines: list[tuple[Block, tuple]]  # the sections' titles and items, with their colours


class NotesScene(Scene):
    """Presenter notes over the current screen: the learning goals and the discussion
    questions of the story. They take one page, on a panel that grows to the screen's edges
    if they need it, or a page per list when they would not fit together at FLOOR points.
    Enter turns the page (or closes on the last); N or Esc closes."""

    opaque = False
    show_help = False

    PANEL = pygame.Rect(120, 40, theme.WIDTH - 240, theme.HEIGHT - 80)
    PANEL_MOST = pygame.Rect(40, 20, theme.WIDTH - 80, theme.HEIGHT - 40)
    INDENT = 20  # the items are this far right of their list's title
    TITLE_GAP, ITEM_GAP, SECTION_GAP = 6, 8, 18

    def __init__(self, app, scenario):
        super().__init__(app)
        self.scenario = scenario
        self.page = 0
        self.pages = self.lay_out()

    def sections(self) -> list[tuple[str, list[str]]]:
        """Each list's title and its items: a bullet each, or a line saying there is none."""
        none = [_("Nothing for this story.")]
        return [
            (title, [f"•  {item}" for item in items] or none)
            for title, items in (
                (_("Learning goals"), self.scenario.objectives),
                (_("Talk about"), self.scenario.discuss),
            )
        ]

    def lay_out(self) -> list[NotesPage]:
        """One page on the panel, or on the larger one; else a page per list, on whichever
        panel it fits."""
        sections = self.sections()
        for panel in (self.PANEL, self.PANEL_MOST):
            page = self._page(panel, sections, 1, 1)
            if self._at_floor(page):
                return [page]
        pages = []
        for number, section in enumerate(sections, 1):
            page = self._page(self.PANEL, [section], number, len(sections))
            if not self._at_floor(page):
                page = self._page(self.PANEL_MOST, [section], number, len(sections))
            pages.append(page)
        return pages

    @staticmethod
    def _at_floor(page: NotesPage) -> bool:
        return all(block.size >= FLOOR for block, _color in page.lines)

    def _page(self, panel: pygame.Rect, sections, number: int, pages: int) -> NotesPage:
        """A page of these lists: the items share one size, the largest (from the box's, by
        Text.fit) at which they all fit below the heading."""
        app, box = self.app, layout.CLASS_NOTE
        x, w = panel.x + 40, panel.w - 80
        hint = _("N: close") if number == pages else _("Enter: next") + "   " + _("N: close")
        size = theme.TEXT_SMALL + 2
        room = pygame.Rect(x + w * 3 // 5, panel.y + 34, w * 2 // 5, line_height(app, size, True))
        hint_block = fitted(app, hint, size, room, True, anchor="topright", wrap=False)
        used = app.text.measure(hint, hint_block.size, True) + 24
        heading = _("Presenter notes") + (f"  {number} / {pages}" if pages > 1 else "")
        size = theme.TEXT_BIG + 4
        room = pygame.Rect(x, panel.y + 20, w - used, line_height(app, size, True))
        heading_block = fitted(app, heading, size, room, True, wrap=False)
        title_h = line_height(app, theme.TEXT_BODY, True)
        top, bottom = room.bottom + 8, panel.bottom - 24
        items = [item for _title, found in sections for item in found]
        fixed = (
            len(sections) * (title_h + self.TITLE_GAP)
            + (len(sections) - 1) * self.SECTION_GAP
            + (len(items) - 1) * self.ITEM_GAP
        )
        width = w - self.INDENT
        text = "\n".join(items)
        size = fitted(app, text, box.size, pygame.Rect(0, 0, width, bottom - top - fixed)).size
        none = _("Nothing for this story.")
        lines: list[tuple[Block, tuple]] = []
        y = top
        for title, found in sections:
            block = Block(title, theme.TEXT_BODY, pygame.Rect(x, y, w, title_h), True)
            lines.append((block, theme.GRAPE))
            y += title_h + self.TITLE_GAP
            for item in found:
                tall = app.text.height(item, size, box.bold, width)
                block = Block(item, size, pygame.Rect(x + self.INDENT, y, width, tall), box.bold)
                lines.append((block, theme.INK_SOFT if item == none else theme.INK))
                y += tall + self.ITEM_GAP
            y += self.SECTION_GAP - self.ITEM_GAP
        return NotesPage(panel, heading_block, hint_block, lines)

    def enter(self) -> None:
        self.app.show(
            "notes", objectives=list(self.scenario.objectives), discuss=list(self.scenario.discuss)
        )

    def handle_event(self, event) -> None:
        if is_key(event, *ENTER) and self.page + 1 < len(self.pages):
            self.page += 1
        elif is_key(event, pygame.K_n, pygame.K_ESCAPE, *ENTER):
            self.app.pop()

    def draw_content(self, surface) -> None:
        self.shade(surface, 170)
        page = self.pages[self.page]
        art.rounded_rect(surface, page.panel, (255, 250, 226), 30, shadow=True)
        draw_block(self, surface, page.heading, theme.INK)
        draw_block(self, surface, page.hint, theme.INK_SOFT)
        for block, color in page.lines:
            draw_block(self, surface, block, color)


SUMMARY_CARD = pygame.Rect(40, 90, theme.WIDTH - 80, 510)
SUMMARY_ROW = 110  # a row of the results: its label, a bar and the share
SUMMARY_BAR_X = 480  # the bars start this far into the card


class ClassSummaryScene(Scene):
    """The class results at the end of a story: how the class voted, before and after.
    C opens the results of every session of the group; Enter goes back to the stories."""

    colors = ("BACK_GRAPE", "BACK_PINK")
    shapes = "confetti"
    show_help = False

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        votes = app.mode.session.of(play.scenario.id)
        self.rows = (
            (
                _("Votes for safe choices"),
                theme.SAFE,
                share(votes, ("decision",), lambda m: m == "safe"),
            ),
            (
                _("Right answers before"),
                theme.GRAPE,
                share(votes, ("pre",), lambda m: m == "correct"),
            ),
            (
                _("Right answers after"),
                theme.MINT,
                share(votes, ("post",), lambda m: m == "correct"),
            ),
        )
        self.votes = sum(sum(v.counts) for v in votes if v.kind == "decision")
        self.lay_out()
        self.buttons.set(
            [
                Button(
                    pygame.Rect(60, 620, 520, 76),
                    _("C: all results of this group"),
                    "class",
                    theme.SKY_DEEP,
                    icon="star",
                ),
                Button(
                    pygame.Rect(theme.WIDTH - 420, 620, 360, 76),
                    _("More stories"),
                    "menu",
                    theme.MINT,
                    icon="back",
                ),
            ],
            focus=1,
        )
        self.buttons.age = 1.0

    def lay_out(self) -> None:
        app, card = self.app, SUMMARY_CARD
        self.header = lay_out_header(app, self.play.scenario.title, app.mode.group)
        votes = _("{n} votes at the decisions").format(n=self.votes)
        size = theme.TEXT_BODY
        room = pygame.Rect(
            card.centerx, card.y + 44, card.w // 2 - 40, line_height(app, size, True)
        )
        self.count = fitted(app, votes, size, room, True, anchor="topright", wrap=False)
        used = app.text.measure(votes, self.count.size, True) + 40
        size = theme.TEXT_TITLE - 10
        room = pygame.Rect(
            card.x + 40, card.y + 24, card.w - 80 - used, line_height(app, size, True)
        )
        self.title = fitted(app, _("Class results"), size, room, True, wrap=False)
        self.labels = []
        for i, (label, _color, _value) in enumerate(self.rows):
            y = card.y + 150 + i * SUMMARY_ROW
            room = pygame.Rect(card.x + 40, y + 30 - 50, SUMMARY_BAR_X - 80, 100)
            self.labels.append(fitted(app, label, theme.TEXT_BIG, room, True, anchor="midleft"))

    def enter(self) -> None:
        self.app.show(
            "class_summary",
            group=self.app.mode.group,
            rows=[(label, value) for label, _color, value in self.rows],
        )

    def handle_event(self, event) -> None:
        if is_key(event, pygame.K_c):
            self.open_class()
        else:
            super().handle_event(event)

    def open_class(self) -> None:
        from .educator import EducatorScene

        self.app.push(EducatorScene(self.app))

    def pressed(self, button) -> None:
        if button.action == "class":
            self.open_class()
        else:
            self.play.leave()

    def escape(self) -> None:
        self.play.leave()

    def draw_content(self, surface) -> None:
        draw_header(self, surface, self.header)
        card = SUMMARY_CARD
        art.rounded_rect(surface, card, theme.WHITE, 34, shadow=True)
        draw_block(self, surface, self.title, theme.GRAPE)
        draw_block(self, surface, self.count, theme.INK_SOFT)
        for i, ((_label, color, value), label) in enumerate(
            zip(self.rows, self.labels, strict=True)
        ):
            y = card.y + 150 + i * SUMMARY_ROW
            draw_block(self, surface, label, theme.INK)
            bar = pygame.Rect(card.x + SUMMARY_BAR_X, y + 4, 480, 52)
            art.rounded_rect(surface, bar, (226, 230, 244), 26)
            if value:
                art.rounded_rect(
                    surface,
                    pygame.Rect(bar.x, bar.y, max(52, round(bar.w * value)), bar.h),
                    color,
                    26,
                )
            text = "–" if value is None else f"{round(value * 100)}%"
            self.blit_text(
                surface,
                text,
                theme.TEXT_BIG + 8,
                theme.INK,
                (bar.right + 24, bar.centery),
                anchor="midleft",
                bold=True,
            )
