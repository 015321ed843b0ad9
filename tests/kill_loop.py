"""A writer killed with SIGKILL at random moments while it saves games and settings, and what
is on disk checked after every kill: the old file or the new one, whole, never a broken one.

Used by ``tests/test_kill.py`` (a hundred kills) and ``benchmarks/kill.py`` (the long run
whose figures docs/reliability.md gives).  The writer is a forked copy of this process that
writes numbered versions as fast as it can, so a kill lands inside a write nearly every time;
each version's content is known from its number, so a file can be checked whole.
"""

from __future__ import annotations

import os
import random
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from game.saves import AUTO, OLDER_AUTOSAVES, SlotStore
from game.settings import Settings, load_settings, save_settings

#: Padding that makes a save as large as a long game's (a full season is about this size),
#: so that a write takes long enough to be caught in the middle.
SAVE_PADDING = 40_000


def settings_version(n: int) -> Settings:
    """The settings written as version ``n``: the window's width tells the number."""
    return Settings(window_size=(n + 1, 600), text_scale=1.0 + (n % 100) / 100,
                    keys={"advance": "j"} if n % 2 else {}).clamped()


def game_version(n: int) -> dict:
    """The game saved as version ``n``: every save is another game (another seed), so each
    autosave moves the earlier ones down a place, as a new game does."""
    return {"story": "Keeping Trust", "seed": n, "route": "full", "path": [1] * (n % 7),
            "n": n, "notes": "the harbour wind " * (SAVE_PADDING // 17)}


def _write_forever(folder: Path, start: int, started: int) -> None:
    store = SlotStore(folder / "saves")
    n = start
    os.write(started, b"!")
    while True:
        save_settings(settings_version(n), folder / "settings.json")
        store.write(AUTO, game_version(n), summary=f"Version {n}.", place="Day 1 · Rongcheng")
        n += 1


@dataclass
class KillReport:
    kills: int = 0
    #: Kills after which a temporary file was found: the writer died inside a write.
    inside_a_write: int = 0
    #: Versions on disk after each kill, so a run that never got past its first is noticed.
    versions_seen: set[int] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)


def check(folder: Path, last_known: int, report: KillReport) -> int:
    """Check what a killed writer left; returns the newest version found on disk."""
    newest = last_known
    settings = load_settings(folder / "settings.json") if (folder / "settings.json").exists() else None
    if settings is not None:
        n = settings.window_size[0] - 1 if settings.window_size else -1
        if settings.problem or settings != settings_version(n) or n < last_known:
            report.broken.append(f"kill {report.kills}: settings {settings.problem or settings}")
        newest = max(newest, n)
    store = SlotStore(folder / "saves")
    slots = [AUTO, *OLDER_AUTOSAVES]
    found: list[int] = []
    for name in slots:
        info = store.info(name)
        if not info.exists:
            continue
        if not info.usable:
            report.broken.append(f"kill {report.kills}: {name} {info.problem}")
            continue
        data = store.read(name)
        if data != game_version(data.get("n", -1)):
            report.broken.append(f"kill {report.kills}: {name} holds a game that was never saved")
            continue
        found.append(data["n"])
    # Once an autosave has been on disk it must stay; the settings' version says nothing of
    # it (a writer killed between its first settings and its first autosave left none yet).
    if report.versions_seen and not store.info(AUTO).exists:
        report.broken.append(f"kill {report.kills}: the autosave is gone (on disk: {found})")
    if found:
        report.versions_seen.add(found[0])
        newest = max(newest, found[0])
    temporaries = [p for p in folder.rglob("*.tmp")]
    if temporaries:
        report.inside_a_write += 1
        for stale in temporaries:
            stale.unlink()
    return newest


def kill_loop(folder: Path, kills: int, seed: int = 0, longest_life: float = 0.03) -> KillReport:
    """Start a writer, let it live a random moment (up to ``longest_life`` seconds), kill it
    with SIGKILL, check the files, and start the next writer where the last one got to."""
    rng = random.Random(seed)
    report = KillReport()
    newest = -1
    for _ in range(kills):
        listen, started = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer: never returns into the caller's code
            try:
                os.close(listen)
                _write_forever(folder, newest + 1, started)
            finally:
                os._exit(1)
        os.close(started)
        # Wait until the writer is writing, so every kill lands among its writes, however
        # slowly a busy machine starts it.
        os.read(listen, 1)
        os.close(listen)
        time.sleep(rng.uniform(0, longest_life))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        report.kills += 1
        newest = check(folder, newest, report)
    return report
