"""Drive the front end in tests: real SDL events in, frames out."""

from __future__ import annotations

import pygame

from game.ui import input as cmd
from game.ui.input import Command


def key(app, k: int, mod: int = 0) -> None:
    """Press and release a key through SDL's event queue, then run one frame."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0))
    pump(app)


def click(app, pos: tuple[int, int]) -> None:
    """Move the mouse to ``pos`` and click there, as SDL events."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))
    pump(app)


def tap(app, pos: tuple[int, int]) -> None:
    """A finger tap at ``pos`` (touch screens)."""
    w, h = app.size
    x, y = pos[0] / w, pos[1] / h
    for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
        pygame.event.post(pygame.event.Event(kind, x=x, y=y, dx=0.0, dy=0.0, touch_id=1, finger_id=1,
                                             pressure=1.0))
    pump(app)


def wheel(app, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, precise_x=0.0, precise_y=float(y),
                                         flipped=False, touch=False))
    pump(app)


def pump(app, frames: int = 1, dt: float = 1 / 60) -> None:
    """Handle queued events and run ``frames`` frames of ``dt`` seconds each."""
    for event in pygame.event.get():
        app.handle_event(event)
    for _ in range(frames):
        app.step(dt)


def command(app, kind: str, **kw) -> None:
    app.dispatch(Command(kind, **kw))
    app.step(1 / 60)


def finish_text(app) -> None:
    """Complete the play screen's text, page by page, until the choices show."""
    scene = app.top
    guard = 0
    while scene.name == "play" and not scene.choices_visible and guard < 200:
        command(app, cmd.ADVANCE)
        guard += 1


def drag(app, start: tuple[int, int], end: tuple[int, int], steps: int = 8) -> None:
    """A finger put down at ``start``, moved in ``steps`` to ``end`` and lifted there."""
    w, h = app.size
    x, y = start[0] / w, start[1] / h
    finger = dict(touch_id=1, finger_id=1, pressure=1.0)
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, dx=0.0, dy=0.0, **finger))
    for i in range(1, steps + 1):
        nx = (start[0] + (end[0] - start[0]) * i / steps) / w
        ny = (start[1] + (end[1] - start[1]) * i / steps) / h
        pygame.event.post(pygame.event.Event(pygame.FINGERMOTION, x=nx, y=ny, dx=nx - x, dy=ny - y, **finger))
        x, y = nx, ny
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0.0, dy=0.0, **finger))
    pump(app)


# -- where the window is ----------------------------------------------------------------------

def at_title(app):
    """The window opened on its title screen, its first frame drawn; returns the app."""
    from game.ui.scenes.title import TitleScene

    app.start(TitleScene(app))
    app.step(0)
    return app


def opened(app, scene):
    """``scene`` opened over the title screen, its first frame drawn; returns the scene."""
    from game.ui.scene import Push

    at_title(app)
    app.apply(Push(scene))
    app.step(0)
    return scene


def names(app) -> list[str]:
    """The screens open, the bottom one first."""
    return [scene.name for scene in app.stack]


def keys(app) -> list:
    """The keys of the buttons the top screen moves between."""
    return [b.key for b in app.top.focus.buttons]


def button(scene, key, focus=None):
    """The button ``key`` among those ``focus`` (the scene's own, unless given) moves between."""
    focus = focus or scene.focus
    for b in focus.buttons:
        if b.key == key:
            return b
    raise AssertionError(f"no button {key!r} on {scene.name}")


def row(scene, key):
    """The settings row (or keys row) named ``key``."""
    return next(r for r in scene.rows if r[0] == key)
