"""The window: a first window fits the desktop it opens on, the player's window is remembered,
and leaving full screen gives back the window they left.

The sizing policy is a pure function, specified here without a display; the rest drives the
App on SDL's dummy driver with the desktop size it reports replaced."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.settings import load_settings
from game.ui.placement import MIN_SIZE, Placement, place_window
from game.ui.scene import Push
from game.ui.scenes.title import TitleScene


def on_desktop(p: Placement, desktop: tuple[int, int]) -> bool:
    return p.x >= 0 and p.y >= 0 and p.x + p.width <= desktop[0] and p.y + p.height <= desktop[1]


# -- the policy, without a display ----------------------------------------------------------

@pytest.mark.parametrize("desktop", [(1024, 600), (1280, 720), (1366, 768), (1920, 1080),
                                     (2560, 1440), (3840, 2160)])
def test_a_first_window_is_wholly_on_the_desktop_and_centred(desktop):
    p = place_window(desktop)
    assert on_desktop(p, desktop)
    assert p.width >= MIN_SIZE[0] and p.height >= MIN_SIZE[1]
    assert abs(p.x - (desktop[0] - p.width - p.x)) <= 1
    assert abs(p.y - (desktop[1] - p.height - p.y)) <= 1


def test_a_first_window_leaves_room_for_the_title_bar_and_panels():
    p = place_window((1920, 1080))
    assert p.size == (1728, 972)
    p = place_window((1280, 720))
    assert p.size == (1152, 648)


def test_a_first_window_is_never_under_the_minimum_unless_the_desktop_is():
    assert place_window((1100, 640)).size == MIN_SIZE          # 90% would be under it
    assert place_window((1024, 600)) == Placement(0, 0, 1024, 600)
    assert place_window((800, 480)) == Placement(0, 0, 800, 480)   # a desktop smaller still


def test_a_saved_window_comes_back_as_it_was_left():
    assert place_window((1920, 1080), (1300, 800), (40, 90)) == Placement(40, 90, 1300, 800)


def test_a_saved_window_on_a_monitor_that_is_gone_is_brought_back():
    p = place_window((1920, 1080), (1300, 800), (2500, 300))      # was on a second monitor
    assert p == Placement(620, 280, 1300, 800)
    p = place_window((1024, 600), (1728, 972), (96, 54))          # was on a larger screen
    assert p == Placement(0, 0, 1024, 600)
    p = place_window((1920, 1080), (1300, 800), (-900, -50))
    assert on_desktop(p, (1920, 1080)) and p.size == (1300, 800)


def test_a_saved_size_is_never_under_the_minimum():
    assert place_window((1920, 1080), (300, 200), None).size == MIN_SIZE


# -- the window itself, through the App ------------------------------------------------------

@pytest.fixture
def desktop(monkeypatch):
    """Pretend the desktop is a given size (the dummy driver reports 1024×768)."""
    sizes = {"now": (1024, 768)}

    def choose(size):
        sizes["now"] = size

    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [sizes["now"]])
    return choose


def windowed_app(make_app, settings_kw=None):
    app = make_app(size=None, **(settings_kw or {}))    # sized by the desktop, as the game is
    app.start(TitleScene(app))
    app.step(0)
    return app


def window_position() -> tuple[int, int]:
    return pygame.display.get_window_position()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_first_window_opens_on_the_desktop(make_app, desktop, size):
    desktop(size)
    app = windowed_app(make_app)
    expected = place_window(size)
    assert app.size == expected.size
    assert window_position() == expected.position
    assert pygame.display.get_surface().get_size() == expected.size


def test_leaving_full_screen_gives_back_the_window_left(make_app, desktop):
    desktop((1920, 1080))
    app = windowed_app(make_app, {"window_size": (1300, 800), "window_position": (200, 120)})
    assert app.size == (1300, 800) and window_position() == (200, 120)
    d.key(app, pygame.K_F11)
    assert app.settings.fullscreen and app.size != (1300, 800)
    d.key(app, pygame.K_RETURN, pygame.KMOD_ALT)       # Alt+Enter, the other way back
    assert not app.settings.fullscreen
    assert app.size == (1300, 800) and window_position() == (200, 120)
    assert app.top._laid_out_for[0] == (1300, 800)


def test_full_screen_twice_in_one_batch_of_events_keeps_the_window(make_app, desktop):
    desktop((1920, 1080))
    app = windowed_app(make_app, {"window_size": (1300, 800), "window_position": (200, 120)})
    for _ in range(2):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="",
                                             scancode=0))
    d.pump(app)
    d.pump(app)                                        # the window's own events, late
    assert not app.settings.fullscreen
    assert app.size == (1300, 800) and window_position() == (200, 120)
    assert app.settings.window_size == (1300, 800)


def test_a_window_opened_full_screen_leaves_it_for_a_window_on_the_desktop(make_app, desktop):
    desktop((1280, 720))
    app = windowed_app(make_app, {"fullscreen": True})
    d.key(app, pygame.K_F11)
    expected = place_window((1280, 720))
    assert app.size == expected.size and window_position() == expected.position


def test_the_window_the_player_leaves_is_remembered(make_app, desktop):
    desktop((1920, 1080))
    app = windowed_app(make_app)
    pygame.display.set_window_position((150, 100))
    d.pump(app)
    d.key(app, pygame.K_F11)                           # going full screen writes it down
    saved = load_settings()
    assert saved.fullscreen and saved.window_position == (150, 100)
    assert saved.window_size == place_window((1920, 1080)).size


def test_a_remembered_window_now_off_the_desktop_opens_on_it(make_app, desktop):
    desktop((1280, 720))
    app = windowed_app(make_app, {"window_size": (1500, 900), "window_position": (2400, 50)})
    assert app.size == (1280, 720) and window_position() == (0, 0)


def test_settings_display_row_returns_the_same_window(make_app, desktop):
    from game.ui.scenes.settings import SettingsScene

    desktop((1920, 1080))
    app = windowed_app(make_app, {"window_size": (1300, 800), "window_position": (200, 120)})
    scene = SettingsScene(app)
    app.apply(Push(scene))
    app.step(0)
    for _ in range(2):                              # where the row is now: full screen lays out anew
        row = next(r for r in scene.rows if r[0] == "fullscreen")
        d.click(app, row[1].center)
    assert not app.settings.fullscreen
    assert app.size == (1300, 800) and window_position() == (200, 120)


@pytest.mark.parametrize("size", [(1024, 600), (1024, 640), (800, 480)])
def test_a_desktop_too_small_for_a_window_and_its_title_bar_gets_the_game_full_screen(make_app, desktop, size):
    desktop(size)
    app = windowed_app(make_app)
    assert app.window.too_small and app.window.fullscreen and app.settings.fullscreen


def test_a_desktop_with_room_for_a_window_and_its_title_bar_gets_a_window(make_app, desktop):
    desktop((1280, 720))
    app = windowed_app(make_app)
    assert not app.window.too_small and not app.window.fullscreen


def test_settings_say_why_a_small_screen_is_filled(make_app, desktop):
    from game.ui.scenes.settings import SettingsScene

    desktop((1024, 600))
    app = windowed_app(make_app)
    settings = SettingsScene(app)
    note = settings.note("fullscreen")
    assert note and "too small" in note and "F11" in note
    desktop((1920, 1080))
    roomy = windowed_app(make_app)
    assert SettingsScene(roomy).note("fullscreen") is None


def test_the_window_is_named_for_the_game_not_the_script_that_started_it(monkeypatch):
    from game.ui.window import WINDOW_CLASS, name_the_window

    monkeypatch.setattr("sys.argv", ["/home/player/keeping-trust/main.py"])
    monkeypatch.setenv("SDL_VIDEO_X11_WMCLASS", "main.py")        # as pygame names it
    monkeypatch.delenv("SDL_VIDEO_WAYLAND_WMCLASS", raising=False)
    name_the_window()
    import os

    assert os.environ["SDL_VIDEO_X11_WMCLASS"] == WINDOW_CLASS == os.environ["SDL_VIDEO_WAYLAND_WMCLASS"]
    monkeypatch.setenv("SDL_VIDEO_X11_WMCLASS", "museum-kiosk")   # the player's own
    name_the_window()
    assert os.environ["SDL_VIDEO_X11_WMCLASS"] == "museum-kiosk"
