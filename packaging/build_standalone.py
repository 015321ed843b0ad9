"""Build Keeping Trust as one folder that runs without Python: for players and lab PCs.

    python packaging/build_standalone.py            # builds dist/keeping-trust/
    python packaging/build_standalone.py --windowed # Windows/macOS: no console window

Run it on the system the build is for (PyInstaller does not cross-compile), with Python 3.11
or newer and the game's dependencies and PyInstaller installed in the same environment
(``pip install -e . pyinstaller``).  docs/installing.md has the steps for Windows and macOS.

The folder carries exactly what the wheel carries: the package data is read from
``pyproject.toml``, so the story, assets and mods ship under ``game/data/`` in both, and
``game/shipped.py`` finds them the same way.  Nothing is fetched when the game runs.

After building, the script runs the build it made, as a player would, from outside the
checkout and with a throwaway home folder: ``--version``, ``check`` and one life played to its
debrief in the terminal.  A build that cannot do that is reported as failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
NAME = "keeping-trust"


def package_data(checkout: Path = CHECKOUT) -> list[tuple[Path, str]]:
    """Every data file the wheel ships, as (file in the checkout, folder inside the build),
    read from pyproject.toml's package-dir and package-data tables."""
    tool = tomllib.loads((checkout / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapped = tool.get("package-dir", {})
    found: list[tuple[Path, str]] = []
    for package, patterns in tool["package-data"].items():
        source = checkout / mapped.get(package, package.replace(".", "/"))
        for pattern in patterns:
            for path in sorted(source.glob(pattern)):
                if path.is_file():
                    inside = Path(*package.split(".")) / path.parent.relative_to(source)
                    found.append((path, inside.as_posix()))
    return found


def pyinstaller_args(dist: Path, work: Path, windowed: bool) -> list[str]:
    """PyInstaller's command line for the one-folder build."""
    args = [str(CHECKOUT / "main.py"), "--name", NAME, "--onedir", "--noconfirm", "--clean",
            "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
            # Every module of the game, including those only imported when a command needs them.
            "--collect-submodules", "game", "--paths", str(CHECKOUT),
            # Nothing the game uses; leaving them out keeps the folder small.
            "--exclude-module", "tkinter", "--exclude-module", "pytest", "--exclude-module", "numpy"]
    if windowed:
        args.append("--windowed")
    for source, inside in package_data():
        args += ["--add-data", f"{source}{os.pathsep}{inside}"]
    # The story cache trusts a compiled story only while the engine's source is unchanged, and
    # reads that source to know: the frozen modules alone would leave it nothing to read.
    for source in sorted((CHECKOUT / "game" / "engine").glob("*.py")):
        args += ["--add-data", f"{source}{os.pathsep}game/engine"]
    return args


def executable(dist: Path) -> Path:
    folder = dist / NAME
    return folder / (NAME + ".exe" if sys.platform == "win32" else NAME)


def smoke(program: Path) -> list[str]:
    """Run the built game as a player would, away from the checkout; the problems found."""
    problems = []
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        env["KEEPING_TRUST_HOME"] = home
        for command in (["--version"], ["check", "--quiet"], ["play", "--text", "--auto", "--seed", "3"]):
            done = subprocess.run([str(program), *command], cwd=home, env=env, capture_output=True,
                                  text=True, encoding="utf-8", stdin=subprocess.DEVNULL)
            shown = " ".join(command)
            if done.returncode != 0:
                problems.append(f"{shown}: exit {done.returncode}\n{done.stderr[-2000:]}")
            elif command[0] == "play" and "Debrief" not in done.stdout.splitlines():
                problems.append(f"{shown}: the life ended without its debrief")
            else:
                said = [line for line in done.stdout.splitlines() if line.strip()]
                print(f"  {shown}: ok ({said[-1] if said else 'no output'})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=CHECKOUT / "dist", help="where the folder goes (default dist/)")
    parser.add_argument("--work", type=Path, default=CHECKOUT / "build" / "standalone",
                        help="PyInstaller's scratch folder (default build/standalone/)")
    parser.add_argument("--windowed", action="store_true",
                        help="no console window on Windows and macOS (terminal play then has nowhere to go)")
    parser.add_argument("--no-smoke", action="store_true", help="build only; do not run the result")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print("PyInstaller is not installed here: pip install pyinstaller", file=sys.stderr)
        return 2
    pyinstaller.run(pyinstaller_args(args.dist.resolve(), args.work.resolve(), args.windowed))
    program = executable(args.dist.resolve())
    print(f"Built {program.parent}")
    if args.no_smoke:
        return 0
    print("Running it as a player would:")
    problems = smoke(program)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
