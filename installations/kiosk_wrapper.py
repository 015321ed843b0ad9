#!/usr/bin/env python3
"""Keep a Keeping Trust kiosk running: start it, and start it again whenever it stops for
any reason but the staff exit.  For machines without systemd (Windows, macOS, a desktop
session's autostart); on Linux the systemd unit beside this file does the same job.

    ~/keeping-trust/.venv/bin/python installations/kiosk_wrapper.py --kiosk-config kiosk.json

Run it with the Python the game is installed in (a checkout's ``.venv``): it starts the game
with the same Python, and first checks that this Python has what the game needs — if not, it
says which Python it is and stops, rather than starting a game that cannot import.

Every argument is passed on to ``main.py --kiosk``.  The kiosk's own exit codes decide: 0 is
the staff exit, 2 a config and 3 a story the operator must fix, so the wrapper stops too;
anything else (a crash, the window destroyed, the process killed, no display yet) is logged
and the kiosk started again — at once if it had run a while, after a growing pause if it
keeps dying at the start, and not at all after :data:`MOST_QUICK_DEATHS` of those in a row.

Stopping the wrapper stops the kiosk: SIGTERM (``kill``, a shutdown) and Ctrl+C are passed on
to it and waited for; on Linux the kiosk is also told to stop if the wrapper dies without a
word (``kill -9``).  Standard library only, so it runs wherever the game does.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
GAME = CHECKOUT / "main.py"
#: Exit codes after which starting again would only do the same: the staff exit, a config
#: the operator must fix, a story that does not load.
FINAL = {0: "the staff closed the kiosk", 2: "the kiosk config has errors", 3: "the story could not be loaded"}
#: What the kiosk's other exit codes of its own mean, for the log.
KNOWN = {4: "no display to show it on"}
#: A run shorter than this counts as dying at the start, and the pause before the next grows.
SHORT_RUN_SECONDS = 30.0
FIRST_PAUSE, LONGEST_PAUSE = 1.0, 60.0
#: This many deaths at the start in a row, and the wrapper stops: whatever is wrong will not
#: mend itself by starting again, and a kiosk restarting for ever hides it.
MOST_QUICK_DEATHS = 5
#: What the game imports before it can show anything, by the name the installer knows it by.
NEEDED = {"pygame": "pygame-ce", "yaml": "PyYAML", "platformdirs": "platformdirs"}
#: How long a stopped kiosk is given to close before it is killed (seconds).
STOP_WAIT = 10.0


def say(message: str) -> None:
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S} kiosk wrapper: {message}", file=sys.stderr, flush=True)


def pause_after(run_seconds: float, previous_pause: float) -> float:
    """How long to wait before starting again after a run of ``run_seconds``."""
    if run_seconds >= SHORT_RUN_SECONDS:
        return FIRST_PAUSE
    return min(LONGEST_PAUSE, max(FIRST_PAUSE, previous_pause * 2))


def missing_here() -> list[str]:
    """What this Python lacks of what the game needs (the installer's names), none if nothing."""
    return [package for module, package in NEEDED.items() if importlib.util.find_spec(module) is None]


def game_command(argv: list[str]) -> list[str]:
    """How to start the game with this Python: the checkout's ``main.py``, or the installed
    package when the wrapper was copied away from a checkout."""
    if GAME.is_file():
        return [sys.executable, str(GAME), "--kiosk", *argv]
    return [sys.executable, "-m", "game", "--kiosk", *argv]


def _die_with_the_wrapper() -> None:
    """In the kiosk's process, before it starts (Linux): be sent SIGTERM when the wrapper dies,
    however it dies, so no kiosk is left running that nothing will start again."""
    import ctypes

    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class Stop:
    """SIGTERM and SIGINT to the wrapper: passed on to the kiosk, and the loop ends."""

    def __init__(self) -> None:
        self.asked: str | None = None
        self.child: subprocess.Popen | None = None
        self.woken = threading.Event()

    def install(self) -> None:
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, self._stop)

    def _stop(self, number: int, _frame) -> None:
        self.asked = signal.Signals(number).name
        self.woken.set()
        child = self.child
        if child is not None and child.poll() is None:
            try:
                child.send_signal(signal.SIGTERM if number == signal.SIGTERM else number)
            except OSError:
                pass


def run(command: list[str], stop: Stop) -> int:
    """Start the kiosk once and wait for it; a stop asked meanwhile is passed on and waited for."""
    linux = sys.platform.startswith("linux")
    stop.child = subprocess.Popen(command, preexec_fn=_die_with_the_wrapper if linux else None)
    try:
        while True:
            try:
                return stop.child.wait(timeout=0.5 if stop.asked is None else STOP_WAIT)
            except subprocess.TimeoutExpired:
                if stop.asked is not None:
                    say(f"the kiosk did not stop within {STOP_WAIT:.0f} s of {stop.asked}; killing it")
                    stop.child.kill()
                    return stop.child.wait()
    finally:
        stop.child = None


def main(argv: list[str]) -> int:
    lacking = missing_here()
    if lacking:
        say(f"this Python ({sys.executable}, {sys.version.split()[0]}) cannot run the game: it lacks "
            f"{', '.join(lacking)}. Start the wrapper with the Python the game was installed in, for example "
            f"{CHECKOUT / '.venv' / 'bin' / 'python'} {Path(__file__).resolve()} …")
        return 2
    stop = Stop()
    stop.install()
    command = game_command(argv)
    pause, quick_deaths = 0.0, 0
    while stop.asked is None:
        started = time.monotonic()
        say("starting " + " ".join(command[1:]) + f" with {sys.executable}")
        code = run(command, stop)
        ran = time.monotonic() - started
        if stop.asked is not None:
            say(f"stopped by {stop.asked}; the kiosk exited with {code}")
            return 0
        if code in FINAL:
            say(f"kiosk exited with {code}: {FINAL[code]}; not starting it again")
            return code
        quick_deaths = quick_deaths + 1 if ran < SHORT_RUN_SECONDS else 0
        why = f" ({KNOWN[code]})" if code in KNOWN else ""
        if quick_deaths >= MOST_QUICK_DEATHS:
            say(f"kiosk stopped with exit code {code}{why} {quick_deaths} times in a row, each within "
                f"{SHORT_RUN_SECONDS:.0f} s of starting; not starting it again. Its own lines above say why.")
            return 1
        pause = pause_after(ran, pause)
        say(f"kiosk stopped with exit code {code}{why} after {ran:.0f} s; starting again in {pause:.0f} s")
        stop.woken.wait(pause)
    say(f"stopped by {stop.asked}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
