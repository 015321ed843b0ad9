"""The title screen loses nothing: a new game asks before pushing a game in progress aside,
the game before stays loadable, and a finished game's debrief can be read again."""

from __future__ import annotations

from types import SimpleNamespace

import pygame
import pytest

import ui_driver as d
from game.saves import AUTO, ENDING
from game.ui.scenes.slots import SlotsScene
from game.ui.scenes.title import SUBTITLE, TitleScene


def play_a_choice(app) -> None:
    d.finish_text(app)
    d.key(app, pygame.K_1)


def test_a_new_game_asks_before_pushing_a_game_in_progress_aside(make_app):
    app = d.at_title(make_app())
    d.click(app, d.button(app.top, "new").rect.center)
    play_a_choice(app)
    in_progress = app.store.read(AUTO)
    app.start(TitleScene(app))
    app.step(0)
    d.click(app, d.button(app.top, "new").rect.center)
    assert [s.name for s in app.stack] == ["title", "confirm"]
    d.click(app, d.button(app.top, "no").rect.center)
    assert app.top.name == "title" and app.store.read(AUTO) == in_progress
    d.click(app, d.button(app.top, "new").rect.center)
    d.click(app, d.button(app.top, "yes").rect.center)
    assert [s.name for s in app.stack] == ["play"]
    assert app.store.read("auto-2") == in_progress


def test_a_first_game_starts_without_a_question(make_app):
    app = d.at_title(make_app())
    d.key(app, pygame.K_RETURN)
    assert [s.name for s in app.stack] == ["play"]


def test_the_load_screen_lists_the_earlier_games_autosave_with_its_place(make_app):
    app = d.at_title(make_app())
    first = app.new_session()
    first.choose(1)
    app.autosave(first)
    app.autosave(app.new_session())
    app.start(SlotsScene(app, "load"))
    app.step(0)
    earlier = d.button(app.top, "auto-2")
    assert earlier.enabled
    assert " ".join(earlier.subtitle).startswith(app.place_of(first))
    assert "earlier game" in " ".join(earlier.lines)


def test_a_finished_games_debrief_can_be_read_again_from_the_title(make_app):
    app = d.at_title(make_app())
    assert "again" not in d.keys(app)
    session = app.new_session()
    while not session.is_over:
        session.choose(1)
    for question in ("counting", "reporters", "standing"):
        session.guess(question, "unsure")
    from game.ui.scenes.debrief import DebriefScene

    app.start(DebriefScene(app, session))
    app.step(0)
    first = app.top.document
    for _ in app.top.pages:
        d.key(app, pygame.K_RIGHT)
    d.key(app, pygame.K_ESCAPE)                     # read through: on to the credits
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "title"
    d.click(app, d.button(app.top, "new").rect.center)    # a new game begins; the ending is kept
    play_a_choice(app)
    d.at_title(app)
    d.click(app, d.button(app.top, "again").rect.center)
    assert app.top.name == "debrief" and app.top.document == first
    d.key(app, pygame.K_ESCAPE)
    d.click(app, d.button(app.top, "yes").rect.center)
    assert [s.name for s in app.stack] == ["title"]


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_title_button_is_on_screen_apart_and_clear_of_the_subtitle(make_app, size, scale):
    app = make_app(size=size, text_scale=scale)
    finished = app.new_session()
    while not finished.is_over:
        finished.choose(1)
    app.store.write(ENDING, finished.to_json(), summary="", place=app.place_of(finished))
    app.autosave(app.new_session())
    app.class_mode = True                               # the seed button too
    app.loadout = SimpleNamespace(installed=[object()], shown=lambda: [object()])  # and Mods
    d.at_title(app)
    buttons = app.top.focus.buttons
    assert {"continue", "again", "seed", "mods", "quit"} <= set(d.keys(app))
    screen = pygame.Rect((0, 0), app.size)
    subtitle = pygame.Rect(app.metrics.margin * 2, app.top.sub_y,
                           app.text.width(SUBTITLE, "sans", app.metrics.ui), app.text.height("sans", app.metrics.ui))
    for i, b in enumerate(buttons):
        assert screen.contains(b.rect), b.key
        assert not b.rect.colliderect(subtitle), b.key
        assert not any(b.rect.colliderect(other.rect) for other in buttons[i + 1:]), b.key
    assert app.top.panel.contains(subtitle)
