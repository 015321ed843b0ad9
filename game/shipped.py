"""Where the things that ship with the game are: the story, the assets, the example mods.

In a checkout, and in the editable install the README uses, they are the folders ``story/``,
``assets/`` and ``mods/`` at the top of the checkout, where writers and modders edit them.
An installed wheel or a standalone build carries them inside the package as ``game/data/*``
(``pyproject.toml`` maps the folders there), found through :mod:`importlib.resources`
wherever the package was installed.  The packaged copy is looked for first: a wheel
installed next to an old checkout must never read the checkout's story by accident.

Pure Python (no pygame).  Every module that needs one of these folders asks here.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The three folders the game ships, by the name they have in a checkout.
SHIPPED = ("story", "assets", "mods")

_CHECKOUT = Path(__file__).resolve().parent.parent


def _packaged(name: str) -> Path | None:
    # A package imported from a zip has no folders to hand to the story loader or to
    # pygame's font loader; only a real folder counts.
    where = resources.files("game") / "data" / name
    return Path(str(where)) if isinstance(where, Path) and where.is_dir() else None


def folder(name: str) -> Path:
    """The shipped folder ``name`` (one of :data:`SHIPPED`): the packaged copy when the game
    was installed from a wheel or a standalone build, else the checkout's own."""
    if name not in SHIPPED:
        raise ValueError(f"the game ships no folder called {name!r}")
    return _packaged(name) or _CHECKOUT / name


def story() -> Path:
    """The shipped story folder (the one ``story.yaml`` is in)."""
    return folder("story")


def assets() -> Path:
    """The shipped assets: ``fonts/``, ``images/`` and ``sounds/``."""
    return folder("assets")


def mods() -> Path:
    """The mods that come with the game, one folder each."""
    return folder("mods")


def is_packaged() -> bool:
    """Whether the game runs from an installed wheel or a standalone build rather than a
    checkout (``paths`` says which, so a player knows which story they are reading)."""
    return _packaged("story") is not None
