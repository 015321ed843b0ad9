"""The code stays in pieces a newcomer can read: no class in the game runs past a few
screens. A class that grows past the limit is doing more than one job; split it by phase or
by what it holds, as the story compiler is split in game/engine/loading/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT, source_tree

#: The longest a class may be, in lines, from its 'class' line (or first decorator) to its last.
MAX_CLASS_LINES = 300
#: The window's screens still over the limit while they are split up; an entry leaves this
#: list as its class comes under the limit (a test below says when), and none may join it.
STILL_TOO_LONG: set[str] = set()


def class_lengths(folder: Path, root: Path = ROOT) -> dict[str, int]:
    """Every class under ``folder``, by 'path Name' (the path from ``root``), with its length
    in lines."""
    lengths: dict[str, int] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = source_tree(path)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                name = f"{path.relative_to(root).as_posix()} {node.name}"
                lengths[name] = max(lengths.get(name, 0), node.end_lineno - first + 1)  # type: ignore[operator]
    return lengths


@pytest.fixture(scope="module")
def too_long() -> dict[str, int]:
    """The game's classes over the limit, measured once for the module's tests."""
    return {name: lines for name, lines in class_lengths(ROOT / "game").items() if lines > MAX_CLASS_LINES}


def test_no_class_in_the_game_is_longer_than_the_limit(too_long):
    long = {name: lines for name, lines in too_long.items() if name not in STILL_TOO_LONG}
    assert not long, f"classes over {MAX_CLASS_LINES} lines (split each by what it does): {long}"


def test_a_class_split_below_the_limit_leaves_the_list_of_those_still_too_long(too_long):
    assert not STILL_TOO_LONG - set(too_long), "remove these from STILL_TOO_LONG: they are short enough now"


def test_the_engine_and_the_tools_have_no_class_over_the_limit_at_all(too_long):
    long = {name for name in too_long if not name.startswith("game/ui/")}
    assert not long


def test_the_measure_counts_a_class_from_its_decorators_to_its_last_line(tmp_path):
    (tmp_path / "shape.py").write_text("import dataclasses\n\n@dataclasses.dataclass\nclass A:\n"
                                       "    x: int = 1\n\n    def f(self):\n        return 2\n", encoding="utf-8")
    assert class_lengths(tmp_path, tmp_path) == {"shape.py A": 6}
