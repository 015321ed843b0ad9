"""History: everything read this playthrough, with the choices taken, to scroll back through."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import pygame

from game.typography import named_speaker
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.passage_looks import look_for
from game.ui.widgets import Focus


@dataclass(frozen=True)
class Row:
    """One drawn line of the history: text, font role, size, colour name, x indent, y."""

    text: str
    role: str
    size: int
    colour: str
    indent: int
    y: int
    height: int


class HistoryScene(Scene):
    name = "history"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True

    def __init__(self, app, session, read: str | None = None) -> None:
        super().__init__(app)
        self.session = session
        #: As much of the page on screen as has been read: pages not yet turned to are not
        #: history (None: the whole page, for a caller that does not know).
        self.read = read
        self.focus = Focus()
        self.scroll = None  # start at the bottom (the most recent passage)

    def entries(self) -> list[tuple[str | None, str, str | None, str]]:
        """(heading, text, chosen, style) for every passage read, the current one last."""
        result = []
        for e in self.session.history:
            result.append((_heading(e.style, e.speaker, e.title, e.text), e.text, e.chosen, e.style))
        page = self.session.page
        history = self.session.history
        if not history or history[-1].passage_id != page.passage_id or history[-1].chosen is not None:
            text = page.text if self.read is None else self.read
            result.append((_heading(page.style, page.speaker, page.title, page.text), text, None, page.style))
        return result

    def layout(self) -> None:
        app, m, t = self.app, self.app.metrics, self.app.text
        w, h = app.size
        buttons = button_row(app, [("Earlier", "up"), ("Later", "down"), ("Back", "back")],
                             h - m.margin)
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.focus_key("back")
        self.view = pygame.Rect(0, heading_height(app), 0, 0)
        self.view.height = buttons[0].rect.top - m.gap - self.view.y
        width = min(w - 2 * m.margin, round(t.average_char_width("serif", m.body) * 74))
        self.view.width = width
        self.view.centerx = w // 2
        rows: list[Row] = []
        y = 0
        line_h = m.body_line
        gap = round(line_h * 0.5)
        for heading, text, chosen, style in self.entries():
            if heading:
                for line in t.lines(heading, "sans_bold", m.small, width):
                    rows.append(Row(line.text, "sans_bold", m.small, "accent", 0, y, m.small_line))
                    y += m.small_line
            look = look_for(style)
            for line in t.lines(text, "serif", m.body, width, look.keep_newlines):
                if line.first and rows and rows[-1].role == "serif":
                    y += gap
                rows.append(Row(line.text, "serif", m.body, "text", 0, y, line_h))
                y += line_h
            if chosen:
                indent = t.width("» ", "sans", m.ui)
                for i, line in enumerate(t.lines(chosen, "sans", m.ui, width - indent)):
                    rows.append(Row(("» " if i == 0 else "") + line.text, "sans", m.ui, "focus",
                                    0 if i == 0 else indent, y + gap // 2, m.ui_line))
                    y += m.ui_line
                y += gap // 2
            y += gap * 2
        self.rows = rows
        self.content_height = y
        # The history scrolls by whole lines: the top of the view is always the top of a line
        # and only lines that fit wholly are drawn, so no line is ever cut in half.
        last_bottom = rows[-1].y + rows[-1].height if rows else 0
        stops = sorted({row.y for row in rows}) or [0]
        fits = [s for s in stops if last_bottom - s <= self.view.height]
        self.max_scroll = fits[0] if fits else stops[-1]
        self.stops = [s for s in stops if s <= self.max_scroll] or [0]
        if self.scroll is None:
            self.scroll = self.max_scroll
        self.scroll = self._stop_at(self.scroll)
        self._carry = 0.0

    def _stop_at(self, y: int) -> int:
        """The last line start at or above ``y``, within the scrolling range."""
        y = max(0, min(self.max_scroll, y))
        return self.stops[max(0, bisect.bisect_right(self.stops, y) - 1)]

    def _set_scroll(self, new: int) -> None:
        new = self._stop_at(new)
        if new != self.scroll:
            self.scroll = new
            self.dirty = True

    def _scroll_lines(self, lines: int) -> None:
        i = self.stops.index(self.scroll) if self.scroll in self.stops else 0
        self._set_scroll(self.stops[max(0, min(len(self.stops) - 1, i + lines))])

    def _page(self, direction: int) -> None:
        """A page on (the first line not wholly shown comes to the top) or back (the line
        that was at the top comes to the bottom)."""
        top = self.scroll or 0
        if direction > 0:
            below = [r.y for r in self.rows if r.y + r.height > top + self.view.height]
            self._set_scroll(below[0] if below else self.max_scroll)
        else:
            back = [s for s in self.stops if s >= top - self.view.height]
            self._set_scroll(back[0] if back else 0)

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k in (cmd.BACK, cmd.HISTORY):
            return Pop()
        if k == cmd.SCROLL:
            # A drag's lines come in fractions: they add up to whole lines before moving.
            self._carry += command.amount
            whole = int(self._carry)
            self._carry -= whole
            self._scroll_lines(whole)
        elif k == cmd.UP:
            self._scroll_lines(-1)
        elif k == cmd.DOWN:
            self._scroll_lines(1)
        elif k == cmd.PAGE_UP:
            self._page(-1)
        elif k in (cmd.PAGE_DOWN, cmd.ADVANCE):
            self._page(1)
        elif k == cmd.HOME:
            self._set_scroll(0)
        elif k == cmd.END:
            self._set_scroll(self.max_scroll)
        else:
            key = self.press(command)
            if key == "back":
                return Pop()
            if key == "up":
                self._page(-1)
            elif key == "down":
                self._page(1)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, t = self.app, self.app.metrics, self.app.palette, self.app.text
        draw_background(app, surface)
        draw_heading(app, surface, "History")
        surface.set_clip(self.view)
        top = self.view.y - (self.scroll or 0)
        for row in self.rows:
            y = top + row.y
            if y < self.view.y or y + row.height > self.view.bottom:
                continue                                    # only whole lines are shown
            colour = getattr(p, row.colour)
            rendered = t.render(row.text, row.role, row.size, colour)
            surface.blit(rendered, (self.view.x + row.indent, y + (row.height - rendered.get_height()) // 2))
        surface.set_clip(None)
        # Where we are in the whole history.
        if self.max_scroll:
            bar_x = self.view.right + m.gap
            track = pygame.Rect(bar_x, self.view.y, max(3, m.line_width * 2), self.view.height)
            pygame.draw.rect(surface, p.button, track)
            thumb_h = max(m.gap * 2, track.height * self.view.height // max(1, self.content_height))
            thumb_y = track.y + (track.height - thumb_h) * (self.scroll or 0) // max(1, self.max_scroll)
            pygame.draw.rect(surface, p.accent, (track.x, thumb_y, track.width, thumb_h))
        self.focus.draw(surface, t, m, p)


def _heading(style: str, speaker: str | None, title: str | None, text: str) -> str | None:
    """What heads a passage in the history: the same name the play screen puts over it (a
    narrated scene is nobody's), else its title; a letter or document shows both."""
    name = named_speaker(style, speaker, text)
    if title and name and style in ("letter", "document"):
        return f"{title} — {name}"
    return name or title
