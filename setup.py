"""Build step that puts the game's own files into the package.

The repository keeps the story file, catalogs and assets in its top-level folders, where
authors and translators work on them. A wheel (and the one-folder build) carries them
inside the `game` package, in `game/bundled/`, where `game/resources.py` finds them.
The catalogs are compiled here from their .po files, so a translator's change cannot be
left out of a build; a committed .mo that says something else is named on the way.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# What an installed game needs, as paths in the repository; the same layout under bundled/.
FILES = ("scenarios.yaml",)
FOLDERS = ("assets/fonts", "assets/sounds", "assets/images", "assets/voice")
LOCALE_FILES = ("messages.po",)


def compile_catalog(po: Path) -> bytes:
    """The .mo that `pybabel compile` makes from this .po (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    locale = po.parent.parent.name
    with open(po, "rb") as fh:
        catalog = read_po(fh, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def bundle(target: Path, source: Path = HERE, say=print) -> None:
    """Copy the game's files from `source` (the repository) into `target` (a
    `game/bundled/` folder), compiling the catalogs on the way."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in FILES:
        shutil.copy2(source / name, target / name)
    for folder in FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(
                source / folder,
                target / folder,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )
    for po in sorted((source / "locales").glob("*/LC_MESSAGES/messages.po")):
        rel = po.relative_to(source)
        (target / rel.parent).mkdir(parents=True, exist_ok=True)
        shutil.copy2(po, target / rel)
        mo = compile_catalog(po)
        committed = po.with_suffix(".mo")
        if not committed.is_file() or committed.read_bytes() != mo:
            say(
                f"note: {committed.relative_to(source)} is older than its .po (they differ); "
                "the build compiles the .po itself; run 'pybabel compile -d locales'"
            )
        (target / rel.with_suffix(".mo")).write_bytes(mo)
        words = po.parent.parent / "words.txt"
        if words.is_file():
            shutil.copy2(words, target / words.relative_to(source))


class BuildWithFiles(build_py):
    def run(self):
        super().run()
        if not self.editable_mode:
            bundle(Path(self.build_lib) / "game" / "bundled")


if __name__ == "__main__":
    setup(cmdclass={"build_py": BuildWithFiles})
