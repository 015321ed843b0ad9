"""Run every benchmark and print a table (or, with --json, one object).

    python -m benchmarks [--json] [--quick] [--passages 10000] [--repeat 5] [--no-xvfb]

Each figure is set against a baseline measured in the same run, on the same machine, as a
ratio: these machines are shared and noisy, so absolute numbers travel badly and ratios
less so. Start-up and frames run under Xvfb when it is installed (a real X server, as a
player's desktop), else with SDL's dummy driver; the table says which. Under Xvfb, with
xdotool installed, start-up is also timed as a player sees it: from the process starting to
its window lit on the screen, read from outside (:mod:`benchmarks.painted`). --quick is the
smoke test's budget: tiny stories, one repeat, fractions of a second.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from benchmarks import bigstory, painted

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def figure(value: float, unit: str, baseline: float | None, against: str, goal: str = "",
           met: bool | None = None, **more: Any) -> dict:
    ratio = value / baseline if baseline else None
    return {"value": value, "unit": unit, "baseline": baseline, "against": against,
            "ratio": ratio, "goal": goal, "met": met, **more}


@contextmanager
def display(use_xvfb: bool) -> Iterator[dict[str, str]]:
    """The environment for a window: a fresh Xvfb screen if asked and installed, else SDL's
    dummy driver."""
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    xvfb = shutil.which("Xvfb") if use_xvfb else None
    if xvfb is None:
        env["SDL_VIDEODRIVER"] = "dummy"
        yield env
        return
    number = 40 + os.getpid() % 200
    # A black root window (-br): start-up seen from outside waits for the window to be lit.
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-br", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        env.pop("SDL_VIDEODRIVER", None)
        env["DISPLAY"] = f":{number}"
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def probe(env: dict[str, str], *args: str) -> dict:
    env = dict(env, BENCHMARK_STARTED=repr(time.time()))
    done = subprocess.run([sys.executable, "-m", "benchmarks.probes", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"probe {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def start_up(env: dict[str, str], repeat: int) -> dict:
    """The game from `python main.py` to its first drawn title frame (compiled story warm),
    against a bare pygame-ce program opening a window of the same size and drawing a line."""
    game, bare = [], []
    # As on a player's machine, where Python keeps the game's compiled bytecode: this
    # environment may forbid writing it, which would make every start compile the game.
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(env["KEEPING_TRUST_HOME"]).parent / "bytecode")
    probe(env, "first-frame", "game", "0", "0")  # keeps the compiled story, bytecode, window size
    for _ in range(repeat):
        shown = probe(env, "first-frame", "game", "0", "0")
        game.append(shown["seconds"])
        bare.append(probe(env, "first-frame", "bare", *map(str, shown["size"]))["seconds"])
    value, base = statistics.median(game), statistics.median(bare)
    return figure(value, "s", base, "bare pygame-ce window with one line", "≤ 1.3×", value <= 1.3 * base,
                  size=shown["size"])


def painted_start(env: dict[str, str], repeat: int) -> dict | None:
    """The game from the process starting to its window painted, as another X client sees the
    screen, against a bare pygame-ce window of the same size seen the same way; None without
    Xvfb and xdotool."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(env["KEEPING_TRUST_HOME"]).parent / "bytecode")
    seen = painted.painted_start(env, repeat)
    if seen is None:
        return None
    return figure(seen["game"], "s", seen["bare"], "bare pygame-ce window of the same size, seen the same way",
                  size=seen["size"])


def frames(env: dict[str, str], seconds: float) -> dict[str, dict]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.frames", "1920", "1080", str(seconds)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"frames failed:\n{done.stderr[-2000:]}")
    f = json.loads(lines[-1])
    size = "x".join(map(str, f["size"]))
    return {
        f"frame work while text animates, median ({size})": figure(
            f["frame_median_ms"], "ms", f["bare_frame_median_ms"], "bare loop typing one line"),
        f"frame work while text animates, p99 ({size})": figure(
            f["frame_p99_ms"], "ms", f["bare_frame_p99_ms"], "bare loop typing one line"),
        "CPU while text animates": figure(f["animating_cpu_percent"], "% of a core", f["bare_animating_cpu_percent"],
                                          "bare loop typing one line", "keep ~1.4%"),
        "CPU while idle": figure(f["idle_cpu_percent"], "% of a core", f["bare_idle_cpu_percent"],
                                 "bare loop polling at the idle rate", "keep ~0.6%"),
    }


def c_parse(folder: Path) -> None:
    import yaml

    for path in sorted(folder.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def loading(name: str, folder: Path, repeat: int, env: dict[str, str]) -> dict[str, dict]:
    from game.engine import check_story

    base = median_time(lambda: c_parse(folder), repeat)
    cold = median_time(lambda: check_story(folder), repeat)
    with tempfile.TemporaryDirectory() as cache:
        first = median_time(lambda: check_story(folder, cache=Path(cache)), 1)  # checks and keeps it
        warm = median_time(lambda: check_story(folder, cache=Path(cache)), repeat)
    gc.collect()
    peak = probe(env, "check", str(folder))["peak_mb"]
    parse_peak = probe(env, "parse", str(folder))["peak_mb"]
    return {
        f"load+check {name}, cold": figure(cold, "s", base, "PyYAML C loader alone", "≤ 1.3×", cold <= 1.3 * base),
        f"load+check {name}, first start (cold + keeping it)": figure(first, "s", base, "PyYAML C loader alone"),
        f"load {name}, warm (compiled)": figure(warm, "s", cold, "cold load+check", "≤ 0.1×", warm <= 0.1 * cold),
        f"peak memory, load+check {name}": figure(peak, "MB", parse_peak, "PyYAML C loader alone (its peak)",
                                                  "≤ 150 MB", peak <= 150),
    }


def random_lives(story, runs: int, seed: int) -> None:
    """The engine alone playing random lives: what explore's bookkeeping is measured against."""
    from game.engine import Session

    for run in range(runs):
        chance = random.Random(seed + run)
        session = Session.new(story, seed=seed + run)
        steps = 0
        while not session.is_over and session.page.choices and steps < 2000:
            session.choose(chance.randint(1, len(session.page.choices)))
            steps += 1


def exploring(name: str, folder: Path, runs: int, repeat: int) -> dict:
    from game.engine import load_story
    from game.tools.explore import explore

    story = load_story(folder)
    seconds = median_time(lambda: explore(story, runs=runs, seed=0, route="full"), repeat)
    base = median_time(lambda: random_lives(story, runs, 0), repeat)
    return figure(runs / seconds, "lives/s", runs / base, "the engine alone playing random lives",
                  "~550/s on the shipped story" if name == "the shipped story" else "")


def run(quick: bool, passages: int, repeat: int, use_xvfb: bool) -> dict:
    repeat = 1 if quick else repeat
    seconds = 0.3 if quick else 3.0
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch, display(use_xvfb and not quick) as env:
        env["KEEPING_TRUST_HOME"] = str(Path(scratch) / "home")
        figures["start-up to the first title frame"] = start_up(env, repeat)
        seen = painted_start(env, repeat)
        if seen is not None:
            figures["start-up to a painted window, seen from outside"] = seen
        figures.update(frames(env, seconds))
        big = bigstory.write(Path(scratch) / "big", passages=200 if quick else passages)
        count = f"{200 if quick else passages:,}"
        figures.update(loading("the shipped story", ROOT / "story", 3 if quick else 5 * repeat, env))
        figures.update(loading(f"a {count}-passage story", big, repeat, env))
        # The same number of passages, each mostly prose (~1.2 KB) with a grade condition, in 10 files.
        prose = bigstory.write_prose(Path(scratch) / "prose", per_file=20 if quick else max(1, passages // 10))
        figures.update(loading(f"a prose-heavy {count}-passage story", prose, repeat, env))
        figures["explore, the shipped story"] = exploring("the shipped story", ROOT / "story",
                                                          20 if quick else 1000, repeat)
        figures[f"explore, a {count}-passage story"] = exploring("big", big, 20 if quick else 1000, repeat)
        rss = probe(env, "debrief", "game", "1920", "1080")
        bare = probe(env, "debrief", "bare", "1920", "1080")
        figures["peak RSS playing to the debrief (1920x1080)"] = figure(
            rss["peak_mb"], "MB", bare["peak_mb"], "bare pygame-ce window", "< 100 MB", rss["peak_mb"] < 100,
            reached_debrief=rss["reached_debrief"], choices=rss["pages"])
        driver = "Xvfb" if "DISPLAY" in env and env.get("SDL_VIDEODRIVER") != "dummy" else "dummy"
        # The browser edition in this machine's Chromium (benchmarks/web.py), when it can be had.
        from benchmarks import web

        in_the_browser, not_measured = web.measure(repeat)
        figures.update(in_the_browser or {})
    return {"figures": figures, "video": driver, "cores": os.cpu_count(), "python": sys.version.split()[0],
            "quick": quick, "web": not_measured or "measured in Chromium, headless"}


def table(result: dict) -> str:
    rows = [("figure", "value", "baseline", "ratio", "goal")]
    for name, f in result["figures"].items():
        def shown(v: float | None) -> str:
            if v is None:
                return "—"
            return f"{v:,.0f} {f['unit']}" if v >= 100 else f"{v:.3g} {f['unit']}"
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] is not None else "—"
        goal = f["goal"] + ("" if f["met"] is None else " ✓" if f["met"] else " ✗")
        rows.append((name, shown(f["value"]), shown(f["baseline"]), ratio, goal))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"(video: {result['video']}; {result['cores']} cores; Python {result['python']}; "
                 f"browser edition: {result.get('web', 'not measured')}; "
                 "baselines in the last column but one are measured in this same run)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--quick", action="store_true", help="a tiny budget: checks that every benchmark runs")
    parser.add_argument("--passages", type=int, default=10_000, help="passages in the generated story")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement (medians are shown)")
    parser.add_argument("--no-xvfb", dest="xvfb", action="store_false", help="use SDL's dummy driver")
    args = parser.parse_args(argv)
    result = run(args.quick, args.passages, args.repeat, args.xvfb)
    print(json.dumps(result, indent=1) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
