"""Each rule the engine keeps is kept in one place: whoever asks, the answer is the same."""

from __future__ import annotations

import itertools

import pytest

from game.engine import load_story
from game.engine.ledger import Event, ledger, standing

EMPTY = """
passages:
  start:
    text: Hello.
    ending: {title: End}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(EMPTY))


ACTS = [("ran_red_light", "traffic_camera"), ("gave_blood", "hospital"), ("ran_red_light", None),
        ("ran_red_light", "hospital"), ("unpaid_judgment", "court"), ("ignored_court_order", "court"),
        ("helped_stranger", None)]


def test_the_quick_standing_and_the_full_ledger_score_every_life_alike(story):
    for jurisdiction in story.jurisdictions.values():
        for length in range(4):
            for acts in itertools.product(ACTS, repeat=length):
                events = [Event(b, s, 1, "rongcheng" if n % 2 else "nanjing") for n, (b, s) in enumerate(acts)]
                full = ledger(story, events, jurisdiction)
                assert standing(events, jurisdiction) == (full.score, full.grade), acts
