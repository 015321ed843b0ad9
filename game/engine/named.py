"""Closed sets of names — the routes, how grave a problem is — as enumerations whose members
are the very strings saves, caches and printed lines have always held, so naming a set
changes nothing written and a misspelt name fails where it is made."""

from __future__ import annotations

import sys
from enum import Enum

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10 has no StrEnum; this one behaves as it does
    class StrEnum(str, Enum):
        """A member is its value wherever a string is: printed, formatted, hashed, compared."""

        __str__ = str.__str__
        __format__ = str.__format__
        __hash__ = str.__hash__

__all__ = ["Route", "StrEnum"]


class Route(StrEnum):
    """The ways into a story: the full season, or the short route a class plays in a lesson."""

    FULL = "full"
    SHORT = "short"

    @classmethod
    def named(cls, word: object, fallback: "Route | None" = None) -> "Route":
        """The route ``word`` names; ``fallback`` (when given) for a word that names none."""
        try:
            return cls(word)
        except ValueError:
            if fallback is None:
                raise
            return fallback

