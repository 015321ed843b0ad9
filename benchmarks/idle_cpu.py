"""Measure what the game costs while it waits, and how fast it draws while text animates.

    python benchmarks/idle_cpu.py [--seconds 10] [--size 1280x720] [--repeat 5]

Prints figures; asserts nothing.  Runs the real App loop on the play screen: first with text
revealing at the slowest speed, ``--repeat`` runs of up to 3 seconds each, measuring frame
rate, frame times and process CPU time over wall time (each run and the medians); then idle
(text complete, nobody touching anything).  Use the dummy video driver
(SDL_VIDEODRIVER=dummy) or run under Xvfb (xvfb-run) for a real X window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("KEEPING_TRUST_HOME", "/tmp/keeping-trust-benchmark")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.engine import load_story  # noqa: E402
from game.settings import Settings  # noqa: E402
from game.ui.loop import ACTIVE_FPS, IDLE_FPS  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.scenes.play import PlayScene  # noqa: E402


def run_loop_for(app: App, seconds: float) -> tuple[float, float, int, list[float]]:
    """Run the App's own loop body for ``seconds``; return (wall, cpu, frames drawn, frame times)."""
    clock = pygame.time.Clock()
    frames_before = app.frames_drawn
    times: list[float] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    dt = 0.0
    last = wall0
    while time.perf_counter() - wall0 < seconds:
        for event in pygame.event.get():
            app.handle_event(event)
        animating = app.step(dt)
        dt = min(0.1, clock.tick(ACTIVE_FPS if animating else IDLE_FPS) / 1000.0)
        now = time.perf_counter()
        times.append(now - last)
        last = now
    return time.perf_counter() - wall0, time.process_time() - cpu0, app.frames_drawn - frames_before, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--story", default=str(ROOT / "story"))
    parser.add_argument("--repeat", type=int, default=5, help="animating runs (the median is printed)")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    story = load_story(Path(args.story))
    app = App(story, settings=Settings(text_speed=20), size=size, seed=1, sound=False)
    session = app.new_session()
    scene = PlayScene(app, session)
    app.start(scene)
    print(f"video driver: {pygame.display.get_driver()}, window {app.size[0]}x{app.size[1]}")

    # Animating: the first page revealing at 20 characters a second, from its start each run.
    cpus: list[float] = []
    rates: list[float] = []
    for run in range(max(1, args.repeat)):
        scene.reading.page_index, scene.reading.revealed, scene.dirty = 0, 0.0, True
        partial_before = app.partial_frames
        wall, cpu, frames, times = run_loop_for(app, min(3.0, args.seconds))
        times = sorted(times[1:]) or [0.0]
        # The loop's rate (it must hold 60 fps while text moves); frames are drawn only
        # when a letter appears, and most of those touch only a strip of the window.
        fps = len(times) / wall if wall else 0.0
        cpus.append(100 * cpu / wall)
        rates.append(fps)
        print(f"animating #{run + 1}: loop {fps:.1f} fps, {frames} frames drawn in {wall:.2f}s "
              f"({app.partial_frames - partial_before} of them partial); "
              f"frame time median {times[len(times) // 2] * 1000:.1f} ms, "
              f"95th percentile {times[int(len(times) * 0.95)] * 1000:.1f} ms; CPU {cpus[-1]:.1f}% of a core")
    print(f"animating, median of {len(cpus)}: CPU {statistics.median(cpus):.1f}% of a core, "
          f"loop {statistics.median(rates):.1f} fps")

    # Idle: text complete, nothing moving.
    scene.reading.revealed = float(scene.reading.page_chars())
    scene.dirty = True
    run_loop_for(app, 1.0)  # settle
    wall, cpu, frames, _ = run_loop_for(app, args.seconds)
    print(f"idle: {frames} redraws in {wall:.1f}s; CPU {100 * cpu / wall:.2f}% of a core")
    pygame.quit()


if __name__ == "__main__":
    main()
