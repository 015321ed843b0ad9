"""The long kill run: a writer of saves and settings killed with SIGKILL at random moments,
many hundreds of times, and the files on disk checked after every kill (see
tests/kill_loop.py).  The figures in docs/reliability.md come from:

    python -m benchmarks.kill --kills 2000        (or: python benchmarks/kill.py --kills 2000)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--longest-life", type=float, default=0.03,
                        help="the longest a writer lives before it is killed, in seconds")
    args = parser.parse_args(argv)

    from kill_loop import kill_loop

    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        report = kill_loop(Path(folder), args.kills, args.seed, args.longest_life)
    print(f"kills: {report.kills} in {time.monotonic() - started:.0f} s")
    print(f"kills that left a half-written temporary file (died inside a write): {report.inside_a_write}")
    print(f"different autosaves found on disk after a kill: {len(report.versions_seen)}")
    print(f"broken files or a missing autosave: {len(report.broken)}")
    for line in report.broken[:20]:
        print("  " + line)
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
