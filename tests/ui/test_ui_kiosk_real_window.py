"""The kiosk in a real X window, under Xvfb with the openbox window manager: a visitor who
presses every key and clicks everywhere the Esc menu and the Settings screen offer, and then
has the window manager minimise the window, still finds the game full screen.

The other kiosk tests run on SDL's dummy driver, where full screen is only a flag; here the
window manager is asked, as on a real kiosk.  Skipped where Xvfb, openbox or xdotool is not
installed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT
from x_display import MISSING, Display

pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} for a real X display")

WIDTH, HEIGHT = 1280, 720
FIXTURE_STORY = Path(__file__).parent / "fixture_story"
#: Where the Esc menu's buttons stand at 1280×720, top to bottom: Return to the story,
#: History, Save, Load, Settings, Read aloud, Title screen, Quit.
MENU = [(640, y) for y in (167, 222, 277, 332, 387, 442, 497, 552)]
SETTINGS = MENU[4]
BEGIN = (640, 560)
#: Every key a visitor might press on the Settings screen or the menu, and the ones that
#: leave or shrink a window on a desktop.
KEYS = ("Up", "Down", "Left", "Right", "Return", "space", "Tab", "BackSpace", "F11", "alt+Return",
        "alt+F4", "ctrl+q", "ctrl+w", "alt+Tab", "super+Down", "alt+F9", "alt+F10", "minus", "plus",
        "f", "F", "k", "v", "m", "h", "s", "l", "F5", "F9", "Page_Down", "Home", "End")


@pytest.fixture
def display():
    screen = Display(WIDTH, HEIGHT)
    yield screen
    screen.close()


@pytest.fixture
def kiosk(display, tmp_path):
    config = tmp_path / "kiosk.json"
    config.write_text('{"staff_pin": "80517", "idle_seconds": 600, "sound": false, "log_file": "%s"}'
                      % (tmp_path / "kiosk.log"))
    env = {**display.env, "KEEPING_TRUST_HOME": str(tmp_path / "home"), "SDL_AUDIODRIVER": "dummy",
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    game = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--story", str(FIXTURE_STORY),
                             "--kiosk-config", str(config)], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    yield game
    if game.poll() is None:
        game.kill()
    game.wait(5)


@pytest.mark.slow
def test_nothing_on_the_menu_or_the_settings_nor_a_minimise_takes_the_kiosk_out_of_full_screen(display, kiosk):
    window = display.window()
    time.sleep(0.5)
    assert display.full_screen(window)
    display.click(*BEGIN)
    time.sleep(0.3)
    # Every button of the Esc menu, the menu opened again before each.
    for place in MENU:
        display.keys("Escape")
        display.click(*place)
        display.keys("Escape", "Escape")
        assert kiosk.poll() is None and display.full_screen(window), f"after the menu's button at {place}"
    # Every row of the Settings screen by key: each stepped down, up and pressed, and looked
    # at after each (a switch pressed twice would hide that it ever left full screen).
    display.keys("Escape")
    display.click(*SETTINGS)
    for row in range(12):
        for name in ("Right", "Left", "Return"):
            display.keys(name)
            time.sleep(0.1)
            assert kiosk.poll() is None and display.full_screen(window), f"after {name} on row {row}"
        display.keys("Down")
    display.keys("Escape", "Escape", "Escape")
    display.click(*SETTINGS)
    # Everywhere on it, rows, − and + alike (the clicks change the text size, so the screen
    # is clicked over as its layout changes).
    for y in range(95, 330, 35):
        for x in range(270, 1030, 76):
            display.click(x, y)
            assert kiosk.poll() is None and display.full_screen(window), f"after clicking at {(x, y)}"
    for name in KEYS:
        display.keys(name)
    time.sleep(0.3)
    assert kiosk.poll() is None and display.full_screen(window), "after the keys"
    # The window manager's own minimise, as a desktop's taskbar or shortcut would do it.
    display.run("xdotool", "windowminimize", window)
    time.sleep(1.0)
    assert kiosk.poll() is None
    assert display.full_screen(window), "after the window manager minimised it"
