"""The browser edition in this machine's Chromium, headless: the first visit to the first page,
a later visit to the title from the browser's cache, a choice answered, and the folder's size —
each against a baseline measured in the same run and the same browser.

The baselines: Pyodide's own bare start (its core loaded in a worker, as the game loads it,
running ``1+1``) for the first visit; an empty page from the same server and the same cache for
the later visit; the same worker answering a request that does no work for a choice; the
Pyodide core's own size for the folder.

Returns None, with the reason, where Chromium, Playwright or the Pyodide core cannot be had.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Pyodide started bare, as the game's worker starts it: the baseline of a first visit.
BARE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<script type="module" src="bare.js"></script></head><body></body></html>"""
BARE_SCRIPT = """const worker = new Worker("bare-worker.js", { type: "module" });
worker.onmessage = (event) => { window.bareReady = event.data; };"""
BARE_WORKER = """const { loadPyodide } = await import("./{pyodide}/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: "./{pyodide}/" });
postMessage(pyodide.runPython("1+1"));"""
EMPTY_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body></body></html>"""
#: The first visit's budget on this project's machines (2 cores, Chromium headless): Pyodide's
#: bare start is most of it (docs/web.md has the figures).
FIRST_PAGE_BUDGET = 8.0
#: Choices timed in one life, from its first page.
CHOICES = 10


def _chromium():
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import CHROMIUM_ARGS, chromium_path

    return chromium_path(), CHROMIUM_ARGS


def measure(repeat: int) -> tuple[dict[str, dict] | None, str]:
    """The browser edition's figures, or None and why they were not measured."""
    from benchmarks.__main__ import figure

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, "Playwright is not installed"
    executable, args = _chromium()
    if executable is None:
        return None, "no Chromium found"
    from game import shipped
    from game.engine import load_story
    from game.paths import cache_dir
    from game.web.build import PYODIDE_DIR, build
    from game.web.pyodide_core import CORE_FILES, CoreUnavailable

    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import serving

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "site"
        try:
            built = build(folder, load_story(shipped.story(), cache=cache_dir()), cache_dir() / "pyodide")
        except CoreUnavailable as exc:
            return None, f"the Pyodide core could not be had ({str(exc)[:120]})"
        (folder / "bare.html").write_text(BARE_PAGE)
        (folder / "bare.js").write_text(BARE_SCRIPT)
        (folder / "bare-worker.js").write_text(BARE_WORKER.replace("{pyodide}", PYODIDE_DIR))
        (folder / "empty.html").write_text(EMPTY_PAGE)
        core = sum((folder / PYODIDE_DIR / name).stat().st_size for name in CORE_FILES)
        with serving(folder) as (url, _), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=args)
            try:
                first, bare, later, empty, answers, nothing = [], [], [], [], [], []
                for _ in range(repeat):
                    first.append(_first_page(browser, url))
                    bare.append(_bare_start(browser, url))
                    seen_later, seen_empty, chosen, idle = _later_visit_and_choices(browser, url)
                    later.append(seen_later)
                    empty.append(seen_empty)
                    answers += chosen
                    nothing += idle
            finally:
                browser.close()
    median = statistics.median
    return {
        "web: first visit to the first page (cold cache)": figure(
            median(first), "s", median(bare), "Pyodide's own bare start in the same browser",
            f"≤ {FIRST_PAGE_BUDGET:g} s here; the title at once", median(first) <= FIRST_PAGE_BUDGET),
        "web: later visit to the title (from the cache)": figure(
            median(later), "s", median(empty), "an empty page from the same server and cache", "< 1 s",
            median(later) < 1.0),
        "web: a choice answered and shown": figure(
            median(answers), "ms", median(nothing), "the worker answering a request that does nothing",
            "< 50 ms", median(answers) < 50, p90=sorted(answers)[int(0.9 * (len(answers) - 1))]),
        "web: the folder's size": figure(built.size / 1e6, "MB", core / 1e6, "the Pyodide core alone"),
    }, ""


def _first_page(browser, url: str) -> float:
    """A new visitor (an empty cache) from the address typed to the first page of the short
    route, choosing it the moment the title shows."""
    context = browser.new_context()
    try:
        page = context.new_page()
        began = time.perf_counter()
        page.goto(url + "?no-offline")
        page.wait_for_selector("#screen-title:not([hidden]) [data-act=short]")
        page.click("[data-act=short]")
        page.wait_for_selector("#screen-play:not([hidden]) #choices button", timeout=120_000)
        return time.perf_counter() - began
    finally:
        context.close()


def _bare_start(browser, url: str) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        began = time.perf_counter()
        page.goto(url + "bare.html")
        page.wait_for_function("() => window.bareReady === 2", timeout=120_000)
        return time.perf_counter() - began
    finally:
        context.close()


def _later_visit_and_choices(browser, url: str) -> tuple[float, float, list[float], list[float]]:
    """In one browser that has been here before: the title again from its cache (the offline
    keeper answering), an empty page the same way, then choices timed from the key to the page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => document.body.classList.contains('engine-ready')", timeout=120_000)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(url + "empty.html")
        began = time.perf_counter()
        page.goto(url + "empty.html")
        empty = time.perf_counter() - began
        began = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("#screen-title:not([hidden]) [data-act=short]")
        later = time.perf_counter() - began
        page.wait_for_function("() => document.body.classList.contains('engine-ready')", timeout=120_000)
        page.click("[data-act=short]")
        page.wait_for_selector("#screen-play:not([hidden]) #choices button")
        answers, nothing = [], []
        for _ in range(CHOICES):
            if page.locator("#screen-play:not([hidden]) #choices button").count() == 0:
                break
            shown = page.evaluate("document.querySelector('#passage').textContent + document.querySelector('#where').textContent")
            page.keyboard.press("1")
            page.wait_for_function("(before) => document.querySelector('#passage').textContent + "
                                   "document.querySelector('#where').textContent !== before || "
                                   "document.querySelector('#screen-play').hidden", arg=shown)
            answers.append(page.evaluate("window.keepingTrust.timings.last_answer_ms"))
            nothing.append(page.evaluate("(async () => { const t = performance.now(); "
                                         "await window.keepingTrust.ask('about'); return performance.now() - t; })()"))
        return later, empty, answers, nothing
    finally:
        context.close()
