"""Where the game's window opens, and how big: a pure function of the desktop and of the
window the player last left, so it is decided (and tested) without a display.

A first window takes most of the desktop but leaves room for the title bar and the panels
around it, so the title and every button are on screen whatever the desktop.  A window the
player sized and moved comes back as they left it — unless the desktop changed under it (a
smaller screen, an unplugged second monitor), in which case it is shrunk and moved back onto
the desktop rather than opening where nobody can see it.
"""

from __future__ import annotations

from dataclasses import dataclass

Size = tuple[int, int]

#: The smallest window the screens are laid out for.
MIN_SIZE: Size = (1024, 600)
#: How much of the desktop a first window takes: the rest is for the title bar and panels.
DESKTOP_SHARE = 0.9


@dataclass(frozen=True)
class Placement:
    """A window's position (top-left of its drawing area, in desktop pixels) and size."""

    x: int
    y: int
    width: int
    height: int

    @property
    def size(self) -> Size:
        return self.width, self.height

    @property
    def position(self) -> tuple[int, int]:
        return self.x, self.y


#: Room a window needs around its drawing area on a desktop: the title bar and its edges.
WINDOW_FRAME: Size = (16, 48)


def fits_a_window(desktop: Size, minimum: Size = MIN_SIZE) -> bool:
    """Whether ``desktop`` holds a window of the smallest layout with its title bar: on a
    desktop no larger than that, a "window" would be the whole screen with its title bar
    pushed off the top, so the game opens full screen instead."""
    return desktop[0] >= minimum[0] + WINDOW_FRAME[0] and desktop[1] >= minimum[1] + WINDOW_FRAME[1]


def smallest_window(desktop: Size, minimum: Size = MIN_SIZE) -> Size:
    """The smallest window allowed on ``desktop``: the layout's minimum, or the whole desktop
    when the desktop itself is smaller than that."""
    return min(minimum[0], desktop[0]), min(minimum[1], desktop[1])


def place_window(desktop: Size, saved_size: Size | None = None,
                 saved_position: tuple[int, int] | None = None,
                 minimum: Size = MIN_SIZE) -> Placement:
    """Where to open the window on a desktop of ``desktop`` pixels.

    Without a saved size the window takes :data:`DESKTOP_SHARE` of the desktop, never less
    than ``minimum`` (unless the desktop is smaller: then it fills the desktop) and is
    centred.  A saved size and position are kept as far as the desktop allows: the size is
    held between the minimum and the desktop, and the window is moved so it lies wholly on
    the desktop.  A saved size without a position is centred.
    """
    dw, dh = max(1, desktop[0]), max(1, desktop[1])
    low_w, low_h = smallest_window((dw, dh), minimum)
    if saved_size is None:
        want_w, want_h = round(dw * DESKTOP_SHARE), round(dh * DESKTOP_SHARE)
    else:
        want_w, want_h = saved_size
    width = max(low_w, min(dw, want_w))
    height = max(low_h, min(dh, want_h))
    if saved_position is None:
        x, y = (dw - width) // 2, (dh - height) // 2
    else:
        x = max(0, min(dw - width, saved_position[0]))
        y = max(0, min(dh - height, saved_position[1]))
    return Placement(x, y, width, height)
