"""Generated art: a coastal city at dusk, drawn at the window's own size so it is crisp at any
resolution.  Deterministic (seeded), cached per size, palette and season by the caller.

``python -m game.ui.art`` writes the window icon to ``assets/images/icon.png``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pygame

from game.ui.theme import ASSETS, NORMAL, Palette


def _mix(a: tuple, b: tuple, t: float) -> tuple[int, int, int]:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def backdrop(size: tuple[int, int], palette: Palette, *, winter: bool = False,
             seed: int = 1937) -> pygame.Surface:
    """Sky, a low sun, two layers of city, harbour cranes and the sea (and snow in winter)."""
    w, h = max(1, size[0]), max(1, size[1])
    surface = pygame.Surface((w, h))
    if palette.high_contrast:
        surface.fill(palette.sky_top)
        return surface
    rng = random.Random(seed)
    horizon = int(h * 0.72)
    top, bottom = palette.sky_top, palette.sky_bottom
    if winter:
        top, bottom = _mix(top, (70, 80, 96), 0.25), _mix(bottom, (150, 156, 168), 0.3)
    for y in range(horizon):
        pygame.draw.line(surface, _mix(top, bottom, (y / max(1, horizon)) ** 1.6), (0, y), (w, y))
    # A low, pale sun behind haze.
    sun_r = max(6, int(h * 0.05))
    sun = pygame.Surface((sun_r * 6, sun_r * 6), pygame.SRCALPHA)
    for i in range(12, 0, -1):
        alpha = int(10 + 6 * (12 - i))
        pygame.draw.circle(sun, (*_mix(bottom, (240, 200, 150), 0.6), min(255, alpha)),
                           (sun_r * 3, sun_r * 3), int(sun_r * (0.9 + i * 0.17)))
    pygame.draw.circle(sun, (238, 214, 176, 235), (sun_r * 3, sun_r * 3), sun_r)
    surface.blit(sun, (int(w * 0.68) - sun_r * 3, horizon - int(h * 0.16) - sun_r * 3))
    # Sea.
    for y in range(horizon, h):
        t = (y - horizon) / max(1, h - horizon)
        pygame.draw.line(surface, _mix(_mix(palette.sea, bottom, 0.25), palette.sea, t ** 0.5), (0, y), (w, y))
    glint = _mix(palette.sea, (238, 214, 176), 0.35)
    for _ in range(max(8, w // 40)):
        y = rng.randint(horizon + 2, h - 1)
        x = int(w * 0.68 + rng.gauss(0, w * 0.06 * (1 + (y - horizon) / max(1, h - horizon))))
        length = rng.randint(max(2, w // 200), max(4, w // 60))
        pygame.draw.line(surface, glint, (x - length // 2, y), (x + length // 2, y), max(1, h // 600))
    # Far city: pale blocks and a few towers.
    unit = max(1, w // 320)
    x = 0
    while x < w:
        bw = rng.randint(6, 18) * unit
        bh = int(h * rng.uniform(0.04, 0.12))
        if rng.random() < 0.12:
            bh = int(h * rng.uniform(0.14, 0.22))
        pygame.draw.rect(surface, palette.city_far, (x, horizon - bh, bw, bh))
        x += bw + rng.randint(0, 3) * unit
    # Harbour cranes on the right.
    for cx in (int(w * 0.8), int(w * 0.86), int(w * 0.93)):
        ch = int(h * rng.uniform(0.16, 0.2))
        lw = max(1, unit)
        pygame.draw.line(surface, palette.city, (cx, horizon), (cx, horizon - ch), lw * 2)
        pygame.draw.line(surface, palette.city, (cx - int(ch * 0.35), horizon - ch),
                         (cx + int(ch * 0.6), horizon - ch), lw * 2)
        pygame.draw.line(surface, palette.city, (cx, horizon - int(ch * 1.15)),
                         (cx + int(ch * 0.6), horizon - ch), lw)
        pygame.draw.line(surface, palette.city, (cx, horizon - int(ch * 1.15)),
                         (cx - int(ch * 0.35), horizon - ch), lw)
    # Near city: dark blocks with a few lit windows.
    x = -rng.randint(0, 10) * unit
    near_limit = int(w * 0.76)
    while x < near_limit:
        bw = rng.randint(14, 34) * unit
        bh = int(h * rng.uniform(0.06, 0.17))
        top_y = horizon - bh
        pygame.draw.rect(surface, palette.city, (x, top_y, bw, bh + 2))
        win = max(2, 2 * unit)
        for wy in range(top_y + 3 * win, horizon - 2 * win, 3 * win):
            for wx in range(x + 2 * win, x + bw - 2 * win, 3 * win):
                if rng.random() < 0.1:
                    pygame.draw.rect(surface, palette.window_light, (wx, wy, win, win))
        x += bw + rng.randint(1, 4) * unit
    pygame.draw.rect(surface, palette.city, (0, horizon, near_limit, max(2, h // 200)))
    if winter:
        flake = max(1, h // 500)
        for _ in range(w * h // 9000):
            pygame.draw.circle(surface, (226, 230, 236), (rng.randrange(w), rng.randrange(h)), flake)
    return surface


def icon(size: int = 64, palette: Palette = NORMAL) -> pygame.Surface:
    """The window icon: a red seal with a white tick-like stroke, on transparency."""
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    r = size // 2 - 2
    pygame.draw.circle(surface, palette.seal, (size // 2, size // 2), r)
    pygame.draw.circle(surface, palette.paper, (size // 2, size // 2), int(r * 0.78), max(1, size // 24))
    w = max(2, size // 10)
    pts = [(int(size * 0.32), int(size * 0.52)), (int(size * 0.45), int(size * 0.66)),
           (int(size * 0.70), int(size * 0.36))]
    pygame.draw.lines(surface, palette.paper, False, pts, w)
    return surface


def write_icon(path: Path | None = None) -> Path:
    path = path or ASSETS / "images" / "icon.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(icon(64), str(path))
    return path


if __name__ == "__main__":
    print(write_icon())
