"""Start-up as a player sees it: from the process starting to a painted window, watched from
outside the game by another X client, as a player's eye watches the screen.

The game is started as a player starts it (``python main.py``), and the screen is read every
couple of milliseconds through Xlib until a row across its window is no longer black; the
same is done for a bare pygame-ce program opening a window of the same size and drawing one
line, in the same run.  Needs an X display with a black root window (``Xvfb -br``), Xlib and
``xdotool`` (to learn where each window is); without them it is skipped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What any pygame-ce program does to show a line, then stays open until it is stopped.
BARE = """
import sys, time
import pygame
pygame.init()
screen = pygame.display.set_mode((int(sys.argv[1]), int(sys.argv[2])), pygame.RESIZABLE)
font = pygame.font.Font(None, 48)
screen.fill((32, 30, 28))
screen.blit(font.render("Keeping Trust", True, (240, 236, 228)), (80, 80))
pygame.display.flip()
while True:
    pygame.event.pump()
    time.sleep(0.05)
"""


class _Image(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class Screen:
    """Rows of the root window read through Xlib: a window's pixels as the screen shows them."""

    ALL_PLANES = 0xFFFFFFFF
    Z_PIXMAP = 2

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise OSError("no Xlib")
        self.x = ctypes.CDLL(name)
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.POINTER(_Image)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                     ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XFree.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.display = self.x.XOpenDisplay(display.encode())
        if not self.display:
            raise OSError(f"cannot open display {display}")
        self.root = self.x.XDefaultRootWindow(self.display)

    def row_lit(self, x: int, y: int, width: int) -> bool:
        """Whether any pixel of the row is not black."""
        image = self.x.XGetImage(self.display, self.root, x, y, width, 1, self.ALL_PLANES, self.Z_PIXMAP)
        if not image:
            return False
        try:
            data = ctypes.string_at(image.contents.data, image.contents.bytes_per_line)
        finally:
            self.x.XFree(image.contents.data)
            self.x.XFree(image)
        # 24-bit pixels in 32: the spare byte stays 0 on Xvfb, so black is all zeros.
        return data.count(0) != len(data)

    def close(self) -> None:
        self.x.XCloseDisplay(self.display)


def _geometry(pid: int, env: dict[str, str], timeout: float = 30) -> tuple[int, int, int, int] | None:
    """Where process ``pid``'s window is on the screen: x, y, width, height."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env,
                               capture_output=True, text=True)
        for window in found.stdout.split():
            shape = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=env,
                                   capture_output=True, text=True).stdout
            values = dict(line.split("=", 1) for line in shape.split() if "=" in line)
            if {"X", "Y", "WIDTH", "HEIGHT"} <= values.keys() and int(values["WIDTH"]) > 1:
                return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])
        time.sleep(0.1)
    return None


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _until_dark(screen: Screen, where: tuple[int, int, int, int], timeout: float = 10) -> None:
    x, y, w, h = where
    deadline = time.monotonic() + timeout
    while screen.row_lit(x, y + h // 2, w) and time.monotonic() < deadline:
        time.sleep(0.02)


def _painted(command: list[str], env: dict[str, str], screen: Screen, where: tuple[int, int, int, int],
             root: Path, timeout: float = 60) -> float:
    """Seconds from starting ``command`` to a lit row across the middle of ``where``."""
    x, y, w, h = where
    _until_dark(screen, where)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not screen.row_lit(x, y + h // 2, w):
            if process.poll() is not None:
                raise RuntimeError(f"{' '.join(command)} ended before painting its window")
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{' '.join(command)} painted nothing in {timeout:g} s")
            time.sleep(0.002)
        return time.perf_counter() - started
    finally:
        _stop(process)


def _placed(command: list[str], env: dict[str, str], root: Path) -> tuple[int, int, int, int]:
    """Run ``command`` once to learn where its window goes (and warm what a start keeps)."""
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        where = _geometry(process.pid, env)
        time.sleep(1.0)          # the game keeps its compiled story and window size as it starts
    finally:
        _stop(process)
    if where is None:
        raise RuntimeError(f"{' '.join(command)} showed no window")
    return where


def painted_start(env: dict[str, str], repeat: int, root: Path = ROOT) -> dict | None:
    """Median seconds to a painted window, the game's (``main.py`` in ``root``) and a bare
    pygame-ce window's of the same size, and the window size; None without an X display, Xlib
    or xdotool."""
    if "DISPLAY" not in env or env.get("SDL_VIDEODRIVER") == "dummy" or shutil.which("xdotool") is None:
        return None
    try:
        screen = Screen(env["DISPLAY"])
    except OSError:
        return None
    try:
        middle = (0, 540, 1920, 1)
        if screen.row_lit(*middle[:3]):
            raise RuntimeError("the screen is not black before any window opens: start Xvfb with -br")
        game_command = [sys.executable, "main.py"]
        game_where = _placed(game_command, env, root)
        size = game_where[2:]
        bare_command = [sys.executable, "-c", BARE, *map(str, size)]
        bare_where = _placed(bare_command, env, root)
        game, bare = [], []
        for _ in range(repeat):
            game.append(_painted(game_command, env, screen, game_where, root))
            bare.append(_painted(bare_command, env, screen, bare_where, root))
    finally:
        screen.close()
    return {"game": statistics.median(game), "bare": statistics.median(bare), "size": list(size),
            "runs": repeat}


if __name__ == "__main__":
    # By hand, on a display already running (Xvfb -br):
    #     DISPLAY=:91 KEEPING_TRUST_HOME=DIR python -m benchmarks.painted [REPEAT [GAME_FOLDER]]
    # GAME_FOLDER: another copy of the game (an earlier version, say) to time instead.
    home = os.environ.get("KEEPING_TRUST_HOME")
    if home is None:
        raise SystemExit("set KEEPING_TRUST_HOME to a scratch folder: the game keeps its settings there")
    print(painted_start(dict(os.environ, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1"),
                        int(sys.argv[1]) if len(sys.argv) > 1 else 5,
                        Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else ROOT))
