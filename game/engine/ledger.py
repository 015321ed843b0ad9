"""The hidden ledger: scores, grades and the blacklist, derived from the event log.

Nothing here is stored. A score is a pure function of (events, jurisdiction), so the debrief
can re-score the same life under another city's rules, and a replay is exact.

A jurisdiction's ``cities`` mean one thing: the cities whose events its records hold. Two
questions are asked of them, each by its own name: what a city's records say of the player
(``standing``, ``grade_in``, the home ledger), and what they would say had that city been
home (``had_it_been_home``: the debrief's other cities, ``grade_if_home``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from .conditions import GRADE_RANK
from .story import PLAYER, Blacklist, Jurisdiction, Rule, Story


@dataclass(frozen=True)
class Event:
    """Something the player (or a company) did: what, seen by whom, when and where."""

    behaviour: str
    source: str | None
    day: int
    city: str
    subject: str = PLAYER
    passage: str = ""

    def to_json(self) -> dict:
        return {"behaviour": self.behaviour, "source": self.source, "day": self.day,
                "city": self.city, "subject": self.subject, "passage": self.passage}

    @classmethod
    def from_json(cls, data: dict) -> "Event":
        if not isinstance(data, dict):
            raise ValueError("an event is a table of what, who saw it, when and where")
        source = data.get("source")
        if not isinstance(data.get("behaviour"), str) or not (source is None or isinstance(source, str)):
            raise ValueError("an event needs a behaviour and a source (or none)")
        if not isinstance(data.get("day"), int) or not isinstance(data.get("city"), str):
            raise ValueError("an event needs a day and a city")
        return cls(data["behaviour"], source, data["day"], data["city"],
                   str(data.get("subject", PLAYER)), str(data.get("passage", "")))


@dataclass(frozen=True)
class LedgerEntry:
    """One counted event, as the debrief shows it."""

    day: int
    city: str
    behaviour: str
    label: str
    source: str
    source_label: str
    points: int
    running: int
    #: Where the event stands in the log, so the same act can be found under other rules.
    index: int = -1


@dataclass(frozen=True)
class EventView:
    """An event with its labels, for the debrief."""

    day: int
    city: str
    behaviour: str
    label: str
    source: str | None
    source_label: str | None
    subject: str


@dataclass(frozen=True)
class Ledger:
    """A subject's standing under one jurisdiction."""

    jurisdiction_id: str
    name: str
    document: str | None
    subject: str
    start: int
    score: int
    grade: str
    capped_by: str | None
    perks: list[str]
    entries: list[LedgerEntry]
    not_counted: list[EventView] = field(default_factory=list)
    subject_label: str = "You"
    #: What the subject is (a subject's ``kind``): the debrief names its ledgers by it.
    subject_kind: str = "company"


@dataclass(frozen=True)
class BlacklistStatus:
    name: str
    listed: bool
    ever_listed: bool
    history: list[tuple[int, str, str]]
    bars: list[str]


def counts(event: Event, jurisdiction: Jurisdiction, cities: frozenset[str] | None = None) -> bool:
    """Whether a jurisdiction counts this event.

    ``cities`` are the cities whose events it counts: by default its own ``cities``, what its
    records hold. The debrief's re-scoring passes ``had_it_been_home``.
    """
    rule = jurisdiction.rules.get(event.behaviour)
    if rule is None or event.source is None or event.source not in rule.sources:
        return False
    return event.city in (jurisdiction.cities if cities is None else cities)


def had_it_been_home(story: Story, jurisdiction: Jurisdiction) -> frozenset[str]:
    """The cities whose events count when a life is re-scored as if ``jurisdiction`` had been
    home: its own, and home's — what happened at home would have happened there. Events in a
    third city stay where they happened, and count only if this jurisdiction counts them anyway."""
    return jurisdiction.cities | story.jurisdictions[story.home].cities


def standing(events: Iterable[Event], jurisdiction: Jurisdiction, subject: str = PLAYER,
             cities: frozenset[str] | None = None) -> tuple[int, str]:
    """(score, grade) of a subject; the quick form conditions ask for on every page."""
    score, cap = jurisdiction.start, None
    for _, _, _, score, cap, _ in _tally(events, jurisdiction, subject, cities):
        pass
    return score, _grade(jurisdiction, score, cap)


def _tally(events: Iterable[Event], jurisdiction: Jurisdiction, subject: str,
           cities: frozenset[str] | None) -> Iterator[tuple[int, Event, Rule | None, int, str | None, bool]]:
    """Every reported act of ``subject``, in the order of the log, as the jurisdiction scores
    it: (place in the log, event, its rule or None when not counted, the score after it, the
    grade cap after it, whether it tightened the cap).  The quick standing and the full ledger
    both count through here, so they can never score the same life differently."""
    score = jurisdiction.start
    cap: str | None = None
    for index, event in enumerate(events):
        if event.subject != subject or event.source is None:
            continue
        if not counts(event, jurisdiction, cities):
            yield index, event, None, score, cap, False
            continue
        rule = jurisdiction.rules[event.behaviour]
        score += rule.points
        tighter = _tighter(cap, rule.cap)
        yield index, event, rule, score, tighter, tighter != cap
        cap = tighter


def _tighter(cap: str | None, new: str | None) -> str | None:
    """The stricter of two grade caps: a cap only ever holds a grade further down."""
    if new is None or (cap is not None and GRADE_RANK[new] >= GRADE_RANK[cap]):
        return cap
    return new


def _grade(jurisdiction: Jurisdiction, score: int, cap: str | None) -> str:
    grade = jurisdiction.grades[-1][0]
    for name, threshold in jurisdiction.grades:
        if score >= threshold:
            grade = name
            break
    if cap is not None and GRADE_RANK[cap] < GRADE_RANK[grade]:
        grade = cap
    return grade


def ledger(story: Story, events: Sequence[Event], jurisdiction: Jurisdiction,
           subject: str = PLAYER, cities: frozenset[str] | None = None) -> Ledger:
    """The full ledger of one subject under one jurisdiction, every counted entry shown."""
    score, cap = jurisdiction.start, None
    capped_by: str | None = None
    entries: list[LedgerEntry] = []
    not_counted: list[EventView] = []
    for index, event, rule, score, cap, tightened in _tally(events, jurisdiction, subject, cities):
        if rule is None:
            not_counted.append(view(story, event))
            continue
        if tightened:
            capped_by = label(story, event.behaviour)
        entries.append(LedgerEntry(event.day, event.city, event.behaviour, label(story, event.behaviour),
                                   event.source, source_label(story, event.source), rule.points, score, index))
    # Listed by the day each act happened: a bank's note of an instalment due later in the
    # month is written into the log the day it is arranged, before acts of the days between.
    not_counted.sort(key=lambda seen: seen.day)
    grade = _grade(jurisdiction, score, cap)
    if capped_by is not None and _grade(jurisdiction, score, None) == grade:
        capped_by = None  # the points alone already put the grade there
    named = story.subjects.get(subject)
    return Ledger(jurisdiction.id, jurisdiction.name, jurisdiction.document, subject, jurisdiction.start,
                  score, grade, capped_by, list(jurisdiction.perks.get(grade, ())), entries, not_counted,
                  named.label if named else "You" if subject == PLAYER else subject.replace("_", " "),
                  named.kind if named else "company")


def _listings(events: Iterable[Event], rules: Blacklist, subject: str):
    """Each event that changes the subject's listing, with the change: "listed" or "removed"."""
    listed = False
    for event in events:
        if event.subject != subject or event.source not in rules.sources:
            continue
        if event.behaviour in rules.list_on and not listed:
            listed = True
            yield event, "listed"
        elif event.behaviour in rules.lift_on and listed:
            listed = False
            yield event, "removed"


def blacklist_status(story: Story, events: Sequence[Event], rules: Blacklist | None,
                     subject: str = PLAYER) -> BlacklistStatus:
    """Walk the log in order: listed by a court record, lifted by payment or settlement."""
    if rules is None:
        return BlacklistStatus("", False, False, [], [])
    history = [(event.day, label(story, event.behaviour), change)
               for event, change in _listings(events, rules, subject)]
    listed = bool(history) and history[-1][2] == "listed"
    return BlacklistStatus(rules.name, listed, bool(history), history, list(rules.bars))


def is_listed(events: Iterable[Event], rules: Blacklist | None, subject: str = PLAYER) -> bool:
    """Whether the subject is on the list after the last event."""
    if rules is None:
        return False
    change = None
    for _, change in _listings(events, rules, subject):
        pass
    return change == "listed"


def label(story: Story, behaviour: str) -> str:
    found = story.behaviours.get(behaviour)
    return found.label if found else behaviour.replace("_", " ")


def source_label(story: Story, source: str | None) -> str | None:
    if source is None:
        return None
    found = story.sources.get(source)
    return found.label if found else source.replace("_", " ")


def view(story: Story, event: Event) -> EventView:
    return EventView(event.day, event.city, event.behaviour, label(story, event.behaviour),
                     event.source, source_label(story, event.source), event.subject)

