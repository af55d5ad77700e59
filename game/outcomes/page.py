"""The report as one self-contained HTML page: inline CSS and SVG bar charts, no scripts,
no fonts or pictures from the network; it prints cleanly. Every word goes through _() and
dates and numbers are formatted for the educator's locale."""

from __future__ import annotations

import unicodedata
from datetime import date
from html import escape

from babel.numbers import format_decimal, format_percent

from ..i18n import N_, _, current_locale, format_date, ngettext
from . import wording
from .report import Report, Row

# Deep enough for white words on them (4.5:1 and more), as on the game's screens; each kind
# of choice also has a sign, so no chart says anything by colour alone.
SAFE, NEUTRAL, RISKY = "#107e4e", "#465ccc", "#c44c0a"
BEFORE, AFTER = "#7c4ce6", "#0a7a6a"
SIGNS = {"safe": "\u2713", "neutral": "\u2013", "risky": "!"}
TOPIC_NAMES = {
    "stranger": N_("Strangers online"),
    "webcam": N_("Webcams"),
    "photos": N_("Photos"),
    "personal_info": N_("Personal information"),
    "shared_computer": N_("Shared computers"),
    "meeting": N_("Meeting in person"),
    "fake_profile": N_("Fake profiles"),
    "gifts": N_("Gifts and offers"),
    "bullying": N_("Bullying"),
    "privacy": N_("Privacy"),
    "helping_friend": N_("Helping a friend"),
    "sextortion": N_("Sextortion"),
    "deepfakes": N_("Fake nude images"),
    "getting_help": N_("Getting help"),
    "gambling": N_("Gambling and scams"),
    "job_offers": N_("Fake job offers"),
    "livestream": N_("Live streams and gifts"),
    "": N_("Other"),
}
CSS = """
body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans","Noto Sans Thai",sans-serif;
margin:0;background:#eef4ff;color:#262948;line-height:1.45}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:2rem;margin:.2em 0;color:#2e62e6}h2{margin:1.4em 0 .4em}h3{margin:.2em 0}
.card{background:#fff;border-radius:22px;padding:18px 24px;margin:14px 0;
box-shadow:0 3px 10px rgba(20,24,60,.12)}
.note{color:#5c628c}.hidden{color:#5c628c;font-style:italic}
.tiles{display:flex;flex-wrap:wrap;gap:12px}
.tile{flex:1 1 160px;background:#f6f8ff;border-radius:18px;padding:10px 16px}
.tile b{display:block;font-size:1.8rem}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dde3f5}
td.n,th.n{text-align:right}
td:first-child{min-width:8em}td.gain{width:32%}
td small,.tile small{display:block;color:#5c628c;font-size:.85rem}
td small{min-width:12em}
.key span{display:inline-block;width:14px;height:14px;border-radius:4px;margin:0 6px 0 14px;
vertical-align:middle}
svg text{font-family:inherit}
@media print{html{font-size:14px}body{background:#fff}main{padding:0}
.card{box-shadow:none;border:1px solid #ccd}.tiles,table,tr,svg{break-inside:avoid}
h2,h3,h4,.key{break-after:avoid}}
"""


def tag(name: str, text: str, css: str = "") -> str:
    """An element holding escaped text."""
    attribute = f' class="{css}"' if css else ""
    return f"<{name}{attribute}>{escape(text)}</{name}>"


def short(text: str, size: int) -> str:
    """At most about `size` letters wide: marks over or under a letter (Thai vowels and tones)
    and invisible word breaks take no room, and a mark is never cut off its letter."""
    letters = 0
    for at, char in enumerate(text):
        if unicodedata.category(char) not in ("Mn", "Cf"):
            letters += 1
            if letters > size:
                return text[:at].rstrip(" \u200b") + "…"
    return text


def pct(value) -> str:
    return "–" if value is None else format_percent(value, locale=current_locale())


def num(value: int) -> str:
    return format_decimal(value, locale=current_locale())


def day(iso: str) -> str:
    return format_date(date.fromisoformat(iso[:10])) if iso else ""


def gain_note(row: Row) -> str:
    """What goes under a gain: how sure it is, or why there is none."""
    why = wording.missing(row)
    return _(wording.MISSING[why]) if why else wording.detail(row.paired)


def small(text: str) -> str:
    """A grey line under a figure ('' for no text)."""
    return f"<small>{escape(text)}</small>" if text else ""


def gain_cell(row: Row) -> str:
    """The learning gain's table cell: the number (or 'not clear yet'), then how sure it is
    or why it is missing."""
    return f'<td class="n gain">{escape(wording.headline(row.paired))}{small(gain_note(row))}</td>'


def topic_name(key: str) -> str:
    return _(TOPIC_NAMES.get(key, key))


def hidden(k: int, row: Row | None = None) -> str:
    """Why a row is hidden: it is small, or it would give a smaller hidden row away."""
    if row is not None and row.sessions >= k:
        return _(
            "Hidden, to protect the children's privacy: with it, a smaller hidden group "
            "could be worked out."
        )
    return _("Hidden: fewer than {k} sessions, to protect the children's privacy.").format(k=k)


def hidden_points(count: int) -> str:
    """The decision points left out of a story's chart, said with their number."""
    return ngettext(
        "{n} decision point hidden, to protect the children's privacy.",
        "{n} decision points hidden, to protect the children's privacy.",
        count,
    ).format(n=num(count))


# -- charts ------------------------------------------------------------------------------
CHART_W, LETTER = 760, 8.5  # the charts' width; the room a letter of their 15-unit text takes


def label(text: str, y: int, room: int) -> str:
    """A chart's label at the left, cut short to fit `room` (the whole text on hover)."""
    shown = short(text, int((room - 12) // LETTER))
    hover = f"<title>{escape(text)}</title>" if shown != text else ""
    return f'<text x="0" y="{y}" font-size="15">{hover}{escape(shown)}</text>'


def svg(height: int, parts: list[str]) -> str:
    return (
        f'<svg viewBox="0 0 {CHART_W} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def bars(rows: list[tuple[str, list[tuple[float | None, str, str]]]], label_w: int = 300) -> str:
    """Horizontal bars: for each label, one bar per (value 0..1, colour, caption); the
    caption is written after the value, so the bars are told apart by more than colour."""
    bar_h, gap, track = 22, 14, CHART_W - label_w - 190
    lines, y = [], 8
    for name, values in rows:
        lines.append(label(name, y + 16, label_w))
        for value, color, caption in values:
            size = round((value or 0) * track)
            lines.append(
                f'<rect x="{label_w}" y="{y}" width="{track}" '
                f'height="{bar_h}" rx="8" fill="#eef1fb"/>'
                f'<rect x="{label_w}" y="{y}" width="{size}" height="{bar_h}" rx="8" '
                f'fill="{color}"><title>{escape(caption)}</title></rect>'
                f'<text x="{label_w + size + 8}" y="{y + 16}" font-size="15">'
                f'<tspan font-weight="bold">{escape(pct(value))}</tspan> '
                f"{escape(short(caption, 16))}</text>"
            )
            y += bar_h + 4
        y += gap
    return svg(y, lines)


def stacked(rows: list[tuple[str, Row]], label_w: int = 400) -> str:
    """One bar per decision point, split into safe, neutral and risky choices."""
    bar_h = 28
    parts, y = [], 6
    for name, row in rows:
        parts.append(label(name, y + 19, label_w))
        x, span = label_w, CHART_W - label_w
        for count, color, sign, kind in (
            (row.safe, SAFE, SIGNS["safe"], _("safe")),
            (row.neutral, NEUTRAL, SIGNS["neutral"], _("neutral")),
            (row.risky, RISKY, SIGNS["risky"], _("risky")),
        ):
            w = round(span * count / row.decisions) if row.decisions else 0
            share = pct(count / row.decisions if row.decisions else None)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{bar_h}" fill="{color}">'
                f"<title>{escape(kind)}: {escape(share)}</title></rect>"
            )
            if w >= 56:
                parts.append(
                    f'<text x="{x + w / 2}" y="{y + 19}" font-size="14" fill="#fff" '
                    f'text-anchor="middle" font-weight="bold">{sign} {escape(share)}</text>'
                )
            elif w >= 18:
                parts.append(
                    f'<text x="{x + w / 2}" y="{y + 19}" font-size="14" fill="#fff" '
                    f'text-anchor="middle" font-weight="bold">{sign}</text>'
                )
            x += w
        y += bar_h + 12
    return svg(y, parts)


def key(*items: tuple[str, str]) -> str:
    return (
        '<p class="key note">'
        + "".join(f'<span style="background:{c}"></span>{escape(t)}' for c, t in items)
        + "</p>"
    )


# -- sections ------------------------------------------------------------------------------
def grid(rows: list[Row], name, k: int, head: list[str], cells, extra=None) -> str:
    """A table with a row per group: its name, `cells(row)` as numbers, then `extra(row)`
    (a whole cell) when given; a hidden group says so across the row."""
    width = len(head)
    out = [
        "<table><thead><tr><th></th>"
        + "".join(f'<th class="n">{escape(h)}</th>' for h in head)
        + "</tr></thead>"
    ]
    for row in rows:
        out.append(f"<tr><td>{escape(name(row))}</td>")
        if row.suppressed:
            out.append(f'<td colspan="{width}" class="hidden">{escape(hidden(k, row))}</td></tr>')
            continue
        out.append("".join(f'<td class="n">{escape(c)}</td>' for c in cells(row)))
        out.append((extra(row) if extra else "") + "</tr>")
    return "".join(out) + "</table>"


def table(rows: list[Row], name, k: int) -> str:
    head = [
        _("Sessions"),
        _("Finished"),
        _("Safe choices"),
        _("Correct before"),
        _("Correct after"),
        _("Learning gain"),
    ]
    return grid(
        rows,
        name,
        k,
        head,
        lambda r: (num(r.sessions), pct(r.completion), pct(r.safe_share), pct(r.pre), pct(r.post)),
        gain_cell,
    )


def efficacy_table(rows: list[Row], name, k: int) -> str:
    """The self-efficacy item per row, on its own ('' when nobody answered it)."""
    if not any(any(r.efficacy("pre")) or any(r.efficacy("post")) for r in rows if not r.suppressed):
        return ""
    head = [_("Said yes before"), _("Said yes after"), _("Answers before"), _("Answers after")]
    return tag(
        "h4", _("Would they know what to do and who to tell? (how sure they feel, not a score)")
    ) + grid(
        rows,
        name,
        k,
        head,
        lambda r: (
            pct(r.efficacy_yes("pre")),
            pct(r.efficacy_yes("post")),
            num(sum(r.efficacy("pre"))),
            num(sum(r.efficacy("post"))),
        ),
    )


def learning_chart(rows: list[Row], name) -> str:
    shown = [r for r in rows if not r.suppressed]
    if not shown:
        return ""
    data = [
        (
            name(r),
            [
                (r.pre, BEFORE, _("Correct before")),
                (r.post, AFTER, _("Correct after")),
                (r.safe_share, SAFE, _("Safe choices")),
            ],
        )
        for r in shown
    ]
    return key(
        (BEFORE, _("Correct before")), (AFTER, _("Correct after")), (SAFE, _("Safe choices"))
    ) + bars(data)


def scenario_card(report: Report, row: Row) -> str:
    title = report.titles.get(row.key, row.key)  # the stories' own text, already translated
    out = [f'<section class="card"><h3>{escape(title)}</h3>']
    if row.suppressed:
        return out[0] + f'<p class="hidden">{escape(hidden(report.k, row))}</p></section>'
    out.append(table([row], lambda r: _("All sessions"), report.k))
    efficacy = wording.efficacy_line(row, pct)
    if efficacy:
        out.append(tag("p", efficacy))
    points = [(p, report.node_labels.get((row.key, p.key), p.key)) for p in row.children]
    shown = [(label or p.key, p) for p, label in points if not p.suppressed]
    if points:
        out.append(tag("h4", _("Choices at each decision point")))
        out.append(
            key(
                (SAFE, f"{SIGNS['safe']} {_('safe')}"),
                (NEUTRAL, f"{SIGNS['neutral']} {_('neutral')}"),
                (RISKY, f"{SIGNS['risky']} {_('risky')}"),
            )
        )
        out.append(stacked(shown))
        if len(shown) < len(points):
            count = len(points) - len(shown)
            out.append(f'<p class="hidden">{escape(hidden_points(count))}</p>')
    return "".join(out) + "</section>"


def html(report: Report, today: date | None = None) -> str:
    k = report.k
    lang = current_locale().replace("_", "-")
    title = _("Net Heroes: what the children learned")
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>"
        f"<h1>{escape(title)}</h1>"
    ]
    first, last = day(report.first), day(report.last)
    period = (
        _("Sessions on {day}.").format(day=first)
        if first == last
        else _("Sessions from {first} to {last}.").format(first=first, last=last)
    )
    made = _("Report made on {day}.").format(day=format_date(today or date.today()))
    rule = _(
        "Groups with fewer than {k} sessions are hidden, so that no child can be singled out."
    ).format(k=k)
    out.append(f'<p class="note">{escape(period)} {escape(made)} {escape(rule)}</p>')
    out.append(
        tag(
            "p",
            _(
                "The learning gain counts only the sessions that answered the "
                "questions both before and after a story. It is shown as a number "
                "only when its {confidence} interval leaves out zero; otherwise it "
                "is not clear yet, and may be chance."
            ).format(confidence=wording.LEVEL),
            "note",
        )
    )
    if report.k_raised:
        out.append(tag("p", _("The smallest group size allowed is 3."), "note"))
    out.append(overview(report))
    if not report.total.suppressed:
        out.append(tag("h2", _("By topic")) + "<section class='card'>")
        out.append(learning_chart(report.topics, lambda r: topic_name(r.key)))
        out.append(table(report.topics, lambda r: topic_name(r.key), k) + "</section>")
        out.append(tag("h2", _("By scenario")))
        out.extend(scenario_card(report, s) for s in report.scenarios)
        out.append(breakdown(_("By group"), report.groups, _("No group label"), k))
        out.append(breakdown(_("By age band"), report.age_bands, _("Not given"), k))
    out.append(files(report))
    return "".join(out) + "</main></body></html>\n"


def overview(report: Report) -> str:
    total = report.total
    if total.suppressed:
        return f'<section class="card"><p class="hidden">{escape(hidden(report.k))}</p></section>'
    tiles = (
        (_("Sessions"), num(total.sessions)),
        (_("Finished"), pct(total.completion)),
        (_("Safe choices"), pct(total.safe_share)),
        (_("Correct answers, before and after"), f"{pct(total.pre)} → {pct(total.post)}"),
        (_("Learning gain"), wording.headline(total.paired), gain_note(total)),
    )
    return '<section class="card tiles">' + "".join(tile(*t) for t in tiles) + "</section>"


def tile(name: str, value: str, note: str = "") -> str:
    return f'<div class="tile">{escape(name)}<b>{escape(value)}</b>{small(note)}</div>'


def breakdown(heading: str, rows: list[Row], blank: str, k: int) -> str:
    if len(rows) < 2 and all(not r.key for r in rows):
        return ""  # nobody set a label: nothing to compare

    def name(row: Row) -> str:
        return row.key or blank

    return (
        f"<h2>{escape(heading)}</h2><section class='card'>{learning_chart(rows, name)}"
        f"{table(rows, name, k)}{efficacy_table(rows, name, k)}</section>"
    )


def files(report: Report) -> str:
    used = _("Files merged: {n}; events: {events}; duplicates ignored: {dups}.").format(
        n=num(len(report.used)), events=num(report.events), dups=num(report.duplicates)
    )
    out = [tag("h2", _("Sources")) + "<section class='card'>" + tag("p", used)]
    if report.notes:
        out.append("<ul>" + "".join(f"<li>{escape(n)}</li>" for n in report.notes) + "</ul>")
    return "".join(out) + "</section>"
