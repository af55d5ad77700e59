"""Break the story file many ways and count what `check` does with it: tracebacks (there
should be none) and diagnostics that are not exactly one line (none either).

    python tools/fuzz_check.py [N] [--whole]

N broken copies (10,000 by default) of the shipped file's first story (or, with --whole, of
the whole file), made by tests/mutations.py with a fixed seed, so a run can be repeated.
"""

from __future__ import annotations

import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content import check_bytes  # noqa: E402
from tests.mutations import mutate  # noqa: E402
from tests.test_check_fuzz import BREAKS, ONE_STORY, SHIPPED  # noqa: E402


def main(argv: list[str]) -> int:
    count = int(next((a for a in argv if a.isdigit()), "10000"))
    base = SHIPPED if "--whole" in argv else ONE_STORY
    rng = random.Random(2026)
    crashes: Counter[str] = Counter()
    first: dict[str, str] = {}
    multi: Counter[str] = Counter()
    total = 0
    started = time.perf_counter()
    for _ in range(count):
        raw = mutate(base, rng)
        try:
            _content, diags = check_bytes(raw, "scenarios.yaml")
        except Exception as exc:  # noqa: BLE001 - counted and shown, that is the point
            key = f"{type(exc).__name__}: {exc}"[:100]
            crashes[key] += 1
            first.setdefault(key, traceback.format_exc())
            continue
        for d in diags:
            total += 1
            if any(
                c in shown
                for shown in (d.format(), d.format_github(), d.format_json())
                for c in BREAKS
            ):
                multi[d.code] += 1
    seconds = time.perf_counter() - started
    print(
        f"{count} broken files in {seconds:.1f} s: {sum(crashes.values())} tracebacks, "
        f"{sum(multi.values())} of {total} diagnostics on more than one line"
    )
    for key, n in crashes.most_common(5):
        print(f"{n} x {key}\n{first[key]}")
    for code, n in multi.most_common(5):
        print(f"{n} x {code} on more than one line")
    return 1 if crashes or multi else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
