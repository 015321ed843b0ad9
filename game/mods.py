"""Mods the player has installed, and which of them a game is played with.

Pure Python (no pygame).  A mod is installed by putting its folder in ``mods/`` beside the
story or in ``<data>/mods/`` (the player's own data folder, see :func:`game.paths.data_dir`).
A folder counts as a mod when one of its ``*.yaml`` files has a top-level ``mod:`` section
(``game.engine.discovery.is_mod_folder`` says so, for this list and for ``check`` alike);
its name, description, author and version are read from there, with the same guarded reader
the story uses, so a listing never runs or trusts anything in the files.  Which mods are on is
kept in the settings by each mod's key (its folder's name); mods named on the command line are
on for that run whatever the settings say.

A mod is known by its ``mod:`` name and version, not by its folder: the same mod run with
``--mod DIR`` and installed under ``mods/`` is one mod, a save made with either loads with the
other, and a mod installed twice is listed once.  A broken mod is turned off on its own, with
its problems, and the game plays the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Literal, Sequence

from game import shipped
from game.engine import Problem, Story, check_story
from game.engine.broken_mods import BrokenMod, check_leaving_out_broken
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
    version: str = ""
    changes: tuple[str, ...] = ()

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def called(self) -> str:
        """The mod's name as compared: what tells one mod from another, whatever its folder."""
        return called(self.name)


def called(name: str) -> str:
    """A mod's name as mods are told apart by it: letter case and spacing aside."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class ModRecord:
    """A mod as a save remembers it: its key (the folder it was in), the name to tell the
    player, and its version ("" when it says none)."""

    key: str
    name: str
    version: str = ""

    def to_json(self) -> dict[str, str]:
        out = {"key": self.key, "name": self.name}
        if self.version:
            out["version"] = self.version
        return out

    def is_of(self, other: "ModRecord") -> bool:
        """Whether two records name the same mod: by its name, or, for a record that kept no
        name of its own (its name is its key), by the folder it was in."""
        if called(self.name) == called(other.name):
            return True
        return self.name == self.key and self.key == other.key

    @property
    def shown(self) -> str:
        return f"‘{self.name}’ {self.version}" if self.version else f"‘{self.name}’"


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
                if type(entry) is list and len(entry) == 6 and all(type(v) is str for v in entry[:3]) \
                        and (entry[3] is None or type(entry[3]) is str) and type(entry[4]) is str \
                        and type(entry[5]) is list and all(type(v) is str for v in entry[5]):
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
            return InstalledMod(key, folder, entry[0], entry[1], entry[2], shipped, entry[3], entry[4],
                                tuple(entry[5]))
        mod = _read_description(key, folder, files, shipped)
        self.used[slot] = [mod.name, mod.description, mod.author, mod.problem, mod.version, list(mod.changes)]
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
                                               shipped, version=_version(section.get("version")))
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


def _version(value: object) -> str:
    # 'version: 1.0' written bare is a number to YAML; the mod meant the words it wrote.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return _text(value)[:40]


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
    names: dict[str, Path] = {}
    for place, own in mod_folders(story_dir, data):
        try:
            folders = sorted(p for p in place.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            continue
        for folder in folders[:MAX_MODS]:
            mod = describe(folder, own, known)
            if mod.key in seen and mod.usable:
                mod = replace(mod, problem=f"another mod is installed under the same folder name ({seen[mod.key]})")
            elif mod.usable and mod.called in names:
                # Two copies of one mod would define everything twice; the first is the one played.
                mod = replace(mod, problem=f"it is installed already, as {names[mod.called]}")
            seen.setdefault(mod.key, folder)
            if mod.usable:
                names.setdefault(mod.called, folder)
            found.append(mod)
    return found


@dataclass
class Loadout:
    """The story and the mods a game is played with.

    ``given`` are mod folders named on the command line (always on); ``enabled`` are the keys
    of installed mods the player turned on; ``cache`` is where the compiled story is kept
    between starts (None: read from the files every time); ``broken`` are the mods left out of
    this run for their errors, each with its problems, by folder.
    """

    story_dir: Path
    installed: list[InstalledMod]
    enabled: tuple[str, ...] = ()
    given: tuple[Path, ...] = ()
    cache: Path | None = None
    broken: dict[Path, tuple[Problem, ...]] = field(default_factory=dict)
    #: What each folder's files say of the mod, read once a run (a folder named with --mod
    #: may be no installed mod).
    _descriptions: dict[str, InstalledMod] = field(default_factory=dict, init=False, repr=False, compare=False)

    def is_on(self, mod: InstalledMod) -> bool:
        return mod.usable and not self.is_broken(mod) and (mod.key in self.enabled or self._given(mod))

    def is_given(self, mod: InstalledMod) -> bool:
        """Named on the command line: on for this run, and not the settings' to turn off."""
        return self._given(mod)

    def is_broken(self, mod: InstalledMod) -> bool:
        """Chosen for this run, and left out of it for its errors."""
        return self.problems_of(mod) is not None

    def problems_of(self, mod: InstalledMod) -> tuple[Problem, ...] | None:
        """The problems a mod was left out for; None if it was not."""
        return next((found for folder, found in self.broken.items() if _same(folder, mod.folder)
                     or any(_same(folder, g) for g in self._copies_given(mod))), None)

    def _given(self, mod: InstalledMod) -> bool:
        return bool(self._copies_given(mod))

    def _copies_given(self, mod: InstalledMod) -> list[Path]:
        """The folders named with --mod that are this mod: the same folder, or a copy of it
        elsewhere (the same name, a modder's working copy)."""
        return [g for g in self.given if _same(mod.folder, g) or (mod.usable and self._called(g) == mod.called)]

    def _called(self, folder: Path) -> str:
        return called(self._described(folder).name)

    def _described(self, folder: Path) -> InstalledMod:
        key = str(folder)
        if key not in self._descriptions:
            self._descriptions[key] = next((m for m in self.installed if _same(m.folder, folder)), None) \
                or describe(folder)
        return self._descriptions[key]

    def chosen(self) -> list[Path]:
        """Every mod folder chosen for this run, installed ones first, each mod once: a mod
        named with --mod takes the place of its installed copy."""
        chosen = []
        for mod in self.installed:
            copies = self._copies_given(mod)
            if copies:
                chosen.append(copies[0])
            elif mod.usable and mod.key in self.enabled:
                chosen.append(mod.folder)
        for folder in self.given:
            if not any(_same(folder, c) for c in chosen):
                chosen.append(folder)
        return chosen

    def folders(self) -> list[Path]:
        """The mod folders to load: those chosen, less the ones left out for their errors."""
        return [f for f in self.chosen() if not any(_same(f, b) for b in self.broken)]

    def shown(self) -> list[InstalledMod]:
        """The mods the Mods screen lists: every installed one, then each folder named with
        --mod that is not installed."""
        extra = [self._described(g) for g in self.given
                 if not any(_same(m.folder, g) or (m.usable and m.called == self._called(g)) for m in self.installed)]
        return [*self.installed, *[replace(m, key=f"--mod {m.folder}") for m in extra]]

    def records(self) -> list[ModRecord]:
        """The mods on, as a save records them."""
        records = []
        for folder in self.folders():
            mod = self._described(folder)
            records.append(ModRecord(mod.key, mod.name, mod.version))
        return records

    def with_enabled(self, keys: Iterable[str]) -> "Loadout":
        """The same run with other installed mods turned on."""
        return Loadout(self.story_dir, self.installed, tuple(keys), self.given, self.cache, dict(self.broken))

    def trying(self, mod: InstalledMod) -> "Loadout":
        """The same run with ``mod`` tried again, if it was left out for its errors."""
        folders = [mod.folder, *self._copies_given(mod)]
        kept = {f: found for f, found in self.broken.items() if not any(_same(f, m) for m in folders)}
        return Loadout(self.story_dir, self.installed, self.enabled, self.given, self.cache, kept)

    def retried(self) -> "Loadout":
        """The same run with every mod left out for its errors tried again."""
        return Loadout(self.story_dir, self.installed, self.enabled, self.given, self.cache)

    def watched(self) -> list[Path]:
        """The folders whose files make the story: what ``--watch`` looks at (a mod left out
        for its errors too, so that its fix is seen)."""
        return [self.story_dir, *self.chosen()]

    def load(self) -> tuple[Story | None, list[Problem]]:
        """Check the story with these mods: the story (None if it has errors) and every problem."""
        return check_story(self.story_dir, self.folders(), self.cache)

    def load_each(self) -> tuple["Loadout", Story | None, list[Problem]]:
        """Check the story with every mod chosen, leaving out each broken one on its own: this
        run's loadout (with ``broken`` saying which, and why), the story (None only if it has
        errors with no mod at all) and the problems of the mods that loaded."""
        story, problems, broken = check_leaving_out_broken(self.story_dir, self.chosen(), self.cache)
        return _with_broken(self, broken), story, problems

    def turned_off(self) -> list[tuple[str, tuple[Problem, ...]]]:
        """Each mod left out of this run, by the name the player knows it by, with its problems."""
        return [(self._described(folder).name, found) for folder, found in self.broken.items()]


def _with_broken(loadout: Loadout, broken: Sequence[BrokenMod]) -> Loadout:
    return Loadout(loadout.story_dir, loadout.installed, loadout.enabled, loadout.given, loadout.cache,
                   {b.folder: b.problems for b in broken})


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
            name, version = item.get("name"), item.get("version")
            records.append(ModRecord(item["key"], name if isinstance(name, str) and name else item["key"],
                                     version if isinstance(version, str) else ""))
    return records


def missing(saved_with: Sequence[ModRecord], on_now: Sequence[ModRecord]) -> list[ModRecord]:
    """The mods a save was made with that are not on now, in any version: a mod is known by
    its name, not by the folder it was played from."""
    return [r for r in saved_with if not any(r.is_of(now) for now in on_now)]


def other_versions(saved_with: Sequence[ModRecord], on_now: Sequence[ModRecord]) -> list[tuple[ModRecord, ModRecord]]:
    """The mods a save was made with that are on now in another version: (as saved, as now)."""
    out = []
    for record in saved_with:
        now = next((n for n in on_now if record.is_of(n)), None)
        if now is not None and record.version and now.version and record.version != now.version:
            out.append((record, now))
    return out


def named(records: Sequence[ModRecord]) -> str:
    """Mods as a sentence names them: 'A', 'A and B', 'A, B and C'."""
    return _listed([r.name for r in records])


def _listed(names: Sequence[str]) -> str:
    quoted = [f"‘{name}’" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


#: Stands for the folder play keeps compiled stories in, as ``game.paths.story_cache`` says.
PLAYS_CACHE = "play's cache"


def first_load(story_dir: Path, given: Sequence[Path], enabled: Sequence[str], data: Path,
               cache: Path | None | Literal["play's cache"] = PLAYS_CACHE,
               ) -> tuple[Loadout, Story | None, list[Problem], list[Problem]]:
    """The loadout a game opens with, its story (None if the story has errors with no mod at
    all), its problems, and the problems of the mods turned off: each mod chosen (turned on in
    the settings, or named with --mod) that the story does not load with is left out on its
    own, and the game opens with the others (the settings keep it on, so a fixed mod is back
    next time; ``Loadout.broken`` says which and why). ``cache`` is where the compiled story is
    kept (None: nowhere); by default, where play keeps it."""
    folder = story_cache() if cache == PLAYS_CACHE else cache
    chosen = Loadout(Path(story_dir), find_installed(story_dir, data, folder), tuple(enabled), tuple(given),
                     folder)  # type: ignore[arg-type]
    loadout, story, problems = chosen.load_each()
    dropped = [p for found in loadout.broken.values() for p in found]
    return loadout, story, problems, dropped


def turned_off_words(loadout: Loadout) -> str:
    """One line naming the mods left out of this run: for a terminal, and the window's list."""
    names = [name for name, _ in loadout.turned_off()]
    if not names:
        return ""
    one = len(names) == 1
    return (f"{_listed(names)} {'has' if one else 'have'} errors and {'is' if one else 'are'} turned off; the game "
            f"goes on without {'it' if one else 'them'}.")
