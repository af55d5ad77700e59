"""The facilitated class session's screens, made for a projector: large bold text, dark ink
on white, and everything run from the keyboard by the educator (see game/classroom.py for
the voting rules).

- ClassVoteScene: the class votes on a decision; ClassQuizScene: on a question.
- ClassFeedbackScene: the feedback for the class's choice, with how the class voted.
- NotesScene: the presenter notes (learning goals and discussion questions), N toggles.
- ClassSummaryScene: the class results at the end of a story.
"""

from __future__ import annotations

import pygame

from game import art, theme
from game.classroom import Ballot, Hands, share
from game.content.model import SYSTEM_SPEAKER
from game.i18n import N_, _
from game.text import fit
from game.ui import Button

from .base import Scene
from .confirm import ask_to_leave
from .feedback import WAY_BACK, FeedbackScene

BIG = theme.TEXT_BODY + 4  # option text: readable from the back of a room
ROW_COLORS = (theme.SKY_DEEP, theme.GRAPE, (214, 60, 150), (224, 110, 40))
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


def draw_header(scene, surface, title: str, right: str) -> None:
    chip = scene.app.text.render(title, theme.TEXT_BODY, theme.WHITE, bold=True)
    rect = chip.get_rect(topleft=(40, 20)).inflate(36, 16)
    art.rounded_rect(surface, rect, theme.SHADOW, 24)
    surface.blit(chip, chip.get_rect(center=rect.center))
    if right:
        label = scene.app.text.render(right, theme.TEXT_BODY, theme.WHITE, bold=True)
        rect = label.get_rect(topright=(theme.WIDTH - 40, 20)).inflate(36, 16)
        rect.right = theme.WIDTH - 40
        art.rounded_rect(surface, rect, theme.SHADOW, 24)
        surface.blit(label, label.get_rect(center=rect.center))


FOOTER = pygame.Rect(40, theme.HEIGHT - 78, theme.WIDTH - 80, 62)
VOTE_TALLY = pygame.Rect(40, 280, theme.WIDTH - 80, 350)
QUIZ_TALLY = pygame.Rect(40, 252, theme.WIDTH - 80, 376)
TALLY_GAP = 12


def footer_sizes(app, texts) -> dict[str, int]:
    """The size of each text the footer may show: smaller until it fits one line (the keys)."""
    return {text: app.text.fit(text, theme.TEXT_SMALL + 2, FOOTER.w - 40, True) for text in texts}


def draw_footer(scene, surface, text: str, color=theme.SHADOW) -> None:
    """The footer strip with `text`, at the size footer_sizes chose for it (scene.footers)."""
    strip = FOOTER
    size = scene.footers[text]
    art.rounded_rect(surface, strip, color, 24)
    scene.blit_text(
        surface,
        text,
        size,
        theme.WHITE,
        strip.center,
        anchor="center",
        bold=True,
        width=strip.w - 40,
        align="center",
    )


def tally_geometry(area: pygame.Rect, options: int) -> tuple[int, int, int]:
    """(row height, where the bars start, the labels' width) of a tally of `options` rows."""
    n = max(1, options)
    row_h = min(120, (area.h - TALLY_GAP * (n - 1)) // n)
    bar_x = area.x + area.w * 62 // 100
    return row_h, bar_x, bar_x - area.x - 100


def tally_sizes(app, area: pygame.Rect, labels, size: int = BIG) -> list[int]:
    """The text size of each label of a tally: smaller (down to 18) until its lines fit its
    row. Chosen when the scene is made."""
    row_h, _bar_x, text_w = tally_geometry(area, len(labels))

    def fits(label: str):
        return lambda k: (
            len(app.text.lines(label, size - k, text_w, True)) * (size - k + 6) <= (row_h - 8)
        )

    return [size - fit(fits(label), size - 18) for label in labels]


def draw_tally(
    scene,
    surface,
    area: pygame.Rect,
    labels,
    counts,
    sizes,
    *,
    marks=None,
    picked=None,
    row_at=None,
    digits="",
) -> None:
    """The options with their votes: a number, the text (at the sizes of tally_sizes), a bar
    and the count per row."""
    row_h, bar_x, text_w = tally_geometry(area, len(labels))
    gap = TALLY_GAP
    top = max(counts, default=0) or 1
    bar_w = area.right - 90 - bar_x
    for i, label in enumerate(labels):
        row = pygame.Rect(area.x, area.y + i * (row_h + gap), area.w, row_h)
        color = ROW_COLORS[i % len(ROW_COLORS)]
        if marks is not None and marks[i] in MARK_COLORS:
            color = MARK_COLORS[marks[i]]
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
            theme.WHITE,
            badge.center,
            anchor="center",
            bold=True,
        )
        scene.blit_text(
            surface,
            label,
            sizes[i],
            theme.INK,
            (row.x + 80, row.centery),
            anchor="midleft",
            bold=True,
            width=text_w,
        )
        bar = pygame.Rect(bar_x, row.centery - 20, bar_w, 40)
        art.rounded_rect(surface, bar, (226, 230, 244), 20)
        if counts[i]:
            art.rounded_rect(
                surface,
                pygame.Rect(bar.x, bar.y, max(40, bar.w * counts[i] // top), bar.h),
                color,
                20,
            )
        shown = str(counts[i])
        if row_at == i:
            shown = (digits or "") + "_"
        scene.blit_text(
            surface,
            shown,
            theme.TEXT_BIG + 4,
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
        self.footers = footer_sizes(app, self.footer_texts())

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


class ClassVoteScene(VotingScene):
    """A decision: the last message, the choices, and the class's votes."""

    def __init__(self, app, play, node):
        self.choices = play.choices()
        super().__init__(app, play, len(self.choices))
        self.node = node
        self.sizes = tally_sizes(app, VOTE_TALLY, [c.text for c in self.choices])

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
        draw_header(self, surface, self.scenario.title, self.right_label())
        card = pygame.Rect(40, 84, theme.WIDTH - 80, 128)
        art.rounded_rect(surface, card, theme.CLOUD, 28, shadow=True)
        last = self.node.messages[-1] if self.node.messages else None
        if last is not None:
            name = (
                "" if last.speaker == SYSTEM_SPEAKER else self.scenario.speaker_name(last.speaker)
            )
            said = f"{name}: {last.text}" if name else last.text
            self.blit_text(
                surface,
                said,
                BIG,
                theme.INK,
                (card.x + 28, card.centery),
                anchor="midleft",
                width=card.w - 56,
            )
        self.blit_text(
            surface,
            _("What should we do? Vote!"),
            theme.TEXT_BIG,
            theme.WHITE,
            (44, 226),
            bold=True,
        )
        draw_tally(
            self,
            surface,
            VOTE_TALLY,
            [c.text for c in self.choices],
            self.ballot.counts,
            self.sizes,
            **self.tally_rows(),
        )
        draw_footer(self, surface, self.hint(), theme.CORAL if self.nudge else theme.SHADOW)


QUIZ_HEADINGS = {
    "pre": N_("Before the story: what do you think?"),
    "post": N_("What did you learn?"),
}


ASK_CARD = pygame.Rect(40, 84, theme.WIDTH - 80, 150)  # the class quiz's question card


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
        self.sizes = tally_sizes(app, QUIZ_TALLY, [a.text for a in self.answers])
        # The question fits its card: smaller for a long one (Portuguese often needs 3 lines).
        self.ask_size = app.text.fit(
            self.question.ask,
            theme.TEXT_BIG + 4,
            ASK_CARD.w - 56,
            True,
            height=ASK_CARD.h - 10,
            floor=26,
        )

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
        progress = f"{_(QUIZ_HEADINGS[self.phase])}  {self.index + 1} / {self.total}"
        draw_header(self, surface, progress, self.right_label())
        card = ASK_CARD
        art.rounded_rect(surface, card, theme.WHITE, 28, shadow=True)
        self.blit_text(
            surface,
            self.question.ask,
            self.ask_size,
            theme.INK,
            (card.x + 28, card.centery),
            anchor="midleft",
            bold=True,
            width=card.w - 56,
        )
        marks = None
        if self.revealed and self.phase == "post":  # before the story nobody is marked wrong
            marks = ["correct" if a.correct else "none" for a in self.answers]
        draw_tally(
            self,
            surface,
            QUIZ_TALLY,
            [a.text for a in self.answers],
            self.ballot.counts,
            self.sizes,
            marks=marks,
            picked=self.picked if self.revealed else None,
            **self.tally_rows(),
        )
        if not self.revealed:
            draw_footer(self, surface, self.hint(), theme.CORAL if self.nudge else theme.SHADOW)
        else:
            draw_footer(self, surface, *self.answered(self.right))


class ClassFeedbackScene(FeedbackScene):
    """The feedback card for the class's choice, with the vote distribution as a chart."""

    show_help = False

    def __init__(self, app, play, choice, vote):
        super().__init__(app, play, choice)
        self.vote = vote
        self.card = pygame.Rect(40, 90, theme.WIDTH - 80, 610)
        # the chart of the votes: right of the feedback, below the band (84) and its heading
        top = self.card.y + 84 + 20 + 46
        self.chart = pygame.Rect(
            self.card.x + 550, top, self.card.w - 580, self.card.bottom - 104 - top
        )
        self.sizes = tally_sizes(app, self.chart, vote.options, theme.TEXT_BODY - 2)
        self.buttons.set(
            [
                Button(
                    pygame.Rect(self.card.centerx - 160, self.card.bottom - 86, 320, 70),
                    _("Continue"),
                    "next",
                    self.color,
                    icon="next",
                )
            ],
            focus=0,
        )

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
        band = pygame.Rect(card.x, card.y, card.w, 84)
        art.rounded_rect(surface, band, self.color, 34)
        pygame.draw.rect(surface, self.color, (band.x, band.bottom - 34, band.w, 34))
        surface.blit(art.icon(self.glyph, 56, theme.WHITE), (band.x + 30, band.y + 14))
        self.blit_text(
            surface,
            _(self.heading),
            theme.TEXT_BIG + 6,
            theme.WHITE,
            (band.x + 104, band.centery),
            anchor="midleft",
            bold=True,
        )
        self.blit_text(
            surface,
            _("The class chose {n}").format(n=self.vote.picked + 1),
            theme.TEXT_BODY,
            theme.WHITE,
            (band.right - 30, band.centery),
            anchor="midright",
            bold=True,
        )
        left = pygame.Rect(card.x + 36, band.bottom + 24, 480, card.h - 84 - 130)
        y = self.blit_text(
            surface, self.choice.feedback, BIG, theme.INK, left.topleft, width=left.w
        ).bottom
        if self.choice.safety == "risky":
            self.blit_text(
                surface,
                _(WAY_BACK),
                theme.TEXT_BODY,
                theme.SAFE,
                (left.x, y + 18),
                bold=True,
                width=left.w,
            )
        chart = self.chart
        self.blit_text(
            surface,
            _("How the class voted"),
            theme.TEXT_BODY,
            theme.INK_SOFT,
            (chart.x, chart.y - 46),
            bold=True,
        )
        draw_tally(
            self,
            surface,
            chart,
            self.vote.options,
            self.vote.counts,
            self.sizes,
            marks=self.vote.marks,
            picked=self.vote.picked,
        )


class NotesScene(Scene):
    """Presenter notes over the current screen: the learning goals and the discussion
    questions of the story. N, Esc or Enter closes."""

    opaque = False
    show_help = False

    PANEL = pygame.Rect(120, 40, theme.WIDTH - 240, theme.HEIGHT - 80)

    def __init__(self, app, scenario):
        super().__init__(app)
        self.scenario = scenario
        self.size = self._fitting_size()

    def _fitting_size(self) -> int:
        """The item text size, smaller (down to 16) until every goal and question fits."""
        width = self.PANEL.w - 100
        items = [*self.scenario.objectives, *self.scenario.discuss] or [""]
        room = self.PANEL.h - 90 - 2 * 60  # below the heading, minus two section titles
        largest = theme.TEXT_BODY - 2

        def fits(smaller: int) -> bool:
            size = largest - smaller
            step = self.app.text.font(size).get_linesize()
            lines = sum(len(self.app.text.lines(f"•  {item}", size, width)) for item in items)
            return lines * step + 8 * len(items) <= room

        return largest - fit(fits, largest - 16)

    def enter(self) -> None:
        self.app.show(
            "notes", objectives=list(self.scenario.objectives), discuss=list(self.scenario.discuss)
        )

    def handle_event(self, event) -> None:
        if is_key(event, pygame.K_n, pygame.K_ESCAPE, *ENTER):
            self.app.pop()

    def draw_content(self, surface) -> None:
        self.shade(surface, 170)
        panel = self.PANEL
        art.rounded_rect(surface, panel, (255, 250, 226), 30, shadow=True)
        x, w = panel.x + 40, panel.w - 80
        self.blit_text(
            surface,
            _("Presenter notes"),
            theme.TEXT_BIG + 4,
            theme.INK,
            (x, panel.y + 24),
            bold=True,
        )
        self.blit_text(
            surface,
            _("N: close"),
            theme.TEXT_SMALL + 2,
            theme.INK_SOFT,
            (panel.right - 40, panel.y + 34),
            anchor="topright",
            bold=True,
        )
        y = panel.y + 90
        sections = (
            (_("Learning goals"), self.scenario.objectives),
            (_("Talk about"), self.scenario.discuss),
        )
        for title, items in sections:
            y = (
                self.blit_text(
                    surface, title, theme.TEXT_BODY, theme.GRAPE, (x, y), bold=True
                ).bottom
                + 6
            )
            if not items:
                y = (
                    self.blit_text(
                        surface,
                        _("Nothing for this story."),
                        theme.TEXT_BODY - 2,
                        theme.INK_SOFT,
                        (x + 20, y),
                    ).bottom
                    + 16
                )
            for item in items:
                y = (
                    self.blit_text(
                        surface, f"•  {item}", self.size, theme.INK, (x + 20, y), width=w - 20
                    ).bottom
                    + 8
                )
            y += 18


class ClassSummaryScene(Scene):
    """The class results at the end of a story: how the class voted, before and after.
    C opens the results of every session of the group; Enter goes back to the stories."""

    colors = (theme.GRAPE, theme.BUBBLEGUM)
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
        draw_header(self, surface, self.play.scenario.title, self.app.mode.group)
        card = pygame.Rect(40, 90, theme.WIDTH - 80, 510)
        art.rounded_rect(surface, card, theme.WHITE, 34, shadow=True)
        self.blit_text(
            surface,
            _("Class results"),
            theme.TEXT_TITLE - 10,
            theme.GRAPE,
            (card.x + 40, card.y + 24),
            bold=True,
        )
        self.blit_text(
            surface,
            _("{n} votes at the decisions").format(n=self.votes),
            theme.TEXT_BODY,
            theme.INK_SOFT,
            (card.right - 40, card.y + 44),
            anchor="topright",
            bold=True,
        )
        for i, (label, color, value) in enumerate(self.rows):
            y = card.y + 150 + i * 110
            self.blit_text(
                surface,
                label,
                theme.TEXT_BIG,
                theme.INK,
                (card.x + 40, y + 30),
                anchor="midleft",
                bold=True,
            )
            bar = pygame.Rect(card.x + 480, y + 4, 480, 52)
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
