"""One module per scene type. Scenes are small classes: enter, exit, handle_event, update, draw.

The story scenes (a chat, a call, a dialogue, a profile, a livestream, a voice chat) share
their base in `stage.py`; which one shows a node is decided here, so that the base never
imports its own kinds."""

# Imported where used (milliseconds of import on top of the title screen's, best of 5 runs):
# when a story starts, not with the package.
#   scenes.chat 9 ms, with scenes.call, scenes.dialogue, scenes.profile, scenes.live and
#   scenes.voice


def scene_for(scene_type: str):
    """The scene class that shows a story node of this type (the node's `scene:` field)."""
    from .call import CallScene
    from .chat import ChatScene
    from .dialogue import DialogueScene
    from .live import LiveScene
    from .profile import ProfileScene
    from .voice import VoiceScene

    return {
        "chat": ChatScene,
        "call": CallScene,
        "dialogue": DialogueScene,
        "profile": ProfileScene,
        "live": LiveScene,
        "voice": VoiceScene,
    }[scene_type]
