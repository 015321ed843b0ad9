"""Save slots that live only as long as one visit, for kiosk mode.

A visitor may still save and load inside their own visit (the screens offer it, and a kiosk
should not surprise anyone), but nothing reaches the disk and :meth:`VisitSlots.forget`
empties every slot when the next visitor begins: no history crosses from one visitor to the
next.  Reads and writes behave as :class:`game.saves.SlotStore`'s do.
"""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from game.saves import SlotError, SlotInfo, SlotStore, first_line


class VisitSlots(SlotStore):
    """A :class:`SlotStore` held in memory."""

    def __init__(self) -> None:
        super().__init__(Path("(this visit)"))
        self._held: dict[str, dict[str, Any]] = {}

    def forget(self) -> None:
        self._held.clear()
        self._set_aside.clear()

    def write(self, name: str, session_data: dict[str, Any], *, summary: str, place: str,
              story_title: str = "", now: datetime | None = None) -> SlotInfo:
        path = self.path_for(name)            # refuses a name no slot has, as on disk
        saved_at = (now or datetime.now()).replace(microsecond=0)
        self._held[name] = {"saved_at": saved_at, "summary": first_line(summary), "place": place,
                            "story_title": story_title, "session": copy.deepcopy(session_data)}
        return SlotInfo(name, path, True, saved_at, first_line(summary), place, story_title)

    def _load(self, name: str) -> tuple[SlotInfo, dict[str, Any] | None]:
        path = self.path_for(name)
        held = self._held.get(name)
        if held is None:
            return SlotInfo(name, path, False), None
        info = SlotInfo(name, path, True, held["saved_at"], held["summary"], held["place"], held["story_title"])
        return info, copy.deepcopy(held["session"])

    def delete(self, name: str) -> None:
        self.path_for(name)
        self._held.pop(name, None)

    def read(self, name: str) -> dict[str, Any]:
        info, session = self._load(name)
        if session is None:
            raise SlotError("That slot is empty.")
        return session
