"""Whose problem is it: the mod's being checked, or the story's it is played on.

A modder who runs ``check mods/my_mod`` wants their own mistakes; the story's own doubts (the
shipped season has a handful) would drown them. So a problem written in a mod's files is the
mod's; one written in the story's files is the mod's too when the story alone does not have
it (a passage the mod made unreachable, a variant it can never show now); the rest are the
story's own, kept apart for whoever asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..engine import Problem


@dataclass
class Whose:
    """A check's problems sorted by whose they are."""

    mods: list[Problem] = field(default_factory=list)
    story: list[Problem] = field(default_factory=list)

    @property
    def story_errors(self) -> list[Problem]:
        return [p for p in self.story if p.is_error]

    @property
    def story_warnings(self) -> list[Problem]:
        return [p for p in self.story if not p.is_error]


def in_folder(problem: Problem, folder: Path) -> bool:
    """Whether a problem is written in a file inside ``folder`` (the path as check shows it:
    relative to where the command runs, or whole)."""
    try:
        Path(problem.path).resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def sorted_by_owner(problems: Iterable[Problem], mods: Sequence[Path],
                    story_alone: Iterable[Problem]) -> Whose:
    """The problems of a story checked with ``mods``, given what the story alone reports."""
    own = {(p.path, p.line, p.col, p.message) for p in story_alone}
    whose = Whose()
    for problem in sorted(set(problems)):
        if any(in_folder(problem, mod) for mod in mods):
            whose.mods.append(problem)
        elif (problem.path, problem.line, problem.col, problem.message) in own:
            whose.story.append(problem)
        else:
            whose.mods.append(problem)     # the story is fine alone: the mods brought it
    return whose
