"""Generate the game's sounds (pure Python, no dependencies): run
``python assets/sounds/make_sounds.py`` to rewrite the WAV files beside this script.

click.wav   a soft wooden tick for buttons
choose.wav  two quiet notes when a choice is made
page.wav    a paper rustle for turning a page or opening a document
ambient.wav a quiet loop: wind and a distant sea, with a low drone (loops seamlessly)
"""

from __future__ import annotations

import math
import random
import struct
import wave
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent


def write(name: str, samples: list[float]) -> None:
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = 0.9 / peak if peak > 0.9 else 1.0
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s * scale)) * 32767)) for s in samples)
    with wave.open(str(HERE / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def envelope(i: int, n: int, attack: float, release: float) -> float:
    t = i / RATE
    a = min(1.0, t / attack) if attack else 1.0
    r = min(1.0, (n - i) / RATE / release) if release else 1.0
    return a * r


def click() -> list[float]:
    n = int(RATE * 0.06)
    rng = random.Random(1)
    out = []
    for i in range(n):
        t = i / RATE
        body = math.sin(2 * math.pi * 1400 * t) * math.exp(-t * 90)
        noise = (rng.random() * 2 - 1) * math.exp(-t * 300) * 0.3
        out.append((body + noise) * 0.35)
    return out


def choose() -> list[float]:
    out: list[float] = []
    for freq, length in ((523.25, 0.11), (783.99, 0.22)):
        n = int(RATE * length)
        for i in range(n):
            t = i / RATE
            tone = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(2 * math.pi * freq * 2 * t)
            out.append(tone * envelope(i, n, 0.005, 0.08) * math.exp(-t * 6) * 0.25)
    return out


def page() -> list[float]:
    n = int(RATE * 0.28)
    rng = random.Random(2)
    out, low = [], 0.0
    for i in range(n):
        t = i / RATE
        white = rng.random() * 2 - 1
        low += 0.35 * (white - low)           # soften the hiss
        shape = math.sin(math.pi * t / 0.28) ** 2
        flutter = 0.6 + 0.4 * math.sin(2 * math.pi * 31 * t)
        out.append((white - low) * shape * flutter * 0.25)
    return out


def ambient(seconds: float = 12.0) -> list[float]:
    n = int(RATE * seconds)
    rng = random.Random(3)
    wind = []
    a = b = 0.0
    for i in range(n):
        white = rng.random() * 2 - 1
        a += 0.02 * (white - a)              # a low rumble: the sea
        b += 0.12 * (white - b)              # a brighter hiss: wind
        wind.append((a * 3.0, b))
    out = []
    for i in range(n):
        t = i / RATE
        # Every modulation completes whole cycles in `seconds`, so the loop is seamless.
        swell = 0.55 + 0.45 * math.sin(2 * math.pi * t * 2 / seconds)
        gust = 0.5 + 0.5 * math.sin(2 * math.pi * t * 3 / seconds + 1.0)
        drone = (math.sin(2 * math.pi * 55 * t) + 0.5 * math.sin(2 * math.pi * 82.5 * t)) * 0.04
        sea, hiss = wind[i]
        out.append(sea * swell * 0.5 + hiss * gust * 0.12 + drone)
    # Cross-fade the end into the start so the noise has no seam either.
    fade = int(RATE * 1.0)
    for i in range(fade):
        w = i / fade
        out[i] = out[i] * w + out[n - fade + i] * (1 - w)
    return out[: n - fade]


if __name__ == "__main__":
    write("click.wav", click())
    write("choose.wav", choose())
    write("page.wav", page())
    write("ambient.wav", ambient())
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.wav"))))
