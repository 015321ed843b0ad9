"""A rehearsal: a life started anywhere, in any state, to test a late passage or a variant
without playing up to it (``play --text --start PASSAGE --set name=value --record b:s``).

Names are checked against the story, and values against what the story sets each variable
to, so a typo is a message with a suggestion, never a life that quietly tests nothing.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..engine import Session, Story
from ..engine.problems import closest


class RehearsalError(ValueError):
    """A testing flag the story cannot take; the message says why."""


def _value(story: Story, name: str, text: str) -> Any:
    kind = story.variable_kind(name)
    if kind == "bool":
        if text.lower() not in ("true", "false"):
            raise RehearsalError(f"--set {name}: '{name}' is true or false, not {text!r}")
        return text.lower() == "true"
    if kind == "number":
        try:
            return int(text)
        except ValueError:
            try:
                return float(text)
            except ValueError:
                raise RehearsalError(f"--set {name}: '{name}' is a number, not {text!r}") from None
    return text


def parse_set(story: Story, text: str) -> tuple[str, Any]:
    """``name=value`` → (name, value of the variable's kind)."""
    name, equals, raw = text.partition("=")
    name = name.strip()
    if not equals or not name:
        raise RehearsalError(f"--set {text!r}: write name=value, e.g. --set mother_ill=true")
    known = set(story.variable_kinds) | set(story.variables)
    if name not in known:
        raise RehearsalError(f"--set: the story has no variable '{name}'{closest(name, known)}")
    return name, _value(story, name, raw.strip())


def parse_record(story: Story, text: str) -> tuple[str, str | None]:
    """``behaviour:source`` (or ``behaviour`` alone, for an act nobody saw)."""
    behaviour, _, source = (part.strip() for part in text.partition(":"))
    if behaviour not in story.behaviours:
        raise RehearsalError(f"--record: unknown behaviour '{behaviour}'{closest(behaviour, story.behaviours)}")
    if source and source not in story.sources:
        raise RehearsalError(f"--record: unknown source '{source}'{closest(source, story.sources)}")
    return behaviour, source or None


def rehearse(story: Story, seed: int, route: str, start: str | None = None,
             sets: Sequence[str] = (), records: Sequence[str] = ()) -> Session:
    """A session at ``start`` (or the route's first passage) with the given variables set and
    acts recorded before it arrives, so the first page already answers to them."""
    if start is not None and start not in story.passages:
        raise RehearsalError(f"--start: unknown passage '{start}'{closest(start, story.passages)}")
    values = [parse_set(story, text) for text in sets]
    acts = [parse_record(story, text) for text in records]
    session = Session(story, seed=seed, route=route)
    for name, value in values:
        session.variables[name] = value
    for behaviour, source in acts:
        session.record(behaviour, source)
    session.arrive_at(start or session.position)
    return session
