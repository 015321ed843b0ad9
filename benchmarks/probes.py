"""Measurements that need a process of their own (start-up, peak memory), each paired with
its baseline: ``python -m benchmarks.probes WHAT [ARGS]`` prints one JSON object.

    first-frame game|bare W H    seconds from interpreter start to the first frame drawn
    check DIR                    peak RSS of loading and checking a story (no compiled copy)
    parse DIR                    peak RSS of parsing the same files with PyYAML's C loader
    debrief game|bare W H        peak RSS of a life played to the debrief, or a bare window
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: that one keeps
    the peak of the process that started this one, from before exec."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def say(**figures: object) -> None:
    print(json.dumps(figures), flush=True)


def bare_window(size: tuple[int, int]) -> None:
    """What any pygame-ce program does to show a line: a window, a font, one line, a flip."""
    import pygame

    pygame.init()
    screen = pygame.display.set_mode(size, pygame.RESIZABLE)
    font = pygame.font.Font(None, 48)
    screen.fill((32, 30, 28))
    screen.blit(font.render("Keeping Trust", True, (240, 236, 228)), (80, 80))
    pygame.display.flip()


def first_frame(which: str, size: tuple[int, int], started: float) -> None:
    if which == "bare":
        bare_window(size)
        say(seconds=time.time() - started, size=list(size))
        os._exit(0)
    import pygame

    def present(*args: object) -> None:
        real_flip()
        shown = pygame.display.get_surface().get_size()
        say(seconds=time.time() - started, size=list(shown))
        os._exit(0)

    real_flip = pygame.display.flip
    pygame.display.flip = present
    pygame.display.update = present
    sys.path.insert(0, str(ROOT))
    from game.cli import main

    main([])
    say(seconds=None, error="the game ended without drawing a frame")


def debrief(which: str, size: tuple[int, int]) -> None:
    if which == "bare":
        bare_window(size)
        say(peak_mb=peak_mb())
        return
    sys.path.insert(0, str(ROOT))
    from game.engine import load_story
    from game.settings import Settings
    from game.ui import input as cmd
    from game.ui.app import App
    from game.ui.input import Command
    from game.ui.scenes.play import PlayScene

    story = load_story(ROOT / "story")
    app = App(story, settings=Settings(), size=size, seed=3, sound=False)
    app.start(PlayScene(app, app.new_session()))
    pages = 0
    for _ in range(5000):
        scene = app.top
        if scene.name == "debrief":
            break
        if scene.name == "play" and not scene.choices_visible:
            app.dispatch(Command(cmd.ADVANCE))
        elif scene.name == "play" and scene.passage.choices and not scene.passage.is_ending:
            app.dispatch(Command(cmd.CHOOSE, digit=1 + pages % len(scene.passage.choices)))
            pages += 1
        else:
            app.dispatch(Command(cmd.CONFIRM))
        app.step(1 / 60)
    reached = app.top.name == "debrief"
    for _ in range(60):  # read the debrief through, page by page
        app.dispatch(Command(cmd.PAGE_DOWN))
        app.step(1 / 60)
    say(peak_mb=peak_mb(), pages=pages, reached_debrief=reached)


def main() -> None:
    started = float(os.environ.get("BENCHMARK_STARTED", time.time()))
    what, args = sys.argv[1], sys.argv[2:]
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if what == "first-frame":
        first_frame(args[0], (int(args[1]), int(args[2])), started)
    elif what == "check":
        sys.path.insert(0, str(ROOT))
        from game.engine import check_story

        story, _ = check_story(Path(args[0]))
        say(peak_mb=peak_mb(), passages=len(story.passages) if story else 0)
    elif what == "parse":
        import yaml

        for path in sorted(Path(args[0]).rglob("*.yaml")):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        say(peak_mb=peak_mb())
    elif what == "debrief":
        debrief(args[0], (int(args[1]), int(args[2])))
    else:
        raise SystemExit(f"unknown probe {what!r}")


if __name__ == "__main__":
    main()
