"""The loop: events in, time in, frames out, and nothing drawn that has not changed.

Each event from the window goes where it belongs: to a kiosk's guard first, then the story
reload key, then the window itself (resized, minimised, uncovered), and what is left becomes
commands (:mod:`game.ui.input`) for the top screen, save the few the game answers itself.

While text is revealed only the strips of new letters are drawn and sent to the window; a
frame is drawn whole only when something under the top layer changed (a scene below an
overlay, anything under the toast) or a scene asked for it.  The loop runs at 60 fps only
while something moves and otherwise polls at a low rate, so an idle game costs almost
nothing (see ``benchmarks/idle_cpu.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.ui import input as cmd
from game.ui.input import Command, Fingers, Pointer, commands_from_event
from game.ui.reload import try_reload
from game.ui.stack import SceneStack
from game.ui.toast import Toast, readable_of, targets_of
from game.ui.watch import is_reload_key

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene

#: Frame rate while something animates, and the polling rate while idle.
ACTIVE_FPS = 60
IDLE_FPS = 30

#: Window events after which a kiosk's window may no longer cover the screen: the window
#: manager minimised, restored, resized or hid it, or another window took the focus.
WINDOW_LOST = (pygame.WINDOWMINIMIZED, pygame.WINDOWRESTORED, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED,
               pygame.VIDEORESIZE, pygame.WINDOWHIDDEN, pygame.WINDOWSHOWN, pygame.WINDOWFOCUSLOST,
               pygame.WINDOWMAXIMIZED, pygame.WINDOWMOVED)


class Frames:
    """The window's frames: updates the visible scenes and draws what changed (a frame is one
    drawing of the window; what surrounds a passage is its border, never a frame).  ``draw_toast`` draws the toast
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


class Loop:
    """Runs ``app``: its window's events in, its screens moved on in time, its frames out."""

    def __init__(self, app: "App") -> None:
        self.app = app
        self.frames = Frames(app.scenes, app.toasts, self._draw_toast)
        #: The touches under way, so a finger lifted is a tap or the end of a drag.
        self.fingers = Fingers()
        #: Where the mouse was last seen: a hover takes the focus only once the pointer moves.
        self.pointer = Pointer()

    @property
    def frames_drawn(self) -> int:
        return self.frames.drawn

    @property
    def partial_frames(self) -> int:
        """Of the frames drawn, those that updated only part of the window."""
        return self.frames.partial

    def _draw_toast(self, surface: pygame.Surface, top: "Scene") -> None:
        app = self.app
        app.toasts.draw(surface, app.text, app.metrics, app.palette, targets_of(top), readable_of(top))

    def dispatch(self, command: Command) -> None:
        """Give one command to the top scene (a few are the game's own)."""
        app = self.app
        if command.kind in (cmd.QUIT, cmd.FULLSCREEN) and app.kiosk is not None:
            return
        if command.kind == cmd.QUIT:
            app.running = False
            return
        if command.kind == cmd.FULLSCREEN:
            app.toggle_fullscreen()
            return
        if command.kind == cmd.VOICE:
            app.set_voicing(not app.settings.self_voicing)
            return
        if not app.scenes:
            return
        app.top.ensure_layout()
        app.apply(app.top.handle(command))

    def handle_event(self, event: pygame.event.Event) -> None:
        app = self.app
        if app.kiosk is not None and app.kiosk.intercept(app, event):
            return
        if app.watch is not None and is_reload_key(event):
            try_reload(app)
            return
        if app.kiosk is not None and event.type in WINDOW_LOST:
            app.keep_fullscreen(force=event.type in (pygame.WINDOWMINIMIZED, pygame.WINDOWHIDDEN))
        if app.window.follow(event):
            app.remeasure()
            return
        if event.type == pygame.WINDOWMOVED:
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            app.scenes.mark_dirty()
            return
        if event.type == pygame.TEXTINPUT:
            # Typed text goes to a screen with a field (a student's name); elsewhere the keys
            # that made it are read as commands.
            if app.scenes and getattr(app.top, "takes_text", False):
                app.top.take_text(event.text)
            return
        for command in commands_from_event(event, app.size, self.fingers, app.keys, self.pointer):
            self.dispatch(command)

    def step(self, dt: float) -> bool:
        """Update by ``dt`` seconds and redraw if anything changed.  Returns True while
        something animates (the loop then runs at full frame rate)."""
        app = self.app
        if app.watch is not None and app.watch.tick(dt):
            try_reload(app)
        if app.kiosk is not None:
            app.kiosk.tick(app, dt)
        if app.voice_found:
            app.voice.tick()
        return self.frames.step(app.surface, dt)

    def run(self) -> int:
        """Run until a scene quits or the window is closed."""
        app = self.app
        clock = pygame.time.Clock()
        dt = 0.0
        while app.running:
            for event in pygame.event.get():
                self.handle_event(event)
                if not app.running:
                    break
            if not app.running:
                break
            animating = self.step(dt)
            if self.frames.drawn and not app.shown:
                app.first_frame_shown()
            # Clock.tick sleeps the rest of the frame; while idle it polls at a low rate, which
            # costs less CPU than blocking in event.wait() (measured, see benchmarks/).
            dt = min(0.1, clock.tick(ACTIVE_FPS if animating else IDLE_FPS) / 1000.0)
        return 0
