"""Settings: defaults, round trip, clamping, and files that are not ours."""

import json

import pytest

from game import paths
from game import settings as settings_mod
from game.settings import Settings, load_settings, save_settings


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return tmp_path


def test_missing_file_gives_defaults():
    s = load_settings()
    assert s == Settings()
    assert s.problem is None


def test_round_trip_keeps_every_value(home):
    s = Settings(text_scale=1.5, text_speed=120, fullscreen=True, high_contrast=True,
                 master_volume=0.3, music_volume=0.0, effects_volume=1.0)
    save_settings(s)
    assert (home / "settings.json").exists()
    assert load_settings() == s


def test_values_are_clamped_into_range(home):
    (home / "settings.json").write_text(json.dumps({
        "format": "keeping-trust-settings", "version": 1,
        "settings": {"text_scale": 9, "master_volume": -2, "text_speed": 33, "unknown": 1}}))
    s = load_settings()
    assert s.text_scale == 2.0
    assert s.master_volume == 0.0
    assert s.text_speed in settings_mod.TEXT_SPEEDS


@pytest.mark.parametrize("content", ["{not json", "[]", json.dumps({"format": "other"}), "\x00\xff"])
def test_corrupt_or_foreign_file_is_reported_and_defaults_used(home, content):
    (home / "settings.json").write_text(content, errors="ignore")
    s = load_settings()
    assert s.problem
    assert s.text_scale == Settings().text_scale


def test_one_bad_value_keeps_the_others(home):
    (home / "settings.json").write_text(json.dumps({
        "format": "keeping-trust-settings", "version": 1,
        "settings": {"text_scale": "huge", "high_contrast": True}}))
    s = load_settings()
    assert s.high_contrast is True
    assert s.text_scale == 1.0
    assert s.problem


def test_write_is_atomic_and_leaves_no_temp_files(home):
    for speed in (20, 40, 70):
        save_settings(Settings(text_speed=speed))
    assert sorted(p.name for p in home.iterdir()) == ["settings.json"]
    assert load_settings().text_speed == 70


def test_the_window_left_is_kept(home):
    save_settings(Settings(window_size=(1300, 800), window_position=(-40, 90)))
    loaded = load_settings()
    assert loaded.window_size == (1300, 800) and loaded.window_position == (-40, 90)


@pytest.mark.parametrize("size, position", [("big", "x"), ([1, 2, 3], [1]),
                                            ([True, 3], ["1", 1]), ({}, None)])
def test_a_window_that_makes_no_sense_is_forgotten_not_reported(home, size, position):
    (home / "settings.json").write_text(json.dumps({
        "format": "keeping-trust-settings", "version": 1,
        "settings": {"window_size": size, "window_position": position, "high_contrast": True}}))
    s = load_settings()
    assert s.window_size is None and s.window_position is None
    assert s.high_contrast and s.problem is None


def test_a_window_beyond_any_desktop_is_held_to_whole_pixels_within_reach():
    s = Settings(window_size=[10 ** 9, 700.6], window_position=[-(10 ** 9), 5]).clamped()
    assert s.window_size == (32768, 700) and s.window_position == (-32768, 5)


def test_reading_motion_and_key_choices_are_kept(home):
    s = Settings(line_spacing=2.0, font="dyslexic", reduce_motion=True, keys={"history": "J", "advance": "N"})
    save_settings(s)
    assert load_settings() == s


def test_reading_choices_out_of_range_fall_back_to_what_is_offered(home):
    (home / "settings.json").write_text(json.dumps({
        "format": "keeping-trust-settings", "version": 1,
        "settings": {"line_spacing": 9, "font": "Comic Sans", "reduce_motion": 1,
                     "keys": {"history": "J", "self-destruct": "X", "advance": 7}}}))
    s = load_settings()
    assert s.line_spacing == settings_mod.LINE_SPACINGS[-1]
    assert s.font == settings_mod.FONTS[0]
    assert s.reduce_motion is True
    assert s.keys == {"history": "J"}
    assert s.problem is None


def test_keys_that_are_not_a_table_are_forgotten(home):
    (home / "settings.json").write_text(json.dumps({
        "format": "keeping-trust-settings", "version": 1, "settings": {"keys": ["J"], "high_contrast": True}}))
    s = load_settings()
    assert s.keys == {} and s.high_contrast is True


def test_a_first_run_shows_each_page_whole_rather_than_typing_it_out(tmp_path):
    # A game that is mostly reading: 110 words at the old default took 14 s to appear.
    assert Settings().text_speed == 0
    assert load_settings().text_speed == 0          # no settings file yet
