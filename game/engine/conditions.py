"""The condition language: what a story may ask of the hidden state.

A condition is parsed once, when the story loads, into a small tree of typed, immutable
parts (below) and evaluated against a session by matching on them. Nothing here can reach
Python: there is no ``eval``, no attribute access, no call but the seven named questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Protocol, Union

MAX_LENGTH = 500
MAX_DEPTH = 32
MAX_DIGITS = 15

GRADES = ("AAA", "AA", "A", "B", "C", "D")
GRADE_RANK = {g: len(GRADES) - i for i, g in enumerate(GRADES)}  # AAA highest

# What each built-in name or question yields; the checker uses these to catch mistakes early.
BUILTINS = {"day": "number", "city": "string", "grade": "grade", "score": "number", "blacklisted": "bool"}
QUESTIONS = {
    "seen": ("passage", "bool"),
    "visits": ("passage", "number"),
    "did": ("behaviour", "number"),
    "observed": ("behaviour", "number"),
    "on_record": ("behaviour", "number"),
    "grade_in": ("jurisdiction", "grade"),
    "grade_if_home": ("jurisdiction", "grade"),
    "grade_of": ("subject", "grade"),
}
KEYWORDS = {"and", "or", "not", "true", "false"}


class ConditionError(ValueError):
    """A condition that cannot be parsed; ``offset`` is where in the text it went wrong."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


class Grade(str):
    """A grade: compares with other grades (and grade names) by rank, not alphabetically."""


class State(Protocol):
    """What a condition can read. Session implements it."""

    def variable(self, name: str) -> Any: ...
    def builtin(self, name: str) -> Any: ...
    def ask(self, question: str, subject: str) -> Any: ...


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>\d+)
      | (?P<string>"[^"\\\n]*"|'[^'\\\n]*')
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|<|>|\+|-|\(|\)|,)
    )""",
    re.VERBOSE,
)


# -- the parts of a parsed condition ---------------------------------------------------------
# Each remembers where in the condition's text it was written (``offset``), so a mistake
# found in it later is pointed at in the writer's own line.

@dataclass(frozen=True, slots=True)
class Value:
    """A number, a text in quotes, or true or false, as written."""
    value: Any
    offset: int


@dataclass(frozen=True, slots=True)
class Variable:
    """A story variable, read from the session."""
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Builtin:
    """One of the names the engine answers itself (``BUILTINS``): day, city, grade, …"""
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Ask:
    """One of the questions (``QUESTIONS``) about a passage, behaviour, jurisdiction or subject."""
    question: str
    subject: str
    subject_offset: int
    offset: int


@dataclass(frozen=True, slots=True)
class Not:
    operand: "Part"
    offset: int


@dataclass(frozen=True, slots=True)
class And:
    parts: tuple["Part", ...]


@dataclass(frozen=True, slots=True)
class Or:
    parts: tuple["Part", ...]


@dataclass(frozen=True, slots=True)
class Negate:
    """``-x``: a number's negative."""
    operand: "Part"
    offset: int


@dataclass(frozen=True, slots=True)
class Arith:
    """``a + b`` or ``a - b``."""
    op: str
    left: "Part"
    right: "Part"
    offset: int


@dataclass(frozen=True, slots=True)
class Compare:
    """``a == b`` and the other comparisons; grades compare by rank."""
    op: str
    left: "Part"
    right: "Part"
    offset: int


Part = Union[Value, Variable, Builtin, Ask, Not, And, Or, Negate, Arith, Compare]
#: Every kind of part, for those that keep parsed conditions (the compiled-story cache).
PARTS = (Value, Variable, Builtin, Ask, Not, And, Or, Negate, Arith, Compare)


@dataclass(frozen=True)
class Condition:
    """A parsed condition and the text it came from."""

    source: str
    tree: Part

    def holds(self, state: State) -> bool:
        return evaluate(self.tree, state) is True

    def __str__(self) -> str:
        return self.source


def parse(text: str) -> Condition:
    """Parse a condition. Raises ConditionError with the offset of the mistake."""
    if not isinstance(text, str):
        raise ConditionError("a condition must be text")
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition is {len(text)} characters long; the limit is {MAX_LENGTH}")
    tokens = _tokenise(text)
    parser = _Parser(tokens, text)
    tree = parser.expression(0)
    if parser.peek()[0] != "end":
        kind, value, offset = parser.peek()
        raise ConditionError(f"unexpected '{value}' after a complete condition", offset)
    return Condition(text, tree)


def _tokenise(text: str) -> list[tuple[str, Any, int]]:
    tokens: list[tuple[str, Any, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match:
            start = pos + (len(text[pos:]) - len(text[pos:].lstrip()))
            char = text[start]
            if char in "\"'":
                rest = text[start + 1:].split("\n", 1)[0]
                if "\\" in rest:
                    # The language has no escapes; a writer who types one expects it to work.
                    raise ConditionError("a backslash has no meaning in a condition's text: strings hold "
                                         "the letters written, with no escapes; remove it",
                                         start + 1 + rest.index("\\"))
                raise ConditionError("unterminated string (strings are written in quotes on one line)", start)
            if char == "=":
                raise ConditionError("'=' is not a comparison; write '=='", start)
            if char == "&" or char == "|":
                raise ConditionError(f"'{char}' is not part of the language; write 'and' / 'or'", start)
            if char == "!":
                raise ConditionError("'!' is not part of the language; write 'not' (or '!=')", start)
            raise ConditionError(f"unexpected character '{char}'", start)
        kind = match.lastgroup or ""
        value: Any = match.group(kind)
        offset = match.start(kind)
        if kind == "number":
            if len(value) > MAX_DIGITS:
                raise ConditionError(f"number has more than {MAX_DIGITS} digits", offset)
            value = int(value)
        elif kind == "string":
            value = value[1:-1]
        elif kind == "name" and value in KEYWORDS:
            kind = value
        tokens.append((kind, value, offset))
        pos = match.end()
    tokens.append(("end", "end of condition", len(text)))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, Any, int]], text: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.text = text

    def peek(self) -> tuple[str, Any, int]:
        return self.tokens[self.pos]

    def take(self) -> tuple[str, Any, int]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expect(self, kind: str, what: str) -> tuple[str, Any, int]:
        token = self.peek()
        if token[0] != kind and not (token[0] == "op" and token[1] == kind):
            raise ConditionError(f"expected {what}, found '{token[1]}'", token[2])
        return self.take()

    def deeper(self, depth: int, offset: int) -> int:
        if depth + 1 > MAX_DEPTH:
            raise ConditionError(f"condition is nested more than {MAX_DEPTH} levels deep", offset)
        return depth + 1

    def expression(self, depth: int) -> Part:
        parts = [self.conjunction(depth)]
        while self.peek()[0] == "or":
            self.take()
            parts.append(self.conjunction(depth))
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def conjunction(self, depth: int) -> Part:
        parts = [self.negation(depth)]
        while self.peek()[0] == "and":
            self.take()
            parts.append(self.negation(depth))
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def negation(self, depth: int) -> Part:
        if self.peek()[0] == "not":
            _, _, offset = self.take()
            return Not(self.negation(self.deeper(depth, offset)), offset)
        return self.comparison(depth)

    def comparison(self, depth: int) -> Part:
        left = self.sum(depth)
        kind, value, offset = self.peek()
        if kind == "op" and value in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            right = self.sum(depth)
            after = self.peek()
            if after[0] == "op" and after[1] in ("==", "!=", "<", "<=", ">", ">="):
                raise ConditionError("comparisons cannot be chained; join them with 'and'", after[2])
            return Compare(value, left, right, offset)
        return left

    def sum(self, depth: int) -> Part:
        tree = self.unary(depth)
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            _, op, offset = self.take()
            tree = Arith(op, tree, self.unary(depth), offset)
        return tree

    def unary(self, depth: int) -> Part:
        kind, value, offset = self.peek()
        if kind == "op" and value == "-":
            self.take()
            return Negate(self.unary(self.deeper(depth, offset)), offset)
        return self.primary(depth)

    def primary(self, depth: int) -> Part:
        kind, value, offset = self.take()
        if kind == "number":
            return Value(value, offset)
        if kind == "string":
            return Value(value, offset)
        if kind in ("true", "false"):
            return Value(kind == "true", offset)
        if kind == "op" and value == "(":
            inner = self.expression(self.deeper(depth, offset))
            self.expect(")", "')'")
            return inner
        if kind == "name":
            if self.peek()[0] == "op" and self.peek()[1] == "(":
                if value not in QUESTIONS:
                    known = ", ".join(sorted(QUESTIONS))
                    raise ConditionError(f"unknown question '{value}(…)'; the questions are {known}", offset)
                self.take()
                arg_kind, arg, arg_offset = self.take()
                if arg_kind not in ("name", "string"):
                    raise ConditionError(f"{value}(…) takes a {QUESTIONS[value][0]} id, found '{arg}'", arg_offset)
                self.expect(")", "')'")
                return Ask(value, arg, arg_offset, offset)
            if value in QUESTIONS:
                raise ConditionError(f"'{value}' is a question; write {value}(…)", offset)
            if value in BUILTINS:
                return Builtin(value, offset)
            return Variable(value, offset)
        if kind == "end":
            raise ConditionError("condition ends too soon", offset)
        raise ConditionError(f"unexpected '{value}'", offset)


def evaluate(tree: Part, state: State) -> Any:
    """Evaluate a parsed condition against the session state."""
    # The commonest parts first: a condition is asked on every page, thousands of times a
    # second when a writer's tools play lives.
    match tree:
        case Compare(op, left, right):
            return _compare(op, evaluate(left, state), evaluate(right, state))
        case And(parts):
            return all(evaluate(part, state) is True for part in parts)
        case Variable(name):
            return state.variable(name)
        case Value(value):
            return value
        case Ask(question, subject):
            return state.ask(question, subject)
        case Builtin(name):
            return state.builtin(name)
        # Only true is true: a number or a text is never read as a truth value (the checker
        # refuses one where a truth value is needed, so a loaded story never relies on this).
        case Not(operand):
            return evaluate(operand, state) is not True
        case Or(parts):
            return any(evaluate(part, state) is True for part in parts)
        case Arith(op, left, right):
            left, right = evaluate(left, state), evaluate(right, state)
            if not (_is_number(left) and _is_number(right)):
                return 0
            return left + right if op == "+" else left - right
        case Negate(operand):
            value = evaluate(operand, state)
            return -value if _is_number(value) else 0
    raise ValueError(f"unknown condition part {tree!r}")  # pragma: no cover - parser makes only the above


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _compare(op: str, left: Any, right: Any) -> bool:
    if isinstance(left, Grade) or isinstance(right, Grade):
        if left not in GRADE_RANK or right not in GRADE_RANK:
            return op == "!="
        left, right = GRADE_RANK[left], GRADE_RANK[right]
    if op in ("==", "!="):
        numbers = _is_number(left) and _is_number(right)
        same = left == right and (numbers or type(left) is type(right))
        return same if op == "==" else not same
    if not (_is_number(left) and _is_number(right)):
        return False
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    return left >= right


def walk(tree: Part) -> Iterator[Part]:
    """Every part of a parsed condition, for the checker."""
    yield tree
    match tree:
        case And(parts) | Or(parts):
            for part in parts:
                yield from walk(part)
        case Not(operand) | Negate(operand):
            yield from walk(operand)
        case Arith(_, left, right) | Compare(_, left, right):
            yield from walk(left)
            yield from walk(right)


def logic_mistakes(tree: Part, variable_kind: dict[str, str]) -> list[tuple[str, int]]:
    """Where a number, a text or a grade stands in place of true or false, with what to write.

    A condition as a whole, and each side of ``not``, ``and`` and ``or``, must be true or
    false: ``when: savings`` would leave a reader guessing whether 0, or -5, counts.
    """
    wanted = [tree]
    mistakes: list[tuple[str, int]] = []
    for part in walk(tree):
        match part:
            case Not(operand):
                wanted.append(operand)
            case And(parts) | Or(parts):
                wanted.extend(parts)
    for part in wanted:
        kind = kind_of(part, variable_kind)
        if kind in ("bool", "unknown"):
            continue
        shown = _written(part)
        example = {"number": f"{shown} > 0", "string": f'{shown} == "…"', "grade": f'{shown} >= "A"'}[kind]
        mistakes.append((f"'{shown}' is a {'text' if kind == 'string' else kind}, not true or false; "
                         f"compare it, as in '{example}'", start_of(part)))
    return mistakes


def start_of(tree: Part) -> int:
    """Where in the condition's text a part of it begins."""
    match tree:
        case And(parts) | Or(parts):
            return start_of(parts[0])
        case Arith(_, left) | Compare(_, left):
            return start_of(left)
    return tree.offset


def _written(tree: Part) -> str:
    match tree:
        case Value(value):
            return f'"{value}"' if isinstance(value, str) else str(value).lower()
        case Variable(name) | Builtin(name):
            return name
        case Ask(question, subject):
            return f"{question}({subject})"
        case Negate(operand):
            return f"-{_written(operand)}"
        case Arith(op, left, right):
            return f"{_written(left)} {op} {_written(right)}"
    return "…"


def value_kind(value: Any) -> str:
    """The kind a value is, "bool", "number" or "string": of a value written in a condition,
    and of a variable by its first value (the loader, the story and lint all ask here)."""
    return "bool" if isinstance(value, bool) else "number" if _is_number(value) else "string"


def kind_of(tree: Part, variable_kind: dict[str, str]) -> str:
    """What a part yields: number, string, bool, grade, or unknown."""
    match tree:
        case Value(value):
            return value_kind(value)
        case Variable(name):
            return variable_kind.get(name, "unknown")
        case Builtin(name):
            return BUILTINS[name]
        case Ask(question):
            return QUESTIONS[question][1]
        case Not() | And() | Or() | Compare():
            return "bool"
    return "number"
