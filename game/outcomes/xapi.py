"""Events as xAPI statements (JSON lines), and the SQL that reads them back for reports.

- The actor is an opaque per-session `account` (homePage + the random session id): no
  `mbox`, no `mbox_sha1sum`, no name.
- A statement's id is a UUID derived from (session, seq), so exporting the same data twice
  gives the same ids and merging both de-duplicates them.
- Activity ids are IRIs under NS: scenarios/<s>, scenarios/<s>/questions/<q>,
  scenarios/<s>/nodes/<n>, scenarios/<s>/nodes/<n>/choices/<c>. Content ids are
  lower-case letters, digits and '_', so they need no escaping.

    scenario_started    attempted     the scenario
    answer              answered      the question (result.success; parent: the scenario)
    decision            experienced   the node (result.response: the choice id; parent: the
                                      scenario; other: the choice)
    scenario_completed  completed     the scenario (completion, duration; other: the ending)
    scenario_abandoned  terminated    the scenario (duration; other: the node left)
"""

from __future__ import annotations

import json
import uuid

HOME = "https://net-heroes.invalid"
NS = HOME + "/xapi/"
EXT = NS + "extensions/"
SCENARIOS = NS + "scenarios/"
STATEMENT_NS = uuid.uuid5(uuid.NAMESPACE_URL, NS + "statements")
VERB_BASE = "http://adlnet.gov/expapi/verbs/"
ACTIVITY_BASE = "http://adlnet.gov/expapi/activities/"
VERBS = {"scenario_started": "attempted", "answer": "answered", "decision": "experienced",
         "scenario_completed": "completed", "scenario_abandoned": "terminated"}
KIND_OF_VERB = {VERB_BASE + verb: kind for kind, verb in VERBS.items()}


def statement_id(session: str, seq: int) -> str:
    return str(uuid.uuid5(STATEMENT_NS, f"{session}/{seq}"))


def scenario_iri(scenario: str) -> str:
    return SCENARIOS + scenario


def node_iri(scenario: str, node: str) -> str:
    return f"{SCENARIOS}{scenario}/nodes/{node}"


def _activity(iri: str, kind: str, **definition) -> dict:
    return {"objectType": "Activity", "id": iri,
            "definition": {"type": ACTIVITY_BASE + kind, **definition}}


def _language(locale: str) -> str:
    return locale.replace("_", "-") if locale else "und"


def statement(event: dict, session: dict) -> dict:
    """One xAPI 1.0.3 statement for an event row and its session row (dicts by column)."""
    kind, scenario = event["kind"], event["scenario"]
    verb = VERBS[kind]
    extensions = {EXT + "seq": event["seq"], EXT + "locale": session["locale"],
                  EXT + "age-band": session["age_band"], EXT + "group": session["grp"],
                  EXT + "content-version": session["content_version"]}
    context: dict = {"language": _language(session["locale"]), "extensions": extensions}
    result: dict = {}
    target = _activity(scenario_iri(scenario), "simulation")
    if kind == "answer":
        target = _activity(f"{SCENARIOS}{scenario}/questions/{event['question']}",
                           "cmi.interaction", interactionType="choice")
        context["contextActivities"] = {"parent": [{"id": scenario_iri(scenario)}]}
        extensions[EXT + "phase"] = event["phase"]
        result["success"] = bool(event["correct"])
    elif kind == "decision":
        node = node_iri(scenario, event["node"])
        target = _activity(node, "cmi.interaction", interactionType="choice")
        context["contextActivities"] = {"parent": [{"id": scenario_iri(scenario)}],
                                        "other": [{"id": f"{node}/choices/{event['choice']}"}]}
        extensions[EXT + "safety"] = event["safety"]
        result["response"] = event["choice"]
    elif kind in ("scenario_completed", "scenario_abandoned"):
        result["completion"] = kind == "scenario_completed"
        if event["seconds"] is not None:
            result["duration"] = f"PT{int(event['seconds'])}S"
        if event["node"]:
            context["contextActivities"] = {"other": [{"id": node_iri(scenario, event["node"])}]}
    out = {"id": statement_id(event["session"], event["seq"]), "version": "1.0.3",
           "timestamp": event["ts"],
           "actor": {"objectType": "Agent",
                     "account": {"homePage": HOME, "name": event["session"]}},
           "verb": {"id": VERB_BASE + verb, "display": {"en-US": verb}},
           "object": target, "context": context}
    if result:
        out["result"] = result
    return out


def dumps(event: dict, session: dict) -> str:
    return json.dumps(statement(event, session), ensure_ascii=False, separators=(",", ":"))


# -- reading statements back, in SQL (SQLite's JSON functions are much faster than Python's
# json module at this size). `j` is one line of text; rows that are not one of our
# statements give NULL in `session` or `kind` and are counted as skipped.
def _x(path: str) -> str:
    return f"json_extract(j, '{path}')"


def _ext(name: str) -> str:
    return _x(f'$.context.extensions."{EXT}{name}"')


def _after(expr: str, marker: str) -> str:
    return f"substr({expr}, instr({expr}, '{marker}') + {len(marker)})"


_OBJECT = _x("$.object.id")
_OTHER = _x("$.context.contextActivities.other[0].id")
_WHEN = " ".join(f"WHEN '{verb}' THEN '{kind}'" for verb, kind in KIND_OF_VERB.items())
_KIND = f"CASE {_x('$.verb.id')} {_WHEN} END"
_SCENARIO = (f"CASE WHEN {_x('$.context.contextActivities.parent[0].id')} IS NOT NULL "
             f"THEN substr({_x('$.context.contextActivities.parent[0].id')}, {len(SCENARIOS) + 1}) "
             f"ELSE substr({_OBJECT}, {len(SCENARIOS) + 1}) END")
_NODE = (f"CASE WHEN instr({_OBJECT}, '/nodes/') THEN {_after(_OBJECT, '/nodes/')} "
         f"WHEN instr({_OTHER}, '/nodes/') AND NOT instr({_OTHER}, '/choices/') "
         f"THEN {_after(_OTHER, '/nodes/')} ELSE '' END")

# The columns of a staging row, in this order: the event columns then the session columns.
STAGE_COLUMNS = ("session", "seq", "kind", "scenario", "node", "choice", "safety", "phase",
                 "question", "correct", "seconds", "ts", "locale", "age_band", "grp",
                 "content_version")
_VALID = (f"json_valid(j) AND {_x('$.actor.account.homePage')} = '{HOME}' "
          f"AND length({_x('$.actor.account.name')}) = 36 "
          f"AND typeof({_ext('seq')}) = 'integer' AND {_OBJECT} LIKE '{SCENARIOS}%'")
SELECT_STATEMENT = f"""
SELECT * FROM (
SELECT {_x('$.actor.account.name')} AS session, {_ext('seq')} AS seq, {_KIND} AS kind,
       {_SCENARIO} AS scenario, {_NODE} AS node,
       coalesce({_x('$.result.response')}, '') AS choice,
       coalesce({_ext('safety')}, '') AS safety, coalesce({_ext('phase')}, '') AS phase,
       CASE WHEN instr({_OBJECT}, '/questions/') THEN {_after(_OBJECT, '/questions/')}
            ELSE '' END AS question,
       {_x('$.result.success')} AS correct,
       CAST(substr({_x('$.result.duration')}, 3, length({_x('$.result.duration')}) - 3)
            AS INTEGER) AS seconds,
       coalesce({_x('$.timestamp')}, '') AS ts, coalesce({_ext('locale')}, '') AS locale,
       coalesce({_ext('age-band')}, '') AS age_band, coalesce({_ext('group')}, '') AS grp,
       coalesce({_ext('content-version')}, '') AS content_version
FROM (SELECT ? AS j) WHERE {_VALID}
) WHERE kind IS NOT NULL
"""
