"""Who made the game, what it is made with, and where its facts come from.

Large text on a small window needs more than one page: Previous and Next turn them (as do
←/→, PgUp/PgDn and the wheel), and ``2 / 3`` over the buttons says where the reader is.
"""

from __future__ import annotations

import pygame

from game import __version__
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.layout import line_offsets, paginate
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Focus

CREDITS = """Keeping Trust is a story of one autumn and winter in Rongcheng, a coastal city in Shandong and one of the places where China has tried out its Social Credit System since 2014. The people you meet and their lives are invented; the system they live under is not.

Where the facts come from: Otilia Rose-Marie Meden's article "The Chinese Social Credit System: A look into the future?"; Rongcheng's published credit measures, in the English translation by China Law Translate; public reporting on the Rongcheng pilot, on Nanjing's trustworthy card and on village points stores; the national court blacklist of dishonest persons subject to enforcement, kept since 2013; and surveys of what people in China think of social credit, by Genia Kostka (2019) and by MERICS (2020).

Written and built by the Keeping Trust team, in Python, with pygame-ce, PyYAML and platformdirs.

The type is Noto Serif, Noto Sans and Noto Sans Mono, designed for Google and free to share under the SIL Open Font License 1.1.

The Legible font is Atkinson Hyperlegible, by the Braille Institute of America, under the same licence. The Dyslexic font is OpenDyslexic, by Abelardo Gonzalez, under the Creative Commons Attribution 3.0 licence, built on Bitstream Vera by Bitstream, Inc.

The city at dusk and in winter, the sea, and every sound — a tick, two notes, a page turning, the wind off the sea — were made for the game, by the game's own code."""


def version_line() -> str:
    """Which version this is, as ``--version`` says it: a player reporting a problem reads it
    here."""
    return f"This is Keeping Trust {__version__}."


class CreditsScene(Scene):
    name = "credits"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus = Focus()
        self.page = 0

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(app.text.average_char_width("serif", m.body) * 64))
        self.lines = app.text.lines(f"{CREDITS}\n\n{version_line()}", "serif", m.body, width)
        self.x = (app.size[0] - width) // 2
        self.top = heading_height(app)
        bottom = app.size[1] - m.margin
        # Measured with the page buttons in place, which take no more room than Back alone.
        buttons = button_row(app, [("Previous", "prev"), ("Next", "next"), ("Back", "back")], bottom)
        room = buttons[0].rect.top - m.gap - self.top
        line_h, gap = m.body_line, round(m.body_line * 0.6)
        pages = paginate(self.lines, line_h, gap, room)
        if len(pages) > 1:
            # The page number sits over the buttons: the text makes room for it.
            pages = paginate(self.lines, line_h, gap, room - m.small_line - m.gap)
        else:
            buttons = button_row(app, [("Back", "back")], bottom)
        self.pages = pages
        self.page = min(self.page, len(self.pages) - 1)
        self.indicator_y = buttons[0].rect.top - m.gap
        self.focus.set_buttons(buttons)
        self._enable()
        if self.focus.index is None:
            self.focus.focus_key("next" if self.page < len(self.pages) - 1 else "back")

    def _enable(self) -> None:
        last = len(self.pages) - 1
        for b in self.focus.buttons:
            b.enabled = {"prev": self.page > 0, "next": self.page < last}.get(b.key, True)
        focused = self.focus.focused_key()
        if focused is not None and not self.focus.buttons[self.focus.index].enabled:
            # The button just pressed has run out of pages: at the end Back takes focus, at
            # the start Next does.
            self.focus.focus_key("back" if focused == "next" else "next")

    def turn(self, step: int) -> bool:
        """Turn ``step`` pages; False if there is no page that way."""
        new = max(0, min(len(self.pages) - 1, self.page + step))
        if new == self.page:
            return False
        self.page = new
        self._enable()
        self.dirty = True
        return True

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return Pop()
        if k in (cmd.RIGHT, cmd.PAGE_DOWN, cmd.DOWN) or (k == cmd.SCROLL and command.amount > 0):
            self.turn(1)
            return None
        if k in (cmd.LEFT, cmd.PAGE_UP, cmd.UP) or (k == cmd.SCROLL and command.amount < 0):
            self.turn(-1)
            return None
        if k == cmd.ADVANCE:
            return None if self.turn(1) else Pop()
        key = self.press(command)
        if key == "back":
            self.app.sound("click")
            return Pop()
        if key in ("prev", "next"):
            self.app.sound("page")
            self.turn(1 if key == "next" else -1)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface)
        draw_heading(app, surface, "Credits")
        lines = self.pages[self.page]
        for line, dy in zip(lines, line_offsets(lines, m.body_line, round(m.body_line * 0.6))):
            app.text.draw(surface, line.text, "serif", m.body, p.text, (self.x, self.top + dy))
        if len(self.pages) > 1:
            app.text.draw(surface, f"{self.page + 1} / {len(self.pages)}", "sans", m.small, p.text_dim,
                          (app.size[0] // 2, self.indicator_y), "midbottom")
        self.focus.draw(surface, app.text, m, p)
