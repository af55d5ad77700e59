"""Write the game's short sound effects to assets/sounds/*.wav.

Only the standard library is used: the sounds are synthesised from sine tones (with a touch of
harmonics) and, for the whoosh, softly filtered noise. Every file is 16-bit mono at 22050 Hz,
shorter than 1.2 s, peaks at about -12 dBFS and fades in and out so it never clicks.

Usage:  python tools/make_sounds.py [output folder]
"""

from __future__ import annotations

import math
import random
import sys
import wave
from array import array
from pathlib import Path

RATE = 22050
PEAK_DBFS = -12.0
FADE_IN = 0.004  # seconds
FADE_OUT = 0.02

OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"

# Note frequencies (Hz).
D4, F4, G4, A4 = 293.66, 349.23, 392.00, 440.00
C5, E5, G5, B5 = 523.25, 659.25, 783.99, 987.77
C6, E6 = 1046.50, 1318.51

WARM = ((2, 0.22), (3, 0.06))  # gentle harmonics: (multiple, level)
BELL = ((2, 0.18), (4, 0.05))


def silence(seconds: float) -> list[float]:
    return [0.0] * int(round(seconds * RATE))


def tone(
    freq: float,
    seconds: float,
    level: float = 1.0,
    partials=WARM,
    attack: float = 0.005,
    decay: float | None = None,
    glide_to: float | None = None,
    vibrato: float = 0.0,
    glide_from: float = 0.0,
    glide_time: float | None = None,
    release: float = 0.012,
) -> list[float]:
    """A sine tone with a few harmonics.

    ``decay`` is the time constant of an exponential fade (None: steady). ``glide_to`` slides the
    pitch smoothly, starting ``glide_from`` seconds in and taking ``glide_time`` seconds (default:
    the rest of the tone). ``vibrato`` is a gentle pitch wobble (fraction of the frequency).
    Every tone ends with a short ``release`` fade so notes never stop with a click.
    """
    n = int(round(seconds * RATE))
    out = []
    phase = 0.0
    span = glide_time if glide_time else max(1e-6, seconds - glide_from)
    rel = max(1, int(release * RATE))
    for i in range(n):
        t = i / RATE
        f = freq
        if glide_to is not None:
            k = min(1.0, max(0.0, (t - glide_from) / span))
            k = k * k * (3 - 2 * k)
            f = freq * (glide_to / freq) ** k
        if vibrato:
            f *= 1 + vibrato * math.sin(2 * math.pi * 5.0 * t)
        phase += 2 * math.pi * f / RATE
        v = math.sin(phase)
        for mult, amount in partials:
            v += amount * math.sin(phase * mult)
        env = min(1.0, t / attack) if attack > 0 else 1.0
        if decay:
            env *= math.exp(-t / decay)
        if n - i <= rel:
            env *= 0.5 - 0.5 * math.cos(math.pi * (n - i) / rel)
        out.append(level * env * v)
    return out


def add(buf: list[float], part: list[float], at: float) -> list[float]:
    """Mix ``part`` into ``buf`` starting ``at`` seconds (``buf`` grows if needed)."""
    start = int(round(at * RATE))
    if len(buf) < start + len(part):
        buf.extend([0.0] * (start + len(part) - len(buf)))
    for i, v in enumerate(part):
        buf[start + i] += v
    return buf


def finish(samples: list[float], fade_out: float = FADE_OUT, peak_dbfs: float = PEAK_DBFS) -> array:
    """Fade the ends, scale the loudest sample to ``peak_dbfs`` and convert to 16-bit."""
    n = len(samples)
    fi, fo = max(1, int(FADE_IN * RATE)), max(1, int(fade_out * RATE))
    for i in range(min(fi, n)):
        samples[i] *= 0.5 - 0.5 * math.cos(math.pi * i / fi)
    for i in range(min(fo, n)):
        samples[n - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / fo)
    peak = max((abs(v) for v in samples), default=0.0) or 1.0
    gain = (10 ** (peak_dbfs / 20.0)) * 32767 / peak
    data = array("h", (int(round(v * gain)) for v in samples))
    if sys.byteorder == "big":
        data.byteswap()
    return data


# ---------------------------------------------------------------------------------------------
# The sounds
# ---------------------------------------------------------------------------------------------


def pop() -> list[float]:
    """A round little 'bloop' when a message arrives."""
    return tone(440, 0.14, partials=((2, 0.12),), attack=0.003, decay=0.04, glide_to=900)


def send() -> list[float]:
    """A light upward 'fwip' when the player sends a message."""
    buf = tone(620, 0.13, partials=((2, 0.1),), attack=0.004, decay=0.05, glide_to=1250)
    return add(buf, tone(1250, 0.06, 0.35, partials=(), attack=0.003, decay=0.02), 0.1)


def click() -> list[float]:
    """A soft, short tick for buttons."""
    buf = tone(1400, 0.05, partials=((0.5, 0.6),), attack=0.001, decay=0.009)
    return buf


def good() -> list[float]:
    """A happy rising arpeggio (C E G C)."""
    buf = silence(0.0)
    for i, f in enumerate((C5, E5, G5, C6)):
        add(
            buf,
            tone(f, 0.5, 0.8 if i < 3 else 1.0, partials=BELL, attack=0.004, decay=0.16),
            i * 0.075,
        )
    return buf[: int(0.68 * RATE)]


def think() -> list[float]:
    """A gentle, warm 'hmm?': one soft voice-like tone sliding up a minor third."""
    buf = tone(
        D4,
        0.72,
        partials=((2, 0.3), (3, 0.1)),
        attack=0.06,
        vibrato=0.004,
        glide_to=F4,
        glide_from=0.26,
        glide_time=0.12,
    )
    # a soft swell and a slow fade, like someone thinking aloud
    n = len(buf)
    for i in range(n):
        t = i / n
        buf[i] *= (0.75 + 0.25 * math.sin(math.pi * min(1.0, t * 1.6))) * (1 - t) ** 0.6
    return buf


def ring() -> list[float]:
    """A soft two-tone ring for an incoming video call (loops nicely)."""
    buf = silence(1.0)
    for burst in (0.0, 0.5):
        for i in range(4):
            f = G5 if i % 2 == 0 else B5
            add(
                buf,
                tone(f, 0.11, partials=((2, 0.12),), attack=0.008, decay=0.09),
                burst + i * 0.085,
            )
    return buf[: int(1.0 * RATE)]


def tada() -> list[float]:
    """A little fanfare: two pick-up notes and a bright, shimmering chord."""
    buf = silence(0.0)
    add(buf, tone(G4, 0.12, 0.7, partials=WARM, attack=0.005, decay=0.08), 0.0)
    add(buf, tone(C5, 0.14, 0.8, partials=WARM, attack=0.005, decay=0.09), 0.1)
    for f, level in ((C5, 0.7), (E5, 0.6), (G5, 0.6), (C6, 0.5), (E6, 0.18)):
        for detune in (0.998, 1.002):  # two slightly detuned voices shimmer gently
            add(
                buf,
                tone(f * detune, 0.92, level * 0.5, partials=BELL, attack=0.01, decay=0.38),
                0.22,
            )
    return buf[: int(1.14 * RATE)]


def whoosh() -> list[float]:
    """Softly filtered noise that swells and fades, for screen changes."""
    rng = random.Random(7)
    n = int(0.4 * RATE)
    out = []
    low = band = 0.0
    for i in range(n):
        t = i / n
        swell = math.sin(math.pi * t)
        cutoff = 250 + 2600 * swell**2  # the filter opens and closes with the swell
        a = 1 - math.exp(-2 * math.pi * cutoff / RATE)
        x = rng.uniform(-1, 1)
        low += a * (x - low)
        band += a * (low - band)  # two poles: softer, more 'air'
        out.append(band * swell**1.5)
    return out


SOUNDS = {
    "pop": pop,
    "send": send,
    "click": click,
    "good": good,
    "think": think,
    "ring": ring,
    "tada": tada,
    "whoosh": whoosh,
}


def write(path: Path, data: array) -> None:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(data.tobytes())


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, make in SOUNDS.items():
        data = finish(make())
        path = out / f"{name}.wav"
        write(path, data)
        size = path.stat().st_size
        total += size
        print(f"{path.name:12s} {len(data) / RATE:5.2f} s  {size / 1024:6.1f} KB")
    print(f"total {total / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
