"""The routes between screens: the one module that knows every screen and builds the next.

A screen never imports another.  It names where the player goes, ``Push(To("slots",
mode="load", session=s))``, and when the stack applies the transition it asks :func:`build`
here for the screen.  So a screen's module reads alone, and a new screen is one class, and
here a function that imports it and an entry in :data:`SCREENS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from game.ui.scene import Scene, To

if TYPE_CHECKING:
    from game.ui.app import App

#: Where the play screen's ending leads, and the title's "Read the debrief again": the guess
#: while one is still to be made, else the debrief.
AFTER_THE_ENDING = "after the ending"


# Each screen's module is imported the first time the screen is opened, not when the window
# starts: a player waits for every module imported before the title screen appears, and most
# screens are never opened in a visit.
def _attract() -> type[Scene]:
    from game.ui.scenes.attract import AttractScene

    return AttractScene


def _confirm() -> type[Scene]:
    from game.ui.scenes.confirm import ConfirmScene

    return ConfirmScene


def _credits() -> type[Scene]:
    from game.ui.scenes.credits import CreditsScene

    return CreditsScene


def _debrief() -> type[Scene]:
    from game.ui.scenes.debrief import DebriefScene

    return DebriefScene


def _guess() -> type[Scene]:
    from game.ui.scenes.guess import GuessScene

    return GuessScene


def _history() -> type[Scene]:
    from game.ui.scenes.history import HistoryScene

    return HistoryScene


def _keys() -> type[Scene]:
    from game.ui.scenes.keys import KeysScene

    return KeysScene


def _menu() -> type[Scene]:
    from game.ui.scenes.menu import MenuScene

    return MenuScene


def _mods() -> type[Scene]:
    from game.ui.scenes.mods import ModsScene

    return ModsScene


def _play() -> type[Scene]:
    from game.ui.scenes.play import PlayScene

    return PlayScene


def _problems() -> type[Scene]:
    from game.ui.scenes.problems import ProblemsScene

    return ProblemsScene


def _seed() -> type[Scene]:
    from game.ui.scenes.seed import SeedScene

    return SeedScene


def _settings() -> type[Scene]:
    from game.ui.scenes.settings import SettingsScene

    return SettingsScene


def _slots() -> type[Scene]:
    from game.ui.scenes.slots import SlotsScene

    return SlotsScene


def _staff() -> type[Scene]:
    from game.ui.scenes.staff import StaffScene

    return StaffScene


def _still_there() -> type[Scene]:
    from game.ui.scenes.still_there import StillThereScene

    return StillThereScene


def _transcript_name() -> type[Scene]:
    from game.ui.scenes.transcript_name import TranscriptNameScene

    return TranscriptNameScene


def _title() -> type[Scene]:
    from game.ui.scenes.title import TitleScene

    return TitleScene


#: Each screen by its ``name``, and where its class is found.
SCREENS: dict[str, Callable[[], type[Scene]]] = {
    "attract": _attract,
    "confirm": _confirm,
    "credits": _credits,
    "debrief": _debrief,
    "guess": _guess,
    "history": _history,
    "keys": _keys,
    "menu": _menu,
    "mods": _mods,
    "play": _play,
    "problems": _problems,
    "seed": _seed,
    "settings": _settings,
    "slots": _slots,
    "staff": _staff,
    "still_there": _still_there,
    "title": _title,
    "transcript name": _transcript_name,
}


def after_the_ending(app: "App", session, again: bool = False) -> Scene:
    """The screen that follows an ending: a guess still to be made, else the debrief."""
    screen = _guess() if session.guessing is not None else _debrief()
    return screen(app, session, again)


def build(app: "App", to: To) -> Scene:
    """The screen ``to`` names, opened on what it gives."""
    if to.screen == AFTER_THE_ENDING:
        return after_the_ending(app, **to.given)
    try:
        screen = SCREENS[to.screen]
    except KeyError:
        raise LookupError(f"no screen is called {to.screen!r}") from None
    return screen()(app, **to.given)
