"""The player's own files on disk — settings and saves — read and written as JSON.

Both kinds are read through :func:`read_json`, which refuses anything it cannot use with an
:class:`Unreadable` whose message is fit to show the player, and never lets a hostile file
(huge, nested thousands deep, binary, a folder) crash the game.  A file that cannot be used
is moved out of the way with :func:`set_aside` rather than deleted, so the player can still
recover it by hand, and the next write lands on a clean name.  Writes are atomic.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import stat
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Callable, NoReturn


class Unreadable(Exception):
    """A file exists but cannot be used; ``str()`` says why, as the end of a sentence that
    begins with the file's name ("… is damaged (not readable JSON)")."""


def _refuse_constant(name: str) -> NoReturn:
    # NaN and Infinity are not JSON; a value like that could only come from a hand edit.
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    # 1e400 parses as infinity, which no setting or saved count can hold (int() of it fails).
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def read_json(path: Path, *, max_bytes: int) -> Any:
    """The JSON value stored at ``path``.

    Raises FileNotFoundError when there is nothing there, and :class:`Unreadable` for a
    file that is there but unusable: not a regular file, larger than ``max_bytes``, not
    UTF-8 text, empty, or not JSON (including JSON nested too deep to parse).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("is not an ordinary file")
    if info.st_size > max_bytes:
        raise Unreadable("is too large")
    try:
        with open(path, "rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from exc
    if len(raw) > max_bytes:
        raise Unreadable("is too large")
    try:
        # utf-8-sig: editors on Windows put a byte-order mark in front of hand-edited files.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable("is damaged (not text)") from exc
    if not text.strip():
        raise Unreadable("is empty")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except (ValueError, RecursionError) as exc:
        raise Unreadable("is damaged (not readable JSON)") from exc


def set_aside(path: Path, now: datetime | None = None) -> Path | None:
    """Rename an unusable file to ``<name>.broken-YYYYmmdd-HHMMSS`` beside it, so nothing is
    lost and the next write starts clean.  Returns the new path, or None if the rename failed
    (a read-only folder, say) — the caller reports the file either way."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.broken-{stamp}"
    for n in range(1, 100):
        target = path.with_name(base if n == 1 else f"{base}-{n}")
        if target.exists() or target.is_symlink():
            continue
        try:
            os.rename(path, target)
        except OSError:
            return None
        return target
    return None


def _replace_whole(target: Path, write: Callable[[IO[bytes]], None], shared: bool = False) -> None:
    """Write a new ``target`` beside it and swap it in, so that readers see either the old file
    or the new one, whole: a crash, a kill or a second press of a button never leaves half a
    file (at worst a ``*.tmp`` beside it).  The file is the player's alone (0600), unless
    ``shared``: then it is as readable as any file they make (0666 less their umask)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        if shared and os.name == "posix":
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path: Path, text: str, shared: bool = False) -> None:
    """Write ``text`` (UTF-8, ``\n`` line ends) to ``path`` atomically; ``shared`` makes it as
    readable as any file the player makes (a transcript in a class's shared folder), where
    saves and settings stay the player's alone."""
    _replace_whole(path, lambda handle: handle.write(text.encode("utf-8")), shared)


def _umask() -> int:
    # The only way to read the umask is to set it; it is put back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    _replace_whole(path, lambda handle: handle.write(data))


def compact_json(data: Any) -> bytes:
    """``data`` as the smallest JSON :func:`read_json` reads back: no indent, no spaces, UTF-8,
    and no NaN or Infinity (which it refuses).  Raises ValueError or TypeError for what JSON
    cannot hold."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` atomically."""
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` atomically; ``source`` stays where it is throughout."""
    def copy(handle: IO[bytes]) -> None:
        with open(source, "rb") as original:
            shutil.copyfileobj(original, handle)

    _replace_whole(target, copy)
