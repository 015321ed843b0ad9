"""A day at a festival, compressed: random visitors' input poured into a kiosk App, with the
clock passed in, so hours go by in minutes.  Used by the kiosk's endurance test and by
``benchmarks/kiosk_day.py`` for the longer run whose figures docs/installations.md gives."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pygame

#: Keys a curious visitor (or a child on a keyboard) might press, with the modifiers.
KEYS = [(pygame.K_ESCAPE, 0), (pygame.K_F4, pygame.KMOD_ALT), (pygame.K_q, pygame.KMOD_CTRL),
        (pygame.K_w, pygame.KMOD_CTRL), (pygame.K_F11, 0), (pygame.K_RETURN, pygame.KMOD_ALT),
        (pygame.K_SPACE, 0), (pygame.K_RETURN, 0), (pygame.K_1, 0), (pygame.K_2, 0), (pygame.K_3, 0),
        (pygame.K_UP, 0), (pygame.K_DOWN, 0), (pygame.K_TAB, 0), (pygame.K_h, 0), (pygame.K_F5, 0),
        (pygame.K_F9, 0), (pygame.K_BACKSPACE, 0), (pygame.K_PAGEDOWN, 0), (pygame.K_END, 0)]


@dataclass
class DayReport:
    seconds: float = 0.0
    events: int = 0
    frames: int = 0
    visits_begun: int = 0
    visits_finished: int = 0
    deepest_stack: int = 0
    screens: dict[str, int] = field(default_factory=dict)


def _finger(kind: int, x: float, y: float, finger: int) -> pygame.event.Event:
    return pygame.event.Event(kind, x=x, y=y, dx=0.0, dy=0.0, touch_id=1, finger_id=finger, pressure=1.0)


def _burst(rng: random.Random, size: tuple[int, int]) -> list[pygame.event.Event]:
    """What one moment at the screen sends: a tap, several fingers, a drag, a click, a key,
    the wheel, the window asked to close."""
    w, h = size
    x, y = rng.random(), rng.random()
    roll = rng.random()
    if roll < 0.25:
        return [_finger(pygame.FINGERDOWN, x, y, 1), _finger(pygame.FINGERUP, x, y, 1)]
    if roll < 0.40:                                   # someone reading on: the page, then the choice
        return [pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0)
                for key in (pygame.K_SPACE, pygame.K_RETURN) for kind in (pygame.KEYDOWN, pygame.KEYUP)]
    if roll < 0.50:                                   # a palm: several fingers at once
        fingers = range(1, rng.randint(2, 6))
        return [_finger(pygame.FINGERDOWN, rng.random(), rng.random(), f) for f in fingers] + \
               [_finger(pygame.FINGERUP, rng.random(), rng.random(), f) for f in fingers]
    if roll < 0.58:                                   # a drag
        events = [_finger(pygame.FINGERDOWN, x, y, 1)]
        for i in range(1, 6):
            events.append(pygame.event.Event(pygame.FINGERMOTION, x=x, y=min(1.0, y + i * 0.05), dx=0.0,
                                             dy=0.05, touch_id=1, finger_id=1, pressure=1.0))
        return events + [_finger(pygame.FINGERUP, x, min(1.0, y + 0.25), 1)]
    if roll < 0.60:                                   # a finger put down and never lifted
        return [_finger(pygame.FINGERDOWN, x, y, rng.randint(10, 99))]
    if roll < 0.75:
        pos = (int(x * w), int(y * h))
        return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rng.choice((1, 1, 1, 3)), touch=False),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)]
    if roll < 0.92:
        key, mod = rng.choice(KEYS)
        return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
                pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)]
    if roll < 0.97:
        y_notches = rng.choice((-3, -1, 1, 3))
        return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y_notches, precise_x=0.0,
                                   precise_y=float(y_notches), flipped=False, touch=False)]
    return [pygame.event.Event(pygame.QUIT), pygame.event.Event(pygame.WINDOWCLOSE, window=None)]


def random_day(app, seconds: float, seed: int = 0) -> DayReport:
    """Pour ``seconds`` of random visitors into ``app``: busy stretches of presses a fraction
    of a second apart, and quiet ones long enough for the kiosk to give up on a visit."""
    rng = random.Random(seed)
    report = DayReport()
    previous_top = app.top.name
    while report.seconds < seconds:
        if rng.random() < 0.03:                       # nobody comes for a while
            quiet = rng.uniform(30, 400)
            while quiet > 0 and report.seconds < seconds:
                dt = min(quiet, 5.0)
                app.step(dt)
                quiet -= dt
                report.seconds += dt
                report.frames += 1
        else:
            for event in _burst(rng, app.size):
                app.handle_event(event)
                report.events += 1
            dt = rng.uniform(0.05, 1.5)
            app.step(dt)
            report.seconds += dt
            report.frames += 1
        top = app.top.name
        report.screens[top] = report.screens.get(top, 0) + 1
        report.deepest_stack = max(report.deepest_stack, len(app.stack))
        if previous_top == "attract" and top != "attract":
            report.visits_begun += 1
        previous_top = top
        assert app.running, "the kiosk stopped"
    report.visits_finished = app.kiosk.visits_finished
    return report
