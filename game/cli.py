"""One entry point, with sub-commands: the window, the terminal, and the writers' tools.

Each command imports what it needs when it runs: the window opening from the compiled story
reads no story file and has no use for the terminal, and a player waits for every module
imported before the first frame.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import __version__

if TYPE_CHECKING:
    from .engine import Story


def _story_args(parser: argparse.ArgumentParser, top: bool = False) -> None:
    from . import shipped

    # Sub-commands leave the values unset unless given, so `--story` works before or after
    # the command name.
    parser.add_argument("--story", type=Path, default=shipped.story() if top else argparse.SUPPRESS, metavar="DIR",
                        help="the story folder (default: the shipped story)")
    parser.add_argument("--mod", type=Path, action="append", default=[] if top else argparse.SUPPRESS,
                        metavar="DIR", help="add a mod folder on top of the story (may be repeated)")


def _load(args: argparse.Namespace, cache: Path | None = None) -> Story | None:
    from .engine import StoryError, load_story

    try:
        story = load_story(args.story, args.mod, cache)
    except StoryError as exc:
        print(exc.report(), file=sys.stderr)
        print("The story has errors; run 'python main.py check' for the full list.", file=sys.stderr)
        return None
    return story


def _load_for_play(args: argparse.Namespace, cache: Path | None = None) -> Story | None:
    """The story to play, with every mod named that loads: a mod with errors is turned off on
    its own, its problems printed, and the game goes on with the others (``args.mod`` is left
    holding those)."""
    from .engine.broken_mods import check_leaving_out_broken
    from .engine.printed import printed_name

    story, problems, broken = check_leaving_out_broken(args.story, args.mod, cache)
    if story is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("The story has errors; run 'python main.py check' for the full list.", file=sys.stderr)
        return None
    if broken:
        from .mods import describe

        for mod in broken:
            for problem in mod.problems:
                print(problem, file=sys.stderr)
            errors = len(mod.errors)
            print(f"‘{printed_name(describe(mod.folder).name)}’ ({printed_name(mod.folder)}) has "
                  f"{errors} error{'s' if errors != 1 else ''} and is turned off; the game goes on without it.",
                  file=sys.stderr)
        args.mod = [m for m in args.mod if not any(Path(m) == b.folder for b in broken)]
    return story


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from .engine.limits import MAX_AUTO_STEPS  # not the session's: the window's first frame has no use for it
    from .tools.commands import add_modder_commands

    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Keeping Trust: a season in Rongcheng. With no command, opens the game window.")
    parser.add_argument("--version", action="version", version=f"Keeping Trust {__version__}")
    parser.add_argument("--fullscreen", action="store_true", default=None, help="open the window full screen")
    parser.add_argument("--windowed", dest="fullscreen", action="store_false", help="open the window in a window")
    parser.add_argument("--short", action="store_true", help="start the short route (festivals, classrooms)")
    parser.add_argument("--kiosk", action="store_true",
                        help="run as a kiosk for festivals and museums (see docs/installations.md)")
    parser.add_argument("--kiosk-config", type=Path, default=None, metavar="FILE",
                        help="the operator's kiosk config (JSON; implies --kiosk)")
    parser.add_argument("--watch", action="store_true",
                        help="reload the story and mods in the window when their files change (Ctrl+R by hand)")
    parser.add_argument("--seed", type=int, default=None,
                        help="seed for the story's chances: the same seed, the same world (a class compares choices)")
    parser.add_argument("--class", dest="class_mode", action="store_true",
                        help="class mode: a seed field on the title screen (see docs/classroom.md)")
    parser.add_argument("--no-cache", action="store_true",
                        help="read the story from its files, not from the compiled copy kept from the last start")
    _story_args(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play the game (in the window, or --text in the terminal)")
    play.add_argument("--text", action="store_true", help="play in the terminal: type a choice's number")
    play.add_argument("--seed", type=int, default=argparse.SUPPRESS, help="seed for the story's chances (replays exactly)")
    play.add_argument("--auto", action="store_true", help="choose at random (from the seed) to an ending")
    play.add_argument("--max-steps", type=_at_least_one, default=MAX_AUTO_STEPS, metavar="N",
                      help=f"with --auto, give up after N choices without an ending (default {MAX_AUTO_STEPS:,})")
    # The routes' own words (game.engine.story.Route): named here as written, so that building
    # the parser imports no engine; each command reads them as a Route when it runs.
    play.add_argument("--route", choices=("full", "short"), default="full", help="the full story or the short route")
    play.add_argument("--plain", action="store_true",
                      help="with --text: plain ASCII, straight quotes and -- for dashes (screen readers, old terminals)")
    play.add_argument("--width", type=int, default=78, metavar="N",
                      help="with --text: wrap lines at N characters; 0 prints each paragraph on one line "
                           "(screen readers and braille displays wrap by themselves)")
    play.add_argument("--transcript", type=Path, default=None, metavar="FILE",
                      help="with --text: write what was read and chosen, and the debrief, to FILE (.html, .md, "
                           "or any other name for both)")
    play.add_argument("--name", default="", metavar="NAME",
                      help="with --transcript: the student's name, at the top of the transcript")
    play.add_argument("--watch", action="store_true", default=argparse.SUPPRESS,
                      help="in the window: reload when the story's or a mod's files change (Ctrl+R by hand)")
    play.add_argument("--start", metavar="PASSAGE", default=None,
                      help="for testing: begin at this passage instead of the first")
    play.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                      help="for testing: start with this variable set (may be repeated)")
    play.add_argument("--record", action="append", default=[], metavar="BEHAVIOUR:SOURCE[:SUBJECT]",
                      help="for testing: start with this act on the record, held against SUBJECT when named "
                           "(may be repeated)")
    play.add_argument("--seen", action="append", default=[], metavar="PASSAGE",
                      help="for testing: start with this passage already seen (may be repeated)")
    _story_args(play)

    check = commands.add_parser("check", help="check story files; every problem as path:line:col")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="story folders, or mod folders (checked on top of the shipped story)")
    check.add_argument("--quiet", action="store_true", help="print errors only, not warnings")
    check.add_argument("--host", action="store_true",
                       help="checking a mod: also print the warnings the story it is played on has by itself")
    _story_args(check)

    explore = commands.add_parser("explore", help="play many seeded random lives and report what they reach")
    explore.add_argument("--runs", type=int, default=200, help="how many lives (default 200)")
    explore.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    explore.add_argument("--route", choices=("both", "full", "short"), default="both",
                         help="which route (default both: one run in four takes the short route)")
    explore.add_argument("--json", action="store_true", help="print one JSON object")
    explore.add_argument("--max-steps", type=_at_least_one, default=None, metavar="N",
                         help="call a life with no ending after N choices too long (default 2,000)")
    explore.add_argument("--replays", type=int, default=0, metavar="N",
                         help="also measure how alike N pairs of opposite lives read (first choice vs last)")
    explore.add_argument("--coverage", action="store_true",
                         help="list every passage, choice and variant with the first seed that reached it")
    _story_args(explore)

    visitors = commands.add_parser("visitors", help="a kiosk's anonymous visitor statistics, and --csv to export them")
    visitors.add_argument("--database", type=Path, default=None, metavar="FILE",
                          help="the statistics file (default: the kiosk config's, or the data folder's)")
    visitors.add_argument("--csv", type=Path, default=None, metavar="FILE", help="write every visit to FILE as CSV")
    visitors.add_argument("--html", type=Path, default=None, metavar="FILE",
                          help="write the summary to FILE as a page to print or send")

    commands.add_parser("paths", help="where settings, saves, logs, the cache, mods and the shipped story are")

    report = commands.add_parser("class-report", help="a class's transcripts summed up: endings, grades, "
                                                      "the choices that split the class, guesses (a printable page)")
    report.add_argument("folder", type=Path, metavar="FOLDER", help="the folder the students' transcripts are in")
    report.add_argument("--html", type=Path, default=None, metavar="FILE",
                        help="write the printable page to FILE (default: FOLDER/class-report.html)")
    compare = commands.add_parser("compare", help="two students' transcripts: their choices side by side, "
                                                  "with what each was recorded as (a printable page)")
    compare.add_argument("transcripts", type=Path, nargs=2, metavar="TRANSCRIPT", help="two transcript files")
    compare.add_argument("--html", type=Path, default=None, metavar="FILE", help="write the printable page to FILE")
    commands.add_parser("clear-saves", help="between students or classes on one account: delete the saved games, "
                                            "so the title offers no Continue and no earlier debrief "
                                            "(transcripts and settings stay)")

    stats = commands.add_parser("stats", help="passages, choices, words, endings, behaviours, jurisdictions")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    _story_args(stats)
    add_modder_commands(commands, _story_args)
    _add_web(commands)
    for command in commands.choices.values():
        _anywhere_args(command)
    return parser


def _add_web(commands: argparse._SubParsersAction) -> None:
    """The browser edition's commands (game/web/commands.py holds them and their work)."""
    from .web.commands import add_web_command

    add_web_command(commands, _story_args)


def _anywhere_args(parser: argparse.ArgumentParser) -> None:
    """The options the docs write before a command, accepted after it too: an operator types
    ``visitors --kiosk-config kiosk.json`` as readily as ``--kiosk-config kiosk.json visitors``.
    Left unset unless given, so a value given before the command stands."""
    parser.add_argument("--no-cache", action="store_true", default=argparse.SUPPRESS,
                        help="read the story from its files, not from the compiled copy")
    parser.add_argument("--kiosk-config", type=Path, default=argparse.SUPPRESS, metavar="FILE",
                        help="the operator's kiosk config (JSON)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _command(args)
    except KeyboardInterrupt:
        # Ctrl+C in the terminal the game was started from: a stop asked for, not a crash to
        # print a traceback for.  130 is the shell's own code for it.
        print("Stopped (Ctrl+C).", file=sys.stderr)
        return 130


def _play_cache(args: argparse.Namespace) -> Path | None:
    """Where play keeps the compiled story: it starts from the one compiled at the last start
    when the files are unchanged. Check and the writers' tools always read the files."""
    from .paths import story_cache

    return None if args.no_cache else story_cache()


def _command(args: argparse.Namespace) -> int:
    if args.command is None or (args.command == "play" and not args.text):
        return _window(args)
    from .tools.commands import MODDER_COMMANDS

    if args.command in MODDER_COMMANDS:
        return MODDER_COMMANDS[args.command](args, _load)
    if args.command == "web":
        from .web.commands import run_web

        return run_web(args)
    return {"play": _play_text, "check": _check, "explore": _explore, "stats": _stats,
            "visitors": _visitors, "paths": _paths, "class-report": _class_report, "compare": _compare,
            "clear-saves": _clear_saves}[args.command](args)


def _window(args: argparse.Namespace) -> int:
    if not args.no_cache:
        return _open_window(args)
    # The window asks game.paths where to keep the compiled story; told not to, it reads the files.
    import os

    from .paths import NO_CACHE_ENV

    before = os.environ.get(NO_CACHE_ENV)
    os.environ[NO_CACHE_ENV] = "1"
    try:
        return _open_window(args)
    finally:
        if before is None:
            del os.environ[NO_CACHE_ENV]
        else:
            os.environ[NO_CACHE_ENV] = before


def _open_window(args: argparse.Namespace) -> int:
    try:
        from .ui.app import run
    except ImportError as exc:
        print(f"The game window needs pygame-ce ({exc}). Play in the terminal with: python main.py play --text",
              file=sys.stderr)
        return 1
    if args.kiosk or args.kiosk_config is not None:
        from .ui.kiosk_mode import run as run_kiosk

        return run_kiosk(args.story, mods=args.mod, config_path=args.kiosk_config, seed=getattr(args, "seed", None))
    from .engine.named import Route

    short = getattr(args, "short", False) or getattr(args, "route", Route.FULL) == Route.SHORT
    route = Route.SHORT if short else Route.FULL
    return run(args.story, mods=args.mod, fullscreen=getattr(args, "fullscreen", None), route=route,
               seed=getattr(args, "seed", None), watch=getattr(args, "watch", False),
               class_mode=getattr(args, "class_mode", False))


def _play_text(args: argparse.Namespace) -> int:
    import random

    from .engine import Session
    from .engine.printed import printed_name
    from .engine.named import Route
    from .terminal import play_on, slots_for
    from .tools.explore import picker_for

    story = _load_for_play(args, _play_cache(args))
    if story is None:
        return 1
    args.route = Route.named(args.route)
    if args.route == Route.SHORT and not story.has_short_route:
        print("This story has no short route.", file=sys.stderr)
        return 1
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
    testing = bool(args.start or args.set or args.record or args.seen)
    if testing:
        from .tools.rehearsal import RehearsalError, rehearse

        if args.kiosk or args.kiosk_config is not None:
            print("--start, --set, --record and --seen are for testing a story; a kiosk plays it as it is.",
                  file=sys.stderr)
            return 2
        try:
            session = rehearse(story, seed, args.route, args.start, args.set, args.record, args.seen)
        except RehearsalError as exc:
            print(printed_name(exc), file=sys.stderr)
            return 2
    else:
        session = Session.new(story, seed=seed, route=args.route)
    auto = picker_for(seed) if args.auto else None
    saves = None
    if not (args.auto or args.kiosk or args.kiosk_config is not None or testing):
        saves = slots_for(story, args.mod)      # the window's slots: s saves, l loads
    result, session = play_on(session, sys.stdin, sys.stdout, auto=auto, max_steps=args.max_steps,
                              plain=args.plain, width=args.width, saves=saves)
    if args.transcript is not None:
        from .transcript import build
        from .transcript_files import write

        try:
            written = write(build(session, name=args.name), args.transcript)
        except OSError as exc:
            print(f"The transcript could not be written to {printed_name(args.transcript)}: "
                  f"{printed_name(exc.strerror or exc)}", file=sys.stderr)
            return 1
        print("Transcript: " + ", ".join(printed_name(path) for path in written), file=sys.stderr)
    return result


def _checked_as_a_mod(path: Path) -> bool:
    """A mod is checked on top of the story. A folder put under mods/ is meant as one, so it
    is checked as one even without its 'mod:' section, and told that it lacks one."""
    from .engine.discovery import is_mod_folder

    return is_mod_folder(path) or path.parent.name == "mods"


def _check(args: argparse.Namespace) -> int:
    from .engine.printed import printed_name
    from .tools.whose_problems import sorted_by_owner

    paths = args.paths or [args.story]
    errors = warnings = 0
    for path in paths:
        root, mods = (args.story, [*args.mod, path]) if _checked_as_a_mod(path) else (path, list(args.mod))
        story, problems = _checked(root, mods)
        turned_off: list = []
        if story is None and mods:
            # What the game would do: each broken mod turned off on its own, the story played
            # with the others — checked whole too, so a broken mod hides nothing of theirs.
            from .engine.broken_mods import check_leaving_out_broken

            story, kept_problems, turned_off = check_leaving_out_broken(root, mods)
            problems = sorted(set(problems) | set(kept_problems))
            if story is not None:
                from .tools.lint import lint

                problems = sorted(set(problems) | set(lint(story)))
        hidden = 0
        if mods:
            # A mod's own problems first; the story's own warnings only when asked for.
            whose = sorted_by_owner(problems, mods, _checked(root, [])[1])
            problems = whose.mods + (whose.story if args.host else whose.story_errors)
            hidden = 0 if args.host else len(whose.story_warnings)
        for problem in problems:
            if problem.is_error or not args.quiet:
                print(problem)
        errors += sum(1 for p in problems if p.is_error)
        warnings += sum(1 for p in problems if not p.is_error)
        if story is not None and not args.quiet:
            _print_changes(story, mods)
        for mod in turned_off:
            count = len(mod.errors)
            print(f"{printed_name(mod.folder)}: {count} error{'s' if count != 1 else ''} — turned off when played; "
                  "the story loads with the other mods")
        if story is not None and not turned_off:
            said = "clean" if not problems else f"{len(problems)} warning(s)"
            if hidden:
                said += f"; {hidden} warning(s) of the story itself not shown (--host shows them)"
            print(f"{printed_name(path)}: {len(story.passages)} passages in {len(story.files)} files — {said}")
    if errors:
        # On the same stream as the problems it sums up, so a pipe or a file keeps both.
        print(f"{errors} error(s), {warnings} warning(s)")
        return 1
    return 0


def _print_changes(story: Story, mods: Sequence[Path]) -> None:
    """Each mod's declared changes to the story it is played on, in words, where written."""
    from .engine.printed import printed_name

    for mod in mods:
        folder = mod.resolve()
        changes = [c for c in story.changes if Path(c.mod).resolve() == folder]
        if changes:
            print(f"{printed_name(mod)} changes the story it is played on, as its mod section declares:")
            for change in changes:
                print(f"  {printed_name(change)}")


def _checked(story_dir: Path, mods: Sequence[Path]) -> tuple[Story | None, list]:
    """What check finds in a story with these mods: the loader's problems and, when it loads,
    the lint pass's doubts."""
    from .engine import check_story

    story, problems = check_story(story_dir, mods)
    if story is not None:
        from .tools.lint import lint

        problems = sorted(set(problems) | set(lint(story)))
    return story, problems


def _explore(args: argparse.Namespace) -> int:
    import json
    import statistics

    from .engine.printed import printed_name
    from .tools.explore import explore

    story = _load(args)
    if story is None:
        return 1
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    from .tools.explore import MAX_STEPS

    report = explore(story, runs=args.runs, seed=args.seed, route=args.route, max_steps=args.max_steps or MAX_STEPS)
    data = report.as_json()
    if args.replays > 0:
        from .engine.named import Route
        from .tools.explore import replay_overlap

        routes = tuple(Route) if args.route == "both" and story.has_short_route else (
            (Route.FULL,) if args.route == "both" else (args.route,))
        data["replays"] = {}
        for route in routes:
            shares = replay_overlap(story, args.replays, args.seed, route)
            data["replays"][route] = {"pairs": len(shares), "median": round(statistics.median(shares), 4),
                                      "max": round(max(shares), 4)}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        # Endings, labels and errors quote what a story wrote: each line is printed as a name.
        lines: list[str] = []
        lines.append(f"{data['runs']} lives played ({', '.join(f'{n} {r}' for r, n in data['routes'].items())})")
        lines.append(f"passages visited: {data['passages_visited']} of {data['passages_total']}")
        if data["unvisited"]:
            lines.append("never visited: " + ", ".join(data["unvisited"]))
        lines.append("endings (and a seed that reaches each: play --text --auto --seed N):")
        for ending, count in sorted(data["endings"].items(), key=lambda kv: -kv[1]):
            first = data["first_seed"][ending]
            route = " --route short" if first["route"] == "short" else ""
            lines.append(f"  {count:6d}  {ending}  (--seed {first['seed']}{route})")
        lines.append("grades at the end: " + ", ".join(f"{g} {n}" for g, n in data["grades"].items()))
        lines.append(f"blacklisted at the end: {data['blacklisted']}")
        for route, alike in data.get("replays", {}).items():
            lines.append(f"paragraphs shared by opposite lives ({route}, first choice vs last, {alike['pairs']} seeds): "
                         f"{alike['median']:.0%} median, {alike['max']:.0%} at most")
        unclosed = data["unclosed_threads"]
        if unclosed:
            lines.append("threads opened but not closed before the debrief:")
            for thread, left in unclosed.items():
                route = " --route short" if left["route"] == "short" else ""
                lines.append(f"  {left['lives']:6d}  {printed_name(thread)}  (--seed {left['seed']}{route})")
        else:
            lines.append("threads opened but not closed before the debrief: none")
        for route, reading in data["reading"].items():
            spread = reading["words"]
            lines.append(f"read before the debrief ({route}): {spread['min']:,} / {spread['median']:,.0f} / "
                         f"{spread['max']:,} words (min / median / max); "
                         f"{reading['single_option_share']:.0%} of {reading['inputs']:,} inputs offered one option")
            lines.append(f"pages shaped by the hidden record ({route}): {reading['reactions']['min']} / "
                         f"{reading['reactions']['median']:g} per life (min / median)")
            stretches = reading["reactions"].get("by_stretch", {})
            if stretches:
                lines.append(f"  lives that met it at least once in ({route}): " +
                             ", ".join(f"{span} {share:.0%}" for span, share in stretches.items()))
        for kind in ("dead_ends", "loops"):
            for passage, count in data[kind].items():
                lines.append(f"{kind.replace('_', ' ')[:-1]}: {passage} ({count} runs)")
        for passage, count in data["too_long"].items():
            lines.append(f"too long (no ending after {args.max_steps or MAX_STEPS:,} choices): {passage} ({count} runs)")
        from .tools.explore import coverage_lines

        lines += coverage_lines(data["coverage"], every=args.coverage)
        for error in data["errors"]:
            lines.append(f"error: {error}")
        for line in lines:
            print(printed_name(line))
    # A life with no ending after so many choices may be a player trapped where the exits
    # never open (a counter that only climbs, waited on to fall): a problem until shown not.
    return 1 if data["dead_ends"] or data["loops"] or data["too_long"] or data["errors"] else 0


def _visitors(args: argparse.Namespace) -> int:
    from .engine.printed import printed_name
    from .kiosk_rules import ConfigError, load_config
    from .paths import visitor_book_file
    from .visitor_report import report

    path = args.database
    if path is None and args.kiosk_config is not None:
        try:
            configured = load_config(args.kiosk_config).statistics_file
        except ConfigError as exc:
            print(printed_name(exc), file=sys.stderr)
            return 2
        path = Path(configured) if configured else None
    # The report only reads: whatever the path names is left as it was.
    return report(path or visitor_book_file(), args.csv, sys.stdout, sys.stderr, args.html)


def _class_report(args: argparse.Namespace) -> int:
    from .class_report import REPORT_NAME, read_folder, report_page, summary, summary_lines, write_page
    from .engine.printed import printed_name

    if not args.folder.is_dir():
        print(f"{printed_name(args.folder)} is not a folder of transcripts", file=sys.stderr)
        return 2
    found = read_folder(args.folder)
    for path in found.skipped:
        print(f"{printed_name(path)}: no Keeping Trust transcript record in it (left out)", file=sys.stderr)
    if not found.records:
        print(f"{printed_name(args.folder)}: no transcripts found", file=sys.stderr)
        return 1
    data = summary(found.records)
    for line in summary_lines(data):
        print(printed_name(line))
    target = args.html or args.folder / REPORT_NAME
    try:
        write_page(target, report_page(data, args.folder.resolve().name))
    except OSError as exc:
        print(f"{printed_name(target)} cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return 2
    print(f"the page to print: {printed_name(target)}")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from .class_report import comparison_lines, comparison_page, read_transcript, write_page
    from .engine.printed import printed_name

    records = []
    for path in args.transcripts:
        record = read_transcript(path)
        if record is None:
            print(f"{printed_name(path)}: not a Keeping Trust transcript (or one from before transcripts kept "
                  "their record)", file=sys.stderr)
            return 2
        record["file"] = path.name
        records.append(record)
    for line in comparison_lines(*records):
        print(printed_name(line))
    if args.html is not None:
        try:
            write_page(args.html, comparison_page(*records))
        except OSError as exc:
            print(f"{printed_name(args.html)} cannot be written ({exc.strerror or exc})", file=sys.stderr)
            return 2
        print(f"the page to print: {printed_name(args.html)}")
    return 0


def _clear_saves(args: argparse.Namespace) -> int:
    from .engine.printed import printed_name
    from .saves import SlotStore

    folder = SlotStore().folder
    removed = 0
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() or path.is_symlink():
                try:
                    path.unlink()
                except OSError as exc:
                    print(f"{printed_name(path)} cannot be deleted ({exc.strerror or exc})", file=sys.stderr)
                    return 1
                removed += 1
    print(f"{removed} saved game file{'s' if removed != 1 else ''} deleted from {printed_name(folder)}; "
          "transcripts and settings are kept")
    return 0


def _paths(args: argparse.Namespace) -> int:
    from .engine.printed import printed_name
    from .places import player_places

    for label, path in player_places(args.story, getattr(args, "kiosk_config", None)):
        print(f"{label:>15}: {printed_name(path)}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    import json

    from .engine.printed import printed_name
    from .tools.stats import stats

    story = _load(args)
    if story is None:
        return 1
    data = stats(story)
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        for key, value in data.items():
            print(f"{key:>14}: {printed_name(value)}")
    return 0
