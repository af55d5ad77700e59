"""W140: after a risky choice the player must still be offered a safe way back."""

from ..diagnostics import Diagnostic


def check(content):
    for scenario in content.scenarios:
        for node in scenario.nodes.values():
            for choice in node.choices:
                if choice.safety != "risky":
                    continue
                target = scenario.nodes.get(choice.goto)
                if target is None or target.is_ending:
                    continue
                if not any(c.safety == "safe" for c in target.choices):
                    yield Diagnostic.at(
                        choice.at["goto"],
                        "W140",
                        f"after this risky choice, node '{target.id}' offers no safe choice",
                        "give the player a way back, such as telling a trusted adult",
                    )
