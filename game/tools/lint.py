"""The lint pass: doubts about a story that loads, found by reading the built Story.

Building a story says what is wrong (a goto to nowhere, a condition that does not parse);
this pass says what is probably unintended: passages nobody reaches, names nothing uses,
conditions whose answer never changes, variants that never show, choices that go round in a
circle, passages from which no ending can be reached. Each doubt is a warning at the place to
look, ``path:line:col: warning: message``.

What a condition can be decided from, without playing: the values a variable is ever given
(when every assignment is a ``set`` of a known value; an ``add`` or a ``roll`` leaves only
its bounds, ``bounds.py``), the days and cities passages name, ``seen``/``visits`` of a passage that cannot
be reached, and ``did``/``observed`` of a behaviour nothing records. Variables are taken as
independent of one another, so a condition is called impossible only when no combination of
their values makes it hold — never wrongly — but some impossible ones go unnoticed.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Iterable

from ..engine import Problem, Story
from ..engine.conditions import And, Ask, Builtin, Compare, Not, Or, Part, Variable, evaluate, walk
from ..engine.discovery import shown_path
from ..engine.inline_text import changes_by_visit, conditions_in, printed_in
from ..engine.problems import Severity
from ..engine.located import Node, read_yaml
from ..engine.story import (
    AddVariables, Branch, Effect, Passage, Record, Roll, SetCity, SetDay, SetVariables, Where, reached,
)
from .bounds import INF, compared, interval, number_bounds
from .coverage import condition_sites
from .printed_matter import narration_in_frames

#: Past this many combinations of values a condition is left undecided rather than slow.
MAX_COMBINATIONS = 4096
_UNKNOWN = None


def lint(story: Story) -> list[Problem]:
    """Every doubt about a loaded story, sorted by place."""
    places = _Places(story)
    graph = _Graph(story)
    facts = _Facts(story, graph.reachable)
    problems: list[Problem] = []
    problems += _unreachable(story, graph)
    problems += _no_ending(story, graph, OpenWays(story, facts))
    problems += _unused(story, places, facts)
    problems += _decided_conditions(story, facts)
    problems += _circles(story)
    problems += narration_in_frames(story)
    return sorted(set(problems))


def _warn(where: Where, message: str) -> Problem:
    return Problem(where.path, where.line, where.col, message, Severity.WARNING)


# -- the branch map ----------------------------------------------------------------------------

class _Graph:
    def __init__(self, story: Story) -> None:
        self.story = story
        starts = [story.start] + ([story.short_start] if story.short_start else [])
        self.reachable = reached(starts, lambda pid: story.passages[pid].ways_on(), story.passages)
        back: dict[str, list[str]] = {pid: [] for pid in story.passages}
        for pid, passage in story.passages.items():
            for to in passage.ways_on():
                if to in back:
                    back[to].append(pid)
        endings = [pid for pid, p in story.passages.items() if p.ending is not None]
        self.ends_reachable = reached(endings, lambda pid: back[pid], story.passages)


def _unreachable(story: Story, graph: _Graph) -> list[Problem]:
    # Worded as the loader words it, so check prints it once.
    return [_warn(p.where, f"passage '{pid}' cannot be reached from the start")
            for pid, p in story.passages.items() if pid not in graph.reachable]


def _no_ending(story: Story, graph: _Graph, ways: "OpenWays") -> list[Problem]:
    problems = [_warn(p.where, f"no ending can be reached from passage '{pid}': every way on leads back")
                for pid, p in story.passages.items() if pid in graph.reachable and pid not in graph.ends_reachable]
    problems += [_warn(story.passages[pid].where, f"no ending can be reached from passage '{pid}': the ways on "
                                                  "that lead to one can never open")
                 for pid in sorted(ways.reachable - ways.can_end) if pid in graph.ends_reachable]
    return problems


def open_ways(story: Story) -> "OpenWays":
    """The story's branch map with only the ways that can open."""
    return OpenWays(story, _Facts(story, _Graph(story).reachable))


class OpenWays:
    """The story's branch map with only the ways that can open: a choice whose condition can
    never hold is never offered, and a goto branch whose condition never holds is never taken
    (but for the last, taken when no branch holds). From a passage this map leads to no ending,
    a life that arrives there cannot end: it is trapped."""

    def __init__(self, story: Story, facts: "_Facts") -> None:
        self.story, self.facts = story, facts
        self.onward: dict[str, list[str]] = {}
        #: Each passage's ways that can never open: (which, its condition).
        self.shut: dict[str, list[tuple[str, str]]] = {}
        for pid, passage in story.passages.items():
            self.onward[pid], self.shut[pid] = self._ways(passage)
        back: dict[str, list[str]] = {pid: [] for pid in story.passages}
        for pid, onward in self.onward.items():
            for to in onward:
                if to in back:
                    back[to].append(pid)
        starts = [story.start] + ([story.short_start] if story.short_start else [])
        self.reachable = reached(starts, lambda pid: self.onward[pid], story.passages)
        endings = [pid for pid, p in story.passages.items() if p.ending is not None]
        self.can_end = reached(endings, lambda pid: back[pid], story.passages)

    def _ways(self, passage: Passage) -> tuple[list[str], list[tuple[str, str]]]:
        onward: list[str] = []
        shut: list[tuple[str, str]] = []
        if not passage.choices:
            onward += self._branches(passage.goto, "goto", shut)
        for number, choice in enumerate(passage.choices, 1):
            if choice.when is not None and decide(choice.when.tree, self.facts) is False:
                shut.append((f"choice {number}", str(choice.when)))
                continue
            onward += self._branches(choice.goto, f"choice {number}", shut)
        return onward, shut

    def _branches(self, goto: tuple[Branch, ...], which: str, shut: list[tuple[str, str]]) -> list[str]:
        onward = []
        for number, branch in enumerate(goto, 1):
            answer = None if branch.when is None else decide(branch.when.tree, self.facts)
            if answer is False and number < len(goto):
                shut.append((f"{which}, branch {number}", str(branch.when)))
                continue
            onward.append(branch.to)
            if branch.when is None or answer is True:
                break
        return onward


# -- names declared and never used ---------------------------------------------------------

class _Places:
    """Where the declarations of behaviours, sources, subjects and starting variables are
    written: read from the story files only for their locations."""

    def __init__(self, story: Story) -> None:
        self.found: dict[tuple[str, str], Where] = {}
        for file in story.files:
            root, _ = read_yaml(Path(file), shown_path(Path(file)))
            if root is None or not isinstance(root.value, dict):
                continue
            for section in ("behaviours", "sources", "subjects"):
                self._keys(root, section, section)
            header = root.value.get("story")
            if header is not None and isinstance(header.value, dict):
                self._keys(header, "variables", "variables")
            before = root.value.get("before")
            if before is not None and isinstance(before.value, dict):
                self._keys(before, "set", "variables")

    def _keys(self, parent: Node, section: str, kind: str) -> None:
        node = parent.value.get(section)
        if node is None or not isinstance(node.value, dict):
            return
        for name, key in node.keys.items():
            self.found.setdefault((kind, name), Where(key.path, key.line, key.col))

    def of(self, kind: str, name: str, otherwise: Where) -> Where:
        return self.found.get((kind, name), otherwise)


def every_effect(story: Story) -> Iterable[tuple[Effect, Where, Passage]]:
    for passage in story.passages.values():
        for effect in passage.effects:
            yield effect, passage.where, passage
        for choice in passage.choices:
            for effect in choice.effects:
                yield effect, choice.where or passage.where, passage


def _unused(story: Story, places: _Places, facts: "_Facts") -> list[Problem]:
    problems: list[Problem] = []
    start = Where(shown_path(Path(story.files[0])) if story.files else "story", 1, 1)
    read: set[str] = set()
    asked: set[tuple[str, str]] = set()
    for site in condition_sites(story):
        for part in walk(site.condition.tree):
            match part:
                case Variable(name):
                    read.add(name)
                case Ask(question, subject):
                    asked.add((question, subject))
    for template in story.inline.values():
        read.update(printed_in(template))   # a variable printed in text is read there
    first_set: dict[str, Where] = {}
    for effect, where, _ in every_effect(story):
        if isinstance(effect, (SetVariables, AddVariables)):
            for name, _value in effect.values:
                first_set.setdefault(name, where)
        elif isinstance(effect, Roll):
            first_set.setdefault(effect.name, where)
    for name in story.variables:
        first_set[name] = places.of("variables", name, start)
    # The debrief reads the one the story names itself: whether the player read the rules.
    for name, where in first_set.items():
        if name not in read and name != story.debrief_words.rules_read:
            what = "flag" if story.variable_kind(name) == "bool" else "variable"
            problems.append(_warn(where, f"{what} '{name}' is set but no condition ever reads it"))
    # What play records, and what a 'before' section put on the record already.
    records = [e for e, _, _ in every_effect(story) if isinstance(e, Record)] + list(story.prior)
    recorded = {r.behaviour for r in records}
    sources = {r.source for r in records}
    subjects = {r.subject for r in records}
    for bid in story.behaviours:
        if bid not in recorded:
            problems.append(_warn(places.of("behaviours", bid, start), f"behaviour '{bid}' is never recorded"))
    for sid in story.sources:
        if sid not in sources:
            problems.append(_warn(places.of("sources", sid, start), f"source '{sid}' never records anything"))
    for sid in story.subjects:
        if sid not in subjects and ("grade_of", sid) not in asked:
            problems.append(_warn(places.of("subjects", sid, start),
                                  f"subject '{sid}' is never recorded nor asked about"))
    return problems


# -- conditions whose answer never changes --------------------------------------------------

class _Facts:
    """Every value each thing a condition reads can take, or _UNKNOWN."""

    def __init__(self, story: Story, reachable: set[str]) -> None:
        self.values: dict[tuple, set | None] = {}
        self.reachable = reachable
        variables: dict[str, set | None] = {}
        for name in story.variable_kinds:
            variables[name] = {story.first_value(name)}
        for name, value in story.variables.items():
            variables.setdefault(name, set()).add(value)  # type: ignore[union-attr]
        days, cities = {story.day}, {story.city}
        for passage in story.passages.values():
            if passage.day is not None:
                days.add(passage.day)
            if passage.city is not None:
                cities.add(passage.city)
        recorded: set[str] = set()
        observed: set[str] = set()
        for effect, _, _ in every_effect(story):
            if isinstance(effect, SetVariables):
                for name, value in effect.values:
                    if variables.get(name, set()) is not None:
                        variables.setdefault(name, set()).add(value)  # type: ignore[union-attr]
            elif isinstance(effect, AddVariables):
                for name, _ in effect.values:
                    variables[name] = _UNKNOWN
            elif isinstance(effect, Roll):
                variables[effect.name] = _UNKNOWN
            elif isinstance(effect, SetDay):
                days.add(effect.day)
            elif isinstance(effect, SetCity):
                cities.add(effect.city)
            elif isinstance(effect, Record) and effect.subject == "you":
                recorded.add(effect.behaviour)
                if effect.source:
                    observed.add(effect.behaviour)
        # An act a 'before' section puts on the record is on every life's from the start.
        for act in story.prior:
            if act.subject == "you":
                recorded.add(act.behaviour)
                if act.source:
                    observed.add(act.behaviour)
        for name, values in variables.items():
            self.values[("variable", name)] = values
        # What values alone cannot decide, the bounds of numbers added to or rolled may.
        self.bounds = number_bounds(story, (effect for effect, _, _ in every_effect(story)))
        self.values[("builtin", "day")] = days
        self.values[("builtin", "city")] = cities
        if story.blacklist is None:
            self.values[("builtin", "blacklisted")] = {False}
        for pid in story.passages:
            self.values[("ask", "seen", pid)] = {False, True} if pid in reachable else {False}
            if pid not in reachable:
                self.values[("ask", "visits", pid)] = {0}
        # A hook or an old id asks of the passage it stands for.
        for name in (*story.hooks, *story.aliases):
            for question in ("seen", "visits"):
                known = self.values.get(("ask", question, story.passage_named(name)))
                if known is not None:
                    self.values[("ask", question, name)] = known
        for bid in story.behaviours:
            if bid not in recorded:
                self.values[("ask", "did", bid)] = {0}
            if bid not in observed:
                self.values[("ask", "observed", bid)] = {0}
                self.values[("ask", "on_record", bid)] = {0}

    def of(self, leaf: tuple) -> set | None:
        return self.values.get(leaf, _UNKNOWN)


def _leaf(part: Part) -> tuple | None:
    """The fact a part reads, as the facts are kept: ("variable", name), ("builtin", name)
    or ("ask", question, subject)."""
    match part:
        case Variable(name):
            return ("variable", name)
        case Builtin(name):
            return ("builtin", name)
        case Ask(question, subject):
            return ("ask", question, subject)
    return None


class _Given:
    """A state that answers from one combination of values."""

    def __init__(self, values: dict[tuple, Any]) -> None:
        self.values = values

    def variable(self, name: str) -> Any:
        return self.values[("variable", name)]

    def builtin(self, name: str) -> Any:
        return self.values[("builtin", name)]

    def ask(self, question: str, subject: str) -> Any:
        return self.values[("ask", question, subject)]


def decide(tree: Part, facts: _Facts) -> bool | None:
    """True if the condition always holds, False if it never can, None if it depends."""
    leaves = {leaf for leaf in (_leaf(p) for p in walk(tree)) if leaf is not None}
    choices = {leaf: facts.of(leaf) for leaf in leaves}
    if all(v is not None for v in choices.values()):
        size = 1
        for values in choices.values():
            size *= len(values)  # type: ignore[arg-type]
        if size <= MAX_COMBINATIONS:
            keys = list(choices)
            answers = {evaluate(tree, _Given(dict(zip(keys, combo)))) is True
                       for combo in itertools.product(*(sorted(choices[k], key=repr) for k in keys))}  # type: ignore[arg-type]
            return answers.pop() if len(answers) == 1 else None
    match tree:
        case Compare(op, left, right):
            low_high, other = interval(left, facts), interval(right, facts)
            return None if low_high is None or other is None else compared(op, low_high, other)
        case Not(operand):
            inner = decide(operand, facts)
            return None if inner is None else not inner
        case And(parts) | Or(parts):
            answers = [decide(part, facts) for part in parts]
            deciding = isinstance(tree, Or)   # one true part decides an 'or', one false part an 'and'
            if deciding in answers:
                return deciding
            if all(a is (not deciding) for a in answers):
                return not deciding
    return None


def _values_said(tree: Part, facts: _Facts) -> str:
    said = []
    for leaf in sorted({leaf for leaf in (_leaf(p) for p in walk(tree)) if leaf is not None}):
        values = facts.of(leaf)
        name = leaf[1] if leaf[0] != "ask" else f"{leaf[1]}({leaf[2]})"
        if values is not None:
            shown = ", ".join(_shown(v) for v in sorted(values, key=repr)[:6])
            said.append(f"{name} is only ever {shown}" if len(values) > 1 else f"{name} is always {shown}")
        elif leaf[0] == "variable" and leaf[1] in facts.bounds:
            low, high = facts.bounds[leaf[1]]
            if low > -INF or high < INF:
                said.append(f"{name} is never below {_shown(low)}" if high == INF else
                            f"{name} is never above {_shown(high)}" if low == -INF else
                            f"{name} is always from {_shown(low)} to {_shown(high)}")
    return "; ".join(said)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _decided_conditions(story: Story, facts: _Facts) -> list[Problem]:
    problems: list[Problem] = []
    for site in condition_sites(story):
        if site.passage is not None and site.passage not in facts.reachable:
            continue  # already reported as unreachable; what it asks matters only once it is not
        answer = decide(site.condition.tree, facts)
        if answer is None:
            continue
        why = _values_said(site.condition.tree, facts)
        why = f" ({why})" if why else ""
        if site.kind in ("variant", "debrief variant") and answer is False:
            problems.append(_warn(site.where, f"{site.label} can never show: '{site.condition}' never holds{why}"))
        elif answer is False:
            problems.append(_warn(site.where, f"{site.label}: condition '{site.condition}' can never hold{why}"))
        elif site.kind == "choice":
            problems.append(_warn(site.where, f"{site.label}: condition '{site.condition}' always holds, "
                                              f"so it can go{why}"))
        elif site.kind == "branch":
            problems.append(_warn(site.where, f"{site.label}: condition '{site.condition}' always holds, "
                                              f"so the branches after it are never taken{why}"))
        # A variant that always holds is how a writer puts text after the variants before it,
        # and a question that is always asked is simply asked: neither is a doubt.
    problems += _hidden_by_replace(story, facts)
    return problems


def _hidden_by_replace(story: Story, facts: _Facts) -> list[Problem]:
    """A variant before one that always shows and replaces the text is never seen."""
    problems = []
    for pid, passage in story.passages.items():
        for k, variant in enumerate(passage.variants):
            later = passage.variants[k + 1:]
            if any(v.replace and (v.when is None or decide(v.when.tree, facts) is True) for v in later):
                problems.append(_warn(passage.where, f"{pid}: variant {k + 1} can never show: a later variant "
                                                     "always replaces the text"))
    return problems


# -- choices that go round in a circle -------------------------------------------------------

def _asks_about_visits(passage: Passage, story: Story) -> bool:
    """Whether the page reads or offers differently on each arrival: a condition asks how
    often it was seen, or its inline text runs through alternatives visit by visit."""
    trees = [c.when for c in passage.choices] + [v.when for v in passage.variants]
    trees += [b.when for c in passage.choices for b in c.goto] + [b.when for b in passage.goto]
    for text in (passage.narration_before, passage.text, passage.narration_after, *(v.text for v in passage.variants)):
        template = story.inline.get(text)
        if template is not None:
            if changes_by_visit(template):
                return True
            trees += conditions_in(template)
    return any(isinstance(part, Ask) and part.question in ("seen", "visits")
               for condition in trees if condition is not None for part in walk(condition.tree))


def _circles(story: Story) -> list[Problem]:
    """A choice that, with no effect anywhere on the way, brings the player back to the same
    page offering the same choices: taking it changes nothing."""
    problems = []
    for pid, passage in story.passages.items():
        if passage.effects or passage.day is not None or passage.city is not None or _asks_about_visits(passage, story):
            continue
        for i, choice in enumerate(passage.choices, 1):
            if choice.effects or not choice.goto:
                continue
            if all(_comes_back(story, branch.to, pid) for branch in choice.goto):
                problems.append(_warn(choice.where or passage.where,
                                      f"{pid}: choice {i} leads back to '{pid}' and changes nothing on the way"))
    return problems


def _comes_back(story: Story, start: str, home: str) -> bool:
    here, steps = start, 0
    while here != home:
        passage = story.passages.get(here)
        steps += 1
        if (passage is None or steps > 50 or passage.choices or passage.ending or len(passage.goto) != 1
                or passage.effects or passage.day is not None or passage.city is not None):
            return False
        here = passage.goto[0].to
    return True
