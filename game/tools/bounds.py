"""How far each number a condition reads can go, without playing.

A number the story only ever ``set``s takes the values written; one it ``add``s to or
``roll``s can take too many to try one by one, but not any at all: a counter that starts at 0
and is only ever added to stays at 0 or above, whatever the player does, and a roll is 1 to
100. Kept as the lowest and highest each can be (either end may be endless), they decide
comparisons the values alone cannot: ``laps < 0`` can never hold, however many laps. That is
how a way out that waits for a counter to fall below where it can ever go is known to be shut.
"""

from __future__ import annotations

from typing import Any, Iterable, Protocol

from ..engine.conditions import Arith, Ask, Builtin, Negate, Part, Value, Variable
from ..engine.story import AddVariables, Effect, Roll, SetVariables, Story

INF = float("inf")
#: The lowest and the highest a number can be.
Bounds = tuple[float, float]
#: What a roll gives (``Dice.roll``'s sides).
ROLLED: Bounds = (1, 100)
#: Questions whose answers count something, so are never below 0.
COUNTS = ("visits", "did", "observed", "on_record")


class Known(Protocol):
    """What is known of a story's values: each fact's possible values, and each number's bounds."""

    bounds: dict[str, Bounds]

    def of(self, leaf: tuple) -> set | None: ...


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def number_bounds(story: Story, effects: Iterable[Effect]) -> dict[str, Bounds]:
    """The bounds of every variable that holds a number, from its first value and every effect
    that gives it one."""
    values: dict[str, list[float]] = {}
    rises: set[str] = set()
    falls: set[str] = set()
    for name in {*story.variables, *story.variable_kinds}:
        first = story.first_value(name)
        if _number(first):
            values.setdefault(name, []).append(first)
    for effect in effects:
        if isinstance(effect, SetVariables):
            for name, value in effect.values:
                if _number(value):
                    values.setdefault(name, []).append(value)
        elif isinstance(effect, AddVariables):
            # Added to again and again, a number goes as far as the sign of any amount takes it.
            for name, amount in effect.values:
                (rises if amount > 0 else falls if amount < 0 else set()).add(name)
        elif isinstance(effect, Roll):
            values.setdefault(effect.name, []).extend(ROLLED)
    bounds: dict[str, Bounds] = {}
    for name in {*values, *rises, *falls}:
        written = values.get(name) or [0]     # a number nothing set starts at 0
        bounds[name] = (-INF if name in falls else min(written), INF if name in rises else max(written))
    return bounds


def interval(part: Part, known: Known) -> Bounds | None:
    """The lowest and highest a number in a condition can be, or None when that is not known
    (or it is not a number)."""
    match part:
        case Value(value) if _number(value):
            return value, value
        case Variable(name):
            values = known.of(("variable", name))
            if values is not None and values and all(_number(v) for v in values):
                return min(values), max(values)
            return known.bounds.get(name)
        case Builtin(name):
            values = known.of(("builtin", name))
            if values is not None and values and all(_number(v) for v in values):
                return min(values), max(values)
            return None
        case Ask(question, subject) if question in COUNTS:
            values = known.of(("ask", question, subject))
            return (0, 0) if values == {0} else (0, INF)
        case Negate(operand):
            inner = interval(operand, known)
            return None if inner is None else (-inner[1], -inner[0])
        case Arith(op, left, right):
            a, b = interval(left, known), interval(right, known)
            if a is None or b is None:
                return None
            if op == "-":
                b = (-b[1], -b[0])
            low, high = a[0] + b[0], a[1] + b[1]
            # An endless end met by the other endless end says nothing.
            return (-INF if low != low else low, INF if high != high else high)
    return None


def compared(op: str, left: Bounds, right: Bounds) -> bool | None:
    """Whether ``left op right`` always holds (True), never can (False), or depends (None)."""
    (a_low, a_high), (b_low, b_high) = left, right
    if op == "<":
        return True if a_high < b_low else False if a_low >= b_high else None
    if op == "<=":
        return True if a_high <= b_low else False if a_low > b_high else None
    if op == ">":
        return compared("<", right, left)
    if op == ">=":
        return compared("<=", right, left)
    apart = a_high < b_low or b_high < a_low
    same = a_low == a_high == b_low == b_high
    if op == "==":
        return False if apart else True if same else None
    return True if apart else False if same else None
