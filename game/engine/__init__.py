"""The narrative engine: pure Python, no pygame. What a front end needs to play a story is
exported here; tools and the debrief's renderers also reach into the modules below it."""

from .conditions import ConditionError, parse as parse_condition
from .debrief import Debrief
from .ledger import BlacklistStatus, Event, EventView, Ledger, LedgerEntry
from .loader import check_story, load_story
from .problems import Problem, StoryError
from .session import ChoiceView, HistoryEntry, Page, SaveError, Session
from .story import Story

__all__ = [
    "BlacklistStatus", "ChoiceView", "ConditionError", "Debrief", "Event", "EventView", "HistoryEntry",
    "Ledger", "LedgerEntry", "Page", "Problem", "SaveError", "Session", "Story", "StoryError",
    "check_story", "load_story", "parse_condition",
]
