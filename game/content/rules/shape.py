"""E111-E115: what each kind of node must and must not have."""

from ..diagnostics import Diagnostic

PROFILE_ONLY = ("of", "bio", "details")


def check(content):
    for scenario in content.scenarios:
        for node in scenario.nodes.values():
            if not node.scene:
                continue
            if node.scene == "profile":
                if not node.of:
                    yield Diagnostic.at(
                        node.loc,
                        "E114",
                        f"profile node '{node.id}' does not say whose page it is",
                        "add 'of:' with a character id",
                    )
            else:
                for key in PROFILE_ONLY:
                    if key in node.at:
                        yield Diagnostic.at(
                            node.at[key],
                            "E115",
                            f"'{key}' belongs on a profile node, not a {node.scene} node",
                            "use 'scene: profile', or remove it",
                        )
            if node.is_ending:
                for key in ("choices", "messages"):
                    if key in node.at:
                        yield Diagnostic.at(
                            node.at[key],
                            "E112",
                            f"ending '{node.id}' cannot have {key}",
                            "an ending closes the story",
                        )
                continue
            if not node.choices:
                yield Diagnostic.at(
                    node.loc,
                    "E111",
                    f"node '{node.id}' has no choices and is not an ending",
                    "add choices, or make it 'scene: ending'",
                )
            if not node.messages:
                yield Diagnostic.at(
                    node.loc, "E113", f"{node.scene} node '{node.id}' has no messages"
                )
