"""Discovery and budgets, the loader's first phase: which files a story or mod folder holds,
whether a folder is a mod, and what reading them all may cost.

Nothing here builds a story: it decides what will be read and how much of it may be, and
reads it into located YAML values within those limits, so the loader, the compiled-story
cache (which fingerprints the same files), the mods list and the tools agree.
"""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import folders
from .fingerprint import Fingerprint
from .located import MAX_BYTES, Allowance, Node, parse_yaml, read_bounded
from .problems import Problem, Severity

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
            problems.append(Problem(shown_path(path), 1, 1, "ignored: story files end in .yaml", Severity.WARNING))
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
    """Whether a folder is a mod: one of its story files has a top-level 'mod:' section.
    The one answer to the question: the mods list and check both ask it here."""
    return mod_section_file(path) is not None


def mod_section_file(path: Path) -> Path | None:
    """The first of a folder's story files with a top-level 'mod:' section, if it has one.

    Only the files a mod may have are looked at, and each only as far as the reader would
    read it, so asking of a folder dropped in by anyone costs no more than loading it."""
    return next(_mod_section_files(path), None)


def mod_section_files(path: Path) -> list[Path]:
    """Every one of a folder's story files with a top-level 'mod:' section, in the order the
    loader reads them: what a mod declares it changes may be said in any of them."""
    return list(_mod_section_files(path))


def _mod_section_files(path: Path) -> Iterator[Path]:
    path = Path(path)
    if not path.is_dir():
        return
    files, _ = story_files(path)
    for file in files[:MAX_FILES[True]]:
        try:
            with file.open("rb") as handle:
                head = handle.read(MAX_BYTES)
        except OSError:
            continue
        if _MOD_SECTION.search(head):
            yield file


class Budget:
    """What the story and the mods read so far have left of the limits for all of them."""

    def __init__(self) -> None:
        self.bytes_left = MAX_TOTAL_BYTES
        self.nodes_left = MAX_TOTAL_NODES

    @property
    def nodes_read(self) -> int:
        return MAX_TOTAL_NODES - self.nodes_left

    def files_within(self, files: list[Path], is_mod: bool) -> Iterator[tuple[Path, str | None]]:
        """Each file in turn, its size taken from the bytes left, with None; until one would
        pass a limit, which comes with the limit it passes ("folder" or "total"), and no more.
        A file is weighed by its size before a byte of it is read."""
        folder_bytes = 0
        for path in files:
            try:
                size = path.stat().st_size
            except OSError:
                size = 0  # the reader says why it cannot be read
            folder_bytes += size
            if folder_bytes > MAX_FOLDER_BYTES[is_mod]:
                yield path, "folder"
                return
            if size > self.bytes_left:
                yield path, "total"
                return
            self.bytes_left -= size
            yield path, None

    def allowance(self, what: str, split: str, is_mod: bool) -> Allowance:
        """The values a folder's files may hold: its own limit, or what the total has left."""
        if MAX_FOLDER_NODES[is_mod] <= self.nodes_left:
            return Allowance(MAX_FOLDER_NODES[is_mod],
                             f"{what} holds more than {MAX_FOLDER_NODES[is_mod]:,} values (keys, texts, numbers, "
                             f"lists), its limit; reading stopped here: {split}")
        return Allowance(self.nodes_left, f"the story and its mods together hold more than {MAX_TOTAL_NODES:,} "
                                          "values (keys, texts, numbers, lists), the limit for all of them; "
                                          "reading stopped here: turn some mods off")


class FolderReading:
    """The files of one story or mod folder, each read and parsed in turn within the limits.

    Iterating gives each file read, by its path and its path as shown, with its root value
    (None when it could not be read or parsed); ``problems`` holds what was found on the way, and
    ``stopped`` says that a limit ended the reading before the last file. Every byte parsed
    is fed to ``fingerprint``, so a story kept under it is the story of exactly those bytes.
    """

    def __init__(self, root: Path, is_mod: bool, budget: Budget, fingerprint: Fingerprint,
                 problems: list[Problem]) -> None:
        self.root, self.is_mod, self.budget, self.fingerprint = root, is_mod, budget, fingerprint
        self.problems = problems
        self.stopped = False
        self.files: list[Path] = []

    @property
    def what(self) -> str:
        return f"the mod {shown_path(self.root)}" if self.is_mod else "the story"

    @property
    def split(self) -> str:
        """How to bring a folder that is too large back within its limits."""
        return ("split it into two mods" if self.is_mod else
                "move some of its chapters into a mod, which players turn on beside it")

    def __iter__(self) -> Iterator[tuple[Path, str, Node | None]]:
        root, is_mod, budget = self.root, self.is_mod, self.budget
        files, problems = story_files(root)
        self.fingerprint.folder(shown_path(root), is_mod)
        for problem in problems:
            self.fingerprint.problem(problem)
        self.problems.extend(problems)
        what, split = self.what, self.split
        if len(files) > MAX_FILES[is_mod]:
            self.problems.append(Problem(shown_path(files[MAX_FILES[is_mod]]), 1, 1,
                                         f"{what} has {len(files):,} files; the limit is {MAX_FILES[is_mod]:,}, "
                                         f"so this one and those after it are not read: join small files, or {split}"))
            files = files[:MAX_FILES[is_mod]]
        self.files = files
        allowance = budget.allowance(what, split, is_mod)
        for path, past in budget.files_within(files, is_mod):
            shown = shown_path(path)
            if past is not None:
                limit = (f"{what}'s files come to more than {MAX_FOLDER_BYTES[is_mod] // 2**20} MB, its limit"
                         if past == "folder" else
                         f"the story and its mods together come to more than {MAX_TOTAL_BYTES // 2**20} MB, "
                         "the limit for all of them")
                fix = split if past == "folder" else "turn some mods off"
                self.problems.append(Problem(shown, 1, 1, f"{limit}; this file and those after it are not "
                                                          f"read: {fix}"))
                self.stopped = True
                return
            before = allowance.nodes
            raw, refusal = read_bounded(path, shown)
            self.fingerprint.file(shown, raw, str(refusal or ""))
            node, problems = (None, [refusal] if refusal else []) if raw is None else parse_yaml(raw, shown, allowance)
            budget.nodes_left -= before - allowance.nodes
            self.problems.extend(problems)
            if allowance.nodes < 0:
                self.stopped = True
                yield path, shown, None
                return
            yield path, shown, node
