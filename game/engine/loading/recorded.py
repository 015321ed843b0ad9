"""What the system can record: behaviours, the sources that feed them to a city, and the
subjects other than the player that it rates, each with the label a debrief shows."""

from __future__ import annotations

from ..located import Node
from ..story import PLAYER, SUBJECT_KINDS, Behaviour, Source, Subject
from .format import LABELLED, SUBJECT
from .values import Values

LABELLED_KEYS = LABELLED.allowed
SUBJECT_KEYS = SUBJECT.allowed


class Recorded(Values):
    """Labels every behaviour, source and subject gathered."""

    def behaviours(self) -> dict[str, Behaviour]:
        return {bid: Behaviour(bid, self.labelled(node, bid, "behaviour"))
                for bid, (_, node) in self.gathered.behaviour_nodes.items()}

    def sources(self) -> dict[str, Source]:
        return {sid: Source(sid, self.labelled(node, sid, "source"))
                for sid, (_, node) in self.gathered.source_nodes.items()}

    def subjects(self) -> dict[str, Subject]:
        subjects = {}
        for sid, (key, node) in self.gathered.subject_nodes.items():
            if sid == PLAYER:
                self.error(key, f"'{PLAYER}' is the player, rated always; it cannot be declared")
                continue
            subjects[sid] = Subject(sid, self.labelled(node, sid, "subject", SUBJECT_KEYS), self.kind(node))
        return subjects

    def kind(self, node: Node) -> str:
        """What a subject is, as its ``kind`` says; a company when it says nothing."""
        written = node.value.get("kind") if isinstance(node.value, dict) else None
        if written is None:
            return SUBJECT_KINDS[0]
        kind = self.text(written, "kind")
        if kind not in SUBJECT_KINDS:
            self.error(written, f"a subject's kind is {' or '.join(SUBJECT_KINDS)}, not '{kind}'"
                                f"{self.closest(str(kind), SUBJECT_KINDS)}")
            return SUBJECT_KINDS[0]
        return kind

    def labelled(self, node: Node, name: str, what: str, allowed: tuple[str, ...] = LABELLED_KEYS) -> str:
        if node.written is not None:
            return self.text(node, f"the label of {what} '{name}'") or name.replace("_", " ").capitalize()
        fields = self.mapping(node, f"{what} '{name}'")
        if fields is None:
            return name
        self.keys(node, allowed, f"{what} '{name}'")
        return self.text(fields.get("label"), "label") or name.replace("_", " ").capitalize()
