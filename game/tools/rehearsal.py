"""A rehearsal: a life started anywhere, in any state, to test a late passage or a variant
without playing up to it (``play --text --start PASSAGE --set name=value --record b:s:subject
--seen passage``; ``test --start`` searches from the same place).

Names are checked against the story, and values against what the story sets each variable
to, so a typo is a message with a suggestion, never a life that quietly tests nothing.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..engine import Session, Story
from ..engine.problems import closest
from ..engine.story import PLAYER


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


def parse_record(story: Story, text: str) -> tuple[str, str | None, str]:
    """``behaviour:source`` (or ``behaviour`` alone, for an act nobody saw), and
    ``behaviour:source:subject`` for an act held against a subject the story rates (a
    company, a person): (behaviour, source or None, subject)."""
    behaviour, _, rest = (part.strip() for part in text.partition(":"))
    source, _, subject = (part.strip() for part in rest.partition(":"))
    if behaviour not in story.behaviours:
        raise RehearsalError(f"--record: unknown behaviour '{behaviour}'{closest(behaviour, story.behaviours)}")
    if source and source not in story.sources:
        raise RehearsalError(f"--record: unknown source '{source}'{closest(source, story.sources)}")
    if subject and subject not in story.subjects:
        known = f"; the story's subjects are {', '.join(story.subjects)}" if story.subjects else ""
        raise RehearsalError(f"--record: unknown subject '{subject}'{closest(subject, story.subjects)}{known}")
    return behaviour, source or None, subject or PLAYER


def parse_seen(story: Story, text: str) -> str:
    """A passage to count as seen: ``seen(passage)`` holds and ``visits(passage)`` is 1."""
    passage = text.strip()
    if passage not in story.passages:
        raise RehearsalError(f"--seen: unknown passage '{passage}'{closest(passage, story.passages)}")
    return passage


class Rehearsal:
    """What a tester asks a life to begin with, each flag checked against the story once:
    where it starts, the variables set, the acts on the record and the passages seen."""

    def __init__(self, story: Story, start: str | None = None, sets: Sequence[str] = (),
                 records: Sequence[str] = (), seen: Sequence[str] = ()) -> None:
        if start is not None and start not in story.passages:
            raise RehearsalError(f"--start: unknown passage '{start}'{closest(start, story.passages)}")
        self.start = start
        self.values = [parse_set(story, text) for text in sets]
        self.acts = [parse_record(story, text) for text in records]
        self.seen = [parse_seen(story, text) for text in seen]

    @property
    def anything(self) -> bool:
        """Whether any flag asks for a life other than the story's own beginning."""
        return bool(self.start or self.values or self.acts or self.seen)

    def session(self, story: Story, seed: int, route: str, start: str | None = None) -> Session:
        """A session at ``start`` (else the rehearsal's, else the route's first passage) with
        the variables set, the acts recorded and the passages seen before it arrives, so the
        first page already answers to them."""
        session = Session(story, seed=seed, route=route)
        for name, value in self.values:
            session.variables[name] = value
        for behaviour, source, subject in self.acts:
            session.record(behaviour, source, subject)
        for passage in self.seen:
            session.visits[passage] = max(session.visits[passage], 1)
        session.arrive_at(start or self.start or session.position)
        return session


def rehearse(story: Story, seed: int, route: str, start: str | None = None,
             sets: Sequence[str] = (), records: Sequence[str] = (), seen: Sequence[str] = ()) -> Session:
    """A session at ``start`` (or the route's first passage) with the given variables set,
    acts recorded and passages seen before it arrives, so the first page already answers to
    them."""
    return Rehearsal(story, start, sets, records, seen).session(story, seed, route)
