"""A yes/no question drawn over the screen below; the answer is passed to a callback."""

from __future__ import annotations

from typing import Callable

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row
from game.ui.widgets import Focus, draw_dialog, draw_dialog_lines


class ConfirmScene(Scene):
    name = "confirm"
    opaque = False

    def __init__(self, app, question: str, on_yes: Callable[[], Transition | None],
                 yes: str = "Yes", no: str = "No") -> None:
        super().__init__(app)
        self.question = question
        self.on_yes = on_yes
        self.labels = (yes, no)
        self.focus = Focus()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(900 * m.unit) + m.margin)
        self.lines = [l.text for l in app.text.lines(self.question, "sans", m.ui, width - 2 * m.margin)]
        text_h = len(self.lines) * m.ui_line
        height = text_h + m.button_height + m.margin * 3
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (app.size[0] // 2, app.size[1] // 2)
        buttons = button_row(app, [(self.labels[0], "yes"), (self.labels[1], "no")],
                             self.box.bottom - m.margin, width - 2 * m.margin)
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.focus_key("no")

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return Pop()
        key = self.press(command)
        if key == "no":
            return Pop()
        if key == "yes":
            # The question closes first; what the answer leads to follows it.
            return Pop(then=self.on_yes())
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_dialog(surface, self.box, m, p)
        draw_dialog_lines(surface, app.text, self.box, self.lines, m, p.text)
        self.focus.draw(surface, app.text, m, p)
