import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The story cache of the whole run goes to a folder of its own, removed at the end, never
# to the user's cache folder (tests of the cache itself use their own folders).
_CACHE = tempfile.mkdtemp(prefix="net-heroes-cache-")
os.environ["NET_HEROES_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
