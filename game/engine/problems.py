"""Problems found in story files, each tied to the place a writer must look."""

from __future__ import annotations

from dataclasses import dataclass

from .named import StrEnum
from .printed import printed_name


class Severity(StrEnum):
    """How grave a problem is: an error stops the story loading, a warning is a doubt."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or doubt) in a story file, printed as ``path:line:col: severity: message``."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        # Made from a plain word too (a compiled story, an older caller): a word that names
        # no severity is refused here, not printed as one.
        object.__setattr__(self, "severity", Severity(self.severity))

    def __str__(self) -> str:
        # The path is a file name a mod's maker chose, and the message may quote it or a
        # story's words: neither may move the cursor, write the clipboard or start a line
        # that looks like another problem.
        return f"{printed_name(self.path)}:{self.line}:{self.col}: {self.severity}: {printed_name(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class StoryError(Exception):
    """The story could not be loaded; ``problems`` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = sum(1 for p in self.problems if p.is_error)
        super().__init__(f"{errors} error(s) in the story")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


#: A story with more unknown names than this is mostly mistakes: naming each one's nearest
#: neighbour would cost more than the writer gains, so suggestions stop here.
MAX_SUGGESTIONS = 50
#: How many known names, at most, one suggestion compares closely.
MAX_CANDIDATES = 40


def closest(name: str, known: object) -> str:
    """A ' (did you mean ...?)' suffix naming the known name closest to ``name``, or ''.

    The close comparison is costly, so it sees only names of about the same length, and of
    those the few that share the most letters at either end with ``name``.
    """
    import difflib
    import heapq

    name = str(name)
    slack = max(2, len(name) // 3)
    candidates = sorted(k for k in map(str, known) if abs(len(k) - len(name)) <= slack)  # type: ignore[call-overload]
    if len(candidates) > MAX_CANDIDATES:
        candidates = heapq.nlargest(MAX_CANDIDATES, candidates, key=lambda k: _shared_ends(name, k))
    # Short names differ by a larger share when one letter is wrong, so they get more slack.
    cutoff = 0.6 if len(name) <= 4 else 0.75
    matches = difflib.get_close_matches(name, candidates, n=1, cutoff=cutoff)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def _shared_ends(a: str, b: str) -> int:
    """How many letters two names share at the front and at the back."""
    front = 0
    for x, y in zip(a, b):
        if x != y:
            break
        front += 1
    back = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        back += 1
    return front + back


class Suggestions:
    """'Did you mean' for one reading of a story, up to MAX_SUGGESTIONS of them."""

    def __init__(self, budget: int = MAX_SUGGESTIONS) -> None:
        self.left = budget

    def __call__(self, name: str, known: object) -> str:
        if self.left <= 0:
            return ""
        self.left -= 1
        return closest(name, known)
