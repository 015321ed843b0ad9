"""Passages from their YAML: text and style, variants, choices, gotos, endings with their
debriefs and questions, and the threads a story opens and closes."""

from __future__ import annotations

import re

from .. import inline_text
from ..located import Node
from ..story import Branch, Choice, Ending, Passage, Question, Thread, Variant
from ..passage_words import KEEP_LINES, STYLES, framed, paragraphs as _paragraphs
from .effects import Effects
from .format import AFTER, BRANCH, CHOICE, DEBRIEF, ENDING, PASSAGE, QUESTION, SIDES, THREAD, VARIANT
from .gathered import at, where, word

PASSAGE_KEYS = PASSAGE.allowed
CHOICE_KEYS = CHOICE.allowed
BRANCH_KEYS = BRANCH.allowed
VARIANT_KEYS = VARIANT.allowed
ENDING_KEYS = ENDING.allowed
DEBRIEF_KEYS = DEBRIEF.allowed
QUESTION_KEYS = QUESTION.allowed
THREAD_KEYS = THREAD.allowed


# The terminal opens the debrief with the word on a line of its own, underlined with "=":
# story text may not print either, so nothing before the debrief can pose as it (a fake
# "Debrief" with a made-up score above the real one).
_FALSE_HEADING = re.compile(r"^[ \t]*(debrief|={3,}|-{3,})[ \t]*$", re.IGNORECASE | re.MULTILINE)


def normalise_prose(text: str, style: str) -> str:
    """Paragraphs split on blank lines; lines inside one joined unless the style keeps them."""
    paragraphs = _paragraphs(text.strip())
    joined = []
    for paragraph in paragraphs:
        lines = [line.rstrip() for line in paragraph.strip("\n").splitlines()]
        if style in KEEP_LINES:
            joined.append("\n".join(lines))
        else:
            joined.append(" ".join(line.strip() for line in lines if line.strip()))
    return "\n\n".join(p for p in joined if p)


class Passages(Effects):
    """Builds one passage, or one thread, from the values written for it."""

    def prose(self, node: Node | None, text: str, style: str) -> str:
        """A text as the model keeps it (see :func:`normalise_prose`), with its inline text
        read: each problem at its place in the file, and each condition and printed name
        noted for the checks of the whole story."""
        kept = normalise_prose(text, style)
        if node is not None:
            for match in _FALSE_HEADING.finditer(text):
                self.error(node.inside(match.start(1), match.group(1)),
                           f"a line reading '{match.group(1)}' would pass for the debrief's own heading "
                           "in the terminal, and what follows it for the ledger; only the game writes those")
        if not inline_text.has_inline(text):
            return kept
        if node is not None:
            found = inline_text.read(text)
            for offset, message in found.problems:
                self.error(node.inside(offset, text[offset:offset + 1]), message)
            if found.problems:
                return kept
            for condition, offset in found.conditions:
                self.gathered.conditions.append((condition, node.inside(offset, condition.source)))
            for name, offset in found.printed:
                self.gathered.printed.append((name, node.inside(offset, name)))
        # Read again as kept: the lines of a paragraph are joined by then, and the model's
        # template is of the text the model holds.
        template = inline_text.read(kept).template
        if template.parts != (kept,):
            self.gathered.inline[kept] = template
        return kept

    def passage(self, passage_id: str, key: Node, node: Node) -> Passage | None:
        body = self.mapping(node, f"passage '{passage_id}'")
        if body is None:
            return None
        self.keys(node, PASSAGE_KEYS, f"passage '{passage_id}'")
        style = self.text(body.get("style"), "style") or "narration"
        if style not in STYLES:
            self.error(body["style"], f"unknown style '{style}'{self.closest(style, STYLES)}; styles are {', '.join(STYLES)}")
            style = "narration"
        text = self.text(body.get("text"), "text")
        if text is None or not text.strip():
            self.error(key, f"passage '{passage_id}' needs 'text'")
            text = ""
        variants = self.variants(body["variants"], style, "the passage's text") if "variants" in body else ()
        around = {side: self.narration(body, f"narration_{side}", style) for side in SIDES}
        ending = None
        if "ending" in body:
            ending = self.ending(body["ending"])
        choices = self.choices(body["choices"]) if "choices" in body else ()
        goto = self.goto(body["goto"]) if "goto" in body else ()
        if "ending" in body and ("choices" in body or "goto" in body):
            self.error(key, f"passage '{passage_id}' is an ending and cannot also have choices or a goto")
        elif "ending" not in body and "choices" in body and "goto" in body:
            self.error(key, f"passage '{passage_id}' has both choices and a goto; give it one or the other")
        elif "ending" not in body and not choices and "goto" not in body:
            self.error(key, f"passage '{passage_id}' has no way out: give it choices or a goto, "
                            "or make it an ending")
        day = self.number(body["day"], "day", minimum=1) if "day" in body else None
        if day is not None:
            self.note_write("day", body["day"], "set", day)
        city = None
        if "city" in body:
            city = self.text(body["city"], "city")
            if city is not None:
                self.gathered.cities_used.append((city, body["city"]))
                self.note_write("city", body["city"], "set", city)
        continue_text = self.text(body.get("continue"), "continue") or "Continue"
        return Passage(
            id=passage_id, text=self.prose(body.get("text"), text, style), where=where(key), style=style,
            speaker=self.text(body.get("speaker"), "speaker"), title=self.text(body.get("title"), "title"),
            day=day, city=city, variants=variants,
            effects=self.effects(body["do"]) if "do" in body else (), choices=choices, goto=goto,
            continue_text=continue_text, ending=ending,
            narration_before=around["before"], narration_after=around["after"],
        )

    def narration(self, body: dict[str, Node], key: str, style: str) -> str:
        """A passage's narration told before or after its frame, as the model keeps it; only a
        passage drawn in a frame has one."""
        node = body.get(key)
        if node is None:
            return ""
        if not framed(style):
            self.error(node, f"'{key}' is narration told around a frame; a {style} passage has none, "
                             "so write it in 'text'")
            return ""
        text = self.text(node, key) or ""
        return self.prose(node, text, "narration") if text.strip() else ""

    def goto(self, node: Node) -> tuple[Branch, ...]:
        if isinstance(node.value, dict) and "after" in node.value:
            # Where another passage's own goto leads, decided when the whole story is known.
            self.keys(node, AFTER.allowed, "a goto")
            target = word(node.value["after"])
            if not isinstance(target, str):
                self.error(node.value["after"], "'after' names a passage")
                return ()
            self.gathered.gotos.append((target, node.value["after"], "goto after"))
            placeholder = Branch(target, None, where(node))
            self.gathered.afters[id(placeholder)] = (placeholder, node.value["after"])
            return (placeholder,)
        if node.written is not None and node.value is not None:
            self.gathered.gotos.append((word(node), node, "goto"))
            return (Branch(word(node), None, where(node)),)
        if not isinstance(node.value, list) or not node.value:
            self.error(node, "goto must be a passage id, a list of branches with 'when' and 'to', "
                             "or 'after: passage_id'")
            return ()
        branches: list[Branch] = []
        for index, item in enumerate(node.value):
            body = self.mapping(item, "a goto branch")
            if body is None:
                continue
            self.keys(item, BRANCH_KEYS, "a goto branch")
            if "to" not in body:
                self.error(item, "a goto branch needs 'to: passage_id'")
                continue
            target = self.text(body["to"], "'to'")
            when = self.condition(body["when"]) if "when" in body else None
            last = index == len(node.value) - 1
            if last and "when" in body:
                self.error(body["when"], "the last branch of a goto must have no 'when': it is taken otherwise")
            if not last and "when" not in body:
                self.error(item, "only the last branch of a goto may leave out 'when'")
            if target is not None:
                self.gathered.gotos.append((target, body["to"], "goto"))
                branches.append(Branch(target, when, where(item)))
        return tuple(branches)

    def choice(self, node: Node) -> Choice | None:
        body = self.mapping(node, "a choice")
        if body is None:
            return None
        self.keys(node, CHOICE_KEYS, "a choice")
        text = self.text(body.get("text"), "a choice's text")
        if not text:
            self.error(node, "a choice needs 'text'")
        elif "{" in text:
            self.warn(body["text"], "a choice's words are shown as written: inline text ({when …}, {a|b}, "
                                    "{variable}) is read in a passage's text, its variants and an ending's debrief")
        if "goto" not in body:
            self.error(node, "a choice needs 'goto'")
            return None
        goto = self.goto(body["goto"])
        when = self.condition(body["when"]) if "when" in body else None
        effects = self.effects(body["do"]) if "do" in body else ()
        if not text or not goto:
            return None
        return Choice(" ".join(text.split()), goto, when, effects, where(node))

    def choices(self, node: Node) -> tuple[Choice, ...]:
        if not isinstance(node.value, list):
            self.error(node, "'choices' must be a list, each choice starting with '- text:'")
            return ()
        return tuple(c for c in (self.choice(item) for item in node.value) if c is not None)

    def variants(self, node: Node, style: str, always: str) -> tuple[Variant, ...]:
        """Text chosen by the hidden state; ``always`` names where unconditional text belongs."""
        items = node.value
        if not isinstance(items, list):
            self.error(node, "'variants' must be a list, each with 'when' and 'text'")
            return ()
        out: list[Variant] = []
        for item in items:
            fields = self.mapping(item, "a variant")
            if fields is None:
                continue
            self.keys(item, VARIANT_KEYS, "a variant")
            variant_text = self.text(fields.get("text"), "a variant's text")
            if not variant_text:
                self.error(item, "a variant needs 'text'")
                continue
            if "when" not in fields:
                self.error(item, f"a variant needs 'when' (text shown always belongs in {always})")
                continue
            replace_ = fields.get("replace")
            if replace_ is not None and not isinstance(replace_.value, bool):
                self.error(replace_, "'replace' must be true or false")
            side = self.side(fields.get("narration"), style, replace_ is not None and replace_.value is True)
            out.append(Variant(self.prose(fields.get("text"), variant_text, "narration" if side else style),
                               self.condition(fields["when"]), bool(replace_ and replace_.value is True),
                               where=where(item), narration=side))
        return tuple(out)

    def side(self, node: Node | None, style: str, replaces: bool) -> str | None:
        """Which side of the frame a variant told as narration stands on (None: it is the
        passage's own text)."""
        if node is None:
            return None
        side = word(node)
        if side not in SIDES:
            self.error(node, "'narration' says where the narration stands: before or after the frame")
            return None
        if not framed(style):
            self.error(node, f"'narration' is told around a frame; a {style} passage has none, so "
                             "leave it out")
            return None
        if replaces:
            self.error(node, "narration told around the frame cannot replace the text printed in it")
        return side

    def ending(self, node: Node) -> Ending | None:
        fields = self.mapping(node, "an ending")
        if fields is None:
            return None
        self.keys(node, ENDING_KEYS, "an ending")
        title = self.text(fields.get("title"), "an ending's title")
        if not title:
            self.error(node, "an ending needs a 'title'")
            title = "The End"
        debrief, variants = self.debrief(fields.get("debrief"), "an ending's debrief")
        questions = self.questions(fields["questions"], at(node)) if "questions" in fields else []
        return Ending(title.strip(), debrief, tuple(questions), variants)

    def debrief(self, node: Node | None, what: str) -> tuple[str, tuple[Variant, ...]]:
        """An ending's debrief, as text or as ``text`` and ``variants``: the text as the model
        keeps it, and the variants."""
        if node is None:
            return "", ()
        text_node, variants = node, ()
        if isinstance(node.value, dict):
            self.keys(node, DEBRIEF_KEYS, what)
            text_node = node.value.get("text")
            if "variants" in node.value:
                variants = self.variants(node.value["variants"], "narration", "the debrief's text")
            text = self.text(text_node, "the debrief's text") or ""
        else:
            text = self.text(node, "debrief") or ""
        return self.prose(text_node, text, "narration"), variants

    def questions(self, node: Node, asker: str = "") -> list[Question]:
        """Discussion questions: plain texts, or ``{text, when}`` asked only when ``when`` holds."""
        items = node.value if isinstance(node.value, list) else [node]
        out = []
        for item in items:
            if isinstance(item.value, dict):
                self.keys(item, QUESTION_KEYS, "a question")
                text = self.text(item.value.get("text"), "a question's text")
                if not text or not text.strip():
                    self.error(item, "a question needs 'text'")
                    continue
                when = self.condition(item.value["when"]) if "when" in item.value else None
                out.append(Question(" ".join(text.split()), when))
                if when is None:
                    self.gathered.question_places.append((asker, out[-1], where(item)))
                continue
            text = self.text(item, "each question")
            if text is not None and text.strip():
                out.append(Question(" ".join(text.split())))
                self.gathered.question_places.append((asker, out[-1], where(item)))
            elif text is not None or item.value is None:
                self.error(item, "a question must be text, or 'text:' with an optional 'when:'")
        return out

    def thread(self, name: str, key: Node, body: Node) -> Thread | None:
        """A thread: what it is about, the condition that opens it and the one that closes it."""
        fields = self.mapping(body, f"thread '{name}'")
        if fields is None:
            return None
        self.keys(body, THREAD_KEYS, f"thread '{name}'")
        if not self.has_needed(body, fields, THREAD.needs, f"thread '{name}'"):
            return None
        about = self.text(fields["about"], f"thread '{name}': about")
        opens, closes = self.condition(fields["opens"]), self.condition(fields["closes"])
        if about is None or opens is None or closes is None:
            return None
        return Thread(name, " ".join(about.split()), opens, closes, where(key))
