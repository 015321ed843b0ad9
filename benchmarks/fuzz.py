"""The long fuzz run: the properties of ``tests/fuzz`` with fresh random examples, round after
round, for as many minutes as asked.  Prints, per target, how many examples ran and what
failed, and the process's peak memory.  The figures in docs/reliability.md come from:

    python -m benchmarks.fuzz --minutes 10        (or: python benchmarks/fuzz.py --minutes 10)
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "fuzz")]


def targets() -> dict:
    """Each target: a property and the strategies of its arguments."""
    from hypothesis import strategies as st

    import fuzzing
    from game.engine import load_story

    story = load_story(ROOT / "tests" / "ui" / "fixture_story")
    saved = json.loads(json.dumps(fuzzing.play_through(story, "full", random.Random(7), steps=4).to_json()))
    sessions = st.builds(fuzzing.mangled, st.just(saved), st.randoms(use_true_random=False),
                         fuzzing.json_values) | st.just(saved)
    return {
        "conditions": (fuzzing.condition_survives,
                       (fuzzing.condition_texts, st.integers(0, 2**32),
                        st.lists(fuzzing.state_values, min_size=1, max_size=6))),
        "story folders": (fuzzing.story_survives, (fuzzing.story_folders(), st.integers(0, 2**32))),
        "settings files": (fuzzing.settings_survive, (fuzzing.settings_files,)),
        "save slots": (lambda content, seed: fuzzing.save_survives(story, content, seed),
                       (fuzzing.slot_files(sessions), st.integers(0, 2**32))),
        "saved games": (lambda data: fuzzing.session_survives(story, data), (sessions,)),
    }


def run_round(name: str, prop, strategies, examples: int, counts: dict) -> str | None:
    """One round of ``examples`` fresh examples; the failure's report, or None."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import fuzzing

    def counted(args: tuple) -> None:
        counts[name] += 1
        with fuzzing.within_memory():
            prop(*args)

    test = settings(fuzzing.quick(examples), derandomize=False)(given(st.tuples(*strategies))(counted))
    try:
        test()
    except Exception:  # noqa: BLE001 - a failing property is what this run looks for
        return traceback.format_exc(limit=8)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--round", type=int, default=100, help="examples per target per round")
    args = parser.parse_args(argv)

    chosen = targets()
    counts = {name: 0 for name in chosen}
    failures: dict[str, list[str]] = {name: [] for name in chosen}
    started = time.monotonic()
    rounds = 0
    while time.monotonic() - started < args.minutes * 60:
        for name, (prop, strategies) in chosen.items():
            report = run_round(name, prop, strategies, args.round, counts)
            if report:
                failures[name].append(report)
                print(f"--- {name} failed:\n{report}", file=sys.stderr, flush=True)
        rounds += 1
    elapsed = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'target':16s} {'examples':>9s} {'per s':>7s} {'failures':>9s}")
    for name in chosen:
        print(f"{name:16s} {counts[name]:9d} {counts[name] / elapsed:7.1f} {len(failures[name]):9d}")
    print(f"{rounds} rounds in {elapsed / 60:.1f} min; peak RSS {peak:.0f} MB")
    return 1 if any(failures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
