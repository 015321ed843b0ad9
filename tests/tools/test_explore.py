"""Exploring random lives measures how much a route asks of its reader."""

from __future__ import annotations

from game.engine import load_story
from game.tools.explore import Pace, explore

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
    reading = Pace()
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


# A red light the camera may or may not see; what follows reads what the player did (not a
# reaction), what the camera recorded and the grade (reactions), and offers a choice only
# to a resident whose grade allows it (a reaction when offered).
WATCHED = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Go.
        do:
          - roll: cam
        goto:
          - when: cam <= 50
            to: seen
          - to: unseen
  seen:
    text: A flash.
    do:
      - record: {behaviour: ran_red_light, source: traffic_camera}
    goto: office
  unseen:
    text: Nothing.
    do:
      - record: {behaviour: ran_red_light}
    goto: office
  office:
    text: You reach the office.
    variants:
      - when: did(ran_red_light) > 0
        text: You remember the light.
      - when: observed(ran_red_light) > 0
        text: A text from the traffic police.
    choices:
      - text: Ask for the good desk.
        when: score == 1000
        goto: desk
      - text: Sit down.
        goto: desk
  desk:
    text: Work begins.
    variants:
      - when: score < 1000
        text: Your manager looks at you a moment too long.
    ending: {title: Morning}
"""


def test_a_condition_reads_the_record_when_it_asks_a_grade_the_list_or_what_a_source_saw():
    from game.engine import parse_condition
    from game.tools.explore import reads_the_record
    for hidden in ('grade >= "A"', "score > 990", "blacklisted", "observed(gave_blood) > 0",
                   'grade_in(nanjing) == "AA"', 'not (day > 3 and grade_of(employer) < "B")'):
        assert reads_the_record(parse_condition(hidden)), hidden
    for known in ("did(gave_blood) > 0", "seen(start)", "cam <= 50", 'city == "nanjing"', None):
        assert not reads_the_record(parse_condition(known) if known else None), known


def test_reactions_count_the_pages_of_a_life_shaped_by_the_hidden_record(story_dir):
    story = load_story(story_dir(WATCHED, header=HEADER.replace("went: false", "cam: 0")))
    lives = [explore(story, runs=1, seed=seed, route="short") for seed in range(30)]
    counts = {}
    for report in lives:
        figures = report.as_json()["reading"]["short"]["reactions"]
        seen = "seen" in report.visits
        counts.setdefault(seen, set()).add(figures["min"])
    # Seen by the camera: the office's text message and the manager's look at the desk.
    # Unseen: only the good desk, offered at the office to a clean record.
    assert counts == {True: {2}, False: {1}}


# The camera sees the red light on day 1; a letter comes on day 40 only to a driver it saw,
# by a goto that reads the record — a door the record opened. Nothing on days 61-90 reads it.
DOOR = """
passages:
  start:
    day: 1
    text: The light turns amber.
    choices:
      - text: Go.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto:
          - when: observed(ran_red_light) > 0
            to: letter
          - to: desk
  letter:
    day: 40
    text: A letter from the traffic police.
    goto: desk
  desk:
    day: 70
    text: Work begins.
    ending: {title: Morning, debrief: The end.}
"""


def test_a_page_the_record_led_to_counts_as_shaped_by_it_and_its_day_is_kept(story_dir):
    story = load_story(story_dir(DOOR, header=HEADER))
    full = explore(story, runs=5, seed=0, route="full").reading["full"]
    assert full.reactions == [1] * 5
    assert full.reaction_days == [[40]] * 5
    assert full.by_stretch() == {"days 1-30": 0.0, "days 31-60": 1.0}
    assert full.share_met_in_every([(31, 60)]) == 1.0
    assert full.share_met_in_every([(31, 60)], at_least=2) == 0.0
    assert full.share_met_in_every([(31, 60), (61, 90)]) == 0.0


CARD = """
passages:
  start:
    text: A card under the door says to ring within seven days.
    do:
      - set: {went: true}
    choices:
      - text: Ring them.
        goto: rang
      - text: Leave it.
        goto: desk
  rang:
    text: They will come on Thursday.
    goto: desk
  desk:
    text: Winter.
    ending: {title: Winter, debrief: The end.}
threads:
  heating_card:
    about: The card under the door
    opens: went
    closes: seen(rang)
"""


def test_explore_lists_a_thread_left_open_with_a_seed_that_leaves_it(story_dir):
    story = load_story(story_dir(CARD, header=HEADER))
    report = explore(story, runs=40, seed=0, route="full")
    left = report.as_json()["unclosed_threads"]["heating_card"]
    assert 0 < left["lives"] < 40
    assert report.unclosed["heating_card"] == left["lives"]


def test_opposite_lives_part_at_every_choice_and_their_shared_paragraphs_are_measured(story_dir):
    from game.tools.explore import opposite_lives, paragraphs_read, replay_overlap, shared_share

    story = load_story(story_dir(TWO_WAYS, header=HEADER))
    braked, went = opposite_lives(story, seed=0)
    assert paragraphs_read(braked) == ["The light turns amber.", "You reach the office.", "Work begins."]
    assert paragraphs_read(went) == ["The light turns amber.", "You reach the office.", "The camera flashed.",
                                     "Work begins."]
    # All three of the braking life's paragraphs are in the other: the larger share counts.
    assert shared_share(paragraphs_read(braked), paragraphs_read(went)) == 1.0
    assert shared_share(["a", "b"], ["b", "c", "d", "e"]) == 0.5
    assert replay_overlap(story, pairs=3) == [1.0, 1.0, 1.0]
