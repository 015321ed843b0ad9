"""How large a save grows, and whether it comes back: the longest life of the shipped story,
a mod's long page read 13 times over, and a life that counted 30,000 events.  The figures in
docs/reliability.md come from:

    python -m benchmarks.save_size        (or: python benchmarks/save_size.py)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

#: Passages added beside the shipped story: a page as long as one mod file may make it, read
#: again and again, and a page that counts ten acts each time it is read.
MEASURED = """
passages:
  long_page:
    text: {long}
    choices:
      - text: Read it again.
        goto: long_page
  counted:
    text: Another form.
    do:
{records}
    choices:
      - text: Again.
        goto: counted
"""


def _story_with_measured_pages(folder: Path):
    from game.engine import load_story

    shutil.copytree(ROOT / "story", folder)
    long = "word " * (1_900_000 // 5)           # just under one story file's 2 MB limit
    records = "\n".join("      - record: {behaviour: gave_blood, source: hospital}" for _ in range(10))
    (folder / "zz_measured.yaml").write_text(MEASURED.format(long=long.strip(), records=records),
                                             encoding="utf-8")
    return load_story(folder)


def _longest_life(story, lives: int):
    from game.tools.explore import picker_for, play_once

    longest = None
    for seed in range(lives):
        session, _ = play_once(story, seed, "full", picker_for(seed))
        if longest is None or len(session.history) > len(longest.history):
            longest = session
    return longest


def _measure(label: str, story, session, folder: Path) -> None:
    from game.saves import SlotError, SlotStore
    from game.playthroughs import Playthroughs

    told: list[str] = []
    saves = Playthroughs(story, SlotStore(folder), told.append)
    started = time.perf_counter()
    written = saves.save("1", session)
    wrote_s = time.perf_counter() - started
    path = saves.store.path_for("1")
    size = path.stat().st_size if path.exists() else 0
    started = time.perf_counter()
    try:
        back = saves.load("1")
        loaded = f"loads ({len(back.history):,} passages, {len(back.events):,} events)"
    except SlotError as exc:
        loaded = f"refused: {exc}"
    read_s = time.perf_counter() - started
    print(f"{label}: {len(session.history):,} passages, {len(session.events):,} events; "
          f"saved: {written} ({size / 1024:,.1f} KB, {wrote_s * 1000:,.0f} ms); "
          f"{loaded} ({read_s * 1000:,.0f} ms)"
          + (f"; said: {told[0]}" if told else ""))
    shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    from game.engine import Session, load_story

    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp)
        shipped = load_story(ROOT / "story")
        _measure("the longest of 200 lives", shipped, _longest_life(shipped, 200), here / "a")

        story = _story_with_measured_pages(here / "story")
        session = Session.new(story, seed=1)
        session.arrive_at("long_page")
        for _ in range(13):
            session.choose(1)
        _measure("a 1.9 MB page read after 13 choices", story, session, here / "b")

        session = Session.new(story, seed=1)
        session.arrive_at("counted")
        while len(session.events) < 30_000:
            session.choose(1)
        _measure("a life of 30,000 counted events", story, session, here / "c")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
