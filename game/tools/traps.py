"""Traps: places a life can reach and never leave for an ending.

A story can pass every other test and still hold a player for ever: a loop whose only way out
waits for a counter to fall below 0 when it is only ever added to. Random lives call such a
life merely long, and a search that meets a new state at every lap never runs out of states.
Two ways of looking find one:

- **by passage**: with the ways that can never open taken off the branch map (``lint``'s
  ``OpenWays``: a choice whose condition can never hold, a goto branch never taken), a
  passage from which no ending can be reached traps every life that arrives there. Found once
  for the story; reported for the passages a real life reached.
- **by state**: the search plays real lives, and a life is all its state (the passage, the
  variables, the day, the city, the record, the passages whose visits a condition asks, the
  dice). States the search followed through every choice, whose every way on is such a state
  too and none an ending, are a trap whatever the conditions say: the lives there go round
  them for ever (a flag that can be set elsewhere, but never on the way round).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..engine.story import Story, Where, reached
from .lint import OpenWays, open_ways

#: Passages of a trap named in its report; a larger one is counted.
SHOWN = 12


@dataclass(frozen=True)
class Trap:
    """Passages a life enters and never leaves for an ending: where it comes in, where it goes
    round, and the ways out that never open."""

    where: Where
    entrance: str
    passages: tuple[str, ...]
    shut: tuple[str, ...]

    def __str__(self) -> str:
        named = ", ".join(self.passages[:SHOWN])
        if len(self.passages) > SHOWN:
            named += f" and {len(self.passages) - SHOWN:,} more"
        said = (f"{self.where}: trap: a life that reaches '{self.entrance}' can never reach an ending; its ways on "
                f"lead only to {named}")
        if self.shut:
            said += f"; {'; '.join(self.shut)}"
        return said


def passage_traps(story: Story, reached_by_lives: set[str], ways: OpenWays | None = None,
                  starts: Iterable[str] = ()) -> list[Trap]:
    """The traps on the branch map that the lives of a search walked into; ``starts`` are
    where the search put lives other than the story's own start (``test --start``)."""
    ways = ways or open_ways(story)
    trapped = set(story.passages) - ways.can_end
    # A life comes into a trap where the story (or the search) starts, or by a way that can
    # open from a passage that is not trapped.
    entrances = {pid for pid in (story.start, story.short_start, *starts) if pid is not None}
    for pid, onward in ways.onward.items():
        if pid not in trapped:
            entrances.update(onward)
    entered = sorted(trapped & reached_by_lives & entrances)
    traps: list[Trap] = []
    taken: set[frozenset[str]] = set()
    for pid in entered:
        inside = frozenset(reached([pid], lambda p: ways.onward[p], story.passages))
        if inside in taken or not _goes_round(inside, ways):
            continue    # met already; or every way from it ends where no choice is offered, said as such
        taken.add(inside)
        shut = tuple(f"{p}: {which} ('{condition}')" for p in sorted(inside) for which, condition in ways.shut[p])
        shut = (f"the ways that would lead out can never open: {', '.join(shut)}",) if shut else ()
        traps.append(Trap(story.passages[pid].where, pid, tuple(sorted(inside)), shut))
    return traps


def rounds_only(story: Story, ways: OpenWays) -> set[str]:
    """The passages from which lives can only go round: no ending, and no passage without a way
    on, can be reached from them (that is a dead end, which a search reports where it is)."""
    trapped = set(story.passages) - ways.can_end
    back: dict[str, list[str]] = {pid: [] for pid in trapped}
    for pid in trapped:
        for to in ways.onward[pid]:
            if to in back:
                back[to].append(pid)
    dead_ends = [pid for pid in trapped if not ways.onward[pid]]
    return trapped - reached(dead_ends, lambda pid: back[pid], back)


def _goes_round(inside: frozenset[str], ways: OpenWays) -> bool:
    """Whether lives can go round among these passages: what is left once every passage with
    no way on (among those left) is taken away, again and again."""
    left = set(inside)
    while True:
        ends = {p for p in left if not any(to in left for to in ways.onward[p])}
        if not ends:
            return bool(left)
        left -= ends


def on_rounds(story: Story) -> set[str]:
    """The passages a life can come back to (by any way, whatever the conditions): only there
    can lives go round for ever, so only states there are kept to look for traps in. Found as
    the branch map's strongly connected parts, without recursion (a story may be deep)."""
    onward = {pid: [to for to in p.ways_on() if to in story.passages] for pid, p in story.passages.items()}
    order: list[str] = []
    done: set[str] = set()
    for first in story.passages:
        if first in done:
            continue
        done.add(first)
        stack = [(first, iter(onward[first]))]
        while stack:
            pid, ahead = stack[-1]
            step = next((to for to in ahead if to not in done), None)
            if step is None:
                stack.pop()
                order.append(pid)
            else:
                done.add(step)
                stack.append((step, iter(onward[step])))
    back: dict[str, list[str]] = {pid: [] for pid in story.passages}
    for pid, nexts in onward.items():
        for to in nexts:
            back[to].append(pid)
    rounds: set[str] = set()
    placed: set[str] = set()
    for pid in reversed(order):
        if pid in placed:
            continue
        part, queue = [pid], [pid]
        placed.add(pid)
        while queue:
            for before in back[queue.pop()]:
                if before not in placed:
                    placed.add(before)
                    part.append(before)
                    queue.append(before)
        if len(part) > 1 or pid in onward[pid]:
            rounds.update(part)
    return rounds


def state_trap(story: Story, stuck: dict[bytes, str], onward: dict[bytes, tuple[bytes, ...]]) -> list[Trap]:
    """The traps among the states a search followed through every choice: ``onward`` holds each
    such state's ways on, ``stuck`` the passage of each state. A state is free when it is an
    ending, was never followed through (nothing is known of it) or leads to a free one."""
    back: dict[bytes, list[bytes]] = {}
    for state, nexts in onward.items():
        for after in nexts:
            back.setdefault(after, []).append(state)
    free = [s for s in set(back) | set(onward) if s not in onward]
    seen = set(free)
    while free:
        state = free.pop()
        for before in back.get(state, ()):
            if before not in seen:
                seen.add(before)
                free.append(before)
    trapped = [s for s in onward if s not in seen]
    traps: list[Trap] = []
    covered: set[bytes] = set()
    for state in sorted(trapped, key=lambda s: (stuck[s], s)):
        if state in covered:
            continue
        inside: set[bytes] = set()
        queue = [state]
        while queue:
            here = queue.pop()
            if here not in inside:
                inside.add(here)
                queue.extend(onward[here])
        covered |= inside
        passages = tuple(sorted({stuck[s] for s in inside}))
        if any(trap.passages == passages for trap in traps):
            continue    # the same round, entered in another state
        pid = stuck[state]
        traps.append(Trap(story.passages[pid].where, pid, passages, (
            "as the lives played it, every way on comes back to a state met before",)))
    return traps
