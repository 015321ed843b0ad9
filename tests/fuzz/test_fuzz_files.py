"""Whatever lies where the settings or a save should be — any bytes, any JSON, a save made a
little wrong — the game reads it or says why, in its own words, and goes on."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fuzzing
from game.engine import load_story
from helpers import ROOT


@pytest.fixture(scope="module")
def story():
    return load_story(ROOT / "tests" / "ui" / "fixture_story")


@pytest.fixture(scope="module")
def saved_game(story):
    session = fuzzing.play_through(story, "full", random.Random(7), steps=4)
    return json.loads(json.dumps(session.to_json()))


@pytest.mark.slow
@fuzzing.quick(300)
@given(fuzzing.settings_files)
def test_any_settings_file_gives_settings_in_range_and_the_next_write_is_clean(content):
    with fuzzing.within_memory():
        fuzzing.settings_survive(content)


@pytest.mark.slow
@fuzzing.quick(200)
@given(st.data(), st.integers(0, 2**32))
def test_any_save_slot_resumes_or_says_why_and_takes_the_next_save(story, saved_game, data, seed):
    sessions = st.builds(fuzzing.mangled, st.just(saved_game), st.randoms(use_true_random=False),
                         fuzzing.json_values) | st.just(saved_game)
    content = data.draw(fuzzing.slot_files(sessions))
    with fuzzing.within_memory():
        fuzzing.save_survives(story, content, seed)


@pytest.mark.slow
@fuzzing.quick(300)
@given(st.randoms(use_true_random=False), fuzzing.json_values)
def test_a_saved_game_changed_anywhere_resumes_or_raises_a_save_error(story, saved_game, rng, replacement):
    with fuzzing.within_memory():
        fuzzing.session_survives(story, fuzzing.mangled(saved_game, rng, replacement))
