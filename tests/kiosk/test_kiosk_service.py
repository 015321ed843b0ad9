"""The kiosk as a service under systemd or the wrapper: SIGTERM ends it cleanly and quickly,
and a config it cannot use stops it with exit code 2 and a line saying why, never a
traceback (exit 1, which the supervisor would answer by starting it again for ever)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT

FIXTURE_STORY = ROOT / "tests" / "ui" / "fixture_story"


def kiosk(tmp_path: Path, config: dict, **popen) -> subprocess.Popen:
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "KEEPING_TRUST_HOME": str(tmp_path / "home"), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--story", str(FIXTURE_STORY),
                             "--kiosk-config", str(path)], env=env, cwd=tmp_path, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def started(log: Path, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if log.exists() and "kiosk started" in log.read_text(encoding="utf-8"):
            return
        time.sleep(0.05)
    raise AssertionError("the kiosk never said it started")


@pytest.mark.slow
def test_sigterm_ends_the_kiosk_with_code_0_within_two_seconds_and_says_so_in_its_log(tmp_path):
    log = tmp_path / "kiosk.log"
    game = kiosk(tmp_path, {"staff_pin": "80517", "sound": False, "log_file": str(log)})
    try:
        started(log)
        time.sleep(0.5)                          # in the loop, the attract screen showing
        asked = time.monotonic()
        game.send_signal(signal.SIGTERM)
        code = game.wait(timeout=10)
        took = time.monotonic() - asked
    finally:
        if game.poll() is None:
            game.kill()
    assert code == 0, game.stderr.read()
    assert took < 2.0
    assert "stopped by SIGTERM" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("config,expected", [
    ({"attract_lines": ["A line with a NUL\u0000 in it"]}, "attract_lines: line 1 holds the invisible character U+0000"),
    ({"attract_lines": ["Turned \u202eround"]}, "attract_lines: line 1 holds the invisible character U+202E"),
    ({"attract_lines": ["x" * 5000]}, "attract_lines: line 1 is 5000 characters long"),
    ({"log_file": "{tmp}"}, "log_file: {tmp} is a folder"),
    ({"staff_pin": "2468"}, "staff_pin: 2468 is the example's PIN, printed in the docs"),
    ({"log_file": "{tmp}/no/such/folder/kiosk.log"}, "log_file: the folder {tmp}/no/such/folder does not exist"),
])
@pytest.mark.slow
def test_a_config_the_kiosk_cannot_use_is_exit_2_and_a_line_not_a_traceback(tmp_path, config, expected):
    config = {key: value.replace("{tmp}", str(tmp_path)) if isinstance(value, str) else value
              for key, value in config.items()}
    game = kiosk(tmp_path, {"staff_pin": "80517", **config})
    out, err = game.communicate(timeout=30)
    assert game.returncode == 2
    assert expected.replace("{tmp}", str(tmp_path)) in err
    assert "Traceback" not in err
