"""Input turned into commands, at one boundary.

Keyboard, mouse, wheel and touch events become :class:`Command` values here; scenes only ever
see commands, so tests can drive every screen without SDL events and the same scene works with
mouse only, keyboard only or a touch screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

# Command kinds.
UP = "up"
DOWN = "down"
LEFT = "left"
RIGHT = "right"
CONFIRM = "confirm"        # Enter: activate what has focus
ADVANCE = "advance"        # Space: complete the text, or the next page
BACK = "back"              # Esc, Backspace, right click: leave this screen / open the menu
CHOOSE = "choose"          # a number key: pick choice `number`
POINT = "point"            # the pointer moved to `pos` (hover)
CLICK = "click"            # a click or a tap at `pos`
SCROLL = "scroll"          # wheel or drag; `amount` > 0 scrolls down, in lines
PAGE_UP = "page_up"
PAGE_DOWN = "page_down"
HOME = "home"
END = "end"
SKIP = "skip"              # Tab: show the whole page at once
HISTORY = "history"        # H
QUICKSAVE = "quicksave"    # F5
QUICKLOAD = "quickload"    # F9
FULLSCREEN = "fullscreen"  # F11, Alt+Enter
QUIT = "quit"              # the window was closed


@dataclass(frozen=True)
class Command:
    """One thing the player asked for.  ``pos`` is in window pixels."""

    kind: str
    number: int = 0
    pos: tuple[int, int] | None = None
    amount: float = 0.0


_KEYS: dict[int, str] = {
    pygame.K_UP: UP,
    pygame.K_DOWN: DOWN,
    pygame.K_LEFT: LEFT,
    pygame.K_RIGHT: RIGHT,
    pygame.K_RETURN: CONFIRM,
    pygame.K_KP_ENTER: CONFIRM,
    pygame.K_SPACE: ADVANCE,
    pygame.K_ESCAPE: BACK,
    pygame.K_BACKSPACE: BACK,
    pygame.K_PAGEUP: PAGE_UP,
    pygame.K_PAGEDOWN: PAGE_DOWN,
    pygame.K_HOME: HOME,
    pygame.K_END: END,
    pygame.K_TAB: SKIP,
    pygame.K_h: HISTORY,
    pygame.K_F5: QUICKSAVE,
    pygame.K_F9: QUICKLOAD,
    pygame.K_F11: FULLSCREEN,
}

_NUMBERS: dict[int, int] = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_NUMBERS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})

#: How many lines one finger-drag of the whole window height scrolls.
_DRAG_LINES = 20


def commands_from_event(event: pygame.event.Event, window_size: tuple[int, int]) -> list[Command]:
    """The commands one SDL event means (often none)."""
    kind = event.type
    if kind == pygame.QUIT:
        return [Command(QUIT)]
    if kind == pygame.KEYDOWN:
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and event.mod & pygame.KMOD_ALT:
            return [Command(FULLSCREEN)]
        if event.key in _NUMBERS and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return [Command(CHOOSE, number=_NUMBERS[event.key])]
        mapped = _KEYS.get(event.key)
        return [Command(mapped)] if mapped else []
    # SDL also turns touches into mouse events (flagged .touch); the finger events below are
    # used instead, so a tap is never counted twice.
    if kind == pygame.MOUSEMOTION:
        if getattr(event, "touch", False):
            return []
        return [Command(POINT, pos=tuple(event.pos))]
    if kind == pygame.MOUSEBUTTONUP:
        if getattr(event, "touch", False):
            return []
        if event.button == 1:
            return [Command(CLICK, pos=tuple(event.pos))]
        if event.button == 3:
            return [Command(BACK)]
        return []
    if kind == pygame.MOUSEWHEEL:
        if getattr(event, "touch", False):
            return []
        amount = -float(getattr(event, "precise_y", event.y) or event.y)
        return [Command(SCROLL, amount=amount)] if amount else []
    if kind == pygame.FINGERUP:
        pos = (int(event.x * window_size[0]), int(event.y * window_size[1]))
        return [Command(CLICK, pos=pos)]
    if kind == pygame.FINGERMOTION:
        amount = -event.dy * _DRAG_LINES
        return [Command(SCROLL, amount=amount)] if abs(amount) > 0.05 else []
    return []
