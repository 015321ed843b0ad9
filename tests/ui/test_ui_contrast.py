"""Every theme is readable: WCAG contrast of 7:1 for anything read and 3:1 for the edges of
controls and the focus outline, computed from the palettes themselves."""

from __future__ import annotations

import pygame
import pytest

from game.ui.art import backdrop
from game.ui.contrast import (BACKDROP_BRIGHTEST, CONTROL, PALETTES, READ, contrast_ratio,
                              luminance, pairs)

EVERY_PAIR = [(name, pair) for name, palette in PALETTES.items() for pair in pairs(palette)]


def test_the_ratio_is_wcags():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # WCAG's own example: #777 on white is just under AA's 4.5:1.
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio((10, 20, 30), (200, 210, 220)) == contrast_ratio((200, 210, 220), (10, 20, 30))


def test_read_text_and_controls_are_both_held_to_a_minimum():
    minima = {pair.minimum for _name, pair in EVERY_PAIR}
    assert minima == {READ, CONTROL}
    for palette in PALETTES.values():
        what = {pair.what for pair in pairs(palette)}
        assert "story text on the dimmed city" in what and "the focus outline on a button" in what


@pytest.mark.parametrize("name, pair", EVERY_PAIR, ids=[f"{n}: {p.what}" for n, p in EVERY_PAIR])
def test_every_theme_meets_its_contrast(name, pair):
    assert pair.ratio >= pair.minimum, \
        f"{name}: {pair.what} is {pair.ratio:.2f}:1, under {pair.minimum}:1"


@pytest.mark.parametrize("name", list(PALETTES))
@pytest.mark.parametrize("winter", [False, True])
def test_the_city_paints_nothing_brighter_than_the_contrast_figures_assume(name, winter):
    pygame.init()
    drawn = backdrop((800, 450), PALETTES[name], winter=winter)
    raw = pygame.image.tobytes(drawn, "RGB")
    colours = set(zip(raw[0::3], raw[1::3], raw[2::3]))
    assert max(luminance(c) for c in colours) <= luminance(BACKDROP_BRIGHTEST) + 1e-9
