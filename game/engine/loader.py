"""Loading a story folder (and its mods) into a checked, immutable Story.

The loader never lets an exception reach a writer: every mistake becomes a Problem with the
file, line and column to look at, and all of them are reported together. This module is the
front door; the phases themselves live in ``discovery`` and the ``loading`` package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .discovery import (  # noqa: F401  (the limits are read, and tried lower, by name here)
    MAX_FILES, MAX_FOLDER_BYTES, MAX_FOLDER_NODES, MAX_TOTAL_BYTES, MAX_TOTAL_NODES, is_mod_folder,
)
from .loading.additions import EXTEND_KEYS  # noqa: F401
from .loading.build import check_files
from .loading.effects import EFFECT_BUILDERS, EFFECTS  # noqa: F401
from .loading.header import STORY_KEYS, Header  # noqa: F401
from .loading.jurisdictions import ADDITION_KEYS, JURISDICTION_KEYS  # noqa: F401
from .loading.passages import PASSAGE_KEYS, THREAD_KEYS, normalise_prose  # noqa: F401
from .loading.sections import MOD_KEYS, SECTIONS  # noqa: F401
from .loading.values import ID, ONE_LINE  # noqa: F401
from .problems import Problem, StoryError
from .story import Story

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
