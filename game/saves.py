"""Save slots and the autosave, as JSON files in the user's data folder.

Pure Python (no pygame, no engine import): a slot stores whatever ``Session.to_json()``
returned, wrapped with what the load screen shows (when, where, the passage's first line).
Every write is atomic (temporary file + ``os.replace``).  A corrupt or foreign file never
stops the game: it is moved aside (``auto.json.broken-…``, see :func:`game.jsonfile.set_aside`),
:meth:`SlotStore.list` reports it in :attr:`SlotInfo.problem`, and :meth:`SlotStore.read`
raises :class:`SlotError` with a message fit to show the player.

Files: ``<data>/saves/auto.json`` (with the last autosaves of the two games before it in
``auto-2.json`` and ``auto-3.json``), ``quick.json``, ``ending.json`` (the last game that
reached an ending) and ``slot-01.json`` … where ``<data>`` is ``$KEEPING_TRUST_HOME`` or
platformdirs' user data folder (see :mod:`game.settings`).  Only :func:`continues` looks
inside the session data, to tell one game from another.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.jsonfile import Unreadable, copy_atomic, read_json, set_aside, write_json_atomic
from game.settings import data_dir

SLOT_FORMAT = "keeping-trust-slot"
SLOT_VERSION = 1
AUTO = "auto"
QUICK = "quick"
#: Where the last autosave of each earlier game is kept, newest first: starting a new game
#: never costs the player the game before it.
OLDER_AUTOSAVES = ("auto-2", "auto-3")
#: The final state of the last game that reached an ending, so its debrief can be read again.
ENDING = "ending"
#: How many numbered slots the save/load screen offers.
SLOT_COUNT = 12
#: Files larger than this are not read (a save is a few kilobytes; this refuses junk).
MAX_SLOT_BYTES = 4 * 1024 * 1024


class SlotError(Exception):
    """A slot could not be read or written; ``str()`` is a message for the player."""


@dataclass(frozen=True)
class SlotInfo:
    """What the load screen shows for one slot.

    ``exists`` is False for an empty slot.  ``problem`` is set when the file exists but cannot
    be used; then ``saved_at``/``summary``/``place`` may be None.
    """

    name: str
    path: Path
    exists: bool
    saved_at: datetime | None = None
    summary: str | None = None
    place: str | None = None
    story_title: str | None = None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.exists and self.problem is None


def slot_names() -> list[str]:
    """The numbered slots, in order: ``["1", "2", …]``."""
    return [str(i) for i in range(1, SLOT_COUNT + 1)]


def continues(earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether the game saved in ``later`` is the game of ``earlier`` played on: the same
    story, seed and route, with the choices made so far followed by more (or none)."""
    same = all(earlier.get(k) == later.get(k) for k in ("story", "seed", "route"))
    before, after = earlier.get("path"), later.get("path")
    if not same or not isinstance(before, list) or not isinstance(after, list):
        return False
    return after[:len(before)] == before


def first_line(text: str, limit: int = 90) -> str:
    """The first non-empty line of ``text``, shortened to ``limit`` characters with an ellipsis."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


class SlotStore:
    """Reads and writes save files in one folder (``<data>/saves`` by default)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_dir() / "saves"
        self._set_aside: dict[str, SlotInfo] = {}

    def path_for(self, name: str) -> Path:
        if name in (AUTO, QUICK, ENDING, *OLDER_AUTOSAVES):
            return self.folder / f"{name}.json"
        if name.isdigit() and 1 <= int(name) <= 999:
            return self.folder / f"slot-{int(name):02d}.json"
        raise ValueError(f"not a slot name: {name!r}")

    def write(
        self,
        name: str,
        session_data: dict[str, Any],
        *,
        summary: str,
        place: str,
        story_title: str = "",
        now: datetime | None = None,
    ) -> SlotInfo:
        """Store ``session_data`` in slot ``name``.  Raises SlotError if the disk refuses."""
        saved_at = (now or datetime.now()).replace(microsecond=0)
        wrapper = {
            "format": SLOT_FORMAT,
            "version": SLOT_VERSION,
            "saved_at": saved_at.isoformat(),
            "summary": first_line(summary),
            "place": place,
            "story_title": story_title,
            "session": session_data,
        }
        path = self.path_for(name)
        if name == AUTO:
            self._keep_the_previous_game(session_data)
        try:
            write_json_atomic(path, wrapper)
        except (OSError, TypeError, ValueError) as exc:
            raise SlotError(f"Could not save to {path}: {exc}") from exc
        return SlotInfo(name, path, True, saved_at, wrapper["summary"], place, story_title)

    def _keep_the_previous_game(self, session_data: dict[str, Any]) -> None:
        """Before an autosave of another game replaces the autosave, move the older autosaves
        down one place (the oldest drops off).  Autosaves of one game, choice after choice,
        simply replace each other: rotation is per game, not per choice."""
        info, previous = self._load(AUTO)
        if not info.usable or previous is None or continues(previous, session_data):
            return
        chain = [AUTO, *OLDER_AUTOSAVES]
        try:
            for older, newer in reversed(list(zip(chain[1:], chain))):
                if not self.path_for(newer).exists():
                    continue
                if newer == AUTO:
                    # Copied, not moved: a game killed before the new autosave is written
                    # must still find an autosave to continue.
                    copy_atomic(self.path_for(newer), self.path_for(older))
                else:
                    os.replace(self.path_for(newer), self.path_for(older))
        except OSError as exc:
            raise SlotError(f"Could not keep the previous game's autosave: {exc}") from exc

    def _load(self, name: str) -> tuple[SlotInfo, dict[str, Any] | None]:
        path = self.path_for(name)
        try:
            data = read_json(path, max_bytes=MAX_SLOT_BYTES)
        except FileNotFoundError:
            # A save set aside earlier in this run keeps being reported under its slot, so the
            # player who was told on the title screen is told again on the load screen.
            return self._set_aside.get(name) or SlotInfo(name, path, False), None
        except Unreadable as exc:
            return self._setting_aside(name, path, str(exc)), None
        if not isinstance(data, dict) or data.get("format") != SLOT_FORMAT:
            return self._setting_aside(name, path, "is not a Keeping Trust save"), None
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            return self._setting_aside(name, path, "is not a Keeping Trust save"), None
        if version > SLOT_VERSION:
            return self._setting_aside(name, path, "was made by a newer version of the game"), None
        session = data.get("session")
        if not isinstance(session, dict):
            return self._setting_aside(name, path, "holds no game"), None
        self._set_aside.pop(name, None)
        saved_at = None
        try:
            saved_at = datetime.fromisoformat(str(data.get("saved_at")))
        except ValueError:
            pass
        info = SlotInfo(
            name,
            path,
            True,
            saved_at,
            str(data.get("summary") or ""),
            str(data.get("place") or ""),
            str(data.get("story_title") or ""),
        )
        return info, session

    def _setting_aside(self, name: str, path: Path, problem: str) -> SlotInfo:
        # Moved, not deleted: the player (or someone helping them) can still rescue it, and the
        # next autosave or save to this slot is not refused by what is in the way.
        moved = set_aside(path)
        where = f"it was moved to {moved.name}" if moved else "it could not be moved aside"
        info = SlotInfo(name, moved or path, True, problem=f"{problem}; {where}")
        self._set_aside[name] = info
        return info

    def info(self, name: str) -> SlotInfo:
        """Describe one slot; never raises."""
        return self._load(name)[0]

    def list(self) -> list[SlotInfo]:
        """The numbered slots in order (empty ones included); never raises."""
        return [self.info(name) for name in slot_names()]

    def read(self, name: str) -> dict[str, Any]:
        """The session data stored in slot ``name``.  Raises SlotError (empty, damaged, foreign)."""
        info, session = self._load(name)
        if not info.exists:
            raise SlotError("That slot is empty.")
        if session is None:
            raise SlotError(f"This save {info.problem}.")
        return session

    def delete(self, name: str) -> None:
        """Remove a slot's file if it exists."""
        self._set_aside.pop(name, None)
        try:
            os.unlink(self.path_for(name))
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise SlotError(f"Could not delete the save: {exc}") from exc

    def latest(self) -> SlotInfo | None:
        """The most recently saved usable slot of any kind (what Continue loads), or None."""
        candidates = [self.info(AUTO), self.info(QUICK), *self.list()]
        usable = [c for c in candidates if c.usable and c.saved_at is not None]
        if not usable:
            return None
        # Ties (same second) favour the autosave: it is written at every choice.
        return max(usable, key=lambda c: (c.saved_at, c.name == AUTO))
