"""Any story folder — well made, a little wrong, or broken byte by byte — is read into a story
or a list of located problems, never a traceback; one that loads plays, saves, resumes and
debriefs without anything but the game's own errors."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

import fuzzing


@pytest.mark.slow
@fuzzing.quick(120)
@given(fuzzing.story_folders(), st.integers(0, 2**32))
def test_any_story_folder_loads_or_says_where_it_is_wrong(files, seed):
    with fuzzing.within_memory():
        fuzzing.story_survives(files, seed)


@pytest.mark.slow
def test_the_generator_makes_stories_that_load_as_well_as_ones_that_do_not():
    # A fuzzer whose stories never load would never reach the session; one whose stories
    # always load would never reach the problems.
    loaded = refused = 0

    @fuzzing.quick(60)
    @given(fuzzing.story_folders(), st.integers(0, 2**32))
    def count(files, seed):
        nonlocal loaded, refused
        if fuzzing.story_survives(files, seed) is None:
            refused += 1
        else:
            loaded += 1

    count()
    assert loaded >= 5 and refused >= 5, (loaded, refused)
