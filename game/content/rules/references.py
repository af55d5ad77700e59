"""E104-E106, E110: names that must point at something that exists."""

from ..diagnostics import Diagnostic, did_you_mean
from ..model import SYSTEM_SPEAKER


def check(content):
    for scenario in content.scenarios:
        nodes = scenario.nodes
        if scenario.start and scenario.start not in nodes:
            yield Diagnostic.at(
                scenario.at["start"],
                "E105",
                f"start node '{scenario.start}' does not exist",
                did_you_mean(scenario.start, nodes),
            )
        speakers = set(scenario.characters) | {SYSTEM_SPEAKER}
        flags_set = {f for n in nodes.values() for c in n.choices for f in c.set_flags}
        for node in nodes.values():
            if node.of and node.of not in scenario.characters:
                yield Diagnostic.at(
                    node.at["of"],
                    "E106",
                    f"unknown character '{node.of}'",
                    did_you_mean(node.of, scenario.characters),
                )
            for message in node.messages:
                if message.speaker and message.speaker not in speakers:
                    yield Diagnostic.at(
                        message.at["from"],
                        "E106",
                        f"unknown character '{message.speaker}'",
                        did_you_mean(message.speaker, speakers),
                    )
            for choice in node.choices:
                if choice.goto and choice.goto not in nodes:
                    yield Diagnostic.at(
                        choice.at["goto"],
                        "E104",
                        f"choice goes to unknown node '{choice.goto}'",
                        did_you_mean(choice.goto, nodes),
                    )
                for key, flag in (("if", choice.if_flag), ("unless", choice.unless_flag)):
                    if flag and flag not in flags_set:
                        yield Diagnostic.at(
                            choice.at[key],
                            "E110",
                            f"flag '{flag}' is never set by any choice",
                            did_you_mean(flag, flags_set),
                        )
