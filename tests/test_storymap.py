"""The story map (`python -m game graph`): every node with its id, scene and line, choices
marked by safety in a word and a line style as well as a colour, endings, and the nodes no
route reaches or that lead to no ending, flagged."""

import xml.etree.ElementTree as ET

from game import storymap
from game.cli import main
from game.content import check_file, load_text
from game.resources import SCENARIOS_FILE

from .helpers import MINIMAL

# `orphan` is reached by nothing; `loop` goes only to itself: no way on to an ending.
BROKEN = MINIMAL.replace(
    "      end:\n",
    """      orphan:
        scene: chat
        messages: [{from: sam, text: hello?}]
        choices:
          - {text: Leave, goto: end, safety: safe, feedback: Good.}
      loop:
        scene: chat
        messages: [{from: sam, text: again}]
        choices:
          - {text: Again, goto: loop, safety: risky, feedback: Hmm.}
      end:
""",
).replace("            goto: later\n", "            goto: loop\n", 1)


def test_the_shape_of_a_story_names_what_no_route_reaches_and_what_ends_nowhere():
    content, _ = load_text(BROKEN)
    found = storymap.shape(content.scenarios[0])
    assert found.unreachable == ["later", "orphan"]
    assert found.dead_ends == ["loop"]
    clean, _ = load_text(MINIMAL)
    assert storymap.shape(clean.scenarios[0]) == storymap.Shape()


def test_the_svg_shows_every_node_and_choice_with_words_not_colour_alone():
    content, _ = load_text(BROKEN)
    scenario = content.scenarios[0]
    page = storymap.svg(scenario)
    tree = ET.fromstring(page)  # well-formed
    texts = " ".join(t.text or "" for t in tree.iter("{http://www.w3.org/2000/svg}text"))
    for node in scenario.nodes.values():
        assert node.id in texts and f"line {node.loc.line}" in texts
    assert "START" in texts and "END" in texts and texts.count("PROBLEM") == 3 + 1  # + legend
    assert "c1 safe" in texts and "c2 risky" in texts and "if said_yes" in texts
    assert 'stroke-dasharray="8 5"' in page  # risky arrows are dashed, safe ones solid
    places = storymap.layout(scenario)
    assert places["hello"][0] < places["mum"][0] < places["end"][0]  # left to right
    assert len(set(places.values())) == len(places)  # no two nodes on one place


def test_graph_writes_every_shipped_story_offline(tmp_path, capsys):
    out = tmp_path / "map.html"
    assert main(["graph", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    content, _ = check_file(SCENARIOS_FILE)
    assert page.count("<svg") == len(content.scenarios)
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no links out
    assert "0 nodes flagged" in capsys.readouterr().out
    assert main(["graph", "--format", "dot", "--out", str(tmp_path / "m.dot")]) == 0
    dot = (tmp_path / "m.dot").read_text(encoding="utf-8")
    assert dot.startswith("digraph") and dot.count("->") == sum(
        len(n.choices) for s in content.scenarios for n in s.nodes.values()
    )


def test_graph_of_an_unknown_story_is_an_error(tmp_path, capsys):
    assert main(["graph", "--scenario", "camera", "--out", str(tmp_path / "x.html")]) == 1
    assert "no scenario 'camera'; did you mean 'camera_request'?" in capsys.readouterr().err
    assert main(["graph", "--format", "svg", "--out", str(tmp_path / "x.svg")]) == 1
    assert not (tmp_path / "x.svg").exists()
