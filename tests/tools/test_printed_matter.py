"""check warns about narration drawn inside a frame: a letter, a bill, a phone or a ticket
machine holds only what is printed or shown on it."""

from __future__ import annotations

import pytest

from game.engine import load_story
from game.tools.lint import lint
from game.tools.printed_matter import told


@pytest.mark.parametrize("paragraph", [
    "Your sister Jing's birthday is tomorrow. Behind you, a queue shuffles forward.",
    "Beneath the red seal someone has written your name in pencil.",
    "Under the notice, a sign-up sheet with two names on it.",
    "You pay it before the kettle boils.",
    "Through the window you can see the bus, still in the yard.",
    "Articles 5 and 6 are printed smaller than the rest.",
    "Another yellow envelope, thinner than the last.",
    "You promised Ms. Qu you would not leave it. You are here.",
])
def test_narration_in_a_frame_is_told_apart(paragraph):
    assert told(paragraph) is not None


@pytest.mark.parametrize("paragraph", [
    "Should you fail to appear without good reason, the court may give judgment in your absence.",
    "You may object to an entry within fifteen working days.",
    "1. Are you aged between 18 and 60? 2. Have you had a cold in the past week?",
    "Under the city's trustworthiness scheme, donations made in this city count towards the card.",
    "We encourage you to take part in community activities and to pay household bills on time.",
    "Printed at counter 2, 15 December, 09:46, for the person named and for no other use.",
    "Jing: Sent. Don't thank me. Go and buy a train ticket just to see if it prints",
])
def test_what_is_printed_passes_even_when_it_speaks_to_you(paragraph):
    assert told(paragraph) is None


def test_check_names_the_passage_and_what_gives_the_narration_away(story_dir):
    story = load_story(story_dir("""
    passages:
      start:
        style: ticket_machine
        text: |
          RONGCHENG to NANJING SOUTH
          PLEASE PLACE YOUR ID CARD ON THE READER
        variants:
          - when: day > 0
            text: Jing's birthday is tomorrow. Behind you, a queue shuffles forward.
          - when: day > 0
            narration: after
            text: Behind you, a man coughs.
        ending: {title: The End}
    """))
    found = [str(p) for p in lint(story) if "holds narration" in p.message]
    assert len(found) == 1
    assert "passages.yaml:9:9:" in found[0] and "start: the ticket machine holds narration" in found[0]
    assert "Behind you, a queue" in found[0] and "narration_after" in found[0]


def test_the_shipped_story_draws_no_narration_in_its_frames(shipped_story):
    assert [str(p) for p in lint(shipped_story) if "holds narration" in p.message] == []
