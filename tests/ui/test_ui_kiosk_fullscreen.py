"""A kiosk's window stays full screen: no screen offers the display or the keys, nothing that
asks the game to leave full screen is obeyed, a window the desktop took out of full screen is
put back, and every visitor starts on a full screen, whatever the visitor before did."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.kiosk_rules import KioskConfig
from game.ui.app import App
from game.ui.kiosk_mode import KioskMode
from game.ui.scenes.settings import SettingsScene


@pytest.fixture
def kiosk(fixture_story):
    """A kiosk App on the fixture story, a visit begun."""
    mode = KioskMode(KioskConfig(staff_pin="8051", idle_seconds=30.0, warning_seconds=10.0), fixture_story)
    app = App(fixture_story, kiosk=mode, size=(1280, 720), seed=1, sound=False)
    mode.back_to_attract(app)
    app.step(0)
    d.tap(app, (640, 360))
    assert app.top.name == "play"
    yield app
    pygame.quit()


def full_screen(app) -> bool:
    """Full screen as SDL has it, not only as the game believes."""
    return app.window.fullscreen and pygame.display.is_fullscreen() and pygame.display.get_active()


def open_settings(app) -> SettingsScene:
    d.command(app, "back")
    assert app.top.name == "menu"
    settings = next(b for b in app.top.focus.buttons if b.key == "settings")
    d.click(app, settings.rect.center)
    assert app.top.name == "settings"
    app.top.ensure_layout()
    return app.top


def test_the_kiosk_s_settings_offer_neither_the_display_nor_the_keys(kiosk):
    scene = open_settings(kiosk)
    offered = [key for key, *_ in scene.rows]
    assert "fullscreen" not in offered and "keys" not in offered
    assert "text_scale" in offered and "high_contrast" in offered


def test_every_row_and_button_of_the_kiosk_s_settings_leaves_the_window_full_screen(kiosk):
    scene = open_settings(kiosk)
    for _key, rect, minus, plus in scene.rows:
        for point in (rect.center, minus.center, plus.center, (rect.x + 5, rect.centery)):
            d.click(kiosk, point)
            assert kiosk.top.name == "settings"
            assert full_screen(kiosk)
    for k in (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_LEFT, pygame.K_SPACE) * len(scene.rows):
        d.key(kiosk, k)
        assert full_screen(kiosk)
    # The screen the game had before the kiosk hid the row, asked for by name all the same.
    scene.change("fullscreen", 1, wrap=True)
    assert full_screen(kiosk)
    assert scene.open("keys") is None


def test_whatever_asks_the_kiosk_to_leave_full_screen_is_refused(kiosk):
    kiosk.toggle_fullscreen()
    kiosk.window.toggle_fullscreen()
    kiosk.window.set_fullscreen(False)
    d.key(kiosk, pygame.K_F11)
    d.key(kiosk, pygame.K_RETURN, pygame.KMOD_ALT)
    assert full_screen(kiosk)
    assert kiosk.settings.fullscreen


def sdl_window() -> pygame.Window:
    with pytest.warns(DeprecationWarning):
        return pygame.Window.from_display_module()


def test_a_window_the_desktop_took_out_of_full_screen_is_put_back(kiosk):
    # (Minimising is the real desktop's: the dummy driver ignores it; see the Xvfb test.)
    sdl_window().set_windowed()
    assert not full_screen(kiosk)
    d.pump(kiosk, frames=3)
    assert full_screen(kiosk)


def test_the_next_visitor_finds_the_window_full_screen_whatever_the_last_one_left(kiosk):
    # Out of full screen behind the game's back, and nothing tells it (no window event).
    sdl_window().set_windowed()
    pygame.event.clear()
    assert not pygame.display.is_fullscreen()
    for _ in range(90):                         # nobody touches it: the visit is abandoned
        kiosk.step(0.5)
    assert kiosk.top.name == "attract"
    assert full_screen(kiosk)
