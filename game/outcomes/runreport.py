"""`python -m game report`: merge the inputs, aggregate, write the HTML, CSV and JSON files."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from . import aggregate, figures, report
from .merge import Merged, sniff

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
    return sniff(path)[0] == "csv"


def load_content(path):
    """The scenario file (for topics and titles), or None with a warning."""
    from ..content import check_file
    from ..resources import SCENARIOS_FILE

    target = Path(path) if path else SCENARIOS_FILE
    content, diags = check_file(str(target))
    if content is None or any(d.is_error for d in diags):
        print(
            f"warning: cannot read the scenarios from {target}; topics and titles are left out",
            file=sys.stderr,
        )
        return None
    return content


def run(args) -> int:
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
    return write(result, args, content)


def write(result, args, content=None) -> int:
    try:
        if args.csv:
            with open(args.csv, "w", encoding="utf-8", newline="") as out:
                report.write_csv(result, out)
        if args.html:
            text = _html(result, args.locale, content)
            Path(args.html).write_text(text, encoding="utf-8")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as out:
                figures.write_json(result, out)
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
    from .. import i18n
    from ..content.strings import localize
    from . import page

    previous = i18n.current_locale()
    chosen = i18n.set_locale(locale or i18n.system_locale())
    try:
        if content is not None and chosen != i18n.SOURCE:
            titles, labels = report.names(localize(content, i18n.pgettext).scenarios)
            result = dataclasses.replace(result, titles=titles, node_labels=labels)
        return page.html(result)
    finally:
        i18n.set_locale(previous)
