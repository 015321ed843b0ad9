"""Engine figures: how long the story takes to load, and how fast lives play.

Prints medians and ratios against a baseline measured in the same run (these machines are
noisy, so absolute numbers mean little). Run: python benchmarks/engine.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import located, load_story  # noqa: E402
from game.tools.explore import explore  # noqa: E402

STORY = Path(__file__).resolve().parent.parent / "story"


def median_seconds(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    fast = median_seconds(lambda: load_story(STORY), 15)
    c_loader = located._Loader
    located._Loader = yaml.SafeLoader  # the pure-Python parser, as a baseline
    try:
        slow = median_seconds(lambda: load_story(STORY), 15)
    finally:
        located._Loader = c_loader
    story = load_story(STORY)
    print(f"load the shipped story ({len(story.passages)} passages, {len(story.files)} files)")
    print(f"  with {c_loader.__name__}: median {fast * 1000:.1f} ms")
    print(f"  with SafeLoader (baseline): median {slow * 1000:.1f} ms  → {slow / fast:.1f}× slower")
    runs = 1000
    seconds = median_seconds(lambda: explore(story, runs=runs, seed=0), 5)
    print(f"explore: {runs} lives in a median {seconds:.2f} s → {runs / seconds:,.0f} lives/s")


if __name__ == "__main__":
    main()
