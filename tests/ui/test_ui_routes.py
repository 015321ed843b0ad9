"""The routes between screens: every screen a transition names has one, and a named screen
is built only when its transition is applied, in the order the follow-ups give."""

from __future__ import annotations

import ast
from types import SimpleNamespace

from helpers import ROOT

from game.ui.routes import AFTER_THE_ENDING, SCREENS
from game.ui.scene import Push, Reset, Scene, To
from game.ui.stack import SceneStack


def screens_named_in_the_game():
    for path in (ROOT / "game").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "To":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant), f"{path}: a screen is named by a plain string"
                yield path.relative_to(ROOT).as_posix(), first.value


def test_every_screen_a_transition_names_has_a_route():
    named = list(screens_named_in_the_game())
    assert len({name for _, name in named}) >= 12
    assert {(path, name) for path, name in named if name not in SCREENS and name != AFTER_THE_ENDING} == set()


def test_each_route_leads_to_the_screen_of_its_name():
    assert {name: screen().name for name, screen in SCREENS.items()} == {name: name for name in SCREENS}


def test_a_named_screen_is_built_as_its_transition_is_applied():
    app = SimpleNamespace(layout_key=("any",))
    built: list[str] = []

    class Room(Scene):
        def __init__(self, name: str, **given) -> None:
            super().__init__(app)
            self.name, self.given = name, given
            built.append(name)

    stack = SceneStack(lambda to: Room(to.screen, **to.given))
    stack.start(To("title"))
    transition = Reset(To("title"), then=Push(To("credits", page=2)))
    assert built == ["title"]          # naming a screen builds nothing
    stack.apply(transition)
    assert built == ["title", "title", "credits"]
    assert [s.name for s in stack.scenes] == ["title", "credits"] and stack.top.given == {"page": 2}
    assert To("slots", mode="load") == To("slots", mode="load") != To("slots", mode="save")
