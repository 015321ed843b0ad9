"""Whether the window is on a screen anyone can see.

With no display to open (a kiosk's service started before the graphical session, or with no
``DISPLAY`` in its environment), SDL falls back to a driver that draws into memory: the kiosk
would run for days, invisible, while its service looks active.  A kiosk asks here after its
window opens and refuses to go on, saying why.  A driver chosen by name (``SDL_VIDEODRIVER``,
as tests and benchmarks choose ``dummy``) is taken as meant.
"""

from __future__ import annotations

import os
from typing import Mapping

#: SDL's drivers that show nothing on any screen.
INVISIBLE = frozenset({"offscreen", "dummy", "evdev"})
#: The kiosk's exit code when it has no display: not a config to fix, so a supervisor may try
#: again (the session may come up later), but the wrapper and systemd give up after a few.
NO_DISPLAY = 4


def unseen(driver: str, environ: Mapping[str, str] = os.environ) -> str | None:
    """Why a window opened with SDL's ``driver`` is seen by nobody, or None when it is seen (or
    the driver was chosen by name)."""
    if environ.get("SDL_VIDEODRIVER") or driver.lower() not in INVISIBLE:
        return None
    places = [f"{name}={environ[name]}" for name in ("DISPLAY", "WAYLAND_DISPLAY") if environ.get(name)]
    where = ", ".join(places) if places else "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return (f"no display to show the kiosk on (SDL could only open its '{driver}' driver; {where}). "
            "Start the kiosk from the graphical session of the account that logs in on the screen "
            "(its autostart, or systemd's user unit after graphical-session.target)")
