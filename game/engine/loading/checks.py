"""Checks of the whole story, once every file is read and built: every name used is
defined, every condition asks of the right kind of value, nothing a player reads at the
debrief is named twice, and every passage can be reached."""

from __future__ import annotations

from typing import Any

from .. import conditions
from ..conditions import BUILTINS, GRADES, QUESTIONS, Ask, Compare, Condition, Part, Value, Variable
from ..located import Node
from ..problems import Problem
from ..story import PLAYER, Behaviour, Jurisdiction, Passage, Source, Subject, Where, reached
from .gathered import word
from .header import Header
from .hooks import Hooks
from .values import Values

#: Something wrong with a condition: whether it is only a warning, the message, and the column
#: it is at from where the condition is written.
Finding = tuple[bool, str, int]


class Checks(Values):
    """Reports what only the whole story can show."""

    #: The story's hooks and old ids, which conditions may name where they name a passage.
    passage_names: Hooks | None = None

    def cross_check(self, passages: dict[str, Passage], behaviours: dict[str, Behaviour],
                    sources: dict[str, Source], subjects: dict[str, Subject],
                    jurisdictions: dict[str, Jurisdiction]) -> None:
        gathered = self.gathered
        # Conditions may name a hook or an old id where they name a passage; an unknown one
        # is offered the nearest passage or hook.
        passage_names: Any = gathered.passage_nodes
        offered: Any = gathered.passage_nodes
        hooks = self.passage_names
        if hooks is not None and (hooks.hooks or hooks.aliases):
            passage_names = {*gathered.passage_nodes, *hooks.hooks, *hooks.aliases}
            offered = {*gathered.passage_nodes, *hooks.hooks}
        for target, node, what in gathered.gotos:
            if target is not None and target not in passages and target not in gathered.passage_nodes:
                self.error(node, f"{what} names unknown passage '{target}'{self.closest(target, offered)}")
        for record, behaviour_node, source_node, subject_node in gathered.records:
            if record.behaviour not in behaviours:
                self.error(behaviour_node,
                           f"unknown behaviour '{record.behaviour}'{self.closest(record.behaviour, behaviours)}")
            if record.source is not None and record.source not in sources:
                self.error(source_node, f"unknown source '{record.source}'{self.closest(record.source, sources)}")
            if record.subject != PLAYER and record.subject not in subjects:
                self.error(subject_node, f"unknown subject '{record.subject}'"
                                         f"{self.closest(record.subject, subjects)}; declare it under 'subjects'")
        cities = {c for j in jurisdictions.values() for c in j.cities}
        for city, node in gathered.cities_used:
            if city not in cities:
                self.error(node, f"unknown city '{city}'{self.closest(city, cities)}; cities are named in the "
                                 "jurisdictions' 'cities'")
        known_vars = dict(gathered.variables_set)
        names = {"passage": passage_names, "behaviour": behaviours, "jurisdiction": jurisdictions,
                 "subject": {PLAYER, *subjects}}
        # A condition written the same way says the same of itself wherever it is written (the
        # names it may use are all known by now): each is looked at once, and what it showed
        # told at every place it is written.
        found: dict[tuple[str, bool], list[Finding]] = {}
        for condition, node in gathered.conditions:
            findings = found.get((condition.source, node.quoted))
            if findings is None:
                findings = found[condition.source, node.quoted] = self.condition_findings(
                    condition, node.quoted, known_vars, names)
            for warning, message, offset in findings:
                if warning:
                    self.warn(node, message)
                else:
                    self.error(node, message, offset)

    def condition_findings(self, condition: Condition, quoted: bool, variables: dict[str, str],
                           names: dict[str, Any]) -> list[Finding]:
        """What is wrong with a condition, each as (whether only a warning, message, column
        from where it is written)."""
        findings: list[Finding] = []
        single = "\n" not in condition.source

        def at(offset: int) -> int:
            return offset + (1 if quoted else 0) if single else 0

        for message, offset in conditions.logic_mistakes(condition.tree, variables):
            findings.append((False, f"in condition: {message}", at(offset)))
        for part in conditions.walk(condition.tree):
            match part:
                case Variable(name, offset) if name not in variables:
                    hint = self.closest(name, list(variables) + list(BUILTINS) + ["true", "false"])
                    findings.append((False, f"in condition: '{name}' is never set by the story{hint}", at(offset)))
                case Ask(question, arg, offset):
                    wanted = QUESTIONS[question][0]
                    if arg not in names[wanted]:
                        findings.append((False, f"in condition: {question}({arg}): unknown {wanted} '{arg}'"
                                                f"{self.closest(arg, names[wanted])}", at(offset)))
                    elif wanted == "passage" and self.passage_names is not None and arg in self.passage_names.aliases:
                        hooks = self.passage_names
                        findings.append((True, f"in condition: {question}({arg}): '{arg}' is an old id: it stands "
                                               f"for {hooks.now(arg)} now; write '{hooks.written_now(arg)}'",
                                         at(offset)))
                case Compare(op, left, right, offset):
                    findings += self.comparison_findings(op, left, right, at(offset), variables)
        return findings

    @staticmethod
    def comparison_findings(op: str, left: Part, right: Part, offset: int,
                            variables: dict[str, str]) -> list[Finding]:
        # How finely the score may be asked is loading/score_bands.py's to say.
        findings: list[Finding] = []
        kinds = {conditions.kind_of(left, variables), conditions.kind_of(right, variables)}
        if "grade" in kinds:
            return findings + [
                (False, f"in condition: '{side.value}' is not a grade; grades are {', '.join(GRADES)}", offset)
                for side in (left, right) if isinstance(side, Value) and side.value not in GRADES]
        kinds.discard("unknown")
        if len(kinds) > 1:
            findings.append((False, f"in condition: compares {' with '.join(sorted(kinds))}", offset))
        elif op in ("<", "<=", ">", ">=") and kinds and kinds != {"number"}:
            findings.append((False, f"in condition: '{op}' compares numbers (or grades), not {kinds.pop()}s", offset))
        return findings

    def same_names(self, jurisdictions: dict[str, Jurisdiction], subjects: dict[str, Subject]) -> None:
        """Warn of what a player would read twice, or could not tell apart, at the debrief."""
        gathered = self.gathered
        ledgers: dict[str, str] = {}
        for what, items in (("jurisdiction", {j: x.name for j, x in jurisdictions.items()}),
                            ("subject", {s: x.label for s, x in subjects.items()})):
            for name_id, shown in sorted(items.items()):
                key = " ".join(shown.lower().split())
                if key in ledgers:
                    message = (f"the debrief shows {what} '{name_id}' as '{shown}', as it shows "
                               f"{ledgers[key]}; give one of them another name")
                    if what == "subject":
                        self.warn(gathered.subject_nodes[name_id][0], message)
                    else:
                        node = next(n for n in gathered.jurisdiction_nodes if isinstance(n.value, dict)
                                    and word(n.value.get("id", n)) == name_id)
                        self.warn(node, message)
                    continue
                ledgers[key] = f"{what} '{name_id}'"
        # One debrief asks its ending's questions and then the story's: a question is asked
        # twice when the story, or one ending, asks it twice, or an ending asks one of the story's.
        seen: dict[tuple[str, str], Where] = {}
        for asker, question, place in sorted(gathered.question_places, key=lambda q: q[0] != ""):
            text = " ".join(question.text.lower().split())
            first = seen.get(("", text)) or seen.get((asker, text))
            if first is not None:
                gathered.problems.append(Problem(place.path, place.line, place.col,
                                                 f"this question is asked already, at {first}", "warning"))
            else:
                seen[(asker, text)] = place

    def reachable(self, header: Header, passages: dict[str, Passage]) -> None:
        """Warn of passages no life can reach; a story with no ending at all is an error."""
        gathered = self.gathered
        reachable = reached([header.start, header.short_start],
                            lambda pid: passages[pid].ways_on(), passages)
        for pid, passage in passages.items():
            if pid not in reachable:
                gathered.problems.append(Problem(passage.where.path, passage.where.line, passage.where.col,
                                                 f"passage '{pid}' cannot be reached from the start", "warning"))
        if not any(p.ending for p in passages.values()):
            story_node = gathered.story_node
            assert story_node is not None  # a header was read from it
            gathered.problems.append(Problem(story_node.path, story_node.line, story_node.col,
                                             "the story has no ending", "error"))

