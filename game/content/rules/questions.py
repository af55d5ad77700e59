"""E120-E121, W130: knowledge checks with one clearly right answer, enough of them."""

from ..diagnostics import Diagnostic

MIN_QUESTIONS = 3


def check(content):
    for scenario in content.scenarios:
        for which in ("pre", "post"):
            questions = getattr(scenario, which)
            if which in scenario.at and len(questions) < MIN_QUESTIONS:
                yield Diagnostic.at(
                    scenario.at[which],
                    "W130",
                    f"scenario '{scenario.id}' has {len(questions)} {which} "
                    f"questions; {MIN_QUESTIONS} or more test the objective well",
                )
            for question in questions:
                if "answers" not in question.at:
                    continue
                where = question.at["answers"]
                if len(question.answers) < 2:
                    yield Diagnostic.at(
                        where, "E121", f"question '{question.id}' needs at least 2 answers"
                    )
                correct = sum(a.correct for a in question.answers)
                if correct != 1:
                    yield Diagnostic.at(
                        where,
                        "E120",
                        f"question '{question.id}' has {correct} correct answers",
                        "mark exactly one answer with 'correct: true'",
                    )
