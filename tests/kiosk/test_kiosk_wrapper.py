"""The wrapper that keeps a kiosk running where there is no systemd: it stops when it is told
to and takes the kiosk with it, says which Python it is when that Python cannot run the game,
and gives up on a kiosk that keeps dying at the start instead of restarting it for ever."""

from __future__ import annotations

import importlib.util
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
WRAPPER = ROOT / "installations" / "kiosk_wrapper.py"


def wrapper_module():
    spec = importlib.util.spec_from_file_location("kiosk_wrapper", WRAPPER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_python_without_the_game_s_packages_is_named_and_nothing_is_started(monkeypatch, capsys):
    wrapper = wrapper_module()
    monkeypatch.setattr(wrapper, "NEEDED", {**wrapper.NEEDED, "no_such_module_here": "pygame-ce"})
    started = []
    monkeypatch.setattr(wrapper.subprocess, "Popen", lambda *a, **k: started.append(a))
    assert wrapper.main(["--kiosk-config", "kiosk.json"]) == 2
    said = capsys.readouterr().err
    assert sys.executable in said and "lacks pygame-ce" in said and ".venv" in said
    assert started == []


def test_a_kiosk_that_keeps_dying_at_the_start_is_given_up_after_a_few_tries(monkeypatch, capsys):
    wrapper = wrapper_module()
    runs = []
    monkeypatch.setattr(wrapper, "run", lambda command, stop: runs.append(command) or 4)
    monkeypatch.setattr(wrapper, "pause_after", lambda ran, pause: 0.0)
    monkeypatch.setattr(wrapper.signal, "signal", lambda *a: None)
    assert wrapper.main(["--kiosk-config", "kiosk.json"]) == 1
    assert len(runs) == wrapper.MOST_QUICK_DEATHS
    said = capsys.readouterr().err
    assert "no display" in said and "not starting it again" in said


def test_the_wrapper_starts_an_installed_game_when_it_is_not_beside_a_checkout(monkeypatch, tmp_path):
    wrapper = wrapper_module()
    assert wrapper.game_command(["--x"])[1:] == [str(ROOT / "main.py"), "--kiosk", "--x"]
    monkeypatch.setattr(wrapper, "GAME", tmp_path / "main.py")
    assert wrapper.game_command(["--x"])[1:] == ["-m", "game", "--kiosk", "--x"]


def start_wrapper(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    log = tmp_path / "kiosk.log"
    config = tmp_path / "kiosk.json"
    config.write_text(json.dumps({"staff_pin": "80517", "sound": False, "log_file": str(log)}), encoding="utf-8")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "KEEPING_TRUST_HOME": str(tmp_path / "home"), "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    process = subprocess.Popen([sys.executable, str(WRAPPER), "--story", str(FIXTURE_STORY), "--kiosk-config",
                                str(config)], env=env, cwd=tmp_path, text=True, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    end = time.monotonic() + 30
    while not (log.exists() and "kiosk started" in log.read_text(encoding="utf-8")):
        assert time.monotonic() < end and process.poll() is None, "the kiosk never started"
        time.sleep(0.05)
    return process, log


def kiosk_pids(wrapper_pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == wrapper_pid:
                found.append(int(entry.name))
    return found


def gone(pid: int, within: float = 10.0) -> bool:
    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", ["SIGTERM", "Ctrl+C"])
def test_stopping_the_wrapper_stops_the_kiosk_cleanly_and_prints_no_traceback(tmp_path, how):
    wrapper, log = start_wrapper(tmp_path)
    try:
        kiosk = kiosk_pids(wrapper.pid)
        assert len(kiosk) == 1
        if how == "SIGTERM":
            wrapper.send_signal(signal.SIGTERM)
        else:
            os.killpg(wrapper.pid, signal.SIGINT)      # what a terminal sends the whole group
        _, err = wrapper.communicate(timeout=15)
    finally:
        if wrapper.poll() is None:
            os.killpg(wrapper.pid, signal.SIGKILL)
    assert wrapper.returncode == 0, err
    assert "Traceback" not in err and "stopped by SIG" in err
    assert gone(kiosk[0])
    assert "stopped by SIG" in log.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kiosk learns of its wrapper's death on Linux")
def test_a_wrapper_killed_outright_takes_its_kiosk_with_it(tmp_path):
    wrapper, log = start_wrapper(tmp_path)
    try:
        kiosk = kiosk_pids(wrapper.pid)
        wrapper.kill()
        wrapper.wait(timeout=10)
        assert gone(kiosk[0]), "the kiosk outlived its wrapper"
    finally:
        for pid in kiosk_pids(wrapper.pid):
            os.kill(pid, signal.SIGKILL)
    assert "stopped by SIGTERM" in log.read_text(encoding="utf-8")
