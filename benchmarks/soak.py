"""Eight hours of a restless player, compressed: the shipped story in the window (headless),
random mouse, touch and keys, resizes, settings changes and pauses poured in with the clock
passed in (see tests/ui/soak.py).  Prints, per simulated hour, the memory the process holds
and the size of every cache the window keeps, so growth shows.  The figures in
docs/reliability.md come from:

    python -m benchmarks.soak --hours 8        (or: python benchmarks/soak.py --hours 8)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=float, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    import soak
    from game.engine import load_story
    from game.settings import Settings
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene

    with tempfile.TemporaryDirectory() as home:
        os.environ["KEEPING_TRUST_HOME"] = home
        story = load_story(ROOT / "story")
        app = App(story, settings=Settings(), size=(1280, 720), seed=args.seed, sound=False)
        app.start(TitleScene(app))
        tracemalloc.start()
        started = time.monotonic()
        names = list(soak.cache_sizes(app))
        print("hour  wall s  rss MB  traced MB  " + "  ".join(names) + "  events  resizes  settings  restarts")
        for hour in range(1, int(args.hours) + 1):
            report = soak.random_use(app, 3600, seed=args.seed * 1000 + hour)
            sizes = soak.cache_sizes(app)
            traced = tracemalloc.get_traced_memory()[0] / 2**20
            print(f"{hour:4d}  {time.monotonic() - started:6.0f}  {rss_mb():6.1f}  {traced:9.1f}  "
                  + "  ".join(f"{sizes[n]:{len(n)}d}" for n in names)
                  + f"  {report.events:6d}  {report.resizes:7d}  {report.settings_changed:8d}"
                  f"  {report.games_started_again:8d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
