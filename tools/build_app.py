"""Build the one-folder game for PCs without Python: dist/net-heroes/.

Usage:  python tools/build_app.py [--dist DIR] [--all-locale-data]

The folder holds the program (`net-heroes.exe` on Windows, `net-heroes` on Linux), Python
itself, pygame-ce with SDL, the other libraries and every file of the game: the story file,
the catalogs (compiled from their .po files here, by the same `bundle` step that builds the
wheel, see setup.py), fonts, sounds and the help-service data. Copy the whole folder to
another PC of the same system (64-bit Windows 10 or later for a Windows build) and run the
program there: no Python, no installation, no network. The folder is built for the system
it is built on; build on Windows for Windows PCs. Of Babel's locale data only the game's
languages are kept (the rest would be about 30 MB); `--all-locale-data` keeps it all.

Run it from a checkout, in an environment where the game runs (`python -m pip install -e .`),
with PyInstaller installed (`python -m pip install pyinstaller`; the game itself never needs
it). PyInstaller's work files go to build/pyinstaller/, the folder to DIR/net-heroes/
(default: dist/ of the checkout); both build/ and dist/ are ignored by git.

The program takes the same commands as `python -m game` (`net-heroes.exe check`,
`net-heroes.exe guide --locale th --out guide.html`, ...; `net-heroes.exe` alone plays).
It is a console program on purpose, not a `--windowed` one: `check`, `list`, `autoplay`,
`export` and `report` print to the console, the game prints its warnings there (no sound
device, a missing picture) and kiosk mode writes one line there for each error it gets
over. A windowed build has no console: what they print would be lost, and `autoplay`,
which writes its transcript to standard output, would fail. Started from a desktop shortcut, a
console window opens behind the game's window and closes with it. A kiosk PC's shortcut
runs `net-heroes.exe play --kiosk` (add `--group "LAN house 1"` for the group label, or put
`kiosk: true` in operator.yaml and run `net-heroes.exe` alone). PyInstaller's
`--hide-console minimize-early` would keep that console window out of sight on Windows;
it is left out here because it has not been tried on a kiosk PC.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAME = "net-heroes"
WORK = REPO / "build" / "pyinstaller"  # PyInstaller's work files and its .spec
BUNDLE = REPO / "build" / "app-bundled"  # the game's files, laid out as game/bundled/
ENTRY_FILE = REPO / "build" / "app-entry" / "net_heroes_app.py"
# What the game needs at run time, by the module that must import (pyproject.toml's list).
NEEDED = {"pygame": "pygame-ce", "yaml": "PyYAML", "babel": "Babel", "platformdirs": "platformdirs"}
ENTRY = '''\
"""The one-folder program: the same command line as `python -m game`."""
import multiprocessing
import sys

if __name__ == "__main__":
    # `report` reads many files in worker processes (game/outcomes/merge.py); in a built
    # program each worker starts this program again, and this makes it a worker.
    multiprocessing.freeze_support()
    from game.cli import main

    sys.exit(main())
'''


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def load_setup():
    """setup.py as a module, without running setup() (that only happens as __main__)."""
    spec = importlib.util.spec_from_file_location("net_heroes_setup", REPO / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def missing_requirements() -> str | None:
    """Why this build cannot start, or None."""
    if importlib.util.find_spec("PyInstaller") is None:
        return (
            "PyInstaller is not installed in this Python. Install it with\n"
            "    python -m pip install pyinstaller\n"
            "and run this again (the game itself never needs it)."
        )
    absent = [
        package for module, package in NEEDED.items() if importlib.util.find_spec(module) is None
    ]
    if absent:
        return (
            f"the game's libraries are not installed in this Python ({', '.join(absent)}). "
            "In the game's folder run\n    python -m pip install -e .\nand run this again."
        )
    return None


def pyinstaller_args(dist: Path, entry: Path, bundle: Path) -> list[str]:
    def data(source: Path, dest: str) -> list[str]:
        # SOURCE;DEST on Windows, SOURCE:DEST elsewhere; absolute, since PyInstaller reads
        # relative sources from the folder of its .spec file.
        return ["--add-data", f"{source}{os.pathsep}{dest}"]

    return [
        "--noconfirm",
        "--clean",
        "--onedir",
        "--console",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(WORK),
        "--specpath",
        str(WORK),
        "--paths",
        str(REPO),  # this checkout's game and scenes, whatever else is installed
        # UTF-8 mode: Thai output sent to a file or a pipe (`autoplay --locale th > th.txt`)
        # is written as UTF-8 on Windows too, not in the ANSI code page, which has no Thai
        # letters. A built program ignores PYTHONUTF8 and the other PYTHON* variables.
        "--python-option",
        "X utf8",
        # Scenes, outcome commands and content rules are imported inside functions, some only
        # on one path of play; take every module of both packages.
        "--collect-submodules",
        "game",
        "--collect-submodules",
        "scenes",
        # Babel reads its locale data (dates and plural forms for pt_BR and th) from files.
        "--collect-data",
        "babel",
        "--hidden-import",
        "babel.dates",
        "--hidden-import",
        "platformdirs",
        "--hidden-import",
        "yaml",
        *data(bundle, "game/bundled"),  # where game/resources.py looks first
        *data(REPO / "game" / "data" / "regions.yaml", "game/data"),
        # Tests and translators' tools are never imported by the game. pkg_resources is
        # only Babel's fallback for Python < 3.10; taken along, PyInstaller would import it
        # at every start (some 50 ms).
        "--exclude-module",
        "pytest",
        "--exclude-module",
        "hypothesis",
        "--exclude-module",
        "pythainlp",
        "--exclude-module",
        "tkinter",
        "--exclude-module",
        "pkg_resources",
        "--exclude-module",
        "setuptools",
        # uvloop (13 MB) is an optional event loop that anyio, under watchfiles, would take
        # along where the test tools installed it; the game never runs an event loop.
        "--exclude-module",
        "uvloop",
        str(entry),
    ]


def keep_locale_data(folder: Path, locales) -> int:
    """Remove Babel's data for the languages the game does not speak (about 30 MB of the
    folder's size); keep the game's locales, the ones they inherit from (pt_BR from pt) and
    root. Returns how many files were removed."""
    keep = {"root"}
    for locale in locales:
        parts = locale.split("_")
        keep.update("_".join(parts[:n]) for n in range(1, len(parts) + 1))
    removed = 0
    for data in folder.rglob("babel/locale-data/*.dat"):
        if data.stem not in keep:
            data.unlink()
            removed += 1
    return removed


def size_mb(folder: Path) -> float:
    """The folder's size in MB as Windows Explorer and `du` count them (2**20 bytes); a
    library that PyInstaller links to twice is counted once."""
    files = (f for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 2**20


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the one-folder game (PyInstaller).")
    parser.add_argument(
        "--dist",
        metavar="DIR",
        type=Path,
        default=REPO / "dist",
        help="put the folder in DIR/net-heroes (default: dist/ of the checkout)",
    )
    parser.add_argument(
        "--all-locale-data",
        action="store_true",
        help="keep Babel's data for every language, not only the game's",
    )
    args = parser.parse_args(argv)

    why = missing_requirements()
    if why:
        return fail(why)
    dist = args.dist.resolve()
    started = time.monotonic()

    print(f"+ the game's files -> {BUNDLE.relative_to(REPO)}")
    load_setup().bundle(BUNDLE, REPO)
    ENTRY_FILE.parent.mkdir(parents=True, exist_ok=True)
    ENTRY_FILE.write_text(ENTRY, encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--log-level",
        "WARN",
        *pyinstaller_args(dist, ENTRY_FILE, BUNDLE),
    ]
    print("+ python -m PyInstaller " + " ".join(command[3:]))
    done = subprocess.run(command, cwd=REPO, env={**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    if done.returncode != 0:
        return fail(f"PyInstaller stopped with exit code {done.returncode}")

    folder = dist / NAME
    program = folder / (NAME + (".exe" if sys.platform == "win32" else ""))
    # PyInstaller 6 keeps everything but the program in _internal/, the game package too.
    found = [
        p
        for p in ("_internal/game/bundled", "game/bundled")
        if (folder / p / "scenarios.yaml").is_file()
    ]
    if not program.is_file() or not found:
        return fail(f"{folder} lacks the program or game/bundled/scenarios.yaml")
    catalogs = sorted((folder / found[0] / "locales").glob("*/LC_MESSAGES/messages.mo"))
    if not catalogs:
        return fail(f"{folder / found[0]} has no compiled catalogs")
    if not args.all_locale_data:
        sys.path.insert(0, str(REPO))
        from game.i18n import AVAILABLE

        removed = keep_locale_data(folder, AVAILABLE)
        print(
            f"removed Babel's data of {removed} languages the game does not speak "
            f"(kept {', '.join(AVAILABLE)})"
        )

    print(
        f"built {program} in {time.monotonic() - started:.0f} s; "
        f"catalogs: {', '.join(c.parent.parent.name for c in catalogs)}"
    )
    print(f"{folder}: {size_mb(folder):.1f} MB (copy the whole folder)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
