"""How finely conditions can tell the hidden score apart.

The score is never shown during play, but a condition that asks it shows or hides text, and a
ladder of them — ``score >= t and score < t + 5`` for every t — spells it out within five
points. The grade is what the story lets a page know; so a mod's conditions may ask the score
only at the home city's grade boundaries (``score >= 1030`` is ``grade >= "AA"``), where
whatever they combine tells no more than the grade.

Every comparison a mod makes with the score is reduced to the scores at which it changes its
answer (``score >= t + 5`` changes between t + 4 and t + 5, ``score == t`` at t and t + 1),
however it is written — sums, differences, negatives, the score on either side. A place not
at a grade boundary is refused where it is written, and so is a comparison of the score with
something play can change (a variable, the day), which could be made to move the place one
step at a time. The story's own conditions are the writer's; an exact comparison among them is
only warned of, as before mods could reach it.
"""

from __future__ import annotations

from ..conditions import Arith, Ask, Builtin, Compare, Condition, Negate, Part, Value, start_of, walk
from ..located import Node
from ..story import Jurisdiction
from .values import Values

#: (how many times the score, what else) of a side of a comparison; None when it reads
#: anything but the score and numbers.
Linear = tuple[int, int] | None
_FLIPPED = {">=": "<=", "<=": ">=", ">": "<", "<": ">", "==": "==", "!=": "!="}


def linear(part: Part) -> Linear:
    """A side of a comparison as a × score + b, or None when it reads anything else."""
    match part:
        case Value(value) if isinstance(value, int) and not isinstance(value, bool):
            return 0, value
        case Builtin("score"):
            return 1, 0
        case Negate(operand):
            inner = linear(operand)
            return None if inner is None else (-inner[0], -inner[1])
        case Arith(op, left, right):
            a, b = linear(left), linear(right)
            if a is None or b is None:
                return None
            sign = 1 if op == "+" else -1
            return a[0] + sign * b[0], a[1] + sign * b[1]
    return None


def reads_score(part: Part) -> bool:
    return any(isinstance(p, Builtin) and p.name == "score" for p in walk(part))


def turns(op: str, left: Linear, right: Linear) -> set[int]:
    """The scores s at which ``left op right`` answers otherwise than at s − 1 (both sides
    linear in the score)."""
    assert left is not None and right is not None
    a, b = left[0] - right[0], left[1] - right[1]   # the comparison is: a × score + b  op  0
    if a == 0:
        return set()
    if a < 0:
        a, b, op = -a, -b, _FLIPPED[op]
    # a × s + b >= 0  holds from s = ⌈−b / a⌉;  a × s + b > 0  from s = ⌊−b / a⌋ + 1;
    # < and <= are their negations, and change at the same score.
    if op in (">=", "<"):
        return {-(b // a)}          # ⌈−b / a⌉
    if op in (">", "<="):
        return {(-b) // a + 1}
    if b % a:
        return set()                # no whole score makes the two sides equal
    return {-b // a, -b // a + 1}


class ScoreBands(Values):
    """Holds mods' conditions to the grade's bands (and warns of the story's exact ones)."""

    def check(self, home: Jurisdiction, jurisdictions: dict[str, Jurisdiction], storys: set[str]) -> None:
        """``storys`` are the jurisdictions the story itself defines (the rest are mods')."""
        # The lowest grade holds every score below its own threshold too, so that one is no
        # boundary: asking it would split the lowest grade in two.
        boundaries = {threshold for _, threshold in home.grades[:-1]}
        said = ", ".join(f"{grade} {threshold:,}" for grade, threshold in home.grades[:-1])
        # A city a mod defines that counts the home city's record has grades of the mod's
        # drawing: drawn a point apart over the home's own rules, they would be the score.
        mirrors = {jid for jid, j in jurisdictions.items() if jid not in storys}
        for condition, node in self.gathered.conditions:
            in_mod = self.gathered.in_mod(node) is not None
            if in_mod and mirrors and "grade_" in condition.source:
                self.mirrored(condition, node, home, jurisdictions, mirrors)
            if "score" not in condition.source:
                continue
            for part in walk(condition.tree):
                if not isinstance(part, Compare) or not reads_score(part):
                    continue
                if in_mod:
                    self.band(condition, node, part, boundaries, home.name, said)
                elif part.op in ("==", "!="):
                    self.warn(node, f"in condition: 'score {part.op} …' tests one exact score; a chain of them "
                                    "can spell the hidden score out to the player. Compare with < or >=")

    def mirrored(self, condition: Condition, node: Node, home: Jurisdiction,
                 jurisdictions: dict[str, Jurisdiction], mirrors: set[str]) -> None:
        for part in walk(condition.tree):
            if not isinstance(part, Ask) or part.question not in ("grade_in", "grade_if_home") \
                    or part.subject not in mirrors:
                continue
            own = jurisdictions[part.subject]
            if part.question == "grade_in" and not own.cities & home.cities:
                continue    # its own cities' record only: nothing of the home's score
            self.error(node, f"in condition: {part.question}({part.subject}) is a grade this mod draws over "
                             f"{home.name}'s own record, with thresholds of its choosing that could spell the "
                             f"hidden score out; a mod's conditions may ask grade_if_home only of the story's "
                             f"cities, and grade_in of its own only if they count none of {home.name}'s cities "
                             "(the debrief still scores the life under it)",
                       0 if "\n" in condition.source else part.offset + (1 if node.quoted else 0))

    def band(self, condition: Condition, node: Node, part: Compare, boundaries: set[int], city: str,
             said: str) -> None:
        offset = self.offset(condition, node, part)
        left, right = linear(part.left), linear(part.right)
        rule = (f"a mod may ask the hidden score only at {city}'s grade boundaries ({said}), where it tells "
                "no more than the grade; ask the grade instead (grade >= \"AA\")")
        if left is None or right is None:
            self.error(node, "in condition: compares the score with something play can change, which could "
                             f"move one step at a time and spell the score out; {rule}", offset)
            return
        for score in sorted(turns(part.op, left, right) - boundaries):
            self.error(node, f"in condition: tells a score of {score:,} from one of {score - 1:,}, which no grade "
                             f"does; {rule}", offset)

    @staticmethod
    def offset(condition: Condition, node: Node, part: Compare) -> int:
        """Where the comparison starts in the line as written (a condition over several lines
        is pointed at as a whole)."""
        if "\n" in condition.source:
            return 0
        return start_of(part) + (1 if node.quoted else 0)
