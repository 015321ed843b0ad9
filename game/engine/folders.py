"""Walking a story or mod folder to find what is in it, without trusting its shape.

A folder arrives from anyone: a mod unpacked from an archive can nest a thousand folders
deep or hold a million files. The walk keeps its own list of folders still to look in (no
recursion, so no depth can exhaust Python's stack), goes no deeper than ``MAX_DEPTH``
folders below the one it was given, looks at no more than ``MAX_ENTRIES`` names in all, and
never follows a link to a folder. Folders whose names start with a dot (a ``.git``, an
editor's backups) are not part of a story and are not looked in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: Folders a story file may sit below its story or mod folder. A story groups its files by
#: chapter or place, one or two levels deep; thirty-two leaves room for any plan.
MAX_DEPTH = 32
#: Names (files and folders) one walk looks at: ten times the files a story may have, so
#: the folder's pictures and notes fit beside its story files.
MAX_ENTRIES = 20_000


@dataclass
class Walk:
    """What a walk found: every path under the folder (in no set order), and where it
    stopped early, if it did: the first folder too deep to enter, and the first name past
    the count (then the paths stop short of the folder's whole content)."""

    paths: list[Path] = field(default_factory=list)
    too_deep: Path | None = None
    too_many: Path | None = None


def walk(root: Path, max_depth: int = MAX_DEPTH, max_entries: int = MAX_ENTRIES) -> Walk:
    """Every file and folder under ``root``, within the limits (see the module's notes).

    A folder that cannot be listed is passed over, as if empty: the files the loader cannot
    read are the ones it reports, where it tries them."""
    found = Walk()
    pending: list[tuple[Path, int]] = [(Path(root), 0)]
    looked_at = 0
    while pending:
        folder, depth = pending.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    looked_at += 1
                    path = folder / entry.name
                    if looked_at > max_entries:
                        found.too_many = path
                        return found
                    found.paths.append(path)
                    if entry.name.startswith(".") or not _is_folder(entry):
                        continue
                    if depth + 1 > max_depth:
                        found.too_deep = found.too_deep or path
                        continue
                    pending.append((path, depth + 1))
        except OSError:
            continue
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    """A real folder: a link to one is never entered, wherever it leads."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
