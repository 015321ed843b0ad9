"""The suite never touches a tester's own saves, settings or cache: every place the game
writes is inside the test's own temporary home."""

from __future__ import annotations

from pathlib import Path

from game.places import player_places

WRITTEN = {"settings", "saves", "transcripts", "kiosk log", "visitor stats", "cache"}


def test_every_place_the_game_writes_during_a_test_is_inside_the_tests_own_folder(tmp_path):
    places = dict(player_places())
    assert WRITTEN <= places.keys()
    for what in WRITTEN:
        assert Path(places[what]).is_relative_to(tmp_path), (what, places[what])
