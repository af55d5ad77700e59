"""The learning gain, checked against figures worked out by hand: paired differences only,
the t interval, the effect size, "not clear yet", a story with answers only before, the
JSON figures for other tools, the self-efficacy line, and small groups kept hidden."""

import json
import math
from datetime import datetime, timezone
from fractions import Fraction

import pytest

from game.cli import main
from game.outcomes import wording
from game.outcomes.aggregate import Row
from game.outcomes.gain import T975, Gain, of_differences, paired, t975
from game.outcomes.store import SQLiteRecorder

from .helpers import MINIMAL

MOMENT = datetime(2026, 3, 9, 10, 20, tzinfo=timezone.utc)


# -- the statistics ------------------------------------------------------------------------
def t_cdf(q, df, steps=2000):
    """P(T <= q) for Student's t, by Simpson's rule over the density (q >= 0)."""
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    h = q / steps
    f = [c * (1 + (i * h) ** 2 / df) ** (-(df + 1) / 2) for i in range(steps + 1)]
    return 0.5 + h / 3 * (f[0] + f[-1] + 4 * sum(f[1:-1:2]) + 2 * sum(f[2:-1:2]))


@pytest.mark.parametrize("df", [*T975, 31, 35, 45, 70, 90, 150, 300, 700, 5000, 10**6])
def test_the_t_quantile_leaves_2_5_percent_in_each_tail(df):
    assert t_cdf(t975(df), df) == pytest.approx(0.975, abs=1e-5)


def test_the_t_quantile_by_hand_and_its_limits():
    assert t975(3) == pytest.approx(3.182, abs=5e-4)
    assert t975(10) == pytest.approx(2.228, abs=5e-4)
    assert t975(10**9) == pytest.approx(1.960, abs=5e-4)
    assert t975(35) < t975(34) < t975(30)  # falls steadily towards the normal value
    with pytest.raises(ValueError):
        t975(0)


def test_four_pairs_worked_out_by_hand_are_not_clear_yet():
    # Three questions before and after. Differences (after - before, in points):
    #   1/3 -> 2/3: +33.3    2/3 -> 2/3: 0    1/3 -> 3/3: +66.7    0/3 -> 1/3: +33.3
    # mean = 133.3 / 4 = 33.33; deviations 0, -33.33, +33.33, 0; sum of squares 2222.2;
    # sd = sqrt(2222.2 / 3) = 27.217; t(0.975, 3) = 3.182; half width = 3.182 * 27.217 / 2
    # = 43.31, so the interval is -9.97 to +76.64: it includes zero. d_z = 33.33 / 27.217
    # = 1.225.
    g = paired(
        {
            (1, 3, 2, 3): 1,
            (2, 3, 2, 3): 1,
            (1, 3, 3, 3): 1,
            (0, 3, 1, 3): 1,
            (3, 3, 0, 0): 5,
            (0, 0, 2, 3): 2,
        }
    )  # no answer after / before: not pairs
    assert g.n == 4
    assert g.mean == pytest.approx(33.333, abs=1e-3)
    assert g.sd == pytest.approx(27.217, abs=1e-3)
    assert g.interval == pytest.approx((-9.974, 76.640), abs=1e-3)
    assert g.effect == pytest.approx(1.2247, abs=1e-4)
    assert not g.clear


def test_one_pair_has_no_interval_and_equal_differences_no_effect_size():
    one = paired({(0, 3, 3, 3): 1})
    assert (one.n, one.mean, one.interval, one.effect, one.clear) == (1, 100.0, None, None, False)
    # Three pairs each exactly +33.3 (thirds, counted exactly): sd 0, so no effect size.
    same = paired({(0, 3, 1, 3): 2, (1, 3, 2, 3): 1})
    assert same.sd == 0 and same.effect is None
    assert same.interval == (pytest.approx(100 / 3), pytest.approx(100 / 3)) and same.clear
    assert paired({}) == Gain() and not Gain().clear


def test_a_clear_gain_and_a_clear_drop_and_the_interval_stays_in_range():
    # +100, +100, +100, 0: mean 75, sd sqrt((3 * 25^2 + 75^2) / 3) = 50, half width
    # 3.182 * 50 / 2 = 79.56 -> -4.56..154.56, kept to -4.56..100: includes zero. Eight such pairs: t(7) = 2.365, half width
    # 2.365 * 46.29 / sqrt(8) = 38.7 -> 36.3..113.7, shown as 36.3..100: clear.
    four = of_differences({Fraction(100): 3, Fraction(0): 1})
    assert four.interval == pytest.approx((-4.56, 100.0), abs=0.01) and not four.clear
    eight = of_differences({Fraction(100): 6, Fraction(0): 2})
    assert eight.interval == pytest.approx((36.30, 100.0), abs=0.01) and eight.clear
    drop = of_differences({Fraction(-50): 5, Fraction(-40): 5})
    assert drop.clear and drop.high < 0


def test_why_a_gain_is_missing():
    assert wording.missing(Row("a", pre_n=3)) == "only_pre"
    assert wording.missing(Row("a", post_n=3)) == "only_post"
    assert wording.missing(Row("a", pre_n=3, post_n=3)) == "no_pairs"
    assert wording.missing(Row("a")) == "no_answers"
    assert wording.missing(Row("a", pre_n=3, post_n=3, paired=Gain(1, 10.0))) == ""


# -- a report over a small class ---------------------------------------------------------
SCENARIOS = MINIMAL + MINIMAL.split("scenarios:\n", 1)[1].replace("id: demo", "id: quiet").replace(
    "title: Demo", "title: Quiet"
).replace("topic: stranger", "topic: webcam")
# Children 1-4 answer 'demo' before and after (the four pairs above); child 5 only before.
# Children 1-10 answer 'quiet' only before. Groups: 5B = 1-5, 5C = 6-8, 6A = 9-10.
DEMO = {
    1: ((1, 2), "yes", "yes"),
    2: ((2, 2), "no", "yes"),
    3: ((1, 3), "unsure", "unsure"),
    4: ((0, 1), "no", "yes"),
    5: ((3, None), "yes", None),
}
GROUPS = {**dict.fromkeys(range(1, 6), "5B"), **dict.fromkeys(range(6, 9), "5C"), 9: "6A", 10: "6A"}


def answers(rec, scenario, phase, right):
    for i in range(3):
        rec.record(
            "answer",
            scenario=scenario,
            phase=phase,
            question=f"q{i}",
            choice="a" if i < right else "b",
            correct=i < right,
        )


def play(rec, n):
    rec.start_session(locale="en", content_version="v1", group=GROUPS[n])
    if n in DEMO:
        (before, after), feel_before, feel_after = DEMO[n]
        rec.record("scenario_started", scenario="demo")
        rec.record("efficacy", scenario="demo", phase="pre", choice=feel_before)
        answers(rec, "demo", "pre", before)
        if after is not None:
            answers(rec, "demo", "post", after)
            rec.record("efficacy", scenario="demo", phase="post", choice=feel_after)
            rec.record("scenario_completed", scenario="demo", ending="end", seconds=60)
    rec.record("scenario_started", scenario="quiet")
    answers(rec, "quiet", "pre", n % 4)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    root = tmp_path_factory.mktemp("gain")
    rec = SQLiteRecorder(root / "pc", now=lambda: MOMENT)
    for n in range(1, 11):
        play(rec, n)
    rec.close()
    (root / "s.yaml").write_text(SCENARIOS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def report(recorded):
    root = recorded
    out = {name: root / f"report.{name}" for name in ("json", "csv", "html")}
    assert (
        main(
            [
                "report",
                str(root / "pc"),
                "--scenarios",
                str(root / "s.yaml"),
                "--min-group",
                "3",
                *(x for name, path in out.items() for x in (f"--{name}", str(path))),
            ]
        )
        == 0
    )
    figures = json.loads(out["json"].read_text(encoding="utf-8"))
    return figures, out["csv"].read_text(encoding="utf-8"), out["html"].read_text("utf-8")


@pytest.fixture(scope="module")
def all_hidden(recorded):
    root = recorded
    out = root / "hidden.json"
    assert (
        main(
            [
                "report",
                str(root / "pc"),
                "--scenarios",
                str(root / "s.yaml"),
                "--min-group",
                "11",
                "--json",
                str(out),
            ]
        )
        == 0
    )
    return json.loads(out.read_text(encoding="utf-8"))


def by(items, key):
    return {item[key]: item for item in items}


def test_the_json_figures_have_the_keys_other_tools_read(report):
    figures, _csv, _html = report
    for name, key in (("stories", "id"), ("topics", "id"), ("groups", "label")):
        assert figures[name], name
        for item in figures[name]:
            assert {key, "n_paired", "gain", "gain_ci", "effect_size", "efficacy"} <= set(item)


def test_a_story_s_gain_is_paired_with_its_interval_and_not_clear_yet(report):
    figures, csv_text, html = report
    demo = by(figures["stories"], "id")["demo"]
    assert (demo["topic"], demo["title"], demo["sessions"], demo["n_paired"]) == (
        "stranger",
        "Demo",
        5,
        4,
    )
    # The four pairs worked out by hand above; child 5 (before only) is not a pair.
    assert demo["gain"] == pytest.approx(33.333, abs=1e-3)
    assert demo["gain_ci"] == pytest.approx([-9.974, 76.640], abs=1e-3)
    assert demo["effect_size"] == pytest.approx(1.2247, abs=1e-4)
    assert demo["gain_clear"] is False and demo["gain_missing"] is None
    assert by(figures["topics"], "id")["stranger"]["gain_ci"] == demo["gain_ci"]
    assert by(figures["groups"], "label")["5B"]["gain_ci"] == demo["gain_ci"]
    # The knowledge scores are the answers alone: 7 of 15 right before, 8 of 12 after.
    assert (demo["pre_correct"], demo["post_correct"]) == (round(7 / 15, 4), round(8 / 12, 4))
    assert "demo,,,,5,5,4,0.8000,0,,,,0.4667,0.6667,4,33.33,-9.97,76.64,1.22,no," in csv_text
    card = html[html.index("<h3>Demo</h3>") : html.index("<h3>Quiet</h3>")]
    assert "not clear yet" in card and "+33 points" not in card
    assert "4 sessions answered before and after; 95% interval: -10 to +77 points" in card


def test_a_story_with_answers_only_before_says_why_it_has_no_gain(report):
    figures, _csv, html = report
    quiet = by(figures["stories"], "id")["quiet"]
    assert quiet["sessions"] == 10 and quiet["pre_correct"] is not None
    assert (quiet["n_paired"], quiet["gain"], quiet["gain_ci"], quiet["effect_size"]) == (
        0,
        None,
        None,
        None,
    )
    assert quiet["gain_missing"] == "only_pre"
    card = html[html.index("<h3>Quiet</h3>") :]
    assert "only the questions before the story were answered" in card


def test_self_efficacy_is_reported_on_its_own_line(report):
    figures, csv_text, html = report
    demo = by(figures["stories"], "id")["demo"]["efficacy"]
    # Before: yes, no, unsure, no, yes (2 of 5); after: yes, yes, unsure, yes (3 of 4).
    assert demo["pre"] == {"yes": 2, "unsure": 1, "no": 2, "n": 5, "yes_share": 0.4}
    assert demo["post"] == {"yes": 3, "unsure": 1, "no": 0, "n": 4, "yes_share": 0.75}
    assert (
        "40% said yes before the story and 75% after (5 and 4 answers). This is how sure "
        "they feel, not a score."
    ) in html
    assert csv_text.splitlines()[0].endswith(
        "efficacy_yes_before,efficacy_n_before,efficacy_yes_after,efficacy_n_after,suppressed"
    )
    assert (
        "demo,,,,5,5,4,0.8000,0,,,,0.4667,0.6667,4,33.33,-9.97,76.64,1.22,no,0.4000,5,"
        "0.7500,4,no" in csv_text
    )


def test_hidden_groups_stay_out_of_the_json(report):
    figures, csv_text, html = report
    # 6A has 2 sessions (< 3): hidden; 5C (3) would give it away, so it is hidden too.
    assert [g["label"] for g in figures["groups"]] == ["5B"]
    assert figures["hidden"]["groups"] == 2
    assert "5C" not in json.dumps(figures) and "6A" not in json.dumps(figures)
    assert "group,,,,5C" + "," * 22 + "yes" in csv_text  # age band, 20 figures: all blank


def test_not_clear_yet_is_translated_like_its_neighbours(monkeypatch):
    monkeypatch.setattr(wording, "_", lambda text: f"<{text}>")
    assert (
        wording.headline(of_differences({Fraction(10): 1, Fraction(-10): 1})) == "<not clear yet>"
    )
    assert (
        wording.screen_line(Row("a", pre_n=3)) == "<Learning gain: needs answers before and after>"
    )


def test_fewer_sessions_than_the_threshold_give_no_figures_at_all(all_hidden):
    assert all_hidden["all"] is None
    assert all_hidden["stories"] == all_hidden["topics"] == all_hidden["groups"] == []
    assert all_hidden["hidden"] == {"stories": 2, "topics": 2, "groups": 3, "age_bands": 1}


def test_every_pair_the_same_before_and_after_is_no_change_not_doubt():
    same = of_differences({Fraction(0): 4})  # four sessions, each 2 of 3 right before and after
    assert same.unchanged and not same.clear and same.interval == (0.0, 0.0)
    assert wording.headline(same) == "no change"
    assert "interval" not in wording.detail(same)
    moved = of_differences({Fraction(0): 3, Fraction(100, 3): 1})
    assert not moved.unchanged and wording.headline(moved) == "not clear yet"
