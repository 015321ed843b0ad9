"""Who made the game and what it is built from."""

from __future__ import annotations

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Focus

CREDITS = """Keeping Trust is a story of one autumn and winter in Rongcheng, a coastal city in Shandong and one of the pilot cities of China's Social Credit System.

Its facts come from public reporting on the Rongcheng pilot, the city's published measures, and the national court blacklist of dishonest persons subject to enforcement. The characters and their lives are invented.

Written and built by the Keeping Trust team, in Python with pygame-ce, PyYAML and platformdirs.

Type: Noto Serif, Noto Sans and Noto Sans Mono, by Google, under the SIL Open Font License (assets/fonts/OFL.txt).

Sounds and pictures were generated for the game by its own scripts (assets/sounds/make_sounds.py, game/ui/art.py)."""


class CreditsScene(Scene):
    name = "credits"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus = Focus(index=0)
        self.page = 0

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(app.text.average_char_width("serif", m.body) * 64))
        self.lines = app.text.lines(CREDITS, "serif", m.body, width)
        self.x = (app.size[0] - width) // 2
        buttons = button_row(app, [("Back", "back")], app.size[1] - m.margin)
        self.focus.set_buttons(buttons)
        self.focus.index = 0
        from game.ui.layout import paginate

        top = heading_height(app)
        room = buttons[0].rect.top - m.gap - top
        line_h, gap = m.body_line, round(m.body_line * 0.6)
        self.pages = paginate(self.lines, line_h, gap, room)
        self.top = top
        self.page = min(self.page, len(self.pages) - 1)

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return Pop()
        if k in (cmd.RIGHT, cmd.PAGE_DOWN, cmd.DOWN) or (k == cmd.SCROLL and command.amount > 0):
            if self.page < len(self.pages) - 1:
                self.page += 1
                self.dirty = True
            return None
        if k in (cmd.LEFT, cmd.PAGE_UP, cmd.UP) or (k == cmd.SCROLL and command.amount < 0):
            if self.page > 0:
                self.page -= 1
                self.dirty = True
            return None
        if k == cmd.ADVANCE:
            if self.page < len(self.pages) - 1:
                self.page += 1
                self.dirty = True
                return None
            return Pop()
        if self.focus.handle(command) == "back":
            self.app.sound("click")
            return Pop()
        if self.focus.changed:
            self.dirty = True
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface)
        draw_heading(app, surface, "Credits")
        from game.ui.layout import line_offsets

        lines = self.pages[self.page]
        for line, dy in zip(lines, line_offsets(lines, m.body_line, round(m.body_line * 0.6))):
            app.text.draw(surface, line.text, "serif", m.body, p.text, (self.x, self.top + dy))
        if len(self.pages) > 1:
            app.text.draw(surface, f"{self.page + 1} / {len(self.pages)}", "sans", m.small, p.text_dim,
                          (app.size[0] - m.margin, app.size[1] - m.margin), "bottomright")
        self.focus.draw(surface, app.text, m, p)
