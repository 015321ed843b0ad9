"""Loading a story with mods when some of the mods are broken: each broken mod is left out on
its own, with its problems, and the story loads with the others.

A mod is broken when the story does not load with it: an error in one of its files, or a
clash with a mod read before it (a clash is reported in the later mod's file, so the mod read
first keeps its place). The innocent mods are never turned off for another's mistake: a mod
whose only fault was to clash with a mod that is broken anyway (one that changes the story
without declaring it, say) is taken back once that mod is left out."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .loader import check_story
from .problems import Problem
from .story import Story


@dataclass(frozen=True)
class BrokenMod:
    """A mod left out of the story, and the problems found in its files when it was tried."""

    folder: Path
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def _inside(path: str, folder: Path) -> bool:
    """Whether a problem's path (as shown, perhaps relative to where the game runs) lies in ``folder``."""
    try:
        return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == os.path.abspath(folder)
    except ValueError:  # another drive on Windows
        return False


def whose(problems: Sequence[Problem], mods: Sequence[Path]) -> dict[Path, list[Problem]]:
    """The problems located in each mod's files, by mod; a problem in none of them is left out."""
    found: dict[Path, list[Problem]] = {}
    for problem in problems:
        for mod in mods:
            if _inside(problem.path, mod):
                found.setdefault(mod, []).append(problem)
                break
    return found


def check_leaving_out_broken(root: Path, mods: Sequence[Path], cache: Path | None = None,
                             ) -> tuple[Story | None, list[Problem], list[BrokenMod]]:
    """The story with every mod that loads, its problems, and each mod left out for its own.

    The story is None only when it does not load even with no mod at all; then every problem
    is given back and no mod is called broken."""
    mods = [Path(m) for m in mods]
    story, problems = check_story(root, mods, cache)
    if story is not None or not mods:
        return story, problems, []
    broken: dict[Path, list[Problem]] = {}
    kept = list(mods)
    while True:
        blamed = {mod: found for mod, found in whose(problems, kept).items() if any(p.is_error for p in found)}
        if not blamed:
            break
        broken.update(blamed)
        kept = [mod for mod in kept if mod not in blamed]
        story, problems = check_story(root, kept, cache)
        if story is not None:
            story, problems, kept = _taken_back(root, mods, kept, broken, story, problems, cache)
            return story, problems, [BrokenMod(m, tuple(broken[m])) for m in mods if m in broken]
    # What is wrong lies outside every mod still kept: the story alone, or a mod whose mistake
    # shows in the story's files. The story alone says which; then the mods are added one at a
    # time, in order, each kept if the story still loads with it.
    alone, alone_problems = check_story(root, [], cache)
    if alone is None:
        return None, alone_problems, []
    story, problems, loaded = alone, alone_problems, []
    for mod in kept:
        tried, tried_problems = check_story(root, [*loaded, mod], cache)
        if tried is None:
            broken[mod] = [p for p in tried_problems if p.is_error and p not in alone_problems]
            continue
        loaded.append(mod)
        story, problems = tried, tried_problems
    return story, problems, [BrokenMod(m, tuple(broken[m])) for m in mods if m in broken]


def _taken_back(root: Path, mods: list[Path], kept: list[Path], broken: dict[Path, list[Problem]],
                story: Story, problems: list[Problem], cache: Path | None,
                ) -> tuple[Story, list[Problem], list[Path]]:
    """Try each mod left out again, in order, with the mods that load: one whose errors were
    another left-out mod's doing — a clash with a rule that mod had no right to set — loads
    once that mod is gone, and is taken back. The rest stay out, with the problems they were
    left out for."""
    for mod in [m for m in mods if m in broken]:
        trying = [m for m in mods if m in kept or m == mod]
        tried, tried_problems = check_story(root, trying, cache)
        if tried is not None:
            del broken[mod]
            kept, story, problems = trying, tried, tried_problems
    return story, problems, kept
