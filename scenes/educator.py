"""Class results for educators (Ctrl+E on the title screen): big bars, readable on a
projector, for the group label the game was started with. Under each story's bars, one line
gives its paired learning gain ("not clear yet" while its 95 % interval includes zero) and
the self-efficacy answers before and after. Scenarios with too few sessions stay hidden, as
in the report. Esc closes."""

from __future__ import annotations

import pygame

from game import art, theme
from game.i18n import N_, _
from game.outcomes import wording
from game.outcomes.classview import class_results
from game.ui import Button

from .base import Scene

HEADER = pygame.Rect(40, 20, theme.WIDTH - 80, 114)
BODY = pygame.Rect(40, 150, theme.WIDTH - 80, 460)
PROBLEM = pygame.Rect(40, 150, theme.WIDTH - 80, 72)
BLOCK_H = 216  # one scenario: its title, three bars and a line about gain and efficacy
BAR_X, BAR_W, BAR_H, BAR_GAP = 394, 520, 34, 6
LINE_Y = 176  # the gain and efficacy line, from the top of a scenario's block
ROWS = (
    (lambda r: r.safe_share, theme.SAFE, N_("Safe choices")),
    (lambda r: r.pre, theme.GRAPE, N_("Correct before")),
    (lambda r: r.post, theme.MINT, N_("Correct after")),
)


def percent(value) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


class EducatorScene(Scene):
    colors = (theme.SKY_DEEP, theme.GRAPE)
    shapes = "bubbles"
    show_help = False

    def __init__(self, app):
        super().__init__(app)
        order = [s.id for s in app.content.scenarios]
        self.titles = {s.id: s.title for s in app.content.scenarios}
        self.results = class_results(app.recorder, order)
        self.body = pygame.Rect(BODY)
        if self.results.problem:  # make room for the warning above the results
            self.body.top = PROBLEM.bottom + 14
            self.body.height = BODY.bottom - self.body.top
        self.line_w = self.body.w - 72 - 24  # the gain and efficacy line, less a gap
        self.lines = {
            row.key: self._line(row) for row in self.results.scenarios if not row.suppressed
        }
        self.per_page = max(1, (self.body.h - 24) // BLOCK_H)
        self.page = 0
        shown = 0 if self._message() else len(self.results.scenarios)
        self.pages = max(1, -(-shown // self.per_page))
        self._set_buttons()

    def _line(self, row) -> list[tuple[str, int]]:
        """The gain and the efficacy texts of a scenario, each with the size that fits: when
        both do not fit at full size, each gets room in proportion to its length."""
        texts = (wording.screen_line(row), wording.efficacy_short(row, percent))
        natural = [self.app.text.measure(t, theme.TEXT_SMALL, bold=True) for t in texts]
        room = [w * self.line_w // max(sum(natural), self.line_w) for w in natural]
        return [
            (text, self.app.text.fit(text, theme.TEXT_SMALL, width, bold=True))
            for text, width in zip(texts, room, strict=True)
        ]

    def _set_buttons(self) -> None:
        buttons = []
        if self.pages > 1:
            buttons += [
                Button(
                    pygame.Rect(60, 630, 220, 70), _("Back"), "back", theme.SKY_DEEP, icon="back"
                ),
                Button(
                    pygame.Rect(300, 630, 220, 70), _("Next"), "next", theme.SKY_DEEP, icon="next"
                ),
            ]
        buttons.append(
            Button(
                pygame.Rect(theme.WIDTH - 300, 630, 240, 70),
                _("Close"),
                "close",
                theme.MINT,
                icon="close",
            )
        )
        self.buttons.set(buttons, focus=len(buttons) - 1)
        self.buttons.age = 1.0  # no slide-in: this screen is for grown-ups in a hurry

    def enter(self) -> None:
        r = self.results
        self.app.show(
            "educator",
            recording=r.recording,
            group=r.group,
            sessions=r.total.sessions,
            problem=r.problem,
            scenarios=[(s.key, None if s.suppressed else s.safe_share) for s in r.scenarios],
            gains=[
                (s.key, s.paired.n, s.paired.mean, s.paired.interval, s.paired.clear)
                for s in r.scenarios
                if not s.suppressed
            ],
            lines={key: [text for text, _size in line] for key, line in self.lines.items()},
        )

    def pressed(self, button) -> None:
        if button.action == "close":
            self.app.pop()
        else:
            step = 1 if button.action == "next" else -1
            self.page = (self.page + step) % self.pages

    def escape(self) -> None:
        self.app.pop()

    # drawing ---------------------------------------------------------------------------
    def draw_content(self, surface) -> None:
        r = self.results
        header = HEADER
        art.rounded_rect(surface, header, theme.CLOUD, 30, shadow=True)
        self.blit_text(
            surface,
            _("Class results"),
            theme.TEXT_TITLE - 16,
            theme.SKY_DEEP,
            (header.x + 32, header.y + 12),
            bold=True,
        )
        self.blit_text(
            surface,
            self._subtitle(),
            theme.TEXT_SMALL + 2,
            theme.INK_SOFT,
            (header.x + 34, header.y + 74),
            bold=True,
            width=header.w - 68,
        )
        body = self.body
        art.rounded_rect(surface, body, theme.WHITE, 30, shadow=True)
        message = self._message()
        if message:
            self.blit_text(
                surface,
                message,
                theme.TEXT_BIG,
                theme.INK,
                body.center,
                anchor="center",
                bold=True,
                width=body.w - 120,
                align="center",
            )
        else:
            first = self.page * self.per_page
            for i, row in enumerate(r.scenarios[first : first + self.per_page]):
                self._draw_scenario(
                    surface,
                    row,
                    pygame.Rect(body.x + 36, body.y + 24 + i * BLOCK_H, body.w - 72, BLOCK_H - 14),
                )
        if self.pages > 1:
            page = _("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages)
            self.blit_text(
                surface, page, theme.TEXT_BODY, theme.WHITE, (640, 665), anchor="center", bold=True
            )
        if r.problem:
            self._draw_problem(surface)

    def _subtitle(self) -> str:
        r = self.results
        group = _("Group: {label}").format(label=r.group) if r.group else _("No group label")
        if not r.recording:
            return group
        sessions = _("Sessions: {n}").format(n=r.total.sessions)
        rule = _("groups under {k} sessions are hidden").format(k=r.k)
        return f"{group}  ·  {sessions}  ·  {rule}"

    def _message(self) -> str:
        r = self.results
        if not r.recording:
            return _("Results are not recorded: the game was started with --no-record.")
        if not r.total.sessions:
            return _("No results for this group yet.")
        if r.total.suppressed:
            return _(
                "Fewer than {k} sessions so far: the results stay hidden to protect "
                "the children's privacy."
            ).format(k=r.k)
        return ""

    def _draw_scenario(self, surface, row, area: pygame.Rect) -> None:
        title = self.titles.get(row.key, row.key)  # app.content is in the game's language
        self.blit_text(
            surface, title, theme.TEXT_BIG, theme.INK, area.topleft, bold=True, width=area.w - 260
        )
        if row.suppressed:
            self.blit_text(
                surface,
                _("Hidden: fewer than {k} sessions.").format(k=self.results.k),
                theme.TEXT_BODY,
                theme.INK_SOFT,
                (area.x, area.y + 64),
            )
            return
        finished = _("{n} sessions, {finished} finished").format(
            n=row.sessions, finished=percent(row.completion)
        )
        self.blit_text(
            surface,
            finished,
            theme.TEXT_SMALL,
            theme.INK_SOFT,
            (area.right, area.y + 8),
            anchor="topright",
            bold=True,
        )
        for i, (value_of, color, label) in enumerate(ROWS):
            y = area.y + 54 + i * (BAR_H + BAR_GAP)
            self.blit_text(
                surface,
                _(label),
                theme.TEXT_BODY,
                theme.INK,
                (area.x, y + BAR_H // 2),
                anchor="midleft",
                bold=True,
            )
            self._bar(surface, value_of(row), color, pygame.Rect(area.x + BAR_X, y, BAR_W, BAR_H))
        y = area.y + LINE_Y + theme.TEXT_SMALL // 2 + 2
        for (text, size), at in zip(
            self.lines.get(row.key, ()), ("midleft", "midright"), strict=False
        ):
            x = area.x if at == "midleft" else area.right
            self.blit_text(surface, text, size, theme.INK_SOFT, (x, y), anchor=at, bold=True)

    def _bar(self, surface, value, color, rect: pygame.Rect) -> None:
        art.rounded_rect(surface, rect, (232, 236, 250), BAR_H // 2)
        if value:
            filled = pygame.Rect(rect.x, rect.y, max(BAR_H, round(rect.w * value)), rect.h)
            art.rounded_rect(surface, filled, color, BAR_H // 2)
        self.blit_text(
            surface,
            percent(value),
            theme.TEXT_BIG,
            theme.INK,
            (rect.right + 18, rect.centery),
            anchor="midleft",
            bold=True,
        )

    def _draw_problem(self, surface) -> None:
        strip = PROBLEM
        art.rounded_rect(surface, strip, theme.CORAL, 22, shadow=True)
        self.blit_text(
            surface,
            _("Results are not being saved on this computer."),
            theme.TEXT_SMALL,
            theme.WHITE,
            (strip.x + 24, strip.y + 8),
            bold=True,
        )
        self.blit_text(
            surface,
            self.results.problem,
            18,
            theme.WHITE,
            (strip.x + 24, strip.y + 40),
            width=strip.w - 48,
        )
