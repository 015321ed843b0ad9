"""Any text a writer (or a hostile file) puts in a passage is read into inline text or refused
at places inside it — never an exception — and what reads is filled in without a brace left."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fuzzing
from game.engine.inline_text import Arrival, fill, read

#: Pieces a writer's braces are made of, and their mistakes, joined at random.
PIECES = st.sampled_from(["{", "}", "|", "\\", "when ", "otherwise:", ": ", "x", " ", "~", "&", "!", "money",
                          "met_jing", "day > 3", "'a:b'", '"', "\n", "\n\n", "words", "{when met_jing: ",
                          "{money}", "{a|b}", "score"])
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=80)


def survives(text: str, seed: int, values: list) -> None:
    with fuzzing.within_memory():
        reading = read(text)
        for offset, message in reading.problems:
            assert 0 <= offset <= len(text) and message, (text, offset)
        if reading.problems:
            return
        state = fuzzing.RandomState(random.Random(seed), values)
        filled, shown = fill(reading.template, state, Arrival("p", seed % 5, seed))
        assert isinstance(filled, str) and all(isinstance(words, str) for words in shown)
        assert "\0" not in filled and "\x01" not in filled


@pytest.mark.slow
@fuzzing.quick(400)
@given(TEXTS, st.integers(0, 2**32), st.lists(fuzzing.state_values, min_size=1, max_size=6))
def test_any_text_reads_or_is_refused_in_place_and_what_reads_fills_in(text, seed, values):
    survives(text, seed, values)


@fuzzing.quick(40)
@given(TEXTS, st.integers(0, 2**32), st.lists(fuzzing.state_values, min_size=1, max_size=6))
def test_a_few_texts_read_or_are_refused_in_place(text, seed, values):
    survives(text, seed, values)
