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

from game.saves import SlotError, SlotInfo, SlotStore


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
        # Made as a file's contents are, so the slot shows what a slot on disk would.
        wrapper = self._wrapper(copy.deepcopy(session_data), summary, place, story_title, now)
        self._held[name] = wrapper
        return self._info_of(name, path, wrapper)

    def _load(self, name: str) -> tuple[SlotInfo, dict[str, Any] | None]:
        path = self.path_for(name)
        held = self._held.get(name)
        if held is None:
            return SlotInfo(name, path, False), None
        return self._info_of(name, path, held), copy.deepcopy(held["session"])

    def delete(self, name: str) -> None:
        self.path_for(name)
        self._held.pop(name, None)

    def read(self, name: str) -> dict[str, Any]:
        info, session = self._load(name)
        if session is None:
            raise SlotError("That slot is empty.")
        return session
