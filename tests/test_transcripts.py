"""Golden play-throughs: a scenario and a way of choosing in, the expected transcript out.

Each file in tests/transcripts/ starts with header lines:
    # scenario: ID
    # strategy: safe | risky          (or)   # choices: c1 c2 c1 ...
and the rest is the transcript. After an intended content change, rewrite them with
    UPDATE_TRANSCRIPTS=1 python -m pytest tests/test_transcripts.py
and read the diff before committing.
"""

import os
from pathlib import Path

import pytest

from game.autoplay import run
from game.content import check_file
from game.resources import SCENARIOS_FILE

FOLDER = Path(__file__).parent / "transcripts"
FILES = sorted(FOLDER.glob("*.txt"))


def parse(path: Path):
    header, body = {}, []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not body and line.startswith("# "):
            key, _, value = line[2:].partition(":")
            header[key.strip()] = value.strip()
        else:
            body.append(line)
    return header, "".join(body)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_transcript_matches(path):
    header, expected = parse(path)
    content, _ = check_file(SCENARIOS_FILE)
    script = header["choices"].split() if "choices" in header else None
    actual = run(
        content, [header["scenario"]], header.get("strategy", "safe"), script=script, draw=False
    ).text()
    if os.environ.get("UPDATE_TRANSCRIPTS"):
        head = "".join(f"# {k}: {v}\n" for k, v in header.items())
        path.write_text(head + actual, encoding="utf-8")
        return
    assert actual == expected


def test_there_are_golden_transcripts_for_every_scenario():
    content, _ = check_file(SCENARIOS_FILE)
    covered = {parse(p)[0]["scenario"] for p in FILES}
    assert covered == {s.id for s in content.scenarios}
