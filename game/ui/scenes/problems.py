"""The story's problems, over the game: what a broken edit or a broken mod says is wrong.

Each problem is one ``path:line:col: severity: message`` line, as ``check`` prints it, so a
modder can read the place and go to it.  The list scrolls (wheel, arrows, PgUp/PgDn, a finger);
the game under it goes on with the story as it last loaded.
"""

from __future__ import annotations

from typing import Sequence

import pygame

from game.engine import Problem
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row
from game.ui.widgets import Focus, draw_dialog


def ordered(problems: Sequence[Problem]) -> list[str]:
    """The problems as lines, errors first: they are why the story did not load, and the
    warnings that come with them can wait below."""
    return [str(p) for p in sorted(problems, key=lambda p: not p.is_error)]


class ProblemsScene(Scene):
    """``heading`` says what did not happen; ``advice`` what to do about it."""

    name = "problems"
    opaque = False

    def __init__(self, app, problems: Sequence[Problem], heading: str, advice: str) -> None:
        super().__init__(app)
        self.problems = ordered(problems)
        self.heading = heading
        self.advice = advice
        self.focus = Focus()
        self.scroll = 0  # in lines

    def show(self, problems: Sequence[Problem], heading: str, advice: str) -> None:
        """Show another list in place of this one (the next broken save of the same file)."""
        self.problems = ordered(problems)
        self.heading, self.advice = heading, advice
        self.scroll = 0
        self.invalidate()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        self.box = pygame.Rect(m.margin, m.margin, app.size[0] - 2 * m.margin, app.size[1] - 2 * m.margin)
        inner = self.box.width - 2 * m.margin
        self.heading_lines = [l.text for l in app.text.lines(self.heading, "sans_bold", m.ui, inner)]
        self.advice_lines = [l.text for l in app.text.lines(self.advice, "sans", m.small, inner)]
        self.lines: list[str] = []
        for problem in self.problems:
            self.lines.extend(l.text for l in app.text.lines(problem, "mono", m.small, inner))
        buttons = button_row(app, [("Close", "close")], self.box.bottom - m.margin)
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.focus_key("close")
        top = (self.box.y + m.margin + len(self.heading_lines) * m.ui_line
               + len(self.advice_lines) * m.small_line + m.gap)
        self.view = pygame.Rect(self.box.x + m.margin, top, inner, buttons[0].rect.top - m.gap - top)
        self.per_view = max(1, self.view.height // m.small_line)
        self.scroll = self.clamp(self.scroll)

    def clamp(self, scroll: int) -> int:
        return max(0, min(scroll, len(self.lines) - self.per_view))

    def scroll_by(self, lines: int) -> None:
        new = self.clamp(self.scroll + lines)
        if new != self.scroll:
            self.scroll = new
            self.dirty = True

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return Pop()
        steps = {cmd.UP: -1, cmd.DOWN: 1, cmd.PAGE_UP: -self.per_view, cmd.PAGE_DOWN: self.per_view,
                 cmd.HOME: -len(self.lines), cmd.END: len(self.lines)}
        if k in steps:
            self.scroll_by(steps[k])
            return None
        if k == cmd.SCROLL:
            self.scroll_by(round(command.amount) or (1 if command.amount > 0 else -1))
            return None
        if self.press(command) == "close":
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_dialog(surface, self.box, m, p)
        y = self.box.y + m.margin
        for line in self.heading_lines:
            app.text.draw(surface, line, "sans_bold", m.ui, p.text, (self.view.x, y))
            y += m.ui_line
        for line in self.advice_lines:
            app.text.draw(surface, line, "sans", m.small, p.text_dim, (self.view.x, y))
            y += m.small_line
        shown = self.lines[self.scroll:self.scroll + self.per_view]
        for i, line in enumerate(shown):
            app.text.draw(surface, line, "mono", m.small, p.text, (self.view.x, self.view.y + i * m.small_line))
        if len(self.lines) > self.per_view:
            where = f"lines {self.scroll + 1}–{self.scroll + len(shown)} of {len(self.lines)}"
            app.text.draw(surface, where, "sans", m.small, p.text_dim,
                          (self.view.right, self.box.y + m.margin), "topright")
        self.focus.draw(surface, app.text, m, p)
