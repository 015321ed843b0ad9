"""Loading a story folder (and its mods) into a checked, immutable Story.

The loader never lets an exception reach a writer: every mistake becomes a Problem with the
file, line and column to look at, and all of them are reported together. This module is the
front door; the phases themselves live in ``discovery`` and the ``loading`` package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from .discovery import (  # noqa: F401  (the limits are read, and tried lower, by name here)
    MAX_FILES, MAX_FOLDER_BYTES, MAX_FOLDER_NODES, MAX_TOTAL_BYTES, MAX_TOTAL_NODES, is_mod_folder,
)
from .fingerprint import Fingerprint
from .problems import Problem, StoryError
from .story import Story

if TYPE_CHECKING:
    from .loading.header import Header

# The phases' own names, read here by the tools and the tests. The phases are imported when
# a story is read from its files, or when one of these is first asked for: a game opening
# from its compiled story imports neither them nor PyYAML.
_PHASE_NAMES = {
    "EXTEND_KEYS": "additions", "EFFECT_BUILDERS": "effects", "EFFECTS": "effects", "STORY_KEYS": "header",
    "Header": "header", "ADDITION_KEYS": "jurisdictions", "JURISDICTION_KEYS": "jurisdictions",
    "PASSAGE_KEYS": "passages", "THREAD_KEYS": "passages", "normalise_prose": "passages", "MOD_KEYS": "sections",
    "SECTIONS": "sections", "ID": "values", "ONE_LINE": "values",
}


def __getattr__(name: str) -> Any:
    phase = _PHASE_NAMES.get(name)
    if phase is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".loading.{phase}", __package__), name)
    globals()[name] = value
    return value


def check_files(root: Path, mods: Sequence[Path] = (),
                fingerprint: Fingerprint | None = None) -> tuple[Story | None, list[Problem]]:
    """Read and check the story's files (``loading.build`` does, imported only now)."""
    from .loading.build import check_files as check

    return check(root, mods, fingerprint)


__all__ = ["Header", "check_story", "is_mod_folder", "load_story", "normalise_prose"]


def load_story(root: Path, mods: Sequence[Path] = (), cache: Path | None = None) -> Story:
    """Load and check a story folder and its mods.

    Returns the Story (its ``warnings`` hold doubts that do not stop play). Raises StoryError
    listing every problem when there is any error. ``cache`` is as for :func:`check_story`.
    """
    story, problems = check_story(root, mods, cache)
    if story is None or any(p.is_error for p in problems):
        raise StoryError(problems)
    return story


def check_story(root: Path, mods: Sequence[Path] = (),
                cache: Path | None = None) -> tuple[Story | None, list[Problem]]:
    """Load a story and return it (None if it has errors) with every problem found.

    With a ``cache`` folder (the game's is ``game.paths.cache_dir()``), a story whose files
    have not changed since it last loaded is read from the copy compiled there instead, and a
    story that loads is kept there; without one, the files are always read."""
    if cache is not None:
        from . import compiled

        return compiled.check_cached(Path(root), [Path(m) for m in mods], Path(cache), check_files)
    return check_files(root, mods)
