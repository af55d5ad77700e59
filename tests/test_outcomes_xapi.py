"""xAPI statements: the structure an LRS expects, an anonymous actor, stable ids, a vote's
count carried as a count, and a reader that gets back exactly what was written."""

import json
import re
import uuid
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from game.outcomes import xapi
from game.outcomes.xapi import ROW_COLUMNS

SESSION = {"locale": "th", "age_band": "9-12", "grp": "5B", "content_version": "c0ffee"}
SID = "2f1e4c1a-8a1b-4d6e-9f00-0123456789ab"
IRI = re.compile(r"^https?://[^\s/]+/\S*$")
EVENTS = [
    {"kind": "scenario_started", "scenario": "camera_request"},
    {
        "kind": "answer",
        "scenario": "camera_request",
        "phase": "pre",
        "question": "q1",
        "choice": "b",
        "correct": 1,
    },
    {
        "kind": "answer",
        "scenario": "camera_request",
        "phase": "post",
        "question": "p1",
        "choice": "a",
        "correct": 0,
    },
    {
        "kind": "decision",
        "scenario": "camera_request",
        "node": "hello",
        "choice": "c2",
        "safety": "risky",
    },
    {
        "kind": "scenario_completed",
        "scenario": "camera_request",
        "node": "good_end",
        "seconds": 180,
    },
    {"kind": "scenario_abandoned", "scenario": "camera_request", "node": "threat", "seconds": 40},
    {"kind": "efficacy", "scenario": "camera_request", "phase": "pre", "choice": "unsure"},
    {
        "kind": "answer",
        "scenario": "camera_request",
        "phase": "pre",
        "question": "q2",
        "correct": 1,
    },  # recorded before answers had ids
]


def event(seq, **fields):
    base = {
        "session": SID,
        "seq": seq,
        "kind": "",
        "scenario": "",
        "node": "",
        "choice": "",
        "safety": "",
        "phase": "",
        "question": "",
        "correct": None,
        "seconds": None,
        "ts": "2026-03-09T10:00:10Z",
        "count": None,
    }
    return {**base, **fields}


def keys(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from keys(v)


def test_every_kind_is_a_well_formed_anonymous_statement():
    for seq, fields in enumerate(EVENTS, 1):
        s = xapi.statement(event(seq, **fields), SESSION)
        assert uuid.UUID(s["id"]).version == 5
        assert s["version"] == "1.0.3"
        assert (
            datetime.fromisoformat(s["timestamp"].replace("Z", "+00:00"))
            .utcoffset()
            .total_seconds()
            == 0
        )
        assert s["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": "https://net-heroes.invalid", "name": SID},
        }
        assert not {"mbox", "mbox_sha1sum", "openid"} & set(keys(s))
        assert "name" not in s["actor"]  # only the account's opaque name
        verb = s["verb"]["id"]
        assert verb.startswith("http://adlnet.gov/expapi/verbs/")
        assert verb.rsplit("/", 1)[1] in {
            "attempted",
            "answered",
            "experienced",
            "completed",
            "terminated",
            "responded",
        }
        assert s["verb"]["display"]["en-US"] == verb.rsplit("/", 1)[1]
        assert s["object"]["objectType"] == "Activity" and IRI.match(s["object"]["id"])
        assert IRI.match(s["object"]["definition"]["type"])
        extensions = s["context"]["extensions"]
        assert all(IRI.match(k) for k in extensions)
        assert {k.rsplit("/", 1)[1]: v for k, v in extensions.items()}.items() >= {
            "locale": "th",
            "age-band": "9-12",
            "group": "5B",
            "content-version": "c0ffee",
            "seq": seq,
        }.items()
        for activities in s["context"].get("contextActivities", {}).values():
            assert all(IRI.match(a["id"]) for a in activities)
        json.dumps(s)  # plain JSON


def test_answers_say_whether_they_were_right_and_decisions_their_safety():
    answer = xapi.statement(event(2, **EVENTS[1]), SESSION)
    assert answer["result"] == {"response": "b", "success": True}  # the answer's id
    assert answer["object"]["id"].endswith("/scenarios/camera_request/questions/q1")
    old = xapi.statement(event(8, **EVENTS[7]), SESSION)
    assert old["result"] == {"success": True}  # no id: no response, as before
    decision = xapi.statement(event(4, **EVENTS[3]), SESSION)
    assert decision["result"] == {"response": "c2"}
    assert decision["object"]["id"].endswith("/scenarios/camera_request/nodes/hello")
    assert decision["context"]["contextActivities"]["other"][0]["id"].endswith(
        "/nodes/hello/choices/c2"
    )
    assert decision["context"]["extensions"][xapi.EXT + "safety"] == "risky"
    done = xapi.statement(event(5, **EVENTS[4]), SESSION)
    assert done["result"] == {"completion": True, "duration": "PT180S"}


def test_efficacy_is_a_likert_response_never_scored():
    s = xapi.statement(event(7, **EVENTS[6]), SESSION)
    assert s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/responded"
    assert s["object"]["id"] == (
        "https://net-heroes.invalid/xapi/scenarios/camera_request/efficacy/pre"
    )
    definition = s["object"]["definition"]
    assert definition["interactionType"] == "likert"
    assert [c["id"] for c in definition["scale"]] == ["yes", "unsure", "no"]
    assert s["result"] == {"response": "unsure"}  # no success, no score
    assert s["context"]["contextActivities"]["parent"][0]["id"].endswith(
        "/scenarios/camera_request"
    )
    assert s["context"]["extensions"][xapi.EXT + "phase"] == "pre"
    assert xapi.kind_of(s["verb"]["id"], s["object"]["id"]) == "efficacy"
    votes = {**EVENTS[6], "kind": "votes", "question": "q1", "count": 3}
    v = xapi.statement(event(9, **votes), SESSION)
    assert xapi.kind_of(v["verb"]["id"], v["object"]["id"]) == "votes"


def test_statement_ids_are_stable_and_distinct():
    ids = {xapi.statement_id(SID, seq) for seq in range(1, 200)}
    assert len(ids) == 199
    assert xapi.statement_id(SID, 7) == xapi.statement_id(SID, 7)
    assert xapi.statement_id(SID, 7) != xapi.statement_id(str(uuid.uuid4()), 7)


def as_row(e, session=SESSION):
    merged = {**e, **session}
    return tuple(merged[c] for c in ROW_COLUMNS)


def test_reading_back_gives_the_written_rows():
    for seq, fields in enumerate(EVENTS, 1):
        e = event(seq, **fields)
        line = xapi.dumps(e, SESSION)
        assert xapi.parse(line.encode() + b"\n") == as_row(e)
        assert xapi.parse(b"\xef\xbb\xbf" + line.encode()) == as_row(e)  # a byte order mark


def test_a_vote_carries_its_count_as_a_count_never_as_a_duration():
    decision = {"scenario": "camera_request", "node": "hello", "choice": "c2", "safety": "risky"}
    answer = {
        "scenario": "camera_request",
        "phase": "post",
        "question": "p1",
        "choice": "b",
        "correct": 1,
    }
    for seq, fields in enumerate((decision, answer), 1):
        e = event(seq, kind="votes", count=17, **fields)
        s = xapi.statement(e, SESSION)
        assert s["result"]["score"] == {"raw": 17}
        assert "duration" not in s["result"] and "completion" not in s["result"]
        row = dict(zip(ROW_COLUMNS, xapi.parse(xapi.dumps(e, SESSION).encode()), strict=True))
        assert (row["kind"], row["count"], row["seconds"]) == ("votes", 17, None)
    assert xapi.statement(event(3, kind="votes", **decision), SESSION)["result"]["score"] == {
        "raw": 0
    }  # a vote recorded without a count (never by the game) says 0
    done = xapi.statement(event(4, **EVENTS[4]), SESSION)
    assert "score" not in done["result"] and done["result"]["duration"] == "PT180S"


def test_other_layouts_are_read_and_foreign_lines_are_refused():
    e = event(4, **EVENTS[3])
    pretty = json.dumps(xapi.statement(e, SESSION), indent=2).replace("\n", " ")
    assert xapi.parse(pretty.encode()) == as_row(e)
    foreign = xapi.statement(e, SESSION)
    foreign["actor"]["account"]["homePage"] = "https://example.org"
    assert xapi.parse(json.dumps(foreign).encode()) is None
    odd = xapi.statement(e, SESSION)
    odd["context"]["extensions"][xapi.EXT + "group"] = ["5B"]  # not text
    assert xapi.parse(json.dumps(odd).encode()) is None
    for junk in (b"", b"{", b"[]", b'{"id": 1}', b"\xff\xfe", b'"text"', b"null"):
        assert xapi.parse(junk) is None


labels = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
ids = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(sorted({e["kind"] for e in EVENTS} | {"votes"})),
    scenario=ids,
    node=ids,
    choice=ids | st.just(""),
    question=ids,
    phase=st.sampled_from(["pre", "post"]),
    correct=st.sampled_from([0, 1]),
    seq=st.integers(1, 99_999),
    seconds=st.integers(0, 10**6),
    group=labels,
    age=st.sampled_from(["", "9-12", "13-17"]),
    locale=st.sampled_from(["", "pt_BR", "th"]),
)
def test_any_statement_reads_back_the_same(
    kind, scenario, node, choice, question, phase, correct, seq, seconds, group, age, locale
):
    fields = {
        "scenario_started": {},
        "answer": {"phase": phase, "question": question, "choice": choice, "correct": correct},
        "efficacy": {"phase": phase, "choice": ("yes", "unsure", "no")[correct]},
        "decision": {"node": node, "choice": choice, "safety": "safe"},
        "scenario_completed": {"node": node, "seconds": seconds},
        "scenario_abandoned": {"node": node, "seconds": seconds},
        "votes": {"node": node, "choice": choice, "safety": "safe", "count": seconds},
    }[kind]
    e = event(seq, kind=kind, scenario=scenario, **fields)
    session = {**SESSION, "grp": group, "age_band": age, "locale": locale}
    line = xapi.dumps(e, session)
    assert xapi.parse(line.encode()) == as_row(e, session)


def test_escaped_and_non_latin_labels_read_back():
    session = {**SESSION, "grp": 'ห้อง "5B" \\ sala\u2028'}
    e = event(3, **EVENTS[3])
    line = xapi.dumps(e, session)
    assert xapi.parse(line.encode()) == as_row(e, session)
