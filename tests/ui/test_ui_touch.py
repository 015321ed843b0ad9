"""Touch: a finger that stays put taps; a finger that drags scrolls, and lifting it over a
button does not press that button.  Driven by real SDL finger events."""

from __future__ import annotations

import pygame

import ui_driver as d
from game.ui.input import tap_slop


def test_a_drag_that_ends_on_a_button_does_not_press_it(make_app):
    app = d.at_title(make_app(size=(1024, 600), text_scale=2.0))
    quit_ = d.button(app.top, "quit").rect
    settings = d.button(app.top, "settings").rect
    d.drag(app, settings.center, quit_.center)              # from one button to another
    d.drag(app, (app.size[0] - 40, quit_.centery), quit_.center)   # from empty screen onto Quit
    assert app.running and [s.name for s in app.stack] == ["title"]
    d.drag(app, d.button(app.top, "new").rect.center, quit_.center)
    assert app.running and app.top.name == "title"


def test_a_wobbly_tap_is_still_a_tap(make_app):
    app = d.at_title(make_app())
    credits = d.button(app.top, "credits").rect
    slop = tap_slop(app.size)
    d.drag(app, credits.center, (credits.centerx + slop // 2, credits.centery + slop // 3), steps=3)
    assert app.top.name == "credits"


def test_dragging_scrolls_history_and_lifting_on_back_stays(make_app):
    app = d.at_title(make_app(size=(1024, 600), text_scale=2.0))
    d.key(app, pygame.K_RETURN)
    for _ in range(3):
        d.finish_text(app)
        if app.top.name != "play" or not app.top.passage.choices:
            break
        d.key(app, pygame.K_1)
    d.key(app, pygame.K_h)
    history = app.top
    assert history.name == "history" and history.max_scroll > 0
    d.key(app, pygame.K_HOME)
    assert history.scroll == 0
    back = d.button(history, "back").rect
    view = history.view
    d.drag(app, (view.centerx, view.bottom - 10), (view.centerx, view.top + 10))  # finger up: read on
    assert history.scroll > 0
    scrolled = history.scroll
    d.drag(app, (back.centerx, view.centery), back.center)  # lift over Back after scrolling
    assert app.top is history
    assert history.scroll < scrolled              # the finger went down: back towards the start


def test_a_drag_ending_on_a_choice_does_not_choose_it(make_app):
    app = d.at_title(make_app())
    d.tap(app, d.button(app.top, "new").rect.center)
    scene = app.top
    d.finish_text(app)
    assert scene.choices_visible
    passage = scene.passage.passage_id
    first = scene.choices.buttons[0].rect.move(0, -scene.choices.scroll)
    below = (first.centerx, min(app.size[1] - 5, scene.choices.buttons[-1].rect.bottom + 60))
    d.drag(app, below, first.center)
    assert app.top is scene and scene.passage.passage_id == passage
    d.tap(app, first.center)                               # a plain tap still chooses
    assert scene.passage.passage_id != passage
