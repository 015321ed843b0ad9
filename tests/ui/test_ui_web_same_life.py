"""One rule, one source: the same life — the same seed and the same choices — gives the same
ledger in the browser, in the window and in the terminal. Each front end is played as a player
plays it (number keys in Chromium and in the window, typed lines in the terminal) and its
ledger read back from what it shows.

The browser's part is skipped loudly (with a warning) where Chromium, Playwright, npm or the
Pyodide core cannot be had; the window and the terminal are still held to each other."""

from __future__ import annotations

import random
import re

import pygame
import pytest

import ui_driver as d
from game import debrief_document as doc
from game.engine import Session
from game.transcript import cell_text
from game.ui.app import App
from game.ui.scenes.play import PlayScene
from game.settings import Settings
from helpers import headless_chromium, ledger_rows_shown, run_main, serving, web_edition

SEED = 2031
DIGITS = {n: getattr(pygame, f"K_{n}") for n in range(1, 10)}


def the_choices(story) -> list[int]:
    session = Session.new(story, seed=SEED, route="short")
    chance = random.Random(SEED)
    while not session.is_over:
        session.choose(chance.randint(1, len(session.page.choices)))
    return session.path


def same_signs(rows: list[list[str]]) -> list[list[str]]:
    """Rows with every minus sign written as a hyphen: the terminal prints the sign its
    fonts have, the others the true minus."""
    return [[cell.replace("−", "-").replace("–", "-") for cell in row] for row in rows]


def in_the_window(story, path: list[int]) -> list[list[str]]:
    app = App(story, settings=Settings(text_speed=0), size=(1280, 720), seed=SEED, route="short", sound=False)
    try:
        app.start(PlayScene(app, app.new_session("short")))
        app.step(0)
        for number in path:
            d.finish_text(app)
            d.key(app, DIGITS[number])
        d.finish_text(app)
        guard = 0
        while app.top.name != "debrief" and guard < 50:
            # The ending's own "Continue" is choice 1, as every choice is: Space only turns pages.
            if app.top.name == "play":
                d.command(app, "advance")
            d.key(app, pygame.K_1)
            guard += 1
        assert app.top.name == "debrief"
        (table,) = [b for s in app.top.document.sections if s.title == "The ledger"
                    for b in s.blocks if isinstance(b, doc.Table)]
        return [[cell_text(cell) for cell in row] for row in table.rows]
    finally:
        pygame.quit()


def in_the_terminal(path: list[int]) -> list[list[str]]:
    typed = "\n".join(map(str, path)) + "\n\n1\n1\n1\n\n\n"
    ran = run_main("play", "--text", "--seed", str(SEED), "--route", "short", "--width", "0", stdin=typed)
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if re.match(r"\s*Day\s{2,}What was recorded\s{2,}Reported by", line))
    rows = []
    for line in lines[head + 2:]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


def in_the_browser(story, path: list[int], folder) -> list[list[str]]:
    site = web_edition(folder, story)
    with serving(site) as (url, _), headless_chromium() as browser:
        page = browser.new_page()
        page.goto(f"{url}?seed={SEED}&route=short")
        page.wait_for_selector("#screen-title:not([hidden])")
        page.keyboard.press("Enter")
        for number in [*path, 1, 1, 1, 1]:          # the choices, Go on, then three guesses
            page.wait_for_function("() => !document.querySelector('#screen-play').hidden || "
                                   "!document.querySelector('#screen-guess').hidden", timeout=120_000)
            shown = page.evaluate("document.querySelector('.screen:not([hidden])').textContent")
            page.keyboard.press(str(number))
            page.wait_for_function("(before) => document.querySelector('.screen:not([hidden])').textContent "
                                   "!== before", arg=shown, timeout=120_000)
        page.wait_for_selector("#screen-debrief:not([hidden])")
        page.click("#read-rest")
        return ledger_rows_shown(page)


@pytest.fixture(scope="module")
def the_life(shipped_story) -> tuple[list[int], list[list[str]]]:
    """The life's choices, and the ledger the window showed at its end."""
    path = the_choices(shipped_story)
    return path, in_the_window(shipped_story, path)


def test_the_same_life_gives_the_same_ledger_in_the_window_and_the_terminal(the_life):
    path, window = the_life
    assert len(window) >= 3
    assert same_signs(window) == same_signs(in_the_terminal(path))


def test_the_same_life_gives_the_same_ledger_in_the_browser_as_in_the_window(the_life, shipped_story, tmp_path):
    path, window = the_life
    assert in_the_browser(shipped_story, path, tmp_path / "site") == window
