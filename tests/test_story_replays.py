"""Replays differ: two people who choose oppositely at every turn of one seeded season do not
read the same story. The world answers the life led, so most of what each reads is its own."""

from __future__ import annotations

import statistics

import pytest

from game.tools.explore import opposite_lives, paragraphs_read, replay_overlap

# Every test here plays hundreds or thousands of lives.
pytestmark = pytest.mark.slow

# The share of one life's paragraphs the opposite life also reads, word for word.
MOST_SHARED = 0.40


@pytest.mark.parametrize("route", ["full", "short"])
def test_opposite_lives_share_at_most_two_paragraphs_in_five(shipped_story, route):
    shares = replay_overlap(shipped_story, pairs=20, seed=300, route=route)
    assert statistics.median(shares) <= MOST_SHARED, shares
    assert max(shares) <= MOST_SHARED + 0.05, shares


@pytest.mark.parametrize("route", ["full", "short"])
def test_opposite_lives_part_from_the_first_page_they_are_offered_a_choice(shipped_story, route):
    # The measure compares people who really chose differently: they end in different places
    # and each reads paragraphs the other never sees.
    first, last = opposite_lives(shipped_story, 300, route)
    assert first.position != last.position
    mine, theirs = set(paragraphs_read(first)), set(paragraphs_read(last))
    assert mine - theirs and theirs - mine
