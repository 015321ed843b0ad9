"""A toast: a short message ("Quick saved.") shown for a few seconds over the screen.

It is put where it covers nothing the player can press and, where it can, nothing they are
reading: as high as it fits on the screen, in the first strip free of every button and every
line of text, so the choices, the Next button, a screen's title and the passage are never
hidden behind it.  A scene says what can be pressed on it with ``targets()`` (otherwise every
button of its focus rings counts, see :func:`targets_of`) and what is read on it with
``readable()`` (see :func:`readable_of`).  A long message is wrapped, never cut.
"""

from __future__ import annotations

from typing import Iterable

import pygame

from game.ui.text import Text
from game.ui.theme import Metrics, Palette
from game.ui.widgets import Focus, draw_panel


def targets_of(scene: object) -> list[pygame.Rect]:
    """Everything that can be pressed on ``scene``, where it is drawn now.

    A scene with a ``targets()`` method answers for itself; otherwise the buttons of every
    :class:`Focus` it holds are taken, moved by that ring's scroll."""
    own = getattr(scene, "targets", None)
    if callable(own):
        return [pygame.Rect(r) for r in own()]
    rects: list[pygame.Rect] = []
    for value in vars(scene).values():
        if isinstance(value, Focus):
            rects.extend(b.rect.move(0, -value.scroll) for b in value.buttons)
    return rects


def readable_of(scene: object) -> list[pygame.Rect]:
    """What is read on ``scene`` where it is drawn now: its title (a screen drawn with a
    heading says so with ``headed``) and whatever its ``readable()`` names."""
    rects: list[pygame.Rect] = []
    if getattr(scene, "headed", False):
        from game.ui.scenes.common import heading_height

        app = getattr(scene, "app")
        rects.append(pygame.Rect(0, 0, app.size[0], heading_height(app)))
    own = getattr(scene, "readable", None)
    if callable(own):
        rects.extend(pygame.Rect(r) for r in own())
    return rects


#: Covering any of a button costs more than covering all of the text.
_BUTTON_WEIGHT = 1000


def free_spot(size: tuple[int, int], box: tuple[int, int], avoid: Iterable[pygame.Rect],
              margin: int, step: int, readable: Iterable[pygame.Rect] = ()) -> pygame.Rect:
    """A ``box``-sized rectangle on a window of ``size``, clear (by ``margin``) of every
    rectangle in ``avoid`` and of every one in ``readable``: centred, the highest such place;
    failing that, the same search against the left and right edges; failing everything, the
    place that hides least, a button counting for more than any text."""
    w, h = size
    bw, bh = min(box[0], w - 2 * margin), box[1]
    avoid = [r for r in avoid if r.width > 0 and r.height > 0]
    readable = [r for r in readable if r.width > 0 and r.height > 0]
    xs = ((w - bw) // 2, margin, w - margin - bw)
    best, best_hidden = None, None
    for x in xs:
        y = margin
        while y + bh <= h - margin:
            spot = pygame.Rect(x, y, bw, bh)
            grown = spot.inflate(margin, margin)
            hidden = _BUTTON_WEIGHT * sum(_overlap(grown, r) for r in avoid) + \
                sum(_overlap(spot, r) for r in readable)
            if hidden == 0:
                return spot
            if best_hidden is None or hidden < best_hidden:
                best, best_hidden = spot, hidden
            y += max(1, step)
    return best if best is not None else pygame.Rect((w - bw) // 2, margin, bw, bh)


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    clip = a.clip(b)
    return clip.width * clip.height


class Toast:
    """The message showing now, if any, and how long it has left."""

    def __init__(self) -> None:
        self.message: str | None = None
        self.left = 0.0

    @property
    def showing(self) -> bool:
        return self.message is not None

    def show(self, message: str, seconds: float = 2.5) -> None:
        self.message = message
        self.left = seconds

    def tick(self, dt: float) -> bool:
        """Let ``dt`` seconds pass; True if the message has just gone."""
        if self.message is None:
            return False
        self.left -= dt
        if self.left <= 0:
            self.message = None
            return True
        return False

    def rect(self, size: tuple[int, int], text: Text, metrics: Metrics,
             avoid: Iterable[pygame.Rect], readable: Iterable[pygame.Rect] = ()) -> pygame.Rect | None:
        """Where the message goes on a window of ``size`` clear of ``avoid`` and, where it
        can be, of ``readable`` (None if no message is showing)."""
        if self.message is None:
            return None
        m = metrics
        lines = self.lines(size, text, m)
        widest = max(text.width(line, "sans", m.small) for line in lines)
        box = (widest + 4 * m.gap, len(lines) * m.small_line + 2 * m.gap)
        return free_spot(size, box, avoid, m.gap, m.gap // 2, readable)

    def draw(self, surface: pygame.Surface, text: Text, metrics: Metrics, palette: Palette,
             avoid: Iterable[pygame.Rect], readable: Iterable[pygame.Rect] = ()) -> pygame.Rect | None:
        rect = self.rect(surface.get_size(), text, metrics, avoid, readable)
        if rect is None:
            return None
        m, p = metrics, palette
        draw_panel(surface, rect, p.button, m.radius, p.focus, m.line_width)
        y = rect.y + m.gap
        for line in self.lines(surface.get_size(), text, m):
            text.draw(surface, line, "sans", m.small, p.text, (rect.centerx, y + m.small_line // 2), "center")
            y += m.small_line
        return rect

    def lines(self, size: tuple[int, int], text: Text, m: Metrics) -> list[str]:
        """The message wrapped to the window, whole: a file's name is never cut short."""
        width = max(1, min(size[0] - 4 * m.margin, round(text.average_char_width("sans", m.small) * 64)))
        return [line.text for line in text.lines(self.message or "", "sans", m.small, width)] or [""]
