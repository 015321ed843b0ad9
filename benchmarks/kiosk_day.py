"""A kiosk's day of random visitors, compressed: the shipped story in kiosk mode (headless),
random taps, palms, drags, keys and long quiet spells poured in with the clock passed in.
Prints, per simulated hour, the memory the process holds and the sizes of what the window
keeps, so growth shows.  The figures in docs/installations.md come from:

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/kiosk_day.py --hours 24
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=24)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import kiosk_day
    from game.engine import load_story
    from game.kiosk_rules import KioskConfig
    from game.ui.app import App
    from game.ui.kiosk_mode import KioskMode
    from game.visitor_book import VisitorBook

    with tempfile.TemporaryDirectory() as home:
        os.environ["KEEPING_TRUST_HOME"] = home
        story = load_story(ROOT / "story")
        book = VisitorBook(Path(home) / "visitors.sqlite")
        kiosk = KioskMode(KioskConfig(staff_pin="2468", statistics=True), story, book)
        app = App(story, kiosk=kiosk, size=(1280, 720), seed=args.seed, sound=False)
        kiosk.back_to_attract(app)
        tracemalloc.start()
        started = time.monotonic()
        print("hour  wall s  rss MB  traced MB  surfaces  layouts  widths  visits begun/finished  stack")
        begun = 0
        for hour in range(1, int(args.hours) + 1):
            report = kiosk_day.random_day(app, 3600, seed=args.seed * 1000 + hour)
            begun += report.visits_begun
            traced = tracemalloc.get_traced_memory()[0] / 2**20
            widths = sum(len(w) for w in app.text._widths.values())
            print(f"{hour:4d}  {time.monotonic() - started:6.0f}  {rss_mb():6.1f}  {traced:9.1f}  "
                  f"{len(app.text._surfaces):8d}  {len(app.text._layouts):7d}  {widths:6d}  "
                  f"{begun:6d}/{kiosk.visits_finished:<6d}  {len(app.stack):5d}", flush=True)
        print(f"visitor rows written: {len(book.visits())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
