"""A toast: a short message ("Quick saved.") shown for a few seconds over the screen.

It is put where it covers nothing the player can press: as high as it fits on the screen, in
the first strip free of every button, so the choices and the Next button are never hidden
behind it.  A scene says what can be pressed on it with ``targets()``; otherwise every button
of its focus rings counts (see :func:`targets_of`).
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


def free_spot(size: tuple[int, int], box: tuple[int, int], avoid: Iterable[pygame.Rect],
              margin: int, step: int) -> pygame.Rect:
    """A ``box``-sized rectangle on a window of ``size``, clear (by ``margin``) of every
    rectangle in ``avoid``: centred, the highest such place; failing that, the same search
    against the left and right edges; failing everything, the place that hides least."""
    w, h = size
    bw, bh = min(box[0], w - 2 * margin), box[1]
    avoid = [r for r in avoid if r.width > 0 and r.height > 0]
    xs = ((w - bw) // 2, margin, w - margin - bw)
    best, best_hidden = None, None
    for x in xs:
        y = margin
        while y + bh <= h - margin:
            spot = pygame.Rect(x, y, bw, bh)
            grown = spot.inflate(margin, margin)
            hidden = sum(_overlap(grown, r) for r in avoid)
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
             avoid: Iterable[pygame.Rect]) -> pygame.Rect | None:
        """Where the message goes on a window of ``size`` clear of ``avoid`` (None if no
        message is showing)."""
        if self.message is None:
            return None
        m = metrics
        label = self._label(size, text, m)
        box = (text.width(label, "sans", m.small) + 4 * m.gap, m.small_line + 2 * m.gap)
        return free_spot(size, box, avoid, m.gap, m.gap // 2)

    def draw(self, surface: pygame.Surface, text: Text, metrics: Metrics, palette: Palette,
             avoid: Iterable[pygame.Rect]) -> pygame.Rect | None:
        rect = self.rect(surface.get_size(), text, metrics, avoid)
        if rect is None:
            return None
        m, p = metrics, palette
        draw_panel(surface, rect, p.button, m.radius, p.focus, m.line_width)
        label = self._label(surface.get_size(), text, m)
        text.draw(surface, label, "sans", m.small, p.text, rect.center, "center")
        return rect

    def _label(self, size: tuple[int, int], text: Text, m: Metrics) -> str:
        return text.fit(self.message or "", "sans", m.small, size[0] - 4 * m.margin)
