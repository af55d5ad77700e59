"""Events as xAPI statements (JSON lines), and reading them back (`parse`) for reports.

- The actor is an opaque per-session `account` (homePage + the random session id): no
  `mbox`, no `mbox_sha1sum`, no name.
- A statement's id is the one its event got when it was recorded (a random UUID, kept in
  the database: the export and the LRS use the same id); events recorded before ids were
  kept get a UUID derived from (session, seq) (`statement_id`). Either way, exporting the
  same data twice gives the same ids and merging both de-duplicates them.
- Activity ids are IRIs under NS: scenarios/<s>, scenarios/<s>/questions/<q>,
  scenarios/<s>/nodes/<n>, scenarios/<s>/nodes/<n>/choices/<c>. Content ids are
  lower-case letters, digits and '_', so they need no escaping.

    scenario_started    attempted     the scenario
    answer              answered      the question (result.response: the answer's id, absent
                                      in older files; result.success; parent: the scenario)
    decision            experienced   the node (result.response: the choice id; parent: the
                                      scenario; other: the choice)
    scenario_completed  completed     the scenario (completion, duration; other: the ending)
    scenario_abandoned  terminated    the scenario (duration; other: the node left)
    votes               responded     the node or question (result.response: the choice;
                                      result.score.raw: the count of votes, a whole number,
                                      never a duration; parent: the scenario)
    efficacy            responded     scenarios/<s>/efficacy/<phase>, a likert interaction
                                      (result.response: yes, unsure or no; no success, no
                                      score: it is not marked right or wrong; parent: the
                                      scenario)

`responded` tells efficacy from votes by the object (".../efficacy/..."). A report made
before efficacy existed reads an efficacy statement as votes, which it does not count, so
it never mixes the item into the answers' scores.

`parse` is the inverse of `statement`, with the standard JSON parser: a line that is not
one of our statements (another program's JSON, a damaged or cut-off line, a statement of
another activity provider) gives None, never a guess.
"""

from __future__ import annotations

import json
import re

from .schema import EVENT_COLUMNS, statement_id  # noqa: F401  (re-exported)

HOME = "https://net-heroes.invalid"
NS = HOME + "/xapi/"
EXT = NS + "extensions/"
SCENARIOS = NS + "scenarios/"
VERB_BASE = "http://adlnet.gov/expapi/verbs/"
ACTIVITY_BASE = "http://adlnet.gov/expapi/activities/"
VERBS = {
    "scenario_started": "attempted",
    "answer": "answered",
    "decision": "experienced",
    "scenario_completed": "completed",
    "scenario_abandoned": "terminated",
    "votes": "responded",
    "efficacy": "responded",
}
_KIND_OF_VERB = {VERB_BASE + verb: kind for kind, verb in VERBS.items() if kind != "efficacy"}
EFFICACY_ITEM = "If this happened to you, would you know what to do and who to tell?"
EFFICACY_SCALE = (("yes", "Yes, I would"), ("unsure", "I'm not sure"), ("no", "Not yet"))


def kind_of(verb: str, target: str) -> str | None:
    """The event kind of a statement with this verb IRI and object IRI (None: not ours)."""
    kind = _KIND_OF_VERB.get(verb)
    return "efficacy" if kind == "votes" and "/efficacy/" in target else kind


def scenario_iri(scenario: str) -> str:
    return SCENARIOS + scenario


def node_iri(scenario: str, node: str) -> str:
    return f"{SCENARIOS}{scenario}/nodes/{node}"


def efficacy_iri(scenario: str, phase: str) -> str:
    return f"{SCENARIOS}{scenario}/efficacy/{phase}"


def _activity(iri: str, kind: str, **definition) -> dict:
    return {
        "objectType": "Activity",
        "id": iri,
        "definition": {"type": ACTIVITY_BASE + kind, **definition},
    }


def _language(locale: str) -> str:
    return locale.replace("_", "-") if locale else "und"


def _efficacy_item(scenario: str, phase: str) -> dict:
    scale = [{"id": key, "description": {"en-US": text}} for key, text in EFFICACY_SCALE]
    return _activity(
        efficacy_iri(scenario, phase),
        "cmi.interaction",
        description={"en-US": EFFICACY_ITEM},
        interactionType="likert",
        scale=scale,
    )


def statement(event: dict, session: dict) -> dict:
    """One xAPI 1.0.3 statement for an event row and its session row (dicts by column)."""
    kind, scenario = event["kind"], event["scenario"]
    verb = VERBS[kind]
    extensions = {
        EXT + "seq": event["seq"],
        EXT + "locale": session["locale"],
        EXT + "age-band": session["age_band"],
        EXT + "group": session["grp"],
        EXT + "content-version": session["content_version"],
    }
    context: dict = {"language": _language(session["locale"]), "extensions": extensions}
    result: dict = {}
    target = _activity(scenario_iri(scenario), "simulation")
    if kind == "answer":
        target = _activity(
            f"{SCENARIOS}{scenario}/questions/{event['question']}",
            "cmi.interaction",
            interactionType="choice",
        )
        context["contextActivities"] = {"parent": [{"id": scenario_iri(scenario)}]}
        extensions[EXT + "phase"] = event["phase"]
        if event["choice"]:
            result["response"] = event["choice"]
        result["success"] = bool(event["correct"])
    elif kind == "efficacy":
        target = _efficacy_item(scenario, event["phase"])
        context["contextActivities"] = {"parent": [{"id": scenario_iri(scenario)}]}
        extensions[EXT + "phase"] = event["phase"]
        result["response"] = event["choice"]
    elif kind == "decision":
        node = node_iri(scenario, event["node"])
        target = _activity(node, "cmi.interaction", interactionType="choice")
        context["contextActivities"] = {
            "parent": [{"id": scenario_iri(scenario)}],
            "other": [{"id": f"{node}/choices/{event['choice']}"}],
        }
        extensions[EXT + "safety"] = event["safety"]
        result["response"] = event["choice"]
    elif kind == "votes":
        target = _activity(
            f"{SCENARIOS}{scenario}/questions/{event['question']}"
            if event["question"]
            else node_iri(scenario, event["node"]),
            "cmi.interaction",
            interactionType="choice",
        )
        context["contextActivities"] = {"parent": [{"id": scenario_iri(scenario)}]}
        if event["phase"]:
            extensions[EXT + "phase"] = event["phase"]
        if event["safety"]:
            extensions[EXT + "safety"] = event["safety"]
        result["response"] = event["choice"]
        if event["correct"] is not None:
            result["success"] = bool(event["correct"])
        result["score"] = {"raw": int(event["count"] or 0)}
    elif kind in ("scenario_completed", "scenario_abandoned"):
        result["completion"] = kind == "scenario_completed"
        if event["seconds"] is not None:
            result["duration"] = f"PT{int(event['seconds'])}S"
        if event["node"]:
            context["contextActivities"] = {"other": [{"id": node_iri(scenario, event["node"])}]}
    out = {
        "id": event.get("statement") or statement_id(event["session"], event["seq"]),
        "version": "1.0.3",
        "timestamp": event["ts"],
        "actor": {"objectType": "Agent", "account": {"homePage": HOME, "name": event["session"]}},
        "verb": {"id": VERB_BASE + verb, "display": {"en-US": verb}},
        "object": target,
        "context": context,
    }
    if result:
        out["result"] = result
    return out


def dumps(event: dict, session: dict) -> str:
    return json.dumps(statement(event, session), ensure_ascii=False, separators=(",", ":"))


# -- reading statements back ------------------------------------------------------------
# A row read back: the event's columns, then its session's (what an export line carries).
ROW_COLUMNS = (*EVENT_COLUMNS, "locale", "age_band", "grp", "content_version")
_NUMBERS = ("seq", "correct", "seconds", "count")
_TEXTS = tuple(at for at, column in enumerate(ROW_COLUMNS) if column not in _NUMBERS)
MAX_SEQ = 100_000  # more events than this in one session is not a play session
_DURATION = re.compile(r"PT(\d+)S")
# RecursionError: a line of JSON nested far too deep for the parser is not ours either.
_SKIPPED = (KeyError, TypeError, AttributeError, IndexError, ValueError, RecursionError)
_SEQ, _SAFETY, _PHASE, _LOCALE, _AGE, _GROUP, _VERSION = (
    EXT + name
    for name in ("seq", "safety", "phase", "locale", "age-band", "group", "content-version")
)


def _after(iri: str, marker: str) -> str:
    at = iri.find(marker)
    return iri[at + len(marker) :] if at >= 0 else ""


def parse(line: bytes) -> tuple | None:
    """One line of an export as a row (see ROW_COLUMNS), or None if it is not one of ours."""
    try:
        return _row(json.loads(line.decode("utf-8").lstrip("\ufeff")))  # a byte order mark
    except _SKIPPED:
        return None


def _row(s: dict) -> tuple | None:
    """The row of a parsed statement; a missing part raises (see parse), a foreign one
    gives None."""
    account = s["actor"]["account"]
    session, target = account["name"], s["object"]["id"]
    context = s["context"]
    ext = context["extensions"]
    seq = ext[_SEQ]
    if (
        account["homePage"] != HOME
        or type(seq) is not int
        or not 0 < seq <= MAX_SEQ
        or len(session) != 36
        or not target.startswith(SCENARIOS)
    ):
        return None
    kind = kind_of(s["verb"]["id"], target)
    if kind is None:
        return None
    activities = context.get("contextActivities") or {}
    parent = activities.get("parent") or [{"id": target}]
    other = (activities.get("other") or [{"id": ""}])[0]["id"]
    node = _after(target, "/nodes/") or ("" if "/choices/" in other else _after(other, "/nodes/"))
    scenario = parent[0]["id"][len(SCENARIOS) :]
    result = s.get("result") or {}
    success = result.get("success")
    duration = result.get("duration")
    seconds = _DURATION.fullmatch(duration) if duration else None
    raw = (result.get("score") or {}).get("raw")
    row = (
        session,
        seq,
        kind,
        scenario,
        node,
        result.get("response", ""),
        ext.get(_SAFETY, ""),
        ext.get(_PHASE, ""),
        _after(target, "/questions/"),
        None if success is None else int(bool(success)),
        int(seconds.group(1)) if seconds else None,
        s.get("timestamp", ""),
        raw if type(raw) is int else None,
        ext.get(_LOCALE, ""),
        ext.get(_AGE, ""),
        ext.get(_GROUP, ""),
        ext.get(_VERSION, ""),
    )
    if "/" in scenario or not all(type(row[at]) is str for at in _TEXTS):
        return None
    return row
