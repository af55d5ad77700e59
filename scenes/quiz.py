"""Knowledge checks before (pre) and after (post) a story: one question a screen.
Before the story nobody is marked wrong; after it, the right answer is shown kindly."""

from __future__ import annotations

import pygame

from game import art, layout, theme
from game.i18n import N_, _
from game.ui import Button

from .base import NUMBERED, Scene
from .confirm import ask_to_leave

CARD = pygame.Rect(140, 96, 1000, 590)
ANSWER_COLORS = (theme.SKY_DEEP, theme.GRAPE, theme.BUBBLEGUM, theme.PEACH)
HEADINGS = {"pre": N_("Before the story: what do you think?"), "post": N_("What did you learn?")}


def draw_card(scene, surface, heading: str) -> None:
    """The white card of a question screen, with its heading."""
    art.rounded_rect(surface, CARD, theme.WHITE, 34, shadow=True)
    scene.blit_text(
        surface, heading, theme.TEXT_BODY, theme.GRAPE, (CARD.x + 40, CARD.y + 26), bold=True
    )


class QuizScene(Scene):
    colors = (theme.SUN, theme.PEACH)

    def __init__(self, app, play, phase: str, index: int):
        super().__init__(app)
        self.play = play
        self.phase = phase
        self.index = index
        questions = play.scenario.pre if phase == "pre" else play.scenario.post
        self.total = len(questions)
        self.question = questions[index]
        self.answers = play.answers(phase, self.question)  # this session's order
        self.result: tuple | None = None  # (picked Answer, right?) once answered
        self._answer_buttons()

    def _answer_buttons(self) -> None:
        answers = self.answers
        gap = 14
        heights = [self._height(a.text, len(answers)) for a in answers]
        box = layout.QUIZ_ASK
        ask = self.app.text.render(
            self.question.ask, box.size, theme.INK, bold=box.bold, width=box.width
        )
        room = CARD.bottom - 30 - (CARD.y + 76 + ask.get_height() + 16)
        room -= gap * (len(answers) - 1)
        if sum(heights) > room:  # large text: the answers share the room and their labels shrink
            heights = [h * room // sum(heights) for h in heights]
        y = CARD.bottom - 30 - sum(heights) - gap * (len(answers) - 1)
        buttons = []
        for i, (a, h) in enumerate(zip(answers, heights, strict=True)):
            buttons.append(
                Button(
                    pygame.Rect(CARD.x + 40, y, layout.QUIZ_ANSWER.width + NUMBERED, h),
                    a.text,
                    a,
                    ANSWER_COLORS[i % 4],
                    size=layout.QUIZ_ANSWER.size,
                    number=i + 1,
                    align="left",
                    payload={"correct": a.correct},
                    appear=0.08 * i,
                )
            )
            y += h + gap
        self.buttons.set(buttons)

    def _height(self, text: str, count: int) -> int:
        """Tall enough for the answer's lines."""
        box = layout.QUIZ_ANSWER
        lines = len(self.app.text.lines(text, box.size, box.width, box.bold))
        line_h = self.app.text.font(box.size, box.bold).get_linesize()
        return max(76 if count > 3 else 86, 24 + lines * line_h)

    def enter(self) -> None:
        self.app.show(
            "question",
            phase=self.phase,
            number=self.index + 1,
            total=self.total,
            ask=self.question.ask,
            answers=[a.text for a in self.answers],
        )

    def pressed(self, button) -> None:
        if button.action == "next":
            self.play.next_question(self.phase, self.index)
            return
        right = self.play.answered(self.phase, self.index, button.action)
        self.result = (button.action, right)
        self.app.show(
            "answer",
            phase=self.phase,
            index=self.answers.index(button.action),
            text=button.label,
            correct=right,
        )
        if self.phase == "post":
            self.app.sounds.play("good" if right else "think")
        label = (
            _("Next")
            if self.index + 1 < self.total
            else (_("Start the story") if self.phase == "pre" else _("See how you did"))
        )
        self.buttons.set(
            [
                Button(
                    pygame.Rect(CARD.centerx - 170, CARD.bottom - 100, 340, 72),
                    label,
                    "next",
                    theme.MINT,
                    icon="next",
                    appear=0.2,
                )
            ],
            focus=0,
        )

    def escape(self) -> None:
        ask_to_leave(self.app, self.play)

    def draw_content(self, surface) -> None:
        draw_card(self, surface, _(HEADINGS[self.phase]))
        self.blit_text(
            surface,
            f"{self.index + 1} / {self.total}",
            theme.TEXT_BODY,
            theme.INK_SOFT,
            (CARD.right - 40, CARD.y + 26),
            anchor="topright",
            bold=True,
        )
        ask = self.blit_text(
            surface,
            self.question.ask,
            layout.QUIZ_ASK.size,
            theme.INK,
            (CARD.x + 40, CARD.y + 76),
            bold=layout.QUIZ_ASK.bold,
            width=layout.QUIZ_ASK.width,
        )
        if self.result is not None:
            self.draw_result(surface, ask.bottom + 30)

    def draw_result(self, surface, y: int) -> None:
        if self.result is None:
            return
        picked, right = self.result
        if self.phase == "pre":
            text, color, glyph = _("Thanks! Let's play and find out."), theme.SKY_DEEP, "star"
            detail = _("You picked: {answer}").format(answer=picked.text)
        elif right:
            text, color, glyph = _("Yes, that's right!"), theme.SAFE, "check"
            detail = self.question.explain or picked.text
        else:
            best = self.question.answers[self.question.correct_index].text
            text, color, glyph = _("Good try! The best answer is:"), theme.RISKY, "heart"
            detail = best + (f"\n{self.question.explain}" if self.question.explain else "")
        surface.blit(art.icon(glyph, 52, color), (CARD.x + 40, y))
        self.blit_text(surface, text, theme.TEXT_BODY + 2, color, (CARD.x + 108, y + 8), bold=True)
        self.blit_text(
            surface,
            detail,
            layout.QUIZ_EXPLAIN.size,
            theme.INK,
            (CARD.x + 108, y + 58),
            bold=layout.QUIZ_EXPLAIN.bold,
            width=layout.QUIZ_EXPLAIN.width,
        )
