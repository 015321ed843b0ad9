"""Watching story and mod folders for edits while the window is open (``--watch``).

A modder saves a file in their editor and wants to see it in the game.  The folders are
polled: every story file's modification time and size, a few times a second, counted in the
loop's own time so tests advance it by hand.  No new dependency, nothing running between
frames, and a stat per file is cheap next to a frame; an editor that saves by writing a new
file and renaming it is seen like any other save.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pygame

from game.engine.folders import walk

#: Seconds of the loop's time between two looks at the folders.
POLL_EVERY = 0.5
#: Files looked at in all: a folder that holds far more is not a story being written.
MAX_FILES = 4000

Stamp = tuple[int, int]


def is_reload_key(event: pygame.event.Event) -> bool:
    """Ctrl+R: reload by hand.  F5 stays the quick save it is in every game."""
    return (event.type == pygame.KEYDOWN and event.key == pygame.K_r
            and bool(event.mod & pygame.KMOD_CTRL))


def stamps(folders: Iterable[Path]) -> dict[str, Stamp]:
    """Each story file under ``folders`` with its modification time and size.  A file that
    vanishes while being looked at is simply not there."""
    found: dict[str, Stamp] = {}
    for folder in folders:
        # The loader's own bounded walk: a folder nested a thousand deep is not looked into
        # past its limit, where a recursive walk would stop the window.
        for path in sorted(p for p in walk(Path(folder)).paths if p.suffix == ".yaml"):
            try:
                info = os.stat(path)
            except OSError:
                continue
            found[str(path)] = (info.st_mtime_ns, info.st_size)
            if len(found) >= MAX_FILES:
                return found
    return found


class FolderWatch:
    """Tells when any story file under ``folders`` was added, changed or removed."""

    def __init__(self, folders: Iterable[Path], every: float = POLL_EVERY) -> None:
        self.folders = [Path(f) for f in folders]
        self.every = every
        self._waited = 0.0
        self._last = stamps(self.folders)
        #: How many times the folders were looked at (tests, and the cost measured).
        self.looks = 0

    def watch(self, folders: Iterable[Path]) -> None:
        """Watch these folders from now on (mods turned on or off), starting from how they
        are now."""
        self.folders = [Path(f) for f in folders]
        self._last = stamps(self.folders)

    def tick(self, dt: float) -> bool:
        """Let ``dt`` seconds pass; True when a look found a change."""
        self._waited += dt
        if self._waited < self.every:
            return False
        self._waited = 0.0
        return self.look()

    def look(self) -> bool:
        """Look now; True if anything changed since the last look."""
        self.looks += 1
        now = stamps(self.folders)
        changed = now != self._last
        self._last = now
        return changed
