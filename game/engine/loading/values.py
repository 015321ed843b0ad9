"""Reading one value of a story file: an id, a text, a number, a list, a condition, a
variable. Every phase of loading reads its sections through these, so a mistake in a value is
worded the same wherever it is made."""

from __future__ import annotations

import re
from typing import Any, Sequence

from .. import conditions
from ..conditions import BUILTINS, QUESTIONS, Condition, ConditionError, value_kind as _kind
from ..located import Node
from ..problems import Suggestions
from .gathered import Gathered, at, word

ID = re.compile(r"^[a-z][a-z0-9_]*$")

#: The longest each text shown on one line (or in a heading of a few) may be, in characters:
#: a speaker's name, a place, a title.  The window cuts anything longer with an ellipsis, so
#: past these a writer's words would be lost on screen; check says so where they are written.
ONE_LINE = {"speaker": 60, "title": 120, "an ending's title": 120, "the story's title": 80, "name": 80,
            "label": 120, "the mod's 'name'": 80, "a city": 60}


class Values:
    """Reads values into what is gathered, reporting each mistake where it is written."""

    def __init__(self, gathered: Gathered) -> None:
        self.gathered = gathered

    @property
    def closest(self) -> Suggestions:
        return self.gathered.closest

    def error(self, node: Node, message: str, offset: int = 0) -> None:
        self.gathered.error(node, message, offset)

    def warn(self, node: Node, message: str) -> None:
        self.gathered.warn(node, message)

    def valid_id(self, node: Node, name: Any) -> bool:
        if not isinstance(name, str) or not ID.match(name):
            self.error(node, f"'{name}' is not a valid id: use lower-case letters, digits and underscores, "
                             "starting with a letter")
            return False
        return True

    def mapping(self, node: Node, what: str) -> dict[str, Node] | None:
        if not isinstance(node.value, dict):
            self.error(node, f"{what} must be a mapping of 'key: value' lines")
            return None
        return node.value

    def keys(self, node: Node, allowed: Sequence[str], what: str) -> None:
        for name in node.value:
            if name not in allowed:
                # The keys allowed are named too: a writer who guessed a key that does not
                # exist learns what does, not only the nearest spelling.
                self.error(node.keys[name], f"unknown key '{name}' in {what}{self.closest(name, allowed)}; "
                                            f"the keys allowed here are {', '.join(allowed)}")

    def has_needed(self, node: Node, fields: dict, needs: Sequence[str], what: str) -> bool:
        """Whether a mapping has every key its shape needs; reports those it lacks, on the mapping."""
        missing = [k for k in needs if k not in fields]
        if missing:
            self.error(node, f"{what} needs " + " and ".join(f"'{k}'" for k in missing))
        return not missing

    def text(self, node: Node | None, what: str) -> str | None:
        if node is None or node.value is None:
            return None
        if isinstance(node.value, (dict, list)):
            self.error(node, f"{what} must be text")
            return None
        if isinstance(node.value, bool):
            # YAML 1.1 reads yes/no/on/off as truth values; the writer meant the word.
            self.error(node, f"{what} '{node.written}' is read by YAML as {str(node.value).lower()}; "
                             f"write it in quotes (\"{node.written}\") if you mean the word")
        text = node.written if node.written is not None and not node.quoted else str(node.value)
        longest = ONE_LINE.get(what)
        if longest is not None and len(text) > longest:
            self.error(node, f"{what} is {len(text):,} characters; at most {longest} fit on the line the window "
                             "shows it on")
        return text

    def number(self, node: Node, what: str, minimum: int | None = None) -> int | None:
        value = node.value
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(node, f"{what} must be a whole number")
            return None
        if abs(value) > 10**9:
            self.error(node, f"{what} is too large")
            return None
        if minimum is not None and value < minimum:
            self.error(node, f"{what} must be at least {minimum}")
            return None
        return value

    def text_list(self, node: Node, what: str) -> list[str]:
        if isinstance(node.value, str):
            return [node.value]
        if not isinstance(node.value, list):
            self.error(node, f"{what} must be a list of texts")
            return []
        out = []
        for item in node.value:
            value = self.text(item, f"each of {what}")
            if value is not None:
                out.append(value.strip())
        return out

    def id_list(self, node: Node, what: str) -> list[tuple[str, Node]]:
        items = node.value if isinstance(node.value, list) else [node] if node.written is not None else None
        if items is None:
            self.error(node, f"{what} must be a list of ids")
            return []
        out = []
        for item in items:
            name = word(item)
            if self.valid_id(item, name):
                out.append((name, item))
        return out

    def condition(self, node: Node) -> Condition | None:
        # A condition is read in its own language from the text as written, not as YAML would
        # read it: 'when: yes' asks for a variable named yes, it is not the truth value.
        source = node.value if isinstance(node.value, str) or node.written is None else node.written
        if not isinstance(source, str):
            self.error(node, "a condition must be text, such as: savings >= 500 and not mother_ill")
            return None
        # The same condition is written in many places ("grade >= 'AA'"); a parsed one is
        # immutable, so each text is parsed once.
        parsed = self.gathered.parsed.get(source)
        try:
            if parsed is None:
                parsed = self.gathered.parsed[source] = conditions.parse(source)
        except ConditionError as exc:
            offset = exc.offset + (1 if node.quoted else 0) if "\n" not in source else 0
            self.error(node, f"in condition: {exc}", offset)
            return None
        self.gathered.conditions.append((parsed, node))
        return parsed

    def variables(self, body: Node, what: str, numbers_only: bool) -> list[tuple[str, Any]]:
        fields = self.mapping(body, what)
        out: list[tuple[str, Any]] = []
        for name, value_node in (fields or {}).items():
            key = body.keys[name]
            if not self.valid_id(key, name):
                continue
            if name in BUILTINS or name in QUESTIONS:
                self.error(key, f"'{name}' is built in and cannot be set")
                continue
            value = value_node.value
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if numbers_only and not number:
                self.error(value_node, f"'add' needs a number for '{name}'")
                continue
            if not isinstance(value, (str, int, float, bool)):
                self.error(value_node, f"'{name}' must be set to a number, text, true or false")
                continue
            self.note_variable(name, _kind(value), key)
            if what != "variables":
                self.note_write(name, key, what, value)
            out.append((name, value))
        return out

    def note_write(self, name: str, node: Node, how: str, value: Any = None) -> None:
        """A write to a variable (or to the day or the city) from an effect or a passage: kept
        when a mod's file makes it, to be held to what the mod declares it changes."""
        if self.gathered.in_mod(node) is not None:
            self.gathered.mod_writes.append((name, node, how, value))

    def note_variable(self, name: str, kind: str, node: Node) -> None:
        gathered = self.gathered
        known = gathered.variables_set.get(name)
        if known is not None and known != kind:
            self.error(node, f"'{name}' holds {known} elsewhere; here it is given {kind}")
            return
        gathered.variables_set[name] = kind
        gathered.variable_nodes.setdefault(name, node)
        folder, is_mod = gathered.origins.get(node.path, ("", False))
        if not is_mod:
            gathered.story_variables.add(name)
        owner = gathered.variable_owners.setdefault(name, (folder, is_mod, node))
        if is_mod and owner[1] and owner[0] != folder:
            self.warn(node, f"'{name}' belongs to the mod in {owner[0]} (set at {at(owner[2])}); setting it "
                            "from this mod changes that mod's story. Prefix your own variables")
