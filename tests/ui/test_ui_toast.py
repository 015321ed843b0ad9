"""Toasts ("Saved in slot 3.", "Quick saved.") never cover anything the player can press:
the choices, the Next button, the top bar, the settings' + and −."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.ui.scenes.title import TitleScene
from game.ui.toast import Toast, free_spot


def pressable(scene) -> list[pygame.Rect]:
    """Every button on ``scene`` as drawn, gathered here independently of the toast's own
    idea of it."""
    rects = []
    for name in ("focus", "bar", "bottom", "nav"):
        ring = getattr(scene, name, None)
        if ring is not None and hasattr(ring, "buttons"):
            rects += [b.rect.move(0, -ring.scroll) for b in ring.buttons]
    for row in getattr(scene, "rows", []):
        if isinstance(row, tuple):
            rects += [r for r in row if isinstance(r, pygame.Rect)]
    return rects


def screens(app):
    """Each screen that can show a toast, opened in turn on ``app``: (name, scene)."""
    from game.ui.scenes.confirm import ConfirmScene
    from game.ui.scenes.credits import CreditsScene
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.history import HistoryScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.slots import SlotsScene

    session = app.new_session()
    play = PlayScene(app, session)
    yield "play, reading", play
    app.start(play)
    d.finish_text(app)
    yield "play, choosing", play
    yield "title", TitleScene(app)
    yield "save", SlotsScene(app, "save", session)
    yield "load", SlotsScene(app, "load")
    yield "settings", SettingsScene(app)
    yield "history", HistoryScene(app, session)
    yield "credits", CreditsScene(app)
    yield "menu", MenuScene(app, session)
    yield "confirm", ConfirmScene(app, "Save over slot 3?", lambda: None, "Save over it", "Keep it")
    ended = app.new_session()
    while not ended.is_over:
        ended.choose(1)
    yield "debrief", DebriefScene(app, ended)


@pytest.mark.parametrize("size, scale", [((1280, 720), 1.0), ((1024, 600), 2.0), ((1920, 1080), 1.5)])
def test_a_toast_covers_no_button_on_any_screen(make_app, size, scale):
    app = make_app(size=size, text_scale=scale)
    for name, scene in screens(app):
        if app.stack and app.top is scene:
            pass                                    # already showing (the play screen, read on)
        else:
            app.start(scene)
        app.step(0)
        app.toast("Saved in slot 3.")
        app.step(1 / 60)
        toast = app.toast_rect()
        assert toast is not None and app.surface.get_rect().contains(toast), name
        buttons = pressable(app.top)
        assert buttons, name
        for rect in buttons:
            assert not toast.colliderect(rect), (name, size, scale, toast, rect)


def test_a_long_toast_is_cut_to_the_window_and_still_clear(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    app.start(TitleScene(app))
    app.step(0)
    app.toast("This save cannot be resumed: " + "the file was written by a much later game " * 4)
    app.step(1 / 60)
    toast = app.toast_rect()
    assert app.surface.get_rect().contains(toast)
    assert not any(toast.colliderect(r) for r in pressable(app.top))


def test_the_highest_free_strip_is_taken():
    avoid = [pygame.Rect(0, 0, 1000, 100), pygame.Rect(0, 500, 1000, 100)]
    spot = free_spot((1000, 600), (200, 40), avoid, 10, 5)
    assert spot.centerx == 500 and not any(spot.inflate(10, 10).colliderect(r) for r in avoid)
    assert 100 <= spot.top <= 120


def test_an_edge_is_tried_when_the_middle_is_full():
    avoid = [pygame.Rect(300, 0, 400, 600)]            # a column of buttons down the middle
    spot = free_spot((1000, 600), (200, 40), avoid, 10, 5)
    assert not spot.colliderect(avoid[0]) and spot.top == 10


def test_a_screen_full_of_buttons_gets_the_place_that_hides_least():
    avoid = [pygame.Rect(0, y, 1000, 50) for y in range(0, 600, 60)]
    spot = free_spot((1000, 600), (200, 40), avoid, 10, 5)
    hidden = sum(spot.clip(r).width * spot.clip(r).height for r in avoid)
    assert hidden < 200 * 40


def test_a_toast_goes_when_its_time_is_up():
    toast = Toast()
    toast.show("Quick saved.", 1.0)
    assert toast.tick(0.5) is False and toast.showing
    assert toast.tick(0.6) is True and not toast.showing
    assert toast.tick(1.0) is False
