"""What several test modules need to know, imported by name (never through conftest, whose
module name is not unique in this tree), and never from another test module."""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: The project's folder: main.py, story/, mods/, docs/.
ROOT = Path(__file__).resolve().parent.parent


def source_tree(path: Path) -> ast.Module:
    """The syntax tree of a Python file, parsed once a run while the file stays as it is: the
    import graph and the class-length check read the same modules."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def _parsed(path: Path, mtime_ns: int, size: int) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def page_of(style: str, text: str, speaker: str | None = None, title: str | None = None,
            choice: str = "Go on."):
    """A page of one passage on day 9 in Rongcheng, offering one choice: how the terminal and
    the window set a passage of ``style`` is tested on it without a story behind it."""
    from game.engine import ChoiceView, Page

    return Page(passage_id="p", style=style, speaker=speaker, title=title, text=text,
                choices=(ChoiceView(1, choice),), day=9, city="rongcheng", city_name="Rongcheng",
                is_ending=False, ending_title=None)


def saved_game(seed: int, path: list[int], route: str = "full", padding: int = 0) -> dict:
    """A game as a save slot holds it: the story, seed, route and choices taken (and, given
    ``padding``, that many bytes more, to make a save too large)."""
    game = {"format": "keeping-trust-save", "story": "Test", "seed": seed, "route": route, "path": list(path)}
    return {**game, "padding": "x" * padding} if padding else game


def visit(score: int = 1000, grade: str = "A", seconds: int = 600, ending: str = "The harbour"):
    """One kiosk visit to the short route, as the visitor book keeps it."""
    from game.visitor_book import Visit

    return Visit("2025-05-18", ending, grade, score, "short", seconds)


@dataclass
class Ran:
    """What a command said and how it ended, as a finished process has them."""

    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str, stdin: str = "") -> Ran:
    """``python main.py ARGS`` in this process: the same parser and the same command, ``stdin``
    typed at it and what it prints kept, without a Python start-up for each call. Each command
    keeps at least one test through :func:`run_process`, the real thing."""
    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    typed, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:              # argparse's --help and its refusals
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
    finally:
        sys.stdin = typed
    return Ran(code, out.getvalue(), err.getvalue())


def run_process(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` as a player runs it: a process of its own, from the project's
    folder, ``stdin`` piped in as text."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, env=env, timeout=120)


#: How every problem a story check reports reads: where it is, then what is wrong.
LOCATED = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")


def problems_of(folder: Path) -> list[str]:
    """What ``check`` reports of a story folder, each problem as printed; each must say where
    it is (path:line:column)."""
    from game.engine import check_story

    _, problems = check_story(folder)
    for problem in problems:
        assert LOCATED.match(str(problem)), str(problem)
    return [str(p) for p in problems]


def random_life(story, seed: int, route: str = "full"):
    """A life played to its ending with each choice drawn by ``random.Random(seed)``."""
    from game.engine import Session

    session = Session.new(story, seed, route)
    rng = random.Random(seed)
    while not session.is_over:
        session.choose(rng.randint(1, len(session.page.choices)))
    return session


def auto_life(story, seed: int, route: str = "full"):
    """A life played to its ending as ``play --text --auto --seed N`` and ``explore`` play it:
    each choice drawn by the seed's own picker."""
    from game.engine import Session
    from game.tools.explore import picker_for

    session = Session.new(story, seed=seed, route=route)
    picker = picker_for(seed)
    while not session.is_over:
        session.choose(picker.choice(session.page.choices).number)
    return session


# What would tell the player their standing. Published rules in a `document` the player
# chooses to read may name points and grades; nothing else may.
LEAKS = [
    re.compile(r"\b(AAA|AA|A\+\+\+)\b"),
    re.compile(r"triple[- ]A", re.I),
    re.compile(r"\b\d[\d,]*\s+(credit\s+)?points?\b", re.I),
    re.compile(r"(^|\s)\+\d+\b"),
    re.compile(r"\b(credit|social)\s+score\b", re.I),
    re.compile(r"\byour\s+(score|grade|rating)\b", re.I),
]


def leaks_in(page, score: int, start: int) -> list[str]:
    """What a page as the terminal prints it would tell of the player's standing."""
    from game.terminal import page_lines

    text = "\n".join(page_lines(page))
    found = []
    if page.style != "document":
        found += [m.group(0) for pattern in LEAKS for m in pattern.finditer(text)]
    # A published document prints its own figures (the grades' bounds); one of them may equal
    # a reader's standing by chance without telling it.
    if score != start and page.style != "document" and re.search(rf"(?<![\d,]){score:,}(?![\d,])|(?<!\d){score}(?!\d)", text):
        found.append(str(score))
    return found


# -- the browser edition ------------------------------------------------------------------------

#: Where a test finds Chromium when KEEPING_TRUST_CHROMIUM does not name it.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Chromium with no way out to the network: every name but this machine's fails to resolve.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


def skip_loudly(reason: str) -> None:
    """Skip, saying why in the warnings summary too: a browser test that could not run must
    not pass for one that did."""
    import warnings

    import pytest

    warnings.warn(f"BROWSER TESTS NOT RUN: {reason}", UserWarning, stacklevel=2)
    pytest.skip(f"BROWSER TESTS NOT RUN: {reason}")


def web_edition(folder: Path, story) -> Path:
    """The browser edition of ``story`` built into ``folder`` (the Pyodide core from the run's
    cache, or npm); skipped loudly when the core cannot be had."""
    from game.paths import cache_dir
    from game.web.build import build
    from game.web.pyodide_core import CoreUnavailable

    try:
        build(folder, story, cache_dir() / "pyodide")
    except CoreUnavailable as exc:
        skip_loudly(f"the Pyodide core could not be had: {exc}")
    return folder


@contextlib.contextmanager
def serving(folder: Path):
    """``folder`` served on 127.0.0.1 at a free port, as ``web serve`` serves it: yields its
    address and the list of paths asked for."""
    import threading

    from game.web.serve import address, server

    asked: list[str] = []
    made = server(folder, port=0, asked=asked)
    thread = threading.Thread(target=made.serve_forever, daemon=True)
    thread.start()
    try:
        yield address(made), asked
    finally:
        made.shutdown()
        made.server_close()


def chromium_path() -> str | None:
    import os
    import shutil

    named = os.environ.get("KEEPING_TRUST_CHROMIUM")
    if named:
        return named
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@contextlib.contextmanager
def headless_chromium():
    """This machine's Chromium, headless, driven by Playwright, with no network but 127.0.0.1;
    skipped loudly when either is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_loudly("Playwright is not installed (pip install -e \".[test]\" installs it)")
    executable = chromium_path()
    if executable is None:
        skip_loudly("no Chromium found (apt-get install chromium, or set KEEPING_TRUST_CHROMIUM)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # Playwright raises its own error for a browser that will not start
            skip_loudly(f"Chromium at {executable} would not start: {str(exc)[:300]}")
        try:
            yield browser
        finally:
            browser.close()


def visible_screen(page) -> str:
    """The browser edition's screen on show: 'title', 'play', 'guess', 'debrief' and so on."""
    return page.evaluate("document.querySelector('.screen:not([hidden])').id.slice(7)")


def ledger_rows_shown(page) -> list[list[str]]:
    """The ledger table the browser's debrief shows, row by row, cell by cell, as read."""
    return page.evaluate("""[...document.querySelectorAll('#debrief-rest table.ledger tbody tr')]
        .map(row => [...row.cells].map(cell => cell.textContent))""")
