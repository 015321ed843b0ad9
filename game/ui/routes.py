"""The routes between screens: the one module that knows every screen and builds the next.

A screen never imports another.  It names where the player goes, ``Push(To("slots",
mode="load", session=s))``, and when the stack applies the transition it asks :func:`build`
here for the screen.  So a screen's module reads alone, and a new screen is one class and
one line in :data:`SCREENS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from game.ui.scene import Scene, To
from game.ui.scenes.attract import AttractScene
from game.ui.scenes.confirm import ConfirmScene
from game.ui.scenes.credits import CreditsScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.guess import GuessScene
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.keys import KeysScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.mods import ModsScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.problems import ProblemsScene
from game.ui.scenes.seed import SeedScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.slots import SlotsScene
from game.ui.scenes.staff import StaffScene
from game.ui.scenes.still_there import StillThereScene
from game.ui.scenes.title import TitleScene

if TYPE_CHECKING:
    from game.ui.app import App

#: Where the play screen's ending leads, and the title's "Read the debrief again".
AFTER_THE_ENDING = "after the ending"


def after_the_ending(app: "App", session, again: bool = False) -> Scene:
    """The screen that follows an ending: a guess still to be made, else the debrief."""
    if session.guessing is not None:
        return GuessScene(app, session, again)
    return DebriefScene(app, session, again)


#: Each screen by the name a ``To`` gives, and what builds it from the app and the rest.
SCREENS: dict[str, Callable[..., Scene]] = {
    **{scene.name: scene for scene in (
        AttractScene, ConfirmScene, CreditsScene, DebriefScene, GuessScene, HistoryScene, KeysScene,
        MenuScene, ModsScene, PlayScene, ProblemsScene, SeedScene, SettingsScene, SlotsScene,
        StaffScene, StillThereScene, TitleScene)},
    AFTER_THE_ENDING: after_the_ending,
}


def build(app: "App", to: To) -> Scene:
    """The screen ``to`` names, opened on what it gives."""
    try:
        make = SCREENS[to.screen]
    except KeyError:
        raise LookupError(f"no screen is called {to.screen!r}") from None
    return make(app, **to.given)
