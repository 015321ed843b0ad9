"""Kiosk mode's rules, as plain Python: the operator's config, the idle clock that sends an
abandoned game back to the attract screen, and the staff exit (a long press in a corner or a
key chord, then a PIN).

No pygame here and no clock read: time arrives as ``dt`` from the window's loop, so tests
drive a whole day with a fake clock; the PIN lock, which must outlast a restart, is given the
wall clock as a function.  The window's side is :mod:`game.ui.kiosk_mode`.

The config is JSON, read through :mod:`game.jsonfile` like every other file the game reads
(the standard library's TOML reader exists only from Python 3.11, and the game runs on 3.10).
"""

from __future__ import annotations

import hmac
import os
import re
import stat
import time
from typing import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from game.engine.passage_words import first_sentence
from game.jsonfile import Unreadable, read_json, write_json_atomic

#: A config file is a few hundred bytes; anything much larger is not one.
MAX_CONFIG_BYTES = 64 * 1024
#: The part of the window's width (and height) that counts as the top-left corner for the
#: staff's long press: big enough to find by touch, small enough that no button sits there.
CORNER_FRACTION = 0.08
#: Attract lines are read from across a room: a few dozen, each a sentence or two.
MAX_ATTRACT_LINES = 100
MAX_ATTRACT_CHARACTERS = 200
#: Wrong PINs forgiven (a slip of the finger) before each further one locks the pad, first
#: for :data:`FIRST_LOCK_SECONDS`, then twice as long each time, up to
#: :data:`LONGEST_LOCK_SECONDS`: a keyboard bot gets about thirty tries a day, not hundreds an
#: hour.  Only the right PIN, or a day without a wrong one, forgives the count.
FREE_TRIES = 3
FIRST_LOCK_SECONDS = 30.0
LONGEST_LOCK_SECONDS = 3600.0
FORGET_SECONDS = 24 * 3600.0
#: The PIN an earlier docs/kiosk.example.json held: known to anyone who read the docs.
EXAMPLE_PIN = "2468"
#: A PIN lock's state file is a few dozen bytes.
MAX_LOCK_STATE_BYTES = 4096

class ConfigError(Exception):
    """The operator's config cannot be used; ``problems`` are lines ``path: message``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class KioskConfig:
    """What an operator can set (see docs/installations.md); every field has a default."""

    idle_seconds: float = 90.0
    warning_seconds: float = 20.0
    route: str = "short"
    staff_pin: str = ""
    long_press_seconds: float = 5.0
    hide_cursor: bool = True
    sound: bool = True
    statistics: bool = False
    statistics_file: str | None = None
    log_file: str | None = None
    attract_lines: tuple[str, ...] = field(default_factory=tuple)
    #: What this kiosk's rows in the visitor book are marked with (default: the machine's name).
    kiosk_name: str = ""

    @property
    def staff_exit_possible(self) -> bool:
        return bool(self.staff_pin)


_NUMBERS = {"idle_seconds": (5.0, 24 * 3600.0), "warning_seconds": (3.0, 600.0),
            "long_press_seconds": (1.0, 30.0)}
_FLAGS = ("hide_cursor", "sound", "statistics")
_PATHS = ("statistics_file", "log_file")


def parse_config(data: Any, where: str = "kiosk config") -> KioskConfig:
    """A config from the JSON object ``data``; every problem is collected and raised at once
    as a :class:`ConfigError`, each line naming ``where`` and the key."""
    if not isinstance(data, dict):
        raise ConfigError([f"{where}: must be a JSON object of settings"])
    problems: list[str] = []
    values: dict[str, Any] = {}
    known = {f.name for f in fields(KioskConfig)}
    for key, value in data.items():
        if key.startswith("_"):
            continue                       # "_comment" and the like: notes for the operator
        if key not in known:
            problems.append(f"{where}: {key}: not a kiosk setting (known: {', '.join(sorted(known))})")
        elif key in _NUMBERS:
            low, high = _NUMBERS[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                problems.append(f"{where}: {key}: must be a number of seconds from {low:g} to {high:g}")
            else:
                values[key] = float(value)
        elif key in _FLAGS:
            if not isinstance(value, bool):
                problems.append(f"{where}: {key}: must be true or false")
            else:
                values[key] = value
        elif key == "route":
            if value not in ("short", "full"):
                problems.append(f"{where}: route: must be \"short\" or \"full\"")
            else:
                values[key] = value
        elif key == "staff_pin":
            if value == "":
                problems.append(f"{where}: staff_pin: write a PIN of your own here, 5 to 12 digits in quotes "
                                "(or remove the key: then there is no staff exit)")
            elif not isinstance(value, str) or not re.fullmatch(r"[0-9]{4,12}", value):
                problems.append(f"{where}: staff_pin: must be 4 to 12 digits, written as text")
            elif value == EXAMPLE_PIN:
                problems.append(f"{where}: staff_pin: {value} is the example's PIN, printed in the docs; "
                                "choose one of your own")
            elif guessable(value):
                problems.append(f"{where}: staff_pin: {value} is among the first a visitor would try "
                                "(one digit repeated, or a run like 1234); choose another")
            else:
                values[key] = value
        elif key in _PATHS:
            if value is not None and (not isinstance(value, str) or not value.strip()):
                problems.append(f"{where}: {key}: must be a file path or null")
            else:
                values[key] = value
        elif key == "kiosk_name":
            if not isinstance(value, str) or not value.strip() or len(value) > 40 or not value.isprintable():
                problems.append(f"{where}: kiosk_name: must be a short name, 1 to 40 characters on one line")
            else:
                values[key] = value.strip()
        elif key == "attract_lines":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                problems.append(f"{where}: attract_lines: must be a list of lines of text")
            else:
                lines = tuple(" ".join(v.split()) for v in value)
                found = _attract_problems(lines)
                problems.extend(f"{where}: attract_lines: {p}" for p in found)
                if not found:
                    values[key] = lines
    if problems:
        raise ConfigError(problems)
    return KioskConfig(**values)


def guessable(pin: str) -> bool:
    """Whether ``pin`` is one digit repeated or a run up or down (1234, 98765)."""
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    return len(steps) == 1 and steps <= {0, 1, 9}


def protect(path: Path) -> str | None:
    """Make the config holding the staff PIN readable by its owner alone (0600), as
    ``chmod 600`` would; returns what was done, or why it could not be, for the log."""
    if os.name != "posix":
        return None
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if not mode & 0o077:
            return None
        os.chmod(path, 0o600)
    except OSError as exc:
        return f"{path} holds the staff PIN and other accounts can read it; chmod 600 it ({exc.strerror or exc})"
    return f"{path} held the staff PIN readable by other accounts (mode {mode:o}); it is now 600"


def _attract_problems(lines: tuple[str, ...]) -> list[str]:
    """What keeps ``lines`` off the attract screen: a control or format character (a NUL
    stops the font from drawing the line at all; a direction override turns it round), or
    more than the screen can show."""
    problems = []
    if len(lines) > MAX_ATTRACT_LINES:
        problems.append(f"at most {MAX_ATTRACT_LINES} lines, not {len(lines)}")
    for number, line in enumerate(lines, 1):
        odd = next((c for c in line if not c.isprintable()), None)
        if odd is not None:
            problems.append(f"line {number} holds the invisible character U+{ord(odd):04X}")
        elif len(line) > MAX_ATTRACT_CHARACTERS:
            problems.append(f"line {number} is {len(line)} characters long (at most {MAX_ATTRACT_CHARACTERS})")
    return problems


def load_config(path: Path | None) -> KioskConfig:
    """The config in ``path``, or the defaults when None.  Unlike a player's settings, a
    broken kiosk config stops the start: an operator is there to read why, and a kiosk that
    quietly ran without its PIN or its idle time would be worse."""
    if path is None:
        return KioskConfig()
    try:
        data = read_json(path, max_bytes=MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such file"]) from None
    except Unreadable as exc:
        raise ConfigError([f"{path}: {exc}"]) from None
    return beside(parse_config(data, str(path)), path)


def beside(config: KioskConfig, path: Path) -> KioskConfig:
    """``config`` with its file paths read as the operator meant them: ``~`` as their home, and
    a relative path from the config's own folder — the kiosk (started by systemd in one
    folder) and the ``visitors`` report (typed in another) then name the same file."""
    found = {}
    for key in _PATHS:
        value = getattr(config, key)
        if value:
            named = Path(value).expanduser()
            found[key] = str(named if named.is_absolute() else path.absolute().parent / named)
    return replace(config, **found)


class IdleClock:
    """How long nobody has touched the game.

    ``idle_seconds`` without input brings the "still there?" warning (:attr:`warning` turns
    True); ``warning_seconds`` more and the visit is over (:attr:`expired`).  Any input
    (:meth:`touch`) starts the count again.  While disarmed (nobody is playing: the attract
    screen) the clock stands still."""

    def __init__(self, idle_seconds: float, warning_seconds: float) -> None:
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self.quiet = 0.0
        self.armed = False

    def arm(self) -> None:
        self.armed = True
        self.quiet = 0.0

    def disarm(self) -> None:
        self.armed = False
        self.quiet = 0.0

    def touch(self) -> None:
        self.quiet = 0.0

    def tick(self, dt: float) -> None:
        if self.armed:
            self.quiet += max(0.0, dt)

    @property
    def warning(self) -> bool:
        return self.armed and self.idle_seconds <= self.quiet < self.idle_seconds + self.warning_seconds

    @property
    def expired(self) -> bool:
        return self.armed and self.quiet >= self.idle_seconds + self.warning_seconds

    @property
    def seconds_left(self) -> float:
        """Until the visit ends, once the warning shows."""
        return max(0.0, self.idle_seconds + self.warning_seconds - self.quiet)


def in_corner(x: float, y: float) -> bool:
    """Whether a point, as fractions of the window (0..1), is in the staff's corner."""
    return 0.0 <= x <= CORNER_FRACTION and 0.0 <= y <= CORNER_FRACTION


class CornerPress:
    """A finger or mouse button held down in the top-left corner: after ``seconds`` it asks
    for the staff PIN.  Moving out of the corner or lifting cancels it; a second finger down
    elsewhere does not (a visitor's hand on the screen is not the staff's business)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.held: float | None = None

    def press(self, x: float, y: float) -> None:
        self.held = 0.0 if in_corner(x, y) else None

    def move(self, x: float, y: float) -> None:
        if self.held is not None and not in_corner(x, y):
            self.held = None

    def release(self) -> None:
        self.held = None

    def tick(self, dt: float) -> bool:
        """True once, when the press has been held long enough."""
        if self.held is None:
            return False
        self.held += max(0.0, dt)
        if self.held >= self.seconds:
            self.held = None
            return True
        return False


class PinLock:
    """Checks the staff PIN, and makes guessing it slow: after :data:`FREE_TRIES` wrong PINs
    each further one locks the pad, for twice as long as the last, so a visitor cannot try
    them all at the screen.  With a ``state`` file the count and the lock outlast a restart
    (a crash, a power cut, a kiosk stopped and started); ``clock`` is the wall clock."""

    def __init__(self, pin: str, state: Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self._pin = pin
        self.state = state
        self.clock = clock
        self.wrong = 0
        self.locked_until = 0.0
        self.last_wrong = 0.0
        #: Why the state file could not be read or written, for the log (None: it could).
        self.problem: str | None = None
        self._load()

    @property
    def seconds_left(self) -> float:
        """How long the pad stays locked.  Never more than the longest lock, even if the
        clock was turned back since it was locked."""
        return max(0.0, min(self.locked_until - self.clock(), LONGEST_LOCK_SECONDS))

    @property
    def locked(self) -> bool:
        return self.seconds_left > 0

    def check(self, entered: str) -> bool:
        """True if ``entered`` is the PIN (and the lock is open).  Without a PIN in the
        config nothing opens it."""
        if self.locked or not self._pin:
            return False
        now = self.clock()
        if self.wrong and not 0 <= now - self.last_wrong < FORGET_SECONDS:
            self.wrong = 0
        if hmac.compare_digest(entered.encode(), self._pin.encode()):
            if self.wrong:
                self.wrong = 0
                self._save()
            return True
        self.wrong += 1
        self.last_wrong = now
        self.locked_until = now + lock_seconds(self.wrong)
        self._save()
        return False

    # -- the state file ------------------------------------------------------------------------
    def _load(self) -> None:
        if self.state is None:
            return
        try:
            data = read_json(self.state, max_bytes=MAX_LOCK_STATE_BYTES)
        except FileNotFoundError:
            return
        except (Unreadable, OSError) as exc:
            self.problem = f"{self.state}: the PIN lock's state cannot be read ({exc}); counting from none"
            return
        try:
            wrong, until, last = int(data["wrong"]), float(data["locked_until"]), float(data["last_wrong"])
        except (TypeError, KeyError, ValueError, OverflowError):
            self.problem = f"{self.state}: the PIN lock's state is not one; counting from none"
            return
        self.wrong, self.locked_until, self.last_wrong = max(0, min(wrong, 1000)), until, last

    def _save(self) -> None:
        if self.state is None:
            return
        try:
            write_json_atomic(self.state, {"wrong": self.wrong, "locked_until": self.locked_until,
                                           "last_wrong": self.last_wrong})
        except OSError as exc:
            self.problem = f"{self.state}: the PIN lock's state cannot be written: {exc.strerror or exc}"


def lock_seconds(wrong: int) -> float:
    """How long the pad locks after the ``wrong``-th wrong PIN in a row."""
    if wrong < FREE_TRIES:
        return 0.0
    return min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** min(wrong - FREE_TRIES, 32))


def attract_lines(story, count: int = 12) -> list[str]:
    """Opening sentences from the story's narrated passages, for the attract screen: whole
    sentences of a length that reads from across a room, in the story's own order."""
    lines: list[str] = []
    for passage in story.passages.values():
        if passage.style != "narration" or passage.ending is not None:
            continue
        sentence = first_sentence(passage.text)
        if sentence is None:
            continue
        if 40 <= len(sentence) <= 120 and "{" not in sentence and sentence not in lines:
            lines.append(sentence)
        if len(lines) >= count:
            break
    return lines
