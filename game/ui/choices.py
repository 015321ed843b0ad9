"""A passage's choices as buttons: one a line, as wide as the reading column and big enough
for a finger, set under the last page's text.

When there are more, or longer, choices than the window has room for, the list scrolls
inside the space under the text, with arrows saying there is more above or below, and the
focused choice is always scrolled into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.text import Text
from game.ui.theme import Metrics, Palette
from game.ui.widgets import Button, Focus, make_button

if TYPE_CHECKING:
    from game.engine.session import Page


class ChoiceButtons:
    """The open passage's choices, or its one "Continue" to the debrief at an ending."""

    def __init__(self) -> None:
        #: The ring the keys move through; its ``scroll`` follows the list's.
        self.focus = Focus()
        self.buttons: list[Button] = []
        self.scroll = 0
        self.max_scroll = 0
        self.top = 0
        self.viewport = pygame.Rect(0, 0, 0, 0)
        #: Where the list must stop: the bottom of the play screen's content.
        self.bottom = 0

    def start(self) -> None:
        """A new passage: nothing focused, the list at its top."""
        self.focus.index = None
        self.scroll = 0

    def make(self, passage: Page, column: pygame.Rect, text: Text, metrics: Metrics) -> int:
        """Make the buttons for ``passage`` as wide as ``column``; the height they need
        stacked, gaps included."""
        m = metrics
        if passage.is_ending or not passage.choices:
            # Numbered like any choice, so 1 goes on to the debrief as it would choose.
            items = [(1, "Continue", "debrief")]
        else:
            items = [(c.number, c.text, c.number) for c in passage.choices]
        self.buttons = []
        for number, label, key in items:
            rect = pygame.Rect(column.x, 0, column.width, m.button_height)
            size = max(m.ui, round(m.body * 0.9))
            self.buttons.append(make_button(text, m, rect, key, label, number=number, role="sans",
                                            size=size, align="left"))
        return sum(b.rect.height for b in self.buttons) + m.gap * (len(self.buttons) - 1)

    def place(self, top: int, column: pygame.Rect, bottom: int, metrics: Metrics) -> None:
        """Stack the buttons from ``top`` down; what runs past ``bottom`` is scrolled to."""
        gap = metrics.gap
        self.top, self.bottom = top, bottom
        y = top
        for b in self.buttons:
            b.rect.y = y
            y = b.rect.bottom + gap
        self.viewport = pygame.Rect(column.x - gap, top - gap, column.width + 2 * gap, bottom - top + gap)
        self.max_scroll = max(0, (y - gap) - bottom)
        self.scroll = min(self.scroll, self.max_scroll)
        self.focus.set_buttons(self.buttons)
        self.focus.scroll = self.scroll

    def scroll_by(self, amount: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + amount))
        self.focus.scroll = self.scroll

    def keep_focus_visible(self) -> None:
        if self.focus.index is None or not self.max_scroll:
            return
        rect = self.focus.buttons[self.focus.index].rect
        if rect.top - self.scroll < self.top:
            self.scroll_by(rect.top - self.top - self.scroll)
        elif rect.bottom - self.scroll > self.bottom:
            self.scroll_by(rect.bottom - self.bottom - self.scroll)

    def draw(self, surface: pygame.Surface, text: Text, metrics: Metrics, palette: Palette) -> None:
        # Only a list that scrolls is cut at its viewport: the rest never leave the window.
        clip = self.viewport if self.max_scroll else None
        if clip is not None:
            surface.set_clip(clip)
        self.focus.draw(surface, text, metrics, palette, clip)
        if clip is not None:
            surface.set_clip(None)
            self._draw_arrows(surface, metrics, palette)

    def _draw_arrows(self, surface: pygame.Surface, metrics: Metrics, palette: Palette) -> None:
        m, p = metrics, palette
        s = max(6, m.gap)
        cx = self.viewport.right + m.gap
        if self.scroll > 0:
            cy = self.top + s
            pygame.draw.polygon(surface, p.accent, [(cx - s, cy + s // 2), (cx + s, cy + s // 2), (cx, cy - s // 2)])
        if self.scroll < self.max_scroll:
            cy = self.bottom - s
            pygame.draw.polygon(surface, p.accent, [(cx - s, cy - s // 2), (cx + s, cy - s // 2), (cx, cy + s // 2)])
