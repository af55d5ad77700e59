"""Net Heroes benchmarks: start-up, chat frame cost, peak memory, load + check time.

Run from the repository root:

    python bench/run.py             # every figure, one table
    python bench/run.py --profile   # also: where a chat frame and a big check spend time
    python bench/run.py --only startup   # one part: startup, frames or check

The figures are printed with their targets and "ok" or "over". Nothing here fails on time:
the script always exits 0 once it has printed its table.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = {
    "SDL_VIDEODRIVER": "dummy",
    "SDL_AUDIODRIVER": "dummy",
    "PYGAME_HIDE_SUPPORT_PROMPT": "1",
}
os.environ.update(HEADLESS)
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(Path(__file__).resolve().parent))

import pygame  # noqa: E402  (after the SDL drivers are chosen)
import synthetic  # noqa: E402

START_RUNS = 5
NOCACHE_RUNS = 3
FRAMES = 600
WARM_FRAMES = 60
CHECK_SIZES = (500, 1_000, 2_000, 4_000)
LOCALES = ("en", "pt_BR", "th")  # every language the game ships
CHECK_REPEATS = 3
DT = 1 / 60

# Each child reports as soon as its first frame is on screen: elapsed ms inside the script
# (imports and all, interpreter start-up excluded) and the peak RSS so far in KB.
BARE_CHILD = """\
import time
t0 = time.perf_counter()
import resource
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720), @FLAGS@)
screen.fill((94, 180, 255))
pygame.display.flip()
t1 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
"""

GAME_CHILD = """\
import time
t0 = time.perf_counter()
import resource
import sys
sys.path.insert(0, @ROOT@)
import game.app
import pygame
from game.content import cache
from game.resources import SCENARIOS_FILE
story = cache.story(SCENARIOS_FILE, defer=True)  # as `play` reads it
app = game.app.App(story, sound=False, locale=@LOCALE@)
app.start()
app.frame(1 / 60, [])
pygame.display.flip()
t1 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
# Then what play does after the first frame, and the menu's first look at the stories.
if any(d.is_error for d in story.check()):
    sys.exit("scenarios.yaml does not check clean")
assert app.content.scenarios
t2 = time.perf_counter()
print(f"{(t2 - t0) * 1000:.3f}", flush=True)
"""


# -- results -----------------------------------------------------------------------------
class Table:
    """Rows of (figure, measured, target, verdict); a verdict is 'ok', 'over' or ''."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, name: str, value: str, target: str = "", verdict: str = "") -> None:
        self.rows.append((name, value, target, verdict))

    def check(self, name: str, value: float, limit: float, unit: str, fmt: str = ".1f") -> None:
        shown = f"{value:{fmt}}"  # the verdict goes with the figure as printed
        self.add(
            name,
            f"{shown} {unit}",
            f"<= {limit:g} {unit}",
            "ok" if float(shown) <= limit else "over",
        )

    def print(self) -> None:
        heads = ("figure", "measured", "target", "result")
        widths = [max(len(h), *(len(r[i]) for r in self.rows)) for i, h in enumerate(heads)]
        line = "  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))
        print(line)
        print("-" * len(line))
        for row in self.rows:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def percentile(values, q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


# -- the machine -------------------------------------------------------------------------
def machine() -> None:
    section("machine")
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    import yaml

    sdl = ".".join(map(str, pygame.get_sdl_version()))
    print(f"platform   {platform.platform()}")
    print(f"cpu        {cpu}; {os.cpu_count()} logical CPUs, {usable} usable")
    print(f"python     {platform.python_implementation()} {platform.python_version()}")
    print(f"pygame-ce  {pygame.version.ver} (SDL {sdl})")
    print(f"PyYAML     {yaml.__version__} (libyaml: {'yes' if yaml.__with_libyaml__ else 'no'})")


# -- 1 and 3: start-up and peak memory, each in a fresh process ------------------------------
def run_child(code: str, env: dict) -> tuple[float, float, int, float]:
    """(ms from launch to the child's report, ms the child measured itself, peak RSS KB,
    ms the child measured until its stories were ready, or NaN)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    reported = time.perf_counter()
    rest, err = proc.communicate()
    if proc.returncode != 0 or not line.strip():
        raise RuntimeError(f"the child process failed (exit {proc.returncode}):\n{err.strip()}")
    inner, rss = line.split()
    ready = float(rest.split()[0]) if rest.strip() else math.nan
    return (reported - start) * 1000, float(inner), int(rss), ready


def child_env(pycache: str, write: bool = True, story_cache: str = "") -> dict:
    """The children's environment. Bytecode is read from the `pycache` folder only (as an
    installed game has its .pyc files); with write=False nothing is written there either, so
    an empty folder makes every module compile from source at each start. `story_cache` is
    the folder of the game's story cache (never the user's own)."""
    env = {
        **os.environ,
        **HEADLESS,
        "PYTHONPYCACHEPREFIX": pycache,
        "NET_HEROES_CACHE_DIR": story_cache,
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def startup(table: Table) -> None:
    section(
        f"start-up to the first drawn frame: fresh processes, {START_RUNS} runs each "
        "after one warm-up"
    )
    game_code = GAME_CHILD.replace("@ROOT@", repr(str(ROOT)))
    # "bare scaled" opens the kind of window the game opens (SCALED | RESIZABLE, scaled to
    # any window size); shown for reference, the targets are against the plain window.
    kinds = {
        "bare": BARE_CHILD.replace("@FLAGS@", "0"),
        "bare scaled": BARE_CHILD.replace("@FLAGS@", "pygame.SCALED | pygame.RESIZABLE"),
        **{f"game {locale}": game_code.replace("@LOCALE@", repr(locale)) for locale in LOCALES},
    }
    # "cold": the story cache cannot be written (its folder would be inside a file), so every
    # start parses and checks scenarios.yaml, as the very first start after an install does.
    cold_kinds = {f"cold {locale}": kinds[f"game {locale}"] for locale in LOCALES}
    runs: dict[str, list[tuple[float, float, int, float]]] = {k: [] for k in (*kinds, *cold_kinds)}
    with tempfile.TemporaryDirectory() as pycache, tempfile.TemporaryDirectory() as stories:
        blocked = Path(stories) / "not-a-folder"
        blocked.write_text("")
        envs = {kind: child_env(pycache, story_cache=stories) for kind in kinds}
        envs.update(
            {kind: child_env(pycache, story_cache=str(blocked / "cache")) for kind in cold_kinds}
        )
        codes = {**kinds, **cold_kinds}
        for kind, code in codes.items():
            run_child(code, envs[kind])  # fills the bytecode, story and file caches; not counted
        for _ in range(START_RUNS):
            for kind, code in codes.items():  # interleaved, so a busy moment hits all alike
                runs[kind].append(run_child(code, envs[kind]))
    med = {}
    for kind in runs:
        walls = [r[0] for r in runs[kind]]
        inner = [r[1] for r in runs[kind]]
        rss = [r[2] for r in runs[kind]]
        med[kind] = (
            statistics.median(walls),
            statistics.median(inner),
            statistics.median(rss) / 1024,
            statistics.median(r[3] for r in runs[kind]),
        )
        print(
            f"{kind:11} launch->frame ms: {', '.join(f'{w:.0f}' for w in walls)}; "
            f"in-script ms: {', '.join(f'{x:.0f}' for x in inner)}; "
            f"peak RSS MB: {', '.join(f'{x / 1024:.1f}' for x in rss)}"
        )
    # Both starts again where no bytecode can be cached: every module compiles each time.
    nocache: dict[str, list[float]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as stories:
        for _ in range(NOCACHE_RUNS):
            for kind, code in kinds.items():
                env = child_env(empty, write=False, story_cache=stories)
                nocache[kind].append(run_child(code, env)[0])
    for kind in kinds:
        print(
            f"{kind:11} with no bytecode cache (every module compiled), launch->frame ms: "
            f"{', '.join(f'{w:.0f}' for w in nocache[kind])}"
        )
    # The real command as a player starts it, whole process from launch to exit (the bare
    # window's process too), with warm caches: what anyone can time with ordinary tools.
    whole: dict[str, list[float]] = {"bare": [], **{f"play {loc}": [] for loc in LOCALES}}
    with tempfile.TemporaryDirectory() as pycache, tempfile.TemporaryDirectory() as home:
        env = {
            **child_env(pycache, story_cache=str(Path(home) / "cache")),
            "NET_HEROES_CONFIG_DIR": str(Path(home) / "config"),
        }
        commands = {
            "bare": [sys.executable, "-c", kinds["bare"]],
            **{
                f"play {loc}": [
                    sys.executable,
                    "-m",
                    "game",
                    "play",
                    "--locale",
                    loc,
                    "--frames",
                    "1",
                    "--no-sound",
                    "--data-dir",
                    str(Path(home) / "data"),
                ]
                for loc in LOCALES
            },
        }
        for round_ in range(START_RUNS + 1):
            for kind, command in commands.items():
                start = time.perf_counter()
                subprocess.run(
                    command,
                    cwd=ROOT,
                    env=env,
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                if round_:  # the first round warms the caches and is not counted
                    whole[kind].append((time.perf_counter() - start) * 1000)
    for kind, walls in whole.items():
        print(f"{kind:11} whole process, launch->exit ms: {', '.join(f'{w:.0f}' for w in walls)}")
    bare, scaled = med["bare"], med["bare scaled"]
    table.add("start-up, bare pygame-ce (median)", f"{bare[0]:.0f} ms")
    table.add("  bare with the game's SCALED window", f"{scaled[0]:.0f} ms")
    table.add("peak RSS at first frame, bare", f"{bare[2]:.1f} MB")
    for locale in LOCALES:  # a Thai or Brazilian player is a real player: each is measured
        game, cold = med[f"game {locale}"], med[f"cold {locale}"]
        table.add(f"start-up, game {locale}, warm story cache", f"{game[0]:.0f} ms")
        table.check(f"  ratio game {locale} / bare, warm cache", game[0] / bare[0], 1.5, "x", ".2f")
        table.add(
            f"  ratio game {locale} / bare scaled, warm cache", f"{game[0] / scaled[0]:.2f} x"
        )
        table.add(f"start-up, game {locale}, no story cache", f"{cold[0]:.0f} ms")
        table.check(f"  ratio game {locale} / bare, no cache", cold[0] / bare[0], 1.5, "x", ".2f")
        table.add(
            "  in-script part, bare / warm / no cache",
            f"{bare[1]:.0f} / {game[1]:.0f} / {cold[1]:.0f} ms",
        )
        table.add(
            "  in-script, until the stories are ready, warm / no cache",
            f"{game[3]:.0f} / {cold[3]:.0f} ms",
        )
        table.add(
            f"  no bytecode cache, bare / game {locale}",
            f"{statistics.median(nocache['bare']):.0f} / "
            f"{statistics.median(nocache[f'game {locale}']):.0f} ms",
        )
        play, plain = statistics.median(whole[f"play {locale}"]), statistics.median(whole["bare"])
        table.add(
            f"  python -m game play --frames 1, {locale} / bare, whole process",
            f"{play:.0f} / {plain:.0f} ms = {play / plain:.2f} x",
        )
        table.check(f"peak RSS at first frame, game {locale}", game[2], 80, "MB")
        table.add(f"peak RSS ratio game {locale} / bare", f"{game[2] / bare[2]:.2f} x")


# -- 2: CPU per frame in the chat scene ------------------------------------------------------
def chat_app(locale: str = "en"):
    """An app showing the first scenario's first chat node in `locale`, all messages in,
    choices offered. Returns (app, scene, warnings pygame gave while opening the window)."""
    from game.app import App
    from game.content import check_file
    from game.flow import Play
    from game.resources import SCENARIOS_FILE
    from scenes.chat import ChatScene

    content, diags = check_file(SCENARIOS_FILE)
    if content is None or any(d.is_error for d in diags):
        raise RuntimeError("scenarios.yaml does not check clean")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = App(content, sound=False, locale=locale)
    app.start()
    scenario = app.content.scenarios[0]  # in the player's language
    Play(app, scenario).show_node()  # straight to the story; the pre questions are skipped
    for _ in range(3):
        app.frame(DT, [])
    scene = app.top
    if not isinstance(scene, ChatScene):
        raise RuntimeError(f"expected a chat scene, got {type(scene).__name__}")
    scene.skip()
    return app, scene, [str(w.message) for w in caught]


class Frames:
    """Per-frame CPU ms of drawing, of presenting (flip) and of both, and wall ms of both."""

    def __init__(self, draw, count: int):
        self.draw, self.flip, self.total, self.wall = [], [], [], []
        clock, wall = time.process_time_ns, time.perf_counter_ns
        for _ in range(count):
            c0, w0 = clock(), wall()
            draw()
            c1 = clock()
            pygame.display.flip()
            c2, w2 = clock(), wall()
            self.draw.append((c1 - c0) / 1e6)
            self.flip.append((c2 - c1) / 1e6)
            self.total.append((c2 - c0) / 1e6)
            self.wall.append((w2 - w0) / 1e6)

    def line(self, name: str) -> str:
        med = statistics.median
        return (
            f"{name}: CPU median {med(self.total):.3f} ms (draw {med(self.draw):.3f} + "
            f"flip {med(self.flip):.3f}), p99 {percentile(self.total, 99):.3f} ms, "
            f"max {max(self.total):.3f} ms; wall median {med(self.wall):.3f} ms"
        )


def chat_frames(table: Table) -> None:
    section(
        f"CPU per frame, chat scene at 1280x720: {FRAMES} frames after {WARM_FRAMES} warm-up frames"
    )
    c0 = time.process_time_ns()
    app, scene, said = chat_app()
    first = Frames(lambda: app.frame(DT, []), 1)
    setup = (time.process_time_ns() - c0) / 1e6
    Frames(lambda: app.frame(DT, []), WARM_FRAMES)
    if app.top is not scene or not scene.offered or scene.shown < len(scene.messages):
        raise RuntimeError("the chat scene did not settle with its choices offered")
    game = Frames(lambda: app.frame(DT, []), FRAMES)
    for message in said:
        print(f"pygame said when the window opened: {message}")
    print(
        f"scene: {scene.scenario.id} / {scene.node.id}: {len(scene.play.thread)} bubbles, "
        f"{len(scene.buttons.buttons)} choices; window {app.screen.get_size()}, "
        f"display driver {pygame.display.get_driver()}"
    )
    print(
        f"set-up CPU (load, App, first frame after skip) {setup:.0f} ms, of which the "
        f"first frame {first.total[0]:.1f} ms"
    )

    # The bare loop draws on the same window, so both pay the same price for flip().
    screen = pygame.display.get_surface()
    sprites = []
    for size, color, spot in (
        ((760, 612), (234, 240, 255, 255), (40, 84)),
        ((410, 612), (246, 248, 255, 255), (830, 84)),
        ((470, 90), (255, 255, 255, 230), (116, 400)),
        ((48, 48), (162, 125, 255, 255), (58, 450)),
    ):
        surface = pygame.Surface(size, pygame.SRCALPHA)
        surface.fill(color)
        sprites.append((surface, spot))

    def bare_draw():
        screen.fill((94, 180, 255))
        for surface, spot in sprites:
            screen.blit(surface, spot)

    Frames(bare_draw, WARM_FRAMES)
    bare = Frames(bare_draw, FRAMES)
    print(game.line("game"))
    print(bare.line("bare (fill + 4 alpha blits + flip)"))

    med, p99 = statistics.median(game.total), percentile(game.total, 99)
    bmed, bp99 = statistics.median(bare.total), percentile(bare.total, 99)
    table.check("chat frame CPU, median", med, 2, "ms", ".2f")
    table.check("chat frame CPU, p99", p99, 6, "ms", ".2f")
    table.add("  of which flip(), median", f"{statistics.median(game.flip):.2f} ms")
    table.add("bare loop frame CPU, median / p99", f"{bmed:.2f} / {bp99:.2f} ms")
    table.add("chat frame ratio game / bare (median)", f"{med / bmed:.2f} x")
    # The same scene in the other languages (Thai text is shaped and broken differently).
    for locale in ("pt_BR", "th"):
        other, other_scene, _said = chat_app(locale)
        step = other.frame

        def frame(step=step):
            step(DT, [])

        Frames(frame, WARM_FRAMES)
        if not other_scene.offered:
            raise RuntimeError(f"the {locale} chat scene did not settle")
        frames = Frames(frame, FRAMES)
        print(frames.line(f"game {locale}"))
        omed = statistics.median(frames.total)
        table.check(f"chat frame CPU, median, {locale}", omed, 2, "ms", ".2f")
        table.add(f"  ratio game {locale} / bare (median)", f"{omed / bmed:.2f} x")


# -- 4: load + check time for big synthetic files --------------------------------------------
def best_ms(call, repeats: int) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(repeats):
        result = None  # the previous result must not stay alive while the next one is built
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best * 1000, result


CHECK_CHILD = """\
import sys, time
sys.path[:0] = [@ROOT@, @BENCH@]
import synthetic
from game.content import check_file
from game.content.rules import run_rules
check_file(@WARMUP@)  # imports and first-use costs are not the file's
t0 = time.perf_counter()
content, diags = check_file(@PATH@)
t1 = time.perf_counter()
list(run_rules(content)) if content is not None else None
t2 = time.perf_counter()
nodes = sum(len(s.nodes) for s in content.scenarios) if content else 0
scenarios = len(content.scenarios) if content else 0
print((t1 - t0) * 1000, (t2 - t1) * 1000, nodes, scenarios, len(diags))
for d in diags[:5]:
    print("   ", d.format())
"""


def load_check(table: Table) -> None:
    section(
        f"load + check of synthetic files ({synthetic.NODES_PER_SCENARIO} nodes per "
        f"scenario): each in a fresh process, as `check` runs, best of {CHECK_REPEATS}"
    )
    print("  'rules' is the rule pass alone (run again on the loaded model)")
    print(
        f"{'nodes':>6} {'scenarios':>9} {'file KB':>8} {'check ms':>9} {'rules ms':>9} "
        f"{'ms/1000 nodes':>14} {'diagnostics':>11}"
    )
    per_thousand = []
    with tempfile.TemporaryDirectory() as folder:
        warmup = Path(folder) / "warmup.yaml"
        warmup.write_text(synthetic.scenario_text(synthetic.NODES_PER_SCENARIO), encoding="utf-8")
        for size in CHECK_SIZES:
            path = Path(folder) / f"synthetic_{size}.yaml"
            path.write_text(synthetic.scenario_text(size), encoding="utf-8")
            code = (
                CHECK_CHILD.replace("@ROOT@", repr(str(ROOT)))
                .replace("@BENCH@", repr(str(Path(__file__).resolve().parent)))
                .replace("@WARMUP@", repr(str(warmup)))
                .replace("@PATH@", repr(str(path)))
            )
            runs = []
            for _ in range(CHECK_REPEATS):
                out = subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout.splitlines()
                runs.append(out)
            best = min(runs, key=lambda lines: float(lines[0].split()[0]))
            check_ms, rules_ms, nodes, scenarios, count = best[0].split()
            ms, nodes, count = float(check_ms), int(nodes), int(count)
            kb = path.stat().st_size / 1024
            print(
                f"{nodes:>6} {scenarios:>9} {kb:>8.0f} {ms:>9.0f} {float(rules_ms):>9.0f} "
                f"{ms / max(nodes, 1) * 1000:>14.0f} {count:>11}",
                flush=True,
            )
            for line in best[1:]:
                print(line)
            label = f"load + check, {size:,} nodes"
            if count or nodes != size:
                table.add(label, f"{ms:.0f} ms", "", f"invalid input ({count} diagnostics)")
                continue
            per_thousand.append(ms / nodes * 1000)
            if size == 2_000:
                table.check(label, ms, 200, "ms", ".0f")
            else:
                table.add(label, f"{ms:.0f} ms ({ms / nodes * 1000:.0f} per 1,000 nodes)")
    if len(per_thousand) == len(CHECK_SIZES):
        spread = (max(per_thousand) / min(per_thousand) - 1) * 100
        table.check(
            f"  ms per 1,000 nodes, {CHECK_SIZES[0]:,} to {CHECK_SIZES[-1]:,}: spread",
            spread,
            10,
            "%",
            ".0f",
        )


# -- optional profiles -----------------------------------------------------------------------
def profiles() -> None:
    import cProfile
    import pstats

    from game.content import check_file

    section("profile: 600 chat frames (app.frame + flip), top functions by own time")
    app, _scene, _said = chat_app()
    for _ in range(WARM_FRAMES):
        app.frame(DT, [])
        pygame.display.flip()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(FRAMES):
        app.frame(DT, [])
        pygame.display.flip()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    section("profile: check_file on 2,000 synthetic nodes, top functions by cumulative time")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.yaml"
        path.write_text(synthetic.scenario_text(2_000), encoding="utf-8")
        profiler = cProfile.Profile()
        profiler.enable()
        check_file(path)
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--profile", action="store_true", help="also profile a chat frame and a big check (slower)"
    )
    parser.add_argument(
        "--only", choices=("startup", "frames", "check"), help="measure one part only"
    )
    args = parser.parse_args(argv)
    parts = {"startup": startup, "frames": chat_frames, "check": load_check}

    machine()
    table = Table()
    for name, part in parts.items():
        if args.only and name != args.only:
            continue
        try:
            part(table)
        except Exception as exc:  # a broken part must not hide the figures of the others
            print(f"{part.__name__}: not measured: {type(exc).__name__}: {exc}")
            table.add(part.__name__, "not measured", "", "error")
    if args.profile:
        profiles()
    section("summary")
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
