"""A mod's own part of a story: the passages its files define, and the hooks by which a
player enters them — the passages of the story its ``extend`` sections add to.

``test --mod-only`` searches from the hooks and stays within these, so a modder's test
tries the mod's choices and conditions without searching the whole season around them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..engine import Story
from ..engine.located import read_yaml
from .map import mod_files_of


@dataclass(frozen=True)
class ModPart:
    """The passages a mod's files define, and the passages of the story it hooks into."""

    passages: frozenset[str]
    hooks: tuple[str, ...]
    #: The mods' files, as the story's places name them.
    files: frozenset[str] = frozenset()

    @property
    def scope(self) -> frozenset[str]:
        """Where a search of the mod goes: its own passages, and the hooks it comes back to."""
        return self.passages | frozenset(self.hooks)


def mod_part(story: Story, mods: Iterable[Path]) -> ModPart:
    """What of ``story`` the mod folders ``mods`` wrote: read from the passages' places and,
    for the hooks, from the ``extend`` sections of the mods' own files."""
    folders = list(mods)
    shown = mod_files_of(story, folders)
    own = frozenset(pid for pid, passage in story.passages.items() if passage.where.path in shown)
    hooks: dict[str, None] = {}
    resolved = [Path(m).resolve() for m in folders]
    for file in story.files:
        path = Path(file)
        if not any(folder == path.resolve() or folder in path.resolve().parents for folder in resolved):
            continue
        root, _ = read_yaml(path, str(path))
        if root is None or not isinstance(root.value, dict):
            continue
        extend = root.value.get("extend")
        if extend is not None and isinstance(extend.value, dict):
            for name in extend.value:
                # A mod extends a passage by its id, or by a hook or an old id standing for one.
                pid = story.passage_named(name) if isinstance(name, str) else name
                if pid in story.passages and pid not in own:
                    hooks.setdefault(pid, None)
    return ModPart(own, tuple(hooks), frozenset(shown))
