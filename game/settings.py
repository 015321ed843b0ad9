"""Player settings, kept between sessions.

Pure Python (no pygame): the front end reads a :class:`Settings` at start-up, changes it from
the settings screen, and writes it back with :func:`save_settings`.  The file is JSON, written
atomically (temporary file + ``os.replace``) so a crash mid-write never leaves half a file.

Where it lives: ``$KEEPING_TRUST_HOME/settings.json`` when that environment variable is set
(tests, kiosks, portable installs), otherwise ``settings.json`` in the user's config folder as
platformdirs names it.  A missing file gives the defaults; a corrupt or foreign file is reported
(``Settings.problem``) and the defaults are used, so the game always starts.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

APP_NAME = "keeping-trust"
HOME_ENV = "KEEPING_TRUST_HOME"
SETTINGS_FORMAT = "keeping-trust-settings"
SETTINGS_VERSION = 1

#: Text speeds the settings screen offers, in characters per second; 0 means "instant".
TEXT_SPEEDS: tuple[int, ...] = (20, 40, 70, 120, 0)
TEXT_SCALE_MIN = 1.0
TEXT_SCALE_MAX = 2.0


def config_dir() -> Path:
    """The folder that holds settings.json (created on first write, not here)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The folder that holds saves/ (created on first write, not here)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass
class Settings:
    """Everything a player can change.  Values are always within their ranges.

    ``text_scale`` 1.0–2.0 multiplies the base text size; ``text_speed`` is characters per
    second (0 = show at once); volumes are 0.0–1.0; ``problem`` is set (and not saved) when the
    file on disk could not be used.
    """

    text_scale: float = 1.0
    text_speed: int = 40
    fullscreen: bool = False
    high_contrast: bool = False
    master_volume: float = 0.8
    music_volume: float = 0.5
    effects_volume: float = 0.7
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
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("problem", None)
        return {"format": SETTINGS_FORMAT, "version": SETTINGS_VERSION, "settings": data}


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read settings; never raises.  Unknown keys are ignored, bad values fall back."""
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        return Settings(problem=f"{path}: could not read settings ({exc.strerror or exc})")
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return Settings(problem=f"{path}: settings file is not valid JSON ({exc}); using defaults")
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        return Settings(problem=f"{path}: not a Keeping Trust settings file; using defaults")
    values = data.get("settings")
    if not isinstance(values, dict):
        return Settings(problem=f"{path}: settings file has no settings; using defaults")
    known = {f.name for f in fields(Settings)} - {"problem"}
    kwargs = {k: v for k, v in values.items() if k in known}
    defaults = Settings()
    try:
        return Settings(**kwargs).clamped()
    except (TypeError, ValueError):
        # One bad value should not cost the player every other setting.
        good: dict[str, Any] = {}
        for key, value in kwargs.items():
            try:
                Settings(**{key: value}).clamped()
            except (TypeError, ValueError):
                continue
            good[key] = value
        result = Settings(**good).clamped()
        result.problem = f"{path}: some settings were unreadable and were reset"
        return result if good else replace(defaults, problem=result.problem)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` so that readers see either the old file or the new one, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically.  Raises OSError if the folder cannot be written."""
    write_json_atomic(path or settings_path(), settings.clamped().to_json())
