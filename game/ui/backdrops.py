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
                layer = pygame.Surface(size, pygame.SRCALPHA)
                layer.fill(palette.veil)
                surface.blit(layer, (0, 0))
            # Matching the window's pixel format is what makes the blit cheap.
            surface = surface.convert() if pygame.display.get_surface() else surface
            self._kept[key] = surface
        return surface
