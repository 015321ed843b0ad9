"""The backdrop cache: each look of the city is drawn once and kept, within a bound."""

from __future__ import annotations

import pygame

from game.ui.backdrops import KEPT, Backdrops
from game.ui.theme import HIGH_CONTRAST, NORMAL


def test_a_look_is_drawn_once_and_a_new_look_drawn_afresh():
    pygame.display.init()
    cache = Backdrops()
    plain = cache.get((320, 200), NORMAL)
    assert cache.get((320, 200), NORMAL) is plain
    veiled = cache.get((320, 200), NORMAL, veil=True)
    assert veiled is not plain and veiled.get_size() == (320, 200)
    assert pygame.image.tobytes(veiled, "RGB") != pygame.image.tobytes(plain, "RGB")
    assert cache.get((320, 200), HIGH_CONTRAST) is not plain
    assert cache.get((400, 240), NORMAL).get_size() == (400, 240)


def test_resizing_through_many_sizes_keeps_only_a_few():
    pygame.display.init()
    cache = Backdrops()
    for width in range(200, 200 + 10 * (KEPT + 3), 10):
        cache.get((width, 120), NORMAL)
        assert len(cache) <= KEPT
