"""The screens open at once, one on top of another, and the only place that changes them.

Scenes ask for a change by returning a transition (see :mod:`game.ui.scene`); the stack
applies it and its follow-ups, builds a screen named by ``To`` with ``build`` (the routes
between screens, :mod:`game.ui.routes`), lays out and enters the scene that ends up on top,
and marks what must be drawn again.
"""

from __future__ import annotations

from typing import Callable

from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene, To, Transition

Build = Callable[[To], Scene]


class SceneStack:
    """The open scenes, the top one last.  ``quit_asked`` is set by a ``Quit`` transition."""

    def __init__(self, build: Build | None = None) -> None:
        self.scenes: list[Scene] = []
        self.quit_asked = False
        self.build = build

    def _built(self, scene: Scene | To) -> Scene:
        # Built only now, as the transition is applied: a follow-up's screen is made after
        # the one before it has been entered, as when a scene opens it itself.
        if isinstance(scene, To):
            if self.build is None:
                raise LookupError(f"no routes to build {scene!r}")
            return self.build(scene)
        return scene

    def __bool__(self) -> bool:
        return bool(self.scenes)

    @property
    def top(self) -> Scene:
        return self.scenes[-1]

    def start(self, scene: Scene | To) -> None:
        """Make ``scene`` the only screen."""
        scene = self._built(scene)
        self.scenes = [scene]
        scene.ensure_layout()
        scene.enter()

    def apply(self, transition: Transition | None) -> None:
        """Change screens as ``transition`` says, then apply its follow-up (``then``)."""
        while transition is not None:
            if isinstance(transition, Quit):
                self.quit_asked = True
                return
            self._apply_one(transition)
            transition = transition.then

    def _apply_one(self, transition: Transition) -> None:
        if isinstance(transition, Push):
            self.scenes.append(self._built(transition.scene))
        elif isinstance(transition, Pop):
            if len(self.scenes) > 1:
                self.scenes.pop()
        elif isinstance(transition, Reset):
            self.scenes = [self._built(transition.scene)]
        elif isinstance(transition, Replace):
            self.scenes[-1] = self._built(transition.scene)
        self.top.ensure_layout()
        self.top.enter()
        self.mark_dirty()

    def mark_dirty(self) -> None:
        """Every open scene is drawn whole next time (the window changed, or what is on top)."""
        for scene in self.scenes:
            scene.dirty = True

    def visible(self) -> list[Scene]:
        """The top scene and, below overlays, the scenes they are drawn over."""
        visible: list[Scene] = []
        for scene in reversed(self.scenes):
            visible.insert(0, scene)
            if scene.opaque:
                break
        return visible
