"""Inline text: the words inside a paragraph that change with the life being lived.

Written in braces in a passage's text, a variant's text or an ending's debrief:

    {when CONDITION: words}                          words shown while the condition holds
    {when C: words | when D: other | otherwise: more} the first case that holds
    {one|two|three}      a sequence: the nth arrival at the passage shows the nth, then the last
    {&one|two}           a cycle: round and round
    {!one|two}           once each: then nothing
    {~one|two|three}     a shuffle: drawn from the life's seed, so a replay reads the same
    {savings}            the value of a variable the story declares printable
    \\{  \\}  \\|  \\\\      the character itself

The braces are read here, by the game's own small reader, when the story loads: a brace that
does not close, a case that is neither ``when`` nor ``otherwise``, a condition that does not
parse, each is a problem at its place. What is read is a :class:`Template`, a tree of
immutable parts; a page fills it in from the life (conditions through the condition
language, never ``eval``), so every front end is given plain text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Sequence, Union

from .conditions import BUILTINS, Condition, ConditionError, State, parse as parse_condition
from .passage_words import paragraphs

#: Braces inside braces may go this deep; deeper is a problem, not a slow page.
MAX_DEPTH = 8
#: The characters a backslash makes plain.
ESCAPED = "{}|\\"
#: How each kind of alternatives is marked after its opening brace.
MODES = {"~": "shuffle", "&": "cycle", "!": "once"}
#: Built-in names that tell the hidden record: never printed, whatever a story declares.
HIDDEN = ("score", "grade", "blacklisted")

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_WHEN = re.compile(r"when\s")
_OTHERWISE = re.compile(r"otherwise\s*:")


@dataclass(frozen=True, slots=True)
class Printed:
    """``{name}``: a printable variable's value."""

    name: str


@dataclass(frozen=True, slots=True)
class Alternatives:
    """``{a|b|c}`` and its marked kinds: one of ``items`` chosen by the visit (or the seed)."""

    mode: str          # "sequence", "cycle", "once" or "shuffle"
    items: tuple["Template", ...]


@dataclass(frozen=True, slots=True)
class Case:
    """One case of a ``{when …}``: shown when ``when`` holds; ``when`` is None for ``otherwise``."""

    when: Condition | None
    text: "Template"


@dataclass(frozen=True, slots=True)
class Conditional:
    """``{when C: … | otherwise: …}``: the first case that holds, or nothing."""

    cases: tuple[Case, ...]


Piece = Union[Printed, Alternatives, Conditional]


@dataclass(frozen=True, slots=True)
class Template:
    """A text with its inline pieces: plain strings between them, in order."""

    parts: tuple[Union[str, Printed, Alternatives, Conditional], ...]


#: Every kind of part a template holds, for those that keep templates (the compiled story).
TEMPLATE_PARTS = (Printed, Alternatives, Case, Conditional, Template)


@dataclass
class Reading:
    """What reading one text found: the template, the problems (each with its offset in the
    text), and where each condition and printed name was written, for the loader to check."""

    template: Template
    problems: list[tuple[int, str]] = field(default_factory=list)
    conditions: list[tuple[Condition, int]] = field(default_factory=list)
    printed: list[tuple[str, int]] = field(default_factory=list)


def has_inline(text: str) -> bool:
    """Whether a text may hold inline text at all: most do not, and are shown as written."""
    return "{" in text or "}" in text or "\\" in text


def read(text: str) -> Reading:
    """Read the braces of ``text`` into a template, with every problem found on the way."""
    reader = _Reader(text)
    template = reader.words(0, inside=False)
    return Reading(template, reader.problems, reader.conditions, reader.printed)


class _Reader:
    """A reader over one text, from left to right; ``pos`` is where it stands."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.problems: list[tuple[int, str]] = []
        self.conditions: list[tuple[Condition, int]] = []
        self.printed: list[tuple[str, int]] = []

    def words(self, depth: int, inside: bool) -> Template:
        """Plain text and braces up to the end, or (``inside`` a brace) up to its next '|' or
        '}', which is left for the brace to read."""
        text = self.text
        parts: list[Any] = []
        plain: list[str] = []
        while self.pos < len(text):
            char = text[self.pos]
            if char == "\\" and text[self.pos + 1:self.pos + 2] in tuple(ESCAPED):
                plain.append(text[self.pos + 1])
                self.pos += 2
            elif char == "{":
                piece = self.brace(depth + 1)
                if piece is None:       # a problem, reported; the brace is read as plain text
                    continue
                if plain:
                    parts.append("".join(plain))
                    plain = []
                parts.append(piece)
            elif inside and char in "|}":
                break
            elif char == "}":
                self.problems.append((self.pos, "a '}' that closes no '{'; write '\\}' for the character itself"))
                self.pos += 1
            else:
                plain.append(char)
                self.pos += 1
        if plain:
            parts.append("".join(plain))
        return Template(tuple(parts))

    def brace(self, depth: int) -> Piece | None:
        """The piece whose '{' is at ``pos``; None (and a problem) when it cannot be read, with
        ``pos`` past whatever was read of it."""
        opening = self.pos
        closing = self._closing(opening)
        if closing is None:
            self.problems.append((opening, "this '{' is not closed by a '}' in its paragraph; write '\\{' for "
                                           "the character itself"))
            self.pos = opening + 1
            return None
        if depth > MAX_DEPTH:
            self.problems.append((opening, f"braces are nested more than {MAX_DEPTH} deep here"))
            self.pos = closing + 1
            return None
        self.pos = opening + 1
        self._spaces()
        found = len(self.problems)
        if _WHEN.match(self.text, self.pos):
            piece: Piece | None = self.conditional(depth)
        else:
            piece = self.alternatives(depth, opening, closing)
        self.pos = closing + 1
        # One brace, one account of what is wrong with it (or with a brace inside it).
        return None if len(self.problems) > found else piece

    def conditional(self, depth: int) -> Conditional | None:
        cases: list[Case] = []
        while True:
            self._spaces()
            start = self.pos
            if _OTHERWISE.match(self.text, self.pos):
                if not cases:
                    self.problems.append((start, "'otherwise' comes after a 'when CONDITION:' case"))
                    return None
                self.pos = _OTHERWISE.match(self.text, self.pos).end()  # type: ignore[union-attr]
                cases.append(Case(None, _trimmed(self.words(depth, inside=True))))
                if self.text[self.pos:self.pos + 1] == "|":
                    self.problems.append((self.pos, "'otherwise' is the last case of a {when …}: nothing can "
                                                    "follow it"))
                    return None
                break
            if not _WHEN.match(self.text, self.pos):
                self.problems.append((start, "after '|' in a {when …}, write 'when CONDITION:' or 'otherwise:' "
                                             "(or '\\|' for the character itself)"))
                return None
            self.pos += len("when")
            when = self.condition()
            if when is None:
                return None
            cases.append(Case(when, _trimmed(self.words(depth, inside=True))))
            if self.text[self.pos:self.pos + 1] != "|":
                break
            self.pos += 1
        return Conditional(tuple(cases))

    def condition(self) -> Condition | None:
        """The condition of a ``when`` case, up to its ':' (outside quotes), parsed by the
        condition language."""
        self._spaces()
        start = self.pos
        end = self._colon(start)
        if end is None:
            self.problems.append((start, "write 'when CONDITION: words', with a ':' after the condition"))
            return None
        source = self.text[start:end]
        lead = len(source) - len(source.lstrip())
        source = source.strip()
        self.pos = end + 1
        if not source:
            self.problems.append((start, "'when' needs a condition before its ':'"))
            return None
        try:
            condition = parse_condition(source)
        except ConditionError as exc:
            self.problems.append((start + lead + exc.offset, f"in condition: {exc}"))
            return None
        self.conditions.append((condition, start + lead))
        return condition

    def alternatives(self, depth: int, opening: int, closing: int) -> Piece | None:
        mode = MODES.get(self.text[self.pos:self.pos + 1])
        marked = mode is not None
        if marked:
            self.pos += 1
        items = [_trimmed(self.words(depth, inside=True))]
        while self.text[self.pos:self.pos + 1] == "|":
            self.pos += 1
            items.append(_trimmed(self.words(depth, inside=True)))
        if marked or len(items) > 1:
            return Alternatives(mode or "sequence", tuple(items))
        parts = items[0].parts
        inner = self.text[opening + 1:closing]
        written = inner.strip()
        if not parts:
            self.problems.append((opening, "empty braces: write {when CONDITION: words}, {one|two} or "
                                           "{variable}, or '\\{' for the character itself"))
            return None
        if len(parts) != 1 or not isinstance(parts[0], str) or not _NAME.fullmatch(parts[0]):
            self.problems.append((opening, f"'{{{_short(written)}}}' is not a variable's name: inline text is "
                                           "{when CONDITION: words}, {one|two|three}, or {variable} for a "
                                           "variable the story declares printable ('\\{' writes the character)"))
            return None
        self.printed.append((parts[0], opening + 1 + len(inner) - len(inner.lstrip())))
        return Printed(parts[0])

    def _spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\n":
            self.pos += 1

    def _closing(self, opening: int) -> int | None:
        """Where the '}' that closes the '{' at ``opening`` is, counting braces inside it and
        passing over escaped characters; None when the paragraph ends first."""
        text, pos, depth = self.text, opening + 1, 1
        while pos < len(text):
            char = text[pos]
            if char == "\\" and text[pos + 1:pos + 2] in tuple(ESCAPED):
                pos += 2
                continue
            if char == "\n" and text[pos + 1:].lstrip(" \t").startswith("\n"):
                return None          # a blank line: the paragraph ended
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return pos
            pos += 1
        return None

    def _colon(self, start: int) -> int | None:
        """The ':' that ends a condition, not one inside a quoted text; None at a '|', a '}',
        or the end."""
        text, pos, quote = self.text, start, ""
        while pos < len(text):
            char = text[pos]
            if quote:
                if char == quote or char == "\n":
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == ":":
                return pos
            elif char in "|}{":
                return None
            pos += 1
        return None


def _trimmed(template: Template) -> Template:
    """A case or an alternative without the spaces around it: the sentence's own spaces are
    written outside the braces."""
    parts = list(template.parts)
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    return Template(tuple(p for p in parts if p != ""))


def _short(text: str, most: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 1] + "…"


# -- what a template holds, for the checks and the tools ------------------------------------------

def pieces(template: Template) -> Iterator[Piece]:
    """Every piece of a template, each before the pieces inside it."""
    for part in template.parts:
        if isinstance(part, str):
            continue
        yield part
        if isinstance(part, Alternatives):
            for item in part.items:
                yield from pieces(item)
        elif isinstance(part, Conditional):
            for case in part.cases:
                yield from pieces(case.text)


def conditions_in(template: Template) -> list[Condition]:
    """The conditions of a template's ``when`` cases, in the order written."""
    return [case.when for piece in pieces(template) if isinstance(piece, Conditional)
            for case in piece.cases if case.when is not None]


def printed_in(template: Template) -> list[str]:
    """The variables a template prints, in the order written."""
    return [piece.name for piece in pieces(template) if isinstance(piece, Printed)]


def changes_by_visit(template: Template) -> bool:
    """Whether the template reads differently on each arrival: it has alternatives."""
    return any(isinstance(piece, Alternatives) for piece in pieces(template))


def with_conditions(template: Template, swap: Any) -> Template:
    """The template with each ``when`` condition put through ``swap``, in the order of
    :func:`conditions_in` (the writers' tools watch them this way)."""
    def remade(t: Template) -> Template:
        parts: list[Any] = []
        for part in t.parts:
            if isinstance(part, Alternatives):
                part = Alternatives(part.mode, tuple(remade(item) for item in part.items))
            elif isinstance(part, Conditional):
                cases = []
                for case in part.cases:
                    when = swap(case.when) if case.when is not None else None
                    cases.append(Case(when, remade(case.text)))
                part = Conditional(tuple(cases))
            parts.append(part)
        return Template(tuple(parts))
    return remade(template)


# -- filling a template in, for a page ----------------------------------------------------------

@dataclass(frozen=True)
class Arrival:
    """Where a template is read: which passage, on which arrival there, in which life (its
    seed): all that a sequence or a shuffle chooses by."""

    passage: str
    visit: int
    seed: int


def printed_value(value: Any) -> str:
    """A variable's value as text reads it: whole numbers with their thousands marked, like
    every figure the game prints (12,500); texts as they are."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def fill(template: Template, state: State, arrival: Arrival, drawn: list[int] | None = None) -> tuple[str, list[str]]:
    """The text a template reads as in ``state``, and what each of its outermost pieces
    showed, in order: with those a save writes the text again as it was read.  ``drawn``
    counts the alternatives met so far on the page, so each shuffle on it draws apart."""
    shown: list[str] = []
    text = _joined(template, state, arrival, drawn if drawn is not None else [0], shown)
    return text, shown


def refill(template: Template, shown: Sequence[str], start: int = 0) -> tuple[str, int]:
    """The text as it was read, from what its outermost pieces showed then (``shown`` from
    ``start``), and where the next text's pieces begin in ``shown``.  A piece ``shown`` has
    no word for (the story has changed since) shows nothing."""
    out: list[str] = []
    at = start
    for part in template.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        _put(out, shown[at] if at < len(shown) else "")
        at += 1
    return _tidy("".join(out)), at


def _joined(template: Template, state: State, arrival: Arrival, counter: list[int], shown: list[str] | None) -> str:
    out: list[str] = []
    for part in template.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        words = _piece(part, state, arrival, counter)
        if shown is not None:
            shown.append(words)
        _put(out, words)
    return _tidy("".join(out))


#: Marks left where a piece showed nothing: a space before it was taken with it (_TAKEN), or it
#: opened a line, so the space after it goes too (_OPENED).  Removed before anyone sees the text.
_TAKEN, _OPENED = "\0", "\x01"


def _put(out: list[str], words: str) -> None:
    """Add a piece's words; a piece that shows nothing takes one of the spaces around it with
    it, so 'She {when x: smiles and} nods' never reads 'She  nods', and a line it opened does
    not open with a space."""
    if words:
        out.append(words)
    elif out and out[-1].endswith(" "):
        out[-1] = out[-1][:-1]
        out.append(_TAKEN)
    elif not out or out[-1].endswith("\n"):
        out.append(_OPENED)


def _tidy(text: str) -> str:
    if _TAKEN not in text and _OPENED not in text:
        return text
    return text.replace(_OPENED + " ", "").replace(_OPENED, "").replace(_TAKEN, "")


def _piece(piece: Piece, state: State, arrival: Arrival, counter: list[int]) -> str:
    if isinstance(piece, Printed):
        return printed_value(state.variable(piece.name))
    if isinstance(piece, Conditional):
        for case in piece.cases:
            if case.when is None or case.when.holds(state):
                return _joined(case.text, state, arrival, counter, None)
        return ""
    counter[0] += 1
    items = piece.items
    visit = max(arrival.visit, 1)
    if piece.mode == "sequence":
        index = min(visit, len(items)) - 1
    elif piece.mode == "cycle":
        index = (visit - 1) % len(items)
    elif piece.mode == "once":
        if visit > len(items):
            return ""
        index = visit - 1
    else:
        index = _draw(arrival, counter[0], len(items))
    return _joined(items[index], state, arrival, counter, None)


def _draw(arrival: Arrival, place: int, sides: int) -> int:
    """A shuffle's choice: the same life (seed), passage, arrival and place in the text always
    draw the same, so a replay, a saved game loaded again and a forked life all read alike,
    and drawing takes nothing from the dice the story's rolls use."""
    key = f"{arrival.seed}\0{arrival.passage}\0{arrival.visit}\0{place}".encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") % sides


def fill_texts(sources: Sequence[str], templates: Mapping[str, Template], state: State,
               arrival: Arrival) -> tuple[list[str], tuple[str, ...]]:
    """Each of ``sources`` (a passage's text and its variants that hold) filled in, and what
    the outermost pieces of all of them showed, in order."""
    if not templates:
        return list(sources), ()
    out: list[str] = []
    shown: list[str] = []
    counter = [0]
    for source in sources:
        template = templates.get(source)
        if template is None:
            out.append(source)
            continue
        text, said = fill(template, state, arrival, counter)
        out.append(text)
        shown += said
    return out, tuple(shown)


def refill_texts(sources: Sequence[str], templates: Mapping[str, Template],
                 shown: Sequence[str]) -> list[str]:
    """Each of ``sources`` as it was read, from what its pieces showed (see :func:`refill`)."""
    out: list[str] = []
    at = 0
    for source in sources:
        template = templates.get(source)
        if template is None:
            out.append(source)
            continue
        text, at = refill(template, shown, at)
        out.append(text)
    return out


def joined(texts: Sequence[str]) -> str:
    """Filled-in texts as one page's paragraphs: a text, or a paragraph of one, that shows
    nothing leaves no empty paragraph behind."""
    return "\n\n".join(p for text in texts for p in paragraphs(text))


def refused_name(name: str) -> str | None:
    """Why a name can never be printed, or None: the hidden record is never shown during play,
    and the other built-in names are the engine's, not a story's variables."""
    if name in HIDDEN:
        return (f"'{name}' is never printed: the player's score and standing are never shown during play "
                "(a variant or a {when …} can react to them without telling them)")
    if name in BUILTINS:
        return f"'{name}' is built in and cannot be printed; print a variable of the story's own"
    return None
