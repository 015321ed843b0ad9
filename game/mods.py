"""Mods the player has installed, and which of them a game is played with.

Pure Python (no pygame).  A mod is installed by putting its folder in ``mods/`` beside the
story or in ``<data>/mods/`` (the player's own data folder, see :func:`game.paths.data_dir`).
A folder counts as a mod when one of its ``*.yaml`` files has a top-level ``mod:`` section
(``game.engine.discovery.is_mod_folder`` says so, for this list and for ``check`` alike);
its name, description and author are read from there, with the same guarded reader the story
uses, so a listing never runs or trusts anything in the files.  Which mods are on is kept in
the settings by each mod's key (its folder's name); mods named on the command line are on
for that run whatever the settings say.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Literal, Sequence

from game import shipped
from game.engine import Problem, Story, check_story
from game.engine.discovery import mod_section_files, story_files
from game.engine.located import read_yaml
from game.paths import story_cache
from game.settings import MOD_KEY

#: Folders looked at in one place: a listing stays quick whatever is dropped there.
MAX_MODS = 64
#: Files of a folder with no ``mod:`` section read to say which of them is broken, if any.
MAX_FILES_LOOKED_AT = 20
#: What a key may look like (the folder names the settings can remember).
KEY = MOD_KEY


@dataclass(frozen=True)
class InstalledMod:
    """One mod folder found on disk.

    ``key`` is what the settings remember it by; ``shipped`` tells a mod that came with the
    game from one the player added; ``problem`` says why it cannot be turned on (then the
    rest may be empty); ``changes`` are what of the story itself it declares it changes (the
    names its mod sections list under ``changes``: the loader refuses a change not among them).
    """

    key: str
    folder: Path
    name: str
    description: str = ""
    author: str = ""
    shipped: bool = False
    problem: str | None = None
    changes: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class ModRecord:
    """A mod as a save remembers it: its key, and the name to tell the player."""

    key: str
    name: str

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "name": self.name}


def mod_folders(story_dir: Path, data: Path) -> list[tuple[Path, bool]]:
    """Where installed mods are looked for, each with whether it is the game's own: the
    shipped ``mods/`` for the shipped story (inside the package once installed), ``mods/``
    beside any other story folder, and the player's own ``<data>/mods``."""
    beside = Path(story_dir).parent / "mods"
    if Path(story_dir).resolve() == shipped.story().resolve():
        beside = shipped.mods()
    return [(beside, True), (Path(data) / "mods", False)]


class Described:
    """What each installed mod's files said about it, kept in the cache folder between starts
    under a digest of the files' names and bytes (and of the game that read them), so a start
    with the same mods reads no YAML to list them. Like the compiled story, it is an
    optimisation only: anything in it that does not read back exactly is ignored."""

    FILE = "mods-described.json"
    MAX_ENTRIES = 2 * MAX_MODS
    MAX_BYTES = 1024 * 1024

    def __init__(self, path: Path | None, entries: dict[str, list]) -> None:
        self.path = path
        self.entries = entries
        self.used: dict[str, list] = {}
        self.changed = False

    @classmethod
    def kept_in(cls, folder: Path) -> "Described":
        from game.jsonfile import Unreadable, read_json

        path = Path(folder) / cls.FILE
        try:
            data = read_json(path, max_bytes=cls.MAX_BYTES)
        except (OSError, ValueError, Unreadable):
            data = {}
        entries = {}
        if isinstance(data, dict):
            for key, entry in data.items():
                if type(entry) is list and len(entry) == 5 and all(type(v) is str for v in entry[:3]) \
                        and (entry[3] is None or type(entry[3]) is str) \
                        and type(entry[4]) is list and all(type(v) is str for v in entry[4]):
                    entries[key] = entry
        return cls(path, entries)

    def describe(self, key: str, folder: Path, files: list[Path], shipped: bool) -> InstalledMod:
        from game.engine.compiled import fingerprint
        from game.engine.located import read_bounded

        digest = fingerprint()
        digest.folder(key, True)
        for path in files:
            data, refusal = read_bounded(path, str(path))
            digest.file(str(path), data, str(refusal or ""))
        slot = digest.hexdigest()
        entry = self.entries.get(slot)
        if entry is not None:
            self.used[slot] = entry
            return InstalledMod(key, folder, entry[0], entry[1], entry[2], shipped, entry[3], tuple(entry[4]))
        mod = _read_description(key, folder, files, shipped)
        self.used[slot] = [mod.name, mod.description, mod.author, mod.problem, list(mod.changes)]
        self.changed = True
        return mod

    def keep(self) -> None:
        """Write what this listing read, with the entries it did not use after it, if anything
        is new; a cache folder that cannot be written costs only time."""
        if not self.changed or self.path is None:
            return
        kept = dict(self.used)
        for slot, entry in self.entries.items():
            if len(kept) >= self.MAX_ENTRIES:
                break
            kept.setdefault(slot, entry)
        from game.jsonfile import write_json_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json_atomic(self.path, kept)
        except (OSError, ValueError):
            pass


def describe(folder: Path, shipped: bool = False, known: Described | None = None) -> InstalledMod:
    """What the ``mod:`` section of ``folder`` says about it.  Never raises.  With ``known``
    (what earlier starts read), files whose bytes were described before are not read again."""
    key = folder.name
    if not KEY.match(key):
        return InstalledMod(key, folder, key, shipped=shipped,
                            problem="its folder name must be letters, digits, '_', '-' or '.'")
    try:
        # Whether it is a mod at all is discovery's to say, as it says it to the loader and check.
        found = mod_section_files(folder)
        files = found or story_files(folder)[0][:MAX_FILES_LOOKED_AT]
    except OSError as exc:
        return InstalledMod(key, folder, key, shipped=shipped, problem=f"cannot be read: {exc.strerror or exc}")
    if known is None:
        return _read_description(key, folder, files, shipped)
    return known.describe(key, folder, files, shipped)


def _read_description(key: str, folder: Path, files: list[Path], shipped: bool) -> InstalledMod:
    unreadable = None
    described: InstalledMod | None = None
    changes: list[str] = []
    for path in files:
        node, problems = read_yaml(path, str(path))
        if node is None or not isinstance(node.value, dict) or "mod" not in node.value:
            unreadable = unreadable or next((p for p in problems if p.is_error), None)
            continue
        section = node.value["mod"].plain()
        if not isinstance(section, dict):
            return InstalledMod(key, folder, key, shipped=shipped, problem=f"{path.name}: 'mod' is not a section")
        # The first section names the mod; what it changes may be declared in any of them,
        # and all of it is told.
        described = described or InstalledMod(key, folder, _text(section.get("name")) or key,
                                               _text(section.get("description")), _text(section.get("author")),
                                               shipped)
        declared = section.get("changes")
        for name in declared if isinstance(declared, list) else [declared]:
            if isinstance(name, str) and name not in changes:
                changes.append(name)
    if described is not None:
        return replace(described, changes=tuple(changes))
    if unreadable is not None:
        # A broken file may be the one meant to hold the section: say what is wrong with it.
        problem = f"{Path(unreadable.path).name}:{unreadable.line}:{unreadable.col}: {unreadable.message}"
        return InstalledMod(key, folder, key, shipped=shipped, problem=problem)
    return InstalledMod(key, folder, key, shipped=shipped, problem="no file of it has a 'mod:' section")


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def find_installed(story_dir: Path, data: Path, cache: Path | None = None) -> list[InstalledMod]:
    """Every mod installed for the story in ``story_dir``: the game's own first, then the
    player's, each in name order.  A key found twice keeps the first; the second is listed
    with a problem, so the player sees why it cannot be turned on.  With a ``cache`` folder,
    what the mods' files said is kept there, and a mod whose files are unchanged is described
    without reading them as YAML again."""
    known = Described.kept_in(cache) if cache is not None else None
    try:
        return _find_installed(story_dir, data, known)
    finally:
        if known is not None:
            known.keep()


def _find_installed(story_dir: Path, data: Path, known: Described | None) -> list[InstalledMod]:
    found: list[InstalledMod] = []
    seen: dict[str, Path] = {}
    for place, own in mod_folders(story_dir, data):
        try:
            folders = sorted(p for p in place.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            continue
        for folder in folders[:MAX_MODS]:
            mod = describe(folder, own, known)
            if mod.key in seen and mod.usable:
                mod = replace(mod, shipped=own,
                              problem=f"another mod is installed under the same folder name ({seen[mod.key]})")
            seen.setdefault(mod.key, folder)
            found.append(mod)
    return found


@dataclass
class Loadout:
    """The story and the mods a game is played with.

    ``given`` are mod folders named on the command line (always on); ``enabled`` are the keys
    of installed mods the player turned on; ``cache`` is where the compiled story is kept
    between starts (None: read from the files every time).
    """

    story_dir: Path
    installed: list[InstalledMod]
    enabled: tuple[str, ...] = ()
    given: tuple[Path, ...] = ()
    cache: Path | None = None

    def is_on(self, mod: InstalledMod) -> bool:
        return mod.usable and (mod.key in self.enabled or self._given(mod))

    def is_given(self, mod: InstalledMod) -> bool:
        """Named on the command line: on for this run, and not the settings' to turn off."""
        return self._given(mod)

    def _given(self, mod: InstalledMod) -> bool:
        return any(_same(mod.folder, g) for g in self.given)

    def folders(self) -> list[Path]:
        """The mod folders to load, installed ones first, each once."""
        chosen = [m.folder for m in self.installed if m.usable and m.key in self.enabled]
        for folder in self.given:
            if not any(_same(folder, c) for c in chosen):
                chosen.append(folder)
        return chosen

    def records(self) -> list[ModRecord]:
        """The mods on, as a save records them."""
        named = {m.folder.resolve(): m for m in self.installed}
        records = []
        for folder in self.folders():
            mod = named.get(folder.resolve()) or describe(folder)
            records.append(ModRecord(mod.key, mod.name))
        return records

    def with_enabled(self, keys: Iterable[str]) -> "Loadout":
        return Loadout(self.story_dir, self.installed, tuple(keys), self.given, self.cache)

    def watched(self) -> list[Path]:
        """The folders whose files make the story: what ``--watch`` looks at."""
        return [self.story_dir, *self.folders()]

    def load(self) -> tuple[Story | None, list[Problem]]:
        """Check the story with these mods: the story (None if it has errors) and every problem."""
        return check_story(self.story_dir, self.folders(), self.cache)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def recorded(data: object) -> list[ModRecord]:
    """The mods a save says it was made with; anything malformed in it is skipped."""
    if not isinstance(data, list):
        return []
    records = []
    for item in data[:MAX_MODS]:
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            name = item.get("name")
            records.append(ModRecord(item["key"], name if isinstance(name, str) and name else item["key"]))
    return records


def missing(saved_with: Sequence[ModRecord], on_now: Sequence[ModRecord]) -> list[ModRecord]:
    """The mods a save was made with that are not on now."""
    now = {r.key for r in on_now}
    return [r for r in saved_with if r.key not in now]


def named(records: Sequence[ModRecord]) -> str:
    """Mods as a sentence names them: 'A', 'A and B', 'A, B and C'."""
    names = [f"‘{r.name}’" for r in records]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: Stands for the folder play keeps compiled stories in, as ``game.paths.story_cache`` says.
PLAYS_CACHE = "play's cache"


def first_load(story_dir: Path, given: Sequence[Path], enabled: Sequence[str], data: Path,
               cache: Path | None | Literal["play's cache"] = PLAYS_CACHE,
               ) -> tuple[Loadout, Story | None, list[Problem], list[Problem]]:
    """The loadout a game opens with, its story (None if even the story and the mods named on
    the command line have errors), their problems, and the problems of the installed mods the
    player turned on when those kept the story from loading: the game then opens without them
    (the settings keep them on, so a fixed mod is back next time). ``cache`` is where the
    compiled story is kept (None: nowhere); by default, where play keeps it."""
    folder = story_cache() if cache == PLAYS_CACHE else cache
    chosen = Loadout(Path(story_dir), find_installed(story_dir, data, folder), tuple(enabled), tuple(given),
                     folder)  # type: ignore[arg-type]
    story, problems = chosen.load()
    if story is not None or not chosen.enabled:
        return chosen, story, problems, []
    bare = chosen.with_enabled(())
    story, bare_problems = bare.load()
    if story is None:
        return bare, None, bare_problems, []
    return bare, story, bare_problems, problems
