"""Every visit at a kiosk leaves its line in the log and, with statistics on, its row in the
visitor book: finished (with its whole length once the visitor leaves the debrief), abandoned,
or left from the menu; and every wrong staff PIN and lock-out is in the log."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.kiosk_rules import KioskConfig
from game.ui.app import App
from game.ui.kiosk_mode import KioskMode
from game.visitor_book import ABANDONED, FINISHED, LEFT, VisitorBook


@pytest.fixture
def kiosk(fixture_story, tmp_path, caplog):
    caplog.set_level("INFO", logger="keeping_trust.kiosk")
    book = VisitorBook(tmp_path / "visitors.sqlite")
    config = KioskConfig(staff_pin="58301", idle_seconds=30.0, warning_seconds=10.0, statistics=True,
                         kiosk_name="foyer")
    app = App(fixture_story, kiosk=KioskMode(config, fixture_story, book), size=(1280, 720), seed=1, sound=False)
    app.kiosk.back_to_attract(app)
    app.step(0)
    yield app, book
    pygame.quit()


def to_the_debrief(app) -> None:
    d.tap(app, (640, 360))
    for _ in range(200):
        if app.top.name != "play":
            break
        d.key(app, pygame.K_SPACE)
        if app.top.name == "play" and app.top.choices_visible:
            d.key(app, pygame.K_RETURN)
    while app.top.name == "guess":
        d.key(app, pygame.K_1)
    assert app.top.name == "debrief"


def test_a_finished_visit_keeps_its_whole_length_with_the_debrief(kiosk, caplog):
    app, book = kiosk
    to_the_debrief(app)
    d.pump(app, frames=5, dt=2.0)                # ten seconds reading the debrief
    app.kiosk.back_to_attract(app)
    (row,) = book.visits()
    assert (row.outcome, row.kiosk) == (FINISHED, "foyer") and row.started_hour is not None
    assert row.total_seconds >= row.seconds + 10
    assert "visit started" in caplog.text and "visit ended after the debrief after" in caplog.text


def test_an_abandoned_visit_and_one_left_from_the_menu_are_rows_of_their_own(kiosk, caplog):
    app, book = kiosk
    d.tap(app, (640, 360))
    d.pump(app, frames=45, dt=1.0)               # nobody there: the warning runs out
    assert app.top.name == "attract"
    d.tap(app, (640, 360))
    d.key(app, pygame.K_ESCAPE)
    d.click(app, d.button(app.top, "quit").rect.center)
    assert app.top.name == "attract"
    assert [row.outcome for row in book.visits()] == [ABANDONED, LEFT]
    assert "visit abandoned after 4" in caplog.text and "visit left from the menu after" in caplog.text


def test_wrong_staff_pins_and_the_lock_they_bring_are_in_the_log(kiosk, caplog):
    app, _ = kiosk
    d.key(app, pygame.K_F12, pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
    for _ in range(3):
        for key in (pygame.K_1, pygame.K_3, pygame.K_5, pygame.K_7, pygame.K_RETURN):
            d.key(app, key)
    assert "wrong staff PIN (1 wrong in a row)" in caplog.text
    assert "wrong staff PIN (3 wrong in a row); the pad is locked for 30 s" in caplog.text
