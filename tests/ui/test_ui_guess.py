"""The guess on screen: asked after the ending's Continue and before the debrief, one key or
click each, every answer on the sheet at every size, and nothing on it that tells the score."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.engine import Session
from game.engine.guesses import GUESSES
from game.ui.routes import after_the_ending
from game.ui.scenes.guess import GuessScene

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def ended(app) -> Session:
    session = app.new_session()
    while not session.is_over:
        session.choose(1)
    return session


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", [1.0, 2.0], ids=lambda s: f"{round(s * 100)}%")
def test_every_question_and_its_answers_fit_the_sheet(make_app, size, scale):
    app = make_app(size=size, text_scale=scale)
    session = ended(app)
    scene = GuessScene(app, session)
    app.start(scene)
    for guess in GUESSES:
        app.step(0)
        assert scene.question is guess
        buttons = scene.focus.buttons
        assert [b.key for b in buttons] == [o.id for o in guess.options]
        for b in buttons:
            assert scene.sheet.contains(b.rect), (guess.id, b.key)
        assert all(scene.sheet.top <= y and y < scene.sheet.bottom for *_, y in scene.lines)
        d.key(app, pygame.K_1)
    assert app.top.name == "debrief"


def test_a_finished_game_goes_to_the_guess_and_a_guessed_one_to_the_debrief(make_app):
    app = make_app()
    session = ended(app)
    assert isinstance(after_the_ending(app, session), GuessScene)
    for guess in GUESSES:
        session.guess(guess.id, "unsure")
    assert after_the_ending(app, session).name == "debrief"


def test_each_answer_is_autosaved_as_it_is_made(make_app):
    from game.saves import AUTO

    app = make_app()
    session = ended(app)
    app.start(GuessScene(app, session))
    app.step(0)
    d.key(app, pygame.K_2)
    assert app.load(AUTO).guesses == {"counting": "no"}
