"""What a mod adds to passages written elsewhere: choices and text through ``extend``, and
``goto: {after: passage}``, which goes on where that passage's own goto would."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..located import Node
from ..story import Branch, Choice, Ending, Passage, Variant
from .format import AT, DEBRIEF, EXTEND
from .gathered import at as place_of, where
from .passages import Passages

EXTEND_KEYS = EXTEND.allowed
DEBRIEF_KEYS = DEBRIEF.allowed


class PassageAdditions(Passages):
    """Applies every 'extend' and 'after' once all passages are built."""

    def extend(self, key: Node, body: Node, passages: dict[str, Passage],
               named: Callable[[str, Node], str] | None = None, hooks: tuple[str, ...] = ()) -> None:
        """Add what ``body`` says to the passage ``key`` names; ``named`` says which passage a
        hook or an old id stands for, and ``hooks`` are offered with the passages when a name
        is unknown."""
        target = key.value
        if named is not None and isinstance(target, str):
            target = named(target, key)
        if target not in passages:
            if target not in self.gathered.passage_nodes:
                self.error(key, f"cannot extend unknown passage '{target}'"
                                f"{self.closest(str(target), [*passages, *hooks])}")
            return
        fields = self.mapping(body, f"extend '{target}'")
        if fields is None:
            return
        self.keys(body, EXTEND_KEYS, f"extend '{target}'")
        passage = passages[target]
        at = self.text(fields.get("at"), "at") or "end"
        if at not in AT:
            self.error(fields["at"], "'at' is start or end: where the added choices and text go")
            at = "end"
        variants = ()
        if "variants" in fields:
            variants = self.added_variants(fields["variants"], passage.style, target, at)
        ending = passage.ending
        if "debrief" in fields or "questions" in fields:
            ending = self.added_to_ending(key, fields, passage, at)
        extra: tuple[Choice, ...] = ()
        if "choices" in fields and passage.ending is not None:
            self.error(fields["choices"], f"'{target}' is an ending; an ending cannot be given choices")
        elif "choices" in fields:
            extra = self.choices(fields["choices"])
        own = passage.choices
        if passage.goto and not own and extra:
            own = (Choice(passage.continue_text, passage.goto, None, (), passage.where),)
        choices = extra + own if at == "start" else own + extra
        passages[target] = replace(passage, choices=choices, goto=() if extra else passage.goto,
                                   variants=passage.variants + variants, ending=ending)

    def added_variants(self, node: Node, style: str, target: str, at: str) -> tuple[Variant, ...]:
        """Variants hooked into text written elsewhere: they never replace it, and with
        ``at: start`` they stand before it."""
        variants = self.variants(node, style, "a passage of your own")
        for item in node.value if isinstance(node.value, list) else ():
            if isinstance(item.value, dict) and "replace" in item.value:
                self.error(item.keys["replace"], f"text added to '{target}' cannot replace its own; "
                                                 "remove 'replace'")
        return tuple(replace(v, replace=False, first=at == "start") for v in variants)

    def added_to_ending(self, key: Node, fields: dict[str, Node], passage: Passage, at: str) -> Ending | None:
        """An ending with what a mod adds to its debrief — text, variants — and to its
        questions, after its own (before them with ``at: start``)."""
        ending = passage.ending
        if ending is None:
            given = fields["debrief"] if "debrief" in fields else fields["questions"]
            self.error(given, f"'{passage.id}' is not an ending: only an ending has a debrief and its questions")
            return None
        added: tuple[Variant, ...] = ()
        if "debrief" in fields:
            node = fields["debrief"]
            text_node: Node | None = node
            if isinstance(node.value, dict):
                self.keys(node, DEBRIEF_KEYS, f"the debrief added to '{passage.id}'")
                text_node = node.value.get("text")
                if "variants" in node.value:
                    added = self.added_variants(node.value["variants"], "narration", passage.id, at)
            text = self.text(text_node, "the debrief's text") if text_node is not None else None
            if text and text.strip():
                # Text added without a condition is a variant that always holds: it goes where
                # the variants go, and no variant of the ending's own can replace it away.
                added = (Variant(self.prose(text_node, text, "narration"), None, False, at == "start",
                                 where(node)),) + added
        questions = ending.questions
        if "questions" in fields:
            extra = tuple(self.questions(fields["questions"], place_of(key)))
            questions = extra + questions if at == "start" else questions + extra
        return replace(ending, debrief_variants=ending.debrief_variants + added, questions=questions)

    def follow_afters(self, passages: dict[str, Passage], own_gotos: dict[str, tuple[Branch, ...]],
                      passage_for: Callable[[str], str | None] | None = None) -> dict[str, Passage]:
        """Put in place of each 'goto: {after: X}' the branches of X's own goto, as written
        before any mod gave X choices; ``passage_for`` says which passage a hook or an old id
        stands for."""
        afters = self.gathered.afters

        def expand(branches: tuple[Branch, ...], seen: tuple[str, ...]) -> tuple[Branch, ...]:
            out: list[Branch] = []
            for branch in branches:
                found = afters.get(id(branch))
                if found is None or found[0] is not branch:
                    out.append(branch)
                    continue
                target, node = branch.to, found[1]
                if passage_for is not None and target not in own_gotos:
                    target = passage_for(target) or target
                if target not in own_gotos:
                    continue  # an unknown passage, reported with every other goto
                if target in seen:
                    self.error(node, f"'after: {target}' leads back to itself through "
                                     f"{' → '.join(seen + (target,))}")
                    continue
                if not own_gotos[target]:
                    self.error(node, f"'{target}' has no goto of its own to go on to (it has choices, or "
                                     f"ends the story); to go back to it, write 'goto: {target}'")
                    continue
                out.extend(expand(own_gotos[target], seen + (target,)))
            return tuple(out)

        out: dict[str, Passage] = {}
        for pid, passage in passages.items():
            choices = tuple(replace(c, goto=expand(c.goto, ())) for c in passage.choices)
            out[pid] = replace(passage, goto=expand(passage.goto, ()), choices=choices)
        return out
