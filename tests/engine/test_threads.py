"""Threads: what a story opens and owes the player an end of before the debrief, declared as
data, checked like every other condition, and asked of a life at its end."""

from __future__ import annotations

from game.engine import Session, load_story
from helpers import problems_of


CARD = """
passages:
  start:
    text: A card under the door says to ring within seven days.
    do:
      - set: {card: true}
    choices:
      - text: Ring them.
        goto: rang
      - text: Leave it.
        goto: end
  rang:
    text: They will come on Thursday.
    goto: end
  end:
    text: Winter.
    ending: {title: The End}
threads:
  heating_card:
    about: The card under the door
    opens: card
    closes: seen(rang)
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables:
    card: false
"""


def test_a_thread_is_open_in_a_life_that_never_saw_it_closed(story_dir):
    story = load_story(story_dir(CARD, header=HEADER))
    thread = story.threads["heating_card"]
    assert thread.about == "The card under the door"
    rang, left = Session.new(story), Session.new(story)
    rang.choose(1)
    left.choose(2)
    assert not thread.left_open(rang) and thread.left_open(left)


def test_a_thread_needs_what_it_is_about_and_both_conditions(story_dir):
    broken = CARD.replace("    closes: seen(rang)\n", "")
    problems = problems_of(story_dir(broken, header=HEADER))
    assert any("thread 'heating_card' needs 'closes'" in p for p in problems), problems


def test_a_threads_conditions_are_checked_like_any_other(story_dir):
    broken = CARD.replace("closes: seen(rang)", "closes: seen(rung)")
    problems = problems_of(story_dir(broken, header=HEADER))
    assert any("rung" in p and "error" in p for p in problems), problems


def test_an_unknown_key_in_a_thread_is_located(story_dir):
    broken = CARD.replace("    about: The card under the door\n", "    about: The card under the door\n    close: seen(rang)\n")
    problems = problems_of(story_dir(broken, header=HEADER))
    assert any("unknown key 'close'" in p for p in problems), problems
