"""Kiosk mode in the window, driven by SDL events and a fake clock (``dt`` passed to each
frame): nothing a visitor presses leaves the game, an abandoned visit is warned and then
ended, the staff leave with the PIN, and nothing of one visitor reaches the next."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.kiosk_rules import KioskConfig
from game.saves import AUTO, QUICK
from game.ui.app import App
from game.ui.kiosk_mode import KioskMode
from game.visitor_book import VisitorBook

PIN = "2468"


@pytest.fixture
def kiosk_app(fixture_story):
    """Build a kiosk App on the fixture story, showing its attract screen."""
    built = []

    def build(book=None, **config):
        settings = {"staff_pin": PIN, "idle_seconds": 30.0, "warning_seconds": 10.0, **config}
        kiosk = KioskMode(KioskConfig(**settings), fixture_story, book)
        app = App(fixture_story, kiosk=kiosk, size=(1280, 720), seed=1, sound=False)
        kiosk.back_to_attract(app)
        app.step(0)
        built.append(app)
        return app

    yield build
    pygame.quit()


def begin(app) -> None:
    d.tap(app, (640, 360))
    assert app.top.name == "play"


def wait(app, seconds: float, step: float = 0.5) -> None:
    """Let ``seconds`` pass with nobody at the screen."""
    for _ in range(round(seconds / step)):
        app.step(step)


def play_to_the_debrief(app, guesses: str = "1") -> None:
    """Play on with Space and Enter, then at the guess press ``guesses`` (one key each)."""
    for _ in range(200):
        if app.top.name != "play":
            break
        d.key(app, pygame.K_SPACE)                 # complete the text / turn the page
        if app.top.name == "play" and app.top.choices_visible:
            d.key(app, pygame.K_RETURN)
    for key in guesses * 3:
        if app.top.name == "guess":
            d.key(app, getattr(pygame, f"K_{key}"))
    assert app.top.name == "debrief"


def press(app, key: int, mod: int = 0) -> None:
    d.key(app, key, mod)


def test_a_kiosk_opens_full_screen_on_the_attract_screen_with_the_short_route(kiosk_app):
    app = kiosk_app()
    assert d.names(app) == ["attract"]
    assert app.window.fullscreen
    begin(app)
    assert app.top.session.route == "short"


@pytest.mark.parametrize("key,mod", [(pygame.K_F4, pygame.KMOD_ALT), (pygame.K_q, pygame.KMOD_CTRL),
                                     (pygame.K_w, pygame.KMOD_CTRL), (pygame.K_ESCAPE, 0),
                                     (pygame.K_F11, 0), (pygame.K_RETURN, pygame.KMOD_ALT)])
def test_no_key_that_leaves_a_desktop_game_leaves_the_kiosk(kiosk_app, key, mod):
    app = kiosk_app()
    for start in (False, True):
        if start:
            begin(app)
        press(app, key, mod)
        assert app.running and app.window.fullscreen
        assert app.stack[0].name == ("play" if start else "attract")


def test_closing_the_window_is_ignored(kiosk_app):
    app = kiosk_app()
    begin(app)
    pygame.event.post(pygame.event.Event(pygame.WINDOWCLOSE, window=None))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.pump(app)
    assert app.running and app.top.name == "play"


def test_quit_in_the_menu_ends_the_visit_not_the_game(kiosk_app):
    app = kiosk_app()
    begin(app)
    d.command(app, "back")
    assert app.top.name == "menu"
    quit_button = next(b for b in app.top.focus.buttons if b.key == "quit")
    d.click(app, quit_button.rect.center)
    assert app.running and d.names(app) == ["attract"]


def test_an_abandoned_visit_is_warned_then_ended(kiosk_app):
    app = kiosk_app(idle_seconds=30.0, warning_seconds=10.0)
    begin(app)
    first = app.top.session
    wait(app, 29.5)
    assert app.top.name == "play"
    wait(app, 1)
    assert d.names(app) == ["play", "still_there"]
    wait(app, 10)
    assert d.names(app) == ["attract"]
    begin(app)
    assert app.top.session is not first


def test_a_touch_answers_the_warning_and_the_story_stays_where_it_was(kiosk_app):
    app = kiosk_app(idle_seconds=30.0, warning_seconds=10.0)
    begin(app)
    passage = app.top.session.passage.id
    wait(app, 35)
    assert app.top.name == "still_there"
    d.tap(app, (640, 100))
    assert d.names(app) == ["play"] and app.top.session.passage.id == passage
    wait(app, 29)
    assert d.names(app) == ["play"]


def test_nobody_waiting_at_the_attract_screen_is_never_warned(kiosk_app):
    app = kiosk_app(idle_seconds=30.0)
    wait(app, 600, step=5)
    assert d.names(app) == ["attract"]


def test_the_pointer_drifting_does_not_keep_an_abandoned_visit_alive(kiosk_app):
    app = kiosk_app(idle_seconds=30.0, warning_seconds=10.0)
    begin(app)
    for i in range(50):
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(600 + i % 3, 300), rel=(1, 0),
                                             buttons=(0, 0, 0), touch=False))
        d.pump(app, dt=1.0)
    assert d.names(app) == ["attract"]


def test_the_staff_chord_and_the_pin_close_the_game(kiosk_app):
    app = kiosk_app()
    press(app, pygame.K_F12, pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
    assert app.top.name == "staff"
    for key in (pygame.K_1, pygame.K_3, pygame.K_5, pygame.K_7, pygame.K_RETURN):
        press(app, key)
    assert app.running and app.top.name == "staff" and "not the PIN" in app.top.note
    for key in (pygame.K_2, pygame.K_4, pygame.K_6, pygame.K_8, pygame.K_RETURN):
        press(app, key)
    assert not app.running


def test_a_long_press_in_the_top_left_corner_opens_the_pin_pad_which_cancel_closes(kiosk_app):
    app = kiosk_app(long_press_seconds=5.0)
    begin(app)
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=0.01, y=0.01, dx=0.0, dy=0.0, touch_id=1,
                                         finger_id=7, pressure=1.0))
    d.pump(app, frames=8, dt=0.5)
    assert app.top.name == "play"
    d.pump(app, frames=4, dt=0.5)
    assert app.top.name == "staff"
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, x=0.01, y=0.01, dx=0.0, dy=0.0, touch_id=1,
                                         finger_id=7, pressure=1.0))
    d.pump(app)
    cancel = next(b for b in app.top.focus.buttons if b.key == "cancel")
    d.tap(app, cancel.rect.center)
    assert d.names(app) == ["play"] and app.running


def test_the_pin_pad_taken_by_touch_closes_the_game(kiosk_app):
    app = kiosk_app()
    app.kiosk.ask_for_pin(app)
    for key in (*PIN, "enter"):
        button = next(b for b in app.top.focus.buttons if b.key == key)
        d.tap(app, button.rect.center)
    assert not app.running


def test_without_a_pin_in_the_config_there_is_no_staff_exit(kiosk_app):
    app = kiosk_app(staff_pin="")
    press(app, pygame.K_F12, pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
    assert d.names(app) == ["attract"] and app.running


def test_a_second_finger_on_the_screen_neither_taps_nor_scrolls(kiosk_app):
    app = kiosk_app()
    begin(app)
    passage = app.top.session.passage.id
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=0.9, y=0.9, dx=0.0, dy=0.0, touch_id=1,
                                         finger_id=1, pressure=1.0))
    d.pump(app)
    # A palm elsewhere taps again and again while the first finger rests.
    for _ in range(20):
        for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
            pygame.event.post(pygame.event.Event(kind, x=0.5, y=0.5, dx=0.0, dy=0.0, touch_id=1, finger_id=2,
                                                 pressure=1.0))
        d.pump(app)
    assert app.top.session.passage.id == passage and app.top.session.path == []


def test_a_visit_writes_no_save_and_no_settings_and_the_next_visitor_finds_none(kiosk_app, private_home):
    app = kiosk_app()
    begin(app)
    d.finish_text(app)
    d.command(app, "choose", digit=1)
    press(app, pygame.K_F5)                               # quick save, inside the visit
    assert app.store.info(QUICK).usable and app.store.info(AUTO).usable
    app.settings.text_scale = 1.5
    app.apply_settings()
    app.kiosk.back_to_attract(app)
    assert not app.store.info(QUICK).exists and not app.store.info(AUTO).exists
    assert app.settings.text_scale == 1.0
    written = [p for p in private_home.rglob("*") if p.is_file()] if private_home.exists() else []
    assert written == []


def test_after_the_debrief_the_kiosk_goes_back_to_the_attract_screen(kiosk_app):
    app = kiosk_app()
    begin(app)
    play_to_the_debrief(app)
    for _ in app.top.pages:
        press(app, pygame.K_RIGHT)
    finish = next(b for b in app.top.focus.buttons if b.key == "finish")
    d.click(app, finish.rect.center)
    assert d.names(app) == ["attract"]
    assert not app.store.info("ending").exists


def test_with_statistics_on_the_debrief_compares_each_visitor_with_the_ones_before(kiosk_app, tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    app = kiosk_app(book=book, statistics=True)
    for visitor in range(2):
        begin(app)
        play_to_the_debrief(app, guesses="1" if visitor == 0 else "2")
        section = app.top.document.sections[-1]
        assert section.kicker == "The system compares you too"
        text = " ".join(getattr(b, "text", "") for b in section.blocks)
        if visitor == 0:
            assert "first visitor" in text
        else:
            assert "Of the 1 visitor before you" in text
        app.kiosk.back_to_attract(app)
    visits = book.visits()
    assert len(visits) == 2 and {v.route for v in visits} == {"short"}
    # Each visitor's guesses are counted: something was keeping count, whatever the life.
    assert [(v.guess_counting, v.right_counting) for v in visits] == [("yes", 1), ("no", 0)]


def test_with_statistics_off_the_debrief_is_the_usual_one(kiosk_app):
    app = kiosk_app()
    begin(app)
    play_to_the_debrief(app)
    assert all(s.kicker != "The system compares you too" for s in app.top.document.sections)


def test_an_hour_of_random_visitors_neither_stops_the_kiosk_nor_grows_what_it_keeps(kiosk_app):
    import kiosk_day

    from game.ui.backdrops import KEPT

    app = kiosk_app(idle_seconds=60.0, warning_seconds=10.0)
    report = kiosk_day.random_day(app, seconds=3600, seed=7)
    assert app.running and app.window.fullscreen
    assert report.visits_begun >= 3 and report.screens.get("attract", 0) > 0
    assert report.deepest_stack <= 4
    text = app.text
    assert len(text._surfaces) <= text.max_surfaces and len(text._layouts) <= text.max_layouts
    assert all(len(widths) <= 20000 for widths in text._widths.values())
    assert len(text._fonts) < 40 and len(app.backdrops) <= KEPT
    assert app.kiosk._finger is None or app.kiosk._finger_held <= 30 + 5
