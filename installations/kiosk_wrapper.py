#!/usr/bin/env python3
"""Keep a Keeping Trust kiosk running: start it, and start it again whenever it stops for
any reason but the staff exit.  For machines without systemd (Windows, macOS, a desktop
session's autostart); on Linux the systemd unit beside this file does the same job.

    python installations/kiosk_wrapper.py --kiosk-config /etc/keeping-trust/kiosk.json

Every argument is passed on to ``main.py``.  The kiosk's own exit codes decide: 0 is the
staff exit, 2 a config and 3 a story the operator must fix, so the wrapper stops too; anything else (a
crash, the window destroyed, the process killed) is logged and the kiosk started again —
at once if it had run a while, after a growing pause if it keeps dying at the start.
Standard library only, so it runs wherever the game does.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "main.py"
#: Exit codes after which starting again would only do the same: the staff exit, a config
#: the operator must fix, a story that does not load.
FINAL = {0: "the staff closed the kiosk", 2: "the kiosk config has errors", 3: "the story could not be loaded"}
#: A run shorter than this counts as dying at the start, and the pause before the next grows.
SHORT_RUN_SECONDS = 30.0
FIRST_PAUSE, LONGEST_PAUSE = 1.0, 60.0


def say(message: str) -> None:
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S} kiosk wrapper: {message}", file=sys.stderr, flush=True)


def pause_after(run_seconds: float, previous_pause: float) -> float:
    """How long to wait before starting again after a run of ``run_seconds``."""
    if run_seconds >= SHORT_RUN_SECONDS:
        return FIRST_PAUSE
    return min(LONGEST_PAUSE, max(FIRST_PAUSE, previous_pause * 2))


def main(argv: list[str]) -> int:
    command = [sys.executable, str(GAME), "--kiosk", *argv]
    pause = 0.0
    while True:
        started = time.monotonic()
        say("starting " + " ".join(command[1:]))
        try:
            code = subprocess.call(command)
        except KeyboardInterrupt:
            say("stopped by hand")
            return 0
        ran = time.monotonic() - started
        if code in FINAL:
            say(f"kiosk exited with {code}: {FINAL[code]}; not starting it again")
            return code
        pause = pause_after(ran, pause)
        say(f"kiosk stopped with exit code {code} after {ran:.0f} s; starting again in {pause:.0f} s")
        time.sleep(pause)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
