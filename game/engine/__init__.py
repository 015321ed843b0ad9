"""The narrative engine: pure Python, no pygame. What a front end needs to play a story is
exported here; tools and the debrief's renderers also reach into the modules below it.

The names are fetched from their modules when first asked for, so that reaching one module
of the engine (the window's title screen reads only the story) does not build all of them:
a player waits for every module imported before the first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Each exported name and the module of the engine it lives in.
_HOMES = {
    "ConditionError": "conditions", "parse_condition": "conditions",
    "Debrief": "debrief",
    "BlacklistStatus": "ledger", "Event": "ledger", "EventView": "ledger", "Ledger": "ledger",
    "LedgerEntry": "ledger",
    "check_story": "loader", "load_story": "loader",
    "Problem": "problems", "StoryError": "problems",
    "ChoiceView": "session", "HistoryEntry": "session", "Page": "session", "SaveError": "session",
    "Session": "session",
    "Story": "story",
}
#: The name a module gives a value, where it is exported under another.
_OWN_NAMES = {"parse_condition": "parse"}

__all__ = [
    "BlacklistStatus", "ChoiceView", "ConditionError", "Debrief", "Event", "EventView", "HistoryEntry",
    "Ledger", "LedgerEntry", "Page", "Problem", "SaveError", "Session", "Story", "StoryError",
    "check_story", "load_story", "parse_condition",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        try:    # a module of the engine reached as an attribute (game.engine.session)
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{home}"), _OWN_NAMES.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from .conditions import ConditionError, parse as parse_condition
    from .debrief import Debrief
    from .ledger import BlacklistStatus, Event, EventView, Ledger, LedgerEntry
    from .loader import check_story, load_story
    from .problems import Problem, StoryError
    from .session import ChoiceView, HistoryEntry, Page, SaveError, Session
    from .story import Story
