"""Scenes on a stack, and the transitions a scene can ask for.

A scene turns commands into changes of its own state and, when the player goes elsewhere,
returns a transition — ``Push`` a screen on top, ``Pop`` back to the one below, ``Reset`` the
stack to one screen, ``Replace`` the top one, or ``Quit``.  Switching screens is a return value,
never a global flag, and only the app applies it.  A transition may carry a follow-up in
``then`` (``Pop(then=Push(...))`` closes a question and opens what it led to), applied right
after it.  Time (``dt``) is passed in; scenes never read the clock.

A screen names where the player goes, ``Push(To("slots", mode="load"))``, and the routes
between screens (:mod:`game.ui.routes`) build it when the transition is applied: no screen
imports another.  A scene already built (one kept through a reload) can be pushed as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

import pygame

from game.ui.input import Command

if TYPE_CHECKING:
    from game.ui.app import App


class To:
    """A screen by its name and what it is opened on, not yet built: ``To("play",
    session=s)``.  The name is a scene's ``name``, or one the routes add ("after the
    ending")."""

    __slots__ = ("screen", "given")

    def __init__(self, screen: str, **given: Any) -> None:
        self.screen = screen
        self.given = given

    def __eq__(self, other: object) -> bool:
        return isinstance(other, To) and (self.screen, self.given) == (other.screen, other.given)

    def __hash__(self) -> int:
        return hash(self.screen)

    def __repr__(self) -> str:
        given = "".join(f", {key}={value!r}" for key, value in self.given.items())
        return f"To({self.screen!r}{given})"


@dataclass(frozen=True)
class Push:
    scene: "Scene | To"
    then: "Transition | None" = None


@dataclass(frozen=True)
class Pop:
    then: "Transition | None" = None


@dataclass(frozen=True)
class Reset:
    scene: "Scene | To"
    then: "Transition | None" = None


@dataclass(frozen=True)
class Replace:
    scene: "Scene | To"
    then: "Transition | None" = None


@dataclass(frozen=True)
class Quit:
    pass


Transition = Union[Push, Pop, Reset, Replace, Quit]


class Scene:
    """One screen.  Subclasses override :meth:`layout`, :meth:`handle`, :meth:`draw` and,
    if something moves, :meth:`update`.

    ``opaque`` is False for overlays (the menu), which are drawn over the scene below.
    ``name`` identifies the screen in tests and logs.
    """

    name = "scene"
    opaque = True

    def __init__(self, app: "App") -> None:
        self.app = app
        #: The whole scene must be redrawn.
        self.dirty = True
        #: Only a small part changed (text being revealed): :meth:`draw_changes` can draw it
        #: without redrawing the whole window.
        self.changed = False
        self._laid_out_for: tuple | None = None

    def invalidate(self) -> None:
        """Lay the scene out again before it is next drawn or handed a command (its content
        changed: a new passage, a slot written)."""
        self._laid_out_for = None
        self.dirty = True

    # Layout is recomputed only when the window size, text size or theme changes.
    def ensure_layout(self) -> None:
        key = self.app.layout_key
        if key != self._laid_out_for:
            self._laid_out_for = key
            self.layout()
            self.dirty = True

    def layout(self) -> None:
        """Place everything for the current window and settings (``self.app.metrics``)."""

    def enter(self) -> None:
        """Called when the scene becomes the top of the stack (again)."""
        self.dirty = True

    def handle(self, command: Command) -> Transition | None:
        """React to one command; return a transition to change screens."""
        return None

    def press(self, command: Command) -> str | None:
        """Pass a command to the scene's ``focus`` ring: the key of the button it pressed, or
        None. A moved focus marks the scene for redrawing."""
        key = self.focus.handle(command)  # type: ignore[attr-defined]
        if self.focus.changed:  # type: ignore[attr-defined]
            self.dirty = True
        return key

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; return True while something still moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole scene (the loop only calls this when something changed)."""

    def draw_changes(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Draw only what changed since the last :meth:`draw` or call of this, over what is
        already on ``surface``; return the rectangles touched (the loop shows only those).

        Called, instead of :meth:`draw`, when ``changed`` is set but not ``dirty`` and the
        scene is on top with nothing drawn over it."""
        return []
