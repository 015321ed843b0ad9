"""What the other option would have changed: each choice the player took, against the
choices offered beside it, scored by the ledger.

Nothing is written by hand.  The life is played again from its seed and path to find which
records each choice put in the log; for every other option offered there whose own ``do``
records differ, those records take the place of the chosen ones (on the same day, in the
same city), the rest of the life is left as it was, and the home jurisdiction scores the
result with the same code the ledger uses.  Where the score or the grade would differ, that
is a :class:`Turn`.  Where the option would have led the story elsewhere, what happened there
is not guessed at: only the choice's own records are weighed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from . import ledger as ledgers
from .ledger import Event
from .story import PLAYER, Choice, Record, SetCity, SetDay

if TYPE_CHECKING:
    from .session import Session


@dataclass(frozen=True)
class Turn:
    """One choice that mattered: the option taken, the one beside it, and what that one would
    have made of the final standing (``points`` is its score less the real final score)."""

    day: int
    passage: str
    chosen: str
    other: str
    points: int
    score: int
    grade: str
    was_grade: str
    #: The acts the other option would have put on the record that counted, and those it
    #: would have kept off it, by their labels.
    adds: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taken:
    """A choice as the replay met it: what was offered, what was taken, and where its own
    records sit in the log (``start`` up to ``end``)."""

    step: int
    day: int
    city: str
    passage: str
    offered: tuple[Choice, ...]
    chosen: Choice
    start: int
    end: int


def records_of(choice: Choice, day: int, city: str, passage: str) -> list[Event]:
    """The events a choice's own ``do`` would record, made on ``day`` in ``city``."""
    out = []
    for effect in choice.effects:
        if isinstance(effect, SetDay):
            day = effect.day
        elif isinstance(effect, SetCity):
            city = effect.city
        elif isinstance(effect, Record):
            out.append(Event(effect.behaviour, effect.source, day, city, effect.subject, passage))
    return out


def _shape(events: Sequence[Event]) -> Counter:
    return Counter((e.behaviour, e.source, e.subject) for e in events)


def replayed(session: "Session") -> list[Taken] | None:
    """Every choice of ``session`` as a replay from its seed meets it; None when the replay
    does not come to the same log (a life begun part-way, for testing, or a story changed
    since the save)."""
    replay = type(session).new(session.story, session.seed, session.route)
    taken: list[Taken] = []
    for step, number in enumerate(session.path):
        offered = replay.offered
        if not 1 <= number <= len(offered):
            return None
        chosen = offered[number - 1]
        start, day, city, passage = len(replay.events), replay.day, replay.city, replay.position
        replay.choose(number)
        end = start + sum(1 for e in chosen.effects if isinstance(e, Record))
        taken.append(Taken(step, day, city, passage, offered, chosen, start, end))
    if replay.events != session.events or replay.position != session.position:
        return None
    return taken


def turns(session: "Session") -> list[Turn]:
    """The choices whose other option would have changed the home score or grade, the
    largest change first: for each choice, the option beside it that would have changed the
    most (the first offered of equals)."""
    taken = replayed(session)
    if not taken:
        return []
    story = session.story
    home = story.jurisdictions[story.home]
    events = session.events
    score, grade = ledgers.standing(events, home)
    found: dict[tuple[str, int], Turn] = {}
    for t in taken:
        mine = events[t.start:t.end]
        for other in t.offered:
            if other is t.chosen:
                continue
            theirs = records_of(other, t.day, t.city, t.passage)
            if _shape(theirs) == _shape(mine) or _puts_off(story, other, theirs, mine, t):
                continue
            life = events[:t.start] + theirs + events[t.end:]
            their_score, their_grade = ledgers.standing(life, home)
            if their_score == score and their_grade == grade:
                continue
            turn = Turn(t.day, t.passage, t.chosen.text, other.text, their_score - score, their_score, their_grade,
                        grade, _counted(story, theirs, home), _counted(story, mine, home))
            key = (t.passage, t.day)
            if key not in found or abs(turn.points) > abs(found[key].points):
                found[key] = turn
    # What would have raised the score first (the question a player asks of a grade just
    # missed), then what would have lowered it; the larger change first within each.
    return sorted(found.values(), key=lambda turn: (turn.points <= 0, -abs(turn.points), turn.day))


def _puts_off(story, other: Choice, theirs: Sequence[Event], mine: Sequence[Event], t: Taken) -> bool:
    """An option that records nothing of its own and leads straight to a choice that could
    record what the player's did ("ring him first", then the same drawer) only puts the
    decision off: weighing its empty record would credit it with an act it never avoided."""
    if theirs or not mine:
        return False
    shape = _shape(mine)
    for branch in other.goto:
        passage = story.passages.get(branch.to)
        if passage is None:
            continue
        if any(_shape(records_of(choice, t.day, t.city, branch.to)) == shape for choice in passage.choices):
            return True
    return False


def _counted(story, events: Sequence[Event], home) -> tuple[str, ...]:
    return tuple(ledgers.label(story, e.behaviour) for e in events
                 if e.subject == PLAYER and ledgers.counts(e, home))
