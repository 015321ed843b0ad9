""""Still there?": drawn over an abandoned game before the kiosk gives the screen to the next
visitor.  Any press says yes and closes it; the kiosk's idle clock does the rest."""

from __future__ import annotations

import math

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row
from game.ui.widgets import Focus, draw_dialog

_PRESSES = (cmd.CLICK, cmd.CONFIRM, cmd.ADVANCE, cmd.CHOOSE, cmd.BACK, cmd.SCROLL)


class StillThereScene(Scene):
    name = "still_there"
    opaque = False

    def __init__(self, app, idle) -> None:
        super().__init__(app)
        self.idle = idle
        self.focus = Focus()
        self._shown_seconds = -1

    def message(self) -> str:
        seconds = max(1, math.ceil(self.idle.seconds_left))
        return f"The story starts again for the next visitor in {seconds} seconds. Touch the screen to go on."

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(900 * m.unit) + m.margin)
        self.text_w = width - 2 * m.margin
        lines = len(app.text.lines(self.message(), "sans", m.ui, self.text_w))
        height = app.text.height("sans_bold", m.heading) + (lines + 1) * m.ui_line + m.button_height + m.margin * 3
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (app.size[0] // 2, app.size[1] // 2)
        self.focus.set_buttons(button_row(app, [("I’m still here", "stay")], self.box.bottom - m.margin,
                                          width - 2 * m.margin))
        self.focus.focus_key("stay")

    def update(self, dt: float) -> bool:
        seconds = math.ceil(self.idle.seconds_left)
        if seconds != self._shown_seconds:
            self._shown_seconds = seconds
            self.dirty = True
        return False

    def handle(self, command: Command) -> Transition | None:
        # Anywhere on the screen will do: whoever touches it is there.
        if command.kind in _PRESSES:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_dialog(surface, self.box, m, p)
        y = self.box.y + m.margin
        rect = app.text.draw(surface, "Still there?", "sans_bold", m.heading, p.text, (self.box.centerx, y), "midtop")
        y = rect.bottom + m.gap
        for line in app.text.lines(self.message(), "sans", m.ui, self.text_w):
            app.text.draw(surface, line.text, "sans", m.ui, p.text, (self.box.centerx, y), "midtop")
            y += m.ui_line
        self.focus.draw(surface, app.text, m, p)
