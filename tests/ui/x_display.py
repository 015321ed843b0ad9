"""A real X display for the tests that need a window manager to ask: an Xvfb screen with
openbox on it, and xdotool and xprop to play the player and look at the window.  Tests that
use it skip where a tool is not installed (see :data:`MISSING`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

from game.ui.window import WINDOW_CLASS

TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "xwininfo")
#: The tools this machine lacks for a real X display.
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]


class Display:
    """An Xvfb screen with openbox on it, and xdotool to play the visitor."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        read, write = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                                        "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            self.name = ":" + pipe.readline().strip()
        self.env = {**os.environ, "DISPLAY": self.name}
        self.env.pop("SDL_VIDEODRIVER", None)
        self.manager = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=10).stdout

    def window(self, timeout: float = 60.0) -> str:
        # A fresh checkout compiles the story on its first start, beside a busy test run: the
        # window is waited for as long as that can take (found at once, it returns at once).
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = self.run("xdotool", "search", "--onlyvisible", "--class", WINDOW_CLASS).split()
            if found:
                return found[0]
            time.sleep(0.2)
        raise AssertionError("the game's window never appeared")

    def keys(self, *names: str) -> None:
        self.run("xdotool", "key", "--delay", "30", *names)

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", str(x), str(y), "click", "1")
        time.sleep(0.05)

    def full_screen(self, window: str) -> bool:
        """Full screen as the window manager has it: the state, the whole screen, mapped."""
        state = self.run("xprop", "-id", window, "_NET_WM_STATE")
        info = self.run("xwininfo", "-id", window)
        return ("_NET_WM_STATE_FULLSCREEN" in state and "_NET_WM_STATE_HIDDEN" not in state
                and f"Width: {self.width}" in info and f"Height: {self.height}" in info and "IsViewable" in info)

    def close(self) -> None:
        for process in (self.manager, self.server):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
