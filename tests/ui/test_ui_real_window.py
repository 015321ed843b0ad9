"""The game in a real X window, under Xvfb with openbox, as a player starts it: the window is
known by the game's name, a desktop too small for a window and its title bar gets the game
full screen, and a game started with the pointer resting where Quit is does not quit on Enter.
Skipped where Xvfb, openbox, xdotool, xprop or xwininfo is not installed."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

import ui_driver as d
from helpers import ROOT
from x_display import MISSING, Display
from game.mods import first_load
from game.paths import data_dir
from game.settings import Settings
from game.ui.app import App
from game.ui.window import WINDOW_CLASS

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} for a real X display")]


def start(display: Display, home) -> subprocess.Popen:
    env = {**display.env, "KEEPING_TRUST_HOME": str(home), "SDL_AUDIODRIVER": "dummy",
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    return subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env, cwd=home,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture
def screens(tmp_path):
    opened: list[tuple[Display, subprocess.Popen]] = []

    def open_at(width: int, height: int) -> tuple[Display, subprocess.Popen]:
        display = Display(width, height)
        home = tmp_path / f"home-{width}x{height}"
        home.mkdir(exist_ok=True)
        display.home = home
        game = start(display, home)
        opened.append((display, game))
        return display, game

    yield open_at
    for display, game in opened:
        if game.poll() is None:
            game.kill()
        game.wait(5)
        display.close()


def test_the_window_is_known_by_the_games_name(screens):
    display, _ = screens(1920, 1080)
    window = display.window()
    assert f'"{WINDOW_CLASS}", "{WINDOW_CLASS}"' in display.run("xprop", "-id", window, "WM_CLASS")


def test_a_desktop_no_larger_than_the_smallest_layout_gets_the_game_full_screen(screens):
    display, game = screens(1024, 600)
    window = display.window()
    time.sleep(1.0)
    assert game.poll() is None and display.full_screen(window)


def test_a_roomy_desktop_gets_a_window_with_its_title_bar_on_screen(screens):
    display, _ = screens(1280, 720)
    window = display.window()
    time.sleep(1.0)
    assert not display.full_screen(window)
    info = display.run("xwininfo", "-id", window, "-frame")
    top = int(next(line for line in info.splitlines() if "Absolute upper-left Y" in line).split(":")[1])
    assert top >= 0


def test_a_game_started_with_the_pointer_where_quit_is_does_not_quit_on_enter(screens):
    display, game = screens(1280, 720)
    window = display.window()
    time.sleep(1.0)
    geometry = display.run("xdotool", "getwindowgeometry", window)
    x, y = (int(n) for n in geometry.split("Position:")[1].split()[0].split(","))
    width, height = (int(n) for n in geometry.split("Geometry:")[1].split()[0].split("x"))
    # Where Quit stands on a first run's title screen in a window of this size, laid out as
    # the game lays it out: the shipped story, with its mods beside it.
    loadout, story, _, _ = first_load(ROOT / "story", [], (), data_dir(), cache=None)
    app = App(story, settings=Settings(), size=(width, height), loadout=loadout, sound=False)
    title = d.at_title(app).top
    qx, qy = d.button(title, "quit").rect.center
    game.kill()
    game.wait(5)
    display.run("xdotool", "mousemove", str(x + qx), str(y + qy))
    again = start(display, display.home)
    try:
        display.window()
        time.sleep(1.5)
        display.keys("Return")
        time.sleep(1.5)
        assert again.poll() is None, "Enter quit the game: the pointer resting on Quit took the focus"
    finally:
        again.kill()
        again.wait(5)
