"""The outcome subcommands (export, report, forget, sync) and the recording options of play
and autoplay. Each command takes the parsed arguments and returns the exit code.

`report` merges its inputs (merge.py), and the statements of an LRS (`--lrs`), builds the
figures (report.py) and writes the HTML (page.py), CSV and JSON files it was asked for.
`sync` sends the statements not sent yet to an LRS (sync.py)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..content import check_file
from ..i18n import current_locale
from ..resources import SCENARIOS_FILE
from . import Recorder, schema

if TYPE_CHECKING:
    import sqlite3

# Imported where used, by the command that needs them (milliseconds of import on top of this
# module's, best of 5 runs): `play` imports this module for its recorder options only.
#   game.outcomes.merge 22 ms; game.outcomes.page 13 ms; game.outcomes.report 5 ms, with
#   game.outcomes.aggregate; game.outcomes.xapi 6 ms; game.outcomes.csvexport 6 ms;
#   game.outcomes.store 2 ms; game.content.strings 10 ms; game.outcomes.sync 23 ms, with
#   game.outcomes.lrs (ssl, urllib.request); game.operator_settings 7 ms, for sync without
#   --lrs; game.outcomes.endpoint 1 ms

# The exporters (csvexport, xapi) and the report's modules are imported by their commands
# only: every start builds this module's subcommands, and they cost 8 ms of it. So are csv,
# sqlite3 and tempfile (4 ms of a start that records nothing before its first frame).

COMMANDS = ("export", "report", "forget", "sync")
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

    report = subparsers.add_parser(
        "report", help="an educator report from outcome files", allow_abbrev=False
    )
    report.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="outcomes.sqlite3 databases, xAPI .jsonl or CSV exports, or folders",
    )
    report.add_argument(
        "--lrs", metavar="URL", help="also read the statements stored in this LRS (xAPI address)"
    )
    _add_lrs_options(report)
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

    sync = subparsers.add_parser(
        "sync", help="send the recorded outcomes to an LRS (xAPI)", allow_abbrev=False
    )
    sync.add_argument(
        "--lrs",
        metavar="URL",
        help="the LRS's xAPI address, e.g. https://lrs.example.org/xAPI/ "
        "(default: the lrs section of the operator file)",
    )
    sync.add_argument("--data-dir", metavar="DIR", default=None)
    _add_lrs_options(sync)
    sync.add_argument(
        "--batch",
        metavar="N",
        type=int,
        default=100,
        help="statements per request, 1 to 100 (default 100)",
    )
    sync.add_argument(
        "--retry-set-aside",
        action="store_true",
        help="send again the statements the LRS refused before",
    )
    sync.add_argument(
        "--config",
        metavar="FILE",
        default=None,
        help="the operator file whose lrs section to use when --lrs is not given",
    )
    sync.set_defaults(func=cmd_sync)


class _NoPassword(argparse.Action):
    """`--password` exists only to refuse it without repeating it: a password on a command
    line can be read by the other users of the computer and stays in the shell's history."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.error(
            "a password is never given on the command line: use --password-file FILE, "
            "or leave it out to be asked for it"
        )


def _add_lrs_options(parser) -> None:
    parser.add_argument("--user", metavar="NAME", help="the LRS user name")
    parser.add_argument("--password", action=_NoPassword, help=argparse.SUPPRESS)
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        help="a file holding the LRS password (without it, the password is asked for)",
    )
    parser.add_argument(
        "--allow-http",
        action="store_true",
        help="allow plain http to another machine (a school LAN); https is the default",
    )
    parser.add_argument(
        "--cafile",
        metavar="FILE",
        help="certificate authorities to trust for the LRS's https (default: the system's)",
    )


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
    import sqlite3

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
    import sqlite3

    conn.row_factory = sqlite3.Row
    sql = (
        f"SELECT {schema.select_events(conn)}, {schema.select_statement(conn)} AS statement, "
        "s.locale, s.age_band, s.grp, s.content_version "
        "FROM events e JOIN sessions s ON s.id = e.session ORDER BY e.session, e.seq"
    )
    for row in conn.execute(sql):
        yield dict(row)


def _write_export(rows, fmt: str, out) -> int:
    import csv

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
    import sqlite3

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
    import tempfile

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
    import sqlite3

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
    import tempfile

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
    if not files and not args.lrs:
        print("error: give outcome files or folders to report on, or --lrs URL", file=sys.stderr)
        return 1
    content = load_content(args.scenarios)
    with Merged() as merged, tempfile.TemporaryDirectory(prefix="net-heroes-lrs-") as folder:
        if args.lrs:
            downloaded = _download(args, Path(folder) / "lrs.jsonl")
            if downloaded is None:
                return 1
            files.insert(0, downloaded)
        merged.add_all(files)
        if args.lrs:  # the LRS by its address, not by the temporary file
            merged.used = [args.lrs if u == str(files[0]) else u for u in merged.used]
            merged.notes = [n.replace(str(files[0]), args.lrs) for n in merged.notes]
        for note in merged.notes:
            print(note, file=sys.stderr)
        if not merged.used or not merged.events:
            print("error: nothing usable to report", file=sys.stderr)
            return 1
        result = report.build(merged.conn, content, k, raised)
        result.used, result.notes = merged.used, merged.notes
        result.events, result.duplicates = merged.events, merged.duplicates
    return write_report(result, args, content)


def _download(args, target: Path) -> Path | None:
    """The LRS's statements in a JSON lines file (None, after a message, when they cannot
    be read)."""
    from .lrs import LrsError
    from .sync import download

    client = _client(args, args.lrs, args.user)
    if client is None:
        return None
    try:
        with open(target, "wb") as out:
            count = download(client, out)
    except LrsError as exc:
        print(f"error: cannot read the statements from the LRS: {exc}", file=sys.stderr)
        return None
    except OSError as exc:
        print(f"error: cannot keep the statements read from the LRS: {exc}", file=sys.stderr)
        return None
    print(f"read {count} statements from {client.shown}", file=sys.stderr)
    return target


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


# -- sync ------------------------------------------------------------------------------
def _client(args, url: str, user: str | None, credentials: str = "", allow_http=False):
    """The LRS client of the command line (or of the operator file's section), or None
    after a message. The password comes from a file or a prompt, never the command line."""
    from . import endpoint
    from .lrs import Client

    try:
        if credentials and not args.password_file and not user:
            user, password = endpoint.read_credentials(credentials)
            secret = credentials
        elif args.password_file:
            password = endpoint.read_password(args.password_file)
            secret = args.password_file
        else:
            secret = ""
            password = _prompt(user)
        if not user:
            raise ValueError("give the LRS user name with --user")
        if secret and os.name == "posix" and endpoint.readable_by_others(secret):
            print(
                f"warning: other users of this computer can read {secret} (chmod 600 {secret})",
                file=sys.stderr,
            )
        return Client(
            url,
            user,
            password,
            allow_http=args.allow_http or allow_http,
            cafile=args.cafile,
        )
    except (ValueError, OSError) as exc:  # OSError: a --cafile that cannot be read
        print(f"error: {exc}", file=sys.stderr)
        return None


def _prompt(user: str | None) -> str:
    import getpass

    if not sys.stdin.isatty():
        raise ValueError("give the LRS password in a file with --password-file")
    password = getpass.getpass(f"LRS password for {user or '?'}: ")
    if not password:
        raise ValueError("no password given")
    return password


def cmd_sync(args) -> int:
    import sqlite3

    from .store import connect
    from .sync import Sync, retry_set_aside

    url, credentials, allow_http = args.lrs, "", False
    if not url:
        from ..operator_settings import load

        operator, diags, shown = load(args.config)
        for diag in diags:
            print(diag.format(), file=sys.stderr)
        if diags:
            return 1
        if operator.lrs is None:
            print(f"error: give --lrs URL (no lrs section in {shown})", file=sys.stderr)
            return 1
        url, allow_http = operator.lrs.url, operator.lrs.allow_http
        credentials = operator.lrs.credentials_path
    if not 1 <= args.batch <= 100:
        print("error: --batch must be 1 to 100", file=sys.stderr)
        return 1
    client = _client(args, url, args.user, credentials, allow_http)
    if client is None:
        return 1
    path = _database(args)
    if not path.is_file():
        print(f"error: no outcomes recorded in {path.parent}", file=sys.stderr)
        return 1
    try:
        conn = connect(path)
    except (sqlite3.Error, OSError) as exc:
        print(f"error: cannot use {path}: {exc}", file=sys.stderr)
        return 1
    try:
        if args.retry_set_aside:
            again = retry_set_aside(conn)
            if again:
                print(f"{again} statement(s) set aside before are sent again", file=sys.stderr)
        bar = Progress(sys.stderr)
        summary = Sync(conn, client, batch=args.batch, log=bar.log, progress=bar.update).run()
        bar.end()
    except sqlite3.Error as exc:
        print(f"error: cannot use {path}: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    print(summary.line())
    if summary.stopped:
        print(f"stopped: {summary.stopped}", file=sys.stderr)
    return 0 if summary.ok else 1


class Progress:
    """A progress bar on a terminal for a sync of more than one batch; nothing elsewhere."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.shown = False
        self.live = stream.isatty()

    def update(self, done: int, total: int) -> None:
        if not self.live or total <= 100:
            return
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} statements")
        self.stream.flush()
        self.shown = True

    def log(self, message: str) -> None:
        self.end()
        print(message, file=self.stream)

    def end(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.shown = False
