"""The loop: time in, frames out, and nothing drawn that has not changed.

While text is revealed only the strips of new letters are drawn and sent to the window; a
frame is drawn whole only when something under the top layer changed (a scene below an
overlay, anything under the toast) or a scene asked for it.  The loop runs at 60 fps only
while something moves and otherwise polls at a low rate, so an idle game costs almost
nothing (see ``benchmarks/idle_cpu.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.ui.stack import SceneStack
from game.ui.toast import Toast

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene

#: Frame rate while something animates, and the polling rate while idle.
ACTIVE_FPS = 60
IDLE_FPS = 30


class Frames:
    """Updates the visible scenes and draws what changed.  ``draw_toast`` draws the toast
    over a whole frame, clear of what can be pressed on the given top scene."""

    def __init__(self, stack: SceneStack, toast: Toast,
                 draw_toast: Callable[[pygame.Surface, "Scene"], object]) -> None:
        self.stack = stack
        self.toast = toast
        self.draw_toast = draw_toast
        self.drawn = 0
        #: Of those, frames that updated only part of the window.
        self.partial = 0

    def step(self, surface: pygame.Surface, dt: float) -> bool:
        """Update by ``dt`` seconds and redraw if anything changed.  True while something
        animates (the loop then runs at full frame rate)."""
        if not self.stack:
            return False
        visible = self.stack.visible()
        for scene in visible:
            scene.ensure_layout()
        animating = any(scene.update(dt) for scene in visible)
        if self.toast.tick(dt):
            visible[-1].dirty = True
        elif self.toast.showing:
            animating = True
        top = visible[-1]
        # A change in a scene under an overlay, or under the toast, needs the layers above it
        # drawn again: that is a whole frame.  A change on top of everything is drawn alone.
        whole = any(scene.dirty for scene in visible) or \
            any(scene.changed for scene in visible[:-1]) or \
            (top.changed and self.toast.showing)
        if whole:
            for scene in visible:
                scene.draw(surface)
                scene.dirty = scene.changed = False
            if self.toast.showing:
                self.draw_toast(surface, top)
            pygame.display.flip()
            self.drawn += 1
        elif top.changed:
            top.changed = False
            rects = top.draw_changes(surface)
            if rects:
                # Only the touched rectangles reach the window: at 1080p a whole frame costs
                # most of a core under X, a line of text almost nothing.
                pygame.display.update(rects)
                self.drawn += 1
                self.partial += 1
        return animating


def run(app: "App") -> int:
    """Run ``app`` until a scene quits or the window is closed."""
    clock = pygame.time.Clock()
    dt = 0.0
    while app.running:
        for event in pygame.event.get():
            app.handle_event(event)
            if not app.running:
                break
        if not app.running:
            break
        animating = app.step(dt)
        # Clock.tick sleeps the rest of the frame; while idle it polls at a low rate, which
        # costs less CPU than blocking in event.wait() (measured, see benchmarks/).
        dt = min(0.1, clock.tick(ACTIVE_FPS if animating else IDLE_FPS) / 1000.0)
    return 0
