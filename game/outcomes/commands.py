"""The outcome subcommands (export, report, forget) and the recording options of play and
autoplay. Each command takes the parsed arguments and returns the exit code.

`report` merges its inputs (merge.py), builds the figures (report.py) and writes the HTML
(page.py), CSV and JSON files it was asked for."""

from __future__ import annotations

import csv
import dataclasses
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from .. import i18n
from ..content import check_file
from ..i18n import current_locale
from ..resources import SCENARIOS_FILE
from . import Recorder, schema

# Imported where used, by the command that needs them (milliseconds of import on top of this
# module's, best of 5 runs): `play` imports this module for its recorder options only.
#   game.outcomes.merge 22 ms; game.outcomes.page 13 ms; game.outcomes.report 5 ms, with
#   game.outcomes.aggregate; game.outcomes.xapi 6 ms; game.outcomes.csvexport 6 ms;
#   game.outcomes.store 2 ms; game.content.strings 10 ms

# The exporters (csvexport, xapi) and the report's modules are imported by their commands
# only: every start builds this module's subcommands, and they cost 8 ms of it.

COMMANDS = ("export", "report", "forget")
GROUP_MAX = 40


def add_record_options(parser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="where outcomes are recorded (default: the user's data folder)",
    )
    parser.add_argument("--no-record", action="store_true", help="do not record learning outcomes")
    parser.add_argument(
        "--group",
        metavar="LABEL",
        default="",
        help="a group label for the educator's report, e.g. a class (never a child's name)",
    )


def add_commands(subparsers) -> None:
    export = subparsers.add_parser("export", help="export recorded outcomes (xAPI or CSV)")
    export.add_argument("--format", choices=("xapi", "csv"), default="xapi")
    export.add_argument("--out", metavar="FILE", help="write here (default: standard output)")
    export.add_argument("--data-dir", metavar="DIR", default=None)
    export.set_defaults(func=cmd_export)

    report = subparsers.add_parser("report", help="an educator report from outcome files")
    report.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="outcomes.sqlite3 databases, xAPI .jsonl or CSV exports, or folders",
    )
    report.add_argument("--html", metavar="FILE", help="write the report as a web page")
    report.add_argument("--csv", metavar="FILE", help="write the figures as CSV")
    report.add_argument(
        "--json",
        metavar="FILE",
        help="write the learning gains and other figures as JSON, for other tools",
    )
    report.add_argument(
        "--min-group",
        metavar="N",
        type=int,
        default=None,
        help="hide groups with fewer sessions (default 5, at least 3)",
    )
    report.add_argument("--locale", default=None, help="language of the report")
    report.add_argument(
        "--scenarios",
        metavar="FILE",
        default=None,
        help="the scenario file (topics and titles; default: the shipped one)",
    )
    report.set_defaults(func=cmd_report)

    forget = subparsers.add_parser("forget", help="delete recorded outcomes")
    forget.add_argument(
        "--all",
        action="store_true",
        required=True,
        help="delete every recorded outcome on this computer",
    )
    forget.add_argument("--data-dir", metavar="DIR", default=None)
    forget.set_defaults(func=cmd_forget)


def clean_group(label: str) -> str:
    """A group label as stored: printable, trimmed, at most GROUP_MAX characters."""
    return "".join(c for c in " ".join(label.split()) if c.isprintable())[:GROUP_MAX]


def open_recorder(
    args, content, locale: str, record: bool = True, group: str | None = None
) -> Recorder:
    """The recorder for a run: one that keeps nothing when `record` is off or --no-record.
    The session's group label is `group` when given (what `play` settled on, the operator
    settings included), else the command line's --group."""
    if not record or getattr(args, "no_record", False):
        return Recorder()
    from .store import SQLiteRecorder

    recorder = SQLiteRecorder(getattr(args, "data_dir", None))
    recorder.locale_of = current_locale  # the language picker may change it before play
    recorder.start_session(
        locale=locale,
        content_version=getattr(content, "version", ""),
        group=clean_group(group if group is not None else getattr(args, "group", "") or ""),
    )
    return recorder


def _database(args) -> Path:
    from .store import default_data_dir

    folder = Path(args.data_dir) if args.data_dir else default_data_dir()
    return folder / schema.DB_NAME


def _read(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    why = schema.problem(conn)
    if why:
        conn.close()
        raise sqlite3.DatabaseError(why)
    return conn


# -- export ----------------------------------------------------------------------------
def _export_rows(conn):
    """Each event joined with its session, as a dict by column (the votes' counts in `count`
    whatever the database's format)."""
    conn.row_factory = sqlite3.Row
    sql = (
        f"SELECT {schema.select_events(conn)}, s.locale, s.age_band, s.grp, "
        "s.content_version FROM events e JOIN sessions s ON s.id = e.session "
        "ORDER BY e.session, e.seq"
    )
    for row in conn.execute(sql):
        yield dict(row)


def _write_export(rows, fmt: str, out) -> int:
    from . import xapi
    from .csvexport import EXPORT_COLUMNS, export_row

    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        if fmt == "csv":
            writer.writerow(export_row(row))
        else:
            out.write(xapi.dumps(row, row) + "\n")
        count += 1
    return count


def cmd_export(args) -> int:
    path = _database(args)
    if not path.is_file():
        print(f"error: no outcomes recorded in {path.parent}", file=sys.stderr)
        return 1
    try:
        conn = _read(path)
        if args.out:
            count = _export_to_file(conn, args.format, Path(args.out))
        else:
            count = _write_export(_export_rows(conn), args.format, sys.stdout)
            sys.stdout.flush()
        conn.close()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (sqlite3.Error, OSError) as exc:
        print(f"error: cannot export {path}: {exc}", file=sys.stderr)
        return 1
    kind = "statements" if args.format == "xapi" else "rows"
    where = f" to {args.out}" if args.out else ""
    print(f"exported {count} {kind}{where}", file=sys.stderr)
    return 0


def _export_to_file(conn, fmt: str, target: Path) -> int:
    """Write next to the target and rename, so a failed export leaves no half file."""
    fd, temporary = tempfile.mkstemp(prefix=".export-", dir=target.resolve().parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            count = _write_export(_export_rows(conn), fmt, out)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    return count


# -- forget ----------------------------------------------------------------------------
def cmd_forget(args) -> int:
    path = _database(args)
    files = [
        p for p in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))) if p.exists()
    ]
    if not files:
        print(f"nothing to delete: no outcomes recorded in {path.parent}")
        return 0
    counts = ""
    try:
        conn = _read(path)
        sessions, events = (
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("sessions", "events")
        )
        conn.close()
        from .report import counted

        counts = f"{counted(sessions, 'session')} and {counted(events, 'event')}"
    except sqlite3.Error:
        counts = "the outcomes"
    for file in files:
        try:
            file.unlink()
        except OSError as exc:
            print(
                f"error: cannot delete {file}: {exc} (close the game and try again)",
                file=sys.stderr,
            )
            return 1
    print(f"deleted {counts}: " + ", ".join(str(f) for f in files))
    return 0


# -- report ----------------------------------------------------------------------------
SUFFIXES = (".sqlite3", ".jsonl", ".csv")


def expand(inputs) -> list[Path]:
    """The input files: each file as given, and the outcome files inside each folder (a CSV
    file only if it is an export: a report's own CSV may sit beside them)."""
    found: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in SUFFIXES
                    and p.is_file()
                    and (p.suffix != ".csv" or _is_export(p))
                )
            )
        else:
            found.append(path)
    return found


def _is_export(path: Path) -> bool:
    from .merge import sniff

    return sniff(path)[0] == "csv"


def load_content(path):
    """The scenario file (for topics and titles), or None with a warning."""
    target = Path(path) if path else SCENARIOS_FILE
    content, diags = check_file(str(target))
    if content is None or any(d.is_error for d in diags):
        print(
            f"warning: cannot read the scenarios from {target}; topics and titles are left out",
            file=sys.stderr,
        )
        return None
    return content


def cmd_report(args) -> int:
    from . import aggregate, report
    from .merge import Merged

    k, raised = aggregate.effective_k(args.min_group)
    if raised:
        print(
            f"note: --min-group {args.min_group} is below the smallest allowed group size; "
            f"using {k}",
            file=sys.stderr,
        )
    files = expand(args.inputs)
    content = load_content(args.scenarios)
    with Merged() as merged:
        merged.add_all(files)
        for note in merged.notes:
            print(note, file=sys.stderr)
        if not merged.used or not merged.events:
            print("error: nothing usable to report", file=sys.stderr)
            return 1
        result = report.build(merged.conn, content, k, raised)
        result.used, result.notes = merged.used, merged.notes
        result.events, result.duplicates = merged.events, merged.duplicates
    return write_report(result, args, content)


def write_report(result, args, content=None) -> int:
    from . import report

    try:
        if args.csv:
            with open(args.csv, "w", encoding="utf-8", newline="") as out:
                report.write_csv(result, out)
        if args.html:
            text = _html(result, args.locale, content)
            Path(args.html).write_text(text, encoding="utf-8")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as out:
                report.write_json(result, out)
    except OSError as exc:
        print(f"error: cannot write the report: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(report.text(result))
    for name in (args.html, args.csv, args.json):
        if name:
            print(f"wrote {name}")
    return 0


def _html(result, locale, content) -> str:
    """The page in the educator's language: the words, the dates and the stories' own text."""
    from ..content.strings import localize
    from . import page, report

    with i18n.using(locale or i18n.system_locale()) as words:
        if content is not None and words.locale != i18n.SOURCE:
            titles, labels = report.names(localize(content, words.pgettext).scenarios)
            result = dataclasses.replace(result, titles=titles, node_labels=labels)
        return page.html(result)
