"""Buttons and the focus that moves between them, for mouse, touch and keys alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.text import Text
from game.ui.theme import Metrics, Palette


@dataclass
class Button:
    """A touch-sized target.  ``key`` is what activating it returns; ``lines`` is the label
    already wrapped to the button's width; ``number`` (if any) is drawn before the label and
    answers to that number key."""

    rect: pygame.Rect
    key: Any
    lines: list[str]
    enabled: bool = True
    number: int | None = None
    role: str = "sans"
    size: int = 20
    align: str = "center"
    subtitle: list[str] = field(default_factory=list)


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, colour: tuple, radius: int,
               border: tuple | None = None, width: int = 1) -> None:
    """A filled rounded rectangle with an optional border (alpha colours allowed)."""
    if len(colour) == 4 and colour[3] < 255:
        layer = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(layer, colour, layer.get_rect(), border_radius=radius)
        surface.blit(layer, rect)
    else:
        pygame.draw.rect(surface, colour[:3], rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width=width, border_radius=radius)



def draw_dialog(surface: pygame.Surface, box: pygame.Rect, metrics, palette, border: tuple | None = None) -> None:
    """A question or notice drawn over the screen: the screen below dimmed, so it reads as not
    to be touched now, and the box on top (edged with the focus colour unless told otherwise)."""
    draw_panel(surface, surface.get_rect(), (0, 0, 0, 150), 0)
    draw_panel(surface, box, palette.veil[:3], metrics.radius,
               palette.focus if border is None else border, metrics.line_width)


def draw_dialog_lines(surface: pygame.Surface, text: Text, box: pygame.Rect, lines, metrics, colour) -> int:
    """A dialog's lines of words, centred from the top of ``box``; returns the height below them."""
    y = box.y + metrics.margin
    for line in lines:
        text.draw(surface, line, "sans", metrics.ui, colour, (box.centerx, y), "midtop")
        y += metrics.ui_line
    return y


def make_button(text: Text, metrics: Metrics, rect: pygame.Rect, key: Any, label: str, *,
                enabled: bool = True, number: int | None = None, role: str = "sans",
                size: int | None = None, align: str = "center", subtitle: str = "") -> Button:
    """A button whose label is wrapped to fit inside ``rect`` (the height is grown to fit)."""
    size = size or metrics.ui
    pad = metrics.gap
    number_room = text.width("9  ", "sans_bold", size) if number is not None else 0
    inner = max(1, rect.width - 2 * pad - number_room)
    lines = [line.text for line in text.lines(label, role, size, inner)]
    sub = [line.text for line in text.lines(subtitle, "sans", metrics.small, inner)] if subtitle else []
    line_h = round(size * 1.35)
    needed = len(lines) * line_h + len(sub) * metrics.small_line + 2 * round(pad * 0.8)
    rect = pygame.Rect(rect.x, rect.y, rect.width, max(rect.height, needed))
    return Button(rect, key, lines, enabled, number, role, size, align, sub)


def draw_button(surface: pygame.Surface, text: Text, metrics: Metrics, palette: Palette,
                button: Button, focused: bool, offset: int = 0) -> None:
    rect = button.rect.move(0, -offset)
    fill = palette.button_hover if focused and button.enabled else palette.button
    border = palette.focus if focused else palette.text_dim
    draw_panel(surface, rect, fill, metrics.radius, border,
               max(2, metrics.line_width * 2) if focused else metrics.line_width)
    colour = palette.button_text if button.enabled else palette.button_disabled_text
    line_h = round(button.size * 1.35)
    total = len(button.lines) * line_h + len(button.subtitle) * metrics.small_line
    y = rect.centery - total // 2
    pad = metrics.gap
    x = rect.x + pad
    if button.number is not None:
        text.draw(surface, f"{button.number}", "sans_bold", button.size,
                  palette.focus if focused else palette.accent, (x, y + (line_h - text.height("sans_bold", button.size)) // 2))
        x += text.width("9  ", "sans_bold", button.size)
    for line in button.lines:
        ty = y + (line_h - text.height(button.role, button.size)) // 2
        if button.align == "center" and button.number is None:
            text.draw(surface, line, button.role, button.size, colour, (rect.centerx, ty), "midtop")
        else:
            text.draw(surface, line, button.role, button.size, colour, (x, ty))
        y += line_h
    for line in button.subtitle:
        ty = y + (metrics.small_line - text.height("sans", metrics.small)) // 2
        if button.align == "center" and button.number is None:
            text.draw(surface, line, "sans", metrics.small, palette.text_dim, (rect.centerx, ty), "midtop")
        else:
            text.draw(surface, line, "sans", metrics.small, palette.text_dim, (x, ty))
        y += metrics.small_line


class Focus:
    """Which of a set of buttons has focus, moved by pointer and arrow keys.

    :meth:`handle` returns the key of an activated button, or None.  ``changed`` tells the
    scene to redraw.  Arrow keys move to the nearest enabled button in that direction, so any
    arrangement (a column, a bar, a grid) works without extra code.
    """

    def __init__(self, buttons: Sequence[Button] = (), index: int | None = None) -> None:
        self.buttons: list[Button] = list(buttons)
        self.index = index
        self.changed = False
        self.scroll = 0  # buttons are drawn `scroll` px higher (scrolling lists)

    def set_buttons(self, buttons: Sequence[Button], keep_key: bool = True) -> None:
        old = self.focused_key() if keep_key else None
        self.buttons = list(buttons)
        self.index = None
        if old is not None:
            for i, b in enumerate(self.buttons):
                if b.key == old:
                    self.index = i

    def focused_key(self) -> Any:
        if self.index is None or self.index >= len(self.buttons):
            return None
        return self.buttons[self.index].key

    def focus_key(self, key: Any) -> None:
        for i, b in enumerate(self.buttons):
            if b.key == key:
                self.index = i
                self.changed = True

    def at(self, pos: tuple[int, int]) -> int | None:
        x, y = pos
        for i, b in enumerate(self.buttons):
            if b.rect.collidepoint(x, y + self.scroll):
                return i
        return None

    def _first(self) -> int | None:
        for i, b in enumerate(self.buttons):
            if b.enabled:
                return i
        return None

    def _move(self, dx: int, dy: int) -> None:
        if self.index is None:
            self.index = self._first()
            self.changed = True
            return
        here = self.buttons[self.index].rect
        best, best_cost = None, None
        for i, b in enumerate(self.buttons):
            if i == self.index or not b.enabled:
                continue
            vx = b.rect.centerx - here.centerx
            vy = b.rect.centery - here.centery
            along = vx * dx + vy * dy
            if along <= 0:
                continue
            across = abs(vx * dy) + abs(vy * dx)
            # Overlapping rows/columns count as straight ahead.
            if dy and (b.rect.left < here.right and b.rect.right > here.left):
                across = 0
            if dx and (b.rect.top < here.bottom and b.rect.bottom > here.top):
                across = 0
            cost = along + 3 * across
            if best_cost is None or cost < best_cost:
                best, best_cost = i, cost
        if best is None:
            # Wrap around along a single column or row.
            enabled = [i for i, b in enumerate(self.buttons) if b.enabled]
            if enabled and (dy or len({b.rect.centery for b in self.buttons}) == 1):
                pos = enabled.index(self.index) if self.index in enabled else 0
                best = enabled[(pos + (dx or dy)) % len(enabled)]
        if best is not None and best != self.index:
            self.index = best
            self.changed = True

    def handle(self, command: Command) -> Any:
        """Update focus from ``command``; return the activated button's key or None."""
        self.changed = False
        kind = command.kind
        if kind == cmd.POINT and command.pos is not None:
            i = self.at(command.pos)
            if i is not None and self.buttons[i].enabled and i != self.index:
                self.index = i
                self.changed = True
            return None
        if kind == cmd.CLICK and command.pos is not None:
            i = self.at(command.pos)
            if i is not None and self.buttons[i].enabled:
                self.index = i
                self.changed = True
                return self.buttons[i].key
            return None
        if kind == cmd.UP:
            self._move(0, -1)
        elif kind == cmd.DOWN:
            self._move(0, 1)
        elif kind == cmd.LEFT:
            self._move(-1, 0)
        elif kind == cmd.RIGHT:
            self._move(1, 0)
        elif kind == cmd.CONFIRM:
            if self.index is None:
                self.index = self._first()
                self.changed = True
                return None
            b = self.buttons[self.index]
            return b.key if b.enabled else None
        elif kind == cmd.CHOOSE:
            for i, b in enumerate(self.buttons):
                if b.number == command.digit and b.enabled:
                    self.index = i
                    self.changed = True
                    return b.key
        return None

    def draw(self, surface: pygame.Surface, text: Text, metrics: Metrics, palette: Palette,
             clip: pygame.Rect | None = None) -> None:
        for i, b in enumerate(self.buttons):
            if clip is not None and not clip.colliderect(b.rect.move(0, -self.scroll)):
                continue
            draw_button(surface, text, metrics, palette, b, i == self.index, self.scroll)
