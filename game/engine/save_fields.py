"""The fields of a saved playthrough, checked one by one as they are read back.

A save is a file the player (or anyone) can edit: every value in it is checked for its kind
and its size before the game uses it, so a hand-edited or damaged save is refused with a
sentence, never half-loaded into a screen that then fails to draw it.  Each check raises
ValueError naming what is wrong; :meth:`Session.from_json` turns that into a SaveError.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .ledger import Event
from .story import PLAYER

#: Whole numbers in a save (seed, day, counts) fit in 64 bits; a larger one is no save's.
LARGEST = 2**63
#: Names in a save (passages, acts, sources, cities) are ids, never prose.
NAME_LIMIT = 200
#: A string variable, or the text of one passage as an older save kept it.
TEXT_LIMIT = 2 * 1024 * 1024
#: How many passages' variants a save may say held at one passage.
VARIANTS_LIMIT = 10_000


def whole(value: Any, what: str, *, least: int = -LARGEST, below: int = LARGEST) -> int:
    """``value`` as a whole number from ``least`` up to ``below`` (2**63), or ValueError."""
    if not isinstance(value, int) or isinstance(value, bool) or not least <= value < below:
        raise ValueError(f"{what} is not a whole number a save can hold")
    return value


def name(value: Any, what: str) -> str:
    """An id as a save holds it: a short string with no control character."""
    if not isinstance(value, str) or len(value) > NAME_LIMIT or not value.isprintable():
        raise ValueError(f"{what} is not a name")
    return value


def text(value: Any, what: str) -> str:
    """Prose as a save holds it: a string of bounded length whose only control characters
    are line ends and tabs (a NUL cannot be drawn, an escape must not reach a terminal)."""
    if not isinstance(value, str) or len(value) > TEXT_LIMIT:
        raise ValueError(f"{what} is not text")
    if not value.isprintable() and any(
            unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise ValueError(f"{what} holds a control character")
    return value


def variable(value: Any, what: str) -> str | int | float | bool:
    if isinstance(value, bool) or isinstance(value, float):
        return value
    if isinstance(value, int):
        return whole(value, what)
    if isinstance(value, str):
        return text(value, what)
    raise ValueError(f"{what} is not a value a story sets")


def table(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{what} is not a table")
    return value


def listing(value: Any, what: str) -> list:
    if not isinstance(value, list):
        raise ValueError(f"{what} is not a list")
    return value


def event(value: Any) -> Event:
    """One act in the record: a row ``[behaviour, source, day, city, subject, passage]`` (saves
    from version 2) or a table of the same (version 1)."""
    if isinstance(value, list):
        if len(value) != 6:
            raise ValueError("an event is not six fields long")
        value = dict(zip(("behaviour", "source", "day", "city", "subject", "passage"), value))
    if not isinstance(value, dict):
        raise ValueError("an event is not a table")
    source = value.get("source")
    return Event(name(value.get("behaviour"), "an event's act"),
                 None if source is None else name(source, "an event's source"),
                 whole(value.get("day"), "an event's day"),
                 name(value.get("city"), "an event's city"),
                 name(value.get("subject", PLAYER), "an event's subject"),
                 name(value.get("passage", ""), "an event's passage"))


def event_row(e: Event) -> list:
    """An event as a save writes it: a row, half the size of a table of the same."""
    return [e.behaviour, e.source, e.day, e.city, e.subject, e.passage]


def shown(value: Any) -> tuple[str, ...]:
    """What each piece of a passage's inline text showed when it was read."""
    items = listing(value, "what a passage's inline text showed")
    if len(items) > VARIANTS_LIMIT:
        raise ValueError("a passage's inline pieces are too many")
    return tuple(text(item, "a piece of inline text") for item in items)


def held(value: Any) -> tuple[int, ...]:
    """Which of a passage's variants held when it was read, by their place."""
    items = listing(value, "a passage's variants")
    if len(items) > VARIANTS_LIMIT:
        raise ValueError("a passage's variants are too many")
    return tuple(whole(i, "a variant's place", least=0) for i in items)
