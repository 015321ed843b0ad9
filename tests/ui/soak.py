"""Hours of a player's use, compressed: random mouse, touch and keys (the same moments a kiosk
visitor sends, see :mod:`kiosk_day`), the window resized, the settings changed, long pauses,
and the game started again whenever the player quits — all poured into one App with the
clock passed in.  Used by the soak test and by ``benchmarks/soak.py``, whose 8-hour figures
docs/reliability.md gives."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

import pygame

from kiosk_day import _burst

#: Sizes a player's window goes through: a small laptop, the usual ones, a tall phone-like one.
SIZES = [(800, 600), (1024, 600), (1280, 720), (1366, 768), (1920, 1080), (720, 1280), (1600, 900)]


@dataclass
class SoakReport:
    seconds: float = 0.0
    events: int = 0
    resizes: int = 0
    settings_changed: int = 0
    games_started_again: int = 0
    deepest_stack: int = 0
    screens: dict[str, int] = field(default_factory=dict)


def cache_sizes(app) -> dict[str, int]:
    """What the window keeps between frames, each as a count that must stay bounded."""
    text = app.text
    return {"surfaces": len(text._surfaces), "layouts": len(text._layouts),
            "widths": sum(len(w) for w in text._widths.values()), "fonts": len(text._fonts),
            "backdrops": len(app.backdrops), "stack": len(app.stack)}


def _resize(app, rng: random.Random, report: SoakReport) -> None:
    size = rng.choice(SIZES)
    pygame.display.set_mode(size, pygame.RESIZABLE)
    app.handle_event(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size))
    report.resizes += 1


def _change_settings(app, rng: random.Random, report: SoakReport) -> None:
    from game.settings import FONTS, LINE_SPACINGS, TEXT_SPEEDS

    app.settings = replace(app.settings, text_scale=rng.choice((1.0, 1.25, 1.5, 2.0)),
                           text_speed=rng.choice(TEXT_SPEEDS), high_contrast=rng.random() < 0.3,
                           line_spacing=rng.choice(LINE_SPACINGS), font=rng.choice(FONTS),
                           reduce_motion=rng.random() < 0.3, master_volume=rng.random())
    app.apply_settings()
    report.settings_changed += 1


def random_use(app, seconds: float, seed: int = 0) -> SoakReport:
    """Pour ``seconds`` of a restless player into ``app``."""
    from game.ui.scenes.title import TitleScene

    rng = random.Random(seed)
    report = SoakReport()
    while report.seconds < seconds:
        roll = rng.random()
        if roll < 0.02:
            _resize(app, rng, report)
        elif roll < 0.04:
            _change_settings(app, rng, report)
        elif roll < 0.06:                              # the player looks away for a while
            for _ in range(rng.randint(1, 60)):
                app.step(5.0)
                report.seconds += 5.0
        else:
            for event in _burst(rng, app.size):
                app.handle_event(event)
                report.events += 1
        dt = rng.uniform(1 / 60, 1.0)
        app.step(dt)
        report.seconds += dt
        if not app.running:                            # quit: the game is started again
            app.running = True
            app.scenes.quit_asked = False
            app.start(TitleScene(app))
            report.games_started_again += 1
        top = app.top.name
        report.screens[top] = report.screens.get(top, 0) + 1
        report.deepest_stack = max(report.deepest_stack, len(app.stack))
    return report
