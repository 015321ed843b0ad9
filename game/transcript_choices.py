"""A life's choices at a glance, for a class comparing transcripts: each decision the student
took, numbered, with its day and what the record made of it — and the whole as a small JSON
record a teacher's tools read back (``class-report``, ``compare``).

Pure Python.  Built from the session's history and its event log: which day each passage was
read on is walked from the story (a passage's ``day``, and ``day`` effects on arriving or
choosing), and each act on the record is given to the decision that led to it — an act a
choice records is that choice's; an act recorded on arriving at a page is the last decision's.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from game.engine import Session
from game.engine import ledger as ledgers
from game.engine.story import PLAYER, Record, SetCity, SetDay

#: The record's name in a transcript file, and the version of what it holds.
RECORD_MARK = "keeping-trust-record"
RECORD_VERSION = 1
#: An HTML comment holding the record: the same line ends both the HTML and the Markdown file.
_RECORD_LINE = re.compile(r"<!-- " + RECORD_MARK + r" (\{.*\}) -->")


@dataclass(frozen=True)
class OnRecord:
    """One act a decision led to: its words, who recorded it (None: nobody saw), and what the
    home city's rules made of it (None: not scored there)."""

    act: str
    behaviour: str
    by: str | None
    points: int | None

    def said(self) -> str:
        """The act as the glance table says it."""
        if self.by is None:
            return f"{self.act} — nobody recorded it"
        worth = "not scored" if self.points is None else f"{self.points:+d}".replace("-", "−")
        return f"{self.act} — {self.by}, {worth}"


@dataclass(frozen=True)
class Decision:
    """The ``number``-th decision of a life: where and when, and what was chosen there."""

    number: int
    day: int
    city: str
    passage: str
    chosen: str
    place: int
    on_record: tuple[OnRecord, ...] = field(default_factory=tuple)


def places(session: Session) -> list[tuple[int, str]]:
    """The (day, city) each passage of the history was read on, in the history's order."""
    story = session.story
    day, city = story.day, story.city
    out: list[tuple[int, str]] = []
    for entry in session.history:
        passage = story.passages.get(entry.passage_id)
        if passage is not None:
            day = passage.day if passage.day is not None else day
            city = passage.city if passage.city is not None else city
            day, city = _moved(passage.effects, day, city)
        out.append((day, city))
        if passage is not None and passage.choices and entry.choice is not None and entry.choice < len(passage.choices):
            day, city = _moved(passage.choices[entry.choice].effects, day, city)
    return out


def _moved(effects, day: int, city: str) -> tuple[int, str]:
    for effect in effects:
        if isinstance(effect, SetDay):
            day = effect.day
        elif isinstance(effect, SetCity):
            city = effect.city
    return day, city


def decisions(session: Session) -> list[Decision]:
    """Every decision the life took (a page with choices, and one taken), each with the acts on
    the record it led to."""
    story = session.story
    history = session.history
    where = places(session)
    # Which history entry each of the player's acts belongs to.
    belongs: dict[int, list[int]] = {}
    at = 0
    home = story.jurisdictions[story.home]
    points = {entry.index: entry.points for entry in ledgers.ledger(story, session.events, home).entries}
    for index, event in enumerate(session.events):
        if event.subject != PLAYER or not event.passage:
            continue                        # before play began, or held against someone else
        found = next((i for i in range(at, len(history)) if history[i].passage_id == event.passage), None)
        if found is None:
            continue
        at = found
        belongs.setdefault(found, []).append(index)
    out: list[Decision] = []
    decided_at: list[int] = []          # the history entry of each decision, in order
    for i, entry in enumerate(history):
        passage = story.passages.get(entry.passage_id)
        if passage is not None and passage.choices and entry.chosen is not None and entry.choice is not None:
            decided_at.append(i)
    owner: dict[int, list[int]] = {}
    for i, indices in belongs.items():
        passage = story.passages.get(history[i].passage_id)
        on_arrival = {e.behaviour for e in passage.effects if isinstance(e, Record)} if passage else set()
        for index in indices:
            # An act a choice records is that choice's; one recorded on arriving at a page (or
            # at a page with no decision) is what the last decision before it led to.
            by_choice = session.events[index].behaviour not in on_arrival
            earlier = [d for d in decided_at if d < i or (d == i and by_choice)]
            if earlier:
                owner.setdefault(earlier[-1], []).append(index)
    for number, i in enumerate(decided_at, 1):
        entry = history[i]
        acts = []
        for index in owner.get(i, []):
            view = ledgers.view(story, session.events[index])
            acts.append(OnRecord(view.label, view.behaviour, view.source_label, points.get(index)))
        day, city = where[i]
        out.append(Decision(number, day, story.city_name(city), entry.passage_id, entry.chosen or "",
                            entry.choice or 0, tuple(acts)))
    return out


def record_of(data: dict[str, Any]) -> str:
    """The record as the one line a transcript file ends with: an HTML comment, invisible in a
    browser and in a Markdown viewer, holding JSON that cannot close it."""
    text = json.dumps({"format": RECORD_MARK, "version": RECORD_VERSION, **data}, ensure_ascii=True,
                      separators=(",", ":"))
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return f"<!-- {RECORD_MARK} {text} -->"


def read_record(text: str) -> dict[str, Any] | None:
    """The record a transcript file holds, or None when it holds none (an older transcript,
    another file)."""
    found = None
    for match in _RECORD_LINE.finditer(text):
        found = match
    if found is None:
        return None
    try:
        data = json.loads(found.group(1))
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != RECORD_MARK or not isinstance(data.get("version"), int):
        return None
    return data


def decision_json(decision: Decision) -> dict[str, Any]:
    return asdict(decision)
