"""The debrief section: the debrief's sentences only the story can say.

Sections hand each top-level ``debrief`` section here as the files are read, and the build
asks for the finished :class:`~game.engine.story.DebriefWords` once every variable is known;
everything about the section — its wording, the places it leaves, the variable it names — is
checked here, against the keys ``format`` declares for it.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..conditions import Condition
from ..located import Node
from ..story import DEBRIEF_PLACES, DebriefWords
from .format import DEBRIEF_WORDS, NOTE, WORDING
from .values import Values

DEBRIEF_KEYS = DEBRIEF_WORDS.allowed
WORDING_KEYS = WORDING.allowed
_PLACE = re.compile(r"\{[^{}]*\}")


class DebriefSection(Values):
    """Reads the story's one ``debrief`` section (a mod's, a translation's, in its place)."""

    def take(self, key: Node, node: Node, is_mod: bool) -> None:
        """Keep a ``debrief`` section as it is read.  A story has one; a mod's (a translation's)
        takes the place of the story's, since its words are the ones the player reads."""
        first = self.gathered.debrief_node
        if first is not None and not is_mod:
            self.error(key, f"a second 'debrief' section (the first is at {first.path}:{first.line})")
            return
        if is_mod:
            self.gathered.mod_writes.append(("debrief", key, "replace", None))  # declared, or refused
        self.gathered.debrief_node = node

    def words(self, variables: Iterable[str]) -> DebriefWords:
        """The debrief's words as the kept section declares them (``variables``: every variable
        the story has), or the wording true of any story when it declares none."""
        node = self.gathered.debrief_node
        if node is None:
            return DebriefWords()
        fields = self.mapping(node, "the debrief section")
        if fields is None:
            return DebriefWords()
        self.keys(node, DEBRIEF_KEYS, "the debrief section")
        rules_read = self._variable(fields.get("rules_read"), set(variables))
        default = DebriefWords()
        kept_read, kept_unread = self._wordings(fields.get("kept"), "kept", (), default.kept_unread)
        told_read, told_unread = self._wordings(fields.get("told"), "told", DEBRIEF_PLACES, default.told_unread)
        if rules_read is None and "rules_read" not in fields:
            for name in ("kept", "told"):
                wording = fields.get(name)
                if wording is not None and isinstance(wording.value, dict) and "read" in wording.value:
                    self.error(wording.value["read"], f"the debrief's '{name}' has words for a player who read "
                                                      "the rules, but no 'rules_read' says which variable tells")
        return DebriefWords(rules_read, kept_read, kept_unread, told_read, told_unread,
                            self._notes(fields.get("notes")))

    def _notes(self, node: Node | None) -> tuple[tuple[Condition, str], ...]:
        """The grade's notes: each a condition asked at the ending and the sentence it allows."""
        if node is None:
            return ()
        if not isinstance(node.value, list):
            self.error(node, "the debrief's 'notes' must be a list, each with 'when' and 'text'")
            return ()
        out = []
        for item in node.value:
            fields = self.mapping(item, "a note of the debrief")
            if fields is None:
                continue
            self.keys(item, NOTE.allowed, "a note of the debrief")
            if not self.has_needed(item, fields, NOTE.needs, "a note of the debrief"):
                continue
            when = self.condition(fields["when"])
            said = self._said(fields["text"], "a note of the debrief", ())
            if when is not None and said:
                out.append((when, said))
        return tuple(out)

    def _variable(self, node: Node | None, variables: set[str]) -> str | None:
        if node is None:
            return None
        name = self.text(node, "the debrief's 'rules_read'")
        if name is None:
            return None
        if name not in variables:
            self.error(node, f"'rules_read' names '{name}', which is not a variable of the story"
                             f"{self.closest(name, variables)}: name the flag set when the player reads the rules")
            return None
        return name

    def _wordings(self, node: Node | None, name: str, places: Sequence[str], default: str) -> tuple[str, str]:
        """(for a player who read the rules, for one who did not); one written as text is both."""
        if node is None:
            return default, default
        what = f"the debrief's '{name}'"
        if not isinstance(node.value, dict):
            said = self._said(node, what, places) or default
            return said, said
        self.keys(node, WORDING_KEYS, what)
        unread = self._said(node.value.get("unread"), f"{what} 'unread'", places) or default
        read = self._said(node.value.get("read"), f"{what} 'read'", places) or unread
        return read, unread

    def _said(self, node: Node | None, what: str, places: Sequence[str]) -> str | None:
        text = self.text(node, what)
        if text is None or node is None:
            return None
        for place in _PLACE.findall(text):
            if place not in places:
                allowed = " and ".join(places) if places else "none"
                self.error(node, f"{what} leaves the place {place}, which the debrief cannot fill "
                                 f"(it fills {allowed})")
        # One paragraph however the writer wrapped it.
        return " ".join(text.split())
