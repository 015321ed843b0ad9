"""The engine's shape: its modules import one another without a cycle, and nothing in it
reaches a front end or pygame (a module's function-local imports count)."""

from __future__ import annotations

from helpers import ROOT
from import_graph import cycles, imports


def test_the_engine_has_no_import_cycle():
    graph = {name: {t for t in targets if t.startswith("game.engine")}
             for name, targets in imports(ROOT).items() if name.startswith("game.engine")}
    assert cycles(graph) == []


def test_the_engine_imports_no_front_end():
    graph = imports(ROOT)
    front_ends = ("game.ui", "game.terminal", "game.transcript", "game.speech", "game.kiosk", "game.cli")
    reached = {(name, target) for name, targets in graph.items() if name.startswith("game.engine")
               for target in targets if target.startswith(front_ends)}
    assert reached == set()


def test_the_cycle_finder_finds_a_cycle_however_it_is_entered():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"d": {"c"}, "c": {"b"}, "b": {"c"}}) == [["b", "c"]]


def test_no_module_outside_the_window_imports_another_that_imports_it_back():
    # The window's screens are the one cycle left (a navigation module is to replace it);
    # everything else, the transcript's renderers included, imports one way.
    graph = imports(ROOT)
    outside = {name: {t for t in targets if not t.startswith("game.ui")}
               for name, targets in graph.items() if not name.startswith("game.ui")}
    assert cycles(outside) == []

