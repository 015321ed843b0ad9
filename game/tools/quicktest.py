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
problems it met: a page with no way on, or a story error while playing. Exit code 1 on a
problem; what was never reached is for the writer to judge (the lint pass says which
conditions can never hold at all).
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from ..engine import Session, Story
from .coverage import Site, all_choices, choice_label, close_ending, taken_choice, watched

MAX_STATES = 20_000
#: A roll cannot be chosen like a choice; lives from this many seeds meet its outcomes.
SEEDS = 16
#: Random lives sent ahead to find pages the widening search has not reached.
SCOUTS = 2_000
#: A random life is given up after this many choices (the search itself finds loops).
MAX_LIFE = 2_000


@dataclass
class Quicktest:
    story: Story
    sites: list[Site]
    states: int = 0
    complete: bool = True          # False when the search stopped at its limit
    passages: set[str] = field(default_factory=set)
    choices: set[tuple[str, int]] = field(default_factory=set)
    answers: set[tuple[int, bool]] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def never(self) -> dict[str, list[str]]:
        story = self.story
        return {
            "passages": sorted(set(story.passages) - self.passages),
            "choices": [choice_label(story.passages[p], i) for p, i in all_choices(story)
                        if (p, i) not in self.choices and p in self.passages],
            "conditions": [f"{s.where}: {s.label}: '{s.condition}' never {'held' if side else 'failed'}"
                           for s in self.sites for side in (True, False)
                           if (s.number, side) not in self.answers and (s.passage is None or s.passage in self.passages)],
        }

    def as_json(self) -> dict:
        return {"states": self.states, "complete": self.complete, "problems": self.problems,
                "passages": {"reached": len(self.passages), "total": len(self.story.passages)},
                "endings": sorted(self.endings), "never": self.never()}

    def lines(self) -> list[str]:
        never = self.never()
        ways = sum(1 for _ in all_choices(self.story))
        sides = 2 * len(self.sites)
        out = [f"{self.states:,} pages tried{'' if self.complete else ' (stopped at the limit: --max-states)'}",
               f"passages reached: {len(self.passages)} of {len(self.story.passages)}",
               f"choices taken: {ways - len(never['choices']) - self._ways_unreached()} of {ways}",
               f"sides of conditions tried: {len(self.answers)} of {sides}",
               f"endings reached: {len(self.endings)}"]
        for kind in ("passages", "choices", "conditions"):
            for item in never[kind]:
                out.append(f"never reached ({kind[:-1]}): {item}")
        out += [f"problem: {p}" for p in self.problems]
        return out

    def _ways_unreached(self) -> int:
        return sum(1 for p, _ in all_choices(self.story) if p not in self.passages)


def _fork(session: Session) -> Session:
    """A copy of a life to try another choice in (the history is not needed to play on)."""
    copy = Session(session.story, session.seed, session.route)
    copy.position, copy.day, copy.city = session.position, session.day, session.city
    copy.variables = dict(session.variables)
    copy.visits = session.visits.copy()
    copy.events = list(session.events)
    copy.dice = type(session.dice)(session.dice.state)
    return copy


def _state(session: Session) -> tuple:
    return (session.position, tuple(sorted(session.variables.items(), key=lambda kv: kv[0])),
            session.day, session.city, session.builtin("grade"), session.builtin("blacklisted"))


def quicktest(story: Story, max_states: int = MAX_STATES, seeds: int = SEEDS,
              scouts: int = SCOUTS) -> Quicktest:
    """Search the story's lives for every choice and both sides of every condition; the
    story's chances (its rolls) are drawn from ``seeds`` seeds, one search from each.

    A search that widens from the start drowns in the many ways a season can go before it
    finds the choices that need a long run of particular ones (the savings to pay a judgment
    at once).  So when the first search has spent half its pages, ``scouts`` random lives go
    ahead, and every page of theirs that offers a choice not yet taken, or stands at a
    passage not yet reached, is searched from, with the rest of the pages."""
    watched_story, answers, sites = watched(story)
    report = Quicktest(story, sites)
    seen_states: set[tuple] = set()
    queue: deque[Session] = deque()
    for seed in range(seeds):
        for route in ("full", "short") if story.has_short_route else ("full",):
            queue.append(Session.new(watched_story, seed=seed, route=route))
    _search(report, answers, queue, seen_states, max_states // 2 if scouts else max_states)
    if scouts:
        queue.extendleft(_scouted(watched_story, report, scouts))
        _search(report, answers, queue, seen_states, max_states)
    report.answers = set(answers)
    return report


def _scouted(story: Story, report: Quicktest, lives: int) -> list[Session]:
    """Pages of ``lives`` seeded random lives that offer something the search has not tried."""
    found: list[Session] = []
    scouted: set[tuple] = set()          # one page per passage and set of untried choices
    for n in range(lives):
        chance = random.Random(n)
        route = "short" if story.has_short_route and n % 4 == 3 else "full"
        session = Session.new(story, seed=n, route=route)
        for _ in range(MAX_LIFE):
            try:
                if session.is_over:
                    if session.position not in report.passages and (session.position, ()) not in scouted:
                        scouted.add((session.position, ()))
                        found.append(_fork(session))
                    break
                page = session.page
                if not page.choices:
                    break
                untried = frozenset(
                    taken_choice(session, view.number) for view in page.choices
                    if (session.position, taken_choice(session, view.number)) not in report.choices)
                key = (session.position, untried)
                if (untried or session.position not in report.passages) and key not in scouted:
                    scouted.add(key)
                    found.append(_fork(session))
                session.choose(chance.choice(page.choices).number)
            except Exception:  # the search itself reports a story's errors, where they happen
                break
    return found


def _search(report: Quicktest, answers: set, queue: deque, seen_states: set[tuple], max_states: int) -> None:
    """Take every choice of every page in ``queue``, following what is new first, until the
    queue is empty or ``max_states`` pages have been tried in all."""
    while queue:
        if report.states >= max_states:
            report.complete = False
            return
        session = queue.popleft()
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
            followed = False
            for view in page.choices:
                child = _fork(session)
                before = len(answers) + len(report.choices) + len(report.passages)
                report.choices.add((child.position, taken_choice(child, view.number)))
                child.choose(view.number)
                report.passages.add(child.position)
                child.page  # composing the page asks its variants and choices
                key = _state(child)
                news = len(answers) + len(report.choices) + len(report.passages) > before
                if news or (not followed and key not in seen_states):
                    # What is new is followed first, and every life followed goes on down to
                    # an ending: what an early choice changes often shows only months later.
                    queue.appendleft(child)
                    followed = True
                elif key not in seen_states:
                    queue.append(child)
                seen_states.add(key)
        except Exception as exc:  # a story must never crash the engine; say where, keep going
            problem = f"{session.passage.where}: {exc.__class__.__name__}: {exc}"
            if problem not in report.problems:
                report.problems.append(problem)
