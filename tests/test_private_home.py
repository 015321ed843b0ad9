"""The suite never touches a tester's own saves, settings or cache: every place the game
writes is inside the test's own home, a fresh folder in the run's temporary one."""

from __future__ import annotations

import tempfile
from pathlib import Path

from game.places import player_places

WRITTEN = {"settings", "saves", "transcripts", "kiosk log", "visitor stats", "cache"}


def test_every_place_the_game_writes_during_a_test_is_inside_the_tests_own_folder(private_home):
    assert private_home.is_relative_to(tempfile.gettempdir())
    assert not private_home.exists()            # no test before this one wrote here
    places = dict(player_places())
    assert WRITTEN <= places.keys()
    for what in WRITTEN:
        assert Path(places[what]).is_relative_to(private_home), (what, places[what])
