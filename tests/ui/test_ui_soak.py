"""A restless player for a compressed stretch of time — clicks, taps, palms, keys, the window
resized and the settings changed, long pauses, quitting and starting again — never raises,
and what the window keeps stays within its bounds."""

from __future__ import annotations

import pytest

import soak
from game.settings import load_settings
from game.ui.backdrops import KEPT
from game.ui.scenes.title import TitleScene


@pytest.mark.slow
def test_a_restless_player_neither_breaks_the_game_nor_grows_what_it_keeps(make_app, private_home):
    app = make_app(size=(1280, 720))
    app.start(TitleScene(app))
    report = soak.random_use(app, seconds=1200, seed=3)
    assert report.resizes > 0 and report.settings_changed > 0 and report.events > 500
    assert len(report.screens) >= 3, report.screens
    sizes = soak.cache_sizes(app)
    assert sizes["surfaces"] <= app.text.max_surfaces and sizes["layouts"] <= app.text.max_layouts
    # One font per face and size: seven windows and four text scales make at most a few
    # dozen sizes of each face, and a change of family lets the old ones go.
    assert sizes["fonts"] <= 150 and sizes["backdrops"] <= KEPT and report.deepest_stack <= 6
    # Every change was written whole: the settings on disk are the ones in play.
    on_disk = load_settings()
    assert on_disk.problem is None and on_disk.font == app.settings.font
