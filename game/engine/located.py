"""YAML read into plain values that remember where they came from.

Story files are data written by people, and sometimes by people who mean harm. The reader
builds values straight from libyaml's event stream, so it can refuse what a story never
needs before it costs anything: aliases (the "billion laughs"), tags that build objects,
deep nesting, huge files and bytes that are not UTF-8.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Union

from .problems import Problem, Severity

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
#: Values (keys, texts, numbers, lists, mappings) one file may hold. An honest file of 2 MB
#: holds about 60,000; each costs memory and time, so a file of a million zeros is refused
#: after a small part of it instead of costing seconds and hundreds of megabytes.
MAX_NODES = 100_000

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    _TIMESTAMP,  # kept as the text written: a story has no use for dates as values
}
_PLAIN_WHOLE_NUMBER = re.compile(r"[1-9][0-9]{0,14}")

# PyYAML, and what the reader takes from it, set by _yaml() the first time a file is read: a
# game that opens from its compiled story reads no story file and never imports it.
yaml: Any = None
_Loader: Any = None  # libyaml's C parser where present; the pure-Python one elsewhere
_resolver: Any = None
_constructor: Any = None
_MAY_NOT_BE_TEXT: frozenset = frozenset()  # first characters with which a plain scalar may not be text
_SCALAR = _MAPPING_START = _MAPPING_END = _SEQUENCE_START = _SEQUENCE_END = _ALIAS = _DOCUMENT_START = None  # events


def _yaml() -> None:
    """Import PyYAML and take from it what reading a file needs (once)."""
    global yaml, _Loader, _resolver, _constructor, _MAY_NOT_BE_TEXT, _SCALAR, _MAPPING_START, _MAPPING_END
    global _SEQUENCE_START, _SEQUENCE_END, _ALIAS, _DOCUMENT_START
    if yaml is not None:
        return
    import yaml as module

    _Loader = getattr(module, "CSafeLoader", None) or module.SafeLoader
    _resolver = module.resolver.Resolver()
    _MAY_NOT_BE_TEXT = frozenset(k for k in _resolver.yaml_implicit_resolvers if k)
    _constructor = module.constructor.SafeConstructor()
    _SCALAR, _ALIAS, _DOCUMENT_START = module.ScalarEvent, module.AliasEvent, module.DocumentStartEvent
    _MAPPING_START, _MAPPING_END = module.MappingStartEvent, module.MappingEndEvent
    _SEQUENCE_START, _SEQUENCE_END = module.SequenceStartEvent, module.SequenceEndEvent
    yaml = module  # last: set only once everything above is

Value = Union[dict, list, str, int, float, bool, None]


@dataclass
class Allowance:
    """How many more values the files read with it may hold, and what to tell the writer
    when they hold more: one is shared by every file of a story, or of a mod."""

    nodes: int
    message: str


# Scalars have no keys; sharing one empty, read-only mapping spares a dict per value.
_NO_KEYS: dict = MappingProxyType({})  # type: ignore[assignment]


@dataclass(slots=True)
class Node:
    """A value from a YAML file with its 1-based line and column.

    ``value`` is a ``dict[str, Node]``, a ``list[Node]`` or a scalar. For mappings,
    ``keys`` holds the node of each key, so a bad key can be pointed at too. A scalar keeps
    ``written``, its text before YAML made a number or a truth value of it, so messages can
    quote what the writer wrote. A ``broken`` node was already reported by the reader;
    nothing more is said about it.
    """

    value: Any
    path: str
    line: int
    col: int
    quoted: bool = False
    keys: dict[str, "Node"] = field(default_factory=dict)
    written: str | None = None
    broken: bool = False
    #: For a literal block (``text: |``), how far its lines are indented: with it a place
    #: inside the text (a brace of inline text) can be pointed at.  0 for every other value.
    block_indent: int = 0

    def plain(self) -> Value:
        """The value with every location stripped."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value

    def problem(self, message: str, severity: Severity = Severity.ERROR, offset: int = 0) -> Problem:
        return Problem(self.path, self.line, self.col + offset, message, severity)

    def inside(self, offset: int, written: str) -> "Node":
        """A text node standing for ``written``, which begins ``offset`` characters into this
        scalar's text: at its own place in a literal block or on a scalar's one line, at the
        scalar's start where YAML has joined its lines and the place is lost."""
        text = self.written if self.written is not None else str(self.value)
        line, col = self.line, self.col
        if self.block_indent:
            before = text[:offset]
            line = self.line + 1 + before.count("\n")
            col = self.block_indent + offset - (before.rfind("\n") + 1) + 1
        elif "\n" not in text:
            col = self.col + offset + (1 if self.quoted else 0)
        return Node(written, self.path, line, col, written=written)


# Characters a screen or a terminal would obey instead of showing: C0 and C1 controls (ESC
# starts the sequences that move the cursor or write to the clipboard), DEL, the bidi
# overrides and isolates that make text read differently from how it is stored, and the
# Unicode line and paragraph separators, which break lines on some screens and not others.
# Tab and newline are how writers lay out text; a carriage return reaches a value only
# through an escape, since YAML reads the ones in a file as line breaks.
# Also refused: what shows nothing at all and so can disguise what a line says — the
# direction marks (U+200E, U+200F, U+061C), zero-width spaces and joiners, word joiners and
# invisible operators, a byte-order mark inside the text (one at the start of a file is
# read away), and the tag characters of plane 14, which can smuggle whole words past a reader.
_INVISIBLE = "\u061c\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\U000e0000-\U000e007f"
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069" + _INVISIBLE + "]")
_REFUSED_IN_FILE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                              + _INVISIBLE + "]")
# Three or more combining marks on one letter: no language the story could be written in
# needs them, and a stack of them draws over the lines above and below (and over the page's
# own headings).
_STACKED = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}")
_PLACEHOLDER = "\ufffd"  # stands in for a refused character so the rest of the file is still read
_NAMES = {"\x1b": "ESCAPE", "\x07": "BELL", "\x08": "BACKSPACE", "\x0d": "CARRIAGE RETURN", "\x7f": "DELETE",
          "\x85": "NEXT LINE", "\x9b": "CONTROL SEQUENCE INTRODUCER", "\x9d": "OPERATING SYSTEM COMMAND"}
# What a backslash escape in a double-quoted scalar stands for, when it is one character.
_ESCAPES = {"0": "\x00", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
            "L": "\u2028", "P": "\u2029"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
MAX_NUMBER_DIGITS = 15
MAX_PROBLEMS_PER_FILE = 50


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = _NAMES.get(char) or unicodedata.name(char, "")
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        kind = "a text direction override"
    elif re.fullmatch("[" + _INVISIBLE + "]", char):
        kind = "an invisible character"
    elif char in "\u2028\u2029":
        kind = "a Unicode line separator"
    else:
        kind = "a control character"
    return f"{code} ({name.lower()}), {kind}," if name else f"{code}, {kind},"


def _refusal(char: str) -> str:
    if re.fullmatch("[" + _INVISIBLE + "]", char):
        return (f"{_describe(char)} cannot appear in a story file: it shows nothing, and could make a "
                "line read differently from how it is written; remove it")
    return (f"{_describe(char)} cannot appear in a story file: a screen or terminal would act on it "
            "instead of showing it; remove it")


def _stack_refusal(marks: str) -> str:
    return (f"{len(marks)} combining marks stacked on one letter cannot appear in a story file: they draw "
            "over the lines around them; keep at most two")


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


class _Stop(Exception):
    """A problem after which the rest of the file cannot be read sensibly."""


class _Reader:
    """Builds Nodes from libyaml's events, noting every problem and reading on where it can."""

    def __init__(self, text: str, shown: str, allowance: Allowance | None = None) -> None:
        self.text = text
        self.shown = shown
        self.allowance = allowance
        self.nodes = 0
        self.limit = MAX_NODES if allowance is None else min(MAX_NODES, allowance.nodes)
        self.problems: list[Problem] = []
        self._line_starts: list[int] | None = None
        self.stack: list[Node] = []
        self.pending_key: list[Node | None] = []
        self.root: Node | None = None
        self.documents = 0

    @property
    def line_starts(self) -> list[int]:
        """Where each line of the file starts: needed only to point inside a scalar, so it is
        found only when there is something there to point at."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._line_starts

    def indent_after(self, header: int, last: int) -> int:
        """How far the first written line of a block below line ``header`` (0-based) is indented."""
        starts = self.line_starts
        for index in range(header + 1, min(last + 1, len(starts))):
            end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.text)
            row = self.text[starts[index]:end]
            if row.strip():
                return len(row) - len(row.lstrip(" "))
        return 0

    def note(self, line: int, col: int, message: str) -> None:
        # A file that is mostly mistakes (or made to be) should not bury the writer, or the
        # machine, in messages: past a limit, stop reading it.
        if len(self.problems) >= MAX_PROBLEMS_PER_FILE:
            self.problems.append(Problem(self.shown, line, col, f"more than {MAX_PROBLEMS_PER_FILE} problems in "
                                                                "this file; stopped reading it here"))
            raise _Stop()
        self.problems.append(Problem(self.shown, line, col, message))

    def read(self, text: str) -> Node | None:
        parser = _Loader(text)
        try:
            event, ready, take = self.event, parser.check_event, parser.get_event
            while ready():
                event(take())
        finally:
            parser.dispose()
        return self.root

    def too_many(self, line: int, col: int) -> None:
        if self.nodes > MAX_NODES:
            message = (f"this file holds more than {MAX_NODES:,} values (keys, texts, numbers, lists), the most "
                       "one story file may; split it into several files: passages may be spread over as many "
                       "files as you like")
        else:
            message = self.allowance.message  # type: ignore[union-attr]
        self.problems.append(Problem(self.shown, line, col, message))
        raise _Stop()

    def event(self, event: Any) -> None:
        # A story file is a million events at most: the commonest kinds are tested first,
        # and the end of a mapping or a list needs no place.
        kind = type(event)
        if kind is _MAPPING_END or kind is _SEQUENCE_END:
            self.stack.pop()
            self.pending_key.pop()
            return
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if kind is _SCALAR:
            self.nodes += 1
            if self.nodes > self.limit:
                self.too_many(line, col)
            node = self.scalar(event, line, col)
            # The commonest case of attach(): a value for the key just read, or a list item.
            parent = self.stack[-1] if self.stack else None
            if parent is not None and not node.broken:
                key = self.pending_key[-1]
                if type(parent.value) is list:
                    parent.value.append(node)
                    return
                if key is not None and key.value not in parent.value:
                    self.pending_key[-1] = None
                    parent.value[key.value] = node
                    parent.keys[key.value] = key
                    return
            self.attach(node)
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            self.nodes += 1
            if self.nodes > self.limit:
                self.too_many(line, col)
            broken = False
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                self.note(line, col, f"tag '{event.tag}' is not allowed in story files")
                broken = True
            if len(self.stack) >= MAX_DEPTH:
                self.note(line, col, f"nested more than {MAX_DEPTH} levels deep")
                raise _Stop()
            if kind is _MAPPING_START:
                node = Node({}, self.shown, line, col, broken=broken)
            else:
                node = Node([], self.shown, line, col, keys=_NO_KEYS, broken=broken)
            self.attach(node)
            self.stack.append(node)
            self.pending_key.append(None)
        elif kind is _ALIAS:
            self.nodes += 1
            if self.nodes > self.limit:
                self.too_many(line, col)
            self.note(line, col, "aliases (*name) are not allowed in story files; write the value out")
            self.attach(Node(None, self.shown, line, col, written="", broken=True))
        elif kind is _DOCUMENT_START:
            self.documents += 1
            if self.documents > 1:
                self.note(line, col, "a story file holds one YAML document; remove the second '---'")
                raise _Stop()

    def scalar(self, event: Any, line: int, col: int) -> Node:
        written = event.value
        quoted = event.style in ("'", '"')
        node = Node(written, self.shown, line, col, quoted, _NO_KEYS, written)
        if event.style == "|":
            node.block_indent = self.indent_after(event.start_mark.line, event.end_mark.line)
        if event.style == '"' and _REFUSED.search(written):  # only an escape can have written it
            self.refuse_escapes(event)
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0] or (written and written[0] not in _MAY_NOT_BE_TEXT):
                tag = _STR  # quoted, a block, or a plain word YAML can read only as text
            elif written[:1] not in ("", "<") and self.pending_key and self.pending_key[-1] is None \
                    and type(self.stack[-1].value) is dict:
                tag = _STR  # a key is a name whatever YAML would make of it ('<<' is still refused)
            else:
                tag = _resolver.resolve(yaml.ScalarNode, written, event.implicit)
            if tag == _VALUE:  # a bare '=' is only an equals sign to a writer
                tag = _STR
        if tag == _MERGE and event.tag is None:
            self.note(line, col, "merge keys ('<<') are not allowed in story files; write the keys out")
            node.broken = True
        elif tag not in _SCALAR_TAGS:
            self.note(line, col, f"tag '{event.tag}' is not allowed in story files")
            node.broken = True
        elif tag not in (_STR, _TIMESTAMP):
            node.value, trouble = _construct(tag, written)
            if trouble:
                self.note(line, col, trouble)
                node.value, node.broken = written, True
        return node

    def refuse_escapes(self, event: Any) -> None:
        """Point at each escape in a double-quoted scalar that writes a refused character."""
        start = self.line_starts[event.start_mark.line] + event.start_mark.column
        end = self.line_starts[event.end_mark.line] + event.end_mark.column
        source = self.text[start:end]
        pos = 1  # after the opening quote
        while pos < len(source) - 1:
            if source[pos] != "\\":
                pos += 1
                continue
            letter = source[pos + 1: pos + 2]
            width = _HEX_ESCAPES.get(letter, 0)
            if width:
                try:
                    char = chr(int(source[pos + 2: pos + 2 + width], 16))
                except ValueError:  # libyaml has already refused a malformed escape
                    char = ""
            else:
                char = _ESCAPES.get(letter, "")
            if char and _REFUSED.match(char):
                index = start + pos
                line = self.text.count("\n", 0, index) + 1
                col = index - self.line_starts[line - 1] + 1
                self.note(line, col, _refusal(char))
            pos += 2 + width

    def attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            if node.written is None:
                self.note(node.line, node.col, "a mapping key must be a plain word")
                node = Node("", node.path, node.line, node.col, written="", broken=True)
            # A key is a name whatever YAML makes of it: 'yes:' is the word yes, not true.
            node.value = node.written
            self.pending_key[-1] = node
            return
        self.pending_key[-1] = None
        name = key.value
        if name in parent.value:
            first = parent.keys[name]
            self.note(key.line, key.col, f"duplicate key '{name}' (first at line {first.line})")
            return
        parent.value[name] = node
        parent.keys[name] = key


def _construct(tag: str, written: str) -> tuple[Any, str | None]:
    """The value of a number, truth value or null as YAML reads it, or why it cannot be read."""
    if tag == "tag:yaml.org,2002:int" and _PLAIN_WHOLE_NUMBER.fullmatch(written):
        return int(written), None  # the common case, read without YAML's constructor
    what = {"tag:yaml.org,2002:int": "a whole number", "tag:yaml.org,2002:float": "a number",
            "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:null": "nothing (null)"}[tag]
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        digits = sum(c.isdigit() for c in written)
        if digits > MAX_NUMBER_DIGITS:
            return None, (f"a number in a story file has at most {MAX_NUMBER_DIGITS} digits; this one has "
                          f"{digits:,} (quote it if it is text)")
    try:
        value = _constructor.construct_object(yaml.ScalarNode(tag, written))
    except (ArithmeticError, LookupError, ValueError, TypeError, yaml.YAMLError):
        return None, f"'{_shown(written)}' cannot be read as {what}"
    finally:
        # The constructor remembers every node it has made a value of; shared by every file
        # ever read, it would keep each number of each story loaded (a watched mod reloads
        # on every save).
        _constructor.constructed_objects.clear()
    if isinstance(value, float) and not math.isfinite(value):
        return None, f"'{_shown(written)}' is not a number a story can use; write a finite number"
    return value, None


def read_bounded(path: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    """A story file's bytes, or why they were not read.  A file over :data:`MAX_BYTES` is
    refused by its size before any of it is read, and one that grows while it is read is
    read no further than the limit: a 1.5 GB file costs a look at its size, not 1.5 GB."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                return None, Problem(shown, 1, 1, f"file is {size:,} bytes; story files may be at most {MAX_BYTES:,}")
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        return None, Problem(shown, 1, 1, f"file is more than {MAX_BYTES:,} bytes; story files may be at most "
                                          f"{MAX_BYTES:,}")
    return raw, None


def read_yaml(path: Path, shown: str, allowance: Allowance | None = None) -> tuple[Node | None, list[Problem]]:
    """Read one story file. Returns its root node (None for an empty or unreadable file) and
    every problem found in it; a root comes back even with problems, so the story's own checks
    can report the rest of the file too. Each value read is taken from ``allowance``; the
    file is read no further once it is spent."""
    raw, refusal = read_bounded(path, shown)
    if raw is None:
        return None, [refusal] if refusal else []
    return parse_yaml(raw, shown, allowance)


def parse_yaml(raw: bytes, shown: str, allowance: Allowance | None = None) -> tuple[Node | None, list[Problem]]:
    """:func:`read_yaml` of bytes already read (so that what is parsed is what was hashed)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        return None, [Problem(shown, line, col, "file is not UTF-8 text (save it as UTF-8)")]
    if "\x00" in text:
        return None, [Problem(shown, 1, 1, "file contains NUL characters; it is not a text file")]
    _yaml()
    reader = _Reader(text, shown, allowance)
    try:
        return _read(reader, text, shown)
    finally:
        if allowance is not None:
            allowance.nodes -= reader.nodes


def _read(reader: _Reader, text: str, shown: str) -> tuple[Node | None, list[Problem]]:
    try:
        readable = text
        for match in _STACKED.finditer(text):  # reported, and read on: they are only drawn badly
            line = text.count("\n", 0, match.start()) + 1
            reader.note(line, match.start() - reader.line_starts[line - 1] + 1, _stack_refusal(match.group()))
        if _REFUSED_IN_FILE.search(text) is not None:  # one look at an honest file, which has none
            for match in _REFUSED_IN_FILE.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                reader.note(line, match.start() - reader.line_starts[line - 1] + 1, _refusal(match.group()))
            # Each refused character is reported above; a placeholder of the same width keeps
            # every later line and column true while the rest of the file is read.
            readable = _REFUSED_IN_FILE.sub(_PLACEHOLDER, text)
        root = reader.read(readable)
    except _Stop:
        return None, reader.problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        return None, reader.problems + [Problem(shown, line, col, f"YAML syntax: {what}")]
    except yaml.YAMLError as exc:
        return None, reader.problems + [Problem(shown, 1, 1, f"YAML syntax: {exc}")]
    return root, reader.problems
