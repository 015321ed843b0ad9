"""Any text where a condition goes is parsed or refused at a place inside it, and a parsed
condition is always true or false, whatever the hidden state holds."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

import fuzzing


@pytest.mark.slow
@fuzzing.quick(400)
@given(fuzzing.condition_texts, st.integers(0, 2**32), st.lists(fuzzing.state_values, min_size=1, max_size=6))
def test_a_condition_is_parsed_or_refused_and_never_raises_anything_else(text, seed, values):
    with fuzzing.within_memory():
        fuzzing.condition_survives(text, seed, values)
