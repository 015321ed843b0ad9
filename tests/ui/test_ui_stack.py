"""The scene stack and the loop's frames, each without an App or a window of their own."""

from __future__ import annotations

from types import SimpleNamespace

import pygame

from game.ui.loop import Frames
from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene
from game.ui.stack import SceneStack
from game.ui.toast import Toast


class Room(Scene):
    """A scene that counts what is done to it."""

    def __init__(self, app, name: str, opaque: bool = True) -> None:
        super().__init__(app)
        self.name, self.opaque = name, opaque
        self.entered = self.laid_out = self.drawn = 0

    def layout(self) -> None:
        self.laid_out += 1

    def enter(self) -> None:
        super().enter()
        self.entered += 1

    def draw(self, surface) -> None:
        self.drawn += 1


def rooms(*names):
    app = SimpleNamespace(layout_key=("any",))
    return [Room(app, n, opaque=not n.startswith("overlay")) for n in names]


def test_transitions_and_their_follow_ups_are_applied_in_order():
    title, play, menu, credits = rooms("title", "play", "overlay menu", "credits")
    stack = SceneStack()
    stack.start(title)
    stack.apply(Reset(play, then=Push(menu)))
    assert [s.name for s in stack.scenes] == ["play", "overlay menu"]
    assert [s.name for s in stack.visible()] == ["play", "overlay menu"]
    stack.apply(Pop(then=Replace(credits)))
    assert [s.name for s in stack.scenes] == ["credits"]
    assert credits.entered == 1 and credits.laid_out == 1
    stack.apply(Pop())                                  # the last screen stays
    assert stack.top is credits and not stack.quit_asked
    stack.apply(Push(title, then=Quit()))
    assert stack.quit_asked and stack.top is title


def test_frames_draw_only_when_something_changed(monkeypatch):
    pygame.display.init()
    monkeypatch.setattr(pygame.display, "flip", lambda: None)
    play, menu = rooms("play", "overlay menu")
    stack = SceneStack()
    stack.start(play)
    stack.apply(Push(menu))
    toasts = []
    frames = Frames(stack, Toast(), lambda surface, top: toasts.append(top.name))
    surface = pygame.Surface((64, 64))
    frames.step(surface, 0.0)
    assert (play.drawn, menu.drawn, frames.drawn) == (1, 1, 1)
    frames.step(surface, 0.1)
    assert frames.drawn == 1                            # nothing changed: nothing drawn
    frames.toast.show("Quick saved.", 0.15)
    menu.dirty = True
    assert frames.step(surface, 0.1) is True            # a toast showing keeps the loop awake
    assert toasts == ["overlay menu"]
    frames.step(surface, 0.1)                           # the toast goes: one more frame
    assert frames.drawn == 3 and not frames.toast.showing
    assert frames.step(surface, 0.1) is False and frames.drawn == 3
