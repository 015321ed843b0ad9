"""Exploring random lives measures how much a route asks of its reader."""

from __future__ import annotations

from game.engine import load_story
from game.tools.explore import Reading, explore

# Every life reads the same words whichever way it goes, so the figures can be counted by hand:
#   start           "The light turns amber."                     4 words
#   either choice   "Brake." / "Go."                             1 word
#   office          "You reach the office." + variant
#                   "The camera flashed." only after going       4 (+3) words
#   its one choice  "Sit down."                                  2 words
#   desk (ending)   "Work begins."                               2 words
# Braking: 4 + 1 + 4 + 2 + 2 = 13 words; going: 13 + 3 = 16 words.
# Two inputs per life; the second offers one option only.
TWO_WAYS = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: office
      - text: Go.
        do:
          - set: {went: true}
        goto: office
  office:
    text: You reach the office.
    variants:
      - when: went
        text: The camera flashed.
    choices:
      - text: Sit down.
        goto: desk
  desk:
    text: Work begins.
    ending: {title: Morning, debrief: A long debrief that nobody reads before the end of the life.}
"""

HEADER = """
story:
  title: Test
  start: start
  short_start: start
  home: rongcheng
  variables:
    went: false
"""


def test_reading_counts_the_pages_shown_with_their_variants_and_the_choices_taken(story_dir):
    story = load_story(story_dir(TWO_WAYS, header=HEADER))
    reading = explore(story, runs=40, seed=0, route="full").as_json()["reading"]
    assert set(reading) == {"full"}
    full = reading["full"]
    assert full["lives"] == 40
    assert full["words"]["min"] == 13 and full["words"]["max"] == 16


def test_reading_gives_the_middle_life_as_the_median():
    reading = Reading()
    for life_words in (900, 100, 400, 300, 700):
        reading.add(life_words, inputs=4, single=1)
    figures = reading.as_json()
    assert figures["words"] == {"min": 100, "median": 400, "max": 900}
    assert (figures["lives"], figures["inputs"], figures["single_option_share"]) == (5, 20, 0.25)


def test_reading_counts_the_share_of_inputs_that_offered_one_option(story_dir):
    story = load_story(story_dir(TWO_WAYS, header=HEADER))
    full = explore(story, runs=10, seed=3, route="full").as_json()["reading"]["full"]
    assert full["inputs"] == 20
    assert full["single_option_inputs"] == 10
    assert full["single_option_share"] == 0.5


def test_reading_is_kept_apart_for_each_route(story_dir):
    story = load_story(story_dir(TWO_WAYS, header=HEADER))
    reading = explore(story, runs=8, seed=0, route="both").as_json()["reading"]
    assert reading["full"]["lives"] == 6 and reading["short"]["lives"] == 2


def test_a_life_that_stops_short_of_an_ending_is_not_counted_as_read(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: A door.
            choices:
              - text: Knock.
                when: day > 99
                goto: end
          end:
            text: In.
            ending: {title: In}
        """)
    reading = explore(load_story(folder), runs=5, route="full").as_json()["reading"]
    assert reading == {}
