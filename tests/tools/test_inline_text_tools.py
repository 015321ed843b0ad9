"""The writers' tools read inline text as the engine does: a printed variable is read, a
condition in braces is a condition like any other (checked by lint, tried by test), and a
page whose words change visit by visit is not a circle that changes nothing."""

from __future__ import annotations

from game.engine import load_story
from game.tools.lint import lint
from game.tools.quicktest import quicktest

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {coins: 3, shy: false, kind: true}
printable: [coins]
"""


def doubts(story_dir, passages: str) -> list[str]:
    return [str(p) for p in lint(load_story(story_dir(passages, header=HEADER)))]


def test_a_variable_printed_or_asked_in_braces_is_read(story_dir):
    found = doubts(story_dir, """
        passages:
          start:
            text: "You have {coins} coins. {when kind: Someone smiles.}"
            ending: {title: End}
        """)
    assert not [line for line in found if "is set but no condition ever reads it" in line
                and ("'coins'" in line or "'kind'" in line)], found
    assert any("flag 'shy' is set but no condition ever reads it" in line for line in found)


def test_a_condition_in_braces_that_can_never_hold_is_a_doubt(story_dir):
    found = doubts(story_dir, """
        passages:
          start:
            text: "The hall. {when shy: You keep to the wall.}"
            ending: {title: End}
        """)
    assert any("start: inline text 1: condition 'shy' can never hold (shy is always false)" in line
               for line in found), found


def test_a_choice_back_to_a_page_that_reads_on_is_not_a_circle(story_dir):
    circle = """
        passages:
          start:
            text: "The kettle {boils|sings|whistles}."
            choices:
              - {text: Wait., goto: start}
              - {text: Pour., goto: end}
          end: {text: Tea., ending: {title: End}}
        """
    assert not [line for line in doubts(story_dir, circle) if "changes nothing" in line]
    flat = circle.replace("{boils|sings|whistles}", "boils")
    assert [line for line in doubts(story_dir, flat) if "changes nothing" in line]


def test_the_exhaustive_test_tries_both_sides_of_a_condition_in_braces(story_dir):
    report = quicktest(load_story(story_dir("""
        passages:
          start:
            text: The door.
            choices:
              - text: Knock.
                do: [{set: {shy: true}}]
                goto: hall
              - {text: Walk in., goto: hall}
          hall:
            text: "The hall. {when shy: You keep to the wall. | otherwise: You take a chair.}"
            ending:
              title: End
              debrief: "{when coins > 5: You were rich.}"
        """, header=HEADER)))
    never = report.never()["conditions"]
    assert not [line for line in never if "hall: inline text 1" in line], never
    assert [line.split(": ", 1)[1] for line in never] == ["hall: inline text 2: 'coins > 5' never held"]
