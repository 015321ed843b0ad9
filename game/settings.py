"""Player settings, kept between sessions.

Pure Python (no pygame): the front end reads a :class:`Settings` at start-up, changes it from
the settings screen, and writes it back with :func:`save_settings`.  The file is JSON, written
atomically (temporary file + ``os.replace``) so a crash mid-write never leaves half a file.

Where it lives: ``$KEEPING_TRUST_HOME/settings.json`` when that environment variable is set
(tests, kiosks, portable installs), otherwise ``settings.json`` in the user's config folder as
platformdirs names it (see :mod:`game.paths`).  A missing file gives the defaults; a corrupt or foreign file is reported
(``Settings.problem``), moved aside so nothing is lost, and the defaults are used, so the game
always starts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from game.jsonfile import Unreadable, read_json, set_aside, write_json_atomic
from game.paths import config_dir

SETTINGS_FORMAT = "keeping-trust-settings"
SETTINGS_VERSION = 1

#: Text speeds the settings screen offers, in characters per second; 0 means "instant".
TEXT_SPEEDS: tuple[int, ...] = (20, 40, 70, 120, 0)
TEXT_SCALE_MIN = 1.0
TEXT_SCALE_MAX = 2.0
#: Line spacings offered, as multiples of the text size; 1.5 is WCAG's floor for body text.
LINE_SPACINGS: tuple[float, ...] = (1.5, 1.75, 2.0)
#: Type faces offered for reading: the game's own, a highly legible one, a dyslexia-friendly one.
FONTS: tuple[str, ...] = ("standard", "legible", "dyslexic")
#: The main actions whose key a player can change, in the order the keys screen lists them.
KEY_ACTIONS: tuple[str, ...] = ("advance", "up", "down", "menu", "history", "quicksave",
                                "quickload", "fullscreen")


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


#: Window sizes and positions kept are within this many pixels (beyond any desktop made).
WINDOW_LIMIT = 32768


def _keys(value: Any) -> dict[str, str]:
    """The player's own keys, action by key name, keeping only known actions named by short
    strings; whether a name is a real key is the front end's to judge (it ignores one that
    is not), so a hand-edited file can never take an action's key away."""
    if not isinstance(value, dict):
        return {}
    return {action: name for action, name in value.items()
            if action in KEY_ACTIONS and isinstance(name, str) and 0 < len(name) <= 32}


def _pair(value: Any, low: int, high: int) -> tuple[int, int] | None:
    """Two whole numbers within ``low``..``high``, or None for anything else: a window's saved
    size or position is a convenience, and a hand-edited one that makes no sense is dropped
    (the window then opens where a first window would) rather than reported."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return None
    if not all(v == v and abs(v) != float("inf") for v in value):
        return None
    return (int(_clamp(int(value[0]), low, high)), int(_clamp(int(value[1]), low, high)))


#: How many mods the settings remember as on, and what a mod's key (its folder's name) may be.
MAX_ENABLED_MODS = 64
MOD_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def _mod_keys(value: Any) -> tuple[str, ...]:
    """The mod keys worth keeping from ``value``: folder-name-like strings, each once, in
    order.  A hand-edited list holding anything else loses only what makes no sense."""
    if not isinstance(value, (list, tuple)):
        return ()
    keys: list[str] = []
    for item in value:
        if isinstance(item, str) and MOD_KEY.match(item) and item not in keys:
            keys.append(item)
    return tuple(keys[:MAX_ENABLED_MODS])


@dataclass
class Settings:
    """Everything a player can change.  Values are always within their ranges.

    ``text_scale`` 1.0–2.0 multiplies the base text size; ``text_speed`` is characters per
    second (0 = show at once); volumes are 0.0–1.0; ``window_size`` and ``window_position``
    are the window as the player last left it out of full screen (None until then; the
    front end fits them to the desktop it finds); ``line_spacing`` is one of
    :data:`LINE_SPACINGS`; ``font`` one of :data:`FONTS`; ``reduce_motion`` shows text
    whole and moves nothing; ``keys`` holds the player's own key for any of
    :data:`KEY_ACTIONS` (by key name, e.g. ``"j"``, ``"f6"``); ``problem`` is set (and not
    saved) when the file on disk could not be used.
    """

    text_scale: float = 1.0
    #: Each page whole until the player asks for it typed out: a game that is mostly reading
    #: does not make a reader wait on its letters (Settings → Text speed says so).
    text_speed: int = 0
    fullscreen: bool = False
    high_contrast: bool = False
    master_volume: float = 0.8
    music_volume: float = 0.5
    effects_volume: float = 0.7
    window_size: tuple[int, int] | None = None
    window_position: tuple[int, int] | None = None
    line_spacing: float = 1.5
    font: str = "standard"
    reduce_motion: bool = False
    #: Read aloud: the passage and then each choice as it gains focus (see game.speech).
    self_voicing: bool = False
    keys: dict[str, str] = field(default_factory=dict)
    #: Keys (folder names) of the installed mods the player turned on; see game.mods.
    enabled_mods: tuple[str, ...] = ()
    problem: str | None = field(default=None, compare=False)

    def clamped(self) -> "Settings":
        """A copy with every value forced into its range (hand-edited files can hold anything)."""
        speed = int(self.text_speed)
        if speed not in TEXT_SPEEDS:
            # Snap to the nearest offered speed so the settings screen can show it.
            speed = min(TEXT_SPEEDS, key=lambda s: abs((s or 1000) - (speed or 1000)))
        return replace(
            self,
            text_scale=round(_clamp(float(self.text_scale), TEXT_SCALE_MIN, TEXT_SCALE_MAX), 2),
            text_speed=speed,
            fullscreen=bool(self.fullscreen),
            high_contrast=bool(self.high_contrast),
            master_volume=round(_clamp(float(self.master_volume), 0.0, 1.0), 2),
            music_volume=round(_clamp(float(self.music_volume), 0.0, 1.0), 2),
            effects_volume=round(_clamp(float(self.effects_volume), 0.0, 1.0), 2),
            window_size=_pair(self.window_size, 1, WINDOW_LIMIT),
            window_position=_pair(self.window_position, -WINDOW_LIMIT, WINDOW_LIMIT),
            line_spacing=min(LINE_SPACINGS, key=lambda v: abs(v - float(self.line_spacing))),
            font=self.font if self.font in FONTS else FONTS[0],
            reduce_motion=bool(self.reduce_motion),
            self_voicing=bool(self.self_voicing),
            keys=_keys(self.keys),
            enabled_mods=_mod_keys(self.enabled_mods),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("problem", None)
        return {"format": SETTINGS_FORMAT, "version": SETTINGS_VERSION, "settings": data}


def settings_path() -> Path:
    return config_dir() / "settings.json"


#: A settings file is a few hundred bytes; anything far larger is not one.
MAX_SETTINGS_BYTES = 64 * 1024


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; never raises.  Unknown keys are ignored; a bad value falls back to its
    default.  A file that cannot be used in full is set aside (see :func:`set_aside`) and
    ``problem`` says so, so the player's next change is written to a clean file."""
    path = path or settings_path()
    try:
        data = read_json(path, max_bytes=MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Settings()
    except Unreadable as exc:
        return Settings(problem=_setting_aside(path, str(exc)))
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        return Settings(problem=_setting_aside(path, "is not a Keeping Trust settings file"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        return Settings(problem=_setting_aside(path, "is not a Keeping Trust settings file"))
    if version > SETTINGS_VERSION:
        return Settings(problem=_setting_aside(path, "was made by a newer version of the game"))
    values = data.get("settings")
    if not isinstance(values, dict):
        return Settings(problem=_setting_aside(path, "holds no settings"))
    known = {f.name for f in fields(Settings)} - {"problem"}
    kwargs = {k: v for k, v in values.items() if k in known}
    try:
        return Settings(**kwargs).clamped()
    except (TypeError, ValueError, ArithmeticError):
        pass
    # One bad value should not cost the player every other setting.
    good: dict[str, Any] = {}
    for key, value in kwargs.items():
        try:
            Settings(**{key: value}).clamped()
        except (TypeError, ValueError, ArithmeticError):
            continue
        good[key] = value
    result = Settings(**good).clamped()
    result.problem = _setting_aside(path, "held values that could not be used",
                                    "those are back to their defaults")
    return result


def _setting_aside(path: Path, why: str, outcome: str = "the defaults are used") -> str:
    moved = set_aside(path)
    where = f"it was moved to {moved.name}" if moved else "it could not be moved aside"
    return f"{path}: the settings file {why}; {where}, and {outcome}"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically.  Raises OSError if the folder cannot be written."""
    write_json_atomic(path or settings_path(), settings.clamped().to_json())
