"""W131-W134: quiz items and decisions that a test-wise child could win without learning.

The same rule runs on the English of the file and on each translation (through the
catalogs, see content/translations.py), so an answer that only grew longer in Thai is
found too. The figures themselves are computed in content/items.py.
"""

from __future__ import annotations

from .. import items
from ..diagnostics import Diagnostic


def check(content):
    for scenario in content.scenarios:
        yield from check_scenario(scenario, "en")


def check_scenario(scenario, locale: str):
    where = "" if locale == "en" else f" ({locale})"
    for phase in ("pre", "post"):
        for question in getattr(scenario, phase):
            yield from _longer(question, where)
    tally = items.tally_scenario(scenario, locale)
    anchor = scenario.at.get("pre", scenario.loc)
    if tally.adult_options and not tally.adult_wrong:
        yield Diagnostic.at(
            anchor,
            "W132",
            f"in scenario '{scenario.id}'{where} every option that names a "
            f"trusted adult ({tally.adult_options}) is right or safe, so a child "
            "can pick the grown-up without learning",
            "let a wrong answer or a risky choice name one too "
            "('Tell Mum next week, after the meet-up')",
        )
    figures = tally.figures()
    baseline, chance = figures["testwise_baseline"], figures["chance"]
    if baseline is not None and chance is not None and baseline > chance + items.BASELINE_MARGIN:
        yield Diagnostic.at(
            anchor,
            "W133",
            f"in scenario '{scenario.id}'{where} always picking the longest "
            f"answer scores {figures['testwise_baseline']:.0f} % (chance is "
            f"{figures['chance']:.0f} %)",
            "make the right answer not the longest in more questions",
        )
    if locale == "en" and scenario.post and not any(q.transfer for q in scenario.post):
        yield Diagnostic.at(
            scenario.at.get("post", scenario.loc),
            "W134",
            f"scenario '{scenario.id}' has no transfer question after the story",
            "ask about a new situation in one post question and mark it 'transfer: true'",
        )


def _longer(question, where: str):
    right = question.correct_index
    if right < 0 or len(question.answers) < 2:
        return
    ratio = items.longer_by([a.text for a in question.answers], right)
    if ratio > items.LONGER_LIMIT:
        answer = question.answers[right]
        yield Diagnostic.at(
            answer.at.get("text", answer.loc),
            "W131",
            f"question '{question.id}'{where}: the right answer is "
            f"{100 * (ratio - 1):.0f} % longer than every other option, "
            "so a child can guess it by its length",
            "make the options about the same length (within 20 %)",
        )
