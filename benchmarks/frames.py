"""Frame cost while text is revealed, and CPU while idle, against a bare pygame-ce loop doing
the least the same screen needs: ``python -m benchmarks.frames W H SECONDS`` prints JSON.

The cost of a frame is the work in it (events, update, drawing, presenting), not the frame
interval, which is mostly sleep. The bare loop types one line out a letter at a time into the
same window and sends the changed strip to the screen, as the play screen does; idle, it
polls at the game's idle rate. The same functions serve ``benchmarks/idle_cpu.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def game_loop(app, seconds: float, fps_of) -> tuple[list[float], float, float]:
    """Run the App's own loop body for ``seconds``: (work per frame, wall, cpu)."""
    import pygame

    clock = pygame.time.Clock()
    work: list[float] = []
    dt = 0.0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        start = time.perf_counter()
        for event in pygame.event.get():
            app.handle_event(event)
        animating = app.step(dt)
        work.append(time.perf_counter() - start)
        dt = min(0.1, clock.tick(fps_of(animating)) / 1000.0)
    return work, time.perf_counter() - wall0, time.process_time() - cpu0


def bare_loop(screen, seconds: float, fps: int, typing: bool) -> tuple[list[float], float, float]:
    """A bare pygame-ce loop: one line typed out at 20 letters a second, or nothing moving."""
    import pygame

    font = pygame.font.Font(None, 40)
    line = "The alarm goes at six, though the gulls were up long before it. " * 2
    clock = pygame.time.Clock()
    work: list[float] = []
    shown = 0.0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    screen.fill((32, 30, 28))
    pygame.display.flip()
    while time.perf_counter() - wall0 < seconds:
        start = time.perf_counter()
        pygame.event.get()
        if typing:
            shown = (shown + 20 / fps) % len(line)
            image = font.render(line[: int(shown) + 1], True, (240, 236, 228))
            rect = screen.blit(image, (80, 80))
            pygame.display.update(rect)
        work.append(time.perf_counter() - start)
        clock.tick(fps)
    return work, time.perf_counter() - wall0, time.process_time() - cpu0


def measure(size: tuple[int, int], seconds: float) -> dict:
    import pygame

    sys.path.insert(0, str(ROOT))
    from game.engine import load_story
    from game.settings import Settings
    from game.ui.loop import ACTIVE_FPS, IDLE_FPS
    from game.ui.app import App
    from game.ui.scenes.play import PlayScene

    story = load_story(ROOT / "story")
    app = App(story, settings=Settings(text_speed=20), size=size, seed=1, sound=False)
    scene = PlayScene(app, app.new_session())
    app.start(scene)
    rates = lambda animating: ACTIVE_FPS if animating else IDLE_FPS  # noqa: E731
    scene.reading.page_index, scene.reading.revealed, scene.dirty = 0, 0.0, True
    game_loop(app, 0.3, rates)  # the first frames draw the whole window and fill the caches
    animating, wall, cpu = game_loop(app, seconds, rates)
    scene.reading.revealed = float(scene.reading.page_chars())
    scene.dirty = True
    game_loop(app, 1.0, rates)
    _, idle_wall, idle_cpu = game_loop(app, seconds, rates)
    screen = pygame.display.get_surface()
    bare_typing, bare_wall, bare_cpu = bare_loop(screen, seconds, ACTIVE_FPS, True)
    _, bare_idle_wall, bare_idle_cpu = bare_loop(screen, seconds, IDLE_FPS, False)
    ms = 1000
    return {
        "driver": pygame.display.get_driver(), "size": list(app.size),
        "frame_median_ms": statistics.median(animating) * ms, "frame_p99_ms": percentile(animating, 0.99) * ms,
        "bare_frame_median_ms": statistics.median(bare_typing) * ms,
        "bare_frame_p99_ms": percentile(bare_typing, 0.99) * ms,
        "animating_cpu_percent": 100 * cpu / wall, "bare_animating_cpu_percent": 100 * bare_cpu / bare_wall,
        "idle_cpu_percent": 100 * idle_cpu / idle_wall, "bare_idle_cpu_percent": 100 * bare_idle_cpu / bare_idle_wall,
    }


def main() -> None:
    width, height, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    print(json.dumps(measure((width, height), seconds)), flush=True)


if __name__ == "__main__":
    main()
