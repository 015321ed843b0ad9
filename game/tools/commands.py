"""The modder's sub-commands — map, test, schema, hooks — as the command line offers them.

They live here so the entry point only names them; each reads the story the same way every
other command does (``--story`` and ``--mod``), through the loader the entry point passes in.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .map_formats import FORMATS

if TYPE_CHECKING:
    from ..engine import Story

# The parser is built for every start, the window's too: nothing here may import the engine
# or the tools' work until a command of theirs runs.
Load = Callable[[argparse.Namespace], "Story | None"]


def add_modder_commands(commands: argparse._SubParsersAction, story_args: Callable) -> None:

    map_ = commands.add_parser("map", help="the branch map: passages, choices, files, endings, mods")
    map_.add_argument("--format", choices=FORMATS, default="html",
                      help="html (one page that works offline), dot (Graphviz) or mermaid (default html)")
    map_.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                      help="write to FILE (default: print it)")
    story_args(map_)

    test = commands.add_parser("test", help="try every choice and both sides of every condition; "
                                            "report what was never reached")
    test.add_argument("--max-states", type=int, default=None, metavar="N",
                      help="give up widening the search after N states (default 20,000)")
    test.add_argument("--json", action="store_true", help="print one JSON object")
    test.add_argument("--strict", action="store_true",
                      help="exit 3 when a bound stopped the search before it tried everything")
    test.add_argument("--start", metavar="PASSAGE", default=None,
                      help="search from this passage, and report on what can be reached from it")
    test.add_argument("--mod-only", action="store_true",
                      help="search only the passages of the mods named with --mod, from the passages they hook "
                           "into, without the rest of the story")
    test.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                      help="every life starts with this variable set (may be repeated)")
    test.add_argument("--record", action="append", default=[], metavar="BEHAVIOUR:SOURCE[:SUBJECT]",
                      help="every life starts with this act on the record (may be repeated)")
    test.add_argument("--seen", action="append", default=[], metavar="PASSAGE",
                      help="every life starts with this passage already seen (may be repeated)")
    story_args(test)

    schema = commands.add_parser("schema", help="print the JSON Schema of the story format (for editors)")
    schema.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="write to FILE")

    hooks = commands.add_parser("hooks", help="where a mod may join the story: its hooks, the old ids it still "
                                              "answers to, and what each release changed (Markdown)")
    story_args(hooks)


def _write(text: str, output: Path | None) -> None:
    from ..engine.printed import printed_document, printed_name

    if output is None:
        sys.stdout.write(printed_document(text))
        return
    output.write_text(text, encoding="utf-8")
    print(f"wrote {printed_name(output)}", file=sys.stderr)


def _map(args: argparse.Namespace, load: Load) -> int:
    from .map import mod_files_of, render

    story = load(args)
    if story is None:
        return 1
    _write(render(story, args.format, mod_files_of(story, args.mod)), args.output)
    return 0


def _test(args: argparse.Namespace, load: Load) -> int:
    from ..engine.printed import printed_document, printed_name
    from .quicktest import MAX_STATES, quicktest
    from .rehearsal import RehearsalError

    if args.mod_only and not args.mod:
        print("--mod-only tests the mods named with --mod: name one (--mod mods/my_mod)", file=sys.stderr)
        return 2
    story = load(args)
    if story is None:
        return 1
    if args.max_states is not None and args.max_states < 1:
        print("--max-states must be at least 1", file=sys.stderr)
        return 2
    try:
        beginning = _beginning(args, story)
    except RehearsalError as exc:
        print(printed_name(exc), file=sys.stderr)
        return 2
    report = quicktest(story, max_states=args.max_states or MAX_STATES, beginning=beginning)
    if args.json:
        print(printed_document(json.dumps(report.as_json(), indent=2, ensure_ascii=False)))
    else:
        for line in report.lines():
            print(printed_name(line))       # labels quote what a story wrote
    # A search a bound cut short says so in its first line; it found no problem in what it
    # tried, and a modder's check that runs `test` should not fail for a story that is merely
    # large, so that is still a pass (`--strict` makes it 3).
    if report.problems:
        return 1
    return 3 if args.strict and not report.complete else 0


def _beginning(args: argparse.Namespace, story: "Story"):
    """Where ``test`` begins its lives, from its flags: None for the story's own start."""
    from .hooks import mod_part
    from .quicktest import Beginning, from_passage
    from .rehearsal import Rehearsal, RehearsalError

    rehearsal = Rehearsal(story, args.start, args.set, args.record, args.seen)
    if args.mod_only:
        part = mod_part(story, args.mod)
        starts = (args.start,) if args.start else part.hooks
        if not starts:
            raise RehearsalError("--mod-only: the mods hook into no passage of the story (no 'extend'); "
                                 "name where to begin with --start")
        scope = part.scope | frozenset(starts)
        return Beginning(rehearsal, starts, scope,
                         f"the mods' {len(part.passages)} passages, begun at "
                         f"{', '.join(repr(s) for s in starts)} (--mod-only)", part.files)
    if args.start:
        return from_passage(story, rehearsal)
    if rehearsal.anything:
        return Beginning(rehearsal)
    return None


def _schema(args: argparse.Namespace, load: Load) -> int:
    from ..engine.printed import printed_name
    from ..jsonfile import write_json_atomic
    from .schema import story_schema

    if args.output is None:
        print(json.dumps(story_schema(), ensure_ascii=False, indent=1))
    else:
        write_json_atomic(args.output, story_schema())
        print(f"wrote {printed_name(args.output)}", file=sys.stderr)
    return 0


def _hooks(args: argparse.Namespace, load: Load) -> int:
    from .hook_tables import tables

    story = load(args)
    if story is None:
        return 1
    _write(tables(story), None)
    return 0


MODDER_COMMANDS: dict[str, Callable[[argparse.Namespace, Load], int]] = {
    "map": _map, "test": _test, "schema": _schema, "hooks": _hooks,
}
