"""Problems found in story files, each tied to the place a writer must look."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or doubt) in a story file, printed as ``path:line:col: severity: message``."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class StoryError(Exception):
    """The story could not be loaded; ``problems`` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = sum(1 for p in self.problems if p.is_error)
        super().__init__(f"{errors} error(s) in the story")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def closest(name: str, known: object) -> str:
    """A ' (did you mean ...?)' suffix naming the known name closest to ``name``, or ''."""
    import difflib

    # Short names differ by a larger share when one letter is wrong, so they get more slack.
    cutoff = 0.6 if len(name) <= 4 else 0.75
    matches = difflib.get_close_matches(name, sorted(str(k) for k in known), n=1, cutoff=cutoff)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
