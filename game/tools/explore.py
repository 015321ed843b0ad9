"""Automated playthroughs: many seeded random lives, and what they found.

Like ChoiceScript's randomtest: every run picks uniformly among the offered choices, so the
numbers say how often a player choosing blindly meets each passage, ending and grade.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..engine import Session, Story
from ..engine.conditions import Ask, Builtin, Condition, walk
from ..engine.ledger import is_listed, standing
from ..engine.story import Route
from ..engine.passage_words import paragraphs
from .coverage import Coverage, close_ending, condition_sites, taken_choice, watched
from .stats import words

MAX_STEPS = 2000
STRETCH = 30   # days: about a month, the span over which a life should feel the record


@dataclass
class Pace:
    """How much one route asks of a reader: words per life up to the debrief, and how often
    the only thing to do was to turn the page."""

    words: list[int] = field(default_factory=list)  # one figure per life that reached an ending
    inputs: int = 0
    single_option_inputs: int = 0
    reactions: list[int] = field(default_factory=list)  # per life: pages shaped by the hidden record
    # per life: the day of each page the record shaped, to say whether a stretch of the
    # season went by without the system showing itself
    reaction_days: list[list[int]] = field(default_factory=list)

    def add(self, life_words: int, inputs: int, single: int, reactions: int = 0,
            reaction_days: list[int] | None = None) -> None:
        self.words.append(life_words)
        self.inputs += inputs
        self.single_option_inputs += single
        self.reactions.append(reactions)
        self.reaction_days.append(list(reaction_days or ()))

    def share_met_in_every(self, spans: list[tuple[int, int]], at_least: int = 1) -> float:
        """The share of lives that met the record at least ``at_least`` times in all, and at
        least once in every (first, last) span of days."""
        if not self.reaction_days:
            return 0.0
        met = sum(1 for days in self.reaction_days
                  if len(days) >= at_least and all(any(a <= d <= b for d in days) for a, b in spans))
        return met / len(self.reaction_days)

    def by_stretch(self, length: int = STRETCH) -> dict[str, float]:
        """For each stretch of ``length`` days from day 1, the share of lives that met the record
        at least once in it (only stretches some life reached a page in)."""
        last = max((d for days in self.reaction_days for d in days), default=0)
        shares = {}
        for first in range(1, last + 1, length):
            span = [(first, first + length - 1)]
            shares[f"days {first}-{first + length - 1}"] = round(self.share_met_in_every(span), 4)
        return shares

    def as_json(self) -> dict:
        spread = ({"min": min(self.words), "median": statistics.median(self.words), "max": max(self.words)}
                  if self.words else {"min": 0, "median": 0, "max": 0})
        return {
            "lives": len(self.words),
            "words": spread,
            "inputs": self.inputs,
            "single_option_inputs": self.single_option_inputs,
            "single_option_share": round(self.single_option_inputs / self.inputs, 4) if self.inputs else 0.0,
            "reactions": ({"min": min(self.reactions), "median": statistics.median(self.reactions),
                           "by_stretch": self.by_stretch()}
                          if self.reactions else {"min": 0, "median": 0, "by_stretch": {}}),
        }


#: What only the system knows: a resident can remember what they did, never what was counted.
HIDDEN_BUILTINS = frozenset({"grade", "score", "blacklisted"})
HIDDEN_QUESTIONS = frozenset({"observed", "on_record", "grade_in", "grade_of"})


def reads_the_record(condition: Condition | None) -> bool:
    """Whether a condition asks what the system holds (a grade, the score, the list, what a
    source recorded) rather than what the player did or where they have been."""
    if condition is None:
        return False
    return any((isinstance(part, Builtin) and part.name in HIDDEN_BUILTINS)
               or (isinstance(part, Ask) and part.question in HIDDEN_QUESTIONS) for part in walk(condition.tree))


def reacts_to_the_record(session: Session) -> bool:
    """Whether the page now shown was shaped by the hidden record: a page the record led to
    (a door that opened or closed), a variant that reads it and holds, or a choice offered
    only because the record allows it. Asked before the player chooses, while the state is
    the one the page was composed from."""
    passage = session.passage
    return (reads_the_record(session.led_by)
            or any(reads_the_record(v.when) and v.when.holds(session) for v in passage.variants)
            or any(reads_the_record(c.when) for c in session.offered))


def words_read(session: Session) -> int:
    """Every word shown on the way to the debrief: each page as composed (variants that fired
    included, the ending page too) and the text of each choice taken."""
    return sum(words(entry.text) + words(entry.chosen) for entry in session.history)


@dataclass
class Exploration:
    runs: int = 0
    passages_total: int = 0
    visits: Counter = field(default_factory=Counter)
    endings: Counter = field(default_factory=Counter)
    grades: Counter = field(default_factory=Counter)
    blacklisted: int = 0
    dead_ends: Counter = field(default_factory=Counter)
    loops: Counter = field(default_factory=Counter)
    too_long: Counter = field(default_factory=Counter)
    coverage: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    routes: Counter = field(default_factory=Counter)
    unvisited: list[str] = field(default_factory=list)
    first_seed: dict[str, tuple[int, str]] = field(default_factory=dict)  # ending -> (seed, route)
    reading: dict[str, Pace] = field(default_factory=dict)  # route -> its reading figures
    # thread -> the lives that ended with it opened and not closed, and the first such seed
    unclosed: Counter = field(default_factory=Counter)
    unclosed_seed: dict[str, tuple[int, str]] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "runs": self.runs,
            "passages_total": self.passages_total,
            "passages_visited": len(self.visits),
            "endings": dict(sorted(self.endings.items())),
            "grades": dict(sorted(self.grades.items())),
            "blacklisted": self.blacklisted,
            "dead_ends": dict(sorted(self.dead_ends.items())),
            "loops": dict(sorted(self.loops.items())),
            "too_long": dict(sorted(self.too_long.items())),
            "coverage": self.coverage,
            "errors": self.errors,
            "routes": dict(sorted(self.routes.items())),
            "unvisited": self.unvisited,
            "first_seed": {ending: {"seed": seed, "route": route}
                           for ending, (seed, route) in sorted(self.first_seed.items())},
            "reading": {route: figures.as_json() for route, figures in sorted(self.reading.items())},
            "unclosed_threads": {thread: {"lives": count, "seed": self.unclosed_seed[thread][0],
                                          "route": self.unclosed_seed[thread][1]}
                                 for thread, count in sorted(self.unclosed.items())},
        }


def picker_for(seed: int) -> random.Random:
    """The random chooser of a seeded run; `play --text --auto --seed N` uses the same one."""
    return random.Random(seed * 7919 + 17)


def route_of(run: int, story: Story, route: str) -> str:
    """Which route run number ``run`` plays: with 'both', every fourth run takes the short one."""
    if route != "both":
        return route
    return Route.SHORT if story.has_short_route and run % 4 == 3 else Route.FULL


def counted_visits(story: Story) -> frozenset[str]:
    """The passages whose visits some condition asks about: only those can change a life's way."""
    return frozenset(part.subject for site in condition_sites(story) for part in walk(site.condition.tree)
                     if isinstance(part, Ask) and part.question in ("seen", "visits"))


def _state(session: Session, counted: frozenset[str]) -> tuple:
    return (session.position, tuple(sorted(session.variables.items(), key=lambda kv: kv[0])), session.day,
            session.city, tuple(sorted(session.chances.items())), len(session.events),
            tuple(sorted((p, n) for p, n in session.visits.items() if p in counted)))


def play_once(story: Story, seed: int, route: str, picker: random.Random,
              single_option: list[int] | None = None,
              reactions: list[int] | None = None, max_steps: int = MAX_STEPS,
              taken: list[tuple[str, int]] | None = None,
              counted: frozenset[str] | None = None,
              reaction_days: list[int] | None = None) -> tuple[Session, str]:
    """Play one life to its end. Returns the session and how it stopped: ending, dead_end,
    loop (it came back to a state it was in, with only one way on at every page since, so it
    would go round for ever) or too_long (``max_steps`` choices without an ending).
    Pass ``single_option`` (a one-item list) to count the inputs that offered one choice only,
    ``reactions`` (a one-item list) to count the pages shaped by the hidden record (and
    ``reaction_days`` to have the day of each such page noted), and
    ``taken`` (a list) to have each choice taken noted as (passage, index of its choice)."""
    session = Session.new(story, seed=seed, route=route)
    counted = counted_visits(story) if counted is None else counted
    forced: set[tuple] = set()   # the states met since the last page that offered a choice
    for _ in range(max_steps):
        if reactions is not None and reacts_to_the_record(session):
            reactions[0] += 1
            if reaction_days is not None:
                reaction_days.append(session.day)
        if session.is_over:
            return session, "ending"
        choices = session.page.choices
        if not choices:
            return session, "dead_end"
        if len(choices) == 1:
            if single_option is not None:
                single_option[0] += 1
            state = _state(session, counted)
            if state in forced:
                return session, "loop"
            forced.add(state)
        else:
            forced.clear()
        number = picker.choice(choices).number
        if taken is not None:
            taken.append((session.position, taken_choice(session, number)))
        session.choose(number)
    return session, "too_long"


def explore(story: Story, runs: int = 100, seed: int = 0, route: str = "both",
            max_steps: int = MAX_STEPS) -> Exploration:
    """Play ``runs`` seeded random lives and gather what they reached, with the first seed
    that reached each passage, choice and variant."""
    report = Exploration(runs=runs, passages_total=len(story.passages))
    home = story.jurisdictions[story.home]
    counted = counted_visits(story)
    original, (story, answers, sites) = story, watched(story)
    coverage = Coverage()
    for run in range(runs):
        run_seed = seed + run
        this_route = route_of(run, story, route)
        report.routes[this_route] += 1
        picker = picker_for(run_seed)
        single_option, reactions, reaction_days = [0], [0], []
        taken: list[tuple[str, int]] = []
        answers.clear()
        try:
            session, how = play_once(story, run_seed, this_route, picker, single_option, reactions,
                                     max_steps=max_steps, taken=taken, counted=counted,
                                     reaction_days=reaction_days)
            close_ending(session)
        except Exception as exc:  # a story must never crash the engine; report it, keep exploring
            report.errors.append(f"seed {run_seed} ({this_route}): {exc.__class__.__name__}: {exc}")
            continue
        coverage.note_life(session, taken, answers, {"seed": run_seed, "route": this_route})
        report.visits.update(session.visits.keys())
        if how == "ending":
            report.endings[session.position] += 1
            report.first_seed.setdefault(session.position, (run_seed, this_route))
            report.grades[standing(session.events, home)[1]] += 1
            if is_listed(session.events, story.blacklist):
                report.blacklisted += 1
            report.reading.setdefault(this_route, Pace()).add(
                words_read(session), len(session.path), single_option[0], reactions[0], reaction_days)
            for thread in original.threads.values():
                if thread.left_open(session):
                    report.unclosed[thread.id] += 1
                    report.unclosed_seed.setdefault(thread.id, (run_seed, this_route))
        elif how == "dead_end":
            report.dead_ends[session.position] += 1
        elif how == "loop":
            report.loops[session.position] += 1
        else:
            report.too_long[session.position] += 1
    report.unvisited = sorted(set(story.passages) - set(report.visits))
    report.coverage = coverage.report(original, sites)
    return report


def paragraphs_read(session: Session) -> list[str]:
    """Every paragraph of story a life showed, in order, as written."""
    return [p.strip() for entry in session.history for p in paragraphs(entry.text)]


def shared_share(a: list[str], b: list[str]) -> float:
    """How much of two lives is the same: the larger of the shares of each life's paragraphs
    that the other shows word for word."""
    if not a or not b:
        return 0.0
    in_a, in_b = set(a), set(b)
    return max(sum(p in in_b for p in a) / len(a), sum(p in in_a for p in b) / len(b))


def opposite_lives(story: Story, seed: int, route: str = "full", max_steps: int = MAX_STEPS) -> tuple[Session, Session]:
    """Two lives of one seed played by opposite characters: one always takes the first choice
    offered, the other the last (a story lists its options in an order of its own, so the two
    part at every real choice)."""
    lives = []
    for pick in (lambda choices: choices[0], lambda choices: choices[-1]):
        session = Session.new(story, seed=seed, route=route)
        for _ in range(max_steps):
            if session.is_over:
                break
            session.choose(pick(session.page.choices).number)
        lives.append(session)
    return lives[0], lives[1]


def replay_overlap(story: Story, pairs: int = 20, seed: int = 0, route: str = "full") -> list[float]:
    """For ``pairs`` seeds, the share of story paragraphs two opposite lives have in common."""
    shares = []
    for run in range(pairs):
        first, last = opposite_lives(story, seed + run, route)
        shares.append(shared_share(paragraphs_read(first), paragraphs_read(last)))
    return shares


def coverage_lines(coverage: dict, every: bool = False) -> list[str]:
    """What the lives reached, in words: counts, what was never reached, and with ``every``
    the first seed (and route) that reached each passage, choice and variant."""
    def seed(first: dict) -> str:
        return f"--seed {first['seed']}" + (" --route short" if first["route"] == "short" else "")

    choices, variants = coverage["choices"], coverage["variants"]
    conditions = coverage["conditions"]
    lines = [f"choices taken: {choices['taken']} of {choices['total']}; variants shown: "
             f"{variants['shown']} of {variants['total']}; sides of conditions: "
             f"{conditions['sides_seen']} of {conditions['sides_total']}"]
    lines += [f"never taken: {label}" for label in choices["never"]]
    lines += [f"never shown: {label}" for label in variants["never"]]
    if every:
        lines.append("first reached by (play --text --auto --seed N):")
        for kind in ("passages", "choices", "variants"):
            lines += [f"  {label}  ({seed(first)})" for label, first in coverage[kind]["first"].items()]
    return lines
