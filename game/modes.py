"""How a game is played: alone, as a class, or at a kiosk. A mode is chosen once, when the
game starts (`play --classroom GROUP` chooses the class mode, `play --kiosk` or the operator
file the kiosk mode, game/kiosk.py), and the app, the flow and the story scenes ask it
instead of asking which mode they are in:

- which scene shows a question, a decision, the feedback on a choice and the results;
- what applies on the story scenes: extra text size for a projector, whether the messages
  come at the game's pace or the educator's (one key press each), the keys only a class
  uses, and whether the self-efficacy item is asked (it asks about one child, not a class);
- what the app does around the scenes: the first scene, whether a player may quit, what
  happens between frames (a kiosk watches for idleness) and after an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenes.title import TitleScene

# Imported where used (milliseconds of import on top of this module's, best of 5 runs): the
# title screen needs none of the scenes of a story.
#   scenes.quiz 2 ms; scenes.feedback 2 ms; scenes.ending 3 ms; scenes.classroom 11 ms, in
#   class mode only

if TYPE_CHECKING:
    from .classroom import ClassSession


class SoloMode:
    """One player at a time, at the game's pace."""

    name = "solo"
    text_boost = 0  # points added to the text of the story scenes
    paced = False  # True: the educator reveals each message with a key
    asks_efficacy = True
    group = ""  # the class's label (class mode only)

    may_quit = True  # Esc on the title and the window's close button ask to stop
    keeps_settings = True  # a player's settings are remembered on the computer

    # -- around the scenes ----------------------------------------------------------------
    def first_scene(self, app):
        return TitleScene(app)

    def intercept(self, app, event) -> bool:
        """Take an event before the app and the scenes see it; True if it was taken."""
        return False

    def before_frame(self, app, dt: float, events: list) -> None:
        """Called with each frame's events before the scenes get them."""

    def after_frame(self, app) -> None:
        """Called after each frame's update and drawing."""

    def recover(self, app, error: Exception) -> bool:
        """An error escaped a frame; True if the mode dealt with it (else it is raised)."""
        return False

    # -- the scenes of a story (imported when first shown: the title needs none of them) ---
    def quiz_scene(self, app, play, phase: str, index: int):
        from scenes.quiz import QuizScene

        return QuizScene(app, play, phase, index)

    def decision_scene(self, app, play, node):
        """The scene that asks for a decision, or None: the story scene offers the choices."""
        return None

    def feedback_scene(self, app, play, choice):
        from scenes.feedback import FeedbackScene

        return FeedbackScene(app, play, choice)

    def results_scene(self, app, play):
        from scenes.ending import ResultsScene

        return ResultsScene(app, play)

    def story_key(self, app, scenario, key: int) -> bool:
        """A key on a story scene that only this mode uses; True if it was used."""
        return False


class ClassMode(SoloMode):
    """A facilitated class session on a projector: the educator paces the story and records
    the class's votes (game/classroom.py keeps them)."""

    name = "class"
    text_boost = 6
    paced = True
    asks_efficacy = False

    def __init__(self, session: ClassSession) -> None:
        self.session = session

    @property
    def group(self) -> str:  # type: ignore[override]
        return self.session.group

    def quiz_scene(self, app, play, phase: str, index: int):
        from scenes.classroom import ClassQuizScene

        return ClassQuizScene(app, play, phase, index)

    def decision_scene(self, app, play, node):
        from scenes.classroom import ClassVoteScene

        return ClassVoteScene(app, play, node)

    def feedback_scene(self, app, play, choice):
        from scenes.classroom import ClassFeedbackScene

        return ClassFeedbackScene(app, play, choice, self.session.votes[-1])

    def results_scene(self, app, play):
        from scenes.classroom import ClassSummaryScene

        return ClassSummaryScene(app, play)

    def story_key(self, app, scenario, key: int) -> bool:
        import pygame

        if key == pygame.K_n:  # the educator's notes for this story
            from scenes.classroom import open_notes

            open_notes(app, scenario)
            return True
        return False
