"""Pieces several screens share: the background, a heading, rows and columns of buttons, and
the play-time buttons' screens."""

from __future__ import annotations

from typing import Any, Sequence

import pygame

from game.ui.scene import Push, To, Transition
from game.ui.widgets import Button, make_button


def open_screen(key: str, session, read: str | None = None) -> Transition | None:
    """Push the screen a play-time button names (history, save, load, settings), or None.
    ``read`` is as much of the page on screen as has been read (the history shows no more)."""
    if key == "history":
        return Push(To("history", session=session, read=read))
    if key in ("save", "load"):
        return Push(To("slots", mode=key, session=session))
    if key == "settings":
        return Push(To("settings"))
    return None


def seed_label(seed: int | None) -> str:
    """The title screen's button for the class seed."""
    return f"Class seed: {seed}" if seed is not None else "Class seed: none (each game its own)"


def draw_background(app, surface: pygame.Surface, veil: bool = True, winter: bool = False) -> None:
    """The city at dusk, dimmed behind text when ``veil``."""
    surface.blit(app.backdrop(winter, veil), (0, 0))


def draw_heading(app, surface: pygame.Surface, text: str, y: int | None = None) -> int:
    """A screen's title, centred; returns the y just below it."""
    m, p = app.metrics, app.palette
    y = m.margin if y is None else y
    rect = app.text.draw(surface, text, "sans_bold", m.heading, p.text, (app.size[0] // 2, y), "midtop")
    pygame.draw.line(surface, p.accent, (rect.centerx - m.margin, rect.bottom + m.gap // 2),
                     (rect.centerx + m.margin, rect.bottom + m.gap // 2), max(2, m.line_width))
    return rect.bottom + m.gap * 2


def heading_height(app) -> int:
    m = app.metrics
    return m.margin + app.text.height("sans_bold", m.heading) + m.gap * 2


def button_row(app, items: Sequence[tuple[str, Any]], bottom: int, max_width: int | None = None,
               enabled: dict[Any, bool] | None = None) -> list[Button]:
    """Equal-width buttons side by side, centred, their bottom edge at ``bottom``."""
    m = app.metrics
    max_width = max_width or app.size[0] - 2 * m.margin
    n = max(1, len(items))
    widest = max(app.text.width(label, "sans", m.ui) for label, _ in items) + 4 * m.gap
    width = min(max(widest, round(160 * m.unit)), (max_width - (n - 1) * m.gap) // n)
    total = n * width + (n - 1) * m.gap
    x = (app.size[0] - total) // 2
    buttons = []
    for label, key in items:
        rect = pygame.Rect(x, 0, width, m.button_height)
        b = make_button(app.text, m, rect, key, label,
                        enabled=(enabled or {}).get(key, True))
        buttons.append(b)
        x += width + m.gap
    height = max(b.rect.height for b in buttons)
    for b in buttons:
        b.rect.height = height
        b.rect.bottom = bottom
    return buttons


def button_column(app, items: Sequence[tuple[str, Any]], top: int, width: int,
                  enabled: dict[Any, bool] | None = None, centre_x: int | None = None) -> list[Button]:
    """Buttons stacked vertically from ``top``, centred on ``centre_x``."""
    m = app.metrics
    centre_x = app.size[0] // 2 if centre_x is None else centre_x
    y = top
    buttons = []
    for label, key in items:
        rect = pygame.Rect(centre_x - width // 2, y, width, m.button_height)
        b = make_button(app.text, m, rect, key, label, enabled=(enabled or {}).get(key, True))
        buttons.append(b)
        y = b.rect.bottom + m.gap
    return buttons
