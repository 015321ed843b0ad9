"""The fingerprint of a story's files: a digest of exactly the bytes the loader reads.

The compiled story is kept under this digest, so the digest must come from the same bytes the
story was built from.  A file read twice — once to name the entry, once to build it — can
change in between (a mod being copied in, an editor saving), and the entry would then hold a
story that no file holds.  So the loader feeds each file's bytes here as it parses them, and
the entry is written under what was parsed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


class Fingerprint:
    """A running digest of folders, their problems and their files, in the order read."""

    def __init__(self, header: str) -> None:
        self._digest = hashlib.blake2b(digest_size=32)
        self._digest.update(header.encode())

    def folder(self, shown: str, is_mod: bool) -> None:
        self._digest.update(_named(f"folder\0{shown}\0{is_mod}\0"))

    def problem(self, problem: object) -> None:
        self._digest.update(_named(f"problem\0{problem}\0"))

    def file(self, shown: str, data: bytes | None, refusal: str = "") -> None:
        """A file's bytes, or (``data`` None) why it was not read: too large, unreadable."""
        if data is None:
            self._digest.update(_named(f"unread\0{shown}\0{refusal}\0"))
            return
        self._digest.update(_named(f"file\0{shown}\0{len(data)}\0"))
        self._digest.update(data)

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def slot_of(folders: list[tuple[Path, bool]]) -> str:
    """Where a story with these mods is kept: by where its folders are, not what they hold."""
    slot = hashlib.blake2b(digest_size=12)
    for folder, is_mod in folders:
        slot.update(_named(f"{folder.resolve()}\0{is_mod}\0"))
    return slot.hexdigest()


def _named(text: str) -> bytes:
    # A file name that is not UTF-8 reaches Python as lone surrogates; it is hashed as the
    # bytes it was, instead of stopping the game at its start.
    return text.encode("utf-8", "surrogateescape")
