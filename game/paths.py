"""Every folder and file the game writes, in one place: settings, saves, transcripts, the
kiosk's log and visitor book, and the compiled-story cache.

``$KEEPING_TRUST_HOME`` puts all of them in one folder (tests, lab images, a kiosk's own
account); otherwise each goes where the platform keeps such things, as ``platformdirs`` names
them. Nothing is created here: each writer makes its folder on its first write.

Pure Python, no pygame: the engine asks it where the cache is.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "keeping-trust"
HOME_ENV = "KEEPING_TRUST_HOME"
#: Set (to anything but empty), play reads the story from its files, keeping no compiled copy:
#: what `--no-cache` asks of the window it opens.
NO_CACHE_ENV = "KEEPING_TRUST_NO_CACHE"
#: Names the program that reads aloud (:mod:`game.speech`); kept here, with the game's other
#: variables, so the window can ask whether it is set without loading speech before its first frame.
SPEECH_ENV = "KEEPING_TRUST_SPEECH"
KIOSK_LOG = "kiosk.log"
VISITOR_BOOK = "visitors.sqlite"


def _home() -> Path | None:
    home = os.environ.get(HOME_ENV)
    return Path(home) if home else None


def config_dir() -> Path:
    """The folder that holds settings.json."""
    home = _home()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The folder that holds saves/, the kiosk's log and its visitor book."""
    home = _home()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where compiled stories are kept."""
    home = _home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def story_cache() -> Path | None:
    """Where play keeps compiled stories: the cache folder, or None when ``$KEEPING_TRUST_NO_CACHE``
    says to read the files every time. Checking and the writers' tools never use it."""
    return None if os.environ.get(NO_CACHE_ENV) else cache_dir()


def transcripts_dir() -> Path:
    """Where the window saves transcripts: ``transcripts/`` in the game's own folder when
    ``$KEEPING_TRUST_HOME`` sets one, else a "Keeping Trust transcripts" folder in the user's
    Documents, where a student looks first."""
    home = _home()
    if home is not None:
        return home / "transcripts"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Keeping Trust transcripts"


def kiosk_log() -> Path:
    """The kiosk's log, unless an operator's config names another."""
    return data_dir() / KIOSK_LOG


def visitor_book_file() -> Path:
    """The kiosk's visitor book (its anonymous statistics), unless an operator's config names
    another."""
    return data_dir() / VISITOR_BOOK
