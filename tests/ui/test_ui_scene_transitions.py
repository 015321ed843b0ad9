"""Scenes change screens only through the transitions they return: a question closes itself
that way, and a scene asks to be laid out again through ``invalidate``.  (The stack itself is
specified in test_ui_stack.py.)"""

from __future__ import annotations

import ui_driver as d
from game.ui.scene import Push, Scene
from game.ui.scenes.confirm import ConfirmScene
from game.ui.input import Command
from game.ui import input as cmd


class Named(Scene):
    def __init__(self, app, name: str) -> None:
        super().__init__(app)
        self.name = name


def test_a_question_closes_itself_through_the_transition_it_returns(make_app):
    app = make_app()
    app.start(Named(app, "below"))
    answered = []

    def on_yes():
        answered.append(d.names(app))          # the question is still there while it is asked
        return Push(Named(app, "after"))

    app.apply(Push(ConfirmScene(app, "Go on?", on_yes)))
    question = app.top
    question.ensure_layout()
    question.focus.focus_key("yes")
    transition = question.handle(Command(cmd.CONFIRM))
    assert d.names(app) == ["below", "confirm"]   # nothing applied behind the app's back
    app.apply(transition)
    assert d.names(app) == ["below", "after"]
    assert answered == [["below", "confirm"]]


def test_invalidate_lays_the_scene_out_again(make_app):
    app = make_app()
    laid_out = []

    class Counting(Scene):
        def layout(self) -> None:
            laid_out.append(1)

    scene = Counting(app)
    app.start(scene)
    scene.ensure_layout()
    assert len(laid_out) == 1
    scene.invalidate()
    scene.ensure_layout()
    assert len(laid_out) == 2 and scene.dirty
