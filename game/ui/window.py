"""The game's one window: opened where :mod:`game.ui.placement` says, switched to full screen
and back, and its windowed size and position kept so leaving full screen gives back the
window the player left.

Full screen is the desktop's own (no change of video mode) and is switched on the SDL window
that stays open, not by opening a new one: a new window lets the window manager choose its
size, and on X11 it chooses the whole desktop, with the buttons off screen.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pygame

from game.ui.placement import MIN_SIZE, Placement, Size, fits_a_window, place_window, smallest_window

#: Events after which the window's size or position may have changed.
GEOMETRY_EVENTS = (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWMOVED)


def prefer_native_framebuffer() -> None:
    """On X11, show frames through X's own shared-memory images rather than SDL's default
    OpenGL texture.  The texture path re-presents the whole window for every update, which
    without a GPU (Xvfb, virtual machines, kiosk boxes on Mesa's software renderer) costs
    most of a core at 1080p even when a few letters changed; X's path copies only the
    rectangles the play screen passes to ``pygame.display.update``.  Read by SDL when the
    window's surface is first made; a value set by the player is kept."""
    if pygame.display.get_init() and pygame.display.get_driver() == "x11":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


#: The window's class, as docks, task bars and window managers know it (X11's WM_CLASS, a
#: Wayland app id): the game's name, not the script that started it.
WINDOW_CLASS = "keeping-trust"


def name_the_window(name: str = WINDOW_CLASS) -> None:
    """Give the windows SDL makes from now on the class ``name``; read as the display opens,
    so called before it does.  pygame names them after the script that started the game
    ("main.py") unless told otherwise; a name the player set is kept."""
    script = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    for variable in ("SDL_VIDEO_X11_WMCLASS", "SDL_VIDEO_WAYLAND_WMCLASS"):
        if os.environ.get(variable, script) in (script, ""):
            os.environ[variable] = name


def desktop_size() -> Size:
    """The size of the desktop the window opens on (the first display)."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        sizes = []
    return tuple(sizes[0]) if sizes else MIN_SIZE  # type: ignore[return-value]


def _sdl_window() -> "pygame.Window | None":
    """The SDL window behind the display surface, fetched afresh (opening a display mode may
    replace it)."""
    try:
        with warnings.catch_warnings():
            # pygame-ce nudges towards drawing through Window itself; the game draws through
            # the display surface and uses Window only for what the display module lacks.
            warnings.simplefilter("ignore", DeprecationWarning)
            return pygame.Window.from_display_module()
    except (AttributeError, pygame.error):
        return None


class Window:
    """The window, windowed or full screen.

    ``size`` given: the window opens at that size (tests, benchmarks).  Otherwise it opens at
    ``saved_size``/``saved_position`` fitted to the desktop, or, the first time, sized from
    the desktop and centred.  ``windowed_size`` and ``windowed_position`` are the window as
    the player last had it out of full screen.
    """

    def __init__(self, title: str, *, fullscreen: bool = False, size: Size | None = None,
                 saved_size: Size | None = None, saved_position: tuple[int, int] | None = None,
                 icon: Path | None = None) -> None:
        pygame.display.set_caption(title)
        if icon is not None:
            try:
                pygame.display.set_icon(pygame.image.load(str(icon)))
            except (pygame.error, FileNotFoundError):
                pass
        self.fullscreen = False
        #: Pinned (a kiosk): full screen whatever asks, and put back whenever it is lost.
        self.pinned = False
        #: The desktop holds no window of the smallest layout with its title bar: the game
        #: opened full screen whatever the setting said (Settings says why).
        self.too_small = size is None and not fits_a_window(desktop_size())
        fullscreen = fullscreen or self.too_small
        if size is not None:
            opening = Placement(0, 0, max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        else:
            opening = place_window(desktop_size(), saved_size, saved_position)
        pygame.display.set_mode(opening.size, pygame.RESIZABLE)
        if size is None:
            pygame.display.set_window_position(opening.position)
        self._limit_size()
        self.windowed_size: Size = opening.size
        self.windowed_position: tuple[int, int] | None = opening.position
        self.remember()
        if fullscreen:
            self.set_fullscreen(True)

    @property
    def surface(self) -> pygame.Surface:
        return pygame.display.get_surface()

    @property
    def size(self) -> Size:
        return self.surface.get_size()

    def _limit_size(self) -> None:
        window = _sdl_window()
        if window is not None:
            window.minimum_size = smallest_window(desktop_size())

    def remember(self) -> None:
        """Note the window's size and position as they are now, if it is not full screen.
        Read from the window itself, not from an event: events from a full screen that has
        already been left can still be waiting in the queue."""
        if self.fullscreen:
            return
        window = _sdl_window()
        if window is None:
            self.windowed_size = self.size
            return
        self.windowed_size = tuple(window.size)  # type: ignore[assignment]
        self.windowed_position = tuple(window.position)  # type: ignore[assignment]

    def set_fullscreen(self, on: bool) -> None:
        if not on and self.pinned:
            return              # a kiosk's window never leaves full screen, whoever asks
        if on == self.fullscreen:
            return
        window = _sdl_window()
        if on:
            self.remember()
            self.fullscreen = True
            if window is not None:
                window.set_fullscreen(True)
            else:
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            return
        self.fullscreen = False
        back = place_window(desktop_size(), self.windowed_size, self.windowed_position)
        if window is not None:
            window.set_windowed()
            window.size = back.size
            window.position = back.position
        else:
            pygame.display.set_mode(back.size, pygame.RESIZABLE)
        self._limit_size()
        self.remember()

    def toggle_fullscreen(self) -> None:
        self.set_fullscreen(not self.fullscreen)

    def pin_fullscreen(self) -> None:
        """Full screen from now on: every later request to leave it is refused."""
        self.pinned = True
        self.restore_fullscreen()

    def restore_fullscreen(self, *, force: bool = False) -> None:
        """Put a pinned window back to full screen if the desktop took it out (a window
        manager's minimise or resize reaches the window without asking the game).  ``force``
        after the window was minimised or hidden: SDL may still believe it full screen."""
        if not self.pinned:
            return
        window = _sdl_window()
        if window is None:
            if not self.fullscreen:
                self.set_fullscreen(True)
            return
        if not force and self.fullscreen and pygame.display.is_fullscreen() and pygame.display.get_active():
            return
        window.show()
        window.restore()        # un-minimise first: a minimised window cannot be full screen
        # Through the windowed state and back, so SDL asks the window manager again rather
        # than trusting its own note that the window is full screen already.
        window.set_windowed()
        window.set_fullscreen(True)
        self.fullscreen = True

    def follow(self, event: pygame.event.Event) -> bool:
        """Keep track of the window after ``event``; True if it may have changed size."""
        if event.type not in GEOMETRY_EVENTS:
            return False
        self.remember()
        return event.type != pygame.WINDOWMOVED
