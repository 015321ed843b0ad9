"""What the files of a story say, gathered while they are read and checked once all are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..conditions import Condition
from ..inline_text import Template
from ..located import Node
from ..problems import Problem, Suggestions
from ..story import Branch, Passage, Question, Record, Rule, Where


@dataclass
class Gathered:
    """Every phase of loading reads from and adds to one of these: the problems found, the
    sections' values waiting to be built, and what was used where (gotos, records, cities,
    conditions), to be checked once the whole story is known."""

    problems: list[Problem] = field(default_factory=list)
    closest: Suggestions = field(default_factory=Suggestions)
    #: Each file read, by its full path (shortened only when shown), in the order read.
    files: list[str] = field(default_factory=list)
    origins: dict[str, tuple[str, bool]] = field(default_factory=dict)  # each file's folder, and whether it is a mod
    story_node: Node | None = None
    passage_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    unbuilt: list[str] = field(default_factory=list)  # passages of the file being read, built once it is read
    built: dict[str, Passage] = field(default_factory=dict)
    extend_nodes: list[tuple[Node, Node]] = field(default_factory=list)
    behaviour_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    source_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    subject_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    thread_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    jurisdiction_nodes: list[Node] = field(default_factory=list)
    blacklist_node: Node | None = None
    debrief_node: Node | None = None  # the story's debrief section, or the last mod's
    story_questions: list[Question] = field(default_factory=list)
    # Questions asked whatever the life, by who asks them ('' for the story's own), so the
    # same one asked twice in a debrief can be pointed out.
    question_places: list[tuple[str, Question, Where]] = field(default_factory=list)
    # Each 'goto: {after: passage}' stands in its goto until the passages are known.
    afters: dict[int, tuple[Branch, Node]] = field(default_factory=dict)
    conditions: list[tuple[Condition, Node]] = field(default_factory=list)
    parsed: dict[str, Condition] = field(default_factory=dict)
    gotos: list[tuple[str, Node, str]] = field(default_factory=list)
    records: list[tuple[Record, Node, Node, Node]] = field(default_factory=list)  # the nodes of behaviour, source, subject
    cities_used: list[tuple[str, Node]] = field(default_factory=list)
    variables_set: dict[str, str] = field(default_factory=dict)
    variable_nodes: dict[str, Node] = field(default_factory=dict)
    variable_owners: dict[str, tuple[str, bool, Node]] = field(default_factory=dict)
    # The story's hooks and aliases by name, its changelog of them, and each mod's 'game'
    # (the releases it was written for) with the mod's folder.
    hook_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    alias_nodes: dict[str, tuple[Node, Node]] = field(default_factory=dict)
    hook_change_nodes: list[Node] = field(default_factory=list)
    mod_games: list[tuple[str, Node]] = field(default_factory=list)
    # Where each jurisdiction's rules were written, and whether an addition wrote them.
    rule_origins: dict[str, dict[str, tuple[Node, bool]]] = field(default_factory=dict)
    # What a mod may change of the story it is played on, and what mods do change of it:
    # the names each mod's folder declares under 'changes', the variables (day and city
    # among them) mods' files write, with how and the value, the rules mods set in the story's
    # own cities for the story's own acts (the city, the act, the rule before and after), and
    # the variables the story's own files write or declare.
    declared: dict[str, list[tuple[str, Node]]] = field(default_factory=dict)
    mod_writes: list[tuple[str, Node, str, Any]] = field(default_factory=list)
    rule_changes: list[tuple[str, str, Rule | None, Rule, Node]] = field(default_factory=list)
    story_variables: set[str] = field(default_factory=set)
    #: Each text that holds inline text, read into its template, by the text the model keeps.
    inline: dict[str, Template] = field(default_factory=dict)
    #: Each variable a text prints ({name}), where it is written: checked once the
    #: 'printable' lists of every file are known.
    printed: list[tuple[str, Node]] = field(default_factory=list)
    printable_nodes: list[Node] = field(default_factory=list)
    before_nodes: list[Node] = field(default_factory=list)

    def error(self, node: Node, message: str, offset: int = 0) -> None:
        if not node.broken:  # the reader has said what is wrong with it, once
            self.problems.append(node.problem(message, offset=offset))

    def warn(self, node: Node, message: str) -> None:
        if not node.broken:
            self.problems.append(node.problem(message, "warning"))

    def in_mod(self, node: Node) -> str | None:
        """The folder of the mod whose file ``node`` is written in, or None for the story's own."""
        folder, is_mod = self.origins.get(node.path, ("", False))
        return folder if is_mod else None


def word(node: Node) -> Any:
    """An id as written: 'goto: yes' names a passage called yes, whatever YAML makes of it."""
    return node.value if node.written is None or node.quoted else node.written


def at(node: Node) -> str:
    return f"{node.path}:{node.line}:{node.col}"


def where(node: Node) -> Where:
    return Where(node.path, node.line, node.col)
