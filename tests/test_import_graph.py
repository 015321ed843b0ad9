"""The game's shape: its modules import one another without a cycle, the engine reaches no
front end or pygame, and no screen of the window imports another (a module's function-local
imports count)."""

from __future__ import annotations

import pytest

from helpers import ROOT
from import_graph import cycles, imports


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    """The game's import graph, read once for the module's tests."""
    return imports(ROOT)


def test_the_engine_has_no_import_cycle(graph):
    engine = {name: {t for t in targets if t.startswith("game.engine")}
              for name, targets in graph.items() if name.startswith("game.engine")}
    assert cycles(engine) == []


def test_the_engine_imports_no_front_end(graph):
    front_ends = ("game.ui", "game.terminal", "game.transcript", "game.speech", "game.kiosk_rules", "game.cli")
    reached = {(name, target) for name, targets in graph.items() if name.startswith("game.engine")
               for target in targets if target.startswith(front_ends)}
    assert reached == set()


def test_the_cycle_finder_finds_a_cycle_however_it_is_entered():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"d": {"c"}, "c": {"b"}, "b": {"c"}}) == [["b", "c"]]


def test_no_module_of_the_game_imports_another_that_imports_it_back(graph):
    # The window's screens included: they reach one another through the routes between
    # screens, never by importing one another.
    assert cycles(graph) == []


def test_no_screen_imports_another_screen(graph):
    # A screen names where it leads (``To("slots")``); only game.ui.routes builds screens.
    screens = "game.ui.scenes."
    shared = "game.ui.scenes.common"
    reached = {(name, target) for name, targets in graph.items()
               if name.startswith(screens) for target in targets
               if target.startswith(screens) and target != shared}
    assert reached == set()



def test_the_entry_point_imports_what_a_command_needs_only_when_it_runs():
    # A player waits for every module imported before the window opens: the entry point
    # alone brings in no story reader, no terminal and no writers' tool.
    import subprocess
    import sys

    script = ("import sys, game.cli; print(' '.join(sorted(m for m in sys.modules "
              "if m.split('.')[0] in ('game', 'yaml', 'pygame'))))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["game", "game.cli"]
