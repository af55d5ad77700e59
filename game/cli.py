"""Command line: one function per subcommand; main(argv) returns the exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, i18n, theme
from .content import cache, check_file
from .log import warn_once
from .outcomes.commands import COMMANDS as OUTCOME_COMMANDS
from .outcomes.commands import add_commands, add_record_options, open_recorder
from .resources import SCENARIOS_FILE

# Imported where used, by the command that needs them (milliseconds of import on top of this
# module's, best of 5 runs): `check` needs no window, `play` no report.
#   game.app 22 ms; game.text 17 ms; game.kiosk 20 ms; game.modes 17 ms; game.flow 30 ms;
#   scenes.language 21 ms; all of pygame's cost, for play only; game.autoplay 29 ms;
#   game.guide 25 ms; game.listing 11 ms; game.content.translations 29 ms, with game.text;
#   game.content.strings 10 ms; game.content.diagnostics 4 ms;
#   game.operator_settings 5 ms; game.settings 3 ms; game.session 1 ms; game.outcomes
#   0 ms, already imported with game.outcomes.commands; game.speech with
#   game.speech.script 12 ms, for `voice script` only; game.storymap 11 ms, for `graph`;
#   game.newstory 6 ms, for `new`; game.classroom 1 ms, for --classroom;
#   game.content.schema 20 ms, for `schema`; game.watch 25 ms with watchfiles, for
#   `play --watch` only; game.transcript 0 ms, for `autoplay --node`


def _scenarios_arg(parser, flag=True):
    if flag:
        parser.add_argument(
            "--scenarios",
            metavar="FILE",
            default=None,
            help="the scenario file (default: the shipped scenarios.yaml)",
        )


def _start_args(parser) -> None:
    parser.add_argument(
        "--node",
        metavar="NODE",
        default=None,
        help="with --scenario: start the story at this node, without the questions before "
        "it (nothing is recorded)",
    )
    parser.add_argument(
        "--flag",
        metavar="F",
        action="append",
        default=[],
        help="with --node: this flag is set (give it again for more flags)",
    )


def build_parser() -> argparse.ArgumentParser:
    # The one-folder build is started by its own name (net-heroes.exe), not through Python.
    prog = Path(sys.argv[0]).name if getattr(sys, "frozen", False) else "python -m game"
    parser = argparse.ArgumentParser(
        prog=prog, description="Net Heroes: play and learn to stay safe online."
    )
    parser.add_argument("--version", action="version", version=f"Net Heroes {__version__}")
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play the game (the default)")
    _scenarios_arg(play)
    play.add_argument("--scenario", metavar="ID", help="start this scenario straight away")
    _start_args(play)
    play.add_argument(
        "--watch",
        action="store_true",
        help="for authors: take every save of the story file and the catalogs at once "
        "(nothing is recorded)",
    )
    play.add_argument(
        "--locale",
        default=None,
        metavar="L",
        help="pt_BR, th or en for this time (default: the language chosen "
        "before, or the picker at the first start)",
    )
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11)")
    play.add_argument("--no-sound", action="store_true", help="play silently")
    play.add_argument(
        "--frames",
        type=int,
        default=None,
        metavar="N",
        help="draw N frames and exit (to time a start from outside)",
    )
    play.add_argument(
        "--text-size",
        choices=tuple(theme.TEXT_SCALES),
        default=None,
        help="large text for small or far-away screens (default: the operator "
        "settings, else normal)",
    )
    play.add_argument(
        "--kiosk",
        action="store_true",
        help="for shared PCs: fullscreen, resets itself when left alone; "
        "quit with Ctrl+Shift+Q held for 2 seconds",
    )
    play.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="operator settings (default: operator.yaml in the settings folder)",
    )
    play.add_argument(
        "--classroom",
        metavar="GROUP",
        default=None,
        help="a facilitated class session on a projector, recorded under this "
        "group label: the educator records the class's votes (see "
        "docs/educators.md)",
    )
    add_record_options(play)
    play.set_defaults(func=cmd_play)

    check = sub.add_parser("check", help="find problems in a scenario file")
    check.add_argument("file", nargs="?", default=None, metavar="FILE")
    check.add_argument("--strict", action="store_true", help="warnings count as errors")
    check.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text: file:line:col lines; github: annotations; json: one JSON object a line",
    )
    check.add_argument(
        "--skip-translations",
        action="store_true",
        help="check the content only, not the pt_BR and th catalogs",
    )
    check.add_argument(
        "--config",
        nargs="?",
        const="",
        default=None,
        metavar="CONFIG",
        help="check an operator settings file instead (default: this machine's)",
    )
    check.set_defaults(func=cmd_check)

    auto = sub.add_parser("autoplay", help="play headless and print a transcript")
    _scenarios_arg(auto)
    which = auto.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every scenario (the default)")
    which.add_argument("--scenario", metavar="ID")
    _start_args(auto)
    auto.add_argument("--strategy", choices=("safe", "risky", "random"), default="safe")
    auto.add_argument(
        "--seed",
        type=int,
        default=0,
        help="the same seed gives the same answer order and the same random picks",
    )
    auto.add_argument("--locale", default="en", choices=("en", "pt_BR", "th"))
    auto.add_argument("--keys", action="store_true", help="use the keyboard instead of the mouse")
    add_record_options(auto)
    auto.add_argument(
        "--record",
        action="store_true",
        help="record this robot play as outcomes (off unless asked, or unless "
        "--data-dir is given: robot play must not count as children's)",
    )
    auto.set_defaults(func=cmd_autoplay)

    listing = sub.add_parser("list", help="the scenarios, their shape and translations")
    _scenarios_arg(listing)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=cmd_list)

    guide = sub.add_parser("guide", help="write the printable educator guide (HTML)")
    _scenarios_arg(guide)
    guide.add_argument("--locale", default="en", choices=("en", "pt_BR", "th"))
    guide.add_argument(
        "--out", metavar="FILE", required=True, help="the HTML file to write, e.g. guide-th.html"
    )
    guide.set_defaults(func=cmd_guide)

    graph = sub.add_parser("graph", help="the story map: nodes, choices by safety, endings")
    _scenarios_arg(graph)
    graph.add_argument("--scenario", metavar="ID", help="one story (default: every story)")
    graph.add_argument("--format", choices=("html", "svg", "dot"), default="html")
    graph.add_argument(
        "--out", metavar="FILE", required=True, help="the file to write, e.g. map.html"
    )
    graph.set_defaults(func=cmd_graph)

    new = sub.add_parser("new", help="start a new story: a skeleton added to the story file")
    new.add_argument("story_id", metavar="STORY_ID", help="lowercase letters, digits and _")
    new.add_argument("--age", required=True, choices=("9-12", "13-17"), help="the age band")
    _scenarios_arg(new)
    new.set_defaults(func=cmd_new)

    voice = sub.add_parser("voice", help="recorded narration: what is still to record")
    voice_sub = voice.add_subparsers(dest="voice_command", required=True)
    script = voice_sub.add_parser(
        "script", help="write the lines still to record for a language as a CSV (docs/voice.md)"
    )
    _scenarios_arg(script)
    script.add_argument("--locale", required=True, metavar="L", help="pt_BR, th or en")
    script.add_argument(
        "--out", metavar="FILE", required=True, help="the CSV file to write, e.g. voice-th.csv"
    )
    script.add_argument(
        "--voice-dir",
        metavar="FOLDER",
        default=None,
        help="the recorded voices, one folder a language (default: the game's assets/voice)",
    )
    script.set_defaults(func=cmd_voice_script)

    schema = sub.add_parser(
        "schema", help="the JSON Schema of the story file, for editors (docs/authoring.md)"
    )
    schema.add_argument(
        "--out", metavar="FILE", default=None, help="write it to FILE (default: print it)"
    )
    schema.set_defaults(func=cmd_schema)
    add_commands(sub)
    return parser


COMMANDS = (
    "play",
    "check",
    "autoplay",
    "list",
    "guide",
    "graph",
    "new",
    "voice",
    "schema",
    *OUTCOME_COMMANDS,
)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]  # `python -m game --fullscreen` plays
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _load(path, stream=None, strict=False, fmt="text", cached=True):
    """Load and check (from the story cache unless `cached` is False); print diagnostics;
    return (content, number of failing diagnostics, diagnostics)."""
    stream = stream or sys.stderr
    shown = _shown_path(path)
    content, diags = cache.checked(shown) if cached else check_file(shown)
    failing = [d for d in diags if d.is_error or strict]
    for d in diags:
        print(_formatted(d, fmt), file=stream)
    return content, len(failing), diags


def _formatted(d, fmt: str) -> str:
    """A diagnostic as one line: text (file:line:col), a GitHub annotation, or JSON."""
    return {"github": d.format_github, "json": d.format_json}.get(fmt, d.format)()


def _shown_path(path) -> str:
    """The path as the author knows it: relative to the current folder when possible."""
    target = Path(path) if path else SCENARIOS_FILE
    try:
        return str(target.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(target)


def cmd_check(args) -> int:
    if args.config is not None:
        return _check_config(args.config or None, args.format)
    content, failing, diags = _load(args.file, sys.stdout, args.strict, args.format, cached=False)
    summary = sys.stderr if args.format == "json" else sys.stdout  # json: stdout is data only
    if content is not None and not args.skip_translations:
        more, coverage = _check_translations(content, args)
        diags += more
        failing += sum(1 for d in more if d.is_error or args.strict)
        print(
            "translations: "
            + ", ".join(
                f"{c.locale} {c.percent:.0f}% ({c.translated}/{c.total})" for c in coverage
            ),
            file=summary,
        )
    errors = sum(d.is_error for d in diags)
    warnings = len(diags) - errors
    if content is not None and not failing:
        nodes = sum(len(s.nodes) for s in content.scenarios)
        print(
            f"{_shown_path(args.file)}: {len(content.scenarios)} scenarios, {nodes} nodes, "
            f"{errors} errors, {warnings} warnings",
            file=summary,
        )
    elif failing:
        print(f"{errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if failing or content is None else 0


def _check_translations(content, args):
    from .content.translations import check_catalogs
    from .text import Text

    diags, coverage = check_catalogs(content, text=Text())
    for d in sorted(diags):
        print(_formatted(d, args.format))
    return diags, coverage


def _pick(content, scenario_id):
    scenario = content.scenario(scenario_id)
    if scenario is None:
        from .content.diagnostics import did_you_mean

        hint = did_you_mean(scenario_id, [s.id for s in content.scenarios])
        print(
            f"{content.path}: error: no scenario '{scenario_id}'" + (f"; {hint}" if hint else ""),
            file=sys.stderr,
        )
    return scenario


def cmd_play(args) -> int:
    # The model is read when first used. A story file that is not in the story cache (the
    # first start, or an edited file) is checked right after the title's first frame, unless
    # this start needs the stories at once (a scenario, kiosk or class mode).
    story = cache.story(_shown_path(args.scenarios), defer=True)
    operator = _operator_settings(args.config)
    if operator is None:
        return 1
    from . import settings

    remembered = settings.load()
    chosen = play_choices(args, operator, remembered.get("locale"))
    if chosen is None:
        return 1
    chosen["access"] = None if chosen["kiosk"] else _remembered_access(remembered)
    at_once = bool(args.scenario or chosen["kiosk"] or args.classroom is not None)
    if at_once and _refused(story):
        return 1
    content = story.content if args.scenario else story
    scenario = _pick(content, args.scenario) if args.scenario else None
    if args.scenario and scenario is None:
        return 1
    if not _start_point(args, scenario):
        return 1
    import pygame

    locale = chosen["locale"] or i18n.system_locale()
    try:
        record = at_once and not (args.node or args.watch)  # an author's test is not play
        app = _make_app(args, content, operator, chosen, locale, record=record)
    except pygame.error as exc:
        print(f"error: cannot open the game window: {exc}", file=sys.stderr)
        return 1
    if scenario is not None:
        from .flow import Play

        app.start()
        play = Play(app, app.content.scenario(scenario.id) or scenario)  # in its language
        play.begin_at(args.node, args.flag) if args.node else play.begin()
    elif chosen["locale"] is None:
        from scenes.language import LanguageScene

        app.start(LanguageScene(app, i18n.system_locale()))
    if not at_once:

        def after_first_frame() -> bool:
            # The title is on screen: now the story's problems, if any, and the recorder
            # (nothing is recorded before a player acts).
            if _refused(story):
                return True
            if args.watch:  # an author's test: nothing is recorded
                return False
            app.recorder = open_recorder(args, story, locale, group=chosen["group"])
            app.recorder.use_lrs(operator.lrs)  # the school's LRS, in the background
            return False

        app.after_first_frame = after_first_frame
    if args.watch:
        from .watch import watching

        return watching(app, _shown_path(args.scenarios), frames=args.frames)
    return app.run(args.frames)


def _start_point(args, scenario) -> bool:
    """Whether --node and --flag, if given, name a node and flags of the story; if not,
    says why (a located error, as `check` gives)."""
    if args.flag and not args.node:
        print("error: --flag needs --node NODE", file=sys.stderr)
        return False
    if not args.node:
        return True
    if scenario is None:
        print("error: --node needs --scenario ID", file=sys.stderr)
        return False
    from .flow import start_problem

    problem = start_problem(scenario, args.node, args.flag)
    if problem:
        print(problem, file=sys.stderr)
    return not problem


def _refused(story) -> bool:
    """Print the story file's diagnostics; True (after saying so) when the game cannot
    start with it."""
    diags = story.check()
    for d in diags:
        print(d.format(), file=sys.stderr)
    if any(d.is_error for d in diags):
        print("The game cannot start until these problems are fixed.", file=sys.stderr)
        return True
    return False


def play_choices(args, operator, remembered_locale):
    """What this game is started with: the command line wins over the operator settings,
    which win over the language the last player chose. None (after saying why) if the
    options cannot go together."""
    if args.classroom is not None and (args.kiosk or operator.kiosk):
        print(
            "error: a class session (--classroom) and kiosk mode cannot run together",
            file=sys.stderr,
        )
        return None
    group = args.group or operator.group
    if args.classroom is not None:  # the class's votes, under its group label
        group = _classroom_group(args.classroom)
        if not group:
            return None
    return {
        "locale": args.locale or operator.language or remembered_locale,
        "group": group,
        "sound": not args.no_sound and operator.sound,
        "kiosk": bool(args.kiosk or operator.kiosk),
        # the player's settings the operator (or this command line) fixes
        "fixed": {**operator.fixed(), **({"text_size": args.text_size} if args.text_size else {})},
    }


def _remembered_access(remembered: dict):
    """The settings the last player chose on this computer (defaults for what is wrong in
    the file, with a warning)."""
    from .session import Access

    access, problems = Access.from_dict(remembered.get("access"))
    for problem in problems:
        warn_once(f"access:{problem}", f"settings: {problem}; using the default")
    return access


def _make_app(args, content, operator, chosen, locale, record=True):
    from .app import App
    from .outcomes import Recorder

    recorder = open_recorder(args, content, locale, group=chosen["group"]) if record else Recorder()
    recorder.use_lrs(operator.lrs)  # the school's LRS, in the background (docs/lrs.md)
    options = dict(
        locale=locale,
        fullscreen=args.fullscreen,
        sound=chosen["sound"],
        recorder=recorder,
        access=chosen["access"],
        fixed=chosen["fixed"],
    )
    if args.classroom is not None:
        from .classroom import ClassSession
        from .modes import ClassMode

        options["mode"] = ClassMode(ClassSession(chosen["group"]))
    if chosen["kiosk"]:
        from .kiosk import KioskMode

        options["fullscreen"] = True
        options["mode"] = KioskMode(
            operator.idle_seconds, language=operator.language, crash_dir=args.data_dir
        )
    return App(content, group=chosen["group"], **options)


def _classroom_group(label: str) -> str:
    from .outcomes.commands import clean_group

    group = clean_group(label)
    if not group:
        print("error: --classroom needs a group label, e.g. --classroom 5B", file=sys.stderr)
    return group


def _operator_settings(path):
    """This machine's operator settings; None (after printing the problems) when wrong."""
    from .operator_settings import load

    operator, diags, _shown = load(path)
    for d in diags:
        print(d.format(), file=sys.stderr)
    if diags:
        print("The game cannot start until the operator settings are fixed.", file=sys.stderr)
        return None
    return operator


def _check_config(path, fmt="text") -> int:
    from .operator_settings import describe, load

    operator, diags, shown = load(path)
    for d in diags:
        print(_formatted(d, fmt))
    if diags:
        print(f"{len(diags)} error" + ("s" if len(diags) != 1 else ""), file=sys.stderr)
        return 1
    if path is None and not Path(shown).is_file():
        print(f"{shown}: no operator settings on this machine; the defaults are used")
    print(f"{shown}: {describe(operator)}")
    return 0


def cmd_list(args) -> int:
    content, failing, _ = _load(args.scenarios)
    if content is None:
        return 1
    from .listing import render

    print(render(content, args.json))
    return 0


def cmd_guide(args) -> int:
    content, failing, _ = _load(args.scenarios)
    if content is None or failing:
        return 1
    from . import guide
    from .content.strings import localize

    with i18n.using(args.locale) as words:
        page = guide.html(localize(content, words.pgettext))
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({len(content.scenarios)} scenarios, {args.locale})")
    return 0


def cmd_autoplay(args) -> int:
    content, failing, _ = _load(args.scenarios)
    if content is None or failing:
        return 1
    if args.scenario:
        scenario = _pick(content, args.scenario)
        if scenario is None:
            return 1
        ids = [scenario.id]
    else:
        ids = [s.id for s in content.scenarios]
    if not _start_point(args, content.scenario(args.scenario) if args.scenario else None):
        return 1
    from .autoplay import AutoplayError, run

    try:
        if args.node:  # an author's test: nothing is recorded
            transcript = _autoplay_from_node(content, args)
            sys.stdout.write(transcript.text())
            return 0
        asked = args.record or args.data_dir is not None  # robot play is not a child's
        transcript = run(
            content,
            ids,
            args.strategy,
            args.seed,
            args.locale,
            keys=args.keys,
            recorder=open_recorder(args, content, args.locale, record=asked),
        )
    except AutoplayError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(transcript.text())
    return 0


def _autoplay_from_node(content, args):
    """The transcript of one story played headless from --node, with the --flag flags."""
    from .autoplay import Driver, start_app
    from .flow import Play
    from .transcript import Transcript

    transcript = Transcript()
    app = start_app(content, args.locale, transcript.add, order_seed=args.seed)
    try:
        Play(app, app.content.scenario(args.scenario)).begin_at(args.node, args.flag)
        Driver(app, args.strategy, args.seed, keys=args.keys).play(args.scenario)
    finally:
        app.recorder.close()
    return transcript


def cmd_voice_script(args) -> int:
    if args.locale not in i18n.AVAILABLE:
        print(
            f"error: no language '{args.locale}' (there are: {', '.join(i18n.AVAILABLE)})",
            file=sys.stderr,
        )
        return 1
    content, failing, _ = _load(args.scenarios)
    if content is None or failing:
        return 1
    from .speech import VOICE_DIR
    from .speech.script import to_record, write_csv

    voice_dir = Path(args.voice_dir) if args.voice_dir else VOICE_DIR
    rows = to_record(content, args.locale, voice_dir)
    try:
        write_csv(rows, args.out)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    where = voice_dir / args.locale
    if rows:
        print(f"wrote {args.out}: {len(rows)} lines to record for {args.locale} (into {where})")
    else:
        print(f"wrote {args.out}: nothing left to record for {args.locale} ({where} has it all)")
    return 0


def cmd_graph(args) -> int:
    content, failing, _ = _load(args.scenarios)
    if content is None:
        return 1
    scenarios = list(content.scenarios)
    if args.scenario:
        scenario = _pick(content, args.scenario)
        if scenario is None:
            return 1
        scenarios = [scenario]
    elif args.format == "svg" and len(scenarios) > 1:
        print(
            "error: an SVG holds one story: add --scenario ID (or use --format html)",
            file=sys.stderr,
        )
        return 1
    from . import storymap

    if args.format == "dot":
        page = storymap.dot(scenarios)
    elif args.format == "svg":
        page = storymap.svg(scenarios[0]) + "\n"
    else:
        page = storymap.html(content, scenarios)
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    problems = sum(
        len(storymap.shape(s).unreachable) + len(storymap.shape(s).dead_ends) for s in scenarios
    )
    print(
        f"wrote {args.out} ({len(scenarios)} {'story' if len(scenarios) == 1 else 'stories'}, "
        f"{problems} nodes flagged)"
    )
    return 0


def cmd_new(args) -> int:
    import re

    shown = _shown_path(args.scenarios)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.story_id):
        print(
            f"error: '{args.story_id}' is not a valid story id; use lowercase letters, digits "
            "and _, starting with a letter (e.g. fake_prize)",
            file=sys.stderr,
        )
        return 1
    content, _failing, diags = _load(args.scenarios, cached=False)
    if content is None:
        print("The story file must load before a story can be added to it.", file=sys.stderr)
        return 1
    there = content.scenario(args.story_id)
    if there is not None:
        print(
            f"{shown}:{there.loc.line}:{there.loc.col}: error: there is a story "
            f"'{args.story_id}' already; choose another id",
            file=sys.stderr,
        )
        return 1
    from .newstory import append

    path = Path(args.scenarios) if args.scenarios else SCENARIOS_FILE
    try:
        line = append(path, args.story_id, args.age)
    except OSError as exc:
        print(f"error: cannot write {shown}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    _added, _failing, after = _load(args.scenarios, cached=False)
    new_errors = len([d for d in after if d.is_error]) - len([d for d in diags if d.is_error])
    print(
        f"{shown}:{line}: added the story '{args.story_id}' (ages {args.age}); "
        f"{new_errors if new_errors > 0 else 'no'} new errors.\n"
        "Next: replace every TODO, then run 'python -m game check' and play it with "
        f"'python -m game play --scenario {args.story_id}'. Translators: 'pybabel extract' "
        "and 'pybabel update' (docs/translating.md); until the new words are in the "
        "catalogs, check lists them (E201)."
    )
    return 0


def cmd_schema(args) -> int:
    from .content.schema import schema_text

    text = schema_text()
    if args.out is None:
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            sys.stdout.write(text)
        else:
            out.write(text.encode("utf-8"))
            out.flush()
        return 0
    try:
        Path(args.out).write_bytes(text.encode("utf-8"))
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0
