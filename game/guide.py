"""`python -m game guide`: a printable educator guide made from the scenario file.

One self-contained HTML page (inline CSS, no scripts, nothing from the network) that prints
on A4: a course plan, then a page per scenario with its objectives, the story in brief, every
decision with the safe choice and why, the quiz questions with their answers, questions for
a class discussion, the takeaway, and the help services of the guide's region."""

from __future__ import annotations

from collections import deque
from html import escape

from . import regions
from .content.model import AGE_BANDS
from .i18n import N_, _, current_locale, ngettext
from .outcomes.page import NEUTRAL, RISKY, SAFE, tag, topic_name

SAFETY = {
    "safe": (N_("safe"), SAFE),
    "neutral": (N_("neutral"), NEUTRAL),
    "risky": (N_("risky"), RISKY),
}
SCENES = {
    "chat": N_("Chat"),
    "call": N_("Video call"),
    "profile": N_("Profile page"),
    "dialogue": N_("Face to face"),
    "live": N_("Livestream"),
    "voice": N_("Voice chat"),
}
GROUND_RULES = (
    N_(
        "Nobody has to share their own stories. Talk about the characters, not about anyone "
        "in the room."
    ),
    N_(
        "It is never the child's fault. The blame belongs to the person who pressures, "
        "tricks or threatens."
    ),
    N_("Telling a trusted adult comes first, always. It is never too late to tell."),
    N_("After the session, say where you can be found, and name the help services below."),
)
CSS = """
@page{size:A4;margin:15mm 14mm}
body{font-family:system-ui,"Segoe UI","Noto Sans","Noto Sans Thai","Leelawadee UI",Tahoma,
sans-serif;margin:0;color:#262948;line-height:1.45;background:#eef4ff}
main{max-width:820px;margin:0 auto;padding:24px}
h1{font-size:1.9rem;color:#4876f0;margin:.2em 0}h2{font-size:1.45rem;margin:.2em 0}
h3{font-size:1.05rem;margin:1em 0 .3em;color:#6a4fd0}
.card{background:#fff;border-radius:18px;padding:14px 22px;margin:14px 0;
box-shadow:0 3px 10px rgba(20,24,60,.12)}
.meta{color:#5c628c;margin:.2em 0 .6em}
.pill{display:inline-block;border-radius:999px;padding:1px 10px;color:#fff;font-size:.85em;
font-weight:600;white-space:nowrap}
.decision{border-left:5px solid #a27dff;padding:4px 0 4px 12px;margin:10px 0;
break-inside:avoid}
.said{margin:2px 0;color:#3b3f66}.said b{color:#262948}
ul.choices{list-style:none;padding:0;margin:6px 0}
ul.choices li{margin:5px 0}
.why{color:#3b3f66}
.takeaway{font-size:1.15rem;font-weight:700;background:#fff5cc;border-radius:12px;
padding:8px 14px;display:block}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #dde3f5;vertical-align:top}
.scenario{break-before:page}
@media print{body{background:#fff}main{padding:0}.card{box-shadow:none;border:1px solid #ccd}
.pill{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def story_order(scenario) -> list:
    """The decision nodes in the order a player meets them (breadth first from the start)."""
    seen, queue, out = {scenario.start}, deque([scenario.start]), []
    while queue:
        node = scenario.nodes.get(queue.popleft())
        if node is None:
            continue
        if node.choices:
            out.append(node)
        for choice in node.choices:
            if choice.goto not in seen:
                seen.add(choice.goto)
                queue.append(choice.goto)
    return out


def band_order(scenario) -> int:
    """Younger band first; within a band, the file's order (sorting is stable)."""
    return AGE_BANDS.index(scenario.age_band) if scenario.age_band in AGE_BANDS else 99


def pill(safety: str) -> str:
    label, color = SAFETY.get(safety, SAFETY["neutral"])
    return f'<span class="pill" style="background:{color}">{escape(_(label))}</span>'


def decision(scenario, node, number: int) -> str:
    place = _(SCENES[node.scene]) if node.scene in SCENES else node.scene
    where = f"{place}: {node.app}" if node.app else place
    heading = _("Decision {number}").format(number=number)
    out = [f'<div class="decision"><p class="meta">{escape(heading)} · {escape(where)}</p>']
    for message in node.messages:
        text = escape(message.text.replace("\u200b", ""))
        if message.speaker == "system":
            out.append(f'<p class="said"><i>{text}</i></p>')
        else:
            name = escape(scenario.speaker_name(message.speaker))
            out.append(f'<p class="said"><b>{name}:</b> {text}</p>')
    out.append('<ul class="choices">')
    order = list(SAFETY)  # safe, neutral, risky
    ranked = sorted(node.choices, key=lambda c: order.index(c.safety) if c.safety in order else 1)
    for choice in ranked:
        out.append(
            f"<li>{pill(choice.safety)} <b>{escape(choice.text)}</b><br>"
            f'<span class="why">{escape(choice.feedback)}</span></li>'
        )
    return "".join(out) + "</ul></div>"


def questions(heading: str, items) -> str:
    if not items:
        return ""
    out = [tag("h3", heading), "<ol>"]
    for q in items:
        right = q.answers[q.correct_index].text if q.correct_index >= 0 else ""
        out.append(
            f"<li>{escape(q.ask)}<br>✓ <b>{escape(right)}</b>"
            + (f' <span class="why">{escape(q.explain)}</span>' if q.explain else "")
            + "</li>"
        )
    return "".join(out) + "</ol>"


def scenario_page(scenario) -> str:
    band = _("Ages {band}").format(band=scenario.age_band)
    nodes = story_order(scenario)
    count = ngettext("{n} decision point", "{n} decision points", len(nodes)).format(n=len(nodes))
    out = [
        f'<section class="scenario"><h2>{escape(scenario.title)}</h2>'
        f'<p class="meta">{escape(topic_name(scenario.topic))} · {escape(band)} · '
        f"{escape(count)}</p>"
    ]
    if scenario.summary:
        out.append(tag("p", scenario.summary))
    out.append(
        '<div class="card">'
        + tag("h3", _("Learning objectives"))
        + "<ul>"
        + "".join(tag("li", o) for o in scenario.objectives)
        + "</ul></div>"
    )
    out.append(tag("h3", _("The story, decision by decision")))
    out.append(
        tag(
            "p",
            _("The safe choice comes first; what the game says after each choice is under it."),
            "meta",
        )
    )
    out.extend(decision(scenario, node, i) for i, node in enumerate(nodes, start=1))
    if scenario.discuss:
        out.append(
            '<div class="card">'
            + tag("h3", _("Questions for the class"))
            + "<ol>"
            + "".join(tag("li", d) for d in scenario.discuss)
            + "</ol></div>"
        )
    out.append(questions(_("Quiz before the story"), scenario.pre))
    out.append(questions(_("Quiz after the story"), scenario.post))
    takeaways = list(dict.fromkeys(e.takeaway for e in scenario.endings if e.takeaway))
    if takeaways:
        out.append(tag("h3", _("Takeaway")))
        out.extend(tag("p", t, "takeaway") for t in takeaways)
    adults = list(dict.fromkeys(e.adult for e in scenario.endings if e.adult))
    if adults:
        out.append(tag("h3", _("A trusted adult first")))
        out.extend(tag("p", a) for a in adults)
    return "".join(out) + "</section>"


def services(locale: str) -> str:
    out = ['<div class="card">' + tag("h3", _("Where to get help"))]
    for region in regions.for_locale(locale):
        country, entries = regions.shown(region)
        out.append(f"<p><b>{escape(country)}</b></p><table>")
        out.extend(
            f"<tr><td><b>{escape(name)}</b></td><td>{escape(what)}</td>"
            f"<td>{escape(reach)}</td></tr>"
            for name, what, reach in entries
        )
        out.append("</table>")
    return "".join(out) + "</div>"


def plan(content) -> str:
    head = (_("Scenario"), _("Topic"), _("Ages"), _("Decisions"))
    rows = sorted(content.scenarios, key=band_order)  # the file's order within a band
    out = ["<table><tr>" + "".join(tag("th", h) for h in head) + "</tr>"]
    out.extend(
        f"<tr><td>{escape(s.title)}</td><td>{escape(topic_name(s.topic))}</td>"
        f"<td>{escape(s.age_band)}</td><td>{len(s.decision_nodes)}</td></tr>"
        for s in rows
    )
    return "".join(out) + "</table>"


def html(content) -> str:
    """The whole guide in the current language; `content` is already translated."""
    locale = current_locale()
    title = _("Net Heroes: educator guide")
    help_block = services(locale)
    out = [
        f'<!DOCTYPE html><html lang="{locale.replace("_", "-")}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>",
        tag("h1", title),
        tag(
            "p",
            _(
                "Each scenario is a short story in which the players choose what to do. "
                "Play it together on a projector with 'python -m game play --classroom "
                "GROUP', or let the children play alone or in pairs, then talk about it "
                "with the questions here."
            ),
            "meta",
        ),
        '<div class="card">'
        + tag("h3", _("Ground rules for every session"))
        + "<ul>"
        + "".join(tag("li", _(rule)) for rule in GROUND_RULES)
        + "</ul></div>",
        tag("h3", _("The course")),
        plan(content),
        help_block,
    ]
    for scenario in sorted(content.scenarios, key=band_order):
        out.append(scenario_page(scenario))
        out.append(help_block)
    return "".join(out) + "</main></body></html>\n"
