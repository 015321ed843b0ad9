"""The Pyodide core the browser edition runs the engine in: one pinned version, fetched with
npm when a folder is built, its checksum checked, and kept so the next build needs no network.

Only the core is shipped: the interpreter compiled to WebAssembly, its standard library, and
the script that starts them.  Pyodide's package index (built packages on its CDN) is never
used: the engine needs nothing beyond the standard library once the story is compiled, and a
school cannot rely on a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import subprocess
import tarfile
from pathlib import Path

#: The version shipped; changing it means changing :data:`INTEGRITY` to the registry's own.
VERSION = "314.0.8"
#: npm's integrity string for pyodide-VERSION.tgz (the registry's ``dist.integrity``).
INTEGRITY = "sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ=="
#: The files of the package a browser needs to start Python and nothing else.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
#: What the folder says of Pyodide beside its files: the package carries no licence file.
ABOUT = ("Pyodide {version}: CPython compiled to WebAssembly, from the npm package 'pyodide'.\n"
         "Licensed under the Mozilla Public License 2.0; its source is published by the Pyodide project.\n"
         "Only its core is here: the interpreter, its standard library and the script that starts them.\n")
#: A tarball larger than this is not the Pyodide core.
MAX_TARBALL = 64 * 1024 * 1024

NPM_MISSING = ("The browser edition fetches Pyodide {version} with npm, which is not installed. Install Node.js "
               "with npm (on Debian or Ubuntu: sudo apt-get install nodejs npm; elsewhere from nodejs.org), or "
               "put pyodide-{version}.tgz (from `npm pack pyodide@{version}` on any machine) in {cache}, then "
               "build again.")


class CoreUnavailable(Exception):
    """The Pyodide core could not be had; the message says what to install or do."""


def tarball_name() -> str:
    return f"pyodide-{VERSION}.tgz"


def integrity_of(data: bytes) -> str:
    """npm's integrity string of ``data``: the algorithm, then the base64 of its SHA-512."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _checked(data: bytes, where: str) -> bytes:
    if integrity_of(data) != INTEGRITY:
        raise CoreUnavailable(f"{where} is not Pyodide {VERSION} as published: its checksum does not match "
                              f"({integrity_of(data)[:24]}… instead of {INTEGRITY[:24]}…). Delete it and build again.")
    return data


def fetch_tarball(cache: Path, npm: str | None = None) -> bytes:
    """The pinned Pyodide tarball: from ``cache`` when an earlier build kept it, else fetched
    with ``npm pack`` (from npm's own cache when it holds it); checked against
    :data:`INTEGRITY` either way, and kept in ``cache``."""
    kept = cache / tarball_name()
    if kept.is_file():
        return _checked(kept.read_bytes(), str(kept))
    npm = npm or shutil.which("npm")
    if npm is None:
        raise CoreUnavailable(NPM_MISSING.format(version=VERSION, cache=cache))
    cache.mkdir(parents=True, exist_ok=True)
    scratch = cache / "npm-pack"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    try:
        done = subprocess.run([npm, "pack", f"pyodide@{VERSION}", "--prefer-offline", "--silent",
                               "--pack-destination", str(scratch)],
                              capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
        packed = scratch / tarball_name()
        if done.returncode != 0 or not packed.is_file():
            raise CoreUnavailable(f"npm could not fetch Pyodide {VERSION} (is the npm registry reachable?):\n"
                                  + (done.stderr.strip() or done.stdout.strip())[-1500:])
        if packed.stat().st_size > MAX_TARBALL:
            raise CoreUnavailable(f"npm handed over a Pyodide {VERSION} far larger than it is; not used.")
        data = _checked(packed.read_bytes(), f"the package npm fetched ({tarball_name()})")
        packed.replace(kept)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return data


def unpack_core(data: bytes, into: Path) -> list[Path]:
    """Write the core's files from the tarball ``data`` into ``into``, with a note of what they
    are; returns the files written.  Only the names in :data:`CORE_FILES` are read, so nothing
    in the archive chooses where a file goes."""
    into.mkdir(parents=True, exist_ok=True)
    wanted = {f"package/{name}": name for name in CORE_FILES}
    written = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = wanted.get(member.name)
            if name is None or not member.isfile():
                continue
            source = archive.extractfile(member)
            assert source is not None
            (into / name).write_bytes(source.read())
            written.append(into / name)
    missing = set(CORE_FILES) - {p.name for p in written}
    if missing:
        raise CoreUnavailable(f"Pyodide {VERSION}'s package lacks {', '.join(sorted(missing))}.")
    (into / "ABOUT.txt").write_text(ABOUT.format(version=VERSION), encoding="utf-8")
    return [*written, into / "ABOUT.txt"]
