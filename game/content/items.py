"""Item statistics: can a quiz or a decision be won without learning?

Pure and language-aware. Every function takes the texts as a player would read them in one
language (English from the file, or a translation), so the same figures are computed for
en, pt_BR and th. Used by the item checks in `check`, by `list --json` and by the tests.

- "always pick the longest": a test-wise child picks the longest option; with a tie it
  picks one of the tied ones at random, so a question scores 1/k when the right answer is
  one of k options tied for longest.
- chance: 1/n for a question with n answers.
- a cue: naming a trusted adult. If only right or safe options ever name one, a child can
  pick the grown-up without learning anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ZWSP = "\u200b"
# How much longer than every other option the right one may be (PEDAGOGY: within about 20 %).
LONGER_LIMIT = 1.20
# How far above chance "always pick the longest" may score, in percentage points.
BASELINE_MARGIN = 10.0

# Words that name a trusted adult, per language (lowercase; Thai has no case). A character
# of the story whose role is `adult` is a trusted adult too, by the name the player reads.
ADULT_WORDS = {
    "en": (
        "mum",
        "mom",
        "dad",
        "parent",
        "parents",
        "grown-up",
        "grown-ups",
        "adult",
        "adults",
        "teacher",
        "aunt",
        "uncle",
        "gran",
        "grandma",
        "grandad",
        "grandpa",
        "carer",
        "counsellor",
    ),
    "pt_BR": (
        "mãe",
        "pai",
        "pais",
        "adulto",
        "adultos",
        "adulta",
        "responsável",
        "responsáveis",
        "professor",
        "professora",
        "tia",
        "tio",
        "avó",
        "avô",
        "vovó",
        "vovô",
        "diretor",
        "diretora",
    ),
}
# Thai is written without spaces, so its words are found inside the text; each pattern keeps
# clear of longer words that contain it (หน้า "face" holds น้า, อย่า "don't" holds ย่า).
THAI_ADULT = re.compile("แม่(?!น)|พ่อ|ผู้ใหญ่|ผู้ปกครอง|ครู(?![่้๊๋])|(?<!ห)น้า|ป้า|ลุง|(?<![ก-ฮ])ยาย|ปู่")
_WORD = re.compile(r"[\w'-]+", re.UNICODE)


def visible(text: str) -> str:
    """The text as the player sees it: no zero-width breaks, no outer spaces."""
    return text.replace(ZWSP, "").strip()


def length(text: str) -> int:
    return len(visible(text))


def _tied(sizes: Sequence[int], pick) -> list[int]:
    """Indexes of the sizes tied for the biggest (pick=max) or the smallest (pick=min)."""
    end = pick(sizes, default=0)
    return [i for i, n in enumerate(sizes) if n == end]


def longest(texts: Sequence[str]) -> list[int]:
    """Indexes of the options tied for the longest."""
    return _tied([length(t) for t in texts], max)


def strictly_longest(texts: Sequence[str]) -> int:
    """The index of the one option longer than all others, or -1 on a tie."""
    top = longest(texts)
    return top[0] if len(top) == 1 else -1


def shortest(texts: Sequence[str]) -> list[int]:
    """Indexes of the options tied for the shortest."""
    return _tied([length(t) for t in texts], min)


def middle(texts: Sequence[str]) -> list[int]:
    """Indexes of the options neither longest nor shortest (all of them when there are none)."""
    ends = set(longest(texts)) | set(shortest(texts))
    return [i for i in range(len(texts)) if i not in ends] or list(range(len(texts)))


def testwise_score(texts: Sequence[str], right: int, pick=longest) -> float:
    """What "always pick the longest" (or with pick=shortest, the shortest) scores on this
    question (0..1)."""
    top = pick(texts)
    return 1 / len(top) if right in top else 0.0


def longer_by(texts: Sequence[str], index: int) -> float:
    """How many times longer option `index` is than the longest other option (1.0 = same)."""
    sizes = [length(t) for t in texts]
    others = [n for i, n in enumerate(sizes) if i != index]
    if not others or max(others) == 0:
        return 1.0
    return sizes[index] / max(others)


_ADULT_SETS = {locale: frozenset(words) for locale, words in ADULT_WORDS.items()}


def names_adult(text: str, locale: str, adults: Sequence[str] = ()) -> bool:
    """Does the option name a trusted adult (a word of the language, or an adult's name)?"""
    plain = visible(text).lower()
    if locale == "th":
        found = THAI_ADULT.search(plain) is not None
    else:
        found = not _ADULT_SETS.get(locale, _ADULT_SETS["en"]).isdisjoint(_WORD.findall(plain))
    return found or any(a and a.lower() in plain for a in adults)


@dataclass
class Tally:
    """Running figures over many questions and decisions, in one language."""

    questions: int = 0
    chance: float = 0.0  # sum of 1/n
    testwise: float = 0.0  # sum of the longest-pick scores
    shortwise: float = 0.0  # sum of the shortest-pick scores (the cue turned round)
    midwise: float = 0.0  # sum of the scores of picking one neither longest nor shortest
    right_longest: int = 0  # questions whose right answer is strictly the longest
    decisions: int = 0  # decisions that offer a safe and a risky choice
    safe_longest: int = 0  # ... whose strictly longest choice is safe
    safe_shortest: int = 0  # ... whose strictly shortest choice is safe
    adult_options: int = 0  # options that name a trusted adult
    adult_wrong: int = 0  # ... and are wrong or risky

    def add_question(
        self, texts: Sequence[str], right: int, adults: Sequence[str] = (), locale: str = "en"
    ) -> None:
        # What longest(), shortest(), middle() and testwise_score() give, from one measuring.
        sizes = [length(t) for t in texts]
        top, low = _tied(sizes, max), _tied(sizes, min)
        mid = [i for i in range(len(texts)) if i not in top and i not in low] or list(
            range(len(texts))
        )
        self.questions += 1
        self.chance += 1 / len(texts)
        self.testwise += 1 / len(top) if right in top else 0.0
        self.shortwise += 1 / len(low) if right in low else 0.0
        self.midwise += 1 / len(mid) if right in mid else 0.0
        self.right_longest += len(top) == 1 and top[0] == right
        for i, text in enumerate(texts):
            if names_adult(text, locale, adults):
                self.adult_options += 1
                self.adult_wrong += i != right

    def add_decision(
        self,
        texts: Sequence[str],
        safeties: Sequence[str],
        adults: Sequence[str] = (),
        locale: str = "en",
    ) -> None:
        for text, safety in zip(texts, safeties, strict=True):
            if names_adult(text, locale, adults):
                self.adult_options += 1
                self.adult_wrong += safety == "risky"
        if "safe" in safeties and "risky" in safeties:
            self.decisions += 1
            sizes = [length(t) for t in texts]
            top, low = _tied(sizes, max), _tied(sizes, min)
            self.safe_longest += len(top) == 1 and safeties[top[0]] == "safe"
            self.safe_shortest += len(low) == 1 and safeties[low[0]] == "safe"

    def merge(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | None]:
        """Percentages (0-100, one decimal), None where there is nothing to count."""

        def pct(part, whole):
            return round(100 * part / whole, 1) if whole else None

        return {
            "chance": pct(self.chance, self.questions),
            "testwise_baseline": pct(self.testwise, self.questions),
            "shortest_baseline": pct(self.shortwise, self.questions),
            "middle_baseline": pct(self.midwise, self.questions),
            "right_strictly_longest": pct(self.right_longest, self.questions),
            "safe_strictly_longest": pct(self.safe_longest, self.decisions),
            "safe_strictly_shortest": pct(self.safe_shortest, self.decisions),
            "adult_options_wrong": pct(self.adult_wrong, self.adult_options),
        }


def adult_names(scenario) -> list[str]:
    """The names of the story's trusted adults, as the player reads them."""
    return [c.name for c in scenario.characters.values() if c.role == "adult"]


def tally_scenario(scenario, locale: str = "en") -> Tally:
    """The figures of one story (already localized to `locale`)."""
    tally, adults = Tally(), adult_names(scenario)
    for question in (*scenario.pre, *scenario.post):
        if question.answers and question.correct_index >= 0:
            tally.add_question(
                [a.text for a in question.answers], question.correct_index, adults, locale
            )
    for node in scenario.nodes.values():
        if node.choices:
            tally.add_decision(
                [c.text for c in node.choices], [c.safety for c in node.choices], adults, locale
            )
    return tally
