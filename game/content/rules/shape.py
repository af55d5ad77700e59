"""E111-E115: what each kind of node must and must not have."""

from ..diagnostics import Diagnostic

PROFILE_ONLY = ("of", "bio", "details")
# A livestream's own fields: the node's viewer count and a message's gift.
LIVE_ONLY = ("viewers",)
LIVE_MESSAGE_ONLY = ("gift",)
# How many are in a group chat: a chat's own field.
CHAT_ONLY = ("members",)


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
            if node.scene != "chat":
                for key in CHAT_ONLY:
                    if key in node.at:
                        yield _only_on(node.at[key], key, "chat", node.scene)
            if node.scene != "live":
                for key in LIVE_ONLY:
                    if key in node.at:
                        yield _live_only(node.at[key], key, node.scene)
                for message in node.messages:
                    for key in LIVE_MESSAGE_ONLY:
                        if key in message.at:
                            yield _live_only(message.at[key], key, node.scene)
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


def _live_only(loc, key: str, scene: str) -> Diagnostic:
    return _only_on(loc, key, "live", scene)


def _only_on(loc, key: str, home: str, scene: str) -> Diagnostic:
    return Diagnostic.at(
        loc,
        "E115",
        f"'{key}' belongs on a {home} node, not a {scene} node",
        f"use 'scene: {home}', or remove it",
    )
