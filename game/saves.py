"""Save slots and the autosave, as JSON files in the user's data folder.

Pure Python (no pygame, no engine import): a slot stores whatever ``Session.to_json()``
returned, wrapped with what the load screen shows (when, where, the passage's first line).
Every write is atomic (temporary file + ``os.replace``) and compact, and is refused, with a
sentence, when it would be larger than the reader takes (:data:`MAX_SLOT_BYTES`): the last good
save stays where it was.  A corrupt or foreign file never stops the game: it is moved aside
(``auto.json.broken-…``, see :func:`game.jsonfile.set_aside`), :meth:`SlotStore.list` reports
it in :attr:`SlotInfo.problem`, and :meth:`SlotStore.read` raises :class:`SlotError` with a
message fit to show the player.  Every field a screen shows (when, where, the first line) is
checked before a :class:`SlotInfo` holds it, and the time is always in UTC, so no screen is
handed a string it cannot draw or dates it cannot sort.

Files: ``<data>/saves/auto.json`` (with the last autosaves of the two games before it in
``auto-2.json`` and ``auto-3.json``), ``quick.json``, ``ending.json`` (the last game that
reached an ending) and ``slot-01.json`` … where ``<data>`` is ``$KEEPING_TRUST_HOME`` or
platformdirs' user data folder (see :mod:`game.paths`).  Only :func:`continues` looks
inside the session data, to tell one game from another.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.engine.printed import OBEYED
from game.jsonfile import Unreadable, compact_json, copy_atomic, read_json, set_aside, write_bytes_atomic
from game.paths import data_dir

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
#: The largest save the game writes, and the largest it reads: one limit for both, so a save
#: the game wrote is never refused when it is read back.  The longest life of the shipped
#: story saves in about 9 KB; a life of 30,000 counted acts in 1.7 MB.
MAX_SLOT_BYTES = 4 * 1024 * 1024
#: The longest summary, place or story title a save holds (each is one line on a screen).
SHOWN_LIMIT = 200
#: How many mods a save may name.
MODS_LIMIT = 100


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


def showable(value: object) -> bool:
    """Whether ``value`` is a line a slot may show: a string of at most :data:`SHOWN_LIMIT`
    characters, none of which no screen draws and no terminal should be sent (a NUL stops
    the font renderer; a direction mark could make one slot's line read as another's): the
    one rule of :data:`game.engine.printed.OBEYED`."""
    return isinstance(value, str) and len(value) <= SHOWN_LIMIT and not OBEYED.search(value)


def first_line(text: str, limit: int = 90) -> str:
    """The first non-empty line of ``text``, shortened to ``limit`` characters with an ellipsis,
    without the characters no screen draws."""
    for line in text[:100_000].splitlines():
        line = " ".join(OBEYED.sub(" ", line).split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def stamped(now: datetime | None = None) -> datetime:
    """The time a save is made, to the second, in UTC (a naive time is the computer's own)."""
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)


def saved_when(value: object) -> datetime | None:
    """A save's ``saved_at`` read back, in UTC, or None when it is no time.  Saves before this
    build wrote the computer's local time without a zone; both kinds sort together."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return datetime.fromisoformat(value).astimezone(timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None


def local_time(when: datetime) -> datetime:
    """A save's time on the computer's clock, to show."""
    try:
        return when.astimezone()
    except (ValueError, OverflowError, OSError):
        return when


def _damage(data: Any) -> str | None:
    """Why the save file's contents ``data`` cannot be used, or None.  Checks everything a
    screen shows before any screen is handed it; the game inside is checked when it is
    resumed (:meth:`game.engine.Session.from_json`)."""
    if not isinstance(data, dict) or data.get("format") != SLOT_FORMAT:
        return "is not a Keeping Trust save"
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        return "is not a Keeping Trust save"
    if version > SLOT_VERSION:
        return "was made by a newer version of the game"
    session = data.get("session")
    if not isinstance(session, dict):
        return "holds no game"
    if saved_when(data.get("saved_at")) is None:
        return "is damaged (it has no time it was saved)"
    for key, what in (("summary", "first line"), ("place", "place"), ("story_title", "story's title")):
        if key in data and not showable(data[key]):
            return f"is damaged (its {what} cannot be shown)"
    mods = session.get("mods", [])
    if not isinstance(mods, list) or len(mods) > MODS_LIMIT or not all(map(_mod_shown, mods)):
        return "is damaged (the mods it names cannot be shown)"
    return None


def _mod_shown(record: object) -> bool:
    # A mod's key is the folder it was played from; its name (and version) is what the mod is
    # known by and what the player is told, and the key stands in for a missing name (see
    # game.mods.recorded).
    if not isinstance(record, dict) or not isinstance(record.get("key"), str) or len(record["key"]) > 1000:
        return False
    name = record.get("name", "")
    if "version" in record and not showable(record["version"]):
        return False
    return showable(name) and (name != "" or showable(record["key"]))


def mod_record(key: str, name: str, version: str = "") -> dict[str, str]:
    """A mod as a save names it: its key, a name any screen can show, and its version if it
    says one."""
    record = {"key": key, "name": first_line(name, SHOWN_LIMIT) or first_line(key, SHOWN_LIMIT) or "a mod"}
    if version:
        record["version"] = first_line(version, 40)
    return record


def _slot_words(name: str) -> str:
    return {AUTO: "The autosave", QUICK: "The quick save", ENDING: "The finished game"}.get(
        name, "The autosave of an earlier game" if name in OLDER_AUTOSAVES else f"Slot {name}")


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
        """Store ``session_data`` in slot ``name``.  Raises SlotError, with a sentence for the
        player, if the disk refuses or the save would be larger than the game reads back; the
        save that was in the slot is then left as it was."""
        path = self.path_for(name)
        wrapper = self._wrapper(session_data, summary, place, story_title, now)
        try:
            data = compact_json(wrapper)
        except (TypeError, ValueError) as exc:
            raise SlotError(f"{_slot_words(name)} could not be written: {exc}") from exc
        if len(data) > MAX_SLOT_BYTES:
            kept = "The last one is kept." if path.exists() else "Nothing was saved."
            raise SlotError(f"{_slot_words(name)} was not written: this game would take "
                            f"{len(data) / 2**20:.1f} MB, and a save holds at most "
                            f"{MAX_SLOT_BYTES // 2**20} MB. {kept}")
        if name == AUTO:
            self._keep_the_previous_game(session_data)
        try:
            write_bytes_atomic(path, data)
        except OSError as exc:
            raise SlotError(f"Could not save to {path}: {exc}") from exc
        return self._info_of(name, path, wrapper)

    @staticmethod
    def _wrapper(session_data: dict[str, Any], summary: str, place: str, story_title: str,
                 now: datetime | None) -> dict[str, Any]:
        """The file's contents: what the load screen shows, made fit to show, and the game."""
        wrapper = {
            "format": SLOT_FORMAT,
            "version": SLOT_VERSION,
            "saved_at": stamped(now).isoformat(),
            "summary": first_line(summary),
            "place": first_line(place, SHOWN_LIMIT),
            "story_title": first_line(story_title, SHOWN_LIMIT),
            "session": session_data,
        }
        problem = _damage(wrapper)
        if problem is not None:
            # What the reader would refuse is not written (a mod's name with a NUL in it, say).
            raise SlotError(f"This game cannot be saved: the save {problem}.")
        return wrapper

    @staticmethod
    def _info_of(name: str, path: Path, wrapper: dict[str, Any]) -> SlotInfo:
        """What the load screen shows of a save :func:`_damage` found nothing wrong with."""
        return SlotInfo(name, path, True, saved_when(wrapper["saved_at"]), wrapper.get("summary", ""),
                        wrapper.get("place", ""), wrapper.get("story_title", ""))

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
        problem = _damage(data)
        if problem is not None:
            return self._setting_aside(name, path, problem), None
        self._set_aside.pop(name, None)
        return self._info_of(name, path, data), data["session"]

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
