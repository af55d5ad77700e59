"""One play-through of a scenario: pre questions, the story, the ending, post questions.

The flow owns the pure story Runtime and decides which scene comes next; scenes report
what the player did and never change the story themselves. In order:

    begin -> how sure (pre) -> pre questions -> show_node, choose, after_feedback ... ->
    the ending -> after_ending -> post questions -> how sure (post) -> results

The app's mode (game/modes.py) says which scene shows a question, a decision, the feedback
and the results, and whether "how sure" is asked; every step is recorded through the app's
recorder (game/outcomes), and nothing recorded names the player.
"""

from __future__ import annotations

from scenes import scene_for
from scenes.diagnostics import DiagnosticsScene
from scenes.efficacy import EfficacyScene
from scenes.ending import EndingScene
from scenes.menu import MenuScene
from scenes.title import TitleScene

from . import assess
from .content.diagnostics import did_you_mean, one_line
from .outcomes import coarse_seconds
from .story import Line, Runtime, known_flags, nearest


class Play:
    """The play-through of `scenario` on `app`: the runtime, the thread of the chat app the
    story is in, and the steps between the scenes."""

    def __init__(self, app, scenario):
        self.app = app
        self.scenario = scenario
        self.runtime = Runtime(scenario)
        # The lines shown so far in one chat app, oldest first: a chat's or a profile's
        # messages go on from the node before while the story stays in the same app.
        self.thread: tuple[Line, ...] = ()
        self.thread_app = ""
        self.thread_at_node: tuple[Line, ...] = ()  # the thread as the node on screen began
        # The kinds of request card the story shows ('photo', 'camera', ...).
        self.request_kinds = sorted(
            {m.request for n in scenario.nodes.values() for m in n.messages if m.request}
        )
        self.started = app.clock
        self.finished = False

    def begin(self) -> None:
        """Start the story: it becomes the app's play, and the first question shows."""
        self.app.show("scenario", id=self.scenario.id, title=self.scenario.title)
        self.app.play = self
        self.app.recorder.record("scenario_started", scenario=self.scenario.id)
        self._efficacy("pre")

    def begin_at(self, node_id: str, flags=()) -> None:
        """Start the story at `node_id` with `flags` set: no questions and no "how sure"
        before it, and no "started" event (an author trying out one part of a story, whose
        game records nothing)."""
        self.runtime.start_at(node_id, flags)
        self.app.show("scenario", id=self.scenario.id, title=self.scenario.title)
        self.app.play = self
        self.show_node()

    def _efficacy(self, phase: str) -> None:
        """The self-efficacy item (solo play only: it asks about each child, not a class)."""
        if not self.app.mode.asks_efficacy:
            self.efficacy_answered(phase, None)
            return

        self.app.replace(EfficacyScene(self.app, self, phase))

    def efficacy_answered(self, phase: str, value: str | None) -> None:
        """The player rated how sure they are (yes / unsure / no); never scored."""
        if value is not None:
            self.app.recorder.record(
                "efficacy", scenario=self.scenario.id, phase=phase, choice=value
            )
        if phase == "pre":
            self._questions("pre", 0)
        else:
            self.results()

    def seconds(self) -> int:
        """The time played so far, rounded as the outcomes keep it."""
        return coarse_seconds(self.app.clock - self.started)

    def _questions(self, phase: str, index: int) -> None:
        questions = self.scenario.pre if phase == "pre" else self.scenario.post
        if index < len(questions):
            self.app.replace(self.app.mode.quiz_scene(self.app, self, phase, index))
        elif phase == "pre":
            self.show_node()
        else:
            self._efficacy("post")

    def answers(self, phase: str, question):
        """The question's answers in this session's order."""
        return assess.arrange(
            question.answers,
            self.app.session.order_seed,
            assess.question_key(self.scenario.id, phase, question.id),
            lambda a: a.id,
        )

    def choices(self):
        """The choices the player may pick now, in this session's order."""
        return assess.arrange(
            self.runtime.choices(),
            self.app.session.order_seed,
            assess.node_key(self.scenario.id, self.runtime.node_id),
            lambda c: c.id,
        )

    def answered(self, phase: str, index: int, answer) -> bool:
        """The player picked `answer` (an Answer) for question `index` of `phase`."""
        questions = self.scenario.pre if phase == "pre" else self.scenario.post
        right = self.runtime.answer(phase, questions[index].id, answer.id)
        self.app.recorder.record(
            "answer",
            scenario=self.scenario.id,
            phase=phase,
            question=questions[index].id,
            choice=answer.id,
            correct=right,
        )
        return right

    def next_question(self, phase: str, index: int) -> None:
        """The player has read the answer to question `index`: show the next step."""
        self._questions(phase, index + 1)

    def show_node(self) -> None:
        """Show the runtime's current node in the scene of its type (or the ending)."""
        node = self.runtime.current()
        if node.is_ending:
            self.app.replace(EndingScene(self.app, self, node))
            return
        chat_app = self._chat_app(node)
        if not chat_app or chat_app != self.thread_app:
            self.thread = ()
        self.thread_app = chat_app
        self.thread_at_node = self.thread  # before the node's own lines: to show it again
        self.app.replace(scene_for(node.scene)(self.app, self, node))

    def heard(self, message) -> Line:
        """A message of the node has appeared on screen; the line it is shown as."""
        return self._shown(Line.of_message(message))

    def sent(self, choice) -> Line:
        """The player (or the class) picked `choice`; the line that shows what they did."""
        return self._shown(Line.of_choice(choice, self.scenario.player))

    def _shown(self, line: Line) -> Line:
        if self._chat_app(self.runtime.current()):
            self.thread += (line,)
        return line

    def _chat_app(self, node) -> str:
        """The app whose chat a node's lines join ('' for a call or a talk): a profile's
        messages are a chat thread too."""
        if node.scene in ("chat", "profile"):
            return node.app or self.scenario.title
        return ""

    def choose(self, choice) -> None:
        """The player (or the class) picked `choice`: move the story, record the decision and
        show the feedback over the scene."""
        node = self.runtime.node_id
        self.runtime.choose(choice.id)
        self.app.recorder.record(
            "decision", scenario=self.scenario.id, node=node, choice=choice.id, safety=choice.safety
        )
        self.app.push(self.app.mode.feedback_scene(self.app, self, choice))

    def after_feedback(self) -> None:
        """The feedback was read: on to the node the choice leads to."""
        self.app.pop()
        self.show_node()

    def after_ending(self) -> None:
        """The ending was read: the post questions."""
        self._questions("post", 0)

    def results(self) -> None:
        """The story is done: record it and show what the player did."""
        self.app.session.done.add(self.scenario.id)
        self.finished = True
        self.app.recorder.record(
            "scenario_completed",
            scenario=self.scenario.id,
            ending=self.runtime.node_id,
            safe=self.runtime.score,
            decisions=len(self.runtime.history),
            seconds=self.seconds(),
        )
        self.app.replace(self.app.mode.results_scene(self.app, self))

    def abandon(self) -> None:
        """The player left before the end (back to the menu, or the game closed)."""
        if not self.finished:
            self.finished = True
            self.app.recorder.record(
                "scenario_abandoned",
                scenario=self.scenario.id,
                node=self.runtime.node_id,
                seconds=self.seconds(),
            )

    def leave(self) -> None:
        """Back to the menu, from anywhere in the story."""
        self.abandon()
        self.app.play = None
        self.app.reset(MenuScene(self.app))


def start_problem(scenario, node_id: str, flags=()) -> str:
    """Why a story cannot start at `node_id` with `flags` (a node it does not have, a flag
    none of its choices sets or tests), as a located error line; '' when it can."""
    if node_id not in scenario.nodes:
        where = scenario.at.get("nodes", scenario.loc)  # where the story's nodes begin
        message = f"no node '{node_id}' in scenario '{scenario.id}'"
        hint = did_you_mean(node_id, scenario.nodes)
    else:
        known = known_flags(scenario)
        unknown = [flag for flag in flags if flag not in known]
        if not unknown:
            return ""
        where = scenario.loc
        message = f"no flag '{unknown[0]}' in scenario '{scenario.id}'"
        hint = did_you_mean(unknown[0], known) or (
            f"its flags are {', '.join(sorted(known))}" if known else "its choices use no flags"
        )
    text = f"{where.path}:{where.line}:{where.col}: error: {message}"
    return one_line(text + (f"; {hint}" if hint else ""))


def resume(app, base, before: Play | None) -> None:
    """The content changed under the player (a saved story file or catalog): make the
    screens again for the step they were at. `base` is the scene that was at the bottom,
    under any card, and `before` the story being played then."""
    if getattr(base, "play", None) is before and before is not None and not before.finished:
        _replay(app, base, before)
    elif isinstance(base, TitleScene):
        app.open_title(reset=True)
    elif isinstance(base, MenuScene):
        app.reset(MenuScene(app))
    elif isinstance(app.top, DiagnosticsScene):
        app.pop()  # any other screen stays as it is; the next one shows the new version


def _replay(app, base, before: Play) -> None:
    """The story again at the same step, in the content now in the app: the same node (or
    the nearest one still there), flags, choices made so far and answers."""
    scenario = app.content.scenario(before.scenario.id)
    if scenario is None:  # the story itself is gone
        app.play = None
        app.reset(MenuScene(app))
        return
    old = before.runtime
    node, kept = nearest(scenario, old.node_id, old.history)
    play = Play(app, scenario)
    play.runtime.history = list(old.history[:kept])
    play.runtime.answers = dict(old.answers)
    play.started = before.started
    app.reset(None)  # every scene goes; the step's own comes again
    phase = getattr(base, "phase", None)
    if phase is not None:  # questions, or how sure: before the story or after it
        play.runtime.start_at(scenario.start if phase == "pre" else node, old.flags)
        app.play = play
        if isinstance(base, EfficacyScene):
            app.replace(EfficacyScene(app, play, phase))
        else:  # the same question (or the next step, when fewer are left)
            play.next_question(phase, getattr(base, "index", 0) - 1)
        return
    if node == old.node_id:  # the chat goes on from the same lines
        play.thread, play.thread_app = before.thread_at_node, before.thread_app
    play.begin_at(node, old.flags)
