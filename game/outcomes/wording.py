"""The words for the learning gain and the self-efficacy item, in the educator's language:
shared by the HTML report and the in-game class results, so both say the same thing.

A gain is shown as a number only when its 95 % interval leaves zero out; otherwise it is
"not clear yet", whatever the number. When there is no gain at all, the words say why.
Percentages are formatted by the caller (`pct`), which knows its own style.
"""

from __future__ import annotations

from ..i18n import N_, _, ngettext
from .aggregate import Row
from .gain import Gain

NOT_CLEAR = N_("not clear yet")
UNCHANGED = N_("no change")
LEVEL = "95%"  # the intervals' confidence level, as {confidence} (no % sign in a msgid)
# Why a row has no gain (codes for the JSON figures, words for people).
MISSING = {
    "no_answers": N_("No learning gain yet: no questions were answered."),
    "only_pre": N_("No learning gain yet: only the questions before the story were answered."),
    "only_post": N_("No learning gain yet: only the questions after the story were answered."),
    "no_pairs": N_(
        "No learning gain yet: nobody answered the questions both before and after the story."
    ),
}


def missing(row: Row) -> str:
    """Why `row` has no gain, as a code of MISSING ('' when it has one)."""
    if row.paired.n:
        return ""
    if row.pre_n and row.post_n:
        return "no_pairs"
    return "only_pre" if row.pre_n else "only_post" if row.post_n else "no_answers"


def signed(value: float) -> str:
    return f"{round(value):+d}"


def points(value: float) -> str:
    return _("{points} points").format(points=signed(value))


def headline(gain: Gain) -> str:
    """The gain as shown in a table cell: '+25 points', 'not clear yet' or '–'."""
    if not gain.n:
        return "–"
    if gain.unchanged:
        return _(UNCHANGED)
    return points(gain.mean) if gain.clear and gain.mean is not None else _(NOT_CLEAR)


def detail(gain: Gain) -> str:
    """How sure the gain is: the interval and the number of pairs ('' without pairs)."""
    if not gain.n:
        return ""
    pairs = ngettext(
        "{n} session answered before and after", "{n} sessions answered before and after", gain.n
    ).format(n=gain.n)
    if gain.interval is None or gain.unchanged:
        return pairs
    low, high = gain.interval
    span = _("{confidence} interval: {low} to {high} points").format(
        confidence=LEVEL, low=signed(low), high=signed(high)
    )
    return f"{pairs}; {span}"


def screen_line(row: Row) -> str:
    """One short line for the class results screen."""
    gain = row.paired
    if not gain.n:
        return _("Learning gain: needs answers before and after")
    if gain.unchanged:
        return _("Learning gain: no change (the same before and after)")
    if not gain.clear or gain.interval is None or gain.mean is None:
        return _("Learning gain: not clear yet")
    low, high = gain.interval
    return _("Learning gain: {gain} ({confidence} interval {low} to {high})").format(
        gain=points(gain.mean), confidence=LEVEL, low=signed(low), high=signed(high)
    )


def efficacy_line(row: Row, pct) -> str:
    """The self-efficacy item on its own line ('' when nobody answered it)."""
    before, after = (sum(row.efficacy(phase)) for phase in ("pre", "post"))
    if not before and not after:
        return ""
    return _(
        "Would they know what to do and who to tell? {before} said yes before the story "
        "and {after} after ({n_before} and {n_after} answers). This is how sure they "
        "feel, not a score."
    ).format(
        before=pct(row.efficacy_yes("pre")),
        after=pct(row.efficacy_yes("post")),
        n_before=before,
        n_after=after,
    )


def efficacy_short(row: Row, pct) -> str:
    """The self-efficacy item for the class results screen ('' when nobody answered it)."""
    if not any(row.efficacy("pre")) and not any(row.efficacy("post")):
        return ""
    return _("Knows what to do: {before} before, {after} after").format(
        before=pct(row.efficacy_yes("pre")), after=pct(row.efficacy_yes("post"))
    )
