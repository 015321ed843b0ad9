"""The exhaustive test: every choice of every passage and both sides of every condition, tried.

Like ChoiceScript's quicktest, but by playing real lives rather than forcing branches: a
forced branch can reach a state no player could, and report a problem no player would meet.
The search starts at each route's first passage and, from every page, takes every choice on
offer. A life that tried something new — a choice, a side of a condition, a passage — is
followed first, down to an ending; any other life in a state not met before waits its turn; a state is the passage, the
variables, the day, the city, the grade and the blacklist (lives that differ only in what
they saw earlier are followed once). The story's chances — its rolls — cannot be chosen,
so the search starts from several seeds. It stops after ``max_states`` pages.

It reports what it never reached — passages, choices, and sides of conditions — and the
problems it met: a page with no way on, a story error while playing, or a trap, a place some
life reached and no life can leave for an ending (``traps``: on the branch map with the ways
that can never open taken off, or among the whole states the search went round). A life is
not followed into a passage from which lives can only go round: the trap is the news, and
the search has better use for its pages; a search begun elsewhere (``--start``, ``--mod-only``)
looks for traps the same way, its beginnings counted among the ways in. Exit code 1 on a problem; what was never reached is
for the writer to judge (the lint pass says which conditions can never hold at all).

A story can be made to outgrow any search — a page of ten thousand choices, thousands of
variables and dice on every page — so the search's work and memory are bounded, counted
rather than timed: it asks at most ``WORK_PER_STATE`` conditions and takes at most that many
choices per page it may try, remembers states as fingerprints and at most ``MAX_REMEMBERED``
of them, and the lives waiting their turn hold at most ``MAX_WAITING`` values between them.
When a bound stops the search, or leaves lives unfollowed, the report says which and how far
it got.
"""

from __future__ import annotations

import hashlib
import marshal
import random
from collections import deque
from dataclasses import dataclass, field
from typing import Iterator

from ..engine import Session, Story
from ..engine.story import Record, Route, reached
from ..engine.conditions import Ask, walk
from .coverage import (
    Answers, Site, all_choices, choice_label, close_ending, condition_sites, offered_choices, watched,
)
from .lint import OpenWays, open_ways
from .rehearsal import Rehearsal
from .traps import on_rounds, passage_traps, rounds_only, state_trap

MAX_STATES = 20_000
#: A roll cannot be chosen like a choice; lives from this many seeds meet its outcomes.
SEEDS = 16
#: Random lives sent ahead to find pages the widening search has not reached.
SCOUTS = 2_000
#: Then, while an ending is still unreached, up to this many more random lives look for it:
#: an ending that one uniform life in thousands reaches (a grade between the court list and
#: the warning) is found without making every search longer.
HUNTERS = 20_000
#: A random life is given up after this many choices (the search itself finds loops).
MAX_LIFE = 2_000
#: Conditions asked and choices taken, in all, per page the search may try: the shipped
#: story spends about 55 a page, a page of ten thousand choices some thirty thousand.
WORK_PER_STATE = 200
#: States remembered as met, each a 16-byte fingerprint (about 100 bytes in the set): 100 MB.
MAX_REMEMBERED = 1_000_000
#: Values (variables, acts on the record, passages visited) held by all the lives waiting
#: their turn, about 50 bytes each: 100 MB, whatever the story's number of variables.
MAX_WAITING = 2_000_000

#: What stopped a search, as the report words it.
STOPPED_BY = {
    "pages": "the limit of pages: --max-states {max_states:,}",
    "work": "the limit of work: {per} for each page --max-states {max_states:,} allows",
    "memory": "the limit of memory: {remembered:,} states remembered",
}


@dataclass(frozen=True)
class Beginning:
    """Where a search begins and what it is about, when not the whole story from its start:
    the lives the flags of a rehearsal make (``--start``, ``--set``, ``--record``,
    ``--seen``), begun at each of ``starts`` (a mod's hooks), and kept within ``scope``
    (a mod's passages): a life that leaves it is not followed further, and only what lies
    within it is reported as never reached."""

    rehearsal: Rehearsal
    starts: tuple[str, ...] = ()
    scope: frozenset[str] | None = None
    about: str = ""
    #: The files whose choices and conditions the report is about (a mod's), None for all.
    files: frozenset[str] | None = None

    def lives(self, story: Story, seed: int) -> Iterator[Session]:
        for start in self.starts or (None,):
            yield self.rehearsal.session(story, seed, Route.FULL, start)


@dataclass
class Quicktest:
    story: Story
    sites: list[Site]
    max_states: int = MAX_STATES
    #: The passages the search is about (None: the whole story), and what the report says of it.
    scope: frozenset[str] | None = None
    about: str = ""
    files: frozenset[str] | None = None
    states: int = 0
    complete: bool = True          # False when a bound stopped the search or left lives unfollowed
    stopped_by: str | None = None  # "pages", "work" or "memory": the bound that stopped it
    work: int = 0                  # conditions asked and choices taken
    left_unfollowed: int = 0       # lives not queued: those waiting held all they may
    passages: set[str] = field(default_factory=set)
    choices: set[tuple[str, int]] = field(default_factory=set)
    answers: set[tuple[int, bool]] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)   # each also a problem

    def stop(self, bound: str) -> None:
        self.complete = False
        self.stopped_by = self.stopped_by or bound

    @property
    def within(self) -> frozenset[str] | set[str]:
        return self.scope if self.scope is not None else set(self.story.passages)

    def ways(self) -> list[tuple[str, int]]:
        """Every way on (see :func:`all_choices`) from the passages the search is about, and
        written in the files it is about."""
        within, passages = self.within, self.story.passages
        return [(p, i) for p, i in all_choices(self.story) if p in within and self._written_here(
            (passages[p].choices[i].where or passages[p].where) if i >= 0 else passages[p].where)]

    def _written_here(self, where) -> bool:
        return self.files is None or where.path in self.files

    def never(self) -> dict[str, list[str]]:
        story = self.story
        return {
            "passages": sorted(set(self.within) - self.passages),
            "choices": [choice_label(story.passages[p], i) for p, i in self.ways()
                        if (p, i) not in self.choices and p in self.passages],
            "conditions": [f"{s.where}: {s.label}: '{s.condition}' never {'held' if side else 'failed'}"
                           for s in self._sites_within() for side in (True, False)
                           if (s.number, side) not in self.answers and (s.passage is None or s.passage in self.passages)],
        }

    def as_json(self) -> dict:
        return {"states": self.states, "complete": self.complete, "stopped_by": self.stopped_by,
                "work": self.work, "left_unfollowed": self.left_unfollowed, "problems": self.problems,
                "traps": self.traps,
                "passages": {"reached": len(self.passages), "total": len(self.within)},
                "scope": self.about or None,
                "endings": sorted(self.endings), "never": self.never()}

    def lines(self) -> list[str]:
        never = self.never()
        ways = len(self.ways())
        sides = 2 * len(self._sites_within())
        out = [f"{self.states:,} page{'' if self.states == 1 else 's'} tried, "
               f"{self.work:,} conditions asked and choices taken"
               + (f" — stopped at {self.stop_reason()}" if self.stopped_by else "")]
        if self.about:
            out.append(self.about)
        if self.left_unfollowed:
            out.append(f"lives left unfollowed: {self.left_unfollowed:,} (the lives waiting their turn held "
                       f"{MAX_WAITING:,} values, the limit)")
        out += [f"passages reached: {len(self.passages)} of {len(self.within)}",
                f"choices taken: {ways - len(never['choices']) - self._ways_unreached()} of {ways}",
                f"sides of conditions tried: {len(self._answers_within())} of {sides}",
                f"endings reached: {len(self.endings)}"]
        for kind in ("passages", "choices", "conditions"):
            for item in never[kind]:
                out.append(f"never reached ({kind[:-1]}): {item}")
        out += [f"problem: {p}" for p in self.problems]
        return out

    def stop_reason(self) -> str:
        return STOPPED_BY.get(self.stopped_by or "", "").format(
            max_states=self.max_states, per=WORK_PER_STATE, remembered=MAX_REMEMBERED)

    def _ways_unreached(self) -> int:
        return sum(1 for p, _ in self.ways() if p not in self.passages)

    def _sites_within(self) -> list[Site]:
        if self.scope is None and self.files is None:
            return self.sites
        within = self.within
        return [s for s in self.sites if (s.passage is None or s.passage in within)
                and (self.files is None or s.written_in in self.files)]

    def _answers_within(self) -> set[tuple[int, bool]]:
        numbers = {s.number for s in self._sites_within()}
        return {answer for answer in self.answers if answer[0] in numbers}


class _Waiting:
    """The lives waiting their turn, and the values they hold, never more than ``limit``."""

    def __init__(self, report: Quicktest, limit: int) -> None:
        self.lives: deque[tuple[int, Session]] = deque()
        self.held = 0
        self.limit = limit
        self.report = report

    def __len__(self) -> int:
        return len(self.lives)

    def first(self, session: Session) -> bool:
        return self._put(session, self.lives.appendleft)

    def last(self, session: Session) -> bool:
        return self._put(session, self.lives.append)

    def take(self) -> Session:
        size, session = self.lives.popleft()
        self.held -= size
        return session

    def _put(self, session: Session, put) -> bool:
        size = 1 + len(session.variables) + len(session.events) + len(session.visits)
        if self.held + size > self.limit:
            self.report.left_unfollowed += 1
            self.report.complete = False
            return False
        self.held += size
        put((size, session))
        return True


class _Remembered:
    """The states met, as fingerprints, never more than ``limit`` of them."""

    def __init__(self, limit: int) -> None:
        self.seen: set[bytes] = set()
        self.limit = limit

    def __contains__(self, key: bytes) -> bool:
        return key in self.seen

    def add(self, key: bytes) -> bool:
        """Remember ``key``; False when it is new and there is no room left."""
        if key not in self.seen and len(self.seen) >= self.limit:
            return False
        self.seen.add(key)
        return True


def _fingerprint(value: object) -> bytes:
    """A state kept small: a story's thousands of variables would otherwise be held whole
    for every state met. Plain values only (texts, numbers, true and false, tuples of them),
    which ``marshal`` writes the same way every time, and fast."""
    return hashlib.blake2b(marshal.dumps(value), digest_size=16).digest()


def _whole_state(session: Session, asked: "Asked") -> bytes:
    """All a life's future depends on: where it is, its variables, day and city, its record
    (the score and every question about acts read it), the visits its conditions can ask
    about (how many for ``visits``, whether any for ``seen``) and how often each chance has
    been drawn. Two lives in the same whole state can make exactly the same choices from there on."""
    return _fingerprint((session.position, tuple(sorted(session.variables.items())), session.day, session.city,
                         tuple((e.behaviour, e.source or "", e.day, e.city, e.subject) for e in session.events),
                         tuple(session.visits[p] for p in asked.counted),
                         tuple(session.visits[p] > 0 for p in asked.seen),
                         tuple(sorted(session.chances.items()))))


@dataclass
class Asked:
    """The passages whose visits some condition asks: counted (``visits``) or only whether
    seen (``seen``); the rest of a life's visits change nothing ahead of it."""

    counted: tuple[str, ...]
    seen: tuple[str, ...]

    @classmethod
    def of(cls, story: Story) -> "Asked":
        counted: set[str] = set()
        seen: set[str] = set()
        for site in condition_sites(story):
            for part in walk(site.condition.tree):
                if isinstance(part, Ask) and part.question in ("seen", "visits"):
                    # A hook or an old id asks of the passage it stands for, whose visits a
                    # life keeps.
                    (counted if part.question == "visits" else seen).add(story.passage_named(part.subject))
        return cls(tuple(sorted(counted)), tuple(sorted(seen - counted)))


#: Stands for a state at a passage no life comes back to (it cannot be part of a round, so
#: nothing is kept of it), or one beyond what the search is about: whatever leads there is
#: not known to be stuck.
_AWAY = b""


@dataclass
class _Followed:
    """The whole states at passages a life can come back to (``rounds``) that the search
    followed through every choice, with their ways on, for finding the rounds no life leaves
    (``traps.state_trap``); at most ``limit`` of them."""

    asked: Asked
    rounds: set[str]
    limit: int
    onward: dict[bytes, tuple[bytes, ...]] = field(default_factory=dict)
    stuck: dict[bytes, str] = field(default_factory=dict)

    def wanted(self, session: Session) -> bool:
        return session.position in self.rounds and len(self.onward) < self.limit

    def state(self, session: Session) -> bytes:
        return _whole_state(session, self.asked) if session.position in self.rounds else _AWAY

    def keep(self, session: Session, children: list[bytes]) -> None:
        here = _whole_state(session, self.asked)
        self.onward[here] = tuple(children)
        self.stuck[here] = session.position


def _state(session: Session) -> bytes:
    # Variables' names are unique, so sorting the pairs never compares two values.
    return _fingerprint((session.position, tuple(sorted(session.variables.items())), session.day,
                         session.city, str(session.builtin("grade")), bool(session.builtin("blacklisted"))))


class _Budget:
    """The work a search may still do: conditions asked (counted by the watched story) and
    choices taken, up to ``limit``."""

    def __init__(self, answers: Answers, report: Quicktest, limit: int) -> None:
        self.answers, self.report, self.limit = answers, report, limit
        self.taken = 0
        self.before = answers.asked   # the first pages, composed before the search begins

    def spent(self, share: float = 1.0) -> bool:
        self.report.work = self.answers.asked - self.before + self.taken
        return self.report.work >= self.limit * share


def from_passage(story: Story, rehearsal: Rehearsal) -> Beginning:
    """A search begun at ``rehearsal``'s start (``test --start``), about what can be reached
    from there."""
    start = rehearsal.start or story.start
    scope = frozenset(reached([start], lambda pid: story.passages[pid].ways_on(), story.passages))
    return Beginning(rehearsal, (start,), scope,
                     f"searched from '{start}' (--start): {len(scope)} passages can be reached from it")


def quicktest(story: Story, max_states: int = MAX_STATES, seeds: int = SEEDS,
              scouts: int = SCOUTS, beginning: Beginning | None = None) -> Quicktest:
    """Search the story's lives for every choice and both sides of every condition; the
    story's chances (its rolls) are drawn from ``seeds`` seeds, one search from each.

    A search that widens from the start drowns in the many ways a season can go before it
    finds the choices that need a long run of particular ones (the savings to pay a judgment
    at once).  So when the first search has spent half its pages, ``scouts`` random lives go
    ahead, and every page of theirs that offers a choice not yet taken, or stands at a
    passage not yet reached, is searched from, with the rest of the pages.

    The first search may spend half the work ``max_states`` allows, the scouts take it to
    three quarters, and the second search spends the rest.

    With a ``beginning``, every life starts as it says (at a passage, in a state), and the
    search and its report keep to its scope."""
    watched_story, answers, sites = watched(story)
    scope = beginning.scope if beginning is not None else None
    report = Quicktest(story, sites, max_states, scope=scope, about=beginning.about if beginning else "",
                       files=beginning.files if beginning else None)
    seen = _Remembered(MAX_REMEMBERED)
    queue = _Waiting(report, MAX_WAITING)
    for seed in range(seeds):
        for session in _first_lives(watched_story, seed, beginning):
            queue.last(session)
    budget = _Budget(answers, report, max_states * WORK_PER_STATE)
    halves = (max_states // 2, 0.5) if scouts else (max_states, 1.0)
    kept = _Followed(Asked.of(story), on_rounds(story), MAX_REMEMBERED)
    # No ending lies beyond a passage the map's open ways lead to none from: a life that gets
    # there is noted (it is a trap) and not followed, lest the whole search go round in it.
    ways = open_ways(story)
    shut_in = rounds_only(story, ways)
    _search(report, answers, queue, seen, budget, *halves, kept, shut_in)
    if scouts and report.stopped_by != "memory":
        # The first search's stop was only its half; what stops the second is the news.
        report.stopped_by, report.complete = None, report.left_unfollowed == 0
        _scout(watched_story, report, scouts, queue, budget, shut_in, beginning)
        _search(report, answers, queue, seen, budget, max_states, 1.0, kept, shut_in)
    report.answers = set(answers)
    budget.spent()
    _find_traps(story, report, kept, ways, beginning)
    return report


def _find_traps(story: Story, report: Quicktest, kept: _Followed, ways: OpenWays,
                beginning: Beginning | None) -> None:
    """A place some life reached and no life can leave for an ending is a problem: the player
    is stuck there for good, however the search was bounded."""
    # Where a beginning puts its lives is a way in as much as the story's own start.
    starts = beginning.starts if beginning is not None else ()
    traps = passage_traps(story, report.passages, ways, starts)
    on_the_map = {p for trap in traps for p in trap.passages}
    # A round of states inside a trap the map shows already is that trap, met in one state.
    traps += [t for t in state_trap(story, kept.stuck, kept.onward) if not set(t.passages) <= on_the_map]
    report.traps = [str(trap) for trap in traps]
    report.problems += report.traps


def _first_lives(story: Story, seed: int, beginning: Beginning | None) -> Iterator[Session]:
    """The lives a search begins with for one seed: each route's first page, or where the
    beginning says."""
    if beginning is not None:
        yield from beginning.lives(story, seed)
        return
    for route in tuple(Route) if story.has_short_route else (Route.FULL,):
        yield Session.new(story, seed=seed, route=route)


def _scout(story: Story, report: Quicktest, lives: int, queue: _Waiting, budget: _Budget,
           shut_in: set[str], beginning: Beginning | None = None) -> None:
    """Put at the head of the queue the pages of ``lives`` seeded random lives that offer
    something the search has not tried, then the last page of any further life (up to
    ``HUNTERS``) that ends where no life has yet, until every ending is reached or three
    quarters of the work is spent."""
    scouted: set[bytes] = set()          # one page per passage and set of untried choices
    within = report.within
    endings = {pid for pid, passage in story.passages.items() if passage.ending is not None and pid in within}
    found: set[str] = set()               # endings a scout reached
    for n in range(lives + HUNTERS):
        if budget.spent(0.75):
            return
        hunting = n >= lives               # past the scouts, only an unreached ending is news
        if hunting and endings <= report.endings | found:
            return
        chance = random.Random(n)
        if beginning is not None:
            firsts = list(beginning.lives(story, n))
            session = firsts[n % len(firsts)]
        else:
            route = Route.SHORT if story.has_short_route and n % 4 == 3 else Route.FULL
            session = Session.new(story, seed=n, route=route)
        for _ in range(MAX_LIFE):
            if budget.spent(0.75):
                return
            if session.position not in within:
                break                      # the life has left what the search is about
            try:
                if session.position in shut_in:
                    report.passages.add(session.position)
                    break
                if session.is_over:
                    key = _fingerprint((session.position, ()))
                    if session.position not in report.passages and key not in scouted:
                        scouted.add(key)
                        found.add(session.position)
                        queue.first(session.fork())
                    break
                page = session.page
                if not page.choices:
                    break
                untried = tuple(i for i in offered_choices(session) if (session.position, i) not in report.choices)
                key = _fingerprint((session.position, untried))
                if not hunting and (untried or session.position not in report.passages) and key not in scouted:
                    scouted.add(key)
                    queue.first(session.fork())
                budget.taken += 1
                session.choose(_temperament(n, chance, page.choices, session.offered, story).number)
            except Exception:  # the search itself reports a story's errors, where they happen
                break


def _temperament(n: int, chance: random.Random, choices, offered, story: Story):
    """The choice a scout of the ``n``th life makes. One life in three leans to whatever the
    home city's rules count against a resident, one to whatever they count in the resident's
    favour, and one takes any option alike: the ends of the ladder (a grade reached only by
    refusal after refusal) are found far sooner by lives of one character than by lives that
    choose at random. The lean is read from the rules, never from the story's words."""
    lean = n % 3
    if lean and chance.random() < 0.8:
        weighed = [(_worth(choice, story), i) for i, choice in enumerate(offered)]
        best = min(w for w, _ in weighed) if lean == 1 else max(w for w, _ in weighed)
        return choices[chance.choice([i for w, i in weighed if w == best])]
    return chance.choice(choices)


def _worth(choice, story: Story) -> int:
    """What a choice's own records are worth under the home city's rules."""
    rules = story.jurisdictions[story.home].rules if story.home in story.jurisdictions else {}
    total = 0
    for effect in choice.effects:
        if isinstance(effect, Record) and effect.source is not None:
            rule = rules.get(effect.behaviour)
            if rule is not None and effect.source in rule.sources:
                total += rule.points
    return total


def _search(report: Quicktest, answers: set, queue: _Waiting, seen: _Remembered, budget: _Budget,
            max_states: int, share: float, kept: _Followed, shut_in: set[str]) -> None:
    """Take every choice of every page in ``queue``, following what is new first, until the
    queue is empty, ``max_states`` pages have been tried in all, or ``share`` of the work
    is spent. Each page whose every choice was taken is ``kept`` with the whole states they
    led to."""
    while queue:
        if report.states >= max_states:
            report.stop("pages")
            return
        if budget.spent(share):
            report.stop("work")
            return
        session = queue.take()
        report.states += 1
        report.passages.add(session.position)
        try:
            page = session.page
            if session.is_over:
                report.endings.add(session.position)
                close_ending(session)
                continue
            if not page.choices:
                problem = f"{session.passage.where}: no way on from '{session.position}' (every choice's condition fails)"
                if problem not in report.problems:
                    report.problems.append(problem)
                continue
            offered = offered_choices(session)
            followed = False
            children: list[bytes] | None = [] if kept.wanted(session) else None
            for view in page.choices:
                if budget.spent(share):
                    report.stop("work")
                    return
                child = session.fork()
                before = len(answers) + len(report.choices) + len(report.passages)
                report.choices.add((session.position, offered[view.number - 1]))
                budget.taken += 1
                child.choose(view.number)
                if report.scope is not None and child.position not in report.scope:
                    # It left what the search is about: not followed, and nothing is known of
                    # where it goes, so it keeps the page it left from being called a trap.
                    if children is not None:
                        children.append(_AWAY)
                    continue
                report.passages.add(child.position)
                child.page  # composing the page asks its variants and choices
                if children is not None:
                    children.append(kept.state(child))
                key = _state(child)
                if child.position in shut_in:
                    continue    # no ending beyond: reached, and reported as a trap
                news = len(answers) + len(report.choices) + len(report.passages) > before
                if news or (not followed and key not in seen):
                    # What is new is followed first, and every life followed goes on down to
                    # an ending: what an early choice changes often shows only months later.
                    followed = queue.first(child) or followed
                elif key not in seen:
                    queue.last(child)
                if not seen.add(key):
                    report.stop("memory")
                    return
            if children is not None:
                kept.keep(session, children)
        except Exception as exc:  # a story must never crash the engine; say where, keep going
            problem = f"{session.passage.where}: {exc.__class__.__name__}: {exc}"
            if problem not in report.problems:
                report.problems.append(problem)
