"""Writing the browser edition's folder: everything a browser needs, from one origin.

The folder holds the page (``index.html``, its style, its script and the worker that runs the
engine), the engine's Python files and the story compiled (one zip, named by its contents),
the fonts the window offers, the Pyodide core, and ``sw.js``, which keeps every one of those
files in the browser so the game plays offline once it has loaded.  Nothing in it names
another origin: no CDN, no fonts from elsewhere, no analytics; its Content-Security-Policy
says so to the browser too.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import Template
from typing import Iterable

from game import __version__, shipped
from game.engine.compiled import keep_story
from game.engine.story import Story
from game.typography import typographic
from game.web import pyodide_core
from game.web.life import STORY_KEY

FRONT = Path(__file__).parent / "front"
#: The page's own files, copied as they are (index.html is filled in).
FRONT_FILES = ("kt.css", "kt.js", "engine.js")
#: The game's Python the browser imports: the engine whole, and what renders its pages.
GAME_MODULES = ("__init__.py", "debrief_document.py", "transcript.py", "transcript_choices.py", "transcript_html.py",
                "typography.py",
                "web/__init__.py", "web/life.py", "web/pages.py")
#: The fonts the window offers, by the family the settings name, and their licences.
FONTS = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
         "NotoSansMono-Regular.ttf", "AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Italic.ttf",
         "AtkinsonHyperlegible-Bold.ttf", "OpenDyslexic-Regular.otf", "OpenDyslexic-Italic.otf",
         "OpenDyslexic-Bold.otf", "OFL.txt", "AtkinsonHyperlegible-OFL.txt", "OpenDyslexic-LICENSE.txt")
#: Where the Pyodide core goes in the folder: by version, so a new one is never mixed with an old.
PYODIDE_DIR = f"pyodide-{pyodide_core.VERSION}"
#: The file that says a folder is one of these builds (and may be written over by the next).
MANIFEST = "build.json"
#: How many attract lines a kiosk cycles through.
ATTRACT_LINES = 12

#: What the page may load, and from where: only this folder's origin.  'wasm-unsafe-eval' lets
#: the browser compile Pyodide's WebAssembly; nothing may be evaluated from a string.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                           "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
                           "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")


class BuildRefused(Exception):
    """The folder cannot be written; the message says why."""


@dataclass(frozen=True)
class Built:
    """What a build wrote: where, how large, and under which name the browser keeps it."""

    folder: Path
    build_id: str
    files: dict[str, int]     # path in the folder: bytes

    @property
    def size(self) -> int:
        return sum(self.files.values())

    def summary(self) -> str:
        megabytes = self.size / 1_000_000
        core = sum(n for name, n in self.files.items() if name.startswith(PYODIDE_DIR + "/")) / 1_000_000
        return (f"Wrote the browser edition to {self.folder}: {len(self.files)} files, {megabytes:.1f} MB "
                f"({core:.1f} MB of it the Pyodide {pyodide_core.VERSION} core). "
                f"Try it with: python main.py web serve {self.folder}")


def _prepare(folder: Path) -> None:
    """An empty folder, or an earlier build's (which is cleared); anything else is refused, so a
    mistyped path never empties a folder of someone's own."""
    if folder.exists() and not folder.is_dir():
        raise BuildRefused(f"{folder} is a file, not a folder.")
    if folder.is_dir() and any(folder.iterdir()):
        if not (folder / MANIFEST).is_file():
            raise BuildRefused(f"{folder} is not empty and holds no earlier build ({MANIFEST}); "
                               "name an empty or new folder.")
        for child in folder.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def game_archive(story: Story) -> bytes:
    """The engine's Python files and the story, compiled, in one zip the worker unpacks."""
    game = Path(__file__).resolve().parent.parent
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        names = [*GAME_MODULES, *(p.relative_to(game).as_posix() for p in sorted((game / "engine").rglob("*.py")))]
        for name in names:
            # A fixed date: the same sources make the same bytes, and the same name in the folder.
            archive.writestr(zipfile.ZipInfo(f"game/{name}", (2024, 9, 1, 0, 0, 0)), (game / name).read_bytes(),
                             zipfile.ZIP_DEFLATED)
        with tempfile.TemporaryDirectory() as scratch:
            kept = Path(scratch) / "story.kts"
            keep_story(kept, story, STORY_KEY)
            archive.writestr(zipfile.ZipInfo("story.kts", (2024, 9, 1, 0, 0, 0)), kept.read_bytes(),
                             zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def story_facts(story: Story) -> dict:
    """What the page shows before the engine has started: the title, whether there is a short
    route, and the kiosk's attract lines (text, set into the page as text)."""
    from game.kiosk_rules import attract_lines

    lines = [typographic(line) for line in attract_lines(story, ATTRACT_LINES)] or [story.title]
    return {"title": story.title, "short_route": story.has_short_route, "attract": lines}


def _digest(parts: Iterable[bytes]) -> str:
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(hashlib.blake2b(part, digest_size=16).digest())
    return digest.hexdigest()


def build(folder: Path, story: Story, core_cache: Path) -> Built:
    """Write the browser edition of ``story`` into ``folder`` (empty, new, or an earlier
    build), with the Pyodide core from ``core_cache`` or npm."""
    tarball = pyodide_core.fetch_tarball(core_cache)   # before anything is cleared: a failure leaves the folder
    _prepare(folder)
    written: dict[str, bytes] = {}

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[name] = data

    for path in pyodide_core.unpack_core(tarball, folder / PYODIDE_DIR):
        written[f"{PYODIDE_DIR}/{path.name}"] = path.read_bytes()
    archive = game_archive(story)
    archive_name = f"game-{_digest([archive])}.zip"
    put(archive_name, archive)
    fonts = shipped.assets() / "fonts"
    for name in FONTS:
        put(f"fonts/{name}", (fonts / name).read_bytes())
    put("icon.png", (shipped.assets() / "images" / "icon.png").read_bytes())
    for name in FRONT_FILES:
        put(name, (FRONT / name).read_bytes())
    facts = story_facts(story)
    build_id = _digest(written[name] for name in sorted(written))
    settings = {**facts, "build": build_id, "version": __version__, "pyodide": PYODIDE_DIR,
                "game": archive_name}
    put("facts.json", json.dumps(settings, ensure_ascii=False, indent=1).encode("utf-8"))
    page = Template((FRONT / "index.html").read_text(encoding="utf-8")).substitute(
        title=escape(story.title), build=build_id, csp=CONTENT_SECURITY_POLICY)
    put("index.html", page.encode("utf-8"))
    kept = sorted(["./", *written])
    worker = Template((FRONT / "sw.js").read_text(encoding="utf-8")).substitute(
        build=build_id, files=json.dumps(kept))
    put("sw.js", worker.encode("utf-8"))
    sizes = {name: len(data) for name, data in written.items()}
    manifest = {"game": "Keeping Trust", "version": __version__, "build": build_id,
                "pyodide": pyodide_core.VERSION, "files": sizes}
    put(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
    return Built(folder, build_id, {name: len(data) for name, data in written.items()})
