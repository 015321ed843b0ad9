"""Ctrl+C in the terminal a game was started from stops it with a line, not a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_ctrl_c_stops_the_window_without_a_traceback(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "KEEPING_TRUST_HOME": str(tmp_path),
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    game = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--class", "--seed", "3"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert game.poll() is None, game.stderr.read()
        game.send_signal(signal.SIGINT)
        _, err = game.communicate(timeout=20)
    finally:
        if game.poll() is None:
            game.kill()
    assert game.returncode == 130
    assert "Traceback" not in err and "Stopped (Ctrl+C)." in err
