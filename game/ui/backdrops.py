"""The generated city behind every screen, kept ready at the window's size.

Drawing the city takes tens of milliseconds at 1080p, so each look (window size, palette,
season, dimmed or not) is drawn once and kept; an animating frame then costs one opaque blit.
"""

from __future__ import annotations

import pygame

from game.ui.art import backdrop
from game.ui.theme import Palette

#: Looks kept at once: a few sizes' worth while the player resizes, not every size passed.
KEPT = 6
#: Rows of the dimming veil laid at once.
VEIL_BAND = 64


class Backdrops:
    """Each backdrop drawn once per look, with the dimming veil already applied when asked."""

    def __init__(self) -> None:
        self._kept: dict[tuple, pygame.Surface] = {}

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, size: tuple[int, int], palette: Palette, winter: bool = False,
            veil: bool = False) -> pygame.Surface:
        key = (size, palette, winter, veil)
        surface = self._kept.get(key)
        if surface is None:
            if len(self._kept) >= KEPT:
                self._kept.clear()
            surface = backdrop(size, palette, winter=winter)
            if veil:
                # The veil laid a band at a time: the same blend on every pixel, without a
                # second window-sized image held while the look is drawn (8 MB at 1080p).
                band = pygame.Surface((size[0], min(size[1], VEIL_BAND)), pygame.SRCALPHA)
                band.fill(palette.veil)
                for y in range(0, size[1], VEIL_BAND):
                    surface.blit(band, (0, y))
            # Matching the window's pixel format is what makes the blit cheap.
            surface = surface.convert() if pygame.display.get_surface() else surface
            self._kept[key] = surface
        return surface
