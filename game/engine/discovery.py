"""Discovery and budgets, the loader's first phase: which files a story or mod folder holds,
whether a folder is a mod, and what reading them all may cost.

Nothing here parses a story: it decides what will be read and how much of it may be, so the
loader, the compiled-story cache (which fingerprints the same files) and the tools agree.
"""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import folders
from .located import MAX_BYTES
from .problems import Problem

# What a story, a mod, and all of them together may cost to read. An honest passage is about
# fifty values and 1,800 bytes, so a story of 20,000 passages (36 MB, about a million values)
# loads with room to spare; a mod is an addition, a tenth of that. Past a limit, reading
# stops at the file that passed it, and the error says which limit and how to split.
MAX_FILES = {False: 2_000, True: 200}
MAX_FOLDER_BYTES = {False: 64 * 1024 * 1024, True: 8 * 1024 * 1024}
MAX_FOLDER_NODES = {False: 2_000_000, True: 250_000}
MAX_TOTAL_BYTES = 96 * 1024 * 1024
MAX_TOTAL_NODES = 3_000_000

@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while a story is read. Reading makes up to a million
    small values that all live until the story is built, and none of them in a cycle: each
    pass of the collector walked them all again and found nothing, and took more than half of
    the time a large story took to load."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def shown_path(path: Path) -> str:
    """A path as a writer wants to read it: relative to where they are, when that is shorter."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def story_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a story folder, in a stable order; links leading outside are refused,
    and so is a folder nested too deep or holding too much (see ``folders``)."""
    problems: list[Problem] = []
    if root.is_file():
        return [root], problems
    if not root.is_dir():
        return [], [Problem(shown_path(root), 1, 1, "no such story folder")]
    base = root.resolve()
    files: list[Path] = []
    found = folders.walk(root)
    if found.too_deep is not None:
        problems.append(Problem(shown_path(found.too_deep), 1, 1,
                                f"folder nested deeper than {folders.MAX_DEPTH} levels; nothing in it is read: "
                                "move its files up"))
    if found.too_many is not None:
        problems.append(Problem(shown_path(root), 1, 1,
                                f"folder holds more than {folders.MAX_ENTRIES:,} files and folders; the rest "
                                "are not read: keep only the story's files in it"))
    for path in sorted(found.paths):
        if path.suffix == ".yml":
            problems.append(Problem(shown_path(path), 1, 1, "ignored: story files end in .yaml", "warning"))
            continue
        if path.suffix != ".yaml" or not path.is_file():
            continue
        real = path.resolve()
        if real != base and base not in real.parents:
            problems.append(Problem(shown_path(path), 1, 1, "links to a file outside the story folder; refused"))
            continue
        files.append(path)
    if not files and found.too_many is None:
        problems.append(Problem(shown_path(root), 1, 1, "no .yaml files in this folder"))
    return files, problems


_MOD_SECTION = re.compile(rb"^mod[ \t]*:", re.M)


def is_mod_folder(path: Path) -> bool:
    """Whether a folder is a mod: one of its story files has a top-level 'mod:' section."""
    files, _ = story_files(Path(path))
    for file in files if Path(path).is_dir() else []:
        try:
            with file.open("rb") as handle:
                head = handle.read(MAX_BYTES)
        except OSError:
            continue
        if _MOD_SECTION.search(head):
            return True
    return False
