"""Fonts, rendered strings and laid-out text, cached.

Rendering a string and wrapping a paragraph are the expensive parts of a frame, so both are
cached: surfaces by (text, role, size, colour), layouts by (text, role, size, width,
keep_newlines).  Every string the front end draws goes through :meth:`Text.render`, which lets
tests watch what reaches the screen (``Text.observers``).

Writers type straight quotes; everything the window sets — passages, titles, choices, the
history — is set with typographic ones (:func:`game.typography.typographic`), here, so no
screen can forget to.  Laid-out lines are already typographic, so their measures match what
is drawn.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

import pygame

from game.typography import typographic
from game.ui.layout import Line, Measure, layout
from game.ui.theme import Colour, font_path


#: Pixels the rendered-text cache may hold, in bytes: the lines of a few screens at 1080p.
MAX_SURFACE_BYTES = 12 * 1024 * 1024
#: Widths remembered per font, and the longest string remembered: wrapping measures words and
#: short runs again and again; a long string is measured rarely, and remembering each of its
#: prefixes once held gigabytes.
MAX_WIDTHS = 20_000
MAX_REMEMBERED_CHARS = 200
#: The longest string drawn on one line.  No screen shows this many characters across (4K at
#: the smallest size holds about 1,300), so a longer one is cut before it is rendered rather
#: than made into an image hundreds of thousands of pixels wide.
MAX_LINE_CHARS = 2_000
#: Characters whose widths give a font's narrowest advance: the bound on how many characters
#: of a string could ever fit a width.
_NARROW = " !'(),.:;Iijl|"


def _bytes_of(surface: pygame.Surface) -> int:
    return surface.get_pitch() * surface.get_height()


class Text:
    """Owns the fonts and both caches.  One per App; cleared on nothing but size changes
    (entries for old sizes simply age out of the LRU)."""

    def __init__(self, max_surfaces: int = 3000, max_layouts: int = 400,
                 max_surface_bytes: int = MAX_SURFACE_BYTES) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._widths: dict[tuple[str, int], dict[str, int]] = {}
        self._narrowest: dict[tuple[str, int], int] = {}
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._layouts: OrderedDict[tuple, list[Line]] = OrderedDict()
        self.max_surfaces = max_surfaces
        self.max_surface_bytes = max_surface_bytes
        #: Bytes of pixels held by the cached images (a line of 1080p text is a few hundred KB,
        #: so a count alone would let the cache hold most of the game's memory).
        self.surface_bytes = 0
        self.max_layouts = max_layouts
        #: Called with every string drawn (cached or not); tests use this.
        self.observers: list[Callable[[str], None]] = []
        #: The reading face the player chose (a key of ``FONT_FAMILIES``).
        self.family = "standard"

    def use_family(self, family: str) -> None:
        """Draw with ``family`` from now on.  Every cached width, line and image was made with
        the old faces, so all of them go."""
        if family == self.family:
            return
        self.family = family
        self._fonts.clear()
        self._widths.clear()
        self._narrowest.clear()
        self._surfaces.clear()
        self.surface_bytes = 0
        self._layouts.clear()

    def font(self, role: str, size: int) -> pygame.font.Font:
        key = (role, size)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(str(font_path(role, self.family)), size)
            self._fonts[key] = font
        return font

    def measure(self, role: str, size: int) -> Measure:
        """A width function for :mod:`game.ui.layout`, memoised per font."""
        font = self.font(role, size)
        widths = self._widths.setdefault((role, size), {})

        def width(s: str) -> int:
            w = widths.get(s)
            if w is None:
                w = font.size(s)[0]
                if len(s) <= MAX_REMEMBERED_CHARS and len(widths) < MAX_WIDTHS:
                    widths[s] = w
            return w

        return width

    def width(self, text: str, role: str, size: int) -> int:
        return self.measure(role, size)(typographic(text))

    def height(self, role: str, size: int) -> int:
        return self.font(role, size).get_height()

    def average_char_width(self, role: str, size: int) -> float:
        sample = "the quick brown fox jumps over the lazy dog, THE QUICK BROWN FOX"
        return self.width(sample, role, size) / len(sample)

    def render(self, text: str, role: str, size: int, colour: Colour) -> pygame.Surface:
        """The string drawn in ``role`` at ``size`` px, antialiased, on a transparent surface."""
        text = typographic(text[:MAX_LINE_CHARS])
        for observer in self.observers:
            observer(text)
        key = (text, role, size, tuple(colour))
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = self.font(role, size).render(text, True, colour)
        self._surfaces[key] = surface
        self.surface_bytes += _bytes_of(surface)
        while len(self._surfaces) > 1 and (len(self._surfaces) > self.max_surfaces
                                           or self.surface_bytes > self.max_surface_bytes):
            _, oldest = self._surfaces.popitem(last=False)
            self.surface_bytes -= _bytes_of(oldest)
        return surface

    def lines(self, text: str, role: str, size: int, width: int,
              keep_newlines: bool = False) -> list[Line]:
        """``text`` laid out into lines no wider than ``width`` (cached)."""
        key = (text, role, size, width, keep_newlines)
        result = self._layouts.get(key)
        if result is not None:
            self._layouts.move_to_end(key)
            return result
        result = layout(typographic(text), self.measure(role, size), max(1, width), keep_newlines)
        self._layouts[key] = result
        if len(self._layouts) > self.max_layouts:
            self._layouts.popitem(last=False)
        return result

    def missing(self, text: str, role: str, size: int) -> set[str]:
        """The characters of ``text`` that the font for ``role`` lacks and would draw as an
        empty box.  A font draws every character it lacks as the same box, so each is compared
        with a private-use character no font here has."""
        font = self.font(role, size)
        unknown = font.render("\U000F0000", True, (0, 0, 0))
        unknown_pixels = pygame.image.tobytes(unknown, "RGBA")
        lacking = set()
        for ch in set(text):
            if ch.isspace():
                continue
            drawn = font.render(ch, True, (0, 0, 0))
            if drawn.get_size() == unknown.get_size() and \
                    pygame.image.tobytes(drawn, "RGBA") == unknown_pixels:
                lacking.add(ch)
        return lacking

    def draw(self, surface: pygame.Surface, text: str, role: str, size: int, colour: Colour,
             pos: tuple[int, int], anchor: str = "topleft") -> pygame.Rect:
        """Render and blit one string; ``anchor`` is a pygame.Rect attribute name."""
        rendered = self.render(text, role, size, colour)
        rect = rendered.get_rect(**{anchor: pos})
        surface.blit(rendered, rect)
        return rect

    def narrowest(self, role: str, size: int) -> int:
        """The narrowest advance, in pixels, of the font's common narrow characters (at least
        1): no string of n such characters or wider ones is narrower than n times this."""
        key = (role, size)
        found = self._narrowest.get(key)
        if found is None:
            # One call for all of them, so fitting's count of measurements stays its own.
            advances = [m[4] for m in self.font(role, size).metrics(_NARROW) if m and m[4] > 0]
            found = self._narrowest[key] = max(1, min(advances, default=1))
        return found

    def fit(self, text: str, role: str, size: int, width: int) -> str:
        """``text`` shortened with an ellipsis so it fits ``width`` (for one-line labels).

        Bounded whatever the string: no more of it is looked at than twice what could fit at
        the font's narrowest advance (room for accents and thin spaces), and the cut is found
        by halving, so a 200,000-character save summary costs about a dozen measurements of a
        few hundred characters, not one per character dropped."""
        measure = self.measure(role, size)
        room = 2 * (max(0, width) // self.narrowest(role, size)) + 8
        cut = len(text) > room
        text = typographic(text[:room] if cut else text)
        if not cut and measure(text) <= width:
            return text
        # The longest prefix that fits beside the ellipsis: widths grow with the prefix.
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if measure(text[:middle] + "…") <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"
