"""How `python -m game report` scales: 250,000, 500,000 and 1,000,000 events in 100 files.

Run from the repository root:

    python bench/report_scale.py              # generate, then time the three sizes
    python bench/report_scale.py --keep DIR   # keep the generated files in DIR

The 100 files alternate between outcome databases (as the game writes them) and xAPI
exports (as `python -m game export` writes them), 10,000 events each, from sessions that
play the shipped scenarios. The smaller sizes use the first 25 and 50 files; a last row
reads 10 of the exports twice (under other names) to time the de-duplication of sessions
found in several files. Each report runs in its own process, 3 times per row (--runs); the
figures are the median wall-clock time, the peak resident memory of its largest process
(the kernel's ru_maxrss, also for the worker processes it starts) and of all its processes
together (sampled from /proc). The target at 1,000,000 events is at most 5 s and at most
150 MB for all the processes together. Nothing here fails on time: the script prints and
exits 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content import check_file  # noqa: E402
from game.outcomes import schema, xapi  # noqa: E402
from game.resources import SCENARIOS_FILE  # noqa: E402

FILES = 100
PER_FILE = 10_000
SIZES = (25, 50, 100)  # files per run: 250k, 500k, 1M events
TARGET_S, TARGET_MB = 5.0, 150.0  # at 1,000,000 events: median time, all processes' memory
RUNS = 3
DUPLICATED = 10  # files that are read a second time, under another name, in the last row
GROUPS = [f"class {n}" for n in range(1, 31)]


def answers(rng: random.Random, scenario, phase: str):
    right = 0.55 if phase == "pre" else 0.8  # children learn something
    for question in scenario.pre if phase == "pre" else scenario.post:
        yield (
            "answer",
            {
                "scenario": scenario.id,
                "phase": phase,
                "question": question.id,
                "correct": rng.random() < right,
            },
        )


def play(rng: random.Random, scenario):
    """The events of one play: (kind, fields) in order; one play in ten is abandoned."""
    yield "scenario_started", {"scenario": scenario.id}
    yield from answers(rng, scenario, "pre")
    node = scenario.nodes[scenario.start]
    while node.choices:
        choice = rng.choice(node.choices)
        yield (
            "decision",
            {
                "scenario": scenario.id,
                "node": node.id,
                "choice": choice.id,
                "safety": choice.safety,
            },
        )
        node = scenario.nodes[choice.goto]
    if rng.random() < 0.1:
        yield "scenario_abandoned", {"scenario": scenario.id, "node": node.id, "seconds": 60}
        return
    yield from answers(rng, scenario, "post")
    yield "scenario_completed", {"scenario": scenario.id, "node": node.id, "seconds": 180}


def sessions(rng: random.Random, content, count: int):
    """(session row, event rows) until `count` events were made."""
    made = 0
    while made < count:
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        row = {
            "id": sid,
            "started": f"2026-{rng.randint(3, 11):02d}-{rng.randint(1, 28):02d}"
            f"T{rng.randint(8, 17):02d}:00:00Z",
            "locale": rng.choice(("pt_BR", "th", "en")),
            "age_band": rng.choice(("9-12", "13-17", "")),
            "grp": rng.choice(GROUPS),
            "content_version": content.version,
        }
        events = []
        for scenario in rng.sample(content.scenarios, rng.randint(1, len(content.scenarios))):
            for kind, fields in play(rng, scenario):
                seq = len(events) + 1
                events.append(
                    {
                        "session": sid,
                        "seq": seq,
                        "kind": kind,
                        "scenario": fields["scenario"],
                        "node": fields.get("node", ""),
                        "choice": fields.get("choice", ""),
                        "safety": fields.get("safety", ""),
                        "phase": fields.get("phase", ""),
                        "question": fields.get("question", ""),
                        "correct": None if "correct" not in fields else int(fields["correct"]),
                        "seconds": fields.get("seconds"),
                        "ts": row["started"][:14] + f"{min(seq, 59):02d}:00Z",
                        "count": None,
                    }
                )
        events = events[: count - made]
        made += len(events)
        yield row, events


def write_database(path: Path, batch) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    schema.create(conn)
    conn.execute("BEGIN")
    cols = schema.EVENT_COLUMNS
    for row, events in batch:
        conn.execute(
            "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)",
            tuple(row[c] for c in schema.SESSION_COLUMNS),
        )
        conn.executemany(
            f"INSERT INTO events VALUES ({', '.join('?' * len(cols))})",
            [tuple(e[c] for c in cols) for e in events],
        )
    conn.execute("COMMIT")
    conn.close()


def write_export(path: Path, batch) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for row, events in batch:
            out.writelines(xapi.dumps(event, row) + "\n" for event in events)


def generate(folder: Path, content) -> list[Path]:
    """The input files (made only if they are not all there yet)."""
    paths = [folder / f"pc{n:03d}.{'sqlite3' if n % 2 == 0 else 'jsonl'}" for n in range(FILES)]
    if all(p.exists() for p in paths):
        return paths
    rng = random.Random(2026)
    for path in paths:
        path.unlink(missing_ok=True)
        batch = list(sessions(rng, content, PER_FILE))
        if path.suffix == ".sqlite3":
            write_database(path, batch)
        else:
            write_export(path, batch)
    return paths


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its children, from /proc (0 where there is none)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(paths: list[Path], out: Path) -> tuple[float, float, float, int]:
    """One `report` run in a fresh process: seconds, peak RSS of its largest process (the
    kernel's ru_maxrss), peak RSS of all its processes together (sampled every 20 ms), MB,
    and the exit code."""
    command = [
        sys.executable,
        "-m",
        "game",
        "report",
        *map(str, paths),
        "--html",
        str(out / "report.html"),
        "--csv",
        str(out / "report.csv"),
    ]
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    together = 0
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        together = max(together, tree_rss(child.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, together / 2**20, child.returncode


def row(
    label: str, events: int, paths: list[Path], folder: Path, target: bool, repeat: int
) -> None:
    runs = [measure(paths, folder) for _ in range(repeat)]
    times = sorted(r[0] for r in runs)
    largest, together = max(r[1] for r in runs), max(r[2] for r in runs)
    median = statistics.median(times)
    verdict = ""
    if target:
        ok = median <= TARGET_S and together <= TARGET_MB
        verdict = f"<= {TARGET_S:.0f} s, <= {TARGET_MB:.0f} MB all: {'ok' if ok else 'over'}"
    failed = {r[3] for r in runs} - {0}
    print(
        f"{label:<22} {median:>6.2f} s ({times[0]:.2f}-{times[-1]:.2f})  {largest:>6.1f} MB"
        f"  {together:>6.1f} MB  {median / events * 1e6:>6.2f}  {verdict}"
        + (f"  (exit {failed})" if failed else "")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="generate into DIR and keep the files (made once, then reused)",
    )
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"runs per row (default {RUNS}; 1 is quicker)"
    )
    args = parser.parse_args()
    content, _ = check_file(str(SCENARIOS_FILE))
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nh-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    try:
        start = time.perf_counter()
        paths = generate(folder, content)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"{FILES} files, {FILES * PER_FILE:,} events, {size:.0f} MB "
            f"(made in {time.perf_counter() - start:.1f} s); {args.runs} runs per row\n"
        )
        print(
            f"{'input':<22} {'time: median (range)':<24} {'peak RSS':>8}  {'all procs':>9}"
            f"  {'us/event':>6}  target"
        )
        for files in SIZES:
            events = files * PER_FILE
            row(f"{events:,} events", events, paths[:files], folder, files == FILES, args.runs)
        copies = []
        for path in [p for p in paths if p.suffix == ".jsonl"][:DUPLICATED]:
            copies.append(folder / f"again-{path.name}")
            shutil.copy(path, copies[-1])
        row(
            f"+{DUPLICATED * PER_FILE:,} duplicates",
            FILES * PER_FILE,
            paths + copies,
            folder,
            False,
            args.runs,
        )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
