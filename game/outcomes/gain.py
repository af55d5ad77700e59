"""The learning gain, measured honestly: paired, with its uncertainty.

Only a play (one session's go at one story) with answers both before and after the story
is a pair. Its difference is the share of right answers after minus the share before, in
percentage points (-100 to +100). For a set of pairs (a story, a topic, a group label):

- `mean`: the mean difference, the gain;
- `low`, `high`: its 95 % confidence interval, mean +- t(0.975, n-1) * sd / sqrt(n), with
  sd the sample standard deviation of the differences (none for a single pair), kept
  within -100..+100 points, the only possible gains;
- `effect`: the standardized effect size for paired data, Cohen's d_z = mean / sd (none
  when there is one pair or every difference is the same).

A gain whose interval includes zero is not clear yet: it may be chance. The differences are
counted exactly (fractions) before the one division at the end, so "every difference is
the same" is seen as exactly that, not as a tiny spread left over by rounding.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from fractions import Fraction

# t(0.975, df), the two-sided 95 % critical value of Student's t distribution, to 6 decimals
# (standard tables). Between the listed degrees of freedom it is interpolated linearly in
# 1/df, which is how the distribution approaches the normal value 1.959964 (df -> infinity).
T975 = {
    1: 12.706205,
    2: 4.302653,
    3: 3.182446,
    4: 2.776445,
    5: 2.570582,
    6: 2.446912,
    7: 2.364624,
    8: 2.306004,
    9: 2.262157,
    10: 2.228139,
    11: 2.200985,
    12: 2.178813,
    13: 2.160369,
    14: 2.144787,
    15: 2.131450,
    16: 2.119905,
    17: 2.109816,
    18: 2.100922,
    19: 2.093024,
    20: 2.085963,
    21: 2.079614,
    22: 2.073873,
    23: 2.068658,
    24: 2.063899,
    25: 2.059539,
    26: 2.055529,
    27: 2.051831,
    28: 2.048407,
    29: 2.045230,
    30: 2.042272,
    40: 2.021075,
    50: 2.008559,
    60: 2.000298,
    80: 1.990063,
    100: 1.983972,
    120: 1.979930,
    200: 1.971896,
    500: 1.964720,
    1000: 1.962339,
}
Z975 = 1.959964
_DFS = sorted(T975)


def t975(df: int) -> float:
    """The 0.975 quantile of Student's t distribution with `df` (>= 1) degrees of freedom."""
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, not {df}")
    if df in T975:
        return T975[df]
    at = bisect_left(_DFS, df)
    if at == len(_DFS):
        lo, hi, t_lo, t_hi = _DFS[-1], math.inf, T975[_DFS[-1]], Z975
    else:
        lo, hi = _DFS[at - 1], _DFS[at]
        t_lo, t_hi = T975[lo], T975[hi]
    share = (1 / lo - 1 / df) / (1 / lo - 1 / hi)  # 1/inf is 0
    return t_lo + share * (t_hi - t_lo)


@dataclass(frozen=True)
class Gain:
    """The paired gain of a set of plays, in percentage points (see the module docstring)."""

    n: int = 0  # pairs
    mean: float | None = None
    sd: float | None = None
    low: float | None = None
    high: float | None = None
    effect: float | None = None

    @property
    def interval(self) -> tuple[float, float] | None:
        return None if self.low is None or self.high is None else (self.low, self.high)

    @property
    def unchanged(self) -> bool:
        """Every pair scored the same before and after: no change, and no doubt about it."""
        return self.n > 1 and self.sd == 0 and self.mean == 0

    @property
    def clear(self) -> bool:
        """True when the interval leaves zero out: more than chance (up or down)."""
        interval = self.interval
        return interval is not None and (interval[0] > 0 or interval[1] < 0)


Counts = dict  # (pre right, pre answered, post right, post answered) -> number of pairs


def paired(counts: Counts) -> Gain:
    """The gain of pairs given as counts of (pre_ok, pre_n, post_ok, post_n); pairs with no
    answer before or none after are not pairs and are left out."""
    diffs: dict[Fraction, int] = {}
    for (pre_ok, pre_n, post_ok, post_n), count in counts.items():
        if pre_n > 0 and post_n > 0 and count > 0:
            d = Fraction(100 * post_ok, post_n) - Fraction(100 * pre_ok, pre_n)
            diffs[d] = diffs.get(d, 0) + count
    return of_differences(diffs)


def of_differences(diffs: dict[Fraction, int]) -> Gain:
    """The gain of differences (in points) given with how often each occurs."""
    n = sum(diffs.values())
    if n == 0:
        return Gain()
    mean = sum(d * c for d, c in diffs.items()) / n
    if n == 1:
        return Gain(1, float(mean))
    variance = sum(c * (d - mean) ** 2 for d, c in diffs.items()) / (n - 1)
    sd = math.sqrt(variance)
    half = t975(n - 1) * sd / math.sqrt(n)
    effect = float(mean) / sd if variance else None
    low, high = (max(-100.0, min(100.0, v)) for v in (float(mean) - half, float(mean) + half))
    return Gain(n, float(mean), sd, low, high, effect)
