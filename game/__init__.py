"""Net Heroes: a child-friendly online-safety game."""

import os
from pathlib import Path

__version__ = "0.1.0"

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
SCENARIOS_FILE = ROOT / "scenarios.yaml"

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
