"""`web build DIR` and `web serve DIR`, as the command line offers them.

The parser is built for every start, the window's too: nothing here imports the engine or the
build until a web command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable


def add_web_command(commands: argparse._SubParsersAction, story_args: Callable) -> None:
    web = commands.add_parser("web", help="the browser edition: build a folder of static files, or serve one "
                                          "(see docs/web.md)")
    actions = web.add_subparsers(dest="web_command", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="write the browser edition into DIR (an empty folder, or an "
                                             "earlier build)")
    build.add_argument("folder", type=Path, metavar="DIR")
    story_args(build)
    serve = actions.add_parser("serve", help="serve a built folder on this machine, for a try-out or a kiosk")
    serve.add_argument("folder", type=Path, metavar="DIR")
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0 takes a free one)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to answer on (default 127.0.0.1, this machine only)")


def run_web(args: argparse.Namespace) -> int:
    return _build(args) if args.web_command == "build" else _serve(args)


def _build(args: argparse.Namespace) -> int:
    from game.engine.printed import printed_name
    from game.mods import first_load, turned_off_words
    from game.paths import cache_dir, data_dir
    from game.settings import load_settings
    from game.web.build import BuildRefused, build
    from game.web.pyodide_core import CoreUnavailable

    # The mods a player would play with: named with --mod, or turned on in the settings.
    loadout, story, problems, dropped = first_load(Path(args.story), [Path(m) for m in args.mod],
                                                   load_settings().enabled_mods, data_dir())
    for problem in (problems if story is None else dropped):
        print(problem, file=sys.stderr)
    if story is None:
        print("The story has errors; run 'python main.py check' for the full list.", file=sys.stderr)
        return 1
    if dropped:
        print(turned_off_words(loadout), file=sys.stderr)
    try:
        built = build(args.folder, story, cache_dir() / "pyodide")
    except (CoreUnavailable, BuildRefused) as exc:
        print(printed_name(exc), file=sys.stderr)
        return 1
    print(printed_name(built.summary()))
    on = [record.name for record in loadout.records()]
    if on:
        print("With the mods: " + ", ".join(printed_name(name) for name in on))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from game.engine.printed import printed_name
    from game.web.serve import address, server

    try:
        made = server(args.folder, args.host, args.port, quiet=False)
    except (FileNotFoundError, OSError) as exc:
        print(printed_name(exc), file=sys.stderr)
        return 1
    print(f"Serving {printed_name(args.folder)} at {address(made)} — open it in a browser; Ctrl+C stops.",
          flush=True)
    try:
        made.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        made.server_close()
    return 0
