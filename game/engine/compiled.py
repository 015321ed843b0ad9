"""The checked story, kept between runs so the game starts without reading YAML again.

Checking a large story costs seconds; the verdict depends only on the story's files, the
mods' files and the game that checked them. So once a story loads cleanly, the built Story is
written to the player's cache folder as plain JSON, under a key made of all of those, and the
next start with the same files reads it back in a fraction of the time.

A compiled story is one line of JSON — everything but the passages, with where each passage
lies — and then the passages, each its own JSON, decoded only when play reaches it: a warm
start reads the file and checks its digest, and builds a few passages instead of thousands.

The cache is an optimisation and nothing more: deleting the folder is always safe, and an
entry whose key does not match, whose format is not this game's, or whose contents do not
decode into exactly the story's own kinds of value is ignored and rewritten. Nothing in it is
ever run: it holds strings, numbers and the names of a fixed list of the engine's own
immutable types, never pickled objects.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Callable, Sequence

from .conditions import PARTS, Condition
from .fingerprint import Fingerprint, slot_of
from .inline_text import TEMPLATE_PARTS
from .located import read_bounded
from .named import StrEnum
from .problems import Problem
from .story import (
    AddVariables, Behaviour, Blacklist, Branch, Change, Choice, DebriefWords, Ending, Hook, HookChange, Jurisdiction,
    Passage, PriorAct, Question, Record, Roll, Rule, SetCity, SetDay, SetVariables, Source, Story, Subject, Thread,
    Variant, Where,
)

#: Bumped when the way a Story is written here changes.
FORMAT = 7
#: A compiled story of 20,000 passages is about 60 MB; nothing honest is larger.
MAX_BYTES = 256 * 1024 * 1024
#: Entries kept: one per story and set of mods, the oldest removed past this.
MAX_ENTRIES = 8

_KINDS: dict[str, type] = {cls.__name__: cls for cls in (
    AddVariables, Behaviour, Blacklist, Branch, Change, Choice, Condition, DebriefWords, Ending, Hook, HookChange,
    Jurisdiction, Passage, PriorAct, Problem, Question, Record, Roll, Rule, SetCity, SetDay, SetVariables, Source,
    Story, Subject, Thread, Variant, Where, *PARTS, *TEMPLATE_PARTS)}
_FIELDS = {name: len(dataclasses.fields(cls)) for name, cls in _KINDS.items()}
_FIELD_NAMES = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _KINDS.values()}

#: Checks a story's files, feeding the fingerprint every byte it parses.
Checker = Callable[[Path, Sequence[Path], Fingerprint], "tuple[Story | None, list[Problem]]"]


class Damaged(ValueError):
    """A cache entry that does not decode into a story; it is ignored and rewritten."""


_ENGINE_DIGEST: str | None = None


def _engine_digest() -> str:
    """A digest of the engine's own source: a changed checker never trusts an old verdict,
    even when the game's version number has not moved."""
    global _ENGINE_DIGEST
    if _ENGINE_DIGEST is None:
        digest = hashlib.blake2b(digest_size=16)
        engine = Path(__file__).parent
        # The loader's phases live in a package below the engine: they are the checker too.
        for path in sorted(engine.rglob("*.py")):
            digest.update(path.relative_to(engine).as_posix().encode())
            digest.update(path.read_bytes())
        _ENGINE_DIGEST = digest.hexdigest()
    return _ENGINE_DIGEST


def fingerprint() -> Fingerprint:
    """A fingerprint begun with what else a verdict depends on: this format, the game's
    version and its engine."""
    from game import __version__

    return Fingerprint(f"{FORMAT}\0{__version__}\0{_engine_digest()}\0")


def story_key(root: Path, mods: Sequence[Path] = ()) -> tuple[str, str]:
    """The cache slot of a story with these mods (by where they are), and the key of its
    contents: the fingerprint the loader would make of the files as they are now (every
    file's name as shown and bytes, read once each, within the loader's limits).

    The limits apply before anything is read: a file over the loader's size limit is taken
    by its size alone, and past a folder's or all folders' byte limit nothing more is read
    (the loader refuses such a story, and a refused story is never kept)."""
    from .discovery import MAX_FILES, Budget, shown_path, story_files

    folders = [(Path(root), False), *((Path(m), True) for m in mods)]
    content = fingerprint()
    budget = Budget()  # the loader's own byte limits, weighed the same way
    for folder, is_mod in folders:
        content.folder(shown_path(folder), is_mod)
        files, problems = story_files(folder)
        for problem in problems:
            content.problem(problem)
        for path, past in budget.files_within(files[:MAX_FILES[is_mod]], is_mod):
            shown = shown_path(path)
            if past is not None:
                content.file(shown, None, "past the limits")
                break
            data, refusal = read_bounded(path, shown)
            content.file(shown, data, str(refusal or ""))
    return slot_of(folders), content.hexdigest()


_PLAIN = (type(None), bool, int, float, str)


def encode(value: Any) -> Any:
    """A story value as JSON: each tuple, set, mapping and engine type is a list whose first
    item says which it is, so nothing is left to guess when it is read back."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if isinstance(value, StrEnum):
        return value.value          # read back as its word; the type it belongs to names it again
    if kind is tuple:
        return ["T", *map(encode, value)]
    if kind is frozenset:
        return ["S", *map(encode, sorted(value))]
    if kind is dict:
        out: list[Any] = ["D"]
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError("cannot keep a mapping whose keys are not text")
            out += [key, encode(item)]
        return out
    names = _FIELD_NAMES.get(kind)
    if names is None:
        raise TypeError(f"cannot keep a {kind.__name__} in the compiled story")
    return ["C", kind.__name__, *[encode(getattr(value, name)) for name in names]]


def decode(data: Any) -> Any:
    """The value :func:`encode` wrote; raises :class:`Damaged` for anything else."""
    strings: dict[str, str] = {}  # one copy of each repeated text (paths, ids)

    def value(item: Any) -> Any:
        kind = type(item)
        if kind is str:
            return strings.setdefault(item, item)
        if kind is list:
            if not item:
                raise Damaged("an empty list")
            tag = item[0]
            if tag == "C":
                if len(item) < 2 or type(item[1]) is not str or item[1] not in _KINDS:
                    raise Damaged("an unknown kind of value")
                if len(item) - 2 != _FIELDS[item[1]]:
                    raise Damaged(f"a {item[1]} with the wrong number of fields")
                try:
                    return _KINDS[item[1]](*[value(x) for x in item[2:]])
                except TypeError as exc:
                    raise Damaged(str(exc)) from exc
            if tag == "T":
                return tuple([value(x) for x in item[1:]])
            if tag == "D":
                if len(item) % 2 != 1:
                    raise Damaged("a mapping with a key and no value")
                keys = item[1::2]
                if any(type(k) is not str for k in keys):
                    raise Damaged("a mapping whose keys are not text")
                return {strings.setdefault(k, k): value(v) for k, v in zip(keys, item[2::2])}
            if tag == "S":
                return frozenset([value(x) for x in item[1:]])
            raise Damaged("an unknown kind of list")
        if item is None or kind in (bool, int, float):
            return item
        raise Damaged(f"a {kind.__name__}")

    try:
        return value(data)
    except RecursionError as exc:
        raise Damaged("nested too deep") from exc


class CompiledPassages(Mapping[str, Passage]):
    """A compiled story's passages, each decoded the first time it is asked for: a start
    needs a handful of a story's thousands, so the rest cost nothing until they are read."""

    def __init__(self, index: dict[str, tuple[int, int]], body: bytes) -> None:
        self._index = index
        self._body = body
        self._built: dict[str, Passage] = {}

    def __getitem__(self, pid: str) -> Passage:
        passage = self._built.get(pid)
        if passage is None:
            start, end = self._index[pid]
            try:
                passage = decode(json.loads(self._body[start:end]))
            except ValueError as exc:  # the body's digest matched, so only a bug lands here
                raise Damaged(f"passage '{pid}' cannot be read back: {exc}") from exc
            if type(passage) is not Passage:
                raise Damaged(f"passage '{pid}' is not a passage")
            self._built[pid] = passage
        return passage

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, pid: object) -> bool:
        return pid in self._index


def _write(path: Path, key: str, story: Story, problems: list[Problem]) -> None:
    """Write the story as one line of JSON (everything but the passages, and where each
    passage's own JSON lies) followed by the passages, atomically."""
    body = bytearray()
    index: dict[str, list[int]] = {}
    for pid, passage in story.passages.items():
        start = len(body)
        body += json.dumps(encode(passage), ensure_ascii=False, separators=(",", ":")).encode()
        index[pid] = [start, len(body)]
    head = {"format": FORMAT, "key": key, "digest": hashlib.blake2b(body, digest_size=32).hexdigest(),
            "story": encode(dataclasses.replace(story, passages={})), "problems": encode(tuple(problems)),
            "passages": index}
    data = json.dumps(head, ensure_ascii=True, separators=(",", ":")).encode() + b"\n" + bytes(body)
    # The one atomic write the game has: a crash leaves the old entry or the new, whole.
    from game.jsonfile import write_bytes_atomic

    write_bytes_atomic(path, data)
    entries = sorted(path.parent.glob("story-*.kts"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        old.unlink(missing_ok=True)


def _read(path: Path, key: str) -> tuple[Story, list[Problem]] | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    line_end = data.find(b"\n")
    if len(data) > MAX_BYTES or line_end < 0:
        return None
    try:
        head = json.loads(data[:line_end])
    except (ValueError, RecursionError):
        return None
    if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != key:
        return None
    body = data[line_end + 1:]
    if head.get("digest") != hashlib.blake2b(body, digest_size=32).hexdigest():
        return None
    index = head.get("passages")
    if not isinstance(index, dict) or not all(
            type(span) is list and len(span) == 2 and all(type(n) is int for n in span)
            and 0 <= span[0] <= span[1] <= len(body) for span in index.values()):
        return None
    try:
        story, problems = decode(head.get("story")), decode(head.get("problems"))
    except Damaged:
        return None
    if type(story) is not Story or type(problems) is not tuple or any(type(p) is not Problem for p in problems):
        return None
    passages = CompiledPassages({pid: (span[0], span[1]) for pid, span in index.items()}, body)
    return dataclasses.replace(story, passages=passages), list(problems)


def check_cached(root: Path, mods: Sequence[Path], folder: Path, check: Checker) -> tuple[Story | None, list[Problem]]:
    """``check(root, mods)``, or its remembered verdict when the files have not changed.

    Only a story that loads is kept: one with errors is checked from its files every time, so
    its problems are always the ones its files have now. A cache that cannot be read or
    written costs nothing but time.

    The story is kept under the fingerprint of the bytes it was built from, not the key
    looked up: a file that changed between the two reads (a mod being copied in) leaves an
    entry for what was actually parsed, which no start with other files will ever read.
    """
    slot, key = story_key(root, mods)
    path = folder / f"story-{slot}.kts"
    found = _read(path, key)
    if found is not None:
        return found
    parsed = fingerprint()
    story, problems = check(root, mods, parsed)
    key = parsed.hexdigest()
    if story is not None:
        from .discovery import collector_paused

        try:
            with collector_paused():  # the encoded story is thousands of lists, all alive till written
                _write(path, key, story, problems)
        except (OSError, TypeError, ValueError):
            pass  # a read-only or full disk: the game goes on without a cache
    return story, problems



def keep_story(path: Path, story: Story, key: str) -> None:
    """Write a story that checked clean to ``path``, compiled, under ``key``: how a copy of the
    game that cannot read YAML quickly (the browser edition) is handed its story, to read
    back with :func:`kept_story`."""
    _write(path, key, story, [])


def kept_story(path: Path, key: str) -> Story | None:
    """The story :func:`keep_story` wrote to ``path`` under ``key``; None when the file is
    missing, damaged, or written under another key or by another format."""
    found = _read(path, key)
    return None if found is None else found[0]
