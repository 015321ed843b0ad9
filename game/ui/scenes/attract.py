"""The attract screen: what a kiosk shows while nobody is playing.

The city, the game's title, one line from the story at a time, and "Touch to begin".  Any
touch, click or key starts a fresh game on the kiosk's route.  The line changes every few
seconds by redrawing the screen once; nothing animates in between, so a kiosk waiting all
night costs almost nothing.
"""

from __future__ import annotations

from typing import Sequence

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Reset, Scene, To, Transition
from game.ui.scenes.common import draw_background
from game.ui.widgets import draw_panel

#: How long each line of the story stays up.
LINE_SECONDS = 8.0
#: What the visitor is asked to do.
INVITATION = "Touch to begin"
#: The commands that begin a visit: a press of any kind, not the pointer passing over.
_BEGIN = (cmd.CLICK, cmd.CONFIRM, cmd.ADVANCE, cmd.CHOOSE)


class AttractScene(Scene):
    name = "attract"

    def __init__(self, app, lines: Sequence[str]) -> None:
        super().__init__(app)
        self.lines = list(lines) or [app.story.title]
        self.index = 0
        self.shown_for = 0.0

    @property
    def line(self) -> str:
        return self.lines[self.index]

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        w, h = app.size
        self.column = min(w - 4 * m.margin, round(app.text.average_char_width("serif", m.body) * 46))
        self.title_y = round(h * 0.16)
        self.line_y = round(h * 0.40)
        self.invite_y = round(h * 0.78)

    def update(self, dt: float) -> bool:
        self.shown_for += dt
        if self.shown_for >= LINE_SECONDS:
            self.shown_for = 0.0
            self.index = (self.index + 1) % len(self.lines)
            self.dirty = True
        return False

    def handle(self, command: Command) -> Transition | None:
        if command.kind not in _BEGIN:
            return None
        app = self.app
        app.sound("click")
        return Reset(To("play", session=app.new_session()))

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        w, h = app.size
        draw_background(app, surface, veil=True)
        title = app.text.fit(app.story.title, "serif", m.display, max(1, w - 2 * m.margin))
        app.text.draw(surface, title, "serif", m.display, p.text, (w // 2, self.title_y), "midtop")
        app.text.draw(surface, "One autumn and winter in Rongcheng", "sans", m.ui, p.text_dim,
                      (w // 2, self.title_y + app.text.height("serif", m.display)), "midtop")
        y = self.line_y
        for line in app.text.lines(self.line, "serif_italic", m.body, self.column):
            app.text.draw(surface, line.text, "serif_italic", m.body, p.text, (w // 2, y), "midtop")
            y += m.body_line
        label_w = app.text.width(INVITATION, "sans_bold", m.heading) + 4 * m.margin
        box = pygame.Rect(0, 0, label_w, app.text.height("sans_bold", m.heading) + 2 * m.gap)
        box.center = (w // 2, self.invite_y)
        draw_panel(surface, box, p.veil[:3], m.radius, p.accent, max(2, m.line_width))
        app.text.draw(surface, INVITATION, "sans_bold", m.heading, p.text, box.center, "center")
