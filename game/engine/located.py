"""YAML read into plain values that remember where they came from.

Story files are data written by people, and sometimes by people who mean harm. The reader
builds values straight from libyaml's event stream, so it can refuse what a story never
needs before it costs anything: aliases (the "billion laughs"), tags that build objects,
deep nesting, huge files and bytes that are not UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from .problems import Problem

try:  # libyaml's C parser where present; the pure-Python one elsewhere.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",  # kept as the text written
}
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

Value = Union[dict, list, str, int, float, bool, None]


@dataclass
class Node:
    """A value from a YAML file with its 1-based line and column.

    ``value`` is a ``dict[str, Node]``, a ``list[Node]`` or a scalar. For mappings,
    ``keys`` holds the node of each key, so a bad key can be pointed at too.
    """

    value: Any
    path: str
    line: int
    col: int
    quoted: bool = False
    keys: dict[str, "Node"] = field(default_factory=dict)

    def plain(self) -> Value:
        """The value with every location stripped."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value

    def problem(self, message: str, severity: str = "error", offset: int = 0) -> Problem:
        return Problem(self.path, self.line, self.col + offset, message, severity)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def read_yaml(path: Path, shown: str) -> tuple[Node | None, list[Problem]]:
    """Read one story file. Returns its root node (None for an empty file) and its problems."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown, 1, 1, f"file is {len(raw):,} bytes; story files may be at most {MAX_BYTES:,}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(shown, line, col, "file is not UTF-8 text (save it as UTF-8)")]
    if "\x00" in text:
        return None, [Problem(shown, 1, 1, "file contains NUL characters; it is not a text file")]
    try:
        return _build(text, shown), []
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        return None, [Problem(shown, line, col, f"YAML syntax: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 1, 1, f"YAML syntax: {exc}")]


def _build(text: str, shown: str) -> Node | None:
    stack: list[Node] = []
    pending_key: list[Node | None] = []
    root: Node | None = None
    documents = 0

    def here(event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(node)
            return
        key = pending_key[-1]
        if key is None:
            if not isinstance(node.value, (str, int, float, bool)):
                raise _Refused(node.problem("a mapping key must be a plain word"))
            pending_key[-1] = node
            return
        name = str(key.value)
        if name in parent.value:
            first = parent.keys[name]
            raise _Refused(key.problem(f"duplicate key '{name}' (first at line {first.line})"))
        parent.value[name] = node
        parent.keys[name] = key
        pending_key[-1] = None

    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is yaml.AliasEvent:
            line, col = here(event)
            raise _Refused(Problem(shown, line, col, "aliases (*name) are not allowed in story files; write the value out"))
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                line, col = here(event)
                raise _Refused(Problem(shown, line, col, "a story file holds one YAML document; remove the second '---'"))
            continue
        if kind is yaml.ScalarEvent:
            line, col = here(event)
            tag = event.tag
            if tag is None or tag == "!":
                tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag not in _SCALAR_TAGS:
                raise _Refused(Problem(shown, line, col, f"tag '{event.tag}' is not allowed in story files"))
            if tag in (_STR, "tag:yaml.org,2002:timestamp"):
                value: Any = event.value
            else:
                value = _constructor.construct_object(yaml.ScalarNode(tag, event.value))
            attach(Node(value, shown, line, col, quoted=event.style in ("'", '"')))
            continue
        if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
            line, col = here(event)
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise _Refused(Problem(shown, line, col, f"tag '{event.tag}' is not allowed in story files"))
            if len(stack) >= MAX_DEPTH:
                raise _Refused(Problem(shown, line, col, f"nested more than {MAX_DEPTH} levels deep"))
            node = Node({} if kind is yaml.MappingStartEvent else [], shown, line, col)
            attach(node)
            stack.append(node)
            pending_key.append(None)
            continue
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            stack.pop()
            pending_key.pop()
    return root
