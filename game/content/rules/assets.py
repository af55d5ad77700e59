"""W150: pictures named in the content must exist (the game shows a placeholder otherwise)."""

from ...resources import IMAGES
from ..diagnostics import Diagnostic


def check(content, images_dir=None):
    images = images_dir or IMAGES
    for scenario in content.scenarios:
        for character in scenario.characters.values():
            if character.image and not (images / character.image).is_file():
                yield Diagnostic.at(
                    character.at["image"],
                    "W150",
                    f"image not found: assets/images/{character.image}",
                    "the game will show a placeholder",
                )
