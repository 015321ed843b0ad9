"""Headless pygame for every UI test: dummy video and audio (the private home every test has
is set in the suite's own conftest)."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

# pygame.init() opens the (dummy) sound device even for a window built with sound=False, and
# every test closes it again with pygame.quit(); a short buffer lets it close in a few
# milliseconds rather than waiting out the default one.  Nothing a test hears depends on it.
pygame.mixer.pre_init(buffer=128)

FIXTURE_STORY = Path(__file__).parent / "fixture_story"

#: Each look of the city behind the screens, drawn once for the whole run.
_CITIES: dict[tuple, pygame.Surface] = {}


def _city_drawn_once(size, palette, *, winter=False):
    from game.ui.art import backdrop

    key = (tuple(size), palette, winter)
    if key not in _CITIES:
        _CITIES[key] = backdrop(size, palette, winter=winter)
    return _CITIES[key].copy()         # the window may veil its copy; the kept one stays as drawn


@pytest.fixture(autouse=True)
def city_drawn_once(monkeypatch):
    """The city behind every screen comes from a fixed seed, so each look (size, palette,
    season) is drawn once a run and every later window gets a copy of the same pixels: most
    window tests open a window of their own, and drawing its city was a third of the time a
    small one took. game.ui.backdrops keeps its looks per window exactly as before, and the
    drawing itself is tested in test_ui_backdrops.py and test_ui_contrast.py."""
    from game.ui import backdrops

    monkeypatch.setattr(backdrops, "backdrop", _city_drawn_once)


@pytest.fixture(scope="session")
def fixture_story():
    from game.engine import load_story

    return load_story(FIXTURE_STORY)


@pytest.fixture
def make_app(fixture_story):
    """Build an App (window on the dummy driver) at a given size and text scale."""
    from game.settings import Settings
    from game.ui.app import App

    apps = []

    def build(size=(1280, 720), story=None, text_scale=1.0, text_speed=0, **settings):
        app = App(story or fixture_story, settings=Settings(text_scale=text_scale, text_speed=text_speed,
                                                            **settings),
                  size=size, seed=1, sound=False)
        apps.append(app)
        return app

    yield build
    pygame.quit()
