"""Every screen driven through real SDL events and commands: keyboard only, mouse only, touch."""

from __future__ import annotations

import json

import pygame
import pytest

import ui_driver as d
from game.settings import load_settings
from game.ui import input as cmd
from game.ui.scenes.title import TitleScene


def test_keyboard_only_new_game_choose_and_reach_debrief(make_app):
    app = d.at_title(make_app())
    assert app.top.name == "title"
    d.key(app, pygame.K_RETURN)                    # "New game" has focus when there is no save
    assert app.top.name == "play"
    guard = 0
    while app.top.name == "play" and guard < 60:
        d.key(app, pygame.K_SPACE)                 # complete the text / turn the page
        scene = app.top
        if scene.choices_visible:
            if len(scene.choices.buttons) > 1:
                d.key(app, pygame.K_DOWN)          # arrows + Enter
                d.key(app, pygame.K_UP)
            else:
                d.key(app, pygame.K_DOWN)
            d.key(app, pygame.K_RETURN)
        guard += 1
    assert app.top.name == "guess"                 # the guess comes before any word of the debrief
    for _ in range(3):
        d.key(app, pygame.K_DOWN)                  # arrows + Enter pick an answer
        d.key(app, pygame.K_RETURN)
    assert app.top.name == "debrief"
    assert app.top.session.guesses == {"counting": "yes", "reporters": "none", "standing": "higher"}
    pages = len(app.top.pages)
    for _ in range(pages):
        d.key(app, pygame.K_RIGHT)
    assert app.top.page == pages - 1
    d.key(app, pygame.K_ESCAPE)
    assert [s.name for s in app.stack] == ["title", "credits"]


def test_number_keys_choose(make_app):
    app = d.at_title(make_app())
    d.key(app, pygame.K_RETURN)
    d.finish_text(app)
    first = app.top.passage.passage_id
    d.key(app, pygame.K_2)
    assert app.top.passage.passage_id != first
    assert app.top.session.history[0].chosen == "Go through."


def test_mouse_only_play(make_app):
    app = d.at_title(make_app())
    d.click(app, d.button(app.top, "new").rect.center)
    assert app.top.name == "play"
    guard = 0
    while app.top.name == "play" and guard < 80:
        scene = app.top
        if scene.choices_visible:
            d.click(app, scene.choices.buttons[-1].rect.move(0, -scene.choices.scroll).center)
        else:
            d.click(app, scene.content.center)     # click anywhere completes or turns the page
        guard += 1
    while app.top.name == "guess" and guard < 90:
        d.click(app, app.top.focus.buttons[-1].rect.center)   # "I'm not sure", by the mouse
        guard += 1
    assert app.top.name == "debrief"
    assert set(app.top.session.guesses.values()) == {"unsure"}
    d.click(app, d.button(app.top, "next").rect.center)
    assert app.top.page == 1
    d.wheel(app, 1)
    assert app.top.page == 0


def test_touch_only_play(make_app):
    app = d.at_title(make_app(size=(1024, 600), text_scale=2.0))
    d.tap(app, d.button(app.top, "new").rect.center)
    assert app.top.name == "play"
    for _ in range(3):
        scene = app.top
        while not scene.choices_visible:
            d.tap(app, scene.content.center)
        b = scene.choices.buttons[0]
        assert b.rect.height >= 44
        d.tap(app, b.rect.move(0, -scene.choices.scroll).center)
    assert sum(1 for h in app.top.session.history if h.chosen) == 3


def test_buttons_are_touch_sized_at_1080p(make_app):
    app = d.at_title(make_app(size=(1920, 1080)))
    assert all(b.rect.height >= 48 for b in app.top.focus.buttons)
    d.key(app, pygame.K_RETURN)
    d.finish_text(app)
    assert all(b.rect.height >= 48 for b in app.top.choices.buttons)
    assert all(b.rect.height >= 48 for b in app.top.bar.buttons)


def test_text_reveals_over_time_and_completes_at_once(make_app):
    app = d.at_title(make_app(text_speed=20))
    d.key(app, pygame.K_RETURN)
    scene = app.top
    app.step(0.1)
    assert 0 < scene.reading.revealed < scene.reading.page_chars()
    assert app.step(1 / 60) is True                # animating: the loop runs at 60 fps
    d.key(app, pygame.K_SPACE)
    assert scene.text_complete and not scene.choices_visible or scene.choices_visible
    assert app.step(1 / 60) is False               # nothing moves: the loop idles


def test_idle_frames_are_not_redrawn(make_app):
    app = d.at_title(make_app())
    drawn = app.frames_drawn
    for _ in range(30):
        app.step(1 / 30)
    assert app.frames_drawn == drawn


def test_menu_history_settings_credits_and_back(make_app):
    app = d.at_title(make_app())
    d.key(app, pygame.K_RETURN)
    d.finish_text(app)
    d.key(app, pygame.K_1)
    d.key(app, pygame.K_h)
    assert app.top.name == "history"
    assert f"» {app.top.session.history[0].chosen}" in [row.text for row in app.top.rows]
    d.key(app, pygame.K_HOME)
    assert app.top.scroll == 0
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "play"
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    assert [s.name for s in app.visible_scenes()] == ["play", "menu"]
    d.click(app, d.button(app.top, "settings").rect.center)
    assert app.top.name == "settings"
    d.key(app, pygame.K_ESCAPE)
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "play"
    d.click(app, d.button(app.top, "history", app.top.bar).rect.center)
    assert app.top.name == "history"
    d.click(app, d.button(app.top, "back").rect.center)
    d.key(app, pygame.K_ESCAPE)
    d.click(app, d.button(app.top, "title").rect.center)
    assert [s.name for s in app.stack] == ["title"]
    d.click(app, d.button(app.top, "credits").rect.center)
    assert app.top.name == "credits"
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "title"


def test_save_and_load_round_trip_through_the_ui(make_app, private_home):
    app = d.at_title(make_app())
    d.key(app, pygame.K_RETURN)
    for n in (2, 1):
        d.finish_text(app)
        d.key(app, getattr(pygame, f"K_{n}"))
    where = app.top.passage.passage_id
    history = [h.passage_id for h in app.top.session.history]
    d.click(app, d.button(app.top, "save", app.top.bar).rect.center)
    assert app.top.name == "slots" and app.top.mode == "save"
    d.click(app, d.button(app.top, "3").rect.center)
    saved = json.loads((private_home / "saves" / "slot-03.json").read_text())
    assert saved["place"].startswith("Day ") and saved["summary"]
    # Play on, then load slot 3 from the title screen.
    d.key(app, pygame.K_ESCAPE)
    d.finish_text(app)
    d.key(app, pygame.K_1)
    assert app.top.passage.passage_id != where
    d.key(app, pygame.K_ESCAPE)
    d.click(app, d.button(app.top, "title").rect.center)
    d.click(app, d.button(app.top, "load").rect.center)
    assert app.top.name == "slots" and app.top.mode == "load"
    d.click(app, d.button(app.top, "3").rect.center)
    assert app.top.name == "play"
    assert app.top.passage.passage_id == where
    assert [h.passage_id for h in app.top.session.history] == history
    # Saving over a slot asks first.
    d.key(app, pygame.K_ESCAPE)
    d.click(app, d.button(app.top, "save").rect.center)
    d.click(app, d.button(app.top, "3").rect.center)
    assert app.top.name == "confirm"
    d.click(app, d.button(app.top, "yes").rect.center)
    assert app.top.name == "slots"


def test_quit_and_continue_where_you_were(make_app, fixture_story):
    app = d.at_title(make_app())
    d.key(app, pygame.K_RETURN)
    d.finish_text(app)
    d.key(app, pygame.K_2)
    where = app.top.passage.passage_id
    d.command(app, cmd.QUIT)
    assert app.running is False
    again = d.at_title(make_app())
    assert d.button(again.top, "continue").enabled
    assert again.top.focus.focused_key() == "continue"
    d.key(again, pygame.K_RETURN)
    assert again.top.name == "play" and again.top.passage.passage_id == where


def test_damaged_save_is_reported_and_the_game_goes_on(make_app, private_home):
    (private_home / "saves").mkdir(parents=True)
    (private_home / "saves" / "slot-01.json").write_text("{ not json")
    app = d.at_title(make_app())
    assert not d.button(app.top, "continue").enabled
    d.click(app, d.button(app.top, "load").rect.center)
    b = d.button(app.top, "1")
    assert not b.enabled and "damaged" in " ".join(b.subtitle)
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "title"


def test_settings_change_and_persist(make_app, private_home):
    app = d.at_title(make_app())
    d.click(app, d.button(app.top, "settings").rect.center)
    scene = app.top
    assert scene.name == "settings"
    d.key(app, pygame.K_RIGHT)                      # text size 100% -> 125%
    while scene.rows[scene.row][0] != "text_speed":
        d.key(app, pygame.K_DOWN)
    d.key(app, pygame.K_LEFT)                       # text speed one slower
    key, rect, minus, plus = next(r for r in scene.rows if r[0] == "high_contrast")
    d.click(app, rect.center)                       # high contrast on
    key, rect, minus, plus = next(r for r in scene.rows if r[0] == "master_volume")
    d.click(app, minus.center)                      # master volume down
    saved = load_settings()
    assert saved.text_scale == 1.25 and saved.high_contrast and saved.text_speed == 120
    assert saved.master_volume == pytest.approx(0.7)
    assert app.metrics.text_scale == 1.25 and app.palette.high_contrast
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "title"


def test_fullscreen_toggle_and_resize_relayout(make_app):
    app = d.at_title(make_app())
    d.key(app, pygame.K_F11)
    assert app.settings.fullscreen
    d.key(app, pygame.K_F11)
    assert not app.settings.fullscreen
    pygame.display.set_mode((1600, 900), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    d.pump(app)
    assert app.size == (1600, 900) and app.top._laid_out_for[0] == (1600, 900)


def test_quicksave_and_quickload(make_app):
    app = d.at_title(make_app())
    d.key(app, pygame.K_RETURN)
    d.finish_text(app)
    d.key(app, pygame.K_F5)
    where = app.top.passage.passage_id
    d.key(app, pygame.K_1)
    d.key(app, pygame.K_F9)
    assert app.top.passage.passage_id == where


def test_every_screen_draws_at_the_extremes(make_app, fixture_story):
    """Each screen at 1024×600 / 200% and at 4K, high contrast too, without error or overflow."""
    from game.ui.scenes.credits import CreditsScene
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.history import HistoryScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.slots import SlotsScene

    for size, scale, contrast in (((1024, 600), 2.0, True), ((3840, 2160), 1.0, False)):
        app = make_app(size=size, text_scale=scale, high_contrast=contrast)
        session = app.new_session()
        while not session.is_over:
            session.choose(1)
        for scene in (TitleScene(app), SettingsScene(app), SlotsScene(app, "load"), SlotsScene(app, "save", session),
                      CreditsScene(app), HistoryScene(app, session), MenuScene(app, session),
                      DebriefScene(app, session)):
            app.start(scene)
            app.step(0)
            rects = [b.rect for b in scene.focus.buttons] if hasattr(scene, "focus") else \
                [r for row in scene.rows for r in row[1:]] + [b.rect for b in scene.bottom.buttons]
            assert rects, scene.name
            for r in rects:
                assert app.surface.get_rect().contains(r), (scene.name, r, size)
            if scene.name == "debrief":
                for _ in scene.pages:
                    d.key(app, pygame.K_RIGHT)


def test_title_offers_the_short_route_by_mouse_touch_and_keys(make_app, fixture_story):
    assert fixture_story.has_short_route
    app = d.at_title(make_app())
    keys = [b.key for b in app.top.focus.buttons]
    assert keys.index("short") == keys.index("new") + 1      # right under New game
    assert "10 minutes" in " ".join(d.button(app.top, "short").lines)
    assert app.top.focus.focused_key() == "new"               # Enter still starts the full season
    d.click(app, d.button(app.top, "short").rect.center)
    assert app.top.name == "play"
    assert app.top.session.route == "short"
    assert app.top.passage.passage_id == fixture_story.short_start
    # Continue resumes the short route it was saved on.
    d.key(app, pygame.K_ESCAPE)
    d.click(app, d.button(app.top, "title").rect.center)
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "play" and app.top.session.route == "short"
    # Keyboard: down from New game, Enter.
    again = d.at_title(make_app())
    again.top.focus.focus_key("new")
    d.key(again, pygame.K_DOWN)
    assert again.top.focus.focused_key() == "short"
    d.key(again, pygame.K_RETURN)
    d.click(again, d.button(again.top, "yes").rect.center)     # the game in progress is set aside
    assert again.top.session.route == "short"
    # Touch: New game is the full season.
    third = d.at_title(make_app(size=(1024, 600), text_scale=2.0))
    d.tap(third, d.button(third.top, "new").rect.center)
    d.tap(third, d.button(third.top, "yes").rect.center)
    assert third.top.session.route == "full"


def test_short_flag_makes_the_short_route_the_default(make_app):
    app = make_app()
    app.route = "short"                       # what `python main.py --short` passes
    app.start(TitleScene(app))
    app.step(0)
    keys = [b.key for b in app.top.focus.buttons]
    assert keys[1:3] == ["short", "new"]
    assert "full season" in " ".join(d.button(app.top, "new").lines)
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "play" and app.top.session.route == "short"


def test_a_story_without_a_short_route_offers_only_new_game(make_app, fixture_story):
    import dataclasses

    story = dataclasses.replace(fixture_story, short_start=None)
    app = make_app(story=story)
    app.route = "short"                       # --short on a story that has none: the full season
    app.start(TitleScene(app))
    app.step(0)
    keys = [b.key for b in app.top.focus.buttons]
    assert "short" not in keys and "new" in keys
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "play" and app.top.session.route == "full"
