"""A kiosk with no display to show itself on refuses to run invisibly: it says why and stops
with its own exit code, where SDL would have drawn the game into memory for days."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.display_check import NO_DISPLAY, unseen
from helpers import ROOT


def test_an_invisible_driver_sdl_fell_back_to_is_refused_and_says_why():
    why = unseen("offscreen", {})
    assert why and "no display" in why and "neither DISPLAY nor WAYLAND_DISPLAY is set" in why
    assert "DISPLAY=:5" in unseen("offscreen", {"DISPLAY": ":5"})


def test_a_real_display_or_a_driver_chosen_by_name_is_taken():
    assert unseen("x11", {"DISPLAY": ":0"}) is None
    assert unseen("wayland", {}) is None
    assert unseen("dummy", {"SDL_VIDEODRIVER": "dummy"}) is None


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SDL falls back to offscreen on Linux")
def test_a_kiosk_started_without_a_display_stops_with_exit_4_and_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(SDL_AUDIODRIVER="dummy", KEEPING_TRUST_HOME=str(tmp_path), PYGAME_HIDE_SUPPORT_PROMPT="1")
    ran = subprocess.run([sys.executable, str(ROOT / "main.py"), "--story", str(ROOT / "tests" / "ui" / "fixture_story"),
                          "--kiosk"], env=env, capture_output=True, text=True, timeout=60)
    assert ran.returncode == NO_DISPLAY
    assert "no display to show the kiosk on" in ran.stderr and "Traceback" not in ran.stderr
    assert "no display" in (tmp_path / "kiosk.log").read_text(encoding="utf-8")
