"""Input turned into commands, at one boundary.

Keyboard, mouse, wheel and touch events become :class:`Command` values here; scenes only ever
see commands, so tests can drive every screen without SDL events and the same scene works with
mouse only, keyboard only or a touch screen.  A finger that stays within a few pixels of where
it came down taps; one that moves further drags, which scrolls and never clicks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import pygame

from game.engine.named import StrEnum
from game.settings import KEY_ACTIONS


class Kind(StrEnum):
    """What a command asks for: a closed set, so a scene that names one that does not exist
    fails at once instead of never matching."""

    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"  # Enter: activate what has focus
    ADVANCE = "advance"  # Space: complete the text, or the next page
    BACK = "back"  # Esc, Backspace, right click: leave this screen / open the menu
    CHOOSE = "choose"  # a number key: pick choice `digit` (or type it)
    POINT = "point"  # the pointer moved to `pos` (hover)
    CLICK = "click"  # a click or a tap at `pos`
    SCROLL = "scroll"  # wheel or drag; `amount` > 0 scrolls down, in lines
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"
    HOME = "home"
    END = "end"
    SKIP = "skip"  # Tab: show the whole page at once
    HISTORY = "history"  # H
    QUICKSAVE = "quicksave"  # F5
    QUICKLOAD = "quickload"  # F9
    FULLSCREEN = "fullscreen"  # F11, Alt+Enter
    VOICE = "voice"  # V: read aloud on or off
    QUIT = "quit"  # the window was closed
    KEY = "key"  # any key, as `key`, while the keys screen listens for one


# Each kind by its own name too, as the scenes have always read them (``input.BACK``).
UP = Kind.UP
DOWN = Kind.DOWN
LEFT = Kind.LEFT
RIGHT = Kind.RIGHT
CONFIRM = Kind.CONFIRM
ADVANCE = Kind.ADVANCE
BACK = Kind.BACK
CHOOSE = Kind.CHOOSE
POINT = Kind.POINT
CLICK = Kind.CLICK
SCROLL = Kind.SCROLL
PAGE_UP = Kind.PAGE_UP
PAGE_DOWN = Kind.PAGE_DOWN
HOME = Kind.HOME
END = Kind.END
SKIP = Kind.SKIP
HISTORY = Kind.HISTORY
QUICKSAVE = Kind.QUICKSAVE
QUICKLOAD = Kind.QUICKLOAD
FULLSCREEN = Kind.FULLSCREEN
VOICE = Kind.VOICE
QUIT = Kind.QUIT
KEY = Kind.KEY


@dataclass(frozen=True)
class Command:
    """One thing the player asked for.  ``digit`` is the number key of a :data:`CHOOSE` (a
    choice's number, 0 to 9); ``key`` is the pygame key code of a :data:`KEY`; ``pos`` is in
    window pixels."""

    kind: Kind
    digit: int = 0
    key: int = 0
    pos: tuple[int, int] | None = None
    amount: float = 0.0

    def __post_init__(self) -> None:
        # A kind given as its word (a key binding read from the settings) is the same kind.
        object.__setattr__(self, "kind", Kind(self.kind))

    @property
    def deletes(self) -> bool:
        """A BACK that came from Backspace: in a field or a pad, take the last character back."""
        return self.kind == BACK and self.key == pygame.K_BACKSPACE


_KEYS: dict[int, Kind] = {
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
    pygame.K_v: VOICE,
}

#: The command each remappable action gives (``Settings.keys`` names the actions).
ACTION_COMMANDS: dict[str, Kind] = {
    "advance": ADVANCE, "up": UP, "down": DOWN, "menu": BACK, "history": HISTORY,
    "quicksave": QUICKSAVE, "quickload": QUICKLOAD, "fullscreen": FULLSCREEN,
}
assert tuple(ACTION_COMMANDS) == KEY_ACTIONS

#: Each remappable action's key until the player chooses another.
DEFAULT_KEYS: dict[str, int] = {
    "advance": pygame.K_SPACE, "up": pygame.K_UP, "down": pygame.K_DOWN, "menu": pygame.K_ESCAPE,
    "history": pygame.K_h, "quicksave": pygame.K_F5, "quickload": pygame.K_F9,
    "fullscreen": pygame.K_F11,
}

#: Keys no choice can take, so every screen stays usable whatever the player picked:
#: Enter activates, Backspace goes back, the number keys choose, and paging keeps its keys.
FIXED_KEYS: dict[int, str] = {
    key: command for key, command in _KEYS.items() if key not in DEFAULT_KEYS.values()
}


def key_name(key: int) -> str:
    """The name a player sees for ``key`` (and the settings file stores): "Space", "F5"."""
    return pygame.key.name(key, use_compat=False)


class KeyMap:
    """Which key gives which command: the fixed keys, plus a key for each remappable action,
    the player's own where they chose one.  A name in the settings that is no key, or that a
    fixed key holds, is ignored and the action keeps its default key."""

    def __init__(self, chosen: Mapping[str, str] | None = None) -> None:
        self.keys: dict[str, int] = dict(DEFAULT_KEYS)
        self._table: dict[int, str] = {}
        #: True while the keys screen waits for the key to give an action: every key then
        #: comes as itself (``KEY``), not as what it usually does.
        self.listening = False
        self._assign("advance", self.keys["advance"])
        for action, name in (chosen or {}).items():
            try:
                key = pygame.key.key_code(name)
            except (ValueError, TypeError):
                continue
            if action in self.keys and key and key not in FIXED_KEYS and key not in _NUMBERS:
                self._assign(action, key)

    def _assign(self, action: str, key: int) -> None:
        # Two actions never share a key: the one that held it takes the other's old key.
        for other, held in self.keys.items():
            if held == key and other != action:
                self.keys[other] = self.keys[action]
        self.keys[action] = key
        self._table = dict(FIXED_KEYS)
        self._table.update({k: ACTION_COMMANDS[a] for a, k in self.keys.items()})

    def command_for(self, key: int) -> str | None:
        return self._table.get(key)

    def can_take(self, key: int) -> bool:
        """Whether an action may be given ``key`` (fixed keys and number keys are kept)."""
        return bool(key) and key not in FIXED_KEYS and key not in _NUMBERS and bool(key_name(key))

    def with_key(self, action: str, key: int) -> "KeyMap":
        """A copy with ``action`` on ``key``; an action that had ``key`` takes the old one."""
        changed = KeyMap(self.chosen())
        if changed.can_take(key):
            changed._assign(action, key)
        return changed

    def chosen(self) -> dict[str, str]:
        """The player's choices as the settings keep them: only keys unlike the defaults."""
        return {action: key_name(key) for action, key in self.keys.items()
                if key != DEFAULT_KEYS[action]}

    def name_of(self, action: str) -> str:
        return key_name(self.keys[action])


_MODIFIERS = {pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LALT,
              pygame.K_RALT, pygame.K_LGUI, pygame.K_RGUI, pygame.K_CAPSLOCK, pygame.K_NUMLOCKCLEAR,
              pygame.K_MODE}

_NUMBERS: dict[int, int] = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
_NUMBERS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})
# 0 chooses nothing (choices count from 1) but types a digit where a number is entered.
_NUMBERS.update({pygame.K_0: 0, pygame.K_KP0: 0})

#: How many lines one finger-drag of the whole window height scrolls.
_DRAG_LINES = 20
#: How many lines one notch of the wheel scrolls: enough to move on, few enough to keep one's
#: place (the desktop's usual three).
WHEEL_LINES = 3
#: A finger that strays less than this from where it came down is still tapping (fingers
#: wobble); beyond it the touch is a drag, which scrolls and never presses what it ends on.
TAP_SLOP_FRACTION = 0.02
TAP_SLOP_MIN = 12


def tap_slop(window_size: tuple[int, int]) -> int:
    """How far, in window pixels, a finger may move and still tap."""
    return max(TAP_SLOP_MIN, round(min(window_size) * TAP_SLOP_FRACTION))


@dataclass
class _Finger:
    x: float            # where it came down, 0..1 of the window
    y: float
    dragging: bool = False


class Fingers:
    """The fingers on the screen, so a lift can be told apart: a tap, or the end of a drag."""

    def __init__(self) -> None:
        self._down: dict[tuple[int, int], _Finger] = {}

    def press(self, event: pygame.event.Event) -> None:
        self._down[_finger_id(event)] = _Finger(event.x, event.y)

    def move(self, event: pygame.event.Event, window_size: tuple[int, int]) -> float:
        """Lines to scroll for this movement (0 while the finger is still within the tap
        slop).  The drag starts from where the finger came down, so the page keeps up with
        the finger from the moment it counts as a drag."""
        finger = self._down.get(_finger_id(event))
        if finger is None:                      # came down before we were watching
            return -event.dy * _DRAG_LINES
        if finger.dragging:
            return -event.dy * _DRAG_LINES
        if _moved(finger, event.x, event.y, window_size) > tap_slop(window_size):
            finger.dragging = True
            return -(event.y - finger.y) * _DRAG_LINES
        return 0.0

    def lift(self, event: pygame.event.Event, window_size: tuple[int, int]) -> bool:
        """True if this lift ends a tap (the finger never strayed beyond the slop)."""
        finger = self._down.pop(_finger_id(event), None)
        if finger is None:
            return True
        return not finger.dragging and _moved(finger, event.x, event.y, window_size) <= tap_slop(window_size)


class Pointer:
    """Where the mouse pointer was last seen, so that a hover is only ever the pointer moving.
    SDL reports the pointer where it already rests when the window opens under it; taken as a
    hover, that would give the keyboard's focus to whatever lies there (a game started again
    with the pointer where Quit was, and Enter quits).  The first report only says where the
    pointer is; focus follows it from its first move."""

    def __init__(self) -> None:
        self.at: tuple[int, int] | None = None

    def moved(self, pos: tuple[int, int]) -> bool:
        """Note the pointer at ``pos``; True if it was seen before, somewhere else."""
        before, self.at = self.at, pos
        return before is not None and before != pos


def _finger_id(event: pygame.event.Event) -> tuple[int, int]:
    return getattr(event, "touch_id", 0), getattr(event, "finger_id", 0)


def _moved(finger: _Finger, x: float, y: float, window_size: tuple[int, int]) -> float:
    return math.hypot((x - finger.x) * window_size[0], (y - finger.y) * window_size[1])


def commands_from_event(event: pygame.event.Event, window_size: tuple[int, int],
                        fingers: Fingers | None = None, keys: KeyMap | None = None,
                        pointer: Pointer | None = None) -> list[Command]:
    """The commands one SDL event means (often none).  ``fingers`` remembers touches across
    events; without it every finger lift is a tap.  ``keys`` is the player's key table
    (the default keys without it).  ``pointer`` remembers where the mouse was, so a hover is
    reported only once it moves; without it every report of the pointer is a hover."""
    kind = event.type
    if kind == pygame.QUIT:
        return [Command(QUIT)]
    if kind == pygame.KEYDOWN:
        if keys is not None and keys.listening:
            if event.key in _MODIFIERS:
                return []                   # Shift alone is not yet a key
            if event.key == pygame.K_BACKSPACE:
                return [Command(BACK)]
            return [Command(KEY, key=event.key)]
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and event.mod & pygame.KMOD_ALT:
            return [Command(FULLSCREEN)]
        if event.key in _NUMBERS and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            return [Command(CHOOSE, digit=_NUMBERS[event.key])]
        mapped = (keys or _DEFAULT_MAP).command_for(event.key)
        if mapped == BACK:
            # Which key: a pad or a field takes Backspace as "delete a character" and Esc as
            # "leave", where every other screen takes either as "back".
            return [Command(BACK, key=event.key)]
        return [Command(mapped)] if mapped else []
    # SDL also turns touches into mouse events (flagged .touch); the finger events below are
    # used instead, so a tap is never counted twice.
    if kind == pygame.MOUSEMOTION:
        if getattr(event, "touch", False):
            return []
        if pointer is not None and not pointer.moved(tuple(event.pos)):
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
        amount = -float(getattr(event, "precise_y", event.y) or event.y) * WHEEL_LINES
        return [Command(SCROLL, amount=amount)] if amount else []
    if kind == pygame.FINGERDOWN:
        if fingers is not None:
            fingers.press(event)
        return []
    if kind == pygame.FINGERUP:
        if fingers is not None and not fingers.lift(event, window_size):
            return []                           # the end of a drag, not a press
        pos = (int(event.x * window_size[0]), int(event.y * window_size[1]))
        return [Command(CLICK, pos=pos)]
    if kind == pygame.FINGERMOTION:
        amount = fingers.move(event, window_size) if fingers is not None else -event.dy * _DRAG_LINES
        return [Command(SCROLL, amount=amount)] if abs(amount) > 0.05 else []
    return []


_DEFAULT_MAP = KeyMap()
