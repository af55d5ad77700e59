"""The educator report on a small data set worked out by hand: two computers, one exported
twice, three groups (one too small, so one more is hidden with it), two age bands."""

import csv
import re
from datetime import datetime, timezone

import pytest

from game.cli import main
from game.outcomes.store import SQLiteRecorder

from .helpers import MINIMAL

MOMENT = datetime(2026, 3, 9, 10, 20, tzinfo=timezone.utc)
GROUPS = {
    **dict.fromkeys(range(1, 7), "5B"),
    **dict.fromkeys(range(7, 12), "5C"),
    12: "6A",
    13: "6A",
}


def play(rec: SQLiteRecorder, n: int) -> None:
    """Child n of 13 (see the module docstring of the expected figures below)."""
    rec.start_session(locale="pt_BR", content_version="v1", group=GROUPS[n])
    rec.set_age_band("9-12" if n <= 7 else "13-17")
    rec.record("scenario_started", scenario="demo")
    rec.record("answer", scenario="demo", phase="pre", question="q1", correct=n <= 4)
    rec.record(
        "decision",
        scenario="demo",
        node="hello",
        choice="c1" if n <= 9 else "c2",
        safety="safe" if n <= 9 else "risky",
    )
    if n >= 10:
        rec.record(
            "decision",
            scenario="demo",
            node="later",
            choice="c1" if n <= 11 else "c2",
            safety="safe" if n <= 11 else "neutral",
        )
    if n >= 12:
        rec.record("scenario_abandoned", scenario="demo", node="mum", seconds=60)
        return
    rec.record("decision", scenario="demo", node="mum", choice="c1", safety="safe")
    rec.record("answer", scenario="demo", phase="post", question="p1", correct=n <= 10)
    rec.record("scenario_completed", scenario="demo", ending="end", seconds=120)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """Computer A: children 1-7 (a database, and also exported); B: 8-13 (exported)."""
    root = tmp_path_factory.mktemp("report")
    for name, children in (("a", range(1, 8)), ("b", range(8, 14))):
        rec = SQLiteRecorder(root / name, now=lambda: MOMENT)
        for n in children:
            play(rec, n)
        rec.close()
        assert (
            main(["export", "--data-dir", str(root / name), "--out", str(root / f"{name}.jsonl")])
            == 0
        )
    scenarios = root / "s.yaml"
    scenarios.write_text(MINIMAL, encoding="utf-8")
    return root


def run_report(data, *extra):
    out = data / "out.csv"
    code = main(
        [
            "report",
            str(data / "a" / "outcomes.sqlite3"),
            str(data / "b.jsonl"),
            str(data / "a.jsonl"),
            "--csv",
            str(out),
            "--scenarios",
            str(data / "s.yaml"),
            *extra,
        ]
    )
    with open(out, encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    return code, {
        (r["level"], r["node"] or r["group"] or r["age_band"] or r["scenario"] or r["topic"]): r
        for r in table
    }


def figures(row, *names):
    return tuple(row[n] for n in names)


COLUMNS = (
    "sessions",
    "plays_started",
    "plays_finished",
    "decisions",
    "safe_share",
    "neutral_share",
    "risky_share",
    "pre_correct_rate",
    "post_correct_rate",
)


def test_figures_per_scenario_topic_group_and_age_band(data, capsys):
    code, rows = run_report(data)
    assert code == 0
    # 13 sessions; 11 finished; decisions: hello 13 (9 safe, 4 risky), later 4 (2 safe,
    # 2 neutral), mum 11 (safe) = 28, 22 safe; pre 4 of 13 right, post 10 of 11.
    everything = (
        "13",
        "13",
        "11",
        "28",
        f"{22 / 28:.4f}",
        f"{2 / 28:.4f}",
        f"{4 / 28:.4f}",
        f"{4 / 13:.4f}",
        f"{10 / 11:.4f}",
    )
    assert figures(rows[("all", "")], *COLUMNS) == everything
    assert figures(rows[("topic", "stranger")], *COLUMNS) == everything
    assert figures(rows[("scenario", "demo")], *COLUMNS) == everything
    # The gain is paired: children 12 and 13 answered only before, so 11 pairs. Children
    # 1-4 were right before and after (0), 5-10 wrong then right (+100), 11 wrong twice (0):
    # mean 600 / 11 = 54.55 points; sd = sqrt((6 * 45.45^2 + 5 * 54.55^2) / 10) = 52.22;
    # t(0.975, 10) = 2.2281, so 54.55 +- 2.2281 * 52.22 / sqrt(11) = 54.55 +- 35.08.
    # Not 10/11 - 4/13 = 60.3 points, which mixes in the two who never answered after.
    demo = rows[("scenario", "demo")]
    assert figures(
        demo, "n_paired", "gain_points", "gain_ci_low", "gain_ci_high", "effect_size", "gain_clear"
    ) == ("11", "54.55", "19.46", "89.63", "1.04", "yes")
    assert rows[("scenario", "demo")]["completion_rate"] == f"{11 / 13:.4f}"
    # Age bands: 1-7 and 8-13.
    assert figures(rows[("age_band", "9-12")], *COLUMNS) == (
        "7",
        "7",
        "7",
        "14",
        "1.0000",
        "0.0000",
        "0.0000",
        f"{4 / 7:.4f}",
        "1.0000",
    )
    assert figures(rows[("age_band", "13-17")], *COLUMNS) == (
        "6",
        "6",
        "4",
        "14",
        f"{8 / 14:.4f}",
        f"{2 / 14:.4f}",
        f"{4 / 14:.4f}",
        "0.0000",
        "0.7500",
    )
    assert "duplicates" not in capsys.readouterr().err


def test_small_groups_are_hidden_and_so_is_the_one_that_would_give_them_away(data):
    _code, rows = run_report(data)
    # 6A has 2 sessions: hidden. 5C (5 sessions) would reveal it (all minus 5B minus 5C),
    # so the smallest shown group is hidden too. 5B stays.
    assert rows[("group", "6A")]["suppressed"] == "yes"
    assert rows[("group", "5C")]["suppressed"] == "yes"
    assert rows[("group", "6A")]["sessions"] == rows[("group", "5C")]["sessions"] == ""
    assert figures(rows[("group", "5B")], *COLUMNS, "suppressed") == (
        "6",
        "6",
        "6",
        "12",
        "1.0000",
        "0.0000",
        "0.0000",
        f"{4 / 6:.4f}",
        "1.0000",
        "no",
    )
    # Decision points: "later" has 4 sessions, so it and the smaller of the others ("mum",
    # 11) are hidden; "hello" (13) stays.
    assert rows[("decision", "later")]["suppressed"] == "yes"
    assert rows[("decision", "mum")]["suppressed"] == "yes"
    assert figures(
        rows[("decision", "hello")],
        "sessions",
        "decisions",
        "safe_share",
        "risky_share",
        "plays_started",
    ) == ("13", "13", f"{9 / 13:.4f}", f"{4 / 13:.4f}", "")


def test_a_bigger_threshold_hides_more_and_a_tiny_one_is_raised(data, capsys):
    _code, rows = run_report(data, "--min-group", "14")
    assert all(r["suppressed"] == "yes" for r in rows.values())
    capsys.readouterr()
    _code, rows = run_report(data, "--min-group", "1")
    assert "using 3" in capsys.readouterr().err
    assert rows[("group", "6A")]["suppressed"] == "yes"  # 2 < 3: never shown
    assert rows[("decision", "later")]["suppressed"] == "no"  # 4 >= 3


def test_the_same_events_count_once_however_they_arrive(data, capsys):
    only_databases = data / "only.csv"
    assert (
        main(
            [
                "report",
                str(data / "a" / "outcomes.sqlite3"),
                str(data / "b" / "outcomes.sqlite3"),
                "--csv",
                str(only_databases),
                "--scenarios",
                str(data / "s.yaml"),
            ]
        )
        == 0
    )
    _code, rows = run_report(data)
    with open(only_databases, encoding="utf-8") as fh:
        again = {r["level"] + r["node"] + r["group"] + r["age_band"]: r for r in csv.DictReader(fh)}
    assert {
        k[0] + (k[1] if k[0] in ("decision", "group", "age_band") else ""): r
        for k, r in rows.items()
    } == again
    assert "78 events" in capsys.readouterr().out


def test_sessions_split_over_files_that_overlap_count_once(data, capsys):
    """Every session's events cut in two overlapping halves, in two files (one an xAPI
    export with a line repeated, one a CSV export), give the same figures as the whole."""
    whole = (data / "b.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "first.jsonl").write_text("".join(whole[:20] + whole[:3]), encoding="utf-8")
    assert (
        main(
            [
                "export",
                "--data-dir",
                str(data / "b"),
                "--format",
                "csv",
                "--out",
                str(data / "b.csv"),
            ]
        )
        == 0
    )
    rows = (data / "b.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "second.csv").write_text("".join(rows[:1] + rows[15:]), encoding="utf-8")
    capsys.readouterr()
    reports = []
    for name, inputs in (("whole", ["b.jsonl"]), ("split", ["first.jsonl", "second.csv"])):
        out = data / f"{name}.csv"
        args = ["report", *(str(data / i) for i in inputs), "--csv", str(out), "--min-group", "3"]
        assert main([*args, "--scenarios", str(data / "s.yaml")]) == 0
        reports.append(out.read_text(encoding="utf-8"))
        said = capsys.readouterr().out
        assert f"{len(whole)} events" in said
    assert reports[0] == reports[1]
    assert "decision,stranger,demo,hello,,,6,," in reports[1]  # 6 sessions decided there


def html_report(data, locale):
    out = data / f"report-{locale}.html"
    assert (
        main(
            [
                "report",
                str(data / "a.jsonl"),
                str(data / "b.jsonl"),
                "--html",
                str(out),
                "--scenarios",
                str(data / "s.yaml"),
                "--locale",
                locale,
            ]
        )
        == 0
    )
    return out.read_text(encoding="utf-8")


def test_the_html_report_is_self_contained_with_charts(data):
    page = html_report(data, "en")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<svg") >= 3  # topics, the scenario's decision points, groups
    for outside in ("<script", "src=", "href=", "url(", "@import", "<link"):
        assert outside not in page
    assert "March 9, 2026" in page
    assert "Demo" in page and "Hidden: fewer than 5 sessions" in page
    assert re.search(r"<td>5B</td><td class=\"n\">6</td>", page)
    assert "6A</td><td colspan" in page
    # 5C is hidden only so that 6A cannot be worked out: the page says that, not "fewer"
    fifth = page.split("<td>5C</td>")[1].split("</tr>")[0]
    assert "a smaller hidden group could be worked out" in fifth
    assert "2 decision points hidden, to protect the children&#x27;s privacy." in page
    # The clear gain worked out above is shown as a number, with how sure it is.
    assert (
        "+55 points<small>11 sessions answered before and after; 95% interval: +19 to "
        "+90 points</small>"
    ) in page
    assert "not clear yet" not in page.split("<h3>Demo</h3>")[1].split("</section>")[0]


def test_dates_follow_the_educators_language_thai_in_the_buddhist_era(data):
    assert "9 de março de 2026" in html_report(data, "pt_BR")
    thai = html_report(data, "th")
    assert "พ.ศ. 2569" in thai and "2026" not in thai
    assert 'lang="th"' in thai


def test_worker_processes_give_the_same_report(data, monkeypatch, capsys):
    from game.outcomes import merge

    _code, alone = run_report(data)
    pools = []
    monkeypatch.setattr(merge, "PARALLEL_BYTES", 0)  # read the files in worker processes
    monkeypatch.setattr(
        merge, "_pool", lambda paths, make=merge._pool: pools.append(make(paths)) or pools[-1]
    )
    capsys.readouterr()
    _code, workers = run_report(data)
    assert pools and pools[0] is not None
    assert "worker processes stopped" not in capsys.readouterr().err
    assert workers == alone
